//! The shell's side of the pages' contract: a page's message is handed to
//! its page, and what the page tells the shell (its own `Event`) is
//! answered here, one function per page. The shell never reads a page's
//! fields. The settings' events are answered in `app/settings.rs`.

use iced::Task;

use super::{App, Message, Step};
use crate::audit::Plane;
use crate::page::{
    Context, Page, connect, permissions, portal, summary, switch::switched_on, verify, welcome,
};

impl App {
    /// Hands a message to its page and answers the page's event.
    pub(super) fn dispatch(&mut self, message: Message) -> Task<Message> {
        let ctx = Context {
            env: &self.env,
            backups: &self.backups,
        };
        match message {
            Message::Welcome(m) => {
                let answer = self.welcome.update(m, &ctx);
                self.answer(answer, Message::Welcome, App::on_welcome)
            }
            Message::Targets(m) => {
                let answer = self.targets.update(m, &ctx);
                self.answer(answer, Message::Targets, App::on_targets)
            }
            Message::Preflight(m) => {
                let answer = self.preflight.update(m, &ctx);
                self.answer(answer, Message::Preflight, App::on_preflight)
            }
            Message::Permissions(m) => {
                let answer = self.permissions.update(m, &ctx);
                self.answer(answer, Message::Permissions, |_, e| {
                    logged(Step::Permissions, e)
                })
            }
            Message::Connect(m) => {
                let answer = self.connect.update(m, &ctx);
                self.answer(answer, Message::Connect, |_, e| logged(Step::Connect, e))
            }
            Message::Portal(m) => {
                let answer = self.portal.update(m, &ctx);
                self.answer(answer, Message::Portal, |_, e| logged(Step::Portal, e))
            }
            Message::Verify(m) => {
                let answer = self.verify.update(m, &ctx);
                self.answer(answer, Message::Verify, App::on_verify)
            }
            Message::Summary(m) => {
                let answer = self.summary.update(m, &ctx);
                self.answer(answer, Message::Summary, App::on_summary)
            }
            _ => Task::none(),
        }
    }

    /// Lifts a page's task to the shell's messages and answers its event.
    fn answer<M: Send + 'static, E>(
        &mut self,
        (task, event): (Task<M>, Option<E>),
        wrap: fn(M) -> Message,
        react: fn(&mut App, E) -> Task<Message>,
    ) -> Task<Message> {
        let task = task.map(wrap);
        match event {
            Some(event) => Task::batch([task, react(self, event)]),
            None => task,
        }
    }

    fn on_welcome(&mut self, event: welcome::Event) -> Task<Message> {
        match event {
            welcome::Event::LanguagePicked(code) => {
                self.lang = crate::localize::init(Some(&code));
            }
            welcome::Event::CaptureSwitched(on) => self.shots.capture = on,
        }
        Task::none()
    }

    fn on_verify(&mut self, event: verify::Event) -> Task<Message> {
        match event {
            verify::Event::Verified { unreached } => {
                self.dispatch(Message::Summary(summary::Message::Unreached(unreached)))
            }
        }
    }

    fn on_summary(&mut self, event: summary::Event) -> Task<Message> {
        match event {
            summary::Event::RunbookRequested => self.export(),
            summary::Event::UndoAllRequested => self.undo_all(),
        }
    }

    /// Undoes what still stands of this run, by its audit trail: each
    /// plane's page undoes its own change.
    fn undo_all(&mut self) -> Task<Message> {
        let trail = self.backups.trail.clone();
        let mut tasks = Vec::new();
        if switched_on(&trail, Plane::Ad) {
            tasks.push(self.dispatch(Message::Permissions(permissions::Message::Undo)));
        }
        if switched_on(&trail, Plane::Connect) {
            tasks.push(self.dispatch(Message::Connect(connect::Message::Undo)));
        }
        if switched_on(&trail, Plane::Portal) {
            tasks.push(self.dispatch(Message::Portal(portal::Message::Undo)));
        }
        Task::batch(tasks)
    }
}

/// A change a step made or undid: what changed is read from the run's
/// audit trail (Summary, the runbook), so the shell only logs it.
fn logged(step: Step, event: impl std::fmt::Debug) -> Task<Message> {
    tracing::info!(step = step.slug(), event = ?event, "page event");
    Task::none()
}
