//! The demo organization runs the real task code: pre-flight finds its
//! protected users, grant edits its real security descriptors, inheritance
//! reaches its users, rollback restores them; Connect and portal switch.

use std::time::{Duration, SystemTime};

use writeback_wizard::audit::{Action, Outcome as AuditOutcome, Plane, Trail};
use writeback_wizard::backend::demo::{DEMO_CONNECTOR, DEMO_ROOT, DemoOrg};
use writeback_wizard::profile::GrantOptions;
use writeback_wizard::task::permissions::{self as perm, Finding, Outcome, Reason};
use writeback_wizard::task::{portal, sync};

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

#[test]
fn preflight_lists_the_users_the_grant_cannot_reach() {
    let org = DemoOrg::new(Duration::ZERO);
    let mut dir = org.directory();
    let (discovery, checks) =
        block_on(perm::check(&mut dir, &options(), true, true, &mut |_| {})).unwrap();
    assert_eq!(discovery.default_naming_context, DEMO_ROOT);
    // The demo forest has a second domain (issue 14); the grant stays on
    // the first unless --forest.
    assert_eq!(
        discovery.domains,
        vec![
            DEMO_ROOT.to_string(),
            "DC=emea,DC=contoso,DC=com".to_string()
        ]
    );
    assert!(
        checks.iter().all(|c| c.outcome != Outcome::Blocking),
        "{checks:#?}"
    );
    let mut unreached: Vec<(&str, &Reason)> = checks
        .iter()
        .find_map(|c| match &c.finding {
            Finding::UsersOutOfReach { users, .. } => Some(
                users
                    .iter()
                    .map(|u| (u.sam_account_name.as_str(), &u.reason))
                    .collect(),
            ),
            _ => None,
        })
        .unwrap();
    unreached.sort_by_key(|(name, _)| *name);
    let contractors = format!("OU=Contractors,{DEMO_ROOT}");
    assert_eq!(
        unreached,
        vec![
            ("Administrator", &Reason::AdminCount),
            ("adm-jdoe", &Reason::AdminCount),
            ("ext-hugo.lefevre", &Reason::ClassNotCovered),
            (
                "ivan.petrov",
                &Reason::BlockedAbove {
                    ou: contractors.clone()
                }
            ),
            ("kiosk-lobby", &Reason::InheritanceDisabled),
        ]
    );
    // "User cannot change password" is its own finding: resets are
    // written back, password changes are not.
    assert!(checks.iter().any(|c| match &c.finding {
        Finding::CannotChangePassword { users } =>
            users.len() == 1 && users[0].sam_account_name == "reception-desk",
        _ => false,
    }));
    assert!(checks.iter().any(|c| match &c.finding {
        Finding::BlockedOus { ous } =>
            ous.len() == 1 && ous[0].dn == contractors && ous[0].users == 1,
        _ => false,
    }));
    assert!(checks.iter().any(|c| matches!(
        c.finding,
        Finding::InetOrgPerson {
            count: 1,
            covered: false
        }
    )));
}

