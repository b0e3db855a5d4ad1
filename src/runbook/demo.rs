//! The runbook of a demo run: the wizard driven headlessly through every
//! step on the demo organization with a fixed clock, each page rendered
//! with iced_test's software renderer.

use crate::app::{Step, ThemeChoice};
use crate::headless::{self, DriveError};

use super::Runbook;

/// Runs the demo headlessly and returns its runbook (texts in the language
/// selected with [`crate::localize::init`], `lang` for the Welcome page).
pub fn runbook(lang: &str, theme: ThemeChoice) -> Result<Runbook, DriveError> {
    // A fresh private directory for the pages, removed afterwards.
    let scratch = crate::fsperm::ScratchDir::new("writeback-wizard-runbook").map_err(|e| {
        DriveError::Snapshot(std::env::temp_dir().display().to_string(), e.to_string())
    })?;
    let run = headless::demo_run(scratch.path(), lang, theme)?;
    let mut shots: Vec<(Step, Vec<u8>)> = Vec::new();
    for (step, path) in &run.pages {
        let png = std::fs::read(path)
            .map_err(|e| DriveError::Snapshot(path.display().to_string(), e.to_string()))?;
        shots.push((*step, png));
    }
    Ok(run.driver.app.runbook(&shots))
}
