//! One settings path on the command line (issue 24): `--profile` is a
//! global option read once, before or after the subcommand, and every
//! step's command also runs on the built-in demo organization (`--demo`),
//! reporting the demo's own accounts and objects.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use writeback_wizard::backend::demo::{DEMO_CONNECTOR, DEMO_OPERATOR, DEMO_PILOT, DEMO_ROOT};

/// A folder of its own per test (the binary's data directory inside).
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-settings-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the wizard in English with its data under `dir/data`.
fn wizard(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(["--lang", "en"])
        .args(args)
        .env("WRITEBACK_WIZARD_DATA_DIR", dir.join("data"))
        .env("WRITEBACK_WIZARD_BIND_PASSWORD", "not-a-real-password")
        .env_remove("WRITEBACK_WIZARD_POWERSHELL")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON document a command printed.
fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            stderr(out)
        )
    })
}

/// A loopback port nobody listens on (bound, then released).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.21:0")
        .or_else(|_| std::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    listener.local_addr().unwrap().port()
}

/// A profile naming a DC at 127.0.0.21 that does not answer.
fn unreachable_profile(dir: &Path) -> (PathBuf, String) {
    let server = format!("ldaps://127.0.0.21:{}", closed_port());
    let path = dir.join("p.toml");
    std::fs::write(
        &path,
        format!(
            "[directory]\nserver = \"{server}\"\nbind_user = \"CORP\\\\admin\"\n\
             connector_account = \"MSOL_1\"\n[tenant]\nclient_id = \" \"\n"
        ),
    )
    .unwrap();
    (path, server)
}

#[test]
fn the_profile_is_used_before_and_after_the_subcommand() {
    let dir = scratch("profile");
    let (profile, server) = unreachable_profile(&dir);
    let profile = profile.to_str().unwrap();
    for args in [
        ["--profile", profile, "check", "--json"],
        ["check", "--profile", profile, "--json"],
    ] {
        let out = wizard(&dir, &args);
        let err = stderr(&out);
        // The profile's DC was tried: not "--server is required".
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(&server), "{args:?} names {server}: {err}");
        assert!(!err.contains("--server is required"), "{err}");
    }
    // Options given win over the profile's.
    let other = format!("ldaps://127.0.0.21:{}", closed_port());
    let out = wizard(
        &dir,
        &["--profile", profile, "check", "--server", &other, "--json"],
    );
    assert!(stderr(&out).contains(&other), "{}", stderr(&out));
    assert!(!stderr(&out).contains(&server), "{}", stderr(&out));
}

#[test]
fn a_bad_profile_is_refused_naming_the_file_and_the_key() {
    let dir = scratch("bad-profile");
    let path = dir.join("bad.toml");
    std::fs::write(&path, "[directory]\nservr = \"ldaps://dc1\"\n").unwrap();
    for command in ["check", "verify", "diagnose"] {
        let out = wizard(&dir, &[command, "--profile", path.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        assert!(err.contains("servr"), "{command}: {err}");
        assert!(err.contains(&path.display().to_string()), "{err}");
    }
    // A profile and the demo exclude each other.
    let out = wizard(
        &dir,
        &["check", "--demo", "--profile", path.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn check_runs_on_the_demo() {
    let dir = scratch("check");
    let out = wizard(&dir, &["check", "--demo", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(
        doc["discovery"]["default_naming_context"], DEMO_ROOT,
        "{doc}"
    );
    let text = doc.to_string();
    assert!(text.contains(DEMO_CONNECTOR), "{text}");
    // The demo's known finding: users the grant cannot reach.
    assert!(text.contains("kiosk-lobby"), "{text}");
}

#[test]
fn grant_then_rollback_run_on_the_demo() {
    let dir = scratch("grant");
    let out = wizard(&dir, &["grant", "--demo", "--yes", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["dry_run"], false, "{doc}");
    assert_eq!(doc["account"]["sam_account_name"], DEMO_CONNECTOR, "{doc}");
    assert_eq!(doc["targets"][0]["dn"], DEMO_ROOT, "{doc}");
    let backup = doc["targets"][0]["backup"].as_str().unwrap().to_string();
    // The demo's backups stay apart from real ones.
    assert!(
        Path::new(&backup).starts_with(dir.join("data").join("demo")),
        "{backup}"
    );
    let log = wizard(&dir, &["log", "--json"]);
    let records = String::from_utf8_lossy(&log.stdout).into_owned();
    assert!(records.contains("\"demo\":true"), "{records}");
    assert!(records.contains("helpdesk-admin"), "{records}");
    assert!(DEMO_OPERATOR.ends_with("helpdesk-admin"));

    // Rollback finds that run's backup and undoes it on the demo's root.
    let out = wizard(&dir, &["rollback", "--demo", "--yes", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["targets"][0]["dn"], DEMO_ROOT, "{doc}");

    // Without --demo the same command wants a real DC.
    let out = wizard(&dir, &["grant", "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--server"), "{}", stderr(&out));
}

#[test]
fn verify_reads_the_three_demo_planes() {
    let dir = scratch("verify");
    let out = wizard(&dir, &["verify", "--demo", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(doc["skipped"], serde_json::json!([]), "{doc}");
    assert_eq!(doc["account"]["sam_account_name"], DEMO_CONNECTOR, "{doc}");
    // A fresh demo organization: nothing switched on yet.
    assert_eq!(doc["connect"]["writeback"], false, "{doc}");
    assert_eq!(doc["portal"]["writeback"], false, "{doc}");
    assert_eq!(doc["all_good"], false, "{doc}");
}

#[test]
fn test_writeback_runs_on_the_demo() {
    let dir = scratch("prove");
    let out = wizard(
        &dir,
        &[
            "test-writeback",
            "--demo",
            "--user",
            DEMO_PILOT,
            "--yes",
            "--json",
        ],
    );
    // Writeback is off in a fresh demo organization: the pilot's reset is
    // refused (exit 1), and the report says why, for the demo's user.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let doc = json(&out);
    assert_eq!(
        doc["pilot"]["user"]["user_principal_name"], DEMO_PILOT,
        "{doc}"
    );
    assert!(
        doc["pilot"]["dn"].as_str().unwrap().ends_with(DEMO_ROOT),
        "{doc}"
    );
    assert!(
        doc["report"].to_string().contains("writeback-disabled"),
        "{doc}"
    );
}
