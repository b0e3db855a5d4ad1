//! `sync status|enable|disable`: step 2 from the command line (Entra
//! Connect, or Cloud Sync with `--cloud-sync`), on the Connect server the
//! run's `Env` gives (the demo's with `--demo`).

use clap::{Args, Subcommand};

use super::settings::{SettingsArgs, Start};
use super::{exit, print_error};
use crate::backend::sync::SyncState;
use crate::session::Credentials;
use crate::task::permissions::Outcome;
use crate::task::sync;
use crate::{explain, fl};

/// `sync` subcommands.
#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Show the Connect server's writeback state and its pre-flight checks
    /// (with --cloud-sync: the provisioning agent's).
    Status(SyncArgs),
    /// Switch password writeback on, then read it back (Cloud Sync's
    /// setting cannot be read back; reported as set).
    Enable(SyncArgs),
    /// Switch password writeback off (undo), then read it back where it can.
    Disable(SyncArgs),
}

/// Options of every `sync` subcommand: the Connect server (`--remote`,
/// default this machine; `--timeout`, default 120 s per PowerShell call),
/// `--cloud-sync` and `--tenant-admin` come with the run's settings.
#[derive(Debug, Clone, Args)]
pub struct SyncArgs {
    /// The run's settings.
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Print one JSON document.
    #[arg(long)]
    pub json: bool,
}

fn render(state: &SyncState, host: &str, json: bool) -> (String, bool) {
    let findings = sync::findings(state);
    let blocked = findings.iter().any(|(o, _)| *o == Outcome::Blocking);
    if json {
        let checks = super::checks_json(&findings);
        let doc = serde_json::json!({ "host": host, "state": state, "checks": checks });
        return (doc.to_string(), blocked);
    }
    let on = if state.writeback {
        fl!("state-on")
    } else {
        fl!("state-off")
    };
    let mut lines = vec![fl!(
        "cli-sync-state",
        host = host,
        connector = state.connector.as_str(),
        state = on
    )];
    for (o, f) in &findings {
        lines.push(super::finding_line(*o, &explain::sync_finding(f)));
    }
    (lines.join("\n"), blocked)
}

/// Runs a `sync` subcommand and returns the exit status.
pub fn run(start: &Start, cmd: SyncCommand) -> u8 {
    let (args, set) = match cmd {
        SyncCommand::Status(a) => (a, None),
        SyncCommand::Enable(a) => (a, Some(true)),
        SyncCommand::Disable(a) => (a, Some(false)),
    };
    let settings = match start.settings(&args.settings) {
        Ok(s) => s,
        Err(message) => {
            print_error(&message);
            return exit::USAGE;
        }
    };
    let cloud_sync = settings.connect.cloud_sync;
    if args.settings.connect.tenant_admin.is_some() && !cloud_sync {
        print_error(&fl!("cli-error-tenant-admin-needs-cloud-sync"));
        return exit::USAGE;
    }
    let admin = settings.connect.tenant_admin.clone();
    let env = start.env(settings, Credentials::default());
    let mut server = env.sync_server();
    let host = env.sync_label();
    if cloud_sync {
        return super::cloudsync::run(&mut server, &host, set, admin, args.json);
    }
    let trail = start.backups().trail;
    let result = super::run_cancellable(async {
        match set {
            None => sync::status(&mut server).await,
            Some(on) => sync::set(&mut server, on, &trail, &mut |_| {}).await,
        }
    });
    let Some(result) = result else {
        print_error(&fl!("cli-cancelled"));
        return exit::FAILED;
    };
    match result {
        Ok(state) => {
            let (text, blocked) = render(&state, &host, args.json);
            println!("{text}");
            if set.is_none() && blocked {
                exit::BLOCKED
            } else {
                exit::OK
            }
        }
        Err(e) => {
            print_error(&explain::sync_error(&e));
            exit::FAILED
        }
    }
}
