//! The shell's runbook side: "Capture screenshots" (each page is captured
//! with `window::screenshot` just before Next leaves it, and Summary before
//! the export; each capture is also saved in the data directory and noted
//! in the audit log), "Export runbook" (rfd Save dialog, HTML or Markdown
//! by the file name), and the runbook of the run built from its audit
//! trail.

use std::path::PathBuf;

use iced::Task;

use super::{App, Step};
use crate::audit;
use crate::fl;
use crate::page::summary;
use crate::runbook::{Format, Runbook, build};

/// The pages captured so far, and the last export's outcome.
#[derive(Debug, Default)]
pub struct Shots {
    /// "Capture screenshots" is on.
    pub capture: bool,
    /// Each step's latest capture (PNG).
    pages: Vec<(Step, Vec<u8>)>,
    /// Next was captured: the next Next goes on without capturing again.
    pub(super) advancing: bool,
    /// A capture is under way (a second Next waits for it).
    pending: bool,
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
    /// Next with "Capture screenshots" on: the page is captured first, and
    /// Next follows when the capture arrives (a second Next waits).
    pub(super) fn capture_then_next(&mut self) -> Task<super::Message> {
        if self.shots.pending {
            return Task::none();
        }
        self.shots.pending = true;
        // Never a password in a screenshot.
        self.verify.forget_password();
        capture(self.step, Then::Next)
    }

    /// A capture of the current page arrived from elsewhere than the
    /// window (a headless driver), then Next: as with "Capture
    /// screenshots" on.
    pub fn captured_then_next(&mut self, png: Vec<u8>) -> Task<super::Message> {
        let step = self.step;
        self.on_report(Message::Captured(step, Some(png), Then::Next))
    }

    /// "Export runbook": Summary is captured first when capturing, then
    /// the Save dialog opens.
    pub(super) fn export(&mut self) -> Task<super::Message> {
        if self.shots.capture && !self.shots.pending {
            self.shots.pending = true;
            self.verify.forget_password();
            capture(self.step, Then::Export)
        } else {
            save_dialog()
        }
    }

    pub(super) fn on_report(&mut self, message: Message) -> Task<super::Message> {
        match message {
            Message::Captured(step, png, then) => {
                self.shots.pending = false;
                if let Some(png) = png {
                    // Kept in the data directory too, so that `runbook`
                    // can write this run later.
                    let index = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
                    if let Err(e) =
                        crate::runbook::shots::save(&self.backups.trail, index, step.slug(), &png)
                    {
                        tracing::warn!("screenshot not saved: {e}");
                    }
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
                let note = match crate::runbook::write(&runbook, &path, Format::for_path(&path)) {
                    Ok(_) => fl!("runbook-exported", path = path.display().to_string()),
                    Err(e) => fl!(
                        "runbook-export-failed",
                        path = path.display().to_string(),
                        reason = e.to_string()
                    ),
                };
                self.update(super::Message::Summary(summary::Message::Exported(note)))
            }
        }
    }

    /// The runbook of this run, built from its audit trail (the records
    /// and notes this window's run wrote); `shots` holds the steps' PNGs
    /// (steps without one say so).
    pub fn runbook(&self, shots: &[(Step, Vec<u8>)]) -> Runbook {
        let trail = &self.backups.trail;
        let mut run = trail.run_log();
        // The window's run even before it wrote anything.
        run.tag.via = audit::Via::Window;
        build::of_run(
            &run,
            build::Options {
                lang: self.lang.clone(),
                generated: audit::rfc3339(trail.now()),
                environment: (!self.env.is_demo()).then(|| self.source.clone()),
                shots: shots
                    .iter()
                    .map(|(step, png)| (step.slug().to_string(), png.clone()))
                    .collect(),
            },
        )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Message as M, Options, ThemeChoice};
    use crate::page::welcome;
    use crate::session::Env;

    fn app() -> App {
        crate::localize::init(Some("en"));
        let (app, _) = App::new(Options {
            env: Env::demo(true),
            source: "demo".into(),
            lang: "en".into(),
            theme: ThemeChoice::Light,
            backups: crate::session::Backups {
                dir: std::env::temp_dir().join("wbw-report-unit"),
                trail: crate::audit::Trail::new(None),
            },
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
}
