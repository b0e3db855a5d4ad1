//! Replication metadata of an object: the binary `replPropertyMetaData`
//! attribute (Samba's `replPropertyMetaDataBlob`, MS-DRSR 5.160
//! PROPERTY_META_DATA_EXT with the version header of MS-ADTS). One entry per
//! attribute: how often it was changed (version), when and on which DC the
//! last change originated, and the USNs. Pure: bytes in, values out.
//!
//! Layout (little-endian): `u32 version (1)`, `u32 reserved`, `u32 count`,
//! `u32 reserved`, then `count` entries of 48 bytes: `u32 attid`,
//! `u32 version`, `u64 originating change time` (DSTIME: seconds since
//! 1601-01-01 UTC), `GUID originating invocation id`, `i64 originating USN`,
//! `i64 local USN`.
//!
//! The pilot test reads `unicodePwd`'s [`Stamp`]: a Graph admin reset sets
//! `pwdLastSet` to 0 and a rerun leaves it 0, but each write of the password
//! raises `unicodePwd`'s version. Windows also offers the constructed
//! `msDS-ReplAttributeMetaData` (one XML fragment per attribute), read by
//! [`from_constructed`]; Samba 4.17 returns only the binary form.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::Guid;

/// The attribute id of `nTSecurityDescriptor` (prefix-mapped 0x00020119).
pub const ATTID_NT_SECURITY_DESCRIPTOR: u32 = 0x0002_0119;
/// The attribute id of `unicodePwd` (0x0009005a).
pub const ATTID_UNICODE_PWD: u32 = 0x0009_005a;

const HEADER: usize = 16;
const ENTRY: usize = 48;

/// One attribute's replication metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AttrMeta {
    /// The attribute id (see [`ATTID_NT_SECURITY_DESCRIPTOR`]).
    pub attid: u32,
    /// How many originating writes the attribute has seen.
    pub version: u32,
    /// When the last originating write happened: seconds since 1601-01-01
    /// UTC (DSTIME; a FILETIME divided by 10^7).
    pub originating_change: u64,
    /// The DC (its database's invocation id) the last write was made on.
    pub originating_invocation_id: Guid,
    /// That DC's USN for the write.
    pub originating_usn: i64,
    /// This DC's USN when it applied the write (differs per DC).
    pub local_usn: i64,
}

impl AttrMeta {
    /// Whether `other` (another DC's copy) holds the same originating
    /// write: version, time and originating DC alike. Local USNs differ
    /// from DC to DC and are not compared.
    pub fn same_write(&self, other: &AttrMeta) -> bool {
        self.attid == other.attid
            && self.version == other.version
            && self.originating_change == other.originating_change
            && self.originating_invocation_id == other.originating_invocation_id
            && self.originating_usn == other.originating_usn
    }

    /// Whether this copy is at least as new as `other` (the write we made):
    /// a higher version, or the same version from a later or equal write
    /// (MS-DRSR's conflict order: version, then time, then invocation id).
    pub fn at_least(&self, other: &AttrMeta) -> bool {
        (
            self.version,
            self.originating_change,
            self.originating_invocation_id,
        ) >= (
            other.version,
            other.originating_change,
            other.originating_invocation_id,
        )
    }

    /// Unix seconds of [`AttrMeta::originating_change`] (0 before 1970).
    pub fn unix_seconds(&self) -> u64 {
        self.originating_change.saturating_sub(SECONDS_1601_TO_1970)
    }
}

/// Seconds between 1601-01-01 and 1970-01-01.
pub const SECONDS_1601_TO_1970: u64 = 11_644_473_600;

/// Why replication metadata could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplMetaError {
    /// Shorter than its header or its entries.
    #[error("replication metadata is truncated: {needed} bytes needed, {len} given")]
    Truncated {
        /// Bytes the header promises.
        needed: usize,
        /// Bytes given.
        len: usize,
    },
    /// A header version other than 1.
    #[error("replication metadata version {0} (expected 1)")]
    Version(u32),
}

