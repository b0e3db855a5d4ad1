//! Directory fixtures for the tests that run against the Samba AD DC, and
//! probes that prove what a connector account can really do to a user.
//!
//! Included next to `dc.rs`:
//!
//! ```ignore
//! mod support {
//!     pub mod dc;
//!     pub mod fixture;
//! }
//! ```
//!
//! A [`Fixture`] borrows a [`Lab`] (so it holds the lab's DC lock) and makes
//! a fresh OU `OU=wbfx-xxxxxxxx,<base>`; every object it creates lies under
//! that OU and is uniquely named, and the OU is deleted with its subtree
//! (tree-delete control) by [`Fixture::cleanup`] or, when a test fails
//! half-way, when the fixture is dropped. Changes it makes to objects
//! outside its OU (ACEs added, DACLs replaced) are undone then too. It
//! refuses to touch the domain root's DACL, except to remove ACEs naming
//! its own accounts, as `Lab` does.
//!
//! # What Samba 4.17 answers (seen on the test DC)
//!
//! Signed in as the connector over LDAPS:
//!
//! | operation                                    | allowed | refused by the DACL |
//! |----------------------------------------------|---------|---------------------|
//! | change: delete old + add new `unicodePwd`    | 0       | 19 constraintViolation, text `error in module acl: Constraint violation during LDB_MODIFY (19)` |
//! | reset: replace `unicodePwd`                  | 0       | 50 insufficientAccessRights |
//! | write `lockoutTime` / `pwdLastSet`           | 0       | 50 insufficientAccessRights, text `Object <dn> has no write property access` |
//!
//! Samba's `acl` module turns a refused Change-Password right into 19 on
//! purpose (source4/dsdb/samdb/ldb_modules/acl.c, `acl_check_password_rights`:
//! "Very strange, but we get constraint violation in this case"). The same
//! code 19 also comes from password policy, *after* the access check passed:
//! `0000052D: Constraint violation - check_password_restrictions: password is
//! too young to change!` (minPwdAge), `... the password is too short` and
//! the like, and `00000056: ... The old password specified doesn't match!`.
//! So a change probe counts 19 as "refused" only with the `error in module
//! acl` text, and panics on every other 19 — a policy error or a stale
//! password is never mistaken for a denied right.
//!
//! Note: Samba's (and Windows') default user DACL grants Change Password to
//! Everyone (`(OA;;CR;ab721a53-…;;WD)`) and to SELF (`PS`): any account that
//! knows a user's current password may change it, with no grant at all.
//! "User cannot change password" is the two deny ACEs for WD and PS, first.
// Shared by several test binaries, each using a part of it.
#![allow(dead_code)]

use std::collections::HashSet;

use ldap3::controls::RawControl;
use ldap3::{Ldap, Mod, Scope, SearchEntry};
use writeback_wizard::ad::{AceFlags, Control, SecurityDescriptor, Sid, sddl};

// The paths keep this file includable with `#[path = "support/X.rs"]` too
// (a file loaded so resolves its children beside itself).
#[path = "fixture/dacl.rs"]
mod dacl;
#[path = "fixture/ldap.rs"]
mod ldap;
#[path = "fixture/probe.rs"]
mod probe;

pub use ldap::*;

use super::dc::{
    Account, DcConfig, Lab, TIMEOUT, fresh_password, ldap_bind, runtime, unicode_pwd, unique_name,
};

/// LDAP_SERVER_SD_FLAGS_OID.
pub const SD_FLAGS_OID: &str = "1.2.840.113556.1.4.801";
/// Its value for "DACL only": SEQUENCE { INTEGER 4 }.
pub const SD_FLAGS_DACL: [u8; 5] = [0x30, 0x03, 0x02, 0x01, 0x04];
/// LDAP_SERVER_TREE_DELETE_OID.
pub const TREE_DELETE_OID: &str = "1.2.840.113556.1.4.805";
/// Result code success.
pub const SUCCESS: u32 = 0;
/// Result code constraintViolation.
pub const CONSTRAINT_VIOLATION: u32 = 19;
/// Result code noSuchObject.
pub const NO_SUCH_OBJECT: u32 = 32;
/// Result code insufficientAccessRights.
pub const INSUFFICIENT_ACCESS_RIGHTS: u32 = 50;
/// The text of Samba's answer to a change of password the DACL refuses.
pub const ACL_REFUSED_TEXT: &str = "error in module acl";

