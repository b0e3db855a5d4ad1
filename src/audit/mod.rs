//! The audit log: one JSON line per change the wizard applied, on any plane
//! (time, operator, run, target, before → after, result, backup), and per
//! verification read or screenshot captured (a note, for runbooks),
//! appended and never rewritten. A line is written with one `write` on a file opened for
//! appending and synced, so a crash leaves every line whole or absent; the
//! reader skips (and reports) a torn last line.
//!
//! No secret ever reaches a record: records hold names, DNs, SDDL and
//! settings, never a password or a token.

mod file;
mod record;
pub mod run;
mod trail;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub use file::{Log, append, parse, read};
pub use record::{
    Action, BlockedGroup, Change, Entry, Note, Noted, Outcome, Plane, Reading, Record, RunTag,
    Target, Via,
};
pub use run::RunLog;
pub use trail::Trail;

/// Environment variable fixing the clock of records, backups and runbooks
/// (RFC 3339, e.g. `2025-11-24T16:00:00Z`, or Unix seconds).
pub const FIXED_TIME_ENV: &str = "WRITEBACK_WIZARD_FIXED_TIME";

/// Reading or writing the log failed.
#[derive(Debug, thiserror::Error)]
#[error("audit log {path}: {reason}")]
pub struct AuditError {
    /// The log file.
    pub path: String,
    /// What went wrong.
    pub reason: String,
}

impl AuditError {
    fn new(path: &Path, reason: impl std::fmt::Display) -> AuditError {
        AuditError {
            path: path.display().to_string(),
            reason: reason.to_string(),
        }
    }
}

/// The log's location: `$WRITEBACK_WIZARD_DATA_DIR/audit.jsonl`, else the
/// platform data directory (beside `backups/`).
pub fn log_path() -> PathBuf {
    data_dir().join("audit.jsonl")
}

/// The data directory: `$WRITEBACK_WIZARD_DATA_DIR`, else the platform's.
pub fn data_dir() -> PathBuf {
    std::env::var_os("WRITEBACK_WIZARD_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "writeback-wizard")
                .map(|p| p.data_dir().to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The operating system's user running the wizard: `USER`, `USERNAME` or
/// `LOGNAME`, else (Unix) the name of the process's user id.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
        .or_else(uid_name)
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(unix)]
fn uid_name() -> Option<String> {
    // SAFETY: getuid cannot fail; getpwuid_r fills `pwd` with pointers into
    // `buf`, which outlives their use here, and reports failure through its
    // return value and a null `result`.
    unsafe {
        let uid = libc::getuid();
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result);
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return Some(format!("uid {uid}"));
        }
        Some(
            std::ffi::CStr::from_ptr(pwd.pw_name)
                .to_string_lossy()
                .into_owned(),
        )
    }
}

#[cfg(not(unix))]
fn uid_name() -> Option<String> {
    None
}

/// Parses a fixed time: RFC 3339 or Unix seconds.
pub fn parse_time(text: &str) -> Option<SystemTime> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<u64>() {
        return UNIX_EPOCH.checked_add(Duration::from_secs(secs));
    }
    humantime::parse_rfc3339_weak(text).ok()
}

/// The time [`FIXED_TIME_ENV`] fixes, if set and valid.
pub fn env_fixed_time() -> Option<SystemTime> {
    std::env::var(FIXED_TIME_ENV)
        .ok()
        .and_then(|t| parse_time(&t))
}

/// RFC 3339 in UTC, to the second.
pub fn rfc3339(time: SystemTime) -> String {
    humantime::format_rfc3339_seconds(time).to_string()
}

/// The changes of `records` that still stand, oldest first: per plane and
/// object the last successful record decides, and a grant rolled back (or
/// a setting switched off again) stands no more. Failed and pending
/// records never count: a failed Enable changed nothing.
pub fn standing(records: &[Record]) -> Vec<Record> {
    let mut open: Vec<(String, Record)> = Vec::new();
    for r in records.iter().filter(|r| r.result == Outcome::Ok) {
        let key = format!(
            "{:?} {} {} {}",
            r.plane,
            r.target.server.as_deref().unwrap_or(""),
            r.target.dn.as_deref().unwrap_or("").to_ascii_lowercase(),
            r.target.tenant.as_deref().unwrap_or("")
        );
        open.retain(|(k, _)| *k != key);
        if matches!(r.action, Action::Grant | Action::Enable) {
            open.push((key, r.clone()));
        }
    }
    open.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_times_parse() {
        assert_eq!(
            parse_time("1764000000"),
            Some(UNIX_EPOCH + Duration::from_secs(1_764_000_000))
        );
        assert_eq!(
            parse_time("2025-11-24T16:00:00Z"),
            Some(UNIX_EPOCH + Duration::from_secs(1_764_000_000))
        );
        assert_eq!(parse_time("yesterday"), None);
    }
}
