//! Step 1's truth: what the connector account can really do on each user,
//! decided by the access check of `ad::access` on every user's own
//! descriptor, and why a user is out of reach (explicit or inherited deny,
//! inheritance disabled on the user or on an OU above, adminCount=1, a
//! class the grant does not cover, not propagated yet). Verify and the
//! pre-flight scan both use it; no UI here.//!
//! `containers` reads what the OUs above a user contribute (protection,
//! denies, where the grant's inherited entries sit); `judge` decides each
//! user.

mod containers;
mod judge;

use serde::Serialize;

use crate::ad::Guid;
use crate::ad::access::Right;
use crate::ad::grant::{Permission, guids};
use crate::backend::{Directory, DirectoryError, Scope};
pub use containers::{Containers, ancestors, containers, parent_dn};
pub use judge::{Judge, Mode, Verdict};

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