/// The Reset Password extended right (User-Force-Change-Password).
pub const RESET_PASSWORD: &str = "00299570-246d-11d0-a768-00aa006e0529";
/// The Change Password extended right (User-Change-Password).
pub const CHANGE_PASSWORD: &str = "ab721a53-1e2f-11d0-9819-00aa0040529b";
/// The lockoutTime attribute.
pub const LOCKOUT_TIME: &str = "28630ebf-41d5-11d1-a9c1-0000f80367c1";
/// The pwdLastSet attribute.
pub const PWD_LAST_SET: &str = "bf967a0a-0de6-11d0-a285-00aa003049e2";
/// The user class.
pub const USER_CLASS: &str = "bf967aba-0de6-11d0-a285-00aa003049e2";
/// The inetOrgPerson class.
pub const INET_ORG_PERSON_CLASS: &str = "4828cc14-1437-45bc-9b07-ad6f015e5f28";

/// The four explicit allow ACEs that give `sid` what password writeback
/// needs on the object carrying them (no inheritance): reset, change,
/// write lockoutTime, write pwdLastSet.
pub fn writeback_allows(sid: &Sid) -> [String; 4] {
    [
        format!("(OA;;CR;{RESET_PASSWORD};;{sid})"),
        format!("(OA;;CR;{CHANGE_PASSWORD};;{sid})"),
        format!("(OA;;WP;{LOCKOUT_TIME};;{sid})"),
        format!("(OA;;WP;{PWD_LAST_SET};;{sid})"),
    ]
}

/// What a connector could really do to a victim (each one tried).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Rights {
    /// Replace unicodePwd.
    pub reset: bool,
    /// Delete old + add new unicodePwd (knowing the old password).
    pub change: bool,
    /// Write lockoutTime = 0.
    pub lockout: bool,
    /// Write pwdLastSet = 0, then -1.
    pub pwd_last_set: bool,
}

impl Rights {
    /// All four.
    pub const ALL: Rights = Rights {
        reset: true,
        change: true,
        lockout: true,
        pwd_last_set: true,
    };
    /// None.
    pub const NONE: Rights = Rights {
        reset: false,
        change: false,
        lockout: false,
        pwd_last_set: false,
    };
}

/// Objects made for one test under a fresh OU, removed at the end.
pub struct Fixture<'a> {
    /// The lab (DC settings, runtime, lock); its helpers stay usable.
    pub lab: &'a mut Lab,
    /// `OU=wbfx-xxxxxxxx,<base>`: everything this fixture creates is below.
    pub root: String,
    /// Every DN created, in order (the root first).
    created: Vec<String>,
    /// SIDs of the security principals created.
    sids: Vec<Sid>,
    /// ACEs added to objects outside `root`, to remove at clean-up.
    foreign_aces: Vec<(String, writeback_wizard::ad::Ace)>,
    /// Original descriptors (DACL only) of objects outside `root` whose
    /// DACL was replaced (protected, NULL), to write back at clean-up.
    foreign_sds: Vec<(String, Vec<u8>)>,
    cleaned: bool,
}

impl<'a> Fixture<'a> {
    /// Creates the fixture's OU `OU=wbfx-xxxxxxxx,<base>`.
    pub fn new(lab: &'a mut Lab) -> Fixture<'a> {
        let root = format!("OU={},{}", unique_name("wbfx"), lab.dc.base_dn);
        let mut fx = Fixture {
            lab,
            root: root.clone(),
            created: Vec::new(),
            sids: Vec::new(),
            foreign_aces: Vec::new(),
            foreign_sds: Vec::new(),
            cleaned: false,
        };
        fx.add(
            &root,
            vec![("objectClass", vec![b"organizationalUnit".to_vec()])],
        );
        fx
    }

    /// The DC settings.
    pub fn dc(&self) -> &DcConfig {
        &self.lab.dc
    }

    /// Every DN this fixture created, the root OU first.
    pub fn created(&self) -> &[String] {
        &self.created
    }

    fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
        self.lab.rt.block_on(f)
    }

