//! The planes the wizard changes, each a trait with a real implementation
//! and (for the demo organization) an in-memory one. Tasks are written
//! against the traits only.

pub mod any;
pub mod cloudsync;
pub mod demo;
pub mod dns;
pub mod entra;
pub mod filter;
pub mod ldap;
pub mod powershell;
pub mod sync;
pub mod tenant;

use std::collections::HashMap;

/// The variables that may hold a password given to the wizard: no child
/// process (PowerShell, the browser, its launcher) inherits them.
pub const SECRET_ENV: [&str; 2] = [ldap::PASSWORD_ENV, cloudsync::TENANT_PASSWORD_ENV];

/// Removes [`SECRET_ENV`] from a child's environment.
pub fn scrub_env(command: &mut std::process::Command) {
    for name in SECRET_ENV {
        command.env_remove(name);
    }
}

/// Opens `target` (a URL, a folder) with the system's default application,
/// as `open::that_detached` does, but the launcher and what it starts do
/// not inherit [`SECRET_ENV`]. Each launcher `open` knows is tried until
/// one starts; it is reaped in the background.
pub fn open_detached(target: &str) -> std::io::Result<()> {
    let mut last = std::io::Error::other("no launcher to open it with");
    for mut command in launchers(target) {
        scrub_env(&mut command);
        command
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        match command.spawn() {
            Ok(mut child) => {
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// The commands that may open `target`: on Windows the system's own
/// programs by their absolute path under `%SystemRoot%\System32` (never a
/// `cmd` or `explorer` found through the search path or the current
/// folder): `rundll32 url.dll,FileProtocolHandler` for a URL, `explorer`
/// for a folder; elsewhere those `open` knows.
#[cfg(windows)]
fn launchers(target: &str) -> Vec<std::process::Command> {
    let root = std::env::var_os("SystemRoot")
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_absolute())
        .unwrap_or_else(|| std::path::PathBuf::from(r"C:\Windows"));
    let lower = target.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        let mut c = std::process::Command::new(root.join("System32").join("rundll32.exe"));
        c.args(["url.dll,FileProtocolHandler", target]);
        vec![c]
    } else {
        let mut c = std::process::Command::new(root.join("explorer.exe"));
        c.arg(target);
        vec![c]
    }
}

#[cfg(not(windows))]
fn launchers(target: &str) -> Vec<std::process::Command> {
    open::commands(target)
}

/// A secret (password, token): never printed, never serialized.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Secret {
        Secret(value.to_string())
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// `Secret` must never implement `Display` (nor `Serialize`): `{}` in a
/// log line or a message would print it. This fails to compile (the
/// method is ambiguous) as soon as either is implemented.
const _: fn() = || {
    trait AmbiguousIfFormattable<A> {
        fn check() {}
    }
    impl<T: ?Sized> AmbiguousIfFormattable<()> for T {}
    impl<T: ?Sized + std::fmt::Display> AmbiguousIfFormattable<u8> for T {}
    impl<T: ?Sized + serde::Serialize> AmbiguousIfFormattable<u16> for T {}
    <Secret as AmbiguousIfFormattable<_>>::check();
};

/// One directory entry: its DN and attribute values as bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Distinguished name.
    pub dn: String,
    /// Attribute values, by lower-case attribute name.
    pub attrs: HashMap<String, Vec<Vec<u8>>>,
}

impl Entry {
    /// The first value of an attribute, as bytes.
    pub fn first(&self, name: &str) -> Option<&[u8]> {
        self.attrs
            .get(&name.to_ascii_lowercase())
            .and_then(|v| v.first())
            .map(Vec::as_slice)
    }

    /// The first value of an attribute, as text.
    pub fn text(&self, name: &str) -> Option<String> {
        self.first(name)
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }

    /// All values of an attribute, as text.
    pub fn texts(&self, name: &str) -> Vec<String> {
        self.attrs
            .get(&name.to_ascii_lowercase())
            .map(|v| {
                v.iter()
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Search scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The base object only.
    Base,
    /// Direct children.
    OneLevel,
    /// The whole subtree.
    Subtree,
}

/// Why a directory operation failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DirectoryError {
    /// Nothing answers at the address.
    #[error("cannot reach {url}: {reason}")]
    Unreachable {
        /// The server URL.
        url: String,
        /// The system's reason.
        reason: String,
    },
    /// The server's certificate is not signed by a trusted CA.
    #[error("the certificate of {url} is not trusted: {reason}")]
    UntrustedCertificate {
        /// The server URL.
        url: String,
        /// Details.
        reason: String,
    },
    /// The certificate does not name the host connected to.
    #[error("the certificate of {url} is not valid for that name: {reason}")]
    HostnameMismatch {
        /// The server URL.
        url: String,
        /// Details.
        reason: String,
    },
    /// Other TLS failure.
    #[error("TLS with {url} failed: {reason}")]
    Tls {
        /// The server URL.
        url: String,
        /// Details.
        reason: String,
    },
    /// Wrong account name or password.
    #[error("the server refused the sign-in (wrong account or password)")]
    InvalidCredentials,
    /// The account may not do this.
    #[error("insufficient access rights on {dn}")]
    InsufficientRights {
        /// Object.
        dn: String,
    },
    /// The object does not exist.
    #[error("no such object: {dn}")]
    NoSuchObject {
        /// Object.
        dn: String,
    },
    /// An operation took too long.
    #[error("the server did not answer within {seconds} s")]
    Timeout {
        /// The limit.
        seconds: u64,
    },
    /// The connection broke during an operation.
    #[error("the connection to the server was lost: {reason}")]
    ConnectionLost {
        /// Details.
        reason: String,
    },
    /// Any other LDAP result code.
    #[error("LDAP error {code} on {dn}: {text}")]
    Ldap {
        /// Result code.
        code: u32,
        /// Object.
        dn: String,
        /// Server's text.
        text: String,
    },
    /// `ldap://` without StartTLS and without the explicit opt-in: refused
    /// before the password is sent.
    #[error("ldap:// without TLS refused")]
    Plaintext,
    /// Configuration refused before connecting.
    #[error("{0}")]
    Config(String),
    /// An operation on another domain of the forest failed at that
    /// domain's DC (connecting, signing in, or the operation itself).
    #[error("domain {domain} through {server}: {reason}")]
    Domain {
        /// The domain (DNS name).
        domain: String,
        /// The DC tried.
        server: String,
        /// What went wrong there.
        reason: Box<DirectoryError>,
    },
    /// DNS (SRV) named a DC outside the forest's DNS names for a domain:
    /// not connected, the password was not sent.
    #[error("DNS names {host} as the DC of {domain}, outside the forest's DNS names: refused")]
    SrvRefused {
        /// The domain (DNS name).
        domain: String,
        /// The record's target, `host:port`.
        host: String,
    },
    /// A referral (or continuation reference) named a host that is not a
    /// DC of the forest's domains: not followed.
    #[error("referral for {dn} to {url} refused: not a domain controller of this forest")]
    ReferralRefused {
        /// The referral URL.
        url: String,
        /// The object asked for.
        dn: String,
    },
}

/// A domain of the forest, from its crossRef object.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct DomainName {
    /// Its naming context (nCName).
    pub dn: String,
    /// NetBIOS name (nETBIOSName).
    pub netbios: String,
    /// DNS name (dnsRoot).
    pub dns: String,
}

/// A domain controller given for one domain of the forest
/// (`--domain-server DNS=URL`, or `[[directory.domain]]` in a profile).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainServer {
    /// The domain's DNS name (dnsRoot), e.g. `east.corp.example`.
    pub dns: String,
    /// `ldaps://HOST[:PORT]` (or `ldap://` with StartTLS, as for `--server`).
    pub server: String,
}

/// How the DC of a domain was chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DcSource {
    /// The DC signed in to (`--server`): its own domain.
    #[default]
    Connected,
    /// Given for that domain (`--domain-server`, the profile).
    Given,
    /// Named by DNS (`_ldap._tcp.dc._msdcs.<domain>` SRV records).
    Srv,
    /// Nothing else known: the domain's DNS name itself.
    DnsRoot,
    /// DNS named only hosts outside the forest's DNS names: refused, the
    /// password is not sent there (give the DC with `--domain-server`).
    SrvRefused,
}

