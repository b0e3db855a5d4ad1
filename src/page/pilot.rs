//! The Verify page's proof (issue 15): test writeback with a pilot user
//! (`task::prove`: the user is checked, the reset confirmed, then sent and
//! followed to Active Directory), and the Connect server's event log
//! explained (`task::diagnose`). The new password is shown once, masked,
//! with Show and Copy; it is kept in memory only.

use std::time::Duration;

use iced::Task;
use iced::widget::{checkbox, column, row, text, text_input};

use super::Context;
use super::job::{Job, Slot, Update};
use crate::backend::any::AnyTenant;
use crate::backend::entra::pilot::{GRAPH_CLIENT_ID, GraphPilot};
use crate::backend::sync::SyncError;
use crate::backend::tenant::PilotTenant;
use crate::backend::tenant::TenantError;
use crate::task::diagnose;
use crate::task::permissions::{Audit, Outcome};
use crate::task::prove::{self, Pilot, ProveError, Report};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

mod diagnosis;

/// How long a copied password stays on the clipboard.
const CLIPBOARD_KEPT: Duration = Duration::from_secs(30);

/// Where the pilot test stands.
#[derive(Debug, Default)]
enum Stage {
    /// Not started (or the user changed).
    #[default]
    Idle,
    /// Checking the user (nothing changes yet): the last progress step.
    Checking(Option<prove::Progress>),
    /// Checked: the reset waits for confirmation.
    Confirm(Box<Pilot>),
    /// The reset and its follow-up run: the last progress step; `cancel`
    /// stops the task at its next step.
    Running {
        step: Option<prove::Progress>,
        cancel: prove::Cancel,
    },
    /// The test ended with a report.
    Done(Box<Report>),
    /// The check or the test failed (or was cancelled after the reset).
    Failed(ProveError),
}

/// The pilot test and the diagnosis.
#[derive(Debug, Default)]
pub struct State {
    user: String,
    stage: Stage,
    job: Slot,
    /// The new password is shown unmasked.
    revealed: bool,
    copied: bool,
    /// What Copy put on the clipboard, until it is cleared (30 s later,
    /// when the clipboard still holds it).
    on_clipboard: Option<crate::backend::Secret>,
    /// Test a privileged user all the same (a separate tick, shown with
    /// the reasons when the check refused one).
    allow_privileged: bool,
    /// Graph signed in with Graph's own client (not the portal's: Azure
    /// CLI's client cannot get the reset permission), kept for the run.
    graph: Option<GraphPilot>,
    /// The Connect server's event log, explained.
    diagnosis: diagnosis::Diagnosis,
}

/// Messages of the pilot test and the diagnosis.
#[derive(Debug, Clone)]
pub enum Message {
    /// The pilot user's name changed.
    User(String),
    /// Check the user (nothing changes yet).
    Check,
    /// The check reported.
    Checked(Box<Job<prove::Progress, (Pilot, Option<GraphPilot>), ProveError>>),
    /// Test a privileged user all the same (`--allow-privileged`).
    AllowPrivileged(bool),
    /// Reset its password now.
    Confirm,
    /// Stop (before the reset: nothing changed).
    Cancel,
    /// The test reported.
    Ran(Box<Job<prove::Progress, Report, ProveError>>),
    /// Show or hide the new password.
    Reveal(bool),
    /// Copy the new password to the clipboard.
    Copy,
    /// 30 s after Copy: read the clipboard.
    ClipboardCheck,
    /// What the clipboard holds then.
    ClipboardHeld(Option<crate::backend::Secret>),
    /// Read and explain the Connect server's event log.
    Diagnose,
    /// The diagnosis reported.
    Diagnosed(Job<diagnose::Progress, diagnose::Report, SyncError>),
    /// Open an exported log (JSON of Get-WinEvent, or .evtx).
    OpenExported,
    /// The file picked (None: the dialog was closed).
    ExportedPicked(Option<std::path::PathBuf>),
    /// The exported log, diagnosed (or why not).
    ExportedRead(Result<diagnose::Report, String>),
}

