//! Paged subtree searches (1,000 entries a page) on the DC of the base's
//! domain, following a referral to the forest's DC it names.

use std::time::Instant;

use ldap3::SearchEntry;
use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};

use super::LdapDirectory;
use super::connection::{map_error, result_error};
use super::routing::{MAX_HOPS, Via};
use super::url::url_dn;
use super::wire::{log_op, sd_flags_control, to_entry};
use crate::backend::{DirectoryError, Entry};

impl LdapDirectory {
    /// A paged subtree search on the DC of `base`'s domain, following a
    /// referral (result 10) to the DC of the forest's domain it names.
    /// Continuation references are not followed: a paged scan covers one
    /// domain, and every domain in scope is scanned through its own DC.
    pub(super) async fn search_paged_following(
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

    pub(super) async fn paged_once(
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
}
