//! The pilot test: proves end to end that a password reset in the cloud
//! reaches Active Directory. Microsoft Graph resets a synced pilot user's
//! password (`resetPassword`, a long-running operation) to a password made
//! here from the operating system's CSPRNG ([`crate::ad::password`]: Graph
//! requires `newPassword` for synced users); then the user is read over
//! LDAP. **Proven** when the cloud says succeeded and AD shows the write:
//! `pwdLastSet` moved (to 0, "must change at next logon", as a Graph admin
//! reset writes it, or past the reset's start); **failed** with the
//! cloud's `statusDetail` explained ([`crate::task::diagnose::cause_of`]);
//! **unproven** when the cloud says succeeded but AD shows no change
//! within the wait (replication, or look at the Connect server's log:
//! [`crate::task::diagnose`]).
//!
//! Two calls: [`pick`] checks the user (synced, not the signed-in account,
//! not privileged unless allowed, found on premises) before anything
//! changes, so the caller can ask for confirmation; [`run`] resets and
//! watches. The POST is sent once; after Graph accepted it, any error ends
//! as [`ProveError::StatusUnknown`] with the new password (it did change).
//! Both report progress through a callback; [`run`] stops at a [`Cancel`].
//! The new password is a [`Secret`]: never logged, never in the audit log.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde_json::json;

use crate::audit::{self, Action, Change, Plane, Trail};
use crate::backend::entra::pilot::RESET_SCOPE;
use crate::backend::tenant::{CloudUser, OperationStatus, PilotTenant, TenantError};
use crate::backend::{Directory, DirectoryError, Scope, Secret};
use crate::task::access::{Audit, BlockedUser};
use crate::task::diagnose::{Cause, cause_of, linked_user};
use crate::task::permissions::escape_filter;

/// Stops a running test: [`run`] returns [`ProveError::Cancelled`] at its
/// next wait. Clones share the state. (Dropping the future stops it too.)
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<(AtomicBool, tokio::sync::Notify)>);

impl Cancel {
    /// A token not cancelled yet.
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Cancels.
    pub fn cancel(&self) {
        self.0.0.store(true, Ordering::SeqCst);
        self.0.1.notify_waiters();
    }

    /// Whether [`Cancel::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.0.load(Ordering::SeqCst)
    }

    /// Waits `d`; false when cancelled meanwhile.
    async fn sleep(&self, d: Duration) -> bool {
        if self.is_cancelled() {
            return false;
        }
        let notified = self.0.1.notified();
        tokio::select! {
            _ = tokio::time::sleep(d) => !self.is_cancelled(),
            _ = notified => false,
        }
    }
}

/// What the test reports while it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Looking the user up in the cloud.
    FindingUser,
    /// Reading the user in Active Directory.
    ReadingDirectory,
    /// Sending the reset.
    Resetting,
    /// The cloud's operation, `elapsed` after the reset was sent.
    CloudStatus {
        /// Its status.
        status: OperationStatus,
        /// Seconds since the reset was sent.
        elapsed: u64,
        /// The limit, in seconds.
        limit: u64,
    },
    /// Waiting for `pwdLastSet` to move.
    WaitingForDirectory {
        /// Seconds since the cloud said succeeded.
        elapsed: u64,
        /// The limit, in seconds.
        limit: u64,
    },
}

/// Why a pilot user is privileged: refused unless the admin allows it
/// (then shown as warnings before confirming). Microsoft documents that a
/// reset of a protected account is not written back (the connector may
/// not change it) and that resetting an administrator needs Privileged
/// Authentication Administrator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "warning", rename_all = "kebab-case")]
pub enum PilotWarning {
    /// The user holds directory roles (through groups too).
    AdminRoles {
        /// The roles' names.
        roles: Vec<String>,
    },
    /// Its roles could not be read.
    RolesUnknown,
    /// `adminCount=1` in AD: AdminSDHolder protects it.
    AdminCount,
    /// It is a member of a protected group in AD.
    ProtectedGroup {
        /// The group (name or SID).
        group: String,
    },
    /// It is the account the wizard is bound to AD with.
    BindAccount,
}

/// How [`pick_with`] checks a user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PickOptions {
    /// Test a privileged user all the same (`--allow-privileged`).
    pub allow_privileged: bool,
    /// The account bound to AD (a DN, UPN, `DOMAIN\\name` or name), to
    /// refuse it as pilot.
    pub bind_account: Option<String>,
}

