//! Opening the wizard window, and `screenshots`.

use std::path::Path;
use std::process::ExitCode;

use super::settings::Start;
use super::{exit, print_error};
use crate::app::{self, Options, ThemeChoice};
use crate::fl;
use crate::session::{Credentials, Env};

/// The window's starting point: the demo, or the real planes a profile
/// describes (every setting of it; passwords are asked on the Targets
/// page).
pub fn options(start: &Start, lang: String, theme: ThemeChoice) -> Options {
    let mut settings = start.settings.clone();
    // A profile's `insecure_plaintext` is not consent for this run: the
    // Targets page asks (an unticked box) before the first bind.
    settings.directory.insecure_plaintext = false;
    let env = if start.demo {
        Env::demo(false)
    } else {
        Env::real(settings, Credentials::default())
    };
    Options {
        env,
        source: start.source.clone(),
        lang,
        theme,
        backups: start.backups(),
    }
}

/// Opens the wizard on the demo, or on the profile's organization.
pub fn open(start: &Start, lang: String, theme: ThemeChoice) -> ExitCode {
    match app::run(options(start, lang, theme)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            print_error(&fl!("gui-error", reason = e.to_string()));
            ExitCode::from(exit::FAILED)
        }
    }
}

/// `screenshots --out DIR`.
pub fn screenshots(out: &Path, lang: &str, theme: ThemeChoice) -> u8 {
    match crate::headless::screenshots(out, lang, theme) {
        Ok(files) => {
            for f in files {
                println!("{}", f.display());
            }
            exit::OK
        }
        Err(e) => {
            print_error(&fl!("gui-error", reason = e.to_string()));
            exit::FAILED
        }
    }
}
