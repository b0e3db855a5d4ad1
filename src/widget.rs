//! Shared view pieces: headings, cards, status badges, the sidebar entry.
//! They know no page and no task: a page hands a badge anything that
//! becomes a [`Tone`], and the sidebar a step's [`Status`].

use iced::widget::{Space, column, container, row, text};
use iced::{Background, Border, Color, Length, Theme};

/// A step's state in the sidebar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not started.
    Pending,
    /// Work under way.
    Running,
    /// Finished well.
    Done,
    /// Finished with findings.
    Warning,
    /// Failed.
    Failed,
}

/// How a badge grades what it stands beside: fine, a warning, or
/// blocking. Typed results become one (`From`) where they are explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Fine.
    Good,
    /// Worth a look.
    Warn,
    /// Stops the step.
    Bad,
}

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

/// A badge's text and background colours for a tone (the contrast test
/// reads them too).
pub fn tone_colors(theme: &Theme, tone: Tone) -> (Color, Color) {
    let c = pair(theme, tone_kind(tone));
    (c.text, c.color)
}

fn tone_kind(tone: Tone) -> Kind {
    match tone {
        Tone::Good => Kind::Good,
        Tone::Warn => Kind::Warn,
        Tone::Bad => Kind::Bad,
    }
}

/// A badge for a graded result (a pre-flight outcome): "OK", "Warning" or
/// "Blocking".
pub fn outcome<'a, M: 'a>(grade: impl Into<Tone>) -> Element<'a, M> {
    let tone = grade.into();
    let label = match tone {
        Tone::Good => crate::fl!("outcome-ok"),
        Tone::Warn => crate::fl!("outcome-warning"),
        Tone::Bad => crate::fl!("outcome-blocking"),
    };
    pill(label, tone_kind(tone))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{contrast, dark, light, over, surface};

    /// WCAG 2.1 AA for text: 4.5:1.
    const AA: f32 = 4.5;

    #[test]
    fn badges_and_error_boxes_meet_wcag_aa_in_both_themes() {
        let mut failures = Vec::new();
        for (name, theme) in [("light", light()), ("dark", dark())] {
            let window = theme.extended_palette().background.base.color;
            let mut cases = Vec::new();
            for tone in [Tone::Good, Tone::Warn, Tone::Bad] {
                let (fg, bg) = tone_colors(&theme, tone);
                for under in [window, surface(&theme)] {
                    let bg = over(bg, under);
                    cases.push(("badge", over(fg, bg), bg));
                }
            }
            let error = error_style(&theme);
            if let (Some(fg), Some(Background::Color(bg))) = (error.text_color, error.background) {
                for under in [window, surface(&theme)] {
                    cases.push(("error box", fg, over(bg, under)));
                }
            }
            assert_eq!(cases.len(), 8, "every case drawn");
            for (what, fg, bg) in cases {
                let ratio = contrast(fg, bg);
                if ratio < AA {
                    failures.push(format!("{name}: {what} {ratio:.2}:1 < {AA}:1"));
                }
            }
        }
        assert!(failures.is_empty(), "below WCAG 2.1 AA: {failures:#?}");
    }
}
