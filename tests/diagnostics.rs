//! The diagnostics log and zip (issue 18): every run writes a daily log in
//! `<data directory>/logs/`; no password, token or code reaches it at
//! TRACE (a demo run and a run against the local Entra ID stand-in, with
//! canary secrets); `diagnostics --out` writes the zip support needs and
//! nothing more; the window's *Save diagnostics…* up to (and past) the
//! dialog, headlessly. The run against the Samba DC is in
//! `tests/diagnostics_dc.rs`.

mod support {
    pub mod fake_entra;
}

use support::fake_entra;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use fake_entra::{Fake, Server};
use writeback_wizard::app::{Message, Options, Step, ThemeChoice};
use writeback_wizard::diagnostics::bundle::Sources;
use writeback_wizard::headless::Driver;
use writeback_wizard::page::{connect, permissions, portal, targets};

/// A fresh scratch directory for one test.
fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wbw-diag-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The binary with a data directory of its own.
fn wizard(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"));
    cmd.env("WRITEBACK_WIZARD_DATA_DIR", data)
        .env_remove("RUST_LOG")
        .args(["--lang", "en"]);
    cmd
}

/// Every log file's text under `data/logs`.
fn log_text(data: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(data.join("logs")).expect("a logs directory") {
        let path = entry.unwrap().path();
        text.push_str(&std::fs::read_to_string(&path).unwrap());
    }
    text
}

/// The names in a zip, and each entry's text.
fn unzip(path: &Path) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap();
            (f.name().to_string(), text)
        })
        .collect()
}

