//! Discovery: RootDSE, the forest's domains (crossRef objects), the
//! connector account, and the DNs the grant goes to.

use serde::Serialize;

use super::TaskError;
use crate::ad::Sid;
pub use crate::backend::{DcSource, DomainName, DomainServer, ForestDomain};
use crate::backend::{Directory, DirectoryError, Entry, Scope, domain_of};
use crate::profile::GrantOptions;

/// What the RootDSE and the partitions tell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Discovery {
    /// The domain the server holds.
    pub default_naming_context: String,
    /// The configuration partition.
    pub configuration_naming_context: String,
    /// The schema partition.
    pub schema_naming_context: String,
    /// The DC's DNS name.
    pub dns_host_name: String,
    /// Domain functional level.
    pub domain_functionality: String,
    /// Controls the DC supports.
    pub supported_controls: Vec<String>,
    /// Every domain of the forest (DNs).
    pub domains: Vec<String>,
    /// The forest's domains with their names, from the crossRef objects.
    pub domain_names: Vec<DomainName>,
    /// SID of the default domain.
    pub domain_sid: Option<String>,
    /// The forest's domains, each with the DC operations on it go to.
    pub forest: Vec<ForestDomain>,
}

impl Discovery {
    /// The naming context of the forest's domain holding `dn` (the
    /// connection's own domain when none does).
    pub fn domain_nc_of(&self, dn: &str) -> String {
        domain_of(dn, &self.forest)
            .map(|d| d.nc.clone())
            .or_else(|| {
                self.domains
                    .iter()
                    .filter(|d| crate::backend::dn_within(dn, d))
                    .max_by_key(|d| d.len())
                    .cloned()
            })
            .unwrap_or_else(|| self.default_naming_context.clone())
    }

    /// The forest's domain holding `dn`, with its DC.
    pub fn forest_domain_of(&self, dn: &str) -> Option<&ForestDomain> {
        domain_of(dn, &self.forest)
    }
}

/// The connector account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Account {
    /// Its DN.
    pub dn: String,
    /// sAMAccountName.
    pub sam_account_name: String,
    /// objectSid.
    pub sid: String,
    /// Not disabled.
    pub enabled: bool,
    /// What kind of account it is (sAMAccountType, objectClass).
    pub kind: AccountKind,
    /// adminCount=1.
    pub admin_count: bool,
    /// accountExpires lies in the past.
    pub account_expired: bool,
}

/// The kind of an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccountKind {
    /// A user account (sAMAccountType 805306368).
    User,
    /// A computer account.
    Computer,
    /// A group managed service account (Cloud Sync's agent uses one).
    ManagedServiceAccount,
    /// Anything else.
    Other,
}
/// Escapes a value for an LDAP filter (RFC 4515).
pub fn escape_filter(value: &str) -> String {
    ldap3::ldap_escape(value).into_owned()
}

/// Reads RootDSE and the partitions.
pub async fn discover<D: Directory>(dir: &mut D) -> Result<Discovery, TaskError> {
    let root = dir
        .search(
            "",
            Scope::Base,
            "(objectClass=*)",
            &[
                "defaultNamingContext",
                "configurationNamingContext",
                "schemaNamingContext",
                "dnsHostName",
                "domainFunctionality",
                "supportedControl",
            ],
            false,
        )
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| TaskError::BadData {
            dn: "RootDSE".into(),
            what: "empty".into(),
        })?;
    let mut d = Discovery {
        default_naming_context: root.text("defaultNamingContext").unwrap_or_default(),
        configuration_naming_context: root.text("configurationNamingContext").unwrap_or_default(),
        schema_naming_context: root.text("schemaNamingContext").unwrap_or_default(),
        dns_host_name: root.text("dnsHostName").unwrap_or_default(),
        domain_functionality: root.text("domainFunctionality").unwrap_or_default(),
        supported_controls: root.texts("supportedControl"),
        ..Discovery::default()
    };
    let partitions = format!("CN=Partitions,{}", d.configuration_naming_context);
    let refs = dir
        .search(
            &partitions,
            Scope::OneLevel,
            "(&(objectClass=crossRef)(systemFlags:1.2.840.113556.1.4.803:=2))",
            &["nCName", "nETBIOSName", "dnsRoot"],
            false,
        )
        .await
        .unwrap_or_default();
    d.domains = refs.iter().filter_map(|e| e.text("nCName")).collect();
    d.domain_names = refs
        .iter()
        .filter_map(|e| {
            Some(DomainName {
                dn: e.text("nCName")?,
                netbios: e.text("nETBIOSName").unwrap_or_default(),
                dns: e.text("dnsRoot").unwrap_or_default(),
            })
        })
        .collect();
    if d.domains.is_empty() {
        d.domains.push(d.default_naming_context.clone());
    }
    // Each domain through a DC of its own; referrals only to those DCs.
    d.forest = dir
        .set_forest(&d.default_naming_context, &d.domain_names)
        .await;
    let domain = dir
        .search(
            &d.default_naming_context,
            Scope::Base,
            "(objectClass=*)",
            &["objectSid"],
            false,
        )
        .await?;
    d.domain_sid = domain
        .first()
        .and_then(|e| e.first("objectSid"))
        .and_then(|b| Sid::from_bytes(b).ok())
        .map(|s| s.to_string());
    Ok(d)
}

