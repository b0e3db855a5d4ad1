//! `writeback-wizard verify` reads the planes the Verify page reads
//! (issue 16): the Connect server with `--remote` (against the stand-in
//! PowerShell of tests/support/fake-powershell.py) and the portal with
//! `--tenant` (against the Entra stand-in of tests/support/fake_entra.rs).
//! No Connect server or Entra tenant can run here; the stand-ins implement
//! the documented contracts (see those files). Each plane not asked for
//! is named as skipped.

mod support {
    pub mod fake_entra;
}

use support::fake_entra;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use fake_entra::{Fake, Server};

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("verify-planes-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn wizard(server: &Server, dir: &Path, args: &[&str]) -> Output {
    let fake = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fake-powershell.py");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"));
    cmd.args(["--lang", "en"]).args(args);
    for (k, v) in server.env() {
        cmd.env(k, v);
    }
    cmd.env("WRITEBACK_WIZARD_POWERSHELL", &fake)
        .env("FAKE_PWSH_STATE", dir.join("state.json"))
        .env("FAKE_PWSH_LOG", dir.join("log.jsonl"))
        .env("WRITEBACK_WIZARD_DATA_DIR", dir.join("data"));
    cmd.output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn verify_reads_connect_and_the_portal_as_the_page_does() {
    let server = Server::start(Fake::default());
    let dir = scratch("both");
    let planes = [
        "verify",
        "--remote",
        "localhost",
        "--tenant",
        fake_entra::TENANT,
        "--device-code",
        "--json",
    ];

    // Before: writeback off on both.
    let doc = json(&wizard(&server, &dir, &planes));
    assert_eq!(doc["connect"]["writeback"], false, "{doc}");
    assert_eq!(doc["portal"]["writeback"], false, "{doc}");
    assert_eq!(doc["skipped"], serde_json::json!(["directory"]), "{doc}");
    assert_eq!(doc["all_good"], false);

    // Switched on (Connect through its own command, the portal at the
    // stand-in): verify follows both.
    let on = wizard(&server, &dir, &["sync", "enable", "--remote", "localhost"]);
    assert!(
        on.status.success(),
        "{}",
        String::from_utf8_lossy(&on.stderr)
    );
    {
        let mut fake = server.lock();
        fake.writeback = true;
        fake.unlock = true;
    }
    let doc = json(&wizard(&server, &dir, &planes));
    assert_eq!(doc["connect"]["writeback"], true, "{doc}");
    assert_eq!(doc["portal"]["writeback"], true, "{doc}");
    assert_eq!(doc["portal"]["unlock"], true, "{doc}");
    assert_eq!(doc["all_good"], true, "{doc}");

    // The text names each plane, and the one skipped.
    let text = wizard(
        &server,
        &dir,
        &[
            "verify",
            "--remote",
            "localhost",
            "--tenant",
            fake_entra::TENANT,
            "--device-code",
        ],
    );
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(stdout.contains("Password writeback is on"), "{stdout}");
    assert!(
        stdout.contains("Portal: write back and unlock are on"),
        "{stdout}"
    );
    assert!(stdout.contains("not read (give --server)"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn verify_without_any_plane_is_a_usage_error_and_a_connect_failure_fails() {
    let server = Server::start(Fake::default());
    let dir = scratch("none");
    let none = wizard(&server, &dir, &["verify"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&none.stderr).contains("--server, --remote or --tenant"),
        "{}",
        String::from_utf8_lossy(&none.stderr)
    );
    // A Connect server that cannot be read: exit 1, its reason printed,
    // the portal skipped.
    let out = {
        let fake = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fake-powershell.py");
        Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
            .args(["--lang", "en", "verify", "--remote", "localhost", "--json"])
            .env("WRITEBACK_WIZARD_POWERSHELL", &fake)
            .env("FAKE_PWSH_MODE", "module-missing")
            .env("FAKE_PWSH_STATE", dir.join("state.json"))
            .env("FAKE_PWSH_LOG", dir.join("log.jsonl"))
            .env("WRITEBACK_WIZARD_DATA_DIR", dir.join("data"))
            .output()
            .unwrap()
    };
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["connect"]["error"].as_str().is_some(), "{doc}");
    assert_eq!(
        doc["skipped"],
        serde_json::json!(["directory", "portal"]),
        "{doc}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
