//! An exported Application log, for `diagnose --from FILE`: helpdesk staff
//! diagnose a log a customer sent, on any OS. Two forms:
//!
//! - JSON from `Get-WinEvent … | ConvertTo-Json` ([`EXPORT_COMMAND`]
//!   prints the exact one-liner): an array of events, or one event alone
//!   (ConvertTo-Json drops the array for a single item). `TimeCreated` may
//!   be text (ISO 8601, PowerShell 7), `/Date(ms)/` (Windows PowerShell
//!   5.1) or an object with `value`/`DateTime`; UTF-8 with or without a
//!   byte order mark, or UTF-16 LE with one (`>` in Windows PowerShell);
//! - `.evtx` files (the `evtx` crate; checksums not required): the
//!   message is the event's data strings (rendering Microsoft's message
//!   templates needs the provider's DLLs, which only the server has).
//!
//! Only the entries of [`SOURCES`] are kept (a whole Application log holds
//! many other providers), newest first.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::backend::sync::{EventRecord, SOURCES};

/// The PowerShell one-liner that exports the last week of the writeback
/// entries to `writeback-events.json` (run on the Connect server).
pub const EXPORT_COMMAND: &str = "'PasswordResetService','ADSync','Directory Synchronization' | ForEach-Object { Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = $_; StartTime = (Get-Date).AddDays(-7) } -ErrorAction SilentlyContinue } | Select-Object @{ n = 'TimeCreated'; e = { $_.TimeCreated.ToUniversalTime().ToString('o') } }, Id, ProviderName, Level, Message | ConvertTo-Json | Out-File -Encoding utf8 writeback-events.json";

/// The largest file read (256 MiB).
pub const MAX_FILE: u64 = 256 * 1024 * 1024;
/// Each message is cut at this many characters, as the live read does.
const MAX_MESSAGE: usize = 4000;

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EventFileError {
    /// The file could not be opened or read.
    #[error("{0}")]
    Io(String),
    /// Larger than [`MAX_FILE`].
    #[error("the file is larger than {0} bytes")]
    TooLarge(u64),
    /// Neither an `.evtx` file nor the JSON of `ConvertTo-Json`.
    #[error("not an exported event log: {0}")]
    Format(String),
}

/// Reads an exported log: `.evtx` (by its signature) or JSON.
pub fn read(path: &Path) -> Result<Vec<EventRecord>, EventFileError> {
    let size = std::fs::metadata(path)
        .map_err(|e| EventFileError::Io(e.to_string()))?
        .len();
    if size > MAX_FILE {
        return Err(EventFileError::TooLarge(MAX_FILE));
    }
    let bytes = std::fs::read(path).map_err(|e| EventFileError::Io(e.to_string()))?;
    parse(bytes)
}

/// Parses the bytes of an exported log.
pub fn parse(bytes: Vec<u8>) -> Result<Vec<EventRecord>, EventFileError> {
    let mut events = if bytes.starts_with(b"ElfFile\0") {
        from_evtx(bytes)?
    } else {
        from_json(&text_of(&bytes)?)?
    };
    events.retain(|e| SOURCES.iter().any(|s| s.eq_ignore_ascii_case(&e.source)));
    events.sort_by(|a, b| b.time.cmp(&a.time));
    Ok(events)
}

/// The text of a JSON export: UTF-8 (BOM dropped) or UTF-16 LE with BOM.
fn text_of(bytes: &[u8]) -> Result<String, EventFileError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).map_err(|e| EventFileError::Format(e.to_string()));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| EventFileError::Format(e.to_string()))
}

/// A field by any of its names, without regard to case.
fn field<'a>(v: &'a Value, names: &[&str]) -> Option<&'a Value> {
    let map = v.as_object()?;
    names.iter().find_map(|n| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v)
    })
}

/// A time as RFC 3339 UTC from the forms ConvertTo-Json writes.
pub fn time_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => time_text(s),
        Value::Object(_) => field(v, &["value", "DateTime"]).and_then(time_of),
        _ => None,
    }
}

