//! GUIDs in Active Directory's byte order (first three fields little-endian).

use std::fmt;
use std::str::FromStr;

/// A GUID, stored as the 16 bytes AD puts on the wire (MS-DTYP 2.3.4.2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Guid(pub [u8; 16]);

/// A GUID in text form was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a GUID has the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hex digits)")]
pub struct GuidParseError;

impl Guid {
    /// Builds a GUID from its text form at compile time; panics on bad text,
    /// so use it only for constants.
    pub const fn from_str_const(s: &str) -> Guid {
        let b = s.as_bytes();
        assert!(b.len() == 36, "GUID text must be 36 characters");
        let mut raw = [0u8; 16];
        let mut i = 0;
        let mut n = 0;
        while i < 36 {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                assert!(b[i] == b'-', "GUID dashes misplaced");
                i += 1;
                continue;
            }
            raw[n] = (hex_val(b[i]) << 4) | hex_val(b[i + 1]);
            n += 1;
            i += 2;
        }
        Guid(text_to_wire(raw))
    }

    /// The wire (AD) byte order.
    pub fn bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

const fn hex_val(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => panic!("not a hex digit"),
    }
}

/// Reorders the 16 bytes of the text form into wire order (and back: it is
/// its own inverse).
const fn text_to_wire(t: [u8; 16]) -> [u8; 16] {
    [
        t[3], t[2], t[1], t[0], t[5], t[4], t[7], t[6], t[8], t[9], t[10], t[11], t[12], t[13],
        t[14], t[15],
    ]
}

impl FromStr for Guid {
    type Err = GuidParseError;

    fn from_str(s: &str) -> Result<Guid, GuidParseError> {
        let s = s
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .unwrap_or(s);
        let b = s.as_bytes();
        if b.len() != 36 {
            return Err(GuidParseError);
        }
        let mut raw = [0u8; 16];
        let mut n = 0;
        let mut i = 0;
        while i < 36 {
            if matches!(i, 8 | 13 | 18 | 23) {
                if b[i] != b'-' {
                    return Err(GuidParseError);
                }
                i += 1;
                continue;
            }
            let hi = (b[i] as char).to_digit(16).ok_or(GuidParseError)?;
            let lo = (b[i + 1] as char).to_digit(16).ok_or(GuidParseError)?;
            raw[n] = (hi << 4 | lo) as u8;
            n += 1;
            i += 2;
        }
        Ok(Guid(text_to_wire(raw)))
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = text_to_wire(self.0);
        for (i, byte) in t.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Guid({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reset_password_guid_has_the_documented_wire_bytes() {
        let g: Guid = "00299570-246d-11d0-a768-00aa006e0529".parse().unwrap();
        assert_eq!(
            g.0,
            [
                0x70, 0x95, 0x29, 0x00, 0x6d, 0x24, 0xd0, 0x11, 0xa7, 0x68, 0x00, 0xaa, 0x00, 0x6e,
                0x05, 0x29
            ]
        );
        assert_eq!(g.to_string(), "00299570-246d-11d0-a768-00aa006e0529");
        assert_eq!(
            g,
            Guid::from_str_const("00299570-246D-11D0-A768-00AA006E0529")
        );
        assert_eq!("{00299570-246d-11d0-a768-00aa006e0529}".parse(), Ok(g));
    }

    #[test]
    fn bad_text_is_refused() {
        for bad in [
            "",
            "00299570-246d-11d0-a768-00aa006e052",
            "00299570-246d-11d0-a768-00aa006e052g",
            "00299570x246d-11d0-a768-00aa006e0529",
            "0029957é-246d-11d0-a768-00aa006e0529",
        ] {
            assert_eq!(bad.parse::<Guid>(), Err(GuidParseError), "{bad}");
        }
    }
}
