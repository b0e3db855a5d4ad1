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

/// The page's main action: iced's accent button, but on a light theme
/// hovering darkens it (iced lightens a dark accent, and white text on the
/// lighter blue falls below 4.5:1).
pub fn primary_button(theme: &Theme, status: button::Status) -> button::Style {
    darker_on_hover(theme, status, button::primary(theme, status), |p| {
        p.primary.base.color
    })
}

/// An action that undoes or removes: iced's danger button, hovered as
/// [`primary_button`].
pub fn danger_button(theme: &Theme, status: button::Status) -> button::Style {
    darker_on_hover(theme, status, button::danger(theme, status), |p| {
        p.danger.base.color
    })
}

fn darker_on_hover(
    theme: &Theme,
    status: button::Status,
    style: button::Style,
    base: fn(&iced::theme::palette::Extended) -> Color,
) -> button::Style {
    if is_dark(theme) || status != button::Status::Hovered {
        return style;
    }
    let color = iced::theme::palette::darken(base(theme.extended_palette()), 0.06);
    button::Style {
        background: Some(Background::Color(color)),
        ..style
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

/// `top` painted over the opaque `under` (alpha blending, as the renderer
/// does for a translucent fill or text).
pub fn over(top: Color, under: Color) -> Color {
    let a = top.a;
    Color {
        r: top.r * a + under.r * (1.0 - a),
        g: top.g * a + under.g * (1.0 - a),
        b: top.b * a + under.b * (1.0 - a),
        a: 1.0,
    }
}

/// The WCAG 2.1 contrast ratio of text `fg` on `bg` (1 to 21).
pub fn contrast(fg: Color, bg: Color) -> f32 {
    fg.relative_contrast(bg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::widget::{button, container, text_input};

    /// WCAG 2.1 AA: 4.5:1 for text, 3:1 for large text (18 pt, i.e. 24 px).
    const AA: f32 = 4.5;
    const AA_LARGE: f32 = 3.0;

    struct Case {
        what: &'static str,
        fg: Color,
        bg: Color,
        large: bool,
    }

    fn bg_of(style: &button::Style, under: Color) -> Color {
        match style.background {
            Some(Background::Color(c)) => over(c, under),
            _ => under,
        }
    }

    /// Every text the window draws on a button, a field, a card or the
    /// window itself, with what it is drawn on (enabled controls: WCAG
    /// exempts disabled ones). Badges and error boxes: `widget`'s tests.
    fn cases(theme: &Theme) -> Vec<Case> {
        let p = theme.extended_palette();
        let window = p.background.base.color;
        let card = surface(theme);
        let text = p.background.base.text;
        let mut cases = vec![
            Case {
                what: "title on the window",
                fg: text,
                bg: window,
                large: true,
            },
            Case {
                what: "body text on the window",
                fg: text,
                bg: window,
                large: false,
            },
            Case {
                what: "body text on a card",
                fg: text,
                bg: card,
                large: false,
            },
            Case {
                what: "quiet text on the window",
                fg: quiet(theme),
                bg: window,
                large: false,
            },
            Case {
                what: "quiet text on a card",
                fg: quiet(theme),
                bg: card,
                large: false,
            },
        ];
        type Style = fn(&Theme, button::Status) -> button::Style;
        let buttons: [(&str, Style, Color); 4] = [
            ("primary button", primary_button, card),
            ("secondary button", secondary_button, card),
            ("destructive button", danger_button, window),
            ("link", button::text, window),
        ];
        for (what, style, under) in buttons {
            for status in [
                button::Status::Active,
                button::Status::Hovered,
                button::Status::Pressed,
            ] {
                let s = style(theme, status);
                let bg = bg_of(&s, under);
                cases.push(Case {
                    what,
                    fg: over(s.text_color, bg),
                    bg,
                    large: false,
                });
            }
        }
        let demo = container::warning(theme);
        if let (Some(fg), Some(Background::Color(bg))) = (demo.text_color, demo.background) {
            let bg = over(bg, window);
            cases.push(Case {
                what: "demo badge",
                fg,
                bg,
                large: false,
            });
        }
        for status in [text_input::Status::Active, text_input::Status::Disabled] {
            let s = super::text_input(theme, status);
            if let Background::Color(bg) = s.background {
                let bg = over(bg, card);
                cases.push(Case {
                    what: "field value",
                    fg: s.value,
                    bg,
                    large: false,
                });
                cases.push(Case {
                    what: "field placeholder",
                    fg: s.placeholder,
                    bg,
                    large: false,
                });
            }
        }
        cases
    }

    #[test]
    fn every_text_meets_wcag_aa_in_both_themes() {
        let mut failures = Vec::new();
        for (name, theme) in [("light", light()), ("dark", dark())] {
            for c in cases(&theme) {
                let ratio = contrast(c.fg, c.bg);
                let need = if c.large { AA_LARGE } else { AA };
                if ratio < need {
                    failures.push(format!("{name}: {} {ratio:.2}:1 < {need}:1", c.what));
                }
            }
        }
        assert!(failures.is_empty(), "below WCAG 2.1 AA: {failures:#?}");
    }

    #[test]
    fn contrast_is_the_wcag_ratio() {
        assert!((contrast(Color::BLACK, Color::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color::WHITE, Color::WHITE) - 1.0).abs() < 0.001);
        // #767676 on white is the classic 4.54:1 AA boundary.
        let grey = rgb(0x76, 0x76, 0x76);
        assert!((contrast(grey, Color::WHITE) - 4.54).abs() < 0.02);
        // Half-transparent black over white is mid grey.
        let mid = over(
            Color {
                a: 0.5,
                ..Color::BLACK
            },
            Color::WHITE,
        );
        assert!((mid.r - 0.5).abs() < 0.001);
    }
}
