//! `portal status|enable|disable`: step 3 from the command line — sign in
//! (system browser, or `--device-code`), then the same task code as the
//! wizard's portal page, on the tenant the run's `Env` gives (the demo's
//! with `--demo`).

use clap::{Args, Subcommand};

use super::settings::{SettingsArgs, Start};
use super::{exit, print_error};
use crate::backend::entra::SignInConfig;
use crate::backend::tenant::{PortalPolicy, TenantError};
use crate::session::{Credentials, Edit};
use crate::task::permissions::Outcome;
use crate::task::portal::{self, Method, SignInProgress, SignedIn};
use crate::{explain, fl};

/// `portal` subcommands.
#[derive(Debug, Subcommand)]
pub enum PortalCommand {
    /// Show the on-premises integration settings and the tenant's checks.
    Status(PortalArgs),
    /// Turn on "write back passwords" and "unlock without reset", then read back.
    Enable(PortalArgs),
    /// Turn both off again (undo), then read back.
    Disable(PortalArgs),
}

/// Options of every `portal` subcommand: the tenant (`--tenant`,
/// `--client-id`; default: the profile's, else any work account with Azure
/// CLI's client) and `--cloud-sync` (also "write back passwords with
/// cloud sync") come with the run's settings.
#[derive(Debug, Clone, Args)]
pub struct PortalArgs {
    /// The run's settings.
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Sign in with a code entered on any device instead of the browser.
    #[arg(long)]
    pub device_code: bool,
    /// Print one JSON document.
    #[arg(long)]
    pub json: bool,
}

fn state(on: bool) -> String {
    if on {
        fl!("state-on")
    } else {
        fl!("state-off")
    }
}

fn policy_lines(p: &PortalPolicy, cloud: bool) -> Vec<String> {
    let mut lines = vec![
        fl!(
            "cli-portal-setting",
            setting = fl!("portal-writeback"),
            state = state(p.writeback)
        ),
        fl!(
            "cli-portal-setting",
            setting = fl!("portal-unlock"),
            state = state(p.unlock)
        ),
    ];
    if cloud {
        lines.push(fl!(
            "cli-portal-setting",
            setting = fl!("portal-cloud-sync"),
            state = p
                .cloud_sync
                .map_or_else(|| fl!("portal-state-unknown"), state)
        ));
    }
    lines
}

/// The sign-in configuration of `settings`.
fn config(settings: &crate::profile::Settings) -> Result<SignInConfig, String> {
    let t = &settings.tenant;
    SignInConfig::new(t.id.as_deref(), t.client_id.as_deref())
        .and_then(|c| c.with_redirect_uri(t.redirect_uri.as_deref()))
        .map_err(|e| explain::tenant_error(&e))
}

/// Signs in as the command line does: the browser (or the device code)
/// is announced on standard error, then who signed in.
pub async fn sign_in(config: &SignInConfig, method: Method) -> Result<SignedIn, TenantError> {
    let mut open = crate::backend::entra::signin::system_browser;
    let mut progress = |p: SignInProgress| match p {
        SignInProgress::Browser { url } => {
            eprintln!("{}", fl!("cli-portal-browser", url = url));
        }
        SignInProgress::DeviceCode { url, code, .. } => {
            eprintln!(
                "{}",
                fl!("cli-portal-device-code", url = url, code = code.expose())
            );
        }
        SignInProgress::Exchanging => {}
    };
    let signed = portal::sign_in(config, method, &mut open, &mut progress).await?;
    if let Some(user) = &signed.user {
        eprintln!("{}", fl!("cli-portal-signed-in", user = user.as_str()));
    }
    Ok(signed)
}

