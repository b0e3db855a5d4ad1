//! Every DC in scope in one table (the DC written to read through the
//! open connection, the others each through their own), and the wait
//! that re-reads it until every DC holds the change.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::{
    ConnectDc, Dc, DcFacts, DcOpener, DcProgress, DcTable, GrantScope, Held, compare, discover,
    reference,
};
use crate::backend::{Directory, DirectoryError, Scope, dn_within};

/// The DCs in scope: those holding a domain of a target.
fn in_scope(dcs: Vec<Dc>, scope: &GrantScope) -> Vec<Dc> {
    dcs.into_iter()
        .filter(|dc| {
            dc.domains.is_empty()
                || scope
                    .targets
                    .iter()
                    .any(|t| dc.domains.iter().any(|d| dn_within(t, d)))
        })
        .collect()
}

/// Reads the table: every DC in scope, the one `dir` is connected to
/// (`written_to`, its dsServiceName) read through `dir`, the others each
/// through a connection of their own. `audit_ok` says whether the users
/// scanned on the DC written to carry the grant (the propagated fact of
/// that DC when it is the only one: no extra reads).
pub async fn table<D: Directory, O: DcOpener>(
    dir: &mut D,
    opener: &O,
    scope: &GrantScope,
    connect: ConnectDc,
    audit_ok: bool,
    progress: &mut (dyn FnMut(DcProgress) + Send),
) -> Result<DcTable, DirectoryError> {
    let root_dse = dir
        .search(
            "",
            Scope::Base,
            "(objectClass=*)",
            &["dsServiceName", "dnsHostName"],
            false,
        )
        .await?
        .into_iter()
        .next()
        .unwrap_or_default();
    let written_to = root_dse.text("dsServiceName").unwrap_or_default();
    let mut dcs = in_scope(discover(dir, &scope.configuration).await?, scope);
    if !dcs.iter().any(|d| d.dsa.eq_ignore_ascii_case(&written_to)) {
        // Its nTDSDSA object could not be read: the DC signed in to is
        // still one of them.
        let host = root_dse.text("dnsHostName").unwrap_or_default();
        dcs.insert(
            0,
            Dc {
                name: host
                    .split('.')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_uppercase(),
                host,
                dsa: written_to.clone(),
                ..Dc::default()
            },
        );
    }
    let others = dcs
        .iter()
        .filter(|d| !d.dsa.eq_ignore_ascii_case(&written_to))
        .count();
    let reference = reference(dir, scope, others > 0).await?;
    let total = dcs.len();
    let mut rows = Vec::with_capacity(total);
    for (i, dc) in dcs.into_iter().enumerate() {
        progress(DcProgress::Reading {
            host: dc.host.clone(),
            index: i + 1,
            total,
        });
        let home = dc.dsa.eq_ignore_ascii_case(&written_to);
        let read = if home {
            compare(dir, &dc, scope, &reference).await.map(|mut f| {
                if reference.users.is_empty() && !audit_ok {
                    f.propagated = Held::Behind;
                }
                f
            })
        } else {
            match opener.open_dc(&dc.host).await {
                Ok(mut other) => compare(&mut other, &dc, scope, &reference).await,
                Err(e) => Err(e),
            }
        };
        let mut facts = read.unwrap_or_else(|e| DcFacts {
            dc: dc.clone(),
            written_to: false,
            connect: false,
            unreachable: Some(e),
            replicated: Held::Unknown,
            propagated: Held::Unknown,
            first_behind: None,
            versions: None,
        });
        facts.written_to = home;
        facts.connect = connect.uses(&dc);
        rows.push(facts);
    }
    rows.sort_by_key(|r| !r.written_to);
    Ok(DcTable {
        dcs: rows,
        connect,
        sampled: reference.users.len(),
    })
}

/// How a wait ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WaitEnd {
    /// Every DC holds the change.
    AllCurrent(DcTable),
    /// The limit passed; the table says which DCs are still behind.
    TimedOut(DcTable),
    /// Cancelled; the last table read.
    Cancelled(DcTable),
}

impl WaitEnd {
    /// The last table read.
    pub fn table(&self) -> &DcTable {
        match self {
            WaitEnd::AllCurrent(t) | WaitEnd::TimedOut(t) | WaitEnd::Cancelled(t) => t,
        }
    }
}

/// Re-reads the table every `every` until every DC holds the change, the
/// `limit` passes or `cancel` is set (checked every 100 ms).
#[allow(clippy::too_many_arguments)]
pub async fn wait<D: Directory, O: DcOpener>(
    dir: &mut D,
    opener: &O,
    scope: &GrantScope,
    connect: ConnectDc,
    audit_ok: bool,
    limit: Duration,
    every: Duration,
    cancel: &AtomicBool,
    progress: &mut (dyn FnMut(DcProgress) + Send),
) -> Result<WaitEnd, DirectoryError> {
    let started = Instant::now();
    loop {
        let t = table(dir, opener, scope, connect.clone(), audit_ok, progress).await?;
        let current = t.dcs.iter().filter(|d| d.current()).count();
        progress(DcProgress::Round {
            current,
            total: t.dcs.len(),
            waited: started.elapsed(),
            limit,
        });
        if t.all_current() {
            return Ok(WaitEnd::AllCurrent(t));
        }
        let next = started.elapsed() + every;
        if next > limit {
            return Ok(WaitEnd::TimedOut(t));
        }
        while started.elapsed() < next {
            if cancel.load(Ordering::Relaxed) {
                return Ok(WaitEnd::Cancelled(t));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if cancel.load(Ordering::Relaxed) {
            return Ok(WaitEnd::Cancelled(t));
        }
    }
}
