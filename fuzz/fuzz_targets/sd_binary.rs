//! Binary security descriptors: parse, serialize, re-parse; and SDDL text
//! of whatever parses.
//!
//! Invariants checked (an assert failure is a finding, like a panic):
//! - `from_bytes` never panics;
//! - when it parses, `to_bytes` gives bytes or an `EncodeError`, never a panic;
//! - those bytes parse to an equal descriptor and serialize to the same bytes;
//! - `sddl::format` never panics; when it gives text, `sddl::parse` accepts it
//!   and formatting the result gives the same text (with no domain, and with
//!   the domain `S-1-5-21-1-2-3` so that domain aliases are exercised).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use writeback_wizard::ad::{SecurityDescriptor, Sid, sddl};

static DOMAIN: LazyLock<Sid> = LazyLock::new(|| "S-1-5-21-1-2-3".parse().unwrap());

fuzz_target!(|data: &[u8]| {
    let Ok(sd) = SecurityDescriptor::from_bytes(data) else {
        return;
    };

    if let Ok(bytes) = sd.to_bytes() {
        let again = SecurityDescriptor::from_bytes(&bytes).unwrap_or_else(|e| {
            panic!("serialized bytes do not parse: {e}\nsd: {sd:?}\nbytes: {bytes:02x?}")
        });
        assert_eq!(again, sd, "binary round trip changed the descriptor");
        let bytes2 = again
            .to_bytes()
            .expect("a re-parsed descriptor no longer serializes");
        assert_eq!(bytes2, bytes, "second serialization differs");
    }

    for domain in [None, Some(&*DOMAIN)] {
        let Ok(text) = sddl::format(&sd, domain) else {
            continue;
        };
        let parsed = sddl::parse(&text, domain).unwrap_or_else(|e| {
            panic!("format gave SDDL that parse refuses: {e}\ntext: {text:?}\nsd: {sd:?}")
        });
        let text2 = sddl::format(&parsed, domain)
            .unwrap_or_else(|e| panic!("parsed SDDL does not format: {e}\ntext: {text:?}"));
        assert_eq!(text2, text, "SDDL text round trip differs");
    }
});

