//! What the token endpoint's refusals mean: error responses sorted into
//! typed errors (never the body: it may hold a token), network errors on
//! one line.

use oauth2::{HttpClientError, RequestTokenError, StandardErrorResponse};

use crate::backend::tenant::TenantError;

pub(super) type TokenError<T> =
    RequestTokenError<HttpClientError<reqwest::Error>, StandardErrorResponse<T>>;

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

pub(super) fn token_error<T>(e: TokenError<T>, tenant: &str) -> TenantError
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
