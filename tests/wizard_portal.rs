//! The Targets page's tenant sign-in and the portal page on real backends,
//! driven headlessly (iced_test's simulator) against the Entra stand-in of
//! tests/support/fake_entra.rs (Entra ID cannot be reached from here; the
//! stand-in implements the documented contract, see that file). The pages
//! run the same task code as the CLI (`task::portal`).
//!
//! One test per binary run: the endpoints come from process-wide variables.

#[path = "support/fake_entra.rs"]
mod fake_entra;
#[path = "support/pages.rs"]
mod pages;

use fake_entra::{DeviceEnd, Failure, Fake, Server};
use pages::{drive, maybe_shot, shows};
use writeback_wizard::audit::Trail;
use writeback_wizard::page::{Status, portal, targets};
use writeback_wizard::session::Env;
use writeback_wizard::task::portal::Method;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn signed_in_targets(rt: &tokio::runtime::Runtime) -> targets::State {
    let mut page = targets::State::default();
    // The Targets page takes the environment only for "Find".
    let env = Env::demo(true);
    let _ = page.update(targets::Message::Tenant(fake_entra::TENANT.into()), &env);
    maybe_shot(page.view(false), "targets-real");
    assert!(shows(page.view(false), "Sign in with a code"));
    let task = page.update(targets::Message::SignIn(Method::DeviceCode), &env);
    drive(rt, task, &mut |m| page.update(m, &env));
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
    let rt = runtime();
    let trail = Trail::new(None);

    // Not signed in: the portal page guides the manual step.
    let unsigned = targets::State::default().real_env();
    let mut page = portal::State::default();
    let task = page.start(&unsigned);
    drive(&rt, task, &mut |m| page.update(m, &unsigned, &trail));
    assert!(shows(page.view(&unsigned), "Open the admin center"));
    assert!(page.complete(&unsigned));
    assert_eq!(page.status(&unsigned), Status::Warning);
    maybe_shot(page.view(&unsigned), "portal-not-signed-in");

    // Sign in with a device code on the Targets page.
    let targets = signed_in_targets(&rt);
    assert!(
        shows(
            targets.view(false),
            "Signed in as admin@contoso.example (contoso.example)"
        ),
        "not signed in"
    );
    maybe_shot(targets.view(false), "targets-signed-in");
    let env = targets.real_env();

    // The portal page reads, applies (both on at the stand-in), undoes.
    let mut page = portal::State::default();
    let task = page.start(&env);
    drive(&rt, task, &mut |m| page.update(m, &env, &trail));
    assert!(!page.complete(&env));
    assert!(shows(page.view(&env), "Apply"));
    let task = page.update(portal::Message::Apply, &env, &trail);
    drive(&rt, task, &mut |m| page.update(m, &env, &trail));
    assert!(server.lock().writeback && server.lock().unlock);
    assert!(page.complete(&env));
    assert_eq!(page.status(&env), Status::Done);
    maybe_shot(page.view(&env), "portal-applied");
    let task = page.update(portal::Message::Undo, &env, &trail);
    drive(&rt, task, &mut |m| page.update(m, &env, &trail));
    assert!(!server.lock().writeback && !server.lock().unlock);
    // The page's switches went through the task code: both recorded.
    assert_eq!(trail.records().len(), 2);

    // The API refuses (403): the page falls back to the manual step, and a
    // re-check that succeeds brings the automated view back.
    server.lock().fail("policy-get", Failure::Status(403, None));
    let task = page.update(portal::Message::Apply, &env, &trail);
    drive(&rt, task, &mut |m| page.update(m, &env, &trail));
    assert!(shows(page.view(&env), "Open the admin center"));
    assert!(shows(page.view(&env), "Check again"));
    assert_eq!(page.status(&env), Status::Warning);
    assert!(server.lock().puts.len() == 4, "nothing more was written");
    maybe_shot(page.view(&env), "portal-fallback");
    let task = page.update(portal::Message::Refresh, &env, &trail);
    drive(&rt, task, &mut |m| page.update(m, &env, &trail));
    assert!(shows(page.view(&env), "Apply"));

    // A declined sign-in shows its reason on the Targets page.
    server.lock().device_pending = 0;
    server.lock().device_end = DeviceEnd::Decline;
    let mut page = targets::State::default();
    let demo = Env::demo(true);
    page.tenant = fake_entra::TENANT.into();
    let task = page.update(targets::Message::SignIn(Method::DeviceCode), &demo);
    drive(&rt, task, &mut |m| page.update(m, &demo));
    let declined = writeback_wizard::explain::tenant_error(
        &writeback_wizard::backend::tenant::TenantError::Declined,
    );
    assert!(shows(page.view(false), &declined), "{declined}");
}
