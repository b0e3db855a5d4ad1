//! The Verify page's DC table (issue 25): every domain controller of the
//! domains in scope, whether it has the change (replicated, propagated,
//! reachable), the one the Connect server writes through; "Wait until
//! every DC has it" with a live progress line and Cancel; "Pull it now"
//! with a confirmation. Self-contained: the Verify page embeds it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use iced::widget::{column, row, text, text_input};
use iced::{Length, Task};

use super::Context;
use super::job::{Job, Slot, Update};
use crate::explain::dcs as words;
use crate::task::dcs::{self, DcProgress, DcTable, PullReport, WaitEnd};
use crate::task::permissions::{Outcome, TaskError};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// The default waiting limit (minutes).
pub const DEFAULT_LIMIT: u64 = 60;

/// What the card shows.
#[derive(Debug, Default)]
enum Phase {
    /// Nothing read yet.
    #[default]
    Idle,
    /// Reading the table: the latest progress.
    Reading(Option<DcProgress>),
    /// Waiting until every DC has the change: the latest progress.
    Waiting(Option<DcProgress>),
    /// Pulling the change to a DC.
    Pulling,
    /// The table read.
    Read(DcTable),
    /// A wait ended.
    Waited(WaitEnd),
    /// Reading failed.
    Failed(TaskError),
}

/// The card's state.
#[derive(Debug)]
pub struct State {
    phase: Phase,
    slot: Slot,
    limit: String,
    cancel: Arc<AtomicBool>,
    /// The DC whose pull waits for confirmation, and how many targets.
    asking: Option<(String, usize)>,
    pulled: Option<Result<PullReport, TaskError>>,
    /// Users carried the grant on the DC written to (Verify's audit).
    audit_ok: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            phase: Phase::Idle,
            slot: Slot::default(),
            limit: DEFAULT_LIMIT.to_string(),
            cancel: Arc::new(AtomicBool::new(false)),
            asking: None,
            pulled: None,
            audit_ok: true,
        }
    }
}

/// Messages of the card.
#[derive(Debug, Clone)]
pub enum Message {
    /// Read the table.
    Check,
    /// Wait until every DC has it.
    Wait,
    /// The limit field changed.
    Limit(String),
    /// Stop waiting.
    Cancel,
    /// Ask before pulling to this DC.
    AskPull(String),
    /// Confirmed.
    Pull,
    /// Not now.
    Dismiss,
    /// The table task reported.
    Table(Box<Job<DcProgress, DcTable, TaskError>>),
    /// The wait reported.
    Waited(Box<Job<DcProgress, WaitEnd, TaskError>>),
    /// The pull ended.
    Pulled(Box<Job<(), PullReport, TaskError>>),
}

impl State {
    /// Starts reading the table (Verify calls this once its planes are
    /// read; `audit_ok`: its users carry the grant).
    pub fn start(&mut self, ctx: &Context<'_>, audit_ok: bool) -> Task<Message> {
        self.audit_ok = audit_ok;
        self.check(ctx)
    }

    fn check(&mut self, ctx: &Context<'_>) -> Task<Message> {
        self.phase = Phase::Reading(None);
        let env = ctx.env.clone();
        let audit_ok = self.audit_ok;
        self.slot
            .spawn(move |mut report| async move {
                let connect = dcs::connect_dc(&env, true).await;
                dcs::for_env(&env, connect, audit_ok, &mut *report).await
            })
            .map(|j| Message::Table(Box::new(j)))
    }

