//! The shell: steps and navigation, the sidebar with each step's status,
//! theme and language. Pages do the work; the shell routes messages to
//! them and answers their events (`app/events.rs`, the settings' in
//! `app/settings.rs`); the window itself is `app/window.rs`.

use iced::keyboard::{self, Key, key::Named};
use iced::widget::{Space, column, container, row, scrollable, text};
use iced::{Length, Subscription, Task, Theme};

use crate::fl;
use crate::page::{
    Context, Page, Status, connect, permissions, portal, preflight, summary, targets, verify,
    welcome,
};
use crate::session::{Backups, Env};
use crate::widget::{self, Element, size};

mod diagnostics;
mod events;
mod report;
mod settings;
mod window;
pub use report::Shots;
pub use window::{FONT, MIN_SIZE, SIZE, first_size, icon, run};

/// The steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// What will change.
    Welcome,
    /// Where and as whom.
    Targets,
    /// Checks before changing anything.
    Preflight,
    /// Step 1: AD permissions.
    Permissions,
    /// Step 2: Entra Connect.
    Connect,
    /// Step 3: Entra portal.
    Portal,
    /// All planes re-read.
    Verify,
    /// What changed; undo.
    Summary,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 8] = [
        Step::Welcome,
        Step::Targets,
        Step::Preflight,
        Step::Permissions,
        Step::Connect,
        Step::Portal,
        Step::Verify,
        Step::Summary,
    ];

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    fn previous(self) -> Option<Step> {
        self.index().checked_sub(1).map(|i| Step::ALL[i])
    }

    /// A stable name (screenshots' file names).
    pub fn slug(self) -> &'static str {
        match self {
            Step::Welcome => "welcome",
            Step::Targets => "targets",
            Step::Preflight => "preflight",
            Step::Permissions => "permissions",
            Step::Connect => "connect",
            Step::Portal => "portal",
            Step::Verify => "verify",
            Step::Summary => "summary",
        }
    }

    /// The translated name.
    pub fn name(self) -> String {
        match self {
            Step::Welcome => fl!("step-welcome"),
            Step::Targets => fl!("step-targets"),
            Step::Preflight => fl!("step-preflight"),
            Step::Permissions => fl!("step-permissions"),
            Step::Connect => fl!("step-connect"),
            Step::Portal => fl!("step-portal"),
            Step::Verify => fl!("step-verify"),
            Step::Summary => fl!("step-summary"),
        }
    }
}

/// Light, dark, or as the system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow the system.
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// How the wizard starts.
#[derive(Clone, Debug)]
pub struct Options {
    /// Backends (and the settings the Targets page starts from).
    pub env: Env,
    /// "demo" or the profile path, for the Welcome page.
    pub source: String,
    /// Language code.
    pub lang: String,
    /// Theme.
    pub theme: ThemeChoice,
    /// Backups.
    pub backups: Backups,
}

/// The application state.
#[derive(Debug)]
pub struct App {
    step: Step,
    env: Env,
    source: String,
    lang: String,
    theme: ThemeChoice,
    system_dark: bool,
    backups: Backups,
    welcome: welcome::State,
    targets: targets::State,
    preflight: preflight::State,
    permissions: permissions::State,
    connect: connect::State,
    portal: portal::State,
    verify: verify::State,
    summary: summary::State,
    shots: report::Shots,
    diagnostics: diagnostics::Panel,
}

/// Everything that happens.
#[derive(Debug, Clone)]
pub enum Message {
    /// Welcome page.
    Welcome(welcome::Message),
    /// Targets page.
    Targets(targets::Message),
    /// Pre-flight page.
    Preflight(preflight::Message),
    /// Permissions page.
    Permissions(permissions::Message),
    /// Connect page.
    Connect(connect::Message),
    /// Portal page.
    Portal(portal::Message),
    /// Verify page.
    Verify(verify::Message),
    /// Summary page.
    Summary(summary::Message),
    /// Go on.
    Next,
    /// Go back.
    Back,
    /// Switch light/dark.
    ToggleTheme,
    /// The system's light/dark mode.
    SystemTheme(iced::theme::Mode),
    /// A key was pressed.
    Key(keyboard::Key, keyboard::Modifiers),
    /// Screenshots and the runbook export (app/report.rs).
    Report(report::Message),
    /// The Diagnostics entry (app/diagnostics.rs).
    Diagnostics(diagnostics::Message),
}

