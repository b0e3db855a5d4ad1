//! Security descriptors in words: an ACE as one line ("Reset password —
//! on descendant user objects — CORP\\svc-aadc"), well-known trustees, and
//! the binary and SDDL codecs' errors.

use crate::ad::describe::{Description, Effect, Name, Right, Scope, describe};
use crate::ad::error::DecodeErrorKind;
use crate::ad::sddl::{FormatError, ParseError, ParseErrorKind};
use crate::ad::{Ace, DecodeError, Sid};
use crate::fl;
use crate::localize::with_option;

/// One line for an ACE; `trustee` names the SID (e.g. from the directory).
pub fn ace_line(ace: &Ace, trustee: &dyn Fn(&Sid) -> String) -> String {
    line(&describe(ace), trustee)
}

/// One line for a description.
pub fn line(d: &Description, trustee: &dyn Fn(&Sid) -> String) -> String {
    let rights = d.rights.iter().map(right).collect::<Vec<_>>().join(", ");
    let who = d
        .trustee
        .as_ref()
        .map_or_else(|| fl!("trustee-unknown"), trustee);
    let scope = scope(d.scope);
    let text = match d.effect {
        Effect::Allow => fl!("ace-allow", rights = rights, scope = scope, trustee = who),
        Effect::Deny => fl!("ace-deny", rights = rights, scope = scope, trustee = who),
        Effect::Audit => fl!("ace-audit", rights = rights, scope = scope, trustee = who),
        Effect::Unknown => fl!("ace-unknown"),
    };
    if d.inherited {
        fl!("ace-inherited", line = text)
    } else {
        text
    }
}

/// The name of a well-known SID, or the SID itself.
pub fn well_known_trustee(sid: &Sid) -> String {
    let text = sid.to_string();
    match text.as_str() {
        "S-1-1-0" => fl!("trustee-everyone"),
        "S-1-5-11" => fl!("trustee-authenticated-users"),
        "S-1-5-18" => fl!("trustee-local-system"),
        "S-1-5-10" => fl!("trustee-self"),
        "S-1-3-0" => fl!("trustee-creator-owner"),
        "S-1-5-9" => fl!("trustee-enterprise-dcs"),
        "S-1-5-32-544" => fl!("trustee-administrators"),
        "S-1-5-32-554" => fl!("trustee-pre-windows-2000"),
        "S-1-5-32-560" => fl!("trustee-windows-authorization-access"),
        _ => match (sid.sub_authorities().first(), sid.rid()) {
            (Some(21), Some(512)) => fl!("trustee-domain-admins"),
            (Some(21), Some(519)) => fl!("trustee-enterprise-admins"),
            (Some(21), Some(516)) => fl!("trustee-domain-controllers"),
            _ => text,
        },
    }
}

fn name(n: Name) -> String {
    let key = match n {
        Name::Known(key) => key,
        Name::Guid(g) => return g.to_string(),
    };
    match key {
        "reset-password" => fl!("name-reset-password"),
        "change-password" => fl!("name-change-password"),
        "unexpire-password" => fl!("name-unexpire-password"),
        "lockout-time" => fl!("name-lockout-time"),
        "pwd-last-set" => fl!("name-pwd-last-set"),
        "user" => fl!("name-user"),
        "inet-org-person" => fl!("name-inet-org-person"),
        "computer" => fl!("name-computer"),
        "group" => fl!("name-group"),
        "organizational-unit" => fl!("name-organizational-unit"),
        "replicating-directory-changes" => fl!("name-replicating-directory-changes"),
        "replicating-directory-changes-all" => fl!("name-replicating-directory-changes-all"),
        "user-account-restrictions" => fl!("name-user-account-restrictions"),
        "user-logon" => fl!("name-user-logon"),
        "membership" => fl!("name-membership"),
        "general-information" => fl!("name-general-information"),
        "personal-information" => fl!("name-personal-information"),
        "public-information" => fl!("name-public-information"),
        "user-account-control" => fl!("name-user-account-control"),
        other => other.to_string(),
    }
}

