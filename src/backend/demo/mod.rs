//! The built-in demo organization: an in-memory directory holding real
//! security descriptors (captured from a Samba AD DC, edited by `src/ad`
//! exactly as on a real DC, with inheritance recomputed on every write), a
//! simulated Entra Connect server and a simulated tenant, with realistic
//! delays. The tasks run against it unchanged.
//!
//! `mod.rs` holds the shared state (objects, the planes' settings) and its
//! inheritance; `seed.rs` the organization's data; `directory.rs` the
//! directory plane; `planes.rs` the Connect server and the tenant;
//! `pilot.rs` the pilot test, event log and SSPR policy; `forest.rs` the
//! second domain.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::filter;
use super::sync::{SyncError, SyncServer, SyncState};
use super::tenant::{PortalPolicy, Tenant, TenantError};
use super::{Directory, DirectoryError, Entry, Scope, Swap};
use crate::ad::{Ace, AceFlags, Acl, Control, SecurityDescriptor, Sid};

/// The demo's DNS domain.
pub const DEMO_DOMAIN: &str = "contoso.com";
/// The demo's domain root.
pub const DEMO_ROOT: &str = "DC=contoso,DC=com";
/// The demo's connector account (as Entra Connect names it).
pub const DEMO_CONNECTOR: &str = "MSOL_4f2a9c1d7e3b";
/// The helpdesk account the demo signs in to the directory as.
pub const DEMO_OPERATOR: &str = "CONTOSO\\helpdesk-admin";
/// The demo's domain SID (that of the Samba DC the descriptors come from).
pub const DEMO_DOMAIN_SID: &str = "S-1-5-21-3372081686-3581938273-1940026438";

const ROOT_SD: &str = include_str!("../../../assets/demo/domain-root.full.b64");
const USER_SD: &str = include_str!("../../../assets/demo/user.full.b64");

/// One object of the demo directory.
#[derive(Clone, Debug)]
struct Object {
    attrs: BTreeMap<String, Vec<Vec<u8>>>,
    sd: SecurityDescriptor,
    class: Option<crate::ad::Guid>,
}

/// The whole demo organization, shared by its three planes.
#[derive(Debug)]
pub struct DemoState {
    objects: BTreeMap<String, Object>,
    /// Entra Connect: password writeback on.
    pub sync_writeback: bool,
    /// Portal: write back passwords.
    pub portal_writeback: bool,
    /// Portal: unlock without reset.
    pub portal_unlock: bool,
    /// "Write back passwords with cloud sync".
    pub portal_cloud_sync: bool,
    /// The pilot test's and the diagnosis's state (issue 15, below).
    pub pilot: PilotState,
    /// Attributes (lower case) the operator may not read: left out of
    /// every answer, as a DC leaves out what the reader may not see.
    hidden: Vec<String>,

    /// The domain controllers' replication (issue 25).
    dcs: dcs::Replication,
}

/// A handle on the demo organization; clones share it.
#[derive(Clone, Debug)]
pub struct DemoOrg {
    state: Arc<Mutex<DemoState>>,
    delay: Duration,
}

fn decode(b64: &str) -> SecurityDescriptor {
    let bytes = STANDARD
        .decode(b64.trim())
        .expect("embedded demo descriptor is base64");
    SecurityDescriptor::from_bytes(&bytes).expect("embedded demo descriptor parses")
}

fn parent(dn: &str) -> Option<&str> {
    let mut escaped = false;
    for (i, c) in dn.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            ',' if !escaped => return Some(&dn[i + 1..]),
            _ => escaped = false,
        }
    }
    None
}

fn depth(dn: &str) -> usize {
    dn.matches(',').count()
}

/// What a child inherits from its parent's DACL (MS-DTYP 2.5.3.4, for
/// containers: every AD object is one).
fn inheritable(parent: &Acl, child_class: Option<crate::ad::Guid>) -> Vec<Ace> {
    let mut out = Vec::new();
    for ace in &parent.aces {
        let f = ace.flags;
        if !f.has(AceFlags::CONTAINER_INHERIT) {
            continue;
        }
        let mut copy = ace.clone();
        let mut flags = f.0 | AceFlags::INHERITED;
        let applies = ace
            .inherited_object_type()
            .is_none_or(|g| Some(g) == child_class);
        if f.has(AceFlags::NO_PROPAGATE_INHERIT) {
            if !applies {
                continue;
            }
            flags &= !(AceFlags::CONTAINER_INHERIT
                | AceFlags::NO_PROPAGATE_INHERIT
                | AceFlags::INHERIT_ONLY);
        } else if applies {
            flags &= !AceFlags::INHERIT_ONLY;
        } else {
            flags |= AceFlags::INHERIT_ONLY;
        }
        copy.flags = AceFlags(flags);
        out.push(copy);
    }
    out
}

