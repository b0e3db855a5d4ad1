//! The audit log: one JSON line per change the wizard applied, on any plane
//! (time, operator, target, before → after, result, backup), appended and
//! never rewritten. A line is written with one `write` on a file opened for
//! appending and synced, so a crash leaves every line whole or absent; the
//! reader skips (and reports) a torn last line.
//!
//! No secret ever reaches a record: records hold names, DNs, SDDL and
//! settings, never a password or a token.

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Environment variable fixing the clock of records, backups and runbooks
/// (RFC 3339, e.g. `2025-11-24T16:00:00Z`, or Unix seconds).
pub const FIXED_TIME_ENV: &str = "WRITEBACK_WIZARD_FIXED_TIME";

/// The plane a change was made on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Plane {
    /// Active Directory permissions.
    Ad,
    /// Entra Connect.
    Connect,
    /// The Entra admin portal.
    Portal,
    /// The pilot test: a reset in the cloud, read back in AD.
    Pilot,
}

/// What was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Permissions granted.
    Grant,
    /// Permissions rolled back.
    Rollback,
    /// A setting switched on.
    Enable,
    /// A setting switched off.
    Disable,
    /// A test (the pilot user's password reset in the cloud).
    Test,
    /// A DC asked to pull an object now (replicateSingleObject).
    Replicate,
}

/// Where the change was made (the fields that apply to its plane).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// Domain controller or Connect server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// Object changed (AD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dn: Option<String>,
    /// Tenant (portal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
}

/// How the change ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    /// Written and read back.
    Ok,
    /// Attempted and failed.
    Failed {
        /// Why (the error, untranslated; never a secret).
        reason: String,
    },
    /// Intent: the write is about to be sent. Its outcome follows in a
    /// later record; a pending record without one means the run stopped
    /// (cancelled or crashed) mid-write, and the backup it names undoes it.
    Pending,
}

/// One line of the log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// When (RFC 3339, UTC).
    pub time: String,
    /// Who ran the wizard (the operating system's user).
    pub operator: String,
    /// The identity used on the plane (bind account, signed-in UPN), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Plane.
    pub plane: Plane,
    /// What was done.
    pub action: Action,
    /// Where.
    pub target: Target,
    /// Before: SDDL for AD, the settings for Connect and the portal.
    pub before: serde_json::Value,
    /// After (read back).
    pub after: serde_json::Value,
    /// ACEs added (AD), SDDL.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    /// ACEs removed (AD), SDDL.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// How it ended.
    pub result: Outcome,
    /// The backup file written (or used, for a rollback).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<String>,
    /// Made on the built-in demo organization, not a real one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
}

/// A change to record: a [`Record`] without time, operator and demo flag,
/// which the [`Trail`] fills in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Plane.
    pub plane: Plane,
    /// What was done.
    pub action: Action,
    /// The identity used on the plane.
    pub account: Option<String>,
    /// Where.
    pub target: Target,
    /// Before.
    pub before: serde_json::Value,
    /// After.
    pub after: serde_json::Value,
    /// ACEs added.
    pub added: Vec<String>,
    /// ACEs removed.
    pub removed: Vec<String>,
    /// How it ended.
    pub result: Outcome,
    /// Backup file.
    pub backup: Option<PathBuf>,
}

impl Change {
    /// A setting switched on a plane (Connect, portal): `before` and
    /// `after` are the settings (any serializable value).
    pub fn setting(
        plane: Plane,
        on: bool,
        target: Target,
        before: impl Serialize,
        after: impl Serialize,
        result: Outcome,
    ) -> Change {
        Change {
            plane,
            action: if on { Action::Enable } else { Action::Disable },
            account: None,
            target,
            before: serde_json::to_value(before).unwrap_or(serde_json::Value::Null),
            after: serde_json::to_value(after).unwrap_or(serde_json::Value::Null),
            added: Vec::new(),
            removed: Vec::new(),
            result,
            backup: None,
        }
    }
}

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

