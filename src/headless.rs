//! Drives the wizard without a window: messages in, tasks run to the end,
//! views clicked and rendered to PNG with iced_test's simulator. Used by the
//! `screenshots` command and the UI tests.

use std::path::{Path, PathBuf};

use iced::futures::StreamExt;
use iced::{Size, Task};
use iced_runtime::Action;
use iced_test::Simulator;

use crate::app::{App, Message, Options};

/// The logical size of the window being simulated.
pub const SIZE: Size = crate::app::SIZE;

/// A wizard run without a window.
pub struct Driver {
    /// The application.
    pub app: App,
    runtime: tokio::runtime::Runtime,
}

/// A click or a snapshot went wrong.
#[derive(Debug, thiserror::Error)]
pub enum DriveError {
    /// No widget with that text.
    #[error("nothing to click labelled {0:?}: {1}")]
    Click(String, String),
    /// Rendering or writing the PNG failed.
    #[error("snapshot {0}: {1}")]
    Snapshot(String, String),
}

impl Driver {
    /// Starts the wizard. Without a window there is no system theme to
    /// follow (asking would never be answered): "system" means light.
    pub fn new(mut options: Options) -> Driver {
        if options.theme == crate::app::ThemeChoice::System {
            options.theme = crate::app::ThemeChoice::Light;
        }
        let (app, task) = App::new(options);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime starts");
        let mut driver = Driver { app, runtime };
        driver.perform(task);
        driver
    }

    /// Sends a message and runs what it starts to completion.
    pub fn send(&mut self, message: Message) {
        let task = self.app.update(message);
        self.perform(task);
    }

    fn perform(&mut self, task: Task<Message>) {
        let Some(stream) = iced_runtime::task::into_stream(task) else {
            return;
        };
        let actions: Vec<Action<Message>> = self.runtime.block_on(stream.collect());
        for action in actions {
            if let Action::Output(message) = action {
                self.send(message);
            }
        }
    }

    /// Clicks the widget showing `label` and handles what it produces.
    pub fn click(&mut self, label: &str) -> Result<(), DriveError> {
        let messages: Vec<Message> = {
            let mut ui = Simulator::with_size(iced::Settings::default(), SIZE, self.app.view());
            ui.click(label)
                .map_err(|e| DriveError::Click(label.to_string(), e.to_string()))?;
            ui.into_messages().collect()
        };
        for m in messages {
            self.send(m);
        }
        Ok(())
    }

    /// Whether `label` is on screen.
    pub fn shows(&mut self, label: &str) -> bool {
        let mut ui = Simulator::with_size(iced::Settings::default(), SIZE, self.app.view());
        ui.find(label).is_ok()
    }

    /// "Capture screenshots" without a window: the current page rendered
    /// (as [`Driver::screenshot`]) arrives as the window's capture would,
    /// and Next follows; the capture is kept, saved with the run and noted
    /// in its audit log as in the window.
    pub fn capture_next(&mut self, scratch: &Path) -> Result<(), DriveError> {
        let path = scratch.join("capture.png");
        self.screenshot(&path)?;
        let png = std::fs::read(&path)
            .map_err(|e| DriveError::Snapshot(path.display().to_string(), e.to_string()))?;
        let _ = std::fs::remove_file(&path);
        let task = self.app.captured_then_next(png);
        self.perform(task);
        Ok(())
    }

    /// Renders the current page to `path` (PNG, 2× scale).
    pub fn screenshot(&mut self, path: &Path) -> Result<PathBuf, DriveError> {
        let err = |e: &dyn std::fmt::Display| {
            DriveError::Snapshot(path.display().to_string(), e.to_string())
        };
        // Never a password in a screenshot.
        self.app.forget_password();
        let theme = self.app.theme();
        let mut ui = Simulator::with_size(iced::Settings::default(), SIZE, self.app.view());
        let snapshot = ui.snapshot(&theme).map_err(|e| err(&e))?;
        // iced_test names the file `<stem>-<renderer>.png`: write it in a
        // scratch directory, then move it to the name asked for.
        let scratch = path.with_extension("tmpdir");
        let _ = std::fs::remove_dir_all(&scratch);
        std::fs::create_dir_all(&scratch).map_err(|e| err(&e))?;
        snapshot
            .matches_image(scratch.join("shot"))
            .map_err(|e| err(&e))?;
        let made = std::fs::read_dir(&scratch)
            .map_err(|e| err(&e))?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "png"))
            .ok_or_else(|| err(&"no PNG written"))?;
        std::fs::rename(&made, path).map_err(|e| err(&e))?;
        let _ = std::fs::remove_dir_all(&scratch);
        Ok(path.to_path_buf())
    }
}

