//! What goes on and off the wire besides the operations themselves: the
//! DACL-only control, entries as ours, scopes, and the operation log.

use std::time::Instant;

use ldap3::SearchEntry;
use ldap3::controls::RawControl;

use super::{SD_FLAGS_DACL, SD_FLAGS_OID};
use crate::backend::{DirectoryError, Entry, Scope};

/// Logs one LDAP operation: server, what was asked, the result code (or
/// the error), the entries and the time. Never an attribute value, never
/// the password.
#[allow(clippy::too_many_arguments)]
pub(super) fn log_op(
    server: &str,
    op: &str,
    base: &str,
    scope: &str,
    filter: &str,
    dacl_only: bool,
    started: Instant,
    result: &Result<usize, DirectoryError>,
) {
    let controls = if dacl_only { "sd-flags(DACL)" } else { "" };
    let elapsed_ms = started.elapsed().as_millis() as u64;
    match result {
        Ok(entries) => tracing::info!(
            server,
            op,
            base,
            scope,
            filter,
            controls,
            rc = 0,
            entries,
            elapsed_ms,
            "ldap"
        ),
        Err(e) => {
            let rc = match e {
                DirectoryError::InvalidCredentials => Some(49),
                DirectoryError::InsufficientRights { .. } => Some(50),
                DirectoryError::NoSuchObject { .. } => Some(32),
                DirectoryError::Ldap { code, .. } => Some(*code),
                _ => None,
            };
            tracing::warn!(
                server,
                op,
                base,
                scope,
                filter,
                controls,
                rc,
                error = %e,
                elapsed_ms,
                "ldap failed"
            )
        }
    }
}

pub(super) fn sd_flags_control() -> RawControl {
    RawControl {
        ctype: SD_FLAGS_OID.to_string(),
        crit: true,
        val: Some(SD_FLAGS_DACL.to_vec()),
    }
}

pub(super) fn to_entry(se: SearchEntry) -> Entry {
    let mut entry = Entry {
        dn: se.dn,
        ..Entry::default()
    };
    // ldap3 puts values that happen to be valid UTF-8 among the text ones,
    // even binary ones such as a SID: keep the bytes of both.
    for (name, values) in se.attrs {
        entry
            .attrs
            .entry(name.to_ascii_lowercase())
            .or_default()
            .extend(values.into_iter().map(String::into_bytes));
    }
    for (name, values) in se.bin_attrs {
        entry
            .attrs
            .entry(name.to_ascii_lowercase())
            .or_default()
            .extend(values);
    }
    entry
}

pub(super) fn ldap_scope(scope: Scope) -> ldap3::Scope {
    match scope {
        Scope::Base => ldap3::Scope::Base,
        Scope::OneLevel => ldap3::Scope::OneLevel,
        Scope::Subtree => ldap3::Scope::Subtree,
    }
}

/// The scope's name in the log.
pub(super) fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Base => "base",
        Scope::OneLevel => "one",
        Scope::Subtree => "subtree",
    }
}
