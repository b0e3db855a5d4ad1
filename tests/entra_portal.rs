//! Step 3 against a stand-in for Entra ID (tests/support/fake_entra.rs, an
//! axum server on 127.0.0.1): Entra ID, the portal's API and Graph cannot
//! be reached from here, so the stand-in implements their documented
//! contract — authorize/token with PKCE, the device code, refresh tokens
//! per audience, the portal policy GET/PUT and the Graph reads — and can be
//! told to fail. The wizard's own code runs unchanged, pointed at it.

mod support {
    pub mod fake_entra;
}

use support::fake_entra;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use fake_entra::{DeviceEnd, Failure, Fake, Server};
use writeback_wizard::audit::Trail;
use writeback_wizard::backend::entra::SignInConfig;
use writeback_wizard::backend::tenant::{PortalPolicy, TenantError};
use writeback_wizard::task::permissions::Outcome;
use writeback_wizard::task::portal::{self, Method, SignInProgress, SignedIn};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Plays the browser: GET the authorize URL, take its redirect, and
/// deliver it to the wizard's loopback listener (optionally altered).
fn browser(alter: fn(String) -> String) -> impl FnMut(&str) -> bool + Send {
    move |url: &str| {
        let url = url.to_string();
        tokio::spawn(async move {
            let http = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let r = http.get(&url).send().await.unwrap();
            assert_eq!(r.status(), 302, "authorize refused the request");
            let location = r.headers()["location"].to_str().unwrap().to_string();
            assert!(location.starts_with("http://localhost:"), "{location}");
            let page = http.get(alter(location)).send().await.unwrap();
            let _ = page.text().await;
        });
        true
    }
}

async fn sign_in_browser(config: &SignInConfig) -> Result<SignedIn, TenantError> {
    let mut open = browser(|l| l);
    portal::sign_in(config, Method::Browser, &mut open, &mut |_| {}).await
}

async fn sign_in_device(config: &SignInConfig) -> Result<SignedIn, TenantError> {
    portal::sign_in(config, Method::DeviceCode, &mut |_| true, &mut |_| {}).await
}

#[test]
fn browser_sign_in_with_pkce_then_enable_disable_and_rerun() {
    let server = Server::start(Fake::default());
    let rt = runtime();
    rt.block_on(async {
        let reports = Arc::new(Mutex::new(Vec::new()));
        let r2 = reports.clone();
        let mut open = browser(|l| l);
        let signed = portal::sign_in(
            &server.config(),
            Method::Browser,
            &mut open,
            &mut move |p| r2.lock().unwrap().push(p),
        )
        .await
        .expect("signed in");
        assert_eq!(signed.user.as_deref(), Some("admin@contoso.example"));
        let reports = reports.lock().unwrap().clone();
        assert!(
            matches!(&reports[0], SignInProgress::Browser { url } if url.contains("code_challenge_method=S256")),
            "{reports:?}"
        );
        // The portal token came from the code; Graph's from the refresh token.
        assert_eq!(
            server.lock().grants,
            vec!["authorization_code".to_string(), "refresh_token".to_string()]
        );

        let mut tenant = signed.tenant();
        let trail = Trail::new(None);
        let before = portal::status(&mut tenant).await.unwrap();
        assert_eq!(before, PortalPolicy { writeback: false, unlock: false, cloud_sync: Some(false) });

        let after = portal::set(&mut tenant, true, &trail, &mut |_| {}).await.unwrap();
        assert_eq!(after, PortalPolicy { writeback: true, unlock: true, cloud_sync: Some(false) });
        // Recorded for the audit log, with the signed-in account.
        let records = trail.records();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].account.as_deref(), Some("admin@contoso.example"));
        // The tenant's real id (the token's tid), not the name signed in with.
        assert_eq!(records[0].target.tenant.as_deref(), Some(fake_entra::TENANT_ID));
        {
            let fake = server.lock();
            assert!(fake.writeback && fake.unlock);
            // Two separate PUTs, write-back first, as the spec notes.
            assert_eq!(fake.puts.len(), 2);
            assert!(fake.puts[0].get("passwordWriteBackSupported").is_some());
            assert!(fake.puts[1].get("accountUnlockEnabled").is_some());
            assert!(!fake.request_ids.is_empty());
        }

        // A re-run changes nothing.
        portal::set(&mut tenant, true, &trail, &mut |_| {}).await.unwrap();
        assert_eq!(server.lock().puts.len(), 2);

        // Undo: unlock off first (it depends on write-back), then write-back.
        let off = portal::set(&mut tenant, false, &trail, &mut |_| {}).await.unwrap();
        assert_eq!(off, PortalPolicy { writeback: false, unlock: false, cloud_sync: Some(false) });
        let fake = server.lock();
        assert!(!fake.writeback && !fake.unlock);
        assert_eq!(fake.puts.len(), 4);
        assert!(fake.puts[2].get("accountUnlockEnabled").is_some());
        // Every API call carried its own request id.
        let mut ids = fake.request_ids.clone();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), fake.request_ids.len());
    });
}

