//! The demo organization's data: the domain, its users, groups, OUs and
//! descriptors.

use super::*;

impl DemoOrg {
    /// The demo organization. `delay` paces every operation (zero in tests).
    pub fn new(delay: Duration) -> DemoOrg {
        let mut s = DemoState {
            objects: BTreeMap::new(),
            sync_writeback: false,
            portal_writeback: false,
            portal_unlock: false,
            portal_cloud_sync: false,
            pilot: PilotState::default(),
            hidden: Vec::new(),

            dcs: Default::default(),
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
        s.add_dcs(&config);
        forest::add_child_domain(&mut s, &root_sd, &user_template, &config);
        s.propagate();
        DemoOrg {
            state: Arc::new(Mutex::new(s)),
            delay,
        }
    }
}
