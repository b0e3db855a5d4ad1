//! SDDL (MS-DTYP 2.5.1): format and parse security descriptors as text.
//!
//! Output follows Samba's `samba-tool dsacl get` spelling (rights letters in
//! Samba's order, lower-case GUIDs, `0x%08x` for masks letters cannot
//! express), which Windows and Samba both parse.

use super::ace::{Ace, AceBody, AceFlags, AceType};
use super::acl::Acl;
use super::guid::Guid;
use super::mask::AccessMask;
use super::sd::{Control, Part, SecurityDescriptor};
use super::sid::Sid;

/// Two-letter SID aliases that do not depend on the domain.
pub const WELL_KNOWN_ALIASES: &[(&str, &str)] = &[
    ("AN", "S-1-5-7"),
    ("AO", "S-1-5-32-548"),
    ("AU", "S-1-5-11"),
    ("BA", "S-1-5-32-544"),
    ("BG", "S-1-5-32-546"),
    ("BO", "S-1-5-32-551"),
    ("BU", "S-1-5-32-545"),
    ("CG", "S-1-3-1"),
    ("CO", "S-1-3-0"),
    ("ED", "S-1-5-9"),
    ("IU", "S-1-5-4"),
    ("LS", "S-1-5-19"),
    ("NO", "S-1-5-32-556"),
    ("NS", "S-1-5-20"),
    ("NU", "S-1-5-2"),
    ("PO", "S-1-5-32-550"),
    ("PS", "S-1-5-10"),
    ("PU", "S-1-5-32-547"),
    ("RC", "S-1-5-12"),
    ("RD", "S-1-5-32-555"),
    ("RE", "S-1-5-32-552"),
    ("RU", "S-1-5-32-554"),
    ("SO", "S-1-5-32-549"),
    ("SU", "S-1-5-6"),
    ("SY", "S-1-5-18"),
    ("WD", "S-1-1-0"),
    ("WR", "S-1-5-33"),
    ("OW", "S-1-3-4"),
    ("ER", "S-1-5-32-573"),
    ("CY", "S-1-5-32-569"),
    ("IS", "S-1-5-32-568"),
    ("LU", "S-1-5-32-559"),
    ("MU", "S-1-5-32-558"),
    ("RM", "S-1-5-32-580"),
    ("AA", "S-1-5-32-579"),
];

/// Two-letter aliases for RIDs of the domain (root-domain groups such as
/// EA and SA are taken relative to the same domain: one-domain forests).
pub const DOMAIN_ALIASES: &[(&str, u32)] = &[
    ("LA", 500),
    ("LG", 501),
    ("DA", 512),
    ("DU", 513),
    ("DG", 514),
    ("DC", 515),
    ("DD", 516),
    ("CA", 517),
    ("SA", 518),
    ("EA", 519),
    ("PA", 520),
    ("CN", 522),
    ("AP", 525),
    ("KA", 526),
    ("EK", 527),
    ("RS", 553),
    ("RO", 498),
];

/// Rights letters in the order Samba writes them.
const RIGHTS: &[(&str, u32)] = &[
    ("RP", 0x10),
    ("WP", 0x20),
    ("CR", 0x100),
    ("CC", 0x1),
    ("DC", 0x2),
    ("LC", 0x4),
    ("LO", 0x80),
    ("RC", 0x2_0000),
    ("WO", 0x8_0000),
    ("WD", 0x4_0000),
    ("SD", 0x1_0000),
    ("DT", 0x40),
    ("SW", 0x8),
    ("GA", 0x1000_0000),
    ("GR", 0x8000_0000),
    ("GW", 0x4000_0000),
    ("GX", 0x2000_0000),
];

/// Rights tokens accepted on input only (file and registry shorthands).
const RIGHTS_INPUT_ONLY: &[(&str, u32)] = &[
    ("FA", 0x001F_01FF),
    ("FR", 0x0012_0089),
    ("FW", 0x0012_0116),
    ("FX", 0x0012_00A0),
    ("KA", 0x000F_003F),
    ("KR", 0x0002_0019),
    ("KW", 0x0002_0006),
    ("KX", 0x0002_0019),
];

