//! Translated, plain-language text for security-descriptor data and errors:
//! "Reset password — on descendant user objects — CORP\svc-aadc".

pub mod dcs;

use crate::ad::describe::{Description, Effect, Name, Right, Scope, describe};
use crate::ad::error::DecodeErrorKind;
use crate::ad::sddl::{FormatError, ParseError, ParseErrorKind};
use crate::ad::{Ace, DecodeError, Sid};
use crate::backend::DirectoryError;
use crate::backend::sync::SyncError;
use crate::fl;
use crate::localize::with_option;
use crate::task::access::{Audit, BlockedUser, FIRST_USERS, Group, Reason};
use crate::task::permissions::{AccountKind, BackupProblem, ConnectorProblem, Finding, TaskError};

/// One line for an ACE; `trustee` names the SID (e.g. from the directory).
pub fn ace_line(ace: &Ace, trustee: &dyn Fn(&Sid) -> String) -> String {
    line(&describe(ace), trustee)
}

/// One line for a description.
pub fn line(d: &Description, trustee: &dyn Fn(&Sid) -> String) -> String {
    let rights = d.rights.iter().map(right).collect::<Vec<_>>().join(", ");
    let who = d
        .trustee
        .as_ref()
        .map_or_else(|| fl!("trustee-unknown"), trustee);
    let scope = scope(d.scope);
    let text = match d.effect {
        Effect::Allow => fl!("ace-allow", rights = rights, scope = scope, trustee = who),
        Effect::Deny => fl!("ace-deny", rights = rights, scope = scope, trustee = who),
        Effect::Audit => fl!("ace-audit", rights = rights, scope = scope, trustee = who),
        Effect::Unknown => fl!("ace-unknown"),
    };
    if d.inherited {
        fl!("ace-inherited", line = text)
    } else {
        text
    }
}

/// The name of a well-known SID, or the SID itself.
pub fn well_known_trustee(sid: &Sid) -> String {
    let text = sid.to_string();
    match text.as_str() {
        "S-1-1-0" => fl!("trustee-everyone"),
        "S-1-5-11" => fl!("trustee-authenticated-users"),
        "S-1-5-18" => fl!("trustee-local-system"),
        "S-1-5-10" => fl!("trustee-self"),
        "S-1-3-0" => fl!("trustee-creator-owner"),
        "S-1-5-9" => fl!("trustee-enterprise-dcs"),
        "S-1-5-32-544" => fl!("trustee-administrators"),
        "S-1-5-32-554" => fl!("trustee-pre-windows-2000"),
        "S-1-5-32-560" => fl!("trustee-windows-authorization-access"),
        _ => match (sid.sub_authorities().first(), sid.rid()) {
            (Some(21), Some(512)) => fl!("trustee-domain-admins"),
            (Some(21), Some(519)) => fl!("trustee-enterprise-admins"),
            (Some(21), Some(516)) => fl!("trustee-domain-controllers"),
            _ => text,
        },
    }
}

fn name(n: Name) -> String {
    let key = match n {
        Name::Known(key) => key,
        Name::Guid(g) => return g.to_string(),
    };
    match key {
        "reset-password" => fl!("name-reset-password"),
        "change-password" => fl!("name-change-password"),
        "unexpire-password" => fl!("name-unexpire-password"),
        "lockout-time" => fl!("name-lockout-time"),
        "pwd-last-set" => fl!("name-pwd-last-set"),
        "user" => fl!("name-user"),
        "inet-org-person" => fl!("name-inet-org-person"),
        "computer" => fl!("name-computer"),
        "group" => fl!("name-group"),
        "organizational-unit" => fl!("name-organizational-unit"),
        "replicating-directory-changes" => fl!("name-replicating-directory-changes"),
        "replicating-directory-changes-all" => fl!("name-replicating-directory-changes-all"),
        "user-account-restrictions" => fl!("name-user-account-restrictions"),
        "user-logon" => fl!("name-user-logon"),
        "membership" => fl!("name-membership"),
        "general-information" => fl!("name-general-information"),
        "personal-information" => fl!("name-personal-information"),
        "public-information" => fl!("name-public-information"),
        "user-account-control" => fl!("name-user-account-control"),
        other => other.to_string(),
    }
}

