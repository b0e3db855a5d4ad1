//! `runbook` writes a run of the audit log, not a fresh demo: the newest
//! run, or the one `--run ID` names; a window run (driven headlessly, with
//! "Capture screenshots" on) carries the screenshots it saved in the data
//! directory; logs written before runs were tagged, torn or foreign lines
//! still read. The Samba DC's CLI runs: `tests/runbook_dc.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;

use writeback_wizard::app::{Message, Options, Step, ThemeChoice};
use writeback_wizard::audit::{self, Action, Change, Outcome, Plane, RunTag, Target, Trail, Via};
use writeback_wizard::headless::{Driver, demo_time};
use writeback_wizard::page::{connect, permissions, pilot, portal, verify, welcome};

fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wbw-runbook-log-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `writeback-wizard --lang en ARGS` on the data directory `data`.
fn cli(args: &[&str], data: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .arg("--lang")
        .arg("en")
        .args(args)
        .env("WRITEBACK_WIZARD_DATA_DIR", data)
        .env_remove(audit::FIXED_TIME_ENV)
        .env_remove(audit::run::RUN_ENV)
        .output()
        .expect("the binary runs")
}

/// `runbook --format md` of `data`'s log (extra `args`): the Markdown.
fn runbook_md(data: &Path, out: &Path, args: &[&str]) -> String {
    let mut all = vec!["runbook", "--out", out.to_str().unwrap(), "--format", "md"];
    all.extend(args);
    let run = cli(&all, data);
    assert!(
        run.status.success(),
        "{all:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read_to_string(out.join("runbook.md")).unwrap()
}

fn tag(id: &str, command: &str) -> RunTag {
    RunTag {
        id: id.into(),
        via: Via::Cli,
        command: Some(command.into()),
    }
}

fn ad_change(action: Action, dn: &str, backup: &str) -> Change {
    Change {
        plane: Plane::Ad,
        action,
        account: Some("CN=Administrator".into()),
        target: Target {
            server: Some("dc1.corp.example".into()),
            dn: Some(dn.into()),
            tenant: None,
        },
        before: "D:(A;;RP;;;AU)".into(),
        after: "D:(A;;RP;;;AU)(OA;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;S-1-5-21-1-2-3-1105)".into(),
        added: vec!["(OA;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;S-1-5-21-1-2-3-1105)".into()],
        removed: Vec::new(),
        result: Outcome::Ok,
        backup: Some(PathBuf::from(backup)),
    }
}

#[test]
fn the_newest_run_is_written_and_run_id_picks_an_older_one() {
    let data = scratch("runs");
    let log = data.join("audit.jsonl");
    Trail::new(Some(log.clone()))
        .in_run(tag("run-grant", "grant"))
        .record(ad_change(
            Action::Grant,
            "DC=corp,DC=example",
            "/b/grant.json",
        ))
        .unwrap();
    Trail::new(Some(log.clone()))
        .in_run(tag("run-rollback", "rollback"))
        .record(ad_change(
            Action::Rollback,
            "OU=Staff,DC=corp,DC=example",
            "/b/other.json",
        ))
        .unwrap();

    let newest = runbook_md(&data, &data.join("newest"), &[]);
    assert!(
        newest.contains("Run run-rollback: writeback-wizard rollback"),
        "{newest}"
    );
    assert!(newest.contains("OU=Staff,DC=corp,DC=example"), "{newest}");
    assert!(!newest.contains("/b/grant.json"), "{newest}");
    assert!(
        !newest.contains("## Steps"),
        "a command has no wizard steps: {newest}"
    );

    let older = runbook_md(&data, &data.join("older"), &["--run", "run-grant"]);
    assert!(
        older.contains("Run run-grant: writeback-wizard grant"),
        "{older}"
    );
    assert!(older.contains("permissions granted"), "{older}");
    assert!(older.contains("- Backup: `/b/grant.json`"), "{older}");
    assert!(
        older.contains("read back after writing"),
        "the read-back is its verification: {older}"
    );
    assert!(older.contains("```diff\n+ (OA;CIIO;CR;00299570"), "{older}");
    assert!(
        older.contains("writeback-wizard rollback --backup \"/b/grant.json\""),
        "{older}"
    );
    assert!(!older.contains("OU=Staff"), "{older}");

    let missing = cli(
        &["runbook", "--out", data.to_str().unwrap(), "--run", "nope"],
        &data,
    );
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("holds no run nope"), "{err}");
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn old_torn_and_foreign_lines_still_read() {
    let data = scratch("old");
    let log = data.join("audit.jsonl");
    // A line written before runs were tagged, and a line of a newer
    // version's kind of note.
    let old = r#"{"time":"2025-01-01T00:00:00Z","operator":"bob","plane":"connect","action":"enable","target":{"server":"aadc-old.corp.example"},"before":{"password_writeback":false},"after":{"password_writeback":true},"result":{"status":"ok"}}"#;
    let foreign = r#"{"time":"2025-01-01T00:00:00Z","operator":"bob","run":{"id":"x","via":"window"},"note":{"kind":"hologram"}}"#;
    std::fs::write(&log, format!("{old}\n{foreign}\nnot json at all\n")).unwrap();

    // Only old lines: no run to write, said plainly, no panic.
    let none = cli(
        &["runbook", "--out", data.join("none").to_str().unwrap()],
        &data,
    );
    assert_eq!(none.status.code(), Some(1));
    let err = String::from_utf8_lossy(&none.stderr);
    assert!(
        err.contains("holds no run yet") && err.contains("--demo"),
        "{err}"
    );

    // A run after them, then a crash mid-line.
    Trail::new(Some(log.clone()))
        .in_run(tag("run-new", "grant"))
        .record(ad_change(
            Action::Grant,
            "DC=corp,DC=example",
            "/b/new.json",
        ))
        .unwrap();
    use std::io::Write as _;
    std::fs::OpenOptions::new()
        .append(true)
        .open(&log)
        .unwrap()
        .write_all(b"{\"time\":\"2025-")
        .unwrap();
    let md = runbook_md(&data, &data.join("md"), &[]);
    assert!(md.contains("Run run-new"), "{md}");
    assert!(md.contains("/b/new.json"), "{md}");
    assert!(
        !md.contains("aadc-old"),
        "the old line is no part of the run: {md}"
    );

    // `log` still shows the old record.
    let out = cli(&["log", "--json"], &data);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("aadc-old.corp.example"), "{stdout}");
    assert!(stdout.contains("\"run\":{\"id\":\"run-new\""), "{stdout}");
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn a_window_run_with_screenshots_is_written_from_the_data_directory() {
    writeback_wizard::localize::init(Some("en"));
    let data = scratch("window");
    let work = scratch("window-work");
    let log = data.join("audit.jsonl");
    let env = writeback_wizard::session::Env::demo(true);
    env.fix_demo_clock(demo_time());
    let mut d = Driver::new(Options {
        env,
        source: "demo".into(),
        lang: "en".into(),
        theme: ThemeChoice::Light,
        backups: writeback_wizard::session::Backups {
            dir: data.join("backups"),
            trail: Trail::new(Some(log.clone()))
                .fixed_at(demo_time())
                .demo(true)
                .in_run(RunTag {
                    id: "window-1".into(),
                    via: Via::Window,
                    command: None,
                }),
        },
    });
    d.send(Message::Welcome(welcome::Message::CaptureScreenshots(true)));
    for (n, step) in Step::ALL.iter().enumerate() {
        assert_eq!(d.app.step(), *step);
        match step {
            Step::Permissions => d.send(Message::Permissions(permissions::Message::Apply)),
            Step::Connect => d.send(Message::Connect(connect::Message::Enable)),
            Step::Portal => d.send(Message::Portal(portal::Message::Apply)),
            Step::Verify => {
                for m in [pilot::Message::Check, pilot::Message::Confirm] {
                    d.send(Message::Verify(verify::Message::Pilot(Box::new(m))));
                }
            }
            _ => {}
        }
        if *step == Step::Summary {
            break;
        }
        d.capture_next(&work).unwrap();
        assert_eq!(d.app.step(), Step::ALL[n + 1], "captured, then Next");
    }
    drop(d);

    let out = data.join("out");
    let md = runbook_md(&data, &out, &[]);
    assert!(md.contains("Run window-1: the wizard's window"), "{md}");
    for (i, step) in Step::ALL.iter().enumerate() {
        let name = format!("{:02}-{}.png", i + 1, step.slug());
        let saved = data.join("runs/window-1").join(&name);
        if *step == Step::Summary {
            assert!(!saved.exists(), "Summary was not captured");
            continue;
        }
        let png = std::fs::read(&saved).unwrap_or_else(|e| panic!("{name} saved: {e}"));
        assert!(png.starts_with(b"\x89PNG"), "{name}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&saved).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{name} is owner-only: {mode:o}");
        }
        assert!(
            md.contains(&format!("](runbook-images/{name})")),
            "{name}: {md}"
        );
        assert_eq!(
            std::fs::read(out.join("runbook-images").join(&name)).unwrap(),
            png,
            "{name}: the runbook carries the window's capture"
        );
    }
    assert!(
        md.contains("No screenshot was captured for this step."),
        "Summary"
    );
    // What changed, the backup, what Verify read, the pilot test.
    assert!(md.contains("```diff\n+ (OA;CIIO;CR;00299570"), "{md}");
    assert!(md.contains("Password writeback: off → on"), "{md}");
    assert!(md.contains("8 of 14 users carry the permission"), "{md}");
    assert!(md.contains("Portal: write back and unlock are on"), "{md}");
    assert!(
        md.contains("Pilot test (cloud reset → Active Directory): "),
        "{md}"
    );
    assert!(
        md.contains("writeback-wizard sync disable --remote aadc01.contoso.com"),
        "{md}"
    );
    let _ = std::fs::remove_dir_all(data);
    let _ = std::fs::remove_dir_all(work);
}
