//! Reading SDDL text into a self-relative descriptor, laid out as Windows
//! does; errors name the position.

use super::tables::{
    ACE_FLAGS, ACE_TYPES, DOMAIN_ALIASES, RIGHTS, RIGHTS_INPUT_ONLY, WELL_KNOWN_ALIASES,
};
use super::{ParseError, ParseErrorKind};
use crate::ad::ace::{Ace, AceBody, AceFlags};
use crate::ad::acl::Acl;
use crate::ad::guid::Guid;
use crate::ad::mask::AccessMask;
use crate::ad::sd::{Control, Part, SecurityDescriptor};
use crate::ad::sid::Sid;

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
    sd.layout = crate::ad::sd::WINDOWS_LAYOUT
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
            acl.revision = crate::ad::acl::ACL_REVISION;
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

pub(super) fn parse_mask(text: &str) -> Result<AccessMask, String> {
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
