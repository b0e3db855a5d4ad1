//! Entra portal: the on-premises integration toggles, current → desired,
//! Apply, the result, Undo. Not signed in, or when the portal's API refuses
//! or has changed, it falls back to a guided manual step: the exact clicks,
//! a button opening the portal's page, and a re-check.

use iced::Task;
use iced::widget::{column, row};

use super::job::Job;
use super::switch::{self, Switch};
use super::{Context, Page, Status};
use crate::audit::{Plane, Trail};
use crate::backend::entra::portal::DEEP_LINK;
use crate::backend::tenant::{PortalPolicy, TenantError};
use crate::task::permissions::Outcome;
use crate::task::portal::{self, Progress};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// The setting, its job and its result.
    switch: Switch<PortalPolicy, Progress, TenantError>,
    /// Apply tried cloud sync's toggle (Cloud Sync chosen): still off
    /// afterwards means the API refused it.
    cloud_tried: bool,
}

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// Read the policy.
    Refresh,
    /// Turn both on.
    Apply,
    /// Turn both off again.
    Undo,
    /// Stop (before a setting is sent).
    Cancel,
    /// A job reported.
    Job(Job<Progress, PortalPolicy, TenantError>),
    /// Open the admin center's page.
    OpenPortal,
}

/// What the page tells the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The toggles were switched on and read back.
    Enabled,
    /// They were switched off again.
    Undone,
}

/// The progress steps that send a setting.
fn sending(p: &Progress) -> bool {
    matches!(
        p,
        Progress::Writeback | Progress::Unlock | Progress::CloudSync
    )
}

impl State {
    fn run(&mut self, ctx: &Context<'_>, set: Option<bool>) -> Task<Message> {
        let Some(mut tenant) = ctx.env.tenant() else {
            return Task::none();
        };
        let cloud = ctx.env.settings().connect.cloud_sync;
        let trail = if set.is_some() {
            ctx.backups.trail.clone()
        } else {
            Trail::new(None)
        };
        self.switch
            .start(set, move |mut report| async move {
                match set {
                    None => portal::status(&mut tenant).await,
                    Some(on) => portal::set_all(&mut tenant, on, cloud, &trail, &mut *report).await,
                }
            })
            .map(Message::Job)
    }

    /// Why the wizard cannot switch the settings itself: the API refused
    /// or has changed (None: it can, or nobody signed in).
    fn manual(&self) -> Option<&TenantError> {
        self.switch.error().filter(|e| e.needs_manual_step())
    }

    /// Whether the settings are switched by the wizard (signed in, and the
    /// API usable), rather than by hand.
    fn automated(&self, ctx: &Context<'_>) -> bool {
        ctx.env.has_tenant() && self.manual().is_none()
    }

    /// Cloud sync's toggle is left to the guided manual step (Cloud Sync
    /// chosen): the API does not report it, or Apply could not set it.
    fn cloud_manual(&self, ctx: &Context<'_>) -> bool {
        ctx.env.settings().connect.cloud_sync
            && !self.switch.busy()
            && self.switch.value.is_some_and(|p| {
                p.cloud_sync.is_none() || (self.cloud_tried && p.cloud_sync == Some(false))
            })
    }

    /// What the wizard still has to switch on (Cloud Sync's toggle only
    /// when chosen and not left to the manual step).
    fn done(&self, ctx: &Context<'_>) -> bool {
        let cloud = ctx.env.settings().connect.cloud_sync;
        self.switch.value.is_some_and(|p| {
            p.writeback
                && p.unlock
                && (!cloud || p.cloud_sync == Some(true) || self.cloud_manual(ctx))
        })
    }

