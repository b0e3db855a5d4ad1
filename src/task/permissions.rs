//! Step 1: check, grant, verify and undo the writeback permissions in
//! Active Directory. No UI here: progress goes to a callback, results and
//! errors are typed; the GUI page and the CLI both call these functions.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use crate::ad::grant::{GrantState, WritebackGrant, guids, remove_aces};
use crate::ad::{Ace, Acl, SecurityDescriptor, Sid, sddl};
use crate::audit::{self, Action, Change, Plane, Trail};
use crate::backend::{Directory, DirectoryError, Entry, Scope};

/// OIDs of the password-policy-hints controls (new, then old).
pub const POLICY_HINTS_OIDS: [&str; 2] = ["1.2.840.113556.1.4.2239", "1.2.840.113556.1.4.2066"];

/// What to grant, to whom, where.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantOptions {
    /// The AD DS connector account: sAMAccountName, UPN, DN, DOMAIN\name
    /// or a display name.
    pub connector_account: String,
    /// Target DNs; empty means the domain root.
    #[serde(default)]
    pub targets: Vec<String>,
    /// Every domain of the forest.
    #[serde(default)]
    pub forest: bool,
    /// Also each domain's AdminSDHolder (makes admins resettable).
    #[serde(default)]
    pub include_adminsdholder: bool,
    /// Also the inetOrgPerson variants.
    #[serde(default)]
    pub inetorgperson: bool,
}

/// Why a step-1 task failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TaskError {
    /// The directory refused or failed.
    #[error(transparent)]
    Directory(#[from] DirectoryError),
    /// No account has that name.
    #[error("no account named {0:?}")]
    AccountNotFound(String),
    /// Several accounts match.
    #[error("{name:?} matches {} accounts", candidates.len())]
    AccountAmbiguous {
        /// What was searched.
        name: String,
        /// The DNs found.
        candidates: Vec<String>,
    },
    /// An entry lacks data it must have.
    #[error("{dn}: {what}")]
    BadData {
        /// Object.
        dn: String,
        /// What is wrong.
        what: String,
    },
    /// A pre-flight finding blocks the change.
    #[error("blocked by pre-flight findings")]
    Blocked(Vec<Check>),
    /// After writing, the DACL read back is not what was written.
    #[error("{dn}: the permissions read back differ from those written")]
    ReadBackMismatch {
        /// Object.
        dn: String,
    },
    /// A backup could not be written or read.
    #[error("backup {path}: {reason}")]
    Backup {
        /// File.
        path: String,
        /// Details.
        reason: String,
    },
    /// Nothing to undo.
    #[error("no backup of a grant was found in {0}")]
    NoBackup(String),
    /// The newest grant run never reached the directory (its write failed).
    #[error("the grant saved in {0} never reached the directory")]
    NeverApplied(String),
    /// The audit log cannot be written (checked before any change).
    #[error("audit log {path}: {reason}")]
    Audit {
        /// File.
        path: String,
        /// Details.
        reason: String,
    },
}

impl From<crate::audit::AuditError> for TaskError {
    fn from(e: crate::audit::AuditError) -> Self {
        TaskError::Audit {
            path: e.path,
            reason: e.reason,
        }
    }
}

/// Progress of a running task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Working on a phase (reading, checking…).
    Phase(Phase),
    /// Users scanned so far, and how many of them carry the grant. A
    /// paged search has no cheap total, so the count grows as pages arrive.
    Users {
        /// Scanned.
        done: u64,
        /// Of which carry every inherited ACE of the grant.
        carrying: u64,
    },
    /// About to write the DACL of `dn`.
    Writing {
        /// Object.
        dn: String,
    },
    /// The DACL changed since the plan: our ACEs are added to the new one.
    Merged {
        /// Object.
        dn: String,
    },
}

/// Phases, for progress lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Reading RootDSE and the forest.
    Discovering,
    /// Looking up the connector account.
    FindingAccount,
    /// Reading a target's DACL.
    Reading,
    /// Scanning users.
    ScanningUsers,
    /// Reading back after a write.
    ReadingBack,
}

