//! Step 3: sign in to Entra ID, read the tenant's facts for pre-flight
//! (Graph), and switch the portal's on-premises integration toggles (write
//! back passwords, unlock without reset — two separate changes), read back;
//! undo turns them off. The CLI, the GUI and the demo tenant share it.

use crate::audit::{self, Change, Plane, Trail};
use crate::backend::entra::SignInConfig;
use crate::backend::entra::graph::TenantFacts;
use crate::backend::entra::signin;
use crate::backend::tenant::{PortalPolicy, Tenant, TenantError};
use crate::task::permissions::Outcome;

pub use crate::backend::entra::signin::Progress as SignInProgress;
pub use crate::backend::entra::{SignedIn, facts};

/// Progress of step 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Reading the policy.
    Reading,
    /// Setting "write back passwords".
    Writeback,
    /// Setting "unlock without reset".
    Unlock,
    /// Setting "write back passwords with cloud sync".
    CloudSync,
    /// Reading back.
    ReadingBack,
}

/// How to sign in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The system browser (PKCE, loopback redirect).
    Browser,
    /// A code entered on any device.
    DeviceCode,
}

/// Signs in and asks Graph who signed in. For [`Method::Browser`], `open`
/// opens the sign-in page (normally [`signin::system_browser`]); when no
/// browser can be opened, the device code is the fallback.
pub async fn sign_in(
    config: &SignInConfig,
    method: Method,
    open: &mut (dyn FnMut(&str) -> bool + Send),
    progress: &mut (dyn FnMut(SignInProgress) + Send),
) -> Result<SignedIn, TenantError> {
    let session = match method {
        Method::Browser => match signin::browser(config, open, progress).await {
            Err(TenantError::NoBrowser) => {
                tracing::info!("no browser: signing in with a device code instead");
                signin::device_code(config, progress).await?
            }
            other => other?,
        },
        Method::DeviceCode => signin::device_code(config, progress).await?,
    };
    Ok(SignedIn::new(session).await)
}

/// Reads the policy.
pub async fn status<T: Tenant>(tenant: &mut T) -> Result<PortalPolicy, TenantError> {
    tenant.policy().await
}

