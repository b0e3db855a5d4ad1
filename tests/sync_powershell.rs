//! Step 2 (`sync status|enable|disable`) against a stand-in for PowerShell
//! on the Entra Connect server.
//!
//! No Connect server, and no PowerShell with the ADSync module, can run
//! where these tests run. `WRITEBACK_WIZARD_POWERSHELL` therefore points at
//! `tests/support/fake-powershell.py`, which takes the call exactly as
//! `powershell.exe` would (`-NoProfile -NonInteractive -EncodedCommand`, a
//! JSON request on stdin), emulates the documented behaviour of the ADSync
//! cmdlets the script uses (`Get-ADSyncConnector`,
//! `Get-/Set-ADSyncAADPasswordResetConfiguration`, writeback kept per
//! connector in a state file) and answers with the script's JSON shapes. Its
//! failure modes (`FAKE_PWSH_MODE`) stand for what a real server does wrong:
//! no ADSync module, a non-elevated session, two Entra ID connectors, a
//! PowerShell error banner instead of JSON, a hang, Connect 1.x, WinRM
//! failing. The assertions are about the wizard's behaviour (exit status,
//! state switched, one-line errors that name the fix, requests sent, process
//! tree killed), not about the script's text; the script itself is only
//! checked by the fake for the cmdlets it must call.
//!
//! The Cloud Sync variant (`--cloud-sync`) is stood in for the same way: the
//! fake emulates the provisioning agent's module and its documented
//! `Set-AADCloudSyncPasswordWritebackConfiguration -Enable -Credential`,
//! which signs in to the tenant. A real tenant cannot be reached here, so
//! the fake accepts one tenant administrator and refuses others as Entra ID
//! does (AADSTS50126). Microsoft documents no cmdlet that reads the setting,
//! so neither does the fake: the wizard must say "set, not readable".
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::Value;

const ENTRA: &str = "contoso.onmicrosoft.com - AAD";
const TENANT_PASSWORD_ENV: &str = "WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD";
/// The tenant administrator the fake tenant accepts (its defaults).
const ADMIN: &str = "admin@contoso.onmicrosoft.com";
const ADMIN_PASSWORD: &str = "Corr3ct-H0rse";

fn fake() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fake-powershell.py")
}

/// One test's files: the fake's state, its log, its PID file.
struct Server {
    dir: PathBuf,
    mode: &'static str,
}

impl Server {
    fn new(test: &str, mode: &'static str) -> Server {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("sync_powershell")
            .join(test);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Server { dir, mode }
    }

    fn state_file(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    fn log_file(&self) -> PathBuf {
        self.dir.join("calls.jsonl")
    }

    fn pids_file(&self) -> PathBuf {
        self.dir.join("pids")
    }

    /// Runs the wizard with `args`; panics when it takes longer than `limit`.
    fn run_within(&self, args: &[&str], exe: &Path, limit: Duration) -> Output {
        self.run_env(args, exe, limit, &[])
    }

    /// As `run_within`, with extra environment variables.
    fn run_env(&self, args: &[&str], exe: &Path, limit: Duration, env: &[(&str, &str)]) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
            .env_remove(TENANT_PASSWORD_ENV)
            .envs(env.iter().copied())
            .args(["--lang", "en"])
            .args(args)
            .env("WRITEBACK_WIZARD_POWERSHELL", exe)
            .env("WRITEBACK_WIZARD_DATA_DIR", &self.dir)
            .env("FAKE_PWSH_MODE", self.mode)
            .env("FAKE_PWSH_STATE", self.state_file())
            .env("FAKE_PWSH_LOG", self.log_file())
            .env("FAKE_PWSH_PIDS", self.pids_file())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > limit {
                let _ = child.kill();
                let out = child.wait_with_output().unwrap();
                panic!(
                    "{args:?} still running after {limit:?}; stderr: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_within(args, &fake(), Duration::from_secs(30))
    }

    /// The writeback flags the fake keeps (`{}` before any set).
    fn state(&self) -> Value {
        match std::fs::read_to_string(self.state_file()) {
            Ok(text) => serde_json::from_str(&text).unwrap(),
            Err(_) => serde_json::json!({}),
        }
    }

    /// Every call so far: `{"argv": [...], "request": {...}}`.
    fn calls(&self) -> Vec<Value> {
        std::fs::read_to_string(self.log_file())
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn sets(&self) -> Vec<Value> {
        self.calls()
            .into_iter()
            .map(|c| c["request"].clone())
            .filter(|r| r["op"] == "set")
            .collect()
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Exit 1 and exactly one line on stderr, an error that contains `fix`.
fn assert_fails_with(o: &Output, fix: &str) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "stdout: {}\nstderr: {err}",
        stdout(o)
    );
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(err.starts_with("error: "), "{err:?}");
    assert!(err.contains(fix), "{err:?} should contain {fix:?}");
}

fn assert_ok(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        stdout(o),
        stderr(o)
    );
}

#[test]
fn enable_switches_writeback_on_and_reads_it_back() {
    let server = Server::new("enable", "ok");
    let before = server.run(&["sync", "status"]);
    assert_ok(&before);
    assert!(
        stdout(&before).contains(&format!(
            "localhost: connector \"{ENTRA}\", password writeback off"
        )),
        "{}",
        stdout(&before)
    );
    assert!(server.sets().is_empty(), "status changes nothing");

    let enable = server.run(&["sync", "enable"]);
    assert_ok(&enable);
    assert!(
        stdout(&enable).contains("password writeback on"),
        "{}",
        stdout(&enable)
    );
    assert_eq!(server.state(), serde_json::json!({ ENTRA: true }));
    let sets = server.sets();
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0]["connector"], ENTRA);
    assert_eq!(sets[0]["enable"], true);

