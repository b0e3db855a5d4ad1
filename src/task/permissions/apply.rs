//! Plan and apply: read each target, merge the grant, then per target
//! back up, record the intent, write conditionally, read back and record
//! the outcome.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Serialize;

use super::backup::save_backup;
use super::{
    Account, Backup, Discovery, Phase, Progress, TaskError, find_account, grant_for, read_dacl,
    sddl_of, targets,
};
use crate::ad::grant::{GrantState, TargetKind, WritebackGrant};
use crate::ad::{Ace, Acl, SecurityDescriptor, sddl};
use crate::audit::{self, Action, Change, Plane, Trail};
use crate::backend::{Directory, Swap};
use crate::profile::GrantOptions;

/// The planned change on one target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetPlan {
    /// Target DN.
    pub dn: String,
    /// The descriptor read (DACL only), exactly as read.
    pub before: Vec<u8>,
    /// The descriptor to write.
    pub after: Vec<u8>,
    /// SDDL of both.
    pub before_sddl: String,
    /// SDDL after.
    pub after_sddl: String,
    /// The ACEs to add (empty: nothing to do).
    pub added: Vec<Ace>,
}

/// The planned change on every target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The connector account.
    pub account: Account,
    /// The domain of the connection (defaultNamingContext).
    pub domain: String,
    /// Every domain of the forest (to tell domain roots from OUs).
    pub domains: Vec<String>,
    /// Per target.
    pub targets: Vec<TargetPlan>,
}

impl Plan {
    /// The naming context of the domain holding `dn`: the longest of the
    /// forest's domains containing it, else the connection's.
    pub fn domain_of(&self, dn: &str) -> String {
        self.domains
            .iter()
            .filter(|d| crate::backend::dn_within(dn, d))
            .max_by_key(|d| d.len())
            .cloned()
            .unwrap_or_else(|| self.domain.clone())
    }

    /// True when every target already carries the grant.
    pub fn is_noop(&self) -> bool {
        self.targets.iter().all(|t| t.added.is_empty())
    }
}

/// What `apply` did on one target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetResult {
    /// Target.
    pub dn: String,
    /// SDDL before.
    pub before_sddl: String,
    /// SDDL after (read back).
    pub after_sddl: String,
    /// ACEs added, as SDDL.
    pub added: Vec<String>,
    /// Backup file (None when nothing was written).
    pub backup: Option<PathBuf>,
    /// Someone else changed the DACL since the plan; merged.
    pub merged: bool,
}
/// The largest ACL the binary form allows (its size field is 16 bits).
pub const MAX_ACL_BYTES: usize = 0xFFFF;

fn planned(
    dn: &str,
    bytes: Vec<u8>,
    sd: &SecurityDescriptor,
    grant: &WritebackGrant,
) -> Result<TargetPlan, TaskError> {
    // A NULL DACL lets everyone do everything; replacing it with a DACL
    // holding only our entries would lock everybody else out.
    let Some(dacl) = sd.dacl.as_ref() else {
        return Err(TaskError::NullDacl { dn: dn.to_string() });
    };
    let (new_dacl, diff) = grant.apply(dacl);
    if new_dacl.binary_len() > MAX_ACL_BYTES {
        return Err(TaskError::AclTooLarge {
            dn: dn.to_string(),
            bytes: new_dacl.binary_len(),
        });
    }
    let mut after = sd.clone();
    after.dacl = Some(new_dacl);
    let after_bytes = after.to_bytes().map_err(|_| TaskError::AclTooLarge {
        dn: dn.to_string(),
        bytes: after.dacl.as_ref().map_or(0, Acl::binary_len),
    })?;
    Ok(TargetPlan {
        dn: dn.to_string(),
        after: after_bytes,
        before_sddl: sddl_of(sd),
        after_sddl: sddl_of(&after),
        before: bytes,
        added: diff.added,
    })
}

