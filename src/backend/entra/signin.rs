//! Signing in to Entra ID with the oauth2 crate: authorization code + PKCE
//! in the system browser with a loopback redirect (127.0.0.1, a random
//! port, the state checked), or the device code. The tokens live in memory
//! only ([`Session`]); one refresh token serves the portal API and Graph.

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

use oauth2::basic::{BasicClient, BasicTokenResponse};
use oauth2::{
    AccessToken, AuthUrl, AuthorizationCode, ClientId, CsrfToken, DeviceAuthorizationUrl,
    EndpointNotSet, EndpointSet, HttpClientError, PkceCodeChallenge, RedirectUrl, RefreshToken,
    RequestTokenError, Scope, StandardDeviceAuthorizationResponse, StandardErrorResponse,
    TokenResponse, TokenUrl,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::{PORTAL_SCOPE, SignInConfig};
use crate::backend::tenant::TenantError;

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
/// Access tokens are renewed this long before they expire.
const EXPIRY_MARGIN: Duration = Duration::from_secs(120);

type Client = BasicClient<EndpointSet, EndpointSet, EndpointNotSet, EndpointNotSet, EndpointSet>;
type TokenError<T> = RequestTokenError<HttpClientError<reqwest::Error>, StandardErrorResponse<T>>;

/// The HTTP client for every call: TLS verified (system roots), no
/// redirects followed, timeouts.
pub fn http_client() -> Result<reqwest::Client, TenantError> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(30))
        .user_agent(concat!("writeback-wizard/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| TenantError::Network(e.to_string()))
}

/// The HTTP client of the sign-in calls (device code, token), logging
/// each: method, URL without query values, status, time. Never a body:
/// those hold the codes and tokens.
struct Logged(reqwest::Client);

impl<'c> oauth2::AsyncHttpClient<'c> for Logged {
    type Error = HttpClientError<reqwest::Error>;
    type Future = std::pin::Pin<
        Box<dyn Future<Output = Result<oauth2::HttpResponse, Self::Error>> + Send + Sync + 'c>,
    >;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        let method = request.method().to_string();
        let url = super::url_for_log(&request.uri().to_string());
        let inner = self.0.call(request);
        Box::pin(async move {
            let started = Instant::now();
            let result = inner.await;
            let elapsed_ms = started.elapsed().as_millis() as u64;
            match &result {
                Ok(r) => {
                    let status = r.status().as_u16();
                    tracing::info!(method, url, status, elapsed_ms, "http (sign-in)");
                }
                Err(e) => tracing::warn!(
                    method,
                    url,
                    error = network_text(e),
                    elapsed_ms,
                    "http (sign-in) failed"
                ),
            }
            result
        })
    }
}

fn oauth_client(config: &SignInConfig) -> Result<Client, TenantError> {
    let bad = |e: oauth2::url::ParseError| TenantError::Config(e.to_string());
    Ok(BasicClient::new(ClientId::new(config.client_id.clone()))
        .set_auth_uri(AuthUrl::new(config.oauth_url("authorize")).map_err(bad)?)
        .set_device_authorization_url(
            DeviceAuthorizationUrl::new(config.oauth_url("devicecode")).map_err(bad)?,
        )
        .set_token_uri(TokenUrl::new(config.oauth_url("token")).map_err(bad)?))
}

/// The scopes of a sign-in: `wanted` (the first names the audience the
/// first token is kept for), plus a refresh token.
fn scopes_of(wanted: &[&str]) -> Vec<Scope> {
    wanted
        .iter()
        .copied()
        .chain(["offline_access", "openid", "profile"])
        .map(|s| Scope::new(s.to_string()))
        .collect()
}

/// A claim of a JWT's payload, read without checking the signature (the
/// token came from the token endpoint over verified TLS; this reads which
/// tenant issued it). None for an opaque token.
pub fn jwt_claim(token: &str, claim: &str) -> Option<String> {
    use base64::Engine;
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    value.get(claim)?.as_str().map(str::to_string)
}

