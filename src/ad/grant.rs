//! The password-writeback grant as data (ACEs A1–A5 of the spec) and the
//! operations on a DACL: apply, remove, status, and the effect on a user.

use super::ace::{Ace, AceFlags};
use super::acl::Acl;
use super::guid::Guid;
use super::mask::AccessMask;
use super::sid::Sid;

/// GUIDs of the schema objects the grant names.
pub mod guids {
    use super::Guid;
    /// Extended right User-Force-Change-Password ("Reset password").
    pub const RESET_PASSWORD: Guid = Guid::from_str_const("00299570-246d-11d0-a768-00aa006e0529");
    /// Extended right User-Change-Password ("Change password").
    pub const CHANGE_PASSWORD: Guid = Guid::from_str_const("ab721a53-1e2f-11d0-9819-00aa0040529b");
    /// Extended right Unexpire-Password.
    pub const UNEXPIRE_PASSWORD: Guid =
        Guid::from_str_const("ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501");
    /// Attribute lockoutTime.
    pub const LOCKOUT_TIME: Guid = Guid::from_str_const("28630ebf-41d5-11d1-a9c1-0000f80367c1");
    /// Attribute pwdLastSet.
    pub const PWD_LAST_SET: Guid = Guid::from_str_const("bf967a0a-0de6-11d0-a285-00aa003049e2");
    /// Class user.
    pub const USER: Guid = Guid::from_str_const("bf967aba-0de6-11d0-a285-00aa003049e2");
    /// Class inetOrgPerson.
    pub const INET_ORG_PERSON: Guid = Guid::from_str_const("4828cc14-1437-45bc-9b07-ad6f015e5f28");
    /// Class domainDNS (a domain root).
    pub const DOMAIN_DNS: Guid = Guid::from_str_const("19195a5b-6da0-11d0-afd3-00c04fd930c9");
    /// Property set User-Account-Restrictions (holds pwdLastSet in the
    /// default schema; the scan reads the real sets from the schema).
    pub const USER_ACCOUNT_RESTRICTIONS: Guid =
        Guid::from_str_const("4c164200-20c0-11d0-a768-00aa006e0529");
}

/// The rights password writeback needs.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Permission {
    /// A1: Reset password.
    ResetPassword,
    /// A2: Change password.
    ChangePassword,
    /// A3: Write lockoutTime.
    WriteLockoutTime,
    /// A4: Write pwdLastSet.
    WritePwdLastSet,
    /// A5: Unexpire password.
    UnexpirePassword,
}

/// Where an entry of the grant must take effect.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Reach {
    /// Descendant objects of this class (user or inetOrgPerson).
    Descendants(Guid),
    /// The target object itself and its descendants (Unexpire password on
    /// a domain root).
    ThisObject,
    /// The target object only (AdminSDHolder, whose DACL SDProp copies as
    /// it is onto every protected account).
    ObjectOnly,
}

/// What kind of object a grant goes to: it decides the entries.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum TargetKind {
    /// A domain root: A1–A4 for descendant users, and A5.
    #[default]
    DomainRoot,
    /// An OU or container: A1–A4 for descendant users (A5 belongs on the
    /// domain root only).
    Container,
    /// A domain's AdminSDHolder: A1–A4 on the object itself, no
    /// inheritance flags (SDProp copies them onto protected accounts).
    AdminSdHolder,
}

impl TargetKind {
    /// The kind of `dn`, given the DNs of the forest's domains.
    pub fn of(dn: &str, domains: &[String]) -> TargetKind {
        if super::dn::is_adminsdholder(dn, None) {
            TargetKind::AdminSdHolder
        } else if domains.iter().any(|d| super::dn::same(d, dn)) {
            TargetKind::DomainRoot
        } else {
            TargetKind::Container
        }
    }
}

/// One entry of the grant: the permission, where it must reach, the ACE.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Entry {
    /// Which right.
    pub permission: Permission,
    /// Where it must apply.
    pub reach: Reach,
    /// The exact ACE the wizard writes for it.
    pub ace: Ace,
}

/// The grant for one connector account on one kind of target.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct WritebackGrant {
    /// The AD DS connector account.
    pub trustee: Sid,
    /// Also grant A1–A4 for inetOrgPerson objects.
    pub inet_org_person: bool,
    /// The kind of target (domain root unless set with [`Self::on`]).
    pub target: TargetKind,
}