#[test]
fn a_redirect_with_a_wrong_or_missing_state_is_ignored_and_the_wait_goes_on() {
    let server = Server::start(Fake::default());
    runtime().block_on(async {
        // The browser first delivers forged answers (another state, an
        // error without the state, no state at all), then the real one.
        let mut open = move |url: &str| {
            let url = url.to_string();
            tokio::spawn(async move {
                let http = reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .unwrap();
                let r = http.get(&url).send().await.unwrap();
                let location = r.headers()["location"].to_str().unwrap().to_string();
                let base = location.split('?').next().unwrap().to_string();
                for forged in [
                    location.replace("state=", "state=forged"),
                    format!("{base}?error=access_denied&error_description=forged"),
                    format!("{base}?code=stolen"),
                ] {
                    let page = http.get(forged).send().await.unwrap();
                    assert_eq!(page.status(), 400);
                }
                let page = http.get(location).send().await.unwrap();
                assert_eq!(page.status(), 200);
            });
            true
        };
        let signed = portal::sign_in(&server.config(), Method::Browser, &mut open, &mut |_| {})
            .await
            .unwrap();
        assert_eq!(signed.user.as_deref(), Some("admin@contoso.example"));
        // One code exchanged: the genuine one.
        let grants = server.lock().grants.clone();
        assert_eq!(
            grants.iter().filter(|g| *g == "authorization_code").count(),
            1,
            "{grants:?}"
        );
    });
}

#[test]
fn a_code_for_another_challenge_is_refused_by_the_token_endpoint() {
    let server = Server::start(Fake::default());
    runtime().block_on(async {
        // The browser delivers a code the server issued for a different
        // challenge: the verifier cannot match.
        let other = server.base.clone();
        let mut open = move |url: &str| {
            let url = url.to_string();
            let other = other.clone();
            tokio::spawn(async move {
                let http = reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .unwrap();
                let forged = oauth2::url::Url::parse(&url).unwrap();
                let mut pairs: Vec<(String, String)> =
                    forged.query_pairs().into_owned().collect();
                for (k, v) in &mut pairs {
                    if k == "code_challenge" {
                        *v = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into();
                    }
                }
                let mut forged = oauth2::url::Url::parse(&format!(
                    "{other}/{}/oauth2/v2.0/authorize",
                    fake_entra::TENANT
                ))
                .unwrap();
                forged.query_pairs_mut().extend_pairs(pairs);
                let r = http.get(forged).send().await.unwrap();
                let location = r.headers()["location"].to_str().unwrap().to_string();
                let _ = http.get(location).send().await;
            });
            true
        };
        let e = portal::sign_in(&server.config(), Method::Browser, &mut open, &mut |_| {})
            .await
            .unwrap_err();
        assert!(
            matches!(&e, TenantError::SignIn { code, description } if code == "invalid_grant" && description.contains("AADSTS501481")),
            "{e:?}"
        );
    });
}

#[test]
fn device_code_polls_until_approved() {
    let server = Server::start(Fake {
        device_pending: 2,
        ..Fake::default()
    });
    runtime().block_on(async {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s2 = seen.clone();
        let signed = portal::sign_in(
            &server.config(),
            Method::DeviceCode,
            &mut |_| true,
            &mut move |p| s2.lock().unwrap().push(p),
        )
        .await
        .unwrap();
        assert!(signed.user.is_some());
        assert!(matches!(
            &seen.lock().unwrap()[0],
            SignInProgress::DeviceCode { code, url, .. } if code.expose() == "FAKE-CODE" && url.contains("devicelogin")
        ));
        let grants = server.lock().grants.clone();
        let device = "urn:ietf:params:oauth:grant-type:device_code";
        // Two pending answers, then the tokens.
        assert_eq!(grants.iter().filter(|g| *g == device).count(), 3);
    });
}