fn time_text(s: &str) -> Option<String> {
    let s = s.trim();
    // "/Date(1796180400000)/" (Windows PowerShell 5.1), maybe with an offset.
    if let Some(inner) = s
        .strip_prefix("/Date(")
        .or_else(|| s.strip_prefix("\\/Date("))
    {
        let digits: String = inner
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        let ms: i64 = digits.parse().ok()?;
        let t = UNIX_EPOCH.checked_add(Duration::from_millis(u64::try_from(ms).ok()?))?;
        return Some(crate::audit::rfc3339(t));
    }
    // ISO 8601 with Z or an offset (PowerShell 7, or .ToString('o')).
    let (base, offset) = split_offset(s);
    let t = humantime::parse_rfc3339_weak(base.trim_end_matches('Z')).ok()?;
    let t = if offset >= 0 {
        t.checked_sub(Duration::from_secs(offset as u64))?
    } else {
        t.checked_add(Duration::from_secs(offset.unsigned_abs()))?
    };
    Some(crate::audit::rfc3339(t))
}

/// Splits `…+01:00` into the time and the offset in seconds.
fn split_offset(s: &str) -> (&str, i64) {
    if s.len() > 6 {
        let (base, tail) = s.split_at(s.len() - 6);
        let b = tail.as_bytes();
        if (b[0] == b'+' || b[0] == b'-') && b[3] == b':' && base.contains('T') {
            if let (Ok(h), Ok(m)) = (tail[1..3].parse::<i64>(), tail[4..6].parse::<i64>()) {
                let secs = h * 3600 + m * 60;
                return (base, if b[0] == b'-' { -secs } else { secs });
            }
        }
    }
    (s, 0)
}

fn cut(text: &str) -> String {
    text.chars().take(MAX_MESSAGE).collect()
}

/// Events from the JSON of `ConvertTo-Json` (also the wizard's own
/// `time`/`id`/`source`/`level`/`message` records).
pub fn from_json(text: &str) -> Result<Vec<EventRecord>, EventFileError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| EventFileError::Format(e.to_string()))?;
    let items = match &value {
        Value::Array(a) => a.clone(),
        Value::Object(_) => vec![value.clone()],
        _ => {
            return Err(EventFileError::Format(
                "neither an array nor an object".into(),
            ));
        }
    };
    let mut events = Vec::with_capacity(items.len());
    for item in &items {
        let id = field(item, &["Id", "EventID"]).and_then(Value::as_u64);
        let source = field(item, &["ProviderName", "source"]).and_then(Value::as_str);
        let (Some(id), Some(source)) = (id, source) else {
            return Err(EventFileError::Format(
                "an entry without Id or ProviderName".into(),
            ));
        };
        events.push(EventRecord {
            time: field(item, &["TimeCreated", "time"])
                .and_then(time_of)
                .unwrap_or_default(),
            id: u32::try_from(id).unwrap_or(0),
            source: source.to_string(),
            level: field(item, &["Level", "level"])
                .and_then(Value::as_u64)
                .and_then(|l| u8::try_from(l).ok())
                .unwrap_or(0),
            message: cut(field(item, &["Message", "message"])
                .and_then(Value::as_str)
                .unwrap_or_default()),
        });
    }
    Ok(events)
}

/// The strings of an event's data (`EventData`), in order.
fn data_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
        Value::Number(n) => out.push(n.to_string()),
        Value::Array(a) => a.iter().for_each(|x| data_strings(x, out)),
        Value::Object(m) => m
            .iter()
            .filter(|(k, _)| k.as_str() != "#attributes")
            .for_each(|(_, x)| data_strings(x, out)),
        _ => {}
    }
}

