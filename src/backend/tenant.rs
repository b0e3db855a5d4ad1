//! The tenant plane: the portal's on-premises integration settings. The
//! real implementation (the portal's own API, signed in with OAuth) is in
//! `entra/`; the demo one lives in `demo.rs`.

/// Password reset > On-premises integration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PortalPolicy {
    /// "Enable password write back for synced users".
    pub writeback: bool,
    /// "Allow users to unlock accounts without resetting their password".
    pub unlock: bool,
    /// "Write back passwords with Microsoft Entra Connect cloud sync"
    /// (`cloudProvisioningEnablementForTenant`, reported, not documented):
    /// None when the answer does not carry it (unknown, never "off").
    #[serde(default)]
    pub cloud_sync: Option<bool>,
}

/// Why the tenant plane failed. Texts never carry a token or a code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TenantError {
    /// A setting is unusable (an endpoint URL, the tenant name).
    #[error("invalid setting: {0}")]
    Config(String),
    /// The service could not be reached.
    #[error("network: {0}")]
    Network(String),
    /// The service did not answer in time.
    #[error("timed out")]
    Timeout,
    /// Nobody is signed in.
    #[error("not signed in")]
    NotSignedIn,
    /// Sign-in failed with this error code (AADSTS…) and description.
    #[error("sign-in failed: {code}: {description}")]
    SignIn {
        /// The error code.
        code: String,
        /// The server's description.
        description: String,
    },
    /// An administrator must consent to the client first (AADSTS65001).
    #[error("consent needed")]
    ConsentNeeded,
    /// The tenant does not exist (AADSTS90002).
    #[error("tenant not found: {0}")]
    TenantNotFound(String),
    /// No browser could be opened for the sign-in.
    #[error("no browser could be opened")]
    NoBrowser,
    /// The user declined the sign-in.
    #[error("sign-in declined")]
    Declined,
    /// The sign-in (device code, refresh token) expired; sign in again.
    #[error("sign-in expired")]
    Expired,
    /// The redirect carried a different state (a forged or stale answer).
    #[error("state mismatch")]
    StateMismatch,
    /// 403: the signed-in user may not do this (a role is missing).
    #[error("forbidden (403)")]
    Forbidden,
    /// 404 or an unexpected answer: the undocumented API changed.
    #[error("unexpected answer from the API: {0}")]
    ApiChanged(String),
    /// 429/503 kept coming after retries.
    #[error("throttled")]
    Throttled,
    /// Another server error.
    #[error("server error {0}")]
    Server(u16),
    /// The state read back is not the one set.
    #[error("the state read back is not the one set")]
    ReadBack,
    /// The audit log cannot be written (checked before switching).
    #[error("{0}")]
    Audit(String),
    /// 404 on a documented Graph call: the object (a user) does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// An answer larger than the limit (bytes): refused unread.
    #[error("the answer is larger than {0} bytes")]
    TooLarge(u64),
    /// The token was issued by another tenant than the one configured.
    #[error("signed in to tenant {got}, not {expected}")]
    TenantMismatch {
        /// The tenant configured.
        expected: String,
        /// The token's `tid`.
        got: String,
    },
    /// A link in an answer (`@odata.nextLink`, `Location`) points outside
    /// the service: not followed.
    #[error("refused to follow a link outside {0}")]
    ForeignLink(String),
    /// A 4xx with Graph's own error (`error.code`, `error.message`), shown
    /// as Graph said it (cut to 300 characters, control characters
    /// dropped).
    #[error("HTTP {status}: {code}: {message}")]
    Graph {
        /// The HTTP status.
        status: u16,
        /// `error.code`.
        code: String,
        /// `error.message`.
        message: String,
    },
}

impl TenantError {
    /// Whether the page should fall back to the guided manual step (the
    /// API is not usable for this user or has changed).
    pub fn needs_manual_step(&self) -> bool {
        matches!(
            self,
            TenantError::Forbidden
                | TenantError::ApiChanged(_)
                | TenantError::Server(_)
                | TenantError::Throttled
                | TenantError::ReadBack
                | TenantError::Graph { .. }
        )
    }
}

/// An Entra ID tenant.
#[allow(async_fn_in_trait)]
pub trait Tenant {
    /// Its name, for messages.
    fn name(&self) -> String;
    /// The signed-in account, when known (for the audit log).
    fn account(&self) -> Option<String> {
        None
    }
    /// Reads the on-premises integration settings.
    async fn policy(&mut self) -> Result<PortalPolicy, TenantError>;
    /// Sets "write back passwords".
    async fn set_writeback(&mut self, on: bool) -> Result<(), TenantError>;
    /// Sets "unlock without reset".
    async fn set_unlock(&mut self, on: bool) -> Result<(), TenantError>;
    /// Sets "write back passwords with cloud sync" (Cloud Sync chosen).
    async fn set_cloud_sync(&mut self, on: bool) -> Result<(), TenantError>;
}

// ---------------------------------------------------------------------
// Issue 15: the pilot test (Graph resetPassword as a long-running
// operation, the user it resets) and the portal's SSPR policy.
// ---------------------------------------------------------------------

