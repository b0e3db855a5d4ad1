//! Access control lists.

use super::ace::{Ace, AceBody};
use super::error::{DecodeError, DecodeErrorKind, EncodeError};

/// ACL_REVISION: only basic ACEs.
pub const ACL_REVISION: u8 = 2;
/// ACL_REVISION_DS: required when object ACEs are present.
pub const ACL_REVISION_DS: u8 = 4;

/// An ACL: its revision and its ACEs, in order.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Acl {
    /// 2 or 4.
    pub revision: u8,
    /// The entries, in evaluation order.
    pub aces: Vec<Ace>,
    /// Reserved header bytes (Sbz1, Sbz2), kept so bytes round-trip.
    pub reserved: (u8, u16),
    /// Unused bytes between the last ACE and AclSize, kept likewise.
    pub slack: Vec<u8>,
}

impl Acl {
    /// An empty ACL of revision 4.
    pub fn new(aces: Vec<Ace>) -> Acl {
        let mut acl = Acl {
            revision: ACL_REVISION_DS,
            aces,
            reserved: (0, 0),
            slack: Vec::new(),
        };
        acl.fix_revision();
        acl
    }

    /// Raises the revision to 4 when object ACEs are present.
    pub fn fix_revision(&mut self) {
        if self
            .aces
            .iter()
            .any(|a| matches!(a.body, AceBody::Object { .. }) || a.ace_type.is_object())
        {
            self.revision = ACL_REVISION_DS;
        }
    }

    /// Size of the binary form in bytes.
    pub fn binary_len(&self) -> usize {
        8 + self.aces.iter().map(Ace::binary_len).sum::<usize>() + self.slack.len()
    }

    /// Reads an ACL at the start of `bytes`; returns it and its size.
    pub fn decode(bytes: &[u8], base: usize) -> Result<(Acl, usize), DecodeError> {
        let head = bytes.get(..8).ok_or(DecodeError::new(
            base,
            DecodeErrorKind::Truncated("ACL header"),
        ))?;
        let revision = head[0];
        if revision != ACL_REVISION && revision != ACL_REVISION_DS {
            return Err(DecodeError::new(
                base,
                DecodeErrorKind::AclRevision(revision),
            ));
        }
        let size = u16::from_le_bytes([head[2], head[3]]);
        if size < 8 {
            return Err(DecodeError::new(base + 2, DecodeErrorKind::AclSize(size)));
        }
        let size = size as usize;
        let count = u16::from_le_bytes([head[4], head[5]]) as usize;
        let body = bytes
            .get(8..size)
            .ok_or(DecodeError::new(base, DecodeErrorKind::Truncated("ACL")))?;
        // Each ACE takes at least 4 bytes: cap the allocation by what fits.
        let mut aces = Vec::with_capacity(count.min(body.len() / 4));
        let mut at = 0;
        for _ in 0..count {
            let (ace, used) = Ace::decode(&body[at..], base + 8 + at)?;
            aces.push(ace);
            at += used;
        }
        Ok((
            Acl {
                revision,
                aces,
                reserved: (head[1], u16::from_le_bytes([head[6], head[7]])),
                slack: body[at..].to_vec(),
            },
            size,
        ))
    }

    /// Appends the binary form to `out`; fails when the ACL is larger than
    /// its 16-bit size and count fields allow.
    pub fn encode(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let count = u16::try_from(self.aces.len()).map_err(|_| EncodeError("ACL"))?;
        let start = out.len();
        out.extend_from_slice(&[self.revision, self.reserved.0, 0, 0]);
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&self.reserved.1.to_le_bytes());
        for ace in &self.aces {
            ace.encode(out)?;
        }
        out.extend_from_slice(&self.slack);
        let size = u16::try_from(out.len() - start).map_err(|_| EncodeError("ACL"))?;
        out[start + 2..start + 4].copy_from_slice(&size.to_le_bytes());
        Ok(())
    }

    /// The ACEs not carrying the INHERITED flag, in order.
    pub fn explicit(&self) -> impl Iterator<Item = &Ace> {
        self.aces.iter().filter(|a| !a.is_inherited())
    }
}
