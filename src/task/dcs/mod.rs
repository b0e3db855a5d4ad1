//! Every domain controller (issue 25): which DCs of the domains in scope
//! already hold the change, and which one the Connect server writes to.
//!
//! A DC is found by its `nTDSDSA` object under `CN=Sites` of the
//! configuration partition (its server's `dNSHostName`, its site, and
//! whether it is read-only). On each DC two facts are read:
//! - *replicated*: each target's `nTSecurityDescriptor` there comes from
//!   the write we made (or a later one): its replication metadata
//!   (`replPropertyMetaData`: version, originating time and DC) is at
//!   least that of the DC we wrote to, and its DACL carries the grant;
//! - *propagated*: a sample of users under each target (the first, the
//!   last and a few in between, by DN) carries the grant's inherited
//!   entries there as on the DC we wrote to.
//!
//! A DC that cannot be reached is reported as such, never as fine.
//!
//! `sites` finds the DCs, `compare` reads the two facts on one DC, `table`
//! puts every DC in one table and waits until all hold the change.

use std::time::Duration;

use serde::Serialize;

use crate::ad::Sid;
use crate::backend::{Directory, DirectoryError};

mod compare;
mod pull;
mod run;
mod sites;
mod table;

pub use compare::{Reference, carries_inherited, compare, reference, sample};
pub use pull::{Pulled, pull, repadmin_command};
pub use run::{PullReport, WAIT_EVERY, connect_dc, for_env, pull_for_env, scope_of, wait_for_env};
pub use sites::{dcs_of, discover};
pub use table::{WaitEnd, table, wait};

/// How many users are sampled under each target (first, last, between).
pub const SAMPLE: usize = 5;

/// One domain controller.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dc {
    /// Its server object's name.
    pub name: String,
    /// Its DNS name (the server's `dNSHostName`).
    pub host: String,
    /// Its site.
    pub site: String,
    /// Its `nTDSDSA` object (`dsServiceName` on its rootDSE).
    pub dsa: String,
    /// The `nTDSDSA` object's objectGUID (repadmin names the source DC so).
    pub dsa_guid: Option<String>,
    /// The domains (naming contexts) it holds.
    pub domains: Vec<String>,
    /// A read-only DC: it never takes a password write.
    pub read_only: bool,
}

/// Whether a DC holds the change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Held {
    /// Yes.
    Yes,
    /// Not yet: an older copy.
    Behind,
    /// Its copy is as new as ours (by its metadata) but does not carry
    /// the grant: changed since, or gone its own way.
    Differs,
    /// Could not be told (the DC was not reached).
    Unknown,
}

/// Which DC the Connect server writes through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "dcs")]
pub enum ConnectDc {
    /// Its AD connector's preferred DCs.
    Preferred(Vec<String>),
    /// None preferred: the DC locator chooses (any writable DC of the
    /// domain, usually one of the Connect server's site).
    Locator,
    /// The Connect server was not read.
    Unknown,
}

impl ConnectDc {
    /// Whether the Connect server may write through `dc`.
    pub fn uses(&self, dc: &Dc) -> bool {
        match self {
            ConnectDc::Preferred(list) => {
                !dc.read_only
                    && list.iter().any(|p| {
                        let p = p.trim();
                        p.eq_ignore_ascii_case(&dc.host) || p.eq_ignore_ascii_case(&dc.name)
                    })
            }
            ConnectDc::Locator | ConnectDc::Unknown => false,
        }
    }
}

/// One DC's row of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DcFacts {
    /// The DC.
    pub dc: Dc,
    /// The DC the wizard wrote to (and reads from).
    pub written_to: bool,
    /// The Connect server writes through it (one of its preferred DCs).
    pub connect: bool,
    /// Why it could not be reached (None: reached).
    #[serde(serialize_with = "error_text")]
    pub unreachable: Option<DirectoryError>,
    /// The targets' descriptors.
    pub replicated: Held,
    /// The sampled users' inherited entries.
    pub propagated: Held,
    /// The first object found behind or differing (a target or a user).
    pub first_behind: Option<String>,
    /// Its version of the first target's descriptor, and ours.
    pub versions: Option<(u32, u32)>,
}

