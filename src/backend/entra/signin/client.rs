//! The HTTP side of the oauth2 calls: one client (TLS verified, no
//! redirects, timeouts), the endpoints of a configuration, the scopes asked
//! for, and a log line per sign-in call.

use std::time::{Duration, Instant};

use oauth2::basic::BasicClient;
use oauth2::{
    AuthUrl, ClientId, DeviceAuthorizationUrl, EndpointNotSet, EndpointSet, HttpClientError, Scope,
    TokenUrl,
};

use super::SignInConfig;
use super::errors::network_text;
use crate::backend::tenant::TenantError;

pub(super) type Client =
    BasicClient<EndpointSet, EndpointSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

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
pub(super) struct Logged(pub(super) reqwest::Client);

impl<'c> oauth2::AsyncHttpClient<'c> for Logged {
    type Error = HttpClientError<reqwest::Error>;
    type Future = std::pin::Pin<
        Box<dyn Future<Output = Result<oauth2::HttpResponse, Self::Error>> + Send + Sync + 'c>,
    >;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        let method = request.method().to_string();
        let url = super::super::url_for_log(&request.uri().to_string());
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

pub(super) fn oauth_client(config: &SignInConfig) -> Result<Client, TenantError> {
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
pub(super) fn scopes_of(wanted: &[&str]) -> Vec<Scope> {
    wanted
        .iter()
        .copied()
        .chain(["offline_access", "openid", "profile"])
        .map(|s| Scope::new(s.to_string()))
        .collect()
}