#[test]
fn without_a_browser_the_device_code_takes_over() {
    let server = Server::start(Fake::default());
    runtime().block_on(async {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s2 = seen.clone();
        let signed = portal::sign_in(
            &server.config(),
            Method::Browser,
            &mut |_| false,
            &mut move |p| s2.lock().unwrap().push(p),
        )
        .await
        .unwrap();
        assert!(signed.user.is_some());
        let seen = seen.lock().unwrap();
        assert!(matches!(seen[0], SignInProgress::Browser { .. }));
        assert!(matches!(seen[1], SignInProgress::DeviceCode { .. }));
        assert!(
            server
                .lock()
                .grants
                .contains(&"urn:ietf:params:oauth:grant-type:device_code".to_string())
        );
    });
}

#[test]
fn device_code_declined_expired_and_unknown_tenant_are_typed() {
    for (end, expected) in [
        (DeviceEnd::Decline, TenantError::Declined),
        (DeviceEnd::Expire, TenantError::Expired),
    ] {
        let server = Server::start(Fake {
            device_pending: 0,
            device_end: end,
            ..Fake::default()
        });
        let e = runtime()
            .block_on(sign_in_device(&server.config()))
            .unwrap_err();
        assert_eq!(e, expected);
    }
    let server = Server::start(Fake::default());
    let mut config = server.config();
    config.tenant = "nowhere.example".into();
    let e = runtime().block_on(sign_in_device(&config)).unwrap_err();
    assert_eq!(e, TenantError::TenantNotFound("nowhere.example".into()));
}

#[test]
fn an_expired_access_token_is_renewed_with_the_refresh_token() {
    let server = Server::start(Fake::default());
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let mut tenant = signed.tenant();
        portal::status(&mut tenant).await.unwrap();
        server.lock().revoke_access_tokens();
        // The API answers 401; the wizard renews the token and retries.
        portal::status(&mut tenant).await.unwrap();
        let fake = server.lock();
        assert_eq!(fake.count("policy-get"), 3);
        assert_eq!(
            fake.grants.iter().filter(|g| *g == "refresh_token").count(),
            2
        );
    });
    // Tokens that expire within the safety margin are renewed before use.
    let server = Server::start(Fake {
        token_lifetime: 60,
        ..Fake::default()
    });
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let before = server.lock().grants.len();
        let mut tenant = signed.tenant();
        portal::status(&mut tenant).await.unwrap();
        assert_eq!(server.lock().grants.len(), before + 1);
        assert_eq!(server.lock().count("policy-get"), 1);
    });
}

#[test]
fn a_revoked_session_and_a_repeated_401_ask_for_a_new_sign_in() {
    let server = Server::start(Fake::default());
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let mut tenant = signed.tenant();
        server.lock().fail("policy-get", Failure::Status(401, None));
        server.lock().fail("policy-get", Failure::Status(401, None));
        assert_eq!(
            portal::status(&mut tenant).await.unwrap_err(),
            TenantError::Expired
        );
    });
}

#[test]
fn throttling_is_retried_after_the_servers_delay() {
    let server = Server::start(Fake::default());
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let mut tenant = signed.tenant();
        {
            let mut f = server.lock();
            f.fail("policy-get", Failure::Status(429, Some(1)));
            f.fail("policy-get", Failure::Status(503, Some(1)));
        }
        portal::status(&mut tenant).await.unwrap();
        let fake = server.lock();
        let times: Vec<_> = fake
            .hits
            .iter()
            .filter(|(r, _)| *r == "policy-get")
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(times.len(), 3);
        for pair in times.windows(2) {
            assert!(
                pair[1] - pair[0] >= Duration::from_millis(900),
                "Retry-After not honoured: {:?}",
                pair[1] - pair[0]
            );
        }
    });
    // Throttled for good: a typed error after the retries.
    let server = Server::start(Fake::default());
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let mut tenant = signed.tenant();
        for _ in 0..4 {
            server
                .lock()
                .fail("policy-get", Failure::Status(429, Some(0)));
        }
        assert_eq!(
            portal::status(&mut tenant).await.unwrap_err(),
            TenantError::Throttled
        );
        assert_eq!(server.lock().count("policy-get"), 4);
    });
}

