//! Running the pilot test, phase by phase: [`preflight`] (may it start,
//! and the password as AD shows it before), [`reset`] (the POST, sent
//! once), [`Test::follow`] (the cloud's operation), [`Test::verdict`] (its
//! failure explained, or [`Test::watch`] AD until the reset shows). The
//! audit trail records the intent before the POST and the end of the test
//! ([`Record`]).

use std::time::{Duration, Instant, SystemTime};

use serde_json::json;

use super::pick::pwd_last_set_of;
use super::{
    Cancel, Options, Outcome, Pilot, Progress, ProveError, Report, Unproven, tenant_error,
};
use crate::ad::filetime::{filetime, filetime_text};
use crate::ad::password::Rules;
use crate::ad::replmeta::{self, Stamp};
use crate::audit::{self, Action, Change, Plane, Trail};
use crate::backend::tenant::{OperationStatus, PilotTenant, TenantError};
use crate::backend::{Directory, Scope, Secret};
use crate::task::diagnose::cause_of;

/// Resets the pilot's password in the cloud to one generated here, follows
/// the operation, then watches its `pwdLastSet`; records the intent before
/// the POST and the test (user, result; never the password) in `trail`.
pub async fn run<T: PilotTenant, D: Directory>(
    tenant: &mut T,
    dir: &mut D,
    pilot: &Pilot,
    options: &Options,
    trail: &Trail,
    cancel: &Cancel,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Report, ProveError> {
    let began = Instant::now();
    let before = preflight(dir, pilot, trail, cancel, progress).await?;
    let started = trail.now();
    let record = Record::new(tenant, dir, pilot, trail, before.pwd_last_set);
    let password = new_password(&pilot.rules)?;
    record.intend()?;
    let test = Test {
        pilot,
        options,
        cancel,
        password: &password,
    };
    let ended = async {
        let location = reset(tenant, &test, progress).await?;
        let (cloud, status) = test.follow(tenant, location, progress).await?;
        let (outcome, after) = test.verdict(cloud, dir, &before, started, progress).await?;
        Ok((outcome, after, status))
    }
    .await;
    let (outcome, after, status) = match ended {
        Ok(ended) => ended,
        Err(e) => {
            record.failed(&e);
            return Err(e);
        }
    };
    record.ended(&outcome, after.pwd_last_set, status);
    tracing::info!(
        user = record.upn,
        dn = pilot.dn,
        result = outcome.slug(),
        cloud = ?status,
        "pilot test"
    );
    Ok(Report {
        outcome,
        user: record.upn,
        dn: pilot.dn.clone(),
        tenant: tenant.tenant_id(),
        started: audit::rfc3339(started),
        cloud: status,
        pwd_last_set_before: filetime_text(before.pwd_last_set),
        pwd_last_set_after: filetime_text(after.pwd_last_set),
        password_version_before: before.meta.as_ref().map(|m| m.version),
        password_version_after: after.meta.as_ref().map(|m| m.version),
        must_change_password: after.pwd_last_set == 0,
        seconds: began.elapsed().as_secs(),
        new_password: Some(password),
    })
}

/// Phase 1, before anything changes: the audit log can be written, nobody
/// cancelled; the pilot's password as AD shows it now.
async fn preflight<D: Directory>(
    dir: &mut D,
    pilot: &Pilot,
    trail: &Trail,
    cancel: &Cancel,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<PwdState, ProveError> {
    trail
        .ready()
        .map_err(|e| ProveError::Audit(e.to_string()))?;
    if cancel.is_cancelled() {
        return Err(ProveError::Cancelled {
            reset_sent: false,
            new_password: None,
        });
    }
    progress(Progress::ReadingDirectory);
    read_state(dir, &pilot.dn).await
}

/// A password for the pilot from the operating system's CSPRNG.
fn new_password(rules: &Rules) -> Result<Secret, ProveError> {
    crate::ad::password::generate(rules, &mut |buf: &mut [u8]| getrandom::fill(buf).is_ok())
        .map(Secret::new)
        .ok_or(ProveError::NoPassword)
}

/// Phase 2: sends the reset, once (never resent, even after a timeout):
/// where to follow the operation, and when to ask first. From here on the
/// password may have changed, and every failure carries it.
async fn reset<T: PilotTenant>(
    tenant: &mut T,
    test: &Test<'_>,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Accepted, ProveError> {
    progress(Progress::Resetting);
    let user = &test.pilot.user;
    let started = match tenant.reset_password(&user.id, test.password).await {
        Ok(r) => r,
        // No answer: the POST may have been carried out.
        Err(TenantError::Timeout) => return Err(test.status_unknown(TenantError::Timeout)),
        Err(e) => {
            let admin = matches!(&user.admin_roles, Some(r) if !r.is_empty());
            return Err(tenant_error(e, &user.user_principal_name, admin));
        }
    };
    let Some(location) = started.location else {
        return Err(test.status_unknown(TenantError::ApiChanged(
            "resetPassword accepted without Location".into(),
        )));
    };
    Ok(Accepted {
        location,
        retry_after: started.retry_after,
    })
}

/// A reset Graph accepted.
struct Accepted {
    /// The operation's address.
    location: String,
    /// When to ask first.
    retry_after: Option<Duration>,
}

/// What the cloud did.
enum Cloud {
    Succeeded,
    Failed(Option<String>),
    StillRunning,
}

/// One test once the reset is sent: the pilot, the limits, the cancel
/// token and the new password (for every failure from here on).
struct Test<'a> {
    pilot: &'a Pilot,
    options: &'a Options,
    cancel: &'a Cancel,
    password: &'a Secret,
}

impl Test<'_> {
    /// Phase 3: follows the cloud's operation until it ends or its limit
    /// passes; the last status seen.
    async fn follow<T: PilotTenant>(
        &self,
        tenant: &mut T,
        accepted: Accepted,
        progress: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<(Cloud, OperationStatus), ProveError> {
        let sent = Instant::now();
        let limit = self.options.cloud_timeout.as_secs();
        let mut wait = accepted.retry_after;
        let mut status = OperationStatus::NotStarted;
        loop {
            let poll = self.options.poll;
            let pause = wait.unwrap_or(poll).max(poll).min(Duration::from_secs(10));
            if sent.elapsed() + pause > self.options.cloud_timeout {
                return Ok((Cloud::StillRunning, status));
            }
            if !self.cancel.sleep(pause).await {
                return Err(self.cancelled());
            }
            let answer = tenant
                .reset_status(&accepted.location)
                .await
                .map_err(|e| self.status_unknown(e))?;
            status = answer.status;
            wait = answer.retry_after;
            progress(Progress::CloudStatus {
                status,
                elapsed: sent.elapsed().as_secs(),
                limit,
            });
            match status {
                OperationStatus::Succeeded => return Ok((Cloud::Succeeded, status)),
                OperationStatus::Failed => return Ok((Cloud::Failed(answer.detail), status)),
                _ => {}
            }
        }
    }

    /// Phase 4, the verdict: the cloud's failure with its cause, the cloud
    /// still running, or (it succeeded) what AD shows; with the password's
    /// state in AD at the end.
    async fn verdict<D: Directory>(
        &self,
        cloud: Cloud,
        dir: &mut D,
        before: &PwdState,
        started: SystemTime,
        progress: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<(Outcome, PwdState), ProveError> {
        match cloud {
            Cloud::Failed(detail) => {
                let cause = cause_of(0, detail.as_deref().unwrap_or(""));
                Ok((Outcome::Failed { detail, cause }, before.clone()))
            }
            Cloud::StillRunning => Ok((
                Outcome::Unproven {
                    why: Unproven::CloudStillRunning,
                },
                before.clone(),
            )),
            Cloud::Succeeded => self.watch(dir, before, started, progress).await,
        }
    }

    /// Watches the pilot's password in AD until it shows the reset
    /// ([`written`] past the reset's start, less the clock skew allowed)
    /// or the wait ends.
    async fn watch<D: Directory>(
        &self,
        dir: &mut D,
        before: &PwdState,
        started: SystemTime,
        progress: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<(Outcome, PwdState), ProveError> {
        let options = self.options;
        let floor = filetime(started) - (options.clock_skew.as_nanos() / 100) as i64;
        let waited = Instant::now();
        let limit = options.directory_wait.as_secs();
        loop {
            let now = read_state(dir, &self.pilot.dn).await?;
            if written(before, &now, floor) {
                return Ok((Outcome::Proven, now));
            }
            progress(Progress::WaitingForDirectory {
                elapsed: waited.elapsed().as_secs(),
                limit,
            });
            if waited.elapsed() + options.poll > options.directory_wait {
                let why = Unproven::DirectoryUnchanged;
                return Ok((Outcome::Unproven { why }, now));
            }
            if !self.cancel.sleep(options.poll).await {
                return Err(self.cancelled());
            }
        }
    }

    /// Cancelled after the reset was sent: the password changed.
    fn cancelled(&self) -> ProveError {
        ProveError::Cancelled {
            reset_sent: true,
            new_password: Some(self.password.clone()),
        }
    }

    /// Graph accepted the reset (or may have): the password changed while
    /// the status is unknown.
    fn status_unknown(&self, error: TenantError) -> ProveError {
        tracing::warn!(error = %error, "the reset's status could not be read");
        ProveError::StatusUnknown {
            error,
            new_password: Some(self.password.clone()),
        }
    }
}

/// What AD shows of a user's password: `pwdLastSet` and, when it can be
/// read, `unicodePwd`'s replication metadata (Windows'
/// `msDS-ReplAttributeMetaData`, else the binary `replPropertyMetaData`).
#[derive(Clone, Debug, PartialEq, Eq)]
struct PwdState {
    pwd_last_set: i64,
    meta: Option<Stamp>,
}

async fn read_state<D: Directory>(dir: &mut D, dn: &str) -> Result<PwdState, ProveError> {
    let attributes = [
        "pwdLastSet",
        "msDS-ReplAttributeMetaData",
        "replPropertyMetaData",
    ];
    let found = dir
        .search(dn, Scope::Base, "(objectClass=*)", &attributes, false)
        .await?;
    let Some(e) = found.first() else {
        return Ok(PwdState {
            pwd_last_set: 0,
            meta: None,
        });
    };
    let meta = replmeta::from_constructed(&e.texts("msDS-ReplAttributeMetaData"), "unicodePwd")
        .or_else(|| {
            e.first("replPropertyMetaData")
                .and_then(|b| replmeta::from_binary(b, replmeta::ATTID_UNICODE_PWD))
        });
    Ok(PwdState {
        pwd_last_set: pwd_last_set_of(e),
        meta,
    })
}

/// Whether AD shows the reset: `unicodePwd`'s version went up (reruns
/// too, when `pwdLastSet` stays 0), else `pwdLastSet` moved to 0 or past
/// `floor`.
fn written(before: &PwdState, after: &PwdState, floor: i64) -> bool {
    if let (Some(b), Some(a)) = (&before.meta, &after.meta) {
        if a.version > b.version {
            return true;
        }
    }
    after.pwd_last_set != before.pwd_last_set
        && (after.pwd_last_set == 0 || after.pwd_last_set >= floor)
}

/// The test's audit records: its intent before the POST, then how it
/// ended (the user and the result; never the password).
struct Record<'a> {
    trail: &'a Trail,
    upn: String,
    account: Option<String>,
    target: audit::Target,
    before: i64,
}

impl<'a> Record<'a> {
    fn new<T: PilotTenant, D: Directory>(
        tenant: &T,
        dir: &D,
        pilot: &Pilot,
        trail: &'a Trail,
        before: i64,
    ) -> Record<'a> {
        Record {
            trail,
            upn: pilot.user.user_principal_name.clone(),
            account: tenant.signed_in_user(),
            target: audit::Target {
                server: Some(dir.server()),
                dn: Some(pilot.dn.clone()),
                tenant: Some(tenant.tenant_id()),
            },
            before,
        }
    }

    fn change(&self, after: serde_json::Value, result: audit::Outcome) -> Change {
        Change {
            plane: Plane::Pilot,
            action: Action::Test,
            account: self.account.clone(),
            target: self.target.clone(),
            before: json!({"user": self.upn, "pwd_last_set": filetime_text(self.before)}),
            after,
            added: Vec::new(),
            removed: Vec::new(),
            result,
            backup: None,
        }
    }

    /// The intent, before the POST: the test does not start unless it is
    /// recorded.
    fn intend(&self) -> Result<(), ProveError> {
        let after = json!({"user": self.upn, "result": "resetting"});
        self.trail
            .intend(self.change(after, audit::Outcome::Pending))
            .map_err(|e| ProveError::Audit(e.to_string()))
    }

    /// A test that ended with a result.
    fn ended(&self, outcome: &Outcome, after: i64, cloud: OperationStatus) {
        let after = json!({
            "user": self.upn,
            "result": outcome.slug(),
            "cloud": cloud,
            "pwd_last_set": filetime_text(after),
        });
        let result = match outcome {
            Outcome::Proven => audit::Outcome::Ok,
            Outcome::Failed { detail, .. } => audit::Outcome::Failed {
                reason: format!("failed: {}", detail.clone().unwrap_or_default()),
            },
            Outcome::Unproven { .. } => audit::Outcome::Failed {
                reason: outcome.slug().to_string(),
            },
        };
        self.trail.record_after(self.change(after, result));
    }

    /// A test that ended with an error after its intent was recorded.
    fn failed(&self, e: &ProveError) {
        let reason = match e {
            ProveError::Cancelled {
                reset_sent: true, ..
            } => "cancelled after the reset was sent".to_string(),
            e => e.to_string(),
        };
        let after = json!({"user": self.upn, "result": "error"});
        self.trail
            .record_after(self.change(after, audit::Outcome::Failed { reason }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn a_rerun_is_proven_by_the_password_version() {
        let meta = |version| {
            Some(Stamp {
                version,
                changed: UNIX_EPOCH,
            })
        };
        let zero = |v| PwdState {
            pwd_last_set: 0,
            meta: meta(v),
        };
        assert!(
            written(&zero(3), &zero(4), 100),
            "0 stays 0, the version moves"
        );
        assert!(!written(&zero(4), &zero(4), 100));
        let set = |t, v| PwdState {
            pwd_last_set: t,
            meta: v,
        };
        assert!(written(&set(50, None), &set(0, None), 100), "to 0");
        assert!(written(&set(50, None), &set(150, None), 100));
        assert!(
            !written(&set(50, None), &set(60, None), 100),
            "before the start"
        );
        assert!(!written(&set(0, None), &set(0, None), 100));
    }
}