/// Whether a tenant name is a tenant id (a GUID) rather than a domain or
/// `organizations`.
pub fn is_tenant_id(tenant: &str) -> bool {
    let parts: Vec<&str> = tenant.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Sorts a token-endpoint error response into a typed error.
pub fn classify(code: &str, description: &str, tenant: &str) -> TenantError {
    let has = |id: &str| description.contains(id);
    // 65002: a first-party client asked for a permission it was not
    // pre-authorized for (e.g. Azure CLI's for the reset permission).
    if has("AADSTS65001") || has("AADSTS65002") || code == "consent_required" {
        TenantError::ConsentNeeded
    } else if has("AADSTS90002") || has("AADSTS900023") {
        TenantError::TenantNotFound(tenant.to_string())
    } else if code == "expired_token" || has("AADSTS70008") || has("AADSTS700082") {
        TenantError::Expired
    } else if code == "authorization_declined" || code == "access_denied" {
        TenantError::Declined
    } else {
        let first = description.lines().next().unwrap_or("").trim();
        TenantError::SignIn {
            code: code.to_string(),
            description: first.chars().take(300).collect(),
        }
    }
}

fn token_error<T>(e: TokenError<T>, tenant: &str) -> TenantError
where
    T: oauth2::ErrorResponseType + AsRef<str> + std::fmt::Display + 'static,
{
    match e {
        RequestTokenError::ServerResponse(r) => classify(
            r.error().as_ref(),
            r.error_description().map(String::as_str).unwrap_or(""),
            tenant,
        ),
        RequestTokenError::Request(HttpClientError::Reqwest(e)) if e.is_timeout() => {
            TenantError::Timeout
        }
        RequestTokenError::Request(e) => TenantError::Network(network_text(&e)),
        // Never the body: it may hold a token.
        RequestTokenError::Parse(..) => TenantError::ApiChanged("token endpoint".into()),
        RequestTokenError::Other(text) => TenantError::SignIn {
            code: "other".into(),
            description: text,
        },
    }
}

/// An error and its causes on one line (reqwest's own text is terse).
pub fn network_text(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// A signed-in user's tokens, in memory only. Access tokens are kept per
/// audience and renewed with the refresh token before they expire.
pub struct Session {
    config: SignInConfig,
    http: reqwest::Client,
    tokens: tokio::sync::Mutex<Tokens>,
    tenant_id: std::sync::Mutex<Option<String>>,
}

struct Tokens {
    refresh: Option<RefreshToken>,
    access: HashMap<String, (AccessToken, Instant)>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("tenant", &self.config.tenant)
            .finish_non_exhaustive()
    }
}

fn expiry(response: &BasicTokenResponse) -> Instant {
    let lifetime = response
        .expires_in()
        .unwrap_or(Duration::from_secs(3600))
        .saturating_sub(EXPIRY_MARGIN);
    Instant::now() + lifetime
}

impl Session {
    fn new(
        config: SignInConfig,
        http: reqwest::Client,
        scope: &str,
        response: BasicTokenResponse,
    ) -> Result<Session, TenantError> {
        let mut access = HashMap::new();
        access.insert(
            scope.to_string(),
            (response.access_token().clone(), expiry(&response)),
        );
        let session = Session {
            config,
            http,
            tokens: tokio::sync::Mutex::new(Tokens {
                refresh: response.refresh_token().cloned(),
                access,
            }),
            tenant_id: std::sync::Mutex::new(None),
        };
        session.note_tenant(response.access_token())?;
        Ok(session)
    }

    /// Checks the tenant (`tid`) that issued `token`: it must be the
    /// configured one when a tenant id was configured, and the same for
    /// every token of the session; it becomes the session's tenant id.
    fn note_tenant(&self, token: &AccessToken) -> Result<(), TenantError> {
        let Some(tid) = jwt_claim(token.secret(), "tid") else {
            tracing::debug!("the access token carries no readable tenant id");
            return Ok(());
        };
        let configured = &self.config.tenant;
        if is_tenant_id(configured) && !configured.eq_ignore_ascii_case(&tid) {
            return Err(TenantError::TenantMismatch {
                expected: configured.clone(),
                got: tid,
            });
        }
        let mut known = self.tenant_id.lock().unwrap_or_else(|p| p.into_inner());
        match known.as_deref() {
            Some(before) if !before.eq_ignore_ascii_case(&tid) => {
                Err(TenantError::TenantMismatch {
                    expected: before.to_string(),
                    got: tid,
                })
            }
            _ => {
                *known = Some(tid);
                Ok(())
            }
        }
    }

    /// The id of the tenant signed in to (the tokens' `tid`), once a token
    /// told it.
    pub fn tenant_id(&self) -> Option<String> {
        self.tenant_id
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The tenant for records and undo lines: its id when known, else the
    /// configured name (never `organizations` once a token named it).
    pub fn tenant_label(&self) -> String {
        self.tenant_id()
            .unwrap_or_else(|| self.config.tenant.clone())
    }

    /// Where the session signed in.
    pub fn config(&self) -> &SignInConfig {
        &self.config
    }

    /// The HTTP client the session uses.
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// A valid access token for `scope`, renewed through the refresh token
    /// when it is missing or about to expire.
    pub async fn token(&self, scope: &str) -> Result<AccessToken, TenantError> {
        let mut tokens = self.tokens.lock().await;
        if let Some((token, until)) = tokens.access.get(scope) {
            if Instant::now() < *until {
                return Ok(token.clone());
            }
        }
        let Some(refresh) = tokens.refresh.clone() else {
            return Err(TenantError::Expired);
        };
        tracing::debug!(scope, "renewing the access token");
        let response = oauth_client(&self.config)?
            .exchange_refresh_token(&refresh)
            .add_scope(Scope::new(scope.to_string()))
            .request_async(&Logged(self.http.clone()))
            .await
            .map_err(|e| token_error(e, &self.config.tenant))?;
        if let Some(newer) = response.refresh_token() {
            tokens.refresh = Some(newer.clone());
        }
        let token = response.access_token().clone();
        self.note_tenant(&token)?;
        tokens
            .access
            .insert(scope.to_string(), (token.clone(), expiry(&response)));
        Ok(token)
    }

    /// Drops the access token for `scope` (the API refused it), so the next
    /// call renews it.
    pub async fn forget(&self, scope: &str) {
        self.tokens.lock().await.access.remove(scope);
    }
}

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

/// Waits for the browser's redirect to the loopback listener and returns
/// the authorization code; answers the browser with a short page.
async fn wait_for_redirect(
    listener: &TcpListener,
    path: &str,
    state: &CsrfToken,
    tenant: &str,
) -> Result<AuthorizationCode, TenantError> {
    loop {
        let (mut stream, _) = listener
            .accept()
            .await
            .map_err(|e| TenantError::Network(e.to_string()))?;
        let Some(target) = read_request_target(&mut stream).await else {
            continue;
        };
        let Ok(url) = oauth2::url::Url::parse(&format!("http://127.0.0.1{target}")) else {
            respond(
                &mut stream,
                "400 Bad Request",
                &crate::fl!("signin-page-failed"),
            )
            .await;
            continue;
        };
        if url.path() != path {
            respond(&mut stream, "404 Not Found", "").await;
            continue;
        }
        let query: HashMap<String, String> = url.query_pairs().into_owned().collect();
        // A request without this sign-in's state is not its answer (another
        // page, a stale tab, a forged link): refused, and the wait goes on.
        // Only an answer with the right state may end it, error or code.
        if query.get("state").map(String::as_str) != Some(state.secret().as_str()) {
            tracing::warn!("sign-in redirect with a wrong or missing state ignored");
            respond(
                &mut stream,
                "400 Bad Request",
                &crate::fl!("signin-page-failed"),
            )
            .await;
            continue;
        }
        let result = if let Some(error) = query.get("error") {
            let description = query.get("error_description").map_or("", String::as_str);
            Err(classify(error, description, tenant))
        } else if let Some(code) = query.get("code") {
            Ok(AuthorizationCode::new(code.clone()))
        } else {
            Err(TenantError::SignIn {
                code: "no_code".into(),
                description: String::new(),
            })
        };
        let (status, page) = match &result {
            Ok(_) => ("200 OK", crate::fl!("signin-page-done")),
            Err(_) => ("400 Bad Request", crate::fl!("signin-page-failed")),
        };
        respond(&mut stream, status, &page).await;
        return result;
    }
}

/// Reads an HTTP request head and returns its target (`/?code=…`).
async fn read_request_target(stream: &mut tokio::net::TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    let read = async {
        while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
            let n = stream.read(&mut buf).await.ok()?;
            if n == 0 {
                break;
            }
            head.extend_from_slice(&buf[..n]);
        }
        Some(())
    };
    tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .ok()??;
    let line = head.split(|b| *b == b'\n').next()?;
    let line = std::str::from_utf8(line).ok()?.trim_end();
    let mut parts = line.split(' ');
    let (method, target) = (parts.next()?, parts.next()?);
    (method == "GET" && target.starts_with('/')).then(|| target.to_string())
}

async fn respond(stream: &mut tokio::net::TcpStream, status: &str, message: &str) {
    let body = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>writeback-wizard</title></head>\
         <body style=\"font-family:sans-serif;margin:3em\"><h1>writeback-wizard</h1><p>{}</p></body></html>",
        html_escape(message)
    );
    let reply = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(reply.as_bytes()).await;
    let _ = stream.shutdown().await;
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_sorted() {
        assert_eq!(
            classify(
                "invalid_grant",
                "AADSTS65001: The user or administrator has not consented",
                "t"
            ),
            TenantError::ConsentNeeded
        );
        assert_eq!(
            classify("invalid_request", "AADSTS90002: Tenant 'x' not found.", "x"),
            TenantError::TenantNotFound("x".into())
        );
        assert_eq!(
            classify(
                "invalid_grant",
                "AADSTS65002: Consent between first party application",
                "t"
            ),
            TenantError::ConsentNeeded
        );
        assert_eq!(classify("expired_token", "", "t"), TenantError::Expired);
        assert_eq!(
            classify("authorization_declined", "", "t"),
            TenantError::Declined
        );
        assert!(matches!(
            classify("invalid_client", "AADSTS7000218: bad\nTrace ID: 1", "t"),
            TenantError::SignIn { description, .. } if description == "AADSTS7000218: bad"
        ));
    }
}
