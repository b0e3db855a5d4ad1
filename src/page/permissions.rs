//! Active Directory permissions: the planned entries in plain language and
//! SDDL, Apply with progress, the backup and the read-back result, Undo.

use std::path::PathBuf;

use iced::Task;
use iced::widget::{button, column, row, text};

use super::Status;
use super::job::{self, Update};
use crate::ad::Sid;
use crate::audit::Trail;
use crate::backend::Directory;
use crate::session::Env;
use crate::task::permissions::{
    self as perm, Backup, Plan, Progress, RollbackResult, TargetResult,
};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// Where a run's backups go, and the audit trail that records its changes
/// (and whose clock stamps backups and records).
#[derive(Debug, Clone)]
pub struct Backups {
    /// Directory.
    pub dir: PathBuf,
    /// The audit trail.
    pub trail: Trail,
}

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    plan: Option<Plan>,
    /// The result of Apply, when done.
    pub applied: Option<Vec<TargetResult>>,
    /// The result of Undo, when done.
    pub undone: Option<Vec<RollbackResult>>,
    busy: Option<(Busy, iced::task::Handle)>,
    error: Option<String>,
    /// An Apply stopped (cancelled or failed) after it may have written:
    /// Undo is offered from the run's saved backups.
    interrupted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Planning,
    Applying,
    Undoing,
}

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// Read the targets and compute the plan.
    Plan,
    /// Write the plan.
    Apply,
    /// Undo the grant.
    Undo,
    /// Stop.
    Cancel,
    /// The plan arrived.
    Planned(Update<Progress, Plan>),
    /// Apply ended.
    Applied(Update<Progress, Vec<TargetResult>>),
    /// Undo ended.
    Undone(Update<Progress, Vec<RollbackResult>>),
}

/// The account the directory is changed as.
fn operator(env: &Env) -> String {
    match env {
        Env::Real(r) => r.connect.bind_user.clone(),
        Env::Demo(_) => "CONTOSO\\helpdesk-admin".into(),
    }
}

