//! The wizard's pages, one module each. Every page keeps its own `State`
//! and `Message` and follows one contract ([`Page`]): `update` returns a
//! task for its own messages and, when the shell must act, an [`Event`];
//! the shell never reads a page's fields.

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

use iced::Task;

use crate::session::{Backups, Credentials, Env};
use crate::widget::Element;

/// A step's state in the sidebar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not started.
    Pending,
    /// Work under way.
    Running,
    /// Finished well.
    Done,
    /// Finished with findings.
    Warning,
    /// Failed.
    Failed,
}

/// What a page may read of the run: its backends and where its changes
/// are recorded.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The backends.
    pub env: &'a Env,
    /// Backups and the audit trail.
    pub backups: &'a Backups,
}

/// What a page tells the shell.
#[derive(Debug, Clone)]
pub enum Event {
    /// A language was picked (Welcome).
    Language(String),
    /// "Capture screenshots" switched (Welcome).
    Capture(bool),
    /// The settings changed (Targets): the run's backends follow them.
    Settings(Box<(crate::profile::Settings, Credentials)>),
    /// Grant on exactly these objects and check again (pre-flight's "add
    /// as a target").
    Targets(Vec<String>),
    /// Verify finished: how many users the grant does not reach.
    Verified {
        /// Users out of reach.
        unreached: u64,
    },
    /// Save the runbook (Summary).
    ExportRunbook,
    /// Undo every change of the run (Summary).
    UndoAll,
}

/// The contract every page follows.
pub trait Page {
    /// The page's own messages.
    type Message: Clone + std::fmt::Debug + Send + 'static;

    /// Starts what the page does on arrival (nothing by default).
    fn on_enter(&mut self, _ctx: &Context<'_>) -> Task<Self::Message> {
        Task::none()
    }

    /// Handles a message.
    fn update(
        &mut self,
        message: Self::Message,
        ctx: &Context<'_>,
    ) -> (Task<Self::Message>, Option<Event>);

    /// The page.
    fn view(&self, ctx: &Context<'_>) -> Element<'_, Self::Message>;

    /// The sidebar status.
    fn status(&self, ctx: &Context<'_>) -> Status;

    /// Whether Next may be pressed.
    fn can_continue(&self, ctx: &Context<'_>) -> bool;
}

/// A task without an event.
pub fn just<M>(task: Task<M>) -> (Task<M>, Option<Event>) {
    (task, None)
}

/// Nothing to do.
pub fn nothing<M>() -> (Task<M>, Option<Event>) {
    (Task::none(), None)
}
