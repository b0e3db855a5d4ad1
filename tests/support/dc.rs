//! Helpers for the tests that run against the Samba AD DC of
//! `tests/support/samba-dc.sh`: its settings, throwaway accounts, LDAP
//! operations signed in as those accounts, the wizard binary, a TCP
//! forwarder, and clean-up. Included with `#[path]` by `tests/ldap_dc.rs`.

use std::collections::HashSet;
use std::io::Write as _;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ldap3::{LdapConnAsync, LdapConnSettings, Mod, SearchEntry};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use writeback_wizard::ad::{Ace, AceFlags, Control, SecurityDescriptor, Sid};
use writeback_wizard::backend::ldap::{ConnectOptions, LdapDirectory};
use writeback_wizard::backend::{Directory, Secret};
use writeback_wizard::task::permissions::read_dacl;

/// Names the `connection.env` file of the test DC.
pub const DC_ENV: &str = "WRITEBACK_TEST_DC_ENV";
/// `1`: a missing DC fails the tests instead of skipping them.
pub const REQUIRE_DC: &str = "WRITEBACK_TEST_REQUIRE_DC";
/// LDAP result code insufficientAccessRights.
pub const INSUFFICIENT_ACCESS: u32 = 50;
/// Limit for each LDAP operation of the helpers and of the binary.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// Serializes the tests of this binary: they share one domain root (and
/// one of them stops the DC).
static DC_LOCK: Mutex<()> = Mutex::new(());

/// The settings `samba-dc.sh` writes to `$SDC_DIR/connection.env`.
#[derive(Clone, Debug)]
pub struct DcConfig {
    /// The file they came from (its directory is `SDC_DIR`).
    pub env_file: PathBuf,
    /// `ldaps://127.0.0.1:636`.
    pub ldaps_url: String,
    /// `ldap://127.0.0.1:389`.
    pub ldap_url: String,
    /// `DC=writeback,DC=test`.
    pub base_dn: String,
    /// The Administrator's DN.
    pub admin_dn: String,
    /// Its password.
    pub admin_password: String,
    /// PEM of the CA that signed the DC's certificate.
    pub ca_cert: PathBuf,
    /// `WRITEBACK.TEST`.
    pub realm: String,
}

impl DcConfig {
    /// Reads KEY=VALUE lines (lines starting with `#` are comments).
    pub fn load(path: &Path) -> DcConfig {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!(
                "{DC_ENV}={}: {e} (start the DC: bash tests/support/samba-dc.sh start)",
                path.display()
            )
        });
        let mut values = std::collections::HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((key, value)) = line.split_once('=') {
                values.insert(key.trim().to_string(), value.to_string());
            }
        }
        let get = |key: &str| -> String {
            values.get(key).cloned().unwrap_or_else(|| {
                panic!("{}: {key} is missing", path.display());
            })
        };
        DcConfig {
            env_file: path.to_path_buf(),
            ldaps_url: get("SAMBA_DC_LDAPS_URL"),
            ldap_url: get("SAMBA_DC_LDAP_URL"),
            base_dn: get("SAMBA_DC_BASE_DN"),
            admin_dn: get("SAMBA_DC_ADMIN_DN"),
            admin_password: get("SAMBA_DC_ADMIN_PASSWORD"),
            ca_cert: PathBuf::from(get("SAMBA_DC_CA_CERT")),
            realm: get("SAMBA_DC_REALM"),
        }
    }

    /// `host:port` of the LDAPS URL.
    pub fn ldaps_authority(&self) -> &str {
        let rest = self
            .ldaps_url
            .strip_prefix("ldaps://")
            .unwrap_or(&self.ldaps_url);
        rest.trim_end_matches('/')
    }

    /// The LDAPS socket address.
    pub fn ldaps_addr(&self) -> SocketAddr {
        let authority = self.ldaps_authority();
        let with_port = if authority.contains(':') {
            authority.to_string()
        } else {
            format!("{authority}:636")
        };
        with_port
            .to_socket_addrs()
            .ok()
            .and_then(|mut a| a.next())
            .unwrap_or_else(|| panic!("cannot resolve {with_port}"))
    }

    /// Connection options for the library, as `who`.
    pub fn connect_options(&self, bind_user: &str, password: &str) -> ConnectOptions {
        ConnectOptions {
            url: self.ldaps_url.clone(),
            starttls: false,
            ca_file: Some(self.ca_cert.clone()),
            insecure_plaintext: false,
            bind_user: bind_user.to_string(),
            password: Secret::new(password),
            timeout: TIMEOUT,
        }
    }

    /// Runs `samba-dc.sh CMD` for this DC (SDC_DIR and SDC_IP from the
    /// settings), synchronously.
    pub fn script(&self, cmd: &str) -> Output {
        let dir = self
            .env_file
            .parent()
            .expect("connection.env lies in SDC_DIR");
        let ip = self.ldaps_addr().ip().to_string();
        Command::new("bash")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/support/samba-dc.sh"
            ))
            .arg(cmd)
            .env("SDC_DIR", dir)
            .env("SDC_IP", ip)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("samba-dc.sh {cmd}: {e}"))
    }
}