/// What the RootDSE and the partitions tell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Discovery {
    /// The domain the server holds.
    pub default_naming_context: String,
    /// The configuration partition.
    pub configuration_naming_context: String,
    /// The DC's DNS name.
    pub dns_host_name: String,
    /// Domain functional level.
    pub domain_functionality: String,
    /// Controls the DC supports.
    pub supported_controls: Vec<String>,
    /// Every domain of the forest (DNs).
    pub domains: Vec<String>,
    /// SID of the default domain.
    pub domain_sid: Option<String>,
}

/// The connector account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Account {
    /// Its DN.
    pub dn: String,
    /// sAMAccountName.
    pub sam_account_name: String,
    /// objectSid.
    pub sid: String,
    /// Not disabled.
    pub enabled: bool,
}

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
    },
    /// The DC supports the password-policy-hints control.
    PolicyHints {
        /// Supported.
        supported: bool,
    },
    /// Users the grant will not reach.
    ProtectedUsers {
        /// Scanned.
        scanned: u64,
        /// Those that will not carry the permission.
        users: Vec<UserFinding>,
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

/// A finding and its severity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// How serious.
    pub outcome: Outcome,
    /// What was found.
    #[serde(flatten)]
    pub finding: Finding,
}

/// A user the grant does not reach, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UserFinding {
    /// DN.
    pub dn: String,
    /// sAMAccountName.
    pub sam_account_name: String,
    /// Its DACL does not inherit.
    pub inheritance_blocked: bool,
    /// adminCount=1 (protected by SDProp on Windows).
    pub admin_count: bool,
    /// Carries the inherited ACEs now.
    pub carries_grant: bool,
}

/// The planned change on one target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetPlan {
    /// Target DN.
    pub dn: String,
    /// The descriptor read (DACL only), exactly as read.
    pub before: Vec<u8>,
    /// The descriptor to write.
    pub after: Vec<u8>,
    /// SDDL of both.
    pub before_sddl: String,
    /// SDDL after.
    pub after_sddl: String,
    /// The ACEs to add (empty: nothing to do).
    pub added: Vec<Ace>,
}

/// The planned change on every target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The connector account.
    pub account: Account,
    /// Per target.
    pub targets: Vec<TargetPlan>,
}

impl Plan {
    /// True when every target already carries the grant.
    pub fn is_noop(&self) -> bool {
        self.targets.iter().all(|t| t.added.is_empty())
    }
}

/// What `apply` did on one target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetResult {
    /// Target.
    pub dn: String,
    /// SDDL before.
    pub before_sddl: String,
    /// SDDL after (read back).
    pub after_sddl: String,
    /// ACEs added, as SDDL.
    pub added: Vec<String>,
    /// Backup file (None when nothing was written).
    pub backup: Option<PathBuf>,
    /// Someone else changed the DACL since the plan; merged.
    pub merged: bool,
}

/// One saved backup: enough to restore or to remove exactly what we added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    /// Identifies one grant run (several targets).
    pub run: String,
    /// Object.
    pub dn: String,
    /// Server.
    pub server: String,
    /// When (RFC 3339, UTC).
    pub time: String,
    /// Who (the bind account).
    pub operator: String,
    /// The DACL-only descriptor before, base64.
    pub sd_base64: String,
    /// Its SDDL.
    pub sddl: String,
    /// The descriptor written, base64.
    pub written_base64: String,
    /// The ACEs added, SDDL.
    pub added: Vec<String>,
}

/// Where backups go: `$WRITEBACK_WIZARD_DATA_DIR/backups`, else the
/// platform data directory.
pub fn backup_dir() -> PathBuf {
    let base = std::env::var_os("WRITEBACK_WIZARD_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "writeback-wizard")
                .map(|p| p.data_dir().to_path_buf())
        })
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("backups")
}

