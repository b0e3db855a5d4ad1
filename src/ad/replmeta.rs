//! An attribute's replication metadata: its version (one more at each
//! originating write) and the time of its last originating change. The
//! pilot test reads `unicodePwd`'s: a Graph admin reset sets `pwdLastSet`
//! to 0 and a rerun leaves it 0, but each write of the password raises
//! `unicodePwd`'s version. Pure.
//!
//! Two forms: Windows' constructed `msDS-ReplAttributeMetaData` (one XML
//! fragment per attribute), and the binary `replPropertyMetaData` (MS-DRSR
//! `PROPERTY_META_DATA_EXT_VECTOR` as stored; Samba 4.17 returns only
//! this): little-endian `version` (1), a reserved DWORD, `count`, a
//! reserved DWORD, then `count` entries of 48 bytes: attribute id (4),
//! version (4), originating change time (8, seconds since 1601),
//! originating invocation id (16), originating USN (8), local USN (8).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `unicodePwd`'s attribute id (ATTRTYP 0x9005A).
pub const ATTID_UNICODE_PWD: u32 = 0x0009_005A;
/// Seconds between 1601-01-01 and 1970-01-01.
const EPOCH_1601: u64 = 11_644_473_600;

/// One attribute's metadata.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AttrMeta {
    /// Its version.
    pub version: u32,
    /// When it last changed at its origin.
    pub changed: SystemTime,
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// The entry of attribute `attid` in a binary `replPropertyMetaData`;
/// None when absent or the blob is malformed (never a panic).
pub fn from_binary(blob: &[u8], attid: u32) -> Option<AttrMeta> {
    if u32_at(blob, 0)? != 1 {
        return None;
    }
    let count = u32_at(blob, 8)? as usize;
    if count > (blob.len().saturating_sub(16)) / 48 {
        return None;
    }
    (0..count).find_map(|i| {
        let at = 16 + i * 48;
        (u32_at(blob, at)? == attid).then_some(())?;
        let secs = u64_at(blob, at + 8)?.checked_sub(EPOCH_1601)?;
        Some(AttrMeta {
            version: u32_at(blob, at + 4)?,
            changed: UNIX_EPOCH.checked_add(Duration::from_secs(secs))?,
        })
    })
}

fn tag<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = text.find(&open)? + open.len();
    let end = text[start..].find(&close)? + start;
    Some(text[start..end].trim())
}

/// The entry of `attribute` among the values of Windows'
/// `msDS-ReplAttributeMetaData` (`<DS_REPL_ATTR_META_DATA>` fragments).
pub fn from_constructed(values: &[String], attribute: &str) -> Option<AttrMeta> {
    values.iter().find_map(|v| {
        if !tag(v, "pszAttributeName")?.eq_ignore_ascii_case(attribute) {
            return None;
        }
        Some(AttrMeta {
            version: tag(v, "dwVersion")?.parse().ok()?,
            changed: humantime::parse_rfc3339_weak(
                tag(v, "ftimeLastOriginatingChange")?.trim_end_matches('Z'),
            )
            .ok()?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A blob with (attid, version, seconds since 1601) entries.
    fn blob(entries: &[(u32, u32, u64)]) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend(1u32.to_le_bytes());
        b.extend(0u32.to_le_bytes());
        b.extend((entries.len() as u32).to_le_bytes());
        b.extend(0u32.to_le_bytes());
        for (attid, version, time) in entries {
            b.extend(attid.to_le_bytes());
            b.extend(version.to_le_bytes());
            b.extend(time.to_le_bytes());
            b.extend([0xAB; 16]);
            b.extend(7u64.to_le_bytes());
            b.extend(9u64.to_le_bytes());
        }
        b
    }

    #[test]
    fn unicode_pwd_is_found_in_the_binary_form() {
        let t = EPOCH_1601 + 1_764_644_400;
        let b = blob(&[(0, 1, t - 100), (ATTID_UNICODE_PWD, 3, t), (0x90060, 2, t)]);
        assert_eq!(b.len(), 16 + 3 * 48);
        assert_eq!(
            from_binary(&b, ATTID_UNICODE_PWD),
            Some(AttrMeta {
                version: 3,
                changed: UNIX_EPOCH + Duration::from_secs(1_764_644_400)
            })
        );
        assert_eq!(from_binary(&b, 0x12345), None);
        assert_eq!(ATTID_UNICODE_PWD, 589_914);
    }

    #[test]
    fn malformed_blobs_give_none() {
        let b = blob(&[(ATTID_UNICODE_PWD, 3, EPOCH_1601 + 5)]);
        for cut in 0..b.len() {
            assert_eq!(from_binary(&b[..cut], ATTID_UNICODE_PWD), None, "{cut}");
        }
        let mut v2 = b.clone();
        v2[0] = 2;
        assert_eq!(from_binary(&v2, ATTID_UNICODE_PWD), None);
        let mut huge = b.clone();
        huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(from_binary(&huge, ATTID_UNICODE_PWD), None);
        let early = blob(&[(ATTID_UNICODE_PWD, 3, 5)]);
        assert_eq!(from_binary(&early, ATTID_UNICODE_PWD), None, "before 1970");
    }

    #[test]
    fn the_constructed_form() {
        let values = vec![
            "<DS_REPL_ATTR_META_DATA>\n\t<pszAttributeName>pwdLastSet</pszAttributeName>\n\t<dwVersion>9</dwVersion>\n\t<ftimeLastOriginatingChange>2026-12-01T00:00:00Z</ftimeLastOriginatingChange>\n</DS_REPL_ATTR_META_DATA>\n".to_string(),
            "<DS_REPL_ATTR_META_DATA>\n\t<pszAttributeName>unicodePwd</pszAttributeName>\n\t<dwVersion>4</dwVersion>\n\t<ftimeLastOriginatingChange>2026-12-02T03:00:00Z</ftimeLastOriginatingChange>\n\t<uuidLastOriginatingDsaInvocationID>x</uuidLastOriginatingDsaInvocationID>\n</DS_REPL_ATTR_META_DATA>\n\0".to_string(),
        ];
        assert_eq!(
            from_constructed(&values, "unicodePwd"),
            Some(AttrMeta {
                version: 4,
                changed: UNIX_EPOCH + Duration::from_secs(1_796_180_400)
            })
        );
        assert_eq!(from_constructed(&values, "ntPwdHistory"), None);
        assert_eq!(from_constructed(&["<garbage".into()], "unicodePwd"), None);
    }
}
