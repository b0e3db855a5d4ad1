//! Entra Connect: the current writeback state, Enable with progress, the
//! result, Undo. When the server cannot be driven it shows the documented
//! manual steps beside the error. With Cloud Sync chosen (Targets page) it
//! drives the provisioning agent instead, whose setting is set but cannot
//! be read back.

use iced::Task;
use iced::widget::{column, row};

use super::job::Job;
use super::switch::{self, Switch};
use super::{Context, Page, Status};
use crate::audit::{Plane, Trail};
use crate::backend::cloudsync::CloudSyncState;
use crate::backend::sync::{SyncError, SyncState};
use crate::fl;
use crate::task::permissions::Outcome;
use crate::task::sync::{self, Progress};
use crate::widget::{self, Element, size};

/// The page's state: the server the run switches writeback on.
#[derive(Debug, Default)]
pub struct State {
    server: Server,
}

/// The server, with its setting, job and result.
#[derive(Debug)]
enum Server {
    /// The Entra Connect (Sync) server.
    Connect(Switch<SyncState, Progress, SyncError>),
    /// Cloud Sync's provisioning agent (Cloud Sync chosen for this run).
    CloudSync(Switch<CloudView, Progress, SyncError>),
}

impl Default for Server {
    fn default() -> Self {
        Server::Connect(Switch::default())
    }
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

/// What the page tells the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Writeback was switched on (for Cloud Sync: set and accepted).
    Enabled,
    /// It was switched off again.
    Undone,
}

