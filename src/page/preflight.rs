//! Pre-flight: every check with its status, explanation and fix; live
//! progress while the users are scanned. Only blocking findings stop Next.
//! The work is `task::preflight`, which `writeback-wizard check` runs too.

use iced::Task;
use iced::widget::{checkbox, column, row, text};

use super::job::Job;
use super::scan::{self, Scan, Scanner};
use super::{Context, Page, Status};
use crate::task::permissions::{self as perm, Outcome, Progress, TaskError};
use crate::task::preflight::{self, Checks};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// The page's state.
pub type State = Scanner<Checks, TaskError>;

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// Run (again).
    Run,
    /// Stop the run.
    Cancel,
    /// The task reported.
    Job(Job<Progress, Checks, TaskError>),
    /// Add an OU found with inheritance disabled to the targets (the shell
    /// changes the settings and runs pre-flight again).
    AddTarget(String),
}

/// What the page tells the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The grant's targets were chosen: the ones checked with an OU
    /// added (the domain root when none was listed), so the scope only
    /// grows.
    TargetsChosen(Vec<String>),
}

fn start(state: &mut State, ctx: &Context<'_>) -> Task<Message> {
    state.ran_with(ctx.env.revision());
    let env = ctx.env.clone();
    state
        .start(move |mut report| async move { preflight::run(&env, &mut *report).await })
        .map(Message::Job)
}

impl Page for State {
    type Message = Message;
    type Event = Event;

