//! The pilot test (`task::prove`), the SSPR policy and the sign-in
//! hardening against the local Entra ID stand-in (tests/support/fake_entra.rs):
//! Entra ID and Microsoft Graph cannot be reached from here, so the
//! stand-in implements Graph v1.0's documented resetPassword contract (202
//! with `Location`, notStarted → running → succeeded or failed with a
//! statusDetail, 403 without the role, 404 for an unknown user) and the
//! portal's SSPR policy. Active Directory is the demo organization's
//! in-memory directory here; the stand-in's reset hook plays the Connect
//! server and writes `pwdLastSet` into it. tests/pilot_dc.rs does the same
//! against the Samba DC.

#[path = "support/pilot.rs"]
mod common_pilot;
#[path = "support/fake_entra.rs"]
mod fake_entra;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

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

use common_pilot::{BOB, BOB_DN, fast, runtime};

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

/// The Connect server's part: a reset accepted by the stand-in moves the
/// user's pwdLastSet in the demo directory.
fn write_back(server: &Server, org: &DemoOrg) {
    let org = org.clone();
    server.lock().on_reset = Some(Arc::new(move |u: &FakeUser, _pw: &str| {
        let now = prove::filetime(SystemTime::now());
        org.set_pwd_last_set(u.dn.as_deref().unwrap(), now);
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
        assert!(org.pwd_last_set(BOB_DN).unwrap() > before);
        // The operation was followed through its statuses.
        let statuses: Vec<_> = seen
            .iter()
            .filter_map(|p| match p {
                prove::Progress::CloudStatus { status, .. } => Some(*status),
                _ => None,
            })
            .collect();
        assert_eq!(statuses.len(), 3, "{statuses:?}");
        // The new password came back once, as a Secret, and matches the
        // one the stand-in generated.
        let password = report.new_password.clone().expect("newPassword");
        assert!(server.lock().secrets.iter().any(|s| s == password.expose()));
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
fn an_admin_pilot_is_warned_and_a_foreign_next_link_is_not_followed() {
    let (server, org) = setup();
    {
        let mut f = server.lock();
        let u = f.users.iter_mut().find(|u| u.upn == BOB).unwrap();
        u.roles = vec!["Helpdesk Administrator".into(), "Global Reader".into()];
    }
    runtime().block_on(async {
        let mut tenant = pilot_tenant(&server).await;
        let mut dir = org.directory();
        // Two pages of roles, the second through @odata.nextLink.
        let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap();
        assert_eq!(
            pilot.warnings,
            vec![PilotWarning::AdminRoles {
                roles: vec!["Helpdesk Administrator".into(), "Global Reader".into()]
            }]
        );
        assert_eq!(server.lock().count("graph-user-roles"), 2);
        // A nextLink to another host is refused: the roles are unknown.
        server.lock().foreign_next_link = true;
        let pilot = prove::pick(&mut tenant, &mut dir, BOB, &mut |_| {})
            .await
            .unwrap();
        assert_eq!(pilot.warnings, vec![PilotWarning::RolesUnknown]);
        assert_eq!(server.lock().count("graph-user-roles"), 3, "not followed");
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
