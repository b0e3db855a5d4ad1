//! A small LDAP filter evaluator (RFC 4515 subset) for the in-memory demo
//! directory: and, or, not, equality (with `*` wildcards), presence, and the
//! bitwise-AND matching rule. Values compare case-insensitively, as AD does
//! for the attributes the wizard searches.

use super::Entry;

/// A parsed filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// `(&…)`.
    And(Vec<Filter>),
    /// `(|…)`.
    Or(Vec<Filter>),
    /// `(!…)`.
    Not(Box<Filter>),
    /// `(attr=*)`.
    Present(String),
    /// `(attr=value)`, value pieces split at unescaped `*`.
    Equal(String, Vec<String>),
    /// `(attr:1.2.840.113556.1.4.803:=bits)`.
    BitAnd(String, u64),
    /// `(attr=\01\05…)`: a binary value (an `objectSid`), compared byte for
    /// byte.
    Bytes(String, Vec<u8>),
}

/// Parses a filter; `None` when it is not well formed.
pub fn parse(text: &str) -> Option<Filter> {
    let chars: Vec<char> = text.trim().chars().collect();
    let (filter, used) = parse_at(&chars, 0)?;
    (used == chars.len()).then_some(filter)
}

fn parse_at(c: &[char], at: usize) -> Option<(Filter, usize)> {
    if c.get(at) != Some(&'(') {
        return None;
    }
    match c.get(at + 1)? {
        op @ ('&' | '|') => {
            let mut parts = Vec::new();
            let mut i = at + 2;
            while c.get(i) == Some(&'(') {
                let (f, next) = parse_at(c, i)?;
                parts.push(f);
                i = next;
            }
            (c.get(i) == Some(&')')).then_some(())?;
            let f = if *op == '&' {
                Filter::And(parts)
            } else {
                Filter::Or(parts)
            };
            Some((f, i + 1))
        }
        '!' => {
            let (inner, i) = parse_at(c, at + 2)?;
            (c.get(i) == Some(&')')).then_some(())?;
            Some((Filter::Not(Box::new(inner)), i + 1))
        }
        _ => {
            let end = at + 1 + c[at + 1..].iter().position(|&x| x == ')')?;
            let item: String = c[at + 1..end].iter().collect();
            let (attr, value) = item.split_once('=')?;
            let filter = if let Some(attr) = attr.strip_suffix(":1.2.840.113556.1.4.803:") {
                Filter::BitAnd(attr.to_ascii_lowercase(), value.parse().ok()?)
            } else if value == "*" {
                Filter::Present(attr.to_ascii_lowercase())
            } else if let Some(pieces) = value.split('*').map(unescape).collect::<Option<Vec<_>>>()
            {
                Filter::Equal(attr.to_ascii_lowercase(), pieces)
            } else {
                Filter::Bytes(attr.to_ascii_lowercase(), unescape_bytes(value)?)
            };
            Some((filter, end + 1))
        }
    }
}

/// Undoes RFC 4515 `\XX` escapes.
fn unescape(s: &str) -> Option<String> {
    String::from_utf8(unescape_bytes(s)?).ok()
}

/// Undoes RFC 4515 `\XX` escapes, into bytes.
fn unescape_bytes(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

fn wildcard(value: &str, pieces: &[String]) -> bool {
    let value = value.to_lowercase();
    if pieces.len() == 1 {
        return value == pieces[0].to_lowercase();
    }
    let first = pieces[0].to_lowercase();
    let last = pieces[pieces.len() - 1].to_lowercase();
    if !value.starts_with(&first) || !value.ends_with(&last) {
        return false;
    }
    let mut rest = &value[first.len()..value.len() - last.len().min(value.len() - first.len())];
    for middle in &pieces[1..pieces.len() - 1] {
        let m = middle.to_lowercase();
        match rest.find(&m) {
            Some(i) => rest = &rest[i + m.len()..],
            None => return false,
        }
    }
    true
}

impl Filter {
    /// Whether `entry` matches.
    pub fn matches(&self, entry: &Entry) -> bool {
        match self {
            Filter::And(parts) => parts.iter().all(|f| f.matches(entry)),
            Filter::Or(parts) => parts.iter().any(|f| f.matches(entry)),
            Filter::Not(inner) => !inner.matches(entry),
            Filter::Present(attr) => attr == "objectclass" || entry.first(attr).is_some(),
            Filter::Equal(attr, pieces) => entry.texts(attr).iter().any(|v| wildcard(v, pieces)),
            Filter::BitAnd(attr, bits) => entry
                .text(attr)
                // groupType and its kin are signed 32-bit values.
                .and_then(|v| v.parse::<i64>().ok())
                .map(|v| v as u64 & 0xffff_ffff)
                .is_some_and(|v| v & bits == *bits),
            Filter::Bytes(attr, value) => entry
                .attrs
                .get(attr)
                .is_some_and(|vs| vs.iter().any(|v| v == value)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(pairs: &[(&str, &str)]) -> Entry {
        let mut e = Entry::default();
        for (k, v) in pairs {
            e.attrs
                .entry(k.to_ascii_lowercase())
                .or_default()
                .push(v.as_bytes().to_vec());
        }
        e
    }

    #[test]
    fn evaluates_what_the_tasks_send() {
        let user = entry(&[
            ("objectClass", "top"),
            ("objectClass", "user"),
            ("sAMAccountName", "svc-aadc"),
            ("systemFlags", "3"),
        ]);
        let f = |t: &str| parse(t).unwrap().matches(&user);
        assert!(f("(objectClass=*)"));
        assert!(f("(&(objectClass=user)(|(sAMAccountName=SVC-AADC)(cn=x)))"));
        assert!(!f("(&(objectClass=user)(sAMAccountName=svc))"));
        assert!(f("(sAMAccountName=svc*)"));
        assert!(f("(systemFlags:1.2.840.113556.1.4.803:=2)"));
        assert!(!f("(!(objectClass=user))"));
        // Escaped metacharacters are literal, not wildcards.
        assert!(!f("(sAMAccountName=svc\\2a)"));
        assert_eq!(parse("(&(a=b)"), None);
        assert_eq!(parse("a=b"), None);
    }
}
