//! Step 1: check, grant, verify and undo the writeback permissions in
//! Active Directory. No UI here: progress goes to a callback, results and
//! errors are typed; the GUI page and the CLI both call these functions.
//!
//! One module per operation: `discovery` (RootDSE, the forest's domains,
//! the connector account, the targets), `check` (pre-flight), `scan`
//! (the user scan of pre-flight and verify), `apply` (plan and the
//! conditional write), `backup` (saving, loading and checking backups)
//! and `rollback`. Everything is re-exported here, so callers name
//! `crate::task::permissions::X`.

use crate::ad::grant::WritebackGrant;
use crate::ad::{SecurityDescriptor, Sid, sddl};
use crate::backend::{Directory, DirectoryError, Scope};
use crate::profile::GrantOptions;
pub use crate::task::access::{Audit, BlockedOu, BlockedUser, DomainAudit, Reason};

mod apply;
mod backup;
mod check;
mod discovery;
mod rollback;
mod scan;
mod token;

pub use apply::{
    MAX_ACL_BYTES, Plan, TargetPlan, TargetResult, WRITE_ATTEMPTS, apply, plan, write_if_unchanged,
};
pub use backup::{
    Backup, CheckedBackup, backup_dir, backup_name, check_backup, demo_backup_dir,
    grant_entries_only, load_backups, load_backups_for,
};
pub use check::{Check, ConnectorProblem, Finding, Outcome, check, connector_checks};
pub use discovery::{
    Account, AccountKind, DcSource, Discovery, DomainName, DomainServer, ForestDomain, discover,
    escape_filter, find_account, forest_domains, targets,
};
pub use rollback::{RollbackResult, backups_to_undo, not_in_log, rollback};
pub use scan::{audit_users, verify};
pub use token::{ConnectorFacts, Home, connector_facts, token_for_domain};

/// OIDs of the password-policy-hints controls (new, then old).
pub const POLICY_HINTS_OIDS: [&str; 2] = ["1.2.840.113556.1.4.2239", "1.2.840.113556.1.4.2066"];

/// Why a step-1 task failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TaskError {
    /// The directory refused or failed.
    #[error(transparent)]
    Directory(#[from] DirectoryError),
    /// No account has that name.
    #[error("no account named {0:?}")]
    AccountNotFound(String),
    /// Several accounts match.
    #[error("{name:?} matches {} accounts", candidates.len())]
    AccountAmbiguous {
        /// What was searched.
        name: String,
        /// The DNs found.
        candidates: Vec<String>,
    },
    /// An entry lacks data it must have.
    #[error("{dn}: {what}")]
    BadData {
        /// Object.
        dn: String,
        /// What is wrong.
        what: String,
    },
    /// A pre-flight finding blocks the change.
    #[error("blocked by pre-flight findings")]
    Blocked(Vec<Check>),
    /// After writing, the DACL read back is not what was written.
    #[error("{dn}: the permissions read back differ from those written")]
    ReadBackMismatch {
        /// Object.
        dn: String,
    },
    /// A backup could not be written or read.
    #[error("backup {path}: {reason}")]
    Backup {
        /// File.
        path: String,
        /// Details.
        reason: String,
    },
    /// Nothing to undo.
    #[error("no backup of a grant was found in {0}")]
    NoBackup(String),
    /// The newest grant run never reached the directory (its write failed).
    #[error("the grant saved in {0} never reached the directory")]
    NeverApplied(String),
    /// The target has no DACL at all (everyone may do everything):
    /// refused, never replaced by a DACL holding only the grant.
    #[error("{dn} has no DACL (a NULL DACL gives everyone full control): nothing was changed")]
    NullDacl {
        /// Object.
        dn: String,
    },
    /// The DACL with the grant would exceed the 64 KB an ACL can hold.
    #[error(
        "{dn}: the DACL with the grant would be {bytes} bytes, more than an ACL can hold (65,535)"
    )]
    AclTooLarge {
        /// Object.
        dn: String,
        /// Its size.
        bytes: usize,
    },
    /// The DACL kept changing under the conditional write.
    #[error(
        "{dn}: the permissions kept changing while the grant was written; nothing was overwritten"
    )]
    KeptChanging {
        /// Object.
        dn: String,
    },
    /// A backup does not belong to this connection or is inconsistent.
    #[error("backup {path} refused: {why}")]
    BackupRefused {
        /// File.
        path: String,
        /// Why.
        why: BackupProblem,
    },
    /// A rollback of several objects stopped part-way.
    #[error("rollback stopped at {failed}: {reason} (undone before it: {})", if undone.is_empty() { "none".to_string() } else { undone.join("; ") })]
    PartialRollback {
        /// Objects already undone.
        undone: Vec<String>,
        /// The object where it stopped.
        failed: String,
        /// Why.
        reason: Box<TaskError>,
    },
    /// Neither `tokenGroups` nor `tokenGroupsNoGCAcceptable` of the
    /// connector account could be read: its groups are unknown, so a deny
    /// to one of them could not be seen. Nothing is judged.
    #[error("{dn}: the account's groups (tokenGroups) cannot be read")]
    TokenUnreadable {
        /// The connector account.
        dn: String,
    },
    /// Backups this machine's audit log does not know (a colleague's, or
    /// hand-made): not restored without asking again.
    #[error("not in this machine's audit log: {}", .0.join("; "))]
    ForeignBackup(Vec<String>),
    /// The audit log cannot be written (checked before any change).
    #[error("audit log {path}: {reason}")]
    Audit {
        /// File.
        path: String,
        /// Details.
        reason: String,
    },
}