    /// The guided manual step for cloud sync's toggle alone.
    fn cloud_manual_view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let reason = match self.switch.value.and_then(|p| p.cloud_sync) {
            None => fl!("portal-cloud-sync-unreported"),
            Some(_) => fl!("portal-cloud-sync-refused"),
        };
        widget::card(
            column![
                widget::heading(fl!("portal-manual")),
                widget::error(reason),
                widget::body(fl!("portal-cloud-sync-steps")),
                widget::small(DEEP_LINK.to_string()),
                row![
                    widget::primary(fl!("portal-open"), Some(Message::OpenPortal)),
                    widget::secondary(
                        fl!("portal-recheck"),
                        (ctx.env.has_tenant() && !self.switch.busy()).then_some(Message::Refresh)
                    ),
                ]
                .spacing(10),
            ]
            .spacing(8),
        )
    }

    /// The guided manual step, with the reason the wizard cannot do it.
    fn manual_view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let signed_in = ctx.env.has_tenant();
        let mut card = column![widget::heading(fl!("portal-manual"))].spacing(8);
        match self.manual() {
            Some(reason) => card = card.push(widget::error(explain::tenant_error(reason))),
            None => card = card.push(widget::small(fl!("portal-not-signed-in"))),
        }
        card = card
            .push(widget::body(fl!("portal-manual-steps")))
            .push(widget::small(DEEP_LINK.to_string()))
            .push(
                row![
                    widget::primary(fl!("portal-open"), Some(Message::OpenPortal)),
                    widget::secondary(
                        fl!("portal-recheck"),
                        (signed_in && !self.switch.busy()).then_some(Message::Refresh)
                    ),
                ]
                .spacing(10),
            );
        widget::card(card)
    }

    fn toggle_line<'a>(label: String, current: bool) -> Element<'a, Message> {
        let state = |on: bool| {
            if on {
                fl!("state-on")
            } else {
                fl!("state-off")
            }
        };
        widget::badge_line(
            widget::outcome(Outcome::ok_if(current, Outcome::Warning)),
            fl!(
                "portal-toggle",
                setting = label,
                current = state(current),
                desired = state(true)
            ),
        )
    }

    /// Both toggles, current → desired; cloud sync's too when `cloud`.
    fn policy_card<'a>(p: PortalPolicy, cloud: bool) -> Element<'a, Message> {
        let mut lines = column![
            Self::toggle_line(fl!("portal-writeback"), p.writeback),
            Self::toggle_line(fl!("portal-unlock"), p.unlock),
        ]
        .spacing(8);
        if cloud {
            lines = lines.push(match p.cloud_sync {
                Some(on) => Self::toggle_line(fl!("portal-cloud-sync"), on),
                None => widget::badge_line(
                    widget::outcome(Outcome::Warning),
                    fl!(
                        "portal-toggle",
                        setting = fl!("portal-cloud-sync"),
                        current = fl!("portal-state-unknown"),
                        desired = fl!("state-on")
                    ),
                ),
            });
        }
        widget::card(lines)
    }

    fn busy_view<'a>(&self) -> Element<'a, Message> {
        let step = self.switch.step();
        let label = match step {
            None | Some(Progress::Reading) => fl!("portal-reading"),
            Some(Progress::Writeback) => fl!("portal-setting-writeback"),
            Some(Progress::Unlock) => fl!("portal-setting-unlock"),
            Some(Progress::CloudSync) => fl!("portal-setting-cloud-sync"),
            Some(Progress::ReadingBack) => fl!("portal-reading-back"),
        };
        let fraction = match step {
            None | Some(Progress::Reading) => 0.15,
            Some(Progress::Writeback) => 0.4,
            Some(Progress::Unlock) => 0.65,
            Some(Progress::CloudSync) => 0.8,
            Some(Progress::ReadingBack) => 0.9,
        };
        widget::busy(
            label,
            Some(fraction),
            self.switch.can_cancel().then_some(Message::Cancel),
        )
    }
}

impl Page for State {
    type Message = Message;
    type Event = Event;

    fn on_enter(&mut self, ctx: &Context<'_>) -> Task<Message> {
        if self.switch.value.is_none() && !self.switch.busy() {
            self.run(ctx, None)
        } else {
            Task::none()
        }
    }

