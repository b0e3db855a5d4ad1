//! The stand-in's sign-in endpoints: authorize (PKCE checked, the
//! redirect answered with a code), token (code, refresh and device code
//! grants, per audience) and the device code.

use super::*;

pub(super) fn oauth_error(code: &str, description: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(json!({
            "error": code,
            "error_description": description,
            "error_codes": [],
        })),
    )
        .into_response()
}

pub(super) fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

pub(super) async fn authorize(
    State(state): State<Shared>,
    Path(tenant): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut fake = state.lock().unwrap();
    fake.hits.push(("authorize", Instant::now()));
    let redirect = q.get("redirect_uri").cloned().unwrap_or_default();
    fake.redirects.push(("authorize", redirect.clone()));
    // The first-party clients get `http://localhost:PORT` exactly, as
    // Microsoft's own tools (MSAL) send it (contract (e): C1-C5); a
    // tenant's own app may register another loopback URI.
    let first_party = matches!(
        q.get("client_id").map(String::as_str),
        Some(CLIENT_ID | GRAPH_CLIENT_ID)
    );
    let ok_redirect = if first_party {
        redirect
            .strip_prefix("http://localhost:")
            .is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    } else {
        redirect.starts_with("http://127.0.0.1:") || redirect.starts_with("http://localhost:")
    };
    if !known_tenant(&tenant)
        || !known_client(q.get("client_id"))
        || q.get("response_type").map(String::as_str) != Some("code")
        || !ok_redirect
        || q.get("code_challenge_method").map(String::as_str) != Some("S256")
        || q.get("scope").is_none_or(|s| audience(s).is_none())
    {
        return (StatusCode::BAD_REQUEST, "bad authorize request").into_response();
    }
    let Some(challenge) = q.get("code_challenge").cloned() else {
        return (StatusCode::BAD_REQUEST, "no code_challenge").into_response();
    };
    let code = fake.secret("code");
    let scope = q.get("scope").cloned().unwrap_or_default();
    consent(&mut fake, &scope);
    let aud = audience(&scope).unwrap_or(PORTAL_AUDIENCE);
    fake.first_audience.insert(code.clone(), aud);
    fake.codes
        .insert(code.clone(), (challenge, redirect.clone()));
    let state_param = q.get("state").cloned().unwrap_or_default();
    let mut location = oauth2::url::Url::parse(&redirect).unwrap();
    location
        .query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", &state_param);
    (
        StatusCode::FOUND,
        [(header::LOCATION, location.to_string())],
    )
        .into_response()
}

/// The delegated permission resetPassword needs.
pub const RESET_PERMISSION: &str = "UserAuthenticationMethod.ReadWrite.All";

/// An interactive sign-in asking for the reset permission consents to it.
pub(super) fn consent(fake: &mut Fake, scope: &str) {
    if scope.contains(RESET_PERMISSION) {
        fake.reset_consented = true;
    }
}

pub(super) fn known_tenant(tenant: &str) -> bool {
    tenant == TENANT || tenant == TENANT_ID
}

pub(super) fn known_client(id: Option<&String>) -> bool {
    matches!(id.map(String::as_str), Some(CLIENT_ID | GRAPH_CLIENT_ID))
}

pub(super) fn audience(scope: &str) -> Option<&'static str> {
    if scope.contains(PORTAL_AUDIENCE) {
        Some(PORTAL_AUDIENCE)
    } else if scope.contains("graph.microsoft.com") {
        Some(GRAPH_AUDIENCE)
    } else {
        None
    }
}

pub(super) fn issue(fake: &mut Fake, audience: &str) -> Response {
    let access = fake.jwt(audience);
    let refresh = fake.secret("refresh");
    let lifetime = fake.token_lifetime;
    fake.access.insert(
        access.clone(),
        (
            audience.to_string(),
            Instant::now() + Duration::from_secs(lifetime),
        ),
    );
    fake.refresh.insert(refresh.clone(), ());
    axum::Json(json!({
        "token_type": "Bearer",
        "scope": format!("{audience}/.default"),
        "expires_in": lifetime,
        "ext_expires_in": lifetime,
        "access_token": access,
        "refresh_token": refresh,
    }))
    .into_response()
}

