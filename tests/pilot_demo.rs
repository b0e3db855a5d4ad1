//! The demo organization implements the pilot test and the diagnosis with
//! the same task code: before the three steps a reset fails (writeback is
//! off), after them a synced user's pwdLastSet moves (proven), a user step
//! 1 cannot reach fails with hr=80230626 (linked to its step-1 finding and
//! logged as event 33004 on the demo Connect server), and a stalled
//! Connect server leaves the test unproven.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use writeback_wizard::audit::Trail;
use writeback_wizard::backend::demo::{
    DEMO_CLOUD_ONLY, DEMO_CONNECTOR, DEMO_PILOT, DEMO_TENANT_USER, DemoOrg,
};
use writeback_wizard::backend::tenant::{PilotTenant, SsprScope};
use writeback_wizard::profile::GrantOptions;
use writeback_wizard::task::access::Reason;
use writeback_wizard::task::diagnose::{self, Cause};
use writeback_wizard::task::permissions as perm;
use writeback_wizard::task::prove::{self, Cancel, Options, Outcome, ProveError, Role, Unproven};
use writeback_wizard::task::{portal, sync};

fn block_on<F: Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn fast() -> Options {
    Options {
        cloud_timeout: Duration::from_secs(5),
        directory_wait: Duration::from_millis(100),
        poll: Duration::from_millis(5),
        clock_skew: Duration::ZERO,
    }
}

/// The demo's clock (as a headless run fixes it).
const CLOCK: u64 = 1_764_000_000;

fn org() -> DemoOrg {
    let org = DemoOrg::new(Duration::ZERO);
    org.fix_clock(UNIX_EPOCH + Duration::from_secs(CLOCK));
    org
}

fn trail() -> Trail {
    Trail::new(None).fixed_at(UNIX_EPOCH + Duration::from_secs(CLOCK))
}

/// Steps 1–3 on the demo organization.
async fn enable_everything(org: &DemoOrg) -> writeback_wizard::task::access::Audit {
    let mut dir = org.directory();
    let options = GrantOptions {
        connector_account: DEMO_CONNECTOR.into(),
        ..GrantOptions::default()
    };
    let discovery = perm::discover(&mut dir).await.unwrap();
    let plan = perm::plan(&mut dir, &discovery, &options, &mut |_| {})
        .await
        .unwrap();
    // One folder per call: the tests run in parallel within a second.
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let backups = std::env::temp_dir().join(format!("wbw-pilot-demo-{}-{n}", std::process::id()));
    perm::apply(
        &mut dir,
        &plan,
        &options,
        "demo",
        &backups,
        &Trail::new(None),
        &mut |_| {},
    )
    .await
    .unwrap();
    sync::set(&mut org.sync_server(), true, &Trail::new(None), &mut |_| {})
        .await
        .unwrap();
    portal::set(&mut org.tenant(), true, &Trail::new(None), &mut |_| {})
        .await
        .unwrap();
    perm::verify(&mut dir, &options, &mut |_| {})
        .await
        .unwrap()
        .1
}

async fn test_user(org: &DemoOrg, upn: &str) -> Result<prove::Report, ProveError> {
    let mut tenant = org.tenant();
    let mut dir = org.directory();
    let pilot = prove::pick(&mut tenant, &mut dir, upn, &mut |_| {}).await?;
    prove::run(
        &mut tenant,
        &mut dir,
        &pilot,
        &fast(),
        &trail(),
        &Cancel::new(),
        &mut |_| {},
    )
    .await
}

#[test]
fn before_the_steps_the_reset_fails_with_writeback_off() {
    let org = org();
    let report = block_on(test_user(&org, DEMO_PILOT)).unwrap();
    match report.outcome {
        Outcome::Failed { cause, .. } => assert_eq!(cause, Cause::WritebackDisabled),
        other => panic!("{other:?}"),
    }
}

