//! The tenant plane: the portal's on-premises integration settings. The
//! real implementation (the portal's own API) is step 3's work; the demo
//! one lives in `demo.rs`.

/// Password reset > On-premises integration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PortalPolicy {
    /// "Enable password write back for synced users".
    pub writeback: bool,
    /// "Allow users to unlock accounts without resetting their password".
    pub unlock: bool,
}

/// Why the tenant plane failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TenantError {
    /// The call failed.
    #[error("{0}")]
    Failed(String),
    /// The state read back is not the one set.
    #[error("the state read back is not the one set")]
    ReadBack,
}

/// An Entra ID tenant.
#[allow(async_fn_in_trait)]
pub trait Tenant {
    /// Its name, for messages.
    fn name(&self) -> String;
    /// Reads the on-premises integration settings.
    async fn policy(&mut self) -> Result<PortalPolicy, TenantError>;
    /// Sets "write back passwords".
    async fn set_writeback(&mut self, on: bool) -> Result<(), TenantError>;
    /// Sets "unlock without reset".
    async fn set_unlock(&mut self, on: bool) -> Result<(), TenantError>;
}
