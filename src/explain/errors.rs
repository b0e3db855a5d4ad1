//! The planes' errors in words, each naming its fix: the directory
//! (LDAP), step 1's task, the Connect server and the tenant.

use crate::backend::DirectoryError;
use crate::backend::sync::SyncError;
use crate::backend::tenant::TenantError;
use crate::fl;
use crate::localize::with_option;
use crate::task::permissions::{BackupProblem, TaskError};

/// A directory error, translated, naming the fix.
pub fn directory_error(e: &DirectoryError) -> String {
    match e {
        DirectoryError::Unreachable { url, reason } => {
            fl!(
                "dir-error-unreachable",
                url = url.as_str(),
                reason = reason.as_str()
            )
        }
        DirectoryError::UntrustedCertificate { url, reason } => with_option(
            fl!(
                "dir-error-untrusted",
                url = url.as_str(),
                reason = reason.as_str()
            ),
            "--ca-file",
        ),
        DirectoryError::HostnameMismatch { url, reason } => {
            fl!(
                "dir-error-hostname",
                url = url.as_str(),
                reason = reason.as_str()
            )
        }
        DirectoryError::Tls { url, reason } => {
            fl!(
                "dir-error-tls",
                url = url.as_str(),
                reason = reason.as_str()
            )
        }
        DirectoryError::InvalidCredentials => fl!("dir-error-credentials"),
        DirectoryError::InsufficientRights { dn } => {
            fl!("dir-error-rights", dn = dn.as_str())
        }
        DirectoryError::NoSuchObject { dn } => fl!("dir-error-no-such-object", dn = dn.as_str()),
        DirectoryError::Timeout { seconds } => {
            let seconds = *seconds;
            with_option(fl!("dir-error-timeout", seconds = seconds), "--timeout")
        }
        DirectoryError::ConnectionLost { reason } => {
            fl!("dir-error-connection-lost", reason = reason.as_str())
        }
        DirectoryError::Ldap { code, dn, text } => fl!(
            "dir-error-ldap",
            code = code.to_string(),
            dn = dn.as_str(),
            text = text.as_str()
        ),
        DirectoryError::Plaintext => with_option(
            fl!("dir-error-plaintext"),
            "--starttls, --insecure-plaintext",
        ),
        DirectoryError::Config(text) => fl!("dir-error-config", text = text.as_str()),
        DirectoryError::Domain {
            domain,
            server,
            reason,
        } => with_option(
            fl!(
                "forest-error-domain",
                domain = domain.as_str(),
                server = server.as_str(),
                reason = directory_error(reason)
            ),
            &format!("--domain-server {domain}=ldaps://HOST"),
        ),
        DirectoryError::SrvRefused { domain, host } => with_option(
            fl!(
                "srv-refused",
                domain = domain.as_str(),
                host = host.as_str()
            ),
            &format!("--domain-server {domain}=ldaps://HOST --ca-file"),
        ),
        DirectoryError::ReferralRefused { url, dn } => fl!(
            "forest-error-referral-refused",
            url = url.as_str(),
            dn = dn.as_str()
        ),
    }
}

/// A step-1 task error, translated, naming the fix.
pub fn task_error(e: &TaskError) -> String {
    match e {
        TaskError::Directory(d) => directory_error(d),
        TaskError::AccountNotFound(name) => {
            fl!("task-error-account-not-found", name = name.as_str())
        }
        TaskError::AccountAmbiguous { name, candidates } => fl!(
            "task-error-account-ambiguous",
            name = name.as_str(),
            candidates = candidates.join("; ")
        ),
        TaskError::BadData { dn, what } => {
            fl!(
                "task-error-bad-data",
                dn = dn.as_str(),
                what = what.as_str()
            )
        }
        TaskError::Blocked(_) => fl!("cli-blocked"),
        TaskError::ReadBackMismatch { dn } => fl!("task-error-read-back", dn = dn.as_str()),
        TaskError::Backup { path, reason } => {
            fl!(
                "task-error-backup",
                path = path.as_str(),
                reason = reason.as_str()
            )
        }
        TaskError::NoBackup(dir) => fl!("task-error-no-backup", dir = dir.as_str()),
        TaskError::NeverApplied(path) => with_option(
            fl!("task-error-never-applied", path = path.as_str()),
            "--backup FILE",
        ),
        TaskError::Audit { path, reason } => {
            fl!("audit-error", reason = format!("{path}: {reason}"))
        }
        TaskError::NullDacl { dn } => fl!("task-error-null-dacl", dn = dn.as_str()),
        TaskError::TokenUnreadable { dn } => fl!("task-error-token-unreadable", dn = dn.as_str()),
        TaskError::ForeignBackup(paths) => with_option(
            fl!("task-error-foreign-backup", backups = paths.join("; ")),
            "--backup FILE",
        ),
        TaskError::AclTooLarge { dn, bytes } => fl!(
            "task-error-acl-too-large",
            dn = dn.as_str(),
            bytes = bytes.to_string()
        ),
        TaskError::KeptChanging { dn } => fl!("task-error-kept-changing", dn = dn.as_str()),
        TaskError::BackupRefused { path, why } => fl!(
            "task-error-backup-refused",
            path = path.as_str(),
            why = backup_problem(why)
        ),
        TaskError::PartialRollback {
            undone,
            failed,
            reason,
        } => fl!(
            "task-error-partial-rollback",
            failed = failed.as_str(),
            reason = task_error(reason),
            undone = if undone.is_empty() {
                fl!("task-error-partial-none")
            } else {
                undone.join("; ")
            }
        ),
    }
}

