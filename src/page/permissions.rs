//! Active Directory permissions: the planned entries in plain language and
//! SDDL, Apply with progress, the backup and the read-back result, Undo.

use std::path::PathBuf;

use iced::Task;
use iced::widget::{column, row};

use super::job::{Job, Slot, Update};
use super::{Context, Event, Page, Status};
use crate::ad::Sid;
use crate::audit::{Action, Plane};
use crate::task::permissions::{
    self as perm, Plan, Progress, RollbackResult, TargetResult, TaskError,
};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// The page's state.
#[derive(Debug, Default)]
pub struct State {
    plan: Option<Plan>,
    /// The result of Apply, when done.
    applied: Option<Vec<TargetResult>>,
    /// The result of Undo, when done.
    undone: Option<Vec<RollbackResult>>,
    busy: Option<Busy>,
    job: Slot,
    /// A write was sent by the running job: Cancel is no longer offered.
    sent: bool,
    error: Option<TaskError>,
    /// The change stands but its audit record could not be written.
    audit_failure: Option<String>,
    /// An Apply stopped (cancelled or failed) after it may have written:
    /// Undo is offered from the run's saved backups.
    interrupted: bool,
    /// The settings the plan was made with.
    planned_with: Option<crate::profile::Settings>,
    /// "Copy SDDL" was pressed for the current plan.
    copied: bool,
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
    /// Stop (before a write is sent).
    Cancel,
    /// The plan arrived.
    Planned(Job<Progress, Plan, TaskError>),
    /// Apply reported.
    Applied(Job<Progress, Vec<TargetResult>, TaskError>),
    /// Undo reported.
    Undone(Job<Progress, Vec<RollbackResult>, TaskError>),
    /// Put the planned entries' SDDL on the clipboard.
    CopySddl,
}

impl State {
    fn plan(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.planned_with = Some(ctx.env.settings().clone());
        self.copied = false;
        let env = ctx.env.clone();
        self.busy = Some(Busy::Planning);
        self.error = None;
        self.sent = false;
        self.job
            .spawn(move |mut report| async move {
                let mut dir = env.directory().await?;
                let discovery = perm::discover(&mut dir).await?;
                perm::plan(&mut dir, &discovery, &env.grant_options(), &mut *report).await
            })
            .map(Message::Planned)
    }

    fn apply(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let Some(plan) = self.plan.clone() else {
            return Task::none();
        };
        let env = ctx.env.clone();
        let backups = ctx.backups.clone();
        self.busy = Some(Busy::Applying);
        self.error = None;
        self.sent = false;
        self.job
            .spawn(move |mut report| async move {
                let mut dir = env.directory().await?;
                // A fresh connection learns the forest's domains and their
                // DCs first, as the plan's did.
                perm::discover(&mut dir).await?;
                perm::apply(
                    &mut dir,
                    &plan,
                    &env.grant_options(),
                    &env.operator(),
                    &backups.dir,
                    &backups.trail,
                    &mut *report,
                )
                .await
            })
            .map(Message::Applied)
    }

    /// Undoes this run's grants: the backups its audit trail names, or
    /// (after an interrupted Apply) the newest run saved in the folder.
    fn undo(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let files: Vec<PathBuf> = crate::audit::standing(&ctx.backups.trail.records())
            .into_iter()
            .filter(|r| r.plane == Plane::Ad && r.action == Action::Grant)
            .filter_map(|r| r.backup.map(PathBuf::from))
            .collect();
        if files.is_empty() && !self.interrupted {
            return Task::none();
        }
        let env = ctx.env.clone();
        let trail = ctx.backups.trail.clone();
        let folder = ctx.backups.dir.clone();
        self.busy = Some(Busy::Undoing);
        self.error = None;
        self.sent = false;
        self.job
            .spawn(move |mut report| async move {
                let mut dir = env.directory().await?;
                let discovery = perm::discover(&mut dir).await?;
                let domain = discovery.default_naming_context.clone();
                let saved = perm::backups_to_undo(&dir, &discovery, &folder, &files)?;
                // A backup this machine's audit log does not know (a
                // colleague's file in the folder) is never restored from
                // the window: named, and left to the command line, which
                // asks about it.
                let mut known = trail.records();
                if let Some(log) = trail.path() {
                    known.extend(crate::audit::read(log).unwrap_or_default().records);
                }
                let foreign = perm::not_in_log(&saved, &known);
                if !foreign.is_empty() {
                    return Err(TaskError::ForeignBackup(
                        foreign.iter().map(|p| p.display().to_string()).collect(),
                    ));
                }
                perm::rollback(
                    &mut dir,
                    &saved,
                    &domain,
                    &env.operator(),
                    &trail,
                    &mut *report,
                )
                .await
            })
            .map(Message::Undone)
    }

    /// Nothing left to write: applied now, or already granted.
    /// The planned entries in SDDL, one per line, each once (the
    /// clipboard's text).
    fn sddl(&self) -> String {
        let mut lines = Vec::new();
        for t in self.plan.iter().flat_map(|p| &p.targets) {
            for ace in &t.added {
                if let Some(s) = crate::ad::sddl::format_ace(ace, None)
                    && !lines.contains(&s)
                {
                    lines.push(s);
                }
            }
        }
        lines.join("\n")
    }

    /// What the subtitle names: the objects the plan grants on (the
    /// domain roots, or the targets chosen), else the settings' targets.
    fn subtitle(&self, ctx: &Context<'_>) -> String {
        let targets: Vec<String> = match &self.plan {
            Some(plan) => plan.targets.iter().map(|t| t.dn.clone()).collect(),
            None => ctx.env.settings().directory.grant.targets.clone(),
        };
        if targets.is_empty() {
            fl!("permissions-subtitle")
        } else {
            fl!(
                "permissions-subtitle-targets",
                count = targets.len(),
                targets = targets.join("; ")
            )
        }
    }

