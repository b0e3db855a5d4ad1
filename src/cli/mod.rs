//! The command line: one subcommand per wizard page (more arrive with
//! each step), sharing the task code with the GUI.

pub mod directory;
pub mod sd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns on Microsoft Entra ID password writeback end to end.
#[derive(Debug, Parser)]
#[command(name = "writeback-wizard", version, about)]
pub struct Cli {
    /// Language of messages (en, de, fr, es); default: the system's.
    #[arg(long, global = true)]
    pub lang: Option<String>,
    /// What to do; without one, the wizard window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decode and encode security descriptors (base64 ⇄ SDDL).
    #[command(subcommand)]
    Sd(sd::SdCommand),
    /// Step 1 pre-flight: connection, accounts, rights, protected users.
    Check(directory::DirectoryArgs),
    /// Step 1: grant the writeback permissions (backup, write, read back).
    Grant {
        #[command(flatten)]
        args: directory::DirectoryArgs,
        /// Print the plan and the SDDL diff; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Step 1: report which users carry the permission.
    Verify(directory::DirectoryArgs),
    /// Step 1: undo the newest grant (or the one in --backup).
    Rollback {
        #[command(flatten)]
        args: directory::DirectoryArgs,
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

/// Runs the command line; `None` when no subcommand was given.
pub fn run(cli: Cli) -> Option<ExitCode> {
    crate::localize::init(cli.lang.as_deref());
    let command = cli.command?;
    let code = match command {
        Command::Sd(cmd) => sd::run(cmd),
        Command::Check(args) => directory::check(args),
        Command::Grant { args, dry_run, yes } => directory::grant(args, dry_run, yes),
        Command::Verify(args) => directory::verify(args),
        Command::Rollback { args, backup, yes } => directory::rollback(args, backup, yes),
    };
    Some(ExitCode::from(code))
}

/// Prints a one-line translated error to stderr.
pub fn print_error(message: &str) {
    eprintln!("{}", crate::fl!("cli-error", message = message));
}
