//! The pilot test's calls on Microsoft Graph v1.0 (documented) and the
//! portal's SSPR policy (undocumented, read only):
//!
//! - `GET /v1.0/users/{upn}` with the on-premises attributes, and the
//!   user's directory roles, through groups too
//!   (`transitiveMemberOf/microsoft.graph.directoryRole`: an OData cast,
//!   so `ConsistencyLevel: eventual` and `$count=true`; paged);
//! - `POST /v1.0/users/{id}/authentication/methods/28c10230-…/resetPassword`
//!   with `{"newPassword": …}` (required for synced users: the service
//!   generates one only for cloud-only users): `202 Accepted`, maybe
//!   without a body, `Location` to poll (maybe absent); sent once;
//! - `GET {Location}` exactly as returned (its query string kept):
//!   `status` (notStarted, running, succeeded, failed, unknownFutureValue;
//!   any case) and `statusDetail`;
//! - `GET {PORTAL}/PasswordReset/PasswordResetPolicies?getPasswordResetEnabledGroup=true`:
//!   `enablementType` 0 nobody, 1 a group, 2 everyone (spec §7).
//!
//! `Location` and `@odata.nextLink` are followed only on the Graph
//! endpoint's own scheme, host and port.

use oauth2::url::Url;
use reqwest::Method;
use serde_json::{Value, json};

use super::api::{Api, same_origin};
use super::{GRAPH_SCOPE, PORTAL_SCOPE};
use crate::backend::Secret;
use crate::backend::tenant::{
    CloudUser, OperationStatus, PASSWORD_METHOD_ID, PilotTenant, ResetPoll, ResetStarted,
    SsprScope, TenantError,
};

/// The delegated permission resetPassword needs (requested when first
/// needed: incremental consent).
pub const RESET_SCOPE: &str = "https://graph.microsoft.com/UserAuthenticationMethod.ReadWrite.All";
/// Reading users and their roles.
pub const READ_USERS_SCOPE: &str = "https://graph.microsoft.com/User.Read.All";
/// The public client that takes dynamic Graph scopes with consent:
/// Microsoft Graph Command Line Tools (the client behind `Connect-MgGraph`).
/// Reasoned from Microsoft's documentation (spec §7), not tried against a
/// tenant; `--client-id` or the profile's `[tenant] graph_client_id`
/// changes it.
pub const GRAPH_CLIENT_ID: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

/// A tenant's Graph (and portal) for the pilot test.
#[derive(Clone, Debug)]
pub struct GraphPilot {
    api: Api,
    user: Option<String>,
}

impl GraphPilot {
    /// Calls on `api`'s session; `user` is the signed-in principal name.
    pub fn new(api: Api, user: Option<String>) -> GraphPilot {
        GraphPilot { api, user }
    }

    fn graph(&self) -> &str {
        &self.api.session().config().endpoints.graph
    }

    /// `{graph}/v1.0/<segments…>` with each segment percent-encoded.
    fn url(&self, segments: &[&str]) -> Result<Url, TenantError> {
        let mut url = Url::parse(self.graph()).map_err(|e| TenantError::Config(e.to_string()))?;
        {
            let mut path = url
                .path_segments_mut()
                .map_err(|_| TenantError::Config(self.graph().to_string()))?;
            path.pop_if_empty().push("v1.0");
            path.extend(segments);
        }
        Ok(url)
    }

    /// The user's directory roles, held directly or through a group.
    /// A role object Graph returns "limited" (no name, no template id)
    /// still counts, as its object id. More than 20 pages is an error (the
    /// list would be incomplete).
    async fn roles(&self, id: &str) -> Result<Vec<String>, TenantError> {
        let mut url = self.url(&[
            "users",
            id,
            "transitiveMemberOf",
            "microsoft.graph.directoryRole",
        ])?;
        url.set_query(Some("$count=true&$select=id,displayName,roleTemplateId"));
        let mut next = Some(url.to_string());
        let mut names = Vec::new();
        for _ in 0..20 {
            let Some(link) = next.take() else {
                return Ok(names);
            };
            let page = self
                .api
                .send_with(
                    Method::GET,
                    &link,
                    GRAPH_SCOPE,
                    None,
                    &[("ConsistencyLevel", "eventual")],
                )
                .await?
                .body;
            let values = page
                .get("value")
                .and_then(Value::as_array)
                .ok_or_else(|| TenantError::ApiChanged("Graph transitiveMemberOf".into()))?;
            names.extend(values.iter().filter_map(role_name));
            match page.get("@odata.nextLink").and_then(Value::as_str) {
                Some(link) if same_origin(self.graph(), link) => next = Some(link.to_string()),
                Some(_) => return Err(TenantError::ForeignLink(self.graph().to_string())),
                None => {}
            }
        }
        match next {
            None => Ok(names),
            Some(_) => Err(TenantError::ApiChanged(
                "Graph transitiveMemberOf: too many pages".into(),
            )),
        }
    }
}

