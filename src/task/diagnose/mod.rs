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
    /// 31002, 31005, 31007, 31010, 31015, 31017–31019: writeback enabled,
    /// started, a password written.
    Healthy,
    /// 31001, 31006, 31009: a reset or change arrived from the cloud.
    RequestReceived,
    /// 31004: writeback is being turned on (onboarding).
    Onboarding,
    /// 31012, 31013: writeback is being (or was) turned off in Connect.
    Offboarding,
    /// 31003, 31008, 31011: AD refused to set the password (its rules,
    /// the connector's right, a protected account).
    ResetRefused,
    /// 31014, 32011, 32013: turning writeback on or off failed (admin
    /// rights, a federated admin, the firewall).
    OnboardingFailed,
    /// 31016, 31044, 6800: the writeback service (or its endpoint) is
    /// not running.
    ServiceStopped,
    /// 32000: an unknown failure; the event holds the exception.
    ServiceError,
    /// 32003: invalid input to the web service.
    InvalidInput,
    /// 32004, 32005, 32007, 32008, 32010: keys or configuration are
    /// broken: switch writeback off and on.
    Reconfigure,
    /// 32014: Service Bus needed retries.
    ServiceBusRetries,
    /// 33002, "Object could not be found": the user is not found on
    /// premises (or in the sync engine).
    UserNotFound,
    /// 33003, hr=80230402, "Multiple matches found": several users share
    /// an anchor, or enabled accounts in several forests.
    DuplicateAnchor,
    /// 33005: the AD account is disabled.
    AccountDisabled,
    /// 33006: the AD account is locked out.
    AccountLocked,
    /// 33007: wrong current password (a change).
    WrongCurrentPassword,
    /// 33009: an AD configuration problem (see the ADSync events).
    AdConfiguration,
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
            Cause::RequestReceived => "request-received",
            Cause::Onboarding => "onboarding",
            Cause::Offboarding => "offboarding",
            Cause::ResetRefused => "reset-refused",
            Cause::OnboardingFailed => "onboarding-failed",
            Cause::ServiceStopped => "service-stopped",
            Cause::ServiceError => "service-error",
            Cause::InvalidInput => "invalid-input",
            Cause::Reconfigure => "reconfigure",
            Cause::ServiceBusRetries => "service-bus-retries",
            Cause::UserNotFound => "user-not-found",
            Cause::DuplicateAnchor => "duplicate-anchor",
            Cause::AccountDisabled => "account-disabled",
            Cause::AccountLocked => "account-locked",
            Cause::WrongCurrentPassword => "wrong-current-password",
            Cause::AdConfiguration => "ad-configuration",
            Cause::Unknown => "unknown",
        }
    }

    /// Whether it is a problem by itself (not a success or information).
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            Cause::Healthy | Cause::RequestReceived | Cause::Onboarding | Cause::Offboarding
        )
    }
}

/// What kind of event a code is, as Microsoft's troubleshooting page
/// tables say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// It worked.
    Success,
    /// Information (a step began).
    Info,
    /// A warning.
    Warning,
    /// An error.
    Error,
    /// Not a documented code.
    Unknown,
}

