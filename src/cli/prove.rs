//! `test-writeback`: the pilot test from the command line — connect to the
//! DC, sign in to the tenant (asking for the reset permission), check the
//! pilot user, confirm, reset its password in the cloud and watch
//! `pwdLastSet` (the same task code as the Verify page's button).

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;

use super::directory::{confirm_or_refuse, connect_directory};
use super::settings::{SettingsArgs, Start};
use super::{exit, print_error};
use crate::audit::Trail;
use crate::backend::entra::SignInConfig;
use crate::backend::entra::api::Api;
use crate::backend::entra::graph;
use crate::backend::entra::pilot::{GRAPH_CLIENT_ID, GraphPilot, READ_USERS_SCOPE, RESET_SCOPE};
use crate::backend::entra::signin::{self, Progress as SignInProgress, Session};
use crate::backend::tenant::{PilotTenant, TenantError};
use crate::backend::{Directory, any::AnyTenant};
use crate::task::prove::{self, Cancel, Options, Outcome, Pilot, ProveError};
use crate::{explain, fl};

/// Options of `test-writeback`.
#[derive(Debug, Clone, Args)]
pub struct ProveArgs {
    /// The pilot user (user principal name): synced from AD, not you, not
    /// an administrator. Its password is replaced (a random one, at least
    /// 16 characters, shown once) and must be changed at next sign-in.
    #[arg(long, value_name = "UPN")]
    pub user: String,
    /// Test a privileged user all the same (directory roles, adminCount=1,
    /// a protected group, the bind account). Microsoft documents that such
    /// resets are not written back, so the test would fail.
    #[arg(long)]
    pub allow_privileged: bool,
    /// The DC to read the user's pwdLastSet from, and the tenant. Graph's
    /// client: `--client-id` (on this command it names Graph's client),
    /// `--graph-client-id`, the profile's `[tenant] graph_client_id`, else
    /// Microsoft Graph Command Line Tools (14d82eec-…), which may ask for
    /// the reset permission.
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Print one JSON document.
    #[arg(long)]
    pub json: bool,
    /// Sign in with a code entered on any device instead of the browser.
    #[arg(long)]
    pub device_code: bool,
    /// Do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
    /// Seconds the cloud's reset may take.
    #[arg(long, default_value_t = 180)]
    pub cloud_timeout: u64,
    /// Seconds to wait for pwdLastSet to change once the cloud succeeded.
    #[arg(long, default_value_t = 120)]
    pub wait: u64,
}

/// The exit status of an error: bad input 2, blocked 3, else 1.
pub fn exit_code(e: &ProveError) -> u8 {
    match e {
        ProveError::UserNotFound(_)
        | ProveError::NotSynced(_)
        | ProveError::OwnAccount(_)
        | ProveError::NotInDirectory { .. } => exit::USAGE,
        ProveError::Privileged { .. } => exit::BLOCKED,
        ProveError::RoleMissing(_) | ProveError::ConsentNeeded { .. } => exit::BLOCKED,
        ProveError::Tenant(TenantError::Config(_)) => exit::USAGE,
        ProveError::Tenant(TenantError::Forbidden) => exit::BLOCKED,
        _ => exit::FAILED,
    }
}

/// The sign-in configuration for Graph: the tenant and Graph's client
/// (`--client-id` given to this command, else the settings'
/// `graph_client_id`, else Microsoft Graph Command Line Tools).
fn config(start: &Start, args: &ProveArgs) -> Result<SignInConfig, String> {
    let settings = start.settings(&args.settings)?;
    let t = &settings.tenant;
    let client = args
        .settings
        .tenant
        .client_id
        .as_deref()
        .and_then(crate::profile::given)
        .or(t.graph_client_id.clone())
        .unwrap_or_else(|| GRAPH_CLIENT_ID.into());
    SignInConfig::new(t.id.as_deref(), Some(&client))
        .and_then(|c| c.with_redirect_uri(t.redirect_uri.as_deref()))
        .map_err(|e| explain::tenant_error(&e))
}

/// Prints the new password once, and only to a terminal (never to a file
/// or a pipe, where it would be stored).
fn show_password(user: &str, password: &Option<crate::backend::Secret>, json: bool) {
    let terminal = if json {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    match password {
        Some(p) if terminal => {
            let line = fl!("prove-new-password", user = user, password = p.expose());
            if json {
                eprintln!("{line}");
            } else {
                println!("{line}");
            }
        }
        Some(_) => eprintln!("{}", fl!("prove-new-password-not-terminal", user = user)),
        None => eprintln!("{}", fl!("prove-new-password-none")),
    }
}

async fn sign_in(config: &SignInConfig, device: bool) -> Result<Session, TenantError> {
    let scopes = [RESET_SCOPE, READ_USERS_SCOPE];
    let mut progress = |p: SignInProgress| match p {
        SignInProgress::Browser { url } => eprintln!("{}", fl!("cli-portal-browser", url = url)),
        SignInProgress::DeviceCode { url, code, .. } => eprintln!(
            "{}",
            fl!("cli-portal-device-code", url = url, code = code.expose())
        ),
        SignInProgress::Exchanging => {}
    };
    if device {
        return signin::device_code_for(config, &scopes, &mut progress).await;
    }
    let mut open = signin::system_browser;
    match signin::browser_for(config, &scopes, &mut open, &mut progress).await {
        Err(TenantError::NoBrowser) => {
            signin::device_code_for(config, &scopes, &mut progress).await
        }
        other => other,
    }
}

/// What a pilot test needs besides its tenant and directory.
struct Run<'a> {
    args: &'a ProveArgs,
    pick: prove::PickOptions,
    options: Options,
    trail: Trail,
    cancel: Cancel,
    resetting: Arc<std::sync::atomic::AtomicBool>,
    interactive: bool,
}