fn error_text<S: serde::Serializer>(e: &Option<DirectoryError>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_some(&e.to_string()),
        None => s.serialize_none(),
    }
}

impl DcFacts {
    /// Holds the change: reached, replicated and propagated.
    pub fn current(&self) -> bool {
        self.unreachable.is_none() && self.replicated == Held::Yes && self.propagated == Held::Yes
    }
}

/// The table: every DC of the domains in scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DcTable {
    /// The DCs, the one written to first, then by site and name.
    pub dcs: Vec<DcFacts>,
    /// How the Connect server's DC is chosen.
    pub connect: ConnectDc,
    /// How many users were sampled on each DC.
    pub sampled: usize,
}

impl DcTable {
    /// Every DC holds the change.
    pub fn all_current(&self) -> bool {
        self.dcs.iter().all(DcFacts::current)
    }

    /// The DCs that do not (yet).
    pub fn behind(&self) -> Vec<&DcFacts> {
        self.dcs.iter().filter(|d| !d.current()).collect()
    }

    /// The DC written to.
    pub fn written_to(&self) -> Option<&DcFacts> {
        self.dcs.iter().find(|d| d.written_to)
    }
}

/// What the check needs to know of the grant.
#[derive(Clone, Debug)]
pub struct GrantScope {
    /// The connector account's SID.
    pub trustee: Sid,
    /// inetOrgPerson entries too.
    pub inet_org_person: bool,
    /// The objects the grant went to.
    pub targets: Vec<String>,
    /// Every domain of the forest (naming contexts).
    pub domains: Vec<String>,
    /// The configuration partition.
    pub configuration: String,
}

<<<<<<< HEAD
/// Reads every DC of the forest from the configuration partition.
pub async fn discover<D: Directory>(
    dir: &mut D,
    configuration: &str,
) -> Result<Vec<Dc>, DirectoryError> {
    let entries = dir
        .search(
            &format!("CN=Sites,{configuration}"),
            Scope::Subtree,
            "(|(objectClass=server)(objectClass=nTDSDSA))",
            &[
                "objectClass",
                "dNSHostName",
                "options",
                "msDS-isRODC",
                "msDS-hasDomainNCs",
                "hasMasterNCs",
                "objectGUID",
            ],
            false,
        )
        .await?;
    Ok(dcs_of(&entries))
}

/// The DCs named by `server` and `nTDSDSA` entries (pure).
pub fn dcs_of(entries: &[Entry]) -> Vec<Dc> {
    let is = |e: &Entry, class: &str| {
        e.texts("objectClass")
            .iter()
            .any(|c| c.eq_ignore_ascii_case(class))
    };
    let mut out = Vec::new();
    for dsa in entries
        .iter()
        .filter(|e| is(e, "nTDSDSA") || is(e, "nTDSDSARO"))
    {
        // CN=NTDS Settings,CN=<server>,CN=Servers,CN=<site>,CN=Sites,...
        let parts = split_dn(&dsa.dn);
        if parts.len() < 5 {
            continue;
        }
        let server_dn = parts[1..].join(",");
        let name = rdn_value(parts[1]);
        let site = rdn_value(parts[3]);
        let server = entries
            .iter()
            .find(|e| e.dn.eq_ignore_ascii_case(&server_dn));
        let host = server
            .and_then(|s| s.text("dNSHostName"))
            .unwrap_or_default();
        let read_only = is(dsa, "nTDSDSARO")
            || dsa
                .text("msDS-isRODC")
                .is_some_and(|v| v.eq_ignore_ascii_case("TRUE"));
        let mut domains = dsa.texts("msDS-hasDomainNCs");
        if domains.is_empty() {
            domains = dsa
                .texts("hasMasterNCs")
                .into_iter()
                .filter(|nc| {
                    let l = nc.to_ascii_lowercase();
                    !l.starts_with("cn=configuration,")
                        && !l.starts_with("cn=schema,")
                        && !l.starts_with("dc=domaindnszones,")
                        && !l.starts_with("dc=forestdnszones,")
                })
                .collect();
        }
        out.push(Dc {
            name,
            host,
            site,
            dsa: dsa.dn.clone(),
            dsa_guid: dsa.first("objectGUID").filter(|b| b.len() == 16).map(|b| {
                let mut g = [0u8; 16];
                g.copy_from_slice(b);
                crate::ad::Guid(g).to_string()
            }),
            domains,
            read_only,
        });
    }
    out.sort_by(|a, b| (&a.site, &a.name).cmp(&(&b.site, &b.name)));
    out
}

