//! Security identifiers (MS-DTYP 2.4.2): text form `S-1-5-21-…` and binary.

use std::fmt;
use std::str::FromStr;

use super::error::{DecodeError, DecodeErrorKind};

/// The most sub-authorities a SID may carry.
pub const MAX_SUB_AUTHORITIES: usize = 15;

/// A security identifier. Stored inline (no heap), so it is `Copy`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sid {
    authority: [u8; 6],
    count: u8,
    subs: [u32; MAX_SUB_AUTHORITIES],
}

/// Why a SID in text form was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SidParseError {
    /// It does not start with `S-1-`.
    #[error("a SID starts with \"S-1-\"")]
    Prefix,
    /// A part is not a decimal number in range.
    #[error("SID part {0} is not a number in range")]
    Number(usize),
    /// More than 15 sub-authorities.
    #[error("a SID has at most 15 sub-authorities")]
    TooLong,
}

impl Sid {
    /// Builds a SID from its identifier authority and sub-authorities.
    /// Returns `None` when there are more than 15 sub-authorities.
    pub fn new(authority: u64, subs: &[u32]) -> Option<Sid> {
        if subs.len() > MAX_SUB_AUTHORITIES || authority >= 1 << 48 {
            return None;
        }
        let mut sid = Sid {
            authority: [0; 6],
            count: subs.len() as u8,
            subs: [0; MAX_SUB_AUTHORITIES],
        };
        sid.authority.copy_from_slice(&authority.to_be_bytes()[2..]);
        sid.subs[..subs.len()].copy_from_slice(subs);
        Some(sid)
    }

    /// The 48-bit identifier authority (5 for NT AUTHORITY).
    pub fn authority(&self) -> u64 {
        let mut b = [0u8; 8];
        b[2..].copy_from_slice(&self.authority);
        u64::from_be_bytes(b)
    }

    /// The sub-authorities, the last one being the RID.
    pub fn sub_authorities(&self) -> &[u32] {
        &self.subs[..self.count as usize]
    }

    /// The relative identifier (last sub-authority), if any.
    pub fn rid(&self) -> Option<u32> {
        self.sub_authorities().last().copied()
    }

    /// This SID with one more sub-authority (e.g. domain SID + RID).
    pub fn with_rid(&self, rid: u32) -> Option<Sid> {
        let mut subs = self.sub_authorities().to_vec();
        subs.push(rid);
        Sid::new(self.authority(), &subs)
    }

    /// The SID without its last sub-authority (a domain SID for an account SID).
    pub fn parent(&self) -> Option<Sid> {
        let subs = self.sub_authorities();
        let (_, head) = subs.split_last()?;
        Sid::new(self.authority(), head)
    }

    /// Length of the binary form in bytes.
    pub fn binary_len(&self) -> usize {
        8 + 4 * self.count as usize
    }

    /// Reads a binary SID from the start of `bytes`; returns it and the bytes used.
    /// `base` is the offset of `bytes` in the whole buffer, for error messages.
    pub fn decode(bytes: &[u8], base: usize) -> Result<(Sid, usize), DecodeError> {
        let head = bytes
            .get(..8)
            .ok_or(DecodeError::new(base, DecodeErrorKind::Truncated("SID")))?;
        if head[0] != 1 {
            return Err(DecodeError::new(
                base,
                DecodeErrorKind::SidRevision(head[0]),
            ));
        }
        let count = head[1] as usize;
        if count > MAX_SUB_AUTHORITIES {
            return Err(DecodeError::new(
                base + 1,
                DecodeErrorKind::SidTooLong(head[1]),
            ));
        }
        let len = 8 + 4 * count;
        let body = bytes
            .get(8..len)
            .ok_or(DecodeError::new(base, DecodeErrorKind::Truncated("SID")))?;
        let mut sid = Sid {
            authority: [0; 6],
            count: count as u8,
            subs: [0; MAX_SUB_AUTHORITIES],
        };
        sid.authority.copy_from_slice(&head[2..8]);
        for (slot, chunk) in sid.subs.iter_mut().zip(body.chunks_exact(4)) {
            *slot = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Ok((sid, len))
    }

    /// Parses a whole buffer as one binary SID (e.g. LDAP `objectSid`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Sid, DecodeError> {
        let (sid, used) = Sid::decode(bytes, 0)?;
        if used != bytes.len() {
            return Err(DecodeError::new(used, DecodeErrorKind::TrailingBytes));
        }
        Ok(sid)
    }

