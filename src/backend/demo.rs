//! The built-in demo organization: an in-memory directory holding real
//! security descriptors (captured from a Samba AD DC, edited by `src/ad`
//! exactly as on a real DC, with inheritance recomputed on every write), a
//! simulated Entra Connect server and a simulated tenant, with realistic
//! delays. The tasks run against it unchanged.

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

const ROOT_SD: &str = include_str!("../../assets/demo/domain-root.full.b64");
const USER_SD: &str = include_str!("../../assets/demo/user.full.b64");

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
    /// The pilot test's and the diagnosis's state (issue 15, below).
    pub pilot: PilotState,
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
    /// The demo organization. `delay` paces every operation (zero in tests).
    pub fn new(delay: Duration) -> DemoOrg {
        let mut s = DemoState {
            objects: BTreeMap::new(),
            sync_writeback: false,
            portal_writeback: false,
            portal_unlock: false,
            pilot: PilotState::default(),
        };
        let domain: Sid = DEMO_DOMAIN_SID.parse().expect("constant SID");
        let root_sd = decode(ROOT_SD);
        let user_template = decode(USER_SD);
        let config = format!("CN=Configuration,{DEMO_ROOT}");
        let schema = format!("CN=Schema,{config}");
        s.add(
            "",
            &[
                ("defaultNamingContext", DEMO_ROOT),
                ("configurationNamingContext", &config),
                ("schemaNamingContext", &schema),
                ("dnsHostName", "dc01.contoso.com"),
                ("domainFunctionality", "7"),
                ("supportedControl", "1.2.840.113556.1.4.319"),
                ("supportedControl", "1.2.840.113556.1.4.801"),
                ("supportedControl", "1.2.840.113556.1.4.2239"),
            ],
            SecurityDescriptor::with_dacl(Acl::new(Vec::new()), 0),
        );
        s.add(
            DEMO_ROOT,
            &[
                ("objectClass", "domainDNS"),
                ("minPwdAge", "0"),
                ("sDRightsEffective", "15"),
            ],
            root_sd.clone(),
        );
        s.set_binary(DEMO_ROOT, "objectSid", domain.to_bytes());
        for dn in [
            config.clone(),
            format!("CN=Partitions,{config}"),
            schema.clone(),
        ] {
            s.add(
                &dn,
                &[("objectClass", "container")],
                SecurityDescriptor::with_dacl(Acl::new(Vec::new()), 0),
            );
        }
        s.add(
            &format!("CN=CONTOSO,CN=Partitions,{config}"),
            &[
                ("objectClass", "crossRef"),
                ("nCName", DEMO_ROOT),
                ("nETBIOSName", "CONTOSO"),
                ("dnsRoot", DEMO_DOMAIN),
                ("systemFlags", "3"),
            ],
            SecurityDescriptor::with_dacl(Acl::new(Vec::new()), 0),
        );
        // The two attributes the grant writes, as the default schema
        // defines them: pwdLastSet belongs to the User-Account-Restrictions
        // property set, lockoutTime to none.
        for (cn, name, guid, set) in [
            (
                "Lockout-Time",
                "lockoutTime",
                crate::ad::grant::guids::LOCKOUT_TIME,
                None,
            ),
            (
                "Pwd-Last-Set",
                "pwdLastSet",
                crate::ad::grant::guids::PWD_LAST_SET,
                Some(crate::ad::grant::guids::USER_ACCOUNT_RESTRICTIONS),
            ),
        ] {
            let dn = format!("CN={cn},{schema}");
            s.add(
                &dn,
                &[
                    ("objectClass", "attributeSchema"),
                    ("lDAPDisplayName", name),
                ],
                SecurityDescriptor::with_dacl(Acl::new(Vec::new()), 0),
            );
            s.set_binary(&dn, "schemaIDGUID", guid.0.to_vec());
            if let Some(set) = set {
                s.set_binary(&dn, "attributeSecurityGUID", set.0.to_vec());
            }
        }
        for container in [
            "CN=Users",
            "OU=Staff",
            "OU=Partners",
            "CN=System",
            "OU=Contractors",
        ] {
            let dn = format!("{container},{DEMO_ROOT}");
            let class = if container.starts_with("OU=") {
                "organizationalUnit"
            } else {
                "container"
            };
            let mut sd = user_template.clone();
            if let Some(d) = sd.dacl.as_mut() {
                d.aces.retain(|a| !a.is_inherited());
            }
            if container == "OU=Contractors" {
                // Inheritance disabled by hand: its users never see the
                // root's entries.
                sd.control.0 |= Control::DACL_PROTECTED;
            }
            s.add(
                &dn,
                &[("objectClass", class), ("sDRightsEffective", "15")],
                sd,
            );
        }
        let mut holder = root_sd.clone();
        holder.control.0 |= Control::DACL_PROTECTED;
        s.add(
            &format!("CN=AdminSDHolder,CN=System,{DEMO_ROOT}"),
            &[("objectClass", "container"), ("sDRightsEffective", "15")],
            holder,
        );
        // (container, sAMAccountName, display name, RID, kind)
        let users: [(&str, &str, &str, u32, &str); 14] = [
            (
                "CN=Users",
                DEMO_CONNECTOR,
                "On-Premises Directory Synchronization Service Account",
                1105,
                "user",
            ),
            ("CN=Users", "Administrator", "Administrator", 500, "admin"),
            ("CN=Users", "adm-jdoe", "John Doe (admin)", 1120, "admin"),
            ("OU=Staff", "alice.martin", "Alice Martin", 1201, "user"),
            ("OU=Staff", "bob.nguyen", "Bob Nguyen", 1202, "user"),
            ("OU=Staff", "carla.diaz", "Carla Díaz", 1203, "user"),
            ("OU=Staff", "deepak.rao", "Deepak Rao", 1204, "user"),
            ("OU=Staff", "emma.schultz", "Emma Schultz", 1205, "user"),
            ("OU=Staff", "farid.haddad", "Farid Haddad", 1206, "user"),
            ("OU=Staff", "grace.kim", "Grace Kim", 1207, "user"),
            ("OU=Staff", "kiosk-lobby", "Lobby kiosk", 1230, "blocked"),
            (
                "OU=Staff",
                "reception-desk",
                "Reception desk",
                1231,
                "cannot-change",
            ),
            (
                "OU=Contractors",
                "ivan.petrov",
                "Ivan Petrov (contractor)",
                1401,
                "user",
            ),
            (
                "OU=Partners",
                "ext-hugo.lefevre",
                "Hugo Lefèvre (partner)",
                1301,
                "inetorg",
            ),
        ];
        for (container, sam, display, rid, kind) in users {
            let cn = if sam.starts_with("MSOL_") {
                sam
            } else {
                display
            };
            let dn = format!("CN={cn},{container},{DEMO_ROOT}");
            let upn = format!("{sam}@{DEMO_DOMAIN}");
            let mut sd = user_template.clone();
            if let Some(d) = sd.dacl.as_mut() {
                d.aces.retain(|a| !a.is_inherited());
            }
            let mut attrs = vec![
                ("objectClass", "top"),
                ("objectClass", "person"),
                ("objectClass", "organizationalPerson"),
                ("objectClass", "user"),
                ("objectCategory", "person"),
                ("sAMAccountName", sam),
                ("userPrincipalName", &upn),
                ("displayName", display),
                ("cn", cn),
                ("userAccountControl", "512"),
                ("sAMAccountType", "805306368"),
                ("msDS-User-Account-Control-Computed", "0"),
            ];
            match kind {
                "admin" => {
                    attrs.push(("adminCount", "1"));
                    sd.control.0 |= Control::DACL_PROTECTED;
                }
                "blocked" => sd.control.0 |= Control::DACL_PROTECTED,
                "inetorg" => attrs.push(("objectClass", "inetOrgPerson")),
                "cannot-change" => {
                    // "User cannot change password": Change password denied
                    // to Everyone and SELF, first in the DACL.
                    if let Some(d) = sd.dacl.as_mut() {
                        for trustee in ["WD", "PS"] {
                            let ace = crate::ad::sddl::parse_ace(
                                &format!(
                                    "(OD;;CR;{};;{trustee})",
                                    crate::ad::grant::guids::CHANGE_PASSWORD
                                ),
                                None,
                            )
                            .expect("constant ACE");
                            d.aces.insert(0, ace);
                        }
                    }
                }
                _ => {}
            }
            s.add(&dn, &attrs, sd);
            let sid = domain.with_rid(rid).expect("domain SID has room");
            s.set_binary(&dn, "objectSid", sid.to_bytes());
            if sam == DEMO_CONNECTOR {
                // Its token: Domain Users (RID 513).
                let users = domain.with_rid(513).expect("domain SID has room");
                s.set_binary(&dn, "tokenGroups", users.to_bytes());
            }
        }
        s.seed_pilot();
        forest::add_child_domain(&mut s, &root_sd, &user_template, &config);
        s.propagate();
        DemoOrg {
            state: Arc::new(Mutex::new(s)),
            delay,
        }
    }

    /// The directory plane.
    pub fn directory(&self) -> DemoDirectory {
        DemoDirectory {
            org: self.clone(),
            forest: Vec::new(),
            given: Vec::new(),
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

/// The demo directory: a connection to the first domain's DC, which
/// refers whatever lies in the second domain to that domain's DC, as AD
/// does (see the `forest` section below).
#[derive(Clone, Debug)]
pub struct DemoDirectory {
    org: DemoOrg,
    /// The forest's domains with their DCs, once discovered.
    forest: Vec<super::ForestDomain>,
    /// DCs given per domain.
    given: Vec<super::DomainServer>,
}

fn entry_of(dn: &str, o: &Object, attrs: &[&str], dacl_only: bool) -> Entry {
    let mut e = Entry {
        dn: dn.to_string(),
        ..Entry::default()
    };
    let all = attrs.is_empty() || attrs.contains(&"*");
    for (k, v) in &o.attrs {
        if all || attrs.iter().any(|a| a.eq_ignore_ascii_case(k)) {
            e.attrs.insert(k.clone(), v.clone());
        }
    }
    if attrs
        .iter()
        .any(|a| a.eq_ignore_ascii_case("nTSecurityDescriptor"))
    {
        let sd = if dacl_only {
            let control = o.sd.control.0 & (Control::DACL_PROTECTED | Control::DACL_AUTO_INHERITED);
            match &o.sd.dacl {
                Some(dacl) => SecurityDescriptor::with_dacl(dacl.clone(), control),
                // A NULL DACL reads as a descriptor without one.
                None => {
                    let mut sd = SecurityDescriptor::with_dacl(Acl::new(Vec::new()), control);
                    sd.dacl = None;
                    sd.layout.clear();
                    sd.control.0 &= !Control::DACL_PRESENT;
                    sd
                }
            }
        } else {
            o.sd.clone()
        };
        if let Ok(bytes) = sd.to_bytes() {
            e.attrs.insert("ntsecuritydescriptor".into(), vec![bytes]);
        }
    }
    e
}

impl DemoDirectory {
    fn find(
        &self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Vec<Entry>, DirectoryError> {
        let f = filter::parse(filter).ok_or_else(|| DirectoryError::Ldap {
            code: 87,
            dn: base.to_string(),
            text: "filter error".into(),
        })?;
        self.org.with(|s| {
            if !s.objects.contains_key(base) {
                return Err(DirectoryError::NoSuchObject {
                    dn: base.to_string(),
                });
            }
            let suffix = format!(",{}", base.to_ascii_lowercase());
            Ok(s.objects
                .iter()
                .filter(|(dn, _)| {
                    let lower = dn.to_ascii_lowercase();
                    match scope {
                        Scope::Base => lower == base.to_ascii_lowercase(),
                        Scope::OneLevel => parent(dn).is_some_and(|p| p.eq_ignore_ascii_case(base)),
                        Scope::Subtree => {
                            lower == base.to_ascii_lowercase()
                                || (!base.is_empty() && lower.ends_with(&suffix))
                        }
                    }
                })
                .filter(|(dn, o)| f.matches(&entry_of(dn, o, &["*"], true)))
                .map(|(dn, o)| entry_of(dn, o, attrs, dacl_only))
                .collect())
        })
    }
}

impl Directory for DemoDirectory {
    fn server(&self) -> String {
        forest::HOME_DC.into()
    }

    fn server_for(&self, dn: &str) -> String {
        self.dc_for(dn).to_string()
    }

    fn routes(&self) -> Vec<super::ForestDomain> {
        self.forest.clone()
    }

    fn set_domain_servers(&mut self, servers: &[super::DomainServer]) {
        self.given = servers.to_vec();
    }

    async fn set_forest(
        &mut self,
        home: &str,
        domains: &[super::DomainName],
    ) -> Vec<super::ForestDomain> {
        self.forest = forest::routes(home, domains, &self.given);
        self.forest.clone()
    }

    async fn search(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Vec<Entry>, DirectoryError> {
        self.org.pause(1).await;
        self.search_following(base, scope, filter, attrs, dacl_only)
    }

    async fn search_paged(
        &mut self,
        base: &str,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
        each: &mut (dyn FnMut(Entry) + Send),
    ) -> Result<(), DirectoryError> {
        let dc = self.follow(self.dc_for(base), base)?;
        let entries = forest::answer(self, dc, base, Scope::Subtree, filter, attrs, dacl_only)?
            .map_err(|url| self.refused(&url, base))?
            .0;
        for e in entries {
            self.org.pause(2).await;
            each(e);
        }
        Ok(())
    }

    async fn swap_dacl(
        &mut self,
        dn: &str,
        expected: &[u8],
        sd: &[u8],
    ) -> Result<Swap, DirectoryError> {
        let now = self.find(
            dn,
            Scope::Base,
            "(objectClass=*)",
            &["nTSecurityDescriptor"],
            true,
        )?;
        let current = now.first().and_then(|e| e.first("nTSecurityDescriptor"));
        if current != Some(expected) {
            return Ok(Swap::Changed);
        }
        self.write_dacl(dn, sd).await?;
        Ok(Swap::Written)
    }

    async fn write_dacl(&mut self, dn: &str, sd: &[u8]) -> Result<(), DirectoryError> {
        self.org.pause(4).await;
        // The DC of the domain holding `dn` writes it; another refers.
        let dc = self.follow(self.dc_for(dn), dn)?;
        if forest::refers(dc, dn).is_some() {
            return Err(self.refused(&forest::referral_url(dn), dn));
        }
        let new = SecurityDescriptor::from_bytes(sd).map_err(|e| DirectoryError::Ldap {
            code: 19,
            dn: dn.to_string(),
            text: e.to_string(),
        })?;
        self.org.with(|s| {
            let obj = s
                .objects
                .get_mut(dn)
                .ok_or_else(|| DirectoryError::NoSuchObject { dn: dn.to_string() })?;
            let keep = !(Control::DACL_PROTECTED | Control::DACL_AUTO_INHERITED);
            obj.sd.control.0 = (obj.sd.control.0 & keep)
                | (new.control.0 & (Control::DACL_PROTECTED | Control::DACL_AUTO_INHERITED));
            obj.sd.dacl = new.dacl;
            s.propagate();
            Ok(())
        })
    }
}

/// The demo Entra Connect server.
#[derive(Clone, Debug)]
pub struct DemoSync {
    org: DemoOrg,
}

impl SyncServer for DemoSync {
    fn host(&self) -> String {
        "demo://aadc01.contoso.com".into()
    }

    async fn state(&mut self) -> Result<SyncState, SyncError> {
        self.org.pause(3).await;
        Ok(SyncState {
            version: "2.4.131.0".into(),
            connector: "contoso.onmicrosoft.com - AAD".into(),
            ad_connector_account: format!("CONTOSO\\{DEMO_CONNECTOR}"),
            writeback: self.org.with(|s| s.sync_writeback),
            service_running: true,
            endpoints: [
                "passwordreset.microsoftonline.com",
                "servicebus.windows.net",
            ]
            .into_iter()
            .map(|host| super::sync::Endpoint {
                host: host.into(),
                port: 443,
                reachable: true,
            })
            .collect(),
        })
    }

    async fn set_writeback(&mut self, on: bool) -> Result<(), SyncError> {
        self.org.pause(8).await;
        self.org.with(|s| s.sync_writeback = on);
        Ok(())
    }
}

/// The demo's Connect server also carries a Cloud Sync provisioning agent,
/// which behaves like the real one: the switch is accepted (for any tenant
/// administrator with a user name and a password) and cannot be read back.
impl super::cloudsync::CloudSyncAgent for DemoSync {
    fn agent_host(&self) -> String {
        self.host()
    }

    async fn agent_state(&mut self) -> Result<super::cloudsync::CloudSyncState, SyncError> {
        self.org.pause(2).await;
        Ok(super::cloudsync::CloudSyncState {
            version: "1.1.1370.0".into(),
            service_running: true,
            writeback: None,
        })
    }

    async fn set_cloud_sync_writeback(
        &mut self,
        _on: bool,
        admin: &super::cloudsync::TenantAdmin,
    ) -> Result<(), SyncError> {
        self.org.pause(8).await;
        if admin.user.trim().is_empty() || admin.password.expose().is_empty() {
            return Err(SyncError::SignInRefused(
                "AADSTS50126: Error validating credentials due to invalid username or password."
                    .into(),
            ));
        }
        Ok(())
    }
}

/// The demo tenant.
#[derive(Clone, Debug)]
pub struct DemoTenant {
    org: DemoOrg,
}

impl DemoTenant {
    /// What Graph would say of the demo tenant: licensed, synchronized, the
    /// helpdesk admin a Hybrid Identity Administrator.
    pub async fn facts(&self) -> super::entra::graph::TenantFacts {
        use super::entra::graph::{ROLE_HYBRID_IDENTITY_ADMIN, TenantFacts};
        self.org.pause(2).await;
        TenantFacts {
            name: Some("Contoso".into()),
            sync_enabled: Some(true),
            last_sync: Some("2025-11-24T15:50:00Z".into()),
            licensed: true,
            roles: vec![(
                ROLE_HYBRID_IDENTITY_ADMIN.into(),
                "Hybrid Identity Administrator".into(),
            )],
        }
    }
}

/// The demo's signed-in tenant user.
pub const DEMO_TENANT_USER: &str = "helpdesk-admin@contoso.onmicrosoft.com";

impl Tenant for DemoTenant {
    fn name(&self) -> String {
        "contoso.onmicrosoft.com".into()
    }

    fn account(&self) -> Option<String> {
        Some(DEMO_TENANT_USER.into())
    }

    async fn policy(&mut self) -> Result<PortalPolicy, TenantError> {
        self.org.pause(2).await;
        Ok(self.org.with(|s| PortalPolicy {
            writeback: s.portal_writeback,
            unlock: s.portal_unlock,
        }))
    }

    async fn set_writeback(&mut self, on: bool) -> Result<(), TenantError> {
        self.org.pause(3).await;
        self.org.with(|s| s.portal_writeback = on);
        Ok(())
    }

    async fn set_unlock(&mut self, on: bool) -> Result<(), TenantError> {
        self.org.pause(3).await;
        self.org.with(|s| s.portal_unlock = on);
        Ok(())
    }
}

// ---------------------------------------------------------------------
// Issue 15: the pilot test, the Connect server's event log and the SSPR
// policy of the demo organization. Kept together here so that the file
// can be split later.
//
// The demo tenant resets a synced user's password as Entra ID would: the
// operation goes notStarted → running → succeeded over three polls, and
// the demo Connect server writes the password back (pwdLastSet moves)
// only when writeback is on in Connect and the portal and the connector
// account can really reset that user (the access check on the user's own
// descriptor). Otherwise the operation fails with the statusDetail Entra
// ID reports (hr=80230626 for denied access), and the event log gets the
// matching entry.
// ---------------------------------------------------------------------

use super::tenant::{CloudUser, OperationStatus, PilotTenant, ResetPoll, ResetStarted, SsprScope};
use crate::task::diagnose::{EventLog, EventRecord};

/// A cloud-only user of the demo tenant (not synced: no writeback).
pub const DEMO_CLOUD_ONLY: &str = "cloud.only@contoso.onmicrosoft.com";
/// The demo's suggested pilot user: synced, an ordinary user, reachable
/// once step 1 is applied.
pub const DEMO_PILOT: &str = "bob.nguyen@contoso.com";
/// `pwdLastSet` of every demo user before any test: 2025-10-01T08:00:00Z.
const DEMO_PWD_LAST_SET: i64 = (1_759_305_600 + 11_644_473_600) * 10_000_000;

/// One reset operation of the demo tenant.
#[derive(Clone, Debug)]
struct DemoOperation {
    dn: String,
    polls: u32,
    /// None: succeeds; Some: fails with this statusDetail.
    failure: Option<String>,
    written: bool,
}

/// The demo's pilot-test state.
#[derive(Debug, Default)]
pub struct PilotState {
    operations: Vec<DemoOperation>,
    events: Vec<(SystemTimeKey, EventRecord)>,
    /// The clock of the demo's resets and events (None: the system's).
    pub clock: Option<std::time::SystemTime>,
    /// Who may use SSPR (None: the demo's default, a group).
    pub sspr: Option<SsprScope>,
    /// When true, the demo Connect server never writes a reset back
    /// (the unproven case).
    pub stalled: bool,
    resets: u32,
}

type SystemTimeKey = u64;

impl DemoState {
    /// Every demo user gets a `pwdLastSet`.
    fn seed_pilot(&mut self) {
        let value = DEMO_PWD_LAST_SET.to_string().into_bytes();
        for o in self.objects.values_mut() {
            if o.class.is_some() {
                o.attrs.insert("pwdlastset".into(), vec![value.clone()]);
            }
        }
    }

    fn now(&self) -> std::time::SystemTime {
        self.pilot.clock.unwrap_or_else(std::time::SystemTime::now)
    }

    fn user_by_upn(&self, upn: &str) -> Option<(String, &Object)> {
        self.objects.iter().find_map(|(dn, o)| {
            let value = o.attrs.get("userprincipalname")?.first()?;
            String::from_utf8_lossy(value)
                .eq_ignore_ascii_case(upn)
                .then(|| (dn.clone(), o))
        })
    }

    fn text(o: &Object, attr: &str) -> Option<String> {
        o.attrs
            .get(attr)
            .and_then(|v| v.first())
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }

    fn log(&mut self, id: u32, level: u8, message: String) {
        let t = self.now();
        let key = t
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        self.pilot.events.push((
            key,
            EventRecord {
                time: crate::audit::rfc3339(t),
                id,
                source: "PasswordResetService".into(),
                level,
                message,
            },
        ));
    }

    /// Whether the connector account can reset `dn` and write its
    /// pwdLastSet (the rights writeback uses), by the access check.
    fn connector_reaches(&self, dn: &str) -> bool {
        use crate::ad::access::{Right, Token, check};
        use crate::ad::grant::guids;
        let Some(connector) = self
            .objects
            .values()
            .find(|o| Self::text(o, "samaccountname").as_deref() == Some(DEMO_CONNECTOR))
        else {
            return false;
        };
        let sid = |o: &Object, attr: &str| {
            o.attrs
                .get(attr)
                .into_iter()
                .flatten()
                .filter_map(|b| Sid::from_bytes(b).ok())
                .collect::<Vec<_>>()
        };
        let Some(user_sid) = sid(connector, "objectsid").first().copied() else {
            return false;
        };
        let token = Token::new(user_sid, sid(connector, "tokengroups"));
        let Some(user) = self.objects.get(dn) else {
            return false;
        };
        let class = user.class.unwrap_or(guids::USER);
        check(
            &user.sd,
            class,
            &token,
            false,
            &[
                Right::Extended(guids::RESET_PASSWORD),
                Right::Extended(guids::CHANGE_PASSWORD),
                Right::WriteProperty {
                    attribute: guids::PWD_LAST_SET,
                    property_set: Some(guids::USER_ACCOUNT_RESTRICTIONS),
                },
            ],
        )
        .iter()
        .all(|d| d.allowed())
    }
}

impl DemoOrg {
    /// Fixes the clock of the demo's resets and events (headless runs,
    /// screenshots): a reset written back gets `pwdLastSet` a few seconds
    /// after it.
    pub fn fix_clock(&self, time: std::time::SystemTime) {
        self.with(|s| s.pilot.clock = Some(time));
    }

    /// Sets who may use SSPR in the demo tenant.
    pub fn set_sspr_scope(&self, scope: SsprScope) {
        self.with(|s| s.pilot.sspr = Some(scope));
    }

    /// Makes the demo Connect server stop writing resets back (the
    /// "unproven" case), or resume.
    pub fn stall_writeback(&self, stalled: bool) {
        self.with(|s| s.pilot.stalled = stalled);
    }

    /// Sets a user's `pwdLastSet` (tests: a stand-in Connect server
    /// writing a reset back into the demo directory).
    pub fn set_pwd_last_set(&self, dn: &str, filetime: i64) {
        self.with(|s| s.set_binary(dn, "pwdLastSet", filetime.to_string().into_bytes()));
    }

    /// A user's `pwdLastSet` in the demo directory.
    pub fn pwd_last_set(&self, dn: &str) -> Option<i64> {
        self.with(|s| {
            s.objects
                .get(dn)
                .and_then(|o| DemoState::text(o, "pwdlastset"))
                .and_then(|t| t.parse().ok())
        })
    }
}

impl PilotTenant for DemoTenant {
    fn tenant_id(&self) -> String {
        "9c1e4d2a-5b7f-4c3e-8a6d-2f1b0e9d7c5a".into()
    }

    fn signed_in_user(&self) -> Option<String> {
        Some(DEMO_TENANT_USER.into())
    }

    async fn find_user(&mut self, user: &str) -> Result<CloudUser, TenantError> {
        self.org.pause(2).await;
        let user = user.trim();
        if user.eq_ignore_ascii_case(DEMO_TENANT_USER) || user.eq_ignore_ascii_case(DEMO_CLOUD_ONLY)
        {
            return Ok(CloudUser {
                id: format!("cloud-{}", user.to_ascii_lowercase()),
                user_principal_name: user.to_ascii_lowercase(),
                display_name: Some(user.split('@').next().unwrap_or(user).to_string()),
                synced: false,
                admin_roles: Some(if user.eq_ignore_ascii_case(DEMO_TENANT_USER) {
                    vec!["Hybrid Identity Administrator".into()]
                } else {
                    Vec::new()
                }),
                ..CloudUser::default()
            });
        }
        self.org.with(|s| {
            let (dn, o) = s
                .user_by_upn(user)
                .filter(|(_, o)| {
                    DemoState::text(o, "samaccountname").as_deref() != Some(DEMO_CONNECTOR)
                })
                .ok_or_else(|| TenantError::NotFound(user.to_string()))?;
            let admin = DemoState::text(o, "admincount").as_deref() == Some("1");
            Ok(CloudUser {
                id: format!("synced-{}", user.to_ascii_lowercase()),
                user_principal_name: DemoState::text(o, "userprincipalname").unwrap_or_default(),
                display_name: DemoState::text(o, "displayname"),
                synced: true,
                on_premises_dn: Some(dn),
                on_premises_sam: DemoState::text(o, "samaccountname"),
                on_premises_upn: DemoState::text(o, "userprincipalname"),
                on_premises_domain: Some(DEMO_DOMAIN.into()),
                admin_roles: Some(if admin {
                    vec!["Global Administrator".into()]
                } else {
                    Vec::new()
                }),
            })
        })
    }

    async fn reset_password(&mut self, user_id: &str) -> Result<ResetStarted, TenantError> {
        self.org.pause(3).await;
        let Some(upn) = user_id.strip_prefix("synced-") else {
            // Cloud-only users: a reset in the cloud alone, no writeback;
            // the pilot test never gets here (pick refuses them).
            return Err(TenantError::ApiChanged("demo: not a synced user".into()));
        };
        self.org.with(|s| {
            let (dn, o) = s
                .user_by_upn(upn)
                .ok_or_else(|| TenantError::NotFound(upn.to_string()))?;
            if DemoState::text(o, "admincount").as_deref() == Some("1") {
                // The demo's helpdesk admin is no Privileged
                // Authentication Administrator.
                return Err(TenantError::Forbidden);
            }
            let failure = if !(s.sync_writeback && s.portal_writeback) {
                Some(
                    "Password writeback is not enabled for this tenant: the password was not \
                     changed on-premises."
                        .to_string(),
                )
            } else if !s.connector_reaches(&dn) {
                Some(format!(
                    "The password could not be updated on-premises: hr=80230626, message=The \
                     management agent credentials were denied access ({dn})."
                ))
            } else {
                None
            };
            s.pilot.resets += 1;
            let n = s.pilot.resets;
            s.pilot.operations.push(DemoOperation {
                dn,
                polls: 0,
                failure,
                written: false,
            });
            Ok(ResetStarted {
                location: format!(
                    "demo://graph/v1.0/users/{user_id}/authentication/operations/{n}"
                ),
                new_password: Some(crate::backend::Secret::new(format!(
                    "Tivo{:04}-Kame!",
                    4817 + n * 7
                ))),
                retry_after: None,
            })
        })
    }

    async fn reset_status(&mut self, location: &str) -> Result<ResetPoll, TenantError> {
        self.org.pause(2).await;
        let n: usize = location
            .rsplit('/')
            .next()
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| TenantError::NotFound(location.to_string()))?;
        self.org.with(|s| {
            let now = s.now();
            let stalled = s.pilot.stalled;
            let op = s
                .pilot
                .operations
                .get_mut(n.wrapping_sub(1))
                .ok_or_else(|| TenantError::NotFound(location.to_string()))?;
            op.polls += 1;
            let status = match op.polls {
                1 => OperationStatus::NotStarted,
                2 => OperationStatus::Running,
                _ if op.failure.is_some() => OperationStatus::Failed,
                _ => OperationStatus::Succeeded,
            };
            let detail = if status == OperationStatus::Failed {
                op.failure.clone()
            } else {
                None
            };
            let (dn, first_final) = (op.dn.clone(), status.is_final() && !op.written);
            if first_final {
                op.written = true;
            }
            if first_final {
                match (&detail, stalled) {
                    (None, false) => {
                        // Written back: pwdLastSet moves (a few seconds
                        // after the clock, as the Connect server's write).
                        let ft = crate::task::prove::filetime(now + Duration::from_secs(4));
                        s.set_binary(&dn, "pwdLastSet", ft.to_string().into_bytes());
                        s.log(31019, 4, format!("Password reset written back for {dn}."));
                    }
                    (None, true) => {}
                    (Some(d), _) if d.contains("80230626") => s.log(
                        33004,
                        2,
                        format!(
                            "An unexpected error has occurred during a password set operation. \
                             hr=80230626, message=The management agent credentials were denied \
                             access. User: {dn}"
                        ),
                    ),
                    (Some(d), _) => s.log(32009, 3, d.clone()),
                }
            }
            Ok(ResetPoll {
                status,
                detail,
                retry_after: None,
            })
        })
    }

    async fn sspr_scope(&mut self) -> Result<SsprScope, TenantError> {
        self.org.pause(2).await;
        Ok(self.org.with(|s| {
            s.pilot.sspr.clone().unwrap_or(SsprScope::Group {
                id: Some("4b1f0c9e-2d7a-4e61-9c3b-7a5d8e2f1c06".into()),
                name: Some("SSPR – all staff".into()),
            })
        }))
    }
}

impl EventLog for DemoSync {
    async fn events(
        &mut self,
        since: std::time::SystemTime,
    ) -> Result<Vec<EventRecord>, SyncError> {
        self.org.pause(4).await;
        Ok(self.org.with(|s| {
            let now = s.now();
            let at = |minutes: u64| now - Duration::from_secs(minutes * 60);
            let record = |t: std::time::SystemTime, id: u32, level: u8, message: &str| {
                (
                    t.duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_secs())
                        .unwrap_or(0),
                    EventRecord {
                        time: crate::audit::rfc3339(t),
                        id,
                        source: "PasswordResetService".into(),
                        level,
                        message: message.into(),
                    },
                )
            };
            let desk = format!("CN=Reception desk,OU=Staff,{DEMO_ROOT}");
            // A day of the demo Connect server's history, then what the
            // tests since added.
            let mut all = vec![
                record(
                    at(180),
                    32002,
                    2,
                    "Unable to connect to Service Bus: the remote name could not be resolved: \
                     'ssprdedicatedsbprodncu.servicebus.windows.net'.",
                ),
                record(
                    at(95),
                    33004,
                    2,
                    &format!(
                        "An unexpected error has occurred during a password set operation. \
                         hr=80230626, message=The management agent credentials were denied \
                         access. User: {desk}"
                    ),
                ),
                record(
                    at(60),
                    31117,
                    4,
                    "Heartbeat: the password reset service is listening for requests.",
                ),
            ];
            if s.sync_writeback {
                all.push(record(
                    at(5),
                    31005,
                    4,
                    "Password writeback has been enabled.",
                ));
            }
            all.extend(s.pilot.events.iter().cloned());
            let since = since
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0);
            all.retain(|(t, _)| *t >= since);
            all.sort_by_key(|b| std::cmp::Reverse(b.0));
            all.into_iter().map(|(_, e)| e).collect()
        }))
    }
}

// ---- issue 14: the forest's second domain ------------------------------
//
// emea.contoso.com, a child domain with its own DC (dc01.emea.contoso.com),
// its own SID and a few users. The first domain's DC holds its crossRef
// and answers anything inside it with a referral (and subtree searches at
// its own root with a continuation reference to it), as AD does; the
// directory follows those only to the DCs of the forest's domains.

/// The forest section of the demo organization.
mod forest {
    use super::*;
    use crate::backend::{DcSource, DomainName, DomainServer, ForestDomain, dn_within};

    /// The second domain's DNS name.
    pub const CHILD_DOMAIN: &str = "emea.contoso.com";
    /// Its root.
    pub const CHILD_ROOT: &str = "DC=emea,DC=contoso,DC=com";
    /// Its SID.
    pub const CHILD_SID: &str = "S-1-5-21-1004336348-1177238915-682003330";
    /// The first domain's DC.
    pub const HOME_DC: &str = "demo://dc01.contoso.com";
    /// The second domain's DC.
    pub const CHILD_DC: &str = "demo://dc01.emea.contoso.com";

    /// Whether `dn` is the root of a domain below another one.
    pub fn is_domain_root(dn: &str) -> bool {
        dn.eq_ignore_ascii_case(CHILD_ROOT)
    }

    /// Which DC holds `dn`.
    pub fn holder(dn: &str) -> &'static str {
        if dn_within(dn, CHILD_ROOT) {
            CHILD_DC
        } else {
            HOME_DC
        }
    }

    /// The referral a DC gives for `dn` (by the domain's DNS name, as AD).
    pub fn referral_url(dn: &str) -> String {
        let host = if holder(dn) == CHILD_DC {
            CHILD_DOMAIN
        } else {
            DEMO_DOMAIN
        };
        format!("demo://{host}/{dn}")
    }

    /// Whether `dc` refers an operation on `base` elsewhere (its referral).
    pub fn refers(dc: &str, base: &str) -> Option<String> {
        (!base.is_empty() && holder(base) != dc).then(|| referral_url(base))
    }

    /// The DCs of the forest's domains: given, else the demo's own.
    pub fn routes(home: &str, domains: &[DomainName], given: &[DomainServer]) -> Vec<ForestDomain> {
        domains
            .iter()
            .map(|d| {
                let (server, source) = if d.dn.eq_ignore_ascii_case(home) {
                    (HOME_DC.to_string(), DcSource::Connected)
                } else if let Some(g) = given.iter().find(|g| g.dns.eq_ignore_ascii_case(&d.dns)) {
                    (g.server.clone(), DcSource::Given)
                } else {
                    // What DNS would name in a real forest.
                    (holder(&d.dn).to_string(), DcSource::Srv)
                };
                ForestDomain {
                    dns: d.dns.clone(),
                    netbios: d.netbios.clone(),
                    nc: d.dn.clone(),
                    server,
                    source,
                }
            })
            .collect()
    }

    /// One operation on one DC: its entries and continuation references,
    /// or the referral it answers with.
    #[allow(clippy::type_complexity)]
    pub fn answer(
        dir: &DemoDirectory,
        dc: &str,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Result<(Vec<Entry>, Vec<String>), String>, DirectoryError> {
        if let Some(url) = refers(dc, base) {
            return Ok(Err(url));
        }
        let mut entries = dir.find(base, scope, filter, attrs, dacl_only)?;
        // Objects of the other domain are not in this DC's naming context.
        entries.retain(|e| e.dn.is_empty() || holder(&e.dn) == dc);
        let mut refs = Vec::new();
        if dc == HOME_DC && scope == Scope::Subtree && base.eq_ignore_ascii_case(DEMO_ROOT) {
            refs.push(format!("demo://{CHILD_DOMAIN}/{CHILD_ROOT}"));
        }
        Ok(Ok((entries, refs)))
    }

    /// Adds the second domain: its crossRef, root, Users and a few users.
    pub fn add_child_domain(
        s: &mut DemoState,
        root_sd: &SecurityDescriptor,
        user_template: &SecurityDescriptor,
        config: &str,
    ) {
        let domain: Sid = CHILD_SID.parse().expect("constant SID");
        s.add(
            &format!("CN=EMEA,CN=Partitions,{config}"),
            &[
                ("objectClass", "crossRef"),
                ("nCName", CHILD_ROOT),
                ("nETBIOSName", "EMEA"),
                ("dnsRoot", CHILD_DOMAIN),
                ("systemFlags", "3"),
            ],
            SecurityDescriptor::with_dacl(Acl::new(Vec::new()), 0),
        );
        s.add(
            CHILD_ROOT,
            &[
                ("objectClass", "domainDNS"),
                ("minPwdAge", "0"),
                ("sDRightsEffective", "15"),
            ],
            root_sd.clone(),
        );
        s.set_binary(CHILD_ROOT, "objectSid", domain.to_bytes());
        let mut container = user_template.clone();
        if let Some(d) = container.dacl.as_mut() {
            d.aces.retain(|a| !a.is_inherited());
        }
        let users_dn = format!("CN=Users,{CHILD_ROOT}");
        s.add(
            &users_dn,
            &[("objectClass", "container"), ("sDRightsEffective", "15")],
            container.clone(),
        );
        for (sam, display, rid) in [
            ("lena.fischer", "Lena Fischer", 1601),
            ("marco.rossi", "Marco Rossi", 1602),
            ("sofia.garcia", "Sofía García", 1603),
        ] {
            let dn = format!("CN={display},{users_dn}");
            let upn = format!("{sam}@{CHILD_DOMAIN}");
            s.add(
                &dn,
                &[
                    ("objectClass", "top"),
                    ("objectClass", "person"),
                    ("objectClass", "organizationalPerson"),
                    ("objectClass", "user"),
                    ("objectCategory", "person"),
                    ("sAMAccountName", sam),
                    ("userPrincipalName", &upn),
                    ("displayName", display),
                    ("cn", display),
                    ("userAccountControl", "512"),
                    ("sAMAccountType", "805306368"),
                    ("msDS-User-Account-Control-Computed", "0"),
                ],
                container.clone(),
            );
            let sid = domain.with_rid(rid).expect("domain SID has room");
            s.set_binary(&dn, "objectSid", sid.to_bytes());
        }
    }
}

impl DemoDirectory {
    /// The DC an operation on `dn` goes to: its domain's, once the forest
    /// is known; the first domain's DC before.
    fn dc_for(&self, dn: &str) -> &str {
        crate::backend::domain_of(dn, &self.forest).map_or(forest::HOME_DC, |d| d.server.as_str())
    }

    /// A referral that names no DC of the forest.
    fn refused(&self, url: &str, dn: &str) -> DirectoryError {
        DirectoryError::ReferralRefused {
            url: url.to_string(),
            dn: dn.to_string(),
        }
    }

    /// The DC that answers for `base` when asked at `dc`: `dc` itself, or
    /// the forest's DC it refers to (never one outside the forest).
    fn follow<'a>(&'a self, dc: &'a str, base: &str) -> Result<&'a str, DirectoryError> {
        let Some(url) = forest::refers(dc, base) else {
            return Ok(dc);
        };
        let host = url
            .strip_prefix("demo://")
            .and_then(|r| r.split('/').next())
            .unwrap_or_default();
        self.forest
            .iter()
            .find(|d| d.dns.eq_ignore_ascii_case(host))
            .map(|d| d.server.as_str())
            .filter(|server| forest::refers(server, base).is_none())
            .ok_or_else(|| self.refused(&url, base))
    }

    /// A search following referrals and continuation references to the
    /// forest's DCs.
    fn search_following(
        &self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Vec<Entry>, DirectoryError> {
        let dc = self.follow(self.dc_for(base), base)?;
        let (mut entries, refs) = forest::answer(self, dc, base, scope, filter, attrs, dacl_only)?
            .map_err(|url| self.refused(&url, base))?;
        for url in refs {
            let Some(dn) = url.strip_prefix("demo://").and_then(|r| r.split_once('/')) else {
                continue;
            };
            let dn = dn.1;
            // Followed only into a domain of the forest, once it is known.
            if crate::backend::domain_of(dn, &self.forest).is_none() {
                continue;
            }
            let next = self.follow(self.dc_for(dn), dn)?;
            if let Ok((more, _)) = forest::answer(self, next, dn, scope, filter, attrs, dacl_only)?
            {
                entries.extend(more);
            }
        }
        Ok(entries)
    }
}
