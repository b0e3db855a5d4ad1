//! One token per domain: a DC puts into the connector's token the
//! domain-local and BUILTIN groups of *its own* domain (MS-ADTS 3.1.1.4.2,
//! MS-PAC): `tokenGroups` read on a DC of the account's domain holds that
//! domain's ones. For another domain of the forest, those are taken out
//! and that domain's domain-local and BUILTIN groups holding the connector
//! or one of its groups (through their foreign security principals,
//! transitively) are read from that domain's DC and put in.

use super::TaskError;
use crate::ad::Sid;
use crate::ad::access::Token;
use crate::backend::{Directory, DirectoryError, Scope};

/// groupType bit of a domain-local group (BUILTIN groups carry it too).
const DOMAIN_LOCAL: &str = "(groupType:1.2.840.113556.1.4.803:=4)";

/// The most searches the transitive walk makes in one domain.
const MAX_ROUNDS: usize = 16;

/// Whether `sid` is a BUILTIN alias (S-1-5-32-x).
fn is_builtin(sid: &Sid) -> bool {
    sid.authority() == 5 && sid.sub_authorities().first() == Some(&32)
}

/// An LDAP filter value for a binary SID (every byte escaped).
fn sid_value(sid: &Sid) -> String {
    sid.to_bytes()
        .iter()
        .map(|b| format!("\\{b:02x}"))
        .collect()
}

/// The domain-local groups (not BUILTIN) of the domain `nc` among `sids`.
async fn domain_locals<D: Directory>(
    dir: &mut D,
    nc: &str,
    sids: &[Sid],
) -> Result<Vec<Sid>, TaskError> {
    let wanted: Vec<&Sid> = sids.iter().filter(|s| !is_builtin(s)).collect();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let any: String = wanted
        .iter()
        .map(|s| format!("(objectSid={})", sid_value(s)))
        .collect();
    let filter = format!("(&(objectClass=group){DOMAIN_LOCAL}(|{any}))");
    let found = dir
        .search(nc, Scope::Subtree, &filter, &["objectSid"], false)
        .await?;
    Ok(found
        .iter()
        .filter_map(|e| e.first("objectSid").and_then(|b| Sid::from_bytes(b).ok()))
        .collect())
}

/// The connector as its own domain's DC sees it.
#[derive(Clone, Copy, Debug)]
pub struct Home<'a> {
    /// Its token there (`tokenGroups` read on a DC of its domain).
    pub token: &'a Token,
    /// The naming context of its domain.
    pub nc: &'a str,
    /// Its DN.
    pub dn: &'a str,
}

/// The connector's token as the DC of the domain `nc` builds it, from its
/// token at `home`. Members of that domain's groups are matched through
/// their foreign security principals (accounts and groups of other
/// forests, well-known SIDs such as Authenticated Users) and by the
/// connector's own DN (a member of another domain of the same forest).
pub async fn token_for_domain<D: Directory>(
    dir: &mut D,
    home: &Home<'_>,
    nc: &str,
) -> Result<Token, TaskError> {
    let (home_nc, account_dn, home) = (home.nc, home.dn, home.token);
    if crate::ad::dn::same(home_nc, nc) {
        return Ok(home.clone());
    }
    // What every DC adds (user, global and universal groups, sIDHistory,
    // logon SIDs): the home token without its domain's domain-local and
    // BUILTIN groups.
    let home_locals = domain_locals(dir, home_nc, home.sids()).await?;
    let base: Vec<Sid> = home
        .sids()
        .iter()
        .filter(|s| !is_builtin(s) && !home_locals.contains(s))
        .copied()
        .collect();
    // That domain's domain-local and BUILTIN groups holding one of them,
    // through its foreign security principals, then groups holding those.
    // (Well-known SIDs such as Authenticated Users are members through
    // foreign security principals too: BUILTIN\Users holds S-1-5-11.)
    let mut members: Vec<String> = base
        .iter()
        .map(|s| format!("CN={s},CN=ForeignSecurityPrincipals,{nc}"))
        .collect();
    members.push(account_dn.to_string());
    let mut added: Vec<Sid> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        if members.is_empty() {
            break;
        }
        let any: String = members
            .iter()
            .map(|m| format!("(member={})", crate::task::permissions::escape_filter(m)))
            .collect();
        let filter = format!("(&(objectClass=group){DOMAIN_LOCAL}(|{any}))");
        let found = match dir
            .search(nc, Scope::Subtree, &filter, &["objectSid"], false)
            .await
        {
            Ok(found) => found,
            Err(DirectoryError::NoSuchObject { .. }) => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        members.clear();
        for e in found {
            let key = crate::ad::dn::normalize(&e.dn);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            if let Some(sid) = e.first("objectSid").and_then(|b| Sid::from_bytes(b).ok()) {
                added.push(sid);
            }
            members.push(e.dn);
        }
    }
    Ok(Token::new(home.user(), base.into_iter().chain(added)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sids_are_escaped_byte_by_byte() {
        let sid: Sid = "S-1-5-32-548".parse().unwrap();
        assert_eq!(
            sid_value(&sid),
            "\\01\\02\\00\\00\\00\\00\\00\\05\\20\\00\\00\\00\\24\\02\\00\\00"
        );
        assert!(is_builtin(&sid));
    }
}
