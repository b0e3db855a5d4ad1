//! The diagnostics log: `tracing-subscriber` writing to one file per day in
//! `<data directory>/logs/` (`tracing-appender`, the last 14 kept), INFO by
//! default, DEBUG with `--verbose`, TRACE with `-vv`; `RUST_LOG` overrides.
//! The command line with `--verbose` also prints the lines on standard
//! error. A log that cannot be written never stops a run: it is said once
//! (standard error, and [`state`] for the window) and the run goes on.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use tracing_appender::rolling::{Builder, RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::layer::SubscriberExt;

/// Log files are `writeback-wizard.YYYY-MM-DD.log`.
pub const PREFIX: &str = "writeback-wizard";
/// Their extension.
pub const SUFFIX: &str = "log";
/// How many daily files are kept.
pub const KEEP_DAYS: usize = 14;

/// How a run logs.
#[derive(Clone, Copy, Debug, Default)]
pub struct LogOptions {
    /// `--verbose` given this many times: 0 INFO, 1 DEBUG, 2 or more TRACE.
    pub verbose: u8,
    /// Also print the log lines on standard error (the command line with
    /// `--verbose`).
    pub echo: bool,
}

/// Where this run's log goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogState {
    /// Lines go to the daily file in `dir`.
    File {
        /// The log directory.
        dir: PathBuf,
    },
    /// The log cannot be written; the run goes on without it.
    Off {
        /// The directory that was tried.
        dir: PathBuf,
        /// Why (the system's words).
        reason: String,
    },
}

static STATE: OnceLock<LogState> = OnceLock::new();
/// A write failure after start has been said.
static WRITE_FAILURE_SAID: AtomicBool = AtomicBool::new(false);
/// The reason of a write failure after start, for the window.
static WRITE_FAILURE: OnceLock<String> = OnceLock::new();

/// The log directory: `<data directory>/logs`.
pub fn dir() -> PathBuf {
    crate::audit::data_dir().join("logs")
}

/// This run's log state; None before [`init`] (tests, headless runs).
pub fn state() -> Option<&'static LogState> {
    STATE.get()
}

/// Why writing the log failed after it had started, if it did.
pub fn write_failure() -> Option<&'static str> {
    WRITE_FAILURE.get().map(String::as_str)
}

/// The filter: `RUST_LOG` when set and valid, else the `--verbose` level.
fn filter(verbose: u8) -> (EnvFilter, Option<String>) {
    let level = match verbose {
        0 => "info",
        1 => "debug",
        _ => "trace",
    };
    match std::env::var("RUST_LOG") {
        Ok(text) if !text.trim().is_empty() => match EnvFilter::try_new(&text) {
            Ok(f) => (f, None),
            Err(e) => (EnvFilter::new(level), Some(format!("RUST_LOG: {e}"))),
        },
        _ => (EnvFilter::new(level), None),
    }
}

/// Opens the daily file appender in `dir` (creating the directory).
pub fn appender(dir: &Path) -> Result<RollingFileAppender, String> {
    crate::fsperm::private_dir(dir).map_err(|e| e.to_string())?;
    Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix(PREFIX)
        .filename_suffix(SUFFIX)
        .max_log_files(KEEP_DAYS)
        .build(dir)
        .map_err(|e| chain(&e))
}

/// An error and its causes on one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Installs the subscriber for this process (once; later calls return the
/// first state) and writes the run's first line.
pub fn init(options: LogOptions) -> &'static LogState {
    STATE.get_or_init(|| install(options))
}

fn install(options: LogOptions) -> LogState {
    let dir = dir();
    let (filter, filter_problem) = filter(options.verbose);
    let (file, state) = match appender(&dir) {
        Ok(appender) => (
            Some(
                tracing_subscriber::fmt::layer()
                    .with_ansi(false)
                    .with_span_events(FmtSpan::CLOSE)
                    .with_writer(SaysOnce(appender)),
            ),
            LogState::File { dir: dir.clone() },
        ),
        Err(reason) => {
            say(&dir, &reason);
            (
                None,
                LogState::Off {
                    dir: dir.clone(),
                    reason,
                },
            )
        }
    };
    let echo = options.echo.then(|| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_span_events(FmtSpan::CLOSE)
            .with_writer(std::io::stderr)
    });
    let subscriber = tracing_subscriber::registry()
        .with(filter)
        .with(file)
        .with(echo);
    // Already set (a test installed its own): keep that one.
    let _ = tracing::subscriber::set_global_default(subscriber);
    if let Some(problem) = filter_problem {
        tracing::warn!(problem, "RUST_LOG ignored");
    }
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        arch = std::env::consts::ARCH,
        "run started"
    );
    state
}

/// Says once, translated, on standard error, that the log is not written.
fn say(dir: &Path, reason: &str) {
    if !WRITE_FAILURE_SAID.swap(true, Ordering::SeqCst) {
        eprintln!(
            "{}",
            crate::fl!(
                "diagnostics-log-failed",
                path = dir.display().to_string(),
                reason = reason
            )
        );
    }
}

/// The file appender, turning a failed write (disk full, file removed)
/// into one message for the whole run instead of an error for tracing.
struct SaysOnce(RollingFileAppender);

/// One write to the file.
pub struct SaysOnceWriter<'a>(<RollingFileAppender as MakeWriter<'a>>::Writer);

impl<'a> MakeWriter<'a> for SaysOnce {
    type Writer = SaysOnceWriter<'a>;
    fn make_writer(&'a self) -> Self::Writer {
        SaysOnceWriter(self.0.make_writer())
    }
}

impl Write for SaysOnceWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.write(buf) {
            Ok(n) => Ok(n),
            Err(e) => {
                let _ = WRITE_FAILURE.set(e.to_string());
                say(&dir(), &e.to_string());
                Ok(buf.len())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = self.0.flush();
        Ok(())
    }
}

/// The log files in `dir`, oldest first (by the date in their names).
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.starts_with(&format!("{PREFIX}.")) && n.ends_with(&format!(".{SUFFIX}"))
                })
        })
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbose_raises_the_level() {
        // SAFETY-free: only reads RUST_LOG; the test runner does not set it
        // for this crate's unit tests unless asked.
        if std::env::var_os("RUST_LOG").is_some() {
            return;
        }
        assert_eq!(filter(0).0.to_string(), "info");
        assert_eq!(filter(1).0.to_string(), "debug");
        assert_eq!(filter(5).0.to_string(), "trace");
    }

    #[test]
    fn files_are_found_by_name_and_sorted() {
        let dir = std::env::temp_dir().join(format!("wbw-logfiles-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for name in [
            "writeback-wizard.2026-12-02.log",
            "writeback-wizard.2026-11-30.log",
            "other.log",
            "writeback-wizard.2026-12-01.txt",
        ] {
            std::fs::write(dir.join(name), b"x").unwrap();
        }
        let names: Vec<String> = files(&dir)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "writeback-wizard.2026-11-30.log",
                "writeback-wizard.2026-12-02.log"
            ]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unwritable_directory_is_an_error_not_a_panic() {
        let file = std::env::temp_dir().join(format!("wbw-notadir-{}", std::process::id()));
        std::fs::write(&file, b"x").unwrap();
        assert!(appender(&file.join("logs")).is_err());
        let _ = std::fs::remove_file(&file);
    }
}
