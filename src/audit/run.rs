//! Runs: each command of the command line and each window opened is one
//! run with its own id, stamped on every line it writes, so that a runbook
//! can gather one run from the log. `WRITEBACK_WIZARD_RUN` makes several
//! commands one run (a script's grant, sync, portal and verify).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use super::{Log, Note, Record, RunTag, Via};

/// Environment variable naming the run the commands join (letters,
/// digits, `-`, `_` and `.`; at most 64).
pub const RUN_ENV: &str = "WRITEBACK_WIZARD_RUN";

/// The folder of the data directory holding each run's files
/// (`runs/<id>/`).
pub const RUNS_DIR: &str = "runs";

static CURRENT: OnceLock<RunTag> = OnceLock::new();

/// Starts this process's run (the first call decides; later ones return
/// it unchanged).
pub fn begin(via: Via, command: Option<&str>) -> RunTag {
    CURRENT
        .get_or_init(|| fresh(via, command, SystemTime::now()))
        .clone()
}

/// This process's run, started as a command-line run when nothing began
/// one.
pub fn current() -> RunTag {
    begin(Via::Cli, None)
}

/// A new run: the id from [`RUN_ENV`] when it is a valid one, else made
/// from the time and a number unique to this process and moment.
pub fn fresh(via: Via, command: Option<&str>, now: SystemTime) -> RunTag {
    joining(std::env::var(RUN_ENV).ok().as_deref(), via, command, now)
}

/// A run with the id `join` when it is a valid one, else a new id.
fn joining(join: Option<&str>, via: Via, command: Option<&str>, now: SystemTime) -> RunTag {
    let id = join
        .filter(|id| valid_id(id))
        .map(str::to_string)
        .unwrap_or_else(|| new_id(now));
    RunTag {
        id,
        via,
        command: command.map(str::to_string),
    }
}

/// `20251206T081502Z-3f2a9c`: the UTC time, then six hex digits mixed from
/// the process id and the clock's nanoseconds.
pub fn new_id(now: SystemTime) -> String {
    let stamp: String = super::rfc3339(now)
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect();
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mix = (nanos as u64 ^ (u64::from(std::process::id()) << 20))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        >> 40;
    format!("{stamp}-{mix:06x}")
}

/// Whether `id` may name a run (and a folder): 1–64 letters, digits,
/// `-`, `_` or `.`, not starting with a dot.
pub fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The folder for a run's files beside the log at `log`
/// (`<data dir>/runs/<id>`); None for an id that cannot name a folder.
pub fn dir(log: &Path, id: &str) -> Option<PathBuf> {
    valid_id(id).then(|| {
        log.parent()
            .unwrap_or_else(|| Path::new(""))
            .join(RUNS_DIR)
            .join(id)
    })
}

/// Everything the log holds of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct RunLog {
    /// The run.
    pub tag: RunTag,
    /// Its change records, oldest first.
    pub records: Vec<Record>,
    /// Its notes, oldest first.
    pub notes: Vec<Note>,
}

impl RunLog {
    /// When its first entry was written.
    pub fn started(&self) -> Option<&str> {
        let record = self.records.first().map(|r| r.time.as_str());
        let note = self.notes.first().map(|n| n.time.as_str());
        match (record, note) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Made on the demo organization.
    pub fn demo(&self) -> bool {
        self.records.iter().any(|r| r.demo) || self.notes.iter().any(|n| n.demo)
    }
}

impl Log {
    /// The run `id` (None: the newest), when the log names it.
    pub fn run(&self, id: Option<&str>) -> Option<RunLog> {
        let tag = match id {
            Some(id) => self.runs.iter().find(|r| r.id == id)?,
            None => self.runs.last()?,
        };
        let of = |run: &Option<RunTag>| run.as_ref().is_some_and(|r| r.id == tag.id);
        Some(RunLog {
            tag: tag.clone(),
            records: self
                .records
                .iter()
                .filter(|r| of(&r.run))
                .cloned()
                .collect(),
            notes: self.notes.iter().filter(|n| of(&n.run)).cloned().collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_name_folders_safely() {
        let now = UNIX_EPOCH + std::time::Duration::from_secs(1_764_000_000);
        let a = new_id(now);
        assert!(a.starts_with("20251124T160000Z-"), "{a}");
        assert!(valid_id(&a));
        let ids: std::collections::HashSet<String> = (0..50).map(|_| new_id(now)).collect();
        assert!(ids.len() > 40, "ids repeat: {ids:?}");
        for bad in ["", "..", ".x", "a/b", "a\\b", "ä", &"x".repeat(65)] {
            assert!(!valid_id(bad), "{bad:?}");
            assert!(dir(Path::new("/d/audit.jsonl"), bad).is_none());
        }
        assert_eq!(
            dir(Path::new("/d/audit.jsonl"), "r1"),
            Some(PathBuf::from("/d/runs/r1"))
        );
    }

    #[test]
    fn commands_join_the_run_the_environment_names_when_valid() {
        let now = UNIX_EPOCH;
        let joined = joining(Some("nightly-42"), Via::Cli, Some("grant"), now);
        assert_eq!(joined.id, "nightly-42");
        assert_eq!(joined.command.as_deref(), Some("grant"));
        for bad in [Some("../x"), Some(""), None] {
            let own = joining(bad, Via::Cli, None, now);
            assert!(
                own.id.starts_with("19700101T000000Z-"),
                "{bad:?}: {}",
                own.id
            );
        }
    }
}
