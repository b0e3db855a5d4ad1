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
use crate::backend::sync::{SyncError, SyncServer};
use crate::backend::tenant::PilotTenant;
use crate::backend::tenant::TenantError;
use crate::task::access::FIRST_USERS;
use crate::task::diagnose;
use crate::task::permissions::{Audit, Outcome};
use crate::task::prove::{self, Pilot, ProveError, Report};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// How long a copied password stays on the clipboard.
const CLIPBOARD_KEPT: Duration = Duration::from_secs(30);

/// How far back Diagnose reads.
const SINCE: Duration = Duration::from_secs(24 * 3600);

#[derive(Debug, Default)]
enum Stage {
    #[default]
    Idle,
    Checking,
    Confirm(Box<Pilot>),
    Running,
    Done(Box<Report>),
    Failed(ProveError),
}

/// The pilot test and the diagnosis.
#[derive(Debug, Default)]
pub struct State {
    user: String,
    stage: Stage,
    step: Option<prove::Progress>,
    job: Slot,
    cancel: Option<prove::Cancel>,
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
    diagnosis: Option<Result<diagnose::Report, SyncError>>,
    /// Why an exported log could not be read.
    exported_error: Option<String>,
    diagnosing: Slot,
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

    /// Whether the reset may be running (Cancel then means "after").
    fn running(&self) -> bool {
        matches!(self.stage, Stage::Running)
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
                self.stage = Stage::Checking;
                self.step = None;
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
                Update::Progress(p) => self.step = Some(p),
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
                self.cancel = Some(cancel.clone());
                self.stage = Stage::Running;
                self.step = None;
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
            Message::Cancel => {
                if self.running() {
                    // The task stops at its next step and says whether the
                    // reset was sent (with the new password when it was).
                    if let Some(c) = &self.cancel {
                        c.cancel();
                    }
                } else {
                    self.job.cancel();
                    self.stage = Stage::Idle;
                }
            }
            Message::Ran(job) if self.job.accept(&job) => match job.update {
                Update::Progress(p) => self.step = Some(p),
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
            Message::Diagnose => {
                let mut server = ctx.env.sync_server();
                let since = crate::audit::env_fixed_time()
                    .unwrap_or_else(|| ctx.backups.trail.now())
                    .checked_sub(SINCE)
                    .unwrap_or(std::time::UNIX_EPOCH);
                self.diagnosis = None;
                return self
                    .diagnosing
                    .spawn(move |mut report| async move {
                        let host = server.host();
                        diagnose::run(&mut server, host, since, &mut *report).await
                    })
                    .map(Message::Diagnosed);
            }
            Message::OpenExported => {
                let title = fl!("diag-open-exported");
                return Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_title(title)
                            .add_filter("JSON, EVTX", &["json", "evtx"])
                            .pick_file()
                            .await
                            .map(|f| f.path().to_path_buf())
                    },
                    Message::ExportedPicked,
                );
            }
            Message::ExportedPicked(Some(path)) => {
                return Task::perform(
                    async move {
                        tokio::task::spawn_blocking(move || {
                            crate::task::eventfile::report(&path).map_err(|e| {
                                fl!(
                                    "diag-error-from",
                                    path = path.display().to_string(),
                                    reason = e.to_string()
                                )
                            })
                        })
                        .await
                        .unwrap_or_else(|e| Err(e.to_string()))
                    },
                    Message::ExportedRead,
                );
            }
            Message::ExportedRead(result) => match result {
                Ok(report) => {
                    self.exported_error = None;
                    self.diagnosis = Some(Ok(report));
                }
                Err(e) => self.exported_error = Some(e),
            },
            Message::Diagnosed(job) if self.diagnosing.accept(&job) => {
                if let Update::Finished(r) = job.update {
                    self.diagnosis = Some(r);
                }
            }
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
            Stage::Checking | Stage::Running => {
                let label = self
                    .step
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
        column![widget::card(card), self.diagnosis_view(audit)]
            .spacing(size::GAP)
            .into()
    }

    /// The event log card: Diagnose, then each entry with cause and fix.
    fn diagnosis_view<'a>(&'a self, audit: Option<&'a Audit>) -> Element<'a, Message> {
        let mut card = column![
            widget::heading(fl!("diag-title")),
            widget::small(fl!("diag-intro")),
        ]
        .spacing(8);
        if self.diagnosing.busy() {
            card = card.push(widget::busy(fl!("diag-progress-reading"), None, None));
        }
        match &self.diagnosis {
            None => {}
            Some(Err(e)) => card = card.push(widget::error(explain::sync_error(e))),
            Some(Ok(report)) if report.entries.is_empty() => {
                card = card.push(widget::body(fl!("diag-none")));
            }
            Some(Ok(report)) => {
                card = card.push(widget::small(fl!(
                    "diag-header",
                    host = report.host.as_str(),
                    since = report.since.as_str(),
                    count = report.entries.len()
                )));
                for d in report.entries.iter().take(FIRST_USERS * 2) {
                    let outcome = if d.problem {
                        Outcome::Warning
                    } else {
                        Outcome::Ok
                    };
                    let mut lines = explain::diagnosis_lines(d).into_iter();
                    let first = lines.next().unwrap_or_default();
                    let mut item =
                        column![widget::badge_line(widget::outcome(outcome), first)].spacing(2);
                    for line in lines {
                        item = item.push(widget::small(line));
                    }
                    if let Some(u) = audit.and_then(|a| d.linked(a)) {
                        item = item.push(widget::small(explain::linked_finding(u)));
                    }
                    card = card.push(item);
                }
            }
        }
        if let Some(e) = &self.exported_error {
            card = card.push(widget::error(e.clone()));
        }
        card = card.push(
            row![
                widget::secondary(
                    fl!("diag-start"),
                    (!self.diagnosing.busy()).then_some(Message::Diagnose),
                ),
                widget::secondary(
                    fl!("diag-open-exported"),
                    (!self.diagnosing.busy()).then_some(Message::OpenExported),
                ),
            ]
            .spacing(10),
        );
        widget::card(card)
    }
}
