//! Entra Connect: the current writeback state, Enable with progress, the
//! result, Undo. Without a Connect backend (real runs, until step 2's
//! PowerShell runner exists) it shows the documented manual steps.

use iced::Task;
use iced::widget::{button, column, row, text};

use super::Status;
use super::job::{self, Update};
use super::switch::Switch;
use crate::backend::sync::SyncState;
use crate::fl;
use crate::session::Env;
use crate::task::permissions::Outcome;
use crate::task::sync::{self, Progress};
use crate::widget::{self, Element, size};

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// The setting, its job and its result.
    pub switch: Switch<SyncState, Progress>,
}

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// Read the state.
    Refresh,
    /// Switch writeback on.
    Enable,
    /// Switch it off again.
    Undo,
    /// Stop.
    Cancel,
    /// A job reported.
    Job(Update<Progress, SyncState>),
}

impl State {
    /// Reads the state (on entering the page).
    pub fn start(&mut self, env: &Env) -> Task<Message> {
        self.run(env, None)
    }

    fn run(&mut self, env: &Env, set: Option<bool>) -> Task<Message> {
        let Env::Demo(org) = env else {
            return Task::none();
        };
        let mut server = org.sync_server();
        let (task, handle) = job::spawn(move |mut report| async move {
            let r = match set {
                None => sync::status(&mut server).await,
                Some(on) => sync::set(&mut server, on, &mut *report).await,
            };
            r.map_err(|e| fl!("sync-error", reason = e.to_string()))
        });
        self.switch.started(handle);
        task.map(Message::Job)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, env: &Env) -> Task<Message> {
        match message {
            Message::Refresh => return self.run(env, None),
            Message::Enable => {
                self.switch.changed = true;
                return self.run(env, Some(true));
            }
            Message::Undo => {
                self.switch.changed = false;
                return self.run(env, Some(false));
            }
            Message::Cancel => self.switch.cancel(),
            Message::Job(update) => self.switch.on_update(update),
        }
        Task::none()
    }

    /// Writeback is on (or, without a backend, the manual step is shown).
    pub fn complete(&self, env: &Env) -> bool {
        !env.is_demo() || self.switch.value.as_ref().is_some_and(|s| s.writeback)
    }

    /// The sidebar status.
    pub fn status(&self, env: &Env) -> Status {
        self.switch.status(env.is_demo(), self.complete(env))
    }

    /// The page's view.
    pub fn view(&self, env: &Env) -> Element<'_, Message> {
        let mut page = column![widget::title(fl!("connect-title"), fl!("connect-subtitle"))]
            .spacing(size::GAP);
        if !env.is_demo() {
            return page
                .push(widget::card(
                    column![
                        widget::heading(fl!("connect-manual")),
                        widget::body(fl!("connect-manual-steps")),
                        widget::small(fl!("connect-manual-script")),
                    ]
                    .spacing(8),
                ))
                .into();
        }
        if let Some(e) = &self.switch.error {
            page = page.push(widget::error(e.clone()));
        }
        if let Some((step, _)) = &self.switch.busy {
            let label = match step {
                None | Some(Progress::Reading) => fl!("connect-reading"),
                Some(Progress::Switching) => fl!("connect-switching"),
                Some(Progress::ReadingBack) => fl!("connect-reading-back"),
            };
            let fraction = match step {
                None | Some(Progress::Reading) => 0.2,
                Some(Progress::Switching) => 0.6,
                Some(Progress::ReadingBack) => 0.9,
            };
            page = page.push(widget::busy(label, Some(fraction), Message::Cancel));
        }
        if let Some(s) = &self.switch.value {
            let (badge, line) = if s.writeback {
                (Outcome::Ok, fl!("connect-on"))
            } else {
                (Outcome::Warning, fl!("connect-off"))
            };
            page = page.push(widget::card(
                column![
                    widget::badge_line(widget::outcome(badge), line),
                    widget::body(fl!("connect-version", version = s.version.as_str())),
                    widget::body(fl!("connect-connector", connector = s.connector.as_str())),
                    widget::body(fl!(
                        "connect-ad-account",
                        account = s.ad_connector_account.as_str()
                    )),
                ]
                .spacing(8),
            ));
        }
        let idle = self.switch.busy.is_none();
        let on = self.switch.value.as_ref().is_some_and(|s| s.writeback);
        page.push(
            row![
                button(text(fl!("connect-enable")).size(size::BODY))
                    .on_press_maybe(
                        (idle && self.switch.value.is_some() && !on).then_some(Message::Enable)
                    )
                    .padding([8, 16]),
                button(text(fl!("connect-undo")).size(size::BODY))
                    .on_press_maybe((idle && on && self.switch.changed).then_some(Message::Undo))
                    .style(button::secondary)
                    .padding([8, 16]),
            ]
            .spacing(10),
        )
        .into()
    }
}
