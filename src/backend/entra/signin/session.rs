//! A signed-in user's tokens, in memory only: access tokens per audience,
//! renewed with the refresh token, and the tenant that issued them checked
//! on every one.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use oauth2::basic::BasicTokenResponse;
use oauth2::{AccessToken, RefreshToken, Scope, TokenResponse};

use super::SignInConfig;
use super::client::{Logged, oauth_client};
use super::errors::token_error;
use crate::backend::tenant::TenantError;

/// Access tokens are renewed this long before they expire.
const EXPIRY_MARGIN: Duration = Duration::from_secs(120);

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
    pub(super) fn new(
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
