//! Forest routing: each operation goes to the DC of the domain that holds
//! its DN (connected on first use, same TLS rules and credentials);
//! referrals and continuation references are followed only to DCs of the
//! forest; DCs of other domains are located through DNS (SRV) and the
//! Global Catalog is opened when asked for.

use std::collections::HashSet;
use std::time::Instant;

use ldap3::{Mod, SearchEntry};

use super::connection::{map_error, open, result_error};
use super::url::{refs_of, url_dn, url_host, url_host_bracketed};
use super::wire::{ldap_scope, log_op, scope_name, sd_flags_control, to_entry};
use super::{ConnectOptions, LdapDirectory};
use crate::backend::{DcSource, DirectoryError, Entry, Scope, domain_of};

/// Most referrals (and continuation references) followed for one
/// operation, so that two DCs referring to each other cannot loop.
pub(super) const MAX_HOPS: usize = 8;

/// Most searches one search may fan out to through continuation
/// references (one per domain of a large forest).
const MAX_SEARCHES: usize = 256;

/// Which connection an operation goes to: the DC signed in to, or the DC
/// of another domain of the forest (index into the forest's domains).
pub(super) type Via = Option<usize>;

/// The outcome of one search on one DC: its entries, the continuation
/// references it returned, and its result (code, referral URLs, text).
pub(super) struct RawSearch {
    pub(super) entries: Vec<Entry>,
    pub(super) continuations: Vec<String>,
    pub(super) rc: u32,
    pub(super) refs: Vec<String>,
    pub(super) text: String,
}

impl LdapDirectory {
    /// The connection `dn` belongs on: its domain's DC, or this one.
    pub(super) fn via(&self, dn: &str) -> Via {
        let domain = domain_of(dn, &self.forest)?;
        if domain.nc.eq_ignore_ascii_case(&self.home_nc) || domain.source == DcSource::Connected {
            return None;
        }
        self.forest.iter().position(|d| std::ptr::eq(d, domain))
    }

    pub(super) fn url_of(&self, via: Via) -> String {
        match via {
            None => self.url.clone(),
            Some(i) => self.forest[i].server.clone(),
        }
    }

    /// The open connection of `via`, connecting (same TLS rules and
    /// credentials) on first use.
    pub(super) async fn conn(&mut self, via: Via) -> Result<ldap3::Ldap, DirectoryError> {
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
    pub(super) fn referral_target(&self, url: &str, dn: &str) -> Result<Via, DirectoryError> {
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
    pub(super) async fn raw_search(
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
    pub(super) async fn search_following(
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

    /// A modify of `dn`'s descriptor on its domain's DC, following a
    /// referral to the forest's DC it names.
    pub(super) async fn modify_following(
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
    pub(super) async fn locate(
        &self,
        dns: &str,
        names: &[String],
    ) -> (String, DcSource, Option<String>) {
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
    pub(super) async fn global_catalog(&mut self) -> Option<ldap3::Ldap> {
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
