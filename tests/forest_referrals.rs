//! Issue 14's referral path: the two real Samba DCs of
//! `tests/support/forest.rs` behind the stand-in of
//! `tests/support/ad_front.rs`, which answers as a DC of a multi-domain
//! forest does (result 10 naming the other domain's DC for anything outside
//! its naming context, a continuation reference to the child domain in
//! subtree searches at its root, a forest-wide Global Catalog on 3269).
//! Signed in through the stand-in, the connector is found through the
//! Global Catalog (the same sAMAccountName in both domains is ambiguous
//! bare, resolved by its `EAST\` prefix), and `check`, `grant --forest`,
//! `verify` and `rollback` work end to end, each root's DACL read back from
//! its own DC; the library follows a referral (search and modify) and a
//! continuation reference to the other domain's DC, and refuses a referral
//! to a host outside the forest.

mod support {
    pub mod ad_front;
    pub mod dc;
    pub mod forest;
}

use support::{ad_front, dc, forest};

use ad_front::{Front, FrontConfig};
use dc::{TIMEOUT, runtime, unique_name};
use forest::*;
use writeback_wizard::ad::grant::{GrantState, WritebackGrant};
use writeback_wizard::backend::ldap::{ConnectOptions, LdapDirectory};
use writeback_wizard::backend::{Directory, DirectoryError, DomainServer, Scope, Secret};
use writeback_wizard::task::permissions as perm;

const FRONT_IP: &str = "127.0.0.6";

struct World {
    a: ForestDc,
    b: ForestDc,
    front: Front,
    ca: std::path::PathBuf,
    data: std::path::PathBuf,
}

fn world() -> World {
    let (a, b) = forest();
    let data = std::env::temp_dir().join(unique_name("wbw-referrals"));
    std::fs::create_dir_all(&data).expect("data dir");
    let front = Front::start(
        FrontConfig {
            ip: FRONT_IP.into(),
            home: a.dc.ldaps_addr(),
            home_nc: a.dc.base_dn.clone(),
            home_ca: a.dc.ca_cert.clone(),
            other: b.dc.ldaps_addr(),
            other_nc: b.dc.base_dn.clone(),
            other_ca: b.dc.ca_cert.clone(),
        },
        &data,
    );
    let mut pem = std::fs::read(both_cas(&a, &b, &data)).expect("CAs");
    pem.extend(std::fs::read(&front.ca).expect("stand-in CA"));
    let ca = data.join("all-ca.pem");
    std::fs::write(&ca, pem).expect("CA file");
    World {
        a,
        b,
        front,
        ca,
        data,
    }
}

fn granted(sd: &writeback_wizard::ad::SecurityDescriptor, sid: writeback_wizard::ad::Sid) -> bool {
    let grant = WritebackGrant::new(sid, false);
    sd.dacl
        .as_ref()
        .is_some_and(|d| grant.status(d).state == GrantState::Granted)
}

fn json(out: &(i32, String, String)) -> serde_json::Value {
    serde_json::from_str(out.1.trim())
        .unwrap_or_else(|e| panic!("not JSON ({e}): exit {}\n{}\n{}", out.0, out.1, out.2))
}

