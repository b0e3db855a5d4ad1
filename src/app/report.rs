//! The shell's runbook side: "Capture screenshots" (each page is captured
//! with `window::screenshot` just before Next leaves it, and Summary before
//! the export), "Export runbook" (rfd Save dialog, HTML or Markdown by the
//! file name), and the runbook of the run gathered from the pages.

use std::path::PathBuf;

use iced::Task;

use super::{App, Step};
use crate::audit::{self, Action, Plane, Record};
use crate::backend::Directory;
use crate::backend::sync::SyncServer;
use crate::backend::tenant::Tenant;
use crate::page::{preflight, summary, verify, welcome};
use crate::runbook::{Format, Line, Runbook, Section, Undo};
use crate::session::Env;
use crate::task::permissions::Outcome;
use crate::{explain, fl};

/// The pages captured so far, and the last export's outcome.
#[derive(Debug, Default)]
pub struct Shots {
    /// "Capture screenshots" is on.
    pub capture: bool,
    /// Each step's latest capture (PNG).
    pages: Vec<(Step, Vec<u8>)>,
    /// Next was captured: the next Next goes on without capturing again.
    advancing: bool,
    /// A capture is under way (a second Next waits for it).
    pending: bool,
    /// What the last export did, for the Summary page.
    pub note: Option<String>,
}

impl Shots {
    fn keep(&mut self, step: Step, png: Vec<u8>) {
        self.pages.retain(|(s, _)| *s != step);
        self.pages.push((step, png));
    }
}

/// What to do once a page is captured.
#[derive(Debug, Clone, Copy)]
pub enum Then {
    /// Go on to the next step.
    Next,
    /// Open the Save dialog.
    Export,
}

/// Messages of the runbook side.
#[derive(Debug, Clone)]
pub enum Message {
    /// A page was captured (PNG; None when the window could not be read).
    Captured(Step, Option<Vec<u8>>, Then),
    /// The Save dialog closed (None: cancelled).
    SaveTo(Option<PathBuf>),
}

/// Encodes a window screenshot as PNG.
pub fn encode_png(shot: &iced::window::Screenshot) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, shot.size.width, shot.size.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&shot.rgba).ok()?;
    writer.finish().ok()?;
    Some(out)
}

/// Captures the window; without a window the answer comes anyway (no
/// PNG), so that Next and the export never wait forever.
fn capture(step: Step, then: Then) -> Task<super::Message> {
    let report = move |png| super::Message::Report(Message::Captured(step, png, then));
    iced::window::latest().then(move |id| match id {
        Some(id) => iced::window::screenshot(id).map(move |shot| report(encode_png(&shot))),
        None => Task::done(report(None)),
    })
}

impl App {
    /// Handles a message: the runbook side first, then the pages
    /// ([`App::route`]).
    pub fn update(&mut self, message: super::Message) -> Task<super::Message> {
        use super::Message as M;
        match message {
            M::Report(m) => return self.on_report(m),
            M::Diagnostics(m) => return self.on_diagnostics(m),
            M::Welcome(welcome::Message::CaptureScreenshots(on)) => {
                self.shots.capture = on;
                return Task::none();
            }
            M::Summary(summary::Message::ExportRunbook) => {
                self.shots.note = None;
                return if self.shots.capture && !self.shots.pending {
                    self.shots.pending = true;
                    capture(self.step, Then::Export)
                } else {
                    save_dialog()
                };
            }
            M::Next if self.shots.capture && !self.shots.advancing && self.can_continue() => {
                if self.shots.pending {
                    return Task::none();
                }
                self.shots.pending = true;
                return capture(self.step, Then::Next);
            }
            _ => {}
        }
        self.shots.advancing = false;
        if matches!(message, M::Next | M::Back) {
            // Going on or back leaves the Diagnostics page.
            self.diagnostics.close();
        }
        // The step before (the first message registers Welcome) and after.
        self.diagnostics.track(self.step);
        let task = self.route(message);
        self.diagnostics.track(self.step);
        task
    }

    fn on_report(&mut self, message: Message) -> Task<super::Message> {
        match message {
            Message::Captured(step, png, then) => {
                self.shots.pending = false;
                if let Some(png) = png {
                    self.shots.keep(step, png);
                }
                match then {
                    // Still on the page captured (not gone Back meanwhile).
                    Then::Next if self.step != step => Task::none(),
                    Then::Next => {
                        self.shots.advancing = true;
                        self.update(super::Message::Next)
                    }
                    Then::Export => save_dialog(),
                }
            }
            Message::SaveTo(None) => Task::none(),
            Message::SaveTo(Some(path)) => {
                let runbook = self.runbook(&self.shots.pages);
                self.shots.note = Some(
                    match crate::runbook::write(&runbook, &path, Format::for_path(&path)) {
                        Ok(_) => fl!("runbook-exported", path = path.display().to_string()),
                        Err(e) => fl!(
                            "runbook-export-failed",
                            path = path.display().to_string(),
                            reason = e.to_string()
                        ),
                    },
                );
                Task::none()
            }
        }
    }