    /// Appends the binary form to `out`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.push(1);
        out.push(self.count);
        out.extend_from_slice(&self.authority);
        for sub in self.sub_authorities() {
            out.extend_from_slice(&sub.to_le_bytes());
        }
    }

    /// The binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.binary_len());
        self.encode(&mut out);
        out
    }
}

impl FromStr for Sid {
    type Err = SidParseError;

    fn from_str(s: &str) -> Result<Sid, SidParseError> {
        let rest = s
            .strip_prefix("S-1-")
            .or_else(|| s.strip_prefix("s-1-"))
            .ok_or(SidParseError::Prefix)?;
        let mut parts = rest.split('-');
        let auth_text = parts.next().unwrap_or_default();
        let authority = if let Some(hex) = auth_text
            .strip_prefix("0x")
            .or_else(|| auth_text.strip_prefix("0X"))
        {
            u64::from_str_radix(hex, 16).map_err(|_| SidParseError::Number(2))?
        } else {
            parse_decimal(auth_text).ok_or(SidParseError::Number(2))?
        };
        if authority >= 1 << 48 {
            return Err(SidParseError::Number(2));
        }
        let mut subs = [0u32; MAX_SUB_AUTHORITIES];
        let mut count = 0;
        for (i, part) in parts.enumerate() {
            if count == MAX_SUB_AUTHORITIES {
                return Err(SidParseError::TooLong);
            }
            let n = parse_decimal(part)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or(SidParseError::Number(i + 3))?;
            subs[count] = n;
            count += 1;
        }
        Sid::new(authority, &subs[..count]).ok_or(SidParseError::TooLong)
    }
}

fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl fmt::Display for Sid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let authority = self.authority();
        if authority < 1 << 32 {
            write!(f, "S-1-{authority}")?;
        } else {
            write!(f, "S-1-0x{authority:012X}")?;
        }
        for sub in self.sub_authorities() {
            write!(f, "-{sub}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Sid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sid({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_binary_agree() {
        let sid: Sid = "S-1-5-21-1004336348-1177238915-682003330-512"
            .parse()
            .unwrap();
        assert_eq!(
            sid.to_string(),
            "S-1-5-21-1004336348-1177238915-682003330-512"
        );
        let bytes = sid.to_bytes();
        assert_eq!(&bytes[..8], &[1, 5, 0, 0, 0, 0, 0, 5]);
        assert_eq!(&bytes[8..12], &21u32.to_le_bytes());
        assert_eq!(Sid::from_bytes(&bytes).unwrap(), sid);
        assert_eq!(sid.rid(), Some(512));
        assert_eq!(
            sid.parent().unwrap().to_string(),
            "S-1-5-21-1004336348-1177238915-682003330"
        );
    }

    #[test]
    fn bad_text_is_refused() {
        assert_eq!("X-1-5".parse::<Sid>(), Err(SidParseError::Prefix));
        assert_eq!("S-1-5-x".parse::<Sid>(), Err(SidParseError::Number(3)));
        assert_eq!("S-1-5-+1".parse::<Sid>(), Err(SidParseError::Number(3)));
        assert_eq!(
            "S-1-5-4294967296".parse::<Sid>(),
            Err(SidParseError::Number(3))
        );
        let long = format!("S-1-5{}", "-1".repeat(16));
        assert_eq!(long.parse::<Sid>(), Err(SidParseError::TooLong));
    }

    #[test]
    fn truncated_binary_is_refused() {
        let bytes = "S-1-5-32-544".parse::<Sid>().unwrap().to_bytes();
        for n in 0..bytes.len() {
            assert!(Sid::from_bytes(&bytes[..n]).is_err());
        }
    }
}
