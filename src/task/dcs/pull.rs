//! Pull it now: ask a lagging DC to replicate the targets from the DC we
//! wrote to (rootDSE `replicateSingleObject`), with an audit record; where
//! it refuses, the manual `repadmin /replsingleobj` command.

use super::{Dc, DcOpener};
use crate::backend::{Directory, DirectoryError};

/// How a pull ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pulled {
    /// The DC took the request for every target.
    Done,
    /// The DC refused: the command to run on a DC instead.
    Refused {
        /// The DC's answer.
        reason: DirectoryError,
        /// `repadmin /replsingleobj …` for each target.
        commands: Vec<String>,
    },
}

/// The manual equivalent: `repadmin /replsingleobj <DC> <source DSA GUID>
/// <DN>` (the source named by its nTDSDSA object's GUID).
pub fn repadmin_command(dc: &Dc, source: &Dc, dn: &str) -> String {
    format!(
        "repadmin /replsingleobj {} {} \"{}\"",
        dc.host,
        source.dsa_guid.as_deref().unwrap_or(&source.host),
        dn.replace('"', "\\\"")
    )
}

/// Asks `dc` to pull each target from `source` now (rootDSE
/// `replicateSingleObject`), recording the attempt in the audit trail.
pub async fn pull<O: DcOpener>(
    opener: &O,
    dc: &Dc,
    source: &Dc,
    targets: &[String],
    trail: &crate::audit::Trail,
    account: Option<String>,
) -> Result<Pulled, crate::audit::AuditError> {
    use crate::audit::{Action, Change, Outcome, Plane, Target};
    let change = |dn: &str, result: Outcome| Change {
        plane: Plane::Ad,
        action: Action::Replicate,
        account: account.clone(),
        target: Target {
            server: Some(dc.host.clone()),
            dn: Some(dn.to_string()),
            tenant: None,
        },
        before: serde_json::json!({ "source": source.dsa }),
        after: serde_json::Value::Null,
        added: Vec::new(),
        removed: Vec::new(),
        result,
        backup: None,
    };
    let refused = |reason: DirectoryError| Pulled::Refused {
        reason,
        commands: targets
            .iter()
            .map(|t| repadmin_command(dc, source, t))
            .collect(),
    };
    let mut conn = match opener.open_dc(&dc.host).await {
        Ok(c) => c,
        Err(e) => {
            for dn in targets {
                trail.record(change(
                    dn,
                    Outcome::Failed {
                        reason: e.to_string(),
                    },
                ))?;
            }
            return Ok(refused(e));
        }
    };
    for dn in targets {
        trail.intend(change(dn, Outcome::Pending))?;
        match conn.replicate_single_object(&source.dsa, dn).await {
            Ok(()) => {
                trail.record(change(dn, Outcome::Ok))?;
            }
            Err(e) => {
                trail.record(change(
                    dn,
                    Outcome::Failed {
                        reason: e.to_string(),
                    },
                ))?;
                return Ok(refused(e));
            }
        }
    }
    Ok(Pulled::Done)
}
