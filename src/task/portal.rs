//! Step 3: the portal's on-premises integration toggles (write back
//! passwords, then unlock without reset, as two separate changes), read
//! back; undo turns them off.

use crate::backend::tenant::{PortalPolicy, Tenant, TenantError};

/// Progress of step 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Reading the policy.
    Reading,
    /// Setting "write back passwords".
    Writeback,
    /// Setting "unlock without reset".
    Unlock,
    /// Reading back.
    ReadingBack,
}

/// Reads the policy.
pub async fn status<T: Tenant>(tenant: &mut T) -> Result<PortalPolicy, TenantError> {
    tenant.policy().await
}

/// Brings both toggles to `on` (only those that differ) and reads back.
pub async fn set<T: Tenant>(
    tenant: &mut T,
    on: bool,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<PortalPolicy, TenantError> {
    progress(Progress::Reading);
    let before = tenant.policy().await?;
    if before.writeback != on {
        progress(Progress::Writeback);
        tenant.set_writeback(on).await?;
    }
    if before.unlock != on {
        progress(Progress::Unlock);
        tenant.set_unlock(on).await?;
    }
    progress(Progress::ReadingBack);
    let after = tenant.policy().await?;
    if after.writeback != on || after.unlock != on {
        return Err(TenantError::ReadBack);
    }
    Ok(after)
}
