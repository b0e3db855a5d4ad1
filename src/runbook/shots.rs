//! A window run's screenshots on disk: each capture saved owner-only in
//! the data directory (`runs/<run id>/NN-<step>.png`) and noted in the
//! log, and read back for the run's runbook. What the log names is not
//! trusted: only a PNG in the run's own folder is read, of bounded size.

use std::path::{Path, PathBuf};

use crate::audit::{Noted, RunLog, Trail, run};

/// The largest screenshot read back (bytes).
pub const MAX_PNG: u64 = 32 * 1024 * 1024;

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Whether `name` is a screenshot's file name (`04-permissions.png`).
fn valid_name(name: &str) -> bool {
    name.len() <= 64
        && name.ends_with(".png")
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Saves the screenshot of step `slug` (its `index` in the wizard) in the
/// trail's run folder and notes it. Nothing for a trail in memory or
/// outside a run. Returns the file written.
pub fn save(
    trail: &Trail,
    index: usize,
    slug: &str,
    png: &[u8],
) -> std::io::Result<Option<PathBuf>> {
    let (Some(dir), Some(tag)) = (trail.run_dir(), trail.run()) else {
        return Ok(None);
    };
    let name = format!("{:02}-{slug}.png", index + 1);
    if !valid_name(&name) {
        return Ok(None);
    }
    crate::fsperm::private_dir(&dir)?;
    let path = dir.join(&name);
    crate::fsperm::write_private(&path, png)?;
    trail.note(Noted::Screenshot {
        step: slug.to_string(),
        file: format!("{}/{}/{name}", run::RUNS_DIR, tag.id),
    });
    Ok(Some(path))
}

/// The screenshots `run` noted, read from beside the log at `log`, by step
/// slug (the newest capture of a step last). A file missing, too large,
/// not a PNG or outside the run's folder is left out.
pub fn load(log: &Path, run: &RunLog) -> Vec<(String, Vec<u8>)> {
    let Some(dir) = run::dir(log, &run.tag.id) else {
        return Vec::new();
    };
    let prefix = format!("{}/{}/", run::RUNS_DIR, run.tag.id);
    run.notes
        .iter()
        .filter_map(|n| match &n.note {
            Noted::Screenshot { step, file } => {
                let name = file.strip_prefix(&prefix).filter(|n| valid_name(n))?;
                let png = read_png(&dir.join(name))?;
                Some((step.clone(), png))
            }
            Noted::Verified { .. } => None,
        })
        .collect()
}

/// A regular file (not a link) of at most [`MAX_PNG`] bytes that starts
/// as a PNG.
fn read_png(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_PNG {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    bytes.starts_with(PNG_MAGIC).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{RunTag, Via};

    #[test]
    fn saved_screenshots_load_back_and_foreign_files_do_not() {
        let dir = std::env::temp_dir().join(format!("wbw-shots-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let log = dir.join("audit.jsonl");
        let tag = RunTag {
            id: "w1".into(),
            via: Via::Window,
            command: None,
        };
        let trail = Trail::new(Some(log.clone())).in_run(tag);
        let png = [PNG_MAGIC, b"rest"].concat();
        let path = save(&trail, 3, "permissions", &png).unwrap().unwrap();
        assert_eq!(path, dir.join("runs/w1/04-permissions.png"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "owner-only: {mode:o}");
        }
        // Hostile notes: outside the folder, not a PNG, a link.
        std::fs::write(dir.join("runs/w1/05-connect.png"), b"not a png").unwrap();
        for file in [
            "runs/w1/../../audit.jsonl",
            "/etc/passwd",
            "runs/other/01-welcome.png",
            "runs/w1/05-connect.png",
        ] {
            trail.note(Noted::Screenshot {
                step: "connect".into(),
                file: file.into(),
            });
        }
        let run = crate::audit::read(&log).unwrap().run(None).unwrap();
        let shots = load(&log, &run);
        assert_eq!(shots, vec![("permissions".to_string(), png)]);
        assert!(
            save(&Trail::new(None), 0, "welcome", b"x")
                .unwrap()
                .is_none()
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