const ACE_TYPES: &[(&str, AceType)] = &[
    ("A", AceType::Allowed),
    ("D", AceType::Denied),
    ("AU", AceType::Audit),
    ("AL", AceType::Alarm),
    ("OA", AceType::AllowedObject),
    ("OD", AceType::DeniedObject),
    ("OU", AceType::AuditObject),
    ("OL", AceType::AlarmObject),
];

const ACE_FLAGS: &[(&str, u8)] = &[
    ("OI", AceFlags::OBJECT_INHERIT),
    ("CI", AceFlags::CONTAINER_INHERIT),
    ("NP", AceFlags::NO_PROPAGATE_INHERIT),
    ("IO", AceFlags::INHERIT_ONLY),
    ("ID", AceFlags::INHERITED),
    ("SA", AceFlags::SUCCESSFUL_ACCESS),
    ("FA", AceFlags::FAILED_ACCESS),
];

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

/// Formats a SID, using an alias where one exists.
pub fn format_sid(sid: &Sid, domain: Option<&Sid>) -> String {
    if let Some(alias) = alias_of(sid, domain) {
        return alias.to_string();
    }
    sid.to_string()
}

fn alias_of(sid: &Sid, domain: Option<&Sid>) -> Option<&'static str> {
    let text = sid.to_string();
    if let Some((alias, _)) = WELL_KNOWN_ALIASES.iter().find(|(_, s)| *s == text) {
        return Some(alias);
    }
    let domain = domain?;
    if sid.parent().as_ref() != Some(domain) {
        return None;
    }
    let rid = sid.rid()?;
    DOMAIN_ALIASES
        .iter()
        .find(|(_, r)| *r == rid)
        .map(|(alias, _)| *alias)
}

/// Formats a whole descriptor.
pub fn format(sd: &SecurityDescriptor, domain: Option<&Sid>) -> Result<String, FormatError> {
    let mut out = String::with_capacity(64 + sd.dacl.as_ref().map_or(0, |a| a.aces.len() * 64));
    if let Some(owner) = &sd.owner {
        out.push_str("O:");
        out.push_str(&format_sid(owner, domain));
    }
    if let Some(group) = &sd.group {
        out.push_str("G:");
        out.push_str(&format_sid(group, domain));
    }
    let c = sd.control;
    if sd.dacl.is_some() || c.has(Control::DACL_PRESENT) {
        out.push_str("D:");
        format_acl_section(
            &mut out,
            sd.dacl.as_ref(),
            c.has(Control::DACL_PROTECTED),
            c.has(Control::DACL_AUTO_INHERIT_REQ),
            c.has(Control::DACL_AUTO_INHERITED),
            domain,
            "DACL",
        )?;
    }
    if sd.sacl.is_some() || c.has(Control::SACL_PRESENT) {
        out.push_str("S:");
        format_acl_section(
            &mut out,
            sd.sacl.as_ref(),
            c.has(Control::SACL_PROTECTED),
            c.has(Control::SACL_AUTO_INHERIT_REQ),
            c.has(Control::SACL_AUTO_INHERITED),
            domain,
            "SACL",
        )?;
    }
    Ok(out)
}

fn format_acl_section(
    out: &mut String,
    acl: Option<&Acl>,
    protected: bool,
    auto_req: bool,
    auto_inherited: bool,
    domain: Option<&Sid>,
    name: &'static str,
) -> Result<(), FormatError> {
    if protected {
        out.push('P');
    }
    if auto_req {
        out.push_str("AR");
    }
    if auto_inherited {
        out.push_str("AI");
    }
    let Some(acl) = acl else {
        out.push_str("NO_ACCESS_CONTROL");
        return Ok(());
    };
    for (index, ace) in acl.aces.iter().enumerate() {
        format_ace_into(out, ace, domain).map_err(|()| FormatError::Unrepresentable {
            acl: name,
            index,
            ace_type: ace.ace_type.to_byte(),
        })?;
    }
    Ok(())
}

/// Formats one ACE as `(type;flags;rights;object;inherited object;sid)`.
pub fn format_ace(ace: &Ace, domain: Option<&Sid>) -> Option<String> {
    let mut out = String::with_capacity(96);
    format_ace_into(&mut out, ace, domain).ok()?;
    Some(out)
}

