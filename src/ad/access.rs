//! The access check: what a security token may do on an object, decided
//! from the object's DACL the way Windows does it (MS-DTYP 2.5.3.2,
//! MS-ADTS 5.1.3.3). ACEs are read in order; inherit-only entries are
//! skipped; the first entry that allows or denies a right decides it.
//! Object ACEs apply when their object type is absent, the object's class,
//! the right itself, or (for a property) the property set it belongs to.

use super::ace::{Ace, AceBody, AceFlags, AceType};
use super::guid::Guid;
use super::mask::AccessMask;
use super::sd::SecurityDescriptor;
use super::sid::Sid;

/// Well-known SIDs a token may hold.
pub mod well_known {
    use super::Sid;

    /// Everyone (S-1-1-0).
    pub fn everyone() -> Sid {
        Sid::new(1, &[0]).expect("valid SID")
    }

    /// NT AUTHORITY\Authenticated Users (S-1-5-11).
    pub fn authenticated_users() -> Sid {
        Sid::new(5, &[11]).expect("valid SID")
    }

    /// NT AUTHORITY\SELF (S-1-5-10): the object itself, when it is the
    /// account the token belongs to.
    pub fn principal_self() -> Sid {
        Sid::new(5, &[10]).expect("valid SID")
    }

    /// NT AUTHORITY\NETWORK (S-1-5-2): every network logon (an LDAP bind).
    pub fn network() -> Sid {
        Sid::new(5, &[2]).expect("valid SID")
    }

    /// NT AUTHORITY\This Organization (S-1-5-15): a logon from inside the
    /// forest (no selective-authentication trust).
    pub fn this_organization() -> Sid {
        Sid::new(5, &[15]).expect("valid SID")
    }

    /// Authentication authority asserted identity (S-1-18-1): the DC
    /// checked the account's credentials itself.
    pub fn authority_asserted() -> Sid {
        Sid::new(18, &[1]).expect("valid SID")
    }

    /// The SIDs every network logon token of a forest account carries,
    /// whatever its groups.
    pub fn logon() -> [Sid; 5] {
        [
            everyone(),
            authenticated_users(),
            network(),
            this_organization(),
            authority_asserted(),
        ]
    }
}

/// The identities of one account, as a DC builds its token for a network
/// logon (MS-DTYP 2.5.2, MS-ADTS 3.1.1.4.2): the account's SID, its groups
/// (primary group, `tokenGroups`, `sIDHistory`), Everyone, Authenticated
/// Users, NETWORK, This Organization and Authentication authority asserted
/// identity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    user: Sid,
    sids: Vec<Sid>,
    principal_self: Sid,
}

impl Token {
    /// The token of `user` with its `groups` (the logon SIDs of
    /// [`well_known::logon`] are added).
    pub fn new(user: Sid, groups: impl IntoIterator<Item = Sid>) -> Token {
        let mut sids = vec![user];
        for sid in groups.into_iter().chain(well_known::logon()) {
            if !sids.contains(&sid) {
                sids.push(sid);
            }
        }
        Token {
            user,
            sids,
            principal_self: well_known::principal_self(),
        }
    }

    /// The account's own SID.
    pub fn user(&self) -> Sid {
        self.user
    }

    /// Every SID of the token (without SELF).
    pub fn sids(&self) -> &[Sid] {
        &self.sids
    }

    /// Whether an ACE naming `sid` applies to this token on an object;
    /// SELF counts only when `object_is_self`.
    pub fn holds(&self, sid: &Sid, object_is_self: bool) -> bool {
        (object_is_self && *sid == self.principal_self) || self.sids.contains(sid)
    }
}

/// One right to decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Right {
    /// An extended (control access) right, by its GUID.
    Extended(Guid),
    /// Write one attribute, by its schemaIDGUID, with the property set it
    /// belongs to (its `attributeSecurityGUID` in the schema), if any.
    WriteProperty {
        /// The attribute.
        attribute: Guid,
        /// Its property set.
        property_set: Option<Guid>,
    },
}

impl Right {
    fn bit(self) -> u32 {
        match self {
            Right::Extended(_) => AccessMask::CONTROL_ACCESS.0,
            Right::WriteProperty { .. } => AccessMask::WRITE_PROPERTY.0,
        }
    }

    /// Whether an object ACE with `object_type` speaks of this right on an
    /// object of class `class`. An extended right is matched by its own
    /// GUID only (Samba's `acl_check_extended_right` puts nothing else in
    /// the object tree); a property write also by the class (the root of
    /// the property tree) and the property set.
    fn matches(self, object_type: Option<Guid>, class: Guid) -> bool {
        let Some(g) = object_type else {
            return true;
        };
        match self {
            Right::Extended(right) => g == right,
            Right::WriteProperty {
                attribute,
                property_set,
            } => g == class || g == attribute || Some(g) == property_set,
        }
    }
}

