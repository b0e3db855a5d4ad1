//! `writeback-wizard diagnose` and `task::diagnose` against the stand-in
//! for PowerShell on the Entra Connect server
//! (tests/support/fake-powershell.py): no Connect server, and no Windows
//! event log, can run where these tests run. The stand-in takes the call as
//! `powershell.exe` would (the fixed script, the JSON request on standard
//! input with the `since` time) and answers the script's `events` op with
//! captured Application log records — known event ids, an unknown one, and
//! one older than the window — so that the mapping to causes and fixes, the
//! window, the output bound, the timeout's clean-up and the child's
//! environment are checked on the wizard's side.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use writeback_wizard::backend::powershell::{PowerShell, PowerShellOptions};
use writeback_wizard::backend::sync::{EventLog, EventRecord, SyncError};
use writeback_wizard::task::diagnose::{self, Cause, PolicyRule};

fn fake() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fake-powershell.py")
}

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("diagnose")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, mode: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(args)
        .env("WRITEBACK_WIZARD_POWERSHELL", fake())
        .env("WRITEBACK_WIZARD_DATA_DIR", dir)
        .env("WRITEBACK_WIZARD_FIXED_TIME", "2026-12-02T03:00:00Z")
        // A password the wizard was given: PowerShell must not inherit it.
        .env("WRITEBACK_WIZARD_BIND_PASSWORD", "Canary-Bind-1")
        .env("FAKE_PWSH_MODE", mode)
        .env("FAKE_PWSH_LOG", dir.join("calls.jsonl"))
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn calls(dir: &Path) -> Vec<Value> {
    std::fs::read_to_string(dir.join("calls.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn each_event_is_mapped_to_its_cause_and_fix() {
    let dir = scratch("map");
    let out = run(
        &dir,
        "ok",
        &["--lang", "en", "diagnose", "--since", "2h", "--json"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Problems were found: exit 1.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["since"], "2026-12-02T01:00:00Z");
    let entries = doc["entries"].as_array().unwrap();
    let causes: Vec<(u64, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["event"]["id"].as_u64().unwrap(),
                e["cause"]["cause"].as_str().unwrap(),
            )
        })
        .collect();
    // Newest first; the entry older than two hours is not there.
    assert_eq!(
        causes,
        vec![
            (33004, "access-denied"),
            (6329, "password-policy"),
            (32002, "service-bus"),
            (31019, "healthy"),
            (31117, "unknown"),
        ]
    );
    assert_eq!(entries[0]["hr"], "80230626");
    assert_eq!(
        entries[0]["dn"],
        "CN=Bob Nguyen,OU=Staff,DC=contoso,DC=example"
    );
    assert_eq!(entries[1]["cause"]["rule"], "minimum-age");
    assert!(
        entries[2]["fix"]
            .as_str()
            .unwrap()
            .contains("servicebus.windows.net")
    );
    // The request carried the window as JSON on stdin; the child did not
    // inherit the wizard's password variable.
    let calls = calls(&dir);
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0]["request"]["op"], "events");
    assert_eq!(calls[0]["request"]["since"], "2026-12-02T01:00:00Z");
    assert_eq!(calls[0]["secret_env"], serde_json::json!([]));
}

