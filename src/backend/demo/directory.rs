//! The demo directory: LDAP operations on the in-memory objects, with
//! the SD-flags and paged-search behaviour of a DC, and (for the second
//! domain) referrals as AD gives them.

use super::*;

/// The demo directory: a connection to the first domain's DC, which
/// refers whatever lies in the second domain to that domain's DC, as AD
/// does (see the `forest` section below).
#[derive(Clone, Debug)]
pub struct DemoDirectory {
    pub(super) org: DemoOrg,
    /// The forest's domains with their DCs, once discovered.
    pub(super) forest: Vec<crate::backend::ForestDomain>,
    /// DCs given per domain.
    pub(super) given: Vec<crate::backend::DomainServer>,
    /// The DC of contoso.com this connection is to, when not DC01.
    pub(super) at: Option<String>,
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

/// The constructed attributes a DC computes for an account: `tokenGroups`
/// and `tokenGroupsNoGCAcceptable` (its stored groups, else its domain's
/// Domain Users, the primary group of every demo user); then the
/// attributes the operator may not read are taken out.
fn constructed(e: &mut Entry, o: &Object, attrs: &[&str], hidden: &[String]) {
    for name in ["tokenGroups", "tokenGroupsNoGCAcceptable"] {
        if !attrs.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            continue;
        }
        let stored = o.attrs.get("tokengroups").cloned().or_else(|| {
            let sid = Sid::from_bytes(o.attrs.get("objectsid")?.first()?).ok()?;
            Some(vec![sid.parent()?.with_rid(513)?.to_bytes()])
        });
        if let Some(groups) = stored {
            e.attrs.insert(name.to_ascii_lowercase(), groups);
        }
    }
    for h in hidden {
        e.attrs.remove(h);
    }
}

impl DemoDirectory {
    pub(super) fn find(
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
            let objects = s.view(self.at.as_deref())?;
            if !objects.contains_key(base) {
                return Err(DirectoryError::NoSuchObject {
                    dn: base.to_string(),
                });
            }
            let suffix = format!(",{}", base.to_ascii_lowercase());
            Ok(objects
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
                .map(|(dn, o)| {
                    let mut e = entry_of(dn, o, attrs, dacl_only);
                    constructed(&mut e, o, attrs, &s.hidden);
                    e
                })
                .collect())
        })
    }
}

impl Directory for DemoDirectory {
    fn server(&self) -> String {
        match &self.at {
            Some(host) => format!("demo://{host}"),
            None => forest::HOME_DC.into(),
        }
    }

    async fn replicate_single_object(
        &mut self,
        source_dsa: &str,
        dn: &str,
    ) -> Result<(), DirectoryError> {
        self.org.pause(2).await;
        match &self.at {
            Some(host) => self.org.pull(host, source_dsa, dn),
            None => Ok(()),
        }
    }

    fn server_for(&self, dn: &str) -> String {
        self.dc_for(dn).to_string()
    }

    fn routes(&self) -> Vec<crate::backend::ForestDomain> {
        self.forest.clone()
    }

    fn set_domain_servers(&mut self, servers: &[crate::backend::DomainServer]) {
        self.given = servers.to_vec();
    }

    async fn set_forest(
        &mut self,
        home: &str,
        domains: &[crate::backend::DomainName],
    ) -> Vec<crate::backend::ForestDomain> {
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
        if self.at.is_some() {
            return Err(DirectoryError::Ldap {
                code: 53,
                dn: dn.to_string(),
                text: "the demo writes through DC01 only".into(),
            });
        }
        let new = SecurityDescriptor::from_bytes(sd).map_err(|e| DirectoryError::Ldap {
            code: 19,
            dn: dn.to_string(),
            text: e.to_string(),
        })?;
        self.org.with(|s| {
            if !s.objects.contains_key(dn) {
                return Err(DirectoryError::NoSuchObject { dn: dn.to_string() });
            }
            s.before_write();
            let obj = s
                .objects
                .get_mut(dn)
                .ok_or_else(|| DirectoryError::NoSuchObject { dn: dn.to_string() })?;
            let keep = !(Control::DACL_PROTECTED | Control::DACL_AUTO_INHERITED);
            obj.sd.control.0 = (obj.sd.control.0 & keep)
                | (new.control.0 & (Control::DACL_PROTECTED | Control::DACL_AUTO_INHERITED));
            obj.sd.dacl = new.dacl;
            s.after_write(dn);
            s.propagate();
            Ok(())
        })
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
