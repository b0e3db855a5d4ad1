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
//!   `cloudProvisioningEnablementForTenant` ("Write back passwords with
//!   Microsoft Entra Connect cloud sync") as shared/notes/
//!   microsoft-writeback-spec.md §3 gives it: REPORTED in the GET answer by
//!   community tools, NOT documented by Microsoft, and its PUT (a body with
//!   that field alone) is the wizard's guess. Both answers are served:
//!   `Fake::cloud_sync` Some (the field reported and settable) or None
//!   (absent from the GET, its PUT answers 400);
//! - Graph `/v1.0/me`, `/organization`, `/subscribedSkus`,
//!   `/me/transitiveMemberOf/microsoft.graph.directoryRole`, with a Graph
//!   token only.
//!
//! - Graph `/v1.0/users/{id}` (with the on-premises attributes) and the
//!   user's roles only through
//!   `/v1.0/users/{id}/transitiveMemberOf/microsoft.graph.directoryRole`
//!   (roles held through a role-assignable group included; an OData cast,
//!   so without `ConsistencyLevel: eventual` and `$count=true` it answers
//!   400; one role per page, `@odata.nextLink` carrying `$skiptoken`);
//!   there is no `memberOf` route;
//! - `POST …/authentication/methods/28c10230-…/resetPassword` as
//!   ../shared/contracts/graph-pilot-contract.md (a) records from Graph's
//!   page (sources G1, G2 there): `newPassword` is required for a synced
//!   user (400 without it; Graph's error code for that is NOT CONFIRMED, so
//!   the code here, `invalidRequest`, is ours) and generated only for a
//!   cloud-only one (then in the body); `202 Accepted` with NO body when
//!   the caller chose the password; `Location` with the version segment
//!   and extra query parameters (`?aadgdc=…&aadgsu=…`, as the page's
//!   example); 403 without the Authentication Administrator role, 404 for
//!   an unknown user. Switches: no `Location`, a Graph error instead;
//! - the operation at `Location` (source G5, G6): only with its query
//!   string as returned, notStarted → running → succeeded (or failed with
//!   a statusDetail, or a plan the test gives). When a reset is accepted,
//!   a hook gets the password sent and writes it back where the Connect
//!   server would (the Samba DC), with `pwdLastSet` 0: a Graph admin
//!   reset makes the user change password at next sign-in (G1);
//! - the portal's SSPR policy `/api/PasswordReset/PasswordResetPolicies`.
//!
//! Access tokens are JWT-shaped (unsigned) and carry the tenant id `tid`.
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
/// Microsoft Graph Command Line Tools, accepted too.
pub const GRAPH_CLIENT_ID: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
/// The tenant's id (the `tid` of its tokens; also accepted in URLs).
pub const TENANT_ID: &str = "6d1f7c2e-3b4a-4f5e-9a8b-1c2d3e4f5a6b";
/// The signed-in user (`/me`).
pub const ME: &str = "admin@contoso.example";

/// A user the stand-in's Graph knows.
#[derive(Clone, Debug)]
pub struct FakeUser {
    /// Object id.
    pub id: String,
    /// User principal name.
    pub upn: String,
    /// onPremisesSyncEnabled.
    pub synced: bool,
    /// onPremisesDistinguishedName.
    pub dn: Option<String>,
    /// onPremisesSamAccountName.
    pub sam: Option<String>,
    /// Directory roles held directly (display names).
    pub roles: Vec<String>,
    /// Directory roles held through a role-assignable group (only
    /// `transitiveMemberOf` shows them).
    pub group_roles: Vec<String>,
}

impl FakeUser {
    /// A synced user.
    pub fn synced(upn: &str, dn: &str, sam: &str) -> FakeUser {
        FakeUser {
            id: format!("id-{}", sam.to_ascii_lowercase()),
            upn: upn.into(),
            synced: true,
            dn: Some(dn.into()),
            sam: Some(sam.into()),
            roles: Vec::new(),
            group_roles: Vec::new(),
        }
    }

