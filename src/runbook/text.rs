//! Audit records in words: shared by the runbook and `writeback-wizard log`.

use super::Line;
use crate::audit::{Action, BlockedGroup, Outcome, Plane, Reading, Record, Target};
use crate::fl;
use crate::task::access::Reason;

/// The plane's name.
pub fn plane(p: Plane) -> String {
    match p {
        Plane::Ad => fl!("runbook-plane-ad"),
        Plane::Connect => fl!("runbook-plane-connect"),
        Plane::Portal => fl!("runbook-plane-portal"),
        Plane::Pilot => fl!("runbook-plane-pilot"),
    }
}

/// What was done.
pub fn action(a: Action) -> String {
    match a {
        Action::Grant => fl!("runbook-action-grant"),
        Action::Rollback => fl!("runbook-action-rollback"),
        Action::Enable => fl!("runbook-action-enable"),
        Action::Disable => fl!("runbook-action-disable"),
        Action::Test => fl!("runbook-action-test"),
        Action::Replicate => fl!("dcs-action-replicate"),
    }
}

/// Where: server, DN and tenant, those that are set.
pub fn target(t: &Target) -> String {
    [&t.server, &t.dn, &t.tenant]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// How it ended.
pub fn result(o: &Outcome) -> String {
    match o {
        Outcome::Ok => fl!("runbook-result-ok"),
        Outcome::Failed { reason } => fl!("runbook-result-failed", reason = reason.clone()),
        Outcome::Pending => fl!("runbook-result-pending"),
    }
}

/// Who: the OS user, and the account used on the plane.
pub fn operator(r: &Record) -> String {
    match &r.account {
        Some(a) if !a.is_empty() => format!("{} ({a})", r.operator),
        _ => r.operator.clone(),
    }
}

/// A setting's name.
fn setting(key: &str) -> String {
    match key {
        "password_writeback" => fl!("runbook-setting-password-writeback"),
        "writeback" => fl!("portal-writeback"),
        "unlock" => fl!("portal-unlock"),
        "cloud_sync_password_writeback" => fl!("runbook-setting-cloud-sync"),
        "read_back" => fl!("runbook-setting-read-back"),
        "pwd_last_set" => fl!("runbook-setting-pwd-last-set"),
        "result" => fl!("runbook-setting-pilot-result"),
        "cloud" => fl!("runbook-setting-pilot-cloud"),
        other => other.to_string(),
    }
}

/// A setting's value.
fn state(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Bool(true) => fl!("state-on"),
        serde_json::Value::Bool(false) => fl!("state-off"),
        serde_json::Value::Null => fl!("runbook-value-unknown"),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The facts of a change as (label, value) pairs: time, operator, target,
/// result and, when one was saved, the backup.
pub fn facts(r: &Record) -> Vec<(String, String)> {
    let mut facts = vec![
        (fl!("runbook-time"), r.time.clone()),
        (fl!("runbook-operator"), operator(r)),
        (fl!("runbook-target"), target(&r.target)),
        (fl!("runbook-result"), result(&r.result)),
    ];
    if let Some(b) = &r.backup {
        facts.push((fl!("runbook-backup"), backup(b, r.demo)));
    }
    facts
}

/// A backup file as shown: its full path, or for the demo organization
/// (whose backups live in a scratch folder) its file name only.
pub fn backup(path: &str, demo: bool) -> String {
    if !demo {
        return path.to_string();
    }
    std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// Settings before → after, one line per setting ("Password writeback:
/// off → on"); empty for SDDL records.
pub fn settings(r: &Record) -> Vec<String> {
    if r.plane == Plane::Pilot {
        return pilot(r);
    }
    let (Some(before), after) = (r.before.as_object(), r.after.as_object()) else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = before.keys().collect();
    if let Some(a) = after {
        keys.extend(a.keys().filter(|k| !before.contains_key(*k)));
    }
    keys.into_iter()
        .map(|k| {
            let b = before.get(k).cloned().unwrap_or_default();
            let a = after.and_then(|a| a.get(k)).cloned().unwrap_or_default();
            format!("{}: {} → {}", setting(k), state(&b), state(&a))
        })
        .collect()
}

/// A pilot test's lines: the user, its result, the cloud's status and
/// `pwdLastSet` before → after.
fn pilot(r: &Record) -> Vec<String> {
    let get = |v: &serde_json::Value, k: &str| v.get(k).cloned().unwrap_or_default();
    let mut lines = Vec::new();
    if let Some(user) = r.after.get("user").or_else(|| r.before.get("user")) {
        lines.push(format!(
            "{}: {}",
            fl!("runbook-setting-pilot-user"),
            state(user)
        ));
    }
    let result = match r.after.get("result").and_then(|v| v.as_str()) {
        Some("proven") => fl!("prove-result-proven"),
        Some("failed") => fl!("prove-result-failed"),
        Some("unproven") => fl!("prove-result-unproven"),
        _ => fl!("runbook-value-unknown"),
    };
    lines.push(format!("{}: {result}", fl!("runbook-setting-pilot-result")));
    if let Some(cloud) = r.after.get("cloud") {
        lines.push(format!(
            "{}: {}",
            fl!("runbook-setting-pilot-cloud"),
            state(cloud)
        ));
    }
    lines.push(format!(
        "{}: {} → {}",
        fl!("runbook-setting-pwd-last-set"),
        state(&get(&r.before, "pwd_last_set")),
        state(&get(&r.after, "pwd_last_set"))
    ));
    lines
}

/// The SDDL before and after, for AD records.
pub fn sddl(r: &Record) -> Option<(String, String)> {
    match (&r.before, &r.after) {
        (serde_json::Value::String(b), serde_json::Value::String(a)) => {
            Some((b.clone(), a.clone()))
        }
        _ => None,
    }
}

/// A one-line summary of the change (for the log table).
pub fn summary(r: &Record) -> String {
    let mut parts = settings(r);
    if !r.added.is_empty() {
        parts.push(fl!("runbook-aces-added", count = r.added.len()));
    }
    if !r.removed.is_empty() {
        parts.push(fl!("runbook-aces-removed", count = r.removed.len()));
    }
    parts.join("; ")
}

/// What Verify read on a plane, as runbook lines.
pub fn reading(p: Plane, r: &Reading) -> Vec<Line> {
    use crate::task::permissions::Outcome as Grade;
    match r {
        Reading::Users {
            scanned,
            carrying,
            ungranted,
            unexpire_missing,
            groups,
        } => {
            let mut lines = vec![Line::status(
                Grade::ok_if(carrying == scanned, Grade::Warning),
                fl!(
                    "verify-summary",
                    carrying = carrying.to_owned(),
                    total = scanned.to_owned()
                ),
            )];
            let warn = |text: String| Line::status(Grade::Warning, text);
            for (target, users) in ungranted {
                lines.push(warn(fl!(
                    "verify-target-ungranted",
                    target = target.as_str(),
                    count = users.to_owned()
                )));
            }
            for dn in unexpire_missing {
                lines.push(warn(fl!("check-unexpire-missing", dn = dn.as_str())));
            }
            for g in groups {
                lines.extend(group(g).into_iter().map(warn));
            }
            lines
        }
        Reading::Settings { values } => {
            let on = |k: &str| values.get(k).and_then(|v| v.as_bool()) == Some(true);
            match p {
                Plane::Connect if on("password_writeback") => {
                    vec![Line::status(Grade::Ok, fl!("connect-on"))]
                }
                Plane::Connect => vec![Line::status(Grade::Warning, fl!("connect-off"))],
                Plane::Portal if on("writeback") && on("unlock") => {
                    vec![Line::status(Grade::Ok, fl!("verify-portal-on"))]
                }
                Plane::Portal => vec![Line::status(Grade::Warning, fl!("verify-portal-off"))],
                _ => Vec::new(),
            }
        }
        Reading::Failed { reason } => vec![Line::status(
            Grade::Warning,
            fl!(
                "runbook-read-failed",
                plane = plane(p),
                reason = reason.as_str()
            ),
        )],
    }
}

/// Users out of reach for one reason: the count, reason and fix, the
/// first users, how many more.
fn group(g: &BlockedGroup) -> Vec<String> {
    let (reason, fix) = match serde_json::from_value::<Reason>(g.reason.clone()) {
        Ok(r) => (crate::explain::reason(&r), crate::explain::fix(&r)),
        // Written by another version: its name, as recorded.
        Err(_) => (
            g.reason
                .get("kind")
                .and_then(|k| k.as_str())
                .unwrap_or_default()
                .to_string(),
            String::new(),
        ),
    };
    let mut lines = vec![fl!(
        "reach-group",
        count = g.count,
        reason = reason,
        fix = fix
    )];
    for (name, dn, rights) in &g.first {
        let rights: Vec<String> = rights
            .iter()
            .map(|r| crate::explain::right_text(r))
            .collect();
        let user = fl!(
            "blocked-user",
            name = name.as_str(),
            dn = dn.as_str(),
            rights = rights.join(", ")
        );
        lines.push(format!("{}{user}", crate::explain::SUB));
    }
    let more = g.count.saturating_sub(g.first.len() as u64);
    if more > 0 {
        lines.push(format!(
            "{}{}",
            crate::explain::SUB,
            fl!("reach-more", count = more)
        ));
    }
    lines
}
