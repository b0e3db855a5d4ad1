//! The pilot test in words: its errors and warnings, its progress, and
//! its result with the cause and fix of a failure.

use super::ad::{fix, reason};
use super::diagnose::{diagnosis_cause, diagnosis_fix};
use super::errors::{directory_error, tenant_error};
use crate::backend::tenant::OperationStatus;
use crate::fl;
use crate::localize::with_option;
use crate::task::access::BlockedUser;
use crate::task::prove::{Outcome, PilotWarning, Progress, ProveError, Report, Role, Unproven};

/// The role a pilot reset needs, by name.
pub fn prove_role(r: Role) -> String {
    match r {
        Role::AuthenticationAdministrator => fl!("prove-role-authentication-administrator"),
        Role::PrivilegedAuthenticationAdministrator => {
            fl!("prove-role-privileged-authentication-administrator")
        }
    }
}

/// A pilot test error, translated, naming the fix.
pub fn prove_error(e: &ProveError) -> String {
    use ProveError as E;
    match e {
        E::UserNotFound(u) => fl!("prove-error-user-not-found", user = u.as_str()),
        E::NotSynced(u) => fl!("prove-error-not-synced", user = u.as_str()),
        E::OwnAccount(u) => fl!("prove-error-own-account", user = u.as_str()),
        E::NotInDirectory { user, tried } => fl!(
            "prove-error-not-in-directory",
            user = user.as_str(),
            tried = tried.join("; ")
        ),
        E::RoleMissing(role) => fl!("prove-error-role-missing", role = prove_role(*role)),
        E::ConsentNeeded { scope } => fl!("prove-error-consent", scope = scope.as_str()),
        E::Tenant(t) => tenant_error(t),
        E::Directory(d) => directory_error(d),
        E::Cancelled {
            reset_sent: false, ..
        } => fl!("prove-error-cancelled"),
        E::Cancelled {
            reset_sent: true, ..
        } => fl!("prove-error-cancelled-sent"),
        E::StatusUnknown { error, .. } => {
            fl!("prove-error-status-unknown", reason = tenant_error(error))
        }
        E::Audit(m) => fl!("audit-error", reason = m.as_str()),
        E::Privileged { user, reasons } => with_option(
            fl!(
                "prove-error-privileged",
                user = user.as_str(),
                reasons = reasons
                    .iter()
                    .map(pilot_warning)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            "--allow-privileged",
        ),
        E::NoPassword => fl!("prove-error-no-password"),
    }
}

/// A warning about the pilot user.
pub fn pilot_warning(w: &PilotWarning) -> String {
    match w {
        PilotWarning::AdminRoles { roles } => {
            fl!("prove-warning-admin-roles", roles = roles.join(", "))
        }
        PilotWarning::RolesUnknown => fl!("prove-warning-roles-unknown"),
        PilotWarning::AdminCount => fl!("prove-warning-admin-count"),
        PilotWarning::ProtectedGroup { group } => {
            fl!("prove-warning-protected-group", group = group.as_str())
        }
        PilotWarning::BindAccount => fl!("prove-warning-bind-account"),
    }
}

/// The cloud operation's status in words.
pub fn operation_status(s: OperationStatus) -> String {
    use OperationStatus as S;
    match s {
        S::NotStarted => fl!("prove-status-not-started"),
        S::Running => fl!("prove-status-running"),
        S::Succeeded => fl!("prove-status-succeeded"),
        S::Failed => fl!("prove-status-failed"),
        S::UnknownFutureValue => fl!("prove-status-unknown-future"),
    }
}

/// A progress line of the pilot test.
pub fn prove_progress(p: &Progress) -> String {
    use Progress as P;
    match p {
        P::FindingUser => fl!("prove-progress-finding-user"),
        P::ReadingDirectory => fl!("prove-progress-reading-directory"),
        P::Resetting => fl!("prove-progress-resetting"),
        P::CloudStatus {
            status,
            elapsed,
            limit,
        } => fl!(
            "prove-progress-cloud",
            status = operation_status(*status),
            elapsed = elapsed.to_string(),
            limit = limit.to_string()
        ),
        P::WaitingForDirectory { elapsed, limit } => fl!(
            "prove-progress-waiting-directory",
            elapsed = elapsed.to_string(),
            limit = limit.to_string()
        ),
    }
}

/// The result's title (`prove-result-proven`, …).
pub fn prove_title(o: &Outcome) -> String {
    match o {
        Outcome::Proven => fl!("prove-result-proven"),
        Outcome::Failed { .. } => fl!("prove-result-failed"),
        Outcome::Unproven { .. } => fl!("prove-result-unproven"),
    }
}

/// The result explained: what was seen, and for a failure its cause and
/// fix; for unproven, where to look.
pub fn prove_detail(r: &Report) -> Vec<String> {
    match &r.outcome {
        Outcome::Proven => {
            let mut lines = vec![fl!(
                "prove-proven-detail",
                dn = r.dn.as_str(),
                before = r.pwd_last_set_before.as_str(),
                after = r.pwd_last_set_after.as_str(),
                started = r.started.as_str()
            )];
            if let (Some(b), Some(a)) = (r.password_version_before, r.password_version_after) {
                lines.push(fl!(
                    "prove-password-version",
                    before = b.to_string(),
                    after = a.to_string()
                ));
            }
            if r.must_change_password {
                lines.push(fl!("prove-must-change"));
            }
            lines
        }
        Outcome::Failed { detail, cause } => vec![
            fl!(
                "prove-failed-detail",
                detail = detail.clone().unwrap_or_else(|| "—".into())
            ),
            diagnosis_cause(cause),
            diagnosis_fix(cause),
        ],
        Outcome::Unproven {
            why: Unproven::DirectoryUnchanged,
        } => vec![fl!("prove-unproven-directory", dn = r.dn.as_str())],
        Outcome::Unproven {
            why: Unproven::CloudStillRunning,
        } => vec![fl!("prove-unproven-cloud")],
    }
}

/// Step 1's finding for a user named by a test or an event.
pub fn linked_finding(u: &BlockedUser) -> String {
    fl!(
        "prove-linked-finding",
        dn = u.dn.as_str(),
        reason = reason(&u.reason),
        fix = fix(&u.reason)
    )
}
