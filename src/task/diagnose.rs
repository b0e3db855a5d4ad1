//! Diagnosis from the Connect server's event log: the Application log's
//! entries of the password reset service (source `PasswordResetService`)
//! and the related synchronization errors (`ADSync`, `Directory
//! Synchronization`, e.g. 6329), read through the PowerShell runner, each
//! mapped to a cause and a fix (spec §6). Unknown events are kept as they
//! are. The same mapping explains a failed pilot test's `statusDetail`.

use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::backend::sync::SyncError;
use crate::task::access::{Audit, BlockedUser};

/// One event as the Connect server's log holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    /// When (RFC 3339, as the server wrote it).
    #[serde(default)]
    pub time: String,
    /// Event id.
    #[serde(default)]
    pub id: u32,
    /// Provider (source) name.
    #[serde(default)]
    pub source: String,
    /// Level: 1 critical, 2 error, 3 warning, 4 information.
    #[serde(default)]
    pub level: u8,
    /// The rendered message (bounded by the script).
    #[serde(default)]
    pub message: String,
}

/// Which password policy rule refused a password, when the text says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyRule {
    /// Minimum password age.
    MinimumAge,
    /// Password history.
    History,
    /// Complexity or length.
    Complexity,
}

/// Why writeback failed (or that it worked), as far as the event says.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "cause", rename_all = "kebab-case")]
pub enum Cause {
    /// 33004 / `hr=80230626`: the connector account's credentials were
    /// denied access to the user (rights missing, "User cannot change
    /// password", a protected or non-inheriting user, not propagated yet).
    AccessDenied,
    /// 33008, or 6329 with `0x80230619`: a password policy (minimum age,
    /// history, complexity) or a password filter refused the password.
    PasswordPolicy {
        /// The rule, when the text names it.
        rule: Option<PolicyRule>,
    },
    /// A 6329 about the password policy hints control: the DCs are older
    /// than Windows Server 2016 (or lack the update).
    PolicyHintsUnsupported,
    /// 32002 and Service Bus errors: the server cannot reach
    /// `*.servicebus.windows.net` / `*.passwordreset.microsoftonline.com`
    /// on 443 (firewall, proxy, TLS 1.2).
    ServiceBus,
    /// 31034: root certificates missing on the Connect server.
    Certificates,
    /// SSPR_0029: "Restrict clients allowed to make remote calls to SAM".
    SamRestricted,
    /// 32009: a wrong or federated admin account in the Connect wizard.
    WrongAdminAccount,
    /// 6329 with `0x8023061f`: a forest added after writeback was enabled.
    ForestAdded,
    /// 33001: reserved characters in OU names.
    ReservedCharacters,
    /// `hr=800700CE`: the connector account's password is over 256 characters.
    ConnectorPasswordTooLong,
    /// Writeback is switched off (in Connect or the portal): the cloud
    /// changed the password, AD was not asked.
    WritebackDisabled,
    /// 31005 / 31015 / 31019: writeback enabled, started, a reset written.
    Healthy,
    /// Not an event the wizard knows: shown as it is.
    Unknown,
}

impl Cause {
    /// A stable name (`access-denied`), also the suffix of its translation
    /// keys `diag-cause-…` and `diag-fix-…`.
    pub fn slug(&self) -> &'static str {
        match self {
            Cause::AccessDenied => "access-denied",
            Cause::PasswordPolicy { .. } => "password-policy",
            Cause::PolicyHintsUnsupported => "policy-hints",
            Cause::ServiceBus => "service-bus",
            Cause::Certificates => "certificates",
            Cause::SamRestricted => "sam-restricted",
            Cause::WrongAdminAccount => "wrong-admin-account",
            Cause::ForestAdded => "forest-added",
            Cause::ReservedCharacters => "reserved-characters",
            Cause::ConnectorPasswordTooLong => "connector-password-too-long",
            Cause::WritebackDisabled => "writeback-disabled",
            Cause::Healthy => "healthy",
            Cause::Unknown => "unknown",
        }
    }

    /// Whether it is a problem (not [`Cause::Healthy`]).
    pub fn is_problem(&self) -> bool {
        !matches!(self, Cause::Healthy)
    }
}

/// One event with its cause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// The event.
    pub event: EventRecord,
    /// Its cause.
    pub cause: Cause,
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

/// The sources read: the password reset service, and synchronization.
pub const SOURCES: [&str; 3] = [
    "PasswordResetService",
    "ADSync",
    "Directory Synchronization",
];

/// The HRESULT in a text: after `hr=` (or `0x`), eight hex digits.
pub fn hr_code(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let eight = |from: usize| -> Option<String> {
        let rest = lower.get(from..)?;
        let rest = rest.strip_prefix("0x").unwrap_or(rest);
        let hex: String = rest.chars().take_while(char::is_ascii_hexdigit).collect();
        (hex.len() == 8).then(|| hex.to_ascii_uppercase())
    };
    if let Some(i) = lower.find("hr=") {
        if let Some(h) = eight(i + 3) {
            return Some(h);
        }
    }
    let mut from = 0;
    while let Some(i) = lower[from..].find("0x8") {
        let at = from + i;
        if let Some(h) = eight(at) {
            return Some(h);
        }
        from = at + 3;
    }
    None
}