/// The DC settings, or `None` (after printing why) when no DC is
/// configured; panics when one is required.
pub fn dc_config() -> Option<DcConfig> {
    match std::env::var_os(DC_ENV) {
        Some(path) if !path.is_empty() => Some(DcConfig::load(Path::new(&path))),
        _ => {
            if std::env::var(REQUIRE_DC).is_ok_and(|v| v == "1") {
                panic!(
                    "{REQUIRE_DC}=1 but {DC_ENV} is not set: start the test DC with \
                     `bash tests/support/samba-dc.sh start` and set {DC_ENV} to its \
                     connection.env (tests/run.sh does both)"
                );
            }
            println!("skipped: no test DC (run bash tests/run.sh)");
            None
        }
    }
}

/// A random-looking 64-bit value, different on every call.
pub fn unique_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut x = nanos
        ^ u64::from(std::process::id()).rotate_left(40)
        ^ COUNTER
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // splitmix64 finalizer
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A name no other test run uses: `prefix-xxxxxxxx` (at most 20
/// characters, the sAMAccountName limit, for prefixes up to 11).
pub fn unique_name(prefix: &str) -> String {
    format!("{prefix}-{:08x}", unique_u64() as u32)
}

/// A fresh password meeting AD's complexity rules and sharing no token
/// with account or display names (its letters are g..v, never hex digits).
pub fn fresh_password() -> String {
    let x = unique_u64();
    let letters: String = (0..12)
        .map(|i| char::from(b'g' + ((x >> (i * 4)) & 0xf) as u8))
        .collect();
    format!("Wq#{letters}7Z")
}

/// The value of `unicodePwd` for a password: UTF-16LE of `"password"`.
pub fn unicode_pwd(password: &str) -> Vec<u8> {
    format!("\"{password}\"")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}

/// A rustls configuration trusting only the DC's CA (as the crate builds it).
pub fn tls_config(ca: &Path) -> Arc<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca).expect("CA file readable") {
        roots
            .add(cert.expect("CA file is PEM"))
            .expect("CA certificate accepted");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

/// A bound ldap3 connection over verified LDAPS.
pub async fn ldap_bind(dc: &DcConfig, dn: &str, password: &str) -> ldap3::Ldap {
    let settings = LdapConnSettings::new()
        .set_conn_timeout(TIMEOUT)
        .set_config(tls_config(&dc.ca_cert));
    let (conn, mut ldap) = LdapConnAsync::with_settings(settings, &dc.ldaps_url)
        .await
        .unwrap_or_else(|e| panic!("connect to {}: {e}", dc.ldaps_url));
    ldap3::drive!(conn);
    ldap.with_timeout(TIMEOUT)
        .simple_bind(dn, password)
        .await
        .and_then(|r| r.success())
        .unwrap_or_else(|e| panic!("bind as {dn}: {e}"));
    ldap
}

/// The crate's directory, signed in as Administrator.
pub async fn admin_directory(dc: &DcConfig) -> LdapDirectory {
    LdapDirectory::connect(&dc.connect_options(&dc.admin_dn, &dc.admin_password))
        .await
        .unwrap_or_else(|e| panic!("connect as Administrator: {e}"))
}

/// A user made by a test.
#[derive(Clone, Debug)]
pub struct Account {
    /// sAMAccountName (also its CN).
    pub name: String,
    /// DN.
    pub dn: String,
    /// Current password.
    pub password: String,
    /// objectSid.
    pub sid: Sid,
}

/// What a run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    /// The command line (no secrets in it).
    pub command: String,
    /// Exit status (-1 when killed).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Everything, for assertion messages.
    pub fn show(&self) -> String {
        format!(
            "$ {}\nexit {}\n--- stdout\n{}--- stderr\n{}",
            self.command, self.code, self.stdout, self.stderr
        )
    }

    /// The JSON document on standard output.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.stdout.trim())
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.show()))
    }
}

