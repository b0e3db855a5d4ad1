//! What the pre-flight and Verify pages share: the state of a user scan
//! with its live counters, and its job.

use super::job::{Job, Slot, Update};
use crate::task::permissions::Progress;

/// A page whose work scans users.
#[derive(Debug, Default)]
pub enum Scan<T, E> {
    /// Not run yet.
    #[default]
    Idle,
    /// Running.
    Running {
        /// Users scanned so far.
        scanned: u64,
        /// Of which carry the grant.
        carrying: u64,
    },
    /// Finished.
    Done(T),
    /// Failed.
    Failed(E),
}

/// A scan and the job that runs it.
#[derive(Debug)]
pub struct Scanner<T, E> {
    /// Where it stands.
    pub scan: Scan<T, E>,
    job: Slot,
    /// The settings' revision of the last run (a page entered after the
    /// settings were edited runs again).
    ran_with: Option<u64>,
}

impl<T, E> Default for Scanner<T, E> {
    fn default() -> Self {
        Scanner {
            scan: Scan::Idle,
            job: Slot::default(),
            ran_with: None,
        }
    }
}

impl<T, E> Scanner<T, E> {
    /// Whether the last run (if any) used an older revision of the
    /// settings than `revision` (see `Env::revision`).
    pub fn stale(&self, revision: u64) -> bool {
        self.ran_with != Some(revision)
    }

    /// Notes the settings' revision a run starts with.
    pub fn ran_with(&mut self, revision: u64) {
        self.ran_with = Some(revision);
    }
}

impl<T: Send + 'static, E: std::fmt::Display + Send + 'static> Scanner<T, E> {
    /// Starts `work` (a scan already running is dropped).
    pub fn start<Fut>(
        &mut self,
        work: impl FnOnce(super::job::Report<Progress>) -> Fut + Send + 'static,
    ) -> iced::Task<Job<Progress, T, E>>
    where
        Fut: Future<Output = Result<T, E>> + Send + 'static,
    {
        self.scan = Scan::Running {
            scanned: 0,
            carrying: 0,
        };
        self.job.spawn(work)
    }

    /// Stops the scan.
    pub fn cancel(&mut self) {
        self.job.cancel();
        self.scan = Scan::Idle;
    }

    /// Applies a job report: the counters while it runs, then the result.
    /// Reports of a cancelled or superseded run are dropped.
    pub fn on_job(&mut self, job: Job<Progress, T, E>) {
        if !self.job.accept(&job) {
            return;
        }
        match job.update {
            Update::Progress(Progress::Users {
                done: seen,
                carrying: c,
            }) => {
                if let Scan::Running {
                    scanned, carrying, ..
                } = &mut self.scan
                {
                    *scanned = seen;
                    *carrying = c;
                }
            }
            Update::Progress(_) => {}
            Update::Finished(Ok(result)) => self.scan = Scan::Done(result),
            Update::Finished(Err(e)) => self.scan = Scan::Failed(e),
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
        Some(cancel),
    )
}

/// A failed scan: the reason, and the button that runs it again.
pub fn failed_view<'a, M: Clone + 'a>(
    error: String,
    run_label: String,
    run: M,
) -> crate::widget::Element<'a, M> {
    iced::widget::column![
        crate::widget::error(error),
        crate::widget::primary(run_label, Some(run)),
    ]
    .spacing(10)
    .into()
}
