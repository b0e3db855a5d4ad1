//! `diagnostics --out FILE.zip`: the zip support asks for (see
//! [`crate::diagnostics::bundle`]).

use std::path::Path;

use super::{exit, print_error};
use crate::diagnostics::bundle::{self, Run, Settings, Sources};
use crate::fl;

/// Writes the zip; the profile, when given, supplies the settings.
pub fn run(out: &Path, profile: Option<&Path>, lang: &str) -> u8 {
    let settings = match profile {
        Some(path) => match Settings::load(path) {
            Ok(s) => s,
            Err(message) => {
                print_error(&message);
                return exit::USAGE;
            }
        },
        None => Settings::default(),
    };
    let run = Run {
        lang: lang.to_string(),
        source: profile
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "command line".into()),
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