/// The first DN (`CN=…,…DC=…`) in a text.
pub fn dn_in(text: &str) -> Option<String> {
    let upper = text.to_ascii_uppercase();
    let start = upper.find("CN=")?;
    let rest = &text[start..];
    let end = rest
        .find(['\r', '\n', '"', '\'', ';', '(', ')', '<', '>'])
        .unwrap_or(rest.len());
    let mut dn = rest[..end].trim();
    // Up to the last DC=… component, without trailing prose.
    let last_dc = dn.to_ascii_uppercase().rfind("DC=")?;
    let tail_end = dn[last_dc..]
        .find([' ', ',', '.'])
        .map_or(dn.len(), |e| last_dc + e);
    dn = dn[..tail_end].trim_end_matches(['.', ',']);
    Some(dn.to_string())
}

fn rule_in(lower: &str) -> Option<PolicyRule> {
    if lower.contains("minimum password age") || lower.contains("minpwdage") {
        Some(PolicyRule::MinimumAge)
    } else if lower.contains("history") {
        Some(PolicyRule::History)
    } else if lower.contains("complexity") || lower.contains("length") {
        Some(PolicyRule::Complexity)
    } else {
        None
    }
}

/// The cause of one text (an event's message, or a `statusDetail`), with
/// its event id when there is one (0: none).
pub fn cause_of(id: u32, text: &str) -> Cause {
    let lower = text.to_ascii_lowercase();
    let hr = hr_code(text);
    let hr = hr.as_deref();
    if lower.contains("sspr_0029") {
        return Cause::SamRestricted;
    }
    if lower.contains("writeback is not enabled")
        || lower.contains("writeback is disabled")
        || lower.contains("writeback is not configured")
    {
        return Cause::WritebackDisabled;
    }
    if hr == Some("800700CE") {
        return Cause::ConnectorPasswordTooLong;
    }
    if hr == Some("8023061F") {
        return Cause::ForestAdded;
    }
    if hr == Some("80230619") || id == 33008 {
        return Cause::PasswordPolicy {
            rule: rule_in(&lower),
        };
    }
    if id == 6329
        && (lower.contains("1.2.840.113556.1.4.2239")
            || lower.contains("1.2.840.113556.1.4.2066")
            || lower.contains("policy hints")
            || lower.contains("password policy control"))
    {
        return Cause::PolicyHintsUnsupported;
    }
    if id == 33004 || hr == Some("80230626") || lower.contains("credentials were denied access") {
        return Cause::AccessDenied;
    }
    if lower.contains("minimum password age")
        || lower.contains("password history")
        || lower.contains("complexity requirement")
        || lower.contains("does not meet the password policy")
        || lower.contains("password policy")
    {
        return Cause::PasswordPolicy {
            rule: rule_in(&lower),
        };
    }
    match id {
        32002 => return Cause::ServiceBus,
        31034 => return Cause::Certificates,
        32009 => return Cause::WrongAdminAccount,
        33001 => return Cause::ReservedCharacters,
        31005 | 31015 | 31019 => return Cause::Healthy,
        _ => {}
    }
    if lower.contains("servicebus")
        || lower.contains("service bus")
        || lower.contains("relay")
        || lower.contains("proxy")
        || lower.contains("unable to connect to the remote server")
    {
        return Cause::ServiceBus;
    }
    Cause::Unknown
}

/// Maps one event.
pub fn diagnose(event: EventRecord) -> Diagnosis {
    let cause = cause_of(event.id, &event.message);
    Diagnosis {
        hr: hr_code(&event.message),
        dn: dn_in(&event.message),
        cause,
        event,
    }
}

/// Maps every event, newest first as read.
pub fn diagnose_all(events: Vec<EventRecord>) -> Vec<Diagnosis> {
    events.into_iter().map(diagnose).collect()
}

/// A Connect server whose Application log can be read.
#[allow(async_fn_in_trait)]
pub trait EventLog {
    /// The entries of [`SOURCES`] since `since` (newest first, at most a
    /// few hundred).
    async fn events(&mut self, since: SystemTime) -> Result<Vec<EventRecord>, SyncError>;
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
        self.entries.iter().filter(|d| d.cause.is_problem())
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
    fn hresults_and_dns_are_found() {
        assert_eq!(
            hr_code("failed, hr=80230626, message=x").as_deref(),
            Some("80230626")
        );
        assert_eq!(
            hr_code("error 0x8023061f while").as_deref(),
            Some("8023061F")
        );
        assert_eq!(hr_code("hr=12"), None);
        assert_eq!(hr_code("nothing"), None);
        assert_eq!(
            dn_in("Reset for CN=Bob Nguyen,OU=Staff,DC=contoso,DC=com failed.").as_deref(),
            Some("CN=Bob Nguyen,OU=Staff,DC=contoso,DC=com")
        );
        assert_eq!(dn_in("no dn here"), None);
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
    fn since_parses() {
        assert_eq!(parse_since("2h"), Some(Duration::from_secs(7200)));
        assert_eq!(parse_since("30m"), Some(Duration::from_secs(1800)));
        assert_eq!(parse_since("0s"), None);
        assert_eq!(parse_since("soon"), None);
    }
}