#[test]
fn after_the_steps_the_pilot_is_proven_and_its_pwd_last_set_moves() {
    let org = org();
    block_on(async {
        enable_everything(&org).await;
        let dn = format!(
            "CN=Bob Nguyen,OU=Staff,{}",
            writeback_wizard::backend::demo::DEMO_ROOT
        );
        let before = org.pwd_last_set(&dn).unwrap();
        let report = test_user(&org, DEMO_PILOT).await.unwrap();
        assert_eq!(report.outcome, Outcome::Proven, "{report:?}");
        assert!(org.pwd_last_set(&dn).unwrap() > before);
        // Deterministic on the fixed clock: 4 s after it.
        assert_eq!(report.pwd_last_set_after, "2025-11-24T16:00:04Z");
        assert_eq!(report.started, "2025-11-24T16:00:00Z");
        assert!(report.new_password.is_some());
        // The demo Connect server logged the write.
        let events = diagnose::run(
            &mut org.sync_server(),
            "demo".into(),
            SystemTime::UNIX_EPOCH,
            &mut |_| {},
        )
        .await
        .unwrap();
        assert!(events.entries.iter().any(|d| d.event.id == 31019));
    });
}

#[test]
fn a_user_step_1_cannot_reach_fails_and_links_to_its_finding() {
    let org = org();
    block_on(async {
        let audit = enable_everything(&org).await;
        let report = test_user(&org, "reception-desk@contoso.com").await.unwrap();
        match &report.outcome {
            Outcome::Failed { cause, detail } => {
                assert_eq!(*cause, Cause::AccessDenied);
                assert!(detail.as_deref().unwrap().contains("80230626"));
            }
            other => panic!("{other:?}"),
        }
        let linked = report.linked(&audit).expect("step 1 has a finding");
        assert_eq!(linked.reason, Reason::CannotChangePassword);
        // The event log says the same, and names the user.
        let diag = diagnose::run(
            &mut org.sync_server(),
            "demo".into(),
            UNIX_EPOCH,
            &mut |_| {},
        )
        .await
        .unwrap();
        let newest = &diag.entries[0];
        assert_eq!(newest.event.id, 33004);
        assert_eq!(newest.cause, Cause::AccessDenied);
        assert_eq!(
            newest.linked(&audit).map(|u| &u.reason),
            Some(&Reason::CannotChangePassword)
        );
    });
}

#[test]
fn a_stalled_connect_server_leaves_it_unproven() {
    let org = org();
    block_on(async {
        enable_everything(&org).await;
        org.stall_writeback(true);
        let report = test_user(&org, DEMO_PILOT).await.unwrap();
        assert_eq!(
            report.outcome,
            Outcome::Unproven {
                why: Unproven::DirectoryUnchanged
            }
        );
    });
}

#[test]
fn refusals_on_the_demo_tenant() {
    let org = org();
    block_on(async {
        enable_everything(&org).await;
        let e = test_user(&org, DEMO_CLOUD_ONLY).await.unwrap_err();
        assert!(matches!(e, ProveError::NotSynced(_)), "{e:?}");
        let e = test_user(&org, DEMO_TENANT_USER).await.unwrap_err();
        assert!(matches!(e, ProveError::OwnAccount(_)), "{e:?}");
        let e = test_user(&org, "nobody@contoso.com").await.unwrap_err();
        assert!(matches!(e, ProveError::UserNotFound(_)), "{e:?}");
        // An admin: refused at pick; allowed, warned at pick and refused
        // (403) at the reset.
        let mut tenant = org.tenant();
        let mut dir = org.directory();
        let e = prove::pick(&mut tenant, &mut dir, "adm-jdoe@contoso.com", &mut |_| {})
            .await
            .unwrap_err();
        assert!(matches!(e, ProveError::Privileged { .. }), "{e:?}");
        let allow = prove::PickOptions {
            allow_privileged: true,
            ..Default::default()
        };
        let pilot = prove::pick_with(
            &mut tenant,
            &mut dir,
            "adm-jdoe@contoso.com",
            &allow,
            &mut |_| {},
        )
        .await
        .unwrap();
        assert!(
            matches!(
                pilot.warnings.as_slice(),
                [prove::PilotWarning::AdminRoles { .. }, ..]
            ),
            "{:?}",
            pilot.warnings
        );
        let e = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &fast(),
            &trail(),
            &Cancel::new(),
            &mut |_| {},
        )
        .await
        .unwrap_err();
        assert_eq!(
            e,
            ProveError::RoleMissing(Role::PrivilegedAuthenticationAdministrator)
        );
    });
}

