//! The wizard's look: calm like Windows 11 Settings. A light grey window
//! with white cards (dark: near-black with raised grey cards), one accent
//! colour for the main action and the current step, status colours only on
//! small badges.

use iced::widget::button;
use iced::{Background, Border, Color, Theme};

const fn rgb(r: u8, g: u8, b: u8) -> Color {
    Color::from_rgb8(r, g, b)
}

/// The light theme.
pub fn light() -> Theme {
    Theme::custom(
        "writeback-wizard light",
        iced::theme::Palette {
            background: rgb(0xF3, 0xF3, 0xF3),
            text: rgb(0x1B, 0x1B, 0x1B),
            primary: rgb(0x00, 0x5F, 0xB8),
            success: rgb(0x0F, 0x7B, 0x0F),
            warning: rgb(0x9D, 0x5D, 0x00),
            danger: rgb(0xC4, 0x2B, 0x1C),
        },
    )
}

/// The dark theme.
pub fn dark() -> Theme {
    Theme::custom(
        "writeback-wizard dark",
        iced::theme::Palette {
            background: rgb(0x20, 0x20, 0x20),
            text: rgb(0xF2, 0xF2, 0xF2),
            primary: rgb(0x4C, 0xC2, 0xFF),
            success: rgb(0x6C, 0xCB, 0x5F),
            warning: rgb(0xFC, 0xE1, 0x00),
            danger: rgb(0xFF, 0x99, 0xA4),
        },
    )
}

/// Whether `theme` is one of the dark ones.
pub fn is_dark(theme: &Theme) -> bool {
    theme.extended_palette().is_dark
}

/// A card's surface: white on light grey, a raised grey on dark.
pub fn surface(theme: &Theme) -> Color {
    if is_dark(theme) {
        rgb(0x2B, 0x2B, 0x2B)
    } else {
        Color::WHITE
    }
}

/// A hairline around cards and fields.
pub fn hairline(theme: &Theme) -> Color {
    if is_dark(theme) {
        rgb(0x3A, 0x3A, 0x3A)
    } else {
        rgb(0xE5, 0xE5, 0xE5)
    }
}

/// Quiet text (subtitles, hints).
pub fn quiet(theme: &Theme) -> Color {
    if is_dark(theme) {
        rgb(0xC5, 0xC5, 0xC5)
    } else {
        rgb(0x5F, 0x5F, 0x5F)
    }
}

/// Secondary buttons: the surface colour with a hairline, text in the
/// theme's text colour.
pub fn secondary_button(theme: &Theme, status: button::Status) -> button::Style {
    let palette = theme.extended_palette();
    let base = surface(theme);
    let hover = if is_dark(theme) {
        rgb(0x32, 0x32, 0x32)
    } else {
        rgb(0xF6, 0xF6, 0xF6)
    };
    let background = match status {
        button::Status::Hovered | button::Status::Pressed => hover,
        _ => base,
    };
    let text_color = match status {
        button::Status::Disabled => palette.background.strong.color,
        _ => palette.background.base.text,
    };
    button::Style {
        background: Some(Background::Color(background)),
        text_color,
        border: Border {
            color: hairline(theme),
            width: 1.0,
            radius: 6.0.into(),
        },
        ..button::Style::default()
    }
}

/// Text fields: the surface with a hairline and rounded corners; the accent
/// underlines the focused one; a fixed field (the demo's) reads as text on
/// a faint fill.
pub fn text_input(
    theme: &Theme,
    status: iced::widget::text_input::Status,
) -> iced::widget::text_input::Style {
    use iced::widget::text_input::{Status, Style};
    let palette = theme.extended_palette();
    let active = Style {
        background: Background::Color(surface(theme)),
        border: Border {
            radius: 6.0.into(),
            width: 1.0,
            color: if is_dark(theme) {
                rgb(0x4A, 0x4A, 0x4A)
            } else {
                rgb(0xD1, 0xD1, 0xD1)
            },
        },
        icon: quiet(theme),
        placeholder: quiet(theme),
        value: palette.background.base.text,
        selection: palette.primary.weak.color,
    };
    match status {
        Status::Active => active,
        Status::Hovered => Style {
            border: Border {
                color: quiet(theme),
                ..active.border
            },
            ..active
        },
        Status::Focused { .. } => Style {
            border: Border {
                color: palette.primary.base.color,
                ..active.border
            },
            ..active
        },
        Status::Disabled => Style {
            background: Background::Color(if is_dark(theme) {
                rgb(0x26, 0x26, 0x26)
            } else {
                rgb(0xF7, 0xF7, 0xF7)
            }),
            value: quiet(theme),
            border: Border {
                color: hairline(theme),
                ..active.border
            },
            ..active
        },
    }
}
