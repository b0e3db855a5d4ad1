//! One token per domain: a DC puts into the connector's token the
//! domain-local and BUILTIN groups of *its own* domain (MS-ADTS 3.1.1.4.2,
//! MS-PAC): `tokenGroups` read on a DC of the account's domain holds that
//! domain's ones. For another domain of the forest, those are taken out
//! and that domain's domain-local and BUILTIN groups holding the connector
//! or one of its groups (through their foreign security principals,
//! transitively) are read from that domain's DC and put in. Also the
//! connector's facts (its token, its computed state) and whether its
//! token holds Unexpire password on a domain root.

use super::{Account, TaskError, read_dacl};
use crate::ad::Sid;
use crate::ad::access::{Right, Token};
use crate::ad::grant::guids;
use crate::backend::{Directory, DirectoryError, Entry, Scope};

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

/// Whether `token` holds Unexpire password on the domain root `root` now.
pub async fn unexpire_held<D: Directory>(
    dir: &mut D,
    root: &str,
    token: &Token,
) -> Result<bool, TaskError> {
    let (_, sd) = read_dacl(dir, root).await?;
    Ok(crate::ad::access::check(
        &sd,
        guids::DOMAIN_DNS,
        token,
        false,
        &[Right::Extended(guids::UNEXPIRE_PASSWORD)],
    )[0]
    .allowed())
}

/// What the DC says of the connector account: its token and computed state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectorFacts {
    /// Its SID, primary group, groups, sIDHistory and the logon SIDs.
    pub token: Token,
    /// msDS-User-Account-Control-Computed: locked out.
    pub locked_out: bool,
    /// msDS-User-Account-Control-Computed: password expired.
    pub password_expired: bool,
    /// The groups came from `tokenGroupsNoGCAcceptable` (`tokenGroups`
    /// could not be read): universal groups of other domains may be
    /// missing.
    pub groups_without_gc: bool,
}

/// Reads the connector's token and computed account state with a base
/// search on the account: its primary group, `tokenGroups` (else
/// `tokenGroupsNoGCAcceptable`, said as a warning), `sIDHistory`, and the
/// logon SIDs every network token carries. Groups that cannot be read are
/// an error ([`TaskError::TokenUnreadable`]), never an empty token: every
/// account has at least its primary group.
pub async fn connector_facts<D: Directory>(
    dir: &mut D,
    account: &Account,
) -> Result<ConnectorFacts, TaskError> {
    let sid: Sid = account.sid.parse().map_err(|_| TaskError::BadData {
        dn: account.dn.clone(),
        what: "objectSid".into(),
    })?;
    let sids = |entry: &Entry, attr: &str| -> Vec<Sid> {
        entry
            .attrs
            .get(&attr.to_ascii_lowercase())
            .map(|v| v.iter().filter_map(|b| Sid::from_bytes(b).ok()).collect())
            .unwrap_or_default()
    };
    let entry = read_account(
        dir,
        &account.dn,
        &[
            "tokenGroups",
            "msDS-User-Account-Control-Computed",
            "primaryGroupID",
            "sIDHistory",
        ],
    )
    .await?;
    let mut groups = sids(&entry, "tokenGroups");
    let mut groups_without_gc = false;
    if groups.is_empty() {
        let fallback = read_account(dir, &account.dn, &["tokenGroupsNoGCAcceptable"]).await?;
        groups = sids(&fallback, "tokenGroupsNoGCAcceptable");
        groups_without_gc = true;
    }
    if groups.is_empty() {
        return Err(TaskError::TokenUnreadable {
            dn: account.dn.clone(),
        });
    }
    let primary = entry
        .text("primaryGroupID")
        .and_then(|t| t.trim().parse::<u32>().ok())
        .and_then(|rid| sid.parent()?.with_rid(rid));
    groups.extend(primary);
    groups.extend(sids(&entry, "sIDHistory"));
    let computed: u32 = entry
        .text("msDS-User-Account-Control-Computed")
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0);
    Ok(ConnectorFacts {
        token: Token::new(sid, groups),
        locked_out: computed & 0x10 != 0,
        password_expired: computed & 0x80_0000 != 0,
        groups_without_gc,
    })
}

/// One base read of the account; a refusal or an LDAP error gives an
/// empty entry (what could not be read is judged by the caller).
async fn read_account<D: Directory>(
    dir: &mut D,
    dn: &str,
    attrs: &[&str],
) -> Result<Entry, TaskError> {
    match dir
        .search(dn, Scope::Base, "(objectClass=*)", attrs, false)
        .await
    {
        Ok(mut entries) if !entries.is_empty() => Ok(entries.remove(0)),
        Ok(_)
        | Err(DirectoryError::Ldap { .. })
        | Err(DirectoryError::InsufficientRights { .. }) => Ok(Entry::default()),
        Err(e) => Err(e.into()),
    }
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