    let status = server.run(&["sync", "status", "--json"]);
    assert_ok(&status);
    let doc: Value = serde_json::from_str(stdout(&status).trim()).unwrap();
    assert_eq!(doc["host"], "localhost");
    assert_eq!(doc["state"]["writeback"], true);
    assert_eq!(doc["state"]["connector"], ENTRA);
    assert_eq!(doc["state"]["version"], "2.4.131.0");
    assert_eq!(
        doc["state"]["ad_connector_account"],
        "CORP\\MSOL_4f2a9c1d7e3b"
    );
    assert_eq!(doc["state"]["service_running"], true);
    assert_eq!(doc["state"]["endpoints"].as_array().unwrap().len(), 2);
    let checks = doc["checks"].as_array().unwrap();
    assert!(!checks.is_empty());
    assert!(
        checks.iter().all(|c| c["outcome"] != "blocking"),
        "{checks:?}"
    );
}

#[test]
fn enable_again_changes_nothing() {
    let server = Server::new("idempotent", "ok");
    assert_ok(&server.run(&["sync", "enable"]));
    assert_eq!(server.sets().len(), 1);
    let again = server.run(&["sync", "enable"]);
    assert_ok(&again);
    assert!(
        stdout(&again).contains("password writeback on"),
        "{}",
        stdout(&again)
    );
    assert_eq!(
        server.sets().len(),
        1,
        "no second set: {:?}",
        server.calls()
    );
    assert_eq!(server.state(), serde_json::json!({ ENTRA: true }));
}

#[test]
fn disable_switches_writeback_off() {
    let server = Server::new("disable", "ok");
    // Already off: nothing to do.
    assert_ok(&server.run(&["sync", "disable"]));
    assert!(server.sets().is_empty(), "{:?}", server.calls());

    assert_ok(&server.run(&["sync", "enable"]));
    let disable = server.run(&["sync", "disable"]);
    assert_ok(&disable);
    assert!(
        stdout(&disable).contains("password writeback off"),
        "{}",
        stdout(&disable)
    );
    assert_eq!(server.state(), serde_json::json!({ ENTRA: false }));
    let sets = server.sets();
    assert_eq!(sets.len(), 2);
    assert_eq!(sets[1]["connector"], ENTRA);
    assert_eq!(sets[1]["enable"], false);

    let status = server.run(&["sync", "status", "--json"]);
    let doc: Value = serde_json::from_str(stdout(&status).trim()).unwrap();
    assert_eq!(doc["state"]["writeback"], false);
}

