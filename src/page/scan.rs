//! What the pre-flight and Verify pages share: the state of a user scan
//! with its live counters.

use super::job::Update;
use crate::task::permissions::Progress;

/// A page whose work scans users.
#[derive(Debug, Default)]
pub enum Scan<T> {
    /// Not run yet.
    #[default]
    Idle,
    /// Running.
    Running {
        /// Users scanned so far.
        scanned: u64,
        /// Of which carry the grant.
        carrying: u64,
        /// Cancels on drop.
        handle: iced::task::Handle,
    },
    /// Finished.
    Done(T),
    /// Failed, with the translated reason.
    Failed(String),
}

impl<T> Scan<T> {
    /// A scan just started.
    pub fn running(handle: iced::task::Handle) -> Self {
        Scan::Running {
            scanned: 0,
            carrying: 0,
            handle,
        }
    }

    /// Applies a job update: the counters while it runs, then the result
    /// (`done` keeps what the page shows of it).
    pub fn on_update<R>(&mut self, update: Update<Progress, R>, done: impl FnOnce(R) -> T) {
        match update {
            Update::Progress(Progress::Users {
                done: seen,
                carrying: c,
            }) => {
                if let Scan::Running {
                    scanned, carrying, ..
                } = self
                {
                    *scanned = seen;
                    *carrying = c;
                }
            }
            Update::Progress(_) => {}
            Update::Finished(Ok(result)) => *self = Scan::Done(done(result)),
            Update::Finished(Err(e)) => *self = Scan::Failed(e),
        }
    }
}
