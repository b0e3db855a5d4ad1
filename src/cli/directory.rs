//! `check`, `grant`, `rollback`: step 1 from the command line, on the
//! directory the run's [`Env`] opens (a real DC, or the demo's).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::Args;

use super::exit;
use super::settings::{SettingsArgs, Start};
use crate::backend::Secret;
use crate::backend::any::AnyDirectory;
use crate::backend::ldap::is_plaintext;
use crate::session::{Credentials, Env};
use crate::task::permissions::{self as perm, Check, Outcome, Progress, TaskError};
use crate::{explain, fl};

/// Environment variable holding the bind password.
pub use crate::backend::ldap::PASSWORD_ENV;

/// Options of `check`, `grant` and `rollback`: the settings and `--json`.
#[derive(Debug, Clone, Args, Default)]
pub struct StepArgs {
    /// The run's settings.
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Print one JSON document with the result.
    #[arg(long)]
    pub json: bool,
}

/// A failure with its exit status.
pub(super) struct Failure {
    pub(super) code: u8,
    pub(super) message: String,
}

impl Failure {
    pub(super) fn usage(message: String) -> Failure {
        Failure {
            code: exit::USAGE,
            message,
        }
    }
}

impl From<TaskError> for Failure {
    fn from(e: TaskError) -> Failure {
        let code = match &e {
            TaskError::AccountNotFound(_) | TaskError::AccountAmbiguous { .. } => exit::USAGE,
            TaskError::Directory(
                crate::backend::DirectoryError::Config(_)
                | crate::backend::DirectoryError::Plaintext,
            ) => exit::USAGE,
            TaskError::Blocked(_) => exit::BLOCKED,
            _ => exit::FAILED,
        };
        Failure {
            code,
            message: explain::task_error(&e),
        }
    }
}

/// The run's backends for a directory command: the settings checked for
/// connecting (and, when `connector`, for a connector account), the
/// password asked for a real DC.
pub(super) fn env_for(start: &Start, args: &SettingsArgs, connector: bool) -> Result<Env, Failure> {
    let settings = start.settings(args).map_err(Failure::usage)?;
    let credentials = credentials(start, &settings, connector)?;
    Ok(start.env(settings, credentials))
}

/// Checks `settings` for connecting to the directory (and, when
/// `connector`, for a connector account); the password of a real DC.
pub(super) fn credentials(
    start: &Start,
    settings: &crate::profile::Settings,
    connector: bool,
) -> Result<Credentials, Failure> {
    let d = &settings.directory;
    let missing = |option: &str| Failure::usage(fl!("cli-error-missing", option = option));
    if d.server.trim().is_empty() {
        return Err(missing("--server"));
    }
    if d.bind_user.trim().is_empty() {
        return Err(missing("--bind-user"));
    }
    if connector && d.grant.connector_account.trim().is_empty() {
        return Err(missing("--connector-account"));
    }
    let options = d.connect_options(Secret::default());
    let plaintext = is_plaintext(&options);
    if plaintext && !options.insecure_plaintext {
        return Err(Failure::usage(fl!("cli-error-plaintext")));
    }
    if start.demo {
        return Ok(Credentials::default());
    }
    let password = password()?;
    if plaintext {
        eprintln!("{}", fl!("cli-warning-plaintext"));
    }
    Ok(Credentials {
        password,
        ..Credentials::default()
    })
}

/// Opens the run's directory (connects and binds to a real DC).
pub(super) async fn open(env: &Env) -> Result<AnyDirectory, Failure> {
    env.directory()
        .await
        .map_err(|e| Failure::from(TaskError::from(e)))
}

/// Connects and binds as `check` does, for commands that need no
/// connector account (`test-writeback`): the backends and the directory,
/// or the exit status and the translated message.
pub async fn connect_directory(
    start: &Start,
    args: &SettingsArgs,
) -> Result<(Env, AnyDirectory), (u8, String)> {
    let env = env_for(start, args, false).map_err(|f| (f.code, f.message))?;
    let dir = open(&env).await.map_err(|f| (f.code, f.message))?;
    Ok((env, dir))
}

pub(super) fn password() -> Result<Secret, Failure> {
    if let Ok(value) = std::env::var(PASSWORD_ENV) {
        return Ok(Secret::new(value));
    }
    if std::io::stdin().is_terminal() {
        let prompt = fl!("cli-password-prompt");
        return rpassword::prompt_password(prompt)
            .map(Secret::new)
            .map_err(|e| Failure::usage(e.to_string()));
    }
    Err(Failure::usage(fl!(
        "cli-error-no-password",
        var = PASSWORD_ENV
    )))
}

