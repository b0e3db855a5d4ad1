//! The connector's token, where the Samba DC cannot show it (issue 23):
//! Samba 4.17's LDAP simple-bind token holds NETWORK but not This
//! Organization (S-1-5-15), so a deny to This Organization is proved on the
//! demo directory; so is an operator who may not read the connector's
//! `tokenGroups` (Samba lets Administrator read it always).

use std::time::Duration;

use writeback_wizard::ad::{SecurityDescriptor, sddl};
use writeback_wizard::backend::Directory;
use writeback_wizard::backend::demo::{DEMO_CONNECTOR, DEMO_DOMAIN_SID, DEMO_ROOT, DemoOrg};
use writeback_wizard::profile::GrantOptions;
use writeback_wizard::task::permissions::{
    self as perm, ConnectorProblem, Finding, Reason, TaskError,
};

fn block_on<F: Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn options() -> GrantOptions {
    GrantOptions {
        connector_account: DEMO_CONNECTOR.into(),
        ..GrantOptions::default()
    }
}

/// Puts `ace` (SDDL) first in the DACL of `dn`.
fn deny_on(org: &DemoOrg, dn: &str, ace: &str) {
    let mut dir = org.directory();
    block_on(async {
        let e = dir
            .search(
                dn,
                writeback_wizard::backend::Scope::Base,
                "(objectClass=*)",
                &["nTSecurityDescriptor"],
                true,
            )
            .await
            .unwrap()
            .remove(0);
        let mut sd = SecurityDescriptor::from_bytes(e.first("nTSecurityDescriptor").unwrap())
            .expect("descriptor");
        let ace = sddl::parse_ace(ace, None).expect("ACE");
        sd.dacl.as_mut().expect("DACL").aces.insert(0, ace);
        dir.write_dacl(dn, &sd.to_bytes().unwrap()).await.unwrap();
    });
}

/// The users pre-flight lists as out of reach, with their reasons.
fn out_of_reach(checks: &[perm::Check]) -> Vec<(String, Reason)> {
    checks
        .iter()
        .find_map(|c| match &c.finding {
            Finding::UsersOutOfReach { users, .. } => Some(
                users
                    .iter()
                    .map(|u| (u.dn.clone(), u.reason.clone()))
                    .collect(),
            ),
            _ => None,
        })
        .expect("users-out-of-reach finding")
}

#[test]
fn a_deny_to_this_organization_or_network_on_an_ou_blocks_the_connector() {
    for trustee in ["S-1-5-15", "S-1-5-2", "S-1-18-1"] {
        let org = DemoOrg::new(Duration::ZERO);
        let staff = format!("OU=Staff,{DEMO_ROOT}");
        deny_on(
            &org,
            &staff,
            &format!(
                "(OD;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;{trustee})"
            ),
        );
        let mut dir = org.directory();
        let (_, checks) =
            block_on(perm::check(&mut dir, &options(), true, true, &mut |_| {})).unwrap();
        let reached = out_of_reach(&checks)
            .iter()
            .filter(|(dn, r)| dn.ends_with(&staff) && matches!(r, Reason::InheritedDeny { .. }))
            .count();
        assert!(reached >= 3, "{trustee}: {checks:#?}");
        let below: Vec<_> = out_of_reach(&checks)
            .into_iter()
            .filter(|(dn, _)| dn.ends_with(&staff))
            .collect();
        assert!(!below.is_empty(), "{trustee}: {checks:#?}");
        // (The lobby kiosk below does not inherit at all.)
        for (dn, reason) in below
            .into_iter()
            .filter(|(_, r)| *r != Reason::InheritanceDisabled)
        {
            assert_eq!(
                reason,
                Reason::InheritedDeny {
                    from: Some(staff.clone())
                },
                "{trustee}: {dn}"
            );
        }
    }
}

#[test]
fn tokengroups_the_operator_may_not_read_is_never_an_empty_token() {
    let org = DemoOrg::new(Duration::ZERO);
    let staff = format!("OU=Staff,{DEMO_ROOT}");
    // A deny to Domain Users (the connector's only group) on an OU.
    deny_on(
        &org,
        &staff,
        &format!(
            "(OD;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;{DEMO_DOMAIN_SID}-513)"
        ),
    );
    // tokenGroups hidden: the groups come from tokenGroupsNoGCAcceptable,
    // said as a warning, and the group deny is still seen.
    org.hide_attributes(&["tokenGroups"]);
    let mut dir = org.directory();
    let (_, checks) = block_on(perm::check(&mut dir, &options(), true, true, &mut |_| {})).unwrap();
    assert!(
        checks.iter().any(|c| c.finding
            == Finding::ConnectorState {
                problem: ConnectorProblem::TokenWithoutGlobalCatalog
            }
            && c.outcome == perm::Outcome::Warning),
        "{checks:#?}"
    );
    let denied = out_of_reach(&checks)
        .into_iter()
        .filter(|(dn, r)| dn.ends_with(&staff) && matches!(r, Reason::InheritedDeny { .. }))
        .count();
    assert!(denied > 0, "{checks:#?}");
    // Neither readable: a clear stop, not "no groups".
    org.hide_attributes(&["tokenGroups", "tokenGroupsNoGCAcceptable"]);
    let mut dir = org.directory();
    let err = block_on(perm::check(&mut dir, &options(), true, true, &mut |_| {})).unwrap_err();
    assert!(
        matches!(&err, TaskError::TokenUnreadable { dn } if dn.contains(DEMO_CONNECTOR) || dn.starts_with("CN=")),
        "{err:?}"
    );
    let err = block_on(perm::verify(&mut dir, &options(), &mut |_| {})).unwrap_err();
    assert!(matches!(err, TaskError::TokenUnreadable { .. }), "{err:?}");
    // Readable again: no warning.
    org.hide_attributes(&[]);
    let mut dir = org.directory();
    let (_, checks) = block_on(perm::check(&mut dir, &options(), true, true, &mut |_| {})).unwrap();
    assert!(!checks.iter().any(|c| c.finding
        == Finding::ConnectorState {
            problem: ConnectorProblem::TokenWithoutGlobalCatalog
        }));
}

#[test]
fn the_demo_forest_is_judged_domain_by_domain() {
    let org = DemoOrg::new(Duration::ZERO);
    let mut dir = org.directory();
    let options = GrantOptions {
        forest: true,
        ..options()
    };
    let (_, checks) = block_on(perm::check(&mut dir, &options, true, true, &mut |_| {}))
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(
        checks.iter().all(|c| c.outcome != perm::Outcome::Blocking),
        "{checks:#?}"
    );
}