/// How a right was decided, with the index of the deciding ACE in the DACL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// An allow entry came first.
    Allowed(usize),
    /// A deny entry came first.
    Denied(usize),
    /// No entry speaks of it: not granted.
    NotGranted,
    /// The object has no DACL at all (NULL DACL): everyone has every right.
    NullDacl,
}

impl Decision {
    /// The token holds the right.
    pub fn allowed(self) -> bool {
        matches!(self, Decision::Allowed(_) | Decision::NullDacl)
    }

    /// The deciding ACE, if one decided.
    pub fn ace(self) -> Option<usize> {
        match self {
            Decision::Allowed(i) | Decision::Denied(i) => Some(i),
            _ => None,
        }
    }
}

/// Decides each of `rights` for `token` on an object of class `class`
/// whose descriptor is `sd`. `object_is_self` puts SELF in the token (the
/// object is the token's own account). One pass over the DACL, no
/// allocation.
pub fn check<const N: usize>(
    sd: &SecurityDescriptor,
    class: Guid,
    token: &Token,
    object_is_self: bool,
    rights: &[Right; N],
) -> [Decision; N] {
    let mut out = [Decision::NotGranted; N];
    let Some(dacl) = &sd.dacl else {
        return [Decision::NullDacl; N];
    };
    let wanted = rights.iter().fold(0u32, |m, r| m | r.bit());
    let mut open = N;
    for (i, ace) in dacl.aces.iter().enumerate() {
        if open == 0 {
            break;
        }
        if let Some(decided) = decide(ace, class, token, object_is_self, wanted, rights) {
            for (slot, hit) in out.iter_mut().zip(decided) {
                if hit && *slot == Decision::NotGranted {
                    *slot = if !is_deny(ace) {
                        Decision::Allowed(i)
                    } else {
                        Decision::Denied(i)
                    };
                    open -= 1;
                }
            }
        }
    }
    out
}

/// Which of `rights` one ACE speaks of (None: none, or not an allow/deny).
fn decide<const N: usize>(
    ace: &Ace,
    class: Guid,
    token: &Token,
    object_is_self: bool,
    wanted: u32,
    rights: &[Right; N],
) -> Option<[bool; N]> {
    if ace.flags.has(AceFlags::INHERIT_ONLY) {
        return None;
    }
    let (mask, object_type, sid) = if ace.ace_type.is_allow() || ace.ace_type.is_deny() {
        (ace.mask()?, ace.object_type(), *ace.sid()?)
    } else {
        callback_deny(ace)?
    };
    let mask = mask.mapped().0;
    if mask & wanted == 0 {
        return None;
    }
    let mut hits = [false; N];
    let mut any = false;
    for (hit, right) in hits.iter_mut().zip(rights) {
        *hit = mask & right.bit() != 0 && right.matches(object_type, class);
        any |= *hit;
    }
    if !any || !token.holds(&sid, object_is_self) {
        return None;
    }
    Some(hits)
}

/// ACCESS_DENIED_CALLBACK_ACE_TYPE (0x0A).
pub const DENIED_CALLBACK: u8 = 0x0a;
/// ACCESS_DENIED_CALLBACK_OBJECT_ACE_TYPE (0x0C).
pub const DENIED_CALLBACK_OBJECT: u8 = 0x0c;

/// Whether an ACE denies: a deny entry, or a conditional (callback) deny,
/// which the wizard counts as a deny whatever its condition (a DC that
/// cannot decide the condition applies a deny; the safe side).
pub fn is_deny(ace: &Ace) -> bool {
    ace.ace_type.is_deny()
        || matches!(
            ace.ace_type,
            AceType::Other(DENIED_CALLBACK | DENIED_CALLBACK_OBJECT)
        )
}