pub(super) async fn token(
    State(state): State<Shared>,
    Path(tenant): Path<String>,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let mut fake = state.lock().unwrap();
    fake.hits.push(("token", Instant::now()));
    if let Some(fail) = fake.failures.get_mut("token").and_then(VecDeque::pop_front) {
        return failure(fail);
    }
    if !known_tenant(&tenant) {
        return oauth_error(
            "invalid_request",
            &format!(
                "AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID.\r\nTrace ID: 0"
            ),
        );
    }
    if !known_client(f.get("client_id")) {
        return oauth_error("invalid_client", "AADSTS700016: Application not found");
    }
    let grant = f.get("grant_type").cloned().unwrap_or_default();
    fake.grants.push(grant.clone());
    match grant.as_str() {
        "authorization_code" => {
            let code = f.get("code").cloned().unwrap_or_default();
            let verifier = f.get("code_verifier").cloned().unwrap_or_default();
            fake.secrets.push(verifier.clone());
            let Some((challenge, redirect)) = fake.codes.remove(&code) else {
                return oauth_error("invalid_grant", "AADSTS70000: The provided code is invalid");
            };
            if s256(&verifier) != challenge {
                return oauth_error(
                    "invalid_grant",
                    "AADSTS501481: The Code_Verifier does not match the code_challenge",
                );
            }
            fake.redirects
                .push(("token", f.get("redirect_uri").cloned().unwrap_or_default()));
            if f.get("redirect_uri") != Some(&redirect) {
                return oauth_error("invalid_grant", "AADSTS50011: redirect URI mismatch");
            }
            let aud = fake.first_audience.remove(&code).unwrap_or(PORTAL_AUDIENCE);
            issue(&mut fake, aud)
        }
        "urn:ietf:params:oauth:grant-type:device_code" => {
            let code = f.get("device_code").cloned().unwrap_or_default();
            let Some(left) = fake.devices.get(&code).copied() else {
                return oauth_error("invalid_grant", "AADSTS70000: unknown device code");
            };
            if left > 0 {
                fake.devices.insert(code, left - 1);
                return oauth_error(
                    "authorization_pending",
                    "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.",
                );
            }
            fake.devices.remove(&code);
            match fake.device_end {
                DeviceEnd::Approve => {
                    let aud = fake.first_audience.remove(&code).unwrap_or(PORTAL_AUDIENCE);
                    issue(&mut fake, aud)
                }
                DeviceEnd::Decline => {
                    oauth_error("authorization_declined", "AADSTS70000: the user declined")
                }
                DeviceEnd::Expire => oauth_error(
                    "expired_token",
                    "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
                ),
            }
        }
        "refresh_token" => {
            let rt = f.get("refresh_token").cloned().unwrap_or_default();
            if fake.refresh.remove(&rt).is_none() {
                return oauth_error(
                    "invalid_grant",
                    "AADSTS700082: The refresh token has expired",
                );
            }
            let scope = f.get("scope").map_or("", String::as_str);
            if scope.contains(RESET_PERMISSION) && !fake.reset_consented {
                return oauth_error(
                    "invalid_grant",
                    "AADSTS65001: The user or administrator has not consented to use the application.",
                );
            }
            match audience(scope) {
                Some(aud) => issue(&mut fake, aud),
                None => oauth_error("invalid_scope", "AADSTS70011: bad scope"),
            }
        }
        _ => oauth_error("unsupported_grant_type", "AADSTS70003"),
    }
}

pub(super) async fn devicecode(
    State(state): State<Shared>,
    Path(tenant): Path<String>,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let mut fake = state.lock().unwrap();
    fake.hits.push(("devicecode", Instant::now()));
    if !known_tenant(&tenant) {
        return oauth_error(
            "invalid_request",
            &format!("AADSTS90002: Tenant '{tenant}' not found."),
        );
    }
    let scope = f.get("scope").cloned().unwrap_or_default();
    let Some(aud) = audience(&scope) else {
        return oauth_error("invalid_scope", "AADSTS70011");
    };
    consent(&mut fake, &scope);
    let device = fake.secret("device");
    fake.first_audience.insert(device.clone(), aud);
    let pending = fake.device_pending;
    fake.devices.insert(device.clone(), pending);
    axum::Json(json!({
        "user_code": "FAKE-CODE",
        "device_code": device,
        "verification_uri": "https://microsoft.com/devicelogin",
        "expires_in": 900,
        "interval": 1,
        "message": "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FAKE-CODE to authenticate."
    }))
    .into_response()
}
