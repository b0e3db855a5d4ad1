//! The pilot test (`task::prove`), the SSPR policy and the sign-in
//! hardening against the local Entra ID stand-in (tests/support/fake_entra.rs):
//! Entra ID and Microsoft Graph cannot be reached from here, so the
//! stand-in implements Graph v1.0's documented resetPassword contract
//! (../shared/contracts/graph-pilot-contract.md: `newPassword` required for
//! a synced user, 202 without a body, a `Location` with extra query
//! parameters, notStarted → running → succeeded or failed with a
//! statusDetail, 403 without the role, 404 for an unknown user, roles only
//! through `transitiveMemberOf`) and the portal's SSPR policy. Active
//! Directory is the demo organization's in-memory directory here; the
//! stand-in's reset hook plays the Connect server and writes `pwdLastSet`
//! 0 into it (a Graph admin reset makes the user change password at next
//! sign-in). tests/pilot_dc.rs does the same against the Samba DC.

mod support {
    pub mod fake_entra;
    pub mod pilot;
}

use support::{fake_entra, pilot};

use std::sync::Arc;
use std::time::Duration;

use fake_entra::{FakeUser, Server};
use writeback_wizard::audit::{Plane, Trail};
use writeback_wizard::backend::demo::DemoOrg;
use writeback_wizard::backend::entra::api::Api;
use writeback_wizard::backend::entra::pilot::{GraphPilot, RESET_SCOPE};
use writeback_wizard::backend::entra::signin;
use writeback_wizard::backend::entra::{PORTAL_SCOPE, SignInConfig};
use writeback_wizard::backend::tenant::{PilotTenant, SsprScope, TenantError};
use writeback_wizard::task::diagnose::Cause;
use writeback_wizard::task::prove::{
    self, Cancel, Options, Outcome, PilotWarning, ProveError, Role, Unproven,
};

use pilot::{BOB, BOB_DN, fast, runtime};

/// A stand-in with Bob (synced, in the demo directory) and a cloud-only
/// user; the demo organization as AD.
fn setup() -> (Server, DemoOrg) {
    let server = Server::start(fake_entra::Fake::default());
    {
        let mut f = server.lock();
        f.users.push(FakeUser::synced(BOB, BOB_DN, "bob.nguyen"));
        f.users.push(FakeUser::cloud("cloud@contoso.example"));
    }
    (server, DemoOrg::new(Duration::ZERO))
}

/// The Connect server's part: a reset accepted by the stand-in is written
/// to the demo directory with pwdLastSet 0 (must change at next sign-in).
fn write_back(server: &Server, org: &DemoOrg) {
    let org = org.clone();
    server.lock().on_reset = Some(Arc::new(move |u: &FakeUser, _pw: &str| {
        org.set_pwd_last_set(u.dn.as_deref().unwrap(), 0);
    }));
}

async fn session(config: &SignInConfig, scopes: &[&str]) -> Api {
    let s = signin::device_code_for(config, scopes, &mut |_| {})
        .await
        .unwrap();
    Api::new(Arc::new(s))
}

async fn pilot_tenant(server: &Server) -> GraphPilot {
    let api = session(&server.config(), &[RESET_SCOPE]).await;
    GraphPilot::new(api, Some(fake_entra::ME.into()))
}

