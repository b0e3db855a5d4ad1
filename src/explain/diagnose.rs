//! The Connect server's events in words: what an event (or a failed
//! pilot test's `statusDetail`) means and how to fix it.

use crate::fl;
use crate::task::diagnose::{Cause, Diagnosis, PolicyRule};

/// What an event (or a statusDetail) means.
pub fn diagnosis_cause(c: &Cause) -> String {
    match c {
        Cause::AccessDenied => fl!("diag-cause-access-denied"),
        Cause::PasswordPolicy { rule } => {
            let rule = match rule {
                Some(PolicyRule::MinimumAge) => fl!("diag-rule-minimum-age"),
                Some(PolicyRule::History) => fl!("diag-rule-history"),
                Some(PolicyRule::Complexity) => fl!("diag-rule-complexity"),
                None => fl!("diag-rule-any"),
            };
            fl!("diag-cause-password-policy", rule = rule)
        }
        Cause::PolicyHintsUnsupported => fl!("diag-cause-policy-hints"),
        Cause::ServiceBus => fl!("diag-cause-service-bus"),
        Cause::Certificates => fl!("diag-cause-certificates"),
        Cause::SamRestricted => fl!("diag-cause-sam-restricted"),
        Cause::WrongAdminAccount => fl!("diag-cause-wrong-admin-account"),
        Cause::ForestAdded => fl!("diag-cause-forest-added"),
        Cause::ReservedCharacters => fl!("diag-cause-reserved-characters"),
        Cause::ConnectorPasswordTooLong => fl!("diag-cause-connector-password-too-long"),
        Cause::WritebackDisabled => fl!("diag-cause-writeback-disabled"),
        Cause::Healthy => fl!("diag-cause-healthy"),
        Cause::Unknown => fl!("diag-cause-unknown"),
        Cause::RequestReceived => fl!("diag-cause-request-received"),
        Cause::Onboarding => fl!("diag-cause-onboarding"),
        Cause::Offboarding => fl!("diag-cause-offboarding"),
        Cause::ResetRefused => fl!("diag-cause-reset-refused"),
        Cause::OnboardingFailed => fl!("diag-cause-onboarding-failed"),
        Cause::ServiceStopped => fl!("diag-cause-service-stopped"),
        Cause::ServiceError => fl!("diag-cause-service-error"),
        Cause::InvalidInput => fl!("diag-cause-invalid-input"),
        Cause::Reconfigure => fl!("diag-cause-reconfigure"),
        Cause::ServiceBusRetries => fl!("diag-cause-service-bus-retries"),
        Cause::UserNotFound => fl!("diag-cause-user-not-found"),
        Cause::DuplicateAnchor => fl!("diag-cause-duplicate-anchor"),
        Cause::AccountDisabled => fl!("diag-cause-account-disabled"),
        Cause::AccountLocked => fl!("diag-cause-account-locked"),
        Cause::WrongCurrentPassword => fl!("diag-cause-wrong-current-password"),
        Cause::AdConfiguration => fl!("diag-cause-ad-configuration"),
    }
}

/// How to fix it.
pub fn diagnosis_fix(c: &Cause) -> String {
    match c {
        Cause::AccessDenied => fl!("diag-fix-access-denied"),
        Cause::PasswordPolicy {
            rule: Some(PolicyRule::MinimumAge),
        } => fl!("diag-fix-password-policy-minimum-age"),
        Cause::PasswordPolicy { .. } => fl!("diag-fix-password-policy"),
        Cause::PolicyHintsUnsupported => fl!("diag-fix-policy-hints"),
        Cause::ServiceBus => fl!("diag-fix-service-bus"),
        Cause::Certificates => fl!("diag-fix-certificates"),
        Cause::SamRestricted => fl!("diag-fix-sam-restricted"),
        Cause::WrongAdminAccount => fl!("diag-fix-wrong-admin-account"),
        Cause::ForestAdded => fl!("diag-fix-forest-added"),
        Cause::ReservedCharacters => fl!("diag-fix-reserved-characters"),
        Cause::ConnectorPasswordTooLong => fl!("diag-fix-connector-password-too-long"),
        Cause::WritebackDisabled => fl!("diag-fix-writeback-disabled"),
        Cause::Healthy => fl!("diag-fix-healthy"),
        Cause::Unknown => fl!("diag-fix-unknown"),
        Cause::RequestReceived => fl!("diag-fix-request-received"),
        Cause::Onboarding => fl!("diag-fix-onboarding"),
        Cause::Offboarding => fl!("diag-fix-offboarding"),
        Cause::ResetRefused => fl!("diag-fix-reset-refused"),
        Cause::OnboardingFailed => fl!("diag-fix-onboarding-failed"),
        Cause::ServiceStopped => fl!("diag-fix-service-stopped"),
        Cause::ServiceError => fl!("diag-fix-service-error"),
        Cause::InvalidInput => fl!("diag-fix-invalid-input"),
        Cause::Reconfigure => fl!("diag-fix-reconfigure"),
        Cause::ServiceBusRetries => fl!("diag-fix-service-bus-retries"),
        Cause::UserNotFound => fl!("diag-fix-user-not-found"),
        Cause::DuplicateAnchor => fl!("diag-fix-duplicate-anchor"),
        Cause::AccountDisabled => fl!("diag-fix-account-disabled"),
        Cause::AccountLocked => fl!("diag-fix-account-locked"),
        Cause::WrongCurrentPassword => fl!("diag-fix-wrong-current-password"),
        Cause::AdConfiguration => fl!("diag-fix-ad-configuration"),
    }
}

/// One diagnosed event: its heading line, then cause and fix (an unknown
/// event shows its own text instead).
pub fn diagnosis_lines(d: &Diagnosis) -> Vec<String> {
    let mut lines = vec![fl!(
        "diag-event",
        time = d.event.time.as_str(),
        source = d.event.source.as_str(),
        id = d.event.id.to_string()
    )];
    if d.cause == Cause::Unknown {
        let text: String = d.event.message.chars().take(600).collect();
        lines.push(fl!("diag-unknown-event", message = text.trim()));
    } else {
        lines.push(diagnosis_cause(&d.cause));
        lines.push(diagnosis_fix(&d.cause));
    }
    if let Some(dn) = &d.dn {
        lines.push(fl!("diag-event-user", dn = dn.as_str()));
    }
    if let Some(user) = &d.pilot_test {
        lines.push(fl!("diag-event-pilot-test", user = user.as_str()));
    }
    lines
}
