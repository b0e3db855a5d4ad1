//! The audit log survives a crash mid-write: a child process appends
//! records as fast as it can and is killed (SIGKILL) several times; after
//! each kill, what was there before is a byte prefix of the file, every
//! complete line is a whole record, and the next append reads back whole.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use writeback_wizard::audit::{self, Change, Outcome, Plane, Target, Trail};

const CHILD_ENV: &str = "WBW_AUDIT_CRASH_CHILD";

fn change(n: u64) -> Change {
    // Large values make each write take a while, so kills land mid-way.
    let sddl = format!("D:{}", "(A;CI;CR;;;S-1-5-21-1-2-3-1105)".repeat(2000));
    Change {
        plane: Plane::Ad,
        action: audit::Action::Grant,
        account: Some("CONTOSO\\admin".into()),
        target: Target {
            server: Some("dc01.contoso.com".into()),
            dn: Some(format!("OU=n{n},DC=contoso,DC=com")),
            tenant: None,
        },
        before: sddl.clone().into(),
        after: format!("{sddl}(A;;RP;;;S-1-5-21-1-2-3-1105)").into(),
        added: vec!["(A;;RP;;;S-1-5-21-1-2-3-1105)".into()],
        removed: Vec::new(),
        result: Outcome::Ok,
        backup: None,
    }
}

/// Not a test on its own: the writer the crash test starts (and kills).
/// Without the variable it returns at once.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let trail = Trail::new(Some(PathBuf::from(path)));
    let started = Instant::now();
    let mut n = 0;
    while started.elapsed() < Duration::from_secs(60) {
        trail.record(change(n)).expect("append");
        n += 1;
    }
}

#[cfg_attr(not(unix), allow(dead_code))]
fn lines(path: &Path) -> usize {
    std::fs::read(path)
        .map(|b| b.iter().filter(|c| **c == b'\n').count())
        .unwrap_or(0)
}

#[cfg(unix)]
#[test]
fn the_log_survives_a_kill_mid_write_and_is_never_rewritten() {
    let dir = std::env::temp_dir().join(format!("wbw-audit-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("audit.jsonl");
    let mut previous: Vec<u8> = Vec::new();
    let mut torn: Vec<usize> = Vec::new();
    for round in 0..4 {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start the writer");
        let want = lines(&path) + 20 + round * 7;
        let deadline = Instant::now() + Duration::from_secs(30);
        while lines(&path) < want && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let now = std::fs::read(&path).expect("the log exists");
        assert!(
            now.len() > previous.len(),
            "round {round}: nothing was appended"
        );
        assert!(
            now.starts_with(&previous),
            "round {round}: earlier content was rewritten"
        );
        let log = audit::parse(&now);
        // Only torn lines are skipped: the last one now, and those torn by
        // earlier kills (the next append started on a new line after them).
        let complete = now.iter().filter(|c| **c == b'\n').count();
        let torn_now: Vec<usize> = log
            .skipped
            .iter()
            .filter(|(_, why)| why.starts_with("torn line"))
            .map(|(n, _)| *n)
            .collect();
        let earlier: Vec<usize> = log
            .skipped
            .iter()
            .filter(|(_, why)| !why.starts_with("torn line"))
            .map(|(n, _)| *n)
            .collect();
        assert_eq!(earlier, torn, "round {round}: {:?}", log.skipped);
        assert_eq!(
            log.records.len() + earlier.len(),
            complete,
            "round {round}: a complete line was lost"
        );
        torn.extend(torn_now);
        // The next record starts whole, even after a torn line.
        let trail = Trail::new(Some(path.clone()));
        let written = trail.record(change(1_000_000)).unwrap();
        let log = audit::read(&path).unwrap();
        assert_eq!(log.records.last(), Some(&written));
        previous = std::fs::read(&path).unwrap();
    }
    eprintln!("kills that tore a line: {}", torn.len());
    let _ = std::fs::remove_dir_all(dir);
}

/// `sync enable` from the command line records its switch (and a second
/// enable, which changes nothing, records nothing).
#[test]
fn the_command_line_records_a_connect_switch() {
    let dir = std::env::temp_dir().join(format!("wbw-audit-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fake =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fake-powershell.py");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
            .args(args)
            .env("WRITEBACK_WIZARD_POWERSHELL", &fake)
            .env("WRITEBACK_WIZARD_DATA_DIR", &dir)
            .env(audit::FIXED_TIME_ENV, "1764000000")
            .env("USER", "carol")
            .env("FAKE_PWSH_MODE", "ok")
            .env("FAKE_PWSH_STATE", dir.join("state.json"))
            .env("FAKE_PWSH_LOG", dir.join("calls.jsonl"))
            .env("FAKE_PWSH_PIDS", dir.join("pids"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["sync", "enable"]);
    run(&["sync", "enable"]);
    let log = audit::read(&dir.join("audit.jsonl")).unwrap();
    assert!(log.skipped.is_empty());
    assert_eq!(log.records.len(), 1, "{:#?}", log.records);
    let r = &log.records[0];
    assert_eq!((r.plane, r.action), (Plane::Connect, audit::Action::Enable));
    assert_eq!(r.operator, "carol");
    assert_eq!(r.time, "2025-11-24T16:00:00Z");
    assert_eq!(r.target.server.as_deref(), Some("localhost"));
    assert_eq!(r.before["password_writeback"], false);
    assert_eq!(r.after["password_writeback"], true);
    assert_eq!(r.result, Outcome::Ok);
    let _ = std::fs::remove_dir_all(dir);
}
