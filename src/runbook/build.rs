//! A runbook built from one run of the audit log (never from a page's
//! fields): its changes and backups, what Verify read, the pilot test, how
//! to undo, and for a window run each step with its screenshot.

use crate::audit::{self, Action, Noted, Outcome as Done, Plane, Record, RunLog, Via};
use crate::fl;
use crate::task::permissions::Outcome;

use super::{Line, Runbook, Section, text, undo};

/// The wizard's steps by slug, in order.
pub const STEPS: [&str; 8] = [
    "welcome",
    "targets",
    "preflight",
    "permissions",
    "connect",
    "portal",
    "verify",
    "summary",
];

/// A step's translated name.
pub fn step_name(slug: &str) -> String {
    match slug {
        "welcome" => fl!("step-welcome"),
        "targets" => fl!("step-targets"),
        "preflight" => fl!("step-preflight"),
        "permissions" => fl!("step-permissions"),
        "connect" => fl!("step-connect"),
        "portal" => fl!("step-portal"),
        "verify" => fl!("step-verify"),
        "summary" => fl!("step-summary"),
        other => other.to_string(),
    }
}

/// What a step does.
fn step_intro(slug: &str) -> String {
    match slug {
        "welcome" => fl!("welcome-subtitle"),
        "targets" => fl!("targets-subtitle"),
        "preflight" => fl!("preflight-subtitle"),
        "permissions" => fl!("permissions-subtitle"),
        "connect" => fl!("connect-subtitle"),
        "portal" => fl!("portal-subtitle"),
        "verify" => fl!("verify-subtitle"),
        "summary" => fl!("summary-subtitle"),
        _ => String::new(),
    }
}

/// How a runbook is made besides its run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Language code of the texts.
    pub lang: String,
    /// When it is written (RFC 3339).
    pub generated: String,
    /// The organization in words (None: named from the run's targets).
    pub environment: Option<String>,
    /// Screenshots by step slug (`permissions`), the newest last.
    pub shots: Vec<(String, Vec<u8>)>,
}

/// The runbook of `run`. A window run (or any run with screenshots) has
/// the wizard's eight steps, each with its screenshot when one was
/// captured; a command-line run has none.
pub fn of_run(run: &RunLog, options: Options) -> Runbook {
    let demo = run.demo();
    // What changed: a failed attempt changed nothing; a pilot test
    // changed a password whatever its result.
    let changes: Vec<Record> = run
        .records
        .iter()
        .filter(|r| r.result == Done::Ok || r.plane == Plane::Pilot)
        .cloned()
        .collect();
    let verification = verification(run);
    let window = run.tag.via == Via::Window || !options.shots.is_empty();
    let steps = if window {
        STEPS
            .iter()
            .map(|slug| Section {
                slug: slug.to_string(),
                name: step_name(slug),
                intro: step_intro(slug),
                lines: step_lines(slug, run, &verification),
                image: options
                    .shots
                    .iter()
                    .rev()
                    .find(|(s, _)| s == slug)
                    .map(|(_, png)| png.clone()),
            })
            .collect()
    } else {
        Vec::new()
    };
    let environment = match options.environment {
        Some(e) => e,
        None if demo => fl!("runbook-env-demo"),
        None => environment(run),
    };
    Runbook {
        lang: options.lang,
        generated: options.generated,
        demo,
        environment,
        run: run_line(run),
        purpose: vec![
            fl!("runbook-purpose-text"),
            format!("1. {}", fl!("welcome-change-ad")),
            format!("2. {}", fl!("welcome-change-connect")),
            format!("3. {}", fl!("welcome-change-portal")),
            fl!("welcome-safety"),
        ],
        prerequisites: vec![
            fl!("welcome-req-roles"),
            fl!("welcome-req-license"),
            fl!("welcome-req-connect"),
        ],
        steps,
        verification,
        undo: undo::undo(&changes),
        changes,
    }
}

/// Which run this is, in words.
fn run_line(run: &RunLog) -> String {
    let time = run.started().unwrap_or_default().to_string();
    match run.tag.via {
        Via::Window => fl!("runbook-run-window", id = run.tag.id.clone(), time = time),
        Via::Cli => fl!(
            "runbook-run-cli",
            id = run.tag.id.clone(),
            command = run.tag.command.clone().unwrap_or_default(),
            time = time
        ),
    }
}

