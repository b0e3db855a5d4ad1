//! The Connect page on Cloud Sync's provisioning agent, chosen on the
//! Targets page, driven headlessly against the stand-in PowerShell of
//! tests/support/fake-powershell.py (no Cloud Sync agent can run here; the
//! stand-in answers as the agent's module and its Set cmdlet do, see that
//! file). The page runs the same task code as `sync --cloud-sync`.
//!
//! One test per binary run: the PowerShell executable is named by a
//! process-wide variable.

mod support {
    pub mod pages;
}

use support::pages;

use std::path::Path;

use pages::{Run, maybe_shot, shows};
use writeback_wizard::backend::entra::pilot::GRAPH_CLIENT_ID;
use writeback_wizard::page::{Page, Status, connect, pilot, targets};
use writeback_wizard::profile::Settings;
use writeback_wizard::session::{Credentials, Env};

#[test]
fn cloud_sync_is_chosen_on_targets_and_switched_on_the_connect_page() {
    writeback_wizard::localize::init(Some("en"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wizard-cloudsync");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fake = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fake-powershell.py");
    // SAFETY: this test binary runs one test; nothing reads the variables
    // concurrently.
    unsafe {
        std::env::set_var("WRITEBACK_WIZARD_POWERSHELL", &fake);
        std::env::set_var("FAKE_PWSH_STATE", dir.join("state.json"));
        std::env::set_var("FAKE_PWSH_LOG", dir.join("log.jsonl"));
    }
    let mut run = Run::new(Env::real(Settings::default(), Credentials::default()), &dir);

    // Targets: Cloud Sync needs the tenant administrator before Next.
    let mut page = targets::State::default();
    for m in [
        targets::Message::Server("ldaps://dc01.corp.example".into()),
        targets::Message::BindUser("CORP\\admin".into()),
        targets::Message::Connector("MSOL_1".into()),
        targets::Message::Password("pw".into()),
    ] {
        run.send(&mut page, m);
    }
    assert!(page.can_continue(&run.ctx()));

    // The Graph client of the pilot test: blank is Microsoft Graph
    // Command Line Tools; a typed one reaches the settings the pilot page
    // signs in with.
    assert!(shows(
        page.view(&run.ctx()),
        "Graph client for the pilot test (application ID)"
    ));
    assert_eq!(
        pilot::graph_client_id(&run.env.settings().tenant),
        GRAPH_CLIENT_ID
    );
    let own = "0b5c1a7e-1111-4222-8333-944455556666";
    run.send(
        &mut page,
        targets::Message::GraphClient(format!("  {own} ")),
    );
    assert_eq!(
        run.env.settings().tenant.graph_client_id.as_deref(),
        Some(own)
    );
    assert_eq!(pilot::graph_client_id(&run.env.settings().tenant), own);
    run.send(&mut page, targets::Message::GraphClient(" ".into()));
    assert_eq!(run.env.settings().tenant.graph_client_id, None);
    assert_eq!(
        pilot::graph_client_id(&run.env.settings().tenant),
        GRAPH_CLIENT_ID
    );
    run.send(&mut page, targets::Message::GraphClient(own.into()));

    run.send(&mut page, targets::Message::CloudSync(true));
    assert!(shows(
        page.view(&run.ctx()),
        "Tenant administrator (for Cloud Sync)"
    ));
    assert!(
        !page.can_continue(&run.ctx()),
        "Next waits for the tenant administrator"
    );
    run.send(
        &mut page,
        targets::Message::TenantAdmin("admin@contoso.onmicrosoft.com".into()),
    );
    run.send(
        &mut page,
        targets::Message::TenantAdminPassword("Corr3ct-H0rse".into()),
    );
    assert!(page.can_continue(&run.ctx()));
    maybe_shot(page.view(&run.ctx()), "targets-cloud-sync");
    assert!(
        run.env.cloud_sync_admin().is_some(),
        "the choice reached the backends"
    );

    // Connect: the agent is read, Enable sets it (not readable back).
    let mut connect = connect::State::default();
    run.enter(&mut connect);
    assert!(
        shows(
            connect.view(&run.ctx()),
            "provisioning agent 1.1.1370.0 (1.1.977.0 or later)"
        ),
        "agent checks not shown"
    );
    assert!(!connect.can_continue(&run.ctx()));
    run.send(&mut connect, connect::Message::Enable);
    assert!(connect.can_continue(&run.ctx()));
    assert_eq!(
        connect.status(&run.ctx()),
        Status::Warning,
        "set, but not read back"
    );
    maybe_shot(connect.view(&run.ctx()), "connect-cloud-sync");
    let state = std::fs::read_to_string(dir.join("state.json")).unwrap();
    assert!(state.contains("\"cloud-sync\": true"), "{state}");
    let log = std::fs::read_to_string(dir.join("log.jsonl")).unwrap();
    assert!(
        !log.contains("Corr3ct-H0rse"),
        "the password reached the stand-in's log"
    );
    assert_eq!(run.backups.trail.records().len(), 1);

    // Undo sets it off again.
    run.send(&mut connect, connect::Message::Undo);
    let state = std::fs::read_to_string(dir.join("state.json")).unwrap();
    assert!(state.contains("\"cloud-sync\": false"), "{state}");
}
