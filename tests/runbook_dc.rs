//! After command-line runs on the real Samba AD DC, `runbook --out` writes
//! what the audit log holds of them: the newest run (the rollback), and
//! with `--run ID` the grant before it (the DN changed, the backup file,
//! the SDDL diff, the read-back) or the verify run (what it read).
//!
//! Needs the DC: `WRITEBACK_TEST_DC_ENV` names its connection.env (see
//! tests/support/samba-dc.sh; tests/run.sh runs these with
//! `--include-ignored`).

mod support {
    pub mod dc;
}

use std::path::Path;
use std::process::Command;

use support::dc::*;

/// `writeback-wizard --lang en ARGS` on the lab's data directory.
fn cli(lab: &Lab, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .arg("--lang")
        .arg("en")
        .args(args)
        .env("WRITEBACK_WIZARD_DATA_DIR", &lab.data_dir)
        .env_remove("WRITEBACK_WIZARD_FIXED_TIME")
        .env_remove("WRITEBACK_WIZARD_RUN")
        .output()
        .expect("the binary runs")
}

/// The Markdown runbook of the lab's log (`extra`: `--run ID`).
fn runbook(lab: &Lab, out: &Path, extra: &[&str]) -> String {
    let mut args = vec!["runbook", "--out", out.to_str().unwrap(), "--format", "md"];
    args.extend(extra);
    let run = cli(lab, &args);
    assert!(
        run.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read_to_string(out.join("runbook.md")).unwrap()
}

/// The run id of each record of the log, oldest first, with its command.
fn runs(lab: &Lab) -> Vec<(String, String)> {
    let out = cli(lab, &["log", "--json"]);
    assert!(out.status.success());
    let mut runs: Vec<(String, String)> = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["run"]["id"].as_str().expect("a run id").to_string();
        let command = v["run"]["command"].as_str().unwrap_or_default().to_string();
        if !runs.iter().any(|(i, _)| *i == id) {
            runs.push((id, command));
        }
    }
    runs
}

#[test]
#[ignore = "needs the Samba DC"]
fn after_a_cli_grant_on_the_dc_runbook_writes_that_run() {
    let mut lab = Lab::start("runbook");
    let connector = lab.create_user("rbconn", None);
    let conn = lab.admin_conn(&connector.name);

    let granted = lab.wizard_ok(&["grant", "--yes"], &conn);
    let backups: Vec<_> = std::fs::read_dir(lab.backup_dir())
        .expect("backup directory")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(backups.len(), 1, "{}", granted.show());
    let backup = backups[0].display().to_string();

    // The newest run is the grant.
    let md = runbook(&lab, &lab.data_dir.join("rb-grant"), &[]);
    assert!(md.contains(": writeback-wizard grant, from "), "{md}");
    assert!(md.contains(&lab.root()), "the DN changed: {md}");
    assert!(
        md.contains(&format!("- Backup: `{backup}`")),
        "the backup file: {md}"
    );
    assert!(md.contains("```diff\n+ (OA;CIIO;CR;00299570"), "{md}");
    let read_back = md
        .lines()
        .find(|l| l.contains("read back after writing"))
        .unwrap_or_else(|| panic!("no read-back in the verification: {md}"));
    assert!(read_back.contains(&lab.root()), "{read_back}");
    assert!(md.contains(&format!("writeback-wizard rollback --backup \"{backup}\"")));
    let sid = connector.sid.to_string();
    assert!(md.contains(&sid), "the connector's ACEs: {md}");

    lab.wizard_ok(&["verify"], &conn);
    lab.wizard_ok(&["rollback", "--yes"], &conn);

    let runs = runs(&lab);
    let commands: Vec<&str> = runs.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(commands, ["grant", "rollback"], "{runs:?}");
    // The newest is the rollback now.
    let md = runbook(&lab, &lab.data_dir.join("rb-new"), &[]);
    assert!(md.contains(": writeback-wizard rollback, from "), "{md}");
    assert!(md.contains("permissions rolled back"), "{md}");
    assert!(md.contains("Nothing to undo"), "{md}");
    // --run: the grant again, unchanged.
    let md = runbook(&lab, &lab.data_dir.join("rb-old"), &["--run", &runs[0].0]);
    assert!(md.contains(": writeback-wizard grant, from "), "{md}");
    assert!(md.contains(&format!("- Backup: `{backup}`")), "{md}");
    assert!(!md.contains("permissions rolled back"), "{md}");
}

#[test]
#[ignore = "needs the Samba DC"]
fn a_verify_run_on_the_dc_is_written_with_what_it_read() {
    let mut lab = Lab::start("runbook-verify");
    let connector = lab.create_user("rbver", None);
    let conn = lab.admin_conn(&connector.name);
    let doc = lab.wizard_ok(&["verify", "--json"], &conn).json();
    let (carrying, scanned) = (
        doc["audit"]["carrying"].as_u64().unwrap(),
        doc["audit"]["scanned"].as_u64().unwrap(),
    );
    let md = runbook(&lab, &lab.data_dir.join("rb"), &[]);
    assert!(md.contains(": writeback-wizard verify, from "), "{md}");
    assert!(
        md.contains(&format!("{carrying} of {scanned} users carry")),
        "what Verify read, as it read it: {md}"
    );
    assert!(md.contains("This run changed nothing."), "{md}");
}