/// The servers and tenants the run touched or read.
fn environment(run: &RunLog) -> String {
    let mut names: Vec<String> = Vec::new();
    let targets = run
        .records
        .iter()
        .map(|r| &r.target)
        .chain(run.notes.iter().filter_map(|n| match &n.note {
            Noted::Verified { target, .. } => Some(target),
            Noted::Screenshot { .. } => None,
        }));
    for t in targets {
        for name in [&t.server, &t.tenant].into_iter().flatten() {
            let name = name.trim_start_matches("demo://").to_string();
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        fl!("runbook-value-unknown")
    } else {
        names.join(", ")
    }
}

fn badge(r: &Record) -> Outcome {
    match r.result {
        Done::Ok => Outcome::Ok,
        Done::Failed { .. } => Outcome::Blocking,
        Done::Pending => Outcome::Warning,
    }
}

/// A change as one line: what, where, how it ended; its backup below.
fn change_lines(r: &Record) -> Vec<Line> {
    let head = match (r.plane, r.action, &r.result) {
        (Plane::Ad, Action::Grant, Done::Ok) => fl!(
            "summary-permissions",
            dn = r.target.dn.clone().unwrap_or_default(),
            count = r.added.len()
        ),
        _ => format!(
            "{} — {}: {}",
            text::action(r.action),
            text::target(&r.target),
            text::result(&r.result)
        ),
    };
    let mut lines = vec![Line::status(badge(r), head)];
    lines.extend(text::settings(r).into_iter().map(Line::plain));
    if let Some(b) = &r.backup {
        lines.push(Line::plain(fl!(
            "permissions-backup",
            path = text::backup(b, r.demo)
        )));
    }
    lines
}

/// The lines of a wizard step, from the run's entries of its plane.
fn step_lines(slug: &str, run: &RunLog, verification: &[Line]) -> Vec<Line> {
    let plane = match slug {
        "permissions" => Plane::Ad,
        "connect" => Plane::Connect,
        "portal" => Plane::Portal,
        "verify" => return verification.to_vec(),
        "summary" => {
            let standing = audit::standing(&run.records);
            if standing.is_empty() {
                return vec![Line::plain(fl!("runbook-no-changes"))];
            }
            return standing
                .iter()
                .map(|r| {
                    Line::status(
                        Outcome::Ok,
                        format!(
                            "{} — {}: {}",
                            text::plane(r.plane),
                            text::action(r.action),
                            text::target(&r.target)
                        ),
                    )
                })
                .collect();
        }
        _ => return Vec::new(),
    };
    run.records
        .iter()
        .filter(|r| r.plane == plane && r.result != Done::Pending)
        .flat_map(change_lines)
        .collect()
}

/// What the run verified: each plane Verify read (its newest reading), the
/// changes read back after writing, and the pilot tests.
pub fn verification(run: &RunLog) -> Vec<Line> {
    let mut lines = Vec::new();
    for plane in [Plane::Ad, Plane::Connect, Plane::Portal] {
        let newest = run.notes.iter().rev().find_map(|n| match &n.note {
            Noted::Verified {
                plane: p, reading, ..
            } if *p == plane => Some(reading),
            _ => None,
        });
        if let Some(reading) = newest {
            lines.extend(text::reading(plane, reading));
        }
    }
    for r in &run.records {
        let written = matches!(
            r.action,
            Action::Grant | Action::Rollback | Action::Enable | Action::Disable
        );
        if written && r.result == Done::Ok && r.plane != Plane::Pilot {
            lines.push(Line::status(
                Outcome::Ok,
                fl!(
                    "runbook-read-back",
                    plane = text::plane(r.plane),
                    target = text::target(&r.target),
                    change = text::action(r.action)
                ),
            ));
        }
        if r.plane == Plane::Pilot && r.result != Done::Pending {
            let proven = r.after.get("result").and_then(|v| v.as_str()) == Some("proven");
            lines.push(Line::status(
                Outcome::ok_if(proven, Outcome::Warning),
                format!("{}: {}", text::plane(r.plane), text::settings(r).join("; ")),
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{BlockedGroup, Note, Reading, RunTag, Target};

    fn note(plane: Plane, reading: Reading) -> Note {
        Note {
            time: "2025-11-24T16:00:00Z".into(),
            operator: "op".into(),
            run: None,
            demo: false,
            note: Noted::Verified {
                plane,
                target: Target {
                    server: Some("dc1.corp.example".into()),
                    ..Target::default()
                },
                reading,
            },
        }
    }

    #[test]
    fn a_verify_command_is_written_from_its_notes_without_steps() {
        crate::localize::init(Some("en"));
        let users = |carrying| Reading::Users {
            scanned: 10,
            carrying,
            ungranted: Vec::new(),
            unexpire_missing: Vec::new(),
            groups: vec![
                BlockedGroup {
                    reason: serde_json::json!({ "kind": "admin-count" }),
                    count: 3,
                    first: vec![(
                        "krbadmin".into(),
                        "CN=krbadmin,DC=x".into(),
                        vec!["reset-password".into()],
                    )],
                },
                // Another version's reason: shown by its name, no panic.
                BlockedGroup {
                    reason: serde_json::json!({ "kind": "from-the-future", "x": [1] }),
                    count: 1,
                    first: Vec::new(),
                },
            ],
        };
        let run = RunLog {
            tag: RunTag {
                id: "r1".into(),
                via: Via::Cli,
                command: Some("verify".into()),
            },
            records: Vec::new(),
            notes: vec![
                note(Plane::Ad, users(1)),
                note(Plane::Ad, users(6)),
                note(
                    Plane::Connect,
                    Reading::Failed {
                        reason: "PowerShell not found".into(),
                    },
                ),
            ],
        };
        let rb = of_run(&run, Options::default());
        assert!(rb.steps.is_empty(), "a command has no wizard steps");
        assert!(rb.changes.is_empty());
        assert_eq!(rb.environment, "dc1.corp.example");
        assert!(rb.run.contains("r1") && rb.run.contains("writeback-wizard verify"));
        let text: Vec<&str> = rb.verification.iter().map(|l| l.text.as_str()).collect();
        assert!(
            text[0].starts_with("6 of 10 users"),
            "the newest reading: {text:?}"
        );
        assert!(text.iter().any(|t| t.starts_with("3 × ")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("krbadmin")), "{text:?}");
        assert!(
            text.iter().any(|t| t.contains("from-the-future")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.contains("PowerShell not found")),
            "{text:?}"
        );
        assert_eq!(rb.verification[0].outcome, Some(Outcome::Warning));
    }
}
