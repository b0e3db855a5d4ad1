//! Issue 25 on the demo organization's three DCs (DC01 and the read-only
//! RODC01 in site HQ, DC02 in site Branch, lagging): the table after a
//! grant, an unreachable DC, an RODC, a DC whose copy differs, the wait
//! (ending, timing out, cancelled) and the pull (done, refused), with the
//! audit records.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use writeback_wizard::audit::{Action, Outcome as AuditOutcome, Plane, Trail};
use writeback_wizard::backend::DirectoryError;
use writeback_wizard::backend::demo::{
    DEMO_CONNECTOR, DEMO_DCS, DEMO_ROOT, DemoDirectory, DemoOrg,
};
use writeback_wizard::profile::GrantOptions;
use writeback_wizard::task::dcs::{
    self, ConnectDc, DcOpener, DcProgress, DcTable, GrantScope, Held, Pulled, WaitEnd,
};
use writeback_wizard::task::permissions as perm;

const DC02: &str = "dc02.contoso.com";
const RODC: &str = "rodc01.contoso.com";

fn block_on<F: Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

struct Opener(DemoOrg);

impl DcOpener for Opener {
    type Dir = DemoDirectory;
    async fn open_dc(&self, host: &str) -> Result<DemoDirectory, DirectoryError> {
        self.0.directory_at(host)
    }
}

fn options() -> GrantOptions {
    GrantOptions {
        connector_account: DEMO_CONNECTOR.into(),
        ..GrantOptions::default()
    }
}

/// The demo with the grant written to DC01, and the grant's scope.
fn granted(org: &DemoOrg) -> GrantScope {
    let mut dir = org.directory();
    static RUN: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let run = RUN.fetch_add(1, Ordering::Relaxed);
    let backups = std::env::temp_dir().join(format!("wbw-dcs-demo-{}-{run}", std::process::id()));
    let trail = Trail::new(None).fixed_at(SystemTime::UNIX_EPOCH);
    block_on(async {
        let discovery = perm::discover(&mut dir).await.unwrap();
        let plan = perm::plan(&mut dir, &discovery, &options(), &mut |_| {})
            .await
            .unwrap();
        perm::apply(
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
        dcs::scope_of(&mut dir, &options()).await.unwrap()
    })
}

fn table(org: &DemoOrg, scope: &GrantScope, connect: ConnectDc) -> DcTable {
    block_on(dcs::table(
        &mut org.directory(),
        &Opener(org.clone()),
        scope,
        connect,
        true,
        &mut |_| {},
    ))
    .unwrap()
}

fn row<'a>(t: &'a DcTable, host: &str) -> &'a dcs::DcFacts {
    t.dcs.iter().find(|f| f.dc.host == host).unwrap()
}

#[test]
fn after_the_grant_the_branch_dc_is_behind_and_the_rodc_is_marked() {
    let org = DemoOrg::new(Duration::ZERO);
    let scope = granted(&org);
    let t = table(
        &org,
        &scope,
        ConnectDc::Preferred(vec![DC02.into(), RODC.into()]),
    );
    assert_eq!(t.dcs.len(), 3, "{t:#?}");
    let first = &t.dcs[0];
    assert!(first.written_to && first.current(), "{first:#?}");
    assert_eq!(first.dc.host, DEMO_DCS[0].host);
    let branch = row(&t, DC02);
    assert_eq!(branch.dc.site, "Branch");
    assert!(branch.unreachable.is_none());
    assert_eq!(branch.replicated, Held::Behind, "{branch:#?}");
    assert_eq!(branch.versions, Some((1, 2)));
    assert_eq!(branch.first_behind.as_deref(), Some(DEMO_ROOT));
    assert!(branch.connect, "DC02 is the Connect server's preferred DC");
    let rodc = row(&t, RODC);
    assert!(rodc.dc.read_only, "{rodc:#?}");
    assert!(
        !rodc.connect,
        "a read-only DC never takes the Connect server's write"
    );
    assert!(rodc.current(), "{rodc:#?}");
    assert!(!t.all_current());
    assert_eq!(t.behind().len(), 1);
    assert!(
        t.sampled >= 2,
        "users are sampled when there are other DCs: {t:#?}"
    );
}

