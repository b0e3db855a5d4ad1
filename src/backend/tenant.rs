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
}