#[test]
fn text_output_explains_and_shows_unknown_events_as_they_are() {
    let dir = scratch("text");
    let out = run(&dir, "ok", &["--lang", "en", "diagnose", "--since", "1d"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("event 33004"), "{text}");
    assert!(text.contains("denied access"), "{text}");
    assert!(text.contains("Minimum password age to 0"), "{text}");
    assert!(
        text.contains("A message the wizard has never seen."),
        "{text}"
    );
    // Translated.
    let de = run(&dir, "ok", &["--lang", "de", "diagnose", "--since", "1d"]);
    let de_text = String::from_utf8_lossy(&de.stdout);
    assert_ne!(de_text, text);
    assert!(de_text.contains("33004"), "{de_text}");
}

#[test]
fn nothing_to_report_is_exit_0_and_a_bad_window_is_exit_2() {
    let dir = scratch("empty");
    let events = dir.join("events.json");
    std::fs::write(&events, "[]").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(["--lang", "en", "diagnose", "--since", "30m"])
        .env("WRITEBACK_WIZARD_POWERSHELL", fake())
        .env("FAKE_PWSH_EVENTS", &events)
        .env("FAKE_PWSH_MODE", "ok")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("No entries"));
    let out = run(&dir, "ok", &["--lang", "en", "diagnose", "--since", "soon"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--since soon"));
}

#[test]
fn endless_output_is_refused_with_a_clear_error() {
    let dir = scratch("flood");
    let out = run(&dir, "flood", &["--lang", "en", "diagnose"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("more than 4 MiB"), "{stderr}");
}

#[test]
fn a_hanging_powershell_is_killed_and_reaped() {
    let dir = scratch("hang");
    let pids = dir.join("pids");
    // The runner takes its settings from the environment (it inherits
    // ours). The other tests of this file set FAKE_PWSH_MODE for their own
    // children, so this one's "hang" does not reach them.
    // SAFETY: only this test reads these variables in-process.
    unsafe {
        std::env::set_var("WRITEBACK_WIZARD_POWERSHELL", fake());
        std::env::set_var("FAKE_PWSH_MODE", "hang");
        std::env::set_var("FAKE_PWSH_PIDS", &pids);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut ps = PowerShell::new(PowerShellOptions {
        remote: None,
        timeout: Duration::from_secs(2),
    });
    let e = rt
        .block_on(ps.events(std::time::SystemTime::now()))
        .unwrap_err();
    assert_eq!(e, SyncError::Timeout(2));
    let text = std::fs::read_to_string(&pids).expect("the fake wrote its PIDs");
    let root: u32 = text.split_whitespace().next().unwrap().parse().unwrap();
    // Reaped by the runner, not left a zombie: its /proc entry is gone.
    let stat = std::fs::read_to_string(format!("/proc/{root}/stat"));
    assert!(stat.is_err(), "PowerShell {root} left behind: {stat:?}");
    let child: u32 = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(2);
    while Path::new(&format!("/proc/{child}")).exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !Path::new(&format!("/proc/{child}")).exists() || {
            // A zombie of init's is gone from our tree; only "Z" is tolerated.
            std::fs::read_to_string(format!("/proc/{child}/stat")).is_ok_and(|s| s.contains(") Z "))
        }
    );
}

#[test]
fn the_mapping_runs_on_the_task_level_too() {
    struct Captured;
    impl EventLog for Captured {
        async fn events(
            &mut self,
            _since: std::time::SystemTime,
        ) -> Result<Vec<EventRecord>, SyncError> {
            Ok(vec![EventRecord {
                id: 33008,
                message: "The password does not meet the password history requirement.".into(),
                ..Default::default()
            }])
        }
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut seen = Vec::new();
    let report = rt
        .block_on(diagnose::run(
            &mut Captured,
            "aadc01".into(),
            std::time::UNIX_EPOCH,
            &mut |p| seen.push(p),
        ))
        .unwrap();
    assert_eq!(
        report.entries[0].cause,
        Cause::PasswordPolicy {
            rule: Some(PolicyRule::History)
        }
    );
    assert_eq!(seen.len(), 2);
}

/// The launcher `open_detached` starts does not inherit the wizard's
/// password variables: a stand-in `xdg-open` (first on PATH) writes the
/// environment it got to a file.
#[test]
#[cfg(target_os = "linux")]
fn opened_urls_and_folders_do_not_inherit_the_password_variables() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("open");
    let seen = dir.join("env.txt");
    let launcher = dir.join("xdg-open");
    std::fs::write(
        &launcher,
        format!("#!/bin/sh\nenv > '{}'\n", seen.display()),
    )
    .unwrap();
    std::fs::set_permissions(&launcher, std::fs::Permissions::from_mode(0o755)).unwrap();
    // open::commands runs the xdg-open found on PATH.
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // SAFETY: the variables are read by the spawn below; no other test of
    // this file reads PATH or these variables in-process.
    unsafe {
        std::env::set_var("PATH", &path);
        std::env::set_var("WRITEBACK_WIZARD_BIND_PASSWORD", "Canary-Open-1");
        std::env::set_var("WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD", "Canary-Open-2");
    }
    writeback_wizard::backend::open_detached("https://example.invalid/").unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !seen.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    unsafe {
        std::env::remove_var("WRITEBACK_WIZARD_BIND_PASSWORD");
        std::env::remove_var("WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD");
    }
    std::thread::sleep(Duration::from_millis(100));
    let env = std::fs::read_to_string(&seen).expect("the launcher ran");
    assert!(env.contains("PATH="), "{env}");
    assert!(!env.contains("Canary-Open"), "{env}");
}

/// The rows of Microsoft's troubleshooting page's codes
/// (tests/fixtures/events/writeback-events.tsv): key, source, kind.
fn documented_codes() -> Vec<(String, String, String)> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events/writeback-events.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("id\t") && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (
                cols[0].to_string(),
                cols[1].to_string(),
                cols[2].to_string(),
            )
        })
        .collect()
}

/// One event as the Connect server would log the row's code: its id, or
/// an event whose text carries the marker.
fn event_of(i: usize, key: &str, source: &str, kind: &str) -> Value {
    let (id, message) = match key.split_once(':') {
        Some(("6329", marker)) => (
            6329,
            format!("Export failed: {marker} while setting the password."),
        ),
        Some(("msg", text)) => (6900, format!("Password reset failed: {text}.")),
        _ if key.starts_with("hr=") => (6900, format!("Password reset failed, {key}, message=x")),
        _ if key.starts_with("SSPR_") => (6900, format!("The user saw {key}.")),
        _ => (
            key.parse().unwrap(),
            format!("Event {key} of the password reset service."),
        ),
    };
    let source = match source {
        "PasswordResetService" | "ADSync" => source,
        _ => "Directory Synchronization",
    };
    let level = match kind {
        "error" => 2,
        "warning" => 3,
        _ => 4,
    };
    serde_json::json!({
        "time": format!("2026-12-02T02:{:02}:00.0000000Z", i % 60),
        "id": id,
        "source": source,
        "level": level,
        "message": message,
    })
}

