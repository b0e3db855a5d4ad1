//! The two facts read on one DC: whether each target's descriptor there
//! comes from our write (replication metadata and DACL), and whether a
//! sample of users under it carries the grant's inherited entries.

use super::{Dc, DcFacts, GrantScope, Held, SAMPLE};
use crate::ad::grant::{GrantState, Permission, WritebackGrant, right_of};
use crate::ad::replmeta::{self, ATTID_NT_SECURITY_DESCRIPTOR, AttrMeta};
use crate::ad::{Acl, SecurityDescriptor, Sid};
use crate::backend::{Directory, DirectoryError, Entry, Scope, dn_within};

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
    pub(super) users: Vec<String>,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
