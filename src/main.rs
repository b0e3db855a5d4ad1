//! Entry point: the wizard window, or the command line when a subcommand is
//! given. On Windows the binary is a GUI program (no console window opens);
//! subcommands attach to the console they were started from.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use writeback_wizard::cli::{self, Cli, help};

fn main() -> ExitCode {
    #[cfg(windows)]
    if std::env::args_os().len() > 1 {
        // SAFETY: plain Win32 call without pointers; failing (no parent
        // console) leaves the process without one, as before.
        unsafe {
            windows_sys::Win32::System::Console::AttachConsole(
                windows_sys::Win32::System::Console::ATTACH_PARENT_PROCESS,
            );
        }
    }
    // The language first, so that `--help` is translated too.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    writeback_wizard::localize::init(help::lang_arg(&args).as_deref());
    let matches = help::translate(Cli::command()).get_matches_from(args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli::run(cli)
}