/// The Graph client the pilot test signs in with: the settings'
/// `graph_client_id` (Targets' field, `[tenant] graph_client_id`), else
/// Microsoft Graph Command Line Tools.
pub fn graph_client_id(settings: &crate::profile::TenantSettings) -> &str {
    settings
        .graph_client_id
        .as_deref()
        .unwrap_or(GRAPH_CLIENT_ID)
}

/// Signs in to Graph for the pilot test with Graph's client (the
/// settings' `graph_client_id`, else Microsoft Graph Command Line Tools)
/// in the browser, asking for the reset permission (incremental consent),
/// on the tenant the portal session signed in to.
async fn graph_sign_in(
    settings: &crate::profile::TenantSettings,
    tenant: &str,
) -> Result<GraphPilot, ProveError> {
    let client = graph_client_id(settings);
    let config = crate::backend::entra::SignInConfig::new(Some(tenant), Some(client))
        .and_then(|c| c.with_redirect_uri(settings.redirect_uri.as_deref()))
        .map_err(ProveError::Tenant)?;
    let mut open = crate::backend::entra::signin::system_browser;
    let signed = prove::consent(
        &config,
        crate::task::portal::Method::Browser,
        &mut open,
        &mut |_| {},
    )
    .await
    .map_err(ProveError::Tenant)?;
    Ok(signed.tenant().pilot())
}

impl State {
    /// A pilot test offering `user` (the demo's pilot; empty otherwise).
    pub fn new(user: &str) -> State {
        State {
            user: user.to_string(),
            ..State::default()
        }
    }

