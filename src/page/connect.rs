//! Entra Connect: the current writeback state, Enable with progress, the
//! result, Undo. When the server cannot be driven it shows the documented
//! manual steps beside the error. With Cloud Sync chosen (Targets page) it
//! drives the provisioning agent instead, whose setting is set but cannot
//! be read back.

use iced::Task;
use iced::widget::{column, row};

use super::job::Job;
use super::switch::{self, Switch};
use super::{Context, Event, Page, Status};
use crate::audit::{Plane, Trail};
use crate::backend::cloudsync::CloudSyncState;
use crate::backend::sync::{SyncError, SyncState};
use crate::fl;
use crate::task::permissions::Outcome;
use crate::task::sync::{self, Progress};
use crate::widget::{self, Element, size};

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// The setting, its job and its result.
    switch: Switch<SyncState, Progress, SyncError>,
    /// The same for Cloud Sync's provisioning agent.
    cloud: Switch<CloudView, Progress, SyncError>,
    /// Cloud Sync was chosen for this run.
    cloud_sync: bool,
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
    /// Stop (before the switch is sent).
    Cancel,
    /// A job reported.
    Job(Job<Progress, SyncState, SyncError>),
    /// A Cloud Sync job reported.
    CloudJob(Job<Progress, CloudView, SyncError>),
}

/// The progress step that sends the switch.
fn sending(p: &Progress) -> bool {
    *p == Progress::Switching
}

impl State {
    fn run(&mut self, ctx: &Context<'_>, set: Option<bool>) -> Task<Message> {
        let env = ctx.env;
        let mut server = env.sync_server();
        let trail = if set.is_some() {
            ctx.backups.trail.clone()
        } else {
            Trail::new(None)
        };
        if let Some(admin) = env.cloud_sync_admin() {
            self.cloud_sync = true;
            let host = crate::backend::sync::SyncServer::host(&server);
            return self
                .cloud
                .start(move |mut report| async move {
                    match set {
                        None => sync::cloud_sync_status(&mut server)
                            .await
                            .map(|agent| CloudView {
                                agent,
                                set: None,
                                host,
                            }),
                        Some(on) => {
                            sync::cloud_sync_set(&mut server, on, &admin, &trail, &mut *report)
                                .await
                                .map(|r| CloudView {
                                    agent: r.agent,
                                    set: Some(r.set),
                                    host,
                                })
                        }
                    }
                })
                .map(Message::CloudJob);
        }
        self.switch
            .start(move |mut report| async move {
                match set {
                    None => sync::status(&mut server).await,
                    Some(on) => sync::set(&mut server, on, &trail, &mut *report).await,
                }
            })
            .map(Message::Job)
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

    fn busy_view<'a>(
        &self,
        label: String,
        fraction: Option<f32>,
        can_cancel: bool,
    ) -> Element<'a, Message> {
        widget::busy(label, fraction, can_cancel.then_some(Message::Cancel))
    }
    /// The Cloud Sync agent: what it reports, its checks, what was set.
    fn cloud_view<'a>(
        &'a self,
        mut page: iced::widget::Column<'a, Message>,
        changed: bool,
    ) -> Element<'a, Message> {
        if let Some(e) = &self.cloud.error {
            page = page.push(widget::error(crate::explain::sync_error(e)));
        }
        if self.cloud.busy() {
            page =
                page.push(self.busy_view(fl!("connect-switching"), None, self.cloud.can_cancel()));
        }
        if let Some(c) = &self.cloud.value {
            let state = match c.set {
                Some(true) => fl!("state-on"),
                Some(false) => fl!("state-off"),
                None => fl!("cloudsync-not-readable"),
            };
            let host = c.host.clone();
            let line = match c.set {
                Some(_) => fl!("connect-cloudsync-set", host = host, state = state),
                None => fl!(
                    "connect-cloudsync-state",
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
        let idle = !self.cloud.busy();
        let on = self.on();
        page.push(switch::actions(
            fl!("connect-enable"),
            (idle && !on).then_some(Message::Enable),
            fl!("connect-undo"),
            (idle && on && changed).then_some(Message::Undo),
        ))
        .into()
    }
}

impl Page for State {
    type Message = Message;

    fn on_enter(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let started = self.switch.value.is_some()
            || self.cloud.value.is_some()
            || self.switch.busy()
            || self.cloud.busy();
        if started {
            Task::none()
        } else {
            self.run(ctx, None)
        }
    }

    /// Switches are recorded in the run's audit trail.
    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Refresh => return super::just(self.run(ctx, None)),
            Message::Enable => return super::just(self.run(ctx, Some(true))),
            Message::Undo => return super::just(self.run(ctx, Some(false))),
            Message::Cancel => {
                self.switch.cancel();
                self.cloud.cancel();
            }
            Message::Job(job) => self.switch.on_job(job, sending),
            Message::CloudJob(job) => self.cloud.on_job(job, sending),
        }
        super::nothing()
    }

    /// The sidebar status (Cloud Sync's setting, never read back, warns).
    fn status(&self, _ctx: &Context<'_>) -> Status {
        if self.cloud_sync {
            match self.cloud.status(true, self.on()) {
                Status::Done => Status::Warning,
                other => other,
            }
        } else {
            self.switch.status(true, self.on())
        }
    }

    /// Writeback is on (for Cloud Sync: set and accepted); when the server
    /// cannot be driven (an error), the manual steps are shown and the step
    /// may be done by hand.
    fn can_continue(&self, _ctx: &Context<'_>) -> bool {
        self.switch.error.is_some() || self.cloud.error.is_some() || self.on()
    }

    fn view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let changed = switch::switched_on(&ctx.backups.trail, Plane::Connect);
        let mut page = column![widget::title(fl!("connect-title"), fl!("connect-subtitle"))]
            .spacing(size::GAP);
        if self.cloud_sync {
            return self.cloud_view(page, changed);
        }
        if let Some(e) = &self.switch.error {
            page = page
                .push(widget::error(crate::explain::sync_error(e)))
                .push(widget::card(
                    column![
                        widget::heading(fl!("connect-manual")),
                        widget::body(fl!("connect-manual-steps")),
                        widget::small(fl!("connect-manual-script")),
                    ]
                    .spacing(8),
                ));
        }
        if self.switch.busy() {
            let step = &self.switch.step;
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
            page = page.push(self.busy_view(label, Some(fraction), self.switch.can_cancel()));
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
        let idle = !self.switch.busy();
        let on = self.switch.value.as_ref().is_some_and(|s| s.writeback);
        let mut buttons = row![].spacing(10);
        if self.switch.error.is_some() {
            buttons = buttons.push(widget::secondary(
                fl!("connect-retry"),
                idle.then_some(Message::Refresh),
            ));
        }
        let actions = switch::actions(
            fl!("connect-enable"),
            (idle && self.switch.value.is_some() && !on).then_some(Message::Enable),
            fl!("connect-undo"),
            (idle && on && changed).then_some(Message::Undo),
        );
        page.push(buttons.push(actions)).into()
    }
}
