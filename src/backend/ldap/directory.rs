//! [`Directory`] for [`LdapDirectory`]: each operation routed to its
//! domain's DC, descriptors written DACL-only.

use std::collections::HashSet;
use std::time::Instant;

use ldap3::{Mod, SearchEntry};

use super::LdapDirectory;
use super::connection::{map_error, result_error};
use super::url::url_host_bracketed;
use super::wire::{log_op, to_entry};
use crate::backend::{
    DcSource, Directory, DirectoryError, DomainName, DomainServer, Entry, ForestDomain, Scope, Swap,
};

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
