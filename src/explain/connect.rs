//! Step 2 in words: the Connect server's (and Cloud Sync agent's)
//! pre-flight findings, and its plane as Verify read it.

use super::errors::sync_error;
use crate::backend::sync::{SyncError, SyncState};
use crate::fl;
use crate::task::permissions::Outcome;
use crate::task::sync::{AgentFinding, Finding};
use crate::task::verify::Read;

/// A Connect pre-flight finding as one translated line.
pub fn sync_finding(f: &Finding) -> String {
    match f {
        Finding::Version {
            version,
            supported: true,
        } => {
            fl!("sync-check-version", version = version.as_str())
        }
        Finding::Version {
            version,
            supported: false,
        } => {
            fl!("sync-check-version-old", version = version.as_str())
        }
        Finding::Service { running: true } => fl!("sync-check-service"),
        Finding::Service { running: false } => fl!("sync-check-service-stopped"),
        Finding::Endpoint {
            host,
            reachable: true,
        } => {
            fl!("sync-check-endpoint", host = host.as_str())
        }
        Finding::Endpoint {
            host,
            reachable: false,
        } => {
            fl!("sync-check-endpoint-blocked", host = host.as_str())
        }
    }
}

/// A Cloud Sync pre-flight finding as one translated line.
pub fn agent_finding(f: &AgentFinding) -> String {
    match f {
        AgentFinding::AgentVersion {
            version,
            supported: Some(true),
        } => fl!("cloudsync-check-version", version = version.as_str()),
        AgentFinding::AgentVersion {
            version,
            supported: Some(false),
        } => fl!("cloudsync-check-version-old", version = version.as_str()),
        AgentFinding::AgentVersion {
            supported: None, ..
        } => fl!("cloudsync-check-version-unknown"),
        AgentFinding::AgentService { running: true } => fl!("cloudsync-check-service"),
        AgentFinding::AgentService { running: false } => fl!("cloudsync-check-service-stopped"),
        AgentFinding::NotReadable => fl!("cloudsync-check-not-readable"),
    }
}

/// Connect's plane as Verify read it, a read failure graded `failed`
/// (None: skipped, said by the caller).
pub fn connect_plane(r: &Read<SyncState, SyncError>, failed: Outcome) -> Option<(Outcome, String)> {
    match r {
        Read::Read(s) if s.writeback => Some((Outcome::Ok, fl!("connect-on"))),
        Read::Read(_) => Some((Outcome::Blocking, fl!("connect-off"))),
        Read::Failed(e) => Some((failed, sync_error(e))),
        Read::Skipped => None,
    }
}
