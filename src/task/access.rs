//! Step 1's truth: what the connector account can really do on each user,
//! decided by the access check of `ad::access` on every user's own
//! descriptor, and why a user is out of reach (explicit or inherited deny,
//! inheritance disabled on the user or on an OU above, adminCount=1, a
//! class the grant does not cover, not propagated yet). Verify and the
//! pre-flight scan both use it; no UI here.

use std::collections::HashMap;

use serde::Serialize;

use crate::ad::access::{self, Decision, Right, Token};
use crate::ad::grant::{DESCENDANT_PERMISSIONS, Permission, guids, right_of};
use crate::ad::{Ace, AceFlags, Acl, Guid, SecurityDescriptor, Sid, sddl};
use crate::backend::{Directory, DirectoryError, Entry, Scope};

/// How many users of each reason the text output and the window show.
pub const FIRST_USERS: usize = 5;

/// The property sets (schema `attributeSecurityGUID`) of the attributes
/// the grant writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PropertySets {
    /// Set holding lockoutTime, if any.
    pub lockout_time: Option<Guid>,
    /// Set holding pwdLastSet, if any.
    pub pwd_last_set: Option<Guid>,
}

impl PropertySets {
    /// The four rights of the grant on descendant users, in
    /// [`DESCENDANT_PERMISSIONS`] order.
    pub fn rights(&self) -> [Right; 4] {
        [
            Right::Extended(guids::RESET_PASSWORD),
            Right::Extended(guids::CHANGE_PASSWORD),
            Right::WriteProperty {
                attribute: guids::LOCKOUT_TIME,
                property_set: self.lockout_time,
            },
            Right::WriteProperty {
                attribute: guids::PWD_LAST_SET,
                property_set: self.pwd_last_set,
            },
        ]
    }
}

/// Reads the property sets of lockoutTime and pwdLastSet from the schema.
pub async fn property_sets<D: Directory>(
    dir: &mut D,
    schema_nc: &str,
) -> Result<PropertySets, DirectoryError> {
    if schema_nc.is_empty() {
        return Ok(PropertySets::default());
    }
    let entries = dir
        .search(
            schema_nc,
            Scope::OneLevel,
            "(|(lDAPDisplayName=lockoutTime)(lDAPDisplayName=pwdLastSet))",
            &["lDAPDisplayName", "attributeSecurityGUID"],
            false,
        )
        .await?;
    let mut sets = PropertySets::default();
    for e in entries {
        let set = e
            .first("attributeSecurityGUID")
            .and_then(|b| <[u8; 16]>::try_from(b).ok())
            .map(Guid);
        match e.text("lDAPDisplayName").as_deref() {
            Some(n) if n.eq_ignore_ascii_case("lockoutTime") => sets.lockout_time = set,
            Some(n) if n.eq_ignore_ascii_case("pwdLastSet") => sets.pwd_last_set = set,
            _ => {}
        }
    }
    Ok(sets)
}

/// Why a user is out of the connector's reach.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// "User cannot change password": Change password denied to Everyone
    /// (and SELF) on the user.
    CannotChangePassword,
    /// An explicit deny on the user for the connector (or a group it is
    /// in, or Everyone).
    ExplicitDeny,
    /// A deny inherited from an OU or container above (named when found).
    InheritedDeny {
        /// The object whose inheritable deny reaches the user.
        from: Option<String>,
    },
    /// The user's own DACL does not inherit.
    InheritanceDisabled,
    /// An OU or container above (under the target) does not inherit.
    BlockedAbove {
        /// That OU or container.
        ou: String,
    },
    /// adminCount=1: AdminSDHolder governs the user's DACL (SDProp
    /// rewrites it within an hour on a Windows DC).
    AdminCount,
    /// An inetOrgPerson while the grant covers user objects only.
    ClassNotCovered,
    /// Its structural class is another subclass of user, which no entry
    /// of the grant names (an entry inherited for `user` does not reach
    /// it).
    SubclassNotCovered {
        /// The class (lDAPDisplayName).
        class: String,
    },
    /// A parent under the target could not be read, or is not an OU or
    /// container: whether the grant reaches the user is unknown.
    UnknownAbove {
        /// That parent.
        dn: String,
    },
    /// Inherits, nothing blocks, but the grant has not reached it yet.
    NotPropagated,
    /// Its descriptor could not be read or parsed.
    Unknown,
}

/// A user the connector cannot fully act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockedUser {
    /// DN.
    pub dn: String,
    /// sAMAccountName.
    pub sam_account_name: String,
    /// The rights missing (`reset-password`, `change-password`,
    /// `write-lockout-time`, `write-pwd-last-set`).
    pub rights: Vec<&'static str>,
    /// Why.
    pub reason: Reason,
    /// The deny entry that decided, as SDDL (for denies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deny: Option<String>,
}

/// A target that does not carry the grant, said once for its users.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UngrantedTarget {
    /// The target DN.
    pub target: String,
    /// Users below it the grant would reach once applied.
    pub users: u64,
}

