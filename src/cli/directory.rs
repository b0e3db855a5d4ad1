//! `check`, `grant`, `verify`, `rollback`: step 1 from the command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::exit;
use crate::backend::ldap::{ConnectOptions, LdapDirectory, is_plaintext};
use crate::backend::{Directory, DomainServer, Secret};
use crate::profile::Settings;
use crate::task::permissions::{self as perm, Check, GrantOptions, Outcome, Progress, TaskError};
use crate::{explain, fl};

/// Environment variable holding the bind password.
pub use crate::backend::ldap::PASSWORD_ENV;

/// Connection and target options shared by the four commands.
#[derive(Debug, Clone, Args, Default)]
pub struct DirectoryArgs {
    /// Domain controller: ldaps://HOST[:PORT] (or ldap:// with --starttls).
    #[arg(long)]
    pub server: Option<String>,
    /// Upgrade ldap:// with StartTLS.
    #[arg(long)]
    pub starttls: bool,
    /// PEM file of the CA that signed the DC's certificate.
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
    /// Allow ldap:// without TLS (the password crosses the network in clear).
    #[arg(long)]
    pub insecure_plaintext: bool,
    /// Account to sign in with: UPN, DN or DOMAIN\user. The password comes
    /// from WRITEBACK_WIZARD_BIND_PASSWORD or a prompt.
    #[arg(long)]
    pub bind_user: Option<String>,
    /// The AD DS connector account (the account Entra Connect uses).
    #[arg(long)]
    pub connector_account: Option<String>,
    /// Object to grant on (repeatable); default: the domain root.
    #[arg(long = "target", value_name = "DN")]
    pub targets: Vec<String>,
    /// Every domain of the forest.
    #[arg(long)]
    pub forest: bool,
    /// The DC of one domain of the forest, `DNS=ldaps://HOST[:PORT]`
    /// (repeatable); other domains: the DC DNS names, else the domain name.
    #[arg(long = "domain-server", value_name = "DNS=URL")]
    pub domain_servers: Vec<String>,
    /// Also AdminSDHolder (makes admin accounts resettable from the cloud).
    #[arg(long)]
    pub include_adminsdholder: bool,
    /// Also grant for inetOrgPerson objects.
    #[arg(long)]
    pub inetorgperson: bool,
    /// Profile (TOML) with the same settings; options given here win.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Seconds allowed for connecting and for each operation.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Print one JSON document with the result.
    #[arg(long)]
    pub json: bool,
}

