//! `sync status|enable|disable`: step 2 from the command line (Entra
//! Connect, or Cloud Sync with `--cloud-sync`).

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand};

use super::{exit, print_error};
use crate::audit::Trail;
use crate::backend::powershell::{PowerShell, PowerShellOptions};
use crate::backend::sync::SyncState;
use crate::profile::{ConnectProfile, load};
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

/// Options of every `sync` subcommand.
#[derive(Debug, Clone, Args)]
pub struct SyncArgs {
    /// The Connect server, through PowerShell remoting (default: this machine).
    #[arg(long, value_name = "HOST")]
    pub remote: Option<String>,
    /// Cloud Sync instead of Entra Connect: the server runs the provisioning
    /// agent, and enable/disable sign in to the tenant.
    #[arg(long)]
    pub cloud_sync: bool,
    /// With --cloud-sync: the tenant administrator (UPN) to sign in as. The
    /// password comes from WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD or a prompt.
    #[arg(long, value_name = "UPN")]
    pub tenant_admin: Option<String>,
    /// Profile (TOML) whose [connect] table supplies the same settings;
    /// options given here win.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Seconds allowed for each PowerShell call.
    #[arg(long, default_value_t = 120)]
    pub timeout: u64,
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
pub fn run(cmd: SyncCommand) -> u8 {
    let (args, set) = match cmd {
        SyncCommand::Status(a) => (a, None),
        SyncCommand::Enable(a) => (a, Some(true)),
        SyncCommand::Disable(a) => (a, Some(false)),
    };
    let profile = match &args.profile {
        Some(path) => match load(path) {
            Ok(p) => p.connect,
            Err(message) => {
                print_error(&message);
                return exit::USAGE;
            }
        },
        None => ConnectProfile::default(),
    };
    let remote = args.remote.clone().or_else(|| profile.remote.clone());
    let mut server = PowerShell::new(PowerShellOptions {
        remote: remote.clone(),
        timeout: Duration::from_secs(args.timeout.max(1)),
    });
    let host = remote.unwrap_or_else(|| "localhost".into());
    let cloud_sync = args.cloud_sync || profile.cloud_sync;
    if args.tenant_admin.is_some() && !cloud_sync {
        print_error(&fl!("cli-error-tenant-admin-needs-cloud-sync"));
        return exit::USAGE;
    }
    if cloud_sync {
        let admin = args.tenant_admin.clone().or(profile.tenant_admin);
        return super::cloudsync::run(&mut server, &host, set, admin, args.json);
    }
    let result = super::run_cancellable(async {
        match set {
            None => sync::status(&mut server).await,
            Some(on) => sync::set(&mut server, on, &Trail::standard(), &mut |_| {}).await,
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