#[test]
fn remote_host_travels_as_data_never_in_argv() {
    let server = Server::new("remote", "ok");
    // A value that would do harm if it were pasted into the script.
    let host = "connect01.corp.example'; Stop-Computer -Force; '";
    let out = server.run(&["sync", "enable", "--remote", host]);
    assert_ok(&out);
    assert!(
        stdout(&out).starts_with(&format!("{host}: connector")),
        "{}",
        stdout(&out)
    );
    let calls = server.calls();
    assert!(calls.len() >= 3, "{calls:?}");
    for call in &calls {
        assert_eq!(call["request"]["remote"], host);
        let argv: Vec<&str> = call["argv"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(
            argv[..3],
            ["-NoProfile", "-NonInteractive", "-EncodedCommand"]
        );
        assert!(argv.iter().all(|a| !a.contains("connect01")), "{argv:?}");
        let utf16 = base64::engine::general_purpose::STANDARD
            .decode(argv[3])
            .unwrap();
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();
        let script = String::from_utf16(&units).unwrap();
        assert!(!script.contains("connect01"), "the script is fixed");
    }
    // The same script text for every call and every host.
    let first = &calls[0]["argv"];
    assert!(calls.iter().all(|c| &c["argv"] == first));
    assert_eq!(server.state(), serde_json::json!({ ENTRA: true }));
}

#[test]
fn module_missing_says_to_run_on_the_connect_server() {
    let server = Server::new("module-missing", "module-missing");
    assert_fails_with(&server.run(&["sync", "status"]), "ADSync module");
    assert_fails_with(&server.run(&["sync", "enable"]), "ADSync module");
    assert!(server.sets().is_empty());
}

#[test]
fn access_denied_on_set_says_to_elevate() {
    let server = Server::new("access-denied", "access-denied");
    // Reads work in a non-elevated session.
    assert_ok(&server.run(&["sync", "status"]));
    let out = server.run(&["sync", "enable"]);
    assert_fails_with(&out, "access denied");
    assert!(stderr(&out).contains("administrator"), "{}", stderr(&out));
    assert_eq!(server.sets().len(), 1, "the set was tried once");
    assert_eq!(server.state(), serde_json::json!({}), "nothing changed");
}

#[test]
fn two_entra_connectors_are_not_guessed_between() {
    let server = Server::new("two-connectors", "two-connectors");
    let out = server.run(&["sync", "enable"]);
    assert_fails_with(&out, "several Entra ID connectors");
    assert!(stderr(&out).contains("contoso.onmicrosoft.com - AAD"));
    assert!(stderr(&out).contains("fabrikam.onmicrosoft.com - AAD"));
    assert!(server.sets().is_empty(), "{:?}", server.calls());
    assert_fails_with(
        &server.run(&["sync", "status"]),
        "several Entra ID connectors",
    );
}

#[test]
fn an_error_banner_instead_of_json_is_unexpected() {
    let server = Server::new("garbage", "garbage");
    let out = server.run(&["sync", "status"]);
    assert_fails_with(&out, "unexpected");
    assert!(server.sets().is_empty());
}

#[test]
fn a_failing_remote_session_names_winrm() {
    let server = Server::new("remote-fail", "remote-fail");
    let out = server.run(&["sync", "enable", "--remote", "connect01.corp.example"]);
    assert_fails_with(&out, "remote PowerShell session failed");
    assert!(stderr(&out).contains("WinRM"), "{}", stderr(&out));
    assert_eq!(server.state(), serde_json::json!({}));
    // This machine answers.
    assert_ok(&server.run(&["sync", "status"]));
}

#[test]
fn a_missing_powershell_cannot_start() {
    let server = Server::new("no-powershell", "ok");
    let out = server.run_within(
        &["sync", "status"],
        Path::new("/nonexistent"),
        Duration::from_secs(30),
    );
    assert_fails_with(&out, "cannot start PowerShell");
    assert!(stderr(&out).contains("/nonexistent"), "{}", stderr(&out));
}

#[test]
fn connect_1x_is_retired_and_blocks() {
    let server = Server::new("old-version", "old-version");
    let out = server.run(&["sync", "status"]);
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    assert!(stdout(&out).contains("1.6.16.0"), "{}", stdout(&out));
    assert!(stdout(&out).contains("retired"), "{}", stdout(&out));
}

/// Whether `pid` is a live process (a zombie waiting to be reaped is not).
fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // "pid (comm) S ...": the state follows the last ')'.
        Ok(stat) => !stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])),
        Err(_) => false,
    }
}

#[test]
fn a_hanging_powershell_is_stopped_with_its_process_tree() {
    let server = Server::new("hang", "hang");
    let start = Instant::now();
    let out = server.run_within(
        &["sync", "status", "--timeout", "2"],
        &fake(),
        Duration::from_secs(10),
    );
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_fails_with(&out, "did not answer within 2 seconds");
    assert_tree_gone(&server);
}

