//! Verify: all three planes read again; how many users carry the
//! permission; who does not, and why.

use iced::Task;
use iced::widget::{button, column, row, text};

use super::Status;
use super::job::{self, Update};
use super::scan::{self, Scan};
use crate::backend::sync::SyncState;
use crate::backend::tenant::PortalPolicy;
use crate::session::Env;
use crate::task::permissions::{self as perm, Audit, Outcome, Progress};
use crate::task::{portal, sync};
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// What Verify found.
#[derive(Debug, Clone)]
pub struct Report {
    /// The users.
    pub audit: Audit,
    /// Connect, when it could be read.
    pub sync: Option<SyncState>,
    /// Portal, when signed in and it could be read.
    pub portal: Option<PortalPolicy>,
    /// Why a plane could not be read (translated).
    pub unread: Vec<String>,
}

/// The page's state.
pub type State = Scan<Report>;

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// Run again.
    Run,
    /// Stop.
    Cancel,
    /// The task reported.
    Job(Box<Update<Progress, Report>>),
}

impl State {
    /// Starts (on entering the page).
    pub fn start(&mut self, env: &Env) -> Task<Message> {
        let env = env.clone();
        let (task, handle) = job::spawn(move |mut report| async move {
            let mut dir = env
                .directory()
                .await
                .map_err(|e| explain::directory_error(&e))?;
            let (_, audit) = perm::verify(&mut dir, &env.grant_options(), &mut *report)
                .await
                .map_err(|e| explain::task_error(&e))?;
            let mut unread = Vec::new();
            let sync = match sync::status(&mut env.sync_server()).await {
                Ok(s) => Some(s),
                Err(e) => {
                    unread.push(explain::sync_error(&e));
                    None
                }
            };
            let portal = match env.tenant() {
                Some(mut tenant) => match portal::status(&mut tenant).await {
                    Ok(p) => Some(p),
                    Err(e) => {
                        unread.push(explain::tenant_error(&e));
                        None
                    }
                },
                None => {
                    unread.push(fl!("verify-portal-unread"));
                    None
                }
            };
            Ok(Report {
                audit,
                sync,
                portal,
                unread,
            })
        });
        *self = State::running(handle);
        task.map(|u| Message::Job(Box::new(u)))
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, env: &Env) -> Task<Message> {
        match message {
            Message::Run => return self.start(env),
            Message::Cancel => *self = State::Idle,
            Message::Job(update) => self.on_update(*update, |report| report),
        }
        Task::none()
    }

    /// The sidebar status.
    pub fn status(&self) -> Status {
        match self {
            State::Idle => Status::Pending,
            State::Running { .. } => Status::Running,
            State::Failed(_) => Status::Failed,
            State::Done(r) if r.audit.blocked_count() == 0 && r.unread.is_empty() => Status::Done,
            State::Done(_) => Status::Warning,
        }
    }

    /// The page's view.
    pub fn view(&self) -> Element<'_, Message> {
        let header = widget::title(fl!("verify-title"), fl!("verify-subtitle"));
        let body: Element<'_, Message> = match self {
            State::Idle => button(text(fl!("verify-run")).size(size::BODY))
                .on_press(Message::Run)
                .padding([8, 16])
                .into(),
            State::Running {
                scanned, carrying, ..
            } => scan::running_view(fl!("verify-running"), *scanned, *carrying, Message::Cancel),
            State::Failed(e) => scan::failed_view(e, fl!("verify-run"), Message::Run),
            State::Done(r) => {
                let a = &r.audit;
                let all = a.carrying == a.scanned;
                let (carrying, total) = (a.carrying, a.scanned);
                let mut planes = column![
                    widget::heading(fl!("verify-planes")),
                    widget::badge_line(
                        widget::outcome(Outcome::ok_if(all, Outcome::Warning)),
                        fl!("cli-verify-summary", carrying = carrying, total = total),
                    ),
                ]
                .spacing(8);
                if let Some(s) = &r.sync {
                    planes = planes.push(widget::badge_line(
                        widget::outcome(Outcome::ok_if(s.writeback, Outcome::Blocking)),
                        if s.writeback {
                            fl!("connect-on")
                        } else {
                            fl!("connect-off")
                        },
                    ));
                }
                if let Some(p) = r.portal {
                    let ok = p.writeback && p.unlock;
                    planes = planes.push(widget::badge_line(
                        widget::outcome(Outcome::ok_if(ok, Outcome::Blocking)),
                        if ok {
                            fl!("verify-portal-on")
                        } else {
                            fl!("verify-portal-off")
                        },
                    ));
                }
                for reason in &r.unread {
                    planes = planes.push(widget::badge_line(
                        widget::outcome(Outcome::Warning),
                        reason.clone(),
                    ));
                }
                let mut users = column![widget::heading(fl!("verify-not-carrying"))].spacing(6);
                for t in &a.ungranted {
                    users = users.push(widget::badge_line(
                        widget::outcome(Outcome::Warning),
                        fl!(
                            "verify-target-ungranted",
                            target = t.target.as_str(),
                            count = t.users.to_string()
                        ),
                    ));
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
                            widget::small(fl!("reach-more", count = more.to_string()))
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
                    widget::card(users),
                    button(text(fl!("verify-run")).size(size::BODY))
                        .on_press(Message::Run)
                        .style(button::secondary)
                        .padding([8, 16]),
                ]
                .spacing(10)
                .into()
            }
        };
        column![header, body].spacing(size::GAP).into()
    }
}
