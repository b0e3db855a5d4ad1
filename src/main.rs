//! Entry point: the wizard window, or the command line when a subcommand is
//! given.

use std::process::ExitCode;

use clap::Parser;
use writeback_wizard::cli::{self, Cli};

fn main() -> ExitCode {
    cli::run(Cli::parse())
}
