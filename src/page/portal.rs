//! Entra portal: the on-premises integration toggles, current → desired,
//! Apply, the result, Undo. Without a tenant backend (real runs, until step
//! 3's API client exists) it shows the exact clicks and the deep link.

use iced::Task;
use iced::widget::{button, column, row, text};

use super::Status;
use super::job::{self, Update};
use super::switch::Switch;
use crate::backend::tenant::PortalPolicy;
use crate::fl;
use crate::session::Env;
use crate::task::permissions::Outcome;
use crate::task::portal::{self, Progress};
use crate::widget::{self, Element, size};

/// The portal's deep link to the settings.
pub const DEEP_LINK: &str = "https://entra.microsoft.com/#view/Microsoft_AAD_IAM/PasswordResetMenuBlade/~/OnPremisesIntegration/fromNav/Identity";

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    /// The setting, its job and its result.
    pub switch: Switch<PortalPolicy, Progress>,
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
    /// Stop.
    Cancel,
    /// A job reported.
    Job(Update<Progress, PortalPolicy>),
}

impl State {
    /// Reads the policy (on entering the page).
    pub fn start(&mut self, env: &Env) -> Task<Message> {
        self.run(env, None)
    }

    fn run(&mut self, env: &Env, set: Option<bool>) -> Task<Message> {
        let Env::Demo(org) = env else {
            return Task::none();
        };
        let mut tenant = org.tenant();
        let (task, handle) = job::spawn(move |mut report| async move {
            let r = match set {
                None => portal::status(&mut tenant).await,
                Some(on) => portal::set(&mut tenant, on, &mut *report).await,
            };
            r.map_err(|e| fl!("portal-error", reason = e.to_string()))
        });
        self.switch.started(handle);
        task.map(Message::Job)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, env: &Env) -> Task<Message> {
        match message {
            Message::Refresh => return self.run(env, None),
            Message::Apply => {
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

    /// Both toggles on (or, without a backend, the manual step shown).
    pub fn complete(&self, env: &Env) -> bool {
        !env.is_demo() || self.switch.value.is_some_and(|p| p.writeback && p.unlock)
    }

    /// The sidebar status.
    pub fn status(&self, env: &Env) -> Status {
        self.switch.status(env.is_demo(), self.complete(env))
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
            widget::outcome(if current {
                Outcome::Ok
            } else {
                Outcome::Warning
            }),
            fl!(
                "portal-toggle",
                setting = label,
                current = state(current),
                desired = state(true)
            ),
        )
    }

    /// The page's view.
    pub fn view(&self, env: &Env) -> Element<'_, Message> {
        let mut page =
            column![widget::title(fl!("portal-title"), fl!("portal-subtitle"))].spacing(size::GAP);
        if !env.is_demo() {
            return page
                .push(widget::card(
                    column![
                        widget::heading(fl!("portal-manual")),
                        widget::body(fl!("portal-manual-steps")),
                        widget::small(DEEP_LINK.to_string()),
                    ]
                    .spacing(8),
                ))
                .into();
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
            page = page.push(widget::card(
                column![
                    Self::toggle_line(fl!("portal-writeback"), p.writeback),
                    Self::toggle_line(fl!("portal-unlock"), p.unlock),
                ]
                .spacing(8),
            ));
        }
        let idle = self.switch.busy.is_none();
        let done = self.switch.value.is_some_and(|p| p.writeback && p.unlock);
        page.push(
            row![
                button(text(fl!("portal-apply")).size(size::BODY))
                    .on_press_maybe(
                        (idle && self.switch.value.is_some() && !done).then_some(Message::Apply)
                    )
                    .padding([8, 16]),
                button(text(fl!("portal-undo")).size(size::BODY))
                    .on_press_maybe((idle && done && self.switch.changed).then_some(Message::Undo))
                    .style(button::secondary)
                    .padding([8, 16]),
            ]
            .spacing(10),
        )
        .into()
    }
}
