//! The demo's Connect server and tenant.

use super::*;

/// The demo Entra Connect server.
#[derive(Clone, Debug)]
pub struct DemoSync {
    pub(super) org: DemoOrg,
}

impl SyncServer for DemoSync {
    fn host(&self) -> String {
        "demo://aadc01.contoso.com".into()
    }

    async fn state(&mut self) -> Result<SyncState, SyncError> {
        self.org.pause(3).await;
        Ok(SyncState {
            version: "2.4.131.0".into(),
            connector: "contoso.onmicrosoft.com - AAD".into(),
            ad_connector_account: format!("CONTOSO\\{DEMO_CONNECTOR}"),
            writeback: self.org.with(|s| s.sync_writeback),
            service_running: true,
            endpoints: [
                "passwordreset.microsoftonline.com",
                "servicebus.windows.net",
            ]
            .into_iter()
            .map(|host| crate::backend::sync::Endpoint {
                host: host.into(),
                port: 443,
                reachable: true,
            })
            .collect(),
        })
    }

    async fn set_writeback(&mut self, on: bool) -> Result<(), SyncError> {
        self.org.pause(8).await;
        self.org.with(|s| s.sync_writeback = on);
        Ok(())
    }

    /// The demo's AD connector prefers DC02, the branch DC that lags
    /// (issue 25).
    async fn preferred_dcs(&mut self) -> Result<Vec<String>, SyncError> {
        self.org.pause(2).await;
        Ok(vec![super::DEMO_DCS[1].host.to_string()])
    }
}

/// The demo's Connect server also carries a Cloud Sync provisioning agent,
/// which behaves like the real one: the switch is accepted (for any tenant
/// administrator with a user name and a password) and cannot be read back.
impl crate::backend::cloudsync::CloudSyncAgent for DemoSync {
    fn agent_host(&self) -> String {
        self.host()
    }

    async fn agent_state(
        &mut self,
    ) -> Result<crate::backend::cloudsync::CloudSyncState, SyncError> {
        self.org.pause(2).await;
        Ok(crate::backend::cloudsync::CloudSyncState {
            version: "1.1.1370.0".into(),
            service_running: true,
            writeback: None,
        })
    }

    async fn set_cloud_sync_writeback(
        &mut self,
        _on: bool,
        admin: &crate::backend::cloudsync::TenantAdmin,
    ) -> Result<(), SyncError> {
        self.org.pause(8).await;
        if admin.user.trim().is_empty() || admin.password.expose().is_empty() {
            return Err(SyncError::SignInRefused(
                "AADSTS50126: Error validating credentials due to invalid username or password."
                    .into(),
            ));
        }
        Ok(())
    }
}

/// The demo tenant.
#[derive(Clone, Debug)]
pub struct DemoTenant {
    pub(super) org: DemoOrg,
}

impl DemoTenant {
    /// What Graph would say of the demo tenant: licensed, synchronized, the
    /// helpdesk admin a Hybrid Identity Administrator.
    pub async fn facts(&self) -> crate::backend::entra::graph::TenantFacts {
        use crate::backend::entra::graph::{ROLE_HYBRID_IDENTITY_ADMIN, TenantFacts};
        self.org.pause(2).await;
        TenantFacts {
            name: Some("Contoso".into()),
            sync_enabled: Some(true),
            last_sync: Some("2025-11-24T15:50:00Z".into()),
            licensed: true,
            roles: vec![(
                ROLE_HYBRID_IDENTITY_ADMIN.into(),
                "Hybrid Identity Administrator".into(),
            )],
        }
    }
}

/// The demo's signed-in tenant user.
pub const DEMO_TENANT_USER: &str = "helpdesk-admin@contoso.onmicrosoft.com";

impl Tenant for DemoTenant {
    fn name(&self) -> String {
        "contoso.onmicrosoft.com".into()
    }

    fn account(&self) -> Option<String> {
        Some(DEMO_TENANT_USER.into())
    }

    async fn policy(&mut self) -> Result<PortalPolicy, TenantError> {
        self.org.pause(2).await;
        Ok(self.org.with(|s| PortalPolicy {
            writeback: s.portal_writeback,
            unlock: s.portal_unlock,
            cloud_sync: Some(s.portal_cloud_sync),
        }))
    }

    async fn set_writeback(&mut self, on: bool) -> Result<(), TenantError> {
        self.org.pause(3).await;
        self.org.with(|s| s.portal_writeback = on);
        Ok(())
    }

    async fn set_unlock(&mut self, on: bool) -> Result<(), TenantError> {
        self.org.pause(3).await;
        self.org.with(|s| s.portal_unlock = on);
        Ok(())
    }

    async fn set_cloud_sync(&mut self, on: bool) -> Result<(), TenantError> {
        self.org.pause(3).await;
        self.org.with(|s| s.portal_cloud_sync = on);
        Ok(())
    }
}