    /// Whether a pilot user is filled in.
    pub fn has_user(&self) -> bool {
        !self.user.trim().is_empty()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Task<Message> {
        match message {
            Message::User(v) => {
                self.user = v;
                self.job.cancel();
                self.stage = Stage::Idle;
                self.allow_privileged = false;
            }
            Message::AllowPrivileged(on) => self.allow_privileged = on,
            Message::Check => {
                let env = ctx.env.clone();
                let user = self.user.trim().to_string();
                let graph = self.graph.clone();
                let options = prove::PickOptions {
                    allow_privileged: self.allow_privileged,
                    bind_account: Some(env.settings().directory.bind_user.clone())
                        .filter(|b| !b.trim().is_empty()),
                };
                self.stage = Stage::Checking(None);
                return self
                    .job
                    .spawn(move |mut report| async move {
                        let tenant = env
                            .tenant()
                            .ok_or(ProveError::Tenant(TenantError::NotSignedIn))?;
                        let mut dir = env.directory().await?;
                        match tenant {
                            AnyTenant::Portal(portal) => {
                                let mut graph = match graph {
                                    Some(g) => g,
                                    None => {
                                        let id = AnyTenant::Portal(portal).tenant_id();
                                        graph_sign_in(&env.settings().tenant, &id).await?
                                    }
                                };
                                let pilot = prove::pick_with(
                                    &mut graph,
                                    &mut dir,
                                    &user,
                                    &options,
                                    &mut *report,
                                )
                                .await?;
                                Ok((pilot, Some(graph)))
                            }
                            mut demo => {
                                prove::pick_with(&mut demo, &mut dir, &user, &options, &mut *report)
                                    .await
                                    .map(|p| (p, None))
                            }
                        }
                    })
                    .map(|j| Message::Checked(Box::new(j)));
            }
            Message::Checked(job) if self.job.accept(&job) => match job.update {
                Update::Progress(p) => self.stage = Stage::Checking(Some(p)),
                Update::Finished(Ok((pilot, graph))) => {
                    if graph.is_some() {
                        self.graph = graph;
                    }
                    self.stage = Stage::Confirm(Box::new(pilot));
                }
                Update::Finished(Err(e)) => self.stage = Stage::Failed(e),
            },
            Message::Confirm => {
                let Stage::Confirm(pilot) = std::mem::take(&mut self.stage) else {
                    return Task::none();
                };
                let env = ctx.env.clone();
                let options = prove::Options::for_env(&env);
                let graph = self.graph.clone();
                let trail = ctx.backups.trail.clone();
                let cancel = prove::Cancel::new();
                self.stage = Stage::Running {
                    step: None,
                    cancel: cancel.clone(),
                };
                self.revealed = false;
                self.copied = false;
                return self
                    .job
                    .spawn(move |mut report| async move {
                        let mut dir = env.directory().await?;
                        if let Some(mut graph) = graph {
                            return prove::run(
                                &mut graph,
                                &mut dir,
                                &pilot,
                                &options,
                                &trail,
                                &cancel,
                                &mut *report,
                            )
                            .await;
                        }
                        let mut tenant = env
                            .tenant()
                            .ok_or(ProveError::Tenant(TenantError::NotSignedIn))?;
                        prove::run(
                            &mut tenant,
                            &mut dir,
                            &pilot,
                            &options,
                            &trail,
                            &cancel,
                            &mut *report,
                        )
                        .await
                    })
                    .map(|j| Message::Ran(Box::new(j)));
            }
            Message::Cancel => match &self.stage {
                // The task stops at its next step and says whether the
                // reset was sent (with the new password when it was).
                Stage::Running { cancel, .. } => cancel.cancel(),
                _ => {
                    self.job.cancel();
                    self.stage = Stage::Idle;
                }
            },
            Message::Ran(job) if self.job.accept(&job) => match job.update {
                Update::Progress(p) => {
                    if let Stage::Running { step, .. } = &mut self.stage {
                        *step = Some(p);
                    }
                }
                Update::Finished(Ok(report)) => self.stage = Stage::Done(Box::new(report)),
                Update::Finished(Err(e)) => self.stage = Stage::Failed(e),
            },
            Message::Reveal(on) => self.revealed = on,
            Message::Copy => {
                if let Some(password) = self.new_password() {
                    self.copied = true;
                    self.on_clipboard = Some(crate::backend::Secret::new(password.clone()));
                    return Task::batch([
                        iced::clipboard::write(password),
                        Task::perform(tokio::time::sleep(CLIPBOARD_KEPT), |_| {
                            Message::ClipboardCheck
                        }),
                    ]);
                }
            }
            Message::ClipboardCheck => {
                return iced::clipboard::read()
                    .map(|held| Message::ClipboardHeld(held.map(crate::backend::Secret::new)));
            }
            Message::ClipboardHeld(held) => {
                // Cleared only when it still holds the password (the user
                // may have copied something else since).
                if let Some(copied) = self.on_clipboard.take() {
                    if held.is_some_and(|h| h == copied) {
                        return iced::clipboard::write(String::new());
                    }
                }
            }
            Message::Diagnose
            | Message::Diagnosed(_)
            | Message::OpenExported
            | Message::ExportedPicked(_)
            | Message::ExportedRead(_) => return self.diagnosis.update(message, ctx),
            _ => {}
        }
        Task::none()
    }

    /// Hides and drops the new password (the page is left, or a
    /// screenshot is about to be taken): it is shown once, then gone.
    pub fn forget_password(&mut self) {
        self.revealed = false;
        match &mut self.stage {
            Stage::Done(r) => r.new_password = None,
            Stage::Failed(ProveError::Cancelled { new_password, .. })
            | Stage::Failed(ProveError::StatusUnknown { new_password, .. }) => *new_password = None,
            _ => {}
        }
    }

    /// The new password, when the cloud returned one (a test done, or one
    /// cancelled or lost after the reset was sent).
    fn new_password(&self) -> Option<String> {
        let secret = match &self.stage {
            Stage::Done(r) => r.new_password.as_ref(),
            Stage::Failed(ProveError::Cancelled { new_password, .. })
            | Stage::Failed(ProveError::StatusUnknown { new_password, .. }) => {
                new_password.as_ref()
            }
            _ => None,
        };
        secret.map(|s| s.expose().to_string())
    }

    /// The password box: masked, Show/Hide, Copy.
    fn password_view(&self) -> Option<Element<'_, Message>> {
        let password = self.new_password()?;
        // The mask does not tell the length.
        let shown = if self.revealed {
            password
        } else {
            "•".repeat(12)
        };
        let reveal = if self.revealed {
            widget::link(fl!("prove-hide"), Some(Message::Reveal(false)))
        } else {
            widget::link(fl!("prove-reveal"), Some(Message::Reveal(true)))
        };
        let copy = if self.copied {
            fl!("prove-copied")
        } else {
            fl!("prove-copy")
        };
        Some(
            column![
                widget::small(fl!("prove-new-password-label")),
                row![
                    text(shown).size(size::HEADING).font(iced::Font::MONOSPACE),
                    reveal,
                    widget::secondary(copy, Some(Message::Copy)),
                ]
                .spacing(12)
                .align_y(iced::Alignment::Center),
            ]
            .spacing(6)
            .into(),
        )
    }