fn right(r: &Right) -> String {
    match r {
        Right::FullControl => fl!("right-full-control"),
        Right::Extended(n) => name(*n),
        Right::AllExtended => fl!("right-all-extended"),
        Right::WriteProperty(n) => fl!("right-write-property", name = name(*n)),
        Right::ReadProperty(n) => fl!("right-read-property", name = name(*n)),
        Right::CreateChild(Some(n)) => fl!("right-create-child", name = name(*n)),
        Right::CreateChild(None) => fl!("right-create-child-any"),
        Right::DeleteChild(Some(n)) => fl!("right-delete-child", name = name(*n)),
        Right::DeleteChild(None) => fl!("right-delete-child-any"),
        Right::ValidatedWrite(Some(n)) => fl!("right-validated-write", name = name(*n)),
        Right::ValidatedWrite(None) => fl!("right-validated-write-any"),
        Right::Letters(l) => match *l {
            "WP" => fl!("right-write-all-properties"),
            "RP" => fl!("right-read-all-properties"),
            "LC" => fl!("right-list-contents"),
            "LO" => fl!("right-list-object"),
            "RC" => fl!("right-read-permissions"),
            "WD" => fl!("right-modify-permissions"),
            "WO" => fl!("right-modify-owner"),
            "SD" => fl!("right-delete"),
            "DT" => fl!("right-delete-subtree"),
            "GR" => fl!("right-generic-read"),
            "GW" => fl!("right-generic-write"),
            "GX" => fl!("right-generic-execute"),
            other => other.to_string(),
        },
        Right::Other(bits) => fl!("right-other", mask = format!("0x{bits:08x}")),
    }
}

fn scope(s: Scope) -> String {
    match s {
        Scope::ThisObject => fl!("scope-this-object"),
        Scope::ThisAndDescendants => fl!("scope-this-and-descendants"),
        Scope::Descendants => fl!("scope-descendants"),
        Scope::DescendantsOfClass(class) => fl!("scope-descendants-of-class", class = name(class)),
        Scope::ThisAndChildren => fl!("scope-this-and-children"),
        Scope::Children => fl!("scope-children"),
    }
}

/// A binary decoding error, translated, with its byte offset.
pub fn decode_error(e: &DecodeError) -> String {
    let what = match &e.kind {
        DecodeErrorKind::Truncated(part) => fl!("sd-error-truncated", part = part.to_string()),
        DecodeErrorKind::Revision(r) => fl!("sd-error-revision", revision = r.to_string()),
        DecodeErrorKind::NotSelfRelative => fl!("sd-error-not-self-relative"),
        DecodeErrorKind::SidRevision(r) => fl!("sd-error-sid-revision", revision = r.to_string()),
        DecodeErrorKind::SidTooLong(n) => fl!("sd-error-sid-too-long", count = n.to_string()),
        DecodeErrorKind::AclRevision(r) => fl!("sd-error-acl-revision", revision = r.to_string()),
        DecodeErrorKind::AclSize(n) => fl!("sd-error-acl-size", size = n.to_string()),
        DecodeErrorKind::AceSize(n) => fl!("sd-error-ace-size", size = n.to_string()),
        DecodeErrorKind::Offset(o) => fl!("sd-error-offset", offset = o.to_string()),
        DecodeErrorKind::TrailingBytes => fl!("sd-error-trailing"),
        DecodeErrorKind::Base64 => {
            let position = e.offset + 1;
            return fl!(
                "sddl-error-at-char",
                what = fl!("sd-error-base64"),
                position = position
            );
        }
    };
    fl!("sd-error-at-byte", what = what, offset = e.offset)
}

/// An SDDL parse error, translated, with its character position (from 1).
pub fn sddl_error(e: &ParseError) -> String {
    let what = match &e.kind {
        ParseErrorKind::Section(found) => fl!("sddl-error-section", found = found.as_str()),
        ParseErrorKind::DuplicateSection(c) => {
            fl!("sddl-error-duplicate-section", section = c.to_string())
        }
        ParseErrorKind::Sid(t) => fl!("sddl-error-sid", token = t.as_str()),
        ParseErrorKind::NeedsDomain(t) => with_option(
            fl!("sddl-error-needs-domain", alias = t.as_str()),
            "--domain-sid",
        ),
        ParseErrorKind::AceType(t) => fl!("sddl-error-ace-type", token = t.as_str()),
        ParseErrorKind::AceFlag(t) => fl!("sddl-error-ace-flag", token = t.as_str()),
        ParseErrorKind::Rights(t) => fl!("sddl-error-rights", token = t.as_str()),
        ParseErrorKind::Guid(t) => fl!("sddl-error-guid", token = t.as_str()),
        ParseErrorKind::GuidOnBasicAce(t) => fl!("sddl-error-guid-on-basic", token = t.as_str()),
        ParseErrorKind::AceFields => fl!("sddl-error-ace-fields"),
        ParseErrorKind::Unclosed => fl!("sddl-error-unclosed"),
        ParseErrorKind::AclFlag(t) => fl!("sddl-error-acl-flag", token = t.as_str()),
        ParseErrorKind::Empty => fl!("sddl-error-empty"),
    };
    let position = e.position + 1;
    fl!("sddl-error-at-char", what = what, position = position)
}

