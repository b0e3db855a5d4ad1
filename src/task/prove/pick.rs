//! Choosing the pilot user, before anything changes: it exists in the
//! tenant, is synced from AD, is not the signed-in account, is found on
//! premises, and is not privileged unless that is allowed. The password
//! rules the generated password must respect are read here too.

use serde::Serialize;

use super::{Progress, ProveError, tenant_error};
use crate::ad::password::Rules;
use crate::backend::tenant::{CloudUser, PilotTenant};
use crate::backend::{Directory, DirectoryError, Entry, Scope};
use crate::task::permissions::escape_filter;

/// Why a pilot user is privileged: refused unless the admin allows it
/// (then shown as warnings before confirming). Microsoft documents that a
/// reset of a protected account is not written back (the connector may
/// not change it) and that resetting an administrator needs Privileged
/// Authentication Administrator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "warning", rename_all = "kebab-case")]
pub enum PilotWarning {
    /// The user holds directory roles (through groups too).
    AdminRoles {
        /// The roles' names.
        roles: Vec<String>,
    },
    /// Its roles could not be read.
    RolesUnknown,
    /// `adminCount=1` in AD: AdminSDHolder protects it.
    AdminCount,
    /// It is a member of a protected group in AD.
    ProtectedGroup {
        /// The group (name or SID).
        group: String,
    },
    /// It is the account the wizard is bound to AD with.
    BindAccount,
}

/// How [`pick_with`] checks a user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PickOptions {
    /// Test a privileged user all the same (`--allow-privileged`).
    pub allow_privileged: bool,
    /// The account bound to AD (a DN, UPN, `DOMAIN\\name` or name), to
    /// refuse it as pilot.
    pub bind_account: Option<String>,
}

/// A checked pilot user, ready to test.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pilot {
    /// The user in the cloud.
    pub user: CloudUser,
    /// Its DN in Active Directory.
    pub dn: String,
    /// Its `pwdLastSet` now (FILETIME, 100 ns since 1601; 0: must change
    /// at next logon).
    pub pwd_last_set: i64,
    /// Warnings to show before confirming (privileges allowed).
    pub warnings: Vec<PilotWarning>,
    /// What the generated password respects (the domain's and the PSO's
    /// minimum length, the names it must not contain).
    #[serde(skip)]
    pub rules: Rules,
}

const USER_ATTRS: [&str; 7] = [
    "pwdLastSet",
    "sAMAccountName",
    "userPrincipalName",
    "adminCount",
    "memberOf",
    "displayName",
    "msDS-ResultantPSO",
];

pub(super) fn pwd_last_set_of(e: &Entry) -> i64 {
    e.text("pwdLastSet")
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0)
}