impl DemoState {
    fn add(&mut self, dn: &str, attrs: &[(&str, &str)], sd: SecurityDescriptor) {
        let mut map: BTreeMap<String, Vec<Vec<u8>>> = BTreeMap::new();
        for (k, v) in attrs {
            map.entry(k.to_ascii_lowercase())
                .or_default()
                .push(v.as_bytes().to_vec());
        }
        let class = if attrs
            .iter()
            .any(|(k, v)| *k == "objectClass" && *v == "inetOrgPerson")
        {
            Some(crate::ad::grant::guids::INET_ORG_PERSON)
        } else if attrs
            .iter()
            .any(|(k, v)| *k == "objectClass" && *v == "user")
        {
            Some(crate::ad::grant::guids::USER)
        } else {
            None
        };
        self.objects.insert(
            dn.to_string(),
            Object {
                attrs: map,
                sd,
                class,
            },
        );
    }

    fn set_binary(&mut self, dn: &str, attr: &str, value: Vec<u8>) {
        if let Some(o) = self.objects.get_mut(dn) {
            o.attrs.insert(attr.to_ascii_lowercase(), vec![value]);
        }
    }

    /// Recomputes inherited ACEs top-down, as a DC does after a change.
    fn propagate(&mut self) {
        let mut dns: Vec<String> = self.objects.keys().cloned().collect();
        dns.sort_by_key(|dn| depth(dn));
        for dn in dns {
            let Some(parent_dn) = parent(&dn) else {
                continue;
            };
            // A domain's root inherits nothing from the domain above it.
            if forest::is_domain_root(&dn) {
                continue;
            }
            let Some(parent_dacl) = self.objects.get(parent_dn).and_then(|p| p.sd.dacl.clone())
            else {
                continue;
            };
            let Some(obj) = self.objects.get_mut(&dn) else {
                continue;
            };
            // Protected DACLs inherit nothing; a NULL DACL stays NULL.
            let Some(dacl) = obj
                .sd
                .dacl
                .as_mut()
                .filter(|_| !obj.sd.control.has(Control::DACL_PROTECTED))
            else {
                continue;
            };
            dacl.aces.retain(|a| !a.is_inherited());
            dacl.aces.extend(inheritable(&parent_dacl, obj.class));
            dacl.fix_revision();
        }
    }
}

impl DemoOrg {
    /// Hides attributes from the operator (tests: a `tokenGroups` the
    /// signed-in account may not read), or shows them all again (empty).
    pub fn hide_attributes(&self, names: &[&str]) {
        self.with(|s| s.hidden = names.iter().map(|n| n.to_ascii_lowercase()).collect());
    }

    /// The directory plane.
    pub fn directory(&self) -> DemoDirectory {
        DemoDirectory {
            org: self.clone(),
            forest: Vec::new(),
            given: Vec::new(),
            at: None,
        }
    }

    /// The Entra Connect plane.
    pub fn sync_server(&self) -> DemoSync {
        DemoSync { org: self.clone() }
    }

    /// The tenant plane.
    pub fn tenant(&self) -> DemoTenant {
        DemoTenant { org: self.clone() }
    }

    /// True without the delays paced for people (tests, screenshots).
    pub fn unpaced(&self) -> bool {
        self.delay.is_zero()
    }

    async fn pause(&self, factor: u32) {
        if !self.delay.is_zero() {
            tokio::time::sleep(self.delay * factor).await;
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut DemoState) -> T) -> T {
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }
}

mod dcs;
mod directory;
mod forest;
mod pilot;
mod planes;
mod seed;

pub use dcs::{DEMO_DCS, DemoDc};
pub use directory::DemoDirectory;
pub use pilot::*;
pub use planes::*;