/// A writer that keeps everything tracing prints.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn every_command_writes_a_daily_log_and_verbose_echoes_it() {
    let data = scratch("daily");
    let out = wizard(&data)
        .args(["sd", "encode", "O:BAD:(A;;GA;;;SY)"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // Without --verbose, standard error stays as it was: nothing of the log.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<String> = std::fs::read_dir(data.join("logs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(
        files[0].starts_with("writeback-wizard.") && files[0].ends_with(".log"),
        "{files:?}"
    );
    let log = log_text(&data);
    assert!(log.contains("run started"), "{log}");
    assert!(
        log.contains("command{name=\"sd\"") || log.contains("command{name=sd"),
        "{log}"
    );
    assert!(log.contains(" INFO "), "{log}");
    assert!(!log.contains("DEBUG"), "INFO is the default:\n{log}");

    // --verbose: DEBUG, and the lines on standard error too.
    let out = wizard(&data)
        .args(["--verbose", "sd", "encode", "O:BAD:(A;;GA;;;SY)"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("run started"), "{stderr}");
    assert!(stderr.contains("close"), "span durations: {stderr}");
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn an_unwritable_data_directory_is_said_once_and_the_run_goes_on() {
    let dir = scratch("unwritable");
    // A file where the data directory should be: nothing can be created.
    let data = dir.join("not-a-directory");
    std::fs::write(&data, b"x").unwrap();
    let out = wizard(&data)
        .args(["sd", "encode", "O:BAD:(A;;GA;;;SY)"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!out.stdout.is_empty(), "the command did its work");
    assert_eq!(
        stderr.matches("diagnostics log cannot be written").count(),
        1,
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_demo_run_at_trace_logs_steps_and_tasks_but_no_canary() {
    let canary = format!("CanaryPw-{}-demo", std::process::id());
    let canary_admin = format!("CanaryTenantPw-{}-demo", std::process::id());
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        let mut d = Driver::new(Options {
            env: writeback_wizard::session::Env::demo(true),
            source: "demo".into(),
            lang: "en".into(),
            theme: ThemeChoice::Light,
            backups: writeback_wizard::session::Backups {
                dir: scratch("demo-backups"),
                trail: writeback_wizard::audit::Trail::new(None).demo(true),
            },
        });
        d.send(Message::Next);
        assert_eq!(d.app.step(), Step::Targets);
        d.send(Message::Targets(targets::Message::Password(
            canary.as_str().into(),
        )));
        d.send(Message::Targets(targets::Message::TenantAdminPassword(
            canary_admin.as_str().into(),
        )));
        for _ in 0..8 {
            match d.app.step() {
                Step::Permissions => d.send(Message::Permissions(permissions::Message::Apply)),
                Step::Connect => d.send(Message::Connect(connect::Message::Enable)),
                Step::Portal => d.send(Message::Portal(portal::Message::Apply)),
                _ => {}
            }
            d.send(Message::Next);
        }
        assert_eq!(d.app.step(), Step::Summary);
    });
    let log = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    // The capture works: steps and tasks are there.
    assert!(log.contains("step=\"summary\""), "{log}");
    assert!(log.contains("task done"), "{log}");
    for secret in [&canary, &canary_admin] {
        assert!(!log.contains(secret.as_str()), "a canary is in the log");
    }
}

#[test]
fn portal_status_with_a_device_code_at_trace_logs_http_calls_and_no_secret() {
    let server = Server::start(Fake::default());
    let data = scratch("entra");
    let mut cmd = wizard(&data);
    cmd.args([
        "portal",
        "status",
        "--tenant",
        fake_entra::TENANT,
        "--device-code",
        "--json",
    ])
    .env("RUST_LOG", "trace");
    for (k, v) in server.env() {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let log = log_text(&data);
    // The sign-in's calls and the API's, with status, id and time.
    assert!(log.contains("http (sign-in)"), "{log}");
    assert!(log.contains("/oauth2/v2.0/devicecode"), "{log}");
    assert!(log.contains("/oauth2/v2.0/token"), "{log}");
    let api = log
        .lines()
        .find(|l| l.contains(": http method=GET "))
        .unwrap_or_else(|| panic!("no API call in the log:\n{log}"));
    assert!(api.contains("status=200"), "{api}");
    assert!(api.contains("request_id="), "{api}");
    assert!(api.contains("elapsed_ms="), "{api}");
    // TRACE reached the HTTP stack too.
    assert!(log.contains("TRACE"), "{log}");
    let fake = server.lock();
    assert!(fake.secrets.len() >= 3, "{}", fake.secrets.len());
    for secret in &fake.secrets {
        assert!(
            !log.contains(secret.as_str()),
            "a token or code is in the log"
        );
    }
    assert!(!log.contains("FAKE-CODE"), "the user code is in the log");
    assert!(
        !log.contains("Bearer"),
        "an authorization header is in the log"
    );
    drop(fake);
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn diagnostics_out_writes_the_zip_support_needs_and_nothing_more() {
    let data = scratch("zip");
    std::fs::create_dir_all(data.join("logs")).unwrap();
    std::fs::write(
        data.join("logs/writeback-wizard.2026-11-30.log"),
        "2026-11-30T10:00:00Z  INFO an earlier run\n",
    )
    .unwrap();
    std::fs::write(data.join("logs/unrelated.txt"), "not a log").unwrap();
    std::fs::write(data.join("audit.jsonl"), "{\"plane\":\"ad\"}\n").unwrap();
    std::fs::create_dir_all(data.join("backups")).unwrap();
    std::fs::write(
        data.join("backups/20251124T160000Z-DC_corp_DC_example.json"),
        "BACKUP-CONTENT-NOT-FOR-SUPPORT",
    )
    .unwrap();
    let profile = data.join("profile.toml");
    std::fs::write(
        &profile,
        "[directory]\nserver = \"ldaps://dc1.corp.example\"\nbind_user = \"CORP\\\\admin\"\n\
         [tenant]\nid = \"corp.onmicrosoft.com\"\n",
    )
    .unwrap();
    let zip = data.join("out.zip");
    let out = wizard(&data)
        .args(["diagnostics", "--out"])
        .arg(&zip)
        .arg("--profile")
        .arg(&profile)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("Diagnostics saved"), "{stderr}");
    let entries = unzip(&zip);
    let mut names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    names.sort();
    // This run's own log file is among them (today's date).
    let today = names
        .iter()
        .find(|n| n.starts_with("logs/") && !n.contains("2026-11-30"))
        .copied()
        .unwrap_or_else(|| panic!("{names:?}"));
    let mut expected = vec![
        "about.json",
        "audit.jsonl",
        "backups.txt",
        "logs/writeback-wizard.2026-11-30.log",
        today,
        "settings.json",
    ];
    expected.sort();
    assert_eq!(names, expected);
    // What the command printed is the listing.
    let printed: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(printed.len(), names.len());
    let text = |name: &str| {
        entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    let about: serde_json::Value = serde_json::from_str(&text("about.json")).unwrap();
    assert_eq!(about["version"], env!("CARGO_PKG_VERSION"));
    assert!(about["os"].as_str().unwrap().contains(std::env::consts::OS));
    let settings: serde_json::Value = serde_json::from_str(&text("settings.json")).unwrap();
    assert_eq!(settings["directory"]["server"], "ldaps://dc1.corp.example");
    assert_eq!(settings["tenant"]["id"], "corp.onmicrosoft.com");
    assert_eq!(
        text("backups.txt"),
        "20251124T160000Z-DC_corp_DC_example.json\n"
    );
    assert_eq!(text("audit.jsonl"), "{\"plane\":\"ad\"}\n");
    for (name, body) in &entries {
        assert!(
            !body.contains("BACKUP-CONTENT"),
            "{name} holds a backup's content"
        );
    }
    // A zip that cannot be written: exit 1, nothing left behind.
    let bad = data.join("missing-dir/out.zip");
    let out = wizard(&data)
        .args(["diagnostics", "--out"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!bad.exists());
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn the_window_saves_diagnostics_through_its_dialog() {
    let data = scratch("window");
    std::fs::create_dir_all(data.join("logs")).unwrap();
    std::fs::write(
        data.join("logs/writeback-wizard.2026-12-01.log"),
        "2026-12-01T10:00:00Z  INFO a run\n",
    )
    .unwrap();
    std::fs::create_dir_all(data.join("backups")).unwrap();
    std::fs::write(data.join("backups/b1.json"), "BACKUP-CONTENT").unwrap();
    let mut d = Driver::new(Options {
        env: writeback_wizard::session::Env::demo(true),
        source: "demo".into(),
        lang: "en".into(),
        theme: ThemeChoice::Light,
        backups: writeback_wizard::session::Backups {
            dir: data.join("backups"),
            trail: writeback_wizard::audit::Trail::new(None).demo(true),
        },
    });
    d.app.diagnostics_sources(Sources {
        logs: data.join("logs"),
        audit: data.join("audit.jsonl"),
        backups: data.join("backups"),
    });
    let zip = data.join("saved.zip");
    d.app.answer_dialogs_with(Some(zip.clone()));
    // Folded: the entry only.
    assert!(d.shows("Diagnostics"));
    assert!(!d.shows("Save diagnostics…"));
    d.click("Diagnostics").unwrap();
    assert!(d.shows("Open folder"));
    d.click("Save diagnostics…").unwrap();
    // The Save dialog was asked for, with a stamped .zip name.
    let asked = d.app.dialogs_asked().to_vec();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(
        asked[0].starts_with("writeback-wizard-diagnostics-") && asked[0].ends_with(".zip"),
        "{asked:?}"
    );
    assert!(d.shows(&format!("Diagnostics saved: {}", zip.display())));
    // WRITEBACK_PAGE_SHOTS=DIR: the unfolded entry as PNG, to look at.
    if let Some(dir) = std::env::var_os("WRITEBACK_PAGE_SHOTS") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        d.screenshot(&dir.join("diagnostics-saved.png")).unwrap();
    }
    let names: Vec<String> = unzip(&zip).into_iter().map(|(n, _)| n).collect();
    assert!(
        names.contains(&"logs/writeback-wizard.2026-12-01.log".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"backups.txt".to_string()), "{names:?}");
    assert!(names.contains(&"settings.json".to_string()), "{names:?}");
    // The page shows where the log is (here: the test's directory).
    assert!(d.shows(&format!("Log: {}", data.join("logs").display())));
    // Back to the wizard: the step's page again; Next leaves it too.
    d.click("Back to the wizard").unwrap();
    assert!(!d.shows("Save diagnostics…"));
    assert!(d.shows("Capture screenshots of each page for the runbook"));
    d.click("Diagnostics").unwrap();
    d.send(Message::Next);
    assert_eq!(d.app.step(), Step::Targets);
    assert!(!d.shows("Save diagnostics…"));
    d.click("Diagnostics").unwrap();
    // Cancelled: nothing written, no note.
    d.app.answer_dialogs_with(None);
    std::fs::remove_file(&zip).unwrap();
    d.click("Save diagnostics…").unwrap();
    assert!(!zip.exists());
    assert_eq!(d.app.dialogs_asked().len(), 2);
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn a_powershell_run_is_logged_with_what_was_asked_and_never_the_tenant_password() {
    let data = scratch("pwsh");
    let canary = format!("CanaryTenant-{}-Pw1!", std::process::id());
    let fake = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fake-powershell.py");
    let out = wizard(&data)
        .args([
            "-vv",
            "sync",
            "enable",
            "--cloud-sync",
            "--tenant-admin",
            "admin@contoso.onmicrosoft.com",
        ])
        .env("WRITEBACK_WIZARD_POWERSHELL", &fake)
        .env("WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD", &canary)
        .env("FAKE_PWSH_TENANT_PASSWORD", &canary)
        .env("FAKE_PWSH_MODE", "module-missing")
        .env("FAKE_PWSH_STATE", data.join("state.json"))
        .env("FAKE_PWSH_LOG", data.join("calls.jsonl"))
        .env("FAKE_PWSH_PIDS", data.join("pids"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let log = log_text(&data);
    let run = log
        .lines()
        .find(|l| l.contains(": powershell ") && l.contains("op=\"cloudsync-set\""))
        .unwrap_or_else(|| panic!("no PowerShell run in the log:\n{log}"));
    for wanted in [
        "exit=0",
        "elapsed_ms=",
        "enable=true",
        "tenant_user=\"admin@contoso.onmicrosoft.com\"",
    ] {
        assert!(run.contains(wanted), "{wanted}: {run}");
    }
    assert!(!log.contains(&canary), "the tenant password is in the log");
    assert!(
        !stderr.contains(&canary),
        "the tenant password is on stderr"
    );
    let _ = std::fs::remove_dir_all(&data);
}
