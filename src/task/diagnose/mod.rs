//! Diagnosis from the Connect server's event log: the Application log's
//! entries of the password reset service (source `PasswordResetService`)
//! and the related synchronization errors (`ADSync`, `Directory
//! Synchronization`, e.g. 6329), read through the PowerShell runner or
//! from an exported log ([`crate::task::eventfile`]), each mapped to a
//! kind, a cause and a fix. [`CATALOG`] holds every code of Microsoft's
//! troubleshooting page (../shared/contracts/writeback-events.tsv);
//! success and info events are never problems. Unknown events are kept as
//! they are. The same mapping explains a failed pilot test's
//! `statusDetail`.

mod cause;
mod read;

use std::time::{Duration, SystemTime};

use serde::Serialize;

use crate::backend::sync::{EventLog, EventRecord, SyncError};
use crate::task::access::{Audit, BlockedUser};

pub use cause::{CATALOG, Cause, Kind, PolicyRule};
use read::rule_in;
pub use read::{cause_of, dn_in, hr_code, known};

/// One event with its cause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// The event.
    pub event: EventRecord,
    /// Its kind ([`Kind::Unknown`] for a code not in [`CATALOG`]).
    pub kind: Kind,
    /// Its cause.
    pub cause: Cause,
    /// Whether it is a problem: a documented warning or error, or an
    /// unknown code logged as critical, error or warning.
    pub problem: bool,
    /// The [`CATALOG`] key it matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The pilot test run at that time (31010, 31011: an admin reset), as
    /// the audit log records it: the user's principal name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pilot_test: Option<String>,
    /// The HRESULT the text carries (`80230626`), upper case, when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hr: Option<String>,
    /// The user's DN the text names, when any (links to step 1's finding).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dn: Option<String>,
}

impl Diagnosis {
    /// Step 1's finding for the user this event names, from a Verify or
    /// pre-flight scan: why the connector cannot reach it.
    pub fn linked<'a>(&self, audit: &'a Audit) -> Option<&'a BlockedUser> {
        linked_user(self.dn.as_deref()?, audit)
    }
}

/// Step 1's finding for `dn` in a scan (case-insensitive DN match).
pub fn linked_user<'a>(dn: &str, audit: &'a Audit) -> Option<&'a BlockedUser> {
    audit
        .blocked
        .iter()
        .find(|u| u.dn.eq_ignore_ascii_case(dn.trim()))
}

/// Maps one event: its [`CATALOG`] entry, else the text's cause
/// ([`cause_of`]) as [`Kind::Unknown`].
pub fn diagnose(event: EventRecord) -> Diagnosis {
    let (kind, cause, code) = match known(event.id, &event.message) {
        Some((key, kind, cause)) => {
            // The text may name the rule that refused the password.
            let cause = match cause {
                Cause::PasswordPolicy { .. } => Cause::PasswordPolicy {
                    rule: rule_in(&event.message.to_ascii_lowercase()),
                },
                other => other.clone(),
            };
            (*kind, cause, Some((*key).to_string()))
        }
        None => (Kind::Unknown, cause_of(event.id, &event.message), None),
    };
    let problem = match kind {
        Kind::Success | Kind::Info => false,
        Kind::Warning | Kind::Error => true,
        Kind::Unknown => cause.is_problem() && (1..=3).contains(&event.level),
    };
    Diagnosis {
        hr: hr_code(&event.message),
        dn: dn_in(&event.message),
        kind,
        cause,
        problem,
        code,
        pilot_test: None,
        event,
    }
}

/// Links admin-reset events (31009–31011) to the pilot test the audit log
/// records within ten minutes of them (by the user's principal name).
pub fn link_pilot_tests(entries: &mut [Diagnosis], records: &[crate::audit::Record]) {
    let tests: Vec<(SystemTime, String)> = records
        .iter()
        .filter(|r| r.plane == crate::audit::Plane::Pilot)
        .filter_map(|r| {
            let at = crate::audit::parse_time(&r.time)?;
            let user = r.before.get("user")?.as_str()?.to_string();
            Some((at, user))
        })
        .collect();
    for d in entries
        .iter_mut()
        .filter(|d| matches!(d.event.id, 31009..=31011))
    {
        let Some(at) = crate::audit::parse_time(&d.event.time) else {
            continue;
        };
        let near = |t: &SystemTime| {
            let gap = t
                .duration_since(at)
                .or_else(|_| at.duration_since(*t))
                .unwrap_or_default();
            gap <= Duration::from_secs(600)
        };
        d.pilot_test = tests
            .iter()
            .filter(|(t, _)| near(t))
            .map(|(_, u)| u.clone())
            .next_back();
    }
}

/// Maps every event, newest first as read.
pub fn diagnose_all(events: Vec<EventRecord>) -> Vec<Diagnosis> {
    events.into_iter().map(diagnose).collect()
}

/// Progress of a diagnosis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Reading the event log.
    Reading,
    /// Mapping `count` entries.
    Mapping {
        /// Entries read.
        count: usize,
    },
}

/// What a diagnosis found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The Connect server.
    pub host: String,
    /// Since when (RFC 3339).
    pub since: String,
    /// Every entry with its cause, newest first.
    pub entries: Vec<Diagnosis>,
}

impl Report {
    /// Entries that are problems.
    pub fn problems(&self) -> impl Iterator<Item = &Diagnosis> {
        self.entries.iter().filter(|d| d.problem)
    }
}

