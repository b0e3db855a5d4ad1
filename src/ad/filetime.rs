//! FILETIME, the time Active Directory keeps in `pwdLastSet` and its
//! kin: 100-nanosecond intervals since 1601-01-01 UTC.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds between 1601-01-01 and 1970-01-01.
const EPOCH_1601: u64 = 11_644_473_600;

/// A time as a FILETIME (100 ns since 1601), as `pwdLastSet` holds it.
pub fn filetime(t: SystemTime) -> i64 {
    let since = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs().saturating_add(EPOCH_1601);
    i64::try_from(secs.saturating_mul(10_000_000) + u64::from(since.subsec_nanos() / 100))
        .unwrap_or(i64::MAX)
}

/// A FILETIME as RFC 3339; 0 ("must change at next logon") stays `0`,
/// values out of range read "never".
pub fn filetime_text(ft: i64) -> String {
    if ft == 0 {
        return "0".into();
    }
    let Ok(ft) = u64::try_from(ft) else {
        return "never".into();
    };
    let secs = ft / 10_000_000;
    match secs.checked_sub(EPOCH_1601) {
        Some(unix) if unix < 253_402_300_800 => {
            humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(unix)).to_string()
        }
        _ => "never".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filetimes_round_trip() {
        let t = UNIX_EPOCH + Duration::from_secs(1_764_000_000);
        let ft = filetime(t);
        assert_eq!(ft, (1_764_000_000 + 11_644_473_600) * 10_000_000);
        assert_eq!(filetime_text(ft), "2025-11-24T16:00:00Z");
        assert_eq!(filetime_text(0), "0");
        assert_eq!(filetime_text(-1), "never");
        assert_eq!(filetime_text(i64::MAX), "never");
        assert_eq!(filetime_text(1), "never", "before 1970");
    }
}