/// Checks `diagnose --json`'s entries against the rows.
fn check_entries(doc: &Value, rows: &[(String, String, String)]) {
    let entries = doc["entries"].as_array().unwrap();
    assert_eq!(entries.len(), rows.len());
    for (key, _, kind) in rows {
        let e = entries
            .iter()
            .find(|e| e["code"] == key.as_str())
            .unwrap_or_else(|| panic!("{key} not known: {doc}"));
        assert_eq!(e["kind"], kind.as_str(), "{key}");
        let problem = matches!(kind.as_str(), "warning" | "error");
        assert_eq!(
            e["problem"], problem,
            "{key}: no success/info code is a problem"
        );
        assert_ne!(e["cause"]["cause"], "unknown", "{key}");
        assert!(!e["explanation"].as_str().unwrap().is_empty());
        assert!(!e["fix"].as_str().unwrap().is_empty());
    }
}

#[test]
fn every_documented_code_is_known_live_and_from_an_exported_file() {
    let dir = scratch("catalog");
    let rows = documented_codes();
    assert_eq!(rows.len(), 53, "the page's codes");
    assert_eq!(diagnose::CATALOG.len(), rows.len());
    let events: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, (k, s, kind))| event_of(i, k, s, kind))
        .collect();
    let file = dir.join("events.json");
    std::fs::write(&file, serde_json::to_string(&events).unwrap()).unwrap();
    // Live, through the PowerShell stand-in.
    let out = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(["--lang", "en", "diagnose", "--since", "1d", "--json"])
        .env("WRITEBACK_WIZARD_POWERSHELL", fake())
        .env("WRITEBACK_WIZARD_DATA_DIR", &dir)
        .env("WRITEBACK_WIZARD_FIXED_TIME", "2026-12-02T03:00:00Z")
        .env("FAKE_PWSH_EVENTS", &file)
        .env("FAKE_PWSH_MODE", "ok")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_entries(&serde_json::from_slice(&out.stdout).unwrap(), &rows);
    // From the JSON Get-WinEvent | ConvertTo-Json writes (Windows
    // PowerShell 5.1: /Date(ms)/, more properties, a byte order mark).
    let exported: Vec<Value> = events
        .iter()
        .map(|e| {
            serde_json::json!({
                "Id": e["id"], "Version": 0, "Level": e["level"], "LevelDisplayName": "Error",
                "ProviderName": e["source"], "LogName": "Application", "MachineName": "AADC01",
                "TimeCreated": "/Date(1796176800000)/", "Message": e["message"],
            })
        })
        .collect();
    let export = dir.join("writeback-events.json");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(serde_json::to_vec_pretty(&exported).unwrap());
    std::fs::write(&export, bytes).unwrap();
    let out = run(
        &dir,
        "ok",
        &[
            "--lang",
            "en",
            "diagnose",
            "--json",
            "--from",
            export.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_entries(&doc, &rows);
    assert_eq!(doc["entries"][0]["event"]["time"], "2026-12-02T02:00:00Z");
    assert!(calls(&dir).is_empty(), "--from runs no PowerShell");
    // Only success and information: exit 0.
    let fine: Vec<&Value> = exported.iter().filter(|e| e["Level"] == 4).collect();
    assert_eq!(fine.len(), 14, "the success and info codes");
    std::fs::write(&export, serde_json::to_vec(&fine).unwrap()).unwrap();
    let out = run(
        &dir,
        "ok",
        &[
            "--lang",
            "de",
            "diagnose",
            "--from",
            export.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_real_evtx_log_without_writeback_events_reads_cleanly() {
    let dir = scratch("evtx");
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events/Application.evtx");
    // The file is read for real: it holds events, of other providers.
    let all =
        writeback_wizard::task::eventfile::from_evtx(std::fs::read(&sample).unwrap()).unwrap();
    assert!(all.len() > 10, "{}", all.len());
    assert!(all.iter().all(|e| e.id > 0 && !e.source.is_empty()));
    let out = run(
        &dir,
        "ok",
        &[
            "--lang",
            "en",
            "diagnose",
            "--json",
            "--from",
            sample.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["entries"], serde_json::json!([]));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Not a log at all: a clear error, exit 1.
    let junk = dir.join("junk.evtx");
    std::fs::write(&junk, b"hello").unwrap();
    let out = run(
        &dir,
        "ok",
        &["--lang", "en", "diagnose", "--from", junk.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("junk.evtx"));
}

#[test]
fn the_help_prints_the_export_one_liner() {
    let out = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(["diagnose", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains(writeback_wizard::task::eventfile::EXPORT_COMMAND),
        "{help}"
    );
    // The README gives the same one-liner.
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(readme.contains(writeback_wizard::task::eventfile::EXPORT_COMMAND));
}
