//! Entra Connect: the current writeback state, Enable with progress, the
//! result, Undo. Without a Connect backend (real runs, until step 2's
//! PowerShell runner exists) it shows the documented manual steps.

use iced::Task;
use iced::widget::{button, column, row, text};

use super::Status;
use super::job::{self, Update};
use super::switch::Switch;
use crate::audit::Trail;
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
        self.run(env, None, &Trail::new(None))
    }

    fn run(&mut self, env: &Env, set: Option<bool>, trail: &Trail) -> Task<Message> {
        let mut server = env.sync_server();
        let trail = trail.clone();
        let (task, handle) = job::spawn(move |mut report| async move {
            let r = match set {
                None => sync::status(&mut server).await,
                Some(on) => sync::set(&mut server, on, &trail, &mut *report).await,
            };
            r.map_err(|e| crate::explain::sync_error(&e))
        });
        self.switch.started(handle);
        task.map(Message::Job)
    }

    /// Handles a message; switches are recorded in `trail`.
    pub fn update(&mut self, message: Message, env: &Env, trail: &Trail) -> Task<Message> {
        match message {
            Message::Refresh => return self.run(env, None, trail),
            Message::Enable => {
                self.switch.changed = true;
                return self.run(env, Some(true), trail);
            }
            Message::Undo => {
                self.switch.changed = false;
                return self.run(env, Some(false), trail);
            }
            Message::Cancel => self.switch.cancel(),
            Message::Job(update) => self.switch.on_update(update),
        }
        Task::none()
    }

    /// Writeback is on; when the server cannot be driven (an error), the
    /// manual steps are shown and the step may be done by hand.
    pub fn complete(&self) -> bool {
        self.switch.error.is_some() || self.switch.value.as_ref().is_some_and(|s| s.writeback)
    }

    /// The sidebar status.
    pub fn status(&self) -> Status {
        self.switch.status(
            true,
            self.switch.value.as_ref().is_some_and(|s| s.writeback),
        )
    }

    /// The page's view.
    pub fn view(&self) -> Element<'_, Message> {
        let mut page = column![widget::title(fl!("connect-title"), fl!("connect-subtitle"))]
            .spacing(size::GAP);
        if let Some(e) = &self.switch.error {
            page = page.push(widget::error(e.clone())).push(widget::card(
                column![
                    widget::heading(fl!("connect-manual")),
                    widget::body(fl!("connect-manual-steps")),
                    widget::small(fl!("connect-manual-script")),
                ]
                .spacing(8),
            ));
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
            let mut checks = column![].spacing(8);
            for (outcome, finding) in sync::findings(s) {
                checks = checks.push(widget::badge_line(
                    widget::outcome(outcome),
                    crate::explain::sync_finding(&finding),
                ));
            }
            page = page.push(widget::card(checks));
        }
        let idle = self.switch.busy.is_none();
        let on = self.switch.value.as_ref().is_some_and(|s| s.writeback);
        let mut buttons = row![].spacing(10);
        if self.switch.error.is_some() {
            buttons = buttons.push(
                button(text(fl!("connect-retry")).size(size::BODY))
                    .on_press_maybe(idle.then_some(Message::Refresh))
                    .style(button::secondary)
                    .padding([8, 16]),
            );
        }
        buttons = buttons
            .push(
                button(text(fl!("connect-enable")).size(size::BODY))
                    .on_press_maybe(
                        (idle && self.switch.value.is_some() && !on).then_some(Message::Enable),
                    )
                    .padding([8, 16]),
            )
            .push(
                button(text(fl!("connect-undo")).size(size::BODY))
                    .on_press_maybe((idle && on && self.switch.changed).then_some(Message::Undo))
                    .style(button::secondary)
                    .padding([8, 16]),
            );
        page.push(buttons).into()
    }
}
