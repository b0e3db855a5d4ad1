//! Opening the wizard window, and `screenshots`.

use std::path::Path;
use std::process::ExitCode;

use super::{exit, print_error};
use crate::app::{self, Options, TargetsPrefill, ThemeChoice};
use crate::fl;
use crate::page::permissions::Backups;
use crate::session::Env;

/// Opens the wizard on the demo, or on the profile's organization.
pub fn open(profile: Option<&Path>, lang: String, theme: ThemeChoice) -> ExitCode {
    let (env, source, targets) = match profile {
        None => (Env::demo(false), "demo".to_string(), None),
        Some(path) => match super::directory::load_profile(path) {
            Ok(p) => {
                let d = p.directory;
                let prefill = TargetsPrefill {
                    server: d.server.unwrap_or_default(),
                    ca_file: d
                        .ca_file
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    bind_user: d.bind_user.unwrap_or_default(),
                    connector: d.connector_account.unwrap_or_default(),
                    sync_host: p.connect.remote.unwrap_or_default(),
                    tenant: p.tenant.id.unwrap_or_default(),
                    client_id: p.tenant.client_id.unwrap_or_default(),
                    cloud_sync: p.connect.cloud_sync,
                    tenant_admin: p.connect.tenant_admin.clone().unwrap_or_default(),
                };
                let env = targets_env(&prefill);
                (env, path.display().to_string(), Some(prefill))
            }
            Err(message) => {
                print_error(&message);
                return ExitCode::from(exit::USAGE);
            }
        },
    };
    let demo = env.is_demo();
    let options = Options {
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
        targets,
    };
    match app::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            print_error(&fl!("gui-error", reason = e.to_string()));
            ExitCode::from(exit::FAILED)
        }
    }
}

fn targets_env(prefill: &TargetsPrefill) -> Env {
    crate::page::targets::State::prefilled(prefill.clone()).real_env()
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