/// Asks `question` on the terminal unless `yes`; without a terminal (and
/// without `yes`) refuses with exit 2: the exit status and message.
pub fn confirm_or_refuse(question: String, yes: bool) -> Result<(), (u8, String)> {
    confirm(question, yes).map_err(|f| (f.code, f.message))
}

pub(super) fn progress_printer(json: bool) -> impl FnMut(Progress) {
    let interactive = !json && std::io::stderr().is_terminal();
    move |p| {
        if !interactive {
            return;
        }
        if let Progress::Users { done, carrying } = p
            && done % 250 == 0
        {
            eprint!(
                "\r{}",
                fl!("progress-users", carrying = carrying, done = done)
            );
        }
    }
}

fn confirm(question: String, yes: bool) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(fl!("cli-error-confirm-needs-yes")));
    }
    eprint!("{question} {} ", fl!("cli-confirm-hint"));
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    let answer = answer.trim().to_lowercase();
    if matches!(
        answer.as_str(),
        "y" | "yes" | "j" | "ja" | "o" | "oui" | "s" | "si" | "sí"
    ) {
        Ok(())
    } else {
        Err(Failure {
            code: exit::FAILED,
            message: fl!("cli-cancelled"),
        })
    }
}

/// Two workers: ldap3 decodes responses on its connection task while the
/// task code parses descriptors, so a scan uses both cores.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime starts")
}

fn finish(result: Result<String, Failure>) -> u8 {
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[K"); // clear a progress line
    }
    match result {
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            exit::OK
        }
        Err(f) => {
            super::print_error(&f.message);
            f.code
        }
    }
}

