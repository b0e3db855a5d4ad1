//! The [`Trail`]: where a run writes down its changes and notes, who it
//! says made them, which run they belong to and which clock stamps them.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use super::{
    AuditError, Change, Note, Noted, Outcome, Record, RunTag, append, env_fixed_time, log_path,
    os_user, rfc3339,
};

/// Where a run writes down its changes, who it says made them, and which
/// clock stamps them (shared by backups and records). Clones share the
/// entries kept in memory for this run (the runbook's "changes made").
#[derive(Clone, Debug)]
pub struct Trail {
    path: Option<PathBuf>,
    operator: String,
    fixed_time: Option<SystemTime>,
    demo: bool,
    run: Option<RunTag>,
    kept: Arc<Mutex<Vec<Record>>>,
    notes: Arc<Mutex<Vec<Note>>>,
    failures: Arc<Mutex<Vec<String>>>,
}

impl Trail {
    /// Records to `path` (None: in memory only), as the OS user, with the
    /// clock fixed by [`super::FIXED_TIME_ENV`] when set, in no run.
    pub fn new(path: Option<PathBuf>) -> Trail {
        Trail {
            path,
            operator: os_user(),
            fixed_time: env_fixed_time(),
            demo: false,
            run: None,
            kept: Arc::new(Mutex::new(Vec::new())),
            notes: Arc::new(Mutex::new(Vec::new())),
            failures: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Records to the standard log ([`log_path`]) in this process's run
    /// ([`super::run::current`]).
    pub fn standard() -> Trail {
        Trail::new(Some(log_path())).in_run(super::run::current())
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

    /// Tags every entry with `run`.
    pub fn in_run(mut self, run: RunTag) -> Trail {
        self.run = Some(run);
        self
    }

    /// The run the entries belong to.
    pub fn run(&self) -> Option<&RunTag> {
        self.run.as_ref()
    }

    /// The log file, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The folder for this run's files (screenshots), beside the log:
    /// None for a trail in memory or outside a run.
    pub fn run_dir(&self) -> Option<PathBuf> {
        super::run::dir(self.path.as_deref()?, &self.run.as_ref()?.id)
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
            run: self.run.clone(),
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
            self.failed(e);
        }
    }

    fn failed(&self, e: AuditError) {
        tracing::error!("{e}");
        if let Ok(mut f) = self.failures.lock() {
            f.push(e.to_string());
        }
    }

    /// Notes something the run read or captured (a verification, a
    /// screenshot): appended to the log and kept for this run. A failure
    /// to write it is reported as for [`Trail::record_after`]: nothing
    /// changed, the runbook only misses the line.
    pub fn note(&self, note: Noted) {
        let note = Note {
            time: rfc3339(self.now()),
            operator: self.operator.clone(),
            run: self.run.clone(),
            demo: self.demo,
            note,
        };
        if let Ok(mut kept) = self.notes.lock() {
            kept.push(note.clone());
        }
        if let Some(path) = &self.path
            && let Err(e) = append(path, &note)
        {
            self.failed(e);
        }
    }

    /// The records of this run, oldest first.
    pub fn records(&self) -> Vec<Record> {
        self.kept.lock().map(|k| k.clone()).unwrap_or_default()
    }

    /// The notes of this run, oldest first.
    pub fn notes(&self) -> Vec<Note> {
        self.notes.lock().map(|k| k.clone()).unwrap_or_default()
    }

    /// This run as kept in memory (for a trail without a run, under the
    /// id `memory`).
    pub fn run_log(&self) -> super::RunLog {
        super::RunLog {
            tag: self.run.clone().unwrap_or(RunTag {
                id: "memory".into(),
                via: super::Via::Window,
                command: None,
            }),
            records: self.records(),
            notes: self.notes(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;
    use std::time::UNIX_EPOCH;

    use super::super::{Plane, Target, Via, read};
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
        assert!(log.runs.is_empty(), "a trail in no run tags nothing");
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
    fn a_run_tags_its_records_and_notes_and_has_a_folder() {
        let dir = scratch("run");
        let path = dir.join("audit.jsonl");
        let tag = RunTag {
            id: "r-1".into(),
            via: Via::Cli,
            command: Some("grant".into()),
        };
        let trail = Trail::new(Some(path.clone())).in_run(tag.clone());
        trail.record(change(1)).unwrap();
        trail.note(Noted::Screenshot {
            step: "welcome".into(),
            file: "runs/r-1/01-welcome.png".into(),
        });
        Trail::new(Some(path.clone())).record(change(2)).unwrap();
        let log = read(&path).unwrap();
        let run = log.run(None).expect("the newest run");
        assert_eq!(run.tag, tag);
        assert_eq!(run.records.len(), 1, "the untagged record is no part of it");
        assert_eq!(run.notes, trail.notes());
        assert_eq!(log.run(Some("r-1")), Some(run));
        assert_eq!(log.run(Some("other")), None);
        assert_eq!(trail.run_dir(), Some(dir.join("runs/r-1")));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn in_memory_trail_writes_nothing() {
        let trail = Trail::new(None);
        assert!(trail.ready().is_ok());
        trail.record(change(1)).unwrap();
        assert_eq!(trail.records().len(), 1);
        assert!(trail.path().is_none());
        assert!(trail.run_dir().is_none());
    }
}
