//! The DC table's words (issue 25), for the Verify page and
//! `verify --all-dcs`: one line per DC, the Connect server's DC, the end of
//! a wait and of a pull.

use std::time::Duration;

use crate::fl;
use crate::task::dcs::{ConnectDc, DcFacts, DcProgress, DcTable, Held, Pulled, WaitEnd};
use crate::task::permissions::Outcome;

/// One fact's word.
pub fn held(h: Held) -> String {
    match h {
        Held::Yes => fl!("dcs-held-yes"),
        Held::Behind => fl!("dcs-held-behind"),
        Held::Differs => fl!("dcs-held-differs"),
        Held::Unknown => fl!("dcs-held-unknown"),
    }
}

/// Whether the DC is reached, as a word.
pub fn reachable(f: &DcFacts) -> String {
    if f.unreachable.is_none() {
        fl!("dcs-reachable-yes")
    } else {
        fl!("dcs-reachable-no")
    }
}

/// How a row is graded: fine, behind (a warning), unreachable or
/// differing (blocking: it will not get there by waiting).
pub fn outcome(f: &DcFacts) -> Outcome {
    if f.current() {
        Outcome::Ok
    } else if f.unreachable.is_some() || f.replicated == Held::Differs {
        Outcome::Blocking
    } else {
        Outcome::Warning
    }
}

/// The marks after a DC's name: written to, Connect writes here, read-only.
pub fn marks(f: &DcFacts) -> Vec<String> {
    let mut out = Vec::new();
    if f.written_to {
        out.push(fl!("dcs-written-to"));
    }
    if f.connect {
        out.push(fl!("dcs-connect-uses"));
    }
    if f.dc.read_only {
        out.push(fl!("dcs-read-only"));
    }
    out
}

/// One DC as a line of text.
pub fn row(f: &DcFacts) -> String {
    let mut line = match &f.unreachable {
        Some(e) => fl!(
            "dcs-unreachable",
            name = f.dc.name.as_str(),
            host = f.dc.host.as_str(),
            site = f.dc.site.as_str(),
            reason = crate::explain::directory_error(e)
        ),
        None => fl!(
            "dcs-row",
            name = f.dc.name.as_str(),
            host = f.dc.host.as_str(),
            site = f.dc.site.as_str(),
            replicated = held(f.replicated),
            propagated = held(f.propagated)
        ),
    };
    if let Some(dn) = f.first_behind.as_deref().filter(|_| !f.current()) {
        line.push_str(&format!(" — {}", fl!("dcs-first-behind", dn = dn)));
    }
    let marks = marks(f);
    if !marks.is_empty() {
        line.push_str(&format!(" [{}]", marks.join("; ")));
    }
    line
}

/// Which DC the Connect server writes through.
pub fn connect(c: &ConnectDc) -> String {
    match c {
        ConnectDc::Preferred(list) => fl!("dcs-connect-preferred", dcs = list.join(", ")),
        ConnectDc::Locator => fl!("dcs-connect-locator"),
        ConnectDc::Unknown => fl!("dcs-connect-unknown"),
    }
}

fn names(t: &DcTable) -> String {
    t.behind()
        .iter()
        .map(|f| f.dc.name.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The table's conclusion: every DC has it, or which are behind.
pub fn summary(t: &DcTable) -> (Outcome, String) {
    if t.all_current() {
        (Outcome::Ok, fl!("dcs-all-current"))
    } else {
        (Outcome::Warning, fl!("dcs-behind", dcs = names(t)))
    }
}

/// How a wait ended.
pub fn wait_end(end: &WaitEnd) -> (Outcome, String) {
    match end {
        WaitEnd::AllCurrent(_) => (Outcome::Ok, fl!("dcs-all-current")),
        WaitEnd::TimedOut(t) => (Outcome::Warning, fl!("dcs-wait-timed-out", dcs = names(t))),
        WaitEnd::Cancelled(t) => (Outcome::Warning, fl!("dcs-wait-cancelled", dcs = names(t))),
    }
}

/// mm:ss.
pub fn clock(d: Duration) -> String {
    let s = d.as_secs();
    format!("{}:{:02}", s / 60, s % 60)
}

/// The live progress line.
pub fn progress(p: &DcProgress) -> String {
    match p {
        DcProgress::Reading { host, index, total } => fl!(
            "dcs-reading",
            host = host.as_str(),
            index = (*index as u64),
            total = (*total as u64)
        ),
        DcProgress::Round {
            current,
            total,
            waited,
            limit,
        } => fl!(
            "dcs-wait-progress",
            current = (*current as u64),
            total = (*total as u64),
            waited = clock(*waited),
            limit = clock(*limit)
        ),
    }
}

/// How a pull ended: the line, and the manual commands when refused.
pub fn pulled(dc: &str, source: &str, p: &Pulled) -> (Outcome, String, Vec<String>) {
    match p {
        Pulled::Done => (
            Outcome::Ok,
            fl!("dcs-pull-done", dc = dc, source = source),
            Vec::new(),
        ),
        Pulled::Refused { reason, commands } => (
            Outcome::Warning,
            fl!(
                "dcs-pull-refused",
                dc = dc,
                reason = crate::explain::directory_error(reason)
            ),
            commands.clone(),
        ),
    }
}
