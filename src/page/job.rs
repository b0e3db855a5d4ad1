//! Runs task code in the background with live progress, as an iced task
//! that can be aborted. A page keeps one [`Slot`] per kind of job: it
//! holds the running job's handle (dropping it cancels) and a run id, so
//! that the answer of a job cancelled or superseded (a Find still running
//! when the field was edited) is dropped instead of overwriting newer
//! state.

use iced::Task;
use iced::futures::SinkExt;
use iced::futures::channel::mpsc;
use iced::task::Handle;

/// What a running job reports.
#[derive(Debug, Clone)]
pub enum Update<P, T, E> {
    /// A progress event of the task code.
    Progress(P),
    /// The end: the typed result (the view translates an error).
    Finished(Result<T, E>),
}

/// A job's report with the run it belongs to.
#[derive(Debug, Clone)]
pub struct Job<P, T, E> {
    /// The run id the slot gave when the job started.
    pub run: u64,
    /// What it reports.
    pub update: Update<P, T, E>,
}

/// A progress callback as task code takes it.
pub type Report<P> = Box<dyn FnMut(P) + Send>;

/// The running job of one kind on a page.
#[derive(Debug, Default)]
pub struct Slot {
    run: u64,
    handle: Option<Handle>,
}

impl Slot {
    /// Whether a job runs.
    pub fn busy(&self) -> bool {
        self.handle.is_some()
    }

    /// Stops the running job; whatever it still sends is dropped.
    pub fn cancel(&mut self) {
        self.run += 1;
        self.handle = None;
    }

    /// The running job's id (unit tests fake its reports).
    #[cfg(test)]
    pub(crate) fn run(&self) -> u64 {
        self.run
    }

    /// Whether a report belongs to the running job. A final report ends
    /// it.
    pub fn accept<P, T, E>(&mut self, job: &Job<P, T, E>) -> bool {
        if job.run != self.run || self.handle.is_none() {
            return false;
        }
        if matches!(job.update, Update::Finished(_)) {
            self.handle = None;
        }
        true
    }

    /// Starts `work` in this slot (a job already running is cancelled),
    /// handing it a progress callback.
    pub fn spawn<P, T, E, Fut>(
        &mut self,
        work: impl FnOnce(Report<P>) -> Fut + Send + 'static,
    ) -> Task<Job<P, T, E>>
    where
        P: Send + 'static,
        T: Send + 'static,
        E: std::fmt::Display + Send + 'static,
        Fut: Future<Output = Result<T, E>> + Send + 'static,
    {
        self.cancel();
        let run = self.run;
        let (task, handle) = spawn(work);
        self.handle = Some(handle);
        task.map(move |update| Job { run, update })
    }
}

/// A task's result type without the crate's module paths, for the log.
fn task_name<T>() -> String {
    std::any::type_name::<T>()
        .replace("writeback_wizard::", "")
        .replace("alloc::vec::", "")
        .replace("alloc::string::", "")
        .replace("core::result::", "")
}

/// Starts `work`, handing it a progress callback; the handle cancels it
/// when dropped.
pub fn spawn<P, T, E, Fut>(
    work: impl FnOnce(Report<P>) -> Fut + Send + 'static,
) -> (Task<Update<P, T, E>>, Handle)
where
    P: Send + 'static,
    T: Send + 'static,
    E: std::fmt::Display + Send + 'static,
    Fut: Future<Output = Result<T, E>> + Send + 'static,
{
    let stream = iced::stream::channel(64, async move |mut out: mpsc::Sender<Update<P, T, E>>| {
        let mut tx = out.clone();
        let report: Report<P> = Box::new(move |p| {
            // Progress is best effort: a full channel drops an update.
            let _ = tx.try_send(Update::Progress(p));
        });
        // One span per task, named by what it returns; it closes (with
        // its duration in the log) when the task ends or is cancelled.
        let span = tracing::info_span!("task", kind = task_name::<T>());
        let result = tracing::Instrument::instrument(work(report), span.clone()).await;
        span.in_scope(|| match &result {
            Ok(_) => tracing::info!("task done"),
            Err(e) => tracing::warn!(error = %e, "task failed"),
        });
        let _ = out.send(Update::Finished(result)).await;
    });
    let (task, handle) = Task::run(stream, |u| u).abortable();
    (task, handle.abort_on_drop())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished(run: u64) -> Job<(), u8, String> {
        Job {
            run,
            update: Update::Finished(Ok(1)),
        }
    }

    #[test]
    fn a_superseded_or_cancelled_answer_is_dropped() {
        let mut slot = Slot::default();
        let _first = slot.spawn(|_r: Report<()>| async { Ok::<u8, String>(1) });
        let _second = slot.spawn(|_r: Report<()>| async { Ok::<u8, String>(2) });
        assert!(!slot.accept(&finished(1)), "the first run was superseded");
        assert!(slot.accept(&finished(2)));
        assert!(!slot.busy());
        assert!(!slot.accept(&finished(2)), "a run answers once");
        let _third = slot.spawn(|_r: Report<()>| async { Ok::<u8, String>(3) });
        slot.cancel();
        assert!(!slot.accept(&finished(3)), "cancelled");
    }
}
