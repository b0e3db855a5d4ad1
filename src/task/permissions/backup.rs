//! Backups of the descriptors a grant changes: where they live, their
//! names, saving them durably, loading a run's, and checking one before a
//! rollback.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::{BackupProblem, TaskError};
use crate::ad::grant::{TargetKind, WritebackGrant, remove_aces};
use crate::ad::{Ace, SecurityDescriptor, sddl};

/// One saved backup: enough to restore or to remove exactly what we added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    /// Identifies one grant run (several targets).
    pub run: String,
    /// Object.
    pub dn: String,
    /// Server.
    pub server: String,
    /// The domain of the connection (defaultNamingContext); empty in
    /// backups made before it was recorded.
    #[serde(default)]
    pub domain: String,
    /// When (RFC 3339, UTC).
    pub time: String,
    /// Who (the bind account).
    pub operator: String,
    /// The DACL-only descriptor before, base64.
    pub sd_base64: String,
    /// Its SDDL.
    pub sddl: String,
    /// The descriptor written, base64.
    pub written_base64: String,
    /// The ACEs added, SDDL.
    pub added: Vec<String>,
}

/// Where backups go: `backups/` in the data directory
/// (`$WRITEBACK_WIZARD_DATA_DIR`, else the platform's).
pub fn backup_dir() -> PathBuf {
    crate::audit::data_dir().join("backups")
}

/// Where the demo organization's backups go: a folder of their own, so
/// that a demo backup can never be restored onto a real directory.
pub fn demo_backup_dir() -> PathBuf {
    crate::audit::data_dir().join("demo").join("backups")
}
fn file_safe(dn: &str) -> String {
    dn.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(48)
        .collect()
}