/// One `.evtx` record's JSON as an event.
fn from_evtx_json(v: &Value) -> Option<EventRecord> {
    let event = v.get("Event")?;
    let system = event.get("System")?;
    let source = system
        .get("Provider")?
        .get("#attributes")?
        .get("Name")?
        .as_str()?
        .to_string();
    let id = system.get("EventID").and_then(|e| {
        e.as_u64()
            .or_else(|| e.get("#text").and_then(Value::as_u64))
    })?;
    let level = system.get("Level").and_then(Value::as_u64).unwrap_or(0);
    let time = system
        .get("TimeCreated")
        .and_then(|t| t.get("#attributes"))
        .and_then(|a| a.get("SystemTime"))
        .and_then(Value::as_str)
        .and_then(time_text)
        .unwrap_or_default();
    let mut strings = Vec::new();
    if let Some(data) = event.get("EventData").or_else(|| event.get("UserData")) {
        data_strings(data, &mut strings);
    }
    Some(EventRecord {
        time,
        id: u32::try_from(id & 0xFFFF).unwrap_or(0),
        source,
        level: u8::try_from(level).unwrap_or(0),
        message: cut(&strings.join(" ")),
    })
}

/// Events from an `.evtx` file. A record that cannot be read is skipped
/// (a log copied from a live server may end mid-record).
pub fn from_evtx(bytes: Vec<u8>) -> Result<Vec<EventRecord>, EventFileError> {
    let settings = evtx::ParserSettings::new()
        .num_threads(1)
        .validate_checksums(false);
    let mut parser = evtx::EvtxParser::from_buffer(bytes)
        .map_err(|e| EventFileError::Format(e.to_string()))?
        .with_configuration(settings);
    let mut events = Vec::new();
    let mut skipped = 0usize;
    for record in parser.records_json_value() {
        match record {
            Ok(r) => events.extend(from_evtx_json(&r.data)),
            Err(_) => skipped += 1,
        }
    }
    if skipped > 0 {
        tracing::info!(skipped, "evtx records that could not be read");
    }
    Ok(events)
}

/// Reads an exported log and diagnoses it: the report's host is the
/// file's name, its `since` the oldest entry's time.
pub fn report(path: &Path) -> Result<crate::task::diagnose::Report, EventFileError> {
    let events = read(path)?;
    Ok(crate::task::diagnose::Report {
        host: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        since: oldest(&events),
        entries: crate::task::diagnose::diagnose_all(events),
    })
}

/// The oldest time among `events` (RFC 3339), or the epoch's.
pub fn oldest(events: &[EventRecord]) -> String {
    events
        .iter()
        .map(|e| e.time.as_str())
        .filter(|t| !t.is_empty())
        .min()
        .map(str::to_string)
        .unwrap_or_else(|| crate::audit::rfc3339(SystemTime::UNIX_EPOCH))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_every_form() {
        let want = Some("2026-12-02T03:00:00Z".to_string());
        assert_eq!(time_text("2026-12-02T03:00:00Z"), want);
        assert_eq!(time_text("2026-12-02T03:00:00.0000000Z"), want);
        assert_eq!(
            time_text("2026-12-02T04:00:00.1234567+01:00").as_deref(),
            Some("2026-12-02T03:00:00Z")
        );
        assert_eq!(
            time_text("/Date(1796180400000)/").as_deref(),
            Some("2026-12-02T03:00:00Z")
        );
        assert_eq!(
            time_of(&serde_json::json!({"value": "/Date(1796180400000)/", "DisplayHint": 2}))
                .as_deref(),
            Some("2026-12-02T03:00:00Z")
        );
        assert_eq!(time_text("yesterday"), None);
    }

    #[test]
    fn one_object_or_an_array_in_utf8_or_utf16() {
        let one = r#"{"TimeCreated":"2026-12-02T03:00:00Z","Id":31010,"ProviderName":"PasswordResetService","Level":4,"Message":"ok"}"#;
        let e = parse(one.as_bytes().to_vec()).unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].id, e[0].level), (31010, 4));
        let many =
            format!("\u{feff}[{one}, {{\"Id\":1,\"ProviderName\":\"Other\",\"Message\":\"x\"}}]");
        assert_eq!(
            parse(many.into_bytes()).unwrap().len(),
            1,
            "other providers dropped"
        );
        let mut utf16 = vec![0xFF, 0xFE];
        for u in one.encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(parse(utf16).unwrap()[0].id, 31010);
        assert!(matches!(
            parse(b"not json".to_vec()),
            Err(EventFileError::Format(_))
        ));
        assert!(parse(b"[{\"Message\":\"x\"}]".to_vec()).is_err());
    }
}
