//! The demo's domain controllers (issue 25): three DCs of contoso.com —
//! DC01 (the one the wizard talks to) and the read-only RODC01 in site HQ,
//! and DC02 in site Branch, whose copy lags a few seconds behind DC01. Each
//! write on DC01 remembers the objects as they were, so a lagging DC
//! answers with the old copy until its lag has passed or it is asked to
//! pull (`replicateSingleObject`). The root's `replPropertyMetaData` moves
//! on each write as a DC's does.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::time::Instant;

use super::*;
use crate::ad::replmeta::{self, ATTID_NT_SECURITY_DESCRIPTOR, AttrMeta};

/// One demo DC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoDc {
    /// Its server object's name.
    pub name: &'static str,
    /// dNSHostName.
    pub host: &'static str,
    /// Its site.
    pub site: &'static str,
    /// A read-only DC.
    pub rodc: bool,
    /// How far behind DC01 its copy is (milliseconds).
    pub lag_ms: u64,
    /// Its database's invocation id.
    pub invocation: &'static str,
}

/// The demo's DCs of contoso.com, DC01 first.
pub const DEMO_DCS: [DemoDc; 3] = [
    DemoDc {
        name: "DC01",
        host: "dc01.contoso.com",
        site: "HQ",
        rodc: false,
        lag_ms: 0,
        invocation: "5d2e7a10-3c4b-4e8f-9a61-0b7c2d9e4f13",
    },
    DemoDc {
        name: "DC02",
        host: "dc02.contoso.com",
        site: "Branch",
        rodc: false,
        lag_ms: 8_000,
        invocation: "a8f3c2d1-6e5b-4a79-8c0d-1e2f3a4b5c6d",
    },
    DemoDc {
        name: "RODC01",
        host: "rodc01.contoso.com",
        site: "HQ",
        rodc: true,
        lag_ms: 0,
        invocation: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
    },
];

/// The DN of a demo DC's nTDSDSA object.
pub fn dsa_dn(dc: &DemoDc) -> String {
    format!(
        "CN=NTDS Settings,{}",
        server_dn(dc.name, dc.site, &format!("CN=Configuration,{DEMO_ROOT}"))
    )
}

fn server_dn(name: &str, site: &str, config: &str) -> String {
    format!("CN={name},CN=Servers,CN={site},CN=Sites,{config}")
}

fn now_dstime() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        + replmeta::SECONDS_1601_TO_1970
}

/// Replication state of the demo's DCs.
#[derive(Debug, Default)]
pub struct Replication {
    /// Each write on DC01: when, and the objects as they were before it.
    history: Vec<(Instant, BTreeMap<String, Object>)>,
    /// When a DC last pulled the changes (replicateSingleObject).
    pulled: BTreeMap<String, Instant>,
    /// Lags set for tests (milliseconds), by host.
    lags: BTreeMap<String, u64>,
    /// DCs that do not answer, by host.
    down: BTreeSet<String>,
    /// DCs holding a copy of the root that differs from DC01's (same
    /// metadata, other DACL), by host.
    differs: BTreeSet<String>,
    /// DCs that refuse replicateSingleObject, by host.
    refuses: BTreeSet<String>,
    /// The root's descriptor before the first write (for `differs`).
    first_root: Option<SecurityDescriptor>,
    usn: i64,
}

impl Replication {
    fn lag(&self, dc: &DemoDc) -> Duration {
        Duration::from_millis(self.lags.get(dc.host).copied().unwrap_or(dc.lag_ms))
    }
}

/// The demo DC with this host name (`dc02.contoso.com`, or a
/// `demo://` URL).
pub fn dc_by_host(host: &str) -> Option<&'static DemoDc> {
    let host = host.trim_start_matches("demo://");
    DEMO_DCS.iter().find(|d| d.host.eq_ignore_ascii_case(host))
}

