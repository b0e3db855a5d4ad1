//! `sync status|enable|disable --cloud-sync`: the Cloud Sync variant of
//! step 2. Status reads the provisioning agent; enable and disable sign in
//! to the tenant as a tenant administrator, whose password comes from
//! `WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD` or a prompt, never from argv.

use std::io::IsTerminal;

use super::{exit, print_error};
use crate::backend::Secret;
use crate::backend::any::AnySync;
use crate::backend::cloudsync::{CloudSyncState, TENANT_PASSWORD_ENV, TenantAdmin};
use crate::task::permissions::Outcome;
use crate::task::sync::{self, CloudSyncReport};
use crate::{explain, fl};

/// The tenant administrator: the user from `--tenant-admin` or the
/// profile, the password from the environment or a prompt.
fn tenant_admin(user: Option<String>) -> Result<TenantAdmin, String> {
    let user = user
        .filter(|u| !u.trim().is_empty())
        .ok_or_else(|| fl!("cli-error-missing", option = "--tenant-admin"))?;
    let password = match std::env::var(TENANT_PASSWORD_ENV) {
        Ok(value) => Secret::new(value),
        Err(_) if std::io::stdin().is_terminal() => {
            let prompt = format!(
                "{} ",
                fl!("cli-tenant-password-prompt", user = user.clone())
            );
            rpassword::prompt_password(prompt)
                .map(Secret::new)
                .map_err(|e| e.to_string())?
        }
        Err(_) => {
            return Err(fl!(
                "cli-error-no-tenant-password",
                var = TENANT_PASSWORD_ENV
            ));
        }
    };
    Ok(TenantAdmin { user, password })
}

fn state_word(writeback: Option<bool>) -> String {
    match writeback {
        Some(true) => fl!("state-on"),
        Some(false) => fl!("state-off"),
        None => fl!("cloudsync-not-readable"),
    }
}

fn render_status(state: &CloudSyncState, host: &str, json: bool) -> (String, bool) {
    let findings = sync::agent_findings(state);
    let blocked = findings.iter().any(|(o, _)| *o == Outcome::Blocking);
    if json {
        let checks = super::checks_json(&findings);
        let doc = serde_json::json!({
            "host": host, "mode": "cloud-sync", "state": state, "checks": checks
        });
        return (doc.to_string(), blocked);
    }
    let mut lines = vec![fl!(
        "cli-cloudsync-state",
        host = host,
        version = state.version.clone(),
        state = state_word(state.writeback)
    )];
    for (o, f) in &findings {
        lines.push(super::finding_line(*o, &explain::agent_finding(f)));
    }
    (lines.join("\n"), blocked)
}

fn render_set(report: &CloudSyncReport, host: &str, json: bool) -> String {
    if json {
        return serde_json::json!({
            "host": host, "mode": "cloud-sync", "set": report.set,
            "read_back": report.read_back, "state": report.agent
        })
        .to_string();
    }
    let state = state_word(Some(report.set));
    if report.read_back {
        fl!("cli-cloudsync-set-confirmed", host = host, state = state)
    } else {
        fl!("cli-cloudsync-set", host = host, state = state)
    }
}

/// Runs the Cloud Sync variant and returns the exit status.
pub fn run(
    server: &mut AnySync,
    host: &str,
    set: Option<bool>,
    admin: Option<String>,
    json: bool,
) -> u8 {
    let Some(on) = set else {
        return match super::run_cancellable(sync::cloud_sync_status(server)) {
            None => cancelled(),
            Some(Err(e)) => failed(&e),
            Some(Ok(state)) => {
                let (text, blocked) = render_status(&state, host, json);
                println!("{text}");
                if blocked { exit::BLOCKED } else { exit::OK }
            }
        };
    };
    let admin = match tenant_admin(admin) {
        Ok(admin) => admin,
        Err(message) => {
            print_error(&message);
            return exit::USAGE;
        }
    };
    match super::run_cancellable(sync::cloud_sync_set(
        server,
        on,
        &admin,
        &crate::audit::Trail::standard(),
        &mut |_| {},
    )) {
        None => cancelled(),
        Some(Err(e)) => failed(&e),
        Some(Ok(report)) => {
            println!("{}", render_set(&report, host, json));
            exit::OK
        }
    }
}

fn cancelled() -> u8 {
    print_error(&fl!("cli-cancelled"));
    exit::FAILED
}

fn failed(e: &crate::backend::sync::SyncError) -> u8 {
    print_error(&explain::sync_error(e));
    exit::FAILED
}
