//! Pre-flight: the findings of step 1, each with its severity, and what
//! they say of the connector account (its facts are read in `token.rs`).

use serde::Serialize;

use super::scan::audit_users;
use super::token::{ConnectorFacts, connector_facts, unexpire_held};
use super::{
    Account, AccountKind, BlockedOu, BlockedUser, Discovery, POLICY_HINTS_OIDS, Phase, Progress,
    TaskError, discover, find_account, grant_for, read_dacl, targets,
};
use crate::ad::grant::GrantState;
use crate::backend::{Directory, Scope};
use crate::profile::GrantOptions;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Fine.
    Ok,
    /// Worth knowing; does not stop the grant.
    Warning,
    /// Must be fixed first.
    Blocking,
}

impl Outcome {
    /// [`Outcome::Ok`] when the check `passed`, else `otherwise`.
    pub fn ok_if(passed: bool, otherwise: Outcome) -> Outcome {
        if passed { Outcome::Ok } else { otherwise }
    }
}

/// One pre-flight finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "check", rename_all = "kebab-case")]
pub enum Finding {
    /// Connected and bound over verified TLS (or plaintext, when allowed).
    Connection {
        /// Server.
        server: String,
        /// TLS in use.
        tls: bool,
    },
    /// Whether the signed-in account may write the DACL of a target.
    DaclWritable {
        /// Target.
        dn: String,
        /// May write.
        writable: bool,
    },
    /// The connector account was found.
    ConnectorAccount {
        /// DN.
        dn: String,
        /// Enabled.
        enabled: bool,
    },
    /// Minimum password age (days); 0 is what writeback wants.
    MinPwdAge {
        /// Days.
        days: u64,
        /// The domain (DNS name), when targets lie in several domains.
        #[serde(skip_serializing_if = "Option::is_none")]
        domain: Option<String>,
    },
    /// The DC supports the password-policy-hints control.
    PolicyHints {
        /// Supported.
        supported: bool,
        /// The domain whose DC was asked, when targets lie in several
        /// domains.
        #[serde(skip_serializing_if = "Option::is_none")]
        domain: Option<String>,
    },
    /// Users the connector cannot (or, after the grant, would not) act on,
    /// each with the rights missing and why.
    UsersOutOfReach {
        /// Users scanned.
        scanned: u64,
        /// Every user out of reach.
        users: Vec<BlockedUser>,
    },
    /// Users with "User cannot change password": resets from the cloud
    /// are written back, password changes by the user are not.
    CannotChangePassword {
        /// Those users.
        users: Vec<BlockedUser>,
    },
    /// OUs and containers under a target whose inheritance is disabled:
    /// the grant does not reach the users below them.
    BlockedOus {
        /// Each with its user count.
        ous: Vec<BlockedOu>,
    },
    /// Users whose fine-grained password policy (msDS-ResultantPSO) has a
    /// minimum password age above zero.
    PsoMinPwdAge {
        /// How many.
        users: u64,
    },
    /// Whether the connector holds Unexpire password on a domain root (or
    /// the grant will give it).
    UnexpirePassword {
        /// The domain root.
        dn: String,
        /// Held now, or planned.
        allowed: bool,
    },
    /// Something about the connector account itself.
    ConnectorState {
        /// What.
        problem: ConnectorProblem,
    },
    /// inetOrgPerson objects in scope.
    InetOrgPerson {
        /// How many.
        count: u64,
        /// Whether the grant covers them.
        covered: bool,
    },
    /// State of the grant on a target.
    GrantState {
        /// Target.
        dn: String,
        /// "granted", "partly", "not-granted".
        state: String,
    },
    /// AdminSDHolder is a target: admins become resettable from the cloud.
    AdminSdHolder {
        /// Its DN.
        dn: String,
    },
}

/// What can be wrong with the connector account itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum ConnectorProblem {
    /// Not a user account (a computer, a managed service account…).
    NotAUser {
        /// What it is.
        kind: AccountKind,
    },
    /// Locked out.
    LockedOut,
    /// Its password has expired.
    PasswordExpired,
    /// The account has expired.
    AccountExpired,
    /// adminCount=1 or a member of privileged groups.
    Privileged {
        /// The privileged groups it is in.
        groups: Vec<String>,
        /// adminCount=1.
        admin_count: bool,
    },
    /// A member of Protected Users (NTLM and some sign-ins refused).
    ProtectedUsers,
    /// `tokenGroups` could not be read: the groups come from
    /// `tokenGroupsNoGCAcceptable`, which may miss universal groups of
    /// other domains (a deny to one of them would not be seen).
    TokenWithoutGlobalCatalog,
}