/// Why a backup was refused, translated.
pub fn backup_problem(p: &BackupProblem) -> String {
    match p {
        BackupProblem::OtherServer { backup, connected } => with_option(
            fl!(
                "backup-other-server",
                backup = backup.as_str(),
                connected = connected.as_str()
            ),
            "--backup",
        ),
        BackupProblem::OtherDomain { backup, connected } => fl!(
            "backup-other-domain",
            backup = backup.as_str(),
            connected = connected.as_str()
        ),
        BackupProblem::Inconsistent => fl!("backup-inconsistent"),
        BackupProblem::OutsideDomain(dn) => fl!("backup-outside-domain", dn = dn.as_str()),
        BackupProblem::NotTheGrant { entry } => {
            fl!("backup-not-the-grant", entry = entry.as_str())
        }
    }
}

/// A Connect-plane error, translated, naming the fix.
pub fn sync_error(e: &SyncError) -> String {
    match e {
        SyncError::NoPowerShell { exe, reason } => {
            fl!(
                "sync-error-no-powershell",
                exe = exe.as_str(),
                reason = reason.as_str()
            )
        }
        SyncError::ModuleMissing(m) => {
            with_option(fl!("sync-error-module", detail = m.as_str()), "--remote")
        }
        SyncError::AccessDenied(m) => fl!("sync-error-access", detail = m.as_str()),
        SyncError::NoConnector => fl!("sync-error-no-connector"),
        SyncError::SeveralConnectors(names) => {
            fl!("sync-error-several", names = names.join("; "))
        }
        SyncError::Remote(m) => fl!("sync-error-remote", detail = m.as_str()),
        SyncError::Garbage(m) => fl!("sync-error-garbage", detail = m.as_str()),
        SyncError::Timeout(s) => {
            let seconds = *s;
            fl!("sync-error-timeout", seconds = seconds)
        }
        SyncError::Failed(m) => fl!("sync-error", reason = m.as_str()),
        SyncError::ReadBack => fl!("sync-error-read-back"),
        SyncError::Audit(m) => fl!("audit-error", reason = m.as_str()),
        SyncError::AgentMissing(m) => with_option(
            fl!("cloudsync-error-agent", detail = m.as_str()),
            "--remote",
        ),
        SyncError::SignInRefused(m) => fl!("cloudsync-error-sign-in", detail = m.as_str()),
        SyncError::TooLarge(limit) => fl!(
            "sync-error-too-large",
            mib = (limit / (1024 * 1024)).to_string()
        ),
    }
}

/// A tenant-plane (sign-in, portal API, Graph) error, translated, naming
/// the fix.
pub fn tenant_error(e: &TenantError) -> String {
    use TenantError as E;
    match e {
        E::Config(m) => with_option(
            fl!("tenant-error-config", detail = m.as_str()),
            "--tenant, --client-id",
        ),
        E::Network(m) => fl!("tenant-error-network", detail = m.as_str()),
        E::Timeout => fl!("tenant-error-timeout"),
        E::NotSignedIn => fl!("tenant-error-not-signed-in"),
        E::SignIn { code, description } => fl!(
            "tenant-error-sign-in",
            code = code.as_str(),
            detail = description.as_str()
        ),
        E::ConsentNeeded => with_option(fl!("tenant-error-consent"), "--client-id"),
        E::TenantNotFound(t) => fl!("tenant-error-tenant", tenant = t.as_str()),
        E::NoBrowser => with_option(fl!("tenant-error-no-browser"), "--device-code"),
        E::Declined => fl!("tenant-error-declined"),
        E::Expired => fl!("tenant-error-expired"),
        E::StateMismatch => fl!("tenant-error-state"),
        E::Forbidden => fl!("tenant-error-forbidden"),
        E::ApiChanged(m) => fl!("tenant-error-api", detail = m.as_str()),
        E::Throttled => fl!("tenant-error-throttled"),
        E::Server(s) => fl!("tenant-error-server", status = s.to_string()),
        E::ReadBack => fl!("tenant-error-read-back"),
        E::Audit(m) => fl!("audit-error", reason = m.as_str()),
        E::NotFound(what) => fl!("tenant-error-not-found", what = what.as_str()),
        E::TooLarge(limit) => fl!(
            "tenant-error-too-large",
            mib = (limit / (1024 * 1024)).to_string()
        ),
        E::TenantMismatch { expected, got } => with_option(
            fl!(
                "tenant-error-tenant-mismatch",
                expected = expected.as_str(),
                got = got.as_str()
            ),
            "--tenant",
        ),
        E::ForeignLink(base) => fl!("tenant-error-foreign-link", base = base.as_str()),
        E::Graph {
            status,
            code,
            message,
        } => fl!(
            "tenant-error-graph",
            status = status.to_string(),
            code = code.as_str(),
            message = message.as_str()
        ),
    }
}
