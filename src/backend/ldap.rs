//! The real directory: LDAP over TLS (ldaps:// or StartTLS) with ldap3 and
//! rustls, certificates verified against the system roots or a CA file.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};
use ldap3::controls::RawControl;
use ldap3::{LdapConnAsync, LdapConnSettings, LdapError, Mod, SearchEntry, StdStream};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use super::{
    DcSource, Directory, DirectoryError, DomainName, DomainServer, Entry, ForestDomain, Scope,
    Secret, Swap, domain_of,
};

/// Environment variable the command line reads the bind password from
/// (for scripts). It is removed from child processes' environment.
pub const PASSWORD_ENV: &str = "WRITEBACK_WIZARD_BIND_PASSWORD";

/// OID of the LDAP_SERVER_SD_FLAGS control.
pub const SD_FLAGS_OID: &str = "1.2.840.113556.1.4.801";
/// Its BER value for "DACL only": SEQUENCE { INTEGER 4 }.
pub const SD_FLAGS_DACL: [u8; 5] = [0x30, 0x03, 0x02, 0x01, 0x04];

/// How to reach and sign in to a domain controller.
#[derive(Clone, Debug)]
pub struct ConnectOptions {
    /// `ldaps://host[:port]` or `ldap://host[:port]`.
    pub url: String,
    /// Upgrade `ldap://` with StartTLS.
    pub starttls: bool,
    /// PEM file of CA certificates to trust instead of the system roots.
    pub ca_file: Option<PathBuf>,
    /// Allow `ldap://` without TLS (explicit opt-in, warned).
    pub insecure_plaintext: bool,
    /// UPN, DN or DOMAIN\user.
    pub bind_user: String,
    /// Its password.
    pub password: Secret,
    /// Limit for connecting and for each operation.
    pub timeout: Duration,
}

/// An open, bound LDAP connection to a domain controller, and (once
/// [`Directory::set_forest`] has named the forest's domains) one more to a
/// DC of each other domain, opened when first needed with the same TLS
/// rules and credentials. Operations go to the DC of the domain that
/// holds their DN; referrals are followed only to DCs of the forest.
pub struct LdapDirectory {
    ldap: ldap3::Ldap,
    url: String,
    timeout: Duration,
    /// How this connection was made: the other DCs are reached the same way.
    opts: ConnectOptions,
    /// DCs given per domain.
    given: Vec<DomainServer>,
    /// The naming context of the domain signed in to.
    home_nc: String,
    /// The forest's domains with their DCs.
    forest: Vec<ForestDomain>,
    /// Open connections to other domains' DCs, by lower-case NC.
    others: HashMap<String, ldap3::Ldap>,
    /// The Global Catalog: not tried yet, or tried (None: none answers).
    gc: Option<Option<ldap3::Ldap>>,
    /// Objects written on another DC than their name routes to (a
    /// referral was followed), by lower-case DN: that DC's URL.
    written_on: HashMap<String, String>,
}

/// Whether the options would send the password in clear text.
pub fn is_plaintext(opts: &ConnectOptions) -> bool {
    opts.url.to_ascii_lowercase().starts_with("ldap://") && !opts.starttls
}

