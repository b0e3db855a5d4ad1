//! Shared view pieces: headings, cards, status badges, the sidebar entry.

use iced::widget::{Space, column, container, row, text};
use iced::{Background, Border, Color, Length, Theme};

use crate::page::Status;
use crate::task::permissions::Outcome;

/// The element type of every view.
pub type Element<'a, M> = iced::Element<'a, M>;

/// Sizes, in logical pixels.
pub mod size {
    /// Page title.
    pub const TITLE: f32 = 26.0;
    /// Section heading.
    pub const HEADING: f32 = 18.0;
    /// Body text.
    pub const BODY: f32 = 15.0;
    /// Small print (SDDL, paths).
    pub const SMALL: f32 = 12.0;
    /// Space between blocks.
    pub const GAP: f32 = 14.0;
}

/// A page title with a one-line explanation under it.
pub fn title<'a, M: 'a>(title: String, subtitle: String) -> Element<'a, M> {
    column![
        text(title).size(size::TITLE),
        text(subtitle)
            .size(size::BODY)
            .style(|theme: &Theme| text::Style {
                color: Some(crate::theme::quiet(theme)),
            }),
    ]
    .spacing(6)
    .into()
}

/// A section heading.
pub fn heading<'a, M: 'a>(label: String) -> Element<'a, M> {
    text(label).size(size::HEADING).into()
}

/// Body text.
pub fn body<'a, M: 'a>(label: String) -> Element<'a, M> {
    text(label).size(size::BODY).into()
}

/// Small text, for SDDL and paths.
pub fn small<'a, M: 'a>(label: String) -> Element<'a, M> {
    text(label)
        .size(size::SMALL)
        .style(|theme: &Theme| text::Style {
            color: Some(crate::theme::quiet(theme)),
        })
        .into()
}

/// Small text that wraps only after `sep` (`;` between the fields of an
/// SDDL entry, `,` between the parts of a DN): never inside a GUID or SID.
/// Each part is laid out whole, the parts flow onto as many lines as the
/// width needs.
pub fn breakable<'a, M: 'a>(value: &str, sep: char) -> Element<'a, M> {
    let mut parts = row![];
    for part in value.split_inclusive(sep) {
        parts = parts.push(
            text(part.to_string())
                .size(size::SMALL)
                .wrapping(text::Wrapping::None)
                .style(|theme: &Theme| text::Style {
                    color: Some(crate::theme::quiet(theme)),
                }),
        );
    }
    parts.wrap().vertical_spacing(2).into()
}

/// A DN as a heading that wraps between its parts (after each comma).
pub fn dn_heading<'a, M: 'a>(dn: &str) -> Element<'a, M> {
    let mut parts = row![];
    for part in dn.split_inclusive(',') {
        parts = parts.push(
            text(part.to_string())
                .size(size::HEADING)
                .wrapping(text::Wrapping::None),
        );
    }
    parts.wrap().into()
}

/// A card around content: the surface colour with a hairline, as the
/// groups of Windows 11 Settings.
pub fn card<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    container(content)
        .padding([16, 18])
        .width(Length::Fill)
        .style(|theme: &Theme| container::Style {
            background: Some(Background::Color(crate::theme::surface(theme))),
            border: Border {
                color: crate::theme::hairline(theme),
                width: 1.0,
                radius: 8.0.into(),
            },
            ..container::Style::default()
        })
        .into()
}

/// The current step in the sidebar: the surface with an accent edge.
pub fn current_step(theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(crate::theme::surface(theme))),
        border: Border {
            color: crate::theme::hairline(theme),
            width: 1.0,
            radius: 6.0.into(),
        },
        ..container::Style::default()
    }
}

/// The footer with Back and Next: the surface, a hairline above.
pub fn footer(theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(crate::theme::surface(theme))),
        border: Border {
            color: crate::theme::hairline(theme),
            width: 1.0,
            radius: 0.0.into(),
        },
        ..container::Style::default()
    }
}

fn pair(theme: &Theme, kind: Kind) -> iced::theme::palette::Pair {
    let p = theme.extended_palette();
    match kind {
        Kind::Good => p.success.base,
        Kind::Warn => p.warning.base,
        Kind::Bad => p.danger.base,
        Kind::Busy => p.primary.base,
        Kind::Idle => p.background.strong,
    }
}

fn colors(theme: &Theme, kind: Kind) -> Color {
    pair(theme, kind).color
}

#[derive(Clone, Copy)]
enum Kind {
    Good,
    Warn,
    Bad,
    Busy,
    Idle,
}

fn pill<'a, M: 'a>(label: String, kind: Kind) -> Element<'a, M> {
    container(text(label).size(size::SMALL))
        .padding([2, 8])
        .style(move |theme: &Theme| {
            let c = pair(theme, kind);
            container::Style {
                text_color: Some(c.text),
                background: Some(Background::Color(c.color)),
                border: Border {
                    radius: 10.0.into(),
                    ..Border::default()
                },
                ..container::Style::default()
            }
        })
        .into()
}

