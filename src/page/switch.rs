//! What the Connect and portal pages share: a setting read from a plane,
//! switched on (or off again) by a background job with progress. Whether
//! this run changed it is read from the run's audit trail, never from a
//! flag set when the button was pressed.

use super::Status;
use super::job::{Job, Report, Slot, Update};
use crate::audit::{Plane, Trail};

/// The state of a page that switches a setting: the value the plane
/// reported last (kept while a job runs or after one failed: the page
/// still shows it), and where the job stands.
#[derive(Debug)]
pub struct Switch<T, P, E> {
    /// What the plane reported last.
    pub value: Option<T>,
    phase: Phase<P, E>,
    /// The running job.
    job: Slot,
}

/// Where a switch's job stands.
#[derive(Debug)]
enum Phase<P, E> {
    /// No job runs.
    Idle,
    /// A job runs: what it switches the setting to (None: it reads), its
    /// last progress step; `sent`: the switch went out, the job can no
    /// longer be called back.
    Running {
        set: Option<bool>,
        step: Option<P>,
        sent: bool,
    },
    /// The last job failed.
    Failed(E),
}

impl<T, P, E> Default for Switch<T, P, E> {
    fn default() -> Self {
        Switch {
            value: None,
            phase: Phase::Idle,
            job: Slot::default(),
        }
    }
}

impl<T: Send + 'static, P: Send + 'static, E: std::fmt::Display + Send + 'static> Switch<T, P, E> {
    /// Starts a job: reading (`set` None), or switching to `set`.
    pub fn start<Fut>(
        &mut self,
        set: Option<bool>,
        work: impl FnOnce(Report<P>) -> Fut + Send + 'static,
    ) -> iced::Task<Job<P, T, E>>
    where
        Fut: Future<Output = Result<T, E>> + Send + 'static,
    {
        self.phase = Phase::Running {
            set,
            step: None,
            sent: false,
        };
        self.job.spawn(work)
    }
}

impl<T, P, E> Switch<T, P, E> {
    /// Whether a job runs.
    pub fn busy(&self) -> bool {
        matches!(self.phase, Phase::Running { .. })
    }

    /// The running job's id (unit tests fake its reports).
    #[cfg(test)]
    pub(crate) fn run(&self) -> u64 {
        self.job.run()
    }

    /// The running job's last progress step.
    pub fn step(&self) -> Option<&P> {
        match &self.phase {
            Phase::Running { step, .. } => step.as_ref(),
            _ => None,
        }
    }

    /// The last job's failure.
    pub fn error(&self) -> Option<&E> {
        match &self.phase {
            Phase::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// Whether Cancel may still be offered: a job runs and its switch has
    /// not been sent.
    pub fn can_cancel(&self) -> bool {
        matches!(self.phase, Phase::Running { sent: false, .. })
    }

    /// Stops the job before its switch is sent (after, the call stands and
    /// the read-back follows).
    pub fn cancel(&mut self) {
        if self.can_cancel() {
            self.job.cancel();
            self.phase = Phase::Idle;
        }
    }

    /// The job reported; `sending` tells which progress step sends the
    /// switch. Reports of a cancelled run are dropped. When the job
    /// finished well: what it switched the setting to (None: it read).
    pub fn on_job(
        &mut self,
        job: Job<P, T, E>,
        sending: impl Fn(&P) -> bool,
    ) -> Option<Option<bool>> {
        if !self.job.accept(&job) {
            return None;
        }
        match job.update {
            Update::Progress(p) => {
                if let Phase::Running { step, sent, .. } = &mut self.phase {
                    *sent |= sending(&p);
                    *step = Some(p);
                }
                None
            }
            Update::Finished(Ok(value)) => {
                let set = match self.phase {
                    Phase::Running { set, .. } => set,
                    _ => None,
                };
                self.phase = Phase::Idle;
                self.value = Some(value);
                Some(set)
            }
            Update::Finished(Err(e)) => {
                self.phase = Phase::Failed(e);
                None
            }
        }
    }

    /// The sidebar status: without a backend (`automated` false) the page
    /// shows manual steps, a warning.
    pub fn status(&self, automated: bool, done: bool) -> Status {
        match &self.phase {
            Phase::Running { .. } => Status::Running,
            Phase::Failed(_) => Status::Failed,
            Phase::Idle if !automated => Status::Warning,
            Phase::Idle if done => Status::Done,
            Phase::Idle => Status::Pending,
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