#[test]
fn proven_when_the_cloud_succeeds_and_pwd_last_set_moves() {
    let (server, org) = setup();
    write_back(&server, &org);
    runtime().block_on(async {
        let mut tenant = pilot_tenant(&server).await;
        let mut dir = org.directory();
        let mut seen = Vec::new();
        let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |p| seen.push(p))
            .await
            .unwrap();
        assert_eq!(pilot.dn, BOB_DN);
        assert!(pilot.warnings.is_empty(), "{:?}", pilot.warnings);
        let before = org.pwd_last_set(BOB_DN).unwrap();
        let trail = Trail::new(None);
        let report = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &fast(),
            &trail,
            &Cancel::new(),
            &mut |p| seen.push(p),
        )
        .await
        .unwrap();
        assert_eq!(report.outcome, Outcome::Proven);
        assert!(before > 0);
        assert_eq!(org.pwd_last_set(BOB_DN).unwrap(), 0);
        // The operation was followed through its statuses.
        let statuses: Vec<_> = seen
            .iter()
            .filter_map(|p| match p {
                prove::Progress::CloudStatus { status, .. } => Some(*status),
                _ => None,
            })
            .collect();
        assert_eq!(statuses.len(), 3, "{statuses:?}");
        // The password was generated here and sent as newPassword (a
        // synced user's reset needs it), once; it is shown once, as a
        // Secret.
        let password = report.new_password.clone().expect("newPassword");
        assert!(password.expose().len() >= 16);
        assert!(pilot.rules.accepts(password.expose()));
        let f = server.lock();
        assert_eq!(f.count("graph-reset"), 1);
        assert_eq!(
            f.reset_bodies,
            vec![serde_json::json!({"newPassword": password.expose()})]
        );
        drop(f);
        // The audit record names the user and the result, never the password.
        let records = trail.records();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].plane, Plane::Pilot);
        assert_eq!(
            records[0].target.tenant.as_deref(),
            Some(fake_entra::TENANT_ID)
        );
        let line = serde_json::to_string(&records[0]).unwrap();
        assert!(line.contains(BOB) && line.contains("proven"), "{line}");
        assert!(!line.contains(password.expose()));
        let json = serde_json::to_string(&report).unwrap();
        assert!(!json.contains(password.expose()), "{json}");
    });
}

#[test]
fn unproven_when_ad_does_not_change() {
    let (server, org) = setup();
    runtime().block_on(async {
        let mut tenant = pilot_tenant(&server).await;
        let mut dir = org.directory();
        let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap();
        let report = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &fast(),
            &Trail::new(None),
            &Cancel::new(),
            &mut |_| {},
        )
        .await
        .unwrap();
        assert_eq!(
            report.outcome,
            Outcome::Unproven {
                why: Unproven::DirectoryUnchanged
            }
        );
        assert_eq!(report.pwd_last_set_before, report.pwd_last_set_after);
    });
}

