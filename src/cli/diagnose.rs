//! `diagnose`: reads the Connect server's Application log (the password
//! reset service and synchronization) through the PowerShell runner, or an
//! exported log (`--from FILE`: the JSON of the one-liner in `--help`, or
//! an `.evtx` file), and maps each entry to a kind, a cause and a fix.

use std::time::SystemTime;

use clap::Args;

use super::settings::{SettingsArgs, Start};
use super::{exit, print_error};
use crate::backend::sync::SyncServer;
use crate::session::Credentials;
use crate::task::diagnose::{self, Kind};
use crate::task::permissions::Outcome;
use crate::{explain, fl};

/// Options of `diagnose`.
#[derive(Debug, Clone, Args)]
pub struct DiagnoseArgs {
    /// Read an exported log instead of the server: the JSON of the
    /// one-liner below, or an .evtx file (--remote and --since are then
    /// not used).
    #[arg(long, value_name = "FILE")]
    pub from: Option<std::path::PathBuf>,
    /// How far back to read: 30m, 2h, 1d… (default 24h).
    #[arg(long, value_name = "DURATION", default_value = "24h")]
    pub since: String,
    /// The run's settings: the Connect server (`--remote`, default this
    /// machine; `--timeout`, default 120 s).
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Print one JSON document.
    #[arg(long)]
    pub json: bool,
}

/// Reads an exported log into a report (host: the file's name; since: its
/// oldest entry).
fn from_file(path: &std::path::Path) -> Result<diagnose::Report, String> {
    crate::task::eventfile::report(path).map_err(|e| {
        fl!(
            "diag-error-from",
            path = path.display().to_string(),
            reason = e.to_string()
        )
    })
}

/// Runs `diagnose`: 0 when no entry is a problem (success and
/// information only), 1 when one is (or the log could not be read), 2 on
/// bad input.
pub fn run(start: &Start, args: DiagnoseArgs) -> u8 {
    if let Some(path) = &args.from {
        return match from_file(path) {
            Ok(report) => print_report(report, args.json),
            Err(e) => {
                print_error(&e);
                exit::FAILED
            }
        };
    }
    let Some(back) = diagnose::parse_since(&args.since) else {
        print_error(&fl!("cli-diag-error-since", value = args.since.as_str()));
        return exit::USAGE;
    };
    let settings = match start.settings(&args.settings) {
        Ok(s) => s,
        Err(e) => {
            print_error(&e);
            return exit::USAGE;
        }
    };
    let clock = crate::audit::env_fixed_time().unwrap_or_else(SystemTime::now);
    let since = clock.checked_sub(back).unwrap_or(std::time::UNIX_EPOCH);
    let mut ps = start.env(settings, Credentials::default()).sync_server();
    let host = ps.host();
    let mut quiet = |_| {};
    let work = diagnose::run(&mut ps, host, since, &mut quiet);
    let Some(result) = super::run_cancellable(work) else {
        print_error(&fl!("cli-cancelled"));
        return exit::FAILED;
    };
    match result {
        Ok(r) => print_report(r, args.json),
        Err(e) => {
            print_error(&explain::sync_error(&e));
            exit::FAILED
        }
    }
}

/// Prints a report (pilot tests of the audit log linked) and gives the
/// exit status.
fn print_report(mut report: diagnose::Report, json: bool) -> u8 {
    if let Ok(log) = crate::audit::read(&crate::audit::log_path()) {
        diagnose::link_pilot_tests(&mut report.entries, &log.records);
    }
    let problems = report.problems().count();
    if json {
        let entries: Vec<serde_json::Value> = report
            .entries
            .iter()
            .map(|d| {
                serde_json::json!({
                    "event": d.event,
                    "kind": d.kind,
                    "problem": d.problem,
                    "code": d.code,
                    "cause": d.cause,
                    "hr": d.hr,
                    "dn": d.dn,
                    "pilot_test": d.pilot_test,
                    "explanation": explain::diagnosis_cause(&d.cause),
                    "fix": explain::diagnosis_fix(&d.cause),
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({ "host": report.host, "since": report.since, "entries": entries })
        );
    } else {
        let mut lines = vec![fl!(
            "diag-header",
            host = report.host.as_str(),
            since = report.since.as_str(),
            count = report.entries.len()
        )];
        if report.entries.is_empty() {
            lines.push(crate::localize::with_option(fl!("diag-none"), "--since"));
        }
        for d in &report.entries {
            let outcome = match (d.problem, d.kind) {
                (false, _) => Outcome::Ok,
                (true, Kind::Error) => Outcome::Blocking,
                (true, _) => Outcome::Warning,
            };
            let mut text = explain::diagnosis_lines(d).into_iter();
            if let Some(first) = text.next() {
                lines.push(super::finding_line(outcome, &first));
            }
            for rest in text {
                lines.push(format!("{}{rest}", explain::SUB));
            }
        }
        println!("{}", lines.join("\n"));
    }
    if problems > 0 { exit::FAILED } else { exit::OK }
}