/// The clock of a headless demo run: [`crate::audit::FIXED_TIME_ENV`] when
/// set, else 2025-11-24T16:00:00Z.
pub fn demo_time() -> std::time::SystemTime {
    crate::audit::env_fixed_time()
        .unwrap_or(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_764_000_000))
}

/// A finished headless demo run: the wizard on Summary, and each page's
/// PNG, in step order.
pub struct DemoRun {
    /// The driver, on the Summary page.
    pub driver: Driver,
    /// Each step and its PNG.
    pub pages: Vec<(crate::app::Step, PathBuf)>,
    /// Where its backups went (removed with the run).
    _scratch: crate::fsperm::ScratchDir,
}

/// Runs the demo through every step without delays and with a fixed clock
/// ([`demo_time`]), rendering each page after its step to
/// `out/NN-<page>.png`.
pub fn demo_run(
    out: &Path,
    lang: &str,
    theme: crate::app::ThemeChoice,
) -> Result<DemoRun, DriveError> {
    use crate::app::{Message, Step};
    use crate::page::{connect, permissions, pilot, portal, verify};

    std::fs::create_dir_all(out)
        .map_err(|e| DriveError::Snapshot(out.display().to_string(), e.to_string()))?;
    // The backups go to a fresh private directory (never a fixed path
    // another local user could plant a link at); the demo's pages name
    // backups by file only, so the pages do not depend on where it is.
    let scratch = crate::fsperm::ScratchDir::new("writeback-wizard-screenshots").map_err(|e| {
        DriveError::Snapshot(std::env::temp_dir().display().to_string(), e.to_string())
    })?;
    let env = crate::session::Env::demo(true);
    env.fix_demo_clock(demo_time());
    let options = Options {
        env,
        source: "demo".into(),
        lang: lang.to_string(),
        theme,
        backups: crate::session::Backups {
            dir: scratch.path().join("backups"),
            trail: crate::audit::Trail::new(None)
                .fixed_at(demo_time())
                .operator("helpdesk-admin")
                .demo(true)
                .in_run(crate::audit::RunTag {
                    id: "demo".into(),
                    via: crate::audit::Via::Window,
                    command: None,
                }),
        },
    };
    let mut d = Driver::new(options);
    let mut pages = Vec::new();
    for (n, step) in Step::ALL.iter().enumerate() {
        match step {
            Step::Permissions => d.send(Message::Permissions(permissions::Message::Apply)),
            Step::Connect => d.send(Message::Connect(connect::Message::Enable)),
            Step::Portal => d.send(Message::Portal(portal::Message::Apply)),
            Step::Verify => {
                // The proof: the demo's pilot user, and the event log.
                for m in [
                    pilot::Message::Check,
                    pilot::Message::Confirm,
                    pilot::Message::Diagnose,
                ] {
                    d.send(Message::Verify(verify::Message::Pilot(Box::new(m))));
                }
            }
            _ => {}
        }
        let path = out.join(format!("{:02}-{}.png", n + 1, step.slug()));
        pages.push((*step, d.screenshot(&path)?));
        if *step != Step::Summary {
            d.send(Message::Next);
        }
    }
    Ok(DemoRun {
        driver: d,
        pages,
        _scratch: scratch,
    })
}

/// Renders every page of a demo run to `out/NN-<page>.png`. The demo runs
/// without delays and with a fixed clock, so two runs give identical files.
pub fn screenshots(
    out: &Path,
    lang: &str,
    theme: crate::app::ThemeChoice,
) -> Result<Vec<PathBuf>, DriveError> {
    Ok(demo_run(out, lang, theme)?
        .pages
        .into_iter()
        .map(|(_, p)| p)
        .collect())
}

/// Runs the demo headlessly and returns its runbook, built from the run's
/// audit trail (kept in memory) and its pages' PNGs (texts in the language
/// selected with [`crate::localize::init`], `lang` for the Welcome page).
pub fn demo_runbook(
    lang: &str,
    theme: crate::app::ThemeChoice,
) -> Result<crate::runbook::Runbook, DriveError> {
    // A fresh private directory for the pages, removed afterwards.
    let scratch = crate::fsperm::ScratchDir::new("writeback-wizard-runbook").map_err(|e| {
        DriveError::Snapshot(std::env::temp_dir().display().to_string(), e.to_string())
    })?;
    let run = demo_run(scratch.path(), lang, theme)?;
    let mut shots: Vec<(crate::app::Step, Vec<u8>)> = Vec::new();
    for (step, path) in &run.pages {
        let png = std::fs::read(path)
            .map_err(|e| DriveError::Snapshot(path.display().to_string(), e.to_string()))?;
        shots.push((*step, png));
    }
    Ok(run.driver.app.runbook(&shots))
}