    /// A cloud-only user.
    pub fn cloud(upn: &str) -> FakeUser {
        FakeUser {
            id: format!("id-{}", upn.split('@').next().unwrap_or(upn)),
            upn: upn.into(),
            synced: false,
            dn: None,
            sam: None,
            roles: Vec::new(),
            group_roles: Vec::new(),
        }
    }
}

/// Called with the user and the new password when a reset is accepted
/// (the Connect server's part: write it to AD); runs on a blocking thread.
pub type ResetHook = Arc<dyn Fn(&FakeUser, &str) + Send + Sync>;

/// One reset operation.
#[derive(Clone, Debug)]
pub struct Operation {
    /// The user's id.
    pub user: String,
    /// Polls answered so far.
    pub polls: usize,
    /// The statuses it goes through, one per poll (the last repeats).
    pub plan: Vec<(&'static str, Option<String>)>,
}

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
pub struct Fake {
    /// Write back passwords.
    pub writeback: bool,
    /// Unlock without reset.
    pub unlock: bool,
    /// Write back with cloud sync (None: the GET does not carry
    /// `cloudProvisioningEnablementForTenant`, and setting it answers 400).
    pub cloud_sync: Option<bool>,
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
    /// Redirect URIs received: ("authorize" | "token", URI).
    pub redirects: Vec<(&'static str, String)>,
    /// Client request ids seen on API calls.
    pub request_ids: Vec<String>,
    /// Every secret handed out or received (codes, verifiers, tokens,
    /// generated passwords).
    pub secrets: Vec<String>,
    /// Users of Graph (the signed-in one included).
    pub users: Vec<FakeUser>,
    /// The signed-in user holds Authentication Administrator (else the
    /// reset answers 403).
    pub reset_role: bool,
    /// The reset permission was consented to (else asking a token for it
    /// answers AADSTS65001).
    pub reset_consented: bool,
    /// The operation's statuses: None = notStarted, running, succeeded;
    /// Some(detail) = notStarted, running, failed with that statusDetail.
    pub reset_failure: Option<String>,
    /// Writes an accepted reset back (the Connect server's part).
    pub on_reset: Option<ResetHook>,
    /// Reset operations by id.
    pub operations: HashMap<String, Operation>,
    /// Role pages point their nextLink at another host.
    pub foreign_next_link: bool,
    /// The user's roles cannot be read (403 on transitiveMemberOf).
    pub roles_forbidden: bool,
    /// The reset's 202 carries no `Location`.
    pub no_location: bool,
    /// The reset answers this Graph error (status, code, message)
    /// instead of 202.
    pub reset_error: Option<(u16, String, String)>,
    /// The operation's statuses as the test gives them (overrides
    /// `reset_failure`).
    pub reset_plan: Option<Vec<(&'static str, Option<String>)>>,
    /// Every resetPassword body received (the passwords are in `secrets`
    /// too).
    pub reset_bodies: Vec<Value>,
    /// `enablementType` of the SSPR policy (0 nobody, 1 group, 2 all).
    pub sspr: u8,
    /// The `tid` of the tokens it issues.
    pub tid: String,
    pub(crate) codes: HashMap<String, (String, String)>,
    pub(crate) devices: HashMap<String, u32>,
    /// The audience of the first token, by code or device code.
    pub(crate) first_audience: HashMap<String, &'static str>,
    pub(crate) access: HashMap<String, (String, Instant)>,
    pub(crate) refresh: HashMap<String, ()>,
    pub(crate) counter: u64,
}

impl Default for Fake {
    fn default() -> Self {
        Fake {
            writeback: false,
            unlock: false,
            cloud_sync: Some(false),
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
            redirects: Vec::new(),
            request_ids: Vec::new(),
            secrets: Vec::new(),
            users: vec![FakeUser::cloud(ME)],
            reset_role: true,
            reset_consented: true,
            reset_failure: None,
            on_reset: None,
            operations: HashMap::new(),
            foreign_next_link: false,
            roles_forbidden: false,
            no_location: false,
            reset_error: None,
            reset_plan: None,
            reset_bodies: Vec::new(),
            sspr: 1,
            tid: TENANT_ID.into(),
            codes: HashMap::new(),
            first_audience: HashMap::new(),
            devices: HashMap::new(),
            access: HashMap::new(),
            refresh: HashMap::new(),
            counter: 0,
        }
    }
}

impl std::fmt::Debug for Fake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fake").finish_non_exhaustive()
    }
}

impl Fake {
    /// An unsigned JWT-shaped access token naming the tenant (`tid`).
    fn jwt(&mut self, audience: &str) -> String {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let claims = URL_SAFE_NO_PAD
            .encode(json!({"tid": self.tid, "aud": audience, "upn": ME}).to_string());
        let tail = self.secret("sig");
        self.secrets.pop();
        let token = format!("{header}.{claims}.{tail}");
        self.secrets.push(token.clone());
        token
    }

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
            redirect_uri: None,
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
        .route("/v1.0/users/{id}", get(graph_user))
        .route(
            "/v1.0/users/{id}/transitiveMemberOf/microsoft.graph.directoryRole",
            get(graph_user_roles),
        )
        .route(
            "/v1.0/users/{id}/authentication/methods/{method}/resetPassword",
            post(graph_reset),
        )
        .route(
            "/v1.0/users/{id}/authentication/operations/{op}",
            get(graph_operation),
        )
        .route("/api/PasswordReset/PasswordResetPolicies", get(sspr_policy))
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
fn consent(fake: &mut Fake, scope: &str) {
    if scope.contains(RESET_PERMISSION) {
        fake.reset_consented = true;
    }
}

fn known_tenant(tenant: &str) -> bool {
    tenant == TENANT || tenant == TENANT_ID
}

fn known_client(id: Option<&String>) -> bool {
    matches!(id.map(String::as_str), Some(CLIENT_ID | GRAPH_CLIENT_ID))
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

async fn devicecode(
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
    let mut v = json!({
        "objectId": "00000000-0000-0000-0000-000000000000",
        "enablementForTenant": if fake.writeback { 1 } else { 0 },
        "passwordWritebackSupported": fake.writeback,
        "accountUnlockSupported": true,
        "accountUnlockEnabled": fake.unlock,
        "onPremisesPasswordResetEnabled": fake.writeback,
    });
    if let Some(on) = fake.cloud_sync {
        v["cloudProvisioningEnablementForTenant"] = json!(on);
    }
    v
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
    } else if let Some(on) = body
        .get("cloudProvisioningEnablementForTenant")
        .and_then(Value::as_bool)
    {
        if fake.cloud_sync.is_none() {
            return (StatusCode::BAD_REQUEST, "unknown property").into_response();
        }
        fake.cloud_sync = Some(on);
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

fn find_user(fake: &Fake, id: &str) -> Option<FakeUser> {
    fake.users
        .iter()
        .find(|u| u.id == id || u.upn.eq_ignore_ascii_case(id))
        .cloned()
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::Json(json!({"error": {"code": "Request_ResourceNotFound",
            "message": "Resource does not exist or one of its queried reference-property objects are not present."}})),
    )
        .into_response()
}

async fn graph_user(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "graph-user", &headers, GRAPH_AUDIENCE) {
        return *r;
    }
    let Some(u) = find_user(&fake, &id) else {
        return not_found();
    };
    axum::Json(json!({
        "id": u.id,
        "userPrincipalName": u.upn,
        "displayName": u.upn.split('@').next(),
        "onPremisesSyncEnabled": if u.synced { json!(true) } else { Value::Null },
        "onPremisesDistinguishedName": u.dn,
        "onPremisesSamAccountName": u.sam,
        "onPremisesUserPrincipalName": if u.synced { json!(u.upn) } else { Value::Null },
        "onPremisesDomainName": if u.synced { json!("contoso.example") } else { Value::Null },
    }))
    .into_response()
}

/// Graph's error body.
fn graph_error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": {"code": code, "message": message,
            "innerError": {"date": "2026-12-02T03:00:00", "request-id": "00000000-0000-0000-0000-000000000000"}}})),
    )
        .into_response()
}

