//! Signing in to Entra ID with the oauth2 crate: authorization code + PKCE
//! in the system browser with a loopback redirect (127.0.0.1, a random
//! port, the state checked), or the device code. The tokens live in memory
//! only ([`Session`]); one refresh token serves the portal API and Graph.
//!
//! `client` is the HTTP side of the oauth2 calls, `redirect` the loopback
//! listener the browser returns to, `session` the tokens, `errors` what
//! the token endpoint's refusals mean.

mod client;
mod errors;
mod redirect;
mod session;

use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

use oauth2::{CsrfToken, PkceCodeChallenge, RedirectUrl, StandardDeviceAuthorizationResponse};
use tokio::net::TcpListener;

use super::{PORTAL_SCOPE, SignInConfig};
use crate::backend::tenant::TenantError;
pub use client::http_client;
use client::{Logged, oauth_client, scopes_of};
use errors::token_error;
pub use errors::{classify, network_text};
use redirect::wait_for_redirect;
pub use session::{Session, is_tenant_id, jwt_claim};

/// What a sign-in reports while it waits for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// The system browser was sent to this address (shown in case it did
    /// not open).
    Browser {
        /// The authorize URL (no secret in it: the PKCE challenge and the
        /// state are public values).
        url: String,
    },
    /// Enter `code` at `url` on any device.
    DeviceCode {
        /// Where to enter it.
        url: String,
        /// The code to type (shown to the user, never logged).
        code: crate::backend::Secret,
        /// How long the code is valid.
        expires_in: Duration,
    },
    /// Exchanging the answer for tokens.
    Exchanging,
}

/// How long the browser sign-in may take.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(300);

/// Signs in in the system browser: PKCE, a one-shot loopback listener on
/// 127.0.0.1 (random port) for the redirect `http://localhost:PORT`
/// (accepting `/`), the state checked. `open`
/// opens the URL and says whether it could (the system browser, see
/// [`system_browser`]; tests follow the URL themselves); when it cannot,
/// this ends with [`TenantError::NoBrowser`].
pub async fn browser(
    config: &SignInConfig,
    open: &mut (dyn FnMut(&str) -> bool + Send),
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Session, TenantError> {
    browser_for(config, &[PORTAL_SCOPE], open, progress).await
}

/// [`browser`] asking for `scopes` (the first names the audience of the
/// first token): a later, incremental consent to a Graph permission.
pub async fn browser_for(
    config: &SignInConfig,
    scopes: &[&str],
    open: &mut (dyn FnMut(&str) -> bool + Send),
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Session, TenantError> {
    let first = scopes.first().copied().unwrap_or(PORTAL_SCOPE);
    let http = http_client()?;
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .await
        .map_err(|e| TenantError::Network(e.to_string()))?;
    let port = listener
        .local_addr()
        .map_err(|e| TenantError::Network(e.to_string()))?
        .port();
    // The listener stays on 127.0.0.1; the URI sent is
    // `http://localhost:PORT` as MSAL sends it for these clients (or the
    // tenant's own), repeated as is in the token request.
    let redirect_text = config.redirect_for(port);
    let path = oauth2::url::Url::parse(&redirect_text)
        .map_err(|e| TenantError::Config(e.to_string()))?
        .path()
        .to_string();
    let redirect =
        RedirectUrl::new(redirect_text).map_err(|e| TenantError::Config(e.to_string()))?;
    let client = oauth_client(config)?.set_redirect_uri(redirect);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state) = client
        .authorize_url(CsrfToken::new_random)
        .add_scopes(scopes_of(scopes))
        .add_extra_param("prompt", "select_account")
        .set_pkce_challenge(challenge)
        .url();
    progress(Progress::Browser {
        url: url.to_string(),
    });
    if !open(url.as_str()) {
        return Err(TenantError::NoBrowser);
    }
    let code = tokio::time::timeout(
        BROWSER_TIMEOUT,
        wait_for_redirect(&listener, &path, &state, &config.tenant),
    )
    .await
    .map_err(|_| TenantError::Timeout)??;
    drop(listener);
    progress(Progress::Exchanging);
    let response = client
        .exchange_code(code)
        .set_pkce_verifier(verifier)
        .request_async(&Logged(http.clone()))
        .await
        .map_err(|e| token_error(e, &config.tenant))?;
    tracing::info!(tenant = config.tenant, "signed in (browser)");
    Session::new(config.clone(), http, first, response)
}

/// Opens `url` in the system browser; false when none could be started
/// (no desktop session, no browser installed). The launcher may keep
/// running while the browser does, so a launcher still busy after two
/// seconds counts as success.
///
/// The launcher (and the browser it starts) does not inherit the
/// wizard's password variables ([`crate::backend::SECRET_ENV`]).
pub fn system_browser(url: &str) -> bool {
    for mut command in open::commands(url) {
        crate::backend::scrub_env(&mut command);
        command
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let mut child = match command.spawn() {
            Ok(c) => c,
            Err(e) => {
                tracing::debug!(error = %e, "browser launcher not started");
                continue;
            }
        };
        let started = Instant::now();
        loop {
            match child.try_wait() {
                Ok(Some(status)) if status.success() => return true,
                Ok(Some(_)) | Err(_) => break,
                Ok(None) if started.elapsed() >= Duration::from_secs(2) => {
                    // Still running with the browser: reaped when it ends.
                    std::thread::spawn(move || child.wait());
                    return true;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
    tracing::warn!("could not open the browser");
    false
}

/// Signs in with a device code: reports the code and the address, then
/// polls until the user has entered it (or it expires).
pub async fn device_code(
    config: &SignInConfig,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Session, TenantError> {
    device_code_for(config, &[PORTAL_SCOPE], progress).await
}

/// [`device_code`] asking for `scopes` (the first names the audience of
/// the first token).
pub async fn device_code_for(
    config: &SignInConfig,
    scopes: &[&str],
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Session, TenantError> {
    let first = scopes.first().copied().unwrap_or(PORTAL_SCOPE);
    let http = http_client()?;
    let client = oauth_client(config)?;
    let details: StandardDeviceAuthorizationResponse = client
        .exchange_device_code()
        .add_scopes(scopes_of(scopes))
        .request_async(&Logged(http.clone()))
        .await
        .map_err(|e| token_error(e, &config.tenant))?;
    progress(Progress::DeviceCode {
        url: details.verification_uri().to_string(),
        code: crate::backend::Secret::new(details.user_code().secret().clone()),
        expires_in: details.expires_in(),
    });
    let response = client
        .exchange_device_access_token(&details)
        .request_async(&Logged(http.clone()), tokio::time::sleep, None)
        .await
        .map_err(|e| token_error(e, &config.tenant))?;
    progress(Progress::Exchanging);
    tracing::info!(tenant = config.tenant, "signed in (device code)");
    Session::new(config.clone(), http, first, response)
}
