//! The parsers never panic: truncated, bit-flipped and random input gives
//! an error (or, where it happens to be valid, a descriptor), never a panic.

mod support {
    pub mod golden;
}

use support::golden;

use golden::*;
use writeback_wizard::ad::{SecurityDescriptor, sddl};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

#[test]
fn every_truncation_of_a_real_descriptor_is_an_error() {
    for name in [
        "domain-root.full.b64",
        "user.dacl.b64",
        "protected-user.full.b64",
    ] {
        let bytes = fixture_bytes(name);
        for n in 0..bytes.len() {
            assert!(
                SecurityDescriptor::from_bytes(&bytes[..n]).is_err(),
                "{name} cut at {n} parsed"
            );
        }
    }
}

#[test]
fn flipped_bytes_never_panic_and_what_parses_re_encodes() {
    let bytes = fixture_bytes("domain-root.full.b64");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..bytes.len() {
        let mut b = bytes.clone();
        b[i] ^= 1 << (rng.next() % 8);
        if let Ok(sd) = SecurityDescriptor::from_bytes(&b) {
            let again = sd.to_bytes().unwrap();
            assert_eq!(SecurityDescriptor::from_bytes(&again).unwrap(), sd);
            let _ = sddl::format(&sd, None);
        }
    }
}

#[test]
fn random_buffers_never_panic() {
    let mut rng = Rng(42);
    let mut parsed = 0;
    for _ in 0..20_000 {
        let len = (rng.next() % 300) as usize;
        let mut b: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        if b.len() >= 4 && rng.next() % 2 == 0 {
            // A plausible header makes the parser go deeper.
            b[0] = 1;
            b[3] |= 0x80;
        }
        if SecurityDescriptor::from_bytes(&b).is_ok() {
            parsed += 1;
        }
    }
    // Garbage is almost never a descriptor.
    assert!(parsed < 20_000);
}

#[test]
fn every_truncation_of_real_sddl_never_panics() {
    let domain = domain();
    let text = fixture("domain-root-granted.sddl");
    let text = text.trim();
    let mut errors = 0;
    for (i, _) in text.char_indices() {
        if sddl::parse(&text[..i], Some(&domain)).is_err() {
            errors += 1;
        }
        let _ = sddl::parse(&text[i..], Some(&domain));
    }
    assert!(errors > text.len() / 2, "most cuts land inside an ACE");
}

#[test]
fn garbage_text_never_panics() {
    let mut rng = Rng(7);
    let alphabet: Vec<char> = "OGDSA:;()PIRCNW-0123456789abcdefxé€🙂 SY".chars().collect();
    for _ in 0..20_000 {
        let len = (rng.next() % 80) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
            .collect();
        let _ = sddl::parse(&s, None);
        let _ = sddl::parse_ace(&s, None);
    }
}