/// A checked pilot user, ready to test.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pilot {
    /// The user in the cloud.
    pub user: CloudUser,
    /// Its DN in Active Directory.
    pub dn: String,
    /// Its `pwdLastSet` now (FILETIME, 100 ns since 1601; 0: must change
    /// at next logon).
    pub pwd_last_set: i64,
    /// Warnings to show before confirming (privileges allowed).
    pub warnings: Vec<PilotWarning>,
    /// What the generated password respects (the domain's and the PSO's
    /// minimum length, the names it must not contain).
    #[serde(skip)]
    pub rules: crate::ad::password::Rules,
}

/// Limits of a test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// How long the cloud's operation may take.
    pub cloud_timeout: Duration,
    /// How long to wait for `pwdLastSet` to move once the cloud succeeded.
    pub directory_wait: Duration,
    /// Time between polls (the cloud's `Retry-After`, when longer, wins,
    /// up to ten seconds).
    pub poll: Duration,
    /// Clock difference tolerated between this machine and the DC.
    pub clock_skew: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            cloud_timeout: Duration::from_secs(180),
            directory_wait: Duration::from_secs(120),
            poll: Duration::from_secs(2),
            clock_skew: Duration::from_secs(300),
        }
    }
}

/// Why a test is unproven.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unproven {
    /// The cloud succeeded, `pwdLastSet` did not move within the wait.
    DirectoryUnchanged,
    /// The cloud's operation had not ended within its limit.
    CloudStillRunning,
}

/// How the test ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "kebab-case")]
pub enum Outcome {
    /// The cloud succeeded and `pwdLastSet` moved past the reset's start.
    Proven,
    /// The cloud's operation failed.
    Failed {
        /// `statusDetail`, as Graph said it.
        detail: Option<String>,
        /// Its cause, explained like an event of the Connect server.
        cause: Cause,
    },
    /// Neither proven nor failed.
    Unproven {
        /// Why.
        why: Unproven,
    },
}

impl Outcome {
    /// A stable name: `proven`, `failed`, `unproven`.
    pub fn slug(&self) -> &'static str {
        match self {
            Outcome::Proven => "proven",
            Outcome::Failed { .. } => "failed",
            Outcome::Unproven { .. } => "unproven",
        }
    }
}

/// What a test found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// How it ended.
    pub outcome: Outcome,
    /// The user's principal name.
    pub user: String,
    /// Its DN in Active Directory.
    pub dn: String,
    /// The tenant (its id when known).
    pub tenant: String,
    /// When the reset started (RFC 3339).
    pub started: String,
    /// The cloud operation's last status.
    pub cloud: OperationStatus,
    /// `pwdLastSet` before (RFC 3339; "never" for 0).
    pub pwd_last_set_before: String,
    /// `pwdLastSet` after.
    pub pwd_last_set_after: String,
    /// `unicodePwd`'s replication version before (None: not readable).
    pub password_version_before: Option<u32>,
    /// Its version after.
    pub password_version_after: Option<u32>,
    /// `pwdLastSet` is 0: the user must change password at next sign-in
    /// (a Graph admin reset asks for it).
    pub must_change_password: bool,
    /// Seconds the test took.
    pub seconds: u64,
    /// The new password (generated here), to show once: never logged,
    /// never serialized, never recorded.
    #[serde(skip)]
    pub new_password: Option<Secret>,
}

impl Report {
    /// Step 1's finding for the tested user, from a Verify or pre-flight
    /// scan (why the connector cannot reach it), when it has one.
    pub fn linked<'a>(&self, audit: &'a Audit) -> Option<&'a BlockedUser> {
        linked_user(&self.dn, audit)
    }
}

/// The role a reset needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// For ordinary users.
    AuthenticationAdministrator,
    /// For users holding an administrator role.
    PrivilegedAuthenticationAdministrator,
}

