//! The pilot card's event log diagnosis (`task::diagnose`): the Connect
//! server's event log read and explained, or an exported log opened.

use std::time::Duration;

use iced::Task;
use iced::widget::{column, row};

use super::Message;
use crate::backend::sync::{SyncError, SyncServer};
use crate::page::Context;
use crate::page::job::{Slot, Update};
use crate::task::access::FIRST_USERS;
use crate::task::diagnose;
use crate::task::permissions::{Audit, Outcome};
use crate::widget::{self, Element};
use crate::{explain, fl};

/// How far back Diagnose reads.
const SINCE: Duration = Duration::from_secs(24 * 3600);

/// The diagnosis: its phase, the reading job, and why an exported log
/// could not be read (shown beside what was read before).
#[derive(Debug, Default)]
pub struct Diagnosis {
    phase: Phase,
    job: Slot,
    exported_error: Option<String>,
}

/// Where the diagnosis stands.
#[derive(Debug, Default)]
enum Phase {
    /// Not run.
    #[default]
    Idle,
    /// Reading the server's event log.
    Reading,
    /// The entries read (from the server or an exported file).
    Read(diagnose::Report),
    /// The server's log could not be read.
    Failed(SyncError),
}

impl Diagnosis {
    /// Whether no reading runs (Diagnose and Open are offered).
    fn idle(&self) -> bool {
        !matches!(self.phase, Phase::Reading)
    }

    /// Handles the diagnosis' messages (the others do nothing here).
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Task<Message> {
        match message {
            Message::Diagnose => {
                let mut server = ctx.env.sync_server();
                let since = crate::audit::env_fixed_time()
                    .unwrap_or_else(|| ctx.backups.trail.now())
                    .checked_sub(SINCE)
                    .unwrap_or(std::time::UNIX_EPOCH);
                self.phase = Phase::Reading;
                self.job
                    .spawn(move |mut report| async move {
                        let host = server.host();
                        diagnose::run(&mut server, host, since, &mut *report).await
                    })
                    .map(Message::Diagnosed)
            }
            Message::OpenExported => {
                let title = fl!("diag-open-exported");
                Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_title(title)
                            .add_filter("JSON, EVTX", &["json", "evtx"])
                            .pick_file()
                            .await
                            .map(|f| f.path().to_path_buf())
                    },
                    Message::ExportedPicked,
                )
            }
            Message::ExportedPicked(Some(path)) => Task::perform(
                async move {
                    tokio::task::spawn_blocking(move || {
                        crate::task::eventfile::report(&path).map_err(|e| {
                            fl!(
                                "diag-error-from",
                                path = path.display().to_string(),
                                reason = e.to_string()
                            )
                        })
                    })
                    .await
                    .unwrap_or_else(|e| Err(e.to_string()))
                },
                Message::ExportedRead,
            ),
            Message::ExportedRead(result) => {
                match result {
                    Ok(report) => {
                        // The file's entries replace a reading under way.
                        self.job.cancel();
                        self.exported_error = None;
                        self.phase = Phase::Read(report);
                    }
                    Err(e) => self.exported_error = Some(e),
                }
                Task::none()
            }
            Message::Diagnosed(job) if self.job.accept(&job) => {
                match job.update {
                    Update::Progress(_) => {}
                    Update::Finished(Ok(report)) => self.phase = Phase::Read(report),
                    Update::Finished(Err(e)) => self.phase = Phase::Failed(e),
                }
                Task::none()
            }
            _ => Task::none(),
        }
    }

    /// The event log card: Diagnose, then each entry with cause and fix.
    pub fn view<'a>(&'a self, audit: Option<&'a Audit>) -> Element<'a, Message> {
        let mut card = column![
            widget::heading(fl!("diag-title")),
            widget::small(fl!("diag-intro")),
        ]
        .spacing(8);
        match &self.phase {
            Phase::Idle => {}
            Phase::Reading => {
                card = card.push(widget::busy(fl!("diag-progress-reading"), None, None));
            }
            Phase::Failed(e) => card = card.push(widget::error(explain::sync_error(e))),
            Phase::Read(report) if report.entries.is_empty() => {
                card = card.push(widget::body(fl!("diag-none")));
            }
            Phase::Read(report) => {
                card = card.push(widget::small(fl!(
                    "diag-header",
                    host = report.host.as_str(),
                    since = report.since.as_str(),
                    count = report.entries.len()
                )));
                for d in report.entries.iter().take(FIRST_USERS * 2) {
                    let outcome = if d.problem {
                        Outcome::Warning
                    } else {
                        Outcome::Ok
                    };
                    let mut lines = explain::diagnosis_lines(d).into_iter();
                    let first = lines.next().unwrap_or_default();
                    let mut item =
                        column![widget::badge_line(widget::outcome(outcome), first)].spacing(2);
                    for line in lines {
                        item = item.push(widget::small(line));
                    }
                    if let Some(u) = audit.and_then(|a| d.linked(a)) {
                        item = item.push(widget::small(explain::linked_finding(u)));
                    }
                    card = card.push(item);
                }
            }
        }
        if let Some(e) = &self.exported_error {
            card = card.push(widget::error(e.clone()));
        }
        card = card.push(
            row![
                widget::secondary(fl!("diag-start"), self.idle().then_some(Message::Diagnose),),
                widget::secondary(
                    fl!("diag-open-exported"),
                    self.idle().then_some(Message::OpenExported),
                ),
            ]
            .spacing(10),
        );
        widget::card(card)
    }
}

#[cfg(test)]
impl Diagnosis {
    /// Whether the entries were read.
    pub(super) fn is_read(&self) -> bool {
        matches!(self.phase, Phase::Read(_))
    }
}
