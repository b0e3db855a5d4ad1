//! Step 2: switch on password writeback on the Entra Connect server, read
//! it back; undo switches it off.

use crate::audit::{Change, Outcome, Plane, Target, Trail};
use crate::backend::sync::{SyncError, SyncServer, SyncState};

/// Progress of step 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Reading the state.
    Reading,
    /// Switching the feature.
    Switching,
    /// Reading back.
    ReadingBack,
}

/// Reads the state.
pub async fn status<S: SyncServer>(server: &mut S) -> Result<SyncState, SyncError> {
    server.state().await
}

/// Sets writeback to `on` (when it is not already) and reads it back. A
/// switch (done or failed) is recorded in `trail`; a log that cannot be
/// written stops before anything changes.
pub async fn set<S: SyncServer>(
    server: &mut S,
    on: bool,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<SyncState, SyncError> {
    progress(Progress::Reading);
    let before = server.state().await?;
    if before.writeback == on {
        return Ok(before);
    }
    trail.ready().map_err(|e| SyncError::Audit(e.to_string()))?;
    let switched = async {
        progress(Progress::Switching);
        server.set_writeback(on).await?;
        progress(Progress::ReadingBack);
        let after = server.state().await?;
        if after.writeback != on {
            return Err(SyncError::ReadBack);
        }
        Ok(after)
    }
    .await;
    let result = match &switched {
        Ok(_) => Outcome::Ok,
        Err(e) => Outcome::Failed {
            reason: e.to_string(),
        },
    };
    let setting = |writeback: Option<bool>| serde_json::json!({ "password_writeback": writeback });
    trail.record_after(Change::setting(
        Plane::Connect,
        on,
        Target {
            server: Some(server.host()),
            ..Target::default()
        },
        setting(Some(before.writeback)),
        setting(switched.as_ref().ok().map(|s| s.writeback)),
        result,
    ));
    switched
}

/// Pre-flight findings of the Connect plane.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "check", rename_all = "kebab-case")]
pub enum Finding {
    /// The version, and whether it is 2.x or later.
    Version {
        /// As reported.
        version: String,
        /// 2.x or later.
        supported: bool,
    },
    /// The ADSync service runs.
    Service {
        /// Running.
        running: bool,
    },
    /// Outbound 443 to a writeback endpoint.
    Endpoint {
        /// Host.
        host: String,
        /// Reached.
        reachable: bool,
    },
}

/// The checks of step 2 on a state read (the ADSync module's presence shows
/// as [`SyncError::ModuleMissing`] when reading).
pub fn findings(state: &SyncState) -> Vec<(crate::task::permissions::Outcome, Finding)> {
    use crate::task::permissions::Outcome;
    let major: Option<u32> = state
        .version
        .split('.')
        .next()
        .and_then(|m| m.trim().parse().ok());
    let supported = major.is_some_and(|m| m >= 2);
    let mut out = vec![
        (
            if supported {
                Outcome::Ok
            } else {
                Outcome::Blocking
            },
            Finding::Version {
                version: state.version.clone(),
                supported,
            },
        ),
        (
            if state.service_running {
                Outcome::Ok
            } else {
                Outcome::Warning
            },
            Finding::Service {
                running: state.service_running,
            },
        ),
    ];
    for e in &state.endpoints {
        out.push((
            if e.reachable {
                Outcome::Ok
            } else {
                Outcome::Warning
            },
            Finding::Endpoint {
                host: e.host.clone(),
                reachable: e.reachable,
            },
        ));
    }
    out
}
