//! `writeback-wizard test-writeback` end to end against the Samba AD DC of
//! `tests/support/samba-dc.sh` (settings from WRITEBACK_TEST_DC_ENV; skipped
//! without it, failing when WRITEBACK_TEST_REQUIRE_DC=1) and the local
//! Entra ID stand-in (tests/support/fake_entra.rs): Entra ID and an Entra
//! Connect server cannot run here. The stand-in plays the cloud (Graph's
//! resetPassword as a long-running operation); its reset hook plays the
//! Connect server: when it accepts a reset, the harness writes the new
//! password into the DC (replace unicodePwd as Administrator, over LDAPS),
//! as password writeback would. The wizard then reads the user's
//! pwdLastSet over LDAPS with its own code.

#[allow(dead_code)]
#[path = "support/dc.rs"]
mod dc;
#[path = "support/fake_entra.rs"]
mod fake_entra;

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::sync::Arc;

use dc::*;
use fake_entra::{FakeUser, Server};
use ldap3::Mod;

/// The stand-in knows `account` as a synced user.
fn cloud_user(lab: &Lab, account: &Account) -> FakeUser {
    FakeUser::synced(
        &format!("{}@{}", account.name, lab.dc.realm.to_ascii_lowercase()),
        &account.dn,
        &account.name,
    )
}

/// The Connect server's part: writes an accepted reset into the DC.
fn connect_server_writes_back(server: &Server, dc: &DcConfig) {
    let dc = dc.clone();
    server.lock().on_reset = Some(Arc::new(move |user: &FakeUser, password: &str| {
        let dn = user.dn.clone().expect("synced user has a DN");
        runtime().block_on(async {
            let mut ldap = ldap_bind(&dc, &dc.admin_dn, &dc.admin_password).await;
            ldap.with_timeout(TIMEOUT)
                .modify(
                    &dn,
                    vec![Mod::Replace(
                        b"unicodePwd".to_vec(),
                        HashSet::from([unicode_pwd(password)]),
                    )],
                )
                .await
                .and_then(|r| r.success())
                .unwrap_or_else(|e| panic!("write back to {dn}: {e}"));
            let _ = ldap.unbind().await;
        });
    }));
}

