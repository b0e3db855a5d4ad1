//! The real Connect plane: PowerShell on the Connect server, locally
//! (Windows PowerShell from the system directory on Windows, `pwsh`
//! elsewhere; `WRITEBACK_WIZARD_POWERSHELL` chooses another) or remotely
//! through PowerShell remoting. The script is
//! fixed (`connect.ps1`, passed as `-EncodedCommand`); the request goes as
//! JSON on standard input, the answer comes back as one JSON line. Every
//! call has a timeout; on timeout or cancel the whole process tree is
//! killed.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::cloudsync::{CloudSyncAgent, CloudSyncState, TenantAdmin};
use super::sync::{ConnectorInfo, Endpoint, SyncError, SyncServer, SyncState, pick_connector};

/// The script, fixed in the binary.
pub const SCRIPT: &str = include_str!("connect.ps1");

/// The most PowerShell may print (standard output, and standard error
/// each): more is refused with [`SyncError::TooLarge`], the process killed.
pub const MAX_OUTPUT: u64 = 4 * 1024 * 1024;

/// Environment variable naming the PowerShell executable.
pub const POWERSHELL_ENV: &str = "WRITEBACK_WIZARD_POWERSHELL";

/// How to reach the Connect server.
#[derive(Clone, Debug)]
pub struct PowerShellOptions {
    /// Remote host (PowerShell remoting), or this machine.
    pub remote: Option<String>,
    /// Limit per call.
    pub timeout: Duration,
}

/// A Connect server reached through PowerShell.
#[derive(Clone, Debug)]
pub struct PowerShell {
    exe: PathBuf,
    options: PowerShellOptions,
    connector: Option<String>,
}

/// One request to the script. Not `Debug`: it may carry the tenant
/// administrator's password, which goes to standard input only.
#[derive(Serialize, Default)]
struct Request<'a> {
    op: &'a str,
    connector: Option<&'a str>,
    enable: bool,
    remote: Option<&'a str>,
    tenant_user: Option<&'a str>,
    tenant_password: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<&'a str>,
}

#[derive(Deserialize)]
struct Answer {
    ok: bool,
    #[serde(default)]
    state: Option<RawState>,
    #[serde(default)]
    error: Option<RawError>,
}

#[derive(Deserialize, Default)]
struct RawState {
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    service_running: bool,
    #[serde(default)]
    connectors: Vec<ConnectorInfo>,
    #[serde(default)]
    writeback: Option<bool>,
    #[serde(default)]
    ad_connector_account: Option<String>,
    #[serde(default)]
    endpoints: Vec<Endpoint>,
    #[serde(default)]
    events: Vec<crate::backend::sync::EventRecord>,
    #[serde(default)]
    preferred_dcs: Vec<String>,
}

#[derive(Deserialize)]
struct RawError {
    kind: String,
    #[serde(default)]
    message: String,
}

/// The default executable for this platform: `WRITEBACK_WIZARD_POWERSHELL`
/// when set (the only override), else Windows PowerShell by its absolute
/// path in the system directory on Windows, `pwsh` elsewhere.
///
/// Never a bare `powershell.exe`: Windows would look in the application's
/// own folder first, and a program planted there would receive the tenant
/// administrator's password on its standard input.
pub fn default_exe() -> PathBuf {
    if let Some(exe) = std::env::var_os(POWERSHELL_ENV) {
        return PathBuf::from(exe);
    }
    #[cfg(windows)]
    {
        windows_powershell(&system_dir())
    }
    #[cfg(not(windows))]
    {
        PathBuf::from("pwsh")
    }
}

/// Windows PowerShell 5.1 under a system directory (`...\System32`).
pub fn windows_powershell(system: &Path) -> PathBuf {
    system
        .join("WindowsPowerShell")
        .join("v1.0")
        .join("powershell.exe")
}

/// `taskkill.exe` under a system directory.
pub fn windows_taskkill(system: &Path) -> PathBuf {
    system.join("taskkill.exe")
}