/// A directory role's name: `displayName`, else `roleTemplateId`, else
/// its object `id` (a "limited" object); None for an empty object.
pub fn role_name(role: &Value) -> Option<String> {
    ["displayName", "roleTemplateId", "id"]
        .iter()
        .find_map(|k| {
            role.get(*k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })
}

/// Reads a user from Graph's answer.
pub fn parse_user(value: &Value) -> Result<CloudUser, TenantError> {
    let text = |k: &str| {
        value
            .get(k)
            .and_then(Value::as_str)
            .map(str::to_string)
            .filter(|s| !s.is_empty())
    };
    let id = text("id").ok_or_else(|| TenantError::ApiChanged("Graph user without id".into()))?;
    Ok(CloudUser {
        id,
        user_principal_name: text("userPrincipalName").unwrap_or_default(),
        display_name: text("displayName"),
        synced: value.get("onPremisesSyncEnabled").and_then(Value::as_bool) == Some(true),
        on_premises_dn: text("onPremisesDistinguishedName"),
        on_premises_sam: text("onPremisesSamAccountName"),
        on_premises_upn: text("onPremisesUserPrincipalName"),
        on_premises_domain: text("onPremisesDomainName"),
        admin_roles: None,
    })
}

/// Reads an operation's answer.
pub fn parse_poll(value: &Value) -> Result<ResetPoll, TenantError> {
    let status = value
        .get("status")
        .and_then(Value::as_str)
        .and_then(OperationStatus::parse)
        .ok_or_else(|| TenantError::ApiChanged("operation without a known status".into()))?;
    Ok(ResetPoll {
        status,
        detail: value
            .get("statusDetail")
            .and_then(Value::as_str)
            .map(str::to_string)
            .filter(|s| !s.is_empty()),
        retry_after: None,
    })
}

/// Reads the SSPR policy's answer.
pub fn parse_sspr(value: &Value) -> Result<SsprScope, TenantError> {
    let kind = value
        .get("enablementType")
        .and_then(Value::as_u64)
        .ok_or_else(|| TenantError::ApiChanged("no enablementType".into()))?;
    let text = |k: &str| value.get(k).and_then(Value::as_str).map(str::to_string);
    match kind {
        0 => Ok(SsprScope::Nobody),
        1 => Ok(SsprScope::Group {
            id: text("passwordResetEnabledGroupIds")
                .or_else(|| {
                    value
                        .get("passwordResetEnabledGroupIds")
                        .and_then(Value::as_array)
                        .and_then(|a| a.first())
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .or_else(|| text("passwordResetEnabledGroupId")),
            name: text("passwordResetEnabledGroupName"),
        }),
        2 => Ok(SsprScope::Everyone),
        other => Err(TenantError::ApiChanged(format!("enablementType {other}"))),
    }
}

impl PilotTenant for GraphPilot {
    fn tenant_id(&self) -> String {
        let session = self.api.session();
        session
            .tenant_id()
            .unwrap_or_else(|| session.config().tenant.clone())
    }

    fn signed_in_user(&self) -> Option<String> {
        self.user.clone()
    }

    async fn find_user(&mut self, user: &str) -> Result<CloudUser, TenantError> {
        let mut url = self.url(&["users", user.trim()])?;
        url.set_query(Some(
            "$select=id,userPrincipalName,displayName,onPremisesSyncEnabled,\
             onPremisesDistinguishedName,onPremisesSamAccountName,\
             onPremisesUserPrincipalName,onPremisesDomainName",
        ));
        let value = match self
            .api
            .send(Method::GET, url.as_str(), GRAPH_SCOPE, None)
            .await
        {
            Ok(reply) => reply.body,
            Err(TenantError::NotFound(_)) => return Err(TenantError::NotFound(user.to_string())),
            Err(e) => return Err(e),
        };
        let mut found = parse_user(&value)?;
        // The roles are a warning's input: unreadable is "unknown", not fatal.
        found.admin_roles = match self.roles(&found.id).await {
            Ok(r) => Some(r),
            Err(e) => {
                tracing::info!(error = %e, "the user's directory roles could not be read");
                None
            }
        };
        Ok(found)
    }

    async fn reset_password(
        &mut self,
        user_id: &str,
        new_password: &Secret,
    ) -> Result<ResetStarted, TenantError> {
        let url = self.url(&[
            "users",
            user_id,
            "authentication",
            "methods",
            PASSWORD_METHOD_ID,
            "resetPassword",
        ])?;
        let body = json!({ "newPassword": new_password.expose() });
        let reply = match self
            .api
            .send(Method::POST, url.as_str(), RESET_SCOPE, Some(&body))
            .await
        {
            Ok(r) => r,
            Err(TenantError::NotFound(_)) => {
                return Err(TenantError::NotFound(user_id.to_string()));
            }
            Err(e) => return Err(e),
        };
        // The body may be empty: nothing in it is needed. A Location on
        // another origin is kept and refused when polled (status unknown).
        Ok(ResetStarted {
            location: reply.location.filter(|l| !l.trim().is_empty()),
            retry_after: reply.retry_after,
        })
    }

    async fn reset_status(&mut self, location: &str) -> Result<ResetPoll, TenantError> {
        if !same_origin(self.graph(), location) {
            return Err(TenantError::ForeignLink(self.graph().to_string()));
        }
        let reply = self
            .api
            .send(Method::GET, location, RESET_SCOPE, None)
            .await?;
        let mut poll = parse_poll(&reply.body)?;
        poll.retry_after = reply.retry_after;
        Ok(poll)
    }

    async fn sspr_scope(&mut self) -> Result<SsprScope, TenantError> {
        let url = format!(
            "{}/PasswordReset/PasswordResetPolicies?getPasswordResetEnabledGroup=true",
            self.api.session().config().endpoints.portal_api
        );
        parse_sspr(&self.api.get(&url, PORTAL_SCOPE).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_shape() {
        let u = parse_user(&json!({
            "id": "u1", "userPrincipalName": "a@b", "onPremisesSyncEnabled": true,
            "onPremisesDistinguishedName": "CN=A,DC=b", "onPremisesSamAccountName": ""
        }))
        .unwrap();
        assert!(u.synced);
        assert_eq!(u.on_premises_dn.as_deref(), Some("CN=A,DC=b"));
        assert_eq!(u.on_premises_sam, None, "empty is absent");
        assert!(
            !parse_user(&json!({"id": "u2", "onPremisesSyncEnabled": null}))
                .unwrap()
                .synced
        );
        assert!(parse_user(&json!({"userPrincipalName": "x"})).is_err());
    }

    #[test]
    fn operation_shape() {
        let p = parse_poll(&json!({"status": "failed", "statusDetail": "x"})).unwrap();
        assert_eq!(p.status, OperationStatus::Failed);
        assert_eq!(p.detail.as_deref(), Some("x"));
        assert_eq!(
            parse_poll(&json!({"status": "running"})).unwrap().status,
            OperationStatus::Running
        );
        assert!(parse_poll(&json!({"status": "done"})).is_err());
        assert_eq!(
            parse_poll(&json!({"status": "Succeeded"})).unwrap().status,
            OperationStatus::Succeeded
        );
        let future = parse_poll(&json!({"status": "unknownFutureValue"})).unwrap();
        assert_eq!(future.status, OperationStatus::UnknownFutureValue);
        assert!(!future.status.is_final());
    }

    #[test]
    fn role_names_fall_back_to_ids() {
        assert_eq!(
            role_name(&json!({"displayName": "Helpdesk Administrator", "id": "r1"})).as_deref(),
            Some("Helpdesk Administrator")
        );
        assert_eq!(
            role_name(
                &json!({"@odata.type": "#microsoft.graph.directoryRole", "id": "r2",
                "displayName": null, "roleTemplateId": null})
            )
            .as_deref(),
            Some("r2")
        );
        assert_eq!(role_name(&json!({})), None);
    }

    #[test]
    fn sspr_shape() {
        assert_eq!(
            parse_sspr(&json!({"enablementType": 0})).unwrap(),
            SsprScope::Nobody
        );
        assert_eq!(
            parse_sspr(&json!({"enablementType": 2})).unwrap(),
            SsprScope::Everyone
        );
        assert_eq!(
            parse_sspr(
                &json!({"enablementType": 1, "passwordResetEnabledGroupIds": ["g1"],
                "passwordResetEnabledGroupName": "SSPR users"})
            )
            .unwrap(),
            SsprScope::Group {
                id: Some("g1".into()),
                name: Some("SSPR users".into())
            }
        );
        assert!(parse_sspr(&json!({"enablementType": 7})).is_err());
        assert!(parse_sspr(&json!({})).is_err());
    }
}