    fn complete(&self) -> bool {
        self.applied.is_some() || self.plan.as_ref().is_some_and(|p| p.is_noop())
    }

    /// Whether Cancel is still offered: a job runs and no write was sent.
    pub fn can_cancel(&self) -> bool {
        self.job.busy() && !self.sent
    }
}

impl Page for State {
    type Message = Message;

    /// Plans on first arrival, and again when the settings changed since
    /// (unless this run already applied a plan).
    fn on_enter(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let stale = self.planned_with.as_ref() != Some(ctx.env.settings());
        if !self.job.busy() && self.applied.is_none() && (self.plan.is_none() || stale) {
            self.plan = None;
            self.plan(ctx)
        } else {
            Task::none()
        }
    }

    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Plan => return super::just(self.plan(ctx)),
            Message::Apply => return super::just(self.apply(ctx)),
            Message::Undo => return super::just(self.undo(ctx)),
            Message::CopySddl => {
                self.copied = true;
                return super::just(iced::clipboard::write(self.sddl()));
            }
            Message::Cancel => {
                if !self.can_cancel() {
                    return super::nothing();
                }
                if self.busy == Some(Busy::Applying) {
                    self.interrupted = true;
                }
                self.job.cancel();
                self.busy = None;
            }
            Message::Planned(job) if self.job.accept(&job) => {
                if let Update::Finished(r) = job.update {
                    self.busy = None;
                    match r {
                        Ok(plan) => self.plan = Some(plan),
                        Err(e) => self.error = Some(e),
                    }
                }
            }
            Message::Applied(job) if self.job.accept(&job) => match job.update {
                Update::Progress(p) => {
                    self.sent |= matches!(p, Progress::Writing { .. });
                }
                Update::Finished(r) => {
                    self.busy = None;
                    match r {
                        Ok(results) => {
                            self.applied = Some(results);
                            self.undone = None;
                            self.interrupted = false;
                            // The change stands; its record did not reach
                            // the audit log: say so.
                            self.audit_failure = ctx.backups.trail.failures().pop();
                        }
                        Err(e) => {
                            self.error = Some(e);
                            self.interrupted = true;
                        }
                    }
                }
            },
            Message::Undone(job) if self.job.accept(&job) => match job.update {
                Update::Progress(p) => {
                    self.sent |= matches!(p, Progress::Writing { .. });
                }
                Update::Finished(r) => {
                    self.busy = None;
                    match r {
                        Ok(results) => {
                            self.undone = Some(results);
                            self.applied = None;
                            self.interrupted = false;
                            return super::just(self.plan(ctx));
                        }
                        Err(e) => self.error = Some(e),
                    }
                }
            },
            _ => {}
        }
        super::nothing()
    }

    fn can_continue(&self, _ctx: &Context<'_>) -> bool {
        self.complete()
    }

    fn status(&self, _ctx: &Context<'_>) -> Status {
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

    fn view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        let mut page =
            column![widget::title(fl!("permissions-title"), self.subtitle(ctx))].spacing(size::GAP);
        if let Some(e) = &self.error {
            page = page.push(widget::error(explain::task_error(e)));
        }
        if let Some(failure) = &self.audit_failure {
            page = page.push(widget::error(fl!("audit-error", reason = failure.clone())));
        }
        if let Some(busy) = &self.busy {
            let label = match busy {
                Busy::Planning => fl!("permissions-planning"),
                Busy::Applying => fl!("permissions-applying"),
                Busy::Undoing => fl!("permissions-undoing"),
            };
            page = page.push(widget::busy(
                label,
                None,
                self.can_cancel().then_some(Message::Cancel),
            ));
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
                let mut card = column![widget::dn_heading(&t.dn)].spacing(8);
                if self.applied.is_some() {
                    card = card.push(widget::badge_line(
                        widget::outcome(perm::Outcome::Ok),
                        fl!("permissions-applied-line", count = t.added.len()),
                    ));
                } else if t.added.is_empty() {
                    card = card.push(widget::badge_line(
                        widget::outcome(perm::Outcome::Ok),
                        fl!("permissions-already-granted", dn = t.dn.as_str()),
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
                    // One entry per line; a long one wraps between its
                    // fields, never inside a GUID or SID.
                    for ace in &t.added {
                        if let Some(s) = crate::ad::sddl::format_ace(ace, None) {
                            card = card.push(widget::breakable(&format!("+ {s}"), ';'));
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
                        path = crate::runbook::text::backup(
                            &b.display().to_string(),
                            ctx.env.is_demo()
                        )
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
                    "permissions-rolled-back",
                    dn = r.dn.as_str(),
                    count = r.removed.len()
                )));
            }
            page = page.push(widget::card(card));
        }
        let idle = self.busy.is_none();
        let can_apply =
            idle && self.plan.as_ref().is_some_and(|p| !p.is_noop()) && self.applied.is_none();
        let has_sddl = self.plan.as_ref().is_some_and(|p| !p.is_noop());
        let copy = if self.copied {
            fl!("copied-sddl")
        } else {
            fl!("button-copy-sddl")
        };
        page = page.push(
            row![
                widget::primary(
                    fl!("permissions-apply"),
                    can_apply.then_some(Message::Apply)
                ),
                widget::secondary(
                    fl!("permissions-undo"),
                    (idle && (self.applied.is_some() || self.interrupted)).then_some(Message::Undo),
                ),
                widget::secondary(copy, has_sddl.then_some(Message::CopySddl)),
            ]
            .spacing(10),
        );
        page.into()
    }
}
