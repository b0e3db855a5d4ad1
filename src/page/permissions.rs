//! Active Directory permissions: the planned entries in plain language and
//! SDDL, Apply with progress, the backup and the read-back result, Undo.

use std::path::PathBuf;

use iced::Task;

use super::job::{Job, Slot, Update};
use super::{Context, Page, Status};
use crate::audit::{Action, Plane};
use crate::task::permissions::{
    self as perm, Plan, Progress, RollbackResult, TargetResult, TaskError,
};
use crate::widget::Element;

mod view;

/// The page's state: its phase, the running job, and what the last
/// Undo did (shown until the next Apply).
#[derive(Debug, Default)]
pub struct State {
    phase: Phase,
    job: Slot,
    /// The result of the last Undo.
    undone: Option<Vec<RollbackResult>>,
    /// The settings' revision the plan was made with.
    planned_with: Option<u64>,
    /// "Copy SDDL" was pressed for the current plan.
    copied: bool,
}

/// Where the page stands. `interrupted` (carried by the phases that may
/// follow it): an Apply stopped (cancelled or failed) after it may have
/// written, so Undo is offered from the run's saved backups.
#[derive(Debug, Default)]
enum Phase {
    /// Nothing read yet.
    #[default]
    Idle,
    /// Reading the targets and computing the plan.
    Planning { interrupted: bool },
    /// The plan is shown; Apply writes it (nothing to write when it is a
    /// no-op: already granted).
    Planned { plan: Plan, interrupted: bool },
    /// Apply runs; `sent`: a write went out, Cancel is no longer offered.
    Applying { plan: Plan, sent: bool },
    /// Written and read back; `audit_failure`: the change stands but its
    /// record did not reach the audit log.
    Applied {
        plan: Plan,
        results: Vec<TargetResult>,
        audit_failure: Option<String>,
    },
    /// Undo runs; a Cancel before its write returns to `before`.
    Undoing { before: Box<Phase>, sent: bool },
    /// A job failed; `plan`: the plan still shown.
    Failed {
        error: TaskError,
        plan: Option<Plan>,
        interrupted: bool,
    },
}

impl Phase {
    /// The plan shown.
    fn plan(&self) -> Option<&Plan> {
        match self {
            Phase::Planned { plan, .. } | Phase::Applying { plan, .. } => Some(plan),
            Phase::Applied { plan, .. } => Some(plan),
            Phase::Failed { plan, .. } => plan.as_ref(),
            Phase::Undoing { before, .. } => before.plan(),
            Phase::Idle | Phase::Planning { .. } => None,
        }
    }

    /// The plan, taken out (the phase is left Idle).
    fn take_plan(&mut self) -> Option<Plan> {
        match std::mem::take(self) {
            Phase::Planned { plan, .. }
            | Phase::Applying { plan, .. }
            | Phase::Applied { plan, .. } => Some(plan),
            Phase::Failed { plan, .. } => plan,
            Phase::Undoing { mut before, .. } => before.take_plan(),
            Phase::Idle | Phase::Planning { .. } => None,
        }
    }

    /// The result of Apply, while it stands.
    fn applied(&self) -> Option<&Vec<TargetResult>> {
        match self {
            Phase::Applied { results, .. } => Some(results),
            Phase::Undoing { before, .. } => before.applied(),
            _ => None,
        }
    }

    /// Whether an Apply stopped after it may have written.
    fn interrupted(&self) -> bool {
        match self {
            Phase::Planning { interrupted }
            | Phase::Planned { interrupted, .. }
            | Phase::Failed { interrupted, .. } => *interrupted,
            Phase::Undoing { before, .. } => before.interrupted(),
            Phase::Idle | Phase::Applying { .. } | Phase::Applied { .. } => false,
        }
    }

    /// Marks that the running job sent a write.
    fn sent(&mut self) {
        if let Phase::Applying { sent, .. } | Phase::Undoing { sent, .. } = self {
            *sent = true;
        }
    }
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

/// What the page tells the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The plan was written and read back.
    Granted,
    /// This run's grants were undone.
    Undone,
}

impl State {
    fn plan(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.planned_with = Some(ctx.env.revision());
        self.copied = false;
        let env = ctx.env.clone();
        self.phase = Phase::Planning {
            interrupted: self.phase.interrupted(),
        };
        self.job
            .spawn(move |mut report| async move {
                let mut dir = env.directory().await?;
                let discovery = perm::discover(&mut dir).await?;
                perm::plan(&mut dir, &discovery, &env.grant_options(), &mut *report).await
            })
            .map(Message::Planned)
    }