/// Why the test could not be run (or was stopped).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProveError {
    /// No such user in the tenant.
    #[error("user {0} not found")]
    UserNotFound(String),
    /// The user is cloud-only: writeback never applies to it.
    #[error("user {0} is not synchronized from Active Directory")]
    NotSynced(String),
    /// The signed-in account: Graph refuses a reset of one's own password.
    #[error("user {0} is the signed-in account")]
    OwnAccount(String),
    /// The user was not found in Active Directory.
    #[error("user {user} not found in Active Directory (tried {tried:?})")]
    NotInDirectory {
        /// The user.
        user: String,
        /// What was tried (DN, sAMAccountName, UPN).
        tried: Vec<String>,
    },
    /// 403 on the reset: the signed-in account lacks this role.
    #[error("the role {0:?} is missing")]
    RoleMissing(Role),
    /// The delegated permission has not been consented to: sign in again
    /// asking for it (incremental consent).
    #[error("consent to {scope} is needed")]
    ConsentNeeded {
        /// The scope to ask for.
        scope: String,
    },
    /// Another tenant-plane failure.
    #[error(transparent)]
    Tenant(TenantError),
    /// Active Directory could not be read.
    #[error(transparent)]
    Directory(DirectoryError),
    /// Cancelled. When the reset had been sent, the user's password has
    /// changed: the new one is here, to show once.
    #[error("cancelled")]
    Cancelled {
        /// Whether the reset had been sent.
        reset_sent: bool,
        /// The new password, when it had been received.
        new_password: Option<Secret>,
    },
    /// The reset was sent, then its status could not be read: the
    /// password may have changed (the new one is here, to show once).
    #[error("the reset was sent, its status is unknown: {error}")]
    StatusUnknown {
        /// Why the status could not be read.
        error: TenantError,
        /// The new password, when it had been received.
        new_password: Option<Secret>,
    },
    /// The audit log cannot be written (checked before the reset).
    #[error("{0}")]
    Audit(String),
    /// The user is privileged (see the reasons) and that was not allowed.
    #[error("user {user} is privileged: {reasons:?}")]
    Privileged {
        /// The user.
        user: String,
        /// Why.
        reasons: Vec<PilotWarning>,
    },
    /// No password could be generated (the OS's random source failed).
    #[error("no password could be generated")]
    NoPassword,
}

impl From<DirectoryError> for ProveError {
    fn from(e: DirectoryError) -> ProveError {
        ProveError::Directory(e)
    }
}

fn tenant_error(e: TenantError, user: &str, admin: bool) -> ProveError {
    match e {
        TenantError::NotFound(_) => ProveError::UserNotFound(user.to_string()),
        TenantError::Forbidden => ProveError::RoleMissing(if admin {
            Role::PrivilegedAuthenticationAdministrator
        } else {
            Role::AuthenticationAdministrator
        }),
        TenantError::ConsentNeeded => ProveError::ConsentNeeded {
            scope: RESET_SCOPE.to_string(),
        },
        other => ProveError::Tenant(other),
    }
}

/// Signs in again asking for the reset permission (incremental consent),
/// for when [`run`] ended with [`ProveError::ConsentNeeded`] or the
/// session has no Graph token for it. `config` names the tenant and the
/// client: Microsoft Graph Command Line Tools
/// ([`crate::backend::entra::pilot::GRAPH_CLIENT_ID`]) takes the scope with
/// consent, first-party clients such as Azure CLI's do not. The result's
/// `tenant().pilot()` is the [`PilotTenant`] to test with.
pub async fn consent(
    config: &crate::backend::entra::SignInConfig,
    method: crate::task::portal::Method,
    open: &mut (dyn FnMut(&str) -> bool + Send),
    progress: &mut (dyn FnMut(crate::task::portal::SignInProgress) + Send),
) -> Result<crate::task::portal::SignedIn, TenantError> {
    use crate::backend::entra::pilot::READ_USERS_SCOPE;
    use crate::backend::entra::signin;
    let scopes = [RESET_SCOPE, READ_USERS_SCOPE];
    let session = match method {
        crate::task::portal::Method::Browser => {
            match signin::browser_for(config, &scopes, open, progress).await {
                Err(TenantError::NoBrowser) => {
                    signin::device_code_for(config, &scopes, progress).await?
                }
                other => other?,
            }
        }
        crate::task::portal::Method::DeviceCode => {
            signin::device_code_for(config, &scopes, progress).await?
        }
    };
    let session = Arc::new(session);
    let api = crate::backend::entra::api::Api::new(session.clone());
    let user = crate::backend::entra::graph::me(&api).await.ok();
    Ok(crate::task::portal::SignedIn { session, user })
}

/// Seconds between 1601-01-01 and 1970-01-01.
const EPOCH_1601: u64 = 11_644_473_600;

/// A time as a FILETIME (100 ns since 1601), as `pwdLastSet` holds it.
pub fn filetime(t: SystemTime) -> i64 {
    let since = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs().saturating_add(EPOCH_1601);
    i64::try_from(secs.saturating_mul(10_000_000) + u64::from(since.subsec_nanos() / 100))
        .unwrap_or(i64::MAX)
}

