//! Distinguished names compared as DNs (RFC 4514): parsed into RDNs,
//! spaces around `,`, `+` and `=` ignored, attribute types and values
//! compared without regard to ASCII case (AD's DN syntax), escapes kept.

/// The canonical form of `dn`: RDNs trimmed, joined by `,`, lower case, so
/// that two spellings of one DN give the same text. Escaped characters
/// (`\,`, `\+`, hex pairs) are kept as written, only lower-cased.
pub fn normalize(dn: &str) -> String {
    rdns(dn).join(",")
}

/// `dn` without the spaces around its separators, case kept (the form a
/// DC returns): `CN=AdminSDHolder, CN=System` gives
/// `CN=AdminSDHolder,CN=System`.
pub fn tidy(dn: &str) -> String {
    split(dn)
        .iter()
        .map(|rdn| rdn_tidy(rdn))
        .filter(|r| !r.is_empty())
        .collect::<Vec<_>>()
        .join(",")
}

/// The RDNs of `dn`, each normalized (`type=value`, lower case, trimmed).
pub fn rdns(dn: &str) -> Vec<String> {
    split(dn)
        .iter()
        .map(|rdn| rdn_tidy(rdn).to_lowercase())
        .filter(|r| !r.is_empty())
        .collect()
}

fn split(dn: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in dn.chars() {
        if escaped {
            current.push(c);
            escaped = false;
            continue;
        }
        match c {
            '\\' => {
                current.push(c);
                escaped = true;
            }
            ',' | ';' => out.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    out.push(current);
    out
}

/// One RDN: each `type=value` pair trimmed (an escaped trailing space is
/// kept).
fn rdn_tidy(rdn: &str) -> String {
    rdn.split('+')
        .map(|pair| match pair.split_once('=') {
            Some((t, v)) => format!("{}={}", t.trim(), trim_value(v)),
            None => pair.trim().to_string(),
        })
        .collect::<Vec<_>>()
        .join("+")
}

fn trim_value(v: &str) -> &str {
    let v = v.trim_start();
    let trimmed = v.trim_end();
    // "a\ " keeps its escaped space.
    if trimmed.ends_with('\\') && trimmed.len() < v.len() {
        &v[..trimmed.len() + 1]
    } else {
        trimmed
    }
}

/// Whether `a` and `b` name the same object.
pub fn same(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

/// Whether `dn` is `base` or lies below it.
pub fn within(dn: &str, base: &str) -> bool {
    let (dn, base) = (rdns(dn), rdns(base));
    !base.is_empty() && dn.len() >= base.len() && dn[dn.len() - base.len()..] == base[..]
}

/// Whether `dn` is the AdminSDHolder of the domain `domain`
/// (`CN=AdminSDHolder,CN=System,<domain>`), or of any domain when
/// `domain` is None.
pub fn is_adminsdholder(dn: &str, domain: Option<&str>) -> bool {
    let r = rdns(dn);
    r.len() > 2
        && r[0] == "cn=adminsdholder"
        && r[1] == "cn=system"
        && domain.is_none_or(|d| r[2..] == rdns(d)[..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_dn_are_the_same() {
        assert!(same(
            "CN=AdminSDHolder, CN=System, DC=corp,DC=example",
            "cn=adminsdholder,cn=system,dc=CORP,dc=Example"
        ));
        assert!(same("OU = Sales , DC=corp", "ou=sales,dc=corp"));
        assert!(!same(r"OU=Sales\,EU,DC=corp", "OU=Sales,OU=EU,DC=corp"));
        assert!(same(r"CN=a\ ,DC=x", r"cn=a\ , dc=x"));
        assert!(!same(r"CN=a\ ,DC=x", "CN=a,DC=x"));
        assert!(within(
            "CN=u, OU=Staff,DC=corp, DC=example",
            "dc=corp,dc=example"
        ));
        assert!(!within("DC=notcorp,DC=example", "DC=corp,DC=example"));
        assert!(!within("DC=example", "DC=corp,DC=example"));
        assert!(is_adminsdholder(
            "CN=AdminSDHolder, CN=System, DC=corp,DC=example",
            Some("DC=corp, DC=example")
        ));
        assert!(!is_adminsdholder(
            "CN=AdminSDHolder,CN=System,DC=corp,DC=example",
            Some("DC=other,DC=example")
        ));
        assert!(!is_adminsdholder("OU=AdminSDHolder,DC=x", None));
        assert_eq!(
            tidy("CN=AdminSDHolder, CN=System , DC=Corp,DC=example"),
            "CN=AdminSDHolder,CN=System,DC=Corp,DC=example"
        );
    }
}
