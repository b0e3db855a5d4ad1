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

/// `runbook --out DIR [--format html|md]`: runs the demo headlessly and
/// writes its runbook to `DIR/runbook.html` (or `.md` and
/// `runbook-images/`).
pub fn runbook(out: &Path, format: Format, lang: &str, theme: ThemeChoice, profile: bool) -> u8 {
    if profile {
        print_error(&fl!("runbook-demo-only"));
        return exit::USAGE;
    }
    let rb = match crate::headless::demo_runbook(lang, theme) {
        Ok(rb) => rb,
        Err(e) => {
            print_error(&fl!("gui-error", reason = e.to_string()));
            return exit::FAILED;
        }
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