/// A FILETIME as RFC 3339; 0 ("must change at next logon") stays `0`,
/// values out of range read "never".
pub fn filetime_text(ft: i64) -> String {
    if ft == 0 {
        return "0".into();
    }
    let Ok(ft) = u64::try_from(ft) else {
        return "never".into();
    };
    let secs = ft / 10_000_000;
    match secs.checked_sub(EPOCH_1601) {
        Some(unix) if ft != 0 && unix < 253_402_300_800 => {
            audit::rfc3339(UNIX_EPOCH + Duration::from_secs(unix))
        }
        _ => "never".into(),
    }
}

const USER_ATTRS: [&str; 7] = [
    "pwdLastSet",
    "sAMAccountName",
    "userPrincipalName",
    "adminCount",
    "memberOf",
    "displayName",
    "msDS-ResultantPSO",
];

fn pwd_last_set_of(e: &crate::backend::Entry) -> i64 {
    e.text("pwdLastSet")
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

/// Finds the user in AD: by `onPremisesDistinguishedName`, else by
/// `onPremisesSamAccountName`, else by UPN (the on-premises one, then the
/// cloud's); a name that matches several users is not taken.
async fn find_on_premises<D: Directory>(
    dir: &mut D,
    user: &CloudUser,
) -> Result<crate::backend::Entry, ProveError> {
    let mut tried = Vec::new();
    if let Some(dn) = &user.on_premises_dn {
        tried.push(dn.clone());
        match dir
            .search(dn, Scope::Base, "(objectClass=user)", &USER_ATTRS, false)
            .await
        {
            Ok(found) => {
                if let Some(e) = found.into_iter().next() {
                    return Ok(e);
                }
            }
            Err(DirectoryError::NoSuchObject { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let root = dir
        .search(
            "",
            Scope::Base,
            "(objectClass=*)",
            &["defaultNamingContext"],
            false,
        )
        .await?
        .first()
        .and_then(|e| e.text("defaultNamingContext"))
        .unwrap_or_default();
    let mut names: Vec<(&str, String)> = Vec::new();
    if let Some(sam) = &user.on_premises_sam {
        names.push(("sAMAccountName", sam.clone()));
    }
    if let Some(upn) = &user.on_premises_upn {
        names.push(("userPrincipalName", upn.clone()));
    }
    if !user.user_principal_name.is_empty() {
        names.push(("userPrincipalName", user.user_principal_name.clone()));
    }
    for (attr, value) in names {
        tried.push(format!("{attr}={value}"));
        let filter = format!(
            "(&(objectCategory=person)(objectClass=user)({attr}={}))",
            escape_filter(&value)
        );
        let found = dir
            .search(&root, Scope::Subtree, &filter, &USER_ATTRS, false)
            .await?;
        if let [one] = found.as_slice() {
            return Ok(one.clone());
        }
    }
    Err(ProveError::NotInDirectory {
        user: user.user_principal_name.clone(),
        tried,
    })
}

/// What AD shows of a user's password: `pwdLastSet` and, when it can be
/// read, `unicodePwd`'s replication metadata (Windows'
/// `msDS-ReplAttributeMetaData`, else the binary `replPropertyMetaData`).
#[derive(Clone, Debug, PartialEq, Eq)]
struct PwdState {
    pwd_last_set: i64,
    meta: Option<crate::ad::replmeta::Stamp>,
}

async fn read_state<D: Directory>(dir: &mut D, dn: &str) -> Result<PwdState, ProveError> {
    use crate::ad::replmeta;
    let found = dir
        .search(
            dn,
            Scope::Base,
            "(objectClass=*)",
            &[
                "pwdLastSet",
                "msDS-ReplAttributeMetaData",
                "replPropertyMetaData",
            ],
            false,
        )
        .await?;
    let Some(e) = found.first() else {
        return Ok(PwdState {
            pwd_last_set: 0,
            meta: None,
        });
    };
    let meta = replmeta::from_constructed(&e.texts("msDS-ReplAttributeMetaData"), "unicodePwd")
        .or_else(|| {
            e.first("replPropertyMetaData")
                .and_then(|b| replmeta::from_binary(b, replmeta::ATTID_UNICODE_PWD))
        });
    Ok(PwdState {
        pwd_last_set: pwd_last_set_of(e),
        meta,
    })
}

/// Whether AD shows the reset: `unicodePwd`'s version went up (reruns
/// too, when `pwdLastSet` stays 0), else `pwdLastSet` moved to 0 or past
/// `floor`.
fn written(before: &PwdState, after: &PwdState, floor: i64) -> bool {
    if let (Some(b), Some(a)) = (&before.meta, &after.meta) {
        if a.version > b.version {
            return true;
        }
    }
    after.pwd_last_set != before.pwd_last_set
        && (after.pwd_last_set == 0 || after.pwd_last_set >= floor)
}

/// Protected groups by RID in the builtin domain (S-1-5-32-RID) or the
/// user's domain: AdminSDHolder's list (Administrators, Account, Server,
/// Print and Backup Operators, Replicator; Domain Admins, Domain
/// Controllers, Schema Admins, Enterprise Admins, Read-only Domain
/// Controllers, Key Admins, Enterprise Key Admins).
const PROTECTED_BUILTIN: [u32; 6] = [544, 548, 549, 550, 551, 552];
const PROTECTED_DOMAIN: [u32; 7] = [512, 516, 518, 519, 521, 526, 527];
/// The same groups by their default names (for `memberOf` when
/// `tokenGroups` cannot be read).
const PROTECTED_NAMES: [&str; 13] = [
    "Administrators",
    "Account Operators",
    "Server Operators",
    "Print Operators",
    "Backup Operators",
    "Replicator",
    "Domain Admins",
    "Domain Controllers",
    "Schema Admins",
    "Enterprise Admins",
    "Read-only Domain Controllers",
    "Key Admins",
    "Enterprise Key Admins",
];

/// The protected groups the user is in: through `tokenGroups` (nested
/// membership, SIDs) when it can be read, else its direct `memberOf`.
async fn protected_groups<D: Directory>(dir: &mut D, entry: &crate::backend::Entry) -> Vec<String> {
    let mut found = Vec::new();
    if let Ok(e) = dir
        .search(
            &entry.dn,
            Scope::Base,
            "(objectClass=*)",
            &["tokenGroups"],
            false,
        )
        .await
    {
        for raw in e
            .first()
            .and_then(|e| e.attrs.get("tokengroups"))
            .into_iter()
            .flatten()
        {
            let Ok(sid) = crate::ad::Sid::from_bytes(raw) else {
                continue;
            };
            let builtin = sid.authority() == 5 && sid.sub_authorities().first() == Some(&32);
            let hit = match sid.rid() {
                Some(rid) if builtin => PROTECTED_BUILTIN.contains(&rid),
                Some(rid) => {
                    sid.sub_authorities().first() == Some(&21) && PROTECTED_DOMAIN.contains(&rid)
                }
                None => false,
            };
            if hit {
                found.push(sid.to_string());
            }
        }
    }
    for group in entry.texts("memberOf") {
        let cn = group
            .split(',')
            .next()
            .and_then(|rdn| rdn.split_once('='))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default();
        if PROTECTED_NAMES.iter().any(|n| n.eq_ignore_ascii_case(&cn)) {
            found.push(cn);
        }
    }
    found
}

/// Whether `entry` is the account named `bind` (a DN, a UPN, a
/// `DOMAIN\\name` or a bare account name).
fn is_bind_account(entry: &crate::backend::Entry, bind: &str) -> bool {
    let bind = bind.trim();
    if bind.is_empty() {
        return false;
    }
    let name = bind.rsplit('\\').next().unwrap_or(bind);
    entry.dn.eq_ignore_ascii_case(bind)
        || entry
            .text("userPrincipalName")
            .is_some_and(|u| u.eq_ignore_ascii_case(bind))
        || entry
            .text("sAMAccountName")
            .is_some_and(|s| s.eq_ignore_ascii_case(name))
}

/// The minimum password lengths that apply to `entry`: the domain's
/// `minPwdLength` and its resultant PSO's `msDS-MinimumPasswordLength`
/// (each only when it can be read).
async fn minimum_lengths<D: Directory>(dir: &mut D, entry: &crate::backend::Entry) -> Vec<u32> {
    let mut lengths = Vec::new();
    if let Some(root) = base_text(dir, "", "defaultNamingContext").await {
        lengths.extend(base_number(dir, &root, "minPwdLength").await);
    }
    if let Some(pso) = entry.text("msDS-ResultantPSO") {
        lengths.extend(base_number(dir, &pso, "msDS-MinimumPasswordLength").await);
    }
    lengths
}

/// Attribute `attribute` of the object `dn` itself, when it can be read.
async fn base_text<D: Directory>(dir: &mut D, dn: &str, attribute: &str) -> Option<String> {
    dir.search(dn, Scope::Base, "(objectClass=*)", &[attribute], false)
        .await
        .ok()
        .and_then(|found| found.first().and_then(|e| e.text(attribute)))
}

/// [`base_text`] as a number.
async fn base_number<D: Directory>(dir: &mut D, dn: &str, attribute: &str) -> Option<u32> {
    base_text(dir, dn, attribute)
        .await
        .and_then(|t| t.trim().parse().ok())
}

/// [`pick_with`] with the defaults: privileged users refused.
pub async fn pick<T: PilotTenant, D: Directory>(
    tenant: &mut T,
    dir: &mut D,
    user: &str,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Pilot, ProveError> {
    pick_with(tenant, dir, user, &PickOptions::default(), progress).await
}

/// Checks a pilot user before anything changes: it exists, is synced from
/// AD, is not the signed-in account, and is found in AD (its `pwdLastSet`
/// read). A privileged user (directory roles, roles that cannot be read,
/// `adminCount=1`, a protected group, the bind account) is refused unless
/// `options.allow_privileged`; then the reasons are warnings.
pub async fn pick_with<T: PilotTenant, D: Directory>(
    tenant: &mut T,
    dir: &mut D,
    user: &str,
    options: &PickOptions,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Pilot, ProveError> {
    let user = user.trim();
    progress(Progress::FindingUser);
    let cloud = tenant
        .find_user(user)
        .await
        .map_err(|e| tenant_error(e, user, false))?;
    if let Some(me) = tenant.signed_in_user() {
        if me.eq_ignore_ascii_case(&cloud.user_principal_name) || me.eq_ignore_ascii_case(user) {
            return Err(ProveError::OwnAccount(cloud.user_principal_name.clone()));
        }
    }
    if !cloud.synced {
        return Err(ProveError::NotSynced(cloud.user_principal_name.clone()));
    }
    let mut warnings = match &cloud.admin_roles {
        Some(roles) if roles.is_empty() => Vec::new(),
        Some(roles) => vec![PilotWarning::AdminRoles {
            roles: roles.clone(),
        }],
        None => vec![PilotWarning::RolesUnknown],
    };
    progress(Progress::ReadingDirectory);
    let entry = find_on_premises(dir, &cloud).await?;
    if entry.text("adminCount").is_some_and(|t| t.trim() == "1") {
        warnings.push(PilotWarning::AdminCount);
    }
    for group in protected_groups(dir, &entry).await {
        let w = PilotWarning::ProtectedGroup { group };
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    if options
        .bind_account
        .as_deref()
        .is_some_and(|b| is_bind_account(&entry, b))
    {
        warnings.push(PilotWarning::BindAccount);
    }
    if !warnings.is_empty() && !options.allow_privileged {
        return Err(ProveError::Privileged {
            user: cloud.user_principal_name.clone(),
            reasons: warnings,
        });
    }
    let minimums = minimum_lengths(dir, &entry).await;
    let display = entry.text("displayName").or(cloud.display_name.clone());
    let rules = crate::ad::password::Rules::for_user(
        &minimums,
        entry
            .text("sAMAccountName")
            .or(cloud.on_premises_sam.clone())
            .as_deref(),
        display.as_deref(),
    );
    Ok(Pilot {
        pwd_last_set: pwd_last_set_of(&entry),
        dn: entry.dn,
        user: cloud,
        warnings,
        rules,
    })
}

/// A password for the pilot from the operating system's CSPRNG.
fn new_password(rules: &crate::ad::password::Rules) -> Result<Secret, ProveError> {
    crate::ad::password::generate(rules, &mut |buf: &mut [u8]| getrandom::fill(buf).is_ok())
        .map(Secret::new)
        .ok_or(ProveError::NoPassword)
}

/// What the cloud did.
enum Cloud {
    Succeeded,
    Failed(Option<String>),
    StillRunning,
}

/// Resets the pilot's password in the cloud to one generated here, follows
/// the operation, then watches its `pwdLastSet`; records the intent before
/// the POST and the test (user, result; never the password) in `trail`.
pub async fn run<T: PilotTenant, D: Directory>(
    tenant: &mut T,
    dir: &mut D,
    pilot: &Pilot,
    options: &Options,
    trail: &Trail,
    cancel: &Cancel,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Report, ProveError> {
    let began = Instant::now();
    trail
        .ready()
        .map_err(|e| ProveError::Audit(e.to_string()))?;
    let upn = pilot.user.user_principal_name.clone();
    let admin = matches!(&pilot.user.admin_roles, Some(r) if !r.is_empty());
    if cancel.is_cancelled() {
        return Err(ProveError::Cancelled {
            reset_sent: false,
            new_password: None,
        });
    }
    progress(Progress::ReadingDirectory);
    let state_before = read_state(dir, &pilot.dn).await?;
    let before = state_before.pwd_last_set;
    let started = trail.now();
    let server = dir.server();
    let tenant_id = tenant.tenant_id();
    let account = tenant.signed_in_user();
    let record = |outcome: &Result<(Outcome, i64, OperationStatus), String>| {
        let (result, after) = match outcome {
            Ok((Outcome::Proven, after, cloud)) => (
                audit::Outcome::Ok,
                json!({"user": upn, "result": "proven", "cloud": cloud, "pwd_last_set": filetime_text(*after)}),
            ),
            Ok((o, after, cloud)) => (
                audit::Outcome::Failed {
                    reason: match o {
                        Outcome::Failed { detail, .. } => {
                            format!("failed: {}", detail.clone().unwrap_or_default())
                        }
                        _ => o.slug().to_string(),
                    },
                },
                json!({"user": upn, "result": o.slug(), "cloud": cloud, "pwd_last_set": filetime_text(*after)}),
            ),
            Err(reason) => (
                audit::Outcome::Failed {
                    reason: reason.clone(),
                },
                json!({"user": upn, "result": "error"}),
            ),
        };
        trail.record_after(Change {
            plane: Plane::Pilot,
            action: Action::Test,
            account: account.clone(),
            target: audit::Target {
                server: Some(server.clone()),
                dn: Some(pilot.dn.clone()),
                tenant: Some(tenant_id.clone()),
            },
            before: json!({"user": upn, "pwd_last_set": filetime_text(before)}),
            after,
            added: Vec::new(),
            removed: Vec::new(),
            result,
            backup: None,
        });
    };
    let password = new_password(&pilot.rules)?;
    trail
        .intend(Change {
            plane: Plane::Pilot,
            action: Action::Test,
            account: account.clone(),
            target: audit::Target {
                server: Some(server.clone()),
                dn: Some(pilot.dn.clone()),
                tenant: Some(tenant_id.clone()),
            },
            before: json!({"user": upn, "pwd_last_set": filetime_text(before)}),
            after: json!({"user": upn, "result": "resetting"}),
            added: Vec::new(),
            removed: Vec::new(),
            result: audit::Outcome::Pending,
            backup: None,
        })
        .map_err(|e| ProveError::Audit(e.to_string()))?;
    progress(Progress::Resetting);
    let new_password = Some(password.clone());
    let unknown = |error: TenantError| {
        // Graph accepted the reset (or may have): the password changed
        // while the status is unknown.
        tracing::warn!(error = %error, "the reset's status could not be read");
        ProveError::StatusUnknown {
            error,
            new_password: Some(password.clone()),
        }
    };
    let reset = match tenant.reset_password(&pilot.user.id, &password).await {
        Ok(r) => r,
        Err(TenantError::Timeout) => {
            // No answer: the POST may have been carried out. Never resent.
            let e = unknown(TenantError::Timeout);
            record(&Err(e.to_string()));
            return Err(e);
        }
        Err(e) => {
            let e = tenant_error(e, &upn, admin);
            record(&Err(e.to_string()));
            return Err(e);
        }
    };
    let Some(location) = reset.location.clone() else {
        let e = unknown(TenantError::ApiChanged(
            "resetPassword accepted without Location".into(),
        ));
        record(&Err(e.to_string()));
        return Err(e);
    };
    let cancelled = |new_password: &Option<Secret>| ProveError::Cancelled {
        reset_sent: true,
        new_password: new_password.clone(),
    };
    // Follow the operation.
    let sent = Instant::now();
    let limit = options.cloud_timeout.as_secs();
    let mut wait = reset.retry_after;
    let mut status = OperationStatus::NotStarted;
    let cloud = loop {
        let pause = wait
            .unwrap_or(options.poll)
            .max(options.poll)
            .min(Duration::from_secs(10));
        if sent.elapsed() + pause > options.cloud_timeout {
            break Cloud::StillRunning;
        }
        if !cancel.sleep(pause).await {
            record(&Err("cancelled after the reset was sent".into()));
            return Err(cancelled(&new_password));
        }
        let poll = match tenant.reset_status(&location).await {
            Ok(p) => p,
            Err(e) => {
                let e = unknown(e);
                record(&Err(e.to_string()));
                return Err(e);
            }
        };
        status = poll.status;
        wait = poll.retry_after;
        progress(Progress::CloudStatus {
            status,
            elapsed: sent.elapsed().as_secs(),
            limit,
        });
        match status {
            OperationStatus::Succeeded => break Cloud::Succeeded,
            OperationStatus::Failed => break Cloud::Failed(poll.detail),
            _ => {}
        }
    };
    let mut after = before;
    let mut state_after = state_before.clone();
    let outcome = match cloud {
        Cloud::Failed(detail) => {
            let cause = cause_of(0, detail.as_deref().unwrap_or(""));
            Outcome::Failed { detail, cause }
        }
        Cloud::StillRunning => Outcome::Unproven {
            why: Unproven::CloudStillRunning,
        },
        Cloud::Succeeded => {
            // Watch pwdLastSet: it must move past the reset's start.
            let floor = filetime(started) - (options.clock_skew.as_nanos() / 100) as i64;
            let waited = Instant::now();
            let limit = options.directory_wait.as_secs();
            loop {
                state_after = read_state(dir, &pilot.dn).await?;
                after = state_after.pwd_last_set;
                if written(&state_before, &state_after, floor) {
                    break Outcome::Proven;
                }
                progress(Progress::WaitingForDirectory {
                    elapsed: waited.elapsed().as_secs(),
                    limit,
                });
                if waited.elapsed() + options.poll > options.directory_wait {
                    break Outcome::Unproven {
                        why: Unproven::DirectoryUnchanged,
                    };
                }
                if !cancel.sleep(options.poll).await {
                    record(&Err("cancelled after the reset was sent".into()));
                    return Err(cancelled(&new_password));
                }
            }
        }
    };
    record(&Ok((outcome.clone(), after, status)));
    tracing::info!(
        user = upn,
        dn = pilot.dn,
        result = outcome.slug(),
        cloud = ?status,
        "pilot test"
    );
    Ok(Report {
        outcome,
        user: upn,
        dn: pilot.dn.clone(),
        tenant: tenant.tenant_id(),
        started: audit::rfc3339(started),
        cloud: status,
        pwd_last_set_before: filetime_text(before),
        pwd_last_set_after: filetime_text(after),
        password_version_before: state_before.meta.as_ref().map(|m| m.version),
        password_version_after: state_after.meta.as_ref().map(|m| m.version),
        must_change_password: after == 0,
        seconds: began.elapsed().as_secs(),
        new_password,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filetimes_round_trip() {
        let t = UNIX_EPOCH + Duration::from_secs(1_764_000_000);
        let ft = filetime(t);
        assert_eq!(ft, (1_764_000_000 + 11_644_473_600) * 10_000_000);
        assert_eq!(filetime_text(ft), "2025-11-24T16:00:00Z");
        assert_eq!(filetime_text(0), "0");
        assert_eq!(filetime_text(-1), "never");
        assert_eq!(filetime_text(i64::MAX), "never");
    }

    #[test]
    fn a_rerun_is_proven_by_the_password_version() {
        use crate::ad::replmeta::Stamp;
        let meta = |version| {
            Some(Stamp {
                version,
                changed: UNIX_EPOCH,
            })
        };
        let zero = |v| PwdState {
            pwd_last_set: 0,
            meta: meta(v),
        };
        assert!(
            written(&zero(3), &zero(4), 100),
            "0 stays 0, the version moves"
        );
        assert!(!written(&zero(4), &zero(4), 100));
        let set = |t, v| PwdState {
            pwd_last_set: t,
            meta: v,
        };
        assert!(written(&set(50, None), &set(0, None), 100), "to 0");
        assert!(written(&set(50, None), &set(150, None), 100));
        assert!(
            !written(&set(50, None), &set(60, None), 100),
            "before the start"
        );
        assert!(!written(&set(0, None), &set(0, None), 100));
    }

    #[tokio::test]
    async fn cancel_wakes_a_sleep() {
        let c = Cancel::new();
        let c2 = c.clone();
        let t = tokio::spawn(async move { c2.sleep(Duration::from_secs(30)).await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        c.cancel();
        assert!(!t.await.unwrap());
        assert!(!c.sleep(Duration::from_millis(1)).await);
    }
}
