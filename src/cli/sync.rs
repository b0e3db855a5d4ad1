//! `sync status|enable|disable`: step 2 from the command line.

use std::time::Duration;

use clap::{Args, Subcommand};

use super::{exit, print_error};
use crate::audit::Trail;
use crate::backend::powershell::{PowerShell, PowerShellOptions};
use crate::backend::sync::SyncState;
use crate::task::permissions::Outcome;
use crate::task::sync;
use crate::{explain, fl};

/// `sync` subcommands.
#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Show the Connect server's writeback state and its pre-flight checks.
    Status(SyncArgs),
    /// Switch password writeback on, then read it back.
    Enable(SyncArgs),
    /// Switch password writeback off (undo), then read it back.
    Disable(SyncArgs),
}

/// Options of every `sync` subcommand.
#[derive(Debug, Clone, Args)]
pub struct SyncArgs {
    /// The Connect server, through PowerShell remoting (default: this machine).
    #[arg(long, value_name = "HOST")]
    pub remote: Option<String>,
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
        let checks: Vec<_> = findings
            .iter()
            .map(|(o, f)| serde_json::json!({ "outcome": o, "finding": f }))
            .collect();
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
        let mark = match o {
            Outcome::Ok => fl!("outcome-ok"),
            Outcome::Warning => fl!("outcome-warning"),
            Outcome::Blocking => fl!("outcome-blocking"),
        };
        lines.push(format!("[{mark}] {}", explain::sync_finding(f)));
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
    let mut server = PowerShell::new(PowerShellOptions {
        remote: args.remote.clone(),
        timeout: Duration::from_secs(args.timeout.max(1)),
    });
    let host = args.remote.clone().unwrap_or_else(|| "localhost".into());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    let result = runtime.block_on(async {
        let work = async {
            match set {
                None => sync::status(&mut server).await,
                Some(on) => sync::set(&mut server, on, &Trail::standard(), &mut |_| {}).await,
            }
        };
        // Ctrl-C drops the work, which kills PowerShell's process tree.
        tokio::select! {
            r = work => Some(r),
            _ = tokio::signal::ctrl_c() => None,
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
