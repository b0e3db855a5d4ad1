//! Fluent translations embedded from `i18n/`, and the crate's `fl!` macro.

use std::sync::LazyLock;

use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::{DesktopLanguageRequester, LanguageLoader};
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

/// The translation files, compiled into the binary.
#[derive(RustEmbed)]
#[folder = "i18n/"]
pub struct Localizations;

/// The process-wide loader; English until `init` selects another language.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    loader
        .load_fallback_language(&Localizations)
        .expect("the English translations are embedded and valid");
    // Isolation marks around interpolated values render as boxes.
    loader.set_use_isolating(false);
    loader
});

/// Looks up a message, with optional `name = value` arguments.
#[macro_export]
macro_rules! fl {
    ($id:literal) => {{
        i18n_embed_fl::fl!($crate::localize::LOADER, $id)
    }};
    ($id:literal, $($args:expr),* $(,)?) => {{
        i18n_embed_fl::fl!($crate::localize::LOADER, $id, $($args),*)
    }};
}

/// Whether the selected language (or English) has message `id`.
pub fn has(id: &str) -> bool {
    LOADER.has(id)
}

/// Message `id` without arguments (for ids chosen at run time, such as
/// the command line's help texts).
pub fn text(id: &str) -> String {
    LOADER.get(id)
}

/// Selects `lang` (e.g. "de"), or the system's languages when `None`.
/// Unknown languages fall back to English. Returns the language in use.
pub fn init(lang: Option<&str>) -> String {
    let requested: Vec<LanguageIdentifier> = match lang {
        Some(code) => code.parse().into_iter().collect(),
        None => DesktopLanguageRequester::requested_languages(),
    };
    let _ = i18n_embed::select(&*LOADER, &Localizations, &requested);
    LOADER.set_use_isolating(false);
    LOADER.current_language().language.to_string()
}

static COMMAND_LINE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Marks this process as the command line (or not): only there do
/// messages name the option that acts on them. The window names the
/// action instead (issue 26: command-line syntax stays out of it).
pub fn set_command_line(on: bool) {
    COMMAND_LINE.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Whether this process speaks as the command line.
pub fn command_line() -> bool {
    COMMAND_LINE.load(std::sync::atomic::Ordering::Relaxed)
}

/// `text`, followed on the command line by the option(s) that act on it
/// (`--ca-file`); in the window, `text` alone.
pub fn with_option(text: String, options: &str) -> String {
    if command_line() {
        crate::fl!("cli-with-option", text = text, options = options)
    } else {
        text
    }
}
