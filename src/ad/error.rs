//! Errors of the binary decoder, each with the byte offset where it was found.

/// A binary security descriptor could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} at byte offset {offset}")]
pub struct DecodeError {
    /// Offset in the input where the problem is.
    pub offset: usize,
    /// What is wrong.
    pub kind: DecodeErrorKind,
}

impl DecodeError {
    pub(crate) fn new(offset: usize, kind: DecodeErrorKind) -> DecodeError {
        DecodeError { offset, kind }
    }
}

/// What is wrong with a binary security descriptor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeErrorKind {
    /// The input ends inside a structure.
    #[error("input ends inside the {0}")]
    Truncated(&'static str),
    /// The SD revision is not 1.
    #[error("security descriptor revision {0} (expected 1)")]
    Revision(u8),
    /// The SD is not in self-relative form.
    #[error("the security descriptor is not self-relative (control flag 0x8000 missing)")]
    NotSelfRelative,
    /// A SID has a revision other than 1.
    #[error("SID revision {0} (expected 1)")]
    SidRevision(u8),
    /// A SID claims more than 15 sub-authorities.
    #[error("SID with {0} sub-authorities (at most 15)")]
    SidTooLong(u8),
    /// An ACL revision is not 2 or 4.
    #[error("ACL revision {0} (expected 2 or 4)")]
    AclRevision(u8),
    /// An ACL size is smaller than its header.
    #[error("ACL size {0} (must be at least 8)")]
    AclSize(u16),
    /// An ACE size is smaller than its header or not a multiple of 4.
    #[error("ACE size {0} (must be at least 4 and a multiple of 4)")]
    AceSize(u16),
    /// An offset points outside the buffer.
    #[error("offset {0} points outside the buffer")]
    Offset(u32),
    /// Bytes left over after a complete structure.
    #[error("unexpected bytes after the end")]
    TrailingBytes,
    /// Base64 text could not be decoded.
    #[error("invalid base64")]
    Base64,
}

/// A security descriptor is too large for its binary form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {0} is larger than 65,535 bytes or entries")]
pub struct EncodeError(pub &'static str);
