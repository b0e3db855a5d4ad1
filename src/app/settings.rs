//! Where the shell changes the run's settings: the Targets page's edits,
//! and pre-flight's "add this OU as a target" (handed to the Targets
//! page, whose settings edit follows, then pre-flight runs again). Kept
//! apart from the other pages' events (`app/events.rs`).

use iced::Task;

use super::{App, Message};
use crate::page::{preflight, targets};

impl App {
    /// The Targets page edited the settings: the run's backends follow.
    pub(super) fn on_targets(&mut self, event: targets::Event) -> Task<Message> {
        match event {
            targets::Event::SettingsEdited(settings) => {
                let (settings, credentials) = *settings;
                self.env.configure(settings, credentials);
                Task::none()
            }
        }
    }

    /// Pre-flight chose the targets (an OU added): the Targets page takes
    /// them, and pre-flight checks again.
    pub(super) fn on_preflight(&mut self, event: preflight::Event) -> Task<Message> {
        match event {
            preflight::Event::TargetsChosen(targets) => {
                let task = match self.targets.set_targets(targets) {
                    Some(edit) => self.on_targets(edit),
                    None => Task::none(),
                };
                Task::batch([
                    task,
                    self.dispatch(Message::Preflight(preflight::Message::Run)),
                ])
            }
        }
    }
}
