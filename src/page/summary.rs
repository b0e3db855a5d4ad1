//! Summary: what changed (read from the run's audit trail, so only what
//! really happened), where the backups are, and undo everything.

use iced::Task;
use iced::widget::column;

use super::{Context, Page, Status};
use crate::audit::{self, Action, Plane, Record};
use crate::fl;
use crate::task::permissions::Outcome;
use crate::widget::{self, Element, size};

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// Undo every change of this run.
    UndoAll,
    /// Save the runbook of this run (the shell opens the Save dialog).
    ExportRunbook,
    /// What the last export did (from the shell).
    Exported(String),
    /// How many users Verify found out of reach (from the shell).
    Unreached(u64),
}

/// What the page tells the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// "Undo everything" was pressed.
    UndoAllRequested,
    /// "Export runbook" was pressed (the shell opens the Save dialog).
    RunbookRequested,
}

/// The page's state: the notes the shell passes on. No phases (what the
/// run changed is read from its audit trail), so a plain struct.
#[derive(Debug, Default)]
pub struct State {
    export_note: Option<String>,
    unreached: u64,
}

/// What the run changed and that still stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Lines for the AD permissions (one per object).
    pub permissions: Vec<String>,
    /// Backup files.
    pub backups: Vec<String>,
    /// Connect: switched on by this run.
    pub connect: bool,
    /// Portal: switched on by this run.
    pub portal: bool,
}

impl Changes {
    /// The changes of the run's records that still stand.
    pub fn of(records: &[Record]) -> Changes {
        let mut c = Changes::default();
        for r in audit::standing(records) {
            match (r.plane, r.action) {
                (Plane::Ad, Action::Grant) => {
                    c.permissions.push(fl!(
                        "summary-permissions",
                        dn = r.target.dn.clone().unwrap_or_default(),
                        count = r.added.len()
                    ));
                    if let Some(b) = &r.backup {
                        c.backups.push(crate::runbook::text::backup(b, r.demo));
                    }
                }
                (Plane::Connect, Action::Enable) => c.connect = true,
                (Plane::Portal, Action::Enable) => c.portal = true,
                _ => {}
            }
        }
        c
    }

    /// Whether anything can be undone.
    pub fn undoable(&self) -> bool {
        !self.permissions.is_empty() || self.connect || self.portal
    }
}

impl Page for State {
    type Message = Message;
    type Event = Event;

    fn update(&mut self, message: Message, _ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        match message {
            Message::UndoAll => super::tell(Event::UndoAllRequested),
            Message::ExportRunbook => {
                self.export_note = None;
                super::tell(Event::RunbookRequested)
            }
            Message::Exported(note) => {
                self.export_note = Some(note);
                super::nothing()
            }
            Message::Unreached(n) => {
                self.unreached = n;
                super::nothing()
            }
        }
    }

    fn view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let changes = Changes::of(&ctx.backups.trail.records());
        let mut done = column![widget::heading(fl!("summary-changed"))].spacing(8);
        if changes.permissions.is_empty() {
            done = done.push(widget::body(fl!("summary-no-permissions")));
        }
        for line in &changes.permissions {
            done = done.push(widget::badge_line(
                widget::outcome(Outcome::Ok),
                line.clone(),
            ));
        }
        let plane = |on: bool, yes: String, no: String| {
            if on {
                widget::badge_line(widget::outcome(Outcome::Ok), yes)
            } else {
                widget::body(no)
            }
        };
        done = done.push(plane(
            changes.connect,
            fl!("summary-connect-on"),
            fl!("summary-connect-unchanged"),
        ));
        done = done.push(plane(
            changes.portal,
            fl!("summary-portal-on"),
            fl!("summary-portal-unchanged"),
        ));
        let mut backups = column![widget::heading(fl!("summary-backups"))].spacing(6);
        if changes.backups.is_empty() {
            backups = backups.push(widget::body(fl!("summary-no-backups")));
        }
        for b in &changes.backups {
            backups = backups.push(widget::small(b.clone()));
        }
        let mut warnings = column![widget::heading(fl!("summary-remember"))].spacing(6);
        if self.unreached > 0 {
            warnings = warnings.push(widget::body(fl!(
                "summary-unreached",
                count = self.unreached
            )));
        }
        warnings = warnings
            .push(widget::body(fl!("summary-propagation")))
            .push(widget::body(fl!("summary-policy")));
        let mut runbook = column![
            widget::heading(fl!("runbook-title")),
            widget::body(fl!("runbook-export-hint")),
            widget::secondary(fl!("runbook-export"), Some(Message::ExportRunbook)),
        ]
        .spacing(8);
        if let Some(note) = &self.export_note {
            runbook = runbook.push(widget::small(note.clone()));
        }
        column![
            widget::title(fl!("summary-title"), fl!("summary-subtitle")),
            widget::card(done),
            widget::card(backups),
            widget::card(warnings),
            widget::card(runbook),
            widget::destructive(
                fl!("summary-undo-all"),
                changes.undoable().then_some(Message::UndoAll)
            ),
        ]
        .spacing(size::GAP)
        .into()
    }

    fn status(&self, _ctx: &Context<'_>) -> Status {
        Status::Pending
    }

    fn can_continue(&self, _ctx: &Context<'_>) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::testing::Run;

    #[test]
    fn buttons_are_told_and_notes_kept() {
        let run = Run::demo();
        let mut page = State::default();
        assert_eq!(
            run.send(&mut page, Message::UndoAll),
            [Event::UndoAllRequested]
        );
        assert!(
            run.send(&mut page, Message::Exported("saved".into()))
                .is_empty()
        );
        assert_eq!(page.export_note.as_deref(), Some("saved"));
        assert_eq!(
            run.send(&mut page, Message::ExportRunbook),
            [Event::RunbookRequested]
        );
        assert_eq!(page.export_note, None, "a new export clears the note");
        assert!(run.send(&mut page, Message::Unreached(3)).is_empty());
        assert_eq!(page.unreached, 3);
        // The last page: nothing to continue to, nothing running.
        assert_eq!(page.status(&run.ctx()), Status::Pending);
        assert!(!page.can_continue(&run.ctx()));
    }
}