    /// True for the root OU and anything below it.
    pub fn owns(&self, dn: &str) -> bool {
        let dn = dn.to_ascii_lowercase();
        let root = self.root.to_ascii_lowercase();
        dn == root || dn.ends_with(&format!(",{root}"))
    }

    /// Adds an entry as Administrator and records it.
    fn add(&mut self, dn: &str, attrs: Vec<(&str, Vec<Vec<u8>>)>) {
        let dc = self.lab.dc.clone();
        let attrs: Vec<(Vec<u8>, HashSet<Vec<u8>>)> = attrs
            .into_iter()
            .map(|(a, v)| (a.as_bytes().to_vec(), v.into_iter().collect()))
            .collect();
        self.block_on(async {
            let mut ldap = admin(&dc).await;
            let res = ldap
                .with_timeout(TIMEOUT)
                .add(dn, attrs)
                .await
                .unwrap_or_else(|e| panic!("add {dn}: {e}"));
            let _ = ldap.unbind().await;
            assert_eq!(res.rc, SUCCESS, "add {dn}: {res:?}");
        });
        self.created.push(dn.to_string());
    }

    /// Creates `OU=prefix-xxxxxxxx,<parent>`; returns its DN.
    pub fn ou(&mut self, parent: &str, prefix: &str) -> String {
        let dn = format!("OU={},{parent}", unique_name(prefix));
        self.add(
            &dn,
            vec![("objectClass", vec![b"organizationalUnit".to_vec()])],
        );
        dn
    }

    fn account_in(&mut self, parent: &str, prefix: &str, class: &str) -> Account {
        let name = unique_name(prefix);
        let dn = format!("CN={name},{parent}");
        let password = fresh_password();
        let upn = format!("{name}@{}", self.lab.dc.realm.to_ascii_lowercase());
        self.add(
            &dn,
            vec![
                ("objectClass", vec![class.as_bytes().to_vec()]),
                ("sAMAccountName", vec![name.clone().into_bytes()]),
                ("userPrincipalName", vec![upn.into_bytes()]),
                ("unicodePwd", vec![unicode_pwd(&password)]),
                ("userAccountControl", vec![b"512".to_vec()]),
            ],
        );
        let sid = self.sid_of(&dn);
        self.sids.push(sid);
        Account {
            name,
            dn,
            password,
            sid,
        }
    }

    /// An enabled user `prefix-xxxxxxxx` (also its CN and sAMAccountName;
    /// prefix at most 11 characters) under `parent`, with a password.
    pub fn user_in(&mut self, parent: &str, prefix: &str) -> Account {
        self.account_in(parent, prefix, "user")
    }

    /// The same with objectClass inetOrgPerson (a subclass of user).
    pub fn inet_org_person_in(&mut self, parent: &str, prefix: &str) -> Account {
        self.account_in(parent, prefix, "inetOrgPerson")
    }

    /// A computer `CN=<cn>,<parent>` with sAMAccountName `<cn>$`
    /// (userAccountControl WORKSTATION_TRUST_ACCOUNT, no password); returns
    /// its DN. With `cn` = a connector's name it lies next to the connector
    /// in lookups by cn; put it in another container than the connector.
    pub fn computer_in(&mut self, parent: &str, cn: &str) -> String {
        let dn = format!("CN={cn},{parent}");
        self.add(
            &dn,
            vec![
                ("objectClass", vec![b"computer".to_vec()]),
                ("sAMAccountName", vec![format!("{cn}$").into_bytes()]),
                ("userAccountControl", vec![b"4096".to_vec()]),
            ],
        );
        let sid = self.sid_of(&dn);
        self.sids.push(sid);
        dn
    }

    /// A global security group `prefix-xxxxxxxx` under `parent`; its DN and
    /// objectSid.
    pub fn group_in(&mut self, parent: &str, prefix: &str) -> (String, Sid) {
        let name = unique_name(prefix);
        let dn = format!("CN={name},{parent}");
        self.add(
            &dn,
            vec![
                ("objectClass", vec![b"group".to_vec()]),
                ("sAMAccountName", vec![name.into_bytes()]),
            ],
        );
        let sid = self.sid_of(&dn);
        self.sids.push(sid);
        (dn, sid)
    }

