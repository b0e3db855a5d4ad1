//! `diagnostics --out FILE.zip`: the zip support asks for (see
//! [`crate::diagnostics::bundle`]).

use std::path::Path;

use super::settings::{SettingsArgs, Start};
use super::{exit, print_error};
use crate::diagnostics::bundle::{self, Run, Sources};
use crate::fl;

/// Writes the zip; the run's settings (the profile's, with the options
/// given over them) go into it.
pub fn run(out: &Path, start: &Start, args: &SettingsArgs, lang: &str) -> u8 {
    let settings = match start.settings(args) {
        Ok(s) => s,
        Err(message) => {
            print_error(&message);
            return exit::USAGE;
        }
    };
    let run = Run {
        lang: lang.to_string(),
        source: start.source.clone(),
        settings,
    };
    match bundle::write(out, &run, &Sources::standard()) {
        Ok(names) => {
            for name in &names {
                println!("{name}");
            }
            eprintln!(
                "{}",
                fl!("diagnostics-saved", path = out.display().to_string())
            );
            exit::OK
        }
        Err(e) => {
            print_error(&fl!(
                "diagnostics-save-failed",
                path = out.display().to_string(),
                reason = e.reason.clone()
            ));
            exit::FAILED
        }
    }
}