/// Reads a `replPropertyMetaData` value.
pub fn parse(bytes: &[u8]) -> Result<Vec<AttrMeta>, ReplMetaError> {
    let truncated = |needed: usize| ReplMetaError::Truncated {
        needed,
        len: bytes.len(),
    };
    if bytes.len() < HEADER {
        return Err(truncated(HEADER));
    }
    let version = u32_at(bytes, 0);
    if version != 1 {
        return Err(ReplMetaError::Version(version));
    }
    let count = u32_at(bytes, 8) as usize;
    let needed = count
        .checked_mul(ENTRY)
        .and_then(|n| n.checked_add(HEADER))
        .ok_or_else(|| truncated(usize::MAX))?;
    if bytes.len() < needed {
        return Err(truncated(needed));
    }
    Ok((0..count)
        .map(|i| {
            let o = HEADER + i * ENTRY;
            let mut guid = [0u8; 16];
            guid.copy_from_slice(&bytes[o + 16..o + 32]);
            AttrMeta {
                attid: u32_at(bytes, o),
                version: u32_at(bytes, o + 4),
                originating_change: u64_at(bytes, o + 8),
                originating_invocation_id: Guid(guid),
                originating_usn: u64_at(bytes, o + 32) as i64,
                local_usn: u64_at(bytes, o + 40) as i64,
            }
        })
        .collect())
}

/// The entry for `attid`, if the metadata holds one.
pub fn find(entries: &[AttrMeta], attid: u32) -> Option<AttrMeta> {
    entries.iter().copied().find(|m| m.attid == attid)
}

/// Writes metadata in the same layout (for the demo organization and tests).
pub fn encode(entries: &[AttrMeta]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + entries.len() * ENTRY);
    out.extend_from_slice(&1u32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    for m in entries {
        out.extend_from_slice(&m.attid.to_le_bytes());
        out.extend_from_slice(&m.version.to_le_bytes());
        out.extend_from_slice(&m.originating_change.to_le_bytes());
        out.extend_from_slice(m.originating_invocation_id.bytes());
        out.extend_from_slice(&m.originating_usn.to_le_bytes());
        out.extend_from_slice(&m.local_usn.to_le_bytes());
    }
    out
}

/// One attribute's version and last originating change, as the pilot test
/// compares them before and after a reset.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Stamp {
    /// Its version.
    pub version: u32,
    /// When it last changed at its origin.
    pub changed: SystemTime,
}

