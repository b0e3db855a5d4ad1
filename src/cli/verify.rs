//! `verify`: the three planes read again, as the Verify page does
//! (`task::verify`): Active Directory with `--server`, the Connect server
//! with `--remote`, the tenant with `--tenant`. Each plane is optional; a
//! plane skipped is named.

use clap::Args;

use super::directory::{Failure, progress_printer};
use super::exit;
use super::settings::{SettingsArgs, Start};
use crate::backend::entra::SignInConfig;
use crate::session::Credentials;
use crate::task::permissions::Outcome;
use crate::task::portal::Method;
use crate::task::verify::{self, Planes, Read, Report};
use crate::{explain, fl};

/// Options of `verify`: Active Directory with `--server` (as `check`),
/// the Entra Connect server with `--remote` (`localhost`: this machine),
/// the portal with `--tenant`.
#[derive(Debug, Clone, Args)]
pub struct VerifyArgs {
    /// The run's settings.
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Sign in with a code entered on any device instead of the browser.
    #[arg(long)]
    pub device_code: bool,
    /// Print one JSON document.
    #[arg(long)]
    pub json: bool,
    /// Every domain controller (issue 25).
    #[command(flatten)]
    pub dcs: super::dcs::DcsArgs,
}

/// Each plane as a line (text output).
fn lines(report: &Report) -> Vec<String> {
    use super::finding_line as line;
    let mut out = Vec::new();
    match &report.directory {
        Read::Read((_, audit)) => out.extend(explain::audit_text(audit)),
        Read::Failed(e) => out.push(line(Outcome::Blocking, &explain::task_error(e))),
        Read::Skipped => out.push(line(
            Outcome::Warning,
            &fl!(
                "cli-verify-skipped",
                plane = fl!("step-permissions"),
                option = "--server"
            ),
        )),
    }
    let skipped = |plane: String, option: &str| {
        (
            Outcome::Warning,
            fl!("cli-verify-skipped", plane = plane, option = option),
        )
    };
    for (outcome, text) in [
        explain::connect_plane(&report.sync, Outcome::Blocking)
            .unwrap_or_else(|| skipped(fl!("step-connect"), "--remote")),
        explain::portal_plane(&report.portal, Outcome::Blocking)
            .unwrap_or_else(|| skipped(fl!("step-portal"), "--tenant")),
    ] {
        out.push(line(outcome, &text));
    }
    out
}

/// The report as one JSON document: `account` and `audit` (Active
/// Directory, as before), `connect` and `portal`, each read plane's state or
/// its error, and `skipped`.
fn json(report: &Report) -> serde_json::Value {
    let mut skipped = Vec::new();
    let (account, audit, directory_error) = match &report.directory {
        Read::Read((a, audit)) => (Some(a), Some(audit), None),
        Read::Failed(e) => (None, None, Some(explain::task_error(e))),
        Read::Skipped => {
            skipped.push("directory");
            (None, None, None)
        }
    };
    let connect = match &report.sync {
        Read::Read(s) => serde_json::json!({ "writeback": s.writeback, "version": s.version }),
        Read::Failed(e) => serde_json::json!({ "error": explain::sync_error(e) }),
        Read::Skipped => {
            skipped.push("connect");
            serde_json::Value::Null
        }
    };
    let portal = match &report.portal {
        Read::Read(p) => serde_json::json!({ "writeback": p.writeback, "unlock": p.unlock }),
        Read::Failed(e) => serde_json::json!({ "error": explain::tenant_error(e) }),
        Read::Skipped => {
            skipped.push("portal");
            serde_json::Value::Null
        }
    };
    serde_json::json!({
        "account": account,
        "audit": audit,
        "directory_error": directory_error,
        "connect": connect,
        "portal": portal,
        "skipped": skipped,
        "all_good": report.all_good(),
    })
}

/// Runs `verify` and returns the exit status: 0 when every plane read
/// could be read, 1 when one could not. With `--demo`, every plane is the
/// demo organization's.
pub fn run(start: &Start, args: VerifyArgs) -> u8 {
    let json_out = args.json;
    let result = (|| -> Result<u8, Failure> {
        let mut settings = start.settings(&args.settings).map_err(Failure::usage)?;
        let connect = settings.connect.remote.is_some();
        // `localhost`: this machine, without PowerShell remoting.
        if settings
            .connect
            .remote
            .as_deref()
            .is_some_and(|r| r.eq_ignore_ascii_case("localhost"))
        {
            settings.connect.remote = None;
        }
        let planes = Planes {
            directory: !settings.directory.server.trim().is_empty(),
            connect,
            tenant: settings.tenant.id.is_some(),
        };
        if args.dcs.wanted() && !planes.directory {
            return Err(Failure::usage(fl!(
                "cli-error-missing",
                option = "--server"
            )));
        }
        if !(planes.directory || planes.connect || planes.tenant) {
            return Err(Failure::usage(fl!(
                "cli-error-missing",
                option = "--server, --remote or --tenant"
            )));
        }
        let mut credentials = Credentials::default();
        if planes.directory {
            // The same checks as `check` (accounts given, no plaintext).
            credentials = super::directory::credentials(start, &settings, true)?;
        }
        let method = if args.device_code {
            Method::DeviceCode
        } else {
            Method::Browser
        };
        let work = async {
            if planes.tenant && !start.demo {
                let config = SignInConfig::new(
                    settings.tenant.id.as_deref(),
                    settings.tenant.client_id.as_deref(),
                )
                .map_err(|e| Failure::usage(explain::tenant_error(&e)))?;
                credentials.tenant = Some(super::portal::sign_in(&config, method).await.map_err(
                    |e| Failure {
                        code: exit::FAILED,
                        message: explain::tenant_error(&e),
                    },
                )?);
            }
            let env = start.env(settings.clone(), credentials.clone());
            let report = verify::run(&env, planes, &mut progress_printer(json_out))
                .await
                .map_err(Failure::from)?;
            crate::task::record::verification(&env, &report, &crate::audit::Trail::standard());
            let dcs = match (args.dcs.wanted(), report.audit()) {
                (true, Some(a)) => {
                    let audit_ok = a.ungranted.is_empty() && (a.carrying > 0 || a.scanned == 0);
                    Some(
                        super::dcs::run(&env, &args.dcs, planes.connect, audit_ok, json_out)
                            .await?,
                    )
                }
                _ => None,
            };
            Ok::<_, Failure>((report, dcs))
        };
        let Some(report) = super::run_cancellable(work) else {
            return Err(Failure {
                code: exit::FAILED,
                message: fl!("cli-cancelled"),
            });
        };
        let (report, dcs) = report?;
        if json_out {
            let mut value = json(&report);
            if let (Some(d), Some(map)) = (&dcs, value.as_object_mut()) {
                map.insert("dcs".into(), d.json.clone());
            }
            println!("{value}");
        } else {
            let mut text = lines(&report);
            text.extend(dcs.iter().flat_map(|d| d.lines.clone()));
            println!("{}", text.join("\n"));
        }
        let failed = matches!(report.directory, Read::Failed(_))
            || matches!(report.sync, Read::Failed(_))
            || matches!(report.portal, Read::Failed(_))
            || dcs
                .as_ref()
                .is_some_and(|d| super::dcs::exit_code(d) != exit::OK);
        Ok(if failed { exit::FAILED } else { exit::OK })
    })();
    match result {
        Ok(code) => code,
        Err(f) => {
            super::print_error(&f.message);
            f.code
        }
    }
}
