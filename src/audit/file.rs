//! The log file: JSON lines appended whole (one `write` on a file opened
//! for appending, then synced) and read back line by line, a torn or
//! foreign line skipped and reported, never fatal.

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use serde::Serialize;

use super::{AuditError, Note, Record, RunTag};

/// Appends one entry as one complete line: serialized first, then written
/// with a single `write_all` to the file opened for appending, then synced.
/// When an earlier writer crashed mid-line, the entry starts on a new line
/// so that it stays whole. Never truncates or rewrites the file.
pub fn append(path: &Path, entry: &impl Serialize) -> Result<(), AuditError> {
    let err = |e: &dyn std::fmt::Display| AuditError::new(path, e);
    // serde_json escapes control characters: the line holds no newline.
    let mut line = serde_json::to_string(entry).map_err(|e| err(&e))?;
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

/// The log as read: the records, the notes, the runs, and what was skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Log {
    /// Every complete, valid change record, oldest first.
    pub records: Vec<Record>,
    /// Every complete, valid note, oldest first.
    pub notes: Vec<Note>,
    /// The runs named by the entries, the run of the newest entry last.
    pub runs: Vec<RunTag>,
    /// Lines that could not be read: (line number from 1, why). A torn
    /// line (a crash while writing) is among them.
    pub skipped: Vec<(usize, String)>,
}

impl Log {
    fn saw(&mut self, run: Option<&RunTag>) {
        if let Some(run) = run {
            self.runs.retain(|r| r.id != run.id);
            self.runs.push(run.clone());
        }
    }
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

/// Parses the log's bytes: each complete line is one record or note; a
/// last line without its newline is torn and skipped, and so is any line
/// that is neither (garbage, or written by a newer version).
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
        match entry(line) {
            Ok(super::Entry::Record(r)) => {
                log.saw(r.run.as_ref());
                log.records.push(r);
            }
            Ok(super::Entry::Note(n)) => {
                log.saw(n.run.as_ref());
                log.notes.push(n);
            }
            Err(e) => log.skipped.push((i + 1, e.to_string())),
        }
    }
    log
}

/// One line: a note when it has a `note` member, else a record.
fn entry(line: &[u8]) -> serde_json::Result<super::Entry> {
    let value: serde_json::Value = serde_json::from_slice(line)?;
    if value.get("note").is_some() {
        serde_json::from_value(value).map(super::Entry::Note)
    } else {
        serde_json::from_value(value).map(super::Entry::Record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_lines_are_reported_not_fatal() {
        let log = parse(b"not json\n\n{\"x\":1}\n{\"note\":{\"kind\":\"future\"}}\n[1,2]\n\"s\"\n");
        assert!(log.records.is_empty() && log.notes.is_empty());
        assert_eq!(log.skipped.len(), 5);
        assert_eq!(log.skipped[0].0, 1);
        assert!(
            read(Path::new("/nonexistent/dir/audit.jsonl"))
                .unwrap()
                .records
                .is_empty()
        );
    }

    #[test]
    fn runs_are_listed_by_their_newest_entry() {
        let line = |id: &str| {
            format!(
                r#"{{"time":"t","operator":"o","run":{{"id":"{id}","via":"cli","command":"grant"}},"plane":"ad","action":"grant","target":{{}},"before":null,"after":null,"result":{{"status":"ok"}}}}"#
            )
        };
        let note = r#"{"time":"t","operator":"o","run":{"id":"a","via":"window"},"note":{"kind":"screenshot","step":"welcome","file":"runs/a/01-welcome.png"}}"#;
        // An old line without a run, then runs a, b, a again (a note).
        let old = r#"{"time":"t","operator":"o","plane":"ad","action":"grant","target":{},"before":null,"after":null,"result":{"status":"ok"}}"#;
        let text = format!("{old}\n{}\n{}\n{note}\n", line("a"), line("b"));
        let log = parse(text.as_bytes());
        assert!(log.skipped.is_empty(), "{:?}", log.skipped);
        assert_eq!(log.records.len(), 3);
        assert_eq!(log.records[0].run, None, "the old line reads");
        assert_eq!(log.notes.len(), 1);
        let ids: Vec<&str> = log.runs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
    }
}