/// Finds the user in AD: by `onPremisesDistinguishedName`, else by
/// `onPremisesSamAccountName`, else by UPN (the on-premises one, then the
/// cloud's); a name that matches several users is not taken.
async fn find_on_premises<D: Directory>(
    dir: &mut D,
    user: &CloudUser,
) -> Result<Entry, ProveError> {
    let mut tried = Vec::new();
    if let Some(dn) = &user.on_premises_dn {
        tried.push(dn.clone());
        match dir
            .search(dn, Scope::Base, "(objectClass=user)", &USER_ATTRS, false)
            .await
        {
            Ok(found) => {
                if let Some(e) = found.into_iter().next() {
                    return Ok(e);
                }
            }
            Err(DirectoryError::NoSuchObject { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let root = dir
        .search(
            "",
            Scope::Base,
            "(objectClass=*)",
            &["defaultNamingContext"],
            false,
        )
        .await?
        .first()
        .and_then(|e| e.text("defaultNamingContext"))
        .unwrap_or_default();
    let mut names: Vec<(&str, String)> = Vec::new();
    if let Some(sam) = &user.on_premises_sam {
        names.push(("sAMAccountName", sam.clone()));
    }
    if let Some(upn) = &user.on_premises_upn {
        names.push(("userPrincipalName", upn.clone()));
    }
    if !user.user_principal_name.is_empty() {
        names.push(("userPrincipalName", user.user_principal_name.clone()));
    }
    for (attr, value) in names {
        tried.push(format!("{attr}={value}"));
        let filter = format!(
            "(&(objectCategory=person)(objectClass=user)({attr}={}))",
            escape_filter(&value)
        );
        let found = dir
            .search(&root, Scope::Subtree, &filter, &USER_ATTRS, false)
            .await?;
        if let [one] = found.as_slice() {
            return Ok(one.clone());
        }
    }
    Err(ProveError::NotInDirectory {
        user: user.user_principal_name.clone(),
        tried,
    })
}

/// Protected groups by RID in the builtin domain (S-1-5-32-RID) or the
/// user's domain: AdminSDHolder's list (Administrators, Account, Server,
/// Print and Backup Operators, Replicator; Domain Admins, Domain
/// Controllers, Schema Admins, Enterprise Admins, Read-only Domain
/// Controllers, Key Admins, Enterprise Key Admins).
const PROTECTED_BUILTIN: [u32; 6] = [544, 548, 549, 550, 551, 552];
const PROTECTED_DOMAIN: [u32; 7] = [512, 516, 518, 519, 521, 526, 527];
/// The same groups by their default names (for `memberOf` when
/// `tokenGroups` cannot be read).
const PROTECTED_NAMES: [&str; 13] = [
    "Administrators",
    "Account Operators",
    "Server Operators",
    "Print Operators",
    "Backup Operators",
    "Replicator",
    "Domain Admins",
    "Domain Controllers",
    "Schema Admins",
    "Enterprise Admins",
    "Read-only Domain Controllers",
    "Key Admins",
    "Enterprise Key Admins",
];

/// The protected groups the user is in: through `tokenGroups` (nested
/// membership, SIDs) when it can be read, else its direct `memberOf`.
async fn protected_groups<D: Directory>(dir: &mut D, entry: &Entry) -> Vec<String> {
    let mut found = Vec::new();
    if let Ok(e) = dir
        .search(
            &entry.dn,
            Scope::Base,
            "(objectClass=*)",
            &["tokenGroups"],
            false,
        )
        .await
    {
        for raw in e
            .first()
            .and_then(|e| e.attrs.get("tokengroups"))
            .into_iter()
            .flatten()
        {
            let Ok(sid) = crate::ad::Sid::from_bytes(raw) else {
                continue;
            };
            let builtin = sid.authority() == 5 && sid.sub_authorities().first() == Some(&32);
            let hit = match sid.rid() {
                Some(rid) if builtin => PROTECTED_BUILTIN.contains(&rid),
                Some(rid) => {
                    sid.sub_authorities().first() == Some(&21) && PROTECTED_DOMAIN.contains(&rid)
                }
                None => false,
            };
            if hit {
                found.push(sid.to_string());
            }
        }
    }
    for group in entry.texts("memberOf") {
        let cn = group
            .split(',')
            .next()
            .and_then(|rdn| rdn.split_once('='))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default();
        if PROTECTED_NAMES.iter().any(|n| n.eq_ignore_ascii_case(&cn)) {
            found.push(cn);
        }
    }
    found
}

/// Whether `entry` is the account named `bind` (a DN, a UPN, a
/// `DOMAIN\\name` or a bare account name).
fn is_bind_account(entry: &Entry, bind: &str) -> bool {
    let bind = bind.trim();
    if bind.is_empty() {
        return false;
    }
    let name = bind.rsplit('\\').next().unwrap_or(bind);
    entry.dn.eq_ignore_ascii_case(bind)
        || entry
            .text("userPrincipalName")
            .is_some_and(|u| u.eq_ignore_ascii_case(bind))
        || entry
            .text("sAMAccountName")
            .is_some_and(|s| s.eq_ignore_ascii_case(name))
}

/// The minimum password lengths that apply to `entry`: the domain's
/// `minPwdLength` and its resultant PSO's `msDS-MinimumPasswordLength`
/// (each only when it can be read).
async fn minimum_lengths<D: Directory>(dir: &mut D, entry: &Entry) -> Vec<u32> {
    let mut lengths = Vec::new();
    if let Some(root) = base_text(dir, "", "defaultNamingContext").await {
        lengths.extend(base_number(dir, &root, "minPwdLength").await);
    }
    if let Some(pso) = entry.text("msDS-ResultantPSO") {
        lengths.extend(base_number(dir, &pso, "msDS-MinimumPasswordLength").await);
    }
    lengths
}

/// Attribute `attribute` of the object `dn` itself, when it can be read.
async fn base_text<D: Directory>(dir: &mut D, dn: &str, attribute: &str) -> Option<String> {
    dir.search(dn, Scope::Base, "(objectClass=*)", &[attribute], false)
        .await
        .ok()
        .and_then(|found| found.first().and_then(|e| e.text(attribute)))
}

/// [`base_text`] as a number.
async fn base_number<D: Directory>(dir: &mut D, dn: &str, attribute: &str) -> Option<u32> {
    base_text(dir, dn, attribute)
        .await
        .and_then(|t| t.trim().parse().ok())
}

/// [`pick_with`] with the defaults: privileged users refused.
pub async fn pick<T: PilotTenant, D: Directory>(
    tenant: &mut T,
    dir: &mut D,
    user: &str,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Pilot, ProveError> {
    pick_with(tenant, dir, user, &PickOptions::default(), progress).await
}

/// Checks a pilot user before anything changes: it exists, is synced from
/// AD, is not the signed-in account, and is found in AD (its `pwdLastSet`
/// read). A privileged user (directory roles, roles that cannot be read,
/// `adminCount=1`, a protected group, the bind account) is refused unless
/// `options.allow_privileged`; then the reasons are warnings.
pub async fn pick_with<T: PilotTenant, D: Directory>(
    tenant: &mut T,
    dir: &mut D,
    user: &str,
    options: &PickOptions,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Pilot, ProveError> {
    let user = user.trim();
    progress(Progress::FindingUser);
    let cloud = tenant
        .find_user(user)
        .await
        .map_err(|e| tenant_error(e, user, false))?;
    if let Some(me) = tenant.signed_in_user() {
        if me.eq_ignore_ascii_case(&cloud.user_principal_name) || me.eq_ignore_ascii_case(user) {
            return Err(ProveError::OwnAccount(cloud.user_principal_name.clone()));
        }
    }
    if !cloud.synced {
        return Err(ProveError::NotSynced(cloud.user_principal_name.clone()));
    }
    let mut warnings = match &cloud.admin_roles {
        Some(roles) if roles.is_empty() => Vec::new(),
        Some(roles) => vec![PilotWarning::AdminRoles {
            roles: roles.clone(),
        }],
        None => vec![PilotWarning::RolesUnknown],
    };
    progress(Progress::ReadingDirectory);
    let entry = find_on_premises(dir, &cloud).await?;
    if entry.text("adminCount").is_some_and(|t| t.trim() == "1") {
        warnings.push(PilotWarning::AdminCount);
    }
    for group in protected_groups(dir, &entry).await {
        let w = PilotWarning::ProtectedGroup { group };
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    if options
        .bind_account
        .as_deref()
        .is_some_and(|b| is_bind_account(&entry, b))
    {
        warnings.push(PilotWarning::BindAccount);
    }
    if !warnings.is_empty() && !options.allow_privileged {
        return Err(ProveError::Privileged {
            user: cloud.user_principal_name.clone(),
            reasons: warnings,
        });
    }
    let minimums = minimum_lengths(dir, &entry).await;
    let display = entry.text("displayName").or(cloud.display_name.clone());
    let rules = Rules::for_user(
        &minimums,
        entry
            .text("sAMAccountName")
            .or(cloud.on_premises_sam.clone())
            .as_deref(),
        display.as_deref(),
    );
    Ok(Pilot {
        pwd_last_set: pwd_last_set_of(&entry),
        dn: entry.dn,
        user: cloud,
        warnings,
        rules,
    })
}