#[test]
fn refusals_and_surprises_fall_back_to_the_manual_step() {
    type Check = fn(&TenantError) -> bool;
    // Each refusal, the error it must give, and what its English message
    // must say beside naming the manual step.
    let cases: [(Failure, Check, &str); 5] = [
        (
            Failure::Status(403, None),
            |e| *e == TenantError::Forbidden,
            "the portal refused the change (403)",
        ),
        (
            Failure::Status(404, None),
            |e| matches!(e, TenantError::ApiChanged(_)),
            "the portal's API answered unexpectedly (",
        ),
        (
            Failure::Status(500, None),
            |e| *e == TenantError::Server(500),
            "the service failed (HTTP 500)",
        ),
        (
            Failure::Malformed,
            |e| matches!(e, TenantError::ApiChanged(_)),
            "the portal's API answered unexpectedly (",
        ),
        (
            Failure::Shape,
            |e| matches!(e, TenantError::ApiChanged(_)),
            "the portal's API answered unexpectedly (",
        ),
    ];
    writeback_wizard::localize::init(Some("en"));
    for (failure, check, says) in cases {
        let server = Server::start(Fake::default());
        runtime().block_on(async {
            let signed = sign_in_browser(&server.config()).await.unwrap();
            let mut tenant = signed.tenant();
            let trail = Trail::new(None);
            server.lock().fail("policy-get", failure.clone());
            let e = portal::set(&mut tenant, true, &trail, &mut |_| {})
                .await
                .unwrap_err();
            assert!(check(&e), "{failure:?} gave {e:?}");
            assert!(e.needs_manual_step(), "{e:?}");
            // Nothing was changed.
            assert!(server.lock().puts.is_empty());
            // The message says what happened and names the manual step.
            let text = writeback_wizard::explain::tenant_error(&e);
            assert!(text.starts_with(says), "{failure:?}: {text}");
            assert!(
                text.ends_with("make the change by hand in the admin center")
                    || text.ends_with("make the change by hand"),
                "{failure:?}: {text}"
            );
        });
    }
}

#[test]
fn graph_facts_feed_pre_flight() {
    let server = Server::start(Fake::default());
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let facts = portal::facts(&signed).await.unwrap();
        assert!(facts.licensed);
        assert_eq!(facts.sync_enabled, Some(true));
        assert!(facts.has_writeback_role());
        assert!(
            portal::findings(&facts)
                .iter()
                .all(|(o, _)| *o == Outcome::Ok)
        );
    });
    let server = Server::start(Fake {
        licensed: false,
        roles: vec![(
            "fe930be7-5e62-47db-91af-98c3a49a38b1".into(),
            "User Administrator".into(),
        )],
        ..Fake::default()
    });
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let facts = portal::facts(&signed).await.unwrap();
        let findings = portal::findings(&facts);
        assert!(findings.iter().any(|(o, f)| *o == Outcome::Blocking
            && matches!(f, portal::Finding::Licence { licensed: false })));
        assert!(findings.iter().any(|(o, f)| *o == Outcome::Warning
            && matches!(f, portal::Finding::Role { allowed: false, .. })));
    });
}

/// A writer that keeps everything tracing prints.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn no_token_code_or_secret_reaches_the_logs_at_trace_level() {
    let server = Server::start(Fake {
        device_pending: 1,
        ..Fake::default()
    });
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        runtime().block_on(async {
            let signed = sign_in_browser(&server.config()).await.unwrap();
            let mut tenant = signed.tenant();
            let trail = Trail::new(None);
            portal::set(&mut tenant, true, &trail, &mut |_| {})
                .await
                .unwrap();
            server.lock().revoke_access_tokens();
            portal::facts(&signed).await.unwrap();
            portal::set(&mut tenant, false, &trail, &mut |_| {})
                .await
                .unwrap();
            sign_in_device(&server.config()).await.unwrap();
        });
    });
    let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    // The capture works: the wizard's own events and the HTTP stack's are there.
    assert!(log.contains("calling"), "{log}");
    assert!(log.contains("signed in"), "{log}");
    let fake = server.lock();
    assert!(fake.secrets.len() >= 8, "{:?}", fake.secrets.len());
    for secret in &fake.secrets {
        assert!(!log.contains(secret.as_str()), "a secret is in the log");
    }
    assert!(
        !log.contains("Bearer "),
        "an authorization header is in the log"
    );
}