/// A finding and its severity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// How serious.
    pub outcome: Outcome,
    /// What was found.
    #[serde(flatten)]
    pub finding: Finding,
}
/// Pre-flight: every check of step 1, each with its severity. The user
/// scan (protected users, inetOrgPerson) runs when `scan_users` is set.
pub async fn check<D: Directory>(
    dir: &mut D,
    options: &GrantOptions,
    tls: bool,
    scan_users: bool,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<(Discovery, Vec<Check>), TaskError> {
    progress(Progress::Phase(Phase::Discovering));
    let discovery = discover(dir).await?;
    let mut checks = vec![Check {
        outcome: Outcome::ok_if(tls, Outcome::Warning),
        finding: Finding::Connection {
            server: dir.server(),
            tls,
        },
    }];
    progress(Progress::Phase(Phase::FindingAccount));
    let account = find_account(dir, &discovery, &options.connector_account).await?;
    checks.push(Check {
        outcome: Outcome::ok_if(account.enabled, Outcome::Blocking),
        finding: Finding::ConnectorAccount {
            dn: account.dn.clone(),
            enabled: account.enabled,
        },
    });
    let facts = connector_facts(dir, &account).await?;
    checks.extend(connector_checks(&account, &facts));
    let grant = grant_for(&account, options)?;
    let targets = targets(options, &discovery);
    for dn in &targets {
        progress(Progress::Phase(Phase::Reading));
        let rights = dir
            .search(
                dn,
                Scope::Base,
                "(objectClass=*)",
                &["sDRightsEffective"],
                false,
            )
            .await?;
        let writable = rights
            .first()
            .and_then(|e| e.text("sDRightsEffective"))
            .and_then(|t| t.parse::<u32>().ok())
            .is_some_and(|bits| bits & 0x4 != 0);
        checks.push(Check {
            outcome: Outcome::ok_if(writable, Outcome::Blocking),
            finding: Finding::DaclWritable {
                dn: dn.clone(),
                writable,
            },
        });
        if crate::ad::dn::is_adminsdholder(dn, None) {
            checks.push(Check {
                outcome: Outcome::Warning,
                finding: Finding::AdminSdHolder { dn: dn.clone() },
            });
        }
        let (_, sd) = read_dacl(dir, dn).await?;
        let state = sd
            .dacl
            .as_ref()
            .map_or(GrantState::NotGranted, |d| grant.status(d).state);
        checks.push(Check {
            outcome: Outcome::Ok,
            finding: Finding::GrantState {
                dn: dn.clone(),
                state: match state {
                    GrantState::Granted => "granted",
                    GrantState::Partly => "partly",
                    GrantState::NotGranted => "not-granted",
                }
                .into(),
            },
        });
    }
    // Per domain in scope: its DC, its minimum password age, and whether
    // that DC advertises the password-policy-hints control.
    let mut in_scope: Vec<String> = Vec::new();
    for dn in &targets {
        let nc = discovery.domain_nc_of(dn);
        if !in_scope.iter().any(|d| d.eq_ignore_ascii_case(&nc)) {
            in_scope.push(nc);
        }
    }
    if in_scope.is_empty() {
        in_scope.push(discovery.default_naming_context.clone());
    }
    let several = in_scope.len() > 1;
    for nc in &in_scope {
        let home = nc.eq_ignore_ascii_case(&discovery.default_naming_context);
        let name = several.then(|| {
            discovery
                .forest_domain_of(nc)
                .map_or_else(|| nc.clone(), |d| d.dns.clone())
        });
        if !home {
            checks.push(Check {
                outcome: Outcome::ok_if(tls, Outcome::Warning),
                finding: Finding::Connection {
                    server: dir.server_for(nc),
                    tls,
                },
            });
        }
        let policy = dir
            .search(nc, Scope::Base, "(objectClass=*)", &["minPwdAge"], false)
            .await?;
        let min_age = policy
            .first()
            .and_then(|e| e.text("minPwdAge"))
            .and_then(|t| t.parse::<i64>().ok())
            .unwrap_or(0);
        let days = min_age.unsigned_abs() / 864_000_000_000;
        checks.push(Check {
            outcome: Outcome::ok_if(min_age == 0, Outcome::Warning),
            finding: Finding::MinPwdAge {
                days,
                domain: name.clone(),
            },
        });
        let controls = if home {
            discovery.supported_controls.clone()
        } else {
            dir.root_dse(nc, &["supportedControl"])
                .await?
                .texts("supportedControl")
        };
        let hints = POLICY_HINTS_OIDS
            .iter()
            .any(|oid| controls.iter().any(|c| c == oid));
        checks.push(Check {
            outcome: Outcome::ok_if(hints, Outcome::Warning),
            finding: Finding::PolicyHints {
                supported: hints,
                domain: name,
            },
        });
    }
    // Unexpire password is checked on each domain root in scope.
    let mut roots = if options.forest {
        discovery.domains.clone()
    } else {
        vec![discovery.default_naming_context.clone()]
    };
    // Another domain's root chosen as a target (the Targets page's
    // domain list) is checked too.
    for t in &targets {
        let root = discovery.domains.iter().find(|d| crate::ad::dn::same(d, t));
        if let Some(root) = root
            && !roots.iter().any(|r| crate::ad::dn::same(r, root))
        {
            roots.push(root.clone());
        }
    }
    let home_nc = discovery.domain_nc_of(&account.dn);
    let home = super::Home {
        token: &facts.token,
        nc: &home_nc,
        dn: &account.dn,
    };
    for root in &roots {
        let token = super::token::token_for_domain(dir, &home, root).await?;
        let held = unexpire_held(dir, root, &token).await?;
        let planned = targets.iter().any(|t| crate::ad::dn::same(t, root));
        checks.push(Check {
            outcome: Outcome::ok_if(held || planned, Outcome::Warning),
            finding: Finding::UnexpirePassword {
                dn: root.clone(),
                allowed: held || planned,
            },
        });
    }
    if !scan_users {
        return Ok((discovery, checks));
    }
    let audit = audit_users(dir, &home, &discovery, options, &targets, true, progress).await?;
    if !audit.blocked_ous.is_empty() {
        checks.push(Check {
            outcome: Outcome::Warning,
            finding: Finding::BlockedOus {
                ous: audit.blocked_ous.clone(),
            },
        });
    }
    // "User cannot change password" blocks the change path only: resets
    // are written back. Said as its own finding.
    let (cannot_change, out_of_reach): (Vec<BlockedUser>, Vec<BlockedUser>) = audit
        .blocked
        .iter()
        .cloned()
        .partition(|u| u.reason == super::Reason::CannotChangePassword);
    checks.push(Check {
        outcome: Outcome::ok_if(out_of_reach.is_empty(), Outcome::Warning),
        finding: Finding::UsersOutOfReach {
            scanned: audit.scanned,
            users: out_of_reach,
        },
    });
    if !cannot_change.is_empty() {
        checks.push(Check {
            outcome: Outcome::Warning,
            finding: Finding::CannotChangePassword {
                users: cannot_change,
            },
        });
    }
    if audit.pso_min_age > 0 {
        checks.push(Check {
            outcome: Outcome::Warning,
            finding: Finding::PsoMinPwdAge {
                users: audit.pso_min_age,
            },
        });
    }
    if audit.inet_org_person > 0 {
        checks.push(Check {
            outcome: Outcome::ok_if(options.inetorgperson, Outcome::Warning),
            finding: Finding::InetOrgPerson {
                count: audit.inet_org_person,
                covered: options.inetorgperson,
            },
        });
    }
    Ok((discovery, checks))
}

/// Well-known privileged groups: domain RIDs and BUILTIN aliases.
const PRIVILEGED_RIDS: [(u32, &str); 3] = [
    (512, "Domain Admins"),
    (518, "Schema Admins"),
    (519, "Enterprise Admins"),
];
const PRIVILEGED_BUILTIN: [(u32, &str); 5] = [
    (544, "Administrators"),
    (548, "Account Operators"),
    (549, "Server Operators"),
    (550, "Print Operators"),
    (551, "Backup Operators"),
];
const PROTECTED_USERS_RID: u32 = 525;

/// The pre-flight findings about the connector account itself.
pub fn connector_checks(account: &Account, facts: &ConnectorFacts) -> Vec<Check> {
    let mut out = Vec::new();
    let mut push = |outcome, problem| {
        out.push(Check {
            outcome,
            finding: Finding::ConnectorState { problem },
        })
    };
    match account.kind {
        AccountKind::User => {}
        AccountKind::ManagedServiceAccount => push(
            Outcome::Warning,
            ConnectorProblem::NotAUser { kind: account.kind },
        ),
        kind => push(Outcome::Blocking, ConnectorProblem::NotAUser { kind }),
    }
    if facts.locked_out {
        push(Outcome::Blocking, ConnectorProblem::LockedOut);
    }
    if facts.password_expired {
        push(Outcome::Blocking, ConnectorProblem::PasswordExpired);
    }
    if account.account_expired {
        push(Outcome::Blocking, ConnectorProblem::AccountExpired);
    }
    let domain = facts.token.user().parent();
    let mut groups = Vec::new();
    let mut protected_users = false;
    for sid in facts.token.sids() {
        let (Some(rid), Some(parent)) = (sid.rid(), sid.parent()) else {
            continue;
        };
        if Some(parent) == domain {
            if let Some((_, name)) = PRIVILEGED_RIDS.iter().find(|(r, _)| *r == rid) {
                groups.push(name.to_string());
            }
            protected_users |= rid == PROTECTED_USERS_RID;
        } else if sid.authority() == 5 && sid.sub_authorities().first() == Some(&32) {
            if let Some((_, name)) = PRIVILEGED_BUILTIN.iter().find(|(r, _)| *r == rid) {
                groups.push(name.to_string());
            }
        }
    }
    if account.admin_count || !groups.is_empty() {
        push(
            Outcome::Warning,
            ConnectorProblem::Privileged {
                groups,
                admin_count: account.admin_count,
            },
        );
    }
    if protected_users {
        push(Outcome::Warning, ConnectorProblem::ProtectedUsers);
    }
    if facts.groups_without_gc {
        push(
            Outcome::Warning,
            ConnectorProblem::TokenWithoutGlobalCatalog,
        );
    }
    out
}
