//! The OUs and containers under a target, as far as they matter to the
//! users below: inheritance disabled, explicit inheritable denies, and how
//! many entries each passes down (where the grant's inherited entries sit
//! in a user's DACL).

use std::collections::HashMap;

use crate::ad::access;
use crate::ad::{Ace, AceFlags, SecurityDescriptor};
use crate::backend::{Directory, DirectoryError};

/// What one container contributes to the users below it.
#[derive(Clone, Debug, Default)]
pub(super) struct Container {
    pub(super) dn: String,
    protected: bool,
    /// Explicit inheritable deny entries, to name where a deny comes from.
    denies: Vec<Ace>,
    /// How many explicit entries it passes to a child (CI or OI), and to a
    /// grandchild or below (not NO_PROPAGATE): the size of its block in
    /// the inherited part of a user's DACL.
    passes: (usize, usize),
}

/// The containers under one target, by lower-case DN.
#[derive(Clone, Debug, Default)]
pub struct Containers(HashMap<String, Container>);

const CONTAINER_FILTER: &str =
    "(|(objectClass=organizationalUnit)(objectClass=container)(objectClass=domainDNS))";

/// Reads the OUs and containers under `target` (DACL only).
pub async fn containers<D: Directory>(
    dir: &mut D,
    target: &str,
) -> Result<Containers, DirectoryError> {
    let mut out = Containers::default();
    dir.search_paged(
        target,
        CONTAINER_FILTER,
        &["nTSecurityDescriptor"],
        true,
        &mut |e| {
            let Some(sd) = e
                .first("nTSecurityDescriptor")
                .and_then(|b| SecurityDescriptor::from_bytes(b).ok())
            else {
                return;
            };
            let denies = sd
                .dacl
                .iter()
                .flat_map(|d| d.aces.iter())
                .filter(|a| {
                    access::is_deny(a)
                        && !a.is_inherited()
                        && a.flags.has(AceFlags::CONTAINER_INHERIT)
                })
                .cloned()
                .collect();
            let inheritable = |a: &&Ace| {
                !a.is_inherited()
                    && (a.flags.has(AceFlags::CONTAINER_INHERIT)
                        || a.flags.has(AceFlags::OBJECT_INHERIT))
            };
            let explicit = sd.dacl.iter().flat_map(|d| d.aces.iter());
            let child = explicit.clone().filter(inheritable).count();
            let below = explicit
                .filter(inheritable)
                .filter(|a| !a.flags.has(AceFlags::NO_PROPAGATE_INHERIT))
                .count();
            out.0.insert(
                e.dn.to_ascii_lowercase(),
                Container {
                    protected: sd.dacl_protected(),
                    dn: e.dn,
                    denies,
                    passes: (child, below),
                },
            );
        },
    )
    .await?;
    Ok(out)
}

impl Containers {
    /// OUs and containers with inheritance disabled, other than `target`.
    pub fn protected(&self, target: &str) -> Vec<String> {
        let mut v: Vec<String> = self
            .0
            .values()
            .filter(|c| c.protected && !c.dn.eq_ignore_ascii_case(target))
            .map(|c| c.dn.clone())
            .collect();
        v.sort();
        v
    }

    /// The nearest parent of `dn` below `target` that is not among the
    /// OUs and containers read (its descriptor unreadable, or another
    /// class of object).
    pub fn unread_above<'a>(&self, dn: &'a str, target: &str) -> Option<&'a str> {
        // The DC spells the DNs it returns one way (and targets are
        // tidied the same way): a parent longer than the target lies
        // below it.
        ancestors(dn)
            .take_while(|p| p.len() > target.len())
            .find(|p| !self.0.contains_key(&p.to_ascii_lowercase()))
    }

    /// Where in the DACL of the user `dn` the entries a grant on `target`
    /// take their place, as a DC orders inherited entries (MS-DTYP 2.5.3.4:
    /// the parent's first, then the grandparent's): after the user's
    /// explicit entries (`explicit` of them), the blocks of the containers
    /// between the target and the user, and the target's own explicit
    /// inheritable entries. None when a container on the way is unknown.
    pub(super) fn grant_position(&self, dn: &str, target: &str, explicit: usize) -> Option<usize> {
        let mut at = explicit;
        for (level, p) in ancestors(dn).enumerate() {
            let c = self.0.get(&p.to_ascii_lowercase())?;
            at += if level == 0 { c.passes.0 } else { c.passes.1 };
            if crate::ad::dn::same(p, target) {
                return Some(at);
            }
        }
        None
    }

    /// The DN of the nearest container above `dn`, below `target`, whose
    /// inheritance is disabled.
    pub fn blocked_above_dn(&self, dn: &str, target: &str) -> Option<&str> {
        self.blocked_above(dn, target).map(|c| c.dn.as_str())
    }

    /// The nearest container above `dn`, below `target`, whose inheritance
    /// is disabled.
    pub(super) fn blocked_above(&self, dn: &str, target: &str) -> Option<&Container> {
        ancestors(dn)
            .take_while(|p| !p.eq_ignore_ascii_case(target))
            .find_map(|p| self.0.get(&p.to_ascii_lowercase()).filter(|c| c.protected))
    }

    /// The nearest container above `dn` (up to and including `target`) that
    /// holds an explicit inheritable entry like `deny`.
    pub(super) fn deny_source(&self, dn: &str, target: &str, deny: &Ace) -> Option<String> {
        for p in ancestors(dn) {
            if let Some(c) = self.0.get(&p.to_ascii_lowercase())
                && c.denies.iter().any(|a| same_entry(a, deny))
            {
                return Some(c.dn.clone());
            }
            if p.eq_ignore_ascii_case(target) {
                break;
            }
        }
        None
    }
}

/// The same entry apart from its inheritance flags.
fn same_entry(a: &Ace, b: &Ace) -> bool {
    a.ace_type == b.ace_type
        && a.mask() == b.mask()
        && a.sid() == b.sid()
        && a.object_type() == b.object_type()
        && a.inherited_object_type() == b.inherited_object_type()
}

/// The parents of a DN, nearest first (escaped commas respected).
pub fn ancestors(dn: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(parent_dn(dn), |p| parent_dn(p))
}

/// The parent of a DN (None for a single RDN).
pub fn parent_dn(dn: &str) -> Option<&str> {
    let mut escaped = false;
    for (i, c) in dn.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            ',' if !escaped => return Some(dn[i + 1..].trim_start()),
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_respect_escaped_commas() {
        let dn = r"CN=Doe\, John,OU=Sales\,EU,DC=corp,DC=example";
        let all: Vec<&str> = ancestors(dn).collect();
        assert_eq!(
            all,
            vec![
                r"OU=Sales\,EU,DC=corp,DC=example",
                "DC=corp,DC=example",
                "DC=example"
            ]
        );
    }
}