/// How the binary connects: every option the four commands share.
#[derive(Clone, Debug)]
pub struct Conn {
    /// --server.
    pub server: String,
    /// --ca-file (None: the system roots).
    pub ca_file: Option<PathBuf>,
    /// --bind-user.
    pub bind_user: String,
    /// WRITEBACK_WIZARD_BIND_PASSWORD.
    pub password: String,
    /// --connector-account.
    pub connector: String,
}

/// One test's world: the DC lock, a runtime, a data directory for backups,
/// the accounts it made. Dropping it removes from the domain root every
/// explicit ACE naming those accounts (in case the test failed half-way),
/// deletes them and the data directory.
pub struct Lab {
    /// DC settings.
    pub dc: DcConfig,
    /// For the async helpers.
    pub rt: tokio::runtime::Runtime,
    /// WRITEBACK_WIZARD_DATA_DIR of the binary (backups go to `backups/`).
    pub data_dir: PathBuf,
    accounts: Vec<Account>,
    _lock: MutexGuard<'static, ()>,
}

/// A tokio runtime on this thread.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

impl Lab {
    /// Takes the DC lock and prepares; `None` when the tests are skipped.
    pub fn start(test: &str) -> Option<Lab> {
        let dc = dc_config()?;
        let lock = DC_LOCK
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let data_dir = std::env::temp_dir().join(format!(
            "writeback-wizard-test-{test}-{}",
            unique_name(&std::process::id().to_string())
        ));
        std::fs::create_dir_all(&data_dir).expect("data dir");
        Some(Lab {
            dc,
            rt: runtime(),
            data_dir,
            accounts: Vec::new(),
            _lock: lock,
        })
    }

    /// Where the binary saves its backups.
    pub fn backup_dir(&self) -> PathBuf {
        self.data_dir.join("backups")
    }

    /// The domain root's DN.
    pub fn root(&self) -> String {
        self.dc.base_dn.clone()
    }

