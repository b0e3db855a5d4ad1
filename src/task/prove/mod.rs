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

mod pick;
mod run;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::Serialize;

use crate::backend::entra::SignInConfig;
use crate::backend::entra::pilot::{READ_USERS_SCOPE, RESET_SCOPE};
use crate::backend::entra::{SignedIn, signin};
use crate::backend::tenant::{OperationStatus, TenantError};
use crate::backend::{DirectoryError, Secret};
use crate::session::Env;
use crate::task::access::{Audit, BlockedUser};
use crate::task::diagnose::{Cause, linked_user};
use crate::task::portal::{Method, SignInProgress};

pub use pick::{PickOptions, Pilot, PilotWarning, pick, pick_with};
pub use run::run;

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

impl Options {
    /// The defaults, paced for `env`: without waits between polls on an
    /// unpaced demo (tests and screenshots), whose operation advances per
    /// poll rather than with time: the pages look the same, only sooner.
    pub fn for_env(env: &Env) -> Options {
        let defaults = Options::default();
        if env.unpaced() {
            Options {
                poll: Duration::ZERO,
                ..defaults
            }
        } else {
            defaults
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

/// A tenant error of the pick or the reset, as the test names it.
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
/// `tenant().pilot()` is the [`PilotTenant`](crate::backend::tenant::PilotTenant) to test with.
pub async fn consent(
    config: &SignInConfig,
    method: Method,
    open: &mut (dyn FnMut(&str) -> bool + Send),
    progress: &mut (dyn FnMut(SignInProgress) + Send),
) -> Result<SignedIn, TenantError> {
    let scopes = [RESET_SCOPE, READ_USERS_SCOPE];
    let session = match method {
        Method::Browser => match signin::browser_for(config, &scopes, open, progress).await {
            Err(TenantError::NoBrowser) => {
                signin::device_code_for(config, &scopes, progress).await?
            }
            other => other?,
        },
        Method::DeviceCode => signin::device_code_for(config, &scopes, progress).await?,
    };
    Ok(SignedIn::new(session).await)
}

#[cfg(test)]
mod tests {
    use super::*;

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