impl DemoState {
    /// Adds the sites, servers and nTDSDSA objects of the demo's DCs, and
    /// the root's first replication metadata.
    pub(super) fn add_dcs(&mut self, config: &str) {
        let empty = || SecurityDescriptor::with_dacl(Acl::new(Vec::new()), 0);
        self.add(
            &format!("CN=Sites,{config}"),
            &[("objectClass", "sitesContainer")],
            empty(),
        );
        for dc in DEMO_DCS {
            let site = format!("CN={},CN=Sites,{config}", dc.site);
            if !self.objects.contains_key(&site) {
                self.add(&site, &[("objectClass", "site")], empty());
                self.add(
                    &format!("CN=Servers,{site}"),
                    &[("objectClass", "serversContainer")],
                    empty(),
                );
            }
            let server = server_dn(dc.name, dc.site, config);
            self.add(
                &server,
                &[("objectClass", "server"), ("dNSHostName", dc.host)],
                empty(),
            );
            let dsa = format!("CN=NTDS Settings,{server}");
            self.add(
                &dsa,
                &[
                    ("objectClass", "nTDSDSA"),
                    ("options", if dc.rodc { "0" } else { "1" }),
                    ("msDS-isRODC", if dc.rodc { "TRUE" } else { "FALSE" }),
                    ("msDS-hasDomainNCs", DEMO_ROOT),
                ],
                empty(),
            );
            let guid: crate::ad::Guid = dc.invocation.parse().expect("constant GUID");
            self.set_binary(&dsa, "invocationId", guid.bytes().to_vec());
            // The demo uses the invocation id as the object's GUID too.
            self.set_binary(&dsa, "objectGUID", guid.bytes().to_vec());
        }
        // DC01 is the DC the demo's connection is to.
        self.set_binary("", "dsServiceName", dsa_dn(&DEMO_DCS[0]).into_bytes());
        self.dcs.usn = 4000;
        let first = AttrMeta {
            attid: ATTID_NT_SECURITY_DESCRIPTOR,
            version: 1,
            originating_change: 13_400_000_000,
            originating_invocation_id: DEMO_DCS[0].invocation.parse().expect("constant GUID"),
            originating_usn: 10,
            local_usn: 10,
        };
        self.set_binary(
            DEMO_ROOT,
            "replPropertyMetaData",
            replmeta::encode(&[first]),
        );
    }

    /// Before DC01 writes `dn`: remembers the objects as they were.
    pub(super) fn before_write(&mut self) {
        let horizon = DEMO_DCS
            .iter()
            .map(|d| self.dcs.lag(d))
            .max()
            .unwrap_or_default();
        self.dcs
            .history
            .retain(|(t, _)| t.elapsed() <= horizon + Duration::from_secs(1));
        if self.dcs.first_root.is_none() {
            self.dcs.first_root = self.objects.get(DEMO_ROOT).map(|o| o.sd.clone());
        }
        self.dcs
            .history
            .push((Instant::now(), self.objects.clone()));
    }

    /// After DC01 wrote the descriptor of `dn`: its metadata moves on.
    pub(super) fn after_write(&mut self, dn: &str) {
        self.dcs.usn += 1;
        let usn = self.dcs.usn;
        let old = self
            .objects
            .get(dn)
            .and_then(|o| o.attrs.get("replpropertymetadata"))
            .and_then(|v| v.first())
            .and_then(|b| replmeta::parse(b).ok())
            .unwrap_or_default();
        let version = replmeta::find(&old, ATTID_NT_SECURITY_DESCRIPTOR).map_or(0, |m| m.version);
        let mut entries: Vec<AttrMeta> = old
            .into_iter()
            .filter(|m| m.attid != ATTID_NT_SECURITY_DESCRIPTOR)
            .collect();
        entries.push(AttrMeta {
            attid: ATTID_NT_SECURITY_DESCRIPTOR,
            version: version + 1,
            originating_change: now_dstime(),
            originating_invocation_id: DEMO_DCS[0].invocation.parse().expect("constant GUID"),
            originating_usn: usn,
            local_usn: usn,
        });
        self.set_binary(dn, "replPropertyMetaData", replmeta::encode(&entries));
    }

