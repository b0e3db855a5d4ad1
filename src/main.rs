//! Entry point: the command line when a subcommand is given, otherwise the
//! wizard window.

use std::process::ExitCode;

use clap::Parser;
use writeback_wizard::cli::{self, Cli};
use writeback_wizard::fl;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(cli) {
        Some(code) => code,
        None => {
            eprintln!("{}", fl!("cli-no-gui-yet"));
            ExitCode::from(cli::exit::USAGE)
        }
    }
}