/// The CLI's data directory (audit log) for this server's tests.
fn data_dir(server: &Server) -> std::path::PathBuf {
    let port = server.base.rsplit(':').next().unwrap_or("0").to_string();
    std::env::temp_dir().join(format!("wbw-entra-{}-{port}", std::process::id()))
}

fn cli(server: &Server, args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_writeback-wizard"));
    cmd.args(["--lang", "en", "portal"]).args(args).args([
        "--tenant",
        fake_entra::TENANT,
        "--device-code",
        "--json",
    ]);
    for (k, v) in server.env() {
        cmd.env(k, v);
    }
    cmd.env("WRITEBACK_WIZARD_DATA_DIR", data_dir(server));
    cmd.output().unwrap()
}

#[test]
fn cli_enable_disable_and_rerun_against_the_stand_in() {
    let server = Server::start(Fake::default());
    let out = cli(&server, &["enable"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // The device code and where to enter it are printed.
    assert!(
        stderr.contains("FAKE-CODE") && stderr.contains("devicelogin"),
        "{stderr}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["policy"]["writeback"], true);
    assert_eq!(doc["policy"]["unlock"], true);
    assert!(server.lock().writeback && server.lock().unlock);
    let puts = server.lock().puts.len();

    let again = cli(&server, &["enable"]);
    assert!(again.status.success());
    assert_eq!(server.lock().puts.len(), puts, "a re-run changed something");

    let status = cli(&server, &["status"]);
    assert!(status.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    // Licence, sync, role, and who may use SSPR (issue 15).
    let checks = doc["checks"].as_array().unwrap();
    assert_eq!(checks.len(), 4);
    assert_eq!(checks[3]["finding"]["sspr"], "scope");

    let off = cli(&server, &["disable"]);
    assert!(off.status.success());
    assert!(!server.lock().writeback && !server.lock().unlock);

    // Both switches are in the audit log (the re-run is not), and no token.
    let log = std::fs::read_to_string(data_dir(&server).join("audit.jsonl")).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(
        lines[0].contains("\"portal\"") && lines[0].contains("admin@contoso.example"),
        "{log}"
    );
    for secret in &server.lock().secrets {
        assert!(!log.contains(secret.as_str()));
    }
    let _ = std::fs::remove_dir_all(data_dir(&server));
}

/// Cloud Sync chosen: "write back passwords with cloud sync" is
/// `cloudProvisioningEnablementForTenant`, reported but not documented, so
/// both answers of the stand-in are tried (spec note §3).
#[test]
fn cloud_sync_toggle_is_set_when_reported_and_left_to_the_manual_step_otherwise() {
    // Reported: set with its own PUT after the other two, read back; undo
    // turns it off first.
    let server = Server::start(Fake::default());
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let mut tenant = signed.tenant();
        let trail = Trail::new(None);
        let before = portal::status(&mut tenant).await.unwrap();
        assert_eq!(before.cloud_sync, Some(false));
        let mut steps = Vec::new();
        let on = portal::set_all(&mut tenant, true, true, &trail, &mut |p| steps.push(p))
            .await
            .unwrap();
        assert_eq!(
            on,
            PortalPolicy {
                writeback: true,
                unlock: true,
                cloud_sync: Some(true)
            }
        );
        assert!(steps.contains(&portal::Progress::CloudSync), "{steps:?}");
        {
            let fake = server.lock();
            assert_eq!(fake.cloud_sync, Some(true));
            assert_eq!(fake.puts.len(), 3);
            assert_eq!(
                fake.puts[2],
                serde_json::json!({"cloudProvisioningEnablementForTenant": true})
            );
        }
        // Two records: the two toggles, then cloud sync's.
        assert_eq!(trail.records().len(), 2);
        // Without Cloud Sync chosen the field is never sent.
        portal::set_all(&mut tenant, true, false, &trail, &mut |_| {})
            .await
            .unwrap();
        assert_eq!(server.lock().puts.len(), 3);
        let off = portal::set_all(&mut tenant, false, true, &trail, &mut |_| {})
            .await
            .unwrap();
        assert_eq!(
            off,
            PortalPolicy {
                writeback: false,
                unlock: false,
                cloud_sync: Some(false)
            }
        );
        let fake = server.lock();
        assert_eq!(
            fake.puts[3],
            serde_json::json!({"cloudProvisioningEnablementForTenant": false})
        );
    });

    // Not reported: unknown (never "off"), nothing sent for it, and the
    // other two are still switched; the caller shows the manual step.
    let server = Server::start(Fake {
        cloud_sync: None,
        ..Fake::default()
    });
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let mut tenant = signed.tenant();
        let trail = Trail::new(None);
        assert_eq!(portal::status(&mut tenant).await.unwrap().cloud_sync, None);
        let e = portal::set_cloud_sync(&mut tenant, true, &trail, &mut |_| {})
            .await
            .unwrap_err();
        assert!(e.needs_manual_step(), "{e:?}");
        let on = portal::set_all(&mut tenant, true, true, &trail, &mut |_| {})
            .await
            .unwrap();
        assert_eq!(
            on,
            PortalPolicy {
                writeback: true,
                unlock: true,
                cloud_sync: None
            }
        );
        let fake = server.lock();
        assert_eq!(fake.puts.len(), 2, "{:?}", fake.puts);
        assert!(
            fake.puts
                .iter()
                .all(|p| p.get("cloudProvisioningEnablementForTenant").is_none())
        );
    });

    // Reported but refused (403 on its PUT): off, recorded as failed.
    let server = Server::start(Fake {
        writeback: true,
        unlock: true,
        ..Fake::default()
    });
    runtime().block_on(async {
        let signed = sign_in_browser(&server.config()).await.unwrap();
        let mut tenant = signed.tenant();
        let trail = Trail::new(None);
        server.lock().fail("policy-put", Failure::Status(403, None));
        let p = portal::set_all(&mut tenant, true, true, &trail, &mut |_| {})
            .await
            .unwrap();
        assert_eq!(p.cloud_sync, Some(false));
        assert_eq!(server.lock().cloud_sync, Some(false));
        let records = trail.records();
        assert_eq!(records.len(), 1);
        assert!(
            matches!(
                records[0].result,
                writeback_wizard::audit::Outcome::Failed { .. }
            ),
            "{:?}",
            records[0].result
        );
    });
}