fn tls_config(opts: &ConnectOptions) -> Result<Arc<rustls::ClientConfig>, DirectoryError> {
    let mut roots = rustls::RootCertStore::empty();
    match &opts.ca_file {
        Some(path) => {
            let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
                .and_then(|it| it.collect())
                .map_err(|e| DirectoryError::Config(format!("CA file {}: {e}", path.display())))?;
            if certs.is_empty() {
                return Err(DirectoryError::Config(format!(
                    "CA file {}: no certificate",
                    path.display()
                )));
            }
            for cert in certs {
                roots.add(cert).map_err(|e| {
                    DirectoryError::Config(format!("CA file {}: {e}", path.display()))
                })?;
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(cert);
            }
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| DirectoryError::Config(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Maps an ldap3 error to ours, recognising TLS certificate failures.
fn map_error(url: &str, dn: &str, timeout: Duration, e: LdapError) -> DirectoryError {
    match e {
        LdapError::Timeout { .. } => DirectoryError::Timeout {
            seconds: timeout.as_secs().max(1),
        },
        LdapError::Io { source } => io_error(url, source),
        LdapError::LdapResult { result } => result_error(dn, result.rc, &result.text),
        LdapError::EndOfStream | LdapError::ResultRecv { .. } | LdapError::OpSend { .. } => {
            DirectoryError::ConnectionLost {
                reason: e.to_string(),
            }
        }
        LdapError::UrlParsing { .. } | LdapError::UnknownScheme(_) => {
            DirectoryError::Config(e.to_string())
        }
        other => DirectoryError::ConnectionLost {
            reason: other.to_string(),
        },
    }
}

fn io_error(url: &str, source: std::io::Error) -> DirectoryError {
    let tls = source
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>());
    let url = url.to_string();
    if let Some(rustls::Error::InvalidCertificate(cert)) = tls {
        let reason = format!("{cert:?}");
        return match cert {
            rustls::CertificateError::NotValidForName
            | rustls::CertificateError::NotValidForNameContext { .. } => {
                DirectoryError::HostnameMismatch { url, reason }
            }
            _ => DirectoryError::UntrustedCertificate { url, reason },
        };
    }
    if let Some(e) = tls {
        return DirectoryError::Tls {
            url,
            reason: e.to_string(),
        };
    }
    use std::io::ErrorKind::*;
    match source.kind() {
        ConnectionRefused | HostUnreachable | NetworkUnreachable | AddrNotAvailable | NotFound => {
            DirectoryError::Unreachable {
                url,
                reason: source.to_string(),
            }
        }
        _ => DirectoryError::ConnectionLost {
            reason: source.to_string(),
        },
    }
}

fn result_error(dn: &str, rc: u32, text: &str) -> DirectoryError {
    match rc {
        49 => DirectoryError::InvalidCredentials,
        50 => DirectoryError::InsufficientRights { dn: dn.to_string() },
        32 => DirectoryError::NoSuchObject { dn: dn.to_string() },
        _ => DirectoryError::Ldap {
            code: rc,
            dn: dn.to_string(),
            text: text.to_string(),
        },
    }
}

/// Logs one LDAP operation: server, what was asked, the result code (or
/// the error), the entries and the time. Never an attribute value, never
/// the password.
#[allow(clippy::too_many_arguments)]
fn log_op(
    server: &str,
    op: &str,
    base: &str,
    scope: &str,
    filter: &str,
    dacl_only: bool,
    started: Instant,
    result: &Result<usize, DirectoryError>,
) {
    let controls = if dacl_only { "sd-flags(DACL)" } else { "" };
    let elapsed_ms = started.elapsed().as_millis() as u64;
    match result {
        Ok(entries) => tracing::info!(
            server,
            op,
            base,
            scope,
            filter,
            controls,
            rc = 0,
            entries,
            elapsed_ms,
            "ldap"
        ),
        Err(e) => {
            let rc = match e {
                DirectoryError::InvalidCredentials => Some(49),
                DirectoryError::InsufficientRights { .. } => Some(50),
                DirectoryError::NoSuchObject { .. } => Some(32),
                DirectoryError::Ldap { code, .. } => Some(*code),
                _ => None,
            };
            tracing::warn!(
                server,
                op,
                base,
                scope,
                filter,
                controls,
                rc,
                error = %e,
                elapsed_ms,
                "ldap failed"
            )
        }
    }
}

/// `host:port` of an `ldap://` or `ldaps://` URL (default ports 389 and
/// 636; IPv6 hosts in brackets); None for anything else.
fn authority(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let (rest, port) = if lower.starts_with("ldaps://") {
        (&url[8..], 636)
    } else if lower.starts_with("ldap://") {
        (&url[7..], 389)
    } else {
        return None;
    };
    let host_port = rest.split('/').next().filter(|h| !h.is_empty())?;
    let has_port = match host_port.strip_prefix('[') {
        Some(v6) => v6.contains("]:"),
        None => host_port.contains(':'),
    };
    Some(if has_port {
        host_port.to_string()
    } else {
        format!("{host_port}:{port}")
    })
}

fn sd_flags_control() -> RawControl {
    RawControl {
        ctype: SD_FLAGS_OID.to_string(),
        crit: true,
        val: Some(SD_FLAGS_DACL.to_vec()),
    }
}

fn to_entry(se: SearchEntry) -> Entry {
    let mut entry = Entry {
        dn: se.dn,
        ..Entry::default()
    };
    // ldap3 puts values that happen to be valid UTF-8 among the text ones,
    // even binary ones such as a SID: keep the bytes of both.
    for (name, values) in se.attrs {
        entry
            .attrs
            .entry(name.to_ascii_lowercase())
            .or_default()
            .extend(values.into_iter().map(String::into_bytes));
    }
    for (name, values) in se.bin_attrs {
        entry
            .attrs
            .entry(name.to_ascii_lowercase())
            .or_default()
            .extend(values);
    }
    entry
}

/// Most referrals (and continuation references) followed for one
/// operation, so that two DCs referring to each other cannot loop.
const MAX_HOPS: usize = 8;

/// Most searches one search may fan out to through continuation
/// references (one per domain of a large forest).
const MAX_SEARCHES: usize = 256;

/// Which connection an operation goes to: the DC signed in to, or the DC
/// of another domain of the forest (index into the forest's domains).
type Via = Option<usize>;

/// The outcome of one search on one DC: its entries, the continuation
/// references it returned, and its result (code, referral URLs, text).
struct RawSearch {
    entries: Vec<Entry>,
    continuations: Vec<String>,
    rc: u32,
    refs: Vec<String>,
    text: String,
}

impl LdapDirectory {
    /// Connects, verifies TLS and binds. Refuses `ldap://` without StartTLS
    /// unless `insecure_plaintext` is set.
    pub async fn connect(opts: &ConnectOptions) -> Result<LdapDirectory, DirectoryError> {
        let ldap = open(opts).await?;
        Ok(LdapDirectory {
            ldap,
            url: opts.url.clone(),
            timeout: opts.timeout,
            opts: opts.clone(),
            given: Vec::new(),
            home_nc: String::new(),
            forest: Vec::new(),
            others: HashMap::new(),
            gc: None,
            written_on: HashMap::new(),
        })
    }

    /// Ends the session politely (every connection it opened).
    pub async fn close(mut self) {
        for (_, mut other) in self.others.drain() {
            let _ = other.unbind().await;
        }
        if let Some(Some(mut gc)) = self.gc.take() {
            let _ = gc.unbind().await;
        }
        let _ = self.ldap.unbind().await;
    }

    /// The forest's domains with the DC each one uses (after
    /// [`Directory::set_forest`]).
    pub fn forest(&self) -> &[ForestDomain] {
        &self.forest
    }

    /// The connection `dn` belongs on: its domain's DC, or this one.
    fn via(&self, dn: &str) -> Via {
        let domain = domain_of(dn, &self.forest)?;
        if domain.nc.eq_ignore_ascii_case(&self.home_nc) || domain.source == DcSource::Connected {
            return None;
        }
        self.forest.iter().position(|d| std::ptr::eq(d, domain))
    }

    fn url_of(&self, via: Via) -> String {
        match via {
            None => self.url.clone(),
            Some(i) => self.forest[i].server.clone(),
        }
    }

    /// The open connection of `via`, connecting (same TLS rules and
    /// credentials) on first use.
    async fn conn(&mut self, via: Via) -> Result<ldap3::Ldap, DirectoryError> {
        let Some(i) = via else {
            return Ok(self.ldap.clone());
        };
        let key = self.forest[i].nc.to_ascii_lowercase();
        if let Some(ldap) = self.others.get(&key) {
            return Ok(ldap.clone());
        }
        let domain = &self.forest[i];
        if let Some(host) = &domain.srv_refused {
            return Err(DirectoryError::SrvRefused {
                domain: domain.dns.clone(),
                host: host.clone(),
            });
        }
        let opts = ConnectOptions {
            url: domain.server.clone(),
            ..self.opts.clone()
        };
        let ldap = open(&opts).await.map_err(|e| DirectoryError::Domain {
            domain: domain.dns.clone(),
            server: domain.server.clone(),
            reason: Box::new(e),
        })?;
        self.others.insert(key, ldap.clone());
        Ok(ldap)
    }

    /// Where a referral URL may be followed: the DC of the forest's domain
    /// it names (by the domain's DNS name or its DC's host), never
    /// anywhere else.
    fn referral_target(&self, url: &str, dn: &str) -> Result<Via, DirectoryError> {
        let refused = || DirectoryError::ReferralRefused {
            url: url.to_string(),
            dn: dn.to_string(),
        };
        let host = url_host(url).ok_or_else(refused)?;
        let home_host = url_host(&self.url);
        for (i, d) in self.forest.iter().enumerate() {
            let names_it = d.dns.eq_ignore_ascii_case(&host)
                || url_host(&d.server).is_some_and(|h| h.eq_ignore_ascii_case(&host));
            if names_it {
                let home = d.nc.eq_ignore_ascii_case(&self.home_nc);
                return Ok(if home { None } else { Some(i) });
            }
        }
        if self.forest.is_empty() && home_host.is_some_and(|h| h.eq_ignore_ascii_case(&host)) {
            return Ok(None);
        }
        Err(refused())
    }

    /// One search on one DC, references and referrals returned, not
    /// followed.
    #[allow(clippy::too_many_arguments)]
    async fn raw_search(
        &mut self,
        via: Via,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<RawSearch, DirectoryError> {
        let url = self.url_of(via);
        let timeout = self.timeout;
        let mut ldap = self.conn(via).await?;
        let started = Instant::now();
        let result = async {
            let ldap = ldap.with_timeout(timeout);
            if dacl_only {
                ldap.with_controls(sd_flags_control());
            }
            let mut stream = ldap
                .streaming_search(base, ldap_scope(scope), filter, attrs.to_vec())
                .await
                .map_err(|e| map_error(&url, base, timeout, e))?;
            let mut out = RawSearch {
                entries: Vec::new(),
                continuations: Vec::new(),
                rc: 0,
                refs: Vec::new(),
                text: String::new(),
            };
            loop {
                match stream.next().await {
                    Ok(Some(re)) if re.is_ref() => out.continuations.extend(refs_of(re.0)),
                    Ok(Some(re)) if re.is_intermediate() => {}
                    Ok(Some(re)) => out.entries.push(to_entry(SearchEntry::construct(re))),
                    Ok(None) => break,
                    Err(e) => return Err(map_error(&url, base, timeout, e)),
                }
            }
            let done = stream.finish().await;
            out.rc = done.rc;
            out.refs = done.refs;
            out.text = done.text;
            Ok(out)
        }
        .await;
        let logged = match &result {
            Ok(r) if r.rc == 0 || r.rc == 10 => Ok(r.entries.len()),
            Ok(r) => Err(result_error(base, r.rc, &r.text)),
            Err(e) => Err(e.clone()),
        };
        log_op(
            &url,
            "search",
            base,
            scope_name(scope),
            filter,
            dacl_only,
            started,
            &logged,
        );
        if let Ok(r) = &result
            && (r.rc == 10 || !r.continuations.is_empty())
        {
            tracing::info!(
                server = url.as_str(),
                base,
                referral = ?r.refs,
                continuations = ?r.continuations,
                "ldap referral"
            );
        }
        result
    }

    /// A search that follows referrals (result 10) and continuation
    /// references into other domains of the forest, each to that
    /// domain's DC. A continuation reference into the domain just searched
    /// (its configuration or DNS partitions) holds no accounts and is
    /// passed over; one to a host outside the forest is refused.
    async fn search_following(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Vec<Entry>, DirectoryError> {
        let mut queue: Vec<(Via, String, Scope)> = vec![(self.via(base), base.to_string(), scope)];
        let mut entries = Vec::new();
        // Each (DC, base) is asked once: two DCs naming each other cannot
        // loop, and a forest root with many child domains is not cut short.
        let mut asked = HashSet::new();
        let mut hops = 0;
        while let Some((via, base, scope)) = queue.pop() {
            if !asked.insert((via, base.to_ascii_lowercase())) {
                continue;
            }
            hops += 1;
            if hops > MAX_SEARCHES {
                return Err(DirectoryError::Ldap {
                    code: 10,
                    dn: base,
                    text: "too many referrals".into(),
                });
            }
            let r = self
                .raw_search(via, &base, scope, filter, attrs, dacl_only)
                .await?;
            match r.rc {
                0 => {}
                10 => {
                    let url = r.refs.first().cloned().unwrap_or_default();
                    let next = self.referral_target(&url, &base)?;
                    let dn = url_dn(&url).unwrap_or_else(|| base.clone());
                    // A referral back to a DC already asked is a loop.
                    if next == via || asked.contains(&(next, dn.to_ascii_lowercase())) {
                        return Err(result_error(&base, 10, &r.text));
                    }
                    queue.push((next, dn, scope));
                    continue;
                }
                rc => return Err(result_error(&base, rc, &r.text)),
            }
            entries.extend(r.entries);
            let searched = domain_of(&base, &self.forest).map(|d| d.nc.to_ascii_lowercase());
            for url in r.continuations {
                let Some(dn) = url_dn(&url) else { continue };
                let Some(domain) = domain_of(&dn, &self.forest) else {
                    continue;
                };
                if Some(domain.nc.to_ascii_lowercase()) == searched {
                    continue;
                }
                let next = self.referral_target(&url, &dn)?;
                let scope = if scope == Scope::OneLevel {
                    Scope::Base
                } else {
                    scope
                };
                queue.push((next, dn, scope));
            }
        }
        Ok(entries)
    }

    /// A paged subtree search on the DC of `base`'s domain, following a
    /// referral (result 10) to the DC of the forest's domain it names.
    /// Continuation references are not followed: a paged scan covers one
    /// domain, and every domain in scope is scanned through its own DC.
    async fn search_paged_following(
        &mut self,
        base: &str,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
        each: &mut (dyn FnMut(Entry) + Send),
    ) -> Result<(), DirectoryError> {
        let mut via = self.via(base);
        let mut base = base.to_string();
        for _ in 0..MAX_HOPS {
            let url = self.url_of(via);
            let started = Instant::now();
            let mut entries = 0usize;
            let mut counted = |e: Entry| {
                entries += 1;
                each(e)
            };
            let result = self
                .paged_once(via, &base, filter, attrs, dacl_only, &mut counted)
                .await;
            let logged = match &result {
                Ok(done) if done.rc == 0 || done.rc == 10 => Ok(entries),
                Ok(done) => Err(result_error(&base, done.rc, &done.text)),
                Err(e) => Err(e.clone()),
            };
            log_op(
                &url,
                "search-paged",
                &base,
                "subtree",
                filter,
                dacl_only,
                started,
                &logged,
            );
            let done = result?;
            match done.rc {
                0 => return Ok(()),
                10 => {
                    let url = done.refs.first().cloned().unwrap_or_default();
                    let next = self.referral_target(&url, &base)?;
                    if next == via {
                        return Err(result_error(&base, 10, &done.text));
                    }
                    via = next;
                    base = url_dn(&url).unwrap_or(base);
                }
                rc => return Err(result_error(&base, rc, &done.text)),
            }
        }
        Err(DirectoryError::Ldap {
            code: 10,
            dn: base,
            text: "too many referrals".into(),
        })
    }

    async fn paged_once(
        &mut self,
        via: Via,
        base: &str,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
        each: &mut (dyn FnMut(Entry) + Send),
    ) -> Result<ldap3::LdapResult, DirectoryError> {
        let url = self.url_of(via);
        let timeout = self.timeout;
        let mut ldap = self.conn(via).await?;
        let adapters: Vec<Box<dyn Adapter<_, _>>> = vec![
            Box::new(EntriesOnly::new()),
            Box::new(PagedResults::new(1000)),
        ];
        let ldap = ldap.with_timeout(timeout);
        if dacl_only {
            ldap.with_controls(sd_flags_control());
        }
        let mut stream = ldap
            .streaming_search_with(
                adapters,
                base,
                ldap3::Scope::Subtree,
                filter,
                attrs.to_vec(),
            )
            .await
            .map_err(|e| map_error(&url, base, timeout, e))?;
        loop {
            match stream.next().await {
                Ok(Some(re)) => each(to_entry(SearchEntry::construct(re))),
                Ok(None) => break,
                Err(e) => return Err(map_error(&url, base, timeout, e)),
            }
        }
        Ok(stream.finish().await)
    }

    /// A modify of `dn`'s descriptor on its domain's DC, following a
    /// referral to the forest's DC it names.
    async fn modify_following(
        &mut self,
        op: &str,
        dn: &str,
        mods: Vec<Mod<Vec<u8>>>,
    ) -> Result<(ldap3::LdapResult, String), DirectoryError> {
        let mut via = self.via(dn);
        for _ in 0..MAX_HOPS {
            let url = self.url_of(via);
            let timeout = self.timeout;
            let started = Instant::now();
            let result = async {
                let mut ldap = self.conn(via).await?;
                ldap.with_timeout(timeout)
                    .with_controls(sd_flags_control())
                    .modify(dn, mods.clone())
                    .await
                    .map_err(|e| map_error(&url, dn, timeout, e))
            }
            .await;
            let logged = match &result {
                Ok(r) => Ok(usize::from(r.rc == 0)),
                Err(e) => Err(e.clone()),
            };
            log_op(&url, op, dn, "base", "", true, started, &logged);
            let result = result?;
            if result.rc != 10 {
                if via != self.via(dn) {
                    self.written_on.insert(dn.to_ascii_lowercase(), url.clone());
                }
                return Ok((result, url));
            }
            let referral = result.refs.first().cloned().unwrap_or_default();
            let next = self.referral_target(&referral, dn)?;
            if next == via {
                return Err(result_error(dn, 10, &result.text));
            }
            via = next;
        }
        Err(DirectoryError::Ldap {
            code: 10,
            dn: dn.to_string(),
            text: "too many referrals".into(),
        })
    }

    /// The DC a domain without a given DC uses: the one DNS names for it
    /// (SRV), else its DNS name itself; same scheme as the connection. An
    /// SRV answer naming a host outside the forest's DNS names (`names`,
    /// the crossRefs' `dnsRoot`) is never used: the password would go to
    /// whoever answers DNS. When every answer lies outside, the domain is
    /// marked refused (the first such record named).
    async fn locate(&self, dns: &str, names: &[String]) -> (String, DcSource, Option<String>) {
        let ldaps = self.url.to_ascii_lowercase().starts_with("ldaps://");
        let found = crate::backend::dns::locate_dcs(dns, self.timeout).await;
        let (inside, outside): (Vec<_>, Vec<_>) = found
            .into_iter()
            .partition(|(host, _)| crate::backend::dns::within_forest(host, names));
        for (host, port) in &outside {
            tracing::warn!(domain = dns, host = %host, port = *port, "SRV answer outside the forest refused");
        }
        match (inside.into_iter().next(), outside.into_iter().next()) {
            (Some((host, port)), _) => {
                let url = if ldaps {
                    format!("ldaps://{host}")
                } else {
                    format!("ldap://{host}:{port}")
                };
                (url, DcSource::Srv, None)
            }
            (None, Some((host, port))) => (
                String::new(),
                DcSource::SrvRefused,
                Some(format!("{host}:{port}")),
            ),
            (None, None) => {
                let scheme = if ldaps { "ldaps" } else { "ldap" };
                (format!("{scheme}://{dns}"), DcSource::DnsRoot, None)
            }
        }
    }

    /// The Global Catalog of the DC signed in to: LDAPS 3269, or 3268 with
    /// StartTLS (plain only where the connection itself is allowed plain);
    /// None when it does not answer.
    async fn global_catalog(&mut self) -> Option<ldap3::Ldap> {
        if let Some(gc) = &self.gc {
            return gc.clone();
        }
        let host = url_host_bracketed(&self.url)?;
        let lower = self.url.to_ascii_lowercase();
        let url = if lower.starts_with("ldaps://") {
            format!("ldaps://{host}:3269")
        } else {
            format!("ldap://{host}:3268")
        };
        let opts = ConnectOptions {
            url: url.clone(),
            ..self.opts.clone()
        };
        let gc = match open(&opts).await {
            Ok(ldap) => Some(ldap),
            Err(e) => {
                tracing::info!(url, error = %e, "no global catalog; each domain is searched");
                None
            }
        };
        self.gc = Some(gc.clone());
        gc
    }
}

/// Opens one verified, bound connection (logged as a bind).
async fn open(opts: &ConnectOptions) -> Result<ldap3::Ldap, DirectoryError> {
    let started = Instant::now();
    let result = connect_bind(opts).await;
    log_op(
        &opts.url,
        "bind",
        &opts.bind_user,
        "",
        "",
        false,
        started,
        &result.as_ref().map(|_| 0).map_err(Clone::clone),
    );
    result
}

async fn connect_bind(opts: &ConnectOptions) -> Result<ldap3::Ldap, DirectoryError> {
    let lower = opts.url.to_ascii_lowercase();
    if !(lower.starts_with("ldaps://") || lower.starts_with("ldap://")) {
        return Err(DirectoryError::Config(format!(
            "{}: use ldaps://HOST or ldap://HOST",
            opts.url
        )));
    }
    if is_plaintext(opts) && !opts.insecure_plaintext {
        return Err(DirectoryError::Plaintext);
    }
    let mut settings = LdapConnSettings::new()
        .set_conn_timeout(opts.timeout)
        .set_starttls(opts.starttls && lower.starts_with("ldap://"));
    if !is_plaintext(opts) {
        settings = settings.set_config(tls_config(opts)?);
    }
    let url = opts.url.clone();
    // The TCP connection is ours so that Nagle's algorithm is off: a
    // paged search sends one small request per page, which would
    // otherwise wait for the server's delayed ACK.
    if let Some(addr) = authority(&opts.url) {
        // A host named by the DNS server given for the forest is looked up
        // there too (TLS still checks the certificate against the name).
        let addr = crate::backend::dns::resolve_configured(&addr, opts.timeout)
            .await
            .unwrap_or(addr);
        let tcp = tokio::time::timeout(opts.timeout, tokio::net::TcpStream::connect(addr))
            .await
            .map_err(|_| DirectoryError::Timeout {
                seconds: opts.timeout.as_secs().max(1),
            })?
            .map_err(|e| io_error(&url, e))?;
        let _ = tcp.set_nodelay(true);
        let std = tcp.into_std().map_err(|e| io_error(&url, e))?;
        settings = settings.set_std_stream(StdStream::Tcp(std));
    }
    let connect = LdapConnAsync::with_settings(settings, &opts.url);
    let (conn, mut ldap) = tokio::time::timeout(opts.timeout, connect)
        .await
        .map_err(|_| DirectoryError::Timeout {
            seconds: opts.timeout.as_secs().max(1),
        })?
        .map_err(|e| map_error(&url, "", opts.timeout, e))?;
    ldap3::drive!(conn);
    let bind = ldap
        .with_timeout(opts.timeout)
        .simple_bind(&opts.bind_user, opts.password.expose())
        .await
        .map_err(|e| map_error(&url, "", opts.timeout, e))?;
    if bind.rc != 0 {
        return Err(result_error("", bind.rc, &bind.text));
    }
    tracing::debug!(
        url = %url,
        starttls = opts.starttls,
        ca_file = ?opts.ca_file,
        "bound"
    );
    Ok(ldap)
}

fn ldap_scope(scope: Scope) -> ldap3::Scope {
    match scope {
        Scope::Base => ldap3::Scope::Base,
        Scope::OneLevel => ldap3::Scope::OneLevel,
        Scope::Subtree => ldap3::Scope::Subtree,
    }
}

/// The URLs of a search result reference; malformed ones are dropped
/// (ldap3's own parser panics on them).
fn refs_of(tag: ldap3::asn1::StructureTag) -> Vec<String> {
    tag.expect_constructed()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| t.expect_primitive())
        .filter_map(|b| String::from_utf8(b).ok())
        .collect()
}

/// The host of an LDAP URL, lower-case, without port or brackets.
fn url_host(url: &str) -> Option<String> {
    let bracketed = url_host_bracketed(url)?;
    Some(
        bracketed
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase(),
    )
}

/// The host of an LDAP URL as written in it (IPv6 in brackets).
fn url_host_bracketed(url: &str) -> Option<String> {
    let authority = authority(url)?;
    let host = match authority.strip_prefix('[') {
        Some(v6) => format!("[{}]", v6.split(']').next()?),
        None => authority
            .rsplit_once(':')
            .map_or(authority.clone(), |(h, _)| h.to_string()),
    };
    (!host.is_empty()).then_some(host)
}

/// The DN of an LDAP URL (`ldap://host/DN?...`), percent-decoded; None
/// when it has none.
fn url_dn(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let path = rest.split_once('/')?.1;
    let dn = path.split('?').next().unwrap_or_default();
    let mut bytes = Vec::with_capacity(dn.len());
    let raw = dn.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (raw[i], hex) {
            (b'%', Some(b)) => {
                bytes.push(b);
                i += 3;
            }
            (c, _) => {
                bytes.push(c);
                i += 1;
            }
        }
    }
    let dn = String::from_utf8(bytes).ok()?;
    (!dn.is_empty()).then_some(dn)
}

impl Directory for LdapDirectory {
    fn server(&self) -> String {
        self.url.clone()
    }

    fn server_for(&self, dn: &str) -> String {
        match self.written_on.get(&dn.to_ascii_lowercase()) {
            Some(url) => url.clone(),
            None => self.url_of(self.via(dn)),
        }
    }

    fn routes(&self) -> Vec<ForestDomain> {
        self.forest.clone()
    }

    fn set_domain_servers(&mut self, servers: &[DomainServer]) {
        self.given = servers.to_vec();
    }

    async fn set_forest(&mut self, home: &str, domains: &[DomainName]) -> Vec<ForestDomain> {
        let mut forest = Vec::new();
        let names: Vec<String> = domains.iter().map(|d| d.dns.clone()).collect();
        for d in domains {
            let given = self
                .given
                .iter()
                .find(|g| g.dns.trim_end_matches('.').eq_ignore_ascii_case(&d.dns));
            let (server, source, srv_refused) = if d.dn.eq_ignore_ascii_case(home) {
                (self.url.clone(), DcSource::Connected, None)
            } else if let Some(g) = given {
                (g.server.clone(), DcSource::Given, None)
            } else {
                self.locate(&d.dns, &names).await
            };
            forest.push(ForestDomain {
                dns: d.dns.clone(),
                netbios: d.netbios.clone(),
                nc: d.dn.clone(),
                server,
                source,
                srv_refused,
            });
        }
        // Connections opened for another forest view are not reused.
        self.others.clear();
        self.home_nc = home.to_string();
        self.forest = forest.clone();
        forest
    }

    async fn root_dse(&mut self, nc: &str, attrs: &[&str]) -> Result<Entry, DirectoryError> {
        let via = self.via(nc);
        let r = self
            .raw_search(via, "", Scope::Base, "(objectClass=*)", attrs, false)
            .await?;
        if r.rc != 0 {
            return Err(result_error("", r.rc, &r.text));
        }
        Ok(r.entries.into_iter().next().unwrap_or_default())
    }

    async fn search_global_catalog(
        &mut self,
        filter: &str,
        attrs: &[&str],
    ) -> Result<Option<Vec<Entry>>, DirectoryError> {
        // One domain: its own DC answers for everything, as before.
        if self.forest.len() < 2 {
            return Ok(None);
        }
        let Some(mut gc) = self.global_catalog().await else {
            return Ok(None);
        };
        let url = url_host_bracketed(&self.url).unwrap_or_default();
        let timeout = self.timeout;
        let started = Instant::now();
        let result = gc
            .with_timeout(timeout)
            .search("", ldap3::Scope::Subtree, filter, attrs.to_vec())
            .await
            .and_then(|r| r.success())
            .map(|(entries, _)| {
                entries
                    .into_iter()
                    .map(|re| to_entry(SearchEntry::construct(re)))
                    .collect::<Vec<_>>()
            })
            .map_err(|e| map_error(&url, "", timeout, e));
        log_op(
            &format!("{url} (global catalog)"),
            "search",
            "",
            "subtree",
            filter,
            false,
            started,
            &result.as_ref().map(Vec::len).map_err(Clone::clone),
        );
        match result {
            Ok(entries) => Ok(Some(entries)),
            // A Global Catalog that fails the search is passed over: each
            // domain is searched through its own DC instead.
            Err(e) => {
                tracing::info!(error = %e, "global catalog search failed; each domain is searched");
                Ok(None)
            }
        }
    }

    async fn search(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Vec<Entry>, DirectoryError> {
        self.search_following(base, scope, filter, attrs, dacl_only)
            .await
    }

    async fn search_paged(
        &mut self,
        base: &str,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
        each: &mut (dyn FnMut(Entry) + Send),
    ) -> Result<(), DirectoryError> {
        self.search_paged_following(base, filter, attrs, dacl_only, each)
            .await
    }

    async fn write_dacl(&mut self, dn: &str, sd: &[u8]) -> Result<(), DirectoryError> {
        let (result, _) = self
            .modify_following(
                "modify(nTSecurityDescriptor)",
                dn,
                vec![Mod::Replace(
                    b"nTSecurityDescriptor".to_vec(),
                    HashSet::from([sd.to_vec()]),
                )],
            )
            .await?;
        if result.rc != 0 {
            return Err(result_error(dn, result.rc, &result.text));
        }
        Ok(())
    }

    async fn replicate_single_object(
        &mut self,
        source_dsa: &str,
        dn: &str,
    ) -> Result<(), DirectoryError> {
        // Issue 25: a modify of the rootDSE, on this connection's DC.
        let (url, timeout, started) = (self.url.clone(), self.timeout, Instant::now());
        let value = format!("{source_dsa}:{dn}").into_bytes();
        let result = self
            .ldap
            .with_timeout(timeout)
            .modify(
                "",
                vec![Mod::Replace(
                    b"replicateSingleObject".to_vec(),
                    HashSet::from([value]),
                )],
            )
            .await
            .map_err(|e| map_error(&url, dn, timeout, e));
        let logged = match &result {
            Ok(r) => Ok(usize::from(r.rc == 0)),
            Err(e) => Err(e.clone()),
        };
        log_op(
            &url,
            "modify(replicateSingleObject)",
            dn,
            "base",
            "",
            false,
            started,
            &logged,
        );
        let result = result?;
        if result.rc != 0 {
            return Err(result_error(dn, result.rc, &result.text));
        }
        Ok(())
    }

    async fn swap_dacl(
        &mut self,
        dn: &str,
        expected: &[u8],
        sd: &[u8],
    ) -> Result<Swap, DirectoryError> {
        let attr = b"nTSecurityDescriptor".to_vec();
        let (result, _) = self
            .modify_following(
                "modify(delete+add nTSecurityDescriptor)",
                dn,
                vec![
                    Mod::Delete(attr.clone(), HashSet::from([expected.to_vec()])),
                    Mod::Add(attr, HashSet::from([sd.to_vec()])),
                ],
            )
            .await?;
        let outcome = match result.rc {
            0 => Swap::Written,
            // noSuchAttribute: the value read is no longer there.
            16 => Swap::Changed,
            // unwillingToPerform / unavailableCriticalExtension.
            53 | 12 => Swap::Unsupported,
            rc => return Err(result_error(dn, rc, &result.text)),
        };
        tracing::debug!(dn, ?outcome, "conditional write");
        Ok(outcome)
    }
}

/// The scope's name in the log.
fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Base => "base",
        Scope::OneLevel => "one",
        Scope::Subtree => "subtree",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn referral_urls_name_their_host_and_dn() {
        use super::{url_dn, url_host};
        let url = "ldap://East.Corp.Example/DC=east,DC=corp,DC=example";
        assert_eq!(url_host(url).as_deref(), Some("east.corp.example"));
        assert_eq!(url_dn(url).as_deref(), Some("DC=east,DC=corp,DC=example"));
        assert_eq!(
            url_dn("ldaps://127.0.0.5:636/OU=Sales%20EMEA,DC=east,DC=corp?sub").as_deref(),
            Some("OU=Sales EMEA,DC=east,DC=corp")
        );
        assert_eq!(url_host("ldaps://[::1]:636/x").as_deref(), Some("::1"));
        assert_eq!(
            url_host("ldaps://127.0.0.5:636").as_deref(),
            Some("127.0.0.5")
        );
        assert_eq!(url_dn("ldaps://host"), None);
        assert_eq!(url_dn("ldaps://host/"), None);
        assert_eq!(url_host("https://host/x"), None);
        // A broken escape is kept as written, not a panic.
        assert_eq!(url_dn("ldap://h/CN=a%2").as_deref(), Some("CN=a%2"));
    }

    #[test]
    fn authority_of_ldap_urls() {
        use super::authority;
        assert_eq!(
            authority("ldaps://dc1.corp.example").as_deref(),
            Some("dc1.corp.example:636")
        );
        assert_eq!(
            authority("ldap://10.0.0.1:3268/").as_deref(),
            Some("10.0.0.1:3268")
        );
        assert_eq!(authority("LDAPS://[::1]").as_deref(), Some("[::1]:636"));
        assert_eq!(
            authority("ldaps://[::1]:1636").as_deref(),
            Some("[::1]:1636")
        );
        assert_eq!(authority("https://x"), None);
        assert_eq!(authority("ldaps://"), None);
    }
}
