//! Pre-flight: every check with its status, explanation and fix; live
//! progress while the users are scanned. Only blocking findings stop Next.

use iced::Task;
use iced::widget::{button, checkbox, column, row, text};

use super::Status;
use super::job::{self, Update};
use super::scan::{self, Scan};
use crate::session::Env;
use crate::task::permissions::{self as perm, Check, Outcome, Progress};
use crate::task::portal;
use crate::widget::{self, Element, size};
use crate::{explain, fl};

/// The page's state.
pub type State = Scan<Checks>;

/// What pre-flight found, plane by plane.
#[derive(Debug, Clone)]
pub struct Checks {
    /// Active Directory.
    pub directory: Vec<Check>,
    /// The tenant (Graph): its findings, the reason they could not be
    /// read, or None when nobody signed in.
    pub tenant: Option<Result<Vec<(Outcome, portal::Finding)>, String>>,
}

impl Checks {
    /// The targets the checks ran on (AdminSDHolder aside).
    pub fn targets(&self) -> Vec<String> {
        self.directory
            .iter()
            .filter_map(|c| match &c.finding {
                perm::Finding::GrantState { dn, .. } if !dn.starts_with("CN=AdminSDHolder,") => {
                    Some(dn.clone())
                }
                _ => None,
            })
            .collect()
    }

    fn outcomes(&self) -> impl Iterator<Item = Outcome> + '_ {
        let tenant = match &self.tenant {
            Some(Ok(findings)) => findings.iter().map(|(o, _)| *o).collect(),
            Some(Err(_)) | None => vec![Outcome::Warning],
        };
        self.directory.iter().map(|c| c.outcome).chain(tenant)
    }
}

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// Run (again).
    Run,
    /// Stop the run.
    Cancel,
    /// The task reported.
    Job(Update<Progress, Checks>),
    /// Add an OU found with inheritance disabled to the targets (the shell
    /// changes the settings and runs pre-flight again).
    AddTarget(String),
}

impl State {
    /// Starts the checks.
    pub fn start(&mut self, env: &Env) -> Task<Message> {
        let env = env.clone();
        let (task, handle) = job::spawn(move |mut report| async move {
            let mut dir = env
                .directory()
                .await
                .map_err(|e| explain::directory_error(&e))?;
            let (_, directory) = perm::check(
                &mut dir,
                &env.grant_options(),
                env.tls(),
                true,
                &mut *report,
            )
            .await
            .map_err(|e| explain::task_error(&e))?;
            let tenant = env.tenant_facts().await.map(|facts| {
                facts
                    .map(|f| portal::findings(&f))
                    .map_err(|e| explain::tenant_error(&e))
            });
            Ok(Checks { directory, tenant })
        });
        *self = State::running(handle);
        task.map(Message::Job)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, env: &Env) -> Task<Message> {
        match message {
            Message::Run => return self.start(env),
            Message::Cancel => *self = State::Idle,
            Message::Job(update) => self.on_update(update, |checks| checks),
            Message::AddTarget(_) => {}
        }
        Task::none()
    }

    /// The sidebar status.
    pub fn status(&self) -> Status {
        match self {
            State::Idle => Status::Pending,
            State::Running { .. } => Status::Running,
            State::Failed(_) => Status::Failed,
            State::Done(checks) => {
                if checks.outcomes().any(|o| o == Outcome::Blocking) {
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
    pub fn can_continue(&self) -> bool {
        matches!(self, State::Done(checks) if checks.outcomes().all(|o| o != Outcome::Blocking))
    }

    /// The page's view.
    pub fn view(&self) -> Element<'_, Message> {
        let header = widget::title(fl!("preflight-title"), fl!("preflight-subtitle"));
        let body: Element<'_, Message> = match self {
            State::Idle => column![
                widget::body(fl!("preflight-idle")),
                button(text(fl!("preflight-run")).size(size::BODY))
                    .on_press(Message::Run)
                    .padding([8, 16]),
            ]
            .spacing(10)
            .into(),
            State::Running {
                scanned, carrying, ..
            } => scan::running_view(
                fl!("preflight-running"),
                *scanned,
                *carrying,
                Message::Cancel,
            ),
            State::Failed(e) => scan::failed_view(e, fl!("preflight-run"), Message::Run),
            State::Done(checks) => {
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
                                checkbox(false)
                                    .label(fl!("preflight-add-target", dn = ou.dn.as_str()))
                                    .on_toggle(|_| Message::AddTarget(ou.dn.clone()))
                                    .size(16)
                                    .text_size(size::SMALL),
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
                            fl!("preflight-tenant-failed", reason = e.clone()),
                        ));
                    }
                    None => {
                        tenant = tenant.push(widget::badge_line(
                            widget::outcome(Outcome::Warning),
                            fl!("preflight-tenant-skipped"),
                        ));
                    }
                }
                column![
                    widget::card(list),
                    widget::card(tenant),
                    button(text(fl!("preflight-rerun")).size(size::BODY))
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
