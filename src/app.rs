//! The shell: steps and navigation, the sidebar with each step's status,
//! theme and language. Pages do the work; the shell routes messages.

use iced::keyboard::{self, Key, key::Named};
use iced::widget::{Space, button, column, container, row, scrollable, text};
use iced::{Font, Length, Subscription, Task, Theme};

use crate::fl;
use crate::page::permissions::Backups;
use crate::page::{
    Status, connect, permissions, portal, preflight, summary, targets, verify, welcome,
};
use crate::session::Env;
use crate::widget::{self, Element, size};

mod diagnostics;
mod report;
pub use report::Shots;

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
    /// Backends.
    pub env: Env,
    /// "demo" or the profile path, for the Welcome page.
    pub source: String,
    /// Language code.
    pub lang: String,
    /// Theme.
    pub theme: ThemeChoice,
    /// Backups.
    pub backups: Backups,
    /// Pre-filled Targets page (from a profile).
    pub targets: Option<TargetsPrefill>,
}

/// Values for the Targets page (from a profile).
pub use crate::page::targets::Prefill as TargetsPrefill;

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
    targets: targets::State,
    preflight: preflight::State,
    permissions: permissions::State,
    connect: connect::State,
    portal: portal::State,
    verify: verify::State,
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

impl App {
    /// The state at start, and the task reading the system theme.
    pub fn new(options: Options) -> (App, Task<Message>) {
        let targets = match options.targets {
            Some(p) => targets::State::prefilled(p),
            None if options.env.is_demo() => targets::State::demo(),
            None => targets::State::default(),
        };
        let app = App {
            step: Step::Welcome,
            env: options.env,
            source: options.source,
            lang: options.lang,
            theme: options.theme,
            system_dark: false,
            backups: options.backups,
            targets,
            preflight: preflight::State::default(),
            permissions: permissions::State::default(),
            connect: connect::State::default(),
            portal: portal::State::default(),
            verify: verify::State::default(),
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

    /// The theme in use.
    pub fn theme(&self) -> Theme {
        let dark = match self.theme {
            ThemeChoice::System => self.system_dark,
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
        };
        if dark { Theme::Dark } else { Theme::Light }
    }

    /// Keyboard: Tab/Shift-Tab move focus, Enter goes on, Esc goes back.
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            keyboard::listen().filter_map(|event| match event {
                keyboard::Event::KeyPressed { key, modifiers, .. } => {
                    Some(Message::Key(key, modifiers))
                }
                _ => None,
            }),
            iced::system::theme_changes().map(Message::SystemTheme),
        ])
    }

    /// The status of a step for the sidebar.
    pub fn status(&self, step: Step) -> Status {
        let visited = step.index() < self.step.index();
        match step {
            Step::Welcome | Step::Targets | Step::Summary => {
                if visited {
                    Status::Done
                } else {
                    Status::Pending
                }
            }
            Step::Preflight => self.preflight.status(),
            Step::Permissions => self.permissions.status(),
            Step::Connect => self.connect.status(),
            Step::Portal => self.portal.status(&self.env),
            Step::Verify => self.verify.status(),
        }
    }

    /// Whether Next is allowed on the current step.
    pub fn can_continue(&self) -> bool {
        match self.step {
            Step::Welcome => true,
            Step::Targets => self.targets.can_continue(self.env.is_demo()),
            Step::Preflight => self.preflight.can_continue(),
            Step::Permissions => self.permissions.complete(),
            Step::Connect => self.connect.complete(),
            Step::Portal => self.portal.complete(&self.env),
            Step::Verify => matches!(self.verify, verify::State::Done(_)),
            Step::Summary => false,
        }
    }

    /// Starts what a page does on arrival.
    fn enter(&mut self, step: Step) -> Task<Message> {
        self.step = step;
        match step {
            Step::Preflight if matches!(self.preflight, preflight::State::Idle) => {
                self.preflight.start(&self.env).map(Message::Preflight)
            }
            Step::Permissions if self.permissions.status() == Status::Pending => {
                self.permissions.start(&self.env).map(Message::Permissions)
            }
            Step::Connect if !self.connect.started() => {
                self.connect.start(&self.env).map(Message::Connect)
            }
            Step::Portal if self.portal.switch.value.is_none() => {
                self.portal.start(&self.env).map(Message::Portal)
            }
            Step::Verify => self.verify.start(&self.env).map(Message::Verify),
            _ => Task::none(),
        }
    }

    /// Routes a message to the pages (after [`App::update`] has taken the
    /// runbook's own).
    fn route(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Welcome(welcome::Message::LanguagePicked(lang)) => {
                self.lang = crate::localize::init(Some(lang.code));
                Task::none()
            }
            Message::Targets(m) => self.targets.update(m, &self.env).map(Message::Targets),
            Message::Preflight(preflight::Message::AddTarget(dn)) => {
                // The OU becomes a target beside those checked; pre-flight
                // runs again on the new scope.
                let mut targets = match &self.preflight {
                    preflight::State::Done(checks) => checks.targets(),
                    _ => Vec::new(),
                };
                if !targets.iter().any(|t| t.eq_ignore_ascii_case(&dn)) {
                    targets.push(dn);
                }
                self.env.set_targets(targets);
                self.preflight.start(&self.env).map(Message::Preflight)
            }
            Message::Preflight(m) => self.preflight.update(m, &self.env).map(Message::Preflight),
            Message::Permissions(m) => self
                .permissions
                .update(m, &self.env, &self.backups)
                .map(Message::Permissions),
            Message::Connect(m) => self
                .connect
                .update(m, &self.env, &self.backups.trail)
                .map(Message::Connect),
            Message::Portal(m) => self
                .portal
                .update(m, &self.env, &self.backups.trail)
                .map(Message::Portal),
            Message::Verify(m) => self.verify.update(m, &self.env).map(Message::Verify),
            Message::Summary(summary::Message::UndoAll) => Task::batch([
                self.permissions
                    .update(permissions::Message::Undo, &self.env, &self.backups)
                    .map(Message::Permissions),
                if self.connect.changed() {
                    self.connect
                        .update(connect::Message::Undo, &self.env, &self.backups.trail)
                        .map(Message::Connect)
                } else {
                    Task::none()
                },
                if self.portal.switch.changed {
                    self.portal
                        .update(portal::Message::Undo, &self.env, &self.backups.trail)
                        .map(Message::Portal)
                } else {
                    Task::none()
                },
            ]),
            Message::Next => {
                if !self.can_continue() {
                    return Task::none();
                }
                if self.step == Step::Targets && !self.env.is_demo() {
                    self.env = self.targets.real_env();
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
                self.theme = if self.theme() == Theme::Dark {
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
            // Taken by `update` (app/report.rs).
            Message::Report(_)
            | Message::Diagnostics(_)
            | Message::Welcome(_)
            | Message::Summary(_) => Task::none(),
        }
    }

    fn changes(&self) -> summary::Changes {
        let mut c = summary::Changes::default();
        if let Some(results) = &self.permissions.applied {
            for r in results {
                c.permissions.push(fl!(
                    "summary-permissions",
                    dn = r.dn.as_str(),
                    count = r.added.len()
                ));
                if let Some(b) = &r.backup {
                    c.backups.push(b.display().to_string());
                }
            }
        }
        c.connect = self.connect.changed().then_some(true);
        c.portal = self.portal.switch.changed.then_some(true);
        if let verify::State::Done(r) = &self.verify {
            c.unreached = r.audit.blocked_count() as usize;
        }
        c.export_note = self.shots.note.clone();
        c.undoable = self.permissions.applied.is_some()
            || self.connect.changed()
            || self.portal.switch.changed;
        c
    }

    fn sidebar(&self) -> Element<'_, Message> {
        let mut steps = column![].spacing(4);
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
                item.style(container::rounded_box)
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
            .push(
                button(text(fl!("theme-toggle")).size(size::SMALL))
                    .on_press(Message::ToggleTheme)
                    .style(button::text),
            )
            .push(self.diagnostics_entry());
        container(side.padding(16))
            .width(250)
            .height(Length::Fill)
            .style(container::bordered_box)
            .into()
    }

    /// The window's content.
    pub fn view(&self) -> Element<'_, Message> {
        let page: Element<'_, Message> = match self.step {
            _ if self.diagnostics_open() => self.diagnostics_page(),
            Step::Welcome => welcome::view(
                &self.lang,
                self.env.is_demo(),
                self.source.clone(),
                self.shots.capture,
            )
            .map(Message::Welcome),
            Step::Targets => self.targets.view(self.env.is_demo()).map(Message::Targets),
            Step::Preflight => self.preflight.view().map(Message::Preflight),
            Step::Permissions => self.permissions.view().map(Message::Permissions),
            Step::Connect => self.connect.view().map(Message::Connect),
            Step::Portal => self.portal.view(&self.env).map(Message::Portal),
            Step::Verify => self.verify.view().map(Message::Verify),
            Step::Summary => summary::view(&self.changes()).map(Message::Summary),
        };
        let next_label = if self.step == Step::Welcome {
            fl!("button-start")
        } else {
            fl!("button-next")
        };
        let footer = row![
            button(text(fl!("button-back")).size(size::BODY))
                .on_press_maybe(self.step.previous().map(|_| Message::Back))
                .style(button::secondary)
                .padding([8, 18]),
            Space::new().width(Length::Fill),
            button(text(next_label).size(size::BODY))
                .on_press_maybe(
                    (self.step != Step::Summary && self.can_continue()).then_some(Message::Next),
                )
                .padding([8, 18]),
        ];
        let main = column![
            scrollable(container(page).padding([24, 28]).max_width(900)).height(Length::Fill),
            container(footer).padding([12, 28]),
        ];
        row![self.sidebar(), main].into()
    }
}

/// The default font, embedded (Fira Sans), so screenshots match everywhere.
pub const FONT: Font = Font::with_name("Fira Sans");

/// The window icon (assets/icon/icon-64.png), decoded.
pub fn icon() -> Option<iced::window::Icon> {
    let bytes: &[u8] = include_bytes!("../assets/icon/icon-64.png");
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut rgba).ok()?;
    if info.color_type != png::ColorType::Rgba || info.bit_depth != png::BitDepth::Eight {
        return None;
    }
    rgba.truncate(info.buffer_size());
    iced::window::icon::from_rgba(rgba, info.width, info.height).ok()
}

/// Opens the wizard window.
pub fn run(options: Options) -> iced::Result {
    iced::application(move || App::new(options.clone()), App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .default_font(FONT)
        .window(iced::window::Settings {
            size: iced::Size::new(1120.0, 780.0),
            icon: icon(),
            ..iced::window::Settings::default()
        })
        .run()
}