/// Runs a `portal` subcommand and returns the exit status.
pub fn run(start: &Start, cmd: PortalCommand) -> u8 {
    let (args, set) = match cmd {
        PortalCommand::Status(a) => (a, None),
        PortalCommand::Enable(a) => (a, Some(true)),
        PortalCommand::Disable(a) => (a, Some(false)),
    };
    let settings = match start.settings(&args.settings) {
        Ok(s) => s,
        Err(e) => {
            print_error(&e);
            return exit::USAGE;
        }
    };
    let cloud = settings.connect.cloud_sync;
    let config = match start.demo {
        true => None,
        false => match config(&settings) {
            Ok(c) => Some(c),
            Err(e) => {
                print_error(&e);
                return exit::USAGE;
            }
        },
    };
    let method = if args.device_code {
        Method::DeviceCode
    } else {
        Method::Browser
    };
    let mut env = start.env(settings, Credentials::default());
    let work = async {
        let mut user = Some(crate::backend::demo::DEMO_TENANT_USER.to_string());
        if let Some(config) = &config {
            let signed = sign_in(config, method).await?;
            user = signed.user.clone();
            env.edit(Edit::SignedIn(Some(signed)));
        }
        let mut tenant = env.tenant().ok_or(TenantError::NotSignedIn)?;
        let policy = match set {
            None => portal::status(&mut tenant).await?,
            Some(on) => {
                portal::set_all(&mut tenant, on, cloud, &start.backups().trail, &mut |_| {}).await?
            }
        };
        // Who may use SSPR (issue 15): writeback is pointless for nobody.
        let (facts, sspr) = match set {
            None => (
                env.tenant_facts().await,
                Some(portal::sspr_check(&mut tenant).await),
            ),
            Some(_) => (None, None),
        };
        let name = env.tenant_label().unwrap_or_default();
        Ok::<_, TenantError>((name, user, policy, facts, sspr))
    };
    let Some(result) = super::run_cancellable(work) else {
        print_error(&fl!("cli-cancelled"));
        return exit::FAILED;
    };
    let (name, user, policy, facts, sspr) = match result {
        Ok(r) => r,
        Err(e) => {
            print_error(&explain::tenant_error(&e));
            if e.needs_manual_step() {
                eprintln!("{}", fl!("portal-manual-steps"));
                eprintln!("{}", crate::backend::entra::portal::DEEP_LINK);
            }
            return exit::FAILED;
        }
    };
    let findings = match &facts {
        Some(Ok(f)) => portal::findings(f),
        _ => Vec::new(),
    };
    let blocked = findings.iter().any(|(o, _)| *o == Outcome::Blocking);
    if args.json {
        let mut checks = super::checks_json(&findings);
        if let Some((o, f)) = &sspr {
            checks.extend(super::checks_json(&[(*o, f.clone())]));
        }
        let doc = serde_json::json!({
            "tenant": name,
            "user": user,
            "policy": policy,
            "checks": checks,
            "graph_error": match &facts {
                Some(Err(e)) => Some(explain::tenant_error(e)),
                _ => None,
            },
        });
        println!("{doc}");
    } else {
        let mut lines = vec![fl!("cli-portal-tenant", tenant = name.as_str())];
        lines.extend(policy_lines(&policy, cloud));
        for (o, f) in &findings {
            lines.push(super::finding_line(*o, &explain::portal_finding(f)));
        }
        if let Some((o, f)) = &sspr {
            lines.push(super::finding_line(*o, &explain::sspr_finding(f)));
        }
        if let Some(Err(e)) = &facts {
            lines.push(super::finding_line(
                Outcome::Warning,
                &fl!("cli-portal-graph-failed", reason = explain::tenant_error(e)),
            ));
        }
        println!("{}", lines.join("\n"));
    }
    // Cloud sync's toggle the API cannot read or did not set: by hand.
    let cloud_manual = cloud
        && match set {
            None => policy.cloud_sync.is_none(),
            Some(on) => policy.cloud_sync != Some(on),
        };
    if cloud_manual {
        eprintln!(
            "{}",
            match policy.cloud_sync {
                None => fl!("portal-cloud-sync-unreported"),
                Some(_) => fl!("portal-cloud-sync-refused"),
            }
        );
        eprintln!("{}", fl!("portal-cloud-sync-steps"));
        eprintln!("{}", crate::backend::entra::portal::DEEP_LINK);
    }
    if set.is_some() && cloud_manual {
        exit::FAILED
    } else if set.is_none() && blocked {
        exit::BLOCKED
    } else {
        exit::OK
    }
}