/// Calls `$method` on the page of `$step` with the run's context; `$wrap`
/// lists each page's message wrapper, for the methods that return a task.
macro_rules! on_page {
    ($app:ident, $step:expr, |$page:ident, $ctx:ident| $body:expr) => {{
        let $ctx = Context {
            env: &$app.env,
            backups: &$app.backups,
        };
        match $step {
            Step::Welcome => {
                let $page = &$app.welcome;
                $body
            }
            Step::Targets => {
                let $page = &$app.targets;
                $body
            }
            Step::Preflight => {
                let $page = &$app.preflight;
                $body
            }
            Step::Permissions => {
                let $page = &$app.permissions;
                $body
            }
            Step::Connect => {
                let $page = &$app.connect;
                $body
            }
            Step::Portal => {
                let $page = &$app.portal;
                $body
            }
            Step::Verify => {
                let $page = &$app.verify;
                $body
            }
            Step::Summary => {
                let $page = &$app.summary;
                $body
            }
        }
    }};
}

impl App {
    /// The state at start, and the task reading the system theme.
    pub fn new(options: Options) -> (App, Task<Message>) {
        let app = App {
            step: Step::Welcome,
            welcome: welcome::State::new(&options.lang, &options.source),
            targets: targets::State::default(),
            env: options.env,
            source: options.source,
            lang: options.lang,
            theme: options.theme,
            system_dark: false,
            backups: options.backups,
            preflight: preflight::State::default(),
            permissions: permissions::State::default(),
            connect: connect::State::default(),
            portal: portal::State::default(),
            verify: verify::State::default(),
            summary: summary::State::default(),
            shots: report::Shots::default(),
            diagnostics: diagnostics::Panel::default(),
        };
        let task = if app.theme == ThemeChoice::System {
            iced::system::theme().map(Message::SystemTheme)
        } else {
            Task::none()
        };
        (app, task)
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The window title.
    pub fn title(&self) -> String {
        let demo = if self.env.is_demo() {
            format!(" ({})", fl!("demo-badge"))
        } else {
            String::new()
        };
        format!("writeback-wizard — {}{demo}", self.step.name())
    }

    /// Whether the window is dark.
    fn dark(&self) -> bool {
        match self.theme {
            ThemeChoice::System => self.system_dark,
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
        }
    }

    /// The theme in use.
    pub fn theme(&self) -> Theme {
        if self.dark() {
            crate::theme::dark()
        } else {
            crate::theme::light()
        }
    }

    /// The system's light/dark mode. (The keys are the window's own:
    /// [`crate::focus::keys`] in [`App::view`], so that headless runs
    /// answer them as the window does.)
    pub fn subscription(&self) -> Subscription<Message> {
        iced::system::theme_changes().map(Message::SystemTheme)
    }

    /// The status of a step for the sidebar: the page's, and Done for a
    /// page passed that has nothing to report.
    pub fn status(&self, step: Step) -> Status {
        let status = on_page!(self, step, |page, ctx| page.status(&ctx));
        if status == Status::Pending && step.index() < self.step.index() {
            Status::Done
        } else {
            status
        }
    }

    /// Whether Next is allowed on the current step.
    pub fn can_continue(&self) -> bool {
        on_page!(self, self.step, |page, ctx| page.can_continue(&ctx))
    }

    /// Hides and drops the pilot test's new password (before a
    /// screenshot).
    pub fn forget_password(&mut self) {
        self.verify.forget_password();
    }

    /// Enters `step` and starts what its page does on arrival.
    fn enter(&mut self, step: Step) -> Task<Message> {
        if self.step == Step::Verify && step != Step::Verify {
            // The pilot test's password is shown once: gone when leaving.
            self.verify.forget_password();
        }
        self.step = step;
        let ctx = Context {
            env: &self.env,
            backups: &self.backups,
        };
        match step {
            Step::Welcome => self.welcome.on_enter(&ctx).map(Message::Welcome),
            Step::Targets => self.targets.on_enter(&ctx).map(Message::Targets),
            Step::Preflight => self.preflight.on_enter(&ctx).map(Message::Preflight),
            Step::Permissions => self.permissions.on_enter(&ctx).map(Message::Permissions),
            Step::Connect => self.connect.on_enter(&ctx).map(Message::Connect),
            Step::Portal => self.portal.on_enter(&ctx).map(Message::Portal),
            Step::Verify => self.verify.on_enter(&ctx).map(Message::Verify),
            Step::Summary => self.summary.on_enter(&ctx).map(Message::Summary),
        }
    }

    /// Handles a message: the runbook's captures and the Diagnostics entry
    /// here, page messages through [`App::dispatch`].
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Report(m) => return self.on_report(m),
            Message::Diagnostics(m) => return self.on_diagnostics(m),
            Message::Next if self.shots.capture && !self.shots.advancing && self.can_continue() => {
                return self.capture_then_next();
            }
            _ => {}
        }
        self.shots.advancing = false;
        if matches!(message, Message::Next | Message::Back) {
            // Going on or back leaves the Diagnostics page.
            self.diagnostics.close();
        }
        // The step before (the first message registers Welcome) and after.
        self.diagnostics.track(self.step);
        let task = self.route(message);
        self.diagnostics.track(self.step);
        task
    }

    fn route(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Next => {
                if !self.can_continue() {
                    return Task::none();
                }
                match self.step.next() {
                    Some(step) => self.enter(step),
                    None => Task::none(),
                }
            }
            Message::Back => {
                if let Some(step) = self.step.previous() {
                    self.step = step;
                }
                Task::none()
            }
            Message::ToggleTheme => {
                self.theme = if self.dark() {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
                Task::none()
            }
            Message::SystemTheme(mode) => {
                self.system_dark = mode == iced::theme::Mode::Dark;
                Task::none()
            }
            Message::Key(key, modifiers) => match key {
                Key::Named(Named::Tab) if modifiers.shift() => {
                    iced::widget::operation::focus_previous()
                }
                Key::Named(Named::Tab) => iced::widget::operation::focus_next(),
                Key::Named(Named::Enter) => self.update(Message::Next),
                Key::Named(Named::Escape) => self.update(Message::Back),
                _ => Task::none(),
            },
            Message::Report(_) | Message::Diagnostics(_) => Task::none(),
            page => self.dispatch(page),
        }
    }

    fn sidebar(&self) -> Element<'_, Message> {
        let mut steps = column![].spacing(2);
        for (i, step) in Step::ALL.iter().enumerate() {
            let current = *step == self.step;
            let label = text(format!("{}. {}", i + 1, step.name())).size(size::BODY);
            let item = container(
                row![widget::dot(self.status(*step)), label]
                    .spacing(10)
                    .align_y(iced::Alignment::Center),
            )
            .padding([8, 12])
            .width(Length::Fill);
            let item = if current {
                item.style(widget::current_step)
            } else {
                item
            };
            steps = steps.push(item);
        }
        let mut side = column![text("writeback-wizard").size(size::HEADING)].spacing(16);
        if self.env.is_demo() {
            side = side.push(
                column![
                    container(text(fl!("demo-badge")).size(size::SMALL))
                        .padding([3, 10])
                        .style(container::warning),
                    widget::small(fl!("demo-note")),
                ]
                .spacing(6),
            );
        }
        side = side
            .push(steps)
            .push(Space::new().height(Length::Fill))
            .push(widget::link(
                fl!("theme-toggle"),
                Some(Message::ToggleTheme),
            ))
            .push(self.diagnostics_entry());
        container(side.padding(16))
            .width(250)
            .height(Length::Fill)
            .into()
    }

    /// The window's content.
    pub fn view(&self) -> Element<'_, Message> {
        let ctx = Context {
            env: &self.env,
            backups: &self.backups,
        };
        let page: Element<'_, Message> = match self.step {
            _ if self.diagnostics_open() => self.diagnostics_page(),
            Step::Welcome => self.welcome.view(&ctx).map(Message::Welcome),
            Step::Targets => self.targets.view(&ctx).map(Message::Targets),
            Step::Preflight => self.preflight.view(&ctx).map(Message::Preflight),
            Step::Permissions => self.permissions.view(&ctx).map(Message::Permissions),
            Step::Connect => self.connect.view(&ctx).map(Message::Connect),
            Step::Portal => self.portal.view(&ctx).map(Message::Portal),
            Step::Verify => self.verify.view(&ctx).map(Message::Verify),
            Step::Summary => self.summary.view(&ctx).map(Message::Summary),
        };
        let next_label = if self.step == Step::Welcome {
            fl!("button-start")
        } else {
            fl!("button-next")
        };
        let back = self.step.previous().map(|_| Message::Back);
        let next = (self.step != Step::Summary && self.can_continue()).then_some(Message::Next);
        let footer = row![
            widget::secondary(fl!("button-back"), back.clone()),
            Space::new().width(Length::Fill),
            widget::primary(next_label, next.clone()),
        ];
        let main = column![
            scrollable(container(page).padding([24, 28]).max_width(900)).height(Length::Fill),
            container(footer)
                .padding([12, 28])
                .width(Length::Fill)
                .style(widget::footer),
        ];
        // Tab moves through every control in reading order (sidebar,
        // page, footer); Enter that no control took presses Next, Esc Back.
        crate::focus::keys(row![self.sidebar(), main], next, back)
    }
}