/// The forest's domains, each with the DC it will use: the one given in
/// `servers` (`--domain-server`, the profile), else the one DNS names for
/// it (SRV), else its DNS name; the connection's own domain uses the DC
/// signed in to. For the Targets page's domain list.
pub async fn forest_domains<D: Directory>(
    dir: &mut D,
    servers: &[DomainServer],
) -> Result<Vec<ForestDomain>, TaskError> {
    dir.set_domain_servers(servers);
    Ok(discover(dir).await?.forest)
}

/// Searches every domain for `filter`: through the Global Catalog when
/// there is one (then each hit is read again, with `attrs`, from its own
/// domain's DC: the Global Catalog holds only some attributes), else each
/// base in turn. Each DN once.
async fn search_domains<D: Directory>(
    dir: &mut D,
    bases: &[String],
    filter: &str,
    attrs: &[&str],
    global_catalog: bool,
) -> Result<Vec<Entry>, TaskError> {
    let mut found: Vec<Entry> = Vec::new();
    let gc = if global_catalog {
        dir.search_global_catalog(filter, &["objectClass"]).await?
    } else {
        None
    };
    match gc {
        Some(hits) => {
            for hit in hits {
                match dir
                    .search(&hit.dn, Scope::Base, "(objectClass=*)", attrs, false)
                    .await
                {
                    Ok(entries) => found.extend(entries),
                    Err(DirectoryError::NoSuchObject { .. }) => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        None => {
            for base in bases {
                match dir.search(base, Scope::Subtree, filter, attrs, false).await {
                    Ok(entries) => found.extend(entries),
                    Err(DirectoryError::NoSuchObject { .. }) => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|e| seen.insert(e.dn.to_ascii_lowercase()));
    Ok(found)
}

/// Finds the connector account by DN, UPN (also the implicit
/// `sAMAccountName@dnsdomain`), `DOMAIN\name` (in the domain whose NetBIOS
/// name that is), sAMAccountName or display name, with every value escaped.
/// Names match user accounts (objectCategory person) only, so that a
/// computer or group named like the connector is never chosen; a name
/// ending in `$` (a managed service account) matches any account class.
pub async fn find_account<D: Directory>(
    dir: &mut D,
    discovery: &Discovery,
    name: &str,
) -> Result<Account, TaskError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TaskError::AccountNotFound(String::new()));
    }
    let attrs = [
        "sAMAccountName",
        "objectSid",
        "userAccountControl",
        "sAMAccountType",
        "objectClass",
        "adminCount",
        "accountExpires",
    ];
    let all_bases = if discovery.domains.is_empty() {
        vec![discovery.default_naming_context.clone()]
    } else {
        discovery.domains.clone()
    };
    let domain_by = |pick: &dyn Fn(&DomainName) -> bool| -> Option<String> {
        discovery
            .domain_names
            .iter()
            .find(|d| pick(d))
            .map(|d| d.dn.clone())
    };
    let mut found: Vec<Entry> = Vec::new();
    if name.contains('=') {
        // A DN: read it as a base object (no filter to inject into).
        match dir
            .search(name, Scope::Base, "(objectClass=user)", &attrs, false)
            .await
        {
            Ok(entries) => found = entries,
            Err(DirectoryError::NoSuchObject { .. }) | Err(DirectoryError::Ldap { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    } else {
        let class = |sam: &str| {
            if sam.ends_with('$') {
                "(objectClass=user)"
            } else {
                "(objectCategory=person)(objectClass=user)"
            }
        };
        // (filter, bases, forest-wide), most specific first: an exact
        // account name (indexed) wins, display names (a full scan) come
        // last. Forest-wide searches go through the Global Catalog when
        // the forest has one; a `DOMAIN\` prefix names the one domain.
        let mut attempts: Vec<(String, Vec<String>, bool)> = Vec::new();
        if let Some((domain, user)) = name.split_once('\\') {
            let base = domain_by(&|d| d.netbios.eq_ignore_ascii_case(domain));
            let forest_wide = base.is_none();
            attempts.push((
                format!("(&{}(sAMAccountName={}))", class(user), escape_filter(user)),
                base.map(|b| vec![b]).unwrap_or_else(|| all_bases.clone()),
                forest_wide,
            ));
        } else if let Some((user, suffix)) = name.rsplit_once('@') {
            attempts.push((
                format!(
                    "(&{}(userPrincipalName={}))",
                    class(user),
                    escape_filter(name)
                ),
                all_bases.clone(),
                true,
            ));
            // The implicit UPN: sAMAccountName@dnsRoot of its domain.
            if let Some(base) = domain_by(&|d| d.dns.eq_ignore_ascii_case(suffix)) {
                attempts.push((
                    format!("(&{}(sAMAccountName={}))", class(user), escape_filter(user)),
                    vec![base],
                    false,
                ));
            }
        } else {
            let v = escape_filter(name);
            attempts.push((
                format!("(&{}(sAMAccountName={v}))", class(name)),
                all_bases.clone(),
                true,
            ));
            attempts.push((
                format!("(&{}(|(cn={v})(displayName={v})))", class(name)),
                all_bases.clone(),
                true,
            ));
        }
        for (filter, bases, forest_wide) in attempts {
            found = search_domains(dir, &bases, &filter, &attrs, forest_wide).await?;
            if !found.is_empty() {
                break;
            }
        }
    }
    match found.len() {
        0 => Err(TaskError::AccountNotFound(name.to_string())),
        1 => account_of(found.remove(0)),
        _ => Err(TaskError::AccountAmbiguous {
            name: name.to_string(),
            candidates: found.into_iter().map(|e| e.dn).collect(),
        }),
    }
}

fn account_of(e: Entry) -> Result<Account, TaskError> {
    let sid = e
        .first("objectSid")
        .and_then(|b| Sid::from_bytes(b).ok())
        .ok_or_else(|| TaskError::BadData {
            dn: e.dn.clone(),
            what: "objectSid".into(),
        })?;
    let number = |attr: &str| e.text(attr).and_then(|t| t.trim().parse::<i64>().ok());
    let uac = number("userAccountControl").unwrap_or(0);
    let kind = match number("sAMAccountType") {
        Some(SAM_USER_ACCOUNT) => AccountKind::User,
        _ if e
            .texts("objectClass")
            .iter()
            .any(|c| c.eq_ignore_ascii_case("msDS-GroupManagedServiceAccount")) =>
        {
            AccountKind::ManagedServiceAccount
        }
        Some(SAM_MACHINE_ACCOUNT) => AccountKind::Computer,
        None => AccountKind::User,
        Some(_) => AccountKind::Other,
    };
    let expires = number("accountExpires").unwrap_or(0);
    Ok(Account {
        sam_account_name: e.text("sAMAccountName").unwrap_or_default(),
        sid: sid.to_string(),
        enabled: uac & 0x2 == 0,
        kind,
        admin_count: number("adminCount") == Some(1),
        account_expired: expires > 0 && expires < i64::MAX && expires < filetime_now(),
        dn: e.dn,
    })
}

/// sAMAccountType of a normal user account.
const SAM_USER_ACCOUNT: i64 = 805_306_368;
/// sAMAccountType of a computer (and managed service) account.
const SAM_MACHINE_ACCOUNT: i64 = 805_306_369;

/// Now as a Windows FILETIME (100-ns intervals since 1601).
fn filetime_now() -> i64 {
    let unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    (unix + 11_644_473_600) * 10_000_000
}

/// The DNs the grant goes to.
pub fn targets(options: &GrantOptions, discovery: &Discovery) -> Vec<String> {
    let mut out: Vec<String> = if !options.targets.is_empty() {
        // As the DC spells DNs: spaces around separators dropped, so that
        // every comparison below sees one spelling.
        options
            .targets
            .iter()
            .map(|t| crate::ad::dn::tidy(t))
            .collect()
    } else if options.forest {
        discovery.domains.clone()
    } else {
        vec![discovery.default_naming_context.clone()]
    };
    if options.include_adminsdholder {
        let domains = if options.forest {
            discovery.domains.clone()
        } else {
            vec![discovery.default_naming_context.clone()]
        };
        for d in domains {
            out.push(format!("CN=AdminSDHolder,CN=System,{d}"));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|t| seen.insert(crate::ad::dn::normalize(t)));
    out
}