#[test]
fn failed_with_the_status_detail_explained() {
    let (server, org) = setup();
    write_back(&server, &org);
    server.lock().reset_failure = Some(
        "The password could not be updated on-premises: hr=80230626, message=The management \
         agent credentials were denied access."
            .into(),
    );
    runtime().block_on(async {
        let mut tenant = pilot_tenant(&server).await;
        let mut dir = org.directory();
        let before = org.pwd_last_set(BOB_DN).unwrap();
        let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap();
        let trail = Trail::new(None);
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
        match &report.outcome {
            Outcome::Failed { detail, cause } => {
                assert!(detail.as_deref().unwrap().contains("80230626"));
                assert_eq!(*cause, Cause::AccessDenied);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(org.pwd_last_set(BOB_DN).unwrap(), before);
        assert!(matches!(
            trail.records()[0].result,
            writeback_wizard::audit::Outcome::Failed { .. }
        ));
    });
}

#[test]
fn refusals_are_typed_before_anything_changes() {
    let (server, org) = setup();
    runtime().block_on(async {
        let mut tenant = pilot_tenant(&server).await;
        let mut dir = org.directory();
        // 404: unknown user.
        let e = prove::pick(&mut tenant, &mut dir, "nobody@contoso.example", &mut |_| {})
            .await
            .unwrap_err();
        assert_eq!(e, ProveError::UserNotFound("nobody@contoso.example".into()));
        // Cloud-only.
        let e = prove::pick(&mut tenant, &mut dir, "cloud@contoso.example", &mut |_| {})
            .await
            .unwrap_err();
        assert!(matches!(e, ProveError::NotSynced(_)), "{e:?}");
        // The signed-in account.
        let e = prove::pick(&mut tenant, &mut dir, fake_entra::ME, &mut |_| {})
            .await
            .unwrap_err();
        assert!(matches!(e, ProveError::OwnAccount(_)), "{e:?}");
        // Synced, but not in this directory.
        server.lock().users.push(FakeUser::synced(
            "ghost@contoso.example",
            "CN=Ghost,OU=Gone,DC=contoso,DC=com",
            "ghost",
        ));
        let e = prove::pick(&mut tenant, &mut dir, "ghost@contoso.example", &mut |_| {})
            .await
            .unwrap_err();
        assert!(matches!(e, ProveError::NotInDirectory { .. }), "{e:?}");
        // 403 on the reset: the role is named; nothing was reset.
        server.lock().reset_role = false;
        let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap();
        let e = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &fast(),
            &Trail::new(None),
            &Cancel::new(),
            &mut |_| {},
        )
        .await
        .unwrap_err();
        assert_eq!(
            e,
            ProveError::RoleMissing(Role::AuthenticationAdministrator)
        );
        assert!(server.lock().operations.is_empty());
    });
}

#[test]
fn an_admin_pilot_is_refused_unless_allowed_and_a_foreign_next_link_is_not_followed() {
    let (server, org) = setup();
    write_back(&server, &org);
    {
        let mut f = server.lock();
        let u = f.users.iter_mut().find(|u| u.upn == BOB).unwrap();
        u.roles = vec!["Helpdesk Administrator".into(), "Global Reader".into()];
    }
    let allow = prove::PickOptions {
        allow_privileged: true,
        ..Default::default()
    };
    runtime().block_on(async {
        let mut tenant = pilot_tenant(&server).await;
        let mut dir = org.directory();
        // Two pages of roles, the second through @odata.nextLink: refused.
        let e = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap_err();
        let roles = PilotWarning::AdminRoles {
            roles: vec!["Helpdesk Administrator".into(), "Global Reader".into()],
        };
        assert_eq!(
            e,
            ProveError::Privileged {
                user: BOB.into(),
                reasons: vec![roles.clone()]
            }
        );
        assert_eq!(server.lock().count("graph-user-roles"), 2);
        assert_eq!(server.lock().count("graph-reset"), 0);
        // --allow-privileged: the reasons become warnings.
        let pilot = prove::pick_with(&mut tenant, &mut dir, BOB, &allow, &mut |_| {})
            .await
            .unwrap();
        assert_eq!(pilot.warnings, vec![roles]);
        // A nextLink to another host is refused: the roles are unknown,
        // which is refused too.
        server.lock().foreign_next_link = true;
        let e = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap_err();
        assert!(
            matches!(&e, ProveError::Privileged { reasons, .. } if reasons == &[PilotWarning::RolesUnknown]),
            "{e:?}"
        );
        assert_eq!(server.lock().count("graph-user-roles"), 5, "not followed");
    });
}

#[test]
fn a_role_held_through_a_group_or_unreadable_roles_refuse_the_pilot() {
    let (server, org) = setup();
    {
        let mut f = server.lock();
        let u = f.users.iter_mut().find(|u| u.upn == BOB).unwrap();
        u.group_roles = vec!["User Administrator".into()];
    }
    runtime().block_on(async {
        let mut tenant = pilot_tenant(&server).await;
        let mut dir = org.directory();
        let e = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap_err();
        assert_eq!(
            e,
            ProveError::Privileged {
                user: BOB.into(),
                reasons: vec![PilotWarning::AdminRoles {
                    roles: vec!["User Administrator".into()]
                }]
            }
        );
        // 403 on the roles: unknown, refused.
        {
            let mut f = server.lock();
            f.users.iter_mut().find(|u| u.upn == BOB).unwrap().group_roles = Vec::new();
            f.roles_forbidden = true;
        }
        let e = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap_err();
        assert!(
            matches!(&e, ProveError::Privileged { reasons, .. } if reasons == &[PilotWarning::RolesUnknown]),
            "{e:?}"
        );
        // The bind account itself is refused.
        server.lock().roles_forbidden = false;
        let options = prove::PickOptions {
            allow_privileged: false,
            bind_account: Some("CONTOSO\\bob.nguyen".into()),
        };
        let e = prove::pick_with(&mut tenant, &mut dir, BOB, &options, &mut |_| {})
            .await
            .unwrap_err();
        assert!(
            matches!(&e, ProveError::Privileged { reasons, .. } if reasons == &[PilotWarning::BindAccount]),
            "{e:?}"
        );
    });
}

/// Picks Bob and runs the test with fast limits.
async fn pick_and_run(
    server: &Server,
    org: &DemoOrg,
    trail: &Trail,
) -> (prove::Pilot, Result<prove::Report, ProveError>) {
    let mut tenant = pilot_tenant(server).await;
    let mut dir = org.directory();
    let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
        .await
        .unwrap();
    let result = prove::run(
        &mut tenant,
        &mut dir,
        &pilot,
        &fast(),
        trail,
        &Cancel::new(),
        &mut |_| {},
    )
    .await;
    (pilot, result)
}

#[test]
fn a_synced_user_reset_without_new_password_is_refused_by_the_stand_in() {
    // The contract the pilot code is written against: Graph generates a
    // password only for cloud-only users.
    let (server, _org) = setup();
    runtime().block_on(async {
        let api = session(&server.config(), &[RESET_SCOPE]).await;
        let url = |id: &str| {
            format!(
                "{}/v1.0/users/{id}/authentication/methods/28c10230-6103-485e-b985-444c60001490/resetPassword",
                server.base
            )
        };
        let e = api
            .send(
                reqwest::Method::POST,
                &url("id-bob.nguyen"),
                RESET_SCOPE,
                Some(&serde_json::json!({})),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&e, TenantError::Graph { status: 400, code, .. } if code == "invalidRequest"),
            "{e:?}"
        );
        // A cloud-only user gets one generated, in the body.
        let reply = api
            .send(
                reqwest::Method::POST,
                &url("id-cloud"),
                RESET_SCOPE,
                Some(&serde_json::json!({})),
            )
            .await
            .unwrap();
        assert_eq!(reply.status, 202);
        assert!(reply.body["newPassword"].as_str().is_some());
        assert!(reply.location.unwrap().contains("?aadgdc="));
    });
}

