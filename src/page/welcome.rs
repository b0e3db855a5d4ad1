//! Welcome: what will change and why, what is needed, demo or profile,
//! language.

use iced::widget::{checkbox, column, pick_list, row, text};

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

/// The page's view; `source` names the demo or the profile in use;
/// `capture` is the "Capture screenshots" option.
pub fn view<'a>(lang: &str, demo: bool, source: String, capture: bool) -> Element<'a, Message> {
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
        checkbox(capture)
            .label(fl!("runbook-capture"))
            .on_toggle(Message::CaptureScreenshots)
            .text_size(size::BODY),
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
