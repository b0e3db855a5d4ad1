//! The Connect page on Cloud Sync's provisioning agent, chosen on the
//! Targets page, driven headlessly against the stand-in PowerShell of
//! tests/support/fake-powershell.py (no Cloud Sync agent can run here; the
//! stand-in answers as the agent's module and its Set cmdlet do, see that
//! file). The page runs the same task code as `sync --cloud-sync`.
//!
//! One test per binary run: the PowerShell executable is named by a
//! process-wide variable.

#[path = "support/pages.rs"]
mod pages;

use std::path::Path;

use pages::{drive, maybe_shot, shows};
use writeback_wizard::audit::Trail;
use writeback_wizard::page::{Status, connect, targets};
use writeback_wizard::session::Env;

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
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let demo = Env::demo(true);

    // Targets: Cloud Sync needs the tenant administrator before Next.
    let mut page = targets::State::default();
    for m in [
        targets::Message::Server("ldaps://dc01.corp.example".into()),
        targets::Message::BindUser("CORP\\admin".into()),
        targets::Message::Connector("MSOL_1".into()),
    ] {
        let _ = page.update(m, &demo);
    }
    let _ = page.update(targets::Message::Password("pw".into()), &demo);
    assert!(page.can_continue(false));
    let _ = page.update(targets::Message::CloudSync(true), &demo);
    assert!(shows(
        page.view(false),
        "Tenant administrator (for Cloud Sync)"
    ));
    assert!(
        !page.can_continue(false),
        "Next waits for the tenant administrator"
    );
    let _ = page.update(
        targets::Message::TenantAdmin("admin@contoso.onmicrosoft.com".into()),
        &demo,
    );
    let _ = page.update(
        targets::Message::TenantAdminPassword("Corr3ct-H0rse".into()),
        &demo,
    );
    assert!(page.can_continue(false));
    maybe_shot(page.view(false), "targets-cloud-sync");
    let env = page.real_env();

    // Connect: the agent is read, Enable sets it (not readable back).
    let trail = Trail::new(None);
    let mut connect = connect::State::default();
    let task = connect.start(&env);
    drive(&rt, task, &mut |m| connect.update(m, &env, &trail));
    assert!(connect.cloud_sync);
    assert!(
        shows(
            connect.view(),
            "provisioning agent 1.1.1370.0 (1.1.977.0 or later)"
        ),
        "agent checks not shown"
    );
    assert!(!connect.complete());
    let task = connect.update(connect::Message::Enable, &env, &trail);
    drive(&rt, task, &mut |m| connect.update(m, &env, &trail));
    assert!(connect.complete(), "{:?}", connect.cloud.error);
    assert_eq!(connect.status(), Status::Warning, "set, but not read back");
    maybe_shot(connect.view(), "connect-cloud-sync");
    let state = std::fs::read_to_string(dir.join("state.json")).unwrap();
    assert!(state.contains("\"cloud-sync\": true"), "{state}");
    let log = std::fs::read_to_string(dir.join("log.jsonl")).unwrap();
    assert!(
        !log.contains("Corr3ct-H0rse"),
        "the password reached the stand-in's log"
    );
    assert_eq!(trail.records().len(), 1);

    // Undo sets it off again.
    let task = connect.update(connect::Message::Undo, &env, &trail);
    drive(&rt, task, &mut |m| connect.update(m, &env, &trail));
    let state = std::fs::read_to_string(dir.join("state.json")).unwrap();
    assert!(state.contains("\"cloud-sync\": false"), "{state}");
}
