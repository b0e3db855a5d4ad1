//! How to undo a run: per change that still stands, the command (or the
//! portal's steps) that reverts it.

use crate::audit::{self, Action, Plane, Record};
use crate::fl;

use super::Undo;

/// How to undo the changes recorded (newest last stays last: undo in any
/// order, each plane on its own).
pub fn undo(changes: &[Record]) -> Vec<Undo> {
    let mut out = vec![Undo {
        text: fl!("runbook-undo-summary"),
        command: None,
    }];
    // The last change per object decides: a grant rolled back (or a
    // setting switched off again) in the same run needs no undo.
    let mut open: Vec<Undo> = Vec::new();
    for r in audit::standing(changes) {
        let item = match (r.plane, r.action) {
            (Plane::Ad, Action::Grant) => {
                let dn = r.target.dn.clone().unwrap_or_default();
                Undo {
                    text: fl!("runbook-undo-ad", dn = dn),
                    command: Some(match &r.backup {
                        Some(b) => format!(
                            "writeback-wizard rollback --backup \"{}\"",
                            super::text::backup(b, r.demo)
                        ),
                        None => "writeback-wizard rollback".into(),
                    }),
                }
            }
            (Plane::Connect, Action::Enable) => {
                let host = r.target.server.clone().unwrap_or_default();
                let host = host.trim_start_matches("demo://").to_string();
                Undo {
                    text: fl!("runbook-undo-connect", host = host.clone()),
                    command: Some(if host.is_empty() || host == "localhost" {
                        "writeback-wizard sync disable".into()
                    } else {
                        format!("writeback-wizard sync disable --remote {host}")
                    }),
                }
            }
            (Plane::Portal, Action::Enable) => {
                let tenant = r.target.tenant.clone().unwrap_or_default();
                Undo {
                    text: fl!(
                        "runbook-undo-portal",
                        tenant = tenant.clone(),
                        link = crate::backend::entra::portal::DEEP_LINK.to_string()
                    ),
                    command: Some(if tenant.is_empty() {
                        "writeback-wizard portal disable".into()
                    } else {
                        format!("writeback-wizard portal disable --tenant {tenant}")
                    }),
                }
            }
            _ => continue,
        };
        open.push(item);
    }
    let any = !open.is_empty();
    out.extend(open);
    if !any {
        out = vec![Undo {
            text: fl!("runbook-undo-nothing"),
            command: None,
        }];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_lists_only_what_is_still_changed() {
        crate::localize::init(Some("en"));
        let rec = |plane, action, dn: &str| Record {
            time: String::new(),
            operator: "op".into(),
            run: None,
            account: None,
            plane,
            action,
            target: audit::Target {
                server: Some("demo://aadc01.contoso.com".into()),
                dn: (!dn.is_empty()).then(|| dn.to_string()),
                tenant: None,
            },
            before: serde_json::Value::Null,
            after: serde_json::Value::Null,
            added: Vec::new(),
            removed: Vec::new(),
            result: audit::Outcome::Ok,
            backup: Some("/b/1.json".into()),
            demo: true,
        };
        let undo = undo(&[
            rec(Plane::Ad, Action::Grant, "DC=a"),
            rec(Plane::Ad, Action::Rollback, "DC=a"),
            rec(Plane::Ad, Action::Grant, "DC=b"),
            rec(Plane::Connect, Action::Enable, ""),
        ]);
        let commands: Vec<&str> = undo.iter().filter_map(|u| u.command.as_deref()).collect();
        assert_eq!(
            commands,
            vec![
                "writeback-wizard rollback --backup \"1.json\"",
                "writeback-wizard sync disable --remote aadc01.contoso.com"
            ]
        );
        assert!(undo[1].text.contains("DC=b"));
    }
}
