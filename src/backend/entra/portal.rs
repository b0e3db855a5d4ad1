//! The portal's own (undocumented) API for Password reset > On-premises
//! integration: `{PORTAL_API_URL}/PasswordReset/OnPremisesPasswordResetPolicies`.
//! GET reads both toggles; each is set with its own PUT (spec §3, note
//! the capitalisation of `passwordWriteBackSupported` in the PUT body).
//! Cloud sync's toggle is `cloudProvisioningEnablementForTenant`: reported
//! in the GET answer, set here with its own PUT of the same name; not
//! confirmed by Microsoft, so a missing field reads as unknown.

use serde_json::{Value, json};

use super::PORTAL_SCOPE;
use super::api::Api;
use crate::backend::tenant::{PortalPolicy, Tenant, TenantError};

/// The admin center's page with the on-premises integration settings
/// (the manual step when the API cannot be used).
pub const DEEP_LINK: &str = "https://entra.microsoft.com/#view/Microsoft_AAD_IAM/PasswordResetMenuBlade/~/OnPremisesIntegration/fromNav/Identity";

/// The policy's field for "Write back passwords with Microsoft Entra
/// Connect cloud sync" (reported, not documented).
pub const CLOUD_SYNC_FIELD: &str = "cloudProvisioningEnablementForTenant";

/// A real tenant, through the portal API.
#[derive(Clone, Debug)]
pub struct PortalTenant {
    api: Api,
    account: Option<String>,
}

impl PortalTenant {
    /// The tenant the session signed in to, as `account` (when known).
    pub fn new(api: Api, account: Option<String>) -> PortalTenant {
        PortalTenant { api, account }
    }

    /// The same session's Graph calls of the pilot test.
    pub fn pilot(&self) -> super::pilot::GraphPilot {
        super::pilot::GraphPilot::new(self.api.clone(), self.account.clone())
    }

    fn url(&self) -> String {
        format!(
            "{}/PasswordReset/OnPremisesPasswordResetPolicies",
            self.api.session().config().endpoints.portal_api
        )
    }
}

/// Reads the two toggles from the GET answer; anything else is "the API
/// changed".
pub fn parse_policy(value: &Value) -> Result<PortalPolicy, TenantError> {
    let flag = |name: &str| {
        value
            .get(name)
            .and_then(Value::as_bool)
            .ok_or_else(|| TenantError::ApiChanged(format!("no boolean {name}")))
    };
    Ok(PortalPolicy {
        writeback: flag("passwordWritebackSupported")?,
        unlock: flag("accountUnlockEnabled")?,
        cloud_sync: value.get(CLOUD_SYNC_FIELD).and_then(Value::as_bool),
    })
}

impl Tenant for PortalTenant {
    fn name(&self) -> String {
        // The tenant's id once a token named it: records and undo lines
        // never say "organizations".
        self.api.session().tenant_label()
    }

    fn account(&self) -> Option<String> {
        self.account.clone()
    }

    async fn policy(&mut self) -> Result<PortalPolicy, TenantError> {
        parse_policy(&self.api.get(&self.url(), PORTAL_SCOPE).await?)
    }

    async fn set_writeback(&mut self, on: bool) -> Result<(), TenantError> {
        let body = json!({ "passwordWriteBackSupported": on });
        self.api
            .put(&self.url(), PORTAL_SCOPE, &body)
            .await
            .map(drop)
    }

    async fn set_unlock(&mut self, on: bool) -> Result<(), TenantError> {
        let body = json!({ "accountUnlockEnabled": on });
        self.api
            .put(&self.url(), PORTAL_SCOPE, &body)
            .await
            .map(drop)
    }

    async fn set_cloud_sync(&mut self, on: bool) -> Result<(), TenantError> {
        let body = json!({ CLOUD_SYNC_FIELD: on });
        self.api
            .put(&self.url(), PORTAL_SCOPE, &body)
            .await
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_shape() {
        let ok = json!({"passwordWritebackSupported": true, "accountUnlockEnabled": false, "enablementForTenant": 1});
        assert_eq!(
            parse_policy(&ok).unwrap(),
            PortalPolicy {
                writeback: true,
                unlock: false,
                cloud_sync: None
            }
        );
        let cloud = json!({"passwordWritebackSupported": true, "accountUnlockEnabled": true, "cloudProvisioningEnablementForTenant": true});
        assert_eq!(parse_policy(&cloud).unwrap().cloud_sync, Some(true));
        let odd = json!({"passwordWritebackSupported": true, "accountUnlockEnabled": true, "cloudProvisioningEnablementForTenant": 1});
        assert_eq!(parse_policy(&odd).unwrap().cloud_sync, None);
        assert!(
            parse_policy(
                &json!({"passwordWritebackSupported": "yes", "accountUnlockEnabled": false})
            )
            .is_err()
        );
        assert!(parse_policy(&json!([1, 2])).is_err());
    }
}
