//! Reading an event's text (or a pilot test's `statusDetail`): its
//! [`CATALOG`] entry, its HRESULT, the DN it names, and its cause.

use super::cause::{CATALOG, Cause, Kind, PolicyRule};

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

pub(super) fn rule_in(lower: &str) -> Option<PolicyRule> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