/// Reads each target and computes the change, writing nothing.
pub async fn plan<D: Directory>(
    dir: &mut D,
    discovery: &Discovery,
    options: &GrantOptions,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Plan, TaskError> {
    progress(Progress::Phase(Phase::FindingAccount));
    let account = find_account(dir, discovery, &options.connector_account).await?;
    let grant = grant_for(&account, options)?;
    let mut targets_out = Vec::new();
    for dn in targets(options, discovery) {
        progress(Progress::Phase(Phase::Reading));
        let (bytes, sd) = read_dacl(dir, &dn).await?;
        let grant = grant.clone().on(TargetKind::of(&dn, &discovery.domains));
        targets_out.push(planned(&dn, bytes, &sd, &grant)?);
    }
    Ok(Plan {
        account,
        domain: discovery.default_naming_context.clone(),
        domains: discovery.domains.clone(),
        targets: targets_out,
    })
}
/// How often a write that lost a race is re-read, re-merged and retried.
pub const WRITE_ATTEMPTS: usize = 5;

/// Applies a plan: per target, re-read (merging any change made since the
/// plan), save a backup (synced to disk), record the intent in the audit
/// log, write conditionally (a change made after the re-read makes the
/// write fail; then it is re-read, re-merged and retried), read back and
/// confirm, and record the outcome. A log that cannot be written stops
/// the grant before anything changes.
pub async fn apply<D: Directory>(
    dir: &mut D,
    plan: &Plan,
    options: &GrantOptions,
    operator: &str,
    backups: &Path,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Vec<TargetResult>, TaskError> {
    let base = grant_for(&plan.account, options)?;
    trail.ready()?;
    let run = audit::rfc3339(trail.now());
    let mut results = Vec::new();
    for target in &plan.targets {
        let grant = base.clone().on(TargetKind::of(&target.dn, &plan.domains));
        let mut merged = false;
        let mut attempts = 0;
        let result = loop {
            attempts += 1;
            if attempts > WRITE_ATTEMPTS {
                return Err(TaskError::KeptChanging {
                    dn: target.dn.clone(),
                });
            }
            progress(Progress::Phase(Phase::Reading));
            let (bytes, sd) = read_dacl(dir, &target.dn).await?;
            let current = if bytes != target.before {
                merged = true;
                progress(Progress::Merged {
                    dn: target.dn.clone(),
                });
                planned(&target.dn, bytes, &sd, &grant)?
            } else {
                target.clone()
            };
            if current.added.is_empty() {
                break TargetResult {
                    dn: target.dn.clone(),
                    before_sddl: current.before_sddl.clone(),
                    after_sddl: current.before_sddl,
                    added: Vec::new(),
                    backup: None,
                    merged,
                };
            }
            let added: Vec<String> = current
                .added
                .iter()
                .filter_map(|a| sddl::format_ace(a, None))
                .collect();
            let backup = Backup {
                run: run.clone(),
                dn: target.dn.clone(),
                // The DC actually written, and the domain of the target.
                server: dir.server_for(&target.dn),
                domain: plan.domain_of(&target.dn),
                time: run.clone(),
                operator: operator.to_string(),
                sd_base64: STANDARD.encode(&current.before),
                sddl: current.before_sddl.clone(),
                written_base64: STANDARD.encode(&current.after),
                added: added.clone(),
            };
            let path = save_backup(backups, &backup)?;
            let change = |after: String, result: audit::Outcome| Change {
                plane: Plane::Ad,
                action: Action::Grant,
                account: Some(operator.to_string()),
                target: audit::Target {
                    server: Some(backup.server.clone()),
                    dn: Some(target.dn.clone()),
                    tenant: None,
                },
                before: current.before_sddl.clone().into(),
                after: after.into(),
                added: added.clone(),
                removed: Vec::new(),
                result,
                backup: Some(path.clone()),
            };
            trail.intend(change(String::new(), audit::Outcome::Pending))?;
            progress(Progress::Writing {
                dn: current.dn.clone(),
            });
            let written =
                match write_if_unchanged(dir, &target.dn, &current.before, &current.after).await {
                    Ok(true) => confirm(dir, &current, &grant, progress).await,
                    Ok(false) => continue,
                    Err(e) => Err(e),
                };
            match written {
                Ok(after_sddl) => {
                    // The DC that took the write (another one than planned
                    // when a referral was followed).
                    let mut done = change(after_sddl.clone(), audit::Outcome::Ok);
                    done.target.server = Some(dir.server_for(&target.dn));
                    trail.record_after(done);
                    break TargetResult {
                        dn: target.dn.clone(),
                        before_sddl: current.before_sddl.clone(),
                        after_sddl,
                        added,
                        backup: Some(path),
                        merged,
                    };
                }
                Err(e) => {
                    trail.record_after(change(
                        String::new(),
                        audit::Outcome::Failed {
                            reason: e.to_string(),
                        },
                    ));
                    return Err(e);
                }
            }
        };
        results.push(result);
    }
    Ok(results)
}

/// Writes `after` over `dn` only if its descriptor is still `before`:
/// `Ok(false)` when it changed meanwhile (nothing written). Uses the
/// directory's conditional write; where the server refuses one (Samba
/// 4.17 cannot delete a descriptor value) or cannot compare a DACL-only
/// value, it compares a fresh read with `before` right before replacing,
/// which narrows the window to one round trip instead of closing it.
pub async fn write_if_unchanged<D: Directory>(
    dir: &mut D,
    dn: &str,
    before: &[u8],
    after: &[u8],
) -> Result<bool, TaskError> {
    match dir.swap_dacl(dn, before, after).await? {
        Swap::Written => return Ok(true),
        Swap::Changed | Swap::Unsupported => {}
    }
    let (now, _) = read_dacl(dir, dn).await?;
    if now != before {
        return Ok(false);
    }
    dir.write_dacl(dn, after).await?;
    Ok(true)
}

/// Reads a written DACL back and checks that the grant is complete and
/// every explicit entry of before is kept; returns the SDDL read back.
async fn confirm<D: Directory>(
    dir: &mut D,
    current: &TargetPlan,
    grant: &WritebackGrant,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<String, TaskError> {
    progress(Progress::Phase(Phase::ReadingBack));
    let (_, back) = read_dacl(dir, &current.dn).await?;
    let back_dacl = back.dacl.clone().unwrap_or_else(|| Acl::new(Vec::new()));
    let before = SecurityDescriptor::from_bytes(&current.before).ok();
    let kept = before
        .as_ref()
        .and_then(|b| b.dacl.as_ref())
        .is_none_or(|d| d.explicit().all(|a| back_dacl.aces.contains(a)));
    if grant.status(&back_dacl).state != GrantState::Granted || !kept {
        return Err(TaskError::ReadBackMismatch {
            dn: current.dn.clone(),
        });
    }
    Ok(sddl_of(&back))
}
