//! `test-writeback`: the pilot test from the command line — connect to the
//! DC, sign in to the tenant (asking for the reset permission), check the
//! pilot user, confirm, reset its password in the cloud and watch
//! `pwdLastSet` (the same task code as the Verify page's button).

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;

use super::directory::{DirectoryArgs, confirm_or_refuse, connect_directory};
use super::{exit, print_error};
use crate::audit::Trail;
use crate::backend::entra::SignInConfig;
use crate::backend::entra::api::Api;
use crate::backend::entra::graph;
use crate::backend::entra::pilot::{GRAPH_CLIENT_ID, GraphPilot, READ_USERS_SCOPE, RESET_SCOPE};
use crate::backend::entra::signin::{self, Progress as SignInProgress, Session};
use crate::backend::tenant::TenantError;
use crate::profile::load as load_profile;
use crate::task::prove::{self, Cancel, Options, Outcome, ProveError};
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
    /// The DC to read the user's pwdLastSet from, and the profile.
    #[command(flatten)]
    pub directory: DirectoryArgs,
    /// Tenant: its domain or id; default: the profile's, else any work account.
    #[arg(long)]
    pub tenant: Option<String>,
    /// Public client id to sign in to Graph with; default: the profile's
    /// `[tenant] graph_client_id`, else Microsoft Graph Command Line Tools
    /// (14d82eec-…), which may ask for the reset permission.
    #[arg(long)]
    pub client_id: Option<String>,
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

/// The sign-in configuration (Graph's client: `--client-id`, the
/// profile's `graph_client_id`, Microsoft Graph Command Line Tools) and
/// the account bound to AD.
fn config(args: &ProveArgs) -> Result<(SignInConfig, Option<String>), String> {
    let profile = match &args.directory.profile {
        Some(path) => load_profile(path)?,
        None => crate::profile::Profile::default(),
    };
    let tenant = args.tenant.clone().or(profile.tenant.id);
    let client = args
        .client_id
        .clone()
        .or(profile.tenant.graph_client_id)
        .unwrap_or_else(|| GRAPH_CLIENT_ID.into());
    let bind = args
        .directory
        .bind_user
        .clone()
        .or(profile.directory.bind_user);
    SignInConfig::new(tenant.as_deref(), Some(&client))
        .and_then(|c| c.with_redirect_uri(profile.tenant.redirect_uri.as_deref()))
        .map(|c| (c, bind))
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

/// Runs `test-writeback`: 0 proven, 1 failed or unproven, 2 bad input, 3
/// blocked (a role or consent missing).
pub fn run(args: ProveArgs) -> u8 {
    let json = args.directory.json;
    let (config, bind_account) = match config(&args) {
        Ok(c) => c,
        Err(e) => {
            print_error(&e);
            return exit::USAGE;
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
    let options = Options {
        cloud_timeout: Duration::from_secs(args.cloud_timeout.max(1)),
        directory_wait: Duration::from_secs(args.wait),
        ..Options::default()
    };
    let interactive = !json && std::io::stderr().is_terminal();
    let result: Result<(String, u8), (u8, String)> = runtime.block_on(async {
        let mut dir = connect_directory(&args.directory).await?;
        let session = sign_in(&config, args.device_code)
            .await
            .map_err(|e| (exit::FAILED, explain::tenant_error(&e)))?;
        let api = Api::new(Arc::new(session));
        let me = graph::me(&api).await.ok();
        if let Some(user) = &me {
            eprintln!("{}", fl!("cli-portal-signed-in", user = user.as_str()));
        }
        let mut tenant = GraphPilot::new(api, me);
        let mut progress = |p: prove::Progress| {
            if interactive {
                eprintln!("{}", explain::prove_progress(&p));
            }
        };
        let pick_options = prove::PickOptions {
            allow_privileged: args.allow_privileged,
            bind_account: bind_account.clone(),
        };
        let pilot = prove::pick_with(
            &mut tenant,
            &mut dir,
            &args.user,
            &pick_options,
            &mut progress,
        )
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
        let trail = Trail::standard();
        resetting.store(true, std::sync::atomic::Ordering::SeqCst);
        let report = prove::run(
            &mut tenant,
            &mut dir,
            &pilot,
            &options,
            &trail,
            &cancel,
            &mut progress,
        )
        .await;
        dir.close().await;
        for failure in trail.failures() {
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