fn right(r: &Right) -> String {
    match r {
        Right::FullControl => fl!("right-full-control"),
        Right::Extended(n) => name(*n),
        Right::AllExtended => fl!("right-all-extended"),
        Right::WriteProperty(n) => fl!("right-write-property", name = name(*n)),
        Right::ReadProperty(n) => fl!("right-read-property", name = name(*n)),
        Right::CreateChild(Some(n)) => fl!("right-create-child", name = name(*n)),
        Right::CreateChild(None) => fl!("right-create-child-any"),
        Right::DeleteChild(Some(n)) => fl!("right-delete-child", name = name(*n)),
        Right::DeleteChild(None) => fl!("right-delete-child-any"),
        Right::ValidatedWrite(Some(n)) => fl!("right-validated-write", name = name(*n)),
        Right::ValidatedWrite(None) => fl!("right-validated-write-any"),
        Right::Letters(l) => match *l {
            "WP" => fl!("right-write-all-properties"),
            "RP" => fl!("right-read-all-properties"),
            "LC" => fl!("right-list-contents"),
            "LO" => fl!("right-list-object"),
            "RC" => fl!("right-read-permissions"),
            "WD" => fl!("right-modify-permissions"),
            "WO" => fl!("right-modify-owner"),
            "SD" => fl!("right-delete"),
            "DT" => fl!("right-delete-subtree"),
            "GR" => fl!("right-generic-read"),
            "GW" => fl!("right-generic-write"),
            "GX" => fl!("right-generic-execute"),
            other => other.to_string(),
        },
        Right::Other(bits) => fl!("right-other", mask = format!("0x{bits:08x}")),
    }
}

fn scope(s: Scope) -> String {
    match s {
        Scope::ThisObject => fl!("scope-this-object"),
        Scope::ThisAndDescendants => fl!("scope-this-and-descendants"),
        Scope::Descendants => fl!("scope-descendants"),
        Scope::DescendantsOfClass(class) => fl!("scope-descendants-of-class", class = name(class)),
        Scope::ThisAndChildren => fl!("scope-this-and-children"),
        Scope::Children => fl!("scope-children"),
    }
}

/// A binary decoding error, translated, with its byte offset.
pub fn decode_error(e: &DecodeError) -> String {
    let what = match &e.kind {
        DecodeErrorKind::Truncated(part) => fl!("sd-error-truncated", part = part.to_string()),
        DecodeErrorKind::Revision(r) => fl!("sd-error-revision", revision = r.to_string()),
        DecodeErrorKind::NotSelfRelative => fl!("sd-error-not-self-relative"),
        DecodeErrorKind::SidRevision(r) => fl!("sd-error-sid-revision", revision = r.to_string()),
        DecodeErrorKind::SidTooLong(n) => fl!("sd-error-sid-too-long", count = n.to_string()),
        DecodeErrorKind::AclRevision(r) => fl!("sd-error-acl-revision", revision = r.to_string()),
        DecodeErrorKind::AclSize(n) => fl!("sd-error-acl-size", size = n.to_string()),
        DecodeErrorKind::AceSize(n) => fl!("sd-error-ace-size", size = n.to_string()),
        DecodeErrorKind::Offset(o) => fl!("sd-error-offset", offset = o.to_string()),
        DecodeErrorKind::TrailingBytes => fl!("sd-error-trailing"),
        DecodeErrorKind::Base64 => {
            let position = e.offset + 1;
            return fl!(
                "sddl-error-at-char",
                what = fl!("sd-error-base64"),
                position = position
            );
        }
    };
    fl!("sd-error-at-byte", what = what, offset = e.offset)
}

/// An SDDL parse error, translated, with its character position (from 1).
pub fn sddl_error(e: &ParseError) -> String {
    let what = match &e.kind {
        ParseErrorKind::Section(found) => fl!("sddl-error-section", found = found.as_str()),
        ParseErrorKind::DuplicateSection(c) => {
            fl!("sddl-error-duplicate-section", section = c.to_string())
        }
        ParseErrorKind::Sid(t) => fl!("sddl-error-sid", token = t.as_str()),
        ParseErrorKind::NeedsDomain(t) => with_option(
            fl!("sddl-error-needs-domain", alias = t.as_str()),
            "--domain-sid",
        ),
        ParseErrorKind::AceType(t) => fl!("sddl-error-ace-type", token = t.as_str()),
        ParseErrorKind::AceFlag(t) => fl!("sddl-error-ace-flag", token = t.as_str()),
        ParseErrorKind::Rights(t) => fl!("sddl-error-rights", token = t.as_str()),
        ParseErrorKind::Guid(t) => fl!("sddl-error-guid", token = t.as_str()),
        ParseErrorKind::GuidOnBasicAce(t) => fl!("sddl-error-guid-on-basic", token = t.as_str()),
        ParseErrorKind::AceFields => fl!("sddl-error-ace-fields"),
        ParseErrorKind::Unclosed => fl!("sddl-error-unclosed"),
        ParseErrorKind::AclFlag(t) => fl!("sddl-error-acl-flag", token = t.as_str()),
        ParseErrorKind::Empty => fl!("sddl-error-empty"),
    };
    let position = e.position + 1;
    fl!("sddl-error-at-char", what = what, position = position)
}

/// An SDDL formatting error, translated.
pub fn format_error(e: &FormatError) -> String {
    let FormatError::Unrepresentable {
        acl,
        index,
        ace_type,
    } = e;
    fl!(
        "sddl-error-unrepresentable",
        acl = acl.to_string(),
        index = (index + 1).to_string(),
        ace_type = format!("0x{ace_type:02x}")
    )
}
