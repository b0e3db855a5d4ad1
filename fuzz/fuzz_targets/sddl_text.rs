//! SDDL text: parse a descriptor and a single ACE, with no domain and with
//! the domain `S-1-5-21-1-2-3`.
//!
//! Invariants checked (an assert failure is a finding, like a panic):
//! - `sddl::parse` and `sddl::parse_ace` never panic;
//! - a parsed descriptor serializes (`to_bytes`), unless an ACL really is
//!   over 65,535 bytes, and `from_bytes` gives back an equal descriptor
//!   (every field, `layout` included: the SDDL parser lays parts out in
//!   Windows order, the binary parser records the order of the offsets, and
//!   the two must agree), which serializes to the same bytes again;
//! - a parsed descriptor formats (`sddl::format`) and that text parses to an
//!   equal descriptor (formatted and re-parsed with no domain, and with the
//!   domain it was parsed with);
//! - a parsed ACE formats (`sddl::format_ace`) and that text parses to an
//!   equal ACE.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use writeback_wizard::ad::{SecurityDescriptor, Sid, sddl};

static DOMAIN: LazyLock<Sid> = LazyLock::new(|| "S-1-5-21-1-2-3".parse().unwrap());

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for domain in [None, Some(&*DOMAIN)] {
        if let Ok(sd) = sddl::parse(text, domain) {
            check_sd(&sd, domain);
        }
        if let Ok(ace) = sddl::parse_ace(text, domain) {
            for fmt_domain in [None, domain] {
                let text2 = sddl::format_ace(&ace, fmt_domain)
                    .unwrap_or_else(|| panic!("parsed ACE does not format: {ace:?}"));
                let back = sddl::parse_ace(&text2, fmt_domain).unwrap_or_else(|e| {
                    panic!("format_ace gave text parse_ace refuses: {e}\ntext: {text2:?}")
                });
                assert_eq!(back, ace, "ACE text round trip changed the ACE ({text2:?})");
            }
        }
    }
});

fn check_sd(sd: &SecurityDescriptor, domain: Option<&Sid>) {
    match sd.to_bytes() {
        Ok(bytes) => {
            let back = SecurityDescriptor::from_bytes(&bytes).unwrap_or_else(|e| {
                panic!("serialized bytes do not parse: {e}\nsd: {sd:?}\nbytes: {bytes:02x?}")
            });
            assert_eq!(&back, sd, "SDDL -> binary -> parse changed the descriptor");
            let bytes2 = back
                .to_bytes()
                .expect("a re-parsed descriptor no longer serializes");
            assert_eq!(bytes2, bytes, "second serialization differs");
        }
        Err(e) => {
            let too_big = [&sd.sacl, &sd.dacl]
                .into_iter()
                .flatten()
                .any(|acl| acl.binary_len() > u16::MAX as usize || acl.aces.len() > u16::MAX as usize);
            assert!(too_big, "to_bytes refused a descriptor of normal size: {e}\nsd: {sd:?}");
        }
    }
    for fmt_domain in [None, domain] {
        let text = sddl::format(sd, fmt_domain)
            .unwrap_or_else(|e| panic!("a parsed descriptor does not format: {e}\nsd: {sd:?}"));
        let back = sddl::parse(&text, fmt_domain).unwrap_or_else(|e| {
            panic!("format gave SDDL that parse refuses: {e}\ntext: {text:?}")
        });
        assert_eq!(&back, sd, "SDDL format -> parse changed the descriptor ({text:?})");
    }
}
