//! One call to the portal API or Graph: the bearer token of the right
//! audience, a client request id, a timeout, retries with backoff on
//! 429/503 (honouring Retry-After), one token renewal on 401, and typed
//! errors. A POST is sent once and never retried (a resetPassword must not
//! run twice). Graph's own error (`error.code`, `error.message`) is kept
//! on a 4xx. Neither tokens nor bodies are logged.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Method;
use reqwest::header::{ACCEPT, HeaderMap, RETRY_AFTER};
use serde_json::Value;

use super::signin::{Session, network_text};
use crate::backend::tenant::TenantError;

/// How often a throttled call is retried.
const RETRIES: u32 = 3;
/// The longest wait a Retry-After may impose.
const MAX_WAIT: Duration = Duration::from_secs(60);
/// The largest answer read (4 MiB): anything larger is refused unread, so a
/// broken or hostile endpoint cannot fill the memory.
pub const MAX_BODY: u64 = 4 * 1024 * 1024;

/// A successful answer with the headers the long-running operations need.
/// Its Debug leaves the body out (it may carry a password or a token).
#[derive(Clone)]
pub struct Reply {
    /// The HTTP status (2xx).
    pub status: u16,
    /// `Location`, when present.
    pub location: Option<String>,
    /// `Retry-After` in seconds, when present.
    pub retry_after: Option<Duration>,
    /// The JSON body (`null` when empty).
    pub body: Value,
}

impl std::fmt::Debug for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reply")
            .field("status", &self.status)
            .field("location", &self.location)
            .field("retry_after", &self.retry_after)
            .field("body", &"<hidden>")
            .finish()
    }
}

/// Calls on behalf of a signed-in session.
#[derive(Clone, Debug)]
pub struct Api {
    session: Arc<Session>,
}

impl Api {
    /// Calls made with this session's tokens.
    pub fn new(session: Arc<Session>) -> Api {
        Api { session }
    }

    /// The session.
    pub fn session(&self) -> &Arc<Session> {
        &self.session
    }

    /// GET `url` with a token for `scope`; the JSON answer.
    pub async fn get(&self, url: &str, scope: &str) -> Result<Value, TenantError> {
        self.call(Method::GET, url, scope, None).await
    }

    /// PUT `body` to `url`; the JSON answer (`null` when empty).
    pub async fn put(&self, url: &str, scope: &str, body: &Value) -> Result<Value, TenantError> {
        self.call(Method::PUT, url, scope, Some(body)).await
    }

    /// One call, retried as described in the module's text. A 404 means
    /// "the API changed" here (the portal's undocumented API).
    pub async fn call(
        &self,
        method: Method,
        url: &str,
        scope: &str,
        body: Option<&Value>,
    ) -> Result<Value, TenantError> {
        match self.send(method, url, scope, body).await {
            Ok(reply) => Ok(reply.body),
            Err(TenantError::NotFound(_)) => Err(TenantError::ApiChanged("HTTP 404".into())),
            Err(e) => Err(e),
        }
    }

    /// One call as [`Api::call`], keeping `Location` and `Retry-After`;
    /// a 404 is [`TenantError::NotFound`] (documented Graph calls: the
    /// object does not exist).
    pub async fn send(
        &self,
        method: Method,
        url: &str,
        scope: &str,
        body: Option<&Value>,
    ) -> Result<Reply, TenantError> {
        self.send_with(method, url, scope, body, &[]).await
    }

