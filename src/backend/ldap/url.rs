//! LDAP URLs: the `host:port` to connect to, the host and DN a referral
//! names, the URLs of a continuation reference.

/// `host:port` of an `ldap://` or `ldaps://` URL (default ports 389 and
/// 636; IPv6 hosts in brackets); None for anything else.
pub(super) fn authority(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let (rest, port) = if lower.starts_with("ldaps://") {
        (&url[8..], 636)
    } else if lower.starts_with("ldap://") {
        (&url[7..], 389)
    } else {
        return None;
    };
    let host_port = rest.split('/').next().filter(|h| !h.is_empty())?;
    let has_port = match host_port.strip_prefix('[') {
        Some(v6) => v6.contains("]:"),
        None => host_port.contains(':'),
    };
    Some(if has_port {
        host_port.to_string()
    } else {
        format!("{host_port}:{port}")
    })
}

/// The URLs of a search result reference; malformed ones are dropped
/// (ldap3's own parser panics on them).
pub(super) fn refs_of(tag: ldap3::asn1::StructureTag) -> Vec<String> {
    tag.expect_constructed()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| t.expect_primitive())
        .filter_map(|b| String::from_utf8(b).ok())
        .collect()
}

/// The host of an LDAP URL, lower-case, without port or brackets.
pub(super) fn url_host(url: &str) -> Option<String> {
    let bracketed = url_host_bracketed(url)?;
    Some(
        bracketed
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase(),
    )
}

/// The host of an LDAP URL as written in it (IPv6 in brackets).
pub(super) fn url_host_bracketed(url: &str) -> Option<String> {
    let authority = authority(url)?;
    let host = match authority.strip_prefix('[') {
        Some(v6) => format!("[{}]", v6.split(']').next()?),
        None => authority
            .rsplit_once(':')
            .map_or(authority.clone(), |(h, _)| h.to_string()),
    };
    (!host.is_empty()).then_some(host)
}

/// The DN of an LDAP URL (`ldap://host/DN?...`), percent-decoded; None
/// when it has none.
pub(super) fn url_dn(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let path = rest.split_once('/')?.1;
    let dn = path.split('?').next().unwrap_or_default();
    let mut bytes = Vec::with_capacity(dn.len());
    let raw = dn.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (raw[i], hex) {
            (b'%', Some(b)) => {
                bytes.push(b);
                i += 3;
            }
            (c, _) => {
                bytes.push(c);
                i += 1;
            }
        }
    }
    let dn = String::from_utf8(bytes).ok()?;
    (!dn.is_empty()).then_some(dn)
}

#[cfg(test)]
mod tests {
    #[test]
    fn referral_urls_name_their_host_and_dn() {
        use super::{url_dn, url_host};
        let url = "ldap://East.Corp.Example/DC=east,DC=corp,DC=example";
        assert_eq!(url_host(url).as_deref(), Some("east.corp.example"));
        assert_eq!(url_dn(url).as_deref(), Some("DC=east,DC=corp,DC=example"));
        assert_eq!(
            url_dn("ldaps://127.0.0.5:636/OU=Sales%20EMEA,DC=east,DC=corp?sub").as_deref(),
            Some("OU=Sales EMEA,DC=east,DC=corp")
        );
        assert_eq!(url_host("ldaps://[::1]:636/x").as_deref(), Some("::1"));
        assert_eq!(
            url_host("ldaps://127.0.0.5:636").as_deref(),
            Some("127.0.0.5")
        );
        assert_eq!(url_dn("ldaps://host"), None);
        assert_eq!(url_dn("ldaps://host/"), None);
        assert_eq!(url_host("https://host/x"), None);
        // A broken escape is kept as written, not a panic.
        assert_eq!(url_dn("ldap://h/CN=a%2").as_deref(), Some("CN=a%2"));
    }

    #[test]
    fn authority_of_ldap_urls() {
        use super::authority;
        assert_eq!(
            authority("ldaps://dc1.corp.example").as_deref(),
            Some("dc1.corp.example:636")
        );
        assert_eq!(
            authority("ldap://10.0.0.1:3268/").as_deref(),
            Some("10.0.0.1:3268")
        );
        assert_eq!(authority("LDAPS://[::1]").as_deref(), Some("[::1]:636"));
        assert_eq!(
            authority("ldaps://[::1]:1636").as_deref(),
            Some("[::1]:1636")
        );
        assert_eq!(authority("https://x"), None);
        assert_eq!(authority("ldaps://"), None);
    }
}
