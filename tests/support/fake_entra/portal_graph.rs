//! The stand-in's APIs: the portal's writeback policy (GET/PUT), Graph
//! (`me`, organization, licences, roles, users, resetPassword as a
//! long-running operation) and the SSPR policy.

use super::*;

pub(super) fn policy(fake: &Fake) -> Value {
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

pub(super) async fn policy_get(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "policy-get", &headers, PORTAL_AUDIENCE) {
        return *r;
    }
    axum::Json(policy(&fake)).into_response()
}

pub(super) async fn policy_put(
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

pub(super) async fn graph_me(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut fake = state.lock().unwrap();
    if let Err(r) = authorize_call(&mut fake, "graph-me", &headers, GRAPH_AUDIENCE) {
        return *r;
    }
    axum::Json(json!({"userPrincipalName": "admin@contoso.example"})).into_response()
}

pub(super) async fn graph_org(State(state): State<Shared>, headers: HeaderMap) -> Response {
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

pub(super) async fn graph_skus(State(state): State<Shared>, headers: HeaderMap) -> Response {
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

pub(super) async fn graph_roles(State(state): State<Shared>, headers: HeaderMap) -> Response {
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

pub(super) fn find_user(fake: &Fake, id: &str) -> Option<FakeUser> {
    fake.users
        .iter()
        .find(|u| u.id == id || u.upn.eq_ignore_ascii_case(id))
        .cloned()
}

pub(super) fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::Json(json!({"error": {"code": "Request_ResourceNotFound",
            "message": "Resource does not exist or one of its queried reference-property objects are not present."}})),
    )
        .into_response()
}

pub(super) async fn graph_user(
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
pub(super) fn graph_error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": {"code": code, "message": message,
            "innerError": {"date": "2026-12-02T03:00:00", "request-id": "00000000-0000-0000-0000-000000000000"}}})),
    )
        .into_response()
}

/// A role's template id (contract (d), source E2), by display name.
pub(super) fn template_id(name: &str) -> &'static str {
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
pub(super) async fn graph_user_roles(
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
pub(super) fn generated_password(fake: &mut Fake) -> String {
    let n = fake.counter + 1;
    let tail = fake.secret("pw");
    fake.secrets.pop();
    let hex: String = tail.chars().rev().take(8).collect();
    let password = format!("Zu{hex}!{n}kQ");
    fake.secrets.push(password.clone());
    password
}

pub(super) async fn graph_reset(
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

pub(super) async fn graph_operation(
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

pub(super) async fn sspr_policy(State(state): State<Shared>, headers: HeaderMap) -> Response {
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
