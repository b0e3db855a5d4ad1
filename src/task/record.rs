//! Typed results worth a line in a runbook, noted in the audit trail (no
//! translated text: the runbook puts them in words in its own language).

use crate::audit::{BlockedGroup, Noted, Plane, Reading, Target, Trail};
use crate::session::Env;
use crate::task::access::FIRST_USERS;
use crate::task::verify::{Read, Report};

/// Notes what Verify read on each plane it was asked to read (a plane
/// skipped is not noted).
pub fn verification(env: &Env, report: &Report, trail: &Trail) {
    let failed = |e: &dyn std::fmt::Display| Reading::Failed {
        reason: e.to_string(),
    };
    let directory = match &report.directory {
        Read::Read((_, a)) => Some(Reading::Users {
            scanned: a.scanned,
            carrying: a.carrying,
            ungranted: a
                .ungranted
                .iter()
                .map(|t| (t.target.clone(), t.users))
                .collect(),
            unexpire_missing: a.unexpire_missing.clone(),
            groups: a
                .groups(FIRST_USERS)
                .into_iter()
                .map(|g| BlockedGroup {
                    reason: serde_json::to_value(&g.reason).unwrap_or_default(),
                    count: g.count,
                    first: g
                        .first
                        .into_iter()
                        .map(|u| {
                            let rights = u.rights.iter().map(|r| r.to_string()).collect();
                            (u.sam_account_name, u.dn, rights)
                        })
                        .collect(),
                })
                .collect(),
        }),
        Read::Failed(e) => Some(failed(e)),
        Read::Skipped => None,
    };
    let sync = match &report.sync {
        Read::Read(s) => Some(Reading::Settings {
            values: serde_json::json!({ "password_writeback": s.writeback }),
        }),
        Read::Failed(e) => Some(failed(e)),
        Read::Skipped => None,
    };
    let portal = match &report.portal {
        Read::Read(p) => Some(Reading::Settings {
            values: serde_json::json!({ "writeback": p.writeback, "unlock": p.unlock }),
        }),
        Read::Failed(e) => Some(failed(e)),
        Read::Skipped => None,
    };
    let server = |s: String| (!s.trim().is_empty()).then_some(s);
    let planes = [
        (
            Plane::Ad,
            Target {
                server: server(env.server_label()),
                ..Target::default()
            },
            directory,
        ),
        (
            Plane::Connect,
            Target {
                server: Some(env.sync_label()),
                ..Target::default()
            },
            sync,
        ),
        (
            Plane::Portal,
            Target {
                tenant: env.tenant_label(),
                ..Target::default()
            },
            portal,
        ),
    ];
    for (plane, target, reading) in planes {
        if let Some(reading) = reading {
            trail.note(Noted::Verified {
                plane,
                target,
                reading,
            });
        }
    }
}
