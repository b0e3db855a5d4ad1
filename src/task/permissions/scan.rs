//! The user scan: every user under the targets judged by the access check
//! of the connector's token on its own descriptor (pre-flight predicts,
//! verify reads what is).

use super::token::{connector_facts, unexpire_held};
use super::{
    Account, Audit, BlockedOu, Discovery, Phase, Progress, TaskError, discover, find_account,
    read_dacl, targets,
};
use crate::ad::access::Token;
use crate::ad::grant::{TargetKind, WritebackGrant};
use crate::backend::{Directory, Scope};
use crate::profile::GrantOptions;
use crate::task::access::{Containers, DomainAudit, Judge, Mode, Verdict};

const USER_FILTER: &str = "(&(objectCategory=person)(objectClass=user))";

/// Paged scan of every user under `targets` (DACL only): the access check
/// of the connector's token on each user's own descriptor, streaming
/// progress ("x of N users carry the permission", N growing page by page).
/// `predict` judges the users as they will be once the targets carry the
/// grant (pre-flight); otherwise as they are now (verify). `home` is the
/// connector's token on a DC of its own domain; the users of another
/// domain are judged with the token that domain's DC builds
/// ([`super::token::token_for_domain`]).
pub async fn audit_users<D: Directory>(
    dir: &mut D,
    home: &super::Home<'_>,
    discovery: &Discovery,
    options: &GrantOptions,
    targets: &[String],
    predict: bool,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Audit, TaskError> {
    progress(Progress::Phase(Phase::ScanningUsers));
    let started = std::time::Instant::now();
    let sets = crate::task::access::property_sets(dir, &discovery.schema_naming_context).await?;
    let psos = if predict {
        psos_with_min_age(dir, &discovery.domains).await
    } else {
        Vec::new()
    };
    let grant = WritebackGrant::new(home.token.user(), options.inetorgperson);
    let mut tokens: Vec<(String, Token)> = Vec::new();
    let mut audit = Audit::default();
    let mut seen = std::collections::HashSet::new();
    // The most specific targets first: a user below two targets is judged
    // under the nearer one, whose grant it inherits first.
    let mut ordered: Vec<&String> = targets.iter().collect();
    ordered.sort_by_key(|t| std::cmp::Reverse(crate::task::access::ancestors(t).count()));
    // Over several domains: each user is judged under the targets of its
    // own domain only (a grant does not cross a domain's boundary), and
    // counted per domain.
    let forest = discovery.forest.len() > 1;
    let mut target_domains: Vec<String> = targets
        .iter()
        .map(|t| discovery.domain_nc_of(t).to_ascii_lowercase())
        .collect();
    target_domains.sort();
    target_domains.dedup();
    let several = target_domains.len() > 1;
    for target in ordered {
        let kind = TargetKind::of(target, &discovery.domains);
        if kind == TargetKind::AdminSdHolder {
            continue;
        }
        let target_nc = discovery.domain_nc_of(target);
        let known = tokens
            .iter()
            .position(|(nc, _)| crate::ad::dn::same(nc, &target_nc));
        let at = match known {
            Some(at) => at,
            None => {
                let t = super::token::token_for_domain(dir, home, &target_nc).await?;
                tokens.push((target_nc.clone(), t));
                tokens.len() - 1
            }
        };
        let token = &tokens[at].1;
        let (scanned0, carrying0, blocked0) =
            (audit.scanned, audit.carrying, audit.blocked.len() as u64);
        let containers: Containers = crate::task::access::containers(dir, target).await?;
        let mode = if predict {
            Mode::Predict
        } else {
            let (_, sd) = read_dacl(dir, target).await?;
            let status = sd.dacl.as_ref().map(|d| grant.clone().on(kind).status(d));
            Mode::Actual {
                target_granted: sd.dacl.is_none()
                    || status.is_some_and(|s| {
                        !s.missing
                            .iter()
                            .any(|e| matches!(e.reach, crate::ad::grant::Reach::Descendants(_)))
                    }),
            }
        };
        let judge = Judge {
            token,
            rights: sets.rights(),
            inet_org_person: options.inetorgperson,
            target,
            containers: &containers,
            mode,
        };
        // SDProp stamps AdminSDHolder's DACL on every account still in a
        // protected group: those are judged by it (with the grant when
        // pre-flight plans one there), after the scan.
        let holder = adminsdholder_dacl(dir, &target_nc, targets, token, predict, options).await;
        let mut admins: Vec<crate::backend::Entry> = Vec::new();
        let mut awaiting = 0u64;
        let mut below: std::collections::BTreeMap<String, u64> = containers
            .protected(target)
            .into_iter()
            .filter(|dn| !targets.iter().any(|t| t.eq_ignore_ascii_case(dn)))
            .map(|dn| (dn, 0))
            .collect();
        let mut attrs = vec![
            "nTSecurityDescriptor",
            "adminCount",
            "sAMAccountName",
            "objectClass",
            "objectSid",
        ];
        if !psos.is_empty() {
            attrs.push("msDS-ResultantPSO");
        }
        dir.search_paged(target, USER_FILTER, &attrs, true, &mut |e| {
            if forest
                && !discovery
                    .domain_nc_of(&e.dn)
                    .eq_ignore_ascii_case(&target_nc)
            {
                return;
            }
            if !seen.insert(e.dn.to_ascii_lowercase()) {
                return;
            }
            audit.scanned += 1;
            if e.texts("objectClass")
                .iter()
                .any(|c| c.eq_ignore_ascii_case("inetOrgPerson"))
            {
                audit.inet_org_person += 1;
            }
            if let Some(ou) = containers.blocked_above_dn(&e.dn, target)
                && let Some(n) = below.get_mut(ou)
            {
                *n += 1;
            }
            if let Some(pso) = e.text("msDS-ResultantPSO")
                && psos.iter().any(|p| p.eq_ignore_ascii_case(&pso))
            {
                audit.pso_min_age += 1;
            }
            if e.text("adminCount").is_some_and(|v| v.trim() == "1") {
                admins.push(e);
                return;
            }
            match judge.user(&e) {
                Verdict::Ok => audit.carrying += 1,
                Verdict::Blocked(u) => audit.blocked.push(u),
                Verdict::AwaitingGrant => awaiting += 1,
            }
            progress(Progress::Users {
                done: audit.scanned,
                carrying: audit.carrying,
            });
        })
        .await?;
        for mut e in admins {
            if let Some(sd) = &holder
                && protected_member(dir, &e).await
            {
                e.attrs
                    .insert("ntsecuritydescriptor".into(), vec![sd.clone()]);
            }
            match judge.user(&e) {
                Verdict::Ok => audit.carrying += 1,
                Verdict::Blocked(u) => audit.blocked.push(u),
                Verdict::AwaitingGrant => awaiting += 1,
            }
        }
        if awaiting > 0 {
            audit.ungranted.push(crate::task::access::UngrantedTarget {
                target: target.clone(),
                users: awaiting,
            });
        }
        if several {
            let domain = discovery
                .forest_domain_of(&target_nc)
                .map_or_else(|| target_nc.clone(), |d| d.dns.clone());
            let server = dir.server_for(target);
            let row = match audit.domains.iter_mut().find(|d| d.domain == domain) {
                Some(row) => row,
                None => {
                    audit.domains.push(DomainAudit {
                        domain,
                        server,
                        ..DomainAudit::default()
                    });
                    audit.domains.last_mut().expect("just pushed")
                }
            };
            row.scanned += audit.scanned - scanned0;
            row.carrying += audit.carrying - carrying0;
            row.blocked += audit.blocked.len() as u64 - blocked0;
        }
        // Only those with users below: an empty one (AdminSDHolder, say)
        // keeps nobody out of reach.
        audit.blocked_ous.extend(
            below
                .into_iter()
                .filter(|(_, users)| *users > 0)
                .map(|(dn, users)| BlockedOu { dn, users }),
        );
    }
    audit.seconds = started.elapsed().as_secs_f64();
    Ok(audit)
}

/// The descriptor SDProp would stamp on the protected accounts of the
/// domain `nc`: AdminSDHolder's DACL, protected from inheritance, with the
/// grant's entries for the object itself when pre-flight plans a grant on
/// it. None when it cannot be read (the accounts are then judged as they
/// are).
async fn adminsdholder_dacl<D: Directory>(
    dir: &mut D,
    nc: &str,
    targets: &[String],
    token: &Token,
    predict: bool,
    options: &GrantOptions,
) -> Option<Vec<u8>> {
    let holder = format!("CN=AdminSDHolder,CN=System,{nc}");
    let (_, mut sd) = read_dacl(dir, &holder).await.ok()?;
    let planned = targets
        .iter()
        .any(|t| crate::ad::dn::is_adminsdholder(t, Some(nc)));
    if predict
        && planned
        && let Some(dacl) = &sd.dacl
    {
        let grant =
            WritebackGrant::new(token.user(), options.inetorgperson).on(TargetKind::AdminSdHolder);
        sd.dacl = Some(grant.apply(dacl).0);
    }
    sd.control.0 |= crate::ad::Control::DACL_PROTECTED;
    sd.to_bytes().ok()
}

/// Domain groups (RIDs) whose members SDProp protects: Domain Admins,
/// Domain Controllers, Schema Admins, Enterprise Admins, Read-only Domain
/// Controllers, Key Admins, Enterprise Key Admins; and BUILTIN aliases:
/// Administrators, Account, Server, Print and Backup Operators, Replicator
/// (MS-ADTS 3.1.1.6.1.2).
const PROTECTED_GROUP_RIDS: [u32; 7] = [512, 516, 518, 519, 521, 526, 527];
const PROTECTED_BUILTIN_RIDS: [u32; 6] = [544, 548, 549, 550, 551, 552];

/// Whether the account `e` (adminCount=1) is still in a protected group
/// (or is Administrator or krbtgt), from its `tokenGroups` read on its
/// domain's DC. Unknown counts as protected: SDProp keeps it so.
async fn protected_member<D: Directory>(dir: &mut D, e: &crate::backend::Entry) -> bool {
    let own = e
        .first("objectSid")
        .and_then(|b| crate::ad::Sid::from_bytes(b).ok());
    if own
        .and_then(|s| s.rid())
        .is_some_and(|r| r == 500 || r == 502)
    {
        return true;
    }
    let Ok(found) = dir
        .search(
            &e.dn,
            Scope::Base,
            "(objectClass=*)",
            &["tokenGroups"],
            false,
        )
        .await
    else {
        return true;
    };
    let groups: Vec<crate::ad::Sid> = found
        .first()
        .and_then(|f| f.attrs.get("tokengroups"))
        .map(|v| {
            v.iter()
                .filter_map(|b| crate::ad::Sid::from_bytes(b).ok())
                .collect()
        })
        .unwrap_or_default();
    if groups.is_empty() {
        return true;
    }
    let domain = own.and_then(|s| s.parent());
    groups.iter().any(|g| {
        let (Some(rid), Some(parent)) = (g.rid(), g.parent()) else {
            return false;
        };
        let builtin = g.authority() == 5 && g.sub_authorities() == [32, rid];
        (Some(parent) == domain || parent.sub_authorities().first() == Some(&21))
            && PROTECTED_GROUP_RIDS.contains(&rid)
            || builtin && PROTECTED_BUILTIN_RIDS.contains(&rid)
    })
}

/// The password settings objects (fine-grained policies) whose minimum
/// password age is above zero; none when they cannot be read.
async fn psos_with_min_age<D: Directory>(dir: &mut D, domains: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for d in domains {
        let base = format!("CN=Password Settings Container,CN=System,{d}");
        let Ok(entries) = dir
            .search(
                &base,
                Scope::OneLevel,
                "(objectClass=msDS-PasswordSettings)",
                &["msDS-MinimumPasswordAge"],
                false,
            )
            .await
        else {
            continue;
        };
        out.extend(
            entries
                .into_iter()
                .filter(|e| {
                    e.text("msDS-MinimumPasswordAge")
                        .and_then(|t| t.trim().parse::<i64>().ok())
                        .is_some_and(|v| v != 0)
                })
                .map(|e| e.dn),
        );
    }
    out
}
/// Verify: what the connector can do on every user under the targets now.
pub async fn verify<D: Directory>(
    dir: &mut D,
    options: &GrantOptions,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<(Account, Audit), TaskError> {
    progress(Progress::Phase(Phase::Discovering));
    let discovery = discover(dir).await?;
    progress(Progress::Phase(Phase::FindingAccount));
    let account = find_account(dir, &discovery, &options.connector_account).await?;
    let facts = connector_facts(dir, &account).await?;
    let targets = targets(options, &discovery);
    let home_nc = discovery.domain_nc_of(&account.dn);
    let home = super::Home {
        token: &facts.token,
        nc: &home_nc,
        dn: &account.dn,
    };
    let mut audit = audit_users(dir, &home, &discovery, options, &targets, false, progress).await?;
    // Unexpire password on each domain root in scope: without it a reset
    // written back leaves "must change password at next logon".
    let mut roots: Vec<String> = Vec::new();
    for t in &targets {
        let nc = discovery.domain_nc_of(t);
        if !roots.iter().any(|r| crate::ad::dn::same(r, &nc)) {
            roots.push(nc);
        }
    }
    for root in roots {
        let token = super::token::token_for_domain(dir, &home, &root).await?;
        if !unexpire_held(dir, &root, &token).await? {
            audit.unexpire_missing.push(root);
        }
    }
    Ok((account, audit))
}
