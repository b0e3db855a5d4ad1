//! The command line: one subcommand per wizard page (more arrive with
//! each step), sharing the task code with the GUI.

pub mod cloudsync;
pub mod dcs;
pub mod diagnose;
pub mod diagnostics;
pub mod directory;
pub mod gui;
pub mod help;
pub mod portal;
pub mod prove;
pub mod report;
pub mod sd;
pub mod settings;
pub mod sync;
pub mod verify;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns on Microsoft Entra ID password writeback end to end.
#[derive(Debug, Parser)]
#[command(name = "writeback-wizard", version, about)]
pub struct Cli {
    /// Language of messages (en, de, fr, es); default: the system's.
    #[arg(long, global = true)]
    pub lang: Option<String>,
    /// The organization this profile (TOML) describes: the window opens
    /// on it instead of the built-in demo, a command takes its settings
    /// (options given win). Read once; before or after the subcommand.
    #[arg(long, value_name = "FILE", global = true)]
    pub profile: Option<std::path::PathBuf>,
    /// Run the command on the built-in demo organization.
    #[arg(long, global = true, conflicts_with = "profile")]
    pub demo: bool,
    /// Theme: system (default), light or dark.
    #[arg(long, value_enum, default_value_t = ThemeArg::System, global = true)]
    pub theme: ThemeArg,
    /// More detail in the diagnostics log (DEBUG; twice: TRACE); on the
    /// command line the log lines are also printed on standard error.
    #[arg(long, short = 'v', action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// What to do; without one, the wizard window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The theme options.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ThemeArg {
    /// Follow the system.
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl From<ThemeArg> for crate::app::ThemeChoice {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::System => crate::app::ThemeChoice::System,
            ThemeArg::Light => crate::app::ThemeChoice::Light,
            ThemeArg::Dark => crate::app::ThemeChoice::Dark,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decode and encode security descriptors (base64 ⇄ SDDL).
    #[command(subcommand)]
    Sd(sd::SdCommand),
    /// Render every page of a demo run to PNG (no display needed).
    Screenshots {
        /// Directory for NN-<page>.png.
        #[arg(long, value_name = "DIR")]
        out: std::path::PathBuf,
    },
    /// Write the runbook of the newest run in the audit log (a command or
    /// a window): the changes, backups, verification, pilot test, undo,
    /// and the window's screenshots (no display needed).
    Runbook {
        /// Directory for runbook.html (or runbook.md and runbook-images/).
        #[arg(long, value_name = "DIR")]
        out: std::path::PathBuf,
        /// html (one self-contained file) or md (Markdown and PNGs).
        #[arg(long, value_enum, default_value_t = crate::runbook::Format::Html)]
        format: crate::runbook::Format,
        /// The run to write (its id, as in `log --json`) instead of the
        /// newest; with `--demo`, a fresh demo run is written instead.
        #[arg(long, value_name = "ID", conflicts_with = "demo")]
        run: Option<String>,
    },
    /// Write a zip for a support ticket: the diagnostics log, the audit
    /// log, the backups' names, version, OS and settings (no secrets).
    Diagnostics {
        /// The zip to write.
        #[arg(long, value_name = "FILE.zip")]
        out: std::path::PathBuf,
        /// The settings that go into the zip.
        #[command(flatten)]
        settings: settings::SettingsArgs,
    },
    /// Show the audit log: every change applied, on every plane.
    Log {
        /// Print the records as JSON lines.
        #[arg(long)]
        json: bool,
    },
    /// Step 2: password writeback on the Entra Connect server.
    #[command(subcommand)]
    Sync(sync::SyncCommand),
    /// Step 3: the portal's on-premises integration (sign in to Entra ID).
    #[command(subcommand)]
    Portal(portal::PortalCommand),
    /// Step 1 pre-flight: connection, accounts, rights, protected users.
    Check(directory::StepArgs),
    /// Step 1: grant the writeback permissions (backup, write, read back).
    Grant {
        #[command(flatten)]
        args: directory::StepArgs,
        /// Print the plan and the SDDL diff; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Read the three planes again: which users the connector can reset
    /// (--server), Connect's writeback (--remote), the portal (--tenant).
    Verify(verify::VerifyArgs),
    /// Prove writeback end to end: reset a synced pilot user's password in
    /// the cloud, then read its pwdLastSet in AD (exit 0 proven, 1 failed or
    /// unproven, 2 bad input, 3 blocked).
    TestWriteback(prove::ProveArgs),
    /// Read the Connect server's event log (password reset service, sync
    /// errors) and explain each entry with its fix.
    Diagnose(diagnose::DiagnoseArgs),
    /// Step 1: undo the newest grant (or the one in --backup).
    Rollback {
        #[command(flatten)]
        args: directory::StepArgs,
        /// A backup file written by grant.
        #[arg(long, value_name = "FILE")]
        backup: Option<std::path::PathBuf>,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
}

/// Exit statuses shared by every subcommand.
pub mod exit {
    /// Done, or nothing to do.
    pub const OK: u8 = 0;
    /// Failed.
    pub const FAILED: u8 = 1;
    /// Bad usage or bad input.
    pub const USAGE: u8 = 2;
    /// Blocked by a pre-flight finding.
    pub const BLOCKED: u8 = 3;
}

/// Runs the command line; without a subcommand, opens the wizard.
pub fn run(cli: Cli) -> ExitCode {
    let lang = crate::localize::init(cli.lang.as_deref());
    crate::diagnostics::log::init(crate::diagnostics::log::LogOptions {
        verbose: cli.verbose,
        echo: cli.command.is_some() && cli.verbose > 0,
    });
    // The profile is read once, here, for the window or the command.
    let demo = cli.demo || (cli.command.is_none() && cli.profile.is_none());
    let start = match settings::Start::load(cli.profile.as_deref(), demo) {
        Ok(start) => start,
        Err(message) => {
            print_error(&message);
            return ExitCode::from(exit::USAGE);
        }
    };
    let Some(command) = cli.command else {
        tracing::info!(lang, profile = ?cli.profile, "window");
        crate::audit::run::begin(crate::audit::Via::Window, None);
        return gui::open(&start, lang, cli.theme.into());
    };
    // Only the commands speak as the command line (option hints); the
    // screenshots and runbooks show the window's words.
    crate::localize::set_command_line(!matches!(
        command,
        Command::Screenshots { .. } | Command::Runbook { .. } | Command::Diagnostics { .. }
    ));
    crate::audit::run::begin(crate::audit::Via::Cli, Some(command.name()));
    let span = tracing::info_span!("command", name = command.name(), demo = start.demo);
    let _entered = span.enter();
    let code = match command {
        Command::Diagnostics { out, settings } => diagnostics::run(&out, &start, &settings, &lang),
        Command::Screenshots { out } => gui::screenshots(&out, &lang, cli.theme.into()),
        Command::Runbook { out, format, run } => {
            let which = if start.demo {
                report::Which::Demo
            } else {
                report::Which::Logged(run)
            };
            report::runbook(&out, format, &lang, cli.theme.into(), which)
        }
        Command::Log { json } => report::log(json),
        Command::Sd(cmd) => sd::run(cmd),
        Command::Sync(cmd) => sync::run(&start, cmd),
        Command::Portal(cmd) => portal::run(&start, cmd),
        Command::Check(args) => directory::check(&start, args),
        Command::Grant { args, dry_run, yes } => directory::grant(&start, args, dry_run, yes),
        Command::Verify(args) => verify::run(&start, args),
        Command::Rollback { args, backup, yes } => directory::rollback(&start, args, backup, yes),
        Command::TestWriteback(args) => prove::run(&start, args),
        Command::Diagnose(args) => diagnose::run(&start, args),
    };
    tracing::info!(exit = code, "command finished");
    ExitCode::from(code)
}

impl Command {
    /// The subcommand's name, for the log.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Sd(_) => "sd",
            Command::Screenshots { .. } => "screenshots",
            Command::Runbook { .. } => "runbook",
            Command::Diagnostics { .. } => "diagnostics",
            Command::Log { .. } => "log",
            Command::Sync(_) => "sync",
            Command::Portal(_) => "portal",
            Command::Check(_) => "check",
            Command::Grant { .. } => "grant",
            Command::Verify(_) => "verify",
            Command::Rollback { .. } => "rollback",
            Command::TestWriteback(_) => "test-writeback",
            Command::Diagnose(_) => "diagnose",
        }
    }
}

/// Prints a one-line translated error to stderr.
pub fn print_error(message: &str) {
    eprintln!("{}", crate::fl!("cli-error", message = message));
}

/// One finding as a line: its translated outcome mark, then the text.
pub fn finding_line(outcome: crate::task::permissions::Outcome, text: &str) -> String {
    use crate::task::permissions::Outcome;
    let mark = match outcome {
        Outcome::Ok => crate::fl!("outcome-ok"),
        Outcome::Warning => crate::fl!("outcome-warning"),
        Outcome::Blocking => crate::fl!("outcome-blocking"),
    };
    format!("[{mark}] {text}")
}

/// Runs `work` on a fresh runtime to its end, or until Ctrl-C, which drops
/// it (and with it any child process it owns): then None.
pub fn run_cancellable<T>(work: impl Future<Output = T>) -> Option<T> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    runtime.block_on(async {
        tokio::select! {
            r = work => Some(r),
            _ = tokio::signal::ctrl_c() => None,
        }
    })
}

/// Findings as the `checks` array of `--json` output.
pub fn checks_json<F: serde::Serialize>(
    findings: &[(crate::task::permissions::Outcome, F)],
) -> Vec<serde_json::Value> {
    findings
        .iter()
        .map(|(o, f)| serde_json::json!({ "outcome": o, "finding": f }))
        .collect()
}
