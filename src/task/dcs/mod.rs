//! Every domain controller (issue 25): which DCs of the domains in scope
//! already hold the change, and which one the Connect server writes to.
//!
//! A DC is found by its `nTDSDSA` object under `CN=Sites` of the
//! configuration partition (its server's `dNSHostName`, its site, and
//! whether it is read-only). On each DC two facts are read:
//! - *replicated*: each target's `nTSecurityDescriptor` there comes from
//!   the write we made (or a later one): its replication metadata
//!   (`replPropertyMetaData`: version, originating time and DC) is at
//!   least that of the DC we wrote to, and its DACL carries the grant;
//! - *propagated*: a sample of users under each target (the first, the
//!   last and a few in between, by DN) carries the grant's inherited
//!   entries there as on the DC we wrote to.
//!
//! A DC that cannot be reached is reported as such, never as fine.
//!
//! `sites` finds the DCs, `compare` reads the two facts on one DC, `table`
//! puts every DC in one table and waits until all hold the change.

use std::time::Duration;

use serde::Serialize;

use crate::ad::Sid;
use crate::backend::{Directory, DirectoryError};

mod compare;
mod pull;
mod run;
mod sites;
mod table;

pub use compare::{Reference, carries_inherited, compare, reference, sample};
pub use pull::{Pulled, pull, repadmin_command};
pub use run::{PullReport, WAIT_EVERY, connect_dc, for_env, pull_for_env, scope_of, wait_for_env};
pub use sites::{dcs_of, discover};
pub use table::{WaitEnd, table, wait};

/// How many users are sampled under each target (first, last, between).
pub const SAMPLE: usize = 5;

/// One domain controller.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dc {
    /// Its server object's name.
    pub name: String,
    /// Its DNS name (the server's `dNSHostName`).
    pub host: String,
    /// Its site.
    pub site: String,
    /// Its `nTDSDSA` object (`dsServiceName` on its rootDSE).
    pub dsa: String,
    /// The `nTDSDSA` object's objectGUID (repadmin names the source DC so).
    pub dsa_guid: Option<String>,
    /// The domains (naming contexts) it holds.
    pub domains: Vec<String>,
    /// A read-only DC: it never takes a password write.
    pub read_only: bool,
}

/// Whether a DC holds the change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Held {
    /// Yes.
    Yes,
    /// Not yet: an older copy.
    Behind,
    /// Its copy is as new as ours (by its metadata) but does not carry
    /// the grant: changed since, or gone its own way.
    Differs,
    /// Could not be told (the DC was not reached).
    Unknown,
}

/// Which DC the Connect server writes through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "dcs")]
pub enum ConnectDc {
    /// Its AD connector's preferred DCs.
    Preferred(Vec<String>),
    /// None preferred: the DC locator chooses (any writable DC of the
    /// domain, usually one of the Connect server's site).
    Locator,
    /// The Connect server was not read.
    Unknown,
}

impl ConnectDc {
    /// Whether the Connect server may write through `dc`.
    pub fn uses(&self, dc: &Dc) -> bool {
        match self {
            ConnectDc::Preferred(list) => {
                !dc.read_only
                    && list.iter().any(|p| {
                        let p = p.trim();
                        p.eq_ignore_ascii_case(&dc.host) || p.eq_ignore_ascii_case(&dc.name)
                    })
            }
            ConnectDc::Locator | ConnectDc::Unknown => false,
        }
    }
}

/// One DC's row of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DcFacts {
    /// The DC.
    pub dc: Dc,
    /// The DC the wizard wrote to (and reads from).
    pub written_to: bool,
    /// The Connect server writes through it (one of its preferred DCs).
    pub connect: bool,
    /// Why it could not be reached (None: reached).
    #[serde(serialize_with = "error_text")]
    pub unreachable: Option<DirectoryError>,
    /// The targets' descriptors.
    pub replicated: Held,
    /// The sampled users' inherited entries.
    pub propagated: Held,
    /// The first object found behind or differing (a target or a user).
    pub first_behind: Option<String>,
    /// Its version of the first target's descriptor, and ours.
    pub versions: Option<(u32, u32)>,
}

fn error_text<S: serde::Serializer>(e: &Option<DirectoryError>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_some(&e.to_string()),
        None => s.serialize_none(),
    }
}

impl DcFacts {
    /// Holds the change: reached, replicated and propagated.
    pub fn current(&self) -> bool {
        self.unreachable.is_none() && self.replicated == Held::Yes && self.propagated == Held::Yes
    }
}

/// The table: every DC of the domains in scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DcTable {
    /// The DCs, the one written to first, then by site and name.
    pub dcs: Vec<DcFacts>,
    /// How the Connect server's DC is chosen.
    pub connect: ConnectDc,
    /// How many users were sampled on each DC.
    pub sampled: usize,
}

impl DcTable {
    /// Every DC holds the change.
    pub fn all_current(&self) -> bool {
        self.dcs.iter().all(DcFacts::current)
    }

    /// The DCs that do not (yet).
    pub fn behind(&self) -> Vec<&DcFacts> {
        self.dcs.iter().filter(|d| !d.current()).collect()
    }

    /// The DC written to.
    pub fn written_to(&self) -> Option<&DcFacts> {
        self.dcs.iter().find(|d| d.written_to)
    }
}

/// What the check needs to know of the grant.
#[derive(Clone, Debug)]
pub struct GrantScope {
    /// The connector account's SID.
    pub trustee: Sid,
    /// inetOrgPerson entries too.
    pub inet_org_person: bool,
    /// The objects the grant went to.
    pub targets: Vec<String>,
    /// Every domain of the forest (naming contexts).
    pub domains: Vec<String>,
    /// The configuration partition.
    pub configuration: String,
}

/// Progress of the table and of the wait.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DcProgress {
    /// Reading this DC.
    Reading {
        /// Its DNS name.
        host: String,
        /// Its place in the list (from 1).
        index: usize,
        /// How many DCs.
        total: usize,
    },
    /// A round of the wait ended: how many DCs hold the change.
    Round {
        /// DCs that hold it.
        current: usize,
        /// All DCs.
        total: usize,
        /// Time waited so far.
        waited: Duration,
        /// The limit.
        limit: Duration,
    },
}

/// Opens a connection to one DC (the [`crate::session::Env`] does, for
/// the real directory and the demo).
#[allow(async_fn_in_trait)]
pub trait DcOpener {
    /// The directory type.
    type Dir: Directory;
    /// Connects to the DC `host`.
    async fn open_dc(&self, host: &str) -> Result<Self::Dir, DirectoryError>;
}

impl DcOpener for crate::session::Env {
    type Dir = crate::backend::any::AnyDirectory;
    async fn open_dc(&self, host: &str) -> Result<Self::Dir, DirectoryError> {
        self.directory_at(host).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_never_writes_through_an_rodc() {
        let dc = |name: &str, ro: bool| Dc {
            name: name.into(),
            host: format!("{}.corp", name.to_ascii_lowercase()),
            read_only: ro,
            ..Dc::default()
        };
        let c = ConnectDc::Preferred(vec!["dc02.corp".into(), "RODC1".into()]);
        assert!(c.uses(&dc("DC02", false)));
        assert!(!c.uses(&dc("RODC1", true)));
        assert!(!c.uses(&dc("DC01", false)));
        assert!(!ConnectDc::Locator.uses(&dc("DC01", false)));
    }
}