#[test]
fn graph_error_code_and_message_are_shown_and_the_post_is_sent_once() {
    let (server, org) = setup();
    write_back(&server, &org);
    server.lock().reset_error = Some((
        400,
        "invalidPassword".into(),
        "The password does not meet the on-premises policy.".into(),
    ));
    runtime().block_on(async {
        let (_, result) = pick_and_run(&server, &org, &Trail::new(None)).await;
        let e = result.unwrap_err();
        assert!(
            matches!(&e, ProveError::Tenant(TenantError::Graph { status: 400, code, message })
                if code == "invalidPassword" && message.contains("on-premises policy")),
            "{e:?}"
        );
        let text = writeback_wizard::explain::prove_error(&e);
        assert!(
            text.contains("invalidPassword") && text.contains("on-premises policy"),
            "{text}"
        );
        assert_eq!(server.lock().count("graph-reset"), 1);
        // 503 on the POST: not retried (a GET would be).
        server.lock().reset_error = Some((503, "serviceUnavailable".into(), "busy".into()));
        let (_, result) = pick_and_run(&server, &org, &Trail::new(None)).await;
        assert_eq!(
            result.unwrap_err(),
            ProveError::Tenant(TenantError::Throttled)
        );
        assert_eq!(server.lock().count("graph-reset"), 2, "one POST per test");
    });
}

