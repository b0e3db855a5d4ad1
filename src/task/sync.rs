//! Step 2: switch on password writeback on the Entra Connect server, read
//! it back; undo switches it off.

use crate::audit::{Change, Outcome, Plane, Target, Trail};
use crate::backend::cloudsync::{
    CloudSyncAgent, CloudSyncState, MIN_AGENT_VERSION, TenantAdmin, parse_version,
};
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
            Outcome::ok_if(supported, Outcome::Blocking),
            Finding::Version {
                version: state.version.clone(),
                supported,
            },
        ),
        (
            Outcome::ok_if(state.service_running, Outcome::Warning),
            Finding::Service {
                running: state.service_running,
            },
        ),
    ];
    for e in &state.endpoints {
        out.push((
            Outcome::ok_if(e.reachable, Outcome::Warning),
            Finding::Endpoint {
                host: e.host.clone(),
                reachable: e.reachable,
            },
        ));
    }
    out
}

/// What a Cloud Sync switch did. The setting cannot be read back (no
/// documented cmdlet reads it), so success means "set, not readable".
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CloudSyncReport {
    /// The agent as read before the switch.
    pub agent: CloudSyncState,
    /// The value the cmdlet accepted.
    pub set: bool,
    /// Whether the result was read back and confirmed (always false with
    /// today's cmdlets; kept honest rather than assumed).
    pub read_back: bool,
}

/// Reads the provisioning agent's state (Cloud Sync).
pub async fn cloud_sync_status<A: CloudSyncAgent>(
    agent: &mut A,
) -> Result<CloudSyncState, SyncError> {
    agent.agent_state().await
}