/// An OU or container under a target whose inheritance is disabled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockedOu {
    /// Its DN (add it with `--target`).
    pub dn: String,
    /// Users below it (not reached through the target).
    pub users: u64,
}

/// Users of one reason: the count and the first few.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The reason.
    pub reason: Reason,
    /// How many users.
    pub count: u64,
    /// The first users.
    pub first: Vec<BlockedUser>,
}

/// The result of a user scan.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Audit {
    /// Users scanned.
    pub scanned: u64,
    /// Users on which the connector holds every right of the grant.
    pub carrying: u64,
    /// inetOrgPerson objects seen.
    pub inet_org_person: u64,
    /// Every user that is blocked, with the rights missing and why (users
    /// under a target that lacks the grant are only counted there).
    pub blocked: Vec<BlockedUser>,
    /// Targets that do not carry the grant, with their users counted.
    pub ungranted: Vec<UngrantedTarget>,
    /// OUs and containers under the targets with inheritance disabled.
    pub blocked_ous: Vec<BlockedOu>,
    /// Users whose fine-grained password policy has a minimum password age
    /// above zero (pre-flight only).
    pub pso_min_age: u64,
    /// How long the scan took, in seconds (for benchmarks).
    pub seconds: f64,
    /// Domain roots in scope on which the connector lacks Unexpire
    /// password (verify only): a reset written back there leaves "must
    /// change password at next logon".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unexpire_missing: Vec<String>,
    /// Per domain, when the targets lie in several domains of the forest.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<DomainAudit>,
}

/// The users of one domain in a scan over several domains.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DomainAudit {
    /// The domain (DNS name).
    pub domain: String,
    /// The DC its users were read from.
    pub server: String,
    /// Users scanned.
    pub scanned: u64,
    /// Users on which the connector holds every right of the grant.
    pub carrying: u64,
    /// Users out of reach.
    pub blocked: u64,
}

impl Audit {
    /// Blocked users grouped by reason, in order of first appearance, each
    /// with its count and its first `first` users.
    pub fn groups(&self, first: usize) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for u in &self.blocked {
            match groups.iter_mut().find(|g| g.reason == u.reason) {
                Some(g) => {
                    g.count += 1;
                    if g.first.len() < first {
                        g.first.push(u.clone());
                    }
                }
                None => groups.push(Group {
                    reason: u.reason.clone(),
                    count: 1,
                    first: vec![u.clone()],
                }),
            }
        }
        groups
    }

    /// Users the connector cannot fully act on, counted.
    pub fn blocked_count(&self) -> u64 {
        self.blocked.len() as u64 + self.ungranted.iter().map(|t| t.users).sum::<u64>()
    }

    /// Users with this reason.
    pub fn count(&self, pred: impl Fn(&Reason) -> bool) -> u64 {
        self.blocked.iter().filter(|u| pred(&u.reason)).count() as u64
    }
}

/// The stable name of a right, for JSON and translations.
pub fn right_name(p: Permission) -> &'static str {
    match p {
        Permission::ResetPassword => "reset-password",
        Permission::ChangePassword => "change-password",
        Permission::WriteLockoutTime => "write-lockout-time",
        Permission::WritePwdLastSet => "write-pwd-last-set",
        Permission::UnexpirePassword => "unexpire-password",
    }
}

/// What one container contributes to the users below it.
#[derive(Clone, Debug, Default)]
struct Container {
    dn: String,
    protected: bool,
    /// Explicit inheritable deny entries, to name where a deny comes from.
    denies: Vec<Ace>,
    /// How many explicit entries it passes to a child (CI or OI), and to a
    /// grandchild or below (not NO_PROPAGATE): the size of its block in
    /// the inherited part of a user's DACL.
    passes: (usize, usize),
}

/// The containers under one target, by lower-case DN.
#[derive(Clone, Debug, Default)]
pub struct Containers(HashMap<String, Container>);

const CONTAINER_FILTER: &str =
    "(|(objectClass=organizationalUnit)(objectClass=container)(objectClass=domainDNS))";