/// FNV-1a, 64 bits: a short, stable fingerprint of a DN for file names.
fn fingerprint(text: &str) -> u64 {
    text.to_ascii_lowercase()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// The file name of a backup: run, a readable prefix of the DN and a hash
/// of the whole DN, so that long DNs sharing a prefix never collide.
pub fn backup_name(run: &str, dn: &str) -> String {
    format!(
        "{}-{}-{:016x}.json",
        run.replace([':', '-'], ""),
        file_safe(dn),
        fingerprint(dn)
    )
}

pub(super) fn save_backup(dir: &Path, backup: &Backup) -> Result<PathBuf, TaskError> {
    let err = |path: &Path, e: &dyn std::fmt::Display| TaskError::Backup {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    crate::fsperm::private_dir(dir).map_err(|e| err(dir, &e))?;
    let path = dir.join(backup_name(&backup.run, &backup.dn));
    let json = serde_json::to_string_pretty(backup).map_err(|e| err(&path, &e))?;
    crate::fsperm::write_private(&path, json.as_bytes()).map_err(|e| err(&path, &e))?;
    Ok(path)
}
/// Loads the backups of the newest grant run in `dir` made on `server`
/// for `domain` (backups of other servers or domains, and files that do not
/// parse, are passed over), with the backups that run made in the forest's
/// other domains, or exactly the given file.
pub fn load_backups(
    dir: &Path,
    file: Option<&Path>,
    server: &str,
    domain: &str,
) -> Result<Vec<(PathBuf, Backup)>, TaskError> {
    load_backups_for(dir, file, &[(server.to_string(), domain.to_string())])
}

/// Like [`load_backups`], for a run over several domains: the newest run
/// with a backup made on one of `origins` (each a DC and the naming
/// context of its domain, as [`crate::backend::ForestDomain`] gives them),
/// and every backup of that run.
pub fn load_backups_for(
    dir: &Path,
    file: Option<&Path>,
    origins: &[(String, String)],
) -> Result<Vec<(PathBuf, Backup)>, TaskError> {
    let read = |path: &Path| -> Result<Backup, TaskError> {
        let text = std::fs::read_to_string(path).map_err(|e| TaskError::Backup {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        serde_json::from_str(&text).map_err(|e| TaskError::Backup {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    };
    if let Some(f) = file {
        return Ok(vec![(f.to_path_buf(), read(f)?)]);
    }
    let mut all = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "json")
                && let Ok(b) = read(&path)
            {
                all.push((path, b));
            }
        }
    }
    let ours = |b: &Backup| {
        origins.iter().any(|(server, domain)| {
            b.server.eq_ignore_ascii_case(server)
                && (b.domain.is_empty() || b.domain.eq_ignore_ascii_case(domain))
        })
    };
    let Some(newest) = all
        .iter()
        .filter(|(_, b)| ours(b))
        .map(|(_, b)| b.run.clone())
        .max()
    else {
        return Err(TaskError::NoBackup(dir.display().to_string()));
    };
    // Every backup of that run: one made in another domain is checked
    // against the DC this connection uses there before anything is written.
    all.retain(|(_, b)| b.run == newest);
    all.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(all)
}

/// A backup checked for a rollback: its descriptors and entries decoded.
#[derive(Clone, Debug)]
pub struct CheckedBackup {
    /// The descriptor before the grant.
    pub before: Vec<u8>,
    /// The descriptor the grant wrote.
    pub written: Vec<u8>,
    /// The entries it added.
    pub added: Vec<Ace>,
}

/// Checks that a backup may be rolled back on this connection: made on
/// `server`, for `domain`, naming an object inside it, and consistent (its
/// `before` is `written` minus `added`). Nothing is written.
pub fn check_backup(
    path: &Path,
    b: &Backup,
    server: &str,
    domain: &str,
) -> Result<CheckedBackup, TaskError> {
    let refuse = |why: BackupProblem| TaskError::BackupRefused {
        path: path.display().to_string(),
        why,
    };
    let bad = |reason: String| TaskError::Backup {
        path: path.display().to_string(),
        reason,
    };
    if !b.server.eq_ignore_ascii_case(server) {
        return Err(refuse(BackupProblem::OtherServer {
            backup: b.server.clone(),
            connected: server.to_string(),
        }));
    }
    if !b.domain.is_empty() && !b.domain.eq_ignore_ascii_case(domain) {
        return Err(refuse(BackupProblem::OtherDomain {
            backup: b.domain.clone(),
            connected: domain.to_string(),
        }));
    }
    if !crate::ad::dn::within(&b.dn, domain) {
        return Err(refuse(BackupProblem::OutsideDomain(b.dn.clone())));
    }
    let before = STANDARD
        .decode(&b.sd_base64)
        .map_err(|e| bad(e.to_string()))?;
    let written = STANDARD
        .decode(&b.written_base64)
        .map_err(|e| bad(e.to_string()))?;
    let added: Vec<Ace> = b
        .added
        .iter()
        .map(|t| sddl::parse_ace(t, None).map_err(|e| bad(e.to_string())))
        .collect::<Result<_, _>>()?;
    grant_entries_only(&b.dn, domain, &added).map_err(refuse)?;
    let before_sd = SecurityDescriptor::from_bytes(&before).map_err(|e| bad(e.to_string()))?;
    let written_sd = SecurityDescriptor::from_bytes(&written).map_err(|e| bad(e.to_string()))?;
    let consistent = match (&before_sd.dacl, &written_sd.dacl) {
        (Some(bd), Some(wd)) => {
            let (rest, not_found) = remove_aces(wd, &added);
            not_found.is_empty()
                && rest.aces == bd.aces
                && before_sd.control == written_sd.control
                && !added.is_empty()
        }
        _ => false,
    };
    if !consistent {
        return Err(refuse(BackupProblem::Inconsistent));
    }
    Ok(CheckedBackup {
        before,
        written,
        added,
    })
}

/// Checks that `added` holds only entries the grant writes on `dn` (A1–A5
/// as [`WritebackGrant::entries`] gives them for that kind of target, with
/// or without the inetOrgPerson ones), all for one trustee that is an
/// account of a domain (not a built-in or well-known account or group).
/// A rollback removes `added` from the DACL or restores the saved
/// descriptor; a backup naming any other entry (a hand-made file that
/// would take away Domain Admins' rights, say) is refused.
pub fn grant_entries_only(dn: &str, domain: &str, added: &[Ace]) -> Result<(), BackupProblem> {
    let Some(trustee) = added.first().and_then(|a| a.sid()).copied() else {
        return Err(BackupProblem::Inconsistent);
    };
    let rid = trustee.rid().unwrap_or(0);
    let domain_account = trustee.authority() == 5
        && trustee.sub_authorities().first() == Some(&21)
        && trustee.sub_authorities().len() == 5;
    if !domain_account || rid < 1000 {
        return Err(BackupProblem::NotTheGrant {
            entry: sddl::format_ace(&added[0], None).unwrap_or_default(),
        });
    }
    let kind = TargetKind::of(dn, &[domain.to_string()]);
    let entries = WritebackGrant::new(trustee, true).on(kind).entries();
    for ace in added {
        if !entries.iter().any(|e| e.ace == *ace) {
            return Err(BackupProblem::NotTheGrant {
                entry: sddl::format_ace(ace, None).unwrap_or_default(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &str = "DC=corp,DC=example";

    fn aces(texts: &[&str]) -> Vec<Ace> {
        texts
            .iter()
            .map(|t| sddl::parse_ace(t, None).expect("ACE"))
            .collect()
    }

    #[test]
    fn only_the_grants_own_entries_for_one_account_pass() {
        let sid: crate::ad::Sid = "S-1-5-21-1-2-3-1105".parse().unwrap();
        let root_entries: Vec<Ace> = WritebackGrant::new(sid, false)
            .entries()
            .into_iter()
            .map(|e| e.ace)
            .collect();
        assert_eq!(grant_entries_only(ROOT, ROOT, &root_entries), Ok(()));
        // Domain Admins' entry of the root: refused, named.
        let theirs = aces(&["(A;;RPWPCRCCLCLORCWOWDSW;;;S-1-5-21-1-2-3-512)"]);
        assert!(matches!(
            grant_entries_only(ROOT, ROOT, &theirs),
            Err(BackupProblem::NotTheGrant { .. })
        ));
        // The grant's shape for a built-in group: refused.
        let ops: Vec<Ace> = WritebackGrant::new("S-1-5-32-548".parse().unwrap(), false)
            .entries()
            .into_iter()
            .map(|e| e.ace)
            .collect();
        assert!(grant_entries_only(ROOT, ROOT, &ops).is_err());
        // Two trustees: refused.
        let other: crate::ad::Sid = "S-1-5-21-1-2-3-1106".parse().unwrap();
        let mut two = root_entries.clone();
        two.push(WritebackGrant::new(other, false).entries().remove(0).ace);
        assert!(grant_entries_only(ROOT, ROOT, &two).is_err());
        // A5 belongs on the root only: not on an OU.
        let ou = format!("OU=Staff,{ROOT}");
        assert!(grant_entries_only(&ou, ROOT, &root_entries).is_err());
        assert_eq!(grant_entries_only(&ou, ROOT, &root_entries[..4]), Ok(()));
        // AdminSDHolder, spelled with spaces: the object-only entries.
        let holder = "CN=AdminSDHolder, CN=System, DC=corp, DC=example";
        let object_only: Vec<Ace> = WritebackGrant::new(sid, false)
            .on(TargetKind::AdminSdHolder)
            .entries()
            .into_iter()
            .map(|e| e.ace)
            .collect();
        assert_eq!(grant_entries_only(holder, ROOT, &object_only), Ok(()));
        assert!(grant_entries_only(holder, ROOT, &root_entries[..4]).is_err());
    }
}