/// Appends one record as one complete line: serialized first, then written
/// with a single `write_all` to the file opened for appending, then synced.
/// When an earlier writer crashed mid-line, the record starts on a new line
/// so that it stays whole. Never truncates or rewrites the file.
pub fn append(path: &Path, record: &Record) -> Result<(), AuditError> {
    let err = |e: &dyn std::fmt::Display| AuditError::new(path, e);
    // serde_json escapes control characters: the line holds no newline.
    let mut line = serde_json::to_string(record).map_err(|e| err(&e))?;
    line.push('\n');
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::fsperm::private_dir(dir).map_err(|e| err(&e))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true).read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| err(&e))?;
    if ends_torn(&mut file).map_err(|e| err(&e))? {
        line.insert(0, '\n');
    }
    file.write_all(line.as_bytes()).map_err(|e| err(&e))?;
    file.sync_data().map_err(|e| err(&e))
}

/// True when the file is not empty and does not end with a newline.
fn ends_torn(file: &mut std::fs::File) -> std::io::Result<bool> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(false);
    }
    file.seek(SeekFrom::Start(len - 1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// The log as read: the records, and what was skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Log {
    /// Every complete, valid record, oldest first.
    pub records: Vec<Record>,
    /// Lines that could not be read: (line number from 1, why). A torn
    /// line (a crash while writing) is among them.
    pub skipped: Vec<(usize, String)>,
}

/// Reads the log; a missing file is an empty log.
pub fn read(path: &Path) -> Result<Log, AuditError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Log::default()),
        Err(e) => return Err(AuditError::new(path, e)),
    };
    Ok(parse(&bytes))
}

/// Parses the log's bytes: each complete line is one record; a last line
/// without its newline is torn and skipped.
pub fn parse(bytes: &[u8]) -> Log {
    let mut log = Log::default();
    let complete = bytes.ends_with(b"\n");
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let count = lines.len();
    for (i, line) in lines.into_iter().enumerate() {
        let last = i + 1 == count;
        if line.is_empty() {
            continue;
        }
        if last && !complete {
            log.skipped.push((i + 1, "torn line (no newline)".into()));
            continue;
        }
        match serde_json::from_slice::<Record>(line) {
            Ok(r) => log.records.push(r),
            Err(e) => log.skipped.push((i + 1, e.to_string())),
        }
    }
    log
}

/// Where a run writes down its changes, who it says made them, and which
/// clock stamps them (shared by backups and records). Clones share the
/// records kept in memory for this run (the runbook's "changes made").
#[derive(Clone, Debug)]
pub struct Trail {
    path: Option<PathBuf>,
    operator: String,
    fixed_time: Option<SystemTime>,
    demo: bool,
    kept: Arc<Mutex<Vec<Record>>>,
    failures: Arc<Mutex<Vec<String>>>,
}

impl Trail {
    /// Records to `path` (None: in memory only), as the OS user, with the
    /// clock fixed by [`FIXED_TIME_ENV`] when set.
    pub fn new(path: Option<PathBuf>) -> Trail {
        Trail {
            path,
            operator: os_user(),
            fixed_time: env_fixed_time(),
            demo: false,
            kept: Arc::new(Mutex::new(Vec::new())),
            failures: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Records to the standard log ([`log_path`]).
    pub fn standard() -> Trail {
        Trail::new(Some(log_path()))
    }

    /// Stamps everything with `time` instead of the clock.
    pub fn fixed_at(mut self, time: SystemTime) -> Trail {
        self.fixed_time = Some(time);
        self
    }

    /// Names the operator (instead of the OS user).
    pub fn operator(mut self, name: impl Into<String>) -> Trail {
        self.operator = name.into();
        self
    }

    /// Marks the records as made on the demo organization.
    pub fn demo(mut self, demo: bool) -> Trail {
        self.demo = demo;
        self
    }

    /// The log file, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The time to stamp changes with.
    pub fn now(&self) -> SystemTime {
        self.fixed_time.unwrap_or_else(SystemTime::now)
    }

    /// Checks that the log can be appended to (before changing anything).
    pub fn ready(&self) -> Result<(), AuditError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::fsperm::private_dir(dir).map_err(|e| AuditError::new(path, e))?;
        }
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map(|_| ())
            .map_err(|e| AuditError::new(path, e))
    }

    /// Records the intent to make a change, before the write is sent (its
    /// result [`Outcome::Pending`]): written to the log only, not kept as a
    /// change of the run. Fails when the log cannot be written, so that
    /// nothing is changed without a record.
    pub fn intend(&self, mut change: Change) -> Result<(), AuditError> {
        change.result = Outcome::Pending;
        let record = self.stamp(change);
        match &self.path {
            Some(path) => append(path, &record),
            None => Ok(()),
        }
    }