    /// [`Api::send`] with extra request headers (`ConsistencyLevel`).
    pub async fn send_with(
        &self,
        method: Method,
        url: &str,
        scope: &str,
        body: Option<&Value>,
        headers: &[(&str, &str)],
    ) -> Result<Reply, TenantError> {
        // A POST is never sent twice: not after a 401, not after a 429/503.
        let once = method == Method::POST;
        let mut renewed = once;
        let mut attempt = 0;
        loop {
            let token = self.session.token(scope).await?;
            let request_id = uuid::Uuid::new_v4().to_string();
            let mut request = self
                .session
                .http()
                .request(method.clone(), url)
                .bearer_auth(token.secret())
                .header(ACCEPT, "application/json")
                .header("client-request-id", &request_id)
                .header("x-ms-client-request-id", &request_id)
                .header("return-client-request-id", "true")
                .header("X-Requested-With", "XMLHttpRequest");
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            if let Some(body) = body {
                request = request.json(body);
            }
            let shown = super::url_for_log(url);
            tracing::debug!(%method, url = shown, request_id, "calling");
            let started = Instant::now();
            let response = match request.send().await {
                Ok(r) => r,
                Err(e) => {
                    let error = if e.is_timeout() {
                        TenantError::Timeout
                    } else {
                        TenantError::Network(network_text(&e))
                    };
                    tracing::warn!(
                        %method,
                        url = shown,
                        request_id,
                        error = %error,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        retries = attempt,
                        "http failed"
                    );
                    return Err(error);
                }
            };
            let status = response.status().as_u16();
            tracing::info!(
                %method,
                url = shown,
                status,
                request_id,
                elapsed_ms = started.elapsed().as_millis() as u64,
                retries = attempt,
                renewed,
                "http"
            );
            match status {
                200..=299 => {
                    let location = response
                        .headers()
                        .get(reqwest::header::LOCATION)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_string);
                    let retry_after = retry_after(response.headers());
                    let bytes = read_bounded(response, MAX_BODY).await?;
                    let body = if bytes.iter().all(u8::is_ascii_whitespace) {
                        Value::Null
                    } else {
                        serde_json::from_slice(&bytes)
                            .map_err(|_| TenantError::ApiChanged("malformed JSON".into()))?
                    };
                    return Ok(Reply {
                        status,
                        location,
                        retry_after,
                        body,
                    });
                }
                401 if !renewed => {
                    renewed = true;
                    self.session.forget(scope).await;
                }
                401 => return Err(TenantError::Expired),
                403 => return Err(TenantError::Forbidden),
                404 => return Err(TenantError::NotFound(shown)),
                400 | 405 | 409 | 415 | 422 => {
                    let bytes = read_bounded(response, 64 * 1024).await.unwrap_or_default();
                    return Err(graph_error(status, &bytes)
                        .unwrap_or_else(|| TenantError::ApiChanged(format!("HTTP {status}"))));
                }
                429 | 503 if attempt < RETRIES && !once => {
                    let wait = retry_after(response.headers()).unwrap_or(backoff(attempt));
                    tracing::debug!(
                        status,
                        wait_ms = wait.as_millis() as u64,
                        "throttled, waiting"
                    );
                    tokio::time::sleep(wait.min(MAX_WAIT)).await;
                    attempt += 1;
                }
                429 | 503 => return Err(TenantError::Throttled),
                other => return Err(TenantError::Server(other)),
            }
        }
    }
}

/// Graph's error answer (`{"error": {"code", "message"}}`) as
/// [`TenantError::Graph`]; None when the body is not one. The texts are
/// cut to 300 characters and stripped of control characters.
pub fn graph_error(status: u16, body: &[u8]) -> Option<TenantError> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let error = value.get("error")?;
    let clean = |k: &str| -> Option<String> {
        let text = error.get(k)?.as_str()?;
        Some(
            text.chars()
                .filter(|c| !c.is_control())
                .take(300)
                .collect::<String>()
                .trim()
                .to_string(),
        )
    };
    let code = clean("code").filter(|c| !c.is_empty())?;
    Some(TenantError::Graph {
        status,
        code,
        message: clean("message").unwrap_or_default(),
    })
}

