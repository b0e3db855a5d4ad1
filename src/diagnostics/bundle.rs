//! The diagnostics zip, for a support ticket: the log files (the days
//! kept), the audit log, the backups' names (not their content), and
//! `about.json` (app version, OS, data directory, language, log state) and
//! `settings.json` (the profile's settings, which hold no secret). Nothing
//! else: no backup content, no environment beyond the wizard's own
//! non-secret variables.

use std::io::Write;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;

pub use crate::profile::Settings;

/// What the caller knows about the run.
#[derive(Clone, Debug, Default)]
pub struct Run {
    /// Language code.
    pub lang: String,
    /// "demo", or the profile the run started from.
    pub source: String,
    /// The run's settings.
    pub settings: Settings,
}

/// Where the bundle takes its files from.
#[derive(Clone, Debug)]
pub struct Sources {
    /// The log directory.
    pub logs: PathBuf,
    /// The audit log.
    pub audit: PathBuf,
    /// The backups' directory.
    pub backups: PathBuf,
}

impl Sources {
    /// The data directory's (as the run uses it).
    pub fn standard() -> Sources {
        Sources {
            logs: super::log::dir(),
            audit: crate::audit::log_path(),
            backups: crate::task::permissions::backup_dir(),
        }
    }
}

/// Writing the zip failed.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct BundleError {
    /// The file being written or read.
    pub path: String,
    /// The system's words.
    pub reason: String,
}

impl BundleError {
    fn new(path: &Path, reason: impl std::fmt::Display) -> BundleError {
        BundleError {
            path: path.display().to_string(),
            reason: reason.to_string(),
        }
    }
}

/// The variables the wizard reads that hold no secret, and their values.
const SHOWN_ENV: [&str; 7] = [
    "WRITEBACK_WIZARD_DATA_DIR",
    "WRITEBACK_WIZARD_LOGIN_URL",
    "WRITEBACK_WIZARD_PORTAL_API_URL",
    "WRITEBACK_WIZARD_GRAPH_URL",
    "WRITEBACK_WIZARD_POWERSHELL",
    "WRITEBACK_WIZARD_FIXED_TIME",
    "RUST_LOG",
];

/// The operating system's name and version, as far as it says.
fn os_description() -> String {
    let base = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    let pretty = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_string())
        });
    match pretty {
        Some(p) => format!("{base} ({p})"),
        None => base,
    }
}

/// `about.json`.
fn about(run: &Run, sources: &Sources) -> serde_json::Value {
    let env: serde_json::Map<String, serde_json::Value> = SHOWN_ENV
        .iter()
        .filter_map(|k| std::env::var(k).ok().map(|v| (k.to_string(), v.into())))
        .collect();
    let log = match super::log::state() {
        Some(super::log::LogState::File { .. }) => "written".to_string(),
        Some(super::log::LogState::Off { reason, .. }) => format!("not written: {reason}"),
        None => "not started in this process".to_string(),
    };
    serde_json::json!({
        "app": "writeback-wizard",
        "version": env!("CARGO_PKG_VERSION"),
        "os": os_description(),
        "created": crate::audit::rfc3339(crate::audit::env_fixed_time().unwrap_or_else(std::time::SystemTime::now)),
        "lang": run.lang,
        "source": run.source,
        "log_dir": sources.logs.display().to_string(),
        "log": log,
        "audit_log": sources.audit.display().to_string(),
        "backups_dir": sources.backups.display().to_string(),
        "environment": env,
    })
}