#[test]
fn cli_reports_and_sets_the_cloud_sync_toggle_when_chosen() {
    let server = Server::start(Fake::default());
    let out = cli(&server, &["enable", "--cloud-sync"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["policy"]["cloud_sync"], true);
    assert_eq!(server.lock().cloud_sync, Some(true));
    let _ = std::fs::remove_dir_all(data_dir(&server));

    // Not reported: enable switches the other two, then names the manual
    // step and fails; status says unknown.
    let server = Server::start(Fake {
        cloud_sync: None,
        ..Fake::default()
    });
    let out = cli(&server, &["enable", "--cloud-sync"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Write back passwords with Microsoft Entra Connect cloud sync")
            && stderr.contains("entra.microsoft.com"),
        "{stderr}"
    );
    assert!(server.lock().writeback && server.lock().unlock);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_writeback-wizard"));
    cmd.args(["--lang", "en", "portal", "status", "--cloud-sync"])
        .args(["--tenant", fake_entra::TENANT, "--device-code"]);
    for (k, v) in server.env() {
        cmd.env(k, v);
    }
    cmd.env("WRITEBACK_WIZARD_DATA_DIR", data_dir(&server));
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Write back passwords with Microsoft Entra Connect cloud sync: unknown"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(data_dir(&server));
}

#[test]
fn cli_failures_are_translated_and_exit_non_zero() {
    let server = Server::start(Fake::default());
    server.lock().fail("policy-get", Failure::Status(403, None));
    let out = cli(&server, &["enable"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("403"), "{stderr}");
    // The guided manual step follows.
    assert!(stderr.contains("entra.microsoft.com"), "{stderr}");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(["--lang", "en", "portal", "status", "--tenant", "bad/tenant"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tenant id"));

    // Plain http to a non-loopback address is refused before any request.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_writeback-wizard"));
    let out = cmd
        .args(["--lang", "de", "portal", "status", "--device-code"])
        .env("WRITEBACK_WIZARD_LOGIN_URL", "http://login.example.com")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("WRITEBACK_WIZARD_LOGIN_URL"), "{stderr}");
}