#[test]
fn no_location_ends_as_status_unknown_with_the_password_after_one_post() {
    let (server, org) = setup();
    write_back(&server, &org);
    server.lock().no_location = true;
    runtime().block_on(async {
        let trail = Trail::new(None);
        let (_, result) = pick_and_run(&server, &org, &trail).await;
        match result.unwrap_err() {
            ProveError::StatusUnknown {
                new_password: Some(p),
                ..
            } => {
                let f = server.lock();
                assert_eq!(f.reset_bodies[0]["newPassword"], p.expose());
            }
            other => panic!("{other:?}"),
        }
        let f = server.lock();
        assert_eq!(f.count("graph-reset"), 1);
        assert_eq!(f.count("graph-operation"), 0);
        drop(f);
        assert_eq!(trail.records().len(), 1);
    });
}

#[test]
fn statuses_are_read_without_case_and_unknown_future_value_is_not_final() {
    let (server, org) = setup();
    write_back(&server, &org);
    server.lock().reset_plan = Some(vec![
        ("NotStarted", None),
        ("unknownFutureValue", None),
        ("Running", None),
        ("Succeeded", None),
    ]);
    runtime().block_on(async {
        let (_, result) = pick_and_run(&server, &org, &Trail::new(None)).await;
        assert_eq!(result.unwrap().outcome, Outcome::Proven);
        assert_eq!(server.lock().count("graph-operation"), 4);
    });
}

#[test]
fn the_reset_permission_is_asked_for_when_needed() {
    let (server, org) = setup();
    write_back(&server, &org);
    server.lock().reset_consented = false;
    runtime().block_on(async {
        // Signed in for the portal only: the reset's token needs consent.
        let api = session(&server.config(), &[PORTAL_SCOPE]).await;
        let mut tenant = GraphPilot::new(api, Some(fake_entra::ME.into()));
        let mut dir = org.directory();
        let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap();
        let e = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &fast(),
            &Trail::new(None),
            &Cancel::new(),
            &mut |_| {},
        )
        .await
        .unwrap_err();
        assert_eq!(
            e,
            ProveError::ConsentNeeded {
                scope: RESET_SCOPE.into()
            }
        );
        // Incremental consent: a sign-in asking for the scope, then it works.
        let mut tenant = pilot_tenant(&server).await;
        let report = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &fast(),
            &Trail::new(None),
            &Cancel::new(),
            &mut |_| {},
        )
        .await
        .unwrap();
        assert_eq!(report.outcome, Outcome::Proven);
    });
}

#[test]
fn cancel_after_the_reset_keeps_the_new_password() {
    let (server, org) = setup();
    runtime().block_on(async {
        let mut tenant = pilot_tenant(&server).await;
        let mut dir = org.directory();
        let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap();
        let cancel = Cancel::new();
        let trigger = cancel.clone();
        let trail = Trail::new(None);
        let e = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &Options {
                poll: Duration::from_secs(5),
                ..fast()
            },
            &trail,
            &cancel,
            &mut move |p| {
                if p == prove::Progress::Resetting {
                    // Cancelled while the first poll waits.
                    let t = trigger.clone();
                    tokio::spawn(async move {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        t.cancel();
                    });
                }
            },
        )
        .await
        .unwrap_err();
        match e {
            ProveError::Cancelled {
                reset_sent: true,
                new_password: Some(p),
            } => assert!(!p.expose().is_empty()),
            other => panic!("{other:?}"),
        }
        // The test is in the audit log as cancelled.
        assert_eq!(trail.records().len(), 1);
    });
}

#[test]
fn sspr_policy_is_read_and_nobody_warns() {
    let (server, _org) = setup();
    runtime().block_on(async {
        let mut tenant = GraphPilot::new(session(&server.config(), &[PORTAL_SCOPE]).await, None);
        assert_eq!(
            tenant.sspr_scope().await.unwrap(),
            SsprScope::Group {
                id: Some("0f0e0d0c-0000-4000-8000-000000000001".into()),
                name: Some("SSPR users".into())
            }
        );
        let (o, _) = writeback_wizard::task::portal::sspr_check(&mut tenant).await;
        assert_eq!(o, writeback_wizard::task::permissions::Outcome::Ok);
        server.lock().sspr = 0;
        let (o, f) = writeback_wizard::task::portal::sspr_check(&mut tenant).await;
        assert_eq!(o, writeback_wizard::task::permissions::Outcome::Warning);
        assert_eq!(
            f,
            writeback_wizard::task::portal::SsprFinding::Scope(SsprScope::Nobody)
        );
        server.lock().sspr = 2;
        assert_eq!(tenant.sspr_scope().await.unwrap(), SsprScope::Everyone);
    });
}