    /// Creates an enabled user `prefix-xxxxxxxx` under CN=Users with a
    /// password (LDAPS), optionally with a display name.
    pub fn create_user(&mut self, prefix: &str, display_name: Option<&str>) -> Account {
        let name = unique_name(prefix);
        let dn = format!("CN={name},CN=Users,{}", self.dc.base_dn);
        let password = fresh_password();
        let upn = format!("{name}@{}", self.dc.realm.to_ascii_lowercase());
        let mut attrs: Vec<(Vec<u8>, HashSet<Vec<u8>>)> = vec![
            (b"objectClass".to_vec(), HashSet::from([b"user".to_vec()])),
            (
                b"sAMAccountName".to_vec(),
                HashSet::from([name.clone().into_bytes()]),
            ),
            (
                b"userPrincipalName".to_vec(),
                HashSet::from([upn.into_bytes()]),
            ),
            (
                b"unicodePwd".to_vec(),
                HashSet::from([unicode_pwd(&password)]),
            ),
            (
                b"userAccountControl".to_vec(),
                HashSet::from([b"512".to_vec()]),
            ),
        ];
        if let Some(display) = display_name {
            attrs.push((
                b"displayName".to_vec(),
                HashSet::from([display.as_bytes().to_vec()]),
            ));
        }
        let dc = self.dc.clone();
        let sid = self.rt.block_on(async {
            let mut ldap = ldap_bind(&dc, &dc.admin_dn, &dc.admin_password).await;
            ldap.with_timeout(TIMEOUT)
                .add(&dn, attrs)
                .await
                .and_then(|r| r.success())
                .unwrap_or_else(|e| panic!("add {dn}: {e}"));
            let (entries, _) = ldap
                .with_timeout(TIMEOUT)
                .search(
                    &dn,
                    ldap3::Scope::Base,
                    "(objectClass=*)",
                    vec!["objectSid"],
                )
                .await
                .and_then(|r| r.success())
                .unwrap_or_else(|e| panic!("read objectSid of {dn}: {e}"));
            let _ = ldap.unbind().await;
            let entry = SearchEntry::construct(entries.into_iter().next().expect("the new user"));
            let bytes = entry
                .bin_attrs
                .get("objectSid")
                .and_then(|v| v.first().cloned())
                .or_else(|| {
                    entry
                        .attrs
                        .get("objectSid")
                        .and_then(|v| v.first().map(|s| s.clone().into_bytes()))
                })
                .expect("objectSid");
            Sid::from_bytes(&bytes).expect("objectSid parses")
        });
        let account = Account {
            name,
            dn,
            password,
            sid,
        };
        self.accounts.push(account.clone());
        account
    }

    /// Turns off inheritance on `account`'s DACL as "disable inheritance,
    /// convert inherited entries to explicit" does: SE_DACL_PROTECTED set,
    /// the INHERITED flag cleared on every ACE, a DACL-only write.
    pub fn protect(&self, account: &Account) {
        let dc = self.dc.clone();
        self.rt.block_on(async {
            let mut dir = admin_directory(&dc).await;
            let (_, mut sd) = read_dacl(&mut dir, &account.dn).await.expect("user DACL");
            sd.control = Control(sd.control.0 | Control::DACL_PROTECTED);
            if let Some(dacl) = sd.dacl.as_mut() {
                for ace in &mut dacl.aces {
                    ace.flags = AceFlags(ace.flags.0 & !AceFlags::INHERITED);
                }
            }
            let bytes = sd.to_bytes().expect("encode");
            dir.write_dacl(&account.dn, &bytes)
                .await
                .expect("write the protected DACL");
            let (_, back) = read_dacl(&mut dir, &account.dn).await.expect("read back");
            assert!(back.dacl_protected(), "{} is not protected", account.dn);
            dir.close().await;
        });
    }

    /// The DACL-only descriptor of `dn` (exact bytes) and its parse.
    pub fn dacl_of(&self, dn: &str) -> (Vec<u8>, SecurityDescriptor) {
        let dc = self.dc.clone();
        self.rt.block_on(async {
            let mut dir = admin_directory(&dc).await;
            let out = read_dacl(&mut dir, dn)
                .await
                .unwrap_or_else(|e| panic!("read DACL of {dn}: {e}"));
            dir.close().await;
            out
        })
    }

    /// The root's DACL-only descriptor.
    pub fn root_dacl(&self) -> (Vec<u8>, SecurityDescriptor) {
        self.dacl_of(&self.dc.base_dn)
    }

