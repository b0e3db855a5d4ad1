//! The Targets page's tenant sign-in and the portal page on real backends,
//! driven headlessly (iced_test's simulator) against the Entra stand-in of
//! tests/support/fake_entra.rs (Entra ID cannot be reached from here; the
//! stand-in implements the documented contract, see that file). The pages
//! run the same task code as the CLI (`task::portal`).
//!
//! One test per binary run: the endpoints come from process-wide variables.

mod support {
    pub mod fake_entra;
    pub mod pages;
}

use support::{fake_entra, pages};

use fake_entra::{DeviceEnd, Failure, Fake, Server};
use pages::{Run, maybe_shot, shows};
use writeback_wizard::page::{Page, Status, portal, targets};
use writeback_wizard::profile::Settings;
use writeback_wizard::session::{Credentials, Env};
use writeback_wizard::task::portal::Method;

/// A run on real (not yet configured) backends.
fn real_run() -> Run {
    let dir = std::env::temp_dir().join(format!("wbw-wizard-portal-{}", std::process::id()));
    Run::new(Env::real(Settings::default(), Credentials::default()), &dir)
}

/// The Targets page signed in with a device code; the run's backends
/// follow its settings.
fn signed_in_targets(run: &mut Run) -> targets::State {
    let mut page = targets::State::default();
    run.send(
        &mut page,
        targets::Message::Tenant(fake_entra::TENANT.into()),
    );
    maybe_shot(page.view(&run.ctx()), "targets-real");
    assert!(shows(page.view(&run.ctx()), "Sign in with a code"));
    run.send(&mut page, targets::Message::SignIn(Method::DeviceCode));
    page
}

