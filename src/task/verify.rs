//! Verify: the three planes read again. Active Directory: which users the
//! connector can now reset, and why not; Entra Connect: the writeback
//! feature; the tenant: the portal's two settings. The Verify page and
//! `writeback-wizard verify` run this same code; a plane not configured is
//! skipped and named.

use crate::backend::sync::{SyncError, SyncState};
use crate::backend::tenant::{PortalPolicy, TenantError};
use crate::session::Env;
use crate::task::permissions::{self as perm, Account, Audit, Progress, TaskError};
use crate::task::{portal, sync};

/// How one plane was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read<T, E> {
    /// What it said.
    Read(T),
    /// Why it could not be read.
    Failed(E),
    /// Not configured for this run (no server, no tenant).
    Skipped,
}

impl<T, E> Read<T, E> {
    /// The value, when read.
    pub fn value(&self) -> Option<&T> {
        match self {
            Read::Read(v) => Some(v),
            _ => None,
        }
    }
}

/// Which planes to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planes {
    /// Active Directory.
    pub directory: bool,
    /// The Connect server.
    pub connect: bool,
    /// The tenant (needs a signed-in tenant in the [`Env`]).
    pub tenant: bool,
}

impl Planes {
    /// All three.
    pub const ALL: Planes = Planes {
        directory: true,
        connect: true,
        tenant: true,
    };
}

/// What Verify found.
#[derive(Debug, Clone)]
pub struct Report {
    /// The connector account and its users.
    pub directory: Read<(Account, Audit), TaskError>,
    /// Connect.
    pub sync: Read<SyncState, SyncError>,
    /// The portal.
    pub portal: Read<PortalPolicy, TenantError>,
}

impl Report {
    /// The users' audit, when Active Directory was read.
    pub fn audit(&self) -> Option<&Audit> {
        self.directory.value().map(|(_, a)| a)
    }

    /// Whether every plane read is as it should be: every user reached,
    /// writeback on at Connect, both portal settings on.
    pub fn all_good(&self) -> bool {
        let users = self
            .audit()
            .is_none_or(|a| a.blocked_count() == 0 && a.ungranted.is_empty());
        let sync = self.sync.value().is_none_or(|s| s.writeback);
        let portal = self.portal.value().is_none_or(|p| p.writeback && p.unlock);
        let failed = matches!(self.directory, Read::Failed(_))
            || matches!(self.sync, Read::Failed(_))
            || matches!(self.portal, Read::Failed(_));
        users && sync && portal && !failed
    }
}

/// Reads the planes asked for. Only a failure to read Active Directory
/// when it alone was asked for is an error; otherwise each plane's
/// failure is reported in its place.
pub async fn run(
    env: &Env,
    planes: Planes,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Report, TaskError> {
    let directory = if planes.directory {
        let read = async {
            let mut dir = env.directory().await?;
            perm::verify(&mut dir, &env.grant_options(), progress).await
        }
        .await;
        match read {
            Ok(r) => Read::Read(r),
            Err(e) if !planes.connect && !planes.tenant => return Err(e),
            Err(e) => Read::Failed(e),
        }
    } else {
        Read::Skipped
    };
    let sync = if planes.connect {
        match sync::status(&mut env.sync_server()).await {
            Ok(s) => Read::Read(s),
            Err(e) => Read::Failed(e),
        }
    } else {
        Read::Skipped
    };
    let portal = match (planes.tenant, env.tenant()) {
        (true, Some(mut tenant)) => match portal::status(&mut tenant).await {
            Ok(p) => Read::Read(p),
            Err(e) => Read::Failed(e),
        },
        _ => Read::Skipped,
    };
    Ok(Report {
        directory,
        sync,
        portal,
    })
}
