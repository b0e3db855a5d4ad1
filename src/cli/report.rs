//! `log` (the audit log) and `runbook` (a demo run written down).

use std::path::Path;

use super::{exit, print_error};
use crate::app::ThemeChoice;
use crate::audit;
use crate::fl;
use crate::runbook::{self, Format, text};

/// `log [--json]`: every record of the audit log, oldest first. Lines that
/// cannot be read (a torn last line after a crash) are reported on stderr.
pub fn log(json: bool) -> u8 {
    let path = audit::log_path();
    let log = match audit::read(&path) {
        Ok(log) => log,
        Err(e) => {
            print_error(&fl!("audit-read-error", reason = e.to_string()));
            return exit::FAILED;
        }
    };
    for (line, reason) in &log.skipped {
        eprintln!(
            "{}",
            fl!(
                "log-skipped",
                path = path.display().to_string(),
                line = line.to_string(),
                reason = reason.clone()
            )
        );
    }
    if json {
        for r in &log.records {
            match serde_json::to_string(r) {
                Ok(line) => println!("{line}"),
                Err(e) => {
                    print_error(&e.to_string());
                    return exit::FAILED;
                }
            }
        }
        return exit::OK;
    }
    if log.records.is_empty() {
        println!("{}", fl!("log-empty", path = path.display().to_string()));
        return exit::OK;
    }
    println!("{}", table(&log.records));
    exit::OK
}

/// The records as an aligned table, one row each, the change below.
pub fn table(records: &[audit::Record]) -> String {
    let header = [
        fl!("runbook-time"),
        fl!("runbook-operator"),
        fl!("log-change"),
        fl!("runbook-target"),
        fl!("runbook-result"),
    ];
    let rows: Vec<[String; 5]> = records
        .iter()
        .map(|r| {
            let demo = if r.demo {
                format!(" ({})", fl!("demo-badge"))
            } else {
                String::new()
            };
            [
                r.time.clone(),
                text::operator(r),
                format!(
                    "{} — {}{demo}",
                    text::plane(r.plane),
                    text::action(r.action)
                ),
                text::target(&r.target),
                text::result(&r.result),
            ]
        })
        .collect();
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String; 5]| {
        cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![line(&header)];
    for (row, r) in rows.iter().zip(records) {
        out.push(line(row));
        let summary = text::summary(r);
        if !summary.is_empty() {
            out.push(format!("    {summary}"));
        }
        if let Some(b) = &r.backup {
            out.push(format!("    {}: {b}", fl!("runbook-backup")));
        }
    }
    out.join("\n")
}

/// What `runbook` writes down.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Which {
    /// The newest run of the audit log (None) or the run with this id.
    Logged(Option<String>),
    /// A fresh run of the demo organization, driven headlessly.
    Demo,
}

/// `runbook --out DIR [--format html|md] [--run ID | --demo]`: writes the
/// runbook of the newest run in the audit log (a command or a window, with
/// the window's screenshots), of the run `--run` names, or of a fresh demo
/// run, to `DIR/runbook.html` (or `.md` and `runbook-images/`).
pub fn runbook(out: &Path, format: Format, lang: &str, theme: ThemeChoice, which: Which) -> u8 {
    let rb = match which {
        Which::Demo => match crate::headless::demo_runbook(lang, theme) {
            Ok(rb) => rb,
            Err(e) => {
                print_error(&fl!("gui-error", reason = e.to_string()));
                return exit::FAILED;
            }
        },
        Which::Logged(id) => match logged(lang, id.as_deref()) {
            Ok(rb) => rb,
            Err(message) => {
                print_error(&message);
                return exit::FAILED;
            }
        },
    };
    let file = out.join(format!("runbook.{}", format.extension()));
    match runbook::write(&rb, &file, format) {
        Ok(files) => {
            for f in files {
                println!("{}", f.display());
            }
            exit::OK
        }
        Err(e) => {
            print_error(&fl!(
                "runbook-export-failed",
                path = file.display().to_string(),
                reason = e.to_string()
            ));
            exit::FAILED
        }
    }
}

/// The runbook of a run of the audit log (the newest when `id` is None).
fn logged(lang: &str, id: Option<&str>) -> Result<runbook::Runbook, String> {
    let path = audit::log_path();
    let log = audit::read(&path).map_err(|e| fl!("audit-read-error", reason = e.to_string()))?;
    let Some(run) = log.run(id) else {
        return Err(match id {
            Some(id) => fl!(
                "runbook-no-such-run",
                id = id,
                path = path.display().to_string()
            ),
            None => fl!("runbook-no-run", path = path.display().to_string()),
        });
    };
    let now = audit::env_fixed_time().unwrap_or_else(std::time::SystemTime::now);
    Ok(runbook::build::of_run(
        &run,
        runbook::build::Options {
            lang: lang.to_string(),
            generated: audit::rfc3339(now),
            environment: None,
            shots: runbook::shots::load(&path, &run),
        },
    ))
}
