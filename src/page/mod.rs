//! The wizard's pages, one module each: `State`, `Message`, `update`
//! returning a task for the shell, `view`.

pub mod connect;
pub mod job;
pub mod permissions;
pub mod portal;
pub mod preflight;
pub mod scan;
pub mod summary;
pub mod switch;
pub mod targets;
pub mod verify;
pub mod welcome;

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