    /// Adds `member_dn` to the group (takes effect at the member's next
    /// bind: the probes bind afresh every time).
    pub fn add_member(&mut self, group_dn: &str, member_dn: &str) {
        self.admin_modify(
            group_dn,
            vec![Mod::Add(
                b"member".to_vec(),
                HashSet::from([member_dn.as_bytes().to_vec()]),
            )],
        );
    }

    /// Sets adminCount = 1 (Samba has no SDProp: nothing else happens).
    pub fn set_admin_count(&mut self, dn: &str) {
        self.admin_modify(
            dn,
            vec![Mod::Replace(
                b"adminCount".to_vec(),
                HashSet::from([b"1".to_vec()]),
            )],
        );
    }

    /// Applies `mods` as Administrator; panics unless it succeeds.
    pub fn admin_modify(&self, dn: &str, mods: Vec<Mod<Vec<u8>>>) {
        let dc = self.lab.dc.clone();
        self.block_on(async {
            let mut ldap = admin(&dc).await;
            let res = ldap
                .with_timeout(TIMEOUT)
                .modify(dn, mods)
                .await
                .unwrap_or_else(|e| panic!("modify {dn}: {e}"));
            let _ = ldap.unbind().await;
            assert_eq!(res.rc, SUCCESS, "modify {dn}: {res:?}");
        });
    }

    /// objectSid of `dn`.
    pub fn sid_of(&self, dn: &str) -> Sid {
        let bytes = self
            .attr_bytes(dn, "objectSid")
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{dn} has no objectSid"));
        Sid::from_bytes(&bytes).expect("objectSid parses")
    }

    /// The values of `attr` of `dn` (read as Administrator), as text.
    pub fn attr(&self, dn: &str, attr: &str) -> Vec<String> {
        self.attr_bytes(dn, attr)
            .into_iter()
            .map(|v| String::from_utf8_lossy(&v).into_owned())
            .collect()
    }