impl Event {
    /// The event of a switch job that finished well (`set`: what it
    /// switched to; None: it only read).
    fn of(set: Option<Option<bool>>) -> Option<Event> {
        match set? {
            Some(true) => Some(Event::Enabled),
            Some(false) => Some(Event::Undone),
            None => None,
        }
    }
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
            if !matches!(self.server, Server::CloudSync(_)) {
                self.server = Server::CloudSync(Switch::default());
            }
            let Server::CloudSync(cloud) = &mut self.server else {
                return Task::none();
            };
            let host = crate::backend::sync::SyncServer::host(&server);
            return cloud
                .start(set, move |mut report| async move {
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
        if !matches!(self.server, Server::Connect(_)) {
            self.server = Server::default();
        }
        let Server::Connect(switch) = &mut self.server else {
            return Task::none();
        };
        switch
            .start(set, move |mut report| async move {
                match set {
                    None => sync::status(&mut server).await,
                    Some(on) => sync::set(&mut server, on, &trail, &mut *report).await,
                }
            })
            .map(Message::Job)
    }

    /// Whether writeback is on (for Cloud Sync: set and accepted).
    fn on(&self) -> bool {
        match &self.server {
            Server::Connect(s) => s.value.as_ref().is_some_and(|s| s.writeback),
            Server::CloudSync(c) => c.value.as_ref().is_some_and(|c| c.set == Some(true)),
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
        cloud: &'a Switch<CloudView, Progress, SyncError>,
        mut page: iced::widget::Column<'a, Message>,
        changed: bool,
    ) -> Element<'a, Message> {
        if let Some(e) = cloud.error() {
            page = page.push(widget::error(crate::explain::sync_error(e)));
        }
        if cloud.busy() {
            page = page.push(self.busy_view(fl!("connect-switching"), None, cloud.can_cancel()));
        }
        if let Some(c) = &cloud.value {
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
        let idle = !cloud.busy();
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
    type Event = Event;

    fn on_enter(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let started = match &self.server {
            Server::Connect(s) => s.value.is_some() || s.busy(),
            Server::CloudSync(c) => c.value.is_some() || c.busy(),
        };
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
            Message::Cancel => match &mut self.server {
                Server::Connect(s) => s.cancel(),
                Server::CloudSync(c) => c.cancel(),
            },
            Message::Job(job) => {
                if let Server::Connect(s) = &mut self.server {
                    return (Task::none(), Event::of(s.on_job(job, sending)));
                }
            }
            Message::CloudJob(job) => {
                if let Server::CloudSync(c) = &mut self.server {
                    return (Task::none(), Event::of(c.on_job(job, sending)));
                }
            }
        }
        super::nothing()
    }

    /// The sidebar status (Cloud Sync's setting, never read back, warns).
    fn status(&self, _ctx: &Context<'_>) -> Status {
        match &self.server {
            Server::Connect(s) => s.status(true, self.on()),
            Server::CloudSync(c) => match c.status(true, self.on()) {
                Status::Done => Status::Warning,
                other => other,
            },
        }
    }

    /// Writeback is on (for Cloud Sync: set and accepted); when the server
    /// cannot be driven (an error), the manual steps are shown and the step
    /// may be done by hand.
    fn can_continue(&self, _ctx: &Context<'_>) -> bool {
        match &self.server {
            Server::Connect(s) => s.error().is_some() || self.on(),
            Server::CloudSync(c) => c.error().is_some() || self.on(),
        }
    }

    fn view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let changed = switch::switched_on(&ctx.backups.trail, Plane::Connect);
        let mut page = column![widget::title(fl!("connect-title"), fl!("connect-subtitle"))]
            .spacing(size::GAP);
        let switch = match &self.server {
            Server::Connect(s) => s,
            Server::CloudSync(c) => return self.cloud_view(c, page, changed),
        };
        if let Some(e) = switch.error() {
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
        if switch.busy() {
            let step = switch.step();
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
            page = page.push(self.busy_view(label, Some(fraction), switch.can_cancel()));
        }
        if let Some(s) = &switch.value {
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
        let idle = !switch.busy();
        let on = self.on();
        let mut buttons = row![].spacing(10);
        if switch.error().is_some() {
            buttons = buttons.push(widget::secondary(
                fl!("connect-retry"),
                idle.then_some(Message::Refresh),
            ));
        }
        let actions = switch::actions(
            fl!("connect-enable"),
            (idle && switch.value.is_some() && !on).then_some(Message::Enable),
            fl!("connect-undo"),
            (idle && on && changed).then_some(Message::Undo),
        );
        page.push(buttons.push(actions)).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::job::Update;
    use crate::page::testing::Run;

    fn read(run: &Run) -> State {
        let mut page = State::default();
        assert!(run.enter(&mut page).is_empty(), "a read tells nothing");
        page
    }

    #[test]
    fn arriving_reads_the_server_and_waits_for_enable() {
        let run = Run::demo();
        let page = read(&run);
        assert!(matches!(&page.server, Server::Connect(s) if s.value.is_some()));
        assert!(!page.on());
        assert_eq!(page.status(&run.ctx()), Status::Pending);
        assert!(!page.can_continue(&run.ctx()));
    }

    #[test]
    fn enable_then_undo_are_told() {
        let run = Run::demo();
        let mut page = read(&run);
        assert_eq!(run.send(&mut page, Message::Enable), [Event::Enabled]);
        assert!(page.on());
        assert_eq!(page.status(&run.ctx()), Status::Done);
        assert!(page.can_continue(&run.ctx()));
        assert!(switch::switched_on(&run.backups.trail, Plane::Connect));
        assert_eq!(run.send(&mut page, Message::Refresh), []);
        assert_eq!(run.send(&mut page, Message::Undo), [Event::Undone]);
        assert!(!page.on());
        assert!(!switch::switched_on(&run.backups.trail, Plane::Connect));
    }

    #[test]
    fn cancel_before_the_switch_is_sent_stops_the_job() {
        let run = Run::demo();
        let mut page = read(&run);
        let (_task, event) = page.update(Message::Enable, &run.ctx());
        assert!(event.is_none());
        assert_eq!(page.status(&run.ctx()), Status::Running);
        let _ = page.update(Message::Cancel, &run.ctx());
        assert_eq!(page.status(&run.ctx()), Status::Pending);
        assert!(!page.on());
    }

    #[test]
    fn a_server_that_cannot_be_driven_fails_and_leaves_the_manual_steps() {
        let run = Run::demo();
        let mut page = read(&run);
        let _task = page.update(Message::Enable, &run.ctx());
        let Server::Connect(s) = &page.server else {
            panic!("Connect Sync in the demo");
        };
        let failed = Job {
            run: s.run(),
            update: Update::Finished(Err(SyncError::AccessDenied("no".into()))),
        };
        let (_, event) = page.update(Message::Job(failed), &run.ctx());
        assert!(event.is_none());
        assert_eq!(page.status(&run.ctx()), Status::Failed);
        // The manual steps are shown: the step may be done by hand.
        assert!(page.can_continue(&run.ctx()));
    }
}