    /// The runbook of this run: `shots` holds the steps' PNGs (steps
    /// without one say so).
    pub fn runbook(&self, shots: &[(Step, Vec<u8>)]) -> Runbook {
        let trail = &self.backups.trail;
        let changes = trail.records();
        let steps = Step::ALL
            .iter()
            .map(|step| Section {
                slug: step.slug().into(),
                name: step.name(),
                intro: intro(*step),
                lines: self.step_lines(*step),
                image: shots
                    .iter()
                    .find(|(s, _)| s == step)
                    .map(|(_, png)| png.clone()),
            })
            .collect();
        Runbook {
            lang: self.lang.clone(),
            generated: audit::rfc3339(trail.now()),
            demo: self.env.is_demo(),
            environment: if self.env.is_demo() {
                fl!("runbook-env-demo")
            } else {
                self.source.clone()
            },
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
            verification: self.verification(),
            undo: undo(&changes),
            changes,
        }
    }

    fn step_lines(&self, step: Step) -> Vec<Line> {
        match step {
            Step::Welcome => Vec::new(),
            Step::Targets => {
                let (dc, sync, tenant) = match &self.env {
                    Env::Demo(org) => (
                        org.directory().server(),
                        org.sync_server().host(),
                        Some(org.tenant().name()),
                    ),
                    Env::Real(real) => (
                        real.connect.url.clone(),
                        real.sync
                            .remote
                            .clone()
                            .unwrap_or_else(|| "localhost".into()),
                        None,
                    ),
                };
                let mut lines = vec![
                    Line::plain(fl!("runbook-target-dc", server = dc)),
                    Line::plain(fl!(
                        "runbook-target-connector",
                        account = self.env.grant_options().connector_account
                    )),
                    Line::plain(fl!("runbook-target-sync", host = sync)),
                ];
                if let Some(t) = tenant {
                    lines.push(Line::plain(fl!("runbook-target-tenant", tenant = t)));
                }
                lines
            }
            Step::Preflight => match &self.preflight {
                preflight::State::Done(checks) => {
                    let mut lines: Vec<Line> = checks
                        .directory
                        .iter()
                        .map(|c| Line::status(c.outcome, explain::finding(&c.finding)))
                        .collect();
                    match &checks.tenant {
                        Some(Ok(findings)) => lines.extend(
                            findings
                                .iter()
                                .map(|(o, f)| Line::status(*o, explain::portal_finding(f))),
                        ),
                        Some(Err(e)) => lines.push(Line::status(
                            Outcome::Warning,
                            fl!("preflight-tenant-failed", reason = e.clone()),
                        )),
                        None => lines.push(Line::status(
                            Outcome::Warning,
                            fl!("preflight-tenant-skipped"),
                        )),
                    }
                    lines
                }
                preflight::State::Failed(e) => vec![Line::status(Outcome::Blocking, e.clone())],
                _ => vec![Line::plain(fl!("runbook-not-run"))],
            },
            Step::Permissions => match &self.permissions.applied {
                Some(results) => {
                    let mut lines = Vec::new();
                    for r in results {
                        lines.push(Line::status(
                            Outcome::Ok,
                            fl!(
                                "summary-permissions",
                                dn = r.dn.as_str(),
                                count = r.added.len()
                            ),
                        ));
                        if let Some(b) = &r.backup {
                            lines.push(Line::plain(fl!(
                                "permissions-backup",
                                path = b.display().to_string()
                            )));
                        }
                    }
                    lines
                }
                None if self.permissions.complete() => {
                    vec![Line::status(Outcome::Ok, fl!("runbook-already-granted"))]
                }
                None => vec![Line::plain(fl!("runbook-not-run"))],
            },
            Step::Connect => {
                let s = &self.connect.switch;
                let mut lines = Vec::new();
                if let Some(e) = &s.error {
                    lines.push(Line::status(Outcome::Blocking, e.clone()));
                    lines.push(Line::plain(fl!("connect-manual-steps")));
                }
                if let Some(v) = &s.value {
                    lines.push(if v.writeback {
                        Line::status(Outcome::Ok, fl!("connect-on"))
                    } else {
                        Line::status(Outcome::Warning, fl!("connect-off"))
                    });
                    lines.push(Line::plain(fl!(
                        "connect-version",
                        version = v.version.as_str()
                    )));
                    lines.push(Line::plain(fl!(
                        "connect-connector",
                        connector = v.connector.as_str()
                    )));
                }
                lines
            }
            Step::Portal => match self.portal.switch.value {
                Some(p) => {
                    let state = |on: bool| {
                        if on {
                            Line::status(Outcome::Ok, fl!("state-on"))
                        } else {
                            Line::status(Outcome::Warning, fl!("state-off"))
                        }
                    };
                    let named = |label: String, on: bool| {
                        let mut l = state(on);
                        l.text = format!("{label}: {}", l.text);
                        l
                    };
                    vec![
                        named(fl!("portal-writeback"), p.writeback),
                        named(fl!("portal-unlock"), p.unlock),
                    ]
                }
                None => {
                    let mut lines = Vec::new();
                    if let Some(why) = self.portal.manual.as_ref().or(self
                        .portal
                        .switch
                        .error
                        .as_ref())
                    {
                        lines.push(Line::status(Outcome::Warning, why.clone()));
                    }
                    lines.push(Line::plain(fl!("portal-manual-steps")));
                    lines.push(Line::plain(crate::page::portal::DEEP_LINK.to_string()));
                    lines
                }
            },
            Step::Verify => self.verification(),
            Step::Summary => {
                let c = self.changes();
                let mut lines: Vec<Line> = c
                    .permissions
                    .into_iter()
                    .map(|l| Line::status(Outcome::Ok, l))
                    .collect();
                lines.push(match c.connect {
                    Some(true) => Line::status(Outcome::Ok, fl!("summary-connect-on")),
                    _ => Line::plain(fl!("summary-connect-unchanged")),
                });
                lines.push(match c.portal {
                    Some(true) => Line::status(Outcome::Ok, fl!("summary-portal-on")),
                    _ => Line::plain(fl!("summary-portal-unchanged")),
                });
                lines
            }
        }
    }

