//! Welcome: what will change and why, what is needed, demo or profile,
//! language.

use iced::Task;
use iced::widget::{checkbox, column, pick_list, row, text};

use super::{Context, Page, Status};
use crate::fl;
use crate::widget::{self, Element, size};

/// A language the wizard speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// Code, as in `i18n/<code>/`.
    pub code: &'static str,
    /// Its own name.
    pub name: &'static str,
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// The languages shipped.
pub const LANGUAGES: [Language; 4] = [
    Language {
        code: "en",
        name: "English",
    },
    Language {
        code: "de",
        name: "Deutsch",
    },
    Language {
        code: "fr",
        name: "Français",
    },
    Language {
        code: "es",
        name: "Español",
    },
];

/// Messages of the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// A language was picked.
    LanguagePicked(Language),
    /// "Capture screenshots for the runbook" switched.
    CaptureScreenshots(bool),
}

/// What the page tells the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A language was picked (its code).
    LanguagePicked(String),
    /// "Capture screenshots for the runbook" was switched.
    CaptureSwitched(bool),
}

/// The page's state: the choices shown. No phases (nothing runs here), so
/// a plain struct.
#[derive(Debug, Default)]
pub struct State {
    lang: String,
    source: String,
    capture: bool,
}

impl State {
    /// The page in `lang`; `source` names the demo or the profile in use.
    pub fn new(lang: &str, source: &str) -> State {
        State {
            lang: lang.to_string(),
            source: source.to_string(),
            capture: false,
        }
    }
}

impl Page for State {
    type Message = Message;
    type Event = Event;

    fn update(&mut self, message: Message, _ctx: &Context<'_>) -> (Task<Message>, Option<Event>) {
        let event = match message {
            Message::LanguagePicked(l) => {
                self.lang = l.code.to_string();
                Event::LanguagePicked(self.lang.clone())
            }
            Message::CaptureScreenshots(on) => {
                self.capture = on;
                Event::CaptureSwitched(on)
            }
        };
        (Task::none(), Some(event))
    }

    fn view(&self, ctx: &Context<'_>) -> Element<'_, Message> {
        view(
            &self.lang,
            ctx.env.is_demo(),
            self.source.clone(),
            self.capture,
        )
    }

    fn status(&self, _ctx: &Context<'_>) -> Status {
        Status::Pending
    }

    fn can_continue(&self, _ctx: &Context<'_>) -> bool {
        true
    }
}

fn view<'a>(lang: &str, demo: bool, source: String, capture: bool) -> Element<'a, Message> {
    let selected = LANGUAGES.iter().copied().find(|l| l.code == lang);
    let changes = column![
        widget::heading(fl!("welcome-changes")),
        widget::body(format!("1. {}", fl!("welcome-change-ad"))),
        widget::body(format!("2. {}", fl!("welcome-change-connect"))),
        widget::body(format!("3. {}", fl!("welcome-change-portal"))),
        widget::small(fl!("welcome-safety")),
    ]
    .spacing(8);
    let needs = column![
        widget::heading(fl!("welcome-requirements")),
        widget::body(format!("• {}", fl!("welcome-req-roles"))),
        widget::body(format!("• {}", fl!("welcome-req-license"))),
        widget::body(format!("• {}", fl!("welcome-req-connect"))),
    ]
    .spacing(8);
    let environment = column![
        widget::heading(fl!("welcome-environment")),
        widget::body(if demo {
            fl!("welcome-demo")
        } else {
            fl!("welcome-profile", profile = source)
        }),
        row![
            text(fl!("welcome-language")).size(size::BODY),
            pick_list(LANGUAGES, selected, Message::LanguagePicked).text_size(size::BODY),
        ]
        .spacing(12)
        .align_y(iced::Alignment::Center),
        crate::focus::focus(
            checkbox(capture)
                .label(fl!("runbook-capture"))
                .on_toggle(Message::CaptureScreenshots)
                .text_size(size::BODY),
            Some(Message::CaptureScreenshots(!capture)),
        ),
    ]
    .spacing(10);
    column![
        widget::title(fl!("welcome-title"), fl!("welcome-subtitle")),
        widget::card(changes),
        widget::card(needs),
        widget::card(environment),
    ]
    .spacing(size::GAP)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::testing::Run;

    #[test]
    fn a_language_picked_and_capture_switched_are_told() {
        let run = Run::demo();
        let mut page = State::new("en", "demo");
        assert_eq!(
            run.send(&mut page, Message::LanguagePicked(LANGUAGES[1])),
            [Event::LanguagePicked("de".into())]
        );
        assert_eq!(page.lang, "de");
        assert_eq!(
            run.send(&mut page, Message::CaptureScreenshots(true)),
            [Event::CaptureSwitched(true)]
        );
        assert!(page.capture);
        assert!(page.can_continue(&run.ctx()));
        assert_eq!(page.status(&run.ctx()), Status::Pending);
    }
}