    /// Switches are recorded in the run's audit trail.
    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Refresh => return super::just(self.run(ctx, None)),
            Message::Apply => {
                self.cloud_tried = ctx.env.settings().connect.cloud_sync;
                return super::just(self.run(ctx, Some(true)));
            }
            Message::Undo => return super::just(self.run(ctx, Some(false))),
            Message::Cancel => self.switch.cancel(),
            Message::Job(job) => {
                let event = match self.switch.on_job(job, sending) {
                    Some(Some(true)) => Some(Event::Enabled),
                    Some(Some(false)) => Some(Event::Undone),
                    _ => None,
                };
                return (Task::none(), event);
            }
            Message::OpenPortal => {
                if let Err(e) = crate::backend::open_detached(DEEP_LINK) {
                    tracing::warn!(error = %e, "could not open the browser");
                }
            }
        }
        super::nothing()
    }

    /// Running while a job runs; else a warning when (some of) it is left
    /// to the guided manual step.
    fn status(&self, ctx: &Context<'_>) -> Status {
        match self.switch.status(true, self.done(ctx)) {
            Status::Running => Status::Running,
            _ if !self.automated(ctx) || self.cloud_manual(ctx) => Status::Warning,
            status => status,
        }
    }

    /// Both toggles on, and cloud sync's when chosen (or the manual step
    /// shown instead).
    fn can_continue(&self, ctx: &Context<'_>) -> bool {
        !self.automated(ctx) || self.done(ctx)
    }

    fn view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let cloud = ctx.env.settings().connect.cloud_sync;
        let mut page =
            column![widget::title(fl!("portal-title"), fl!("portal-subtitle"))].spacing(size::GAP);
        if !self.automated(ctx) {
            page = page.push(self.manual_view(ctx));
            if self.switch.busy() {
                page = page.push(self.busy_view());
            }
            if let Some(p) = self.switch.value {
                page = page.push(Self::policy_card(p, cloud));
            }
            return page.into();
        }
        page = page.push(widget::small(fl!("portal-undocumented")));
        if let Some(e) = self.switch.error() {
            page = page.push(widget::error(explain::tenant_error(e)));
        }
        if self.switch.busy() {
            page = page.push(self.busy_view());
        }
        if let Some(p) = self.switch.value {
            page = page.push(Self::policy_card(p, cloud));
        }
        if self.cloud_manual(ctx) {
            page = page.push(self.cloud_manual_view(ctx));
        }
        let idle = !self.switch.busy();
        let done = self.done(ctx);
        let changed = switch::switched_on(&ctx.backups.trail, Plane::Portal);
        page.push(switch::actions(
            fl!("portal-apply"),
            (idle && self.switch.value.is_some() && !done).then_some(Message::Apply),
            fl!("portal-undo"),
            (idle && done && changed).then_some(Message::Undo),
        ))
        .into()
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
        assert!(page.switch.value.is_some());
        page
    }

    #[test]
    fn arriving_reads_the_toggles_and_waits_for_apply() {
        let run = Run::demo();
        let page = read(&run);
        assert!(!page.done(&run.ctx()));
        assert_eq!(page.status(&run.ctx()), Status::Pending);
        assert!(!page.can_continue(&run.ctx()));
    }

    #[test]
    fn apply_then_undo_are_told() {
        let run = Run::demo();
        let mut page = read(&run);
        assert_eq!(run.send(&mut page, Message::Apply), [Event::Enabled]);
        assert!(page.done(&run.ctx()));
        assert_eq!(page.status(&run.ctx()), Status::Done);
        assert!(page.can_continue(&run.ctx()));
        assert_eq!(run.send(&mut page, Message::Undo), [Event::Undone]);
        assert!(!page.done(&run.ctx()));
        assert!(!switch::switched_on(&run.backups.trail, Plane::Portal));
    }

    #[test]
    fn a_refused_api_falls_back_to_the_manual_step() {
        let run = Run::demo();
        let mut page = read(&run);
        let _task = page.update(Message::Apply, &run.ctx());
        assert_eq!(page.status(&run.ctx()), Status::Running);
        let refused = Job {
            run: page.switch.run(),
            update: Update::Finished(Err(TenantError::Forbidden)),
        };
        let (_, event) = page.update(Message::Job(refused), &run.ctx());
        assert!(event.is_none());
        assert!(page.manual().is_some());
        assert_eq!(page.status(&run.ctx()), Status::Warning);
        assert!(page.can_continue(&run.ctx()), "done by hand");
    }

    #[test]
    fn cancel_before_a_setting_is_sent_stops_the_job() {
        let run = Run::demo();
        let mut page = read(&run);
        let _task = page.update(Message::Apply, &run.ctx());
        let _ = page.update(Message::Cancel, &run.ctx());
        assert!(!page.switch.busy());
        assert_eq!(page.status(&run.ctx()), Status::Pending);
    }
}