    /// The root DACL's explicit ACEs, in order.
    pub fn root_explicit(&self) -> Vec<Ace> {
        explicit(&self.root_dacl().1)
    }

    /// Signed in as `who`, applies `mods` to `dn`; returns the LDAP result
    /// code (0 = done, 50 = insufficientAccessRights).
    pub fn modify_as(&self, who: &Account, dn: &str, mods: Vec<Mod<Vec<u8>>>) -> u32 {
        let dc = self.dc.clone();
        self.rt.block_on(async {
            let mut ldap = ldap_bind(&dc, &who.dn, &who.password).await;
            let result = ldap
                .with_timeout(TIMEOUT)
                .modify(dn, mods)
                .await
                .unwrap_or_else(|e| panic!("modify {dn} as {}: {e}", who.name));
            let _ = ldap.unbind().await;
            result.rc
        })
    }

    /// Signed in as `who`, resets `victim`'s password (replace unicodePwd
    /// over LDAPS, as Entra Connect does); returns the result code.
    pub fn reset_password_as(&self, who: &Account, victim: &Account) -> u32 {
        self.modify_as(
            who,
            &victim.dn,
            vec![Mod::Replace(
                b"unicodePwd".to_vec(),
                HashSet::from([unicode_pwd(&fresh_password())]),
            )],
        )
    }

    /// Signed in as `who`, replaces `attr` of `dn` with `value`; returns the
    /// result code.
    pub fn write_as(&self, who: &Account, dn: &str, attr: &str, value: &str) -> u32 {
        self.modify_as(
            who,
            dn,
            vec![Mod::Replace(
                attr.as_bytes().to_vec(),
                HashSet::from([value.as_bytes().to_vec()]),
            )],
        )
    }

    /// Signed in as Administrator, with `connector` as connector account.
    pub fn admin_conn(&self, connector: &str) -> Conn {
        Conn {
            server: self.dc.ldaps_url.clone(),
            ca_file: Some(self.dc.ca_cert.clone()),
            bind_user: self.dc.admin_dn.clone(),
            password: self.dc.admin_password.clone(),
            connector: connector.to_string(),
        }
    }

