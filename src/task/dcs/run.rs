//! The DC table for a session ([`Env`]): the grant's scope from the
//! directory, the Connect server's DC through PowerShell, the wait and the
//! pull. The Verify page and `verify --all-dcs` run these.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use super::{
    ConnectDc, Dc, DcProgress, DcTable, GrantScope, Pulled, WaitEnd, discover, pull, table, wait,
};
use crate::ad::Sid;
use crate::backend::sync::SyncServer;
use crate::backend::{Directory, Scope};
use crate::profile::GrantOptions;
use crate::session::Env;
use crate::task::permissions::{self as perm, TaskError};

/// How often the wait reads the table again.
pub const WAIT_EVERY: Duration = Duration::from_secs(5);

/// How the Connect server's DC is chosen: its AD connector's preferred DCs,
/// read through the same PowerShell path as step 2 (`Unknown` when the
/// Connect server is not to be read or cannot be).
pub async fn connect_dc(env: &Env, read: bool) -> ConnectDc {
    if !read {
        return ConnectDc::Unknown;
    }
    match env.sync_server().preferred_dcs().await {
        Ok(list) if list.is_empty() => ConnectDc::Locator,
        Ok(list) => ConnectDc::Preferred(list),
        Err(_) => ConnectDc::Unknown,
    }
}

/// The grant's scope as the directory tells it: the connector account,
/// the targets, the forest's domains.
pub async fn scope_of<D: Directory>(
    dir: &mut D,
    options: &GrantOptions,
) -> Result<GrantScope, TaskError> {
    let discovery = perm::discover(dir).await?;
    let account = perm::find_account(dir, &discovery, &options.connector_account).await?;
    let trustee: Sid = account.sid.parse().map_err(|_| TaskError::BadData {
        dn: account.dn.clone(),
        what: "objectSid".into(),
    })?;
    Ok(GrantScope {
        trustee,
        inet_org_person: options.inetorgperson,
        targets: perm::targets(options, &discovery),
        domains: discovery.domains.clone(),
        configuration: discovery.configuration_naming_context.clone(),
    })
}

/// Reads the table once. `audit_ok`: the users scanned on the DC written
/// to carry the grant (Verify's audit).
pub async fn for_env(
    env: &Env,
    connect: ConnectDc,
    audit_ok: bool,
    progress: &mut (dyn FnMut(DcProgress) + Send),
) -> Result<DcTable, TaskError> {
    let mut dir = env.directory().await?;
    let scope = scope_of(&mut dir, &env.grant_options()).await?;
    Ok(table(&mut dir, env, &scope, connect, audit_ok, progress).await?)
}

/// Reads the table again every [`WAIT_EVERY`] until every DC holds the
/// change, `limit` passes or `cancel` is set.
pub async fn wait_for_env(
    env: &Env,
    connect: ConnectDc,
    audit_ok: bool,
    limit: Duration,
    cancel: &AtomicBool,
    progress: &mut (dyn FnMut(DcProgress) + Send),
) -> Result<WaitEnd, TaskError> {
    let mut dir = env.directory().await?;
    let scope = scope_of(&mut dir, &env.grant_options()).await?;
    Ok(wait(
        &mut dir, env, &scope, connect, audit_ok, limit, WAIT_EVERY, cancel, progress,
    )
    .await?)
}

/// What a pull in the session needs to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PullReport {
    /// The DC asked.
    pub dc: Dc,
    /// The DC it pulls from (the one written to).
    pub source: Dc,
    /// How it ended.
    pub pulled: Pulled,
}

/// Asks the DC `host` to pull the targets from the DC the session writes
/// to, recording the attempt in `trail`.
pub async fn pull_for_env(
    env: &Env,
    host: &str,
    trail: &crate::audit::Trail,
) -> Result<PullReport, TaskError> {
    let mut dir = env.directory().await?;
    let scope = scope_of(&mut dir, &env.grant_options()).await?;
    let written_to = dir
        .search(
            "",
            Scope::Base,
            "(objectClass=*)",
            &["dsServiceName"],
            false,
        )
        .await?
        .into_iter()
        .next()
        .and_then(|e| e.text("dsServiceName"))
        .unwrap_or_default();
    let dcs = discover(&mut dir, &scope.configuration).await?;
    let find = |f: &dyn Fn(&Dc) -> bool| dcs.iter().find(|d| f(d)).cloned();
    let source =
        find(&|d| d.dsa.eq_ignore_ascii_case(&written_to)).ok_or_else(|| TaskError::BadData {
            dn: written_to.clone(),
            what: "no nTDSDSA object under CN=Sites".into(),
        })?;
    let dc = find(&|d| d.host.eq_ignore_ascii_case(host) || d.name.eq_ignore_ascii_case(host))
        .ok_or_else(|| TaskError::BadData {
            dn: host.to_string(),
            what: "not a domain controller of this forest".into(),
        })?;
    let account = Some(env.operator()).filter(|a| !a.is_empty());
    let pulled = pull(env, &dc, &source, &scope.targets, trail, account).await?;
    Ok(PullReport { dc, source, pulled })
}