/// The Windows system directory (`C:\Windows\System32`), from
/// `GetSystemDirectoryW`, not from the environment.
#[cfg(windows)]
pub fn system_dir() -> PathBuf {
    use std::os::windows::ffi::OsStringExt;
    use windows_sys::Win32::System::SystemInformation::GetSystemDirectoryW;
    let mut buffer = vec![0u16; 260];
    loop {
        let capacity = u32::try_from(buffer.len()).unwrap_or(u32::MAX);
        // SAFETY: the pointer and the length describe `buffer`, which
        // outlives the call; the function writes at most `capacity` units.
        let n = unsafe { GetSystemDirectoryW(buffer.as_mut_ptr(), capacity) } as usize;
        if n == 0 {
            // Cannot happen on a working system; still never a bare name.
            return PathBuf::from(r"C:\Windows\System32");
        }
        if n < buffer.len() {
            buffer.truncate(n);
            return PathBuf::from(std::ffi::OsString::from_wide(&buffer));
        }
        buffer.resize(n, 0); // too small: n is the size needed, with the NUL
    }
}

/// The serialized request, wiped when dropped, also on timeout or cancel
/// (best effort: it may hold the tenant administrator's password).
struct Wiped(Vec<u8>);

impl Drop for Wiped {
    fn drop(&mut self) {
        self.0.fill(0);
        std::hint::black_box(&mut self.0);
    }
}

/// Kills the child's whole process tree when dropped (timeout, cancel).
struct TreeGuard(Option<u32>);

impl TreeGuard {
    fn disarm(&mut self) {
        self.0 = None;
    }
}