/// A role's template id (contract (d), source E2), by display name.
fn template_id(name: &str) -> &'static str {
    match name {
        "Global Administrator" => "62e90394-69f5-4237-9190-012177145e10",
        "Helpdesk Administrator" => "729827e3-9c14-49f7-bb1b-9608f156bbb8",
        "User Administrator" => "fe930be7-5e62-47db-91af-98c3a49a38b1",
        "Password Administrator" => "966707d0-3269-4727-9be2-8c3a10f19b9d",
        "Privileged Role Administrator" => "e8611ab8-c189-46e8-94e1-60213ab1f814",
        _ => "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
    }
}

/// The roles through groups too, one per page; the cast needs
/// `ConsistencyLevel: eventual` and `$count=true` (contract (d), G8).
async fn graph_user_roles(
    State(state): State<Shared>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "graph-user-roles", &headers, GRAPH_AUDIENCE) {
        return *r;
    }
    let eventual = headers
        .get("ConsistencyLevel")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("eventual"));
    if !eventual || q.get("$count").map(String::as_str) != Some("true") {
        return graph_error(
            StatusCode::BAD_REQUEST,
            "Request_UnsupportedQuery",
            "The specified filter to the reference property query is currently not supported.",
        );
    }
    if fake.roles_forbidden {
        return graph_error(
            StatusCode::FORBIDDEN,
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.",
        );
    }
    let Some(u) = find_user(&fake, &id) else {
        return not_found();
    };
    let all: Vec<String> = u.roles.iter().chain(&u.group_roles).cloned().collect();
    let page: usize = q
        .get("$skiptoken")
        .and_then(|p| p.strip_prefix("page"))
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    let value: Vec<Value> = all
        .get(page)
        .map(|r| {
            vec![json!({
                "@odata.type": "#microsoft.graph.directoryRole",
                "id": format!("role-object-{page}"),
                "displayName": r,
                "roleTemplateId": template_id(r),
            })]
        })
        .unwrap_or_default();
    let mut body = json!({ "@odata.count": all.len(), "value": value });
    if page + 1 < all.len() {
        let host = if fake.foreign_next_link {
            "http://127.0.0.2:9".to_string()
        } else {
            // The request's own origin (the test's base URL).
            headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .map(|h| format!("http://{h}"))
                .unwrap_or_default()
        };
        body["@odata.nextLink"] = json!(format!(
            "{host}/v1.0/users/{}/transitiveMemberOf/microsoft.graph.directoryRole?$count=true&$skiptoken=page{}",
            u.id,
            page + 1
        ));
    }
    axum::Json(body).into_response()
}