/// Whether a DACL already carries the grant.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GrantState {
    /// Every entry is covered.
    Granted,
    /// Some entries are covered.
    Partly,
    /// None is.
    NotGranted,
}

/// The result of `status`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Status {
    /// Overall state.
    pub state: GrantState,
    /// Entries already covered by some ACE.
    pub covered: Vec<Entry>,
    /// Entries missing.
    pub missing: Vec<Entry>,
    /// Deny ACEs that would take a granted right away again.
    pub conflicting_denies: Vec<Ace>,
}

/// What `apply` changed.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Diff {
    /// The ACEs inserted, in the order they were inserted.
    pub added: Vec<Ace>,
    /// Entries that needed nothing because an ACE already covers them.
    pub already_present: Vec<Entry>,
}

impl Diff {
    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
    }
}

const CIIO: u8 = AceFlags::CONTAINER_INHERIT | AceFlags::INHERIT_ONLY;
const AUTHENTICATED_USERS: [u32; 1] = [11];
const EVERYONE_AUTHORITY: u64 = 1;

/// The rights the grant gives on descendant user objects (A1–A4).
pub const DESCENDANT_PERMISSIONS: [Permission; 4] = [
    Permission::ResetPassword,
    Permission::ChangePassword,
    Permission::WriteLockoutTime,
    Permission::WritePwdLastSet,
];

/// The access mask and object type of a right.
pub fn right_of(permission: Permission) -> (AccessMask, Guid) {
    match permission {
        Permission::ResetPassword => (AccessMask::CONTROL_ACCESS, guids::RESET_PASSWORD),
        Permission::ChangePassword => (AccessMask::CONTROL_ACCESS, guids::CHANGE_PASSWORD),
        Permission::WriteLockoutTime => (AccessMask::WRITE_PROPERTY, guids::LOCKOUT_TIME),
        Permission::WritePwdLastSet => (AccessMask::WRITE_PROPERTY, guids::PWD_LAST_SET),
        Permission::UnexpirePassword => (AccessMask::CONTROL_ACCESS, guids::UNEXPIRE_PASSWORD),
    }
}

/// Principals every account belongs to: Everyone and Authenticated Users.
fn is_universal(sid: &Sid) -> bool {
    (sid.authority() == EVERYONE_AUTHORITY && sid.sub_authorities() == [0])
        || (sid.authority() == 5 && sid.sub_authorities() == AUTHENTICATED_USERS)
}

impl WritebackGrant {
    /// The grant for `trustee`.
    pub fn new(trustee: Sid, inet_org_person: bool) -> WritebackGrant {
        WritebackGrant {
            trustee,
            inet_org_person,
            target: TargetKind::DomainRoot,
        }
    }

    /// The same grant for a target of `kind`.
    pub fn on(mut self, kind: TargetKind) -> WritebackGrant {
        self.target = kind;
        self
    }

    /// The entries for the target kind: on a domain root A1–A5 (and A1–A4
    /// for inetOrgPerson when asked), on an OU A1–A4, on AdminSDHolder
    /// A1–A4 for the object itself.
    pub fn entries(&self) -> Vec<Entry> {
        if self.target == TargetKind::AdminSdHolder {
            return DESCENDANT_PERMISSIONS
                .iter()
                .map(|&permission| {
                    let (mask, object) = right_of(permission);
                    Entry {
                        permission,
                        reach: Reach::ObjectOnly,
                        ace: Ace::allow_object(0, mask, Some(object), None, self.trustee),
                    }
                })
                .collect();
        }
        let mut classes = vec![guids::USER];
        if self.inet_org_person {
            classes.push(guids::INET_ORG_PERSON);
        }
        let mut out = Vec::with_capacity(9);
        for class in classes {
            for permission in DESCENDANT_PERMISSIONS {
                let (mask, object) = right_of(permission);
                out.push(Entry {
                    permission,
                    reach: Reach::Descendants(class),
                    ace: Ace::allow_object(CIIO, mask, Some(object), Some(class), self.trustee),
                });
            }
        }
        if self.target != TargetKind::DomainRoot {
            return out;
        }
        out.push(Entry {
            permission: Permission::UnexpirePassword,
            reach: Reach::ThisObject,
            ace: Ace::allow_object(
                AceFlags::CONTAINER_INHERIT,
                AccessMask::CONTROL_ACCESS,
                Some(guids::UNEXPIRE_PASSWORD),
                None,
                self.trustee,
            ),
        });
        out
    }

