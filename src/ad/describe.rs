//! Plain-language descriptions of ACEs as data: what an entry allows, to
//! whom, where. The words, in the user's language, are chosen on a floor
//! above, where the language is known.

use super::ace::{Ace, AceFlags, AceType};
use super::grant::guids;
use super::guid::Guid;
use super::mask::AccessMask;
use super::sid::Sid;

/// A schema object the descriptions know by name. `key()` is its stable id
/// (also its Fluent message id suffix).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Known {
    /// Stable id, kebab-case.
    pub key: &'static str,
    /// The GUID.
    pub guid: Guid,
}

/// Extended rights, attributes, property sets and classes the descriptions
/// name; anything else is shown by its GUID.
pub const KNOWN: &[Known] = &[
    Known {
        key: "reset-password",
        guid: guids::RESET_PASSWORD,
    },
    Known {
        key: "change-password",
        guid: guids::CHANGE_PASSWORD,
    },
    Known {
        key: "unexpire-password",
        guid: guids::UNEXPIRE_PASSWORD,
    },
    Known {
        key: "lockout-time",
        guid: guids::LOCKOUT_TIME,
    },
    Known {
        key: "pwd-last-set",
        guid: guids::PWD_LAST_SET,
    },
    Known {
        key: "user",
        guid: guids::USER,
    },
    Known {
        key: "inet-org-person",
        guid: guids::INET_ORG_PERSON,
    },
    Known {
        key: "computer",
        guid: Guid::from_str_const("bf967a86-0de6-11d0-a285-00aa003049e2"),
    },
    Known {
        key: "group",
        guid: Guid::from_str_const("bf967a9c-0de6-11d0-a285-00aa003049e2"),
    },
    Known {
        key: "organizational-unit",
        guid: Guid::from_str_const("bf967aa5-0de6-11d0-a285-00aa003049e2"),
    },
    Known {
        key: "replicating-directory-changes",
        guid: Guid::from_str_const("1131f6aa-9c07-11d1-f79f-00c04fc2dcd2"),
    },
    Known {
        key: "replicating-directory-changes-all",
        guid: Guid::from_str_const("1131f6ad-9c07-11d1-f79f-00c04fc2dcd2"),
    },
    Known {
        key: "user-account-restrictions",
        guid: Guid::from_str_const("4c164200-20c0-11d0-a768-00aa006e0529"),
    },
    Known {
        key: "user-logon",
        guid: Guid::from_str_const("5f202010-79a5-11d0-9020-00c04fc2d4cf"),
    },
    Known {
        key: "membership",
        guid: Guid::from_str_const("bc0ac240-79a9-11d0-9020-00c04fc2d4cf"),
    },
    Known {
        key: "general-information",
        guid: Guid::from_str_const("59ba2f42-79a2-11d0-9020-00c04fc2d3cf"),
    },
    Known {
        key: "personal-information",
        guid: Guid::from_str_const("77b5b886-944a-11d1-aebd-0000f80367c1"),
    },
    Known {
        key: "public-information",
        guid: Guid::from_str_const("e48d0154-bcf8-11d1-8702-00c04fb96050"),
    },
    Known {
        key: "user-account-control",
        guid: Guid::from_str_const("bf967a68-0de6-11d0-a285-00aa003049e2"),
    },
];

/// Looks a GUID up in `KNOWN`.
pub fn known(guid: Guid) -> Option<&'static str> {
    KNOWN.iter().find(|k| k.guid == guid).map(|k| k.key)
}

/// Allow, deny or audit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Effect {
    /// Grants.
    Allow,
    /// Refuses.
    Deny,
    /// Audits or alarms.
    Audit,
    /// A type this model does not read.
    Unknown,
}

/// A named thing, or a GUID the tables do not know.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Name {
    /// Known by `KNOWN` key.
    Known(&'static str),
    /// Shown as the GUID.
    Guid(Guid),
}

impl Name {
    fn of(guid: Guid) -> Name {
        known(guid).map_or(Name::Guid(guid), Name::Known)
    }
}

