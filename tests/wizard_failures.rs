//! A failed Enable is not a change (issue 16): when switching writeback on
//! fails on the Connect page (the stand-in PowerShell of
//! tests/support/fake-powershell.py hangs on the Set cmdlet until the
//! wizard's time limit) and on the portal page (the Entra stand-in of
//! tests/support/fake_entra.rs answers the PUT with 500), Summary does not
//! list it, Undo everything is not offered, and the runbook's changes and
//! undo list do not name it. No Connect server or Entra tenant can run
//! here; the stand-ins implement the documented contracts (see those
//! files). What the pages read is the run's audit trail.
//!
//! One test per binary run: the stand-ins are named by process-wide
//! variables.

mod support {
    pub mod fake_entra;
    pub mod pages;
}

use support::{fake_entra, pages};

use std::path::Path;
use std::time::Duration;

use fake_entra::{Failure, Fake, Server};
use pages::{Run, shows};
use writeback_wizard::app::{Options, ThemeChoice};
use writeback_wizard::audit::{Outcome, Plane};
use writeback_wizard::headless::Driver;
use writeback_wizard::page::{Page, connect, portal, summary, targets};
use writeback_wizard::profile::Settings;
use writeback_wizard::session::{Credentials, Env};
use writeback_wizard::task::portal::Method;

#[test]
fn a_failed_enable_is_not_in_summary_undo_all_or_the_runbook() {
    writeback_wizard::localize::init(Some("en"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wizard-failures");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let server = Server::start(Fake::default());
    let fake = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fake-powershell.py");
    // SAFETY: this test binary runs one test; nothing reads the variables
    // concurrently.
    unsafe {
        for (k, v) in server.env() {
            std::env::set_var(k, v);
        }
        std::env::set_var("WRITEBACK_WIZARD_POWERSHELL", &fake);
        std::env::set_var("FAKE_PWSH_STATE", dir.join("state.json"));
        std::env::set_var("FAKE_PWSH_LOG", dir.join("log.jsonl"));
        std::env::set_var("FAKE_PWSH_MODE", "hang-on-set");
    }
    let mut settings = Settings::default();
    settings.connect.timeout = Duration::from_secs(3);
    let mut run = Run::new(Env::real(settings.clone(), Credentials::default()), &dir);

    // Signed in on Targets (the stand-in approves the device code).
    let mut page = targets::State::default();
    run.send(
        &mut page,
        targets::Message::Tenant(fake_entra::TENANT.into()),
    );
    run.send(&mut page, targets::Message::SignIn(Method::DeviceCode));
    assert!(run.env.has_tenant());

    // Connect: the Set cmdlet hangs; the wizard gives up after its limit.
    let mut connect = connect::State::default();
    run.enter(&mut connect);
    run.send(&mut connect, connect::Message::Enable);
    assert!(
        !shows(connect.view(&run.ctx()), "Password writeback is on"),
        "the failed Enable shows as on"
    );
    // Portal: the PUT fails with 500.
    server.lock().fail("policy-put", Failure::Status(500, None));
    let mut portal = portal::State::default();
    run.enter(&mut portal);
    run.send(&mut portal, portal::Message::Apply);

    // Both attempts are recorded, as failed.
    let records = run.backups.trail.records();
    assert_eq!(records.len(), 2, "{records:?}");
    for (record, plane) in records.iter().zip([Plane::Connect, Plane::Portal]) {
        assert_eq!(record.plane, plane);
        assert!(
            matches!(record.result, Outcome::Failed { .. }),
            "{record:?}"
        );
    }

    // Summary: nothing changed, nothing to undo.
    let summary = summary::State::default();
    assert!(shows(
        summary.view(&run.ctx()),
        "Entra Connect: not changed by this run"
    ));
    assert!(shows(
        summary.view(&run.ctx()),
        "Portal: not changed by this run"
    ));
    let changes = summary::Changes::of(&records);
    assert!(!changes.connect && !changes.portal);
    assert!(!changes.undoable(), "Undo everything is offered");

    // The runbook of the same run: no change, nothing to undo.
    let d = Driver::new(Options {
        env: run.env.clone(),
        source: "test".into(),
        lang: "en".into(),
        theme: ThemeChoice::Light,
        backups: run.backups.clone(),
    });
    let rb = d.app.runbook(&[]);
    assert!(rb.changes.is_empty(), "{:?}", rb.changes);
    assert_eq!(rb.undo.len(), 1);
    assert!(rb.undo[0].command.is_none(), "{:?}", rb.undo);
    let _ = std::fs::remove_dir_all(&dir);
}