/// The stamp of attribute `attid` in a binary `replPropertyMetaData`;
/// None when absent, malformed or dated before 1970 (never a panic).
pub fn from_binary(blob: &[u8], attid: u32) -> Option<Stamp> {
    let meta = find(&parse(blob).ok()?, attid)?;
    let secs = meta.originating_change.checked_sub(SECONDS_1601_TO_1970)?;
    Some(Stamp {
        version: meta.version,
        changed: UNIX_EPOCH.checked_add(Duration::from_secs(secs))?,
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
pub fn from_constructed(values: &[String], attribute: &str) -> Option<Stamp> {
    values.iter().find_map(|v| {
        if !tag(v, "pszAttributeName")?.eq_ignore_ascii_case(attribute) {
            return None;
        }
        Some(Stamp {
            version: tag(v, "dwVersion")?.parse().ok()?,
            changed: humantime::parse_rfc3339_weak(
                tag(v, "ftimeLastOriginatingChange")?.trim_end_matches('Z'),
            )
            .ok()?,
        })
    })
}

fn u32_at(b: &[u8], o: usize) -> u32 {
    u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}

fn u64_at(b: &[u8], o: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[o..o + 8]);
    u64::from_le_bytes(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The domain root's metadata as Samba 4.17 returned it over LDAP from
    /// the second DC of a domain after one write on the first (the header
    /// and two of its 36 entries: objectClass and nTSecurityDescriptor).
    fn sample() -> Vec<u8> {
        let hex = concat!(
            "01000000000000000200000000000000",
            "0000000001000000a879252103000000",
            "d5a7fdce170e994eaca552aaca88934a",
            "0a00000000000000900d000000000000",
            "19010200020000002d7a252103000000",
            "d5a7fdce170e994eaca552aaca88934a",
            "ae0f000000000000bc0e000000000000",
        );
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect()
    }

    #[test]
    fn reads_samba_metadata() {
        let m = parse(&sample()).expect("parses");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].attid, 0);
        assert_eq!(m[0].version, 1);
        assert_eq!(m[0].originating_usn, 10);
        assert_eq!(m[0].local_usn, 3472);
        assert_eq!(
            m[0].originating_invocation_id.to_string(),
            "cefda7d5-0e17-4e99-aca5-52aaca88934a"
        );
        let sd = find(&m, ATTID_NT_SECURITY_DESCRIPTOR).expect("sd entry");
        assert_eq!(sd.version, 2);
        assert_eq!(sd.originating_change, 13_441_006_125);
        assert_eq!(sd.originating_usn, 4014);
        assert_eq!(sd.local_usn, 3772);
        // 2026-12-06, as the DC's clock said.
        assert_eq!(sd.unix_seconds() / 86_400, 20_793);
    }

    #[test]
    fn round_trips_and_compares_writes() {
        let m = parse(&sample()).expect("parses");
        assert_eq!(parse(&encode(&m)).expect("parses"), m);
        let ours = m[1];
        let mut replica = ours;
        replica.local_usn = 4014;
        assert!(replica.same_write(&ours) && replica.at_least(&ours));
        let mut older = ours;
        older.version = 1;
        older.originating_change -= 133;
        assert!(!older.same_write(&ours) && !older.at_least(&ours));
        let mut newer = ours;
        newer.version = 3;
        assert!(newer.at_least(&ours) && !newer.same_write(&ours));
    }

    #[test]
    fn refuses_bad_input_without_panicking() {
        assert!(matches!(parse(&[]), Err(ReplMetaError::Truncated { .. })));
        let mut b = sample();
        b[0] = 2;
        assert_eq!(parse(&b), Err(ReplMetaError::Version(2)));
        let b = sample();
        assert!(matches!(
            parse(&b[..b.len() - 1]),
            Err(ReplMetaError::Truncated { needed: 112, .. })
        ));
        let mut huge = sample();
        huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(parse(&huge).is_err());
        for n in 0..b.len() {
            let _ = parse(&b[..n]);
        }
    }

    // The pilot test's view (unicodePwd's stamp).

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
        let t = SECONDS_1601_TO_1970 + 1_764_644_400;
        let b = blob(&[(0, 1, t - 100), (ATTID_UNICODE_PWD, 3, t), (0x90060, 2, t)]);
        assert_eq!(b.len(), 16 + 3 * 48);
        assert_eq!(
            from_binary(&b, ATTID_UNICODE_PWD),
            Some(Stamp {
                version: 3,
                changed: UNIX_EPOCH + Duration::from_secs(1_764_644_400)
            })
        );
        assert_eq!(from_binary(&b, 0x12345), None);
        assert_eq!(ATTID_UNICODE_PWD, 589_914);
    }

    #[test]
    fn malformed_blobs_give_none() {
        let b = blob(&[(ATTID_UNICODE_PWD, 3, SECONDS_1601_TO_1970 + 5)]);
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
            Some(Stamp {
                version: 4,
                changed: UNIX_EPOCH + Duration::from_secs(1_796_180_400)
            })
        );
        assert_eq!(from_constructed(&values, "ntPwdHistory"), None);
        assert_eq!(from_constructed(&["<garbage".into()], "unicodePwd"), None);
    }
}