/// Escapes a value for an LDAP filter (RFC 4515).
pub fn escape_filter(value: &str) -> String {
    ldap3::ldap_escape(value).into_owned()
}

/// Reads RootDSE and the partitions.
pub async fn discover<D: Directory>(dir: &mut D) -> Result<Discovery, TaskError> {
    let root = dir
        .search(
            "",
            Scope::Base,
            "(objectClass=*)",
            &[
                "defaultNamingContext",
                "configurationNamingContext",
                "dnsHostName",
                "domainFunctionality",
                "supportedControl",
            ],
            false,
        )
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| TaskError::BadData {
            dn: "RootDSE".into(),
            what: "empty".into(),
        })?;
    let mut d = Discovery {
        default_naming_context: root.text("defaultNamingContext").unwrap_or_default(),
        configuration_naming_context: root.text("configurationNamingContext").unwrap_or_default(),
        dns_host_name: root.text("dnsHostName").unwrap_or_default(),
        domain_functionality: root.text("domainFunctionality").unwrap_or_default(),
        supported_controls: root.texts("supportedControl"),
        ..Discovery::default()
    };
    let partitions = format!("CN=Partitions,{}", d.configuration_naming_context);
    let refs = dir
        .search(
            &partitions,
            Scope::OneLevel,
            "(&(objectClass=crossRef)(systemFlags:1.2.840.113556.1.4.803:=2))",
            &["nCName"],
            false,
        )
        .await
        .unwrap_or_default();
    d.domains = refs.iter().filter_map(|e| e.text("nCName")).collect();
    if d.domains.is_empty() {
        d.domains.push(d.default_naming_context.clone());
    }
    let domain = dir
        .search(
            &d.default_naming_context,
            Scope::Base,
            "(objectClass=*)",
            &["objectSid"],
            false,
        )
        .await?;
    d.domain_sid = domain
        .first()
        .and_then(|e| e.first("objectSid"))
        .and_then(|b| Sid::from_bytes(b).ok())
        .map(|s| s.to_string());
    Ok(d)
}

