//! The wizard's pages, one module each. Every page keeps its own `State`
//! (an enum of its phases where it has phases), `Message` and `Event`,
//! and follows one contract ([`Page`]): `update` returns a task for its
//! own messages and, when something happened the shell may act on, one
//! of its events; the shell never reads a page's fields.

pub mod connect;
pub mod dcs;
pub mod job;
pub mod permissions;
pub mod pilot;
pub mod portal;
pub mod preflight;
pub mod scan;
pub mod summary;
pub mod switch;
pub mod targets;
pub mod verify;
pub mod welcome;

#[cfg(test)]
mod testing;

use iced::Task;

use crate::session::{Backups, Env};
use crate::widget::Element;
pub use crate::widget::Status;

/// What a page may read of the run: its backends and where its changes
/// are recorded.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The backends.
    pub env: &'a Env,
    /// Backups and the audit trail.
    pub backups: &'a Backups,
}

/// The contract every page follows.
pub trait Page {
    /// The page's own messages.
    type Message: Clone + std::fmt::Debug + Send + 'static;

    /// What the page tells the shell (past tense: what happened).
    type Event: std::fmt::Debug + 'static;

    /// Starts what the page does on arrival (nothing by default).
    fn on_enter(&mut self, _ctx: &Context<'_>) -> Task<Self::Message> {
        Task::none()
    }

    /// Handles a message.
    fn update(
        &mut self,
        message: Self::Message,
        ctx: &Context<'_>,
    ) -> (Task<Self::Message>, Option<Self::Event>);

    /// The page.
    fn view(&self, ctx: &Context<'_>) -> Element<'_, Self::Message>;

    /// The sidebar status.
    fn status(&self, ctx: &Context<'_>) -> Status;

    /// Whether Next may be pressed.
    fn can_continue(&self, ctx: &Context<'_>) -> bool;
}

/// A task without an event.
pub fn just<M, E>(task: Task<M>) -> (Task<M>, Option<E>) {
    (task, None)
}

/// Nothing to do.
pub fn nothing<M, E>() -> (Task<M>, Option<E>) {
    (Task::none(), None)
}

/// An event, with nothing to do.
pub fn tell<M, E>(event: E) -> (Task<M>, Option<E>) {
    (Task::none(), Some(event))
}