/// Sets Cloud Sync password writeback to `on`, signed in as `admin`. It is
/// always sent (the current value cannot be read); a value read back, should
/// the agent ever report one, must match. The switch is recorded in `trail`
/// (the tenant administrator as the account, never the password).
pub async fn cloud_sync_set<A: CloudSyncAgent>(
    agent: &mut A,
    on: bool,
    admin: &TenantAdmin,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<CloudSyncReport, SyncError> {
    progress(Progress::Reading);
    let before = agent.agent_state().await?;
    trail.ready().map_err(|e| SyncError::Audit(e.to_string()))?;
    let switched = async {
        progress(Progress::Switching);
        agent.set_cloud_sync_writeback(on, admin).await?;
        progress(Progress::ReadingBack);
        let after = agent.agent_state().await?;
        match after.writeback {
            Some(value) if value != on => Err(SyncError::ReadBack),
            Some(_) => Ok(CloudSyncReport {
                agent: after,
                set: on,
                read_back: true,
            }),
            None => Ok(CloudSyncReport {
                agent: before.clone(),
                set: on,
                read_back: false,
            }),
        }
    }
    .await;
    let result = match &switched {
        Ok(_) => Outcome::Ok,
        Err(e) => Outcome::Failed {
            reason: e.to_string(),
        },
    };
    let mut change = Change::setting(
        Plane::Connect,
        on,
        Target {
            server: Some(agent.agent_host()),
            ..Target::default()
        },
        serde_json::json!({ "cloud_sync_password_writeback": before.writeback }),
        serde_json::json!({
            "cloud_sync_password_writeback": switched.as_ref().ok().map(|r| r.set),
            "read_back": switched.as_ref().is_ok_and(|r| r.read_back),
        }),
        result,
    );
    change.account = Some(admin.user.clone());
    trail.record_after(change);
    switched
}

/// Pre-flight findings of the Cloud Sync agent.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "check", rename_all = "kebab-case")]
pub enum AgentFinding {
    /// The agent version, and whether it supports writeback (1.1.977.0 or
    /// later); `None` when unknown.
    AgentVersion {
        /// As reported.
        version: String,
        /// Supported, or unknown.
        supported: Option<bool>,
    },
    /// The AADConnectProvisioningAgent service runs.
    AgentService {
        /// Running.
        running: bool,
    },
    /// The writeback setting cannot be read.
    NotReadable,
}

/// The checks of the Cloud Sync variant on a state read.
pub fn agent_findings(
    state: &CloudSyncState,
) -> Vec<(crate::task::permissions::Outcome, AgentFinding)> {
    use crate::task::permissions::Outcome;
    let supported = parse_version(&state.version).map(|v| v >= MIN_AGENT_VERSION);
    let mut out = vec![
        (
            match supported {
                Some(true) => Outcome::Ok,
                Some(false) => Outcome::Blocking,
                None => Outcome::Warning,
            },
            AgentFinding::AgentVersion {
                version: state.version.clone(),
                supported,
            },
        ),
        (
            Outcome::ok_if(state.service_running, Outcome::Warning),
            AgentFinding::AgentService {
                running: state.service_running,
            },
        ),
    ];
    if state.writeback.is_none() {
        out.push((Outcome::Warning, AgentFinding::NotReadable));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::Secret;
    use crate::task::permissions::Outcome;

    /// An agent that records what it was asked.
    #[derive(Default)]
    struct Agent {
        state: CloudSyncState,
        sets: Vec<(bool, String)>,
        refuse: bool,
        readable: Option<bool>,
    }

    impl CloudSyncAgent for Agent {
        fn agent_host(&self) -> String {
            "agent".into()
        }
        async fn agent_state(&mut self) -> Result<CloudSyncState, SyncError> {
            Ok(CloudSyncState {
                writeback: if self.sets.is_empty() {
                    None
                } else {
                    self.readable
                },
                ..self.state.clone()
            })
        }
        async fn set_cloud_sync_writeback(
            &mut self,
            on: bool,
            admin: &TenantAdmin,
        ) -> Result<(), SyncError> {
            if self.refuse {
                return Err(SyncError::SignInRefused("AADSTS50126".into()));
            }
            self.sets.push((on, admin.user.clone()));
            Ok(())
        }
    }

    fn admin() -> TenantAdmin {
        TenantAdmin {
            user: "admin@contoso.onmicrosoft.com".into(),
            password: Secret::new("x"),
        }
    }

    fn block<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn cloud_sync_set_is_sent_and_reported_not_readable() {
        let mut agent = Agent::default();
        let mut steps = Vec::new();
        let trail = Trail::new(None);
        let report = block(cloud_sync_set(
            &mut agent,
            true,
            &admin(),
            &trail,
            &mut |p| steps.push(p),
        ))
        .unwrap();
        assert_eq!(agent.sets, vec![(true, admin().user)]);
        // Recorded as set-not-read-back, with the admin's name only.
        let records = trail.records();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].after["read_back"], false);
        assert_eq!(
            records[0].account.as_deref(),
            Some("admin@contoso.onmicrosoft.com")
        );
        assert!(
            !serde_json::to_string(&records[0])
                .unwrap()
                .contains("\"x\"")
        );
        assert!(report.set);
        assert!(!report.read_back);
        assert_eq!(report.agent.writeback, None);
        assert_eq!(
            steps,
            vec![
                Progress::Reading,
                Progress::Switching,
                Progress::ReadingBack
            ]
        );
    }

    #[test]
    fn a_readable_value_must_match() {
        let mut agent = Agent {
            readable: Some(false),
            ..Agent::default()
        };
        assert_eq!(
            block(cloud_sync_set(
                &mut agent,
                true,
                &admin(),
                &Trail::new(None),
                &mut |_| {}
            )),
            Err(SyncError::ReadBack)
        );
        let mut agent = Agent {
            readable: Some(true),
            ..Agent::default()
        };
        let report = block(cloud_sync_set(
            &mut agent,
            true,
            &admin(),
            &Trail::new(None),
            &mut |_| {},
        ))
        .unwrap();
        assert!(report.read_back);
    }

    #[test]
    fn a_refused_sign_in_is_passed_on() {
        let mut agent = Agent {
            refuse: true,
            ..Agent::default()
        };
        assert!(matches!(
            block(cloud_sync_set(
                &mut agent,
                false,
                &admin(),
                &Trail::new(None),
                &mut |_| {}
            )),
            Err(SyncError::SignInRefused(_))
        ));
    }

    #[test]
    fn the_demo_agent_goes_through_the_same_task() {
        let mut server = crate::session::Env::demo(true).sync_server();
        let report = block(cloud_sync_set(
            &mut server,
            true,
            &admin(),
            &Trail::new(None),
            &mut |_| {},
        ))
        .unwrap();
        assert!(report.set);
        assert!(!report.read_back, "the demo does not pretend either");
        assert_eq!(report.agent.version, "1.1.1370.0");
        let refused = block(cloud_sync_set(
            &mut server,
            true,
            &TenantAdmin::default(),
            &Trail::new(None),
            &mut |_| {},
        ));
        assert!(matches!(refused, Err(SyncError::SignInRefused(_))));
    }

    #[test]
    fn agent_findings_grade_the_version() {
        let state = |v: &str| CloudSyncState {
            version: v.into(),
            service_running: true,
            writeback: None,
        };
        let outcome = |v: &str| agent_findings(&state(v))[0].0;
        assert_eq!(outcome("1.1.1370.0"), Outcome::Ok);
        assert_eq!(outcome("1.1.587.0"), Outcome::Blocking);
        assert_eq!(outcome(""), Outcome::Warning);
        let all = agent_findings(&state("1.1.1370.0"));
        assert!(all.contains(&(Outcome::Warning, AgentFinding::NotReadable)));
    }
}
