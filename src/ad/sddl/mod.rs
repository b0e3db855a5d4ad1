//! SDDL (MS-DTYP 2.5.1): format and parse security descriptors as text.
//!
//! Output follows Samba's `samba-tool dsacl get` spelling (rights letters in
//! Samba's order, lower-case GUIDs, `0x%08x` for masks letters cannot
//! express), which Windows and Samba both parse.//!
//! `tables` holds the aliases, rights letters and flags both directions
//! share; `format` writes, `parse` reads.

mod format;
mod parse;
mod tables;

pub use format::{format, format_ace, format_sid};
pub use parse::{parse, parse_ace};
pub use tables::{DOMAIN_ALIASES, WELL_KNOWN_ALIASES};

/// Why a descriptor cannot be written as SDDL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// An ACE has a type or layout SDDL cannot express.
    #[error("ACE {index} of the {acl} (type 0x{ace_type:02x}) has no SDDL form")]
    Unrepresentable {
        /// "DACL" or "SACL".
        acl: &'static str,
        /// Position in the ACL, from 0.
        index: usize,
        /// The ACE type byte.
        ace_type: u8,
    },
}

/// Why SDDL text was refused; `position` counts characters from 0.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} at character {}", position + 1)]
pub struct ParseError {
    /// Where in the text (0-based character index).
    pub position: usize,
    /// What is wrong.
    pub kind: ParseErrorKind,
}

/// What is wrong with SDDL text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseErrorKind {
    /// Something other than `O:`, `G:`, `D:` or `S:` where a section starts.
    #[error("expected a section \"O:\", \"G:\", \"D:\" or \"S:\", found {0:?}")]
    Section(String),
    /// A section appears twice.
    #[error("the section \"{0}:\" appears twice")]
    DuplicateSection(char),
    /// Neither a SID nor a known alias.
    #[error("{0:?} is neither a SID (S-1-…) nor a known two-letter alias")]
    Sid(String),
    /// A domain alias without the domain SID to expand it.
    #[error("the alias {0:?} stands for a domain group: give the domain SID")]
    NeedsDomain(String),
    /// Unknown ACE type.
    #[error("unknown ACE type {0:?}")]
    AceType(String),
    /// Unknown ACE flag.
    #[error("unknown ACE flag {0:?}")]
    AceFlag(String),
    /// Unknown right or bad number.
    #[error("unknown right {0:?}")]
    Rights(String),
    /// Bad GUID.
    #[error("{0:?} is not a GUID")]
    Guid(String),
    /// GUIDs on a non-object ACE.
    #[error("ACE type {0:?} takes no object GUIDs")]
    GuidOnBasicAce(String),
    /// Wrong number of fields in an ACE.
    #[error("an ACE has 6 fields separated by ';'")]
    AceFields,
    /// `(` without `)`.
    #[error("ACE not closed with ')'")]
    Unclosed,
    /// Unknown ACL flag.
    #[error("unknown ACL flag {0:?}")]
    AclFlag(String),
    /// Empty text where a descriptor is required (the parser itself reads
    /// empty text as a descriptor with no parts).
    #[error("empty SDDL")]
    Empty,
}

#[cfg(test)]
mod tests {
    use super::format::format_mask;
    use super::parse::parse_mask;
    use super::*;
    use crate::ad::{AccessMask, Sid};

    #[test]
    fn spec_ace_round_trips() {
        let text = "(OA;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;S-1-5-21-1-2-3-1105)";
        let ace = parse_ace(text, None).unwrap();
        assert_eq!(ace.flags.0, 0x0a);
        assert_eq!(ace.mask(), Some(AccessMask::CONTROL_ACCESS));
        assert_eq!(format_ace(&ace, None).unwrap(), text);
    }

    #[test]
    fn domain_aliases_need_the_domain() {
        let err = parse("O:DA", None).unwrap_err();
        assert_eq!(err.kind, ParseErrorKind::NeedsDomain("DA".into()));
        let domain: Sid = "S-1-5-21-1-2-3".parse().unwrap();
        let sd = parse("O:DAG:DUD:P(A;;GA;;;SY)", Some(&domain)).unwrap();
        assert_eq!(sd.owner.unwrap().to_string(), "S-1-5-21-1-2-3-512");
        assert!(sd.dacl_protected());
        assert_eq!(
            format(&sd, Some(&domain)).unwrap(),
            "O:DAG:DUD:P(A;;GA;;;SY)"
        );
        assert_eq!(
            format(&sd, None).unwrap(),
            "O:S-1-5-21-1-2-3-512G:S-1-5-21-1-2-3-513D:P(A;;GA;;;SY)"
        );
    }

    #[test]
    fn errors_name_the_position() {
        let e = parse("D:(A;;XX;;;WD)", None).unwrap_err();
        assert_eq!(e.position, 6);
        assert_eq!(e.kind, ParseErrorKind::Rights("XX".into()));
        let e = parse("D:(A;;GA;;;WD", None).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::Unclosed);
        let e = parse("D:(A;;GA;;WD)", None).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::AceFields);
        let e = parse("D:(A;;GA;00299570-246d-11d0-a768-00aa006e0529;;WD)", None).unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::GuidOnBasicAce("A".into()));
        let e = parse("X:", None).unwrap_err();
        assert_eq!(e.position, 0);
    }

    #[test]
    fn masks_letters_cannot_spell_are_hex() {
        let mut s = String::new();
        format_mask(&mut s, AccessMask(0x0100_0000));
        assert_eq!(s, "0x01000000");
        assert_eq!(parse_mask("0x01000000"), Ok(AccessMask(0x0100_0000)));
    }
}
