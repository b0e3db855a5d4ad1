//! The wizard's own diagnostics: a daily log of every run in the data
//! directory (`log.rs`) and the zip support asks for (`bundle.rs`).
//! Nothing secret is ever formatted into either: passwords, tokens and
//! codes are [`crate::backend::Secret`]s or the oauth2 crate's redacted
//! types, URLs are shown without their query's values
//! ([`crate::backend::entra::url_for_log`]), and the events below name
//! servers, operations and results only.

pub mod bundle;
pub mod log;
