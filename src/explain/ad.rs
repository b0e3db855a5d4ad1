//! Step 1 in words: pre-flight findings on Active Directory, the
//! connector account's problems, and which users the grant does not reach
//! and why (with the fix).

use crate::fl;
use crate::localize::with_option;
use crate::task::access::{Audit, BlockedUser, FIRST_USERS, Group, Reason};
use crate::task::permissions::{AccountKind, ConnectorProblem, Finding};

/// A finding's line, naming its domain when targets lie in several.
fn in_domain(text: String, domain: &Option<String>) -> String {
    match domain {
        Some(domain) => fl!(
            "forest-in-domain",
            text = text.as_str(),
            domain = domain.as_str()
        ),
        None => text,
    }
}

/// A pre-flight finding as one translated line.
pub fn finding(f: &Finding) -> String {
    match f {
        Finding::Connection { server, tls: true } => {
            fl!("check-connection-tls", server = server.as_str())
        }
        Finding::Connection { server, tls: false } => {
            fl!("check-connection-plain", server = server.as_str())
        }
        Finding::DaclWritable { dn, writable: true } => {
            fl!("check-dacl-writable", dn = dn.as_str())
        }
        Finding::DaclWritable {
            dn,
            writable: false,
        } => {
            fl!("check-dacl-not-writable", dn = dn.as_str())
        }
        Finding::ConnectorAccount { dn, enabled: true } => {
            fl!("check-connector-found", dn = dn.as_str())
        }
        Finding::ConnectorAccount { dn, enabled: false } => {
            fl!("check-connector-disabled", dn = dn.as_str())
        }
        Finding::MinPwdAge { days, domain } => in_domain(
            if *days == 0 {
                fl!("check-min-pwd-age-ok")
            } else {
                {
                    let days = *days;
                    fl!("check-min-pwd-age", days = days)
                }
            },
            domain,
        ),
        Finding::PolicyHints { supported, domain } => in_domain(
            if *supported {
                fl!("check-policy-hints-ok")
            } else {
                fl!("check-policy-hints-missing")
            },
            domain,
        ),
        Finding::UsersOutOfReach { scanned, users } if users.is_empty() => {
            fl!("check-reach-all", scanned = (*scanned))
        }
        Finding::UsersOutOfReach { scanned, users } => {
            let audit = Audit {
                scanned: *scanned,
                blocked: users.clone(),
                ..Audit::default()
            };
            let mut text = fl!(
                "check-reach-some",
                count = users.len(),
                scanned = (*scanned)
            );
            for line in groups_text(&audit.groups(FIRST_USERS)) {
                text.push_str("\n    ");
                text.push_str(&line);
            }
            text
        }
        Finding::CannotChangePassword { users } => {
            let mut text = fl!("check-cannot-change", count = users.len());
            for u in users.iter().take(FIRST_USERS) {
                text.push_str("\n    ");
                text.push_str(SUB);
                text.push_str(&blocked_user(u));
            }
            text
        }
        Finding::BlockedOus { ous } => {
            let mut text = fl!("check-blocked-ous", count = ous.len());
            for ou in ous {
                text.push_str("\n    ");
                text.push_str(SUB);
                text.push_str(&if crate::localize::command_line() {
                    fl!("cli-blocked-ou", dn = ou.dn.as_str(), users = ou.users)
                } else {
                    fl!("check-blocked-ou", dn = ou.dn.as_str(), users = ou.users)
                });
            }
            text
        }
        Finding::PsoMinPwdAge { users } => {
            fl!("check-pso-min-age", count = (*users))
        }
        Finding::UnexpirePassword { dn, allowed: true } => {
            fl!("check-unexpire-ok", dn = dn.as_str())
        }
        Finding::UnexpirePassword { dn, allowed: false } => {
            fl!("check-unexpire-missing", dn = dn.as_str())
        }
        Finding::ConnectorState { problem } => connector_problem(problem),
        Finding::InetOrgPerson {
            count,
            covered: true,
        } => {
            fl!("check-inetorgperson-covered", count = (*count))
        }
        Finding::InetOrgPerson {
            count,
            covered: false,
        } => with_option(
            fl!("check-inetorgperson-uncovered", count = (*count)),
            "--inetorgperson",
        ),
        Finding::GrantState { dn, state } => match state.as_str() {
            "granted" => fl!("check-grant-complete", dn = dn.as_str()),
            "partly" => fl!("check-grant-partial", dn = dn.as_str()),
            _ => fl!("check-grant-none", dn = dn.as_str()),
        },
        Finding::AdminSdHolder { dn } => fl!("check-adminsdholder", dn = dn.as_str()),
    }
}

/// Something wrong with the connector account, translated with its fix.
pub fn connector_problem(p: &ConnectorProblem) -> String {
    match p {
        ConnectorProblem::NotAUser { kind } => fl!(
            "connector-not-a-user",
            kind = match kind {
                AccountKind::Computer => fl!("account-kind-computer"),
                AccountKind::ManagedServiceAccount => fl!("account-kind-gmsa"),
                _ => fl!("account-kind-other"),
            }
        ),
        ConnectorProblem::LockedOut => fl!("connector-locked-out"),
        ConnectorProblem::PasswordExpired => fl!("connector-password-expired"),
        ConnectorProblem::AccountExpired => fl!("connector-account-expired"),
        ConnectorProblem::Privileged {
            groups,
            admin_count,
        } => {
            let mut who = groups.clone();
            if *admin_count {
                who.push("adminCount=1".into());
            }
            fl!("connector-privileged", groups = who.join(", "))
        }
        ConnectorProblem::ProtectedUsers => fl!("connector-protected-users"),
        ConnectorProblem::TokenWithoutGlobalCatalog => fl!("token-without-gc"),
    }
}

