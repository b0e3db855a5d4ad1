//! Step 3 in words: the tenant's pre-flight findings, who may use
//! self-service password reset, and the portal's plane as Verify read it.

use super::errors::tenant_error;
use crate::backend::tenant::{PortalPolicy, SsprScope, TenantError};
use crate::fl;
use crate::task::permissions::Outcome;
use crate::task::portal::{Finding, SsprFinding};
use crate::task::verify::Read;

/// A tenant pre-flight finding as one translated line.
pub fn portal_finding(f: &Finding) -> String {
    match f {
        Finding::Licence { licensed: true } => fl!("portal-check-licence"),
        Finding::Licence { licensed: false } => fl!("portal-check-licence-missing"),
        Finding::Sync {
            enabled: true,
            last,
        } => fl!(
            "portal-check-sync",
            last = last.clone().unwrap_or_else(|| "—".into())
        ),
        Finding::Sync { enabled: false, .. } => fl!("portal-check-sync-off"),
        Finding::Role {
            allowed: true,
            roles,
        } => fl!("portal-check-role", roles = roles.join(", ")),
        Finding::Role {
            allowed: false,
            roles,
        } => {
            let roles = if roles.is_empty() {
                "—".to_string()
            } else {
                roles.join(", ")
            };
            fl!("portal-check-role-missing", roles = roles)
        }
    }
}

/// Who may use SSPR, as a pre-flight line.
pub fn sspr_finding(f: &SsprFinding) -> String {
    match f {
        SsprFinding::Scope(SsprScope::Nobody) => fl!("sspr-check-nobody"),
        SsprFinding::Scope(SsprScope::Group { id, name }) => fl!(
            "sspr-check-group",
            group = name
                .clone()
                .or_else(|| id.clone())
                .unwrap_or_else(|| "—".into())
        ),
        SsprFinding::Scope(SsprScope::Everyone) => fl!("sspr-check-everyone"),
        SsprFinding::Unreadable { error } => {
            fl!("sspr-check-unreadable", reason = tenant_error(error))
        }
    }
}

/// The portal's plane as Verify read it, a read failure graded `failed`
/// (None: skipped, said by the caller).
pub fn portal_plane(
    r: &Read<PortalPolicy, TenantError>,
    failed: Outcome,
) -> Option<(Outcome, String)> {
    match r {
        Read::Read(p) if p.writeback && p.unlock => Some((Outcome::Ok, fl!("verify-portal-on"))),
        Read::Read(_) => Some((Outcome::Blocking, fl!("verify-portal-off"))),
        Read::Failed(e) => Some((failed, tenant_error(e))),
        Read::Skipped => None,
    }
}
