//! The runbook of a demo run: the wizard driven headlessly through every
//! step on the demo organization with a fixed clock, each page rendered
//! with iced_test's software renderer.

use crate::app::{Step, ThemeChoice};
use crate::headless::{self, DriveError};

use super::Runbook;

/// Runs the demo headlessly and returns its runbook (texts in the language
/// selected with [`crate::localize::init`], `lang` for the Welcome page).
pub fn runbook(lang: &str, theme: ThemeChoice) -> Result<Runbook, DriveError> {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let scratch = std::env::temp_dir().join(format!(
        "writeback-wizard-runbook-{}-{n}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&scratch);
    let result = (|| {
        let run = headless::demo_run(&scratch, lang, theme)?;
        let mut shots: Vec<(Step, Vec<u8>)> = Vec::new();
        for (step, path) in &run.pages {
            let png = std::fs::read(path)
                .map_err(|e| DriveError::Snapshot(path.display().to_string(), e.to_string()))?;
            shots.push((*step, png));
        }
        Ok(run.driver.app.runbook(&shots))
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    result
}
