//! The Cloud Sync variant of step 2: the provisioning agent's PowerShell
//! module (`Microsoft.CloudSync.Powershell.dll`) and its
//! `Set-AADCloudSyncPasswordWritebackConfiguration`, which signs in to the
//! tenant with a tenant administrator's credential.
//!
//! Microsoft documents no cmdlet that reads the setting back, so a switch
//! is reported as "set, not readable" ([`CloudSyncState::writeback`] is
//! `None`), never as confirmed.

use super::Secret;
use super::sync::SyncError;

/// Environment variable the command line reads the tenant administrator's
/// password from (for scripts). It is removed from PowerShell's environment.
pub const TENANT_PASSWORD_ENV: &str = "WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD";

/// The oldest provisioning agent that supports password writeback.
pub const MIN_AGENT_VERSION: [u32; 4] = [1, 1, 977, 0];

/// The tenant administrator the cmdlet signs in as (a Hybrid Identity
/// Administrator or Global Administrator of the tenant).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TenantAdmin {
    /// User principal name.
    pub user: String,
    /// Password; sent to PowerShell on standard input only.
    pub password: Secret,
}

/// What the provisioning-agent server reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct CloudSyncState {
    /// Provisioning agent version ("" when unknown).
    pub version: String,
    /// The AADConnectProvisioningAgent service runs.
    pub service_running: bool,
    /// The writeback setting; `None`: it cannot be read (no documented
    /// cmdlet reads it).
    pub writeback: Option<bool>,
}

/// A provisioning-agent server (Cloud Sync).
#[allow(async_fn_in_trait)]
pub trait CloudSyncAgent {
    /// Where it runs, for messages.
    fn agent_host(&self) -> String;
    /// Reads the agent's version and service state.
    async fn agent_state(&mut self) -> Result<CloudSyncState, SyncError>;
    /// Runs `Set-AADCloudSyncPasswordWritebackConfiguration -Enable on`
    /// signed in as `admin`.
    async fn set_cloud_sync_writeback(
        &mut self,
        on: bool,
        admin: &TenantAdmin,
    ) -> Result<(), SyncError>;
}

/// Parses a dotted version ("1.1.977.0") into four numbers.
pub fn parse_version(text: &str) -> Option<[u32; 4]> {
    let mut out = [0u32; 4];
    let mut parts = text.trim().split('.');
    for (i, slot) in out.iter_mut().enumerate() {
        match parts.next() {
            Some(p) => *slot = p.trim().parse().ok()?,
            None if i >= 2 => {}
            None => return None,
        }
    }
    if parts.next().is_some() {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_compare() {
        assert_eq!(parse_version("1.1.977.0"), Some([1, 1, 977, 0]));
        assert_eq!(parse_version(" 1.1.1370.0 "), Some([1, 1, 1370, 0]));
        assert_eq!(parse_version("1.2"), Some([1, 2, 0, 0]));
        assert_eq!(parse_version(""), None);
        assert_eq!(parse_version("1"), None);
        assert_eq!(parse_version("1.x.3"), None);
        assert_eq!(parse_version("1.2.3.4.5"), None);
        assert!(parse_version("1.1.587.0").unwrap() < MIN_AGENT_VERSION);
        assert!(parse_version("1.1.1370.0").unwrap() >= MIN_AGENT_VERSION);
    }

    #[test]
    fn the_password_is_not_in_debug_output() {
        let admin = TenantAdmin {
            user: "admin@contoso.onmicrosoft.com".into(),
            password: Secret::new("Pa55-w0rd!"),
        };
        assert!(!format!("{admin:?}").contains("Pa55"));
    }
}