fn split_dn(dn: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (i, c) in dn.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            ',' if !escaped => {
                parts.push(dn[start..i].trim());
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    parts.push(dn[start..].trim());
    parts
}

fn rdn_value(rdn: &str) -> String {
    rdn.split_once('=').map_or(rdn, |(_, v)| v).to_string()
}

/// One target's descriptor on one DC.
#[derive(Clone, Debug)]
struct TargetCopy {
    dacl: Option<Acl>,
    meta: Option<AttrMeta>,
}

async fn read_target<D: Directory>(dir: &mut D, dn: &str) -> Result<TargetCopy, DirectoryError> {
    let e = dir
        .search(
            dn,
            Scope::Base,
            "(objectClass=*)",
            &["nTSecurityDescriptor", "replPropertyMetaData"],
            true,
        )
        .await?
        .into_iter()
        .next()
        .unwrap_or_default();
    Ok(TargetCopy {
        dacl: e
            .first("nTSecurityDescriptor")
            .and_then(|b| SecurityDescriptor::from_bytes(b).ok())
            .and_then(|sd| sd.dacl),
        meta: e
            .first("replPropertyMetaData")
            .and_then(|b| replmeta::parse(b).ok())
            .and_then(|m| replmeta::find(&m, ATTID_NT_SECURITY_DESCRIPTOR)),
    })
}

/// Whether `dacl` holds the grant's inherited entries for users (the
/// rights a reset needs, inherited from above).
pub fn carries_inherited(dacl: &Acl, trustee: &Sid) -> bool {
    [
        Permission::ResetPassword,
        Permission::ChangePassword,
        Permission::WriteLockoutTime,
        Permission::WritePwdLastSet,
    ]
    .into_iter()
    .all(|p| {
        let (mask, object) = right_of(p);
        dacl.aces.iter().any(|a| {
            a.is_inherited()
                && a.ace_type.is_allow()
                && a.sid() == Some(trustee)
                && a.mask().is_some_and(|m| m.mapped().contains(mask))
                && a.object_type().is_none_or(|g| g == object)
        })
    })
}

async fn user_carries<D: Directory>(
    dir: &mut D,
    dn: &str,
    trustee: &Sid,
) -> Result<bool, DirectoryError> {
    let e = dir
        .search(
            dn,
            Scope::Base,
            "(objectClass=*)",
            &["nTSecurityDescriptor"],
            true,
        )
        .await;
    let e = match e {
        Ok(e) => e,
        // Not there yet: a user created after the last replication.
        Err(DirectoryError::NoSuchObject { .. }) => return Ok(false),
        Err(e) => return Err(e),
    };
    Ok(e.first()
        .and_then(|e| e.first("nTSecurityDescriptor"))
        .and_then(|b| SecurityDescriptor::from_bytes(b).ok())
        .and_then(|sd| sd.dacl)
        .is_some_and(|d| carries_inherited(&d, trustee)))
}

/// The first, the last and evenly spaced users between (by DN).
pub fn sample(mut dns: Vec<String>, n: usize) -> Vec<String> {
    dns.sort_by_key(|d| d.to_ascii_lowercase());
    if dns.len() <= n {
        return dns;
    }
    let last = dns.len() - 1;
    let mut picked: Vec<String> = (0..n)
        .map(|i| dns[i * last / (n - 1).max(1)].clone())
        .collect();
    picked.dedup();
    picked
}

/// What the DC written to holds: each target's copy, and the users sampled
/// under them that carry the inherited entries there.
#[derive(Clone, Debug)]
pub struct Reference {
    targets: Vec<(String, TargetCopy)>,
    users: Vec<String>,
}

impl Reference {
    /// How many users are compared on each DC.
    pub fn sampled(&self) -> usize {
        self.users.len()
    }
}

/// Reads the reference on the DC written to. `sample_users`: also pick
/// the users to compare (only worth it when there are other DCs).
pub async fn reference<D: Directory>(
    dir: &mut D,
    scope: &GrantScope,
    sample_users: bool,
) -> Result<Reference, DirectoryError> {
    let mut targets = Vec::new();
    let mut users = Vec::new();
    for t in &scope.targets {
        targets.push((t.clone(), read_target(dir, t).await?));
        if !sample_users {
            continue;
        }
        let mut dns = Vec::new();
        dir.search_paged(
            t,
            "(&(objectCategory=person)(objectClass=user))",
            &["1.1"],
            false,
            &mut |e: Entry| dns.push(e.dn),
        )
        .await?;
        for dn in sample(dns, SAMPLE) {
            if user_carries(dir, &dn, &scope.trustee).await? {
                users.push(dn);
            }
        }
    }
    Ok(Reference { targets, users })
}

/// Reads one DC's copy and compares it with the reference.
pub async fn compare<D: Directory>(
    dir: &mut D,
    dc: &Dc,
    scope: &GrantScope,
    reference: &Reference,
) -> Result<DcFacts, DirectoryError> {
    let mut facts = DcFacts {
        dc: dc.clone(),
        written_to: false,
        connect: false,
        unreachable: None,
        replicated: Held::Yes,
        propagated: Held::Yes,
        first_behind: None,
        versions: None,
    };
    let mine = |dn: &str| dc.domains.is_empty() || dc.domains.iter().any(|d| dn_within(dn, d));
    for (dn, ours) in reference.targets.iter().filter(|(dn, _)| mine(dn)) {
        let theirs = read_target(dir, dn).await?;
        let kind = crate::ad::grant::TargetKind::of(dn, &scope.domains);
        let grant = WritebackGrant::new(scope.trustee, scope.inet_org_person).on(kind);
        let granted = |c: &TargetCopy| {
            c.dacl
                .as_ref()
                .is_some_and(|d| grant.status(d).state == GrantState::Granted)
        };
        let carries = granted(&theirs);
        if facts.versions.is_none() {
            facts.versions = theirs
                .meta
                .zip(ours.meta)
                .map(|(t, o)| (t.version, o.version));
        }
        let held = match (theirs.meta, ours.meta) {
            // Nothing to replicate: the DC written to lacks the grant too.
            _ if !granted(ours) => Held::Behind,
            (Some(t), Some(o)) if !t.at_least(&o) => Held::Behind,
            _ if carries => Held::Yes,
            // As new as ours, but without the grant: it differs. Without
            // metadata on either side, a missing grant is "behind".
            (Some(_), Some(_)) => Held::Differs,
            _ => Held::Behind,
        };
        if !granted(ours) {
            facts.propagated = Held::Behind;
        }
        if held != Held::Yes && facts.replicated == Held::Yes {
            facts.replicated = held;
            facts.first_behind.get_or_insert_with(|| dn.clone());
        }
    }
    for dn in reference.users.iter().filter(|dn| mine(dn)) {
        if !user_carries(dir, dn, &scope.trustee).await? {
            facts.propagated = Held::Behind;
            facts.first_behind.get_or_insert_with(|| dn.clone());
            break;
        }
    }
    Ok(facts)
}

=======
>>>>>>> issue-24e
/// Progress of the table and of the wait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DcProgress {
    /// Reading this DC.
    Reading {
        /// Its DNS name.
        host: String,
        /// Its place in the list (from 1).
        index: usize,
        /// How many DCs.
        total: usize,
    },
    /// A round of the wait ended: how many DCs hold the change.
    Round {
        /// DCs that hold it.
        current: usize,
        /// All DCs.
        total: usize,
        /// Time waited so far.
        waited: Duration,
        /// The limit.
        limit: Duration,
    },
}