/// An SDDL formatting error, translated.
pub fn format_error(e: &FormatError) -> String {
    let FormatError::Unrepresentable {
        acl,
        index,
        ace_type,
    } = e;
    fl!(
        "sddl-error-unrepresentable",
        acl = acl.to_string(),
        index = (index + 1).to_string(),
        ace_type = format!("0x{ace_type:02x}")
    )
}

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

/// A directory error, translated, naming the fix.
pub fn directory_error(e: &DirectoryError) -> String {
    match e {
        DirectoryError::Unreachable { url, reason } => {
            fl!(
                "dir-error-unreachable",
                url = url.as_str(),
                reason = reason.as_str()
            )
        }
        DirectoryError::UntrustedCertificate { url, reason } => with_option(
            fl!(
                "dir-error-untrusted",
                url = url.as_str(),
                reason = reason.as_str()
            ),
            "--ca-file",
        ),
        DirectoryError::HostnameMismatch { url, reason } => {
            fl!(
                "dir-error-hostname",
                url = url.as_str(),
                reason = reason.as_str()
            )
        }
        DirectoryError::Tls { url, reason } => {
            fl!(
                "dir-error-tls",
                url = url.as_str(),
                reason = reason.as_str()
            )
        }
        DirectoryError::InvalidCredentials => fl!("dir-error-credentials"),
        DirectoryError::InsufficientRights { dn } => {
            fl!("dir-error-rights", dn = dn.as_str())
        }
        DirectoryError::NoSuchObject { dn } => fl!("dir-error-no-such-object", dn = dn.as_str()),
        DirectoryError::Timeout { seconds } => {
            let seconds = *seconds;
            with_option(fl!("dir-error-timeout", seconds = seconds), "--timeout")
        }
        DirectoryError::ConnectionLost { reason } => {
            fl!("dir-error-connection-lost", reason = reason.as_str())
        }
        DirectoryError::Ldap { code, dn, text } => fl!(
            "dir-error-ldap",
            code = code.to_string(),
            dn = dn.as_str(),
            text = text.as_str()
        ),
        DirectoryError::Plaintext => with_option(
            fl!("dir-error-plaintext"),
            "--starttls, --insecure-plaintext",
        ),
        DirectoryError::Config(text) => fl!("dir-error-config", text = text.as_str()),
        DirectoryError::Domain {
            domain,
            server,
            reason,
        } => with_option(
            fl!(
                "forest-error-domain",
                domain = domain.as_str(),
                server = server.as_str(),
                reason = directory_error(reason)
            ),
            &format!("--domain-server {domain}=ldaps://HOST"),
        ),
        DirectoryError::SrvRefused { domain, host } => with_option(
            fl!(
                "srv-refused",
                domain = domain.as_str(),
                host = host.as_str()
            ),
            &format!("--domain-server {domain}=ldaps://HOST --ca-file"),
        ),
        DirectoryError::ReferralRefused { url, dn } => fl!(
            "forest-error-referral-refused",
            url = url.as_str(),
            dn = dn.as_str()
        ),
    }
}

/// A step-1 task error, translated, naming the fix.
pub fn task_error(e: &TaskError) -> String {
    match e {
        TaskError::Directory(d) => directory_error(d),
        TaskError::AccountNotFound(name) => {
            fl!("task-error-account-not-found", name = name.as_str())
        }
        TaskError::AccountAmbiguous { name, candidates } => fl!(
            "task-error-account-ambiguous",
            name = name.as_str(),
            candidates = candidates.join("; ")
        ),
        TaskError::BadData { dn, what } => {
            fl!(
                "task-error-bad-data",
                dn = dn.as_str(),
                what = what.as_str()
            )
        }
        TaskError::Blocked(_) => fl!("cli-blocked"),
        TaskError::ReadBackMismatch { dn } => fl!("task-error-read-back", dn = dn.as_str()),
        TaskError::Backup { path, reason } => {
            fl!(
                "task-error-backup",
                path = path.as_str(),
                reason = reason.as_str()
            )
        }
        TaskError::NoBackup(dir) => fl!("task-error-no-backup", dir = dir.as_str()),
        TaskError::NeverApplied(path) => with_option(
            fl!("task-error-never-applied", path = path.as_str()),
            "--backup FILE",
        ),
        TaskError::Audit { path, reason } => {
            fl!("audit-error", reason = format!("{path}: {reason}"))
        }
        TaskError::NullDacl { dn } => fl!("task-error-null-dacl", dn = dn.as_str()),
        TaskError::TokenUnreadable { dn } => fl!("task-error-token-unreadable", dn = dn.as_str()),
        TaskError::ForeignBackup(paths) => with_option(
            fl!("task-error-foreign-backup", backups = paths.join("; ")),
            "--backup FILE",
        ),
        TaskError::AclTooLarge { dn, bytes } => fl!(
            "task-error-acl-too-large",
            dn = dn.as_str(),
            bytes = bytes.to_string()
        ),
        TaskError::KeptChanging { dn } => fl!("task-error-kept-changing", dn = dn.as_str()),
        TaskError::BackupRefused { path, why } => fl!(
            "task-error-backup-refused",
            path = path.as_str(),
            why = backup_problem(why)
        ),
        TaskError::PartialRollback {
            undone,
            failed,
            reason,
        } => fl!(
            "task-error-partial-rollback",
            failed = failed.as_str(),
            reason = task_error(reason),
            undone = if undone.is_empty() {
                fl!("task-error-partial-none")
            } else {
                undone.join("; ")
            }
        ),
    }
}