#[test]
fn sign_in_on_targets_then_switch_the_portal_page_and_fall_back_by_hand() {
    writeback_wizard::localize::init(Some("en"));
    let server = Server::start(Fake::default());
    // SAFETY: this test binary runs one test; nothing reads the variables
    // concurrently.
    unsafe {
        for (k, v) in server.env() {
            std::env::set_var(k, v);
        }
    }

    // Not signed in: the portal page guides the manual step.
    let mut run = real_run();
    let mut page = portal::State::default();
    run.enter(&mut page);
    assert!(shows(page.view(&run.ctx()), "Open the admin center"));
    assert!(page.can_continue(&run.ctx()));
    assert_eq!(page.status(&run.ctx()), Status::Warning);
    maybe_shot(page.view(&run.ctx()), "portal-not-signed-in");

    // Sign in with a device code on the Targets page.
    let targets = signed_in_targets(&mut run);
    assert!(
        shows(
            targets.view(&run.ctx()),
            "Signed in as admin@contoso.example (contoso.example)"
        ),
        "not signed in"
    );
    maybe_shot(targets.view(&run.ctx()), "targets-signed-in");
    assert!(
        run.env.has_tenant(),
        "the sign-in reached the run's backends"
    );

    // The portal page reads, applies (both on at the stand-in), undoes.
    let mut page = portal::State::default();
    run.enter(&mut page);
    assert!(!page.can_continue(&run.ctx()));
    assert!(shows(page.view(&run.ctx()), "Apply"));
    run.send(&mut page, portal::Message::Apply);
    assert!(server.lock().writeback && server.lock().unlock);
    assert!(page.can_continue(&run.ctx()));
    assert_eq!(page.status(&run.ctx()), Status::Done);
    maybe_shot(page.view(&run.ctx()), "portal-applied");
    run.send(&mut page, portal::Message::Undo);
    assert!(!server.lock().writeback && !server.lock().unlock);
    // The page's switches went through the task code: both recorded.
    assert_eq!(run.backups.trail.records().len(), 2);

    // The API refuses (403): the page falls back to the manual step, and a
    // re-check that succeeds brings the automated view back.
    server.lock().fail("policy-get", Failure::Status(403, None));
    run.send(&mut page, portal::Message::Apply);
    assert!(shows(page.view(&run.ctx()), "Open the admin center"));
    assert!(shows(page.view(&run.ctx()), "Check again"));
    assert_eq!(page.status(&run.ctx()), Status::Warning);
    assert!(server.lock().puts.len() == 4, "nothing more was written");
    maybe_shot(page.view(&run.ctx()), "portal-fallback");
    run.send(&mut page, portal::Message::Refresh);
    assert!(shows(page.view(&run.ctx()), "Apply"));

    // A declined sign-in shows its reason on the Targets page.
    server.lock().device_pending = 0;
    server.lock().device_end = DeviceEnd::Decline;
    let mut run = real_run();
    let mut page = targets::State::default();
    run.send(
        &mut page,
        targets::Message::Tenant(fake_entra::TENANT.into()),
    );
    run.send(&mut page, targets::Message::SignIn(Method::DeviceCode));
    let declined = writeback_wizard::explain::tenant_error(
        &writeback_wizard::backend::tenant::TenantError::Declined,
    );
    assert!(shows(page.view(&run.ctx()), &declined), "{declined}");

    // Cloud Sync chosen on Targets: the portal page also reads and sets
    // "write back passwords with cloud sync" (reported field, see the
    // stand-in), and leaves it to the manual step when not reported.
    {
        let mut fake = server.lock();
        fake.device_pending = 1;
        fake.device_end = DeviceEnd::Approve;
        fake.cloud_sync = Some(false);
    }
    let mut run = real_run();
    let mut targets = targets::State::default();
    run.send(
        &mut targets,
        targets::Message::Tenant(fake_entra::TENANT.into()),
    );
    run.send(&mut targets, targets::Message::CloudSync(true));
    run.send(&mut targets, targets::Message::SignIn(Method::DeviceCode));
    assert!(run.env.has_tenant() && run.env.settings().connect.cloud_sync);
    let cloud_label = "Write back passwords with Microsoft Entra Connect cloud sync";
    let mut page = portal::State::default();
    run.enter(&mut page);
    assert!(shows(
        page.view(&run.ctx()),
        &format!("{cloud_label}: off → on")
    ));
    assert!(!page.can_continue(&run.ctx()));
    run.send(&mut page, portal::Message::Apply);
    assert_eq!(server.lock().cloud_sync, Some(true));
    assert!(shows(
        page.view(&run.ctx()),
        &format!("{cloud_label}: on → on")
    ));
    assert!(page.can_continue(&run.ctx()));
    assert_eq!(page.status(&run.ctx()), Status::Done);
    maybe_shot(page.view(&run.ctx()), "portal-cloud-sync");
    // Undo turns it off again with the other two.
    run.send(&mut page, portal::Message::Undo);
    assert_eq!(server.lock().cloud_sync, Some(false));
    assert!(!server.lock().writeback);

    // Not reported: unknown, the other two are switched, cloud sync's is
    // the guided manual step (Next allowed, as for the other manual step).
    server.lock().cloud_sync = None;
    run.send(&mut page, portal::Message::Refresh);
    assert!(shows(
        page.view(&run.ctx()),
        &format!("{cloud_label}: unknown → on")
    ));
    assert!(shows(
        page.view(&run.ctx()),
        "The portal's API does not report the cloud sync setting: set it by hand."
    ));
    let puts = server.lock().puts.len();
    run.send(&mut page, portal::Message::Apply);
    assert!(server.lock().writeback && server.lock().unlock);
    assert_eq!(
        server.lock().puts.len(),
        puts + 2,
        "nothing sent for cloud sync"
    );
    assert!(shows(page.view(&run.ctx()), "Open the admin center"));
    assert!(page.can_continue(&run.ctx()));
    assert_eq!(page.status(&run.ctx()), Status::Warning);
    maybe_shot(page.view(&run.ctx()), "portal-cloud-sync-manual");
}