/// Brings both toggles to `on` (only those that differ) and reads back;
/// a change is recorded in `trail`. On: write-back first, then unlock; off:
/// unlock first (it depends on write-back).
pub async fn set<T: Tenant>(
    tenant: &mut T,
    on: bool,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<PortalPolicy, TenantError> {
    progress(Progress::Reading);
    let before = tenant.policy().await?;
    if before.writeback == on && before.unlock == on {
        return Ok(before);
    }
    trail
        .ready()
        .map_err(|e| TenantError::Audit(e.to_string()))?;
    let switched = async {
        if on && !before.writeback {
            progress(Progress::Writeback);
            tenant.set_writeback(true).await?;
        }
        if before.unlock != on {
            progress(Progress::Unlock);
            tenant.set_unlock(on).await?;
        }
        if !on && before.writeback {
            progress(Progress::Writeback);
            tenant.set_writeback(false).await?;
        }
        progress(Progress::ReadingBack);
        let after = tenant.policy().await?;
        if after.writeback != on || after.unlock != on {
            return Err(TenantError::ReadBack);
        }
        Ok(after)
    }
    .await;
    record(tenant, trail, on, before, &switched);
    switched
}

/// Records in `trail` the switch of portal settings to `on`: from
/// `before` to what was read back, or its failure.
fn record<T: Tenant>(
    tenant: &T,
    trail: &Trail,
    on: bool,
    before: PortalPolicy,
    switched: &Result<PortalPolicy, TenantError>,
) {
    let result = match switched {
        Ok(_) => audit::Outcome::Ok,
        Err(e) => audit::Outcome::Failed {
            reason: e.to_string(),
        },
    };
    let mut change = Change::setting(
        Plane::Portal,
        on,
        audit::Target {
            tenant: Some(tenant.name()),
            ..audit::Target::default()
        },
        before,
        switched.as_ref().ok().copied(),
        result,
    );
    change.account = tenant.account();
    trail.record_after(change);
}

/// Brings "write back passwords with cloud sync" to `on` (Cloud Sync
/// chosen) and reads back; a change is recorded in `trail`. The field is
/// reported, not documented: when the policy does not carry it, nothing
/// is sent and the answer is [`TenantError::ApiChanged`] (the guided
/// manual step).
pub async fn set_cloud_sync<T: Tenant>(
    tenant: &mut T,
    on: bool,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<PortalPolicy, TenantError> {
    progress(Progress::Reading);
    let before = tenant.policy().await?;
    match before.cloud_sync {
        None => {
            return Err(TenantError::ApiChanged(
                "no cloudProvisioningEnablementForTenant".into(),
            ));
        }
        Some(current) if current == on => return Ok(before),
        Some(_) => {}
    }
    trail
        .ready()
        .map_err(|e| TenantError::Audit(e.to_string()))?;
    let switched = async {
        progress(Progress::CloudSync);
        tenant.set_cloud_sync(on).await?;
        progress(Progress::ReadingBack);
        let after = tenant.policy().await?;
        if after.cloud_sync != Some(on) {
            return Err(TenantError::ReadBack);
        }
        Ok(after)
    }
    .await;
    record(tenant, trail, on, before, &switched);
    switched
}

/// Step 3 as the window and `portal` run it: both toggles, then (Cloud
/// Sync chosen) cloud sync's — after them when switching on, before them
/// when switching off. When the portal's API cannot set cloud sync's
/// toggle (refused, or not reported), the policy as read is the answer:
/// its `cloud_sync` is then not `Some(on)` and the caller shows the
/// guided manual step for it.
pub async fn set_all<T: Tenant>(
    tenant: &mut T,
    on: bool,
    cloud_sync: bool,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<PortalPolicy, TenantError> {
    let cloud =
        async |tenant: &mut T, progress: &mut (dyn FnMut(Progress) + Send)| match set_cloud_sync(
            tenant, on, trail, progress,
        )
        .await
        {
            Ok(p) => Ok(Some(p)),
            Err(e) if e.needs_manual_step() => {
                tracing::warn!(error = %e, "cloud sync's toggle left to the manual step");
                Ok(None)
            }
            Err(e) => Err(e),
        };
    if cloud_sync && !on {
        cloud(tenant, progress).await?;
    }
    let policy = set(tenant, on, trail, progress).await?;
    if cloud_sync && on {
        return Ok(cloud(tenant, progress).await?.unwrap_or(policy));
    }
    Ok(policy)
}

/// Pre-flight findings of the tenant plane.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "check", rename_all = "kebab-case")]
pub enum Finding {
    /// An Entra ID P1/P2 plan is licensed.
    Licence {
        /// Found.
        licensed: bool,
    },
    /// Directory synchronization is on, and when it last ran.
    Sync {
        /// `onPremisesSyncEnabled`.
        enabled: bool,
        /// `onPremisesLastSyncDateTime`.
        last: Option<String>,
    },
    /// The signed-in user's roles.
    Role {
        /// Holds Global / Hybrid Identity / Authentication Policy Administrator.
        allowed: bool,
        /// Role names held.
        roles: Vec<String>,
    },
}

/// The checks of step 3 on Graph's facts: no licence blocks; sync off and a
/// missing role warn (the role that may change the toggles is disputed).
pub fn findings(facts: &TenantFacts) -> Vec<(Outcome, Finding)> {
    let sync = facts.sync_enabled == Some(true);
    let allowed = facts.has_writeback_role();
    vec![
        (
            Outcome::ok_if(facts.licensed, Outcome::Blocking),
            Finding::Licence {
                licensed: facts.licensed,
            },
        ),
        (
            Outcome::ok_if(sync, Outcome::Warning),
            Finding::Sync {
                enabled: sync,
                last: facts.last_sync.clone(),
            },
        ),
        (
            Outcome::ok_if(allowed, Outcome::Warning),
            Finding::Role {
                allowed,
                roles: facts.roles.iter().map(|(_, n)| n.clone()).collect(),
            },
        ),
    ]
}

// ---------------------------------------------------------------------
// Issue 15: who may use self-service password reset (pre-flight).
// ---------------------------------------------------------------------

/// The SSPR policy check: nobody may use self-service password reset
/// (writeback is then pointless), a group, or everyone.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "sspr", rename_all = "kebab-case")]
pub enum SsprFinding {
    /// What the portal says.
    Scope(crate::backend::tenant::SsprScope),
    /// The policy could not be read (undocumented API): why, explained
    /// where it is shown (JSON: the error's own words, as `reason`).
    Unreadable {
        /// Why.
        #[serde(rename = "reason", serialize_with = "as_text")]
        error: TenantError,
    },
}

/// An error as its own (untranslated) words, for JSON.
fn as_text<S: serde::Serializer>(e: &TenantError, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(e)
}

/// Reads who may use SSPR: a warning when nobody can (writeback is then
/// pointless; the fix is Password reset > Properties > Selected or All),
/// or when the policy cannot be read; fine otherwise.
pub async fn sspr_check<T: crate::backend::tenant::PilotTenant>(
    tenant: &mut T,
) -> (Outcome, SsprFinding) {
    use crate::backend::tenant::SsprScope;
    match tenant.sspr_scope().await {
        Ok(SsprScope::Nobody) => (Outcome::Warning, SsprFinding::Scope(SsprScope::Nobody)),
        Ok(scope) => (Outcome::Ok, SsprFinding::Scope(scope)),
        Err(error) => (Outcome::Warning, SsprFinding::Unreadable { error }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_policy_keeps_its_typed_error() {
        let f = SsprFinding::Unreadable {
            error: TenantError::Forbidden,
        };
        assert_eq!(
            serde_json::to_value(&f).unwrap(),
            serde_json::json!({"sspr": "unreadable", "reason": "forbidden (403)"})
        );
    }
}
