//! Entra Connect: the current writeback state, Enable with progress, the
//! result, Undo. When the server cannot be driven it shows the documented
//! manual steps beside the error. With Cloud Sync chosen (Targets page) it
//! drives the provisioning agent instead, whose setting is set but cannot
//! be read back.

use iced::Task;
use iced::widget::{button, column, row, text};

use super::Status;
use super::job::{self, Update};
use super::switch::{self, Switch};
use crate::audit::Trail;
use crate::backend::cloudsync::CloudSyncState;
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
    /// The same for Cloud Sync's provisioning agent.
    pub cloud: Switch<CloudView, Progress>,
    /// Cloud Sync was chosen for this run.
    pub cloud_sync: bool,
}

/// What the page knows of the Cloud Sync agent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloudView {
    /// Version and service.
    pub agent: CloudSyncState,
    /// The value last set and accepted (None: not set by this run).
    pub set: Option<bool>,
    /// The agent's server.
    pub host: String,
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
    /// A Cloud Sync job reported.
    CloudJob(Update<Progress, CloudView>),
}

impl State {
    /// Reads the state (on entering the page).
    pub fn start(&mut self, env: &Env) -> Task<Message> {
        self.run(env, None, &Trail::new(None))
    }

    fn run(&mut self, env: &Env, set: Option<bool>, trail: &Trail) -> Task<Message> {
        let mut server = env.sync_server();
        if let Some(admin) = env.cloud_sync_admin() {
            self.cloud_sync = true;
            let trail = trail.clone();
            let host = crate::backend::sync::SyncServer::host(&server);
            let (task, handle) = job::spawn(move |mut report| async move {
                let r = match set {
                    None => sync::cloud_sync_status(&mut server)
                        .await
                        .map(|agent| CloudView {
                            agent,
                            set: None,
                            host,
                        }),
                    Some(on) => sync::cloud_sync_set(&mut server, on, &admin, &trail, &mut *report)
                        .await
                        .map(|r| CloudView {
                            agent: r.agent,
                            set: Some(r.set),
                            host,
                        }),
                };
                r.map_err(|e| crate::explain::sync_error(&e))
            });
            self.cloud.started(handle);
            return task.map(Message::CloudJob);
        }
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
                self.switch.changed = !self.cloud_sync;
                self.cloud.changed = self.cloud_sync;
                return self.run(env, Some(true), trail);
            }
            Message::Undo => {
                self.switch.changed = false;
                self.cloud.changed = false;
                return self.run(env, Some(false), trail);
            }
            Message::Cancel => {
                self.switch.cancel();
                self.cloud.cancel();
            }
            Message::Job(update) => self.switch.on_update(update),
            Message::CloudJob(update) => self.cloud.on_update(update),
        }
        Task::none()
    }

    /// Whether the state was read (or tried) already.
    pub fn started(&self) -> bool {
        self.switch.value.is_some()
            || self.cloud.value.is_some()
            || self.switch.busy.is_some()
            || self.cloud.busy.is_some()
    }

    /// Switched on by this run (so Undo is offered).
    pub fn changed(&self) -> bool {
        self.switch.changed || self.cloud.changed
    }

    fn on(&self) -> bool {
        if self.cloud_sync {
            self.cloud
                .value
                .as_ref()
                .is_some_and(|c| c.set == Some(true))
        } else {
            self.switch.value.as_ref().is_some_and(|s| s.writeback)
        }
    }

    /// Writeback is on (for Cloud Sync: set and accepted); when the server
    /// cannot be driven (an error), the manual steps are shown and the step
    /// may be done by hand.
    pub fn complete(&self) -> bool {
        self.switch.error.is_some() || self.cloud.error.is_some() || self.on()
    }

    /// The sidebar status (Cloud Sync's setting, never read back, warns).
    pub fn status(&self) -> Status {
        if self.cloud_sync {
            match self.cloud.status(true, self.on()) {
                Status::Done => Status::Warning,
                other => other,
            }
        } else {
            self.switch.status(true, self.on())
        }
    }

    /// The Cloud Sync agent: what it reports, its checks, what was set.
    fn cloud_view<'a>(
        &'a self,
        mut page: iced::widget::Column<'a, Message>,
    ) -> Element<'a, Message> {
        if let Some(e) = &self.cloud.error {
            page = page.push(widget::error(e.clone()));
        }
        if self.cloud.busy.is_some() {
            page = page.push(widget::busy(
                fl!("connect-switching"),
                None,
                Message::Cancel,
            ));
        }
        if let Some(c) = &self.cloud.value {
            let state = match c.set {
                Some(true) => fl!("state-on"),
                Some(false) => fl!("state-off"),
                None => fl!("cloudsync-not-readable"),
            };
            let host = c.host.clone();
            let line = match c.set {
                Some(_) => fl!("cli-cloudsync-set", host = host, state = state),
                None => fl!(
                    "cli-cloudsync-state",
                    host = host,
                    version = c.agent.version.as_str(),
                    state = state
                ),
            };
            let mut checks = column![widget::badge_line(
                widget::outcome(Outcome::ok_if(c.set == Some(true), Outcome::Warning)),
                line
            )]
            .spacing(8);
            for (outcome, finding) in sync::agent_findings(&c.agent) {
                checks = checks.push(widget::badge_line(
                    widget::outcome(outcome),
                    crate::explain::agent_finding(&finding),
                ));
            }
            page = page.push(widget::card(checks));
        }
        let idle = self.cloud.busy.is_none();
        let on = self.on();
        page.push(switch::actions(
            fl!("connect-enable"),
            (idle && !on).then_some(Message::Enable),
            fl!("connect-undo"),
            (idle && on && self.cloud.changed).then_some(Message::Undo),
        ))
        .into()
    }

    /// The page's view.
    pub fn view(&self) -> Element<'_, Message> {
        let mut page = column![widget::title(fl!("connect-title"), fl!("connect-subtitle"))]
            .spacing(size::GAP);
        if self.cloud_sync {
            return self.cloud_view(page);
        }
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
        let actions = switch::actions(
            fl!("connect-enable"),
            (idle && self.switch.value.is_some() && !on).then_some(Message::Enable),
            fl!("connect-undo"),
            (idle && on && self.switch.changed).then_some(Message::Undo),
        );
        page.push(buttons.push(actions)).into()
    }
}
