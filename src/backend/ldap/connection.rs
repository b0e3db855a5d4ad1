//! Opening one connection: TCP with Nagle off, TLS verified against the
//! system roots or a CA file (or StartTLS, or plain only when allowed),
//! the simple bind, and ldap3's errors mapped to ours.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ldap3::{LdapConnAsync, LdapConnSettings, LdapError, StdStream};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use super::url::authority;
use super::wire::log_op;
use super::{ConnectOptions, is_plaintext};
use crate::backend::DirectoryError;

pub(super) fn tls_config(
    opts: &ConnectOptions,
) -> Result<Arc<rustls::ClientConfig>, DirectoryError> {
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
pub(super) fn map_error(url: &str, dn: &str, timeout: Duration, e: LdapError) -> DirectoryError {
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

pub(super) fn io_error(url: &str, source: std::io::Error) -> DirectoryError {
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

pub(super) fn result_error(dn: &str, rc: u32, text: &str) -> DirectoryError {
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

/// Opens one verified, bound connection (logged as a bind).
pub(super) async fn open(opts: &ConnectOptions) -> Result<ldap3::Ldap, DirectoryError> {
    let started = Instant::now();
    let result = connect_bind(opts).await;
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

pub(super) async fn connect_bind(opts: &ConnectOptions) -> Result<ldap3::Ldap, DirectoryError> {
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
        // A host named by the DNS server given for the forest is looked up
        // there too (TLS still checks the certificate against the name).
        let addr = crate::backend::dns::resolve_configured(&addr, opts.timeout)
            .await
            .unwrap_or(addr);
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
    Ok(ldap)
}