/// Reads a body of at most `limit` bytes: a larger `Content-Length` is
/// refused before reading, a body that grows past it while streaming too.
pub async fn read_bounded(
    mut response: reqwest::Response,
    limit: u64,
) -> Result<Vec<u8>, TenantError> {
    if response.content_length().is_some_and(|n| n > limit) {
        return Err(TenantError::TooLarge(limit));
    }
    let mut bytes = Vec::new();
    loop {
        let chunk = response.chunk().await.map_err(|e| {
            if e.is_timeout() {
                TenantError::Timeout
            } else {
                TenantError::Network(network_text(&e))
            }
        })?;
        let Some(chunk) = chunk else { break };
        if bytes.len() as u64 + chunk.len() as u64 > limit {
            return Err(TenantError::TooLarge(limit));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Whether `link` has exactly the scheme, host and port of `base` (both
/// parsed; no prefix test, so `https://graph.microsoft.com.evil.example`
/// or `https://graph.microsoft.com@evil.example` never pass).
pub fn same_origin(base: &str, link: &str) -> bool {
    use oauth2::url::Url;
    match (Url::parse(base), Url::parse(link)) {
        (Ok(b), Ok(l)) => {
            b.scheme() == l.scheme()
                && b.host() == l.host()
                && b.port_or_known_default() == l.port_or_known_default()
                && l.username().is_empty()
                && l.password().is_none()
        }
        _ => false,
    }
}

/// The Retry-After header in seconds (the HTTP-date form falls back to
/// the backoff).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    value.parse::<u64>().ok().map(Duration::from_secs)
}

/// 1 s, 2 s, 4 s…
fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1u64 << attempt.min(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_followed_on_the_same_origin_only() {
        let base = "https://graph.microsoft.com";
        assert!(same_origin(
            base,
            "https://graph.microsoft.com/v1.0/users?$skiptoken=x"
        ));
        assert!(same_origin(base, "https://graph.microsoft.com:443/v1.0/x"));
        assert!(!same_origin(
            base,
            "https://graph.microsoft.com.evil.example/v1.0/x"
        ));
        assert!(!same_origin(
            base,
            "https://graph.microsoft.com@evil.example/v1.0/x"
        ));
        assert!(!same_origin(
            base,
            "https://user@graph.microsoft.com/v1.0/x"
        ));
        assert!(!same_origin(base, "http://graph.microsoft.com/v1.0/x"));
        assert!(!same_origin(
            base,
            "https://graph.microsoft.com:8443/v1.0/x"
        ));
        assert!(!same_origin(base, "/v1.0/relative"));
        assert!(same_origin(
            "http://127.0.0.1:4000",
            "http://127.0.0.1:4000/v1.0/x"
        ));
        assert!(!same_origin(
            "http://127.0.0.1:4000",
            "http://127.0.0.1:4001/v1.0/x"
        ));
    }

    #[test]
    fn graph_errors_keep_code_and_message() {
        let e = graph_error(
            400,
            br#"{"error":{"code":"invalidRequest","message":"newPassword\nis required"}}"#,
        )
        .unwrap();
        assert_eq!(
            e,
            TenantError::Graph {
                status: 400,
                code: "invalidRequest".into(),
                message: "newPasswordis required".into()
            }
        );
        assert_eq!(graph_error(400, b"not json"), None);
        assert_eq!(graph_error(400, br#"{"error":"x"}"#), None);
        let long = format!(
            r#"{{"error":{{"code":"c","message":"{}"}}}}"#,
            "m".repeat(999)
        );
        match graph_error(409, long.as_bytes()).unwrap() {
            TenantError::Graph { message, .. } => assert_eq!(message.len(), 300),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn retry_after_in_seconds() {
        let mut h = HeaderMap::new();
        assert_eq!(retry_after(&h), None);
        h.insert(RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        h.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), None);
        assert_eq!(backoff(0), Duration::from_secs(1));
        assert_eq!(backoff(2), Duration::from_secs(4));
    }

    #[test]
    fn a_replys_debug_leaves_its_body_out() {
        let reply = Reply {
            status: 200,
            location: None,
            retry_after: None,
            body: serde_json::json!({ "newPassword": "Secret-123" }),
        };
        let text = format!("{reply:?}");
        assert!(!text.contains("Secret-123"), "{text}");
        assert!(text.contains("200"), "{text}");
    }
}
