//! The demo organization's forest (issue 14): a second domain,
//! emea.contoso.com, whose DC is not the one signed in to. The first
//! domain's DC refers anything in the second domain (result 10) and adds a
//! continuation reference to subtree searches at its root; the directory
//! follows those only to the forest's own DCs. `forest_domains` lists both
//! domains with their DCs (for the Targets page); `--forest` grants,
//! verifies and rolls back both roots, each through its own DC.

use std::time::{Duration, SystemTime};

use writeback_wizard::audit::Trail;
use writeback_wizard::backend::demo::{DEMO_CONNECTOR, DEMO_ROOT, DemoOrg};
use writeback_wizard::backend::{DcSource, Directory, DirectoryError, DomainServer, Scope};
use writeback_wizard::profile::GrantOptions;
use writeback_wizard::task::permissions as perm;

const EMEA_ROOT: &str = "DC=emea,DC=contoso,DC=com";

fn block_on<F: Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

#[test]
fn the_targets_page_gets_both_domains_with_their_dcs() {
    let org = DemoOrg::new(Duration::ZERO);
    let mut dir = org.directory();
    let domains = block_on(perm::forest_domains(&mut dir, &[])).unwrap();
    let view: Vec<(&str, &str, &str, &str, DcSource)> = domains
        .iter()
        .map(|d| {
            (
                d.dns.as_str(),
                d.netbios.as_str(),
                d.nc.as_str(),
                d.server.as_str(),
                d.source,
            )
        })
        .collect();
    assert_eq!(
        view,
        vec![
            (
                "contoso.com",
                "CONTOSO",
                DEMO_ROOT,
                "demo://dc01.contoso.com",
                DcSource::Connected
            ),
            (
                "emea.contoso.com",
                "EMEA",
                EMEA_ROOT,
                "demo://dc01.emea.contoso.com",
                DcSource::Srv
            ),
        ]
    );
    // A DC given for a domain is the one it uses.
    let given = [DomainServer {
        dns: "emea.contoso.com".into(),
        server: "demo://dc01.emea.contoso.com".into(),
    }];
    let domains = block_on(perm::forest_domains(&mut dir, &given)).unwrap();
    assert_eq!(domains[1].source, DcSource::Given);
}

#[test]
fn the_first_dc_refers_the_second_domain_and_nothing_else_is_followed() {
    let org = DemoOrg::new(Duration::ZERO);
    let mut dir = org.directory();
    // Before the forest is known, the referral names no DC of it.
    let early = block_on(dir.search(EMEA_ROOT, Scope::Base, "(objectClass=*)", &[], false));
    assert!(
        matches!(early, Err(DirectoryError::ReferralRefused { .. })),
        "{early:?}"
    );
    block_on(perm::discover(&mut dir)).unwrap();
    let users = block_on(dir.search(
        DEMO_ROOT,
        Scope::Subtree,
        "(sAMAccountName=marco.rossi)",
        &["sAMAccountName"],
        false,
    ))
    .unwrap();
    assert_eq!(users.len(), 1, "found through the continuation reference");
    assert_eq!(dir.server_for(&users[0].dn), "demo://dc01.emea.contoso.com");
    // A paged scan of the first domain stays in it.
    let mut seen = Vec::new();
    block_on(dir.search_paged(
        DEMO_ROOT,
        "(objectClass=user)",
        &["sAMAccountName"],
        false,
        &mut |e| seen.push(e.dn),
    ))
    .unwrap();
    assert!(!seen.is_empty());
    assert!(seen.iter().all(|dn| !dn.ends_with(EMEA_ROOT)), "{seen:?}");
    // The connector is found in the forest, in its own domain.
    let discovery = block_on(perm::discover(&mut dir)).unwrap();
    let account = block_on(perm::find_account(
        &mut dir,
        &discovery,
        "EMEA\\sofia.garcia",
    ))
    .unwrap();
    assert!(account.dn.ends_with(EMEA_ROOT), "{}", account.dn);
}

#[test]
fn forest_grant_verify_and_rollback_go_to_each_domains_dc() {
    let org = DemoOrg::new(Duration::ZERO);
    let mut dir = org.directory();
    let options = GrantOptions {
        connector_account: DEMO_CONNECTOR.into(),
        forest: true,
        ..GrantOptions::default()
    };
    let backups = std::env::temp_dir().join(format!("wbw-demo-forest-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&backups);
    let trail = Trail::new(None).fixed_at(SystemTime::UNIX_EPOCH);
    block_on(async {
        let (discovery, checks) = perm::check(&mut dir, &options, true, true, &mut |_| {})
            .await
            .unwrap();
        let ages: Vec<_> = checks
            .iter()
            .filter_map(|c| match &c.finding {
                perm::Finding::MinPwdAge { domain, .. } => domain.clone(),
                _ => None,
            })
            .collect();
        assert_eq!(ages, vec!["contoso.com", "emea.contoso.com"]);
        let plan = perm::plan(&mut dir, &discovery, &options, &mut |_| {})
            .await
            .unwrap();
        let roots: Vec<&str> = plan.targets.iter().map(|t| t.dn.as_str()).collect();
        assert_eq!(roots, vec![DEMO_ROOT, EMEA_ROOT]);
        let done = perm::apply(
            &mut dir,
            &plan,
            &options,
            "tester",
            &backups,
            &trail,
            &mut |_| {},
        )
        .await
        .unwrap();
        let mut written = Vec::new();
        for t in &done {
            let path = t.backup.as_ref().expect("a backup per root");
            let b: perm::Backup =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            written.push((b.dn, b.server, b.domain));
        }
        assert_eq!(
            written,
            vec![
                (
                    DEMO_ROOT.to_string(),
                    "demo://dc01.contoso.com".to_string(),
                    DEMO_ROOT.to_string()
                ),
                (
                    EMEA_ROOT.to_string(),
                    "demo://dc01.emea.contoso.com".to_string(),
                    EMEA_ROOT.to_string()
                ),
            ]
        );
        let (_, audit) = perm::verify(&mut dir, &options, &mut |_| {}).await.unwrap();
        let rows: Vec<(&str, u64)> = audit
            .domains
            .iter()
            .map(|d| (d.domain.as_str(), d.scanned))
            .collect();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows.contains(&("emea.contoso.com", 3)), "{rows:?}");
        assert!(rows.contains(&("contoso.com", 14)), "{rows:?}");
        let saved = perm::load_backups(&backups, None, &dir.server(), DEMO_ROOT).unwrap();
        assert_eq!(saved.len(), 2, "the run's backups in both domains");
        let undone = perm::rollback(&mut dir, &saved, DEMO_ROOT, "tester", &trail, &mut |_| {})
            .await
            .unwrap();
        assert!(undone.iter().all(|r| r.restored_backup), "{undone:?}");
    });
    let _ = std::fs::remove_dir_all(&backups);
}
