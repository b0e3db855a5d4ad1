//! The planes the wizard changes, each a trait with a real implementation
//! and (for the demo organization) an in-memory one. Tasks are written
//! against the traits only.

pub mod any;
pub mod cloudsync;
pub mod demo;
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
    for mut command in open::commands(target) {
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