    fn apply(&mut self, ctx: &Context<'_>) -> Task<Message> {
        if !self.can_apply() {
            return Task::none();
        }
        let Some(plan) = self.phase.take_plan() else {
            return Task::none();
        };
        self.phase = Phase::Applying {
            plan: plan.clone(),
            sent: false,
        };
        let env = ctx.env.clone();
        let backups = ctx.backups.clone();
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
        if self.job.busy() || (files.is_empty() && !self.phase.interrupted()) {
            return Task::none();
        }
        let env = ctx.env.clone();
        let trail = ctx.backups.trail.clone();
        let folder = ctx.backups.dir.clone();
        let before = Box::new(std::mem::take(&mut self.phase));
        self.phase = Phase::Undoing {
            before,
            sent: false,
        };
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

    /// The planned entries in SDDL, one per line, each once (the
    /// clipboard's text).
    fn sddl(&self) -> String {
        let mut lines = Vec::new();
        for t in self.phase.plan().iter().flat_map(|p| &p.targets) {
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

    /// Nothing left to write: applied now, or already granted.
    fn complete(&self) -> bool {
        match &self.phase {
            Phase::Applied { .. } => true,
            Phase::Planned { plan, .. } => plan.is_noop(),
            _ => false,
        }
    }

    /// The result of Apply, while it stands.
    fn applied(&self) -> Option<&Vec<TargetResult>> {
        self.phase.applied()
    }

    /// Whether Apply is offered: a plan with something to write, not
    /// applied, no job running.
    fn can_apply(&self) -> bool {
        match &self.phase {
            Phase::Planned { plan, .. }
            | Phase::Failed {
                plan: Some(plan), ..
            } => !plan.is_noop(),
            _ => false,
        }
    }

    /// Whether Undo is offered: applied, or an Apply was interrupted.
    fn can_undo(&self) -> bool {
        match &self.phase {
            Phase::Applied { .. } => true,
            Phase::Planned { interrupted, .. } | Phase::Failed { interrupted, .. } => *interrupted,
            _ => false,
        }
    }

    /// Whether Cancel is still offered: a job runs and no write was sent.
    pub fn can_cancel(&self) -> bool {
        self.job.busy()
            && match &self.phase {
                Phase::Planning { .. } => true,
                Phase::Applying { sent, .. } | Phase::Undoing { sent, .. } => !sent,
                _ => false,
            }
    }

    /// Stops the running job before its write: an Apply leaves its plan
    /// interrupted (it may have written), an Undo returns to where it
    /// started.
    fn cancel(&mut self) {
        if !self.can_cancel() {
            return;
        }
        self.job.cancel();
        self.phase = match std::mem::take(&mut self.phase) {
            Phase::Applying { plan, .. } => Phase::Planned {
                plan,
                interrupted: true,
            },
            Phase::Undoing { before, .. } => *before,
            _ => Phase::Idle,
        };
    }

    /// A job failed.
    fn failed(&mut self, error: TaskError) {
        let interrupted = match &self.phase {
            Phase::Applying { .. } | Phase::Undoing { .. } => true,
            other => other.interrupted(),
        };
        let plan = self.phase.take_plan();
        self.phase = Phase::Failed {
            error,
            plan,
            interrupted,
        };
    }
}

impl Page for State {
    type Message = Message;
    type Event = Event;

    /// Plans on first arrival, and again when the settings changed since
    /// (unless this run already applied a plan, or a job runs).
    fn on_enter(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let stale = self.planned_with != Some(ctx.env.revision());
        let replan = match &self.phase {
            Phase::Idle | Phase::Failed { plan: None, .. } => true,
            Phase::Planned { .. } | Phase::Failed { .. } => stale,
            _ => false,
        };
        if replan && !self.job.busy() {
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
            Message::Cancel => self.cancel(),
            Message::Planned(job) if self.job.accept(&job) => match job.update {
                Update::Progress(_) => {}
                Update::Finished(Ok(plan)) => {
                    self.phase = Phase::Planned {
                        plan,
                        interrupted: self.phase.interrupted(),
                    }
                }
                Update::Finished(Err(e)) => self.failed(e),
            },
            Message::Applied(job) if self.job.accept(&job) => match job.update {
                Update::Progress(p) => {
                    if matches!(p, Progress::Writing { .. }) {
                        self.phase.sent();
                    }
                }
                Update::Finished(Ok(results)) => {
                    let plan = self.phase.take_plan();
                    let Some(plan) = plan else {
                        return super::nothing();
                    };
                    self.undone = None;
                    self.phase = Phase::Applied {
                        plan,
                        results,
                        // The change stands; its record did not reach the
                        // audit log: say so.
                        audit_failure: ctx.backups.trail.failures().pop(),
                    };
                    return super::tell(Event::Granted);
                }
                Update::Finished(Err(e)) => self.failed(e),
            },
            Message::Undone(job) if self.job.accept(&job) => match job.update {
                Update::Progress(p) => {
                    if matches!(p, Progress::Writing { .. }) {
                        self.phase.sent();
                    }
                }
                Update::Finished(Ok(results)) => {
                    self.undone = Some(results);
                    self.phase = Phase::Idle;
                    return (self.plan(ctx), Some(Event::Undone));
                }
                Update::Finished(Err(e)) => self.failed(e),
            },
            _ => {}
        }
        super::nothing()
    }

    fn can_continue(&self, _ctx: &Context<'_>) -> bool {
        self.complete()
    }

    fn status(&self, _ctx: &Context<'_>) -> Status {
        match &self.phase {
            Phase::Planning { .. } | Phase::Applying { .. } | Phase::Undoing { .. } => {
                Status::Running
            }
            Phase::Failed { .. } => Status::Failed,
            Phase::Applied { .. } => Status::Done,
            Phase::Planned { plan, .. } if plan.is_noop() => Status::Done,
            Phase::Idle | Phase::Planned { .. } => Status::Pending,
        }
    }

    fn view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        view::page(self, ctx)
    }
}

#[cfg(test)]
mod tests;
