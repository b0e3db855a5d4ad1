//! The real directory: LDAP over TLS (ldaps:// or StartTLS) with ldap3 and
//! rustls, certificates verified against the system roots or a CA file.
//!
//! [`LdapDirectory`] is one bound connection plus, in a forest, one per
//! other domain's DC: `connection` opens and verifies them, `routing`
//! sends each operation to the DC of its domain and follows referrals,
//! `paging` walks large subtrees, `directory` implements [`Directory`](super::Directory).

mod connection;
mod directory;
mod paging;
mod routing;
mod url;
mod wire;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use super::{DirectoryError, DomainServer, ForestDomain, Secret};
use connection::open;

/// Environment variable the command line reads the bind password from
/// (for scripts). It is removed from child processes' environment.
pub const PASSWORD_ENV: &str = "WRITEBACK_WIZARD_BIND_PASSWORD";

/// OID of the LDAP_SERVER_SD_FLAGS control.
pub const SD_FLAGS_OID: &str = "1.2.840.113556.1.4.801";
/// Its BER value for "DACL only": SEQUENCE { INTEGER 4 }.
pub const SD_FLAGS_DACL: [u8; 5] = [0x30, 0x03, 0x02, 0x01, 0x04];

/// How to reach and sign in to a domain controller.
#[derive(Clone, Debug)]
pub struct ConnectOptions {
    /// `ldaps://host[:port]` or `ldap://host[:port]`.
    pub url: String,
    /// Upgrade `ldap://` with StartTLS.
    pub starttls: bool,
    /// PEM file of CA certificates to trust instead of the system roots.
    pub ca_file: Option<PathBuf>,
    /// Allow `ldap://` without TLS (explicit opt-in, warned).
    pub insecure_plaintext: bool,
    /// UPN, DN or DOMAIN\user.
    pub bind_user: String,
    /// Its password.
    pub password: Secret,
    /// Limit for connecting and for each operation.
    pub timeout: Duration,
}

/// An open, bound LDAP connection to a domain controller, and (once
/// [`Directory::set_forest`](super::Directory::set_forest) has named the forest's domains) one more to a
/// DC of each other domain, opened when first needed with the same TLS
/// rules and credentials. Operations go to the DC of the domain that
/// holds their DN; referrals are followed only to DCs of the forest.
pub struct LdapDirectory {
    ldap: ldap3::Ldap,
    url: String,
    timeout: Duration,
    /// How this connection was made: the other DCs are reached the same way.
    opts: ConnectOptions,
    /// DCs given per domain.
    given: Vec<DomainServer>,
    /// The naming context of the domain signed in to.
    home_nc: String,
    /// The forest's domains with their DCs.
    forest: Vec<ForestDomain>,
    /// Open connections to other domains' DCs, by lower-case NC.
    others: HashMap<String, ldap3::Ldap>,
    /// The Global Catalog: not tried yet, or tried (None: none answers).
    gc: Option<Option<ldap3::Ldap>>,
    /// Objects written on another DC than their name routes to (a
    /// referral was followed), by lower-case DN: that DC's URL.
    written_on: HashMap<String, String>,
}

/// Whether the options would send the password in clear text.
pub fn is_plaintext(opts: &ConnectOptions) -> bool {
    opts.url.to_ascii_lowercase().starts_with("ldap://") && !opts.starttls
}

impl LdapDirectory {
    /// Connects, verifies TLS and binds. Refuses `ldap://` without StartTLS
    /// unless `insecure_plaintext` is set.
    pub async fn connect(opts: &ConnectOptions) -> Result<LdapDirectory, DirectoryError> {
        let ldap = open(opts).await?;
        Ok(LdapDirectory {
            ldap,
            url: opts.url.clone(),
            timeout: opts.timeout,
            opts: opts.clone(),
            given: Vec::new(),
            home_nc: String::new(),
            forest: Vec::new(),
            others: HashMap::new(),
            gc: None,
            written_on: HashMap::new(),
        })
    }

    /// Ends the session politely (every connection it opened).
    pub async fn close(mut self) {
        for (_, mut other) in self.others.drain() {
            let _ = other.unbind().await;
        }
        if let Some(Some(mut gc)) = self.gc.take() {
            let _ = gc.unbind().await;
        }
        let _ = self.ldap.unbind().await;
    }

    /// The forest's domains with the DC each one uses (after
    /// [`Directory::set_forest`](super::Directory::set_forest)).
    pub fn forest(&self) -> &[ForestDomain] {
        &self.forest
    }
}
