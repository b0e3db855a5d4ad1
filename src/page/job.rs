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
        let result = work(report).await;
        let _ = out.send(Update::Finished(result)).await;
    });
    let (task, handle) = Task::run(stream, |u| u).abortable();
    (task, handle.abort_on_drop())
}
