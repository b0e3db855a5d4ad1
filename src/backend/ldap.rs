//! The real directory: LDAP over TLS (ldaps:// or StartTLS) with ldap3 and
//! rustls, certificates verified against the system roots or a CA file.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};
use ldap3::controls::RawControl;
use ldap3::{LdapConnAsync, LdapConnSettings, LdapError, Mod, SearchEntry, StdStream};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use super::{Directory, DirectoryError, Entry, Scope, Secret, Swap};

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

/// An open, bound LDAP connection.
pub struct LdapDirectory {
    ldap: ldap3::Ldap,
    url: String,
    timeout: Duration,
}

/// Whether the options would send the password in clear text.
pub fn is_plaintext(opts: &ConnectOptions) -> bool {
    opts.url.to_ascii_lowercase().starts_with("ldap://") && !opts.starttls
}

fn tls_config(opts: &ConnectOptions) -> Result<Arc<rustls::ClientConfig>, DirectoryError> {
    let mut roots = rustls::RootCertStore::empty();
    match &opts.ca_file {
        Some(path) => {
            let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
                .and_then(|it| it.collect())
                .map_err(|e| DirectoryError::Config(format!("CA file {}: {e}", path.display())))?;
            if certs.is_empty() {
                return Err(DirectoryError::Config(format!(
                    "CA file {}: no certificate",
                    path.display()
                )));
            }
            for cert in certs {
                roots.add(cert).map_err(|e| {
                    DirectoryError::Config(format!("CA file {}: {e}", path.display()))
                })?;
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(cert);
            }
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| DirectoryError::Config(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Maps an ldap3 error to ours, recognising TLS certificate failures.
fn map_error(url: &str, dn: &str, timeout: Duration, e: LdapError) -> DirectoryError {
    match e {
        LdapError::Timeout { .. } => DirectoryError::Timeout {
            seconds: timeout.as_secs().max(1),
        },
        LdapError::Io { source } => io_error(url, source),
        LdapError::LdapResult { result } => result_error(dn, result.rc, &result.text),
        LdapError::EndOfStream | LdapError::ResultRecv { .. } | LdapError::OpSend { .. } => {
            DirectoryError::ConnectionLost {
                reason: e.to_string(),
            }
        }
        LdapError::UrlParsing { .. } | LdapError::UnknownScheme(_) => {
            DirectoryError::Config(e.to_string())
        }
        other => DirectoryError::ConnectionLost {
            reason: other.to_string(),
        },
    }
}

fn io_error(url: &str, source: std::io::Error) -> DirectoryError {
    let tls = source
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>());
    let url = url.to_string();
    if let Some(rustls::Error::InvalidCertificate(cert)) = tls {
        let reason = format!("{cert:?}");
        return match cert {
            rustls::CertificateError::NotValidForName
            | rustls::CertificateError::NotValidForNameContext { .. } => {
                DirectoryError::HostnameMismatch { url, reason }
            }
            _ => DirectoryError::UntrustedCertificate { url, reason },
        };
    }
    if let Some(e) = tls {
        return DirectoryError::Tls {
            url,
            reason: e.to_string(),
        };
    }
    use std::io::ErrorKind::*;
    match source.kind() {
        ConnectionRefused | HostUnreachable | NetworkUnreachable | AddrNotAvailable | NotFound => {
            DirectoryError::Unreachable {
                url,
                reason: source.to_string(),
            }
        }
        _ => DirectoryError::ConnectionLost {
            reason: source.to_string(),
        },
    }
}

fn result_error(dn: &str, rc: u32, text: &str) -> DirectoryError {
    match rc {
        49 => DirectoryError::InvalidCredentials,
        50 => DirectoryError::InsufficientRights { dn: dn.to_string() },
        32 => DirectoryError::NoSuchObject { dn: dn.to_string() },
        _ => DirectoryError::Ldap {
            code: rc,
            dn: dn.to_string(),
            text: text.to_string(),
        },
    }
}

/// Logs one LDAP operation: server, what was asked, the result code (or
/// the error), the entries and the time. Never an attribute value, never
/// the password.
#[allow(clippy::too_many_arguments)]
fn log_op(
    server: &str,
    op: &str,
    base: &str,
    scope: &str,
    filter: &str,
    dacl_only: bool,
    started: Instant,
    result: &Result<usize, DirectoryError>,
) {
    let controls = if dacl_only { "sd-flags(DACL)" } else { "" };
    let elapsed_ms = started.elapsed().as_millis() as u64;
    match result {
        Ok(entries) => tracing::info!(
            server,
            op,
            base,
            scope,
            filter,
            controls,
            rc = 0,
            entries,
            elapsed_ms,
            "ldap"
        ),
        Err(e) => {
            let rc = match e {
                DirectoryError::InvalidCredentials => Some(49),
                DirectoryError::InsufficientRights { .. } => Some(50),
                DirectoryError::NoSuchObject { .. } => Some(32),
                DirectoryError::Ldap { code, .. } => Some(*code),
                _ => None,
            };
            tracing::warn!(
                server,
                op,
                base,
                scope,
                filter,
                controls,
                rc,
                error = %e,
                elapsed_ms,
                "ldap failed"
            )
        }
    }
}

/// `host:port` of an `ldap://` or `ldaps://` URL (default ports 389 and
/// 636; IPv6 hosts in brackets); None for anything else.
fn authority(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let (rest, port) = if lower.starts_with("ldaps://") {
        (&url[8..], 636)
    } else if lower.starts_with("ldap://") {
        (&url[7..], 389)
    } else {
        return None;
    };
    let host_port = rest.split('/').next().filter(|h| !h.is_empty())?;
    let has_port = match host_port.strip_prefix('[') {
        Some(v6) => v6.contains("]:"),
        None => host_port.contains(':'),
    };
    Some(if has_port {
        host_port.to_string()
    } else {
        format!("{host_port}:{port}")
    })
}

fn sd_flags_control() -> RawControl {
    RawControl {
        ctype: SD_FLAGS_OID.to_string(),
        crit: true,
        val: Some(SD_FLAGS_DACL.to_vec()),
    }
}

fn to_entry(se: SearchEntry) -> Entry {
    let mut entry = Entry {
        dn: se.dn,
        ..Entry::default()
    };
    // ldap3 puts values that happen to be valid UTF-8 among the text ones,
    // even binary ones such as a SID: keep the bytes of both.
    for (name, values) in se.attrs {
        entry
            .attrs
            .entry(name.to_ascii_lowercase())
            .or_default()
            .extend(values.into_iter().map(String::into_bytes));
    }
    for (name, values) in se.bin_attrs {
        entry
            .attrs
            .entry(name.to_ascii_lowercase())
            .or_default()
            .extend(values);
    }
    entry
}

impl LdapDirectory {
    /// Connects, verifies TLS and binds. Refuses `ldap://` without StartTLS
    /// unless `insecure_plaintext` is set.
    pub async fn connect(opts: &ConnectOptions) -> Result<LdapDirectory, DirectoryError> {
        let started = Instant::now();
        let result = Self::connect_bind(opts).await;
        log_op(
            &opts.url,
            "bind",
            &opts.bind_user,
            "",
            "",
            false,
            started,
            &result.as_ref().map(|_| 0).map_err(Clone::clone),
        );
        result
    }

    async fn connect_bind(opts: &ConnectOptions) -> Result<LdapDirectory, DirectoryError> {
        let lower = opts.url.to_ascii_lowercase();
        if !(lower.starts_with("ldaps://") || lower.starts_with("ldap://")) {
            return Err(DirectoryError::Config(format!(
                "{}: use ldaps://HOST or ldap://HOST",
                opts.url
            )));
        }
        if is_plaintext(opts) && !opts.insecure_plaintext {
            return Err(DirectoryError::Plaintext);
        }
        let mut settings = LdapConnSettings::new()
            .set_conn_timeout(opts.timeout)
            .set_starttls(opts.starttls && lower.starts_with("ldap://"));
        if !is_plaintext(opts) {
            settings = settings.set_config(tls_config(opts)?);
        }
        let url = opts.url.clone();
        // The TCP connection is ours so that Nagle's algorithm is off: a
        // paged search sends one small request per page, which would
        // otherwise wait for the server's delayed ACK.
        if let Some(addr) = authority(&opts.url) {
            let tcp = tokio::time::timeout(opts.timeout, tokio::net::TcpStream::connect(addr))
                .await
                .map_err(|_| DirectoryError::Timeout {
                    seconds: opts.timeout.as_secs().max(1),
                })?
                .map_err(|e| io_error(&url, e))?;
            let _ = tcp.set_nodelay(true);
            let std = tcp.into_std().map_err(|e| io_error(&url, e))?;
            settings = settings.set_std_stream(StdStream::Tcp(std));
        }
        let connect = LdapConnAsync::with_settings(settings, &opts.url);
        let (conn, mut ldap) = tokio::time::timeout(opts.timeout, connect)
            .await
            .map_err(|_| DirectoryError::Timeout {
                seconds: opts.timeout.as_secs().max(1),
            })?
            .map_err(|e| map_error(&url, "", opts.timeout, e))?;
        ldap3::drive!(conn);
        let bind = ldap
            .with_timeout(opts.timeout)
            .simple_bind(&opts.bind_user, opts.password.expose())
            .await
            .map_err(|e| map_error(&url, "", opts.timeout, e))?;
        if bind.rc != 0 {
            return Err(result_error("", bind.rc, &bind.text));
        }
        tracing::debug!(
            url = %url,
            starttls = opts.starttls,
            ca_file = ?opts.ca_file,
            "bound"
        );
        Ok(LdapDirectory {
            ldap,
            url,
            timeout: opts.timeout,
        })
    }

    /// Ends the session politely.
    pub async fn close(mut self) {
        let _ = self.ldap.unbind().await;
    }

    fn err(&self, dn: &str, e: LdapError) -> DirectoryError {
        map_error(&self.url, dn, self.timeout, e)
    }
}

impl Directory for LdapDirectory {
    fn server(&self) -> String {
        self.url.clone()
    }

    async fn search(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Vec<Entry>, DirectoryError> {
        let started = Instant::now();
        let result = self
            .search_once(base, scope, filter, attrs, dacl_only)
            .await;
        log_op(
            &self.url,
            "search",
            base,
            scope_name(scope),
            filter,
            dacl_only,
            started,
            &result.as_ref().map(Vec::len).map_err(Clone::clone),
        );
        result
    }

    async fn search_paged(
        &mut self,
        base: &str,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
        each: &mut (dyn FnMut(Entry) + Send),
    ) -> Result<(), DirectoryError> {
        let started = Instant::now();
        let mut entries = 0usize;
        let mut counted = |e: Entry| {
            entries += 1;
            each(e)
        };
        let result = self
            .search_paged_once(base, filter, attrs, dacl_only, &mut counted)
            .await;
        log_op(
            &self.url,
            "search-paged",
            base,
            "subtree",
            filter,
            dacl_only,
            started,
            &result.as_ref().map(|_| entries).map_err(Clone::clone),
        );
        result
    }

    async fn write_dacl(&mut self, dn: &str, sd: &[u8]) -> Result<(), DirectoryError> {
        let started = Instant::now();
        let result = self.write_dacl_once(dn, sd).await;
        log_op(
            &self.url,
            "modify(nTSecurityDescriptor)",
            dn,
            "base",
            "",
            true,
            started,
            &result.as_ref().map(|_| 1).map_err(Clone::clone),
        );
        result
    }

    async fn swap_dacl(
        &mut self,
        dn: &str,
        expected: &[u8],
        sd: &[u8],
    ) -> Result<Swap, DirectoryError> {
        let started = Instant::now();
        let result = self.swap_dacl_once(dn, expected, sd).await;
        log_op(
            &self.url,
            "modify(delete+add nTSecurityDescriptor)",
            dn,
            "base",
            "",
            true,
            started,
            &result
                .as_ref()
                .map(|s| usize::from(*s == Swap::Written))
                .map_err(Clone::clone),
        );
        if let Ok(outcome) = result {
            tracing::debug!(dn, ?outcome, "conditional write");
        }
        result
    }
}

/// The scope's name in the log.
fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Base => "base",
        Scope::OneLevel => "one",
        Scope::Subtree => "subtree",
    }
}

impl LdapDirectory {
    async fn search_once(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
    ) -> Result<Vec<Entry>, DirectoryError> {
        let scope = match scope {
            Scope::Base => ldap3::Scope::Base,
            Scope::OneLevel => ldap3::Scope::OneLevel,
            Scope::Subtree => ldap3::Scope::Subtree,
        };
        let timeout = self.timeout;
        let ldap = self.ldap.with_timeout(timeout);
        if dacl_only {
            ldap.with_controls(sd_flags_control());
        }
        let (entries, result) = ldap
            .search(base, scope, filter, attrs.to_vec())
            .await
            .map_err(|e| map_error(&self.url, base, timeout, e))?
            .success()
            .map_err(|e| map_error(&self.url, base, timeout, e))?;
        let _ = result;
        Ok(entries
            .into_iter()
            .map(|re| to_entry(SearchEntry::construct(re)))
            .collect())
    }

    async fn search_paged_once(
        &mut self,
        base: &str,
        filter: &str,
        attrs: &[&str],
        dacl_only: bool,
        each: &mut (dyn FnMut(Entry) + Send),
    ) -> Result<(), DirectoryError> {
        let adapters: Vec<Box<dyn Adapter<_, _>>> = vec![
            Box::new(EntriesOnly::new()),
            Box::new(PagedResults::new(1000)),
        ];
        let timeout = self.timeout;
        let ldap = self.ldap.with_timeout(timeout);
        if dacl_only {
            ldap.with_controls(sd_flags_control());
        }
        let mut stream = ldap
            .streaming_search_with(
                adapters,
                base,
                ldap3::Scope::Subtree,
                filter,
                attrs.to_vec(),
            )
            .await
            .map_err(|e| map_error(&self.url, base, timeout, e))?;
        loop {
            match stream.next().await {
                Ok(Some(re)) => each(to_entry(SearchEntry::construct(re))),
                Ok(None) => break,
                Err(e) => return Err(map_error(&self.url, base, timeout, e)),
            }
        }
        let result = stream.finish().await;
        if result.rc != 0 {
            return Err(result_error(base, result.rc, &result.text));
        }
        Ok(())
    }

    async fn swap_dacl_once(
        &mut self,
        dn: &str,
        expected: &[u8],
        sd: &[u8],
    ) -> Result<Swap, DirectoryError> {
        let timeout = self.timeout;
        let attr = b"nTSecurityDescriptor".to_vec();
        let result = self
            .ldap
            .with_timeout(timeout)
            .with_controls(sd_flags_control())
            .modify(
                dn,
                vec![
                    Mod::Delete(
                        attr.clone(),
                        std::collections::HashSet::from([expected.to_vec()]),
                    ),
                    Mod::Add(attr, std::collections::HashSet::from([sd.to_vec()])),
                ],
            )
            .await
            .map_err(|e| self.err(dn, e))?;
        match result.rc {
            0 => Ok(Swap::Written),
            // noSuchAttribute: the value read is no longer there.
            16 => Ok(Swap::Changed),
            // unwillingToPerform / unavailableCriticalExtension.
            53 | 12 => Ok(Swap::Unsupported),
            rc => Err(result_error(dn, rc, &result.text)),
        }
    }

    async fn write_dacl_once(&mut self, dn: &str, sd: &[u8]) -> Result<(), DirectoryError> {
        let timeout = self.timeout;
        let result = self
            .ldap
            .with_timeout(timeout)
            .with_controls(sd_flags_control())
            .modify(
                dn,
                vec![Mod::Replace(
                    b"nTSecurityDescriptor".to_vec(),
                    std::collections::HashSet::from([sd.to_vec()]),
                )],
            )
            .await
            .map_err(|e| self.err(dn, e))?;
        if result.rc != 0 {
            return Err(result_error(dn, result.rc, &result.text));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn authority_of_ldap_urls() {
        use super::authority;
        assert_eq!(
            authority("ldaps://dc1.corp.example").as_deref(),
            Some("dc1.corp.example:636")
        );
        assert_eq!(
            authority("ldap://10.0.0.1:3268/").as_deref(),
            Some("10.0.0.1:3268")
        );
        assert_eq!(authority("LDAPS://[::1]").as_deref(), Some("[::1]:636"));
        assert_eq!(
            authority("ldaps://[::1]:1636").as_deref(),
            Some("[::1]:1636")
        );
        assert_eq!(authority("https://x"), None);
        assert_eq!(authority("ldaps://"), None);
    }
}