/// Settings ready to use.
pub(super) struct Resolved {
    pub(super) connect: ConnectOptions,
    pub(super) grant: GrantOptions,
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

impl DirectoryArgs {
    /// The run's settings: the profile's (when given), with the options
    /// given here over them.
    pub fn settings(&self) -> Result<Settings, String> {
        let mut s = match &self.profile {
            Some(path) => Settings::load(path)?,
            None => Settings::default(),
        };
        let d = &mut s.directory;
        if let Some(v) = &self.server {
            d.server = v.clone();
        }
        if let Some(v) = &self.bind_user {
            d.bind_user = v.clone();
        }
        if let Some(v) = &self.connector_account {
            d.grant.connector_account = v.clone();
        }
        if let Some(v) = &self.ca_file {
            d.ca_file = Some(v.clone());
        }
        if !self.targets.is_empty() {
            d.grant.targets = self.targets.clone();
        }
        d.starttls |= self.starttls;
        d.insecure_plaintext |= self.insecure_plaintext;
        d.grant.forest |= self.forest;
        d.grant.include_adminsdholder |= self.include_adminsdholder;
        d.grant.inetorgperson |= self.inetorgperson;
        d.timeout = Duration::from_secs(self.timeout.max(1));
        let profile = std::mem::take(&mut d.grant.domain_servers);
        d.grant.domain_servers =
            domain_servers(&self.domain_servers, profile).map_err(|f| f.message)?;
        Ok(s)
    }
}

pub(super) fn resolve(args: &DirectoryArgs) -> Result<Resolved, Failure> {
    resolve_with(args, true)
}

/// The settings checked for connecting (and, when `connector`, for a
/// connector account).
fn resolve_with(args: &DirectoryArgs, connector: bool) -> Result<Resolved, Failure> {
    let settings = args.settings().map_err(Failure::usage)?;
    let d = settings.directory;
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
    let connect = d.connect_options(Secret::default());
    if is_plaintext(&connect) && !connect.insecure_plaintext {
        return Err(Failure::usage(fl!("cli-error-plaintext")));
    }
    Ok(Resolved {
        connect,
        grant: d.grant,
    })
}

/// The DCs given per domain: `--domain-server DNS=URL` (each wins over
/// the profile's `[[directory.domain]]` for the same domain).
fn domain_servers(
    args: &[String],
    profile: Vec<DomainServer>,
) -> Result<Vec<DomainServer>, Failure> {
    let mut out: Vec<DomainServer> = Vec::new();
    let given = args.iter().map(|a| {
        a.split_once('=')
            .map(|(dns, server)| DomainServer {
                dns: dns.trim().to_string(),
                server: server.trim().to_string(),
            })
            .ok_or_else(|| a.clone())
    });
    for entry in given.chain(profile.into_iter().map(Ok)) {
        let entry = entry.map_err(|value| {
            Failure::usage(fl!(
                "cli-forest-error-domain-server",
                value = value.as_str()
            ))
        })?;
        let lower = entry.server.to_ascii_lowercase();
        if entry.dns.is_empty() || !(lower.starts_with("ldaps://") || lower.starts_with("ldap://"))
        {
            let value = format!("{}={}", entry.dns, entry.server);
            return Err(Failure::usage(fl!(
                "cli-forest-error-domain-server",
                value = value.as_str()
            )));
        }
        if !out.iter().any(|d| d.dns.eq_ignore_ascii_case(&entry.dns)) {
            out.push(entry);
        }
    }
    Ok(out)
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

async fn connect(r: &mut Resolved) -> Result<LdapDirectory, Failure> {
    r.connect.password = password()?;
    if is_plaintext(&r.connect) {
        eprintln!("{}", fl!("cli-warning-plaintext"));
    }
    let mut dir = LdapDirectory::connect(&r.connect)
        .await
        .map_err(|e| Failure::from(TaskError::from(e)))?;
    dir.set_domain_servers(&r.grant.domain_servers);
    Ok(dir)
}

/// Connects and binds as `check` does, for commands that need no
/// connector account (`test-writeback`): the exit status and the
/// translated message on failure.
pub async fn connect_directory(args: &DirectoryArgs) -> Result<LdapDirectory, (u8, String)> {
    let mut r = resolve_with(args, false).map_err(|f| (f.code, f.message))?;
    connect(&mut r).await.map_err(|f| (f.code, f.message))
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
pub fn check(args: DirectoryArgs) -> u8 {
    let rt = runtime();
    let mut code = exit::OK;
    let result = rt.block_on(async {
        let mut r = resolve(&args)?;
        let mut dir = connect(&mut r).await?;
        let tls = !is_plaintext(&r.connect);
        let (discovery, checks) = perm::check(
            &mut dir,
            &r.grant,
            tls,
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
pub fn grant(args: DirectoryArgs, dry_run: bool, yes: bool) -> u8 {
    let rt = runtime();
    finish(rt.block_on(async {
        let mut r = resolve(&args)?;
        let mut dir = connect(&mut r).await?;
        let tls = !is_plaintext(&r.connect);
        let mut progress = progress_printer(args.json);
        let (discovery, checks) =
            perm::check(&mut dir, &r.grant, tls, false, &mut progress).await?;
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
        let plan = perm::plan(&mut dir, &discovery, &r.grant, &mut progress).await?;
        if dry_run || plan.is_noop() {
            dir.close().await;
            return Ok(render_plan(&plan, dry_run, args.json));
        }
        if !args.json {
            eprintln!("{}", render_plan(&plan, false, false));
        }
        confirm(fl!("cli-confirm-grant", count = plan.targets.len()), yes)?;
        let trail = crate::audit::Trail::standard();
        let results = perm::apply(
            &mut dir,
            &plan,
            &r.grant,
            &r.connect.bind_user,
            &perm::backup_dir(),
            &trail,
            &mut progress,
        )
        .await?;
        dir.close().await;
        for failure in trail.failures() {
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
pub fn rollback(args: DirectoryArgs, backup: Option<PathBuf>, yes: bool) -> u8 {
    let rt = runtime();
    finish(rt.block_on(async {
        let mut r = resolve(&args)?;
        let mut dir = connect(&mut r).await?;
        let discovery = perm::discover(&mut dir).await?;
        let domain = discovery.default_naming_context.clone();
        let files: Vec<PathBuf> = backup.into_iter().collect();
        let backups = perm::backups_to_undo(&dir, &discovery, &perm::backup_dir(), &files)?;
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
        let trail = crate::audit::Trail::standard();
        let results = perm::rollback(
            &mut dir,
            &backups,
            &domain,
            &r.connect.bind_user,
            &trail,
            &mut progress_printer(args.json),
        )
        .await?;
        dir.close().await;
        for failure in trail.failures() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;

    #[test]
    fn domain_servers_from_flags_and_profile() {
        let profile: Profile = toml::from_str(
            "[directory]\nserver = \"ldaps://dc1.corp.example\"\n\
             [[directory.domain]]\ndns = \"east.corp.example\"\nserver = \"ldaps://p.east\"\n\
             [[directory.domain]]\ndns = \"west.corp.example\"\nserver = \"ldaps://dc.west\"\n",
        )
        .expect("profile parses");
        let servers = domain_servers(
            &["EAST.corp.example=ldaps://dc2.east:1636".to_string()],
            profile.directory.domains,
        )
        .unwrap_or_else(|f| panic!("{}", f.message));
        assert_eq!(
            servers,
            vec![
                DomainServer {
                    dns: "EAST.corp.example".into(),
                    server: "ldaps://dc2.east:1636".into()
                },
                DomainServer {
                    dns: "west.corp.example".into(),
                    server: "ldaps://dc.west".into()
                },
            ],
            "the flag wins over the profile for the same domain"
        );
        for bad in ["east.corp.example", "=ldaps://x", "east=https://x"] {
            let e = domain_servers(&[bad.to_string()], Vec::new()).err();
            assert_eq!(e.map(|f| f.code), Some(exit::USAGE), "{bad}");
        }
        assert!(
            toml::from_str::<Profile>("[[directory.domain]]\ndns = \"x\"\nhost = \"y\"\n").is_err(),
            "unknown keys are refused"
        );
    }
}