    /// Runs `writeback-wizard --lang en ARGS <connection options>`.
    pub fn wizard(&self, args: &[&str], conn: &Conn) -> Run {
        let mut all: Vec<String> = vec!["--lang".into(), "en".into()];
        all.extend(args.iter().map(|a| a.to_string()));
        all.extend([
            "--server".into(),
            conn.server.clone(),
            "--bind-user".into(),
            conn.bind_user.clone(),
            "--connector-account".into(),
            conn.connector.clone(),
            "--timeout".into(),
            TIMEOUT.as_secs().to_string(),
        ]);
        if let Some(ca) = &conn.ca_file {
            all.push("--ca-file".into());
            all.push(ca.display().to_string());
        }
        let out = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
            .args(&all)
            .env("WRITEBACK_WIZARD_BIND_PASSWORD", &conn.password)
            .env("WRITEBACK_WIZARD_DATA_DIR", &self.data_dir)
            .stdin(Stdio::null())
            .output()
            .expect("run writeback-wizard");
        Run {
            command: format!("writeback-wizard {}", all.join(" ")),
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs the binary, asserting exit status 0.
    pub fn wizard_ok(&self, args: &[&str], conn: &Conn) -> Run {
        let run = self.wizard(args, conn);
        assert_eq!(run.code, 0, "{}", run.show());
        run
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        let sids: Vec<Sid> = self.accounts.iter().map(|a| a.sid).collect();
        let dns: Vec<String> = self.accounts.iter().map(|a| a.dn.clone()).collect();
        let dc = self.dc.clone();
        // A fresh runtime: the test's may have been left by a panic.
        let rt = runtime();
        let cleanup = rt.block_on(async move {
            let mut dir =
                LdapDirectory::connect(&dc.connect_options(&dc.admin_dn, &dc.admin_password))
                    .await
                    .map_err(|e| e.to_string())?;
            let (_, mut sd) = read_dacl(&mut dir, &dc.base_dn)
                .await
                .map_err(|e| e.to_string())?;
            if let Some(dacl) = sd.dacl.as_mut() {
                let before = dacl.aces.len();
                dacl.aces
                    .retain(|a| a.is_inherited() || a.sid().is_none_or(|s| !sids.contains(s)));
                if dacl.aces.len() != before {
                    eprintln!(
                        "cleanup: removing {} leftover ACE(s) of this test from the root",
                        before - dacl.aces.len()
                    );
                    let bytes = sd.to_bytes().map_err(|e| e.to_string())?;
                    dir.write_dacl(&dc.base_dn, &bytes)
                        .await
                        .map_err(|e| e.to_string())?;
                }
            }
            dir.close().await;
            let mut ldap = ldap_bind(&dc, &dc.admin_dn, &dc.admin_password).await;
            for dn in dns {
                if let Err(e) = ldap.with_timeout(TIMEOUT).delete(&dn).await {
                    eprintln!("cleanup: delete {dn}: {e}");
                }
            }
            let _ = ldap.unbind().await;
            Ok::<(), String>(())
        });
        if let Err(e) = cleanup {
            eprintln!("cleanup failed: {e}");
        }
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// The explicit ACEs of a descriptor's DACL, in order.
pub fn explicit(sd: &SecurityDescriptor) -> Vec<Ace> {
    sd.dacl
        .as_ref()
        .map(|d| d.explicit().cloned().collect())
        .unwrap_or_default()
}

/// The ACEs of a descriptor's DACL naming `sid`.
pub fn aces_of(sd: &SecurityDescriptor, sid: &Sid) -> Vec<Ace> {
    sd.dacl
        .iter()
        .flat_map(|d| d.aces.iter())
        .filter(|a| a.sid() == Some(sid))
        .cloned()
        .collect()
}

/// Accepts TCP connections on `ip`:(free port) and relays each to `to`,
/// in background threads (for the life of the test process).
pub fn forwarder(ip: &str, to: SocketAddr) -> SocketAddr {
    let listener = TcpListener::bind((ip, 0)).unwrap_or_else(|e| panic!("listen on {ip}: {e}"));
    let addr = listener.local_addr().expect("local address");
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { break };
            let Ok(server) = TcpStream::connect(to) else {
                let _ = client.shutdown(Shutdown::Both);
                continue;
            };
            relay(client, server);
        }
    });
    addr
}

fn relay(a: TcpStream, b: TcpStream) {
    let pairs = [
        (a.try_clone().expect("clone"), b.try_clone().expect("clone")),
        (b, a),
    ];
    for (mut from, mut to) in pairs {
        std::thread::spawn(move || {
            let _ = std::io::copy(&mut from, &mut to);
            let _ = to.flush();
            let _ = to.shutdown(Shutdown::Write);
        });
    }
}

/// Starts the DC again when dropped, if it is not running (so a test that
/// stops it leaves it running even when an assertion fails).
pub struct KeepDcRunning<'a> {
    /// The DC.
    pub dc: &'a DcConfig,
}

impl KeepDcRunning<'_> {
    /// Stops the DC now.
    pub fn stop(&self) {
        let out = self.dc.script("stop");
        assert!(
            out.status.success(),
            "samba-dc.sh stop: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Starts it (if not running) and waits until LDAPS answers.
    pub fn ensure_started(&self) {
        if self.dc.script("status").status.success() {
            return;
        }
        let out = self.dc.script("start");
        assert!(
            out.status.success(),
            "samba-dc.sh start: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for KeepDcRunning<'_> {
    fn drop(&mut self) {
        if !self.dc.script("status").status.success() {
            let out = self.dc.script("start");
            if !out.status.success() {
                eprintln!(
                    "could not start the DC again: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    }
}