fn format_ace_into(out: &mut String, ace: &Ace, domain: Option<&Sid>) -> Result<(), ()> {
    use std::fmt::Write;
    let (mask, object, inherited, sid) = match &ace.body {
        AceBody::Basic { mask, sid } => (*mask, None, None, sid),
        AceBody::Object {
            mask,
            object_type,
            inherited_object_type,
            sid,
        } => (*mask, *object_type, *inherited_object_type, sid),
        AceBody::Opaque(_) => return Err(()),
    };
    let type_name = ACE_TYPES
        .iter()
        .find(|(_, t)| *t == ace.ace_type)
        .map(|(n, _)| *n)
        .ok_or(())?;
    if ace.flags.0 & 0x20 != 0 {
        return Err(()); // an undefined flag bit SDDL cannot spell
    }
    out.push('(');
    out.push_str(type_name);
    out.push(';');
    for (name, bit) in ACE_FLAGS {
        if ace.flags.0 & bit != 0 {
            out.push_str(name);
        }
    }
    out.push(';');
    format_mask(out, mask);
    out.push(';');
    if let Some(g) = object {
        let _ = write!(out, "{g}");
    }
    out.push(';');
    if let Some(g) = inherited {
        let _ = write!(out, "{g}");
    }
    out.push(';');
    match alias_of(sid, domain) {
        Some(alias) => out.push_str(alias),
        None => {
            let _ = write!(out, "{sid}");
        }
    }
    out.push(')');
    Ok(())
}

fn format_mask(out: &mut String, mask: AccessMask) {
    let covered = RIGHTS.iter().fold(0, |acc, (_, bit)| acc | bit);
    if mask.0 & !covered != 0 || mask.0 == 0 {
        use std::fmt::Write;
        let _ = write!(out, "0x{:08x}", mask.0);
        return;
    }
    for (name, bit) in RIGHTS {
        if mask.0 & bit != 0 {
            out.push_str(name);
        }
    }
}

/// Parses SDDL text into a self-relative descriptor (laid out as Windows
/// does). `domain` expands domain aliases such as DA.
pub fn parse(text: &str, domain: Option<&Sid>) -> Result<SecurityDescriptor, ParseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut p = Parser {
        chars: &chars,
        at: 0,
        domain,
    };
    p.skip_ws();
    let mut sd = SecurityDescriptor {
        revision: 1,
        rm_control: 0,
        control: Control(Control::SELF_RELATIVE),
        owner: None,
        group: None,
        sacl: None,
        dacl: None,
        layout: Vec::new(),
    };
    let mut seen = [false; 4];
    while p.at < chars.len() {
        let start = p.at;
        let section = match (p.peek(0), p.peek(1)) {
            (Some(c @ ('O' | 'G' | 'D' | 'S')), Some(':')) => c,
            _ => {
                let found: String = chars[p.at..].iter().take(12).collect();
                return Err(p.error(ParseErrorKind::Section(found)));
            }
        };
        let slot = "OGDS".find(section).unwrap_or(0);
        if seen[slot] {
            return Err(ParseError {
                position: start,
                kind: ParseErrorKind::DuplicateSection(section),
            });
        }
        seen[slot] = true;
        p.at += 2;
        match section {
            'O' => sd.owner = Some(p.section_sid()?),
            'G' => sd.group = Some(p.section_sid()?),
            'D' => {
                let (flags, acl) = p.acl_section()?;
                sd.control.0 |= Control::DACL_PRESENT
                    | flag_bits(
                        flags,
                        Control::DACL_PROTECTED,
                        Control::DACL_AUTO_INHERIT_REQ,
                        Control::DACL_AUTO_INHERITED,
                    );
                sd.dacl = acl;
            }
            _ => {
                let (flags, acl) = p.acl_section()?;
                sd.control.0 |= Control::SACL_PRESENT
                    | flag_bits(
                        flags,
                        Control::SACL_PROTECTED,
                        Control::SACL_AUTO_INHERIT_REQ,
                        Control::SACL_AUTO_INHERITED,
                    );
                sd.sacl = acl;
            }
        }
        p.skip_ws();
    }
    sd.layout = super::sd::WINDOWS_LAYOUT
        .into_iter()
        .filter(|part| match part {
            Part::Owner => sd.owner.is_some(),
            Part::Group => sd.group.is_some(),
            Part::Sacl => sd.sacl.is_some(),
            Part::Dacl => sd.dacl.is_some(),
        })
        .collect();
    Ok(sd)
}

