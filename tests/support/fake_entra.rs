//! A stand-in for Entra ID on 127.0.0.1, written for the tests: Entra ID,
//! the portal's API and Microsoft Graph cannot be reached from here, so
//! this axum server implements the documented contract the wizard relies on
//! (microsoft-writeback-spec.md §3–§5, RFC 6749/7636/8628):
//!
//! - `/{tenant}/oauth2/v2.0/authorize`: checks client id, redirect URI,
//!   S256 challenge, and redirects to the redirect URI with a code + state;
//! - `/{tenant}/oauth2/v2.0/token`: authorization_code (PKCE verifier
//!   checked against the challenge), device_code (authorization_pending a
//!   set number of times, then success / declined / expired), refresh_token
//!   (per audience, rotated); unknown tenants answer AADSTS90002;
//! - `/{tenant}/oauth2/v2.0/devicecode`;
//! - `/api/PasswordReset/OnPremisesPasswordResetPolicies`: GET, and PUT of
//!   `passwordWriteBackSupported` or `accountUnlockEnabled` (unlock needs
//!   write-back on), with a token of the portal audience only;
//! - Graph `/v1.0/me`, `/organization`, `/subscribedSkus`,
//!   `/me/transitiveMemberOf/microsoft.graph.directoryRole`, with a Graph
//!   token only.
//!
//! Failures can be queued per route (status, Retry-After, malformed JSON),
//! access tokens can be revoked (the server answers 401), and every secret
//! it hands out is recorded so tests can search logs for them.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The portal API's audience.
pub const PORTAL_AUDIENCE: &str = "74658136-14ec-4630-ad9b-26e160ff0fc6";
/// Graph's audience.
pub const GRAPH_AUDIENCE: &str = "https://graph.microsoft.com";
/// The tenant the server knows.
pub const TENANT: &str = "contoso.example";
/// The client id it accepts.
pub const CLIENT_ID: &str = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

/// A failure to answer with instead of the normal reply.
#[derive(Clone, Debug)]
pub enum Failure {
    /// This status, with an optional Retry-After in seconds.
    Status(u16, Option<u64>),
    /// 200 with a body that is not JSON.
    Malformed,
    /// 200 with JSON of another shape.
    Shape,
}

/// How the device-code grant ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceEnd {
    /// Tokens.
    Approve,
    /// `authorization_declined`.
    Decline,
    /// `expired_token`.
    Expire,
}

/// The server's state, shared with the test.
#[derive(Debug)]
pub struct Fake {
    /// Write back passwords.
    pub writeback: bool,
    /// Unlock without reset.
    pub unlock: bool,
    /// Pending answers before the device-code grant ends.
    pub device_pending: u32,
    /// How it ends.
    pub device_end: DeviceEnd,
    /// Lifetime of access tokens it issues (seconds).
    pub token_lifetime: u64,
    /// Queued failures by route name ("policy-get", "policy-put", "graph", "token").
    pub failures: HashMap<&'static str, VecDeque<Failure>>,
    /// Roles of the user (template id, name).
    pub roles: Vec<(String, String)>,
    /// Whether an Entra ID P1 plan is licensed.
    pub licensed: bool,
    /// Requests by route name, with the time they arrived.
    pub hits: Vec<(&'static str, Instant)>,
    /// Every PUT body received.
    pub puts: Vec<Value>,
    /// Grant types seen at the token endpoint.
    pub grants: Vec<String>,
    /// Client request ids seen on API calls.
    pub request_ids: Vec<String>,
    /// Every secret handed out or received (codes, verifiers, tokens).
    pub secrets: Vec<String>,
    pub(crate) codes: HashMap<String, (String, String)>,
    pub(crate) devices: HashMap<String, u32>,
    pub(crate) access: HashMap<String, (String, Instant)>,
    pub(crate) refresh: HashMap<String, ()>,
    pub(crate) counter: u64,
}

impl Default for Fake {
    fn default() -> Self {
        Fake {
            writeback: false,
            unlock: false,
            device_pending: 1,
            device_end: DeviceEnd::Approve,
            token_lifetime: 3600,
            failures: HashMap::new(),
            roles: vec![(
                "62e90394-69f5-4237-9190-012177145e10".into(),
                "Global Administrator".into(),
            )],
            licensed: true,
            hits: Vec::new(),
            puts: Vec::new(),
            grants: Vec::new(),
            request_ids: Vec::new(),
            secrets: Vec::new(),
            codes: HashMap::new(),
            devices: HashMap::new(),
            access: HashMap::new(),
            refresh: HashMap::new(),
            counter: 0,
        }
    }
}

impl Fake {
    fn secret(&mut self, kind: &str) -> String {
        self.counter += 1;
        let value = format!("{kind}-{}-{:016x}", self.counter, rand_u64() ^ self.counter);
        self.secrets.push(value.clone());
        value
    }