/// A reason in words, with the fix.
pub fn reason(r: &Reason) -> String {
    match r {
        Reason::CannotChangePassword => fl!("reason-cannot-change-password"),
        Reason::ExplicitDeny => fl!("reason-explicit-deny"),
        Reason::InheritedDeny { from: Some(ou) } => {
            fl!("reason-inherited-deny-from", ou = ou.as_str())
        }
        Reason::InheritedDeny { from: None } => fl!("reason-inherited-deny"),
        Reason::InheritanceDisabled => fl!("reason-inheritance-disabled"),
        Reason::BlockedAbove { ou } => fl!("reason-blocked-above", ou = ou.as_str()),
        Reason::AdminCount => fl!("reason-admin-count"),
        Reason::ClassNotCovered => fl!("reason-class-not-covered"),
        Reason::NotPropagated => fl!("reason-not-propagated"),
        Reason::Unknown => fl!("reason-unknown"),
        Reason::SubclassNotCovered { class } => {
            fl!("reason-subclass-not-covered", class = class.as_str())
        }
        Reason::UnknownAbove { dn } => fl!("reason-unknown-above", dn = dn.as_str()),
    }
}

/// The fix for a reason.
pub fn fix(r: &Reason) -> String {
    match r {
        Reason::CannotChangePassword => fl!("fix-cannot-change-password"),
        Reason::ExplicitDeny => fl!("fix-explicit-deny"),
        Reason::InheritedDeny { .. } => fl!("fix-inherited-deny"),
        Reason::InheritanceDisabled => fl!("fix-inheritance-disabled"),
        Reason::BlockedAbove { ou } => fl!("fix-blocked-above", ou = ou.as_str()),
        Reason::AdminCount => fl!("fix-admin-count"),
        Reason::ClassNotCovered => fl!("fix-class-not-covered"),
        Reason::NotPropagated => fl!("fix-not-propagated"),
        Reason::Unknown => fl!("fix-unknown"),
        Reason::SubclassNotCovered { class } => {
            fl!("fix-subclass-not-covered", class = class.as_str())
        }
        Reason::UnknownAbove { dn } => fl!("fix-unknown-above", dn = dn.as_str()),
    }
}

/// A right of the grant in words.
pub fn right_text(name: &str) -> String {
    match name {
        "reset-password" => fl!("right-reset-password"),
        "change-password" => fl!("right-change-password"),
        "write-lockout-time" => fl!("right-write-lockout-time"),
        "write-pwd-last-set" => fl!("right-write-pwd-last-set"),
        other => other.to_string(),
    }
}

/// One blocked user: name, DN and the rights missing.
pub fn blocked_user(u: &BlockedUser) -> String {
    fl!(
        "blocked-user",
        name = u.sam_account_name.as_str(),
        dn = u.dn.as_str(),
        rights = u
            .rights
            .iter()
            .map(|r| right_text(r))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The indent of a line that belongs to the line above it (a user under
/// its reason, an OU under its finding).
pub const SUB: &str = "  · ";

/// Lines for groups of blocked users: per reason its count and fix, then
/// the first users (indented with [`SUB`]), then how many more.
pub fn groups_text(groups: &[Group]) -> Vec<String> {
    let mut lines = Vec::new();
    for g in groups {
        lines.push(fl!(
            "reach-group",
            count = g.count,
            reason = reason(&g.reason),
            fix = fix(&g.reason)
        ));
        for u in &g.first {
            lines.push(format!("{SUB}{}", blocked_user(u)));
        }
        let more = g.count.saturating_sub(g.first.len() as u64);
        if more > 0 {
            lines.push(format!(
                "{SUB}{}",
                with_option(fl!("reach-more", count = more), "--json")
            ));
        }
    }
    lines
}

/// The verify report in words: the summary, targets without the grant,
/// then the blocked users grouped by reason.
pub fn audit_text(a: &Audit) -> Vec<String> {
    let mut lines = vec![fl!(
        "cli-verify-summary",
        carrying = a.carrying,
        total = a.scanned
    )];
    for t in &a.ungranted {
        lines.push(fl!(
            "verify-target-ungranted",
            target = t.target.as_str(),
            count = t.users
        ));
    }
    for d in &a.domains {
        lines.push(fl!(
            "forest-verify-domain",
            domain = d.domain.as_str(),
            server = d.server.as_str(),
            carrying = d.carrying,
            total = d.scanned,
            blocked = d.blocked.to_string()
        ));
    }
    lines.extend(unexpire_lines(a));
    lines.extend(groups_text(&a.groups(FIRST_USERS)));
    lines
}

/// A line per domain root in scope where the connector lacks Unexpire
/// password (verify).
pub fn unexpire_lines(a: &Audit) -> Vec<String> {
    a.unexpire_missing
        .iter()
        .map(|dn| fl!("check-unexpire-missing", dn = dn.as_str()))
        .collect()
}