#[test]
fn the_demo_event_log_and_sspr_policy() {
    let org = org();
    block_on(async {
        let diag = diagnose::run(
            &mut org.sync_server(),
            "demo".into(),
            UNIX_EPOCH,
            &mut |_| {},
        )
        .await
        .unwrap();
        let causes: Vec<&Cause> = diag.entries.iter().map(|d| &d.cause).collect();
        assert!(causes.contains(&&Cause::AccessDenied));
        assert!(causes.contains(&&Cause::ServiceBus));
        assert!(causes.contains(&&Cause::Unknown));
        // A narrow window keeps only the recent entries.
        let recent = diagnose::run(
            &mut org.sync_server(),
            "demo".into(),
            UNIX_EPOCH + Duration::from_secs(CLOCK - 30 * 60),
            &mut |_| {},
        )
        .await
        .unwrap();
        assert!(recent.entries.len() < diag.entries.len());

        let mut tenant = org.tenant();
        let (o, _) = portal::sspr_check(&mut tenant).await;
        assert_eq!(o, writeback_wizard::task::permissions::Outcome::Ok);
        org.set_sspr_scope(SsprScope::Nobody);
        assert_eq!(tenant.sspr_scope().await.unwrap(), SsprScope::Nobody);
        let (o, _) = portal::sspr_check(&mut tenant).await;
        assert_eq!(o, writeback_wizard::task::permissions::Outcome::Warning);
    });
}

#[test]
fn the_test_is_in_the_runbook_and_the_log_table_without_the_password() {
    use writeback_wizard::runbook::{Runbook, html, md, text};
    writeback_wizard::localize::init(Some("en"));
    let org = org();
    block_on(async {
        enable_everything(&org).await;
        let mut tenant = org.tenant();
        let mut dir = org.directory();
        let pilot = prove::pick(&mut tenant, &mut dir, DEMO_PILOT, &mut |_| {})
            .await
            .unwrap();
        let trail = trail().demo(true);
        let report = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &fast(),
            &trail,
            &Cancel::new(),
            &mut |_| {},
        )
        .await
        .unwrap();
        let password = report.new_password.clone().unwrap();
        let records = trail.records();
        assert_eq!(records.len(), 1);
        let lines = text::settings(&records[0]);
        assert_eq!(
            lines,
            vec![
                format!("pilot user: {DEMO_PILOT}"),
                "result: Proven: the reset in the cloud reached Active Directory".to_string(),
                "the cloud's operation: succeeded".to_string(),
                "pwdLastSet in Active Directory: 2025-10-01T08:00:00Z → 2025-11-24T16:00:04Z"
                    .to_string(),
            ]
        );
        let rb = Runbook {
            lang: "en".into(),
            generated: "2025-11-24T16:00:00Z".into(),
            demo: true,
            environment: "demo".into(),
            run: String::new(),
            purpose: Vec::new(),
            prerequisites: Vec::new(),
            steps: Vec::new(),
            changes: records.clone(),
            verification: Vec::new(),
            undo: Vec::new(),
        };
        let page = html::render(&rb);
        assert!(
            page.contains("Pilot test (cloud reset → Active Directory) — test"),
            "{page}"
        );
        assert!(page.contains("2025-11-24T16:00:04Z"));
        assert!(!page.contains(password.expose()));
        let markdown = md::render(&rb, "images");
        assert!(markdown.contains(DEMO_PILOT));
        assert!(!markdown.contains(password.expose()));
        let table = writeback_wizard::cli::report::table(&records);
        assert!(table.contains("Pilot test"), "{table}");
        assert!(!table.contains(password.expose()));
    });
}