/// Opens a connection to one DC (the [`crate::session::Env`] does, for
/// the real directory and the demo).
#[allow(async_fn_in_trait)]
pub trait DcOpener {
    /// The directory type.
    type Dir: Directory;
    /// Connects to the DC `host`.
    async fn open_dc(&self, host: &str) -> Result<Self::Dir, DirectoryError>;
}

impl DcOpener for crate::session::Env {
    type Dir = crate::backend::any::AnyDirectory;
    async fn open_dc(&self, host: &str) -> Result<Self::Dir, DirectoryError> {
        self.directory_at(host).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

<<<<<<< HEAD
    fn entry(dn: &str, attrs: &[(&str, &str)]) -> Entry {
        let mut e = Entry {
            dn: dn.into(),
            ..Entry::default()
        };
        for (k, v) in attrs {
            e.attrs
                .entry(k.to_ascii_lowercase())
                .or_default()
                .push(v.as_bytes().to_vec());
        }
        e
    }

    #[test]
    fn reads_dcs_from_sites() {
        let cfg = "CN=Configuration,DC=repl,DC=test";
        let s = |n: &str, site: &str| format!("CN={n},CN=Servers,CN={site},CN=Sites,{cfg}");
        let entries = vec![
            entry(
                &s("RDC2", "Branch"),
                &[("objectClass", "server"), ("dNSHostName", "rdc2.repl.test")],
            ),
            entry(
                &format!("CN=NTDS Settings,{}", s("RDC2", "Branch")),
                &[
                    ("objectClass", "applicationSettings"),
                    ("objectClass", "nTDSDSA"),
                    ("msDS-isRODC", "TRUE"),
                    ("hasMasterNCs", cfg),
                    ("hasMasterNCs", "DC=repl,DC=test"),
                ],
            ),
            entry(
                &s("RDC1", "Default-First-Site-Name"),
                &[("objectClass", "server"), ("dNSHostName", "rdc1.repl.test")],
            ),
            entry(
                &format!("CN=NTDS Settings,{}", s("RDC1", "Default-First-Site-Name")),
                &[
                    ("objectClass", "nTDSDSA"),
                    ("msDS-isRODC", "FALSE"),
                    ("msDS-hasDomainNCs", "DC=repl,DC=test"),
                ],
            ),
            // A server without NTDS Settings is no DC.
            entry(
                &s("WEB", "Branch"),
                &[("objectClass", "server"), ("dNSHostName", "web.repl.test")],
            ),
        ];
        let dcs = dcs_of(&entries);
        assert_eq!(dcs.len(), 2);
        assert_eq!(
            (dcs[0].name.as_str(), dcs[0].site.as_str()),
            ("RDC2", "Branch")
        );
        assert_eq!(dcs[0].host, "rdc2.repl.test");
        assert!(dcs[0].read_only);
        assert_eq!(dcs[0].domains, vec!["DC=repl,DC=test".to_string()]);
        assert_eq!(dcs[1].host, "rdc1.repl.test");
        assert!(!dcs[1].read_only);
    }

    #[test]
    fn samples_first_last_and_between() {
        let dns: Vec<String> = (0..100).rev().map(|i| format!("CN=u{i:03},DC=x")).collect();
        let s = sample(dns, 5);
        assert_eq!(s.first().map(String::as_str), Some("CN=u000,DC=x"));
        assert_eq!(s.last().map(String::as_str), Some("CN=u099,DC=x"));
        assert_eq!(s.len(), 5);
        assert_eq!(sample(vec!["CN=a".into()], 5), vec!["CN=a".to_string()]);
        assert!(sample(Vec::new(), 5).is_empty());
    }

=======
>>>>>>> issue-24e
    #[test]
    fn connect_never_writes_through_an_rodc() {
        let dc = |name: &str, ro: bool| Dc {
            name: name.into(),
            host: format!("{}.corp", name.to_ascii_lowercase()),
            read_only: ro,
            ..Dc::default()
        };
        let c = ConnectDc::Preferred(vec!["dc02.corp".into(), "RODC1".into()]);
        assert!(c.uses(&dc("DC02", false)));
        assert!(!c.uses(&dc("RODC1", true)));
        assert!(!c.uses(&dc("DC01", false)));
        assert!(!ConnectDc::Locator.uses(&dc("DC01", false)));
    }
}