#[test]
fn before_the_grant_no_dc_has_it_and_the_first_says_so() {
    let org = DemoOrg::new(Duration::ZERO);
    let scope = block_on(dcs::scope_of(&mut org.directory(), &options())).unwrap();
    let t = table(&org, &scope, ConnectDc::Locator);
    assert!(t.dcs.iter().all(|f| f.replicated != Held::Yes), "{t:#?}");
    assert!(t.dcs.iter().all(|f| !f.connect));
}

#[test]
fn an_unreachable_dc_is_never_shown_as_fine() {
    let org = DemoOrg::new(Duration::ZERO);
    let scope = granted(&org);
    org.set_dc_lag(DC02, Duration::ZERO);
    org.set_dc_down(RODC, true);
    let t = table(&org, &scope, ConnectDc::Unknown);
    let rodc = row(&t, RODC);
    assert!(rodc.unreachable.is_some(), "{rodc:#?}");
    assert_eq!(
        (rodc.replicated, rodc.propagated),
        (Held::Unknown, Held::Unknown)
    );
    assert!(!rodc.current());
    assert!(!t.all_current());
    assert!(row(&t, DC02).current(), "DC02 without lag has it");
}

#[test]
fn a_dc_whose_copy_differs_is_named() {
    let org = DemoOrg::new(Duration::ZERO);
    let scope = granted(&org);
    org.set_dc_lag(DC02, Duration::ZERO);
    org.set_dc_differs(DC02, true);
    let t = table(&org, &scope, ConnectDc::Unknown);
    let branch = row(&t, DC02);
    assert_eq!(branch.replicated, Held::Differs, "{branch:#?}");
    assert_eq!(branch.versions, Some((2, 2)), "same metadata, other DACL");
    assert!(!t.all_current());
}

fn wait(
    org: &DemoOrg,
    scope: &GrantScope,
    limit: Duration,
    cancel: &AtomicBool,
    progress: &mut (dyn FnMut(DcProgress) + Send),
) -> WaitEnd {
    block_on(dcs::wait(
        &mut org.directory(),
        &Opener(org.clone()),
        scope,
        ConnectDc::Locator,
        true,
        limit,
        Duration::from_millis(200),
        cancel,
        progress,
    ))
    .unwrap()
}

#[test]
fn the_wait_ends_when_the_lagging_dc_has_it() {
    let org = DemoOrg::new(Duration::ZERO);
    org.set_dc_lag(DC02, Duration::from_millis(1500));
    let scope = granted(&org);
    let mut rounds = Vec::new();
    let started = Instant::now();
    let end = wait(
        &org,
        &scope,
        Duration::from_secs(20),
        &AtomicBool::new(false),
        &mut |p| {
            if let DcProgress::Round { current, total, .. } = p {
                rounds.push((current, total));
            }
        },
    );
    assert!(matches!(end, WaitEnd::AllCurrent(_)), "{end:#?}");
    assert!(started.elapsed() >= Duration::from_millis(1000));
    assert_eq!(rounds.first(), Some(&(2, 3)), "{rounds:?}");
    assert_eq!(rounds.last(), Some(&(3, 3)), "{rounds:?}");
}

#[test]
fn the_wait_times_out_naming_the_dcs_behind() {
    let org = DemoOrg::new(Duration::ZERO);
    org.set_dc_lag(DC02, Duration::from_secs(600));
    let scope = granted(&org);
    let end = wait(
        &org,
        &scope,
        Duration::from_millis(700),
        &AtomicBool::new(false),
        &mut |_| {},
    );
    let WaitEnd::TimedOut(t) = &end else {
        panic!("{end:#?}")
    };
    let behind: Vec<&str> = t.behind().iter().map(|f| f.dc.host.as_str()).collect();
    assert_eq!(behind, vec![DC02]);
}

