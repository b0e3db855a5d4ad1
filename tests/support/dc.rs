//! Helpers for the tests that run against the Samba AD DC of
//! `tests/support/samba-dc.sh`: its settings, throwaway accounts, LDAP
//! operations signed in as those accounts, the wizard binary, a TCP
//! forwarder, and clean-up. Used by every `tests/*_dc.rs` (see the
//! README's Tests section for how a test includes `tests/support/`).
// Shared by several test binaries, each using a part of it.
#![allow(dead_code)]

// The paths keep this file includable with `#[path = "support/X.rs"]` too
// (a file loaded so resolves its children beside itself).
#[path = "dc/lab.rs"]
mod lab;

use std::io::Write as _;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ldap3::{LdapConnAsync, LdapConnSettings};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use writeback_wizard::ad::{Ace, SecurityDescriptor, Sid};
use writeback_wizard::backend::Secret;
use writeback_wizard::backend::ldap::{ConnectOptions, LdapDirectory};

// Not every binary uses all of them.
#[allow(unused_imports)]
pub use lab::{Account, Conn, Lab, Run};

/// Names the `connection.env` file of the test DC.
pub const DC_ENV: &str = "WRITEBACK_TEST_DC_ENV";
/// LDAP result code insufficientAccessRights.
pub const INSUFFICIENT_ACCESS: u32 = 50;
/// Limit for each LDAP operation of the helpers and of the binary.
pub const TIMEOUT: Duration = Duration::from_secs(15);

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

/// The file named by the environment variable `var`; a test that needs
/// the DC fails here, naming the way to run it, when the variable is not
/// set. DC tests are `#[ignore = "needs the Samba DC"]`, so this only
/// happens under `--include-ignored` without the DCs of `tests/run.sh`.
pub fn required_env(var: &str, what: &str) -> PathBuf {
    match std::env::var_os(var) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => panic!(
            "this test needs {what} and {var} is not set: run `bash tests/run.sh`, \
             which starts the DCs, sets {var} and runs the ignored tests \
             (`cargo test -- --include-ignored`)"
        ),
    }
}

/// The test DC's settings (from `$WRITEBACK_TEST_DC_ENV`); panics when
/// there is none.
pub fn dc_config() -> DcConfig {
    DcConfig::load(&required_env(DC_ENV, "the Samba DC"))
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

/// A tokio runtime on this thread.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
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
