//! The loopback listener the browser returns to: the request's target
//! read, the state checked, a short page answered.

use std::collections::HashMap;
use std::time::Duration;

use oauth2::{AuthorizationCode, CsrfToken};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::errors::classify;
use crate::backend::tenant::TenantError;

/// Waits for the browser's redirect to the loopback listener and returns
/// the authorization code; answers the browser with a short page.
pub(super) async fn wait_for_redirect(
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
