//! Opening the wizard window, and `screenshots`.

use std::path::Path;
use std::process::ExitCode;

use super::{exit, print_error};
use crate::app::{self, Options, ThemeChoice};
use crate::fl;
use crate::profile::Settings;
use crate::session::{Backups, Credentials, Env};

/// The window's starting point: the demo, or the real planes a profile
/// describes (every setting of it; passwords are asked on the Targets
/// page).
pub fn options(
    profile: Option<&Path>,
    lang: String,
    theme: ThemeChoice,
) -> Result<Options, String> {
    let (env, source) = match profile {
        None => (Env::demo(false), "demo".to_string()),
        Some(path) => {
            let mut settings = Settings::load(path)?;
            // A profile's `insecure_plaintext` is not consent for this run:
            // the Targets page asks (an unticked box) before the first bind.
            settings.directory.insecure_plaintext = false;
            (
                Env::real(settings, Credentials::default()),
                path.display().to_string(),
            )
        }
    };
    let demo = env.is_demo();
    Ok(Options {
        env,
        source,
        lang,
        theme,
        backups: Backups {
            dir: if demo {
                crate::task::permissions::demo_backup_dir()
            } else {
                crate::task::permissions::backup_dir()
            },
            trail: crate::audit::Trail::standard().demo(demo),
        },
    })
}

/// Opens the wizard on the demo, or on the profile's organization.
pub fn open(profile: Option<&Path>, lang: String, theme: ThemeChoice) -> ExitCode {
    let options = match options(profile, lang, theme) {
        Ok(o) => o,
        Err(message) => {
            print_error(&message);
            return ExitCode::from(exit::USAGE);
        }
    };
    match app::run(options) {
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