/// Runs `writeback-wizard --lang en test-writeback --user UPN …` against
/// the DC (as Administrator) and the stand-in.
fn test_writeback(lab: &Lab, server: &Server, upn: &str, extra: &[&str]) -> Run {
    let mut args: Vec<String> = [
        "--lang",
        "en",
        "test-writeback",
        "--user",
        upn,
        "--server",
        &lab.dc.ldaps_url,
        "--ca-file",
        &lab.dc.ca_cert.display().to_string(),
        "--bind-user",
        &lab.dc.admin_dn,
        "--tenant",
        fake_entra::TENANT,
        "--client-id",
        fake_entra::GRAPH_CLIENT_ID,
        "--device-code",
        "--yes",
        "--json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"));
    cmd.args(&args)
        .env("WRITEBACK_WIZARD_BIND_PASSWORD", &lab.dc.admin_password)
        .env("WRITEBACK_WIZARD_DATA_DIR", &lab.data_dir)
        .stdin(Stdio::null());
    for (k, v) in server.env() {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run writeback-wizard");
    Run {
        command: format!("writeback-wizard {}", args.join(" ")),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn pwd_last_set(lab: &Lab, dn: &str) -> i64 {
    let dc = lab.dc.clone();
    let dn = dn.to_string();
    lab.rt.block_on(async move {
        let mut ldap = ldap_bind(&dc, &dc.admin_dn, &dc.admin_password).await;
        let (entries, _) = ldap
            .with_timeout(TIMEOUT)
            .search(
                &dn,
                ldap3::Scope::Base,
                "(objectClass=*)",
                vec!["pwdLastSet"],
            )
            .await
            .and_then(|r| r.success())
            .unwrap_or_else(|e| panic!("read {dn}: {e}"));
        let _ = ldap.unbind().await;
        let e = ldap3::SearchEntry::construct(entries.into_iter().next().expect("entry"));
        e.attrs["pwdLastSet"][0].parse().expect("a number")
    })
}

/// Whether `password` signs `account` in (a simple bind over LDAPS).
fn can_bind(lab: &Lab, account: &Account, password: &str) -> bool {
    let dc = lab.dc.clone();
    let dn = account.dn.clone();
    let password = password.to_string();
    lab.rt.block_on(async move {
        let settings = ldap3::LdapConnSettings::new()
            .set_conn_timeout(TIMEOUT)
            .set_config(tls_config(&dc.ca_cert));
        let (conn, mut ldap) = ldap3::LdapConnAsync::with_settings(settings, &dc.ldaps_url)
            .await
            .expect("connect");
        ldap3::drive!(conn);
        let ok = ldap
            .simple_bind(&dn, &password)
            .await
            .is_ok_and(|r| r.success().is_ok());
        let _ = ldap.unbind().await;
        ok
    })
}

fn audit_lines(lab: &Lab) -> Vec<serde_json::Value> {
    std::fs::read_to_string(lab.data_dir.join("audit.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("audit line is JSON"))
        .collect()
}

#[test]
fn proven_when_the_reset_reaches_the_dc() {
    let Some(mut lab) = Lab::start("pilot-proven") else {
        return;
    };
    let pilot = lab.create_user("pilot", Some("Pilot User"));
    let server = Server::start(fake_entra::Fake::default());
    let upn = cloud_user(&lab, &pilot).upn.clone();
    server.lock().users.push(cloud_user(&lab, &pilot));
    connect_server_writes_back(&server, &lab.dc);
    let before = pwd_last_set(&lab, &pilot.dn);

    let run = test_writeback(&lab, &server, &upn, &[]);
    assert_eq!(run.code, 0, "{}", run.show());
    let doc = run.json();
    assert_eq!(
        doc["report"]["outcome"]["result"],
        "proven",
        "{}",
        run.show()
    );
    assert_eq!(doc["report"]["dn"], pilot.dn.as_str());
    assert_eq!(doc["report"]["cloud"], "succeeded");
    let after = pwd_last_set(&lab, &pilot.dn);
    assert!(after > before, "pwdLastSet {before} → {after}");

    // The password the cloud generated is the one AD now holds, and it was
    // shown nowhere but a terminal: not in the JSON, not in the audit log.
    let password = server
        .lock()
        .secrets
        .iter()
        .rev()
        .find(|s| s.starts_with("Zu"))
        .cloned()
        .expect("a generated password");
    // (Samba still accepts the previous password for a while — its "old
    // password allowed period" — so only the new one is checked.)
    assert!(can_bind(&lab, &pilot, &password));
    assert!(!run.stdout.contains(&password), "{}", run.show());
    assert!(!run.stderr.contains(&password), "{}", run.show());
    assert!(run.stderr.contains("only on a terminal"), "{}", run.show());
    let records = audit_lines(&lab);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["plane"], "pilot");
    assert_eq!(records[0]["action"], "test");
    assert_eq!(records[0]["after"]["user"], upn.as_str());
    assert_eq!(records[0]["after"]["result"], "proven");
    assert_eq!(records[0]["result"]["status"], "ok");
    assert_eq!(records[0]["target"]["tenant"], fake_entra::TENANT_ID);
    let log = std::fs::read_to_string(lab.data_dir.join("audit.jsonl")).unwrap();
    assert!(!log.contains(&password));
}

#[test]
fn unproven_when_the_connect_server_does_not_write_back() {
    let Some(mut lab) = Lab::start("pilot-unproven") else {
        return;
    };
    let pilot = lab.create_user("pilot", None);
    let server = Server::start(fake_entra::Fake::default());
    let upn = cloud_user(&lab, &pilot).upn.clone();
    server.lock().users.push(cloud_user(&lab, &pilot));
    let before = pwd_last_set(&lab, &pilot.dn);

    let run = test_writeback(&lab, &server, &upn, &["--wait", "3"]);
    assert_eq!(run.code, 1, "{}", run.show());
    let doc = run.json();
    assert_eq!(doc["report"]["outcome"]["result"], "unproven");
    assert_eq!(doc["report"]["outcome"]["why"], "directory-unchanged");
    assert_eq!(pwd_last_set(&lab, &pilot.dn), before);
    assert_eq!(audit_lines(&lab)[0]["result"]["status"], "failed");
}

#[test]
fn failures_and_refusals_have_their_exit_status() {
    let Some(mut lab) = Lab::start("pilot-refusals") else {
        return;
    };
    let pilot = lab.create_user("pilot", None);
    let server = Server::start(fake_entra::Fake::default());
    let upn = cloud_user(&lab, &pilot).upn.clone();
    server.lock().users.push(cloud_user(&lab, &pilot));
    server
        .lock()
        .users
        .push(FakeUser::cloud("cloud-only@contoso.example"));
    connect_server_writes_back(&server, &lab.dc);
    let before = pwd_last_set(&lab, &pilot.dn);

    // Cloud-only: bad input (2), translated, nothing reset.
    let run = test_writeback(&lab, &server, "cloud-only@contoso.example", &[]);
    assert_eq!(run.code, 2, "{}", run.show());
    assert!(run.stderr.contains("cloud-only user"), "{}", run.show());
    // Unknown user: 2.
    let run = test_writeback(&lab, &server, "nobody@contoso.example", &[]);
    assert_eq!(run.code, 2, "{}", run.show());
    // No Authentication Administrator role: blocked (3), the role named.
    server.lock().reset_role = false;
    let run = test_writeback(&lab, &server, &upn, &[]);
    assert_eq!(run.code, 3, "{}", run.show());
    assert!(
        run.stderr.contains("Authentication Administrator"),
        "{}",
        run.show()
    );
    server.lock().reset_role = true;
    // The cloud fails with a statusDetail: 1, explained.
    server.lock().reset_failure =
        Some("The password could not be updated on-premises: hr=80230626.".into());
    let run = test_writeback(&lab, &server, &upn, &[]);
    assert_eq!(run.code, 1, "{}", run.show());
    let doc = run.json();
    assert_eq!(doc["report"]["outcome"]["result"], "failed");
    assert_eq!(doc["report"]["outcome"]["cause"]["cause"], "access-denied");
    assert_eq!(
        pwd_last_set(&lab, &pilot.dn),
        before,
        "nothing written back"
    );
    // Without --yes and without a terminal: refused before anything changes.
    server.lock().reset_failure = None;
    let resets = server.lock().operations.len();
    let mut args = vec!["--lang", "en", "test-writeback", "--user", &upn];
    let server_url = lab.dc.ldaps_url.clone();
    let ca = lab.dc.ca_cert.display().to_string();
    args.extend([
        "--server",
        &server_url,
        "--ca-file",
        &ca,
        "--bind-user",
        &lab.dc.admin_dn,
    ]);
    args.extend([
        "--tenant",
        fake_entra::TENANT,
        "--client-id",
        fake_entra::CLIENT_ID,
        "--device-code",
    ]);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"));
    cmd.args(&args)
        .env("WRITEBACK_WIZARD_BIND_PASSWORD", &lab.dc.admin_password)
        .env("WRITEBACK_WIZARD_DATA_DIR", &lab.data_dir)
        .stdin(Stdio::null());
    for (k, v) in server.env() {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.lock().operations.len(), resets);
}
