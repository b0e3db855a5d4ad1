//! Issue 25: the Connect server's DC, read through the same PowerShell path
//! as step 2 (`connect.ps1`, op `dcs`), against the stand-in
//! `tests/support/fake-powershell.py`. Microsoft documents the AD
//! connector's "Only use preferred domain controllers" setting but not the
//! name PowerShell gives it (NOT CONFIRMED), so both answers are tested:
//! a list of preferred DCs, and none (the DC locator chooses).
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use writeback_wizard::backend::powershell::{PowerShell, PowerShellOptions};
use writeback_wizard::backend::sync::SyncServer;
use writeback_wizard::task::dcs::{ConnectDc, Dc};

fn fake() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fake-powershell.py")
}

#[test]
fn preferred_dcs_are_read_and_none_means_the_dc_locator() {
    let log = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dcs_connect.jsonl");
    let _ = std::fs::remove_file(&log);
    // SAFETY: this test binary has this one test; nothing else reads the
    // environment concurrently.
    unsafe {
        std::env::set_var("WRITEBACK_WIZARD_POWERSHELL", fake());
        std::env::set_var("FAKE_PWSH_LOG", &log);
        std::env::set_var("FAKE_PWSH_PREFERRED_DCS", "dc02.corp.example; DC03");
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut ps = PowerShell::new(PowerShellOptions {
        remote: None,
        timeout: Duration::from_secs(30),
    });
    let listed = rt.block_on(ps.preferred_dcs()).expect("the dcs op answers");
    assert_eq!(
        listed,
        vec!["dc02.corp.example".to_string(), "DC03".to_string()]
    );
    let connect = ConnectDc::Preferred(listed);
    let dc = |name: &str, host: &str, read_only: bool| Dc {
        name: name.into(),
        host: host.into(),
        read_only,
        ..Dc::default()
    };
    assert!(connect.uses(&dc("DC02", "dc02.corp.example", false)));
    assert!(
        connect.uses(&dc("DC03", "dc03.corp.example", false)),
        "by name too"
    );
    assert!(!connect.uses(&dc("DC01", "dc01.corp.example", false)));

    unsafe { std::env::remove_var("FAKE_PWSH_PREFERRED_DCS") };
    let none = rt.block_on(ps.preferred_dcs()).expect("the dcs op answers");
    assert!(none.is_empty(), "{none:?}");

    let calls = std::fs::read_to_string(&log).expect("the stand-in's log");
    let ops: Vec<String> = calls
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["request"]["op"].to_string())
        .collect();
    assert_eq!(ops, vec!["\"dcs\"", "\"dcs\""]);
}
