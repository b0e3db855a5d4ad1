//! The user scan: every user under the targets judged by the access check
//! of the connector's token on its own descriptor (pre-flight predicts,
//! verify reads what is).

use super::{
    Account, Audit, BlockedOu, Discovery, GrantOptions, Phase, Progress, TaskError,
    connector_facts, discover, find_account, read_dacl, targets,
};
use crate::ad::access::Token;
use crate::ad::grant::{TargetKind, WritebackGrant};
use crate::backend::{Directory, Scope};
use crate::task::access::{Containers, DomainAudit, Judge, Mode, Verdict};

const USER_FILTER: &str = "(&(objectCategory=person)(objectClass=user))";

/// Paged scan of every user under `targets` (DACL only): the access check
/// of the connector's token on each user's own descriptor, streaming
/// progress ("x of N users carry the permission", N growing page by page).
/// `predict` judges the users as they will be once the targets carry the
/// grant (pre-flight); otherwise as they are now (verify).
pub async fn audit_users<D: Directory>(
    dir: &mut D,
    token: &Token,
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
    let grant = WritebackGrant::new(token.user(), options.inetorgperson);
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
    let audit = audit_users(
        dir,
        &facts.token,
        &discovery,
        options,
        &targets,
        false,
        progress,
    )
    .await?;
    Ok((account, audit))
}