/// A badge's text and background colours for an outcome (the contrast
/// test reads them too).
pub fn outcome_colors(theme: &Theme, o: Outcome) -> (Color, Color) {
    let c = pair(theme, outcome_kind(o));
    (c.text, c.color)
}

fn outcome_kind(o: Outcome) -> Kind {
    match o {
        Outcome::Ok => Kind::Good,
        Outcome::Warning => Kind::Warn,
        Outcome::Blocking => Kind::Bad,
    }
}

/// A badge for a pre-flight outcome.
pub fn outcome<'a, M: 'a>(o: Outcome) -> Element<'a, M> {
    match o {
        Outcome::Ok => pill(crate::fl!("outcome-ok"), Kind::Good),
        Outcome::Warning => pill(crate::fl!("outcome-warning"), Kind::Warn),
        Outcome::Blocking => pill(crate::fl!("outcome-blocking"), Kind::Bad),
    }
}

/// A coloured dot for a step's status.
pub fn dot<'a, M: 'a>(status: Status) -> Element<'a, M> {
    let kind = match status {
        Status::Pending => Kind::Idle,
        Status::Running => Kind::Busy,
        Status::Done => Kind::Good,
        Status::Warning => Kind::Warn,
        Status::Failed => Kind::Bad,
    };
    container(Space::new().width(10).height(10))
        .style(move |theme: &Theme| container::Style {
            background: Some(Background::Color(colors(theme, kind))),
            border: Border {
                radius: 5.0.into(),
                ..Border::default()
            },
            ..container::Style::default()
        })
        .into()
}

/// A line with a badge and text.
pub fn badge_line<'a, M: 'a>(badge: Element<'a, M>, label: String) -> Element<'a, M> {
    row![badge, text(label).size(size::BODY)]
        .spacing(10)
        .align_y(iced::Alignment::Center)
        .into()
}

/// An error box.
pub fn error<'a, M: 'a>(message: String) -> Element<'a, M> {
    container(text(message).size(size::BODY))
        .padding(12)
        .width(Length::Fill)
        .style(error_style)
        .into()
}

/// The error box's look: a faint red tint with a red edge.
pub fn error_style(theme: &Theme) -> container::Style {
    let p = theme.extended_palette();
    let tint = if crate::theme::is_dark(theme) {
        0.16
    } else {
        0.08
    };
    let background = Color {
        a: tint,
        ..p.danger.base.color
    };
    container::Style {
        text_color: Some(p.background.base.text),
        background: Some(Background::Color(background)),
        border: Border {
            color: p.danger.base.color,
            width: 1.0,
            radius: 6.0.into(),
        },
        ..container::Style::default()
    }
}

/// A card for running work: what is happening, how far (when known), and
/// a Cancel button (None once a write has been sent: it can no longer be
/// called back, and the page says so).
pub fn busy<'a, M: Clone + 'a>(
    label: String,
    fraction: Option<f32>,
    cancel: Option<M>,
) -> Element<'a, M> {
    let mut content = column![body(label)].spacing(10);
    if let Some(f) = fraction {
        content = content.push(iced::widget::progress_bar(0.0..=1.0, f.clamp(0.0, 1.0)).girth(6));
    }
    content = match cancel {
        Some(cancel) => content.push(secondary(crate::fl!("button-cancel"), Some(cancel))),
        None => content.push(small(crate::fl!("busy-writing"))),
    };
    card(content)
}

fn labelled<'a, M: Clone + 'a>(
    label: String,
    on_press: Option<M>,
    style: fn(&Theme, iced::widget::button::Status) -> iced::widget::button::Style,
) -> Element<'a, M> {
    let button = iced::widget::button(text(label).size(size::BODY))
        .on_press_maybe(on_press.clone())
        .style(style)
        .padding([8, 18]);
    crate::focus::focus(button, on_press)
}

/// The page's main action (one per page at most): filled with the accent
/// colour. Disabled without a message.
pub fn primary<'a, M: Clone + 'a>(label: String, on_press: Option<M>) -> Element<'a, M> {
    labelled(label, on_press, crate::theme::primary_button)
}

/// Any other action: outlined, quiet.
pub fn secondary<'a, M: Clone + 'a>(label: String, on_press: Option<M>) -> Element<'a, M> {
    labelled(label, on_press, crate::theme::secondary_button)
}

/// An action that undoes or removes: red only where it matters.
pub fn destructive<'a, M: Clone + 'a>(label: String, on_press: Option<M>) -> Element<'a, M> {
    labelled(label, on_press, crate::theme::danger_button)
}

/// A link-like action inside text (sign out, open a page).
pub fn link<'a, M: Clone + 'a>(label: String, on_press: Option<M>) -> Element<'a, M> {
    let button = iced::widget::button(text(label).size(size::SMALL))
        .on_press_maybe(on_press.clone())
        .style(iced::widget::button::text)
        .padding([2, 4]);
    crate::focus::focus(button, on_press)
}

/// How far a user scan has come, for a bar without a known total: it moves
/// quickly at first and approaches the end as more users are seen.
pub fn scan_fraction(scanned: u64) -> f32 {
    0.4 + 0.55 * (1.0 - 1.0 / (1.0 + scanned as f32 / 200.0))
}
