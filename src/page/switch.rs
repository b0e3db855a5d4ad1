//! What the Connect and portal pages share: a setting read from a plane,
//! switched on (or off again) by a background job with progress. Whether
//! this run changed it is read from the run's audit trail, never from a
//! flag set when the button was pressed.

use super::Status;
use super::job::{Job, Report, Slot, Update};
use crate::audit::{Plane, Trail};

/// The state of a page that switches a setting.
#[derive(Debug)]
pub struct Switch<T, P, E> {
    /// What the plane reported last.
    pub value: Option<T>,
    /// The running job's last progress step.
    pub step: Option<P>,
    /// The running job.
    job: Slot,
    /// The switch was sent: the running job can no longer be called back.
    sent: bool,
    /// The last failure.
    pub error: Option<E>,
}

impl<T, P, E> Default for Switch<T, P, E> {
    fn default() -> Self {
        Switch {
            value: None,
            step: None,
            job: Slot::default(),
            sent: false,
            error: None,
        }
    }
}

impl<T: Send + 'static, P: Send + 'static, E: std::fmt::Display + Send + 'static> Switch<T, P, E> {
    /// Starts a job (reading, or switching).
    pub fn start<Fut>(
        &mut self,
        work: impl FnOnce(Report<P>) -> Fut + Send + 'static,
    ) -> iced::Task<Job<P, T, E>>
    where
        Fut: Future<Output = Result<T, E>> + Send + 'static,
    {
        self.error = None;
        self.step = None;
        self.sent = false;
        self.job.spawn(work)
    }
}

impl<T, P, E> Switch<T, P, E> {
    /// Whether a job runs.
    pub fn busy(&self) -> bool {
        self.job.busy()
    }

    /// Whether Cancel may still be offered: a job runs and its switch has
    /// not been sent.
    pub fn can_cancel(&self) -> bool {
        self.job.busy() && !self.sent
    }

    /// Stops the job before its switch is sent (after, the call stands and
    /// the read-back follows).
    pub fn cancel(&mut self) {
        if self.can_cancel() {
            self.job.cancel();
        }
    }

    /// The job reported; `sending` tells which progress step sends the
    /// switch. Reports of a cancelled run are dropped.
    pub fn on_job(&mut self, job: Job<P, T, E>, sending: impl Fn(&P) -> bool) {
        if !self.job.accept(&job) {
            return;
        }
        match job.update {
            Update::Progress(p) => {
                self.sent |= sending(&p);
                self.step = Some(p);
            }
            Update::Finished(Ok(value)) => {
                self.step = None;
                self.value = Some(value);
            }
            Update::Finished(Err(e)) => {
                self.step = None;
                self.error = Some(e);
            }
        }
    }

    /// The sidebar status: without a backend (`automated` false) the page
    /// shows manual steps, a warning.
    pub fn status(&self, automated: bool, done: bool) -> Status {
        if self.busy() {
            Status::Running
        } else if self.error.is_some() {
            Status::Failed
        } else if !automated {
            Status::Warning
        } else if done {
            Status::Done
        } else {
            Status::Pending
        }
    }
}

/// Whether this run changed `plane` and the change still stands (the audit
/// trail's records: a failed Enable is not among them).
pub fn switched_on(trail: &Trail, plane: Plane) -> bool {
    crate::audit::standing(&trail.records())
        .iter()
        .any(|r| r.plane == plane)
}

/// The switch pages' buttons: Apply (primary) and Undo (secondary), each
/// enabled when given its message.
pub fn actions<'a, M: Clone + 'a>(
    apply: String,
    on_apply: Option<M>,
    undo: String,
    on_undo: Option<M>,
) -> iced::widget::Row<'a, M> {
    iced::widget::row![
        crate::widget::primary(apply, on_apply),
        crate::widget::secondary(undo, on_undo),
    ]
    .spacing(10)
}
