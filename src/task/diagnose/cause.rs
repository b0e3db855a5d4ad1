//! What an event of the Connect server can mean: its [`Cause`], its
//! [`Kind`], and [`CATALOG`], every code of Microsoft's troubleshooting
//! page.

use serde::Serialize;

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