impl State {
    /// Computes the plan (on entering the page).
    pub fn start(&mut self, env: &Env) -> Task<Message> {
        let env = env.clone();
        let (task, handle) = job::spawn(move |mut report| async move {
            let mut dir = env
                .directory()
                .await
                .map_err(|e| explain::directory_error(&e))?;
            let discovery = perm::discover(&mut dir)
                .await
                .map_err(|e| explain::task_error(&e))?;
            perm::plan(&mut dir, &discovery, &env.grant_options(), &mut *report)
                .await
                .map_err(|e| explain::task_error(&e))
        });
        self.busy = Some((Busy::Planning, handle));
        self.error = None;
        task.map(Message::Planned)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, env: &Env, backups: &Backups) -> Task<Message> {
        match message {
            Message::Plan => return self.start(env),
            Message::Cancel => {
                if matches!(self.busy, Some((Busy::Applying, _))) {
                    self.interrupted = true;
                }
                self.busy = None;
            }
            Message::Apply => {
                let Some(plan) = self.plan.clone() else {
                    return Task::none();
                };
                let env = env.clone();
                let backups = backups.clone();
                let (task, handle) = job::spawn(move |mut report| async move {
                    let mut dir = env
                        .directory()
                        .await
                        .map_err(|e| explain::directory_error(&e))?;
                    let operator = operator(&env);
                    perm::apply(
                        &mut dir,
                        &plan,
                        &env.grant_options(),
                        &operator,
                        &backups.dir,
                        &backups.trail,
                        &mut *report,
                    )
                    .await
                    .map_err(|e| explain::task_error(&e))
                });
                self.busy = Some((Busy::Applying, handle));
                self.error = None;
                return task.map(Message::Applied);
            }
            Message::Undo => {
                // The files Apply reported, or (after an interrupted Apply)
                // the newest run saved in the backup folder.
                let files: Option<Vec<PathBuf>> = self
                    .applied
                    .as_ref()
                    .map(|a| a.iter().filter_map(|t| t.backup.clone()).collect());
                if files.is_none() && !self.interrupted {
                    return Task::none();
                }
                let env = env.clone();
                let trail = backups.trail.clone();
                let folder = backups.dir.clone();
                let (task, handle) = job::spawn(move |mut report| async move {
                    let mut dir = env
                        .directory()
                        .await
                        .map_err(|e| explain::directory_error(&e))?;
                    let fail = |e: perm::TaskError| explain::task_error(&e);
                    let server = dir.server();
                    let domain = perm::discover(&mut dir)
                        .await
                        .map_err(fail)?
                        .default_naming_context;
                    let mut saved: Vec<(PathBuf, Backup)> = Vec::new();
                    match files {
                        Some(files) => {
                            for f in &files {
                                saved.extend(
                                    perm::load_backups(
                                        f.parent().unwrap_or(f),
                                        Some(f),
                                        &server,
                                        &domain,
                                    )
                                    .map_err(fail)?,
                                );
                            }
                        }
                        None => {
                            saved =
                                perm::load_backups(&folder, None, &server, &domain).map_err(fail)?
                        }
                    }
                    perm::rollback(
                        &mut dir,
                        &saved,
                        &domain,
                        &operator(&env),
                        &trail,
                        &mut *report,
                    )
                    .await
                    .map_err(fail)
                });
                self.busy = Some((Busy::Undoing, handle));
                self.error = None;
                return task.map(Message::Undone);
            }
            Message::Planned(Update::Finished(r)) => {
                self.busy = None;
                match r {
                    Ok(plan) => self.plan = Some(plan),
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Applied(Update::Finished(r)) => {
                self.busy = None;
                match r {
                    Ok(results) => {
                        self.applied = Some(results);
                        self.undone = None;
                        self.interrupted = false;
                        // The change stands; its record did not reach the
                        // audit log: say so.
                        if let Some(failure) = backups.trail.failures().pop() {
                            self.error = Some(fl!("audit-error", reason = failure));
                        }
                    }
                    Err(e) => {
                        self.error = Some(e);
                        self.interrupted = true;
                    }
                }
            }
            Message::Undone(Update::Finished(r)) => {
                self.busy = None;
                match r {
                    Ok(results) => {
                        self.undone = Some(results);
                        self.applied = None;
                        self.interrupted = false;
                        return self.start(env);
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Planned(Update::Progress(_))
            | Message::Applied(Update::Progress(_))
            | Message::Undone(Update::Progress(_)) => {}
        }
        Task::none()
    }

    /// Nothing left to write: applied now, or already granted.
    pub fn complete(&self) -> bool {
        self.applied.is_some() || self.plan.as_ref().is_some_and(|p| p.is_noop())
    }

    /// The sidebar status.
    pub fn status(&self) -> Status {
        if self.busy.is_some() {
            Status::Running
        } else if self.error.is_some() {
            Status::Failed
        } else if self.complete() {
            Status::Done
        } else {
            Status::Pending
        }
    }

    /// The page's view.
    pub fn view(&self) -> Element<'_, Message> {
        let mut page = column![widget::title(
            fl!("permissions-title"),
            fl!("permissions-subtitle")
        )]
        .spacing(size::GAP);
        if let Some(e) = &self.error {
            page = page.push(widget::error(e.clone()));
        }
        if let Some((busy, _)) = &self.busy {
            let label = match busy {
                Busy::Planning => fl!("permissions-planning"),
                Busy::Applying => fl!("permissions-applying"),
                Busy::Undoing => fl!("permissions-undoing"),
            };
            page = page.push(widget::busy(label, None, Message::Cancel));
        }
        if let Some(plan) = &self.plan {
            let account = plan.account.clone();
            let name = move |sid: &Sid| {
                if sid.to_string() == account.sid {
                    account.sam_account_name.clone()
                } else {
                    explain::well_known_trustee(sid)
                }
            };
            for t in &plan.targets {
                let mut card = column![widget::heading(t.dn.clone())].spacing(8);
                if self.applied.is_some() {
                    card = card.push(widget::badge_line(
                        widget::outcome(perm::Outcome::Ok),
                        fl!("permissions-applied-line", count = t.added.len()),
                    ));
                } else if t.added.is_empty() {
                    card = card.push(widget::badge_line(
                        widget::outcome(perm::Outcome::Ok),
                        fl!("cli-already-granted", dn = t.dn.as_str()),
                    ));
                } else {
                    card = card.push(widget::body(fl!(
                        "permissions-will-add",
                        count = t.added.len()
                    )));
                }
                if !t.added.is_empty() {
                    for ace in &t.added {
                        card = card.push(widget::body(format!(
                            "  + {}",
                            explain::ace_line(ace, &name)
                        )));
                    }
                    card = card.push(widget::small(fl!("permissions-sddl-added")));
                    for ace in &t.added {
                        if let Some(s) = crate::ad::sddl::format_ace(ace, None) {
                            card = card.push(widget::small(format!("+ {s}")));
                        }
                    }
                }
                page = page.push(widget::card(card));
            }
        }
        if let Some(results) = &self.applied {
            let mut card = column![widget::heading(fl!("permissions-result"))].spacing(8);
            for r in results {
                card = card.push(widget::badge_line(
                    widget::outcome(perm::Outcome::Ok),
                    fl!("permissions-read-back", dn = r.dn.as_str()),
                ));
                if let Some(b) = &r.backup {
                    card = card.push(widget::small(fl!(
                        "permissions-backup",
                        path = b.display().to_string()
                    )));
                }
            }
            card = card.push(widget::small(fl!("permissions-propagation")));
            page = page.push(widget::card(card));
        }
        if let Some(results) = &self.undone {
            let mut card = column![widget::heading(fl!("permissions-undone"))].spacing(8);
            for r in results {
                card = card.push(widget::body(fl!(
                    "cli-rolled-back",
                    dn = r.dn.as_str(),
                    count = r.removed.len()
                )));
            }
            page = page.push(widget::card(card));
        }
        let idle = self.busy.is_none();
        let can_apply =
            idle && self.plan.as_ref().is_some_and(|p| !p.is_noop()) && self.applied.is_none();
        page = page.push(
            row![
                button(text(fl!("permissions-apply")).size(size::BODY))
                    .on_press_maybe(can_apply.then_some(Message::Apply))
                    .padding([8, 16]),
                button(text(fl!("permissions-undo")).size(size::BODY))
                    .on_press_maybe(
                        (idle && (self.applied.is_some() || self.interrupted))
                            .then_some(Message::Undo),
                    )
                    .style(button::secondary)
                    .padding([8, 16]),
            ]
            .spacing(10),
        );
        page.into()
    }
}