#[test]
fn cancel_during_the_wait_stops_it_with_the_last_table() {
    let org = DemoOrg::new(Duration::ZERO);
    org.set_dc_lag(DC02, Duration::from_secs(600));
    let scope = granted(&org);
    let cancel = AtomicBool::new(false);
    let started = Instant::now();
    let end = wait(&org, &scope, Duration::from_secs(3600), &cancel, &mut |p| {
        if matches!(p, DcProgress::Round { .. }) {
            cancel.store(true, Ordering::Relaxed);
        }
    });
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "cancelled promptly"
    );
    let WaitEnd::Cancelled(t) = &end else {
        panic!("{end:#?}")
    };
    assert_eq!(row(t, DC02).replicated, Held::Behind);
}

#[test]
fn the_pull_brings_the_lagging_dc_up_to_date_and_is_recorded() {
    let org = DemoOrg::new(Duration::ZERO);
    org.set_dc_lag(DC02, Duration::from_secs(600));
    let scope = granted(&org);
    let t = table(&org, &scope, ConnectDc::Unknown);
    let (source, dc) = (t.dcs[0].dc.clone(), row(&t, DC02).dc.clone());
    let trail = Trail::new(None).fixed_at(SystemTime::UNIX_EPOCH);
    let pulled = block_on(dcs::pull(
        &Opener(org.clone()),
        &dc,
        &source,
        &scope.targets,
        &trail,
        None,
    ))
    .unwrap();
    assert_eq!(pulled, Pulled::Done);
    let records = trail.records();
    assert_eq!(records.len(), 1, "{records:#?}");
    assert_eq!(
        (records[0].plane, records[0].action),
        (Plane::Ad, Action::Replicate)
    );
    assert_eq!(records[0].result, AuditOutcome::Ok);
    assert_eq!(records[0].target.server.as_deref(), Some(DC02));
    assert!(row(&table(&org, &scope, ConnectDc::Unknown), DC02).current());
}

#[test]
fn a_refused_pull_shows_the_repadmin_command_and_is_recorded_as_failed() {
    let org = DemoOrg::new(Duration::ZERO);
    org.set_dc_lag(DC02, Duration::from_secs(600));
    org.set_dc_refuses_pull(DC02, true);
    let scope = granted(&org);
    let t = table(&org, &scope, ConnectDc::Unknown);
    let (source, dc) = (t.dcs[0].dc.clone(), row(&t, DC02).dc.clone());
    let trail = Trail::new(None).fixed_at(SystemTime::UNIX_EPOCH);
    let pulled = block_on(dcs::pull(
        &Opener(org.clone()),
        &dc,
        &source,
        &scope.targets,
        &trail,
        None,
    ))
    .unwrap();
    let Pulled::Refused { reason, commands } = &pulled else {
        panic!("{pulled:#?}")
    };
    assert!(
        matches!(reason, DirectoryError::Ldap { code: 53, .. }),
        "{reason:?}"
    );
    let guid = source.dsa_guid.clone().expect("the source DSA's GUID");
    assert_eq!(
        commands,
        &vec![format!(
            "repadmin /replsingleobj {DC02} {guid} \"{DEMO_ROOT}\""
        )]
    );
    let records = trail.records();
    assert!(
        matches!(records[0].result, AuditOutcome::Failed { .. }),
        "{records:#?}"
    );
    assert!(
        !row(&table(&org, &scope, ConnectDc::Unknown), DC02).current(),
        "still behind"
    );
}

#[test]
fn the_demo_session_marks_the_dc_the_connect_server_prefers() {
    let env = writeback_wizard::session::Env::demo(true);
    block_on(async {
        let connect = dcs::connect_dc(&env, true).await;
        assert_eq!(connect, ConnectDc::Preferred(vec![DC02.to_string()]));
        assert_eq!(dcs::connect_dc(&env, false).await, ConnectDc::Unknown);
        let t = dcs::for_env(&env, connect, true, &mut |_| {})
            .await
            .unwrap();
        let marked: Vec<&str> = t
            .dcs
            .iter()
            .filter(|f| f.connect)
            .map(|f| f.dc.host.as_str())
            .collect();
        assert_eq!(marked, vec![DC02]);
    });
}