fn flag_bits(flags: (bool, bool, bool), p: u16, ar: u16, ai: u16) -> u16 {
    (if flags.0 { p } else { 0 }) | (if flags.1 { ar } else { 0 }) | (if flags.2 { ai } else { 0 })
}

/// Parses one ACE string `(…)`.
pub fn parse_ace(text: &str, domain: Option<&Sid>) -> Result<Ace, ParseError> {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut p = Parser {
        chars: &chars,
        at: 0,
        domain,
    };
    let ace = p.ace()?;
    if p.at != chars.len() {
        return Err(p.error(ParseErrorKind::Section(chars[p.at..].iter().collect())));
    }
    Ok(ace)
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
    domain: Option<&'a Sid>,
}

impl Parser<'_> {
    fn peek(&self, n: usize) -> Option<char> {
        self.chars.get(self.at + n).copied()
    }

    fn error(&self, kind: ParseErrorKind) -> ParseError {
        ParseError {
            position: self.at,
            kind,
        }
    }

    fn skip_ws(&mut self) {
        while self.peek(0).is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    /// A SID after `O:` or `G:`: runs to the next section start.
    fn section_sid(&mut self) -> Result<Sid, ParseError> {
        let start = self.at;
        let mut end = start;
        while end < self.chars.len() {
            let c = self.chars[end];
            let next = self.chars.get(end + 1).copied();
            if end > start && matches!(c, 'O' | 'G' | 'D' | 'S') && next == Some(':') {
                break;
            }
            if c.is_whitespace() {
                break;
            }
            end += 1;
        }
        let token: String = self.chars[start..end].iter().collect();
        let sid = self.sid(&token, start)?;
        self.at = end;
        Ok(sid)
    }

    fn sid(&self, token: &str, position: usize) -> Result<Sid, ParseError> {
        let err = |kind| ParseError { position, kind };
        if token.len() > 2 && token.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("S-")) {
            return token
                .parse()
                .map_err(|_| err(ParseErrorKind::Sid(token.to_string())));
        }
        if let Some((_, s)) = WELL_KNOWN_ALIASES.iter().find(|(a, _)| *a == token) {
            return s
                .parse()
                .map_err(|_| err(ParseErrorKind::Sid(token.to_string())));
        }
        if let Some((_, rid)) = DOMAIN_ALIASES.iter().find(|(a, _)| *a == token) {
            let domain = self
                .domain
                .ok_or_else(|| err(ParseErrorKind::NeedsDomain(token.to_string())))?;
            return domain
                .with_rid(*rid)
                .ok_or_else(|| err(ParseErrorKind::Sid(token.to_string())));
        }
        Err(err(ParseErrorKind::Sid(token.to_string())))
    }

    /// ACL flags then ACEs, or `NO_ACCESS_CONTROL`.
    #[allow(clippy::type_complexity)]
    fn acl_section(&mut self) -> Result<((bool, bool, bool), Option<Acl>), ParseError> {
        let mut flags = (false, false, false);
        loop {
            match (self.peek(0), self.peek(1)) {
                (Some('P'), _) => {
                    flags.0 = true;
                    self.at += 1;
                }
                (Some('A'), Some('R')) => {
                    flags.1 = true;
                    self.at += 2;
                }
                (Some('A'), Some('I')) => {
                    flags.2 = true;
                    self.at += 2;
                }
                (Some('N'), _) => {
                    const NULL: &str = "NO_ACCESS_CONTROL";
                    let word: String = self.chars[self.at..].iter().take(NULL.len()).collect();
                    if word != NULL {
                        return Err(self.error(ParseErrorKind::AclFlag(word)));
                    }
                    self.at += NULL.len();
                    return Ok((flags, None));
                }
                (Some('('), _) | (None, _) => break,
                (Some(c), Some(':')) if "OGDS".contains(c) => break,
                (Some(c), _) if c.is_whitespace() => break,
                (Some(c), _) => return Err(self.error(ParseErrorKind::AclFlag(c.to_string()))),
            }
        }
        let mut aces = Vec::new();
        loop {
            self.skip_ws();
            if self.peek(0) != Some('(') {
                break;
            }
            aces.push(self.ace()?);
        }
        let mut acl = Acl::new(aces);
        if acl.aces.iter().all(|a| !a.ace_type.is_object()) {
            acl.revision = super::acl::ACL_REVISION;
        }
        Ok((flags, Some(acl)))
    }

    fn ace(&mut self) -> Result<Ace, ParseError> {
        if self.peek(0) != Some('(') {
            return Err(self.error(ParseErrorKind::Unclosed));
        }
        let open = self.at;
        let close = self.chars[open..]
            .iter()
            .position(|&c| c == ')')
            .map(|n| open + n)
            .ok_or(self.error(ParseErrorKind::Unclosed))?;
        // Field start positions for error messages.
        let mut fields: Vec<(usize, String)> = Vec::with_capacity(6);
        let mut start = open + 1;
        for i in open + 1..=close {
            if i == close || self.chars[i] == ';' {
                fields.push((start, self.chars[start..i].iter().collect()));
                start = i + 1;
            }
        }
        if fields.len() != 6 {
            return Err(ParseError {
                position: open,
                kind: ParseErrorKind::AceFields,
            });
        }
        let err = |i: usize, kind| ParseError {
            position: fields[i].0,
            kind,
        };
        let type_text = fields[0].1.trim();
        let ace_type = ACE_TYPES
            .iter()
            .find(|(n, _)| *n == type_text)
            .map(|(_, t)| *t)
            .ok_or_else(|| err(0, ParseErrorKind::AceType(type_text.to_string())))?;
        let flags = parse_tokens(fields[1].1.trim(), ACE_FLAGS)
            .map_err(|t| err(1, ParseErrorKind::AceFlag(t)))?;
        let mask = parse_mask(fields[2].1.trim()).map_err(|t| err(2, ParseErrorKind::Rights(t)))?;
        let guid = |i: usize| -> Result<Option<Guid>, ParseError> {
            let t = fields[i].1.trim();
            if t.is_empty() {
                return Ok(None);
            }
            if !ace_type.is_object() {
                return Err(err(
                    i,
                    ParseErrorKind::GuidOnBasicAce(type_text.to_string()),
                ));
            }
            t.parse()
                .map(Some)
                .map_err(|_| err(i, ParseErrorKind::Guid(t.to_string())))
        };
        let object_type = guid(3)?;
        let inherited_object_type = guid(4)?;
        let sid = self.sid(fields[5].1.trim(), fields[5].0)?;
        self.at = close + 1;
        let body = if ace_type.is_object() {
            AceBody::Object {
                mask,
                object_type,
                inherited_object_type,
                sid,
            }
        } else {
            AceBody::Basic { mask, sid }
        };
        Ok(Ace {
            ace_type,
            flags: AceFlags(flags),
            body,
        })
    }
}

fn parse_tokens(text: &str, table: &[(&str, u8)]) -> Result<u8, String> {
    let mut bits = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let Some(token) = rest.get(..2) else {
            return Err(rest.to_string());
        };
        let (_, bit) = table
            .iter()
            .find(|(n, _)| *n == token)
            .ok_or_else(|| token.to_string())?;
        bits |= bit;
        rest = &rest[2..];
    }
    Ok(bits)
}

fn parse_mask(text: &str) -> Result<AccessMask, String> {
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        return u32::from_str_radix(hex, 16)
            .map(AccessMask)
            .map_err(|_| text.to_string());
    }
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().map(AccessMask).map_err(|_| text.to_string());
    }
    let mut mask = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let Some(token) = rest.get(..2) else {
            return Err(rest.to_string());
        };
        let (_, bit) = RIGHTS
            .iter()
            .chain(RIGHTS_INPUT_ONLY)
            .find(|(n, _)| *n == token)
            .ok_or_else(|| token.to_string())?;
        mask |= bit;
        rest = &rest[2..];
    }
    Ok(AccessMask(mask))
}

#[cfg(test)]
mod tests {
    use super::*;

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