    /// The objects as the DC `host` holds them (None: DC01).
    pub(super) fn view(
        &self,
        host: Option<&str>,
    ) -> Result<Cow<'_, BTreeMap<String, Object>>, DirectoryError> {
        let Some(dc) = host
            .and_then(dc_by_host)
            .filter(|d| d.name != DEMO_DCS[0].name)
        else {
            return Ok(Cow::Borrowed(&self.objects));
        };
        if self.dcs.down.contains(dc.host) {
            return Err(DirectoryError::Unreachable {
                url: format!("demo://{}", dc.host),
                reason: "connection refused".into(),
            });
        }
        let lag = self.dcs.lag(dc);
        let pulled = self.dcs.pulled.get(dc.host);
        // With the demo's clock fixed (screenshots, headless runs) a lag
        // never passes: the same page every time.
        let frozen = self.pilot.clock.is_some() && !lag.is_zero();
        let pending = self
            .dcs
            .history
            .iter()
            .find(|(t, _)| (frozen || t.elapsed() < lag) && pulled.is_none_or(|p| t > p));
        let mut objects = match pending {
            Some((_, before)) => before.clone(),
            None => self.objects.clone(),
        };
        if let Some(root_dse) = objects.get_mut("") {
            root_dse
                .attrs
                .insert("dnshostname".into(), vec![dc.host.as_bytes().to_vec()]);
            root_dse
                .attrs
                .insert("dsservicename".into(), vec![dsa_dn(dc).into_bytes()]);
        }
        if self.dcs.differs.contains(dc.host) {
            // The same metadata as DC01's, but the DACL of before the
            // first write (a copy that went its own way).
            let original = self.dcs.first_root.clone();
            if let (Some(sd), Some(root)) = (original, objects.get_mut(DEMO_ROOT)) {
                root.sd = sd;
            }
        }
        Ok(Cow::Owned(objects))
    }
}

impl DemoOrg {
    /// A connection to one of the demo's DCs (its host name).
    pub fn directory_at(&self, host: &str) -> Result<DemoDirectory, DirectoryError> {
        let Some(dc) = dc_by_host(host) else {
            return Err(DirectoryError::Unreachable {
                url: format!("demo://{host}"),
                reason: "no such host".into(),
            });
        };
        let mut dir = self.directory();
        if dc.name != DEMO_DCS[0].name {
            dir.at = Some(dc.host.to_string());
        }
        // Fails now when the DC is down, as a connection would.
        self.with(|s| s.view(dir.at.as_deref()).map(|_| ()))?;
        Ok(dir)
    }

    /// Sets how far behind a demo DC is (tests).
    pub fn set_dc_lag(&self, host: &str, lag: Duration) {
        self.with(|s| s.dcs.lags.insert(host.into(), lag.as_millis() as u64));
    }

    /// Takes a demo DC down or brings it back (tests).
    pub fn set_dc_down(&self, host: &str, down: bool) {
        self.with(|s| toggle(&mut s.dcs.down, host, down));
    }

    /// Makes a demo DC hold a copy of the root that differs from DC01's
    /// (tests).
    pub fn set_dc_differs(&self, host: &str, differs: bool) {
        self.with(|s| toggle(&mut s.dcs.differs, host, differs));
    }

    /// Makes a demo DC refuse `replicateSingleObject` (tests).
    pub fn set_dc_refuses_pull(&self, host: &str, refuses: bool) {
        self.with(|s| toggle(&mut s.dcs.refuses, host, refuses));
    }

    /// `replicateSingleObject` on the DC `host`: it pulls now.
    pub(super) fn pull(
        &self,
        host: &str,
        source_dsa: &str,
        dn: &str,
    ) -> Result<(), DirectoryError> {
        self.with(|s| {
            if s.dcs.refuses.contains(host) {
                return Err(DirectoryError::Ldap {
                    code: 53,
                    dn: String::new(),
                    text: "00002035: rootdse_modify: unknown attribute to change!".into(),
                });
            }
            if !DEMO_DCS
                .iter()
                .any(|d| dsa_dn(d).eq_ignore_ascii_case(source_dsa))
                || !s.objects.contains_key(dn)
            {
                return Err(DirectoryError::Ldap {
                    code: 32,
                    dn: dn.to_string(),
                    text: "no such object".into(),
                });
            }
            s.dcs.pulled.insert(host.to_string(), Instant::now());
            Ok(())
        })
    }
}

fn toggle(set: &mut BTreeSet<String>, host: &str, on: bool) {
    if on {
        set.insert(host.to_string());
    } else {
        set.remove(host);
    }
}
