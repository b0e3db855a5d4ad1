//! The shell's "Diagnostics" entry (sidebar footer) and the page it opens
//! over the step's: where the log is, Open folder, and *Save diagnostics…*
//! (rfd Save dialog) writing the zip of [`crate::diagnostics::bundle`]. Also logs each step the user enters
//! and how long the previous one took.

use std::path::PathBuf;
use std::time::Instant;

use iced::Task;
use iced::widget::{column, container, row, text};

use super::{App, Step};
use crate::diagnostics::bundle::{self, Run, Sources};
use crate::diagnostics::log::{self, LogState};
use crate::fl;
use crate::widget::{self, Element, size};

/// The entry's state.
#[derive(Debug, Default)]
pub struct Panel {
    /// The entry is unfolded.
    open: bool,
    /// What the last Save or Open folder did.
    note: Option<String>,
    /// Tests: the Save dialog is not shown; it answers this.
    answer: Option<Option<PathBuf>>,
    /// The file names the Save dialog was opened with.
    asked: Vec<String>,
    /// Files to take instead of the data directory's (tests).
    sources: Option<Sources>,
    /// The step on screen, since when.
    step: Option<(Step, Instant)>,
}

impl Panel {
    /// Closes the Diagnostics page.
    pub fn close(&mut self) {
        self.open = false;
    }

    /// Logs a change of step with the time spent on the previous one.
    pub fn track(&mut self, step: Step) {
        match self.step {
            Some((current, _)) if current == step => {}
            previous => {
                let left =
                    previous.map(|(s, since)| (s.slug(), since.elapsed().as_millis() as u64));
                tracing::info!(
                    step = step.slug(),
                    from = left.map(|l| l.0),
                    spent_ms = left.map(|l| l.1),
                    "step"
                );
                self.step = Some((step, Instant::now()));
            }
        }
    }
}

/// Messages of the entry.
#[derive(Debug, Clone)]
pub enum Message {
    /// Fold or unfold it.
    Toggle,
    /// Open the log folder in the file manager.
    OpenFolder,
    /// Open the Save dialog.
    Save,
    /// The Save dialog closed (None: cancelled).
    SaveTo(Option<PathBuf>),
}

/// The log directory, and why nothing is written there (if so).
fn where_logged() -> (PathBuf, Option<String>) {
    match log::state() {
        Some(LogState::File { dir }) => (dir.clone(), log::write_failure().map(str::to_string)),
        Some(LogState::Off { dir, reason }) => (dir.clone(), Some(reason.clone())),
        None => (log::dir(), None),
    }
}

fn save_dialog(name: String) -> Task<super::Message> {
    let title = fl!("diagnostics-save");
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .set_title(title)
                .set_file_name(name)
                .add_filter("Zip", &["zip"])
                .save_file()
                .await
                .map(|f| f.path().to_path_buf())
        },
        |path| super::Message::Diagnostics(Message::SaveTo(path)),
    )
}

impl App {
    /// Tests: Save dialogs are not shown; each answers `path` (None:
    /// cancelled).
    pub fn answer_dialogs_with(&mut self, path: Option<PathBuf>) {
        self.diagnostics.answer = Some(path);
    }

    /// The file names Save dialogs were opened with (when answered by
    /// [`App::answer_dialogs_with`]).
    pub fn dialogs_asked(&self) -> &[String] {
        &self.diagnostics.asked
    }

    /// Tests: take the log files, audit log and backups from here.
    pub fn diagnostics_sources(&mut self, sources: Sources) {
        self.diagnostics.sources = Some(sources);
    }