    /// Makes every access token issued so far invalid (the API answers 401).
    pub fn revoke_access_tokens(&mut self) {
        self.access.clear();
    }

    /// Queues a failure for a route.
    pub fn fail(&mut self, route: &'static str, failure: Failure) {
        self.failures.entry(route).or_default().push_back(failure);
    }

    /// Requests seen on a route.
    pub fn count(&self, route: &str) -> usize {
        self.hits.iter().filter(|(r, _)| *r == route).count()
    }
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0),
    );
    h.finish()
}

type Shared = Arc<Mutex<Fake>>;

/// A running server: its base URL and state. Runs on its own thread and
/// runtime, so it outlives the test's runtimes; it stops with the process.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The state.
    pub state: Shared,
}

impl Server {
    /// Starts a server with this state.
    pub fn start(fake: Fake) -> Server {
        let state: Shared = Arc::new(Mutex::new(fake));
        let app = router(state.clone());
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind 127.0.0.1");
                tx.send(listener.local_addr().expect("addr")).expect("send");
                axum::serve(listener, app).await.expect("serve");
            });
        });
        let addr = rx.recv().expect("server address");
        Server {
            base: format!("http://{addr}"),
            state,
        }
    }

    /// The state, locked.
    pub fn lock(&self) -> std::sync::MutexGuard<'_, Fake> {
        self.state.lock().expect("fake state")
    }

    /// The endpoints the wizard should use.
    pub fn endpoints(&self) -> writeback_wizard::backend::entra::Endpoints {
        writeback_wizard::backend::entra::Endpoints {
            login: self.base.clone(),
            portal_api: format!("{}/api", self.base),
            graph: self.base.clone(),
        }
    }

    /// A sign-in configuration for the known tenant.
    pub fn config(&self) -> writeback_wizard::backend::entra::SignInConfig {
        writeback_wizard::backend::entra::SignInConfig {
            tenant: TENANT.into(),
            client_id: CLIENT_ID.into(),
            endpoints: self.endpoints(),
        }
    }

    /// The variables pointing the CLI at this server.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("WRITEBACK_WIZARD_LOGIN_URL", self.base.clone()),
            (
                "WRITEBACK_WIZARD_PORTAL_API_URL",
                format!("{}/api", self.base),
            ),
            ("WRITEBACK_WIZARD_GRAPH_URL", self.base.clone()),
        ]
    }
}

fn router(state: Shared) -> Router {
    Router::new()
        .route("/{tenant}/oauth2/v2.0/authorize", get(authorize))
        .route("/{tenant}/oauth2/v2.0/token", post(token))
        .route("/{tenant}/oauth2/v2.0/devicecode", post(devicecode))
        .route(
            "/api/PasswordReset/OnPremisesPasswordResetPolicies",
            get(policy_get).put(policy_put),
        )
        .route("/v1.0/me", get(graph_me))
        .route("/v1.0/organization", get(graph_org))
        .route("/v1.0/subscribedSkus", get(graph_skus))
        .route(
            "/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole",
            get(graph_roles),
        )
        .with_state(state)
}

