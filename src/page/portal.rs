//! Entra portal: the on-premises integration toggles, current → desired,
//! Apply, the result, Undo. Not signed in, or when the portal's API refuses
//! or has changed, it falls back to a guided manual step: the exact clicks,
//! a button opening the portal's page, and a re-check.

use iced::Task;
use iced::widget::{button, column, row, text};

use super::Status;
use super::job::{self, Update};
use super::switch::{self, Switch};
use crate::audit::Trail;
use crate::backend::tenant::PortalPolicy;
use crate::session::Env;
use crate::task::permissions::Outcome;
use crate::task::portal::{self, Progress};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// The portal's deep link to the settings.
pub const DEEP_LINK: &str = "https://entra.microsoft.com/#view/Microsoft_AAD_IAM/PasswordResetMenuBlade/~/OnPremisesIntegration/fromNav/Identity";

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// The setting, its job and its result.
    pub switch: Switch<PortalPolicy, Progress>,
    /// Why the API cannot be used (the manual step is shown instead).
    pub manual: Option<String>,
}

/// A job's answer: the policy, or the reason to do it by hand.
pub type Reply = Result<PortalPolicy, String>;

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// Read the policy.
    Refresh,
    /// Turn both on.
    Apply,
    /// Turn both off again.
    Undo,
    /// Stop.
    Cancel,
    /// A job reported.
    Job(Update<Progress, Reply>),
    /// Open the admin center's page.
    OpenPortal,
}

impl State {
    /// Reads the policy (on entering the page).
    pub fn start(&mut self, env: &Env) -> Task<Message> {
        self.run(env, None, &Trail::new(None))
    }

    fn run(&mut self, env: &Env, set: Option<bool>, trail: &Trail) -> Task<Message> {
        let Some(mut tenant) = env.tenant() else {
            return Task::none();
        };
        let trail = trail.clone();
        let (task, handle) = job::spawn(move |mut report| async move {
            let r = match set {
                None => portal::status(&mut tenant).await,
                Some(on) => portal::set(&mut tenant, on, &trail, &mut *report).await,
            };
            match r {
                Ok(p) => Ok(Ok(p)),
                Err(e) if e.needs_manual_step() => Ok(Err(explain::tenant_error(&e))),
                Err(e) => Err(explain::tenant_error(&e)),
            }
        });
        self.switch.started(handle);
        task.map(Message::Job)
    }

    /// Whether the settings are switched by the wizard (signed in, and the
    /// API usable), rather than by hand.
    fn automated(&self, env: &Env) -> bool {
        env.has_tenant() && self.manual.is_none()
    }

    /// Handles a message; switches are recorded in `trail`.
    pub fn update(&mut self, message: Message, env: &Env, trail: &Trail) -> Task<Message> {
        match message {
            Message::Refresh => return self.run(env, None, trail),
            Message::Apply => {
                self.switch.changed = true;
                return self.run(env, Some(true), trail);
            }
            Message::Undo => {
                self.switch.changed = false;
                return self.run(env, Some(false), trail);
            }
            Message::Cancel => self.switch.cancel(),
            Message::Job(Update::Progress(p)) => self.switch.on_update(Update::Progress(p)),
            Message::Job(Update::Finished(Ok(Ok(policy)))) => {
                self.manual = None;
                self.switch.on_update(Update::Finished(Ok(policy)));
            }
            Message::Job(Update::Finished(Ok(Err(reason)))) => {
                self.switch.cancel();
                self.switch.changed = false;
                self.manual = Some(reason);
            }
            Message::Job(Update::Finished(Err(e))) => {
                self.switch.on_update(Update::Finished(Err(e)))
            }
            Message::OpenPortal => {
                if let Err(e) = open::that_detached(DEEP_LINK) {
                    tracing::warn!(error = %e, "could not open the browser");
                }
            }
        }
        Task::none()
    }

    /// Both toggles on (or the manual step shown instead).
    pub fn complete(&self, env: &Env) -> bool {
        !self.automated(env) || self.switch.value.is_some_and(|p| p.writeback && p.unlock)
    }

    /// The sidebar status.
    pub fn status(&self, env: &Env) -> Status {
        self.switch.status(self.automated(env), self.complete(env))
    }

    /// The guided manual step, with the reason the wizard cannot do it.
    fn manual_view(&self, env: &Env) -> Element<'_, Message> {
        let signed_in = env.has_tenant();
        let mut card = column![widget::heading(fl!("portal-manual"))].spacing(8);
        match &self.manual {
            Some(reason) => card = card.push(widget::error(reason.clone())),
            None => card = card.push(widget::small(fl!("portal-not-signed-in"))),
        }
        card = card
            .push(widget::body(fl!("portal-manual-steps")))
            .push(widget::small(DEEP_LINK.to_string()))
            .push(
                row![
                    button(text(fl!("portal-open")).size(size::BODY))
                        .on_press(Message::OpenPortal)
                        .padding([8, 16]),
                    button(text(fl!("portal-recheck")).size(size::BODY))
                        .on_press_maybe(
                            (signed_in && self.switch.busy.is_none()).then_some(Message::Refresh)
                        )
                        .style(button::secondary)
                        .padding([8, 16]),
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

    /// Both toggles, current → desired.
    fn policy_card<'a>(p: PortalPolicy) -> Element<'a, Message> {
        widget::card(
            column![
                Self::toggle_line(fl!("portal-writeback"), p.writeback),
                Self::toggle_line(fl!("portal-unlock"), p.unlock),
            ]
            .spacing(8),
        )
    }

    /// The page's view.
    pub fn view(&self, env: &Env) -> Element<'_, Message> {
        let mut page =
            column![widget::title(fl!("portal-title"), fl!("portal-subtitle"))].spacing(size::GAP);
        if !self.automated(env) {
            page = page.push(self.manual_view(env));
            if self.switch.busy.is_some() {
                page = page.push(widget::busy(fl!("portal-reading"), None, Message::Cancel));
            }
            if let Some(p) = self.switch.value {
                page = page.push(Self::policy_card(p));
            }
            return page.into();
        }
        page = page.push(widget::small(fl!("portal-undocumented")));
        if let Some(e) = &self.switch.error {
            page = page.push(widget::error(e.clone()));
        }
        if let Some((step, _)) = &self.switch.busy {
            let label = match step {
                None | Some(Progress::Reading) => fl!("portal-reading"),
                Some(Progress::Writeback) => fl!("portal-setting-writeback"),
                Some(Progress::Unlock) => fl!("portal-setting-unlock"),
                Some(Progress::ReadingBack) => fl!("portal-reading-back"),
            };
            let fraction = match step {
                None | Some(Progress::Reading) => 0.15,
                Some(Progress::Writeback) => 0.4,
                Some(Progress::Unlock) => 0.65,
                Some(Progress::ReadingBack) => 0.9,
            };
            page = page.push(widget::busy(label, Some(fraction), Message::Cancel));
        }
        if let Some(p) = self.switch.value {
            page = page.push(Self::policy_card(p));
        }
        let idle = self.switch.busy.is_none();
        let done = self.switch.value.is_some_and(|p| p.writeback && p.unlock);
        page.push(switch::actions(
            fl!("portal-apply"),
            (idle && self.switch.value.is_some() && !done).then_some(Message::Apply),
            fl!("portal-undo"),
            (idle && done && self.switch.changed).then_some(Message::Undo),
        ))
        .into()
    }
}