    pub(super) fn on_diagnostics(&mut self, message: Message) -> Task<super::Message> {
        match message {
            Message::Toggle => {
                self.diagnostics.open = !self.diagnostics.open;
                Task::none()
            }
            Message::OpenFolder => {
                let (dir, _) = self.where_logged();
                let _ = std::fs::create_dir_all(&dir);
                if let Err(e) = crate::backend::open_detached(&dir.display().to_string()) {
                    self.diagnostics.note = Some(fl!(
                        "diagnostics-open-failed",
                        path = dir.display().to_string(),
                        reason = e.to_string()
                    ));
                }
                Task::none()
            }
            Message::Save => {
                self.diagnostics.note = None;
                let name = bundle::default_name();
                match self.diagnostics.answer.clone() {
                    Some(answer) => {
                        self.diagnostics.asked.push(name);
                        Task::done(super::Message::Diagnostics(Message::SaveTo(answer)))
                    }
                    None => save_dialog(name),
                }
            }
            Message::SaveTo(None) => Task::none(),
            Message::SaveTo(Some(path)) => {
                let sources = self.diagnostics.sources.clone().unwrap_or_else(|| Sources {
                    backups: self.backups.dir.clone(),
                    audit: self
                        .backups
                        .trail
                        .path()
                        .map(PathBuf::from)
                        .unwrap_or_else(crate::audit::log_path),
                    ..Sources::standard()
                });
                let run = Run {
                    lang: self.lang.clone(),
                    source: self.source.clone(),
                    settings: self.env.settings().clone(),
                };
                let shown = path.display().to_string();
                self.diagnostics.note = Some(match bundle::write(&path, &run, &sources) {
                    Ok(_) => fl!("diagnostics-saved", path = shown),
                    Err(e) => fl!("diagnostics-save-failed", path = shown, reason = e.reason),
                });
                Task::none()
            }
        }
    }

    /// Whether the Diagnostics page is shown instead of the step's.
    pub(super) fn diagnostics_open(&self) -> bool {
        self.diagnostics.open
    }

    /// The sidebar's footer entry, opening the Diagnostics page. A log
    /// that is not written is said here.
    pub(super) fn diagnostics_entry(&self) -> Element<'_, super::Message> {
        let (_, problem) = self.where_logged();
        let toggle = widget::link(
            fl!("diagnostics-title"),
            Some(super::Message::Diagnostics(Message::Toggle)),
        );
        let mut entry = column![toggle].spacing(6);
        if let Some(reason) = problem {
            entry = entry.push(
                container(text(fl!("diagnostics-log-off", reason = reason)).size(size::SMALL))
                    .padding([3, 8])
                    .style(container::warning),
            );
        }
        entry.into()
    }

    /// The Diagnostics page, shown over the step's until closed: where the
    /// log is, Open folder, Save diagnostics…
    pub(super) fn diagnostics_page(&self) -> Element<'_, super::Message> {
        let (dir, problem) = self.where_logged();
        let mut log = column![widget::body(fl!(
            "diagnostics-log-at",
            path = dir.display().to_string()
        ))]
        .spacing(8);
        if let Some(reason) = problem {
            log = log.push(widget::body(fl!("diagnostics-log-off", reason = reason)));
        }
        log = log.push(widget::small(fl!("diagnostics-hint"))).push(
            row![
                widget::secondary(
                    fl!("diagnostics-open-folder"),
                    Some(super::Message::Diagnostics(Message::OpenFolder))
                ),
                widget::secondary(
                    fl!("diagnostics-save"),
                    Some(super::Message::Diagnostics(Message::Save))
                ),
            ]
            .spacing(12),
        );
        if let Some(note) = &self.diagnostics.note {
            log = log.push(widget::small(note.clone()));
        }
        column![
            widget::title(fl!("diagnostics-title"), fl!("diagnostics-subtitle")),
            widget::card(log),
            widget::primary(
                fl!("diagnostics-close"),
                Some(super::Message::Diagnostics(Message::Toggle))
            ),
        ]
        .spacing(size::GAP)
        .into()
    }

    /// The log directory shown (the test's when set), and why nothing is
    /// written there (if so).
    fn where_logged(&self) -> (PathBuf, Option<String>) {
        let (dir, problem) = where_logged();
        match &self.diagnostics.sources {
            Some(sources) => (sources.logs.clone(), problem),
            None => (dir, problem),
        }
    }
}
