//! Rollback: undo a grant run from its backups, restoring a descriptor
//! unchanged since or removing exactly the entries the run added.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{
    Backup, CheckedBackup, Discovery, Phase, Progress, TaskError, check_backup, load_backups_for,
    read_dacl, sddl_of, write_if_unchanged,
};
use crate::ad::grant::remove_aces;
use crate::ad::{Acl, sddl};
use crate::audit::{self, Action, Change, Plane, Trail};
use crate::backend::{Directory, ForestDomain, domain_of};

/// What rollback did on one object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RollbackResult {
    /// Object.
    pub dn: String,
    /// The descriptor was unchanged since the grant: restored exactly.
    pub restored_backup: bool,
    /// ACEs removed, SDDL.
    pub removed: Vec<String>,
    /// SDDL read back.
    pub after_sddl: String,
}

/// Undoes a grant run: every backup is checked first ([`check_backup`]:
/// this server, this domain, consistent), then per object the backup is
/// restored when the DACL is unchanged since, else exactly the ACEs that
/// run added are removed; read back. Each write (done or failed) is
/// recorded in `trail`; `operator` is the account used on the directory.
/// When it stops part-way, the error names the objects already undone.
pub async fn rollback<D: Directory>(
    dir: &mut D,
    backups: &[(PathBuf, Backup)],
    domain: &str,
    operator: &str,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Vec<RollbackResult>, TaskError> {
    trail.ready()?;
    // Each backup against the DC this connection uses for its domain.
    let routes = dir.routes();
    let checked: Vec<CheckedBackup> = backups
        .iter()
        .map(|(path, b)| {
            let (server, nc) = origin(dir, &routes, &b.dn, domain);
            check_backup(path, b, &server, &nc)
        })
        .collect::<Result<_, _>>()?;
    let mut results: Vec<RollbackResult> = Vec::new();
    for ((path, b), c) in backups.iter().zip(checked) {
        match rollback_one(dir, path, b, c, operator, trail, progress).await {
            Ok(r) => results.push(r),
            Err(e)
                if results
                    .iter()
                    .any(|r| r.restored_backup || !r.removed.is_empty()) =>
            {
                return Err(TaskError::PartialRollback {
                    undone: results
                        .iter()
                        .filter(|r| r.restored_backup || !r.removed.is_empty())
                        .map(|r| r.dn.clone())
                        .collect(),
                    failed: b.dn.clone(),
                    reason: Box::new(e),
                });
            }
            Err(e) => return Err(e),
        }
    }
    Ok(results)
}

/// The backups a rollback undoes, each checked before anything is shown
/// or written: `files` (each read as given), or without any, the newest
/// run in `folder` made through this DC or through the DC this connection
/// uses for another domain of the forest. Each is checked against the DC
/// its domain is reached through.
pub fn backups_to_undo<D: Directory>(
    dir: &D,
    discovery: &Discovery,
    folder: &Path,
    files: &[PathBuf],
) -> Result<Vec<(PathBuf, Backup)>, TaskError> {
    let domain = &discovery.default_naming_context;
    let mut origins = vec![(dir.server(), domain.clone())];
    origins.extend(
        discovery
            .forest
            .iter()
            .map(|d| (d.server.clone(), d.nc.clone())),
    );
    let mut saved = Vec::new();
    if files.is_empty() {
        saved = load_backups_for(folder, None, &origins)?;
    }
    for f in files {
        saved.extend(load_backups_for(folder, Some(f), &origins)?);
    }
    for (path, b) in &saved {
        let (server, nc) = origin(dir, &discovery.forest, &b.dn, domain);
        check_backup(path, b, &server, &nc)?;
    }
    Ok(saved)
}

/// The backups whose grant is not in `records` (this machine's audit
/// log): made elsewhere, by a colleague, or by hand. A rollback names them
/// and asks again before restoring any ([`crate::cli`] and the window).
/// A backup counts as known when a grant record names its file.
pub fn not_in_log(backups: &[(PathBuf, Backup)], records: &[audit::Record]) -> Vec<PathBuf> {
    backups
        .iter()
        .filter(|(path, _)| {
            let name = path.file_name();
            !records.iter().any(|r| {
                r.action == Action::Grant
                    && r.backup
                        .as_deref()
                        .is_some_and(|b| Path::new(b).file_name() == name)
            })
        })
        .map(|(path, _)| path.clone())
        .collect()
}

/// The DC this connection writes `dn` on and the naming context of its
/// domain (`home` when the forest's domains are not known).
fn origin<D: Directory>(
    dir: &D,
    routes: &[ForestDomain],
    dn: &str,
    home: &str,
) -> (String, String) {
    let nc = domain_of(dn, routes).map_or_else(|| home.to_string(), |d| d.nc.clone());
    (dir.server_for(dn), nc)
}

async fn rollback_one<D: Directory>(
    dir: &mut D,
    path: &Path,
    b: &Backup,
    c: CheckedBackup,
    operator: &str,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<RollbackResult, TaskError> {
    let bad = |reason: String| TaskError::Backup {
        path: path.display().to_string(),
        reason,
    };
    let CheckedBackup {
        before,
        written,
        added,
    } = c;
    progress(Progress::Phase(Phase::Reading));
    let (bytes, sd) = read_dacl(dir, &b.dn).await?;
    let dacl_now = sd.dacl.clone().unwrap_or_else(|| Acl::new(Vec::new()));
    if bytes == before {
        // Undone already: nothing to do.
        return Ok(RollbackResult {
            dn: b.dn.clone(),
            restored_backup: false,
            removed: Vec::new(),
            after_sddl: sddl_of(&sd),
        });
    }
    if bytes != written && !added.iter().any(|a| dacl_now.explicit().any(|x| x == a)) {
        // The write of that run failed (or was undone already): there is
        // nothing of it to remove, and restoring would undo others' work.
        return Err(TaskError::NeverApplied(path.display().to_string()));
    }
    let (target, restored, removed) = if bytes == written {
        (before, true, b.added.clone())
    } else {
        let (new_dacl, not_found) = remove_aces(&dacl_now, &added);
        let removed: Vec<String> = added
            .iter()
            .filter(|a| !not_found.contains(a))
            .filter_map(|a| sddl::format_ace(a, None))
            .collect();
        let mut new_sd = sd.clone();
        new_sd.dacl = Some(new_dacl);
        let out = new_sd.to_bytes().map_err(|e| bad(e.to_string()))?;
        (out, false, removed)
    };
    let change = |after: String, result: audit::Outcome| Change {
        plane: Plane::Ad,
        action: Action::Rollback,
        account: Some(operator.to_string()),
        target: audit::Target {
            server: Some(b.server.clone()),
            dn: Some(b.dn.clone()),
            tenant: None,
        },
        before: sddl_of(&sd).into(),
        after: after.into(),
        added: Vec::new(),
        removed: removed.clone(),
        result,
        backup: Some(path.to_path_buf()),
    };
    trail.intend(change(String::new(), audit::Outcome::Pending))?;
    let undone = async {
        progress(Progress::Writing { dn: b.dn.clone() });
        if !write_if_unchanged(dir, &b.dn, &bytes, &target).await? {
            return Err(TaskError::KeptChanging { dn: b.dn.clone() });
        }
        progress(Progress::Phase(Phase::ReadingBack));
        let (_, back) = read_dacl(dir, &b.dn).await?;
        let back_dacl = back.dacl.clone().unwrap_or_else(|| Acl::new(Vec::new()));
        if added.iter().any(|a| back_dacl.explicit().any(|x| x == a)) {
            return Err(TaskError::ReadBackMismatch { dn: b.dn.clone() });
        }
        Ok(back)
    }
    .await;
    let (after, result) = match &undone {
        Ok(back) => (sddl_of(back), audit::Outcome::Ok),
        Err(e) => (
            String::new(),
            audit::Outcome::Failed {
                reason: e.to_string(),
            },
        ),
    };
    trail.record_after(change(after, result));
    let back = undone?;
    Ok(RollbackResult {
        dn: b.dn.clone(),
        restored_backup: restored,
        removed,
        after_sddl: sddl_of(&back),
    })
}