impl Drop for TreeGuard {
    fn drop(&mut self) {
        let Some(pid) = self.0 else { return };
        #[cfg(unix)]
        // SAFETY: kill(2) with a negative pid signals the process group we
        // created for the child (process_group(0)); no memory is involved.
        unsafe {
            libc::kill(-(pid as i32), libc::SIGKILL);
        }
        #[cfg(windows)]
        {
            let mut taskkill = std::process::Command::new(windows_taskkill(&system_dir()));
            super::scrub_env(&mut taskkill);
            let _ = taskkill
                .args(["/T", "/F", "/PID", &pid.to_string()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

impl PowerShell {
    /// A runner with the platform's (or the configured) executable.
    pub fn new(options: PowerShellOptions) -> PowerShell {
        PowerShell {
            exe: default_exe(),
            options,
            connector: None,
        }
    }

    async fn call(
        &self,
        op: &str,
        connector: Option<&str>,
        enable: bool,
    ) -> Result<RawState, SyncError> {
        self.send(Request {
            op,
            connector,
            enable,
            ..Request::default()
        })
        .await
    }

    /// Runs the script once with `request` on standard input, and logs
    /// what was asked (never the tenant administrator's password), the
    /// exit status and the time.
    async fn send(&self, request: Request<'_>) -> Result<RawState, SyncError> {
        let started = std::time::Instant::now();
        let (op, connector, enable, tenant_user) = (
            request.op.to_string(),
            request.connector.map(str::to_string),
            request.enable,
            request.tenant_user.map(str::to_string),
        );
        let mut exit = None;
        let result = self.send_once(request, &mut exit).await;
        let elapsed_ms = started.elapsed().as_millis() as u64;
        let exe = self.exe.display().to_string();
        let remote = self.options.remote.as_deref();
        match &result {
            Ok(_) => tracing::info!(
                exe,
                remote,
                op,
                connector,
                enable,
                tenant_user,
                exit,
                elapsed_ms,
                "powershell"
            ),
            Err(e) => tracing::warn!(
                exe,
                remote,
                op,
                connector,
                enable,
                tenant_user,
                exit,
                error = %e,
                elapsed_ms,
                "powershell failed"
            ),
        }
        result
    }

    async fn send_once(
        &self,
        request: Request<'_>,
        exit: &mut Option<i32>,
    ) -> Result<RawState, SyncError> {
        let mut buffer = Wiped(Vec::with_capacity(1024));
        serde_json::to_writer(
            &mut buffer.0,
            &Request {
                remote: self.options.remote.as_deref(),
                ..request
            },
        )
        .map_err(|e| SyncError::Failed(e.to_string()))?;
        let request = &buffer.0;
        let utf16: Vec<u8> = SCRIPT.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut command = tokio::process::Command::new(&self.exe);
        command
            .args(["-NoProfile", "-NonInteractive", "-EncodedCommand"])
            .arg(STANDARD.encode(utf16))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        // Passwords given to the wizard through the environment are not
        // PowerShell's business (the tenant password travels on stdin).
        for name in super::SECRET_ENV {
            command.env_remove(name);
        }
        #[cfg(unix)]
        command.process_group(0);
        #[cfg(windows)]
        command.creation_flags(0x0800_0000); // CREATE_NO_WINDOW
        let mut child = command.spawn().map_err(|e| SyncError::NoPowerShell {
            exe: self.exe.display().to_string(),
            reason: e.to_string(),
        })?;
        // Declared after `child`, so on timeout the tree is killed while its
        // root still runs (taskkill /T needs the parent alive to find the
        // children); then kill_on_drop has nothing left to do.
        let mut guard = TreeGuard(child.id());
        let stdin = child.stdin.take();
        let mut out = child.stdout.take().expect("stdout is piped");
        let mut err = child.stderr.take().expect("stderr is piped");
        let too_large = std::io::Error::other("too large");
        let io = async {
            if let Some(mut stdin) = stdin {
                let _ = stdin.write_all(request).await;
                let _ = stdin.shutdown().await;
            }
            let (mut o, mut e) = (Vec::new(), Vec::new());
            // Reads at most MAX_OUTPUT + 1 bytes of each: one more than
            // allowed means too much, and stops reading (the process is
            // then killed below).
            let bounded = |n: std::io::Result<usize>| match n {
                Ok(n) if n as u64 > MAX_OUTPUT => Err(std::io::Error::other("too large")),
                other => other,
            };
            // try_join: the first stream over the bound ends the wait (the
            // child, blocked on a full pipe, would never close the other).
            tokio::try_join!(
                async { bounded((&mut out).take(MAX_OUTPUT + 1).read_to_end(&mut o).await) },
                async { bounded((&mut err).take(MAX_OUTPUT + 1).read_to_end(&mut e).await) },
            )?;
            let status = child.wait().await?;
            Ok::<_, std::io::Error>((o, e, status.code()))
        };
        let seconds = self.options.timeout.as_secs().max(1);
        let ended = tokio::time::timeout(self.options.timeout, io).await;
        let ended = match ended {
            Ok(Ok(done)) => Ok(done),
            Ok(Err(e)) if e.to_string() == too_large.to_string() => {
                Err(SyncError::TooLarge(MAX_OUTPUT))
            }
            Ok(Err(e)) => Err(SyncError::Failed(e.to_string())),
            Err(_) => Err(SyncError::Timeout(seconds)),
        };
        let (stdout, stderr, code) = match ended {
            Ok(done) => done,
            Err(e) => {
                // Kill the whole tree now, then reap the child so that no
                // zombie stays behind (bounded: a child that will not die
                // is left to kill_on_drop).
                drop(guard);
                let _ = child.start_kill();
                let _ = tokio::time::timeout(Duration::from_secs(5), child.wait()).await;
                return Err(e);
            }
        };
        *exit = code;
        guard.disarm();
        let stdout = String::from_utf8_lossy(&stdout);
        let line = stdout
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        let answer: Answer = serde_json::from_str(line.trim()).map_err(|_| {
            let shown: String = if line.trim().is_empty() {
                String::from_utf8_lossy(&stderr).chars().take(200).collect()
            } else {
                line.chars().take(200).collect()
            };
            SyncError::Garbage(shown.trim().to_string())
        })?;
        if answer.ok {
            return answer
                .state
                .ok_or_else(|| SyncError::Garbage("no state".into()));
        }
        let error = answer.error.unwrap_or(RawError {
            kind: "other".into(),
            message: String::new(),
        });
        Err(match error.kind.as_str() {
            "module-missing" => SyncError::ModuleMissing(error.message),
            "access-denied" => SyncError::AccessDenied(error.message),
            "remote" => SyncError::Remote(error.message),
            "agent-missing" => SyncError::AgentMissing(error.message),
            "sign-in-refused" => SyncError::SignInRefused(error.message),
            _ => SyncError::Failed(error.message),
        })
    }

    /// Reads the Connect server's Application log since `since` (the
    /// script's `events` op; the time travels in the JSON request).
    pub async fn read_events(
        &self,
        since: std::time::SystemTime,
    ) -> Result<Vec<crate::backend::sync::EventRecord>, SyncError> {
        let since = crate::audit::rfc3339(since);
        let state = self
            .send(Request {
                op: "events",
                since: Some(&since),
                ..Request::default()
            })
            .await?;
        Ok(state.events)
    }

    async fn connector(&mut self) -> Result<(String, RawState), SyncError> {
        let inventory = self.call("inventory", None, false).await?;
        let name = pick_connector(&inventory.connectors)?;
        self.connector = Some(name.clone());
        Ok((name, inventory))
    }
}

impl SyncServer for PowerShell {
    fn host(&self) -> String {
        self.options
            .remote
            .clone()
            .unwrap_or_else(|| "localhost".into())
    }

    async fn state(&mut self) -> Result<SyncState, SyncError> {
        let (name, inventory) = self.connector().await?;
        let state = self.call("state", Some(&name), false).await?;
        Ok(SyncState {
            version: inventory.version.unwrap_or_default(),
            connector: name,
            ad_connector_account: inventory.ad_connector_account.unwrap_or_default(),
            writeback: state.writeback.unwrap_or(false),
            service_running: inventory.service_running,
            endpoints: inventory.endpoints,
        })
    }

    async fn preferred_dcs(&mut self) -> Result<Vec<String>, SyncError> {
        Ok(self.call("dcs", None, false).await?.preferred_dcs)
    }

    async fn set_writeback(&mut self, on: bool) -> Result<(), SyncError> {
        let name = match self.connector.clone() {
            Some(name) => name,
            None => self.connector().await?.0,
        };
        self.call("set", Some(&name), on).await.map(|_| ())
    }
}

impl CloudSyncAgent for PowerShell {
    fn agent_host(&self) -> String {
        self.host()
    }

    async fn agent_state(&mut self) -> Result<CloudSyncState, SyncError> {
        let state = self.call("cloudsync-status", None, false).await?;
        Ok(CloudSyncState {
            version: state.version.unwrap_or_default(),
            service_running: state.service_running,
            writeback: state.writeback,
        })
    }

    async fn set_cloud_sync_writeback(
        &mut self,
        on: bool,
        admin: &TenantAdmin,
    ) -> Result<(), SyncError> {
        self.send(Request {
            op: "cloudsync-set",
            enable: on,
            tenant_user: Some(&admin.user),
            tenant_password: Some(admin.password.expose()),
            ..Request::default()
        })
        .await
        .map(|_| ())
    }
}

impl crate::backend::sync::EventLog for PowerShell {
    async fn events(
        &mut self,
        since: std::time::SystemTime,
    ) -> Result<Vec<crate::backend::sync::EventRecord>, SyncError> {
        self.read_events(since).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_tools_live_under_the_system_directory() {
        let system = Path::new("/sys32");
        let ps = windows_powershell(system);
        assert!(ps.starts_with(system), "{}", ps.display());
        assert!(ps.ends_with("WindowsPowerShell/v1.0/powershell.exe"));
        let tk = windows_taskkill(system);
        assert_eq!(tk, system.join("taskkill.exe"));
    }

    #[test]
    fn the_default_is_never_a_bare_windows_name() {
        // Without the override: `pwsh` here, an absolute path on Windows.
        if std::env::var_os(POWERSHELL_ENV).is_none() {
            let exe = default_exe();
            if cfg!(windows) {
                assert!(exe.is_absolute(), "{}", exe.display());
            } else {
                assert_eq!(exe, PathBuf::from("pwsh"));
            }
        }
    }
}