/// Checks the pilot user, confirms, resets its password in `tenant` and
/// watches `dir`: the text to print and the exit status.
async fn prove_with<T: PilotTenant, D: Directory>(
    tenant: &mut T,
    dir: &mut D,
    run: &Run<'_>,
) -> Result<(String, u8), (u8, String)> {
    let (args, json) = (run.args, run.args.json);
    let interactive = run.interactive;
    let mut progress = |p: prove::Progress| {
        if interactive {
            eprintln!("{}", explain::prove_progress(&p));
        }
    };
    let pilot: Pilot = prove::pick_with(tenant, dir, &args.user, &run.pick, &mut progress)
        .await
        .map_err(|e| (exit_code(&e), explain::prove_error(&e)))?;
    for w in &pilot.warnings {
        eprintln!(
            "{}",
            super::finding_line(
                crate::task::permissions::Outcome::Warning,
                &explain::pilot_warning(w)
            )
        );
    }
    confirm_or_refuse(
        fl!(
            "prove-confirm",
            user = pilot.user.user_principal_name.as_str(),
            dn = pilot.dn.as_str()
        ),
        args.yes,
    )?;
    run.resetting
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let report = prove::run(
        tenant,
        dir,
        &pilot,
        &run.options,
        &run.trail,
        &run.cancel,
        &mut progress,
    )
    .await;
    for failure in run.trail.failures() {
        eprintln!("{}", fl!("audit-error", reason = failure));
    }
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            if let ProveError::Cancelled {
                reset_sent: true,
                new_password,
            }
            | ProveError::StatusUnknown { new_password, .. } = &e
            {
                show_password(&pilot.user.user_principal_name, new_password, json);
            }
            return Err((exit_code(&e), explain::prove_error(&e)));
        }
    };
    show_password(&report.user, &report.new_password, json);
    let code = if report.outcome == Outcome::Proven {
        exit::OK
    } else {
        exit::FAILED
    };
    let text = if json {
        serde_json::json!({ "pilot": pilot, "report": report }).to_string()
    } else {
        let mut lines = vec![explain::prove_title(&report.outcome)];
        lines.extend(explain::prove_detail(&report));
        lines.join("\n")
    };
    Ok((text, code))
}

/// Runs `test-writeback`: 0 proven, 1 failed or unproven, 2 bad input, 3
/// blocked (a role or consent missing). With `--demo`, on the demo
/// organization's tenant and directory.
pub fn run(start: &Start, args: ProveArgs) -> u8 {
    let config = if start.demo {
        None
    } else {
        match config(start, &args) {
            Ok(c) => Some(c),
            Err(e) => {
                print_error(&e);
                return exit::USAGE;
            }
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            print_error(&e.to_string());
            return exit::FAILED;
        }
    };
    // Ctrl-C before the reset ends the command (nothing has changed);
    // after it was sent, it cancels the wait so that the new password is
    // still shown.
    let cancel = Cancel::new();
    let resetting = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (on_ctrl_c, sent) = (cancel.clone(), resetting.clone());
    runtime.spawn(async move {
        while tokio::signal::ctrl_c().await.is_ok() {
            if sent.load(std::sync::atomic::Ordering::SeqCst) {
                on_ctrl_c.cancel();
            } else {
                print_error(&fl!("cli-cancelled"));
                std::process::exit(i32::from(exit::FAILED));
            }
        }
    });
    let result: Result<(String, u8), (u8, String)> = runtime.block_on(async {
        let (env, mut dir) = connect_directory(start, &args.settings).await?;
        let bind = env.operator();
        let run = Run {
            args: &args,
            pick: prove::PickOptions {
                allow_privileged: args.allow_privileged,
                bind_account: (!bind.is_empty()).then_some(bind),
            },
            // The demo's polls without waits (its reset advances per
            // poll); the limits as given.
            options: Options {
                cloud_timeout: Duration::from_secs(args.cloud_timeout.max(1)),
                directory_wait: Duration::from_secs(args.wait),
                ..Options::for_env(&env)
            },
            trail: start.backups().trail,
            cancel,
            resetting,
            interactive: !args.json && std::io::stderr().is_terminal(),
        };
        let result = match &config {
            Some(config) => {
                let session = sign_in(config, args.device_code)
                    .await
                    .map_err(|e| (exit::FAILED, explain::tenant_error(&e)))?;
                let api = Api::new(Arc::new(session));
                let me = graph::me(&api).await.ok();
                if let Some(user) = &me {
                    eprintln!("{}", fl!("cli-portal-signed-in", user = user.as_str()));
                }
                prove_with(&mut GraphPilot::new(api, me), &mut dir, &run).await
            }
            None => {
                let mut tenant: AnyTenant = env.tenant().ok_or_else(|| {
                    (
                        exit::FAILED,
                        explain::tenant_error(&TenantError::NotSignedIn),
                    )
                })?;
                prove_with(&mut tenant, &mut dir, &run).await
            }
        };
        dir.close().await;
        result
    });
    match result {
        Ok((text, code)) => {
            println!("{text}");
            code
        }
        Err((code, message)) => {
            print_error(&message);
            code
        }
    }
}