impl From<crate::audit::AuditError> for TaskError {
    fn from(e: crate::audit::AuditError) -> Self {
        TaskError::Audit {
            path: e.path,
            reason: e.reason,
        }
    }
}

/// Why a backup is refused for a rollback.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupProblem {
    /// It was made on another domain controller.
    #[error("it was made on {backup}, not on {connected}")]
    OtherServer {
        /// The backup's server.
        backup: String,
        /// The connection's.
        connected: String,
    },
    /// It belongs to another domain.
    #[error("it belongs to {backup}, not to {connected}")]
    OtherDomain {
        /// The backup's domain.
        backup: String,
        /// The connection's.
        connected: String,
    },
    /// Its "before" is not its "written" minus the entries it added.
    #[error("its saved descriptor before the grant is not the written one minus the added entries")]
    Inconsistent,
    /// It names an object outside the domain.
    #[error("it names {0}, which is outside the domain")]
    OutsideDomain(String),
    /// An entry it would remove is not one the grant writes on that kind
    /// of target for one connector account (A1–A5).
    #[error("it would remove {entry}, which is not an entry of the writeback grant")]
    NotTheGrant {
        /// The entry, SDDL.
        entry: String,
    },
}

/// Progress of a running task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Working on a phase (reading, checking…).
    Phase(Phase),
    /// Users scanned so far, and how many of them carry the grant. A
    /// paged search has no cheap total, so the count grows as pages arrive.
    Users {
        /// Scanned.
        done: u64,
        /// Of which carry every inherited ACE of the grant.
        carrying: u64,
    },
    /// About to write the DACL of `dn`.
    Writing {
        /// Object.
        dn: String,
    },
    /// The DACL changed since the plan: our ACEs are added to the new one.
    Merged {
        /// Object.
        dn: String,
    },
}

/// Phases, for progress lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Reading RootDSE and the forest.
    Discovering,
    /// Looking up the connector account.
    FindingAccount,
    /// Reading a target's DACL.
    Reading,
    /// Scanning users.
    ScanningUsers,
    /// Reading back after a write.
    ReadingBack,
}
/// Reads the DACL-only descriptor of `dn`: its exact bytes and the parse.
pub async fn read_dacl<D: Directory>(
    dir: &mut D,
    dn: &str,
) -> Result<(Vec<u8>, SecurityDescriptor), TaskError> {
    let entries = dir
        .search(
            dn,
            Scope::Base,
            "(objectClass=*)",
            &["nTSecurityDescriptor"],
            true,
        )
        .await?;
    let bytes = entries
        .first()
        .and_then(|e| e.first("nTSecurityDescriptor"))
        .map(<[u8]>::to_vec)
        .ok_or_else(|| TaskError::BadData {
            dn: dn.to_string(),
            what: "nTSecurityDescriptor not readable".into(),
        })?;
    let sd = SecurityDescriptor::from_bytes(&bytes).map_err(|e| TaskError::BadData {
        dn: dn.to_string(),
        what: e.to_string(),
    })?;
    Ok((bytes, sd))
}

fn sddl_of(sd: &SecurityDescriptor) -> String {
    sddl::format(sd, None).unwrap_or_else(|e| e.to_string())
}

fn grant_for(account: &Account, options: &GrantOptions) -> Result<WritebackGrant, TaskError> {
    let sid: Sid = account.sid.parse().map_err(|_| TaskError::BadData {
        dn: account.dn.clone(),
        what: "objectSid".into(),
    })?;
    Ok(WritebackGrant::new(sid, options.inetorgperson))
}
