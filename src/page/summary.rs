//! Summary: what changed, where the backups are, and undo everything.

use iced::widget::{button, column, text};

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
}

/// What the run changed, gathered by the shell from the pages.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Lines for the AD permissions (one per target).
    pub permissions: Vec<String>,
    /// Backup files.
    pub backups: Vec<String>,
    /// Connect: switched on by this run.
    pub connect: Option<bool>,
    /// Portal: switched on by this run.
    pub portal: Option<bool>,
    /// Users the grant does not reach.
    pub unreached: usize,
    /// Something can be undone.
    pub undoable: bool,
    /// What the last runbook export did.
    pub export_note: Option<String>,
}

/// The page's view.
pub fn view<'a>(changes: &Changes) -> Element<'a, Message> {
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
    let plane = |on: Option<bool>, yes: String, no: String| match on {
        Some(true) => widget::badge_line(widget::outcome(Outcome::Ok), yes),
        _ => widget::body(no),
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
    if changes.unreached > 0 {
        warnings = warnings.push(widget::body(fl!(
            "summary-unreached",
            count = changes.unreached
        )));
    }
    warnings = warnings
        .push(widget::body(fl!("summary-propagation")))
        .push(widget::body(fl!("summary-policy")));
    let mut runbook = column![
        widget::heading(fl!("runbook-title")),
        widget::body(fl!("runbook-export-hint")),
        button(text(fl!("runbook-export")).size(size::BODY))
            .on_press(Message::ExportRunbook)
            .style(button::secondary)
            .padding([8, 16]),
    ]
    .spacing(8);
    if let Some(note) = &changes.export_note {
        runbook = runbook.push(widget::small(note.clone()));
    }
    column![
        widget::title(fl!("summary-title"), fl!("summary-subtitle")),
        widget::card(done),
        widget::card(backups),
        widget::card(warnings),
        widget::card(runbook),
        button(text(fl!("summary-undo-all")).size(size::BODY))
            .on_press_maybe(changes.undoable.then_some(Message::UndoAll))
            .style(button::danger)
            .padding([8, 16]),
    ]
    .spacing(size::GAP)
    .into()
}
