//! Where the shell changes the run's settings: the Targets page's edits,
//! and pre-flight's "add this OU as a target" — both are edits of the
//! settings the run's `Env` owns; then pre-flight runs again. Kept apart
//! from the other pages' events (`app/events.rs`).

use iced::Task;

use super::{App, Message};
use crate::page::{preflight, targets};
use crate::session::Edit;

impl App {
    /// The Targets page edited the settings: the run's backends follow.
    pub(super) fn on_targets(&mut self, event: targets::Event) -> Task<Message> {
        match event {
            targets::Event::SettingsEdited(edit) => {
                self.env.edit(edit);
                Task::none()
            }
        }
    }

    /// Pre-flight chose the targets (an OU added): an edit of the run's
    /// settings, as on the Targets page; then pre-flight checks again.
    pub(super) fn on_preflight(&mut self, event: preflight::Event) -> Task<Message> {
        match event {
            preflight::Event::TargetsChosen(targets) => {
                self.env.edit(Edit::Targets(targets));
                self.dispatch(Message::Preflight(preflight::Message::Run))
            }
        }
    }
}