/// Reads the OUs and containers under `target` (DACL only).
pub async fn containers<D: Directory>(
    dir: &mut D,
    target: &str,
) -> Result<Containers, DirectoryError> {
    let mut out = Containers::default();
    dir.search_paged(
        target,
        CONTAINER_FILTER,
        &["nTSecurityDescriptor"],
        true,
        &mut |e| {
            let Some(sd) = e
                .first("nTSecurityDescriptor")
                .and_then(|b| SecurityDescriptor::from_bytes(b).ok())
            else {
                return;
            };
            let denies = sd
                .dacl
                .iter()
                .flat_map(|d| d.aces.iter())
                .filter(|a| {
                    access::is_deny(a)
                        && !a.is_inherited()
                        && a.flags.has(AceFlags::CONTAINER_INHERIT)
                })
                .cloned()
                .collect();
            let inheritable = |a: &&Ace| {
                !a.is_inherited()
                    && (a.flags.has(AceFlags::CONTAINER_INHERIT)
                        || a.flags.has(AceFlags::OBJECT_INHERIT))
            };
            let explicit = sd.dacl.iter().flat_map(|d| d.aces.iter());
            let child = explicit.clone().filter(inheritable).count();
            let below = explicit
                .filter(inheritable)
                .filter(|a| !a.flags.has(AceFlags::NO_PROPAGATE_INHERIT))
                .count();
            out.0.insert(
                e.dn.to_ascii_lowercase(),
                Container {
                    protected: sd.dacl_protected(),
                    dn: e.dn,
                    denies,
                    passes: (child, below),
                },
            );
        },
    )
    .await?;
    Ok(out)
}

impl Containers {
    /// OUs and containers with inheritance disabled, other than `target`.
    pub fn protected(&self, target: &str) -> Vec<String> {
        let mut v: Vec<String> = self
            .0
            .values()
            .filter(|c| c.protected && !c.dn.eq_ignore_ascii_case(target))
            .map(|c| c.dn.clone())
            .collect();
        v.sort();
        v
    }

    /// The nearest parent of `dn` below `target` that is not among the
    /// OUs and containers read (its descriptor unreadable, or another
    /// class of object).
    pub fn unread_above<'a>(&self, dn: &'a str, target: &str) -> Option<&'a str> {
        // The DC spells the DNs it returns one way (and targets are
        // tidied the same way): a parent longer than the target lies
        // below it.
        ancestors(dn)
            .take_while(|p| p.len() > target.len())
            .find(|p| !self.0.contains_key(&p.to_ascii_lowercase()))
    }

    /// Where in the DACL of the user `dn` the entries a grant on `target`
    /// take their place, as a DC orders inherited entries (MS-DTYP 2.5.3.4:
    /// the parent's first, then the grandparent's): after the user's
    /// explicit entries (`explicit` of them), the blocks of the containers
    /// between the target and the user, and the target's own explicit
    /// inheritable entries. None when a container on the way is unknown.
    fn grant_position(&self, dn: &str, target: &str, explicit: usize) -> Option<usize> {
        let mut at = explicit;
        for (level, p) in ancestors(dn).enumerate() {
            let c = self.0.get(&p.to_ascii_lowercase())?;
            at += if level == 0 { c.passes.0 } else { c.passes.1 };
            if crate::ad::dn::same(p, target) {
                return Some(at);
            }
        }
        None
    }

    /// The DN of the nearest container above `dn`, below `target`, whose
    /// inheritance is disabled.
    pub fn blocked_above_dn(&self, dn: &str, target: &str) -> Option<&str> {
        self.blocked_above(dn, target).map(|c| c.dn.as_str())
    }

    /// The nearest container above `dn`, below `target`, whose inheritance
    /// is disabled.
    fn blocked_above(&self, dn: &str, target: &str) -> Option<&Container> {
        ancestors(dn)
            .take_while(|p| !p.eq_ignore_ascii_case(target))
            .find_map(|p| self.0.get(&p.to_ascii_lowercase()).filter(|c| c.protected))
    }

    /// The nearest container above `dn` (up to and including `target`) that
    /// holds an explicit inheritable entry like `deny`.
    fn deny_source(&self, dn: &str, target: &str, deny: &Ace) -> Option<String> {
        for p in ancestors(dn) {
            if let Some(c) = self.0.get(&p.to_ascii_lowercase())
                && c.denies.iter().any(|a| same_entry(a, deny))
            {
                return Some(c.dn.clone());
            }
            if p.eq_ignore_ascii_case(target) {
                break;
            }
        }
        None
    }
}

/// The same entry apart from its inheritance flags.
fn same_entry(a: &Ace, b: &Ace) -> bool {
    a.ace_type == b.ace_type
        && a.mask() == b.mask()
        && a.sid() == b.sid()
        && a.object_type() == b.object_type()
        && a.inherited_object_type() == b.inherited_object_type()
}

/// The parents of a DN, nearest first (escaped commas respected).
pub fn ancestors(dn: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(parent_dn(dn), |p| parent_dn(p))
}

/// The parent of a DN (None for a single RDN).
pub fn parent_dn(dn: &str) -> Option<&str> {
    let mut escaped = false;
    for (i, c) in dn.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            ',' if !escaped => return Some(dn[i + 1..].trim_start()),
            _ => escaped = false,
        }
    }
    None
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_respect_escaped_commas() {
        let dn = r"CN=Doe\, John,OU=Sales\,EU,DC=corp,DC=example";
        let all: Vec<&str> = ancestors(dn).collect();
        assert_eq!(
            all,
            vec![
                r"OU=Sales\,EU,DC=corp,DC=example",
                "DC=corp,DC=example",
                "DC=example"
            ]
        );
    }
}
