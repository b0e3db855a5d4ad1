//! Runs task code in the background with live progress, as an iced task
//! that can be aborted (the page keeps its handle; dropping it cancels).

use iced::Task;
use iced::futures::SinkExt;
use iced::futures::channel::mpsc;
use iced::task::Handle;

/// What a running job reports.
#[derive(Debug, Clone)]
pub enum Update<P, T> {
    /// A progress event of the task code.
    Progress(P),
    /// The end: the result, or the translated error.
    Finished(Result<T, String>),
}

/// A progress callback as task code takes it.
pub type Report<P> = Box<dyn FnMut(P) + Send>;

/// A task's result type without the crate's module paths, for the log.
fn task_name<T>() -> String {
    std::any::type_name::<T>()
        .replace("writeback_wizard::", "")
        .replace("alloc::vec::", "")
        .replace("alloc::string::", "")
        .replace("core::result::", "")
}

/// Starts `work`, handing it a progress callback.
pub fn spawn<P, T, Fut>(
    work: impl FnOnce(Report<P>) -> Fut + Send + 'static,
) -> (Task<Update<P, T>>, Handle)
where
    P: Send + 'static,
    T: Send + 'static,
    Fut: Future<Output = Result<T, String>> + Send + 'static,
{
    let stream = iced::stream::channel(64, async move |mut out: mpsc::Sender<Update<P, T>>| {
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
            Err(e) => tracing::warn!(error = e.as_str(), "task failed"),
        });
        let _ = out.send(Update::Finished(result)).await;
    });
    let (task, handle) = Task::run(stream, |u| u).abortable();
    (task, handle.abort_on_drop())
}