    fn verification(&self) -> Vec<Line> {
        let verify::State::Done(r) = &self.verify else {
            return Vec::new();
        };
        let a = &r.audit;
        let all = a.carrying == a.scanned;
        let (carrying, total) = (a.carrying, a.scanned);
        let mut lines = vec![Line::status(
            Outcome::ok_if(all, Outcome::Warning),
            fl!("cli-verify-summary", carrying = carrying, total = total),
        )];
        if let Some(s) = &r.sync {
            lines.push(if s.writeback {
                Line::status(Outcome::Ok, fl!("connect-on"))
            } else {
                Line::status(Outcome::Blocking, fl!("connect-off"))
            });
        }
        if let Some(p) = r.portal {
            lines.push(if p.writeback && p.unlock {
                Line::status(Outcome::Ok, fl!("verify-portal-on"))
            } else {
                Line::status(Outcome::Blocking, fl!("verify-portal-off"))
            });
        }
        for why in &r.unread {
            lines.push(Line::status(Outcome::Warning, why.clone()));
        }
        for t in &a.ungranted {
            lines.push(Line::status(
                Outcome::Warning,
                fl!(
                    "verify-target-ungranted",
                    target = t.target.as_str(),
                    count = t.users.to_string()
                ),
            ));
        }
        for line in explain::groups_text(&a.groups(crate::task::access::FIRST_USERS)) {
            lines.push(Line::status(Outcome::Warning, line));
        }
        lines
    }
}

fn save_dialog() -> Task<super::Message> {
    let title = fl!("runbook-export");
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .set_title(title)
                .set_file_name("runbook.html")
                .add_filter("HTML", &["html"])
                .add_filter("Markdown", &["md"])
                .save_file()
                .await
                .map(|f| f.path().to_path_buf())
        },
        |path| super::Message::Report(Message::SaveTo(path)),
    )
}

/// What each step does, for its section.
fn intro(step: Step) -> String {
    match step {
        Step::Welcome => fl!("welcome-subtitle"),
        Step::Targets => fl!("targets-subtitle"),
        Step::Preflight => fl!("preflight-subtitle"),
        Step::Permissions => fl!("permissions-subtitle"),
        Step::Connect => fl!("connect-subtitle"),
        Step::Portal => fl!("portal-subtitle"),
        Step::Verify => fl!("verify-subtitle"),
        Step::Summary => fl!("summary-subtitle"),
    }
}