/// Finds the connector account by DN, UPN, DOMAIN\name, sAMAccountName or
/// display name, with every value escaped.
pub async fn find_account<D: Directory>(
    dir: &mut D,
    discovery: &Discovery,
    name: &str,
) -> Result<Account, TaskError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TaskError::AccountNotFound(String::new()));
    }
    let attrs = ["sAMAccountName", "objectSid", "userAccountControl"];
    let mut found: Vec<Entry> = Vec::new();
    if name.contains('=') {
        // A DN: read it as a base object (no filter to inject into).
        match dir
            .search(name, Scope::Base, "(objectClass=user)", &attrs, false)
            .await
        {
            Ok(entries) => found = entries,
            Err(DirectoryError::NoSuchObject { .. }) | Err(DirectoryError::Ldap { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    } else {
        // Most specific first: an exact account name (indexed) wins, and
        // display names (unindexed, a full scan) are tried only after.
        let filters: Vec<String> = if let Some((_, user)) = name.split_once('\\') {
            vec![format!("(sAMAccountName={})", escape_filter(user))]
        } else if name.contains('@') {
            vec![format!("(userPrincipalName={})", escape_filter(name))]
        } else {
            let v = escape_filter(name);
            vec![
                format!("(sAMAccountName={v})"),
                format!("(|(cn={v})(displayName={v}))"),
            ]
        };
        let bases = if discovery.domains.is_empty() {
            vec![discovery.default_naming_context.clone()]
        } else {
            discovery.domains.clone()
        };
        for filter in filters {
            let filter = format!("(&(objectClass=user){filter})");
            for base in &bases {
                match dir
                    .search(base, Scope::Subtree, &filter, &attrs, false)
                    .await
                {
                    Ok(entries) => found.extend(entries),
                    Err(DirectoryError::NoSuchObject { .. }) => {}
                    Err(e) => return Err(e.into()),
                }
            }
            if !found.is_empty() {
                break;
            }
        }
    }
    match found.len() {
        0 => Err(TaskError::AccountNotFound(name.to_string())),
        1 => {
            let e = found.remove(0);
            let sid = e
                .first("objectSid")
                .and_then(|b| Sid::from_bytes(b).ok())
                .ok_or_else(|| TaskError::BadData {
                    dn: e.dn.clone(),
                    what: "objectSid".into(),
                })?;
            let uac: u32 = e
                .text("userAccountControl")
                .and_then(|t| t.parse().ok())
                .unwrap_or(0);
            Ok(Account {
                sam_account_name: e.text("sAMAccountName").unwrap_or_default(),
                dn: e.dn,
                sid: sid.to_string(),
                enabled: uac & 0x2 == 0,
            })
        }
        _ => Err(TaskError::AccountAmbiguous {
            name: name.to_string(),
            candidates: found.into_iter().map(|e| e.dn).collect(),
        }),
    }
}

/// The DNs the grant goes to.
pub fn targets(options: &GrantOptions, discovery: &Discovery) -> Vec<String> {
    let mut out: Vec<String> = if !options.targets.is_empty() {
        options.targets.clone()
    } else if options.forest {
        discovery.domains.clone()
    } else {
        vec![discovery.default_naming_context.clone()]
    };
    if options.include_adminsdholder {
        let domains = if options.forest {
            discovery.domains.clone()
        } else {
            vec![discovery.default_naming_context.clone()]
        };
        for d in domains {
            out.push(format!("CN=AdminSDHolder,CN=System,{d}"));
        }
    }
    out.dedup();
    out
}

/// Reads the DACL-only descriptor of `dn`: its exact bytes and the parse.
pub async fn read_dacl<D: Directory>(
    dir: &mut D,
    dn: &str,
) -> Result<(Vec<u8>, SecurityDescriptor), TaskError> {
    let entries = dir
        .search(
            dn,
            Scope::Base,
            "(objectClass=*)",
            &["nTSecurityDescriptor"],
            true,
        )
        .await?;
    let bytes = entries
        .first()
        .and_then(|e| e.first("nTSecurityDescriptor"))
        .map(<[u8]>::to_vec)
        .ok_or_else(|| TaskError::BadData {
            dn: dn.to_string(),
            what: "nTSecurityDescriptor not readable".into(),
        })?;
    let sd = SecurityDescriptor::from_bytes(&bytes).map_err(|e| TaskError::BadData {
        dn: dn.to_string(),
        what: e.to_string(),
    })?;
    Ok((bytes, sd))
}

fn sddl_of(sd: &SecurityDescriptor) -> String {
    sddl::format(sd, None).unwrap_or_else(|e| e.to_string())
}

fn grant_for(account: &Account, options: &GrantOptions) -> Result<WritebackGrant, TaskError> {
    let sid: Sid = account.sid.parse().map_err(|_| TaskError::BadData {
        dn: account.dn.clone(),
        what: "objectSid".into(),
    })?;
    Ok(WritebackGrant::new(sid, options.inetorgperson))
}

fn planned(
    dn: &str,
    bytes: Vec<u8>,
    sd: &SecurityDescriptor,
    grant: &WritebackGrant,
) -> TargetPlan {
    let empty = Acl::new(Vec::new());
    let dacl = sd.dacl.as_ref().unwrap_or(&empty);
    let (new_dacl, diff) = grant.apply(dacl);
    let mut after = sd.clone();
    after.dacl = Some(new_dacl);
    TargetPlan {
        dn: dn.to_string(),
        after: after.to_bytes().unwrap_or_else(|_| bytes.clone()),
        before_sddl: sddl_of(sd),
        after_sddl: sddl_of(&after),
        before: bytes,
        added: diff.added,
    }
}

/// Reads each target and computes the change, writing nothing.
pub async fn plan<D: Directory>(
    dir: &mut D,
    discovery: &Discovery,
    options: &GrantOptions,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Plan, TaskError> {
    progress(Progress::Phase(Phase::FindingAccount));
    let account = find_account(dir, discovery, &options.connector_account).await?;
    let grant = grant_for(&account, options)?;
    let mut targets_out = Vec::new();
    for dn in targets(options, discovery) {
        progress(Progress::Phase(Phase::Reading));
        let (bytes, sd) = read_dacl(dir, &dn).await?;
        targets_out.push(planned(&dn, bytes, &sd, &grant));
    }
    Ok(Plan {
        account,
        targets: targets_out,
    })
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
        if dn.starts_with("CN=AdminSDHolder,") {
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
    let policy = dir
        .search(
            &discovery.default_naming_context,
            Scope::Base,
            "(objectClass=*)",
            &["minPwdAge"],
            false,
        )
        .await?;
    let min_age = policy
        .first()
        .and_then(|e| e.text("minPwdAge"))
        .and_then(|t| t.parse::<i64>().ok())
        .unwrap_or(0);
    let days = min_age.unsigned_abs() / 864_000_000_000;
    checks.push(Check {
        outcome: Outcome::ok_if(min_age == 0, Outcome::Warning),
        finding: Finding::MinPwdAge { days },
    });
    let hints = POLICY_HINTS_OIDS
        .iter()
        .any(|oid| discovery.supported_controls.iter().any(|c| c == oid));
    checks.push(Check {
        outcome: Outcome::ok_if(hints, Outcome::Warning),
        finding: Finding::PolicyHints { supported: hints },
    });
    if !scan_users {
        return Ok((discovery, checks));
    }
    let audit = audit_users(dir, &grant, &targets, progress).await?;
    checks.push(Check {
        outcome: Outcome::ok_if(audit.unreached.is_empty(), Outcome::Warning),
        finding: Finding::ProtectedUsers {
            scanned: audit.scanned,
            users: audit.unreached.clone(),
        },
    });
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

/// The users under the targets: how many, which the grant does not reach
/// (protected DACL or adminCount=1), which carry it now.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Audit {
    /// Users scanned.
    pub scanned: u64,
    /// Users carrying every inherited ACE of the grant.
    pub carrying: u64,
    /// inetOrgPerson objects seen.
    pub inet_org_person: u64,
    /// Users the grant does not (or will not) reach.
    pub unreached: Vec<UserFinding>,
    /// Users that inherit but do not carry the grant (yet).
    pub missing: Vec<UserFinding>,
    /// How long the scan took, in seconds (for benchmarks).
    pub seconds: f64,
}

const USER_FILTER: &str = "(&(objectCategory=person)(objectClass=user))";

/// Paged scan of every user under `targets` (DACL only), streaming
/// progress ("x of N users carry the permission", N growing page by page).
pub async fn audit_users<D: Directory>(
    dir: &mut D,
    grant: &WritebackGrant,
    targets: &[String],
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Audit, TaskError> {
    progress(Progress::Phase(Phase::ScanningUsers));
    let bases: Vec<&String> = targets
        .iter()
        .filter(|t| !t.starts_with("CN=AdminSDHolder,"))
        .collect();
    let started = std::time::Instant::now();
    let mut audit = Audit::default();
    let mut seen = std::collections::HashSet::new();
    for base in bases {
        let mut failure = None;
        dir.search_paged(
            base,
            USER_FILTER,
            &[
                "nTSecurityDescriptor",
                "adminCount",
                "sAMAccountName",
                "objectClass",
            ],
            true,
            &mut |e| {
                if !seen.insert(e.dn.clone()) {
                    return;
                }
                audit.scanned += 1;
                let inet = e
                    .texts("objectClass")
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case("inetOrgPerson"));
                if inet {
                    audit.inet_org_person += 1;
                }
                let class = if inet {
                    guids::INET_ORG_PERSON
                } else {
                    guids::USER
                };
                let sd = e
                    .first("nTSecurityDescriptor")
                    .and_then(|b| SecurityDescriptor::from_bytes(b).ok());
                let Some(sd) = sd else {
                    failure.get_or_insert(e.dn.clone());
                    return;
                };
                let effect = grant.effective_on(&sd, class);
                let finding = UserFinding {
                    dn: e.dn.clone(),
                    sam_account_name: e.text("sAMAccountName").unwrap_or_default(),
                    inheritance_blocked: effect.inheritance_blocked,
                    admin_count: e.text("adminCount").is_some_and(|v| v.trim() == "1"),
                    carries_grant: effect.complete(),
                };
                if finding.carries_grant {
                    audit.carrying += 1;
                }
                if finding.inheritance_blocked || finding.admin_count {
                    audit.unreached.push(finding);
                } else if !finding.carries_grant {
                    audit.missing.push(finding);
                }
                progress(Progress::Users {
                    done: audit.scanned,
                    carrying: audit.carrying,
                });
            },
        )
        .await?;
        if let Some(dn) = failure {
            return Err(TaskError::BadData {
                dn,
                what: "nTSecurityDescriptor not readable".into(),
            });
        }
    }
    audit.seconds = started.elapsed().as_secs_f64();
    Ok(audit)
}

fn file_safe(dn: &str) -> String {
    dn.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(80)
        .collect()
}

fn save_backup(dir: &Path, backup: &Backup) -> Result<PathBuf, TaskError> {
    let err = |path: &Path, e: &dyn std::fmt::Display| TaskError::Backup {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| err(dir, &e))?;
    let name = format!(
        "{}-{}.json",
        backup.run.replace([':', '-'], ""),
        file_safe(&backup.dn)
    );
    let path = dir.join(name);
    let json = serde_json::to_string_pretty(backup).map_err(|e| err(&path, &e))?;
    std::fs::write(&path, json).map_err(|e| err(&path, &e))?;
    Ok(path)
}

/// Applies a plan: per target, save a backup, re-read (merging any change
/// made since the plan), write, read back and confirm. `trail` stamps the
/// backups and records each write (done or failed) in the audit log; a log
/// that cannot be written stops the grant before anything changes.
pub async fn apply<D: Directory>(
    dir: &mut D,
    plan: &Plan,
    options: &GrantOptions,
    operator: &str,
    backups: &Path,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Vec<TargetResult>, TaskError> {
    let grant = grant_for(&plan.account, options)?;
    trail.ready()?;
    let run = audit::rfc3339(trail.now());
    let mut results = Vec::new();
    for target in &plan.targets {
        progress(Progress::Phase(Phase::Reading));
        let (bytes, sd) = read_dacl(dir, &target.dn).await?;
        let merged = bytes != target.before;
        let current = if merged {
            progress(Progress::Merged {
                dn: target.dn.clone(),
            });
            planned(&target.dn, bytes, &sd, &grant)
        } else {
            target.clone()
        };
        if current.added.is_empty() {
            results.push(TargetResult {
                dn: target.dn.clone(),
                before_sddl: current.before_sddl.clone(),
                after_sddl: current.before_sddl,
                added: Vec::new(),
                backup: None,
                merged,
            });
            continue;
        }
        let added: Vec<String> = current
            .added
            .iter()
            .filter_map(|a| sddl::format_ace(a, None))
            .collect();
        let backup = Backup {
            run: run.clone(),
            dn: target.dn.clone(),
            server: dir.server(),
            time: run.clone(),
            operator: operator.to_string(),
            sd_base64: STANDARD.encode(&current.before),
            sddl: current.before_sddl.clone(),
            written_base64: STANDARD.encode(&current.after),
            added: added.clone(),
        };
        let path = save_backup(backups, &backup)?;
        let written = write_and_confirm(dir, &current, &grant, progress).await;
        let change = |after: String, result: audit::Outcome| Change {
            plane: Plane::Ad,
            action: Action::Grant,
            account: Some(operator.to_string()),
            target: audit::Target {
                server: Some(backup.server.clone()),
                dn: Some(target.dn.clone()),
                tenant: None,
            },
            before: current.before_sddl.clone().into(),
            after: after.into(),
            added: added.clone(),
            removed: Vec::new(),
            result,
            backup: Some(path.clone()),
        };
        match written {
            Ok(after_sddl) => {
                trail.record_after(change(after_sddl.clone(), audit::Outcome::Ok));
                results.push(TargetResult {
                    dn: target.dn.clone(),
                    before_sddl: current.before_sddl.clone(),
                    after_sddl,
                    added,
                    backup: Some(path),
                    merged,
                });
            }
            Err(e) => {
                trail.record_after(change(
                    String::new(),
                    audit::Outcome::Failed {
                        reason: e.to_string(),
                    },
                ));
                return Err(e);
            }
        }
    }
    Ok(results)
}

/// Writes a planned DACL, reads it back and checks that the grant is
/// complete and every explicit entry of before is kept; returns the SDDL
/// read back.
async fn write_and_confirm<D: Directory>(
    dir: &mut D,
    current: &TargetPlan,
    grant: &WritebackGrant,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<String, TaskError> {
    progress(Progress::Writing {
        dn: current.dn.clone(),
    });
    dir.write_dacl(&current.dn, &current.after).await?;
    progress(Progress::Phase(Phase::ReadingBack));
    let (_, back) = read_dacl(dir, &current.dn).await?;
    let back_dacl = back.dacl.clone().unwrap_or_else(|| Acl::new(Vec::new()));
    let before = SecurityDescriptor::from_bytes(&current.before).ok();
    let kept = before
        .as_ref()
        .and_then(|b| b.dacl.as_ref())
        .is_none_or(|d| d.explicit().all(|a| back_dacl.aces.contains(a)));
    if grant.status(&back_dacl).state != GrantState::Granted || !kept {
        return Err(TaskError::ReadBackMismatch {
            dn: current.dn.clone(),
        });
    }
    Ok(sddl_of(&back))
}

/// Loads the backups of the newest grant run in `dir` (or the given file).
pub fn load_backups(dir: &Path, file: Option<&Path>) -> Result<Vec<(PathBuf, Backup)>, TaskError> {
    let read = |path: &Path| -> Result<Backup, TaskError> {
        let text = std::fs::read_to_string(path).map_err(|e| TaskError::Backup {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        serde_json::from_str(&text).map_err(|e| TaskError::Backup {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    };
    if let Some(f) = file {
        return Ok(vec![(f.to_path_buf(), read(f)?)]);
    }
    let mut all = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_some_and(|x| x == "json") {
                if let Ok(b) = read(&path) {
                    all.push((path, b));
                }
            }
        }
    }
    let Some(newest) = all.iter().map(|(_, b)| b.run.clone()).max() else {
        return Err(TaskError::NoBackup(dir.display().to_string()));
    };
    all.retain(|(_, b)| b.run == newest);
    Ok(all)
}

/// What rollback did on one object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RollbackResult {
    /// Object.
    pub dn: String,
    /// The descriptor was unchanged since the grant: restored exactly.
    pub restored_backup: bool,
    /// ACEs removed, SDDL.
    pub removed: Vec<String>,
    /// SDDL read back.
    pub after_sddl: String,
}

/// Undoes a grant run: restores the backup when the DACL is unchanged
/// since, else removes exactly the ACEs that run added; reads back. Each
/// write (done or failed) is recorded in `trail`; `operator` is the
/// account used on the directory.
pub async fn rollback<D: Directory>(
    dir: &mut D,
    backups: &[(PathBuf, Backup)],
    operator: &str,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Vec<RollbackResult>, TaskError> {
    trail.ready()?;
    let mut results = Vec::new();
    for (path, b) in backups {
        let bad = |reason: String| TaskError::Backup {
            path: path.display().to_string(),
            reason,
        };
        let before = STANDARD
            .decode(&b.sd_base64)
            .map_err(|e| bad(e.to_string()))?;
        let written = STANDARD
            .decode(&b.written_base64)
            .map_err(|e| bad(e.to_string()))?;
        let added: Vec<Ace> = b
            .added
            .iter()
            .map(|t| sddl::parse_ace(t, None).map_err(|e| bad(e.to_string())))
            .collect::<Result<_, _>>()?;
        progress(Progress::Phase(Phase::Reading));
        let (bytes, sd) = read_dacl(dir, &b.dn).await?;
        let dacl_now = sd.dacl.clone().unwrap_or_else(|| Acl::new(Vec::new()));
        if bytes == before {
            // Undone already: nothing to do.
            results.push(RollbackResult {
                dn: b.dn.clone(),
                restored_backup: false,
                removed: Vec::new(),
                after_sddl: sddl_of(&sd),
            });
            continue;
        }
        if bytes != written && !added.iter().any(|a| dacl_now.explicit().any(|x| x == a)) {
            // The write of that run failed (or was undone already): there is
            // nothing of it to remove, and restoring would undo others' work.
            return Err(TaskError::NeverApplied(path.display().to_string()));
        }
        let (target, restored, removed) = if bytes == written {
            (before, true, b.added.clone())
        } else {
            let dacl = sd.dacl.clone().unwrap_or_else(|| Acl::new(Vec::new()));
            let (new_dacl, not_found) = remove_aces(&dacl, &added);
            let removed: Vec<String> = added
                .iter()
                .filter(|a| !not_found.contains(a))
                .filter_map(|a| sddl::format_ace(a, None))
                .collect();
            let mut new_sd = sd.clone();
            new_sd.dacl = Some(new_dacl);
            let out = new_sd.to_bytes().map_err(|e| bad(e.to_string()))?;
            (out, false, removed)
        };
        let wrote = target != bytes;
        let undone = async {
            if wrote {
                progress(Progress::Writing { dn: b.dn.clone() });
                dir.write_dacl(&b.dn, &target).await?;
            }
            progress(Progress::Phase(Phase::ReadingBack));
            let (_, back) = read_dacl(dir, &b.dn).await?;
            let back_dacl = back.dacl.clone().unwrap_or_else(|| Acl::new(Vec::new()));
            if added.iter().any(|a| back_dacl.explicit().any(|x| x == a)) {
                return Err(TaskError::ReadBackMismatch { dn: b.dn.clone() });
            }
            Ok(back)
        }
        .await;
        if wrote {
            let (after, result) = match &undone {
                Ok(back) => (sddl_of(back), audit::Outcome::Ok),
                Err(e) => (
                    String::new(),
                    audit::Outcome::Failed {
                        reason: e.to_string(),
                    },
                ),
            };
            trail.record_after(Change {
                plane: Plane::Ad,
                action: Action::Rollback,
                account: Some(operator.to_string()),
                target: audit::Target {
                    server: Some(dir.server()),
                    dn: Some(b.dn.clone()),
                    tenant: None,
                },
                before: sddl_of(&sd).into(),
                after: after.into(),
                added: Vec::new(),
                removed: removed.clone(),
                result,
                backup: Some(path.clone()),
            });
        }
        let back = undone?;
        results.push(RollbackResult {
            dn: b.dn.clone(),
            restored_backup: restored,
            removed,
            after_sddl: sddl_of(&back),
        });
    }
    Ok(results)
}

/// Verify: who under the targets carries the permission now.
pub async fn verify<D: Directory>(
    dir: &mut D,
    options: &GrantOptions,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<(Account, Audit), TaskError> {
    progress(Progress::Phase(Phase::Discovering));
    let discovery = discover(dir).await?;
    progress(Progress::Phase(Phase::FindingAccount));
    let account = find_account(dir, &discovery, &options.connector_account).await?;
    let grant = grant_for(&account, options)?;
    let targets = targets(options, &discovery);
    let audit = audit_users(dir, &grant, &targets, progress).await?;
    Ok((account, audit))
}