#[test]
fn a_token_of_another_tenant_is_refused() {
    let server = Server::start(fake_entra::Fake::default());
    server.lock().tid = "00000000-1111-2222-3333-444444444444".into();
    runtime().block_on(async {
        let mut config = server.config();
        config.tenant = fake_entra::TENANT_ID.into();
        let e = signin::device_code_for(&config, &[PORTAL_SCOPE], &mut |_| {})
            .await
            .unwrap_err();
        assert!(
            matches!(&e, TenantError::TenantMismatch { expected, got }
                if expected == fake_entra::TENANT_ID && got.starts_with("00000000")),
            "{e:?}"
        );
        // A domain name cannot be compared; the session then names the
        // tenant by the token's tid.
        let s = signin::device_code_for(&server.config(), &[PORTAL_SCOPE], &mut |_| {})
            .await
            .unwrap();
        assert_eq!(
            s.tenant_id().as_deref(),
            Some("00000000-1111-2222-3333-444444444444")
        );
        assert_eq!(s.tenant_label(), "00000000-1111-2222-3333-444444444444");
    });
}

#[test]
fn consent_signs_in_again_for_the_reset_permission() {
    let (server, org) = setup();
    write_back(&server, &org);
    server.lock().reset_consented = false;
    runtime().block_on(async {
        let signed = prove::consent(
            &server.config(),
            writeback_wizard::task::portal::Method::DeviceCode,
            &mut |_| true,
            &mut |_| {},
        )
        .await
        .unwrap();
        assert!(server.lock().reset_consented);
        assert_eq!(signed.user.as_deref(), Some(fake_entra::ME));
        let mut tenant = signed.tenant().pilot();
        let mut dir = org.directory();
        let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap();
        let report = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &fast(),
            &Trail::new(None),
            &Cancel::new(),
            &mut |_| {},
        )
        .await
        .unwrap();
        assert_eq!(report.outcome, Outcome::Proven);
    });
}

#[test]
fn the_browser_sign_in_sends_http_localhost_port_to_authorize_and_token_alike() {
    let server = Server::start(fake_entra::Fake::default());
    runtime().block_on(async {
        let mut config = server.config();
        config.client_id = fake_entra::GRAPH_CLIENT_ID.into();
        // Plays the browser: follows the authorize URL, delivers its
        // redirect to the wizard's listener (bound on 127.0.0.1).
        let mut open = |url: &str| {
            let url = url.to_string();
            tokio::spawn(async move {
                let http = reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .unwrap();
                let r = http.get(&url).send().await.unwrap();
                assert_eq!(r.status(), 302, "authorize refused the request");
                let location = r.headers()["location"].to_str().unwrap().to_string();
                // As the browser would: localhost, the listener's port, `/`.
                let on_loopback = location.replacen("http://localhost:", "http://127.0.0.1:", 1);
                let page = http.get(on_loopback).send().await.unwrap();
                assert_eq!(page.status(), 200);
            });
            true
        };
        signin::browser_for(&config, &[RESET_SCOPE], &mut open, &mut |_| {})
            .await
            .unwrap();
        let redirects = server.lock().redirects.clone();
        assert_eq!(redirects.len(), 2, "{redirects:?}");
        let (authorize, token) = (&redirects[0], &redirects[1]);
        assert_eq!((authorize.0, token.0), ("authorize", "token"));
        assert_eq!(authorize.1, token.1);
        let port = authorize
            .1
            .strip_prefix("http://localhost:")
            .expect("http://localhost:PORT");
        assert!(
            port.parse::<u16>().is_ok(),
            "no path after the port: {port}"
        );
    });
}
