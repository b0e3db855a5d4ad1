//! Microsoft Graph, read only, for pre-flight (spec §5): the tenant's sync
//! state, its licences and the signed-in user's directory roles.

use serde_json::Value;

use super::GRAPH_SCOPE;
use super::api::Api;
use crate::backend::tenant::TenantError;

/// The Entra ID P1 service plan (AAD_PREMIUM).
pub const PLAN_P1: &str = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
/// The Entra ID P2 service plan (AAD_PREMIUM_P2).
pub const PLAN_P2: &str = "eec0eb4f-6444-4f95-aba0-50c24d67f998";
/// Global Administrator.
pub const ROLE_GLOBAL_ADMIN: &str = "62e90394-69f5-4237-9190-012177145e10";
/// Hybrid Identity Administrator.
pub const ROLE_HYBRID_IDENTITY_ADMIN: &str = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2";
/// Authentication Policy Administrator.
pub const ROLE_AUTH_POLICY_ADMIN: &str = "0526716b-113d-4c15-b2c8-68e3c22b9f80";
/// The roles the spec names as able to change the settings.
pub const WRITEBACK_ROLES: [&str; 3] = [
    ROLE_GLOBAL_ADMIN,
    ROLE_HYBRID_IDENTITY_ADMIN,
    ROLE_AUTH_POLICY_ADMIN,
];

/// What Graph says about the tenant and the signed-in user.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct TenantFacts {
    /// The organization's display name.
    pub name: Option<String>,
    /// `onPremisesSyncEnabled` (null when sync never ran).
    pub sync_enabled: Option<bool>,
    /// `onPremisesLastSyncDateTime`.
    pub last_sync: Option<String>,
    /// An enabled SKU carries the Entra ID P1 or P2 plan.
    pub licensed: bool,
    /// The signed-in user's directory roles: (template id, display name).
    pub roles: Vec<(String, String)>,
}

impl TenantFacts {
    /// Whether one of [`WRITEBACK_ROLES`] is held.
    pub fn has_writeback_role(&self) -> bool {
        self.roles
            .iter()
            .any(|(id, _)| WRITEBACK_ROLES.contains(&id.to_ascii_lowercase().as_str()))
    }
}

fn changed(what: &str) -> TenantError {
    TenantError::ApiChanged(format!("Graph {what}"))
}

/// Every item of a Graph collection, following `@odata.nextLink` (at most
/// 20 pages, and only links whose scheme, host and port are exactly the
/// Graph endpoint's; another link is an error, never followed).
async fn collection(api: &Api, base: &str, path: &str) -> Result<Vec<Value>, TenantError> {
    let mut url = format!("{base}{path}");
    let mut items = Vec::new();
    for _ in 0..20 {
        let page = api.get(&url, GRAPH_SCOPE).await?;
        let values = page
            .get("value")
            .and_then(Value::as_array)
            .ok_or_else(|| changed(path))?;
        items.extend(values.iter().cloned());
        match page.get("@odata.nextLink").and_then(Value::as_str) {
            Some(next) if super::api::same_origin(base, next) => url = next.to_string(),
            Some(_) => return Err(TenantError::ForeignLink(base.to_string())),
            None => break,
        }
    }
    Ok(items)
}

/// The signed-in user's principal name.
pub async fn me(api: &Api) -> Result<String, TenantError> {
    let base = &api.session().config().endpoints.graph;
    let me = api
        .get(
            &format!("{base}/v1.0/me?$select=userPrincipalName"),
            GRAPH_SCOPE,
        )
        .await?;
    me.get("userPrincipalName")
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| changed("/me"))
}

/// Reads the facts pre-flight needs.
pub async fn facts(api: &Api) -> Result<TenantFacts, TenantError> {
    let base = api.session().config().endpoints.graph.clone();
    let orgs = collection(api, &base, "/v1.0/organization").await?;
    let org = orgs.first().ok_or_else(|| changed("/organization"))?;
    let skus = collection(api, &base, "/v1.0/subscribedSkus").await?;
    let licensed = skus.iter().any(|sku| {
        sku.get("capabilityStatus").and_then(Value::as_str) == Some("Enabled")
            && sku
                .get("servicePlans")
                .and_then(Value::as_array)
                .is_some_and(|plans| {
                    plans.iter().any(|p| {
                        p.get("servicePlanId")
                            .and_then(Value::as_str)
                            .is_some_and(|id| {
                                id.eq_ignore_ascii_case(PLAN_P1) || id.eq_ignore_ascii_case(PLAN_P2)
                            })
                    })
                })
    });
    let roles = collection(
        api,
        &base,
        "/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole",
    )
    .await?
    .iter()
    .filter_map(|r| {
        let id = r.get("roleTemplateId")?.as_str()?;
        let name = r.get("displayName").and_then(Value::as_str).unwrap_or(id);
        Some((id.to_string(), name.to_string()))
    })
    .collect();
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    Ok(TenantFacts {
        name: text(org, "displayName"),
        sync_enabled: org.get("onPremisesSyncEnabled").and_then(Value::as_bool),
        last_sync: text(org, "onPremisesLastSyncDateTime"),
        licensed,
        roles,
    })
}
