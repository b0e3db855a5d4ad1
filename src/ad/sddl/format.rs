//! Writing a descriptor as SDDL, in Samba's spelling.

use super::FormatError;
use super::tables::{ACE_FLAGS, ACE_TYPES, DOMAIN_ALIASES, RIGHTS, WELL_KNOWN_ALIASES};
use crate::ad::ace::{Ace, AceBody};
use crate::ad::acl::Acl;
use crate::ad::mask::AccessMask;
use crate::ad::sd::{Control, SecurityDescriptor};
use crate::ad::sid::Sid;

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

pub(super) fn format_mask(out: &mut String, mask: AccessMask) {
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
