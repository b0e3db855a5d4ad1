//! The forest's second domain (issue 14): emea.contoso.com, a child
//! domain with its own DC (dc01.emea.contoso.com),
//! its own SID and a few users. The first domain's DC holds its crossRef
//! and answers anything inside it with a referral (and subtree searches at
//! its own root with a continuation reference to it), as AD does; the
//! directory follows those only to the DCs of the forest's domains.

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
                srv_refused: None,
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