    /// Failures to write the log after a change happened (shown to the
    /// user: the change stands, its record is missing from the file).
    pub fn failures(&self) -> Vec<String> {
        self.failures.lock().map(|f| f.clone()).unwrap_or_default()
    }

    fn stamp(&self, change: Change) -> Record {
        Record {
            time: rfc3339(self.now()),
            operator: self.operator.clone(),
            account: change.account,
            plane: change.plane,
            action: change.action,
            target: change.target,
            before: change.before,
            after: change.after,
            added: change.added,
            removed: change.removed,
            result: change.result,
            backup: change.backup.map(|p| p.display().to_string()),
            demo: self.demo,
        }
    }

    /// Records a change: appends it to the log and keeps it for this run.
    pub fn record(&self, change: Change) -> Result<Record, AuditError> {
        let record = self.stamp(change);
        if let Ok(mut kept) = self.kept.lock() {
            kept.push(record.clone());
        }
        if let Some(path) = &self.path {
            append(path, &record)?;
        }
        Ok(record)
    }

    /// Records a change that already happened: a failure to write the log
    /// cannot undo it, so it is reported through `tracing` and the record
    /// is still kept in memory.
    pub fn record_after(&self, change: Change) {
        if let Err(e) = self.record(change) {
            tracing::error!("{e}");
            if let Ok(mut f) = self.failures.lock() {
                f.push(e.to_string());
            }
        }
    }

    /// The records of this run, oldest first.
    pub fn records(&self) -> Vec<Record> {
        self.kept.lock().map(|k| k.clone()).unwrap_or_default()
    }
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

    fn change(n: usize) -> Change {
        Change::setting(
            Plane::Connect,
            true,
            Target {
                server: Some(format!("aadc{n}.contoso.com")),
                ..Target::default()
            },
            serde_json::json!({ "writeback": false }),
            serde_json::json!({ "writeback": true }),
            Outcome::Ok,
        )
    }

    fn scratch(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("wbw-audit-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn records_append_as_lines_and_read_back() {
        let dir = scratch("lines");
        let path = dir.join("sub/audit.jsonl");
        let trail = Trail::new(Some(path.clone()))
            .fixed_at(UNIX_EPOCH)
            .operator("alice");
        trail.record(change(1)).unwrap();
        let first = std::fs::read(&path).unwrap();
        trail.record(change(2)).unwrap();
        let both = std::fs::read(&path).unwrap();
        assert!(both.starts_with(&first), "appended, not rewritten");
        assert_eq!(both.iter().filter(|b| **b == b'\n').count(), 2);
        let log = read(&path).unwrap();
        assert!(log.skipped.is_empty(), "{:?}", log.skipped);
        assert_eq!(log.records.len(), 2);
        assert_eq!(log.records[0].time, "1970-01-01T00:00:00Z");
        assert_eq!(log.records[0].operator, "alice");
        assert_eq!(log.records, trail.records());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_torn_last_line_is_skipped_and_the_next_record_stays_whole() {
        let dir = scratch("torn");
        let path = dir.join("audit.jsonl");
        let trail = Trail::new(Some(path.clone())).fixed_at(UNIX_EPOCH);
        trail.record(change(1)).unwrap();
        // A crash in the middle of a line.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(br#"{"time":"1970-01-01T00:00:00Z","oper"#)
            .unwrap();
        drop(f);
        let log = read(&path).unwrap();
        assert_eq!(log.records.len(), 1);
        assert_eq!(log.skipped.len(), 1);
        trail.record(change(2)).unwrap();
        let log = read(&path).unwrap();
        assert_eq!(log.records.len(), 2, "{:?}", log.skipped);
        assert_eq!(log.skipped.len(), 1, "the torn fragment stays, skipped");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn garbage_lines_are_reported_not_fatal() {
        let log = parse(b"not json\n\n{\"x\":1}\n");
        assert!(log.records.is_empty());
        assert_eq!(log.skipped.len(), 2);
        assert_eq!(log.skipped[0].0, 1);
        assert!(
            read(Path::new("/nonexistent/dir/audit.jsonl"))
                .unwrap()
                .records
                .is_empty()
        );
    }

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

    #[test]
    fn in_memory_trail_writes_nothing() {
        let trail = Trail::new(None);
        assert!(trail.ready().is_ok());
        trail.record(change(1)).unwrap();
        assert_eq!(trail.records().len(), 1);
        assert!(trail.path().is_none());
    }
}