    /// The values of `attr` of `dn` (read as Administrator).
    pub fn attr_bytes(&self, dn: &str, attr: &str) -> Vec<Vec<u8>> {
        let dc = self.lab.dc.clone();
        self.block_on(async {
            let mut ldap = admin(&dc).await;
            let (entries, _) = ldap
                .with_timeout(TIMEOUT)
                .search(dn, Scope::Base, "(objectClass=*)", vec![attr])
                .await
                .and_then(|r| r.success())
                .unwrap_or_else(|e| panic!("read {attr} of {dn}: {e}"));
            let _ = ldap.unbind().await;
            let Some(entry) = entries.into_iter().next() else {
                return Vec::new();
            };
            let entry = SearchEntry::construct(entry);
            if let Some((_, v)) = entry
                .bin_attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(attr))
            {
                return v.clone();
            }
            entry
                .attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(attr))
                .map(|(_, v)| v.iter().map(|s| s.clone().into_bytes()).collect())
                .unwrap_or_default()
        })
    }

    /// True when an entry `dn` exists (base search as Administrator).
    pub fn exists(&self, dn: &str) -> bool {
        let dc = self.lab.dc.clone();
        self.block_on(async { exists(&dc, dn).await })
    }

    /// The DACL-only descriptor of `dn` as the DC returns it (SD-flags 4).
    pub fn descriptor(&self, dn: &str) -> SecurityDescriptor {
        let dc = self.lab.dc.clone();
        self.block_on(async {
            let mut ldap = admin(&dc).await;
            let (_, sd) = read_sd(&mut ldap, dn).await;
            let _ = ldap.unbind().await;
            sd
        })
    }

    /// True when `dn` has a NULL DACL: DACL_PRESENT clear and no DACL
    /// (everyone may do everything). An empty DACL is not NULL.
    pub fn dacl_is_null(&self, dn: &str) -> bool {
        let sd = self.descriptor(dn);
        sd.dacl.is_none() && !sd.control.has(Control::DACL_PRESENT)
    }

    /// The DACL of `dn` as SDDL (for messages).
    pub fn sddl_of(&self, dn: &str) -> String {
        sddl::format(&self.descriptor(dn), None).unwrap_or_else(|e| e.to_string())
    }

    // ---- clean-up -----------------------------------------------------------

    /// Removes everything now (panics if that fails); returns the DNs it
    /// had created, the root OU first, for a test to check they are gone.
    pub fn cleanup(mut self) -> Vec<String> {
        let created = self.created.clone();
        self.cleaned = true;
        if let Err(e) = self.remove_all() {
            panic!("fixture clean-up failed: {e}");
        }
        created
    }

    fn remove_all(&mut self) -> Result<(), String> {
        let dc = self.lab.dc.clone();
        let root = self.root.clone();
        let sids = self.sids.clone();
        let foreign_aces = std::mem::take(&mut self.foreign_aces);
        let foreign_sds = std::mem::take(&mut self.foreign_sds);
        // A fresh runtime: the test's may have been left by a panic.
        let rt = runtime();
        rt.block_on(async move {
            let mut ldap = admin(&dc).await;
            let mut problems = Vec::new();
            // ACEs put on objects outside the OU, newest first.
            for (dn, ace) in foreign_aces.iter().rev() {
                if foreign_sds.iter().any(|(d, _)| d == dn) {
                    continue; // restored wholesale below
                }
                if !exists(&dc, dn).await {
                    continue;
                }
                let (_, mut sd) = read_sd(&mut ldap, dn).await;
                if let Some(dacl) = sd.dacl.as_mut()
                    && let Some(i) = dacl.aces.iter().position(|a| a == ace)
                {
                    dacl.aces.remove(i);
                    let bytes = sd.to_bytes().map_err(|e| e.to_string())?;
                    if let Err(e) = write_sd(&mut ldap, dn, &bytes).await {
                        problems.push(format!("remove an ACE from {dn}: {e}"));
                    }
                }
            }
            for (dn, bytes) in foreign_sds.iter().rev() {
                if exists(&dc, dn).await
                    && let Err(e) = write_sd(&mut ldap, dn, bytes).await
                {
                    problems.push(format!("restore the DACL of {dn}: {e}"));
                }
            }
            // ACEs naming the fixture's principals on the domain root (a
            // test may have granted one of them there); written only if any.
            let (_, mut sd) = read_sd(&mut ldap, &dc.base_dn).await;
            if let Some(dacl) = sd.dacl.as_mut() {
                let before = dacl.aces.len();
                dacl.aces
                    .retain(|a| a.is_inherited() || a.sid().is_none_or(|s| !sids.contains(s)));
                if dacl.aces.len() != before {
                    eprintln!(
                        "fixture clean-up: removing {} ACE(s) naming its accounts from the root",
                        before - dacl.aces.len()
                    );
                    let bytes = sd.to_bytes().map_err(|e| e.to_string())?;
                    if let Err(e) = write_sd(&mut ldap, &dc.base_dn, &bytes).await {
                        problems.push(format!("clean the root DACL: {e}"));
                    }
                }
            }
            if let Err(e) = tree_delete(&mut ldap, &root).await {
                problems.push(e);
            }
            let _ = ldap.unbind().await;
            if exists(&dc, &root).await {
                problems.push(format!("{root} still exists"));
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("; "))
            }
        })
    }
}

impl Drop for Fixture<'_> {
    fn drop(&mut self) {
        if self.cleaned {
            return;
        }
        self.cleaned = true;
        if let Err(e) = self.remove_all() {
            eprintln!("fixture clean-up failed: {e}");
        }
    }
}

impl Fixture<'_> {
    /// Creates `OU=<name>,<parent>` with exactly that name (the caller
    /// makes it unique, e.g. by a parent of this fixture); returns its DN.
    pub fn ou_named(&mut self, parent: &str, name: &str) -> String {
        let dn = format!("OU={name},{parent}");
        self.add(
            &dn,
            vec![("objectClass", vec![b"organizationalUnit".to_vec()])],
        );
        dn
    }
}