#[test]
fn grant_reaches_users_and_rollback_restores_the_bytes() {
    let org = DemoOrg::new(Duration::ZERO);
    let mut dir = org.directory();
    let backups = std::env::temp_dir().join(format!("wbw-demo-test-{}", std::process::id()));
    let trail = Trail::new(None).fixed_at(SystemTime::UNIX_EPOCH);
    block_on(async {
        let (before, _) = perm::read_dacl(&mut dir, DEMO_ROOT).await.unwrap();
        let discovery = perm::discover(&mut dir).await.unwrap();
        let (_, audit) = perm::verify(&mut dir, &options(), &mut |_| {})
            .await
            .unwrap();
        assert_eq!(audit.carrying, 0, "{audit:#?}");
        // Before the grant the root's users are said once for the root.
        assert_eq!(audit.ungranted.len(), 1, "{audit:#?}");
        assert_eq!(audit.ungranted[0].target, DEMO_ROOT);

        let plan = perm::plan(&mut dir, &discovery, &options(), &mut |_| {})
            .await
            .unwrap();
        assert_eq!(plan.targets[0].added.len(), 4);
        let results = perm::apply(
            &mut dir,
            &plan,
            &options(),
            "demo",
            &backups,
            &trail,
            &mut |_| {},
        )
        .await
        .unwrap();
        assert_eq!(results[0].added.len(), 4);

        let (_, audit) = perm::verify(&mut dir, &options(), &mut |_| {})
            .await
            .unwrap();
        // 14 users: 2 admins, the kiosk (inheritance disabled), the
        // contractor (OU with inheritance disabled), the reception desk
        // ("User cannot change password") and the inetOrgPerson one (not
        // covered without --inetorgperson) are out of reach.
        assert_eq!((audit.scanned, audit.carrying), (14, 8), "{audit:#?}");
        assert_eq!(audit.blocked.len(), 6);
        assert!(audit.ungranted.is_empty());
        let desk = audit
            .blocked
            .iter()
            .find(|u| u.sam_account_name == "reception-desk")
            .unwrap();
        assert_eq!(desk.rights, vec!["change-password"]);

        let again = perm::plan(&mut dir, &discovery, &options(), &mut |_| {})
            .await
            .unwrap();
        assert!(again.is_noop());

        let server = writeback_wizard::backend::Directory::server(&dir);
        let saved = perm::load_backups(&backups, None, &server, DEMO_ROOT).unwrap();
        perm::rollback(&mut dir, &saved, DEMO_ROOT, "demo", &trail, &mut |_| {})
            .await
            .unwrap();
        // Both writes are in the audit trail: SDDL before → after, the
        // ACEs, the backup.
        let records = trail.records();
        assert_eq!(records.len(), 2, "{records:#?}");
        assert_eq!(records[0].action, Action::Grant);
        assert_eq!(records[0].added.len(), 4);
        assert_eq!(records[0].target.dn.as_deref(), Some(DEMO_ROOT));
        assert_eq!(records[0].time, "1970-01-01T00:00:00Z");
        assert_ne!(records[0].before, records[0].after);
        assert_eq!(records[1].action, Action::Rollback);
        assert_eq!(records[1].after, records[0].before, "restored exactly");
        assert_eq!(records[1].removed, records[0].added);
        assert!(
            records
                .iter()
                .all(|r| r.result == AuditOutcome::Ok && r.backup.is_some())
        );
        let (after, _) = perm::read_dacl(&mut dir, DEMO_ROOT).await.unwrap();
        assert_eq!(after, before);
        let (_, audit) = perm::verify(&mut dir, &options(), &mut |_| {})
            .await
            .unwrap();
        assert_eq!(audit.carrying, 0);
    });
    let _ = std::fs::remove_dir_all(backups);
}

#[test]
fn connect_and_portal_switch_and_read_back() {
    let org = DemoOrg::new(Duration::ZERO);
    block_on(async {
        let mut server = org.sync_server();
        assert!(!sync::status(&mut server).await.unwrap().writeback);
        let mut steps = Vec::new();
        let trail = Trail::new(None);
        let state = sync::set(&mut server, true, &trail, &mut |p| steps.push(p))
            .await
            .unwrap();
        assert!(state.writeback);
        assert_eq!(steps.len(), 3);
        // Switching again changes nothing and records nothing.
        sync::set(&mut server, true, &trail, &mut |_| {})
            .await
            .unwrap();
        let records = trail.records();
        assert_eq!(records.len(), 1, "{records:#?}");
        assert_eq!(records[0].plane, Plane::Connect);
        assert_eq!(records[0].before["password_writeback"], false);
        assert_eq!(records[0].after["password_writeback"], true);
        let mut tenant = org.tenant();
        let portal_trail = Trail::new(None);
        let policy = portal::set(&mut tenant, true, &portal_trail, &mut |_| {})
            .await
            .unwrap();
        assert!(policy.writeback && policy.unlock);
        portal::set(&mut tenant, true, &portal_trail, &mut |_| {})
            .await
            .unwrap();
        let policy = portal::set(&mut tenant, false, &portal_trail, &mut |_| {})
            .await
            .unwrap();
        assert!(!policy.writeback && !policy.unlock);
        // On and off are recorded; the re-run is not.
        let records = portal_trail.records();
        assert_eq!(records.len(), 2, "{records:#?}");
        assert_eq!(records[0].plane, Plane::Portal);
        assert_eq!(records[0].before["unlock"], false);
        assert_eq!(records[0].after["unlock"], true);
        assert_eq!(
            records[0].account.as_deref(),
            Some("helpdesk-admin@contoso.onmicrosoft.com")
        );
    });
}