fn oauth_error(code: &str, description: &str) -> Response {
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

fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

async fn authorize(
    State(state): State<Shared>,
    Path(tenant): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut fake = state.lock().unwrap();
    fake.hits.push(("authorize", Instant::now()));
    let redirect = q.get("redirect_uri").cloned().unwrap_or_default();
    let ok_redirect =
        redirect.starts_with("http://127.0.0.1:") || redirect.starts_with("http://localhost:");
    if tenant != TENANT
        || q.get("client_id").map(String::as_str) != Some(CLIENT_ID)
        || q.get("response_type").map(String::as_str) != Some("code")
        || !ok_redirect
        || q.get("code_challenge_method").map(String::as_str) != Some("S256")
        || !q.get("scope").is_some_and(|s| s.contains(PORTAL_AUDIENCE))
    {
        return (StatusCode::BAD_REQUEST, "bad authorize request").into_response();
    }
    let Some(challenge) = q.get("code_challenge").cloned() else {
        return (StatusCode::BAD_REQUEST, "no code_challenge").into_response();
    };
    let code = fake.secret("code");
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

fn audience(scope: &str) -> Option<&'static str> {
    if scope.contains(PORTAL_AUDIENCE) {
        Some(PORTAL_AUDIENCE)
    } else if scope.contains("graph.microsoft.com") {
        Some(GRAPH_AUDIENCE)
    } else {
        None
    }
}

fn issue(fake: &mut Fake, audience: &str) -> Response {
    let access = fake.secret("access");
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

async fn token(
    State(state): State<Shared>,
    Path(tenant): Path<String>,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let mut fake = state.lock().unwrap();
    fake.hits.push(("token", Instant::now()));
    if let Some(fail) = fake.failures.get_mut("token").and_then(VecDeque::pop_front) {
        return failure(fail);
    }
    if tenant != TENANT {
        return oauth_error(
            "invalid_request",
            &format!(
                "AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID.\r\nTrace ID: 0"
            ),
        );
    }
    if f.get("client_id").map(String::as_str) != Some(CLIENT_ID) {
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
            if f.get("redirect_uri") != Some(&redirect) {
                return oauth_error("invalid_grant", "AADSTS50011: redirect URI mismatch");
            }
            issue(&mut fake, PORTAL_AUDIENCE)
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
                DeviceEnd::Approve => issue(&mut fake, PORTAL_AUDIENCE),
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
            match audience(f.get("scope").map_or("", String::as_str)) {
                Some(aud) => issue(&mut fake, aud),
                None => oauth_error("invalid_scope", "AADSTS70011: bad scope"),
            }
        }
        _ => oauth_error("unsupported_grant_type", "AADSTS70003"),
    }
}

async fn devicecode(
    State(state): State<Shared>,
    Path(tenant): Path<String>,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let mut fake = state.lock().unwrap();
    fake.hits.push(("devicecode", Instant::now()));
    if tenant != TENANT {
        return oauth_error(
            "invalid_request",
            &format!("AADSTS90002: Tenant '{tenant}' not found."),
        );
    }
    if !f.get("scope").is_some_and(|s| s.contains(PORTAL_AUDIENCE)) {
        return oauth_error("invalid_scope", "AADSTS70011");
    }
    let device = fake.secret("device");
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

fn failure(f: Failure) -> Response {
    match f {
        Failure::Status(code, retry) => {
            let mut r = (
                StatusCode::from_u16(code).unwrap(),
                axum::Json(json!({"error": {"code": "Failure", "message": "queued failure"}})),
            )
                .into_response();
            if let Some(s) = retry {
                r.headers_mut()
                    .insert(header::RETRY_AFTER, s.to_string().parse().unwrap());
            }
            r
        }
        Failure::Malformed => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            "{\"passwordWritebackSupported\": tru",
        )
            .into_response(),
        Failure::Shape => axum::Json(json!({"items": []})).into_response(),
    }
}

/// Checks the bearer token's audience; records the client request id.
fn authorize_call(
    fake: &mut Fake,
    route: &'static str,
    headers: &HeaderMap,
    wanted: &str,
) -> Result<(), Box<Response>> {
    fake.hits.push((route, Instant::now()));
    if let Some(id) = headers
        .get("client-request-id")
        .and_then(|v| v.to_str().ok())
    {
        fake.request_ids.push(id.to_string());
    }
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    match fake.access.get(token) {
        Some((aud, until)) if aud == wanted && Instant::now() < *until => {}
        Some((aud, _)) if aud != wanted => {
            return Err(Box::new(
                (StatusCode::UNAUTHORIZED, "wrong audience").into_response(),
            ));
        }
        _ => {
            return Err(Box::new(
                (StatusCode::UNAUTHORIZED, "invalid or expired token").into_response(),
            ));
        }
    }
    let key = if route.starts_with("graph") {
        "graph"
    } else {
        route
    };
    if let Some(f) = fake.failures.get_mut(key).and_then(VecDeque::pop_front) {
        return Err(Box::new(failure(f)));
    }
    Ok(())
}

fn policy(fake: &Fake) -> Value {
    json!({
        "objectId": "00000000-0000-0000-0000-000000000000",
        "enablementForTenant": if fake.writeback { 1 } else { 0 },
        "cloudProvisioningEnablementForTenant": false,
        "passwordWritebackSupported": fake.writeback,
        "accountUnlockSupported": true,
        "accountUnlockEnabled": fake.unlock,
        "onPremisesPasswordResetEnabled": fake.writeback,
    })
}

async fn policy_get(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "policy-get", &headers, PORTAL_AUDIENCE) {
        return *r;
    }
    axum::Json(policy(&fake)).into_response()
}