fn print_checks(checks: &[Check]) -> String {
    checks
        .iter()
        .map(|c| super::finding_line(c.outcome, &explain::finding(&c.finding)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `check`: pre-flight. Exit 3 when a blocking finding exists.
pub fn check(start: &Start, args: StepArgs) -> u8 {
    let rt = runtime();
    let mut code = exit::OK;
    let result = rt.block_on(async {
        let env = env_for(start, &args.settings, true)?;
        let mut dir = open(&env).await?;
        let (discovery, checks) = perm::check(
            &mut dir,
            &env.grant_options(),
            env.tls(),
            true,
            &mut progress_printer(args.json),
        )
        .await?;
        dir.close().await;
        if checks.iter().any(|c| c.outcome == Outcome::Blocking) {
            code = exit::BLOCKED;
        }
        Ok(if args.json {
            serde_json::json!({ "discovery": discovery, "checks": checks }).to_string()
        } else {
            print_checks(&checks)
        })
    });
    let status = finish(result);
    if status == exit::OK { code } else { status }
}

/// `grant`: plan, confirm, apply, read back.
pub fn grant(start: &Start, args: StepArgs, dry_run: bool, yes: bool) -> u8 {
    let rt = runtime();
    finish(rt.block_on(async {
        let env = env_for(start, &args.settings, true)?;
        let grant = env.grant_options();
        let mut dir = open(&env).await?;
        let mut progress = progress_printer(args.json);
        let (discovery, checks) =
            perm::check(&mut dir, &grant, env.tls(), false, &mut progress).await?;
        let blocking: Vec<Check> = checks
            .iter()
            .filter(|c| c.outcome == Outcome::Blocking)
            .cloned()
            .collect();
        if !blocking.is_empty() {
            return Err(Failure {
                code: exit::BLOCKED,
                message: format!("{}\n{}", fl!("cli-blocked"), print_checks(&blocking)),
            });
        }
        let plan = perm::plan(&mut dir, &discovery, &grant, &mut progress).await?;
        if dry_run || plan.is_noop() {
            dir.close().await;
            return Ok(render_plan(&plan, dry_run, args.json));
        }
        if !args.json {
            eprintln!("{}", render_plan(&plan, false, false));
        }
        confirm(fl!("cli-confirm-grant", count = plan.targets.len()), yes)?;
        let backups = start.backups();
        let results = perm::apply(
            &mut dir,
            &plan,
            &grant,
            &env.operator(),
            &backups.dir,
            &backups.trail,
            &mut progress,
        )
        .await?;
        dir.close().await;
        for failure in backups.trail.failures() {
            eprintln!("{}", fl!("audit-error", reason = failure));
        }
        Ok(if args.json {
            serde_json::json!({
                "account": plan.account,
                "dry_run": false,
                "targets": results,
            })
            .to_string()
        } else {
            results
                .iter()
                .map(|t| match &t.backup {
                    Some(path) => fl!(
                        "cli-granted",
                        dn = t.dn.as_str(),
                        count = t.added.len(),
                        backup = path.display().to_string()
                    ),
                    None => fl!("cli-already-granted", dn = t.dn.as_str()),
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    }))
}

fn render_plan(plan: &perm::Plan, dry_run: bool, json: bool) -> String {
    if json {
        let targets: Vec<_> = plan
            .targets
            .iter()
            .map(|t| {
                serde_json::json!({
                    "dn": t.dn,
                    "before_sddl": t.before_sddl,
                    "after_sddl": t.after_sddl,
                    "added": t.added.iter().filter_map(|a| crate::ad::sddl::format_ace(a, None)).collect::<Vec<_>>(),
                    "backup": null,
                })
            })
            .collect();
        return serde_json::json!({
            "account": plan.account,
            "dry_run": dry_run,
            "targets": targets,
        })
        .to_string();
    }
    let name = |sid: &crate::ad::Sid| {
        if sid.to_string() == plan.account.sid {
            plan.account.sam_account_name.clone()
        } else {
            explain::well_known_trustee(sid)
        }
    };
    let mut lines = Vec::new();
    for t in &plan.targets {
        if t.added.is_empty() {
            lines.push(fl!("cli-already-granted", dn = t.dn.as_str()));
            continue;
        }
        lines.push(fl!(
            "cli-plan-target",
            dn = t.dn.as_str(),
            count = t.added.len()
        ));
        for ace in &t.added {
            lines.push(format!("  + {}", explain::ace_line(ace, &name)));
        }
        lines.push(fl!("cli-plan-before", sddl = t.before_sddl.as_str()));
        lines.push(fl!("cli-plan-after", sddl = t.after_sddl.as_str()));
    }
    if dry_run {
        lines.push(fl!("cli-dry-run"));
    }
    lines.join("\n")
}

/// What a rollback will do, per object: its DN, the backup, and the
/// entries it removes (the SDDL diff of the grant it undoes).
fn rollback_preview(backups: &[(PathBuf, perm::Backup)]) -> String {
    let mut lines = Vec::new();
    for (path, b) in backups {
        lines.push(fl!(
            "cli-rollback-target",
            dn = b.dn.as_str(),
            backup = path.display().to_string()
        ));
        for ace in &b.added {
            lines.push(format!("  - {ace}"));
        }
        lines.push(fl!("cli-plan-before", sddl = b.sddl.as_str()));
    }
    lines.join("\n")
}

/// `rollback`: undo the newest grant run (or one backup file).
pub fn rollback(start: &Start, args: StepArgs, backup: Option<PathBuf>, yes: bool) -> u8 {
    let rt = runtime();
    finish(rt.block_on(async {
        let env = env_for(start, &args.settings, true)?;
        let mut dir = open(&env).await?;
        let discovery = perm::discover(&mut dir).await?;
        let domain = discovery.default_naming_context.clone();
        let files: Vec<PathBuf> = backup.into_iter().collect();
        let saved = start.backups();
        let backups = perm::backups_to_undo(&dir, &discovery, &saved.dir, &files)?;
        if !args.json {
            eprintln!("{}", rollback_preview(&backups));
        }
        // A backup this machine's audit log does not know (a colleague's
        // file, or one made by hand) is named and asked about again: --yes
        // does not cover it.
        let log = crate::audit::read(&crate::audit::log_path()).unwrap_or_default();
        let foreign = perm::not_in_log(&backups, &log.records);
        for path in &foreign {
            eprintln!(
                "{}",
                fl!("cli-rollback-foreign", backup = path.display().to_string())
            );
        }
        if !foreign.is_empty() {
            if !std::io::stdin().is_terminal() {
                return Err(Failure::usage(fl!("cli-rollback-foreign-refused")));
            }
            confirm(
                fl!("cli-confirm-rollback-foreign", count = foreign.len()),
                false,
            )?;
        }
        confirm(fl!("cli-confirm-rollback", count = backups.len()), yes)?;
        let results = perm::rollback(
            &mut dir,
            &backups,
            &domain,
            &env.operator(),
            &saved.trail,
            &mut progress_printer(args.json),
        )
        .await?;
        dir.close().await;
        for failure in saved.trail.failures() {
            eprintln!("{}", fl!("audit-error", reason = failure));
        }
        Ok(if args.json {
            serde_json::json!({ "targets": results }).to_string()
        } else {
            results
                .iter()
                .map(|t| {
                    fl!(
                        "cli-rolled-back",
                        dn = t.dn.as_str(),
                        count = t.removed.len()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    }))
}
