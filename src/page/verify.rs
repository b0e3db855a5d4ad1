//! Verify: all three planes read again; how many users carry the
//! permission; who does not, and why. The work is `task::verify`, which
//! `writeback-wizard verify` runs too.

use iced::Task;
use iced::widget::{column, row, text};

use super::job::{Job, Update};
use super::scan::{self, Scan, Scanner};
use super::{Context, Page, Status};
use crate::task::permissions::{Outcome, Progress, TaskError};
use crate::task::verify::{self, Planes, Read, Report};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// The page's state: the planes read, and the proof with a pilot user.
#[derive(Debug, Default)]
pub struct State {
    scanner: Scanner<Report, TaskError>,
    pilot: super::pilot::State,
    /// Every domain controller (issue 25).
    dcs: super::dcs::State,
}

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// Run again.
    Run,
    /// Stop.
    Cancel,
    /// The task reported.
    Job(Box<Job<Progress, Report, TaskError>>),
    /// The pilot test and the diagnosis.
    Pilot(Box<super::pilot::Message>),
    /// The DC table.
    Dcs(Box<super::dcs::Message>),
}

/// What the page tells the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The planes were read: how many users the grant does not reach.
    Verified {
        /// Users out of reach.
        unreached: u64,
    },
}

fn start(state: &mut State, ctx: &Context<'_>) -> Task<Message> {
    state.scanner.ran_with(ctx.env.revision());
    let env = ctx.env.clone();
    state
        .scanner
        .start(move |mut report| async move { verify::run(&env, Planes::ALL, &mut *report).await })
        .map(|j| Message::Job(Box::new(j)))
}

/// Each plane's line: its state, or why it could not be read.
fn plane_lines(r: &Report) -> Vec<(Outcome, String)> {
    let mut lines = Vec::new();
    match &r.directory {
        Read::Read((_, a)) => lines.push((
            Outcome::ok_if(a.carrying == a.scanned, Outcome::Warning),
            fl!("verify-summary", carrying = a.carrying, total = a.scanned),
        )),
        Read::Failed(e) => lines.push((Outcome::Warning, explain::task_error(e))),
        Read::Skipped => {}
    }
    lines.push(
        explain::connect_plane(&r.sync, Outcome::Warning)
            .unwrap_or_else(|| (Outcome::Warning, fl!("verify-connect-skipped"))),
    );
    lines.push(
        explain::portal_plane(&r.portal, Outcome::Warning)
            .unwrap_or_else(|| (Outcome::Warning, fl!("verify-portal-unread"))),
    );
    lines
}

impl State {
    /// Hides and drops the pilot test's new password (the page is left,
    /// or a screenshot is about to be taken).
    pub fn forget_password(&mut self) {
        self.pilot.forget_password();
    }
}

impl Page for State {
    type Message = Message;
    type Event = Event;

    fn on_enter(&mut self, ctx: &Context<'_>) -> Task<Message> {
        if ctx.env.is_demo() && !self.pilot.has_user() {
            self.pilot = super::pilot::State::new(crate::backend::demo::DEMO_PILOT);
        }
        start(self, ctx)
    }

