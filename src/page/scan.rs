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

/// A running scan: `label` with the live counters, a progress bar, Cancel.
pub fn running_view<'a, M: Clone + 'a>(
    label: String,
    scanned: u64,
    carrying: u64,
    cancel: M,
) -> crate::widget::Element<'a, M> {
    crate::widget::busy(
        format!(
            "{label} {}",
            crate::fl!("progress-users", carrying = carrying, done = scanned)
        ),
        Some(crate::widget::scan_fraction(scanned)),
        cancel,
    )
}

/// A failed scan: the reason, and the button that runs it again.
pub fn failed_view<'a, M: Clone + 'a>(
    error: &str,
    run_label: String,
    run: M,
) -> crate::widget::Element<'a, M> {
    use crate::widget::size;
    use iced::widget::{button, column, text};
    column![
        crate::widget::error(error.to_string()),
        button(text(run_label).size(size::BODY))
            .on_press(run)
            .padding([8, 16]),
    ]
    .spacing(10)
    .into()
}