/// How to undo the changes recorded (newest last stays last: undo in any
/// order, each plane on its own).
pub fn undo(changes: &[Record]) -> Vec<Undo> {
    let done = |r: &&Record| r.result == audit::Outcome::Ok;
    let mut out = vec![Undo {
        text: fl!("runbook-undo-summary"),
        command: None,
    }];
    // The last change per object decides: a grant rolled back (or a
    // setting switched off again) in the same run needs no undo.
    let mut open: Vec<(String, Undo)> = Vec::new();
    for r in changes.iter().filter(done) {
        let key = format!("{:?} {}", r.plane, crate::runbook::text::target(&r.target));
        open.retain(|(k, _)| *k != key);
        let item = match (r.plane, r.action) {
            (Plane::Ad, Action::Grant) => {
                let dn = r.target.dn.clone().unwrap_or_default();
                Undo {
                    text: fl!("runbook-undo-ad", dn = dn),
                    command: Some(match &r.backup {
                        Some(b) => format!("writeback-wizard rollback --backup \"{b}\""),
                        None => "writeback-wizard rollback".into(),
                    }),
                }
            }
            (Plane::Connect, Action::Enable) => {
                let host = r.target.server.clone().unwrap_or_default();
                let host = host.trim_start_matches("demo://").to_string();
                Undo {
                    text: fl!("runbook-undo-connect", host = host.clone()),
                    command: Some(if host.is_empty() || host == "localhost" {
                        "writeback-wizard sync disable".into()
                    } else {
                        format!("writeback-wizard sync disable --remote {host}")
                    }),
                }
            }
            (Plane::Portal, Action::Enable) => {
                let tenant = r.target.tenant.clone().unwrap_or_default();
                Undo {
                    text: fl!(
                        "runbook-undo-portal",
                        tenant = tenant.clone(),
                        link = crate::page::portal::DEEP_LINK.to_string()
                    ),
                    command: Some(if tenant.is_empty() {
                        "writeback-wizard portal disable".into()
                    } else {
                        format!("writeback-wizard portal disable --tenant {tenant}")
                    }),
                }
            }
            _ => continue,
        };
        open.push((key, item));
    }
    let any = !open.is_empty();
    out.extend(open.into_iter().map(|(_, u)| u));
    if !any {
        out = vec![Undo {
            text: fl!("runbook-undo-nothing"),
            command: None,
        }];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Message as M, Options, ThemeChoice};

    fn app() -> App {
        crate::localize::init(Some("en"));
        let (app, _) = App::new(Options {
            env: Env::demo(true),
            source: "demo".into(),
            lang: "en".into(),
            theme: ThemeChoice::Light,
            backups: crate::page::permissions::Backups {
                dir: std::env::temp_dir().join("wbw-report-unit"),
                trail: crate::audit::Trail::new(None),
            },
            targets: None,
        });
        app
    }

    #[test]
    fn with_capture_on_next_waits_for_the_screenshot_then_goes_on() {
        let mut app = app();
        let _ = app.update(M::Welcome(welcome::Message::CaptureScreenshots(true)));
        let _ = app.update(M::Next);
        assert_eq!(app.step(), Step::Welcome, "Next waits for the capture");
        let _ = app.update(M::Next);
        assert_eq!(app.step(), Step::Welcome, "a second Next waits too");
        let png = vec![0x89, b'P', b'N', b'G'];
        let _ = app.update(M::Report(Message::Captured(
            Step::Welcome,
            Some(png.clone()),
            Then::Next,
        )));
        assert_eq!(app.step(), Step::Targets, "one step on, not two");
        let rb = app.runbook(&app.shots.pages);
        assert_eq!(rb.steps[0].image.as_ref(), Some(&png));
        assert!(rb.steps[1].image.is_none(), "Targets not captured yet");
        assert_eq!(rb.undo.len(), 1, "nothing changed: nothing to undo");
    }

    #[test]
    fn without_capture_next_goes_on_at_once() {
        let mut app = app();
        let _ = app.update(M::Next);
        assert_eq!(app.step(), Step::Targets);
        assert!(app.shots.pages.is_empty());
    }

    #[test]
    fn undo_lists_only_what_is_still_changed() {
        let rec = |plane, action, dn: &str| Record {
            time: String::new(),
            operator: "op".into(),
            account: None,
            plane,
            action,
            target: audit::Target {
                server: Some("demo://aadc01.contoso.com".into()),
                dn: (!dn.is_empty()).then(|| dn.to_string()),
                tenant: None,
            },
            before: serde_json::Value::Null,
            after: serde_json::Value::Null,
            added: Vec::new(),
            removed: Vec::new(),
            result: audit::Outcome::Ok,
            backup: Some("/b/1.json".into()),
            demo: true,
        };
        let undo = undo(&[
            rec(Plane::Ad, Action::Grant, "DC=a"),
            rec(Plane::Ad, Action::Rollback, "DC=a"),
            rec(Plane::Ad, Action::Grant, "DC=b"),
            rec(Plane::Connect, Action::Enable, ""),
        ]);
        let commands: Vec<&str> = undo.iter().filter_map(|u| u.command.as_deref()).collect();
        assert_eq!(
            commands,
            vec![
                "writeback-wizard rollback --backup \"/b/1.json\"",
                "writeback-wizard sync disable --remote aadc01.contoso.com"
            ]
        );
        assert!(undo[1].text.contains("DC=b"));
    }
}