/// Every code of Microsoft's troubleshooting page
/// (`troubleshoot-sspr-writeback.md`, as recorded in
/// ../shared/contracts/writeback-events.tsv): its key there, kind and
/// cause. Keys: `NNNNN` an event id; `6329:<marker>` event 6329 whose text
/// holds the marker; `hr=<hex>` a text holding that HRESULT; `SSPR_0029`
/// the code SSPR shows users; `msg:<text>` a text holding it.
pub const CATALOG: &[(&str, Kind, Cause)] = &[
    ("31001", Kind::Info, Cause::RequestReceived),
    ("31002", Kind::Success, Cause::Healthy),
    ("31003", Kind::Error, Cause::ResetRefused),
    ("31004", Kind::Info, Cause::Onboarding),
    ("31005", Kind::Success, Cause::Healthy),
    ("31006", Kind::Info, Cause::RequestReceived),
    ("31007", Kind::Success, Cause::Healthy),
    ("31008", Kind::Error, Cause::ResetRefused),
    ("31009", Kind::Info, Cause::RequestReceived),
    ("31010", Kind::Success, Cause::Healthy),
    ("31011", Kind::Error, Cause::ResetRefused),
    ("31012", Kind::Info, Cause::Offboarding),
    ("31013", Kind::Success, Cause::Offboarding),
    ("31014", Kind::Error, Cause::OnboardingFailed),
    ("31015", Kind::Success, Cause::Healthy),
    ("31016", Kind::Warning, Cause::ServiceStopped),
    ("31017", Kind::Success, Cause::Healthy),
    ("31018", Kind::Success, Cause::Healthy),
    ("31019", Kind::Success, Cause::Healthy),
    ("31034", Kind::Error, Cause::Certificates),
    ("31044", Kind::Error, Cause::ServiceStopped),
    ("32000", Kind::Error, Cause::ServiceError),
    ("32001", Kind::Error, Cause::ServiceBus),
    ("32002", Kind::Error, Cause::ServiceBus),
    ("32003", Kind::Error, Cause::InvalidInput),
    ("32004", Kind::Error, Cause::Reconfigure),
    ("32005", Kind::Error, Cause::Reconfigure),
    ("32007", Kind::Error, Cause::Reconfigure),
    ("32008", Kind::Error, Cause::Reconfigure),
    ("32009", Kind::Error, Cause::WrongAdminAccount),
    ("32010", Kind::Error, Cause::Reconfigure),
    ("32011", Kind::Error, Cause::OnboardingFailed),
    ("32013", Kind::Error, Cause::OnboardingFailed),
    ("32014", Kind::Warning, Cause::ServiceBusRetries),
    ("32015", Kind::Error, Cause::ServiceBus),
    ("33001", Kind::Error, Cause::ReservedCharacters),
    ("33002", Kind::Error, Cause::UserNotFound),
    ("33003", Kind::Error, Cause::DuplicateAnchor),
    ("33004", Kind::Error, Cause::AccessDenied),
    ("33005", Kind::Error, Cause::AccountDisabled),
    ("33006", Kind::Error, Cause::AccountLocked),
    ("33007", Kind::Error, Cause::WrongCurrentPassword),
    ("33008", Kind::Error, Cause::PasswordPolicy { rule: None }),
    ("33009", Kind::Error, Cause::AdConfiguration),
    (
        "6329:0x80230619",
        Kind::Error,
        Cause::PasswordPolicy { rule: None },
    ),
    ("6329:MMS(3040)", Kind::Error, Cause::PolicyHintsUnsupported),
    ("hr=80230402", Kind::Error, Cause::DuplicateAnchor),
    ("6329:0x8023061f", Kind::Error, Cause::ForestAdded),
    ("6800", Kind::Error, Cause::ServiceStopped),
    ("hr=800700CE", Kind::Error, Cause::ConnectorPasswordTooLong),
    ("SSPR_0029", Kind::Error, Cause::SamRestricted),
    (
        "msg:Object could not be found",
        Kind::Error,
        Cause::UserNotFound,
    ),
    (
        "msg:Multiple matches found",
        Kind::Error,
        Cause::DuplicateAnchor,
    ),
];

/// The catalog entry an event matches: text markers first (`6329:…`,
/// `hr=…`, `SSPR_0029`, `msg:…`, compared without case), then the id.
pub fn known(id: u32, text: &str) -> Option<&'static (&'static str, Kind, Cause)> {
    let lower = text.to_ascii_lowercase();
    let hr = hr_code(text);
    let marked = CATALOG.iter().find(|(key, _, _)| {
        if let Some(marker) = key.strip_prefix("6329:") {
            let as_hr = marker
                .strip_prefix("0x")
                .is_some_and(|h| hr.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(h)));
            id == 6329 && (as_hr || lower.contains(&marker.to_ascii_lowercase()))
        } else if let Some(h) = key.strip_prefix("hr=") {
            hr.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(h))
        } else if let Some(m) = key.strip_prefix("msg:") {
            lower.contains(&m.to_ascii_lowercase())
        } else if key.starts_with("SSPR_") {
            lower.contains(&key.to_ascii_lowercase())
        } else {
            false
        }
    });
    marked.or_else(|| {
        let id = id.to_string();
        CATALOG.iter().find(|(key, _, _)| *key == id)
    })
}

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
