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
// Shared by several test binaries, each using a part of it.
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

// The paths keep this file includable with `#[path = "support/X.rs"]` too
// (a file loaded so resolves its children beside itself).
#[path = "fake_entra/login.rs"]
mod login;
#[path = "fake_entra/portal_graph.rs"]
mod portal_graph;

// Not every binary uses it.
#[allow(unused_imports)]
pub use login::RESET_PERMISSION;
use login::{authorize, devicecode, token};
use portal_graph::{
    graph_me, graph_operation, graph_org, graph_reset, graph_roles, graph_skus, graph_user,
    graph_user_roles, policy_get, policy_put, sspr_policy,
};

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