/// A domain of the forest and the DC operations on it go to.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ForestDomain {
    /// DNS name (dnsRoot).
    pub dns: String,
    /// NetBIOS name.
    pub netbios: String,
    /// Naming context (nCName).
    pub nc: String,
    /// The DC's URL.
    pub server: String,
    /// How that DC was chosen.
    pub source: DcSource,
    /// The SRV answer (`host:port`) refused because it lies outside the
    /// forest's DNS names ([`DcSource::SrvRefused`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub srv_refused: Option<String>,
}

/// The forest's domain whose naming context holds `dn` (the longest
/// match), if any.
pub fn domain_of<'a>(dn: &str, domains: &'a [ForestDomain]) -> Option<&'a ForestDomain> {
    domains
        .iter()
        .filter(|d| !d.nc.is_empty() && dn_within(dn, &d.nc))
        .max_by_key(|d| d.nc.len())
}

/// Whether `dn` is `base` or below it (case-insensitive, as DNs compare).
pub fn dn_within(dn: &str, base: &str) -> bool {
    crate::ad::dn::within(dn, base)
}

/// The directory operations step 1 needs.
#[allow(async_fn_in_trait)]
pub trait Directory {
    /// A label for messages and backups (the server URL, or "demo").
    fn server(&self) -> String;