#[test]
fn a_null_dacl_is_refused_and_left_as_it_was() {
    use writeback_wizard::ad::SecurityDescriptor;
    use writeback_wizard::backend::Directory;
    use writeback_wizard::task::permissions::TaskError;
    let org = DemoOrg::new(Duration::ZERO);
    let mut dir = org.directory();
    let staff = format!("OU=Staff,{DEMO_ROOT}");
    let options = GrantOptions {
        targets: vec![staff.clone()],
        ..options()
    };
    block_on(async {
        let (_, sd) = perm::read_dacl(&mut dir, &staff).await.unwrap();
        let mut open = sd.clone();
        open.dacl = None;
        open.control.0 &= !writeback_wizard::ad::Control::DACL_PRESENT;
        dir.write_dacl(&staff, &open.to_bytes().unwrap())
            .await
            .unwrap();
        let (before, now) = perm::read_dacl(&mut dir, &staff).await.unwrap();
        assert!(now.dacl.is_none(), "the demo stores a NULL DACL");
        let discovery = perm::discover(&mut dir).await.unwrap();
        let err = perm::plan(&mut dir, &discovery, &options, &mut |_| {})
            .await
            .expect_err("a NULL DACL is refused");
        assert!(
            matches!(err, TaskError::NullDacl { ref dn } if *dn == staff),
            "{err:?}"
        );
        let (after, sd) = perm::read_dacl(&mut dir, &staff).await.unwrap();
        assert_eq!(after, before);
        assert!(
            SecurityDescriptor::from_bytes(&after)
                .unwrap()
                .dacl
                .is_none()
                && sd.dacl.is_none()
        );
    });
}

#[test]
fn an_acl_over_64_kb_is_refused() {
    use writeback_wizard::ad::{Ace, sddl};
    use writeback_wizard::backend::Directory;
    use writeback_wizard::task::permissions::TaskError;
    let org = DemoOrg::new(Duration::ZERO);
    let mut dir = org.directory();
    let staff = format!("OU=Staff,{DEMO_ROOT}");
    let options = GrantOptions {
        targets: vec![staff.clone()],
        ..options()
    };
    block_on(async {
        let (_, mut sd) = perm::read_dacl(&mut dir, &staff).await.unwrap();
        // Fill the DACL to just under 64 KB with distinct entries.
        let dacl = sd.dacl.as_mut().unwrap();
        let mut rid = 5000u32;
        while dacl.binary_len() < 65_535 - 60 {
            let ace: Ace = sddl::parse_ace(
                &format!("(OA;;RP;bf967a0a-0de6-11d0-a285-00aa003049e2;;S-1-5-21-1-2-3-{rid})"),
                None,
            )
            .unwrap();
            if dacl.binary_len() + ace.binary_len() > 65_535 {
                break;
            }
            dacl.aces.insert(0, ace);
            rid += 1;
        }
        dir.write_dacl(&staff, &sd.to_bytes().unwrap())
            .await
            .unwrap();
        let (before, _) = perm::read_dacl(&mut dir, &staff).await.unwrap();
        let discovery = perm::discover(&mut dir).await.unwrap();
        let err = perm::plan(&mut dir, &discovery, &options, &mut |_| {})
            .await
            .expect_err("an ACL over 64 KB is refused");
        assert!(matches!(err, TaskError::AclTooLarge { .. }), "{err:?}");
        assert_eq!(perm::read_dacl(&mut dir, &staff).await.unwrap().0, before);
    });
}
