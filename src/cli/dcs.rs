//! `verify --all-dcs`, `--wait` and `--pull` (issue 25): the DC table after
//! the planes, as the Verify page shows it.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use clap::Args;

use super::directory::Failure;
use super::{exit, finding_line};
use crate::explain::dcs as words;
use crate::fl;
use crate::session::Env;
use crate::task::dcs::{self, DcProgress, DcTable, PullReport, WaitEnd};
use crate::task::permissions::Outcome;

/// Options of `verify` for every domain controller.
#[derive(Debug, Clone, Default, Args)]
pub struct DcsArgs {
    /// Also read every domain controller of the domains in scope: which
    /// already have the change (replicated, propagated) and which one the
    /// Connect server writes through.
    #[arg(long)]
    pub all_dcs: bool,
    /// Wait until every domain controller has the change, re-reading every
    /// 5 s, for at most MINUTES (default 60); implies --all-dcs.
    #[arg(long, value_name = "MINUTES", num_args = 0..=1, default_missing_value = "60")]
    pub wait: Option<u64>,
    /// Ask this domain controller (its DNS name) to replicate the change
    /// from the one the wizard wrote to now (replicateSingleObject); asks
    /// first, recorded in the audit log; implies --all-dcs.
    #[arg(long, value_name = "DC")]
    pub pull: Option<String>,
    /// Do not ask before --pull.
    #[arg(long)]
    pub yes: bool,
}

impl DcsArgs {
    /// Whether any DC option was given.
    pub fn wanted(&self) -> bool {
        self.all_dcs || self.wait.is_some() || self.pull.is_some()
    }
}

/// What the DC options produced.
pub struct DcsOutput {
    /// Text lines.
    pub lines: Vec<String>,
    /// The JSON value (`dcs` of the report).
    pub json: serde_json::Value,
    /// A DC could not be read, the wait timed out or the pull failed.
    pub failed: bool,
}

fn table_json(t: &DcTable) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = t
        .dcs
        .iter()
        .map(|f| {
            serde_json::json!({
                "name": f.dc.name,
                "host": f.dc.host,
                "site": f.dc.site,
                "read_only": f.dc.read_only,
                "written_to": f.written_to,
                "connect": f.connect,
                "reachable": f.unreachable.is_none(),
                "error": f.unreachable.as_ref().map(crate::explain::directory_error),
                "replicated": f.replicated,
                "propagated": f.propagated,
                "first_behind": f.first_behind,
                "versions": f.versions.map(|(theirs, ours)| serde_json::json!({ "theirs": theirs, "ours": ours })),
            })
        })
        .collect();
    serde_json::json!({
        "dcs": rows,
        "connect": t.connect,
        "sampled_users": t.sampled,
        "all_current": t.all_current(),
    })
}

fn table_lines(t: &DcTable) -> Vec<String> {
    let mut out = vec![fl!("dcs-heading", count = (t.dcs.len() as u64))];
    for f in &t.dcs {
        out.push(finding_line(words::outcome(f), &words::row(f)));
    }
    let known = !matches!(t.connect, dcs::ConnectDc::Unknown);
    out.push(finding_line(
        Outcome::ok_if(known, Outcome::Warning),
        &words::connect(&t.connect),
    ));
    out
}

fn printer(json: bool) -> impl FnMut(DcProgress) + Send {
    use std::io::IsTerminal;
    let interactive = !json && std::io::stderr().is_terminal();
    move |p| {
        if interactive {
            eprint!("\r{}\x1b[K", words::progress(&p));
        }
    }
}

/// Runs the DC options after Verify's planes. `connect`: the Connect
/// server is to be read (for its preferred DCs); `audit_ok`: Verify's
/// users carry the grant.
pub(super) async fn run(
    env: &Env,
    args: &DcsArgs,
    connect: bool,
    audit_ok: bool,
    json: bool,
) -> Result<DcsOutput, Failure> {
    let connect_dc = dcs::connect_dc(env, connect).await;
    let mut progress = printer(json);
    let mut lines = Vec::new();
    let mut value = serde_json::Map::new();
    let mut failed = false;
    if let Some(host) = &args.pull {
        let before = dcs::for_env(env, connect_dc.clone(), audit_ok, &mut progress).await?;
        let count = before
            .written_to()
            .map_or(0, |_| env.grant_options().targets.len().max(1));
        let source = before
            .written_to()
            .map(|f| f.dc.host.clone())
            .unwrap_or_default();
        super::directory::confirm_or_refuse(
            fl!(
                "dcs-pull-confirm",
                dc = host.as_str(),
                source = source,
                count = (count as u64)
            ),
            args.yes,
        )
        .map_err(|(code, message)| Failure { code, message })?;
        let PullReport { dc, source, pulled } = dcs::pull_for_env(
            env,
            host,
            &crate::audit::Trail::standard().demo(env.is_demo()),
        )
        .await?;
        let (outcome, line, commands) = words::pulled(&dc.host, &source.host, &pulled);
        failed |= outcome != Outcome::Ok;
        lines.push(finding_line(outcome, &line));
        lines.extend(commands.iter().map(|c| format!("    {c}")));
        value.insert(
            "pull".into(),
            serde_json::json!({
                "dc": dc.host,
                "source": source.host,
                "done": matches!(pulled, dcs::Pulled::Done),
                "commands": commands,
            }),
        );
    }
    let table = match args.wait {
        Some(minutes) => {
            let cancel = AtomicBool::new(false);
            let end = dcs::wait_for_env(
                env,
                connect_dc,
                audit_ok,
                Duration::from_secs(minutes.saturating_mul(60)),
                &cancel,
                &mut progress,
            )
            .await?;
            let (outcome, line) = words::wait_end(&end);
            failed |= !matches!(end, WaitEnd::AllCurrent(_));
            value.insert(
                "wait".into(),
                serde_json::json!({
                    "minutes": minutes,
                    "end": match end { WaitEnd::AllCurrent(_) => "all-current", WaitEnd::TimedOut(_) => "timed-out", WaitEnd::Cancelled(_) => "cancelled" },
                }),
            );
            let table = end.table().clone();
            lines.extend(table_lines(&table));
            lines.push(finding_line(outcome, &line));
            table
        }
        None => {
            let table = dcs::for_env(env, connect_dc, audit_ok, &mut progress).await?;
            lines.extend(table_lines(&table));
            let (outcome, line) = words::summary(&table);
            lines.push(finding_line(outcome, &line));
            table
        }
    };
    if !json && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        eprint!("\r\x1b[K");
    }
    failed |= table.dcs.iter().any(|f| f.unreachable.is_some());
    if let serde_json::Value::Object(t) = table_json(&table) {
        value.extend(t);
    }
    Ok(DcsOutput {
        lines,
        json: serde_json::Value::Object(value),
        failed,
    })
}

/// The exit status the DC options add: failed when they failed.
pub fn exit_code(out: &DcsOutput) -> u8 {
    if out.failed { exit::FAILED } else { exit::OK }
}