    fn update(&mut self, message: Message, ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Run => super::just(start(self, ctx)),
            Message::Cancel => {
                self.scanner.cancel();
                super::nothing()
            }
            Message::Pilot(m) => super::just(
                self.pilot
                    .update(*m, ctx)
                    .map(|m| Message::Pilot(Box::new(m))),
            ),
            Message::Dcs(m) => {
                super::just(self.dcs.update(*m, ctx).map(|m| Message::Dcs(Box::new(m))))
            }
            Message::Job(job) => {
                if let Update::Finished(Ok(r)) = &job.update {
                    crate::task::record::verification(ctx.env, r, &ctx.backups.trail);
                }
                let unreached = match &job.update {
                    Update::Finished(Ok(r)) => r.audit().map(|a| a.blocked_count()),
                    _ => None,
                };
                let audit_ok = match &job.update {
                    Update::Finished(Ok(r)) => r
                        .audit()
                        .map(|a| a.ungranted.is_empty() && (a.carrying > 0 || a.scanned == 0)),
                    _ => None,
                };
                self.scanner.on_job(*job);
                let done = matches!(self.scanner.scan, Scan::Done(_));
                let table = match audit_ok.filter(|_| done) {
                    Some(ok) => self.dcs.start(ctx, ok).map(|m| Message::Dcs(Box::new(m))),
                    None => Task::none(),
                };
                (
                    table,
                    unreached
                        .filter(|_| done)
                        .map(|unreached| Event::Verified { unreached }),
                )
            }
        }
    }

    fn status(&self, _ctx: &Context<'_>) -> Status {
        match &self.scanner.scan {
            Scan::Idle => Status::Pending,
            Scan::Running { .. } => Status::Running,
            Scan::Failed(_) => Status::Failed,
            Scan::Done(r) if r.all_good() => Status::Done,
            Scan::Done(_) => Status::Warning,
        }
    }

    fn can_continue(&self, _ctx: &Context<'_>) -> bool {
        matches!(self.scanner.scan, Scan::Done(_))
    }

    fn view(&self, _ctx: &Context<'_>) -> Element<'_, Message> {
        let header = widget::title(fl!("verify-title"), fl!("verify-subtitle"));
        let body: Element<'_, Message> = match &self.scanner.scan {
            Scan::Idle => widget::primary(fl!("verify-run"), Some(Message::Run)),
            Scan::Running { scanned, carrying } => {
                scan::running_view(fl!("verify-running"), *scanned, *carrying, Message::Cancel)
            }
            Scan::Failed(e) => {
                scan::failed_view(explain::task_error(e), fl!("verify-run"), Message::Run)
            }
            Scan::Done(r) => {
                let mut planes = column![widget::heading(fl!("verify-planes"))].spacing(8);
                for (outcome, line) in plane_lines(r) {
                    planes = planes.push(widget::badge_line(widget::outcome(outcome), line));
                }
                let planes = planes.push(widget::secondary(fl!("verify-run"), Some(Message::Run)));
                let Some(a) = r.audit() else {
                    return column![
                        header,
                        widget::card(planes),
                        self.pilot.view(None).map(|m| Message::Pilot(Box::new(m)))
                    ]
                    .spacing(size::GAP)
                    .into();
                };
                let mut users = column![widget::heading(fl!("verify-not-carrying"))].spacing(6);
                for t in &a.ungranted {
                    users = users.push(widget::badge_line(
                        widget::outcome(Outcome::Warning),
                        fl!(
                            "verify-target-ungranted",
                            target = t.target.as_str(),
                            count = t.users
                        ),
                    ));
                }
                for line in explain::unexpire_lines(a) {
                    users = users.push(widget::badge_line(widget::outcome(Outcome::Warning), line));
                }
                for g in a.groups(crate::task::access::FIRST_USERS) {
                    let mut item = column![widget::badge_line(
                        widget::outcome(Outcome::Warning),
                        fl!(
                            "reach-group",
                            count = g.count,
                            reason = explain::reason(&g.reason),
                            fix = explain::fix(&g.reason)
                        ),
                    )]
                    .spacing(2);
                    for u in &g.first {
                        item =
                            item.push(widget::small(format!("      {}", explain::blocked_user(u))));
                    }
                    let more = g.count.saturating_sub(g.first.len() as u64);
                    if more > 0 {
                        item = item.push(row![
                            text("").width(96),
                            widget::small(fl!("reach-more", count = more))
                        ]);
                    }
                    users = users.push(item);
                }
                if a.blocked_count() == 0 {
                    users = users.push(widget::body(fl!("verify-everyone")));
                }
                users = users.push(widget::small(fl!("verify-why")));
                column![
                    widget::card(planes),
                    self.pilot
                        .view(Some(a))
                        .map(|m| Message::Pilot(Box::new(m))),
                    self.dcs.view().map(|m| Message::Dcs(Box::new(m))),
                    widget::card(users),
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
    use crate::page::testing::Run;

    #[test]
    fn arriving_reads_every_plane_and_tells_who_is_out_of_reach() {
        let run = Run::demo();
        let mut page = State::default();
        let events = run.enter(&mut page);
        let Scan::Done(report) = &page.scanner.scan else {
            panic!("{:?}", page.scanner.scan);
        };
        let unreached = report.audit().map(|a| a.blocked_count());
        assert_eq!(
            events,
            [Event::Verified {
                unreached: unreached.expect("the directory was read")
            }]
        );
        assert!(page.can_continue(&run.ctx()));
        assert!(matches!(
            page.status(&run.ctx()),
            Status::Done | Status::Warning
        ));
        // The DC table was read once the planes were.
        assert!(page.dcs.table().is_some());
        // The demo offers its pilot user.
        assert!(page.pilot.has_user());
    }

    #[test]
    fn cancel_stops_the_scan_without_an_event() {
        let run = Run::demo();
        let mut page = State::default();
        let _task = page.on_enter(&run.ctx());
        assert_eq!(page.status(&run.ctx()), Status::Running);
        let (_, event) = page.update(Message::Cancel, &run.ctx());
        assert!(event.is_none());
        assert!(matches!(page.scanner.scan, Scan::Idle));
        assert!(!page.can_continue(&run.ctx()));
    }
}