/// The mask, object type and trustee of a conditional (callback) deny,
/// read from its opaque body (MS-DTYP 2.4.4.7, 2.4.4.9); None for any
/// other entry or a body too short.
pub fn callback_deny(ace: &Ace) -> Option<(AccessMask, Option<Guid>, Sid)> {
    let (AceType::Other(kind), AceBody::Opaque(body)) = (ace.ace_type, &ace.body) else {
        return None;
    };
    let u32_at = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(body.get(at..at + 4)?.try_into().ok()?))
    };
    let mask = AccessMask(u32_at(0)?);
    let (object_type, at) = match kind {
        DENIED_CALLBACK => (None, 4),
        DENIED_CALLBACK_OBJECT => {
            let flags = u32_at(4)?;
            let mut at = 8;
            let mut object_type = None;
            if flags & 0x1 != 0 {
                object_type = Some(Guid(body.get(at..at + 16)?.try_into().ok()?));
                at += 16;
            }
            if flags & 0x2 != 0 {
                at += 16;
            }
            (object_type, at)
        }
        _ => return None,
    };
    let (sid, _) = Sid::decode(body.get(at..)?, at).ok()?;
    Some((mask, object_type, sid))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ad::grant::guids;
    use crate::ad::{Acl, sddl};

    fn sid(text: &str) -> Sid {
        text.parse().expect("SID")
    }

    fn sd_of(aces: &[&str], protected: bool) -> SecurityDescriptor {
        let aces = aces
            .iter()
            .map(|t| sddl::parse_ace(t, None).expect("ACE"))
            .collect();
        let control = if protected {
            crate::ad::Control::DACL_PROTECTED
        } else {
            0
        };
        SecurityDescriptor::with_dacl(Acl::new(aces), control)
    }

    const CONNECTOR: &str = "S-1-5-21-1-2-3-1105";
    const GROUP: &str = "S-1-5-21-1-2-3-1200";

    fn rights() -> [Right; 3] {
        [
            Right::Extended(guids::RESET_PASSWORD),
            Right::Extended(guids::CHANGE_PASSWORD),
            Right::WriteProperty {
                attribute: guids::PWD_LAST_SET,
                property_set: Some(guids::USER_ACCOUNT_RESTRICTIONS),
            },
        ]
    }

    #[test]
    fn first_entry_decides_and_deny_for_everyone_beats_an_inherited_allow() {
        let token = Token::new(sid(CONNECTOR), [sid(GROUP)]);
        let sd = sd_of(
            &[
                "(OD;;CR;ab721a53-1e2f-11d0-9819-00aa0040529b;;WD)",
                "(OA;CIID;CR;ab721a53-1e2f-11d0-9819-00aa0040529b;bf967aba-0de6-11d0-a285-00aa003049e2;S-1-5-21-1-2-3-1105)",
                "(OA;CIID;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;S-1-5-21-1-2-3-1105)",
            ],
            false,
        );
        let d = check(&sd, guids::USER, &token, false, &rights());
        assert_eq!(d[0], Decision::Allowed(2));
        assert_eq!(d[1], Decision::Denied(0));
        assert_eq!(d[2], Decision::NotGranted);
    }

    #[test]
    fn groups_property_sets_generic_rights_and_inherit_only() {
        let token = Token::new(sid(CONNECTOR), [sid(GROUP)]);
        let sd = sd_of(
            &[
                // Inherit-only: decides nothing here.
                "(D;CIIO;GA;;;S-1-5-21-1-2-3-1105)",
                // A deny for a group the account is in.
                "(OD;;CR;00299570-246d-11d0-a768-00aa006e0529;;S-1-5-21-1-2-3-1200)",
                // Write through the property set.
                "(OA;;WP;4c164200-20c0-11d0-a768-00aa006e0529;;S-1-5-21-1-2-3-1105)",
                // Generic all for someone else.
                "(A;;GA;;;S-1-5-21-1-2-3-9999)",
                // Generic all for the account: grants the rest.
                "(A;;GA;;;S-1-5-21-1-2-3-1105)",
            ],
            false,
        );
        let d = check(&sd, guids::USER, &token, false, &rights());
        assert_eq!(
            d,
            [
                Decision::Denied(1),
                Decision::Allowed(4),
                Decision::Allowed(2)
            ]
        );
        // Without the property set, the entry on the set does not apply.
        let plain = [Right::WriteProperty {
            attribute: guids::PWD_LAST_SET,
            property_set: None,
        }];
        assert_eq!(
            check(&sd, guids::USER, &token, false, &plain),
            [Decision::Allowed(4)]
        );
    }

    #[test]
    fn self_only_on_the_account_itself_and_null_dacl_allows_everything() {
        let token = Token::new(sid(CONNECTOR), []);
        let sd = sd_of(
            &["(OA;;CR;ab721a53-1e2f-11d0-9819-00aa0040529b;;PS)"],
            false,
        );
        let change = [Right::Extended(guids::CHANGE_PASSWORD)];
        assert_eq!(
            check(&sd, guids::USER, &token, false, &change),
            [Decision::NotGranted]
        );
        assert_eq!(
            check(&sd, guids::USER, &token, true, &change),
            [Decision::Allowed(0)]
        );
        let mut null = sd.clone();
        null.dacl = None;
        assert_eq!(
            check(&null, guids::USER, &token, false, &change),
            [Decision::NullDacl]
        );
        // An object type naming another right does not apply.
        let other = sd_of(
            &["(OA;;CR;ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501;;WD)"],
            false,
        );
        assert_eq!(
            check(&other, guids::USER, &token, false, &change),
            [Decision::NotGranted]
        );
        // Read rights do not grant writes.
        let read = sd_of(&["(A;;GR;;;WD)"], false);
        let write = [Right::WriteProperty {
            attribute: guids::LOCKOUT_TIME,
            property_set: None,
        }];
        assert_eq!(
            check(&read, guids::USER, &token, false, &write),
            [Decision::NotGranted]
        );
    }

    #[test]
    fn logon_sids_are_in_every_token_and_a_deny_to_them_blocks() {
        let token = Token::new(sid(CONNECTOR), []);
        for trustee in ["S-1-5-2", "S-1-5-15", "S-1-18-1", "WD", "AU"] {
            let sd = sd_of(
                &[
                    &format!("(OD;;CR;00299570-246d-11d0-a768-00aa006e0529;;{trustee})"),
                    "(OA;;CR;00299570-246d-11d0-a768-00aa006e0529;;S-1-5-21-1-2-3-1105)",
                ],
                false,
            );
            let reset = [Right::Extended(guids::RESET_PASSWORD)];
            assert_eq!(
                check(&sd, guids::USER, &token, false, &reset),
                [Decision::Denied(0)],
                "{trustee}"
            );
        }
    }

    #[test]
    fn an_extended_right_is_matched_by_its_own_guid_only() {
        let token = Token::new(sid(CONNECTOR), []);
        // A class GUID in an object entry neither grants nor denies a right.
        let sd = sd_of(
            &[
                "(OD;;CR;bf967aba-0de6-11d0-a285-00aa003049e2;;WD)",
                "(OA;;CR;bf967aba-0de6-11d0-a285-00aa003049e2;;S-1-5-21-1-2-3-1105)",
            ],
            false,
        );
        let reset = [Right::Extended(guids::RESET_PASSWORD)];
        assert_eq!(
            check(&sd, guids::USER, &token, false, &reset),
            [Decision::NotGranted]
        );
        // A class GUID still opens every property of that class.
        let write = [Right::WriteProperty {
            attribute: guids::LOCKOUT_TIME,
            property_set: None,
        }];
        let sd = sd_of(
            &["(OA;;WP;bf967aba-0de6-11d0-a285-00aa003049e2;;S-1-5-21-1-2-3-1105)"],
            false,
        );
        assert_eq!(
            check(&sd, guids::USER, &token, false, &write),
            [Decision::Allowed(0)]
        );
    }

    #[test]
    fn a_conditional_deny_counts_as_a_deny() {
        let token = Token::new(sid(CONNECTOR), [sid(GROUP)]);
        let group = sid(GROUP);
        // ACCESS_DENIED_CALLBACK_OBJECT_ACE: mask CR, object type Reset
        // password, the group, then a condition ("artx" + bytes).
        let mut body = AccessMask::CONTROL_ACCESS.0.to_le_bytes().to_vec();
        body.extend(1u32.to_le_bytes());
        body.extend(guids::RESET_PASSWORD.0);
        group.encode(&mut body);
        body.extend(b"artx\x00\x00\x00\x00");
        let callback = Ace {
            ace_type: AceType::Other(DENIED_CALLBACK_OBJECT),
            flags: AceFlags(0),
            body: AceBody::Opaque(body),
        };
        // ACCESS_DENIED_CALLBACK_ACE for another right's holder: all rights.
        let mut plain = AccessMask::WRITE_PROPERTY.0.to_le_bytes().to_vec();
        group.encode(&mut plain);
        let callback_all = Ace {
            ace_type: AceType::Other(DENIED_CALLBACK),
            flags: AceFlags(0),
            body: AceBody::Opaque(plain),
        };
        let allow = sddl::parse_ace("(A;;GA;;;S-1-5-21-1-2-3-1105)", None).expect("ACE");
        let sd = SecurityDescriptor::with_dacl(Acl::new(vec![callback, callback_all, allow]), 0);
        let d = check(&sd, guids::USER, &token, false, &rights());
        assert_eq!(
            d,
            [
                Decision::Denied(0),
                Decision::Allowed(2),
                Decision::Denied(1)
            ]
        );
    }
}