/// The fake's two processes (itself and its child) are gone.
fn assert_tree_gone(server: &Server) {
    let pids: Vec<u32> = std::fs::read_to_string(server.pids_file())
        .expect("the fake wrote its PIDs")
        .split_whitespace()
        .map(|p| p.parse().unwrap())
        .collect();
    assert_eq!(pids.len(), 2, "{pids:?}");
    let deadline = Instant::now() + Duration::from_secs(1);
    while pids.iter().any(|&p| alive(p)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let left: Vec<u32> = pids.iter().copied().filter(|&p| alive(p)).collect();
    for &pid in &left {
        // Do not leave the fake's processes behind (by PID, only these).
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    }
    assert!(left.is_empty(), "still running after the timeout: {left:?}");
}

#[test]
fn the_fake_refuses_a_call_powershell_would_not_get() {
    // Guards the stand-in itself: it must not answer whatever it is given.
    let out = Command::new(fake())
        .args(["-Command", "Get-ADSyncConnector"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64));
    let script: Vec<u8> = "Write-Output 1"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let out = Command::new(fake())
        .args(["-NoProfile", "-NonInteractive", "-EncodedCommand"])
        .arg(base64::engine::general_purpose::STANDARD.encode(script))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Get-ADSyncConnector"));
}

// ---- Cloud Sync -------------------------------------------------------

impl Server {
    /// Runs `sync ... --cloud-sync` with the tenant password in the
    /// environment variable meant for scripts.
    fn cloud(&self, args: &[&str], password: &str) -> Output {
        let mut all = vec!["sync"];
        all.extend_from_slice(args);
        all.push("--cloud-sync");
        self.run_env(
            &all,
            &fake(),
            Duration::from_secs(30),
            &[(TENANT_PASSWORD_ENV, password)],
        )
    }

    fn cloud_sets(&self) -> Vec<Value> {
        self.calls()
            .into_iter()
            .filter(|c| c["request"]["op"] == "cloudsync-set")
            .collect()
    }
}

#[test]
fn cloud_sync_status_reads_the_agent_and_says_the_setting_is_not_readable() {
    let server = Server::new("cloud-status", "module-missing");
    // A Cloud Sync server has no ADSync module; status needs no credential.
    let out = server.cloud(&["status"], "unused");
    assert_ok(&out);
    let text = stdout(&out);
    assert!(
        text.contains(
            "localhost: Cloud Sync provisioning agent 1.1.1370.0, password writeback not readable"
        ),
        "{text}"
    );
    assert!(text.contains("no cmdlet"), "{text}");
    let json = server.cloud(&["status", "--json"], "unused");
    assert_ok(&json);
    let doc: Value = serde_json::from_str(stdout(&json).trim()).unwrap();
    assert_eq!(doc["mode"], "cloud-sync");
    assert_eq!(doc["state"]["version"], "1.1.1370.0");
    assert_eq!(doc["state"]["writeback"], Value::Null);
    assert!(
        server
            .calls()
            .iter()
            .all(|c| c["request"]["op"] == "cloudsync-status"
                && c["request"]["tenant_password"].is_null()),
        "{:?}",
        server.calls()
    );
}

#[test]
fn cloud_sync_enable_signs_in_with_a_credential_sent_on_stdin_only() {
    let server = Server::new("cloud-enable", "module-missing");
    let out = server.cloud(&["enable", "--tenant-admin", ADMIN], ADMIN_PASSWORD);
    assert_ok(&out);
    let text = stdout(&out);
    assert!(
        text.contains("Cloud Sync password writeback set to on"),
        "{text}"
    );
    assert!(text.contains("cannot be read back"), "{text}");
    assert!(!text.contains(ADMIN_PASSWORD) && !stderr(&out).contains(ADMIN_PASSWORD));
    assert_eq!(server.state(), serde_json::json!({ "cloud-sync": true }));
    let sets = server.cloud_sets();
    assert_eq!(sets.len(), 1, "{:?}", server.calls());
    let set = &sets[0];
    assert_eq!(set["request"]["tenant_user"], ADMIN);
    assert_eq!(set["request"]["enable"], true);
    // The fake received the password on stdin (it checked it), and saw it
    // neither in its argv nor in its environment.
    assert_eq!(set["request"]["tenant_password"], "<redacted>");
    assert_eq!(set["secret_in_argv"], false);
    assert_eq!(set["secret_in_env"], false);
    for call in server.calls() {
        let argv = call["argv"].to_string();
        assert!(
            !argv.contains(ADMIN_PASSWORD) && !argv.contains(ADMIN),
            "{argv}"
        );
    }

    let json = server.cloud(
        &["disable", "--tenant-admin", ADMIN, "--json"],
        ADMIN_PASSWORD,
    );
    assert_ok(&json);
    let doc: Value = serde_json::from_str(stdout(&json).trim()).unwrap();
    assert_eq!(doc["mode"], "cloud-sync");
    assert_eq!(doc["set"], false);
    assert_eq!(doc["read_back"], false, "never pretend it was read back");
    assert_eq!(server.state(), serde_json::json!({ "cloud-sync": false }));
}

#[test]
fn cloud_sync_settings_come_from_the_profile() {
    let server = Server::new("cloud-profile", "ok");
    let profile = server.dir.join("profile.toml");
    std::fs::write(
        &profile,
        format!(
            "[connect]\nremote = \"agent01.corp.example\"\ncloud_sync = true\ntenant_admin = \"{ADMIN}\"\n"
        ),
    )
    .unwrap();
    let out = server.run_env(
        &["sync", "enable", "--profile", profile.to_str().unwrap()],
        &fake(),
        Duration::from_secs(30),
        &[(TENANT_PASSWORD_ENV, ADMIN_PASSWORD)],
    );
    assert_ok(&out);
    assert!(
        stdout(&out).starts_with("agent01.corp.example: Cloud Sync"),
        "{}",
        stdout(&out)
    );
    let sets = server.cloud_sets();
    assert_eq!(sets.len(), 1);
    assert_eq!(sets[0]["request"]["remote"], "agent01.corp.example");
    assert_eq!(sets[0]["request"]["tenant_user"], ADMIN);
    assert_eq!(server.state(), serde_json::json!({ "cloud-sync": true }));
}

#[test]
fn cloud_sync_wrong_credential_is_refused_and_changes_nothing() {
    let server = Server::new("cloud-wrong-credential", "ok");
    let out = server.cloud(&["enable", "--tenant-admin", ADMIN], "wrong-password");
    assert_fails_with(&out, "the tenant refused the sign-in");
    assert!(stderr(&out).contains("AADSTS50126"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Hybrid Identity Administrator or Global Administrator"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("wrong-password"));
    assert_eq!(server.cloud_sets().len(), 1, "tried once");
    assert_eq!(server.state(), serde_json::json!({}));
}

#[test]
fn cloud_sync_without_the_agent_names_the_fix() {
    let server = Server::new("cloud-agent-missing", "agent-missing");
    for args in [&["status"][..], &["enable", "--tenant-admin", ADMIN][..]] {
        let out = server.cloud(args, ADMIN_PASSWORD);
        assert_fails_with(
            &out,
            "provisioning agent's PowerShell module is not installed",
        );
        assert!(
            stderr(&out).contains("Microsoft.CloudSync.Powershell.dll"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(server.state(), serde_json::json!({}));
}

#[test]
fn cloud_sync_too_old_an_agent_blocks_status() {
    let server = Server::new("cloud-agent-old", "agent-old");
    let out = server.cloud(&["status"], "unused");
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    assert!(
        stdout(&out).contains("1.1.587.0 is too old"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn cloud_sync_needs_a_tenant_admin_and_a_password() {
    let server = Server::new("cloud-usage", "ok");
    let out = server.cloud(&["enable"], ADMIN_PASSWORD);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--tenant-admin"), "{}", stderr(&out));
    // No password in the environment and no terminal: refuse, do not hang.
    let out = server.run(&["sync", "enable", "--cloud-sync", "--tenant-admin", ADMIN]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(TENANT_PASSWORD_ENV),
        "{}",
        stderr(&out)
    );
    // A tenant administrator without Cloud Sync is a mistake, not ignored.
    let out = server.run(&["sync", "enable", "--tenant-admin", ADMIN]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--cloud-sync"), "{}", stderr(&out));
    assert!(server.calls().is_empty(), "{:?}", server.calls());
}

#[test]
fn cloud_sync_a_hanging_set_is_stopped_with_its_process_tree() {
    let server = Server::new("cloud-hang", "hang-on-set");
    let out = server.run_env(
        &[
            "sync",
            "enable",
            "--cloud-sync",
            "--tenant-admin",
            ADMIN,
            "--timeout",
            "2",
        ],
        &fake(),
        Duration::from_secs(15),
        &[(TENANT_PASSWORD_ENV, ADMIN_PASSWORD)],
    );
    assert_fails_with(&out, "did not answer within 2 seconds");
    assert_eq!(server.cloud_sets().len(), 1);
    assert_tree_gone(&server);
}