/// A password Entra ID could have generated for a cloud-only user.
fn generated_password(fake: &mut Fake) -> String {
    let n = fake.counter + 1;
    let tail = fake.secret("pw");
    fake.secrets.pop();
    let hex: String = tail.chars().rev().take(8).collect();
    let password = format!("Zu{hex}!{n}kQ");
    fake.secrets.push(password.clone());
    password
}

async fn graph_reset(
    State(state): State<Shared>,
    Path((id, method)): Path<(String, String)>,
    headers: HeaderMap,
    body: bytes::Bytes,
) -> Response {
    let (hook, user, password, location, generated) = {
        let mut fake = state.lock().unwrap();
        if let Err(r) = authorize_call(&mut fake, "graph-reset", &headers, GRAPH_AUDIENCE) {
            return *r;
        }
        if method != "28c10230-6103-485e-b985-444c60001490" {
            return not_found();
        }
        let Some(user) = find_user(&fake, &id) else {
            return not_found();
        };
        if !fake.reset_role || user.upn.eq_ignore_ascii_case(ME) {
            return graph_error(
                StatusCode::FORBIDDEN,
                "accessDenied",
                "Request Authorization failed",
            );
        }
        let json: Value = if body.iter().all(u8::is_ascii_whitespace) {
            json!({})
        } else {
            match serde_json::from_slice(&body) {
                Ok(v) => v,
                Err(_) => {
                    return graph_error(StatusCode::BAD_REQUEST, "BadRequest", "Invalid JSON");
                }
            }
        };
        fake.reset_bodies.push(json.clone());
        if let Some((status, code, message)) = fake.reset_error.clone() {
            return graph_error(StatusCode::from_u16(status).unwrap(), &code, &message);
        }
        let given = json
            .get("newPassword")
            .and_then(Value::as_str)
            .filter(|p| !p.is_empty())
            .map(str::to_string);
        let (password, generated) = match given {
            Some(p) => {
                fake.secrets.push(p.clone());
                (p, false)
            }
            // Only a cloud-only password may be generated by the service.
            None if !user.synced => (generated_password(&mut fake), true),
            None => {
                return graph_error(
                    StatusCode::BAD_REQUEST,
                    "invalidRequest",
                    "newPassword is required for a user whose password is managed on-premises.",
                );
            }
        };
        let op = format!("op-{}", fake.counter);
        fake.counter += 1;
        let plan = match (&fake.reset_plan, &fake.reset_failure) {
            (Some(plan), _) => plan.clone(),
            (None, None) => vec![("notStarted", None), ("running", None), ("succeeded", None)],
            (None, Some(d)) => vec![
                ("notStarted", None),
                ("running", None),
                ("failed", Some(d.clone())),
            ],
        };
        let succeeds = plan
            .last()
            .is_some_and(|(s, _)| s.eq_ignore_ascii_case("succeeded"));
        fake.operations.insert(
            op.clone(),
            Operation {
                user: user.id.clone(),
                polls: 0,
                plan,
            },
        );
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("127.0.0.1")
            .to_string();
        let location = (!fake.no_location).then(|| {
            format!(
                "http://{host}/v1.0/users/{}/authentication/operations/{op}?aadgdc=DUB02P&aadgsu=ssprprod-a",
                user.id
            )
        });
        let hook = if succeeds {
            fake.on_reset.clone()
        } else {
            None
        };
        (hook, user, password, location, generated)
    };
    // The Connect server's part, outside the lock: write the password back.
    if let Some(hook) = hook {
        let pw = password.clone();
        let _ = tokio::task::spawn_blocking(move || hook(&user, &pw)).await;
    }
    let mut r = if generated {
        (
            StatusCode::ACCEPTED,
            axum::Json(json!({"@odata.type": "#microsoft.graph.passwordResetResponse", "newPassword": password})),
        )
            .into_response()
    } else {
        StatusCode::ACCEPTED.into_response()
    };
    if let Some(location) = location {
        r.headers_mut()
            .insert(header::LOCATION, location.parse().unwrap());
    }
    r
}