    /// Reads entries. `dacl_only` adds the SD-flags control (DACL only) so
    /// `nTSecurityDescriptor` comes back readable for non-admins too.
    async fn search(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Vec<Entry>, DirectoryError>;

    /// Reads a subtree page by page, handing each entry to `each` as it
    /// arrives (for progress).
    async fn search_paged(
        &mut self,
        base: &str,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
        each: &mut (dyn FnMut(Entry) + Send),
    ) -> Result<(), DirectoryError>;

    /// The DC an operation on `dn` goes to (each domain of the forest has
    /// its own); the connection's server unless told otherwise.
    fn server_for(&self, dn: &str) -> String {
        let _ = dn;
        self.server()
    }

    /// The forest's domains with their DCs, as [`Directory::set_forest`]
    /// chose them (empty before).
    fn routes(&self) -> Vec<ForestDomain> {
        Vec::new()
    }

    /// DCs to use for domains of the forest (before [`Directory::set_forest`]).
    fn set_domain_servers(&mut self, servers: &[DomainServer]) {
        let _ = servers;
    }

    /// Tells the directory the forest's domains (from the crossRef objects)
    /// and the naming context of the domain it is connected to, so that
    /// operations on each domain go to a DC of that domain and referrals
    /// are followed only to those DCs. Returns each domain with its DC.
    /// By default one store answers for every domain.
    async fn set_forest(&mut self, home: &str, domains: &[DomainName]) -> Vec<ForestDomain> {
        let server = self.server();
        domains
            .iter()
            .map(|d| ForestDomain {
                dns: d.dns.clone(),
                netbios: d.netbios.clone(),
                nc: d.dn.clone(),
                server: server.clone(),
                source: if d.dn.eq_ignore_ascii_case(home) {
                    DcSource::Connected
                } else {
                    DcSource::Given
                },
                srv_refused: None,
            })
            .collect()
    }

    /// Reads RootDSE attributes of the DC of the domain `nc` (the
    /// connection's own RootDSE by default).
    async fn root_dse(&mut self, nc: &str, attrs: &[&str]) -> Result<Entry, DirectoryError> {
        let _ = nc;
        Ok(self
            .search("", Scope::Base, "(objectClass=*)", attrs, false)
            .await?
            .into_iter()
            .next()
            .unwrap_or_default())
    }

    /// Searches the whole forest through a Global Catalog: `None` when no
    /// Global Catalog is at hand (the caller then searches each domain).
    /// Only the attributes the Global Catalog holds come back.
    async fn search_global_catalog(
        &mut self,
        filter: &str,
        attrs: &[&str],
    ) -> Result<Option<Vec<Entry>>, DirectoryError> {
        let _ = (filter, attrs);
        Ok(None)
    }

    /// Asks this DC to pull `dn` now from the DC whose nTDSDSA object is
    /// `source_dsa` (the rootDSE operation `replicateSingleObject`, MS-ADTS
    /// 3.1.1.3.3.18). Refused (unwillingToPerform) by default.
    async fn replicate_single_object(
        &mut self,
        source_dsa: &str,
        dn: &str,
    ) -> Result<(), DirectoryError> {
        let _ = source_dsa;
        Err(DirectoryError::Ldap {
            code: 53,
            dn: dn.to_string(),
            text: "replicateSingleObject is not supported here".into(),
        })
    }

    /// Replaces the DACL of `dn` (SD-flags control: DACL only).
    async fn write_dacl(&mut self, dn: &str, sd: &[u8]) -> Result<(), DirectoryError>;

    /// Replaces the DACL of `dn` only if it is still `expected` (the value
    /// read): one modify deleting that exact value and adding `sd`, so a
    /// change made since the read makes the write fail instead of being
    /// overwritten.
    async fn swap_dacl(
        &mut self,
        dn: &str,
        expected: &[u8],
        sd: &[u8],
    ) -> Result<Swap, DirectoryError>;
}

/// How a conditional write ([`Directory::swap_dacl`]) ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swap {
    /// Written.
    Written,
    /// The value changed since it was read: nothing written.
    Changed,
    /// The server refuses a conditional write of security descriptors
    /// (Samba 4.17: "MOD_DELETE for nTSecurityDescriptor not supported"):
    /// nothing written.
    Unsupported,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dn_belongs_to_the_nearest_domain_holding_it() {
        let domain = |dns: &str, nc: &str| ForestDomain {
            dns: dns.into(),
            nc: nc.into(),
            ..ForestDomain::default()
        };
        let forest = [
            domain("corp.example", "DC=corp,DC=example"),
            domain("east.corp.example", "DC=east,DC=corp,DC=example"),
        ];
        let of = |dn: &str| domain_of(dn, &forest).map(|d| d.dns.as_str());
        assert_eq!(
            of("CN=x,OU=y,DC=East,DC=corp,DC=example"),
            Some("east.corp.example")
        );
        assert_eq!(of("dc=east,dc=corp,dc=example"), Some("east.corp.example"));
        assert_eq!(
            of("CN=Configuration,DC=corp,DC=example"),
            Some("corp.example")
        );
        assert_eq!(of("DC=west,DC=corp,DC=example"), Some("corp.example"));
        assert_eq!(of("DC=elsewhere,DC=example"), None);
        // A name that merely ends like a domain's is not inside it.
        assert_eq!(of("DC=xcorp,DC=example"), None);
        assert!(!dn_within(
            "DC=beast,DC=corp,DC=example",
            "DC=east,DC=corp,DC=example"
        ));
    }
}