/// Everything through the stand-in, in one test: the stand-in binds
/// ports 636 and 3269 of its address, which one process holds at a time.
#[test]
#[ignore = "needs the Samba DC"]
fn a_forest_that_refers_works_end_to_end_and_foreign_referrals_are_refused() {
    let w = world();
    let started = std::time::Instant::now();
    let rt = runtime();
    let name = unique_name("rconn");
    let (conn_dn, conn_sid) = rt.block_on(create_user(&w.b.dc, &name));
    let (twin_dn, _) = rt.block_on(create_user(&w.a.dc, &name));
    let (before_a, _) = rt.block_on(dacl_on(&w.a.dc, &w.a.dc.base_dn));
    let (before_b, _) = rt.block_on(dacl_on(&w.b.dc, &w.b.dc.base_dn));
    let east = format!("{}={}", w.b.dns(), w.front.other_url);
    let connection = |connector: &str, extra: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        v.extend([
            "--server".into(),
            w.front.url.clone(),
            "--domain-server".into(),
            east.clone(),
            "--ca-file".into(),
            w.ca.display().to_string(),
            "--bind-user".into(),
            FOREST_ADMIN.into(),
            "--connector-account".into(),
            connector.into(),
            "--timeout".into(),
            "15".into(),
            "--json".into(),
        ]);
        v
    };
    let run = |args: Vec<String>| {
        let out = wizard(&args, &w.a.dc.admin_password, &w.data);
        eprintln!(
            "$ writeback-wizard {}\nexit {}\n{}",
            args.join(" "),
            out.0,
            out.2
        );
        out
    };

    // The lookup through the Global Catalog: the bare name is in both
    // domains, the prefix decides.
    let bare = run(connection(&name, &["check"]));
    assert_eq!(bare.0, 2, "ambiguous: {}\n{}", bare.1, bare.2);
    for dn in [&conn_dn, &twin_dn] {
        assert!(
            bare.2
                .to_ascii_lowercase()
                .contains(&dn.to_ascii_lowercase()),
            "both candidates named: {}",
            bare.2
        );
    }
    let connector = format!("{}\\{name}", w.b.netbios);
    let check = run(connection(&connector, &["check", "--forest"]));
    assert_eq!(check.0, 0, "check: {}\n{}", check.1, check.2);
    let doc = json(&check);
    let checks = doc["checks"].as_array().expect("checks");
    let account = checks
        .iter()
        .find(|c| c["check"] == "connector-account")
        .expect("connector");
    assert!(
        account["dn"]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case(&conn_dn)
    );
    for root in [&w.a.dc.base_dn, &w.b.dc.base_dn] {
        assert!(
            checks.iter().any(|c| c["check"] == "dacl-writable"
                && c["dn"] == root.as_str()
                && c["writable"] == true),
            "{root}: {doc:#}"
        );
    }

    // Grant, verify, rollback through the stand-in.
    let grant = run(connection(&connector, &["grant", "--forest", "--yes"]));
    assert_eq!(grant.0, 0, "grant: {}\n{}", grant.1, grant.2);
    let (_, sd_a) = rt.block_on(dacl_on(&w.a.dc, &w.a.dc.base_dn));
    let (_, sd_b) = rt.block_on(dacl_on(&w.b.dc, &w.b.dc.base_dn));
    assert!(granted(&sd_a, conn_sid), "first root, read from its DC");
    assert!(granted(&sd_b, conn_sid), "second root, read from its DC");
    let verify = run(connection(&connector, &["verify", "--forest"]));
    assert_eq!(verify.0, 0, "verify: {}\n{}", verify.1, verify.2);
    let rows = json(&verify)["audit"]["domains"].clone();
    assert_eq!(rows.as_array().map(Vec::len), Some(2), "{rows:#}");
    let rollback = run(connection(&connector, &["rollback", "--forest", "--yes"]));
    assert_eq!(rollback.0, 0, "rollback: {}\n{}", rollback.1, rollback.2);
    assert_eq!(rt.block_on(dacl_on(&w.a.dc, &w.a.dc.base_dn)).0, before_a);
    assert_eq!(rt.block_on(dacl_on(&w.b.dc, &w.b.dc.base_dn)).0, before_b);

    // A referral to a host outside the forest is refused, named.
    let foreign = run(connection(
        "CN=svc,CN=Users,DC=elsewhere,DC=example",
        &["check"],
    ));
    assert_eq!(foreign.0, 1, "{}\n{}", foreign.1, foreign.2);
    assert!(
        foreign.2.contains("dc1.elsewhere.example")
            && foreign.2.contains("not a domain controller of this forest"),
        "{}",
        foreign.2
    );

    // The library: a referral (search and modify) and a continuation
    // reference are followed to the second domain's DC. A DN written with
    // blanks after its commas is not matched to a domain by name, so it
    // goes to the stand-in, which refers it.
    rt.block_on(async {
        let mut dir = LdapDirectory::connect(&ConnectOptions {
            url: w.front.url.clone(),
            starttls: false,
            ca_file: Some(w.ca.clone()),
            insecure_plaintext: false,
            bind_user: FOREST_ADMIN.into(),
            password: Secret::new(w.a.dc.admin_password.clone()),
            timeout: TIMEOUT,
        })
        .await
        .expect("connect through the stand-in");
        // Before the forest is known, a referral goes nowhere.
        let spaced = w.b.dc.base_dn.replace(',', ", ");
        let early = dir
            .search(&spaced, Scope::Base, "(objectClass=*)", &["dn"], false)
            .await;
        assert!(
            matches!(early, Err(DirectoryError::ReferralRefused { .. })),
            "{early:?}"
        );
        dir.set_domain_servers(&[DomainServer {
            dns: w.b.dns(),
            server: w.front.other_url.clone(),
        }]);
        let discovery = perm::discover(&mut dir).await.expect("discover");
        assert_eq!(discovery.forest.len(), 2, "{discovery:?}");
        let found = dir
            .search(&spaced, Scope::Base, "(objectClass=*)", &["objectSid"], false)
            .await
            .expect("search followed to the second DC");
        assert_eq!(found.len(), 1);
        let (bytes, _) = perm::read_dacl(&mut dir, &spaced)
            .await
            .expect("DACL through the referral");
        assert_eq!(bytes, before_b, "the second root, read through the referral");
        dir.write_dacl(&spaced, &bytes)
            .await
            .expect("modify followed to the second DC");
        assert_eq!(
            dir.server_for(&spaced),
            w.front.other_url,
            "the DC that took the write"
        );
        let filter = format!("(sAMAccountName={name})");
        let both = dir
            .search(&w.a.dc.base_dn, Scope::Subtree, &filter, &["dn"], false)
            .await
            .expect("subtree search with a continuation reference");
        let mut dns: Vec<String> = both.iter().map(|e| e.dn.to_ascii_lowercase()).collect();
        dns.sort();
        let mut want = vec![conn_dn.to_ascii_lowercase(), twin_dn.to_ascii_lowercase()];
        want.sort();
        assert_eq!(dns, want, "the continuation reference was followed");
        let outside = dir
            .search(
                "DC=elsewhere,DC=example",
                Scope::Base,
                "(objectClass=*)",
                &["dn"],
                false,
            )
            .await;
        assert!(
            matches!(&outside, Err(DirectoryError::ReferralRefused { url, .. }) if url.contains("elsewhere")),
            "{outside:?}"
        );
        dir.close().await;
    });
    assert_eq!(rt.block_on(dacl_on(&w.b.dc, &w.b.dc.base_dn)).0, before_b);

    rt.block_on(async {
        delete(&w.a.dc, &[twin_dn]).await;
        delete(&w.b.dc, &[conn_dn]).await;
    });
    let _ = std::fs::remove_dir_all(&w.data);
    eprintln!("referral test: {:.1} s", started.elapsed().as_secs_f64());
}