    /// Runs on first arrival, and again when the settings changed since.
    fn on_enter(&mut self, ctx: &Context<'_>) -> Task<Message> {
        if matches!(self.scan, Scan::Idle) || self.stale(ctx.env.revision()) {
            start(self, ctx)
        } else {
            Task::none()
        }
    }

    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Run => return super::just(start(self, ctx)),
            Message::Cancel => self.cancel(),
            Message::Job(job) => self.on_job(job),
            Message::AddTarget(dn) => {
                // The OU joins the targets checked (the domain root when
                // none was listed), so the scope only grows.
                let mut targets = match &self.scan {
                    Scan::Done(checks) => checks.targets(),
                    _ => Vec::new(),
                };
                if !targets.iter().any(|t| t.eq_ignore_ascii_case(&dn)) {
                    targets.push(dn);
                }
                return super::tell(Event::TargetsChosen(targets));
            }
        }
        super::nothing()
    }

    fn status(&self, _ctx: &Context<'_>) -> Status {
        match &self.scan {
            Scan::Idle => Status::Pending,
            Scan::Running { .. } => Status::Running,
            Scan::Failed(_) => Status::Failed,
            Scan::Done(checks) => {
                if checks.blocked() {
                    Status::Failed
                } else if checks.outcomes().any(|o| o == Outcome::Warning) {
                    Status::Warning
                } else {
                    Status::Done
                }
            }
        }
    }

    /// Next is blocked only by blocking findings (and by not having run).
    fn can_continue(&self, _ctx: &Context<'_>) -> bool {
        matches!(&self.scan, Scan::Done(checks) if !checks.blocked())
    }

    fn view(&self, _ctx: &Context<'_>) -> Element<'_, Message> {
        let header = widget::title(fl!("preflight-title"), fl!("preflight-subtitle"));
        let body: Element<'_, Message> = match &self.scan {
            Scan::Idle => column![
                widget::body(fl!("preflight-idle")),
                widget::primary(fl!("preflight-run"), Some(Message::Run)),
            ]
            .spacing(10)
            .into(),
            Scan::Running { scanned, carrying } => scan::running_view(
                fl!("preflight-running"),
                *scanned,
                *carrying,
                Message::Cancel,
            ),
            Scan::Failed(e) => {
                scan::failed_view(explain::task_error(e), fl!("preflight-run"), Message::Run)
            }
            Scan::Done(checks) => {
                let mut list = column![widget::heading(fl!("preflight-directory"))].spacing(10);
                for check in &checks.directory {
                    let line = explain::finding(&check.finding);
                    let mut lines = line.lines();
                    let first = lines.next().unwrap_or_default().to_string();
                    let mut item =
                        column![widget::badge_line(widget::outcome(check.outcome), first)]
                            .spacing(4);
                    for more in lines {
                        let more = more.trim_start();
                        // A line under the one above (a user under its
                        // reason) is indented further.
                        item = item.push(match more.strip_prefix(explain::SUB.trim_start()) {
                            Some(sub) => row![text("").width(84), widget::small(sub.to_string())],
                            None => row![
                                text("").width(70),
                                text(more.to_string()).size(size::SMALL + 1.0)
                            ],
                        });
                    }
                    if let perm::Finding::BlockedOus { ous } = &check.finding {
                        for ou in ous {
                            item = item.push(row![
                                text("").width(70),
                                crate::focus::focus(
                                    checkbox(false)
                                        .label(fl!("preflight-add-target", dn = ou.dn.as_str()))
                                        .on_toggle(|_| Message::AddTarget(ou.dn.clone()))
                                        .size(16)
                                        .text_size(size::SMALL),
                                    Some(Message::AddTarget(ou.dn.clone())),
                                ),
                            ]);
                        }
                    }
                    list = list.push(item);
                }
                let mut tenant = column![widget::heading(fl!("preflight-tenant"))].spacing(10);
                match &checks.tenant {
                    Some(Ok(findings)) => {
                        for (outcome, finding) in findings {
                            tenant = tenant.push(widget::badge_line(
                                widget::outcome(*outcome),
                                explain::portal_finding(finding),
                            ));
                        }
                    }
                    Some(Err(e)) => {
                        tenant = tenant.push(widget::badge_line(
                            widget::outcome(Outcome::Warning),
                            fl!("preflight-tenant-failed", reason = explain::tenant_error(e)),
                        ));
                    }
                    None => {
                        tenant = tenant.push(widget::badge_line(
                            widget::outcome(Outcome::Warning),
                            fl!("preflight-tenant-skipped"),
                        ));
                    }
                }
                if let Some((o, f)) = &checks.sspr {
                    tenant = tenant.push(widget::badge_line(
                        widget::outcome(*o),
                        explain::sspr_finding(f),
                    ));
                }
                column![
                    widget::card(list),
                    widget::card(tenant),
                    widget::secondary(fl!("preflight-rerun"), Some(Message::Run)),
                ]
                .spacing(10)
                .into()
            }
        };
        column![header, body].spacing(size::GAP).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::demo::DEMO_ROOT;
    use crate::page::testing::Run;

    fn checked(run: &Run) -> State {
        let mut page = State::default();
        assert!(run.enter(&mut page).is_empty(), "a run tells nothing");
        assert!(matches!(page.scan, Scan::Done(_)));
        page
    }

    #[test]
    fn arriving_checks_once_and_lets_next_pass() {
        let run = Run::demo();
        let mut page = checked(&run);
        assert_ne!(page.status(&run.ctx()), Status::Failed);
        assert!(page.can_continue(&run.ctx()), "the demo blocks nothing");
        // Entered again on the same settings: the result stands.
        let task = page.on_enter(&run.ctx());
        assert!(run.outputs(task).is_empty());
    }

    #[test]
    fn adding_an_ou_chooses_the_targets_checked_and_the_ou() {
        let run = Run::demo();
        let mut page = checked(&run);
        let ou = format!("OU=Frozen,{DEMO_ROOT}");
        assert_eq!(
            run.send(&mut page, Message::AddTarget(ou.clone())),
            [Event::TargetsChosen(vec![DEMO_ROOT.to_string(), ou])]
        );
        // A target already checked is not listed twice.
        assert_eq!(
            run.send(
                &mut page,
                Message::AddTarget(DEMO_ROOT.to_ascii_lowercase())
            ),
            [Event::TargetsChosen(vec![DEMO_ROOT.to_string()])]
        );
    }

    #[test]
    fn an_edit_of_the_settings_checks_again_on_arrival() {
        let mut run = Run::demo();
        let mut page = checked(&run);
        run.env.edit(crate::session::Edit::AdminSdHolder(true));
        // The page keeps no copy of the settings, only their revision:
        // entered after an edit, it checks again.
        let _task = page.on_enter(&run.ctx());
        assert_eq!(page.status(&run.ctx()), Status::Running);
        // Entered again without an edit, the result stands.
        let mut page = checked(&run);
        let task = page.on_enter(&run.ctx());
        assert!(run.outputs(task).is_empty());
    }

    #[test]
    fn cancel_stops_the_run() {
        let run = Run::demo();
        let mut page = State::default();
        let _task = page.on_enter(&run.ctx());
        assert_eq!(page.status(&run.ctx()), Status::Running);
        assert!(!page.can_continue(&run.ctx()));
        let _ = page.update(Message::Cancel, &run.ctx());
        assert!(matches!(page.scan, Scan::Idle));
        assert_eq!(page.status(&run.ctx()), Status::Pending);
    }
}