/// The names of the files in the backups' directory, sorted.
fn backup_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Writes the zip to `out` (through a temporary file beside it, so a
/// failure leaves no half-written zip) and returns the names of its
/// entries.
pub fn write(out: &Path, run: &Run, sources: &Sources) -> Result<Vec<String>, BundleError> {
    let part = out.with_extension("zip.part");
    let result = write_to(&part, run, sources).and_then(|names| {
        std::fs::rename(&part, out)
            .map(|_| names)
            .map_err(|e| BundleError::new(out, e))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    match &result {
        Ok(names) => {
            tracing::info!(path = %out.display(), entries = names.len(), "diagnostics saved")
        }
        Err(e) => tracing::warn!(error = %e, "diagnostics not saved"),
    }
    result
}

/// The most bytes of one file put into the zip (the newest end is kept).
pub const MAX_FILE: u64 = 8 * 1024 * 1024;

/// At most the last [`MAX_FILE`] bytes of `path`.
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::{Read as _, Seek as _};
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > MAX_FILE {
        file.seek(std::io::SeekFrom::Start(len - MAX_FILE))?;
    }
    let mut out = Vec::new();
    file.take(MAX_FILE).read_to_end(&mut out)?;
    Ok(out)
}

fn write_to(path: &Path, run: &Run, sources: &Sources) -> Result<Vec<String>, BundleError> {
    // A new file only (never one planted there, nor a link), readable by
    // the user only.
    let mut open = std::fs::OpenOptions::new();
    open.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        open.mode(0o600);
    }
    let file = open.open(path).map_err(|e| BundleError::new(path, e))?;
    crate::fsperm::restrict_file(path).map_err(|e| BundleError::new(path, e))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut names = Vec::new();
    let mut add = |name: String, bytes: &[u8]| -> Result<(), BundleError> {
        zip.start_file(name.as_str(), options)
            .map_err(|e| BundleError::new(path, e))?;
        zip.write_all(bytes)
            .map_err(|e| BundleError::new(path, e))?;
        names.push(name);
        Ok(())
    };
    let pretty = |v: &serde_json::Value| serde_json::to_vec_pretty(v).unwrap_or_default();
    add("about.json".into(), &pretty(&about(run, sources)))?;
    add(
        "settings.json".into(),
        &serde_json::to_vec_pretty(&run.settings).unwrap_or_default(),
    )?;
    for log in super::log::files(&sources.logs) {
        // A file that vanished meanwhile (pruned) is left out.
        let Ok(bytes) = read_capped(&log) else {
            continue;
        };
        let name = log.file_name().unwrap_or_default().to_string_lossy();
        add(format!("logs/{name}"), &bytes)?;
    }
    if let Ok(bytes) = read_capped(&sources.audit) {
        add("audit.jsonl".into(), &bytes)?;
    }
    let mut backups = backup_names(&sources.backups).join("\n");
    if !backups.is_empty() {
        backups.push('\n');
    }
    add("backups.txt".into(), backups.as_bytes())?;
    let file = zip.finish().map_err(|e| BundleError::new(path, e))?;
    file.sync_all().map_err(|e| BundleError::new(path, e))?;
    Ok(names)
}

/// A file name for a bundle made now: `writeback-wizard-diagnostics-YYYYMMDD-HHMMSS.zip`.
pub fn default_name() -> String {
    let time = crate::audit::rfc3339(
        crate::audit::env_fixed_time().unwrap_or_else(std::time::SystemTime::now),
    );
    let stamp: String = time
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .take(15)
        .collect();
    format!(
        "writeback-wizard-diagnostics-{}.zip",
        stamp.replace('T', "-")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_name_is_stamped() {
        let name = default_name();
        assert!(name.starts_with("writeback-wizard-diagnostics-"), "{name}");
        assert!(name.ends_with(".zip"), "{name}");
        assert_eq!(
            name.len(),
            "writeback-wizard-diagnostics-20261202-001500.zip".len()
        );
    }

    #[test]
    fn an_unwritable_target_is_an_error() {
        let sources = Sources {
            logs: "/nonexistent-wbw/logs".into(),
            audit: "/nonexistent-wbw/audit.jsonl".into(),
            backups: "/nonexistent-wbw/backups".into(),
        };
        let out = Path::new("/nonexistent-wbw/out.zip");
        assert!(write(out, &Run::default(), &sources).is_err());
        assert!(!out.exists());
    }

    #[cfg(unix)]
    #[test]
    fn the_zip_is_new_owner_only_and_each_file_capped() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = crate::fsperm::ScratchDir::new("wbw-bundle").unwrap();
        let audit = dir.path().join("audit.jsonl");
        // One byte more than the cap: the oldest byte is left out.
        let mut big = vec![b'a'; 1];
        big.extend(std::iter::repeat_n(b'b', MAX_FILE as usize));
        std::fs::write(&audit, &big).unwrap();
        assert_eq!(read_capped(&audit).unwrap().len() as u64, MAX_FILE);
        assert!(!read_capped(&audit).unwrap().contains(&b'a'));
        let sources = Sources {
            logs: dir.path().join("logs"),
            audit,
            backups: dir.path().join("backups"),
        };
        let out = dir.path().join("out.zip");
        write(&out, &Run::default(), &sources).unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // A link planted at the temporary name is never written through.
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let out2 = dir.path().join("second.zip");
        std::os::unix::fs::symlink(&victim, out2.with_extension("zip.part")).unwrap();
        assert!(write(&out2, &Run::default(), &sources).is_err());
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    }
}