/// The password authentication method's fixed id: every user has exactly
/// one, under `/users/{id}/authentication/methods/{PASSWORD_METHOD_ID}`.
pub const PASSWORD_METHOD_ID: &str = "28c10230-6103-485e-b985-444c60001490";

/// A user as Microsoft Graph describes it (the fields the pilot test needs).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct CloudUser {
    /// Object id.
    pub id: String,
    /// `userPrincipalName`.
    pub user_principal_name: String,
    /// `displayName`.
    pub display_name: Option<String>,
    /// `onPremisesSyncEnabled` is true: the user comes from AD.
    pub synced: bool,
    /// `onPremisesDistinguishedName`.
    pub on_premises_dn: Option<String>,
    /// `onPremisesSamAccountName`.
    pub on_premises_sam: Option<String>,
    /// `onPremisesUserPrincipalName`.
    pub on_premises_upn: Option<String>,
    /// `onPremisesDomainName`.
    pub on_premises_domain: Option<String>,
    /// Directory roles the user holds, through groups too
    /// (`transitiveMemberOf`; display names, else template ids; None: they
    /// could not be read): an administrator needs Privileged
    /// Authentication Administrator to be reset, and such a reset is not
    /// written back.
    pub admin_roles: Option<Vec<String>>,
}

/// The status of a long-running operation (Graph's `longRunningOperationStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OperationStatus {
    /// Accepted, not started.
    NotStarted,
    /// Running.
    Running,
    /// Done.
    Succeeded,
    /// Failed (see the status detail).
    Failed,
    /// `unknownFutureValue`, Graph's placeholder for values added later:
    /// not final, the operation is polled on.
    UnknownFutureValue,
}

impl OperationStatus {
    /// Parses Graph's value (`notStarted`, `running`, `succeeded`,
    /// `failed`, `unknownFutureValue`), without regard to case (older
    /// pages spell them `NotStarted`, `Running`…).
    pub fn parse(text: &str) -> Option<OperationStatus> {
        match text.trim().to_ascii_lowercase().as_str() {
            "notstarted" => Some(OperationStatus::NotStarted),
            "running" => Some(OperationStatus::Running),
            "succeeded" => Some(OperationStatus::Succeeded),
            "failed" => Some(OperationStatus::Failed),
            "unknownfuturevalue" => Some(OperationStatus::UnknownFutureValue),
            _ => None,
        }
    }

    /// Whether the operation has ended.
    pub fn is_final(self) -> bool {
        matches!(self, OperationStatus::Succeeded | OperationStatus::Failed)
    }
}

/// A reset the cloud accepted (`202 Accepted`, maybe without a body).
#[derive(Clone, Debug)]
pub struct ResetStarted {
    /// The operation's address (`Location`) exactly as returned, query
    /// string kept; None when the answer had none (the status is then
    /// unknown, the password changed all the same).
    pub location: Option<String>,
    /// How long to wait before the first poll (`Retry-After`).
    pub retry_after: Option<std::time::Duration>,
}

/// One look at the operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResetPoll {
    /// Its status.
    pub status: OperationStatus,
    /// `statusDetail` (why it failed), as Graph says it.
    pub detail: Option<String>,
    /// How long to wait before the next poll (`Retry-After`).
    pub retry_after: Option<std::time::Duration>,
}

/// Who may use self-service password reset (Password reset > Properties).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "enabled", rename_all = "kebab-case")]
pub enum SsprScope {
    /// Nobody (administrators only): writeback is then pointless.
    Nobody,
    /// The members of one group.
    Group {
        /// The group's object id.
        id: Option<String>,
        /// Its display name, when the portal told it.
        name: Option<String>,
    },
    /// Every user.
    Everyone,
}

/// The calls of the pilot test and the SSPR policy check (a separate trait
/// so that the portal plane's implementations stay as they are).
#[allow(async_fn_in_trait)]
pub trait PilotTenant {
    /// The tenant's id (`tid`) when known, else its configured name: what
    /// audit records carry.
    fn tenant_id(&self) -> String;
    /// The signed-in user's principal name, when known.
    fn signed_in_user(&self) -> Option<String>;
    /// Looks a user up by principal name (or object id), with its
    /// on-premises attributes and directory roles.
    async fn find_user(&mut self, user: &str) -> Result<CloudUser, TenantError>;
    /// Starts a password reset of the user (object id) to `new_password`
    /// (required for synced users): `POST
    /// …/methods/{PASSWORD_METHOD_ID}/resetPassword`, sent once, never
    /// retried.
    async fn reset_password(
        &mut self,
        user_id: &str,
        new_password: &super::Secret,
    ) -> Result<ResetStarted, TenantError>;
    /// Reads the operation at `location` (from [`ResetStarted`]).
    async fn reset_status(&mut self, location: &str) -> Result<ResetPoll, TenantError>;
    /// Reads who may use self-service password reset.
    async fn sspr_scope(&mut self) -> Result<SsprScope, TenantError>;
}