async fn policy_put(
    State(state): State<Shared>,
    headers: HeaderMap,
    axum::Json(body): axum::Json<Value>,
) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "policy-put", &headers, PORTAL_AUDIENCE) {
        return *r;
    }
    fake.puts.push(body.clone());
    if let Some(on) = body
        .get("passwordWriteBackSupported")
        .and_then(Value::as_bool)
    {
        if !on && fake.unlock {
            return (StatusCode::BAD_REQUEST, "unlock depends on writeback").into_response();
        }
        fake.writeback = on;
    } else if let Some(on) = body.get("accountUnlockEnabled").and_then(Value::as_bool) {
        if on && !fake.writeback {
            return (StatusCode::BAD_REQUEST, "unlock needs writeback").into_response();
        }
        fake.unlock = on;
    } else {
        return (StatusCode::BAD_REQUEST, "nothing to set").into_response();
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn graph_me(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "graph-me", &headers, GRAPH_AUDIENCE) {
        return *r;
    }
    axum::Json(json!({"userPrincipalName": "admin@contoso.example"})).into_response()
}

async fn graph_org(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "graph-org", &headers, GRAPH_AUDIENCE) {
        return *r;
    }
    axum::Json(json!({"value": [{
        "id": "11111111-2222-3333-4444-555555555555",
        "displayName": "Contoso",
        "onPremisesSyncEnabled": true,
        "onPremisesLastSyncDateTime": "2026-11-25T09:30:00Z",
    }]}))
    .into_response()
}

async fn graph_skus(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "graph-skus", &headers, GRAPH_AUDIENCE) {
        return *r;
    }
    let plan = if fake.licensed {
        "41781fb2-bc02-4b7c-bd55-b576c07bb09d"
    } else {
        "113feb6c-3fe4-4440-bddc-54d774bf0318"
    };
    axum::Json(json!({"value": [{
        "skuPartNumber": "EMS",
        "capabilityStatus": "Enabled",
        "servicePlans": [{"servicePlanId": plan, "servicePlanName": "PLAN", "provisioningStatus": "Success"}],
    }]}))
    .into_response()
}

async fn graph_roles(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "graph-roles", &headers, GRAPH_AUDIENCE) {
        return *r;
    }
    let roles: Vec<Value> = fake
        .roles
        .iter()
        .map(|(id, name)| json!({"roleTemplateId": id, "displayName": name}))
        .collect();
    axum::Json(json!({"value": roles})).into_response()
}