    /// True when `ace` already gives what `entry` needs (also when it is
    /// broader: more rights, all objects, a group every account is in).
    fn covers(&self, ace: &Ace, entry: &Entry) -> bool {
        let (Some(sid), Some(mask)) = (ace.sid(), ace.mask()) else {
            return false;
        };
        let wanted = entry.ace.mask().unwrap_or_default();
        if !ace.ace_type.is_allow()
            || !(*sid == self.trustee || is_universal(sid))
            || !mask.mapped().contains(wanted)
            || ace
                .object_type()
                .is_some_and(|g| Some(g) != entry.ace.object_type())
        {
            return false;
        }
        match entry.reach {
            Reach::Descendants(class) => {
                ace.flags.has(AceFlags::CONTAINER_INHERIT)
                    && !ace.flags.has(AceFlags::NO_PROPAGATE_INHERIT)
                    && ace.inherited_object_type().is_none_or(|g| g == class)
            }
            Reach::ThisObject => {
                !ace.flags.has(AceFlags::INHERIT_ONLY) && ace.inherited_object_type().is_none()
            }
            Reach::ObjectOnly => !ace.flags.has(AceFlags::INHERIT_ONLY),
        }
    }

    /// Deny ACEs for the trustee that overlap a right of the grant.
    fn conflicts(&self, ace: &Ace, entries: &[Entry]) -> bool {
        let (Some(sid), Some(mask)) = (ace.sid(), ace.mask()) else {
            return false;
        };
        ace.ace_type.is_deny()
            && (*sid == self.trustee || is_universal(sid))
            && entries.iter().any(|e| {
                let wanted = e.ace.mask().unwrap_or_default();
                mask.mapped().0 & wanted.0 != 0
                    && ace
                        .object_type()
                        .is_none_or(|g| Some(g) == e.ace.object_type())
            })
    }

    /// Whether `dacl` carries the grant.
    pub fn status(&self, dacl: &Acl) -> Status {
        let entries = self.entries();
        let conflicting_denies = dacl
            .aces
            .iter()
            .filter(|a| self.conflicts(a, &entries))
            .cloned()
            .collect();
        let (covered, missing): (Vec<Entry>, Vec<Entry>) = entries
            .into_iter()
            .partition(|e| dacl.aces.iter().any(|a| self.covers(a, e)));
        let state = match (covered.is_empty(), missing.is_empty()) {
            (_, true) => GrantState::Granted,
            (true, false) => GrantState::NotGranted,
            (false, false) => GrantState::Partly,
        };
        Status {
            state,
            covered,
            missing,
            conflicting_denies,
        }
    }

    /// Adds the missing entries as explicit ACEs before the first inherited
    /// ACE (after explicit denies and allows). Touches no other ACE.
    pub fn apply(&self, dacl: &Acl) -> (Acl, Diff) {
        let mut out = dacl.clone();
        let mut diff = Diff::default();
        let mut at = out
            .aces
            .iter()
            .position(Ace::is_inherited)
            .unwrap_or(out.aces.len());
        for entry in self.entries() {
            if out.aces.iter().any(|a| self.covers(a, &entry)) {
                diff.already_present.push(entry);
                continue;
            }
            out.aces.insert(at, entry.ace.clone());
            at += 1;
            diff.added.push(entry.ace);
        }
        out.fix_revision();
        (out, diff)
    }

    /// Removes exactly the ACEs `added` lists (see [`remove_aces`]).
    pub fn remove(&self, dacl: &Acl, added: &[Ace]) -> (Acl, Vec<Ace>) {
        remove_aces(dacl, added)
    }
}

/// Removes exactly the ACEs `added` lists (one explicit copy each), as
/// recorded by `apply`. Returns the new DACL and the ACEs not found.
pub fn remove_aces(dacl: &Acl, added: &[Ace]) -> (Acl, Vec<Ace>) {
    let mut out = dacl.clone();
    let mut not_found = Vec::new();
    for ace in added {
        match out.aces.iter().position(|a| a == ace && !a.is_inherited()) {
            Some(i) => {
                out.aces.remove(i);
            }
            None => not_found.push(ace.clone()),
        }
    }
    (out, not_found)
}
