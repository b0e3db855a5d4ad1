//! What the Connect and portal pages share: a setting read from a plane,
//! switched on (or off again) by a background job with progress.

use super::Status;
use super::job::Update;

/// The state of a page that switches a setting.
#[derive(Debug)]
pub struct Switch<T, P> {
    /// What the plane reported last.
    pub value: Option<T>,
    /// Switched on by this run (so Undo is offered).
    pub changed: bool,
    /// The running job: its last progress step, and its handle.
    pub busy: Option<(Option<P>, iced::task::Handle)>,
    /// The last failure, translated.
    pub error: Option<String>,
}

impl<T, P> Default for Switch<T, P> {
    fn default() -> Self {
        Switch {
            value: None,
            changed: false,
            busy: None,
            error: None,
        }
    }
}

impl<T, P> Switch<T, P> {
    /// A job was started.
    pub fn started(&mut self, handle: iced::task::Handle) {
        self.busy = Some((None, handle));
        self.error = None;
    }

    /// Stops the job (dropping its handle aborts it).
    pub fn cancel(&mut self) {
        self.busy = None;
    }

    /// The job reported.
    pub fn on_update(&mut self, update: Update<P, T>) {
        match update {
            Update::Progress(p) => {
                if let Some((step, _)) = &mut self.busy {
                    *step = Some(p);
                }
            }
            Update::Finished(Ok(value)) => {
                self.busy = None;
                self.value = Some(value);
            }
            Update::Finished(Err(e)) => {
                self.busy = None;
                self.error = Some(e);
            }
        }
    }

    /// The sidebar status: without a backend (`automated` false) the page
    /// shows manual steps, a warning.
    pub fn status(&self, automated: bool, done: bool) -> Status {
        if self.busy.is_some() {
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

/// The switch pages' buttons: Apply (primary) and Undo (secondary), each
/// enabled when given its message.
pub fn actions<'a, M: Clone + 'a>(
    apply: String,
    on_apply: Option<M>,
    undo: String,
    on_undo: Option<M>,
) -> iced::widget::Row<'a, M> {
    use crate::widget::size;
    use iced::widget::{button, row, text};
    row![
        button(text(apply).size(size::BODY))
            .on_press_maybe(on_apply)
            .padding([8, 16]),
        button(text(undo).size(size::BODY))
            .on_press_maybe(on_undo)
            .style(button::secondary)
            .padding([8, 16]),
    ]
    .spacing(10)
}