    fn wait(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let minutes = self
            .limit
            .trim()
            .parse::<u64>()
            .unwrap_or(DEFAULT_LIMIT)
            .clamp(1, 24 * 60);
        self.limit = minutes.to_string();
        self.phase = Phase::Waiting(None);
        self.cancel = Arc::new(AtomicBool::new(false));
        let (env, cancel, audit_ok) = (ctx.env.clone(), self.cancel.clone(), self.audit_ok);
        self.slot
            .spawn(move |mut report| async move {
                let connect = dcs::connect_dc(&env, true).await;
                dcs::wait_for_env(
                    &env,
                    connect,
                    audit_ok,
                    Duration::from_secs(minutes * 60),
                    &cancel,
                    &mut *report,
                )
                .await
            })
            .map(|j| Message::Waited(Box::new(j)))
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Task<Message> {
        match message {
            Message::Check => self.check(ctx),
            Message::Wait => self.wait(ctx),
            Message::Limit(text) => {
                self.limit = text.chars().filter(char::is_ascii_digit).take(4).collect();
                Task::none()
            }
            Message::Cancel => {
                match self.phase {
                    // The wait ends within 100 ms with the last table read.
                    Phase::Waiting(_) => self.cancel.store(true, Ordering::Relaxed),
                    Phase::Reading(_) | Phase::Pulling => {
                        self.slot.cancel();
                        self.phase = Phase::Idle;
                    }
                    _ => {}
                }
                Task::none()
            }
            Message::AskPull(host) => {
                let targets = ctx.env.grant_options().targets.len().max(1);
                self.asking = Some((host, targets));
                Task::none()
            }
            Message::Dismiss => {
                self.asking = None;
                Task::none()
            }
            Message::Pull => {
                let Some((host, _)) = self.asking.take() else {
                    return Task::none();
                };
                let (env, trail) = (ctx.env.clone(), ctx.backups.trail.clone());
                self.phase = Phase::Pulling;
                self.slot
                    .spawn(
                        move |_report| async move { dcs::pull_for_env(&env, &host, &trail).await },
                    )
                    .map(|j| Message::Pulled(Box::new(j)))
            }
            Message::Table(job) => {
                if self.slot.accept(&job) {
                    match job.update {
                        Update::Progress(p) => self.phase = Phase::Reading(Some(p)),
                        Update::Finished(Ok(t)) => self.phase = Phase::Read(t),
                        Update::Finished(Err(e)) => self.phase = Phase::Failed(e),
                    }
                }
                Task::none()
            }
            Message::Waited(job) => {
                if self.slot.accept(&job) {
                    match job.update {
                        Update::Progress(p) => self.phase = Phase::Waiting(Some(p)),
                        Update::Finished(Ok(end)) => self.phase = Phase::Waited(end),
                        Update::Finished(Err(e)) => self.phase = Phase::Failed(e),
                    }
                }
                Task::none()
            }
            Message::Pulled(job) => {
                if !self.slot.accept(&job) {
                    return Task::none();
                }
                match job.update {
                    Update::Progress(()) => Task::none(),
                    Update::Finished(result) => {
                        self.pulled = Some(result);
                        // Read again: the pulled DC may be current now.
                        self.check(ctx)
                    }
                }
            }
        }
    }

    /// Whether a job runs.
    pub fn busy(&self) -> bool {
        self.slot.busy()
    }

    /// The table last read.
    pub fn table(&self) -> Option<&DcTable> {
        match &self.phase {
            Phase::Read(t) => Some(t),
            Phase::Waited(end) => Some(end.table()),
            _ => None,
        }
    }

    /// The card.
    pub fn view(&self) -> Element<'_, Message> {
        let mut card = column![widget::heading(fl!("dcs-title"))].spacing(6);
        match &self.phase {
            Phase::Idle => {
                card = card.push(widget::secondary(fl!("dcs-check"), Some(Message::Check)));
                return widget::card(card);
            }
            Phase::Reading(p) | Phase::Waiting(p) => {
                let line = p
                    .as_ref()
                    .map(words::progress)
                    .unwrap_or_else(|| fl!("dcs-check"));
                card = card.push(widget::busy(line, None, Some(Message::Cancel)));
                return widget::card(card);
            }
            Phase::Pulling => {
                let line = fl!("dcs-check");
                card = card.push(widget::busy(line, None, Some(Message::Cancel)));
                return widget::card(card);
            }
            Phase::Failed(e) => {
                card = card
                    .push(widget::error(explain::task_error(e)))
                    .push(widget::secondary(fl!("dcs-check"), Some(Message::Check)));
                return widget::card(card);
            }
            Phase::Read(_) | Phase::Waited(_) => {}
        }
        let Some(t) = self.table() else {
            return widget::card(card);
        };
        card = card.push(table_view(t));
        let (outcome, line) = match &self.phase {
            Phase::Waited(end) => words::wait_end(end),
            _ => words::summary(t),
        };
        card = card.push(widget::badge_line(widget::outcome(outcome), line));
        card = card.push(widget::small(words::connect(&t.connect)));
        if let Some(result) = &self.pulled {
            card = card.push(pull_view(result));
        }
        if let Some((host, count)) = &self.asking {
            let source = t
                .written_to()
                .map(|f| f.dc.host.clone())
                .unwrap_or_default();
            card = card.push(
                column![
                    widget::body(fl!(
                        "dcs-pull-confirm",
                        dc = host.as_str(),
                        source = source,
                        count = (*count as u64)
                    )),
                    row![
                        widget::primary(fl!("dcs-pull-yes"), Some(Message::Pull)),
                        widget::secondary(fl!("dcs-pull-no"), Some(Message::Dismiss)),
                    ]
                    .spacing(8),
                ]
                .spacing(6),
            );
        }
        let limit = text_input("60", &self.limit)
            .size(size::BODY)
            .padding(6)
            .width(70)
            .style(crate::theme::text_input)
            .on_input(Message::Limit)
            .on_submit(Message::Wait);
        let mut actions = row![
            widget::secondary(fl!("dcs-check"), Some(Message::Check)),
            widget::secondary(fl!("dcs-wait"), (!t.all_current()).then_some(Message::Wait)),
            text(fl!("dcs-wait-limit")).size(size::SMALL),
            limit,
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        if let Some(behind) = t
            .dcs
            .iter()
            .find(|f| !f.current() && !f.written_to && f.unreachable.is_none())
        {
            actions = actions.push(widget::secondary(
                fl!("dcs-pull"),
                Some(Message::AskPull(behind.dc.host.clone())),
            ));
        }
        widget::card(card.push(actions).push(widget::small(fl!("dcs-explain"))))
    }
}

fn cell<'a>(label: String, width: Length) -> Element<'a, Message> {
    text(label).size(size::BODY).width(width).into()
}

/// The table: DC, site, replicated, propagated, reachable; marks below the
/// name.
fn table_view(t: &DcTable) -> Element<'_, Message> {
    let header = row![
        cell(fl!("dcs-column-dc"), Length::FillPortion(5)),
        cell(fl!("dcs-column-site"), Length::FillPortion(2)),
        cell(fl!("dcs-column-replicated"), Length::FillPortion(2)),
        cell(fl!("dcs-column-propagated"), Length::FillPortion(2)),
        cell(fl!("dcs-column-reachable"), Length::FillPortion(2)),
    ]
    .spacing(8);
    let mut rows = column![header].spacing(4);
    for f in &t.dcs {
        let mut name = row![
            widget::outcome(words::outcome(f)),
            text(f.dc.host.clone()).size(size::BODY)
        ]
        .spacing(6)
        .align_y(iced::Alignment::Center);
        let marks = words::marks(f);
        if !marks.is_empty() {
            name = name.push(widget::small(marks.join(" · ")));
        }
        rows = rows.push(
            row![
                name.width(Length::FillPortion(5)),
                cell(f.dc.site.clone(), Length::FillPortion(2)),
                cell(words::held(f.replicated), Length::FillPortion(2)),
                cell(words::held(f.propagated), Length::FillPortion(2)),
                cell(words::reachable(f), Length::FillPortion(2)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
    }
    rows.into()
}

fn pull_view(result: &Result<PullReport, TaskError>) -> Element<'_, Message> {
    match result {
        Ok(r) => {
            let (outcome, line, commands) = words::pulled(&r.dc.host, &r.source.host, &r.pulled);
            let mut c = column![widget::badge_line(widget::outcome(outcome), line)].spacing(4);
            for command in commands {
                c = c.push(text(command).size(size::SMALL).font(iced::Font::MONOSPACE));
            }
            c.into()
        }
        Err(e) => widget::badge_line(widget::outcome(Outcome::Warning), explain::task_error(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::testing::Run;

    fn send(run: &Run, card: &mut State, message: Message) {
        run.drive(message, |m, ctx| card.update(m, ctx));
    }

    #[test]
    fn check_reads_the_table() {
        let run = Run::demo();
        let mut card = State::default();
        send(&run, &mut card, Message::Check);
        assert!(matches!(card.phase, Phase::Read(_)), "{:?}", card.phase);
        assert!(card.table().is_some() && !card.busy());
    }

    #[test]
    fn cancel_while_reading_goes_back_to_the_start() {
        let run = Run::demo();
        let mut card = State::default();
        let _task = card.update(Message::Check, &run.ctx());
        assert!(matches!(card.phase, Phase::Reading(None)));
        let _ = card.update(Message::Cancel, &run.ctx());
        assert!(matches!(card.phase, Phase::Idle));
        assert!(!card.busy());
    }

    #[test]
    fn the_limit_takes_digits_only_and_asking_can_be_dismissed() {
        let run = Run::demo();
        let mut card = State::default();
        send(&run, &mut card, Message::Limit("1a2b34567".into()));
        assert_eq!(card.limit, "1234");
        send(&run, &mut card, Message::AskPull("dc2.contoso.com".into()));
        assert!(matches!(&card.asking, Some((host, 1)) if host == "dc2.contoso.com"));
        send(&run, &mut card, Message::Dismiss);
        assert!(card.asking.is_none());
    }
}