async fn graph_operation(
    State(state): State<Shared>,
    Path((_id, op)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "graph-operation", &headers, GRAPH_AUDIENCE) {
        return *r;
    }
    // Called exactly as returned: the Location's query string is kept.
    if q.get("aadgdc").map(String::as_str) != Some("DUB02P")
        || q.get("aadgsu").map(String::as_str) != Some("ssprprod-a")
    {
        return not_found();
    }
    let Some(o) = fake.operations.get_mut(&op) else {
        return not_found();
    };
    let i = o.polls.min(o.plan.len() - 1);
    o.polls += 1;
    let (status, detail) = o.plan[i].clone();
    axum::Json(json!({
        "id": op,
        "createdDateTime": "2026-12-02T03:00:00Z",
        "lastActionDateTime": "2026-12-02T03:00:01Z",
        "resourceLocation": null,
        "status": status,
        "statusDetail": detail,
    }))
    .into_response()
}

async fn sspr_policy(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "sspr-get", &headers, PORTAL_AUDIENCE) {
        return *r;
    }
    axum::Json(json!({
        "objectId": "default",
        "enablementType": fake.sspr,
        "passwordResetEnabledGroupIds": if fake.sspr == 1 { json!(["0f0e0d0c-0000-4000-8000-000000000001"]) } else { json!([]) },
        "passwordResetEnabledGroupName": if fake.sspr == 1 { json!("SSPR users") } else { Value::Null },
        "numberOfAuthenticationMethodsRequired": 1,
    }))
    .into_response()
}