/// One right an ACE gives.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Right {
    /// Everything (GA or all specific rights).
    FullControl,
    /// An extended right (CR with an object type).
    Extended(Name),
    /// All extended rights.
    AllExtended,
    /// Write one property or property set.
    WriteProperty(Name),
    /// Read one property or property set.
    ReadProperty(Name),
    /// Create children (of a class, or any).
    CreateChild(Option<Name>),
    /// Delete children (of a class, or any).
    DeleteChild(Option<Name>),
    /// Validated write.
    ValidatedWrite(Option<Name>),
    /// A plain right by its SDDL letters (RP, WP, LC, RC, WD, …).
    Letters(&'static str),
    /// Bits with no name, as hex.
    Other(u32),
}

/// To which objects an ACE applies.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Scope {
    /// Only the object holding it.
    ThisObject,
    /// The object and all descendants.
    ThisAndDescendants,
    /// Descendants only.
    Descendants,
    /// Descendant objects of one class.
    DescendantsOfClass(Name),
    /// The object and its direct children only (NP).
    ThisAndChildren,
    /// Direct children only (NP + IO).
    Children,
}

/// The plain-language reading of an ACE.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Description {
    /// Allow or deny.
    pub effect: Effect,
    /// The rights given or refused.
    pub rights: Vec<Right>,
    /// Where it applies.
    pub scope: Scope,
    /// The trustee, when readable.
    pub trustee: Option<Sid>,
    /// Inherited from a parent.
    pub inherited: bool,
}

const LETTERS: &[(&str, u32)] = &[
    ("LC", 0x4),
    ("LO", 0x80),
    ("RC", 0x2_0000),
    ("WD", 0x4_0000),
    ("WO", 0x8_0000),
    ("SD", 0x1_0000),
    ("DT", 0x40),
    ("GR", 0x8000_0000),
    ("GW", 0x4000_0000),
    ("GX", 0x2000_0000),
];

/// Describes an ACE.
pub fn describe(ace: &Ace) -> Description {
    let effect = match ace.ace_type {
        AceType::Allowed | AceType::AllowedObject => Effect::Allow,
        AceType::Denied | AceType::DeniedObject => Effect::Deny,
        AceType::Audit | AceType::Alarm | AceType::AuditObject | AceType::AlarmObject => {
            Effect::Audit
        }
        AceType::Other(_) => Effect::Unknown,
    };
    let mask = ace.mask().unwrap_or_default();
    let object = ace.object_type().map(Name::of);
    let mut rights = Vec::new();
    if mask.contains(AccessMask::GENERIC_ALL) || mask.contains(AccessMask::FULL_CONTROL) {
        rights.push(Right::FullControl);
    } else {
        let m = mask.0;
        if m & 0x100 != 0 {
            rights.push(object.map_or(Right::AllExtended, Right::Extended));
        }
        if m & 0x20 != 0 {
            rights.push(object.map_or(Right::Letters("WP"), Right::WriteProperty));
        }
        if m & 0x10 != 0 {
            rights.push(object.map_or(Right::Letters("RP"), Right::ReadProperty));
        }
        if m & 0x1 != 0 {
            rights.push(Right::CreateChild(object));
        }
        if m & 0x2 != 0 {
            rights.push(Right::DeleteChild(object));
        }
        if m & 0x8 != 0 {
            rights.push(Right::ValidatedWrite(object));
        }
        let mut rest = m & !0x13b;
        for (letters, bit) in LETTERS {
            if rest & bit != 0 {
                rights.push(Right::Letters(letters));
                rest &= !bit;
            }
        }
        if rest != 0 {
            rights.push(Right::Other(rest));
        }
    }
    let f = ace.flags;
    let inherits = f.has(AceFlags::CONTAINER_INHERIT) || f.has(AceFlags::OBJECT_INHERIT);
    let only = f.has(AceFlags::INHERIT_ONLY);
    let np = f.has(AceFlags::NO_PROPAGATE_INHERIT);
    let scope = match (inherits, only, np, ace.inherited_object_type()) {
        (false, _, _, _) => Scope::ThisObject,
        (true, _, _, Some(class)) => Scope::DescendantsOfClass(Name::of(class)),
        (true, false, false, None) => Scope::ThisAndDescendants,
        (true, true, false, None) => Scope::Descendants,
        (true, false, true, None) => Scope::ThisAndChildren,
        (true, true, true, None) => Scope::Children,
    };
    Description {
        effect,
        rights,
        scope,
        trustee: ace.sid().copied(),
        inherited: ace.is_inherited(),
    }
}