/// Reads the Connect server's log since `since` and maps each entry.
pub async fn run<L: EventLog>(
    log: &mut L,
    host: String,
    since: SystemTime,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Report, SyncError> {
    progress(Progress::Reading);
    let events = log.events(since).await?;
    progress(Progress::Mapping {
        count: events.len(),
    });
    Ok(Report {
        host,
        since: crate::audit::rfc3339(since),
        entries: diagnose_all(events),
    })
}

/// Parses a duration such as `30m`, `2h`, `1d` or `90s` (for `--since`).
pub fn parse_since(text: &str) -> Option<Duration> {
    humantime::parse_duration(text.trim())
        .ok()
        .filter(|d| !d.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: u32, message: &str) -> EventRecord {
        EventRecord {
            id,
            message: message.into(),
            source: "PasswordResetService".into(),
            ..EventRecord::default()
        }
    }

    #[test]
    fn documented_events_map_to_their_cause() {
        let cases = [
            (
                33004,
                "hr=80230626, message=The management agent credentials were denied access",
                Cause::AccessDenied,
            ),
            (
                6329,
                "An error occurred. hr=80230619",
                Cause::PasswordPolicy { rule: None },
            ),
            (
                33008,
                "The password does not satisfy the minimum password age",
                Cause::PasswordPolicy {
                    rule: Some(PolicyRule::MinimumAge),
                },
            ),
            (
                6329,
                "the LDAP control 1.2.840.113556.1.4.2239 is not supported",
                Cause::PolicyHintsUnsupported,
            ),
            (6329, "hr=8023061f", Cause::ForestAdded),
            (32002, "Unable to connect to Service Bus", Cause::ServiceBus),
            (31034, "root certificate", Cause::Certificates),
            (32009, "x", Cause::WrongAdminAccount),
            (33001, "x", Cause::ReservedCharacters),
            (31019, "ok", Cause::Healthy),
            (31010, "ok", Cause::Healthy),
            (31001, "received", Cause::RequestReceived),
            (33002, "user not found", Cause::UserNotFound),
            (
                6329,
                "MMS(3040): control missing",
                Cause::PolicyHintsUnsupported,
            ),
            (6329, "failed hr=80230402 anchors", Cause::DuplicateAnchor),
            (33002, "hr=800700CE", Cause::ConnectorPasswordTooLong),
            (33002, "SSPR_0029: blocked", Cause::SamRestricted),
            (4242, "something new", Cause::Unknown),
            (
                0,
                "Password writeback is not enabled for this tenant",
                Cause::WritebackDisabled,
            ),
        ];
        for (id, text, want) in cases {
            assert_eq!(diagnose(ev(id, text)).cause, want, "{id} {text}");
        }
        // A statusDetail without an id maps by its text.
        assert_eq!(
            cause_of(0, "password history: it was used before"),
            Cause::PasswordPolicy {
                rule: Some(PolicyRule::History)
            }
        );
    }

    #[test]
    fn kinds_and_problems() {
        let d = diagnose(ev(31010, "Admin reset written"));
        assert_eq!((d.kind, d.problem), (Kind::Success, false));
        assert_eq!(d.code.as_deref(), Some("31010"));
        let d = diagnose(ev(31016, "stopped"));
        assert_eq!((d.kind, d.problem), (Kind::Warning, true));
        let mut e = ev(4242, "something new");
        e.level = 4;
        let d = diagnose(e.clone());
        assert_eq!(
            (d.kind, d.cause.clone(), d.problem),
            (Kind::Unknown, Cause::Unknown, false)
        );
        e.level = 2;
        assert!(diagnose(e).problem);
        // Every catalog row maps to itself.
        for (key, kind, cause) in CATALOG {
            let (id, text) = match key.split_once(':') {
                Some(("6329", marker)) => (6329, format!("error {marker} here")),
                Some(("msg", m)) => (6300, m.to_string()),
                _ if key.starts_with("hr=") => (6300, format!("failed {key}")),
                _ if key.starts_with("SSPR") => (0, key.to_string()),
                _ => (key.parse().unwrap(), "x".to_string()),
            };
            let d = diagnose(ev(id, &text));
            assert_eq!(d.code.as_deref(), Some(*key));
            assert_eq!(d.kind, *kind, "{key}");
            assert_eq!(
                std::mem::discriminant(&d.cause),
                std::mem::discriminant(cause)
            );
            assert_eq!(
                d.problem,
                matches!(kind, Kind::Warning | Kind::Error),
                "{key}"
            );
        }
    }

    #[test]
    fn an_admin_reset_is_linked_to_the_pilot_test_run_then() {
        let record = |time: &str, user: &str| -> crate::audit::Record {
            serde_json::from_value(serde_json::json!({
                "time": time, "operator": "op", "plane": "pilot", "action": "test",
                "target": {}, "before": {"user": user}, "after": {},
                "result": {"status": "ok"}
            }))
            .unwrap()
        };
        let records = vec![
            record("2026-12-02T01:00:00Z", "early@contoso.com"),
            record("2026-12-02T02:58:00Z", "bob@contoso.com"),
        ];
        let at = |id, time: &str| {
            let mut e = ev(id, "x");
            e.time = time.into();
            diagnose(e)
        };
        let mut entries = vec![
            at(31010, "2026-12-02T03:00:00Z"),
            at(31002, "2026-12-02T03:00:00Z"),
            at(31010, "2026-12-02T05:00:00Z"),
        ];
        link_pilot_tests(&mut entries, &records);
        assert_eq!(entries[0].pilot_test.as_deref(), Some("bob@contoso.com"));
        assert_eq!(entries[1].pilot_test, None, "not an admin reset");
        assert_eq!(entries[2].pilot_test, None, "no test near it");
    }

    #[test]
    fn since_parses() {
        assert_eq!(parse_since("2h"), Some(Duration::from_secs(7200)));
        assert_eq!(parse_since("30m"), Some(Duration::from_secs(1800)));
        assert_eq!(parse_since("0s"), None);
        assert_eq!(parse_since("soon"), None);
    }
}