/// Why a backup was refused, translated.
pub fn backup_problem(p: &BackupProblem) -> String {
    match p {
        BackupProblem::OtherServer { backup, connected } => with_option(
            fl!(
                "backup-other-server",
                backup = backup.as_str(),
                connected = connected.as_str()
            ),
            "--backup",
        ),
        BackupProblem::OtherDomain { backup, connected } => fl!(
            "backup-other-domain",
            backup = backup.as_str(),
            connected = connected.as_str()
        ),
        BackupProblem::Inconsistent => fl!("backup-inconsistent"),
        BackupProblem::OutsideDomain(dn) => fl!("backup-outside-domain", dn = dn.as_str()),
        BackupProblem::NotTheGrant { entry } => {
            fl!("backup-not-the-grant", entry = entry.as_str())
        }
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

/// A Connect-plane error, translated, naming the fix.
pub fn sync_error(e: &SyncError) -> String {
    match e {
        SyncError::NoPowerShell { exe, reason } => {
            fl!(
                "sync-error-no-powershell",
                exe = exe.as_str(),
                reason = reason.as_str()
            )
        }
        SyncError::ModuleMissing(m) => {
            with_option(fl!("sync-error-module", detail = m.as_str()), "--remote")
        }
        SyncError::AccessDenied(m) => fl!("sync-error-access", detail = m.as_str()),
        SyncError::NoConnector => fl!("sync-error-no-connector"),
        SyncError::SeveralConnectors(names) => {
            fl!("sync-error-several", names = names.join("; "))
        }
        SyncError::Remote(m) => fl!("sync-error-remote", detail = m.as_str()),
        SyncError::Garbage(m) => fl!("sync-error-garbage", detail = m.as_str()),
        SyncError::Timeout(s) => {
            let seconds = *s;
            fl!("sync-error-timeout", seconds = seconds)
        }
        SyncError::Failed(m) => fl!("sync-error", reason = m.as_str()),
        SyncError::ReadBack => fl!("sync-error-read-back"),
        SyncError::Audit(m) => fl!("audit-error", reason = m.as_str()),
        SyncError::AgentMissing(m) => with_option(
            fl!("cloudsync-error-agent", detail = m.as_str()),
            "--remote",
        ),
        SyncError::SignInRefused(m) => fl!("cloudsync-error-sign-in", detail = m.as_str()),
        SyncError::TooLarge(limit) => fl!(
            "sync-error-too-large",
            mib = (limit / (1024 * 1024)).to_string()
        ),
    }
}

/// A Cloud Sync pre-flight finding as one translated line.
pub fn agent_finding(f: &crate::task::sync::AgentFinding) -> String {
    use crate::task::sync::AgentFinding;
    match f {
        AgentFinding::AgentVersion {
            version,
            supported: Some(true),
        } => fl!("cloudsync-check-version", version = version.as_str()),
        AgentFinding::AgentVersion {
            version,
            supported: Some(false),
        } => fl!("cloudsync-check-version-old", version = version.as_str()),
        AgentFinding::AgentVersion {
            supported: None, ..
        } => fl!("cloudsync-check-version-unknown"),
        AgentFinding::AgentService { running: true } => fl!("cloudsync-check-service"),
        AgentFinding::AgentService { running: false } => fl!("cloudsync-check-service-stopped"),
        AgentFinding::NotReadable => fl!("cloudsync-check-not-readable"),
    }
}

/// A Connect pre-flight finding as one translated line.
pub fn sync_finding(f: &crate::task::sync::Finding) -> String {
    use crate::task::sync::Finding;
    match f {
        Finding::Version {
            version,
            supported: true,
        } => {
            fl!("sync-check-version", version = version.as_str())
        }
        Finding::Version {
            version,
            supported: false,
        } => {
            fl!("sync-check-version-old", version = version.as_str())
        }
        Finding::Service { running: true } => fl!("sync-check-service"),
        Finding::Service { running: false } => fl!("sync-check-service-stopped"),
        Finding::Endpoint {
            host,
            reachable: true,
        } => {
            fl!("sync-check-endpoint", host = host.as_str())
        }
        Finding::Endpoint {
            host,
            reachable: false,
        } => {
            fl!("sync-check-endpoint-blocked", host = host.as_str())
        }
    }
}

/// A tenant-plane (sign-in, portal API, Graph) error, translated, naming
/// the fix.
pub fn tenant_error(e: &crate::backend::tenant::TenantError) -> String {
    use crate::backend::tenant::TenantError as E;
    match e {
        E::Config(m) => with_option(
            fl!("tenant-error-config", detail = m.as_str()),
            "--tenant, --client-id",
        ),
        E::Network(m) => fl!("tenant-error-network", detail = m.as_str()),
        E::Timeout => fl!("tenant-error-timeout"),
        E::NotSignedIn => fl!("tenant-error-not-signed-in"),
        E::SignIn { code, description } => fl!(
            "tenant-error-sign-in",
            code = code.as_str(),
            detail = description.as_str()
        ),
        E::ConsentNeeded => with_option(fl!("tenant-error-consent"), "--client-id"),
        E::TenantNotFound(t) => fl!("tenant-error-tenant", tenant = t.as_str()),
        E::NoBrowser => with_option(fl!("tenant-error-no-browser"), "--device-code"),
        E::Declined => fl!("tenant-error-declined"),
        E::Expired => fl!("tenant-error-expired"),
        E::StateMismatch => fl!("tenant-error-state"),
        E::Forbidden => fl!("tenant-error-forbidden"),
        E::ApiChanged(m) => fl!("tenant-error-api", detail = m.as_str()),
        E::Throttled => fl!("tenant-error-throttled"),
        E::Server(s) => fl!("tenant-error-server", status = s.to_string()),
        E::ReadBack => fl!("tenant-error-read-back"),
        E::Audit(m) => fl!("audit-error", reason = m.as_str()),
        E::NotFound(what) => fl!("tenant-error-not-found", what = what.as_str()),
        E::TooLarge(limit) => fl!(
            "tenant-error-too-large",
            mib = (limit / (1024 * 1024)).to_string()
        ),
        E::TenantMismatch { expected, got } => with_option(
            fl!(
                "tenant-error-tenant-mismatch",
                expected = expected.as_str(),
                got = got.as_str()
            ),
            "--tenant",
        ),
        E::ForeignLink(base) => fl!("tenant-error-foreign-link", base = base.as_str()),
        E::Graph {
            status,
            code,
            message,
        } => fl!(
            "tenant-error-graph",
            status = status.to_string(),
            code = code.as_str(),
            message = message.as_str()
        ),
    }
}

/// A tenant pre-flight finding as one translated line.
pub fn portal_finding(f: &crate::task::portal::Finding) -> String {
    use crate::task::portal::Finding;
    match f {
        Finding::Licence { licensed: true } => fl!("portal-check-licence"),
        Finding::Licence { licensed: false } => fl!("portal-check-licence-missing"),
        Finding::Sync {
            enabled: true,
            last,
        } => fl!(
            "portal-check-sync",
            last = last.clone().unwrap_or_else(|| "—".into())
        ),
        Finding::Sync { enabled: false, .. } => fl!("portal-check-sync-off"),
        Finding::Role {
            allowed: true,
            roles,
        } => fl!("portal-check-role", roles = roles.join(", ")),
        Finding::Role {
            allowed: false,
            roles,
        } => {
            let roles = if roles.is_empty() {
                "—".to_string()
            } else {
                roles.join(", ")
            };
            fl!("portal-check-role-missing", roles = roles)
        }
    }
}

// ---------------------------------------------------------------------
// Issue 15: the pilot test, the diagnosis and the SSPR policy in words.
// ---------------------------------------------------------------------

/// The role a pilot reset needs, by name.
pub fn prove_role(r: crate::task::prove::Role) -> String {
    use crate::task::prove::Role;
    match r {
        Role::AuthenticationAdministrator => fl!("prove-role-authentication-administrator"),
        Role::PrivilegedAuthenticationAdministrator => {
            fl!("prove-role-privileged-authentication-administrator")
        }
    }
}

/// A pilot test error, translated, naming the fix.
pub fn prove_error(e: &crate::task::prove::ProveError) -> String {
    use crate::task::prove::ProveError as E;
    match e {
        E::UserNotFound(u) => fl!("prove-error-user-not-found", user = u.as_str()),
        E::NotSynced(u) => fl!("prove-error-not-synced", user = u.as_str()),
        E::OwnAccount(u) => fl!("prove-error-own-account", user = u.as_str()),
        E::NotInDirectory { user, tried } => fl!(
            "prove-error-not-in-directory",
            user = user.as_str(),
            tried = tried.join("; ")
        ),
        E::RoleMissing(role) => fl!("prove-error-role-missing", role = prove_role(*role)),
        E::ConsentNeeded { scope } => fl!("prove-error-consent", scope = scope.as_str()),
        E::Tenant(t) => tenant_error(t),
        E::Directory(d) => directory_error(d),
        E::Cancelled {
            reset_sent: false, ..
        } => fl!("prove-error-cancelled"),
        E::Cancelled {
            reset_sent: true, ..
        } => fl!("prove-error-cancelled-sent"),
        E::StatusUnknown { error, .. } => {
            fl!("prove-error-status-unknown", reason = tenant_error(error))
        }
        E::Audit(m) => fl!("audit-error", reason = m.as_str()),
        E::Privileged { user, reasons } => with_option(
            fl!(
                "prove-error-privileged",
                user = user.as_str(),
                reasons = reasons
                    .iter()
                    .map(pilot_warning)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            "--allow-privileged",
        ),
        E::NoPassword => fl!("prove-error-no-password"),
    }
}

/// A warning about the pilot user.
pub fn pilot_warning(w: &crate::task::prove::PilotWarning) -> String {
    use crate::task::prove::PilotWarning;
    match w {
        PilotWarning::AdminRoles { roles } => {
            fl!("prove-warning-admin-roles", roles = roles.join(", "))
        }
        PilotWarning::RolesUnknown => fl!("prove-warning-roles-unknown"),
        PilotWarning::AdminCount => fl!("prove-warning-admin-count"),
        PilotWarning::ProtectedGroup { group } => {
            fl!("prove-warning-protected-group", group = group.as_str())
        }
        PilotWarning::BindAccount => fl!("prove-warning-bind-account"),
    }
}

/// The cloud operation's status in words.
pub fn operation_status(s: crate::backend::tenant::OperationStatus) -> String {
    use crate::backend::tenant::OperationStatus as S;
    match s {
        S::NotStarted => fl!("prove-status-not-started"),
        S::Running => fl!("prove-status-running"),
        S::Succeeded => fl!("prove-status-succeeded"),
        S::Failed => fl!("prove-status-failed"),
        S::UnknownFutureValue => fl!("prove-status-unknown-future"),
    }
}

/// A progress line of the pilot test.
pub fn prove_progress(p: &crate::task::prove::Progress) -> String {
    use crate::task::prove::Progress as P;
    match p {
        P::FindingUser => fl!("prove-progress-finding-user"),
        P::ReadingDirectory => fl!("prove-progress-reading-directory"),
        P::Resetting => fl!("prove-progress-resetting"),
        P::CloudStatus {
            status,
            elapsed,
            limit,
        } => fl!(
            "prove-progress-cloud",
            status = operation_status(*status),
            elapsed = elapsed.to_string(),
            limit = limit.to_string()
        ),
        P::WaitingForDirectory { elapsed, limit } => fl!(
            "prove-progress-waiting-directory",
            elapsed = elapsed.to_string(),
            limit = limit.to_string()
        ),
    }
}

/// The result's title (`prove-result-proven`, …).
pub fn prove_title(o: &crate::task::prove::Outcome) -> String {
    use crate::task::prove::Outcome;
    match o {
        Outcome::Proven => fl!("prove-result-proven"),
        Outcome::Failed { .. } => fl!("prove-result-failed"),
        Outcome::Unproven { .. } => fl!("prove-result-unproven"),
    }
}

/// The result explained: what was seen, and for a failure its cause and
/// fix; for unproven, where to look.
pub fn prove_detail(r: &crate::task::prove::Report) -> Vec<String> {
    use crate::task::prove::{Outcome, Unproven};
    match &r.outcome {
        Outcome::Proven => {
            let mut lines = vec![fl!(
                "prove-proven-detail",
                dn = r.dn.as_str(),
                before = r.pwd_last_set_before.as_str(),
                after = r.pwd_last_set_after.as_str(),
                started = r.started.as_str()
            )];
            if let (Some(b), Some(a)) = (r.password_version_before, r.password_version_after) {
                lines.push(fl!(
                    "prove-password-version",
                    before = b.to_string(),
                    after = a.to_string()
                ));
            }
            if r.must_change_password {
                lines.push(fl!("prove-must-change"));
            }
            lines
        }
        Outcome::Failed { detail, cause } => vec![
            fl!(
                "prove-failed-detail",
                detail = detail.clone().unwrap_or_else(|| "—".into())
            ),
            diagnosis_cause(cause),
            diagnosis_fix(cause),
        ],
        Outcome::Unproven {
            why: Unproven::DirectoryUnchanged,
        } => vec![fl!("prove-unproven-directory", dn = r.dn.as_str())],
        Outcome::Unproven {
            why: Unproven::CloudStillRunning,
        } => vec![fl!("prove-unproven-cloud")],
    }
}

/// What an event (or a statusDetail) means.
pub fn diagnosis_cause(c: &crate::task::diagnose::Cause) -> String {
    use crate::task::diagnose::{Cause, PolicyRule};
    match c {
        Cause::AccessDenied => fl!("diag-cause-access-denied"),
        Cause::PasswordPolicy { rule } => {
            let rule = match rule {
                Some(PolicyRule::MinimumAge) => fl!("diag-rule-minimum-age"),
                Some(PolicyRule::History) => fl!("diag-rule-history"),
                Some(PolicyRule::Complexity) => fl!("diag-rule-complexity"),
                None => fl!("diag-rule-any"),
            };
            fl!("diag-cause-password-policy", rule = rule)
        }
        Cause::PolicyHintsUnsupported => fl!("diag-cause-policy-hints"),
        Cause::ServiceBus => fl!("diag-cause-service-bus"),
        Cause::Certificates => fl!("diag-cause-certificates"),
        Cause::SamRestricted => fl!("diag-cause-sam-restricted"),
        Cause::WrongAdminAccount => fl!("diag-cause-wrong-admin-account"),
        Cause::ForestAdded => fl!("diag-cause-forest-added"),
        Cause::ReservedCharacters => fl!("diag-cause-reserved-characters"),
        Cause::ConnectorPasswordTooLong => fl!("diag-cause-connector-password-too-long"),
        Cause::WritebackDisabled => fl!("diag-cause-writeback-disabled"),
        Cause::Healthy => fl!("diag-cause-healthy"),
        Cause::Unknown => fl!("diag-cause-unknown"),
        Cause::RequestReceived => fl!("diag-cause-request-received"),
        Cause::Onboarding => fl!("diag-cause-onboarding"),
        Cause::Offboarding => fl!("diag-cause-offboarding"),
        Cause::ResetRefused => fl!("diag-cause-reset-refused"),
        Cause::OnboardingFailed => fl!("diag-cause-onboarding-failed"),
        Cause::ServiceStopped => fl!("diag-cause-service-stopped"),
        Cause::ServiceError => fl!("diag-cause-service-error"),
        Cause::InvalidInput => fl!("diag-cause-invalid-input"),
        Cause::Reconfigure => fl!("diag-cause-reconfigure"),
        Cause::ServiceBusRetries => fl!("diag-cause-service-bus-retries"),
        Cause::UserNotFound => fl!("diag-cause-user-not-found"),
        Cause::DuplicateAnchor => fl!("diag-cause-duplicate-anchor"),
        Cause::AccountDisabled => fl!("diag-cause-account-disabled"),
        Cause::AccountLocked => fl!("diag-cause-account-locked"),
        Cause::WrongCurrentPassword => fl!("diag-cause-wrong-current-password"),
        Cause::AdConfiguration => fl!("diag-cause-ad-configuration"),
    }
}

/// How to fix it.
pub fn diagnosis_fix(c: &crate::task::diagnose::Cause) -> String {
    use crate::task::diagnose::{Cause, PolicyRule};
    match c {
        Cause::AccessDenied => fl!("diag-fix-access-denied"),
        Cause::PasswordPolicy {
            rule: Some(PolicyRule::MinimumAge),
        } => fl!("diag-fix-password-policy-minimum-age"),
        Cause::PasswordPolicy { .. } => fl!("diag-fix-password-policy"),
        Cause::PolicyHintsUnsupported => fl!("diag-fix-policy-hints"),
        Cause::ServiceBus => fl!("diag-fix-service-bus"),
        Cause::Certificates => fl!("diag-fix-certificates"),
        Cause::SamRestricted => fl!("diag-fix-sam-restricted"),
        Cause::WrongAdminAccount => fl!("diag-fix-wrong-admin-account"),
        Cause::ForestAdded => fl!("diag-fix-forest-added"),
        Cause::ReservedCharacters => fl!("diag-fix-reserved-characters"),
        Cause::ConnectorPasswordTooLong => fl!("diag-fix-connector-password-too-long"),
        Cause::WritebackDisabled => fl!("diag-fix-writeback-disabled"),
        Cause::Healthy => fl!("diag-fix-healthy"),
        Cause::Unknown => fl!("diag-fix-unknown"),
        Cause::RequestReceived => fl!("diag-fix-request-received"),
        Cause::Onboarding => fl!("diag-fix-onboarding"),
        Cause::Offboarding => fl!("diag-fix-offboarding"),
        Cause::ResetRefused => fl!("diag-fix-reset-refused"),
        Cause::OnboardingFailed => fl!("diag-fix-onboarding-failed"),
        Cause::ServiceStopped => fl!("diag-fix-service-stopped"),
        Cause::ServiceError => fl!("diag-fix-service-error"),
        Cause::InvalidInput => fl!("diag-fix-invalid-input"),
        Cause::Reconfigure => fl!("diag-fix-reconfigure"),
        Cause::ServiceBusRetries => fl!("diag-fix-service-bus-retries"),
        Cause::UserNotFound => fl!("diag-fix-user-not-found"),
        Cause::DuplicateAnchor => fl!("diag-fix-duplicate-anchor"),
        Cause::AccountDisabled => fl!("diag-fix-account-disabled"),
        Cause::AccountLocked => fl!("diag-fix-account-locked"),
        Cause::WrongCurrentPassword => fl!("diag-fix-wrong-current-password"),
        Cause::AdConfiguration => fl!("diag-fix-ad-configuration"),
    }
}

/// One diagnosed event: its heading line, then cause and fix (an unknown
/// event shows its own text instead).
pub fn diagnosis_lines(d: &crate::task::diagnose::Diagnosis) -> Vec<String> {
    let mut lines = vec![fl!(
        "diag-event",
        time = d.event.time.as_str(),
        source = d.event.source.as_str(),
        id = d.event.id.to_string()
    )];
    if d.cause == crate::task::diagnose::Cause::Unknown {
        let text: String = d.event.message.chars().take(600).collect();
        lines.push(fl!("diag-unknown-event", message = text.trim()));
    } else {
        lines.push(diagnosis_cause(&d.cause));
        lines.push(diagnosis_fix(&d.cause));
    }
    if let Some(dn) = &d.dn {
        lines.push(fl!("diag-event-user", dn = dn.as_str()));
    }
    if let Some(user) = &d.pilot_test {
        lines.push(fl!("diag-event-pilot-test", user = user.as_str()));
    }
    lines
}

/// Step 1's finding for a user named by a test or an event.
pub fn linked_finding(u: &crate::task::access::BlockedUser) -> String {
    fl!(
        "prove-linked-finding",
        dn = u.dn.as_str(),
        reason = reason(&u.reason),
        fix = fix(&u.reason)
    )
}

/// Who may use SSPR, as a pre-flight line.
pub fn sspr_finding(f: &crate::task::portal::SsprFinding) -> String {
    use crate::backend::tenant::SsprScope;
    use crate::task::portal::SsprFinding;
    match f {
        SsprFinding::Scope(SsprScope::Nobody) => fl!("sspr-check-nobody"),
        SsprFinding::Scope(SsprScope::Group { id, name }) => fl!(
            "sspr-check-group",
            group = name
                .clone()
                .or_else(|| id.clone())
                .unwrap_or_else(|| "—".into())
        ),
        SsprFinding::Scope(SsprScope::Everyone) => fl!("sspr-check-everyone"),
        SsprFinding::Unreadable { reason } => {
            fl!("sspr-check-unreadable", reason = reason.as_str())
        }
    }
}

/// Connect's plane as Verify read it, a read failure graded `failed`
/// (None: skipped, said by the caller).
pub fn connect_plane(
    r: &crate::task::verify::Read<crate::backend::sync::SyncState, SyncError>,
    failed: crate::task::permissions::Outcome,
) -> Option<(crate::task::permissions::Outcome, String)> {
    use crate::task::permissions::Outcome;
    use crate::task::verify::Read;
    match r {
        Read::Read(s) if s.writeback => Some((Outcome::Ok, fl!("connect-on"))),
        Read::Read(_) => Some((Outcome::Blocking, fl!("connect-off"))),
        Read::Failed(e) => Some((failed, sync_error(e))),
        Read::Skipped => None,
    }
}

/// The portal's plane as Verify read it, a read failure graded `failed`
/// (None: skipped, said by the caller).
pub fn portal_plane(
    r: &crate::task::verify::Read<
        crate::backend::tenant::PortalPolicy,
        crate::backend::tenant::TenantError,
    >,
    failed: crate::task::permissions::Outcome,
) -> Option<(crate::task::permissions::Outcome, String)> {
    use crate::task::permissions::Outcome;
    use crate::task::verify::Read;
    match r {
        Read::Read(p) if p.writeback && p.unlock => Some((Outcome::Ok, fl!("verify-portal-on"))),
        Read::Read(_) => Some((Outcome::Blocking, fl!("verify-portal-off"))),
        Read::Failed(e) => Some((failed, tenant_error(e))),
        Read::Skipped => None,
    }
}
