//! The captured security descriptors of `tests/fixtures/` and the SIDs they
//! name (the golden SD tests and `writeback-wizard sd`).
// Shared by several test binaries, each using a part of it.
#![allow(dead_code)]

use writeback_wizard::ad::{SecurityDescriptor, Sid};

/// The domain SID of the Samba DC the fixtures were captured from.
pub const DOMAIN_SID: &str = "S-1-5-21-3372081686-3581938273-1940026438";
/// golden-user, the account the fixtures' grant was given to.
pub const GOLDEN_USER_SID: &str = "S-1-5-21-3372081686-3581938273-1940026438-1102";

/// A fixture file's text.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A fixture's bytes (from its base64 file).
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    writeback_wizard::cli::sd::decode_base64(&fixture(name)).expect("fixture is base64")
}

/// A fixture parsed as a security descriptor.
pub fn fixture_sd(name: &str) -> SecurityDescriptor {
    SecurityDescriptor::from_bytes(&fixture_bytes(name)).expect("fixture parses")
}

/// The domain SID.
pub fn domain() -> Sid {
    DOMAIN_SID.parse().unwrap()
}

/// golden-user's SID.
pub fn golden_user() -> Sid {
    GOLDEN_USER_SID.parse().unwrap()
}