    /// The proof card: the user, the confirmation, progress, the result.
    pub fn view<'a>(&'a self, audit: Option<&'a Audit>) -> Element<'a, Message> {
        let mut card = column![
            widget::heading(fl!("prove-title")),
            widget::small(fl!("prove-intro")),
        ]
        .spacing(10);
        let idle = matches!(self.stage, Stage::Idle | Stage::Done(_) | Stage::Failed(_));
        let input = text_input("pilot.user@contoso.com", &self.user)
            .size(size::BODY)
            .padding(8)
            .style(crate::theme::text_input);
        let input = if idle {
            input.on_input(Message::User).on_submit(Message::Check)
        } else {
            input
        };
        card = card.push(
            row![
                column![text(fl!("prove-user-label")).size(size::BODY), input]
                    .spacing(4)
                    .width(iced::Length::Fill),
                widget::secondary(
                    fl!("prove-start"),
                    (idle && !self.user.trim().is_empty()).then_some(Message::Check)
                ),
            ]
            .spacing(10)
            .align_y(iced::Alignment::End),
        );
        match &self.stage {
            Stage::Idle => {}
            Stage::Checking(step) | Stage::Running { step, .. } => {
                let label = step
                    .as_ref()
                    .map(explain::prove_progress)
                    .unwrap_or_else(|| fl!("prove-progress-finding-user"));
                card = card.push(widget::busy(label, None, Some(Message::Cancel)));
            }
            Stage::Confirm(pilot) => {
                for w in &pilot.warnings {
                    card = card.push(widget::badge_line(
                        widget::outcome(Outcome::Warning),
                        explain::pilot_warning(w),
                    ));
                }
                card = card.push(widget::body(fl!(
                    "prove-confirm",
                    user = pilot.user.user_principal_name.as_str(),
                    dn = pilot.dn.as_str()
                )));
                card = card.push(
                    row![
                        widget::destructive(fl!("prove-reset-now"), Some(Message::Confirm)),
                        widget::secondary(fl!("button-cancel"), Some(Message::Cancel)),
                    ]
                    .spacing(10),
                );
            }
            Stage::Done(report) => {
                let outcome = match report.outcome {
                    prove::Outcome::Proven => Outcome::Ok,
                    prove::Outcome::Unproven { .. } => Outcome::Warning,
                    prove::Outcome::Failed { .. } => Outcome::Blocking,
                };
                card = card.push(widget::badge_line(
                    widget::outcome(outcome),
                    explain::prove_title(&report.outcome),
                ));
                for line in explain::prove_detail(report) {
                    card = card.push(widget::body(line));
                }
                if let Some(u) = audit.and_then(|a| report.linked(a)) {
                    card = card.push(widget::body(explain::linked_finding(u)));
                }
                if let Some(p) = self.password_view() {
                    card = card.push(p);
                }
            }
            Stage::Failed(e) => {
                card = card.push(widget::error(explain::prove_error(e)));
                if matches!(e, ProveError::Privileged { .. }) {
                    card = card.push(
                        checkbox(self.allow_privileged)
                            .label(fl!("prove-allow-privileged"))
                            .text_size(size::SMALL)
                            .on_toggle(Message::AllowPrivileged),
                    );
                }
                if let Some(p) = self.password_view() {
                    card = card.push(p);
                }
            }
        }
        column![widget::card(card), self.diagnosis.view(audit)]
            .spacing(size::GAP)
            .into()
    }
}

#[cfg(test)]
mod tests;
