//! Judging one user: the access check of `ad::access` on its own
//! descriptor (with the grant added when predicting), and the reason when
//! the connector falls short.

use super::{BlockedUser, Containers, Reason, right_name};
use crate::ad::access::{self, Decision, Right, Token};
use crate::ad::grant::{DESCENDANT_PERMISSIONS, guids, right_of};
use crate::ad::{Ace, AceFlags, Acl, Guid, SecurityDescriptor, Sid, sddl};
use crate::backend::Entry;

/// How the scan judges users.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Verify: the users' descriptors as they are.
    Actual {
        /// The target carries the grant (else users that would merely
        /// inherit it are counted once for the target).
        target_granted: bool,
    },
    /// Pre-flight: as if the grant were on the target (its entries added
    /// to what each user inherits).
    Predict,
}

/// Judges users under one target for one connector token.
pub struct Judge<'a> {
    /// The connector's token.
    pub token: &'a Token,
    /// The rights, from the schema's property sets.
    pub rights: [Right; 4],
    /// The grant covers inetOrgPerson too.
    pub inet_org_person: bool,
    /// The target DN.
    pub target: &'a str,
    /// Its OUs and containers.
    pub containers: &'a Containers,
    /// Verify or pre-flight.
    pub mode: Mode,
}

/// One user's verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The connector holds every right of the grant on the user.
    Ok,
    /// It does not, and why.
    Blocked(BlockedUser),
    /// It will once the target carries the grant (verify before a grant).
    AwaitingGrant,
}

const CANNOT_CHANGE: [u32; 1] = [0];

impl Judge<'_> {
    /// Judges one user entry (attributes `nTSecurityDescriptor`,
    /// `objectClass`, `objectSid`, `adminCount`, `sAMAccountName`).
    pub fn user(&self, e: &Entry) -> Verdict {
        // The structural class is the most specific value of objectClass
        // (the last one a DC lists). An entry inherited for `user` reaches
        // objects of that very class only: a subclass the grant does not
        // name is not covered.
        let classes = e.texts("objectClass");
        let structural = classes.last().map(String::as_str).unwrap_or("user");
        let inet = structural.eq_ignore_ascii_case("inetOrgPerson");
        let known = inet || structural.eq_ignore_ascii_case("user");
        let class = if inet {
            guids::INET_ORG_PERSON
        } else if known {
            guids::USER
        } else {
            // No entry of the grant names it.
            Guid([0; 16])
        };
        let blocked = |rights: Vec<&'static str>, reason: Reason, deny: Option<String>| {
            Verdict::Blocked(BlockedUser {
                dn: e.dn.clone(),
                sam_account_name: e.text("sAMAccountName").unwrap_or_default(),
                rights,
                reason,
                deny,
            })
        };
        let all_rights = || {
            DESCENDANT_PERMISSIONS
                .iter()
                .map(|&p| right_name(p))
                .collect()
        };
        let Some(sd) = e
            .first("nTSecurityDescriptor")
            .and_then(|b| SecurityDescriptor::from_bytes(b).ok())
        else {
            return blocked(all_rights(), Reason::Unknown, None);
        };
        let is_self = e
            .first("objectSid")
            .and_then(|b| Sid::from_bytes(b).ok())
            .is_some_and(|s| s == self.token.user());
        let admin_count = e.text("adminCount").is_some_and(|v| v.trim() == "1");
        let above = self.containers.blocked_above(&e.dn, self.target);
        let covered = known && (!inet || self.inet_org_person);

        let reached = !sd.dacl_protected() && above.is_none() && covered;
        let judged = match self.mode {
            Mode::Predict if reached => {
                let explicit = sd.dacl.as_ref().map_or(0, |d| {
                    d.aces.iter().take_while(|a| !a.is_inherited()).count()
                });
                let at = self.containers.grant_position(&e.dn, self.target, explicit);
                with_grant(&sd, self.token.user(), class, at)
            }
            _ => sd.clone(),
        };
        let decisions = access::check(&judged, class, self.token, is_self, &self.rights);
        // A parent under the target that could not be read, or is not an
        // OU or container: whether it blocks inheritance is not known
        // (looked up only when it matters: verify's users all allowed are
        // fine whatever lies above).
        let all = decisions.iter().all(|d| d.allowed());
        let unread = (self.mode == Mode::Predict || !all)
            .then(|| self.containers.unread_above(&e.dn, self.target))
            .flatten();
        if let Some(dn) = unread {
            let reason = Reason::UnknownAbove { dn: dn.to_string() };
            return blocked(all_rights(), reason, None);
        }
        if all {
            return Verdict::Ok;
        }
        let missing: Vec<&'static str> = decisions
            .iter()
            .zip(DESCENDANT_PERMISSIONS)
            .filter(|(d, _)| !d.allowed())
            .map(|(_, p)| right_name(p))
            .collect();
        let dacl = judged.dacl.as_ref();
        let deny = decisions.iter().find_map(|d| match d {
            Decision::Denied(i) => dacl.and_then(|a| a.aces.get(*i)),
            _ => None,
        });
        if let Some(ace) = deny {
            let text = sddl::format_ace(ace, None);
            let reason = if !ace.is_inherited() {
                if is_cannot_change(ace) {
                    Reason::CannotChangePassword
                } else {
                    Reason::ExplicitDeny
                }
            } else {
                Reason::InheritedDeny {
                    from: self.containers.deny_source(&e.dn, self.target, ace),
                }
            };
            return blocked(missing, reason, text);
        }
        let reason = if admin_count {
            Reason::AdminCount
        } else if sd.dacl_protected() {
            Reason::InheritanceDisabled
        } else if let Some(c) = above {
            Reason::BlockedAbove { ou: c.dn.clone() }
        } else if !known {
            Reason::SubclassNotCovered {
                class: structural.to_string(),
            }
        } else if !covered {
            Reason::ClassNotCovered
        } else if self.mode
            == (Mode::Actual {
                target_granted: false,
            })
        {
            // Said once for the target, not per user.
            return Verdict::AwaitingGrant;
        } else {
            Reason::NotPropagated
        };
        blocked(missing, reason, None)
    }
}

/// "User cannot change password": a deny of Change password (object type
/// present) to Everyone or SELF.
fn is_cannot_change(ace: &Ace) -> bool {
    ace.object_type() == Some(guids::CHANGE_PASSWORD)
        && ace.sid().is_some_and(|s| {
            (s.authority() == 1 && s.sub_authorities() == CANNOT_CHANGE)
                || (s.authority() == 5 && s.sub_authorities() == [10])
        })
}

/// `sd` with the grant's entries added as the target would make the user
/// inherit them: at `at` (where the target's block ends, see
/// [`Containers::grant_position`]), else after every entry it has.
fn with_grant(
    sd: &SecurityDescriptor,
    trustee: Sid,
    class: Guid,
    at: Option<usize>,
) -> SecurityDescriptor {
    let mut out = sd.clone();
    let dacl = out.dacl.get_or_insert_with(|| Acl::new(Vec::new()));
    let mut at = at.unwrap_or(dacl.aces.len()).min(dacl.aces.len());
    for p in DESCENDANT_PERMISSIONS {
        let (mask, object) = right_of(p);
        at += 1;
        dacl.aces.insert(
            at - 1,
            Ace::allow_object(
                AceFlags::CONTAINER_INHERIT | AceFlags::INHERITED,
                mask,
                Some(object),
                Some(class),
                trustee,
            ),
        );
    }
    out
}
