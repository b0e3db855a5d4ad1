//! Step 1: check, grant, verify and undo the writeback permissions in
//! Active Directory. No UI here: progress goes to a callback, results and
//! errors are typed; the GUI page and the CLI both call these functions.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use crate::ad::access::{Right, Token};
use crate::ad::grant::{GrantState, TargetKind, WritebackGrant, guids, remove_aces};
use crate::ad::{Ace, Acl, SecurityDescriptor, Sid, sddl};
use crate::audit::{self, Action, Change, Plane, Trail};
use crate::backend::{Directory, DirectoryError, Entry, Scope, Swap};
pub use crate::task::access::{Audit, BlockedOu, BlockedUser, Reason};
use crate::task::access::{Containers, Judge, Mode, Verdict};

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
    /// The target has no DACL at all (everyone may do everything):
    /// refused, never replaced by a DACL holding only the grant.
    #[error("{dn} has no DACL (a NULL DACL gives everyone full control): nothing was changed")]
    NullDacl {
        /// Object.
        dn: String,
    },
    /// The DACL with the grant would exceed the 64 KB an ACL can hold.
    #[error(
        "{dn}: the DACL with the grant would be {bytes} bytes, more than an ACL can hold (65,535)"
    )]
    AclTooLarge {
        /// Object.
        dn: String,
        /// Its size.
        bytes: usize,
    },
    /// The DACL kept changing under the conditional write.
    #[error(
        "{dn}: the permissions kept changing while the grant was written; nothing was overwritten"
    )]
    KeptChanging {
        /// Object.
        dn: String,
    },
    /// A backup does not belong to this connection or is inconsistent.
    #[error("backup {path} refused: {why}")]
    BackupRefused {
        /// File.
        path: String,
        /// Why.
        why: BackupProblem,
    },
    /// A rollback of several objects stopped part-way.
    #[error("rollback stopped at {failed}: {reason} (undone before it: {})", if undone.is_empty() { "none".to_string() } else { undone.join("; ") })]
    PartialRollback {
        /// Objects already undone.
        undone: Vec<String>,
        /// The object where it stopped.
        failed: String,
        /// Why.
        reason: Box<TaskError>,
    },
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

/// Why a backup is refused for a rollback.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupProblem {
    /// It was made on another domain controller.
    #[error("it was made on {backup}, not on {connected}")]
    OtherServer {
        /// The backup's server.
        backup: String,
        /// The connection's.
        connected: String,
    },
    /// It belongs to another domain.
    #[error("it belongs to {backup}, not to {connected}")]
    OtherDomain {
        /// The backup's domain.
        backup: String,
        /// The connection's.
        connected: String,
    },
    /// Its "before" is not its "written" minus the entries it added.
    #[error("its saved descriptor before the grant is not the written one minus the added entries")]
    Inconsistent,
    /// It names an object outside the domain.
    #[error("it names {0}, which is outside the domain")]
    OutsideDomain(String),
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
    /// The schema partition.
    pub schema_naming_context: String,
    /// The DC's DNS name.
    pub dns_host_name: String,
    /// Domain functional level.
    pub domain_functionality: String,
    /// Controls the DC supports.
    pub supported_controls: Vec<String>,
    /// Every domain of the forest (DNs).
    pub domains: Vec<String>,
    /// The forest's domains with their names, from the crossRef objects.
    pub domain_names: Vec<DomainName>,
    /// SID of the default domain.
    pub domain_sid: Option<String>,
}

/// A domain of the forest and its names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DomainName {
    /// Its naming context (nCName).
    pub dn: String,
    /// NetBIOS name (nETBIOSName).
    pub netbios: String,
    /// DNS name (dnsRoot).
    pub dns: String,
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
    /// What kind of account it is (sAMAccountType, objectClass).
    pub kind: AccountKind,
    /// adminCount=1.
    pub admin_count: bool,
    /// accountExpires lies in the past.
    pub account_expired: bool,
}

/// The kind of an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccountKind {
    /// A user account (sAMAccountType 805306368).
    User,
    /// A computer account.
    Computer,
    /// A group managed service account (Cloud Sync's agent uses one).
    ManagedServiceAccount,
    /// Anything else.
    Other,
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
    /// Users the connector cannot (or, after the grant, would not) act on,
    /// each with the rights missing and why.
    UsersOutOfReach {
        /// Users scanned.
        scanned: u64,
        /// Every user out of reach.
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
    /// The domain of the connection (defaultNamingContext).
    pub domain: String,
    /// Every domain of the forest (to tell domain roots from OUs).
    pub domains: Vec<String>,
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
    /// The domain of the connection (defaultNamingContext); empty in
    /// backups made before it was recorded.
    #[serde(default)]
    pub domain: String,
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

/// Where backups go: `backups/` in the data directory
/// (`$WRITEBACK_WIZARD_DATA_DIR`, else the platform's).
pub fn backup_dir() -> PathBuf {
    crate::audit::data_dir().join("backups")
}

/// Where the demo organization's backups go: a folder of their own, so
/// that a demo backup can never be restored onto a real directory.
pub fn demo_backup_dir() -> PathBuf {
    crate::audit::data_dir().join("demo").join("backups")
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
                "schemaNamingContext",
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
        schema_naming_context: root.text("schemaNamingContext").unwrap_or_default(),
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
            &["nCName", "nETBIOSName", "dnsRoot"],
            false,
        )
        .await
        .unwrap_or_default();
    d.domains = refs.iter().filter_map(|e| e.text("nCName")).collect();
    d.domain_names = refs
        .iter()
        .filter_map(|e| {
            Some(DomainName {
                dn: e.text("nCName")?,
                netbios: e.text("nETBIOSName").unwrap_or_default(),
                dns: e.text("dnsRoot").unwrap_or_default(),
            })
        })
        .collect();
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

/// Finds the connector account by DN, UPN (also the implicit
/// `sAMAccountName@dnsdomain`), `DOMAIN\name` (in the domain whose NetBIOS
/// name that is), sAMAccountName or display name, with every value escaped.
/// Names match user accounts (objectCategory person) only, so that a
/// computer or group named like the connector is never chosen; a name
/// ending in `$` (a managed service account) matches any account class.
pub async fn find_account<D: Directory>(
    dir: &mut D,
    discovery: &Discovery,
    name: &str,
) -> Result<Account, TaskError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TaskError::AccountNotFound(String::new()));
    }
    let attrs = [
        "sAMAccountName",
        "objectSid",
        "userAccountControl",
        "sAMAccountType",
        "objectClass",
        "adminCount",
        "accountExpires",
    ];
    let all_bases = if discovery.domains.is_empty() {
        vec![discovery.default_naming_context.clone()]
    } else {
        discovery.domains.clone()
    };
    let domain_by = |pick: &dyn Fn(&DomainName) -> bool| -> Option<String> {
        discovery
            .domain_names
            .iter()
            .find(|d| pick(d))
            .map(|d| d.dn.clone())
    };
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
        let class = |sam: &str| {
            if sam.ends_with('$') {
                "(objectClass=user)"
            } else {
                "(objectCategory=person)(objectClass=user)"
            }
        };
        // (filter, bases), most specific first: an exact account name
        // (indexed) wins, display names (a full scan) come last.
        let mut attempts: Vec<(String, Vec<String>)> = Vec::new();
        if let Some((domain, user)) = name.split_once('\\') {
            let base = domain_by(&|d| d.netbios.eq_ignore_ascii_case(domain))
                .map(|b| vec![b])
                .unwrap_or_else(|| all_bases.clone());
            attempts.push((
                format!("(&{}(sAMAccountName={}))", class(user), escape_filter(user)),
                base,
            ));
        } else if let Some((user, suffix)) = name.rsplit_once('@') {
            attempts.push((
                format!(
                    "(&{}(userPrincipalName={}))",
                    class(user),
                    escape_filter(name)
                ),
                all_bases.clone(),
            ));
            // The implicit UPN: sAMAccountName@dnsRoot of its domain.
            if let Some(base) = domain_by(&|d| d.dns.eq_ignore_ascii_case(suffix)) {
                attempts.push((
                    format!("(&{}(sAMAccountName={}))", class(user), escape_filter(user)),
                    vec![base],
                ));
            }
        } else {
            let v = escape_filter(name);
            attempts.push((
                format!("(&{}(sAMAccountName={v}))", class(name)),
                all_bases.clone(),
            ));
            attempts.push((
                format!("(&{}(|(cn={v})(displayName={v})))", class(name)),
                all_bases.clone(),
            ));
        }
        for (filter, bases) in attempts {
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
        1 => account_of(found.remove(0)),
        _ => Err(TaskError::AccountAmbiguous {
            name: name.to_string(),
            candidates: found.into_iter().map(|e| e.dn).collect(),
        }),
    }
}

fn account_of(e: Entry) -> Result<Account, TaskError> {
    let sid = e
        .first("objectSid")
        .and_then(|b| Sid::from_bytes(b).ok())
        .ok_or_else(|| TaskError::BadData {
            dn: e.dn.clone(),
            what: "objectSid".into(),
        })?;
    let number = |attr: &str| e.text(attr).and_then(|t| t.trim().parse::<i64>().ok());
    let uac = number("userAccountControl").unwrap_or(0);
    let kind = match number("sAMAccountType") {
        Some(SAM_USER_ACCOUNT) => AccountKind::User,
        _ if e
            .texts("objectClass")
            .iter()
            .any(|c| c.eq_ignore_ascii_case("msDS-GroupManagedServiceAccount")) =>
        {
            AccountKind::ManagedServiceAccount
        }
        Some(SAM_MACHINE_ACCOUNT) => AccountKind::Computer,
        None => AccountKind::User,
        Some(_) => AccountKind::Other,
    };
    let expires = number("accountExpires").unwrap_or(0);
    Ok(Account {
        sam_account_name: e.text("sAMAccountName").unwrap_or_default(),
        sid: sid.to_string(),
        enabled: uac & 0x2 == 0,
        kind,
        admin_count: number("adminCount") == Some(1),
        account_expired: expires > 0 && expires < i64::MAX && expires < filetime_now(),
        dn: e.dn,
    })
}

/// sAMAccountType of a normal user account.
const SAM_USER_ACCOUNT: i64 = 805_306_368;
/// sAMAccountType of a computer (and managed service) account.
const SAM_MACHINE_ACCOUNT: i64 = 805_306_369;

/// Now as a Windows FILETIME (100-ns intervals since 1601).
fn filetime_now() -> i64 {
    let unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    (unix + 11_644_473_600) * 10_000_000
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

/// The largest ACL the binary form allows (its size field is 16 bits).
pub const MAX_ACL_BYTES: usize = 0xFFFF;

fn planned(
    dn: &str,
    bytes: Vec<u8>,
    sd: &SecurityDescriptor,
    grant: &WritebackGrant,
) -> Result<TargetPlan, TaskError> {
    // A NULL DACL lets everyone do everything; replacing it with a DACL
    // holding only our entries would lock everybody else out.
    let Some(dacl) = sd.dacl.as_ref() else {
        return Err(TaskError::NullDacl { dn: dn.to_string() });
    };
    let (new_dacl, diff) = grant.apply(dacl);
    if new_dacl.binary_len() > MAX_ACL_BYTES {
        return Err(TaskError::AclTooLarge {
            dn: dn.to_string(),
            bytes: new_dacl.binary_len(),
        });
    }
    let mut after = sd.clone();
    after.dacl = Some(new_dacl);
    let after_bytes = after.to_bytes().map_err(|_| TaskError::AclTooLarge {
        dn: dn.to_string(),
        bytes: after.dacl.as_ref().map_or(0, Acl::binary_len),
    })?;
    Ok(TargetPlan {
        dn: dn.to_string(),
        after: after_bytes,
        before_sddl: sddl_of(sd),
        after_sddl: sddl_of(&after),
        before: bytes,
        added: diff.added,
    })
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
        let grant = grant.clone().on(TargetKind::of(&dn, &discovery.domains));
        targets_out.push(planned(&dn, bytes, &sd, &grant)?);
    }
    Ok(Plan {
        account,
        domain: discovery.default_naming_context.clone(),
        domains: discovery.domains.clone(),
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
    // Unexpire password is checked on each domain root in scope.
    let roots = if options.forest {
        discovery.domains.clone()
    } else {
        vec![discovery.default_naming_context.clone()]
    };
    for root in &roots {
        let (_, sd) = read_dacl(dir, root).await?;
        let held = crate::ad::access::check(
            &sd,
            guids::DOMAIN_DNS,
            &facts.token,
            false,
            &[Right::Extended(guids::UNEXPIRE_PASSWORD)],
        )[0]
        .allowed();
        let planned = targets.iter().any(|t| t.eq_ignore_ascii_case(root));
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
    let audit = audit_users(
        dir,
        &facts.token,
        &discovery,
        options,
        &targets,
        true,
        progress,
    )
    .await?;
    if !audit.blocked_ous.is_empty() {
        checks.push(Check {
            outcome: Outcome::Warning,
            finding: Finding::BlockedOus {
                ous: audit.blocked_ous.clone(),
            },
        });
    }
    checks.push(Check {
        outcome: Outcome::ok_if(audit.blocked.is_empty(), Outcome::Warning),
        finding: Finding::UsersOutOfReach {
            scanned: audit.scanned,
            users: audit.blocked.clone(),
        },
    });
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

/// What the DC says of the connector account: its token and computed state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectorFacts {
    /// Its SID and groups, Everyone and Authenticated Users.
    pub token: Token,
    /// msDS-User-Account-Control-Computed: locked out.
    pub locked_out: bool,
    /// msDS-User-Account-Control-Computed: password expired.
    pub password_expired: bool,
}

/// Reads the connector's token (`tokenGroups`) and computed account state
/// with one base search on the account.
pub async fn connector_facts<D: Directory>(
    dir: &mut D,
    account: &Account,
) -> Result<ConnectorFacts, TaskError> {
    let sid: Sid = account.sid.parse().map_err(|_| TaskError::BadData {
        dn: account.dn.clone(),
        what: "objectSid".into(),
    })?;
    let entry = match dir
        .search(
            &account.dn,
            Scope::Base,
            "(objectClass=*)",
            &["tokenGroups", "msDS-User-Account-Control-Computed"],
            false,
        )
        .await
    {
        Ok(mut entries) if !entries.is_empty() => entries.remove(0),
        Ok(_) | Err(DirectoryError::Ldap { .. }) => Entry::default(),
        Err(e) => return Err(e.into()),
    };
    let groups: Vec<Sid> = entry
        .attrs
        .get("tokengroups")
        .map(|v| v.iter().filter_map(|b| Sid::from_bytes(b).ok()).collect())
        .unwrap_or_default();
    let computed: u32 = entry
        .text("msDS-User-Account-Control-Computed")
        .and_then(|t| t.trim().parse().ok())
        .unwrap_or(0);
    Ok(ConnectorFacts {
        token: Token::new(sid, groups),
        locked_out: computed & 0x10 != 0,
        password_expired: computed & 0x80_0000 != 0,
    })
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
    out
}

const USER_FILTER: &str = "(&(objectCategory=person)(objectClass=user))";

/// Paged scan of every user under `targets` (DACL only): the access check
/// of the connector's token on each user's own descriptor, streaming
/// progress ("x of N users carry the permission", N growing page by page).
/// `predict` judges the users as they will be once the targets carry the
/// grant (pre-flight); otherwise as they are now (verify).
pub async fn audit_users<D: Directory>(
    dir: &mut D,
    token: &Token,
    discovery: &Discovery,
    options: &GrantOptions,
    targets: &[String],
    predict: bool,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Audit, TaskError> {
    progress(Progress::Phase(Phase::ScanningUsers));
    let started = std::time::Instant::now();
    let sets = crate::task::access::property_sets(dir, &discovery.schema_naming_context).await?;
    let psos = if predict {
        psos_with_min_age(dir, &discovery.domains).await
    } else {
        Vec::new()
    };
    let grant = WritebackGrant::new(token.user(), options.inetorgperson);
    let mut audit = Audit::default();
    let mut seen = std::collections::HashSet::new();
    // The most specific targets first: a user below two targets is judged
    // under the nearer one, whose grant it inherits first.
    let mut ordered: Vec<&String> = targets.iter().collect();
    ordered.sort_by_key(|t| std::cmp::Reverse(crate::task::access::ancestors(t).count()));
    for target in ordered {
        let kind = TargetKind::of(target, &discovery.domains);
        if kind == TargetKind::AdminSdHolder {
            continue;
        }
        let containers: Containers = crate::task::access::containers(dir, target).await?;
        let mode = if predict {
            Mode::Predict
        } else {
            let (_, sd) = read_dacl(dir, target).await?;
            let status = sd.dacl.as_ref().map(|d| grant.clone().on(kind).status(d));
            Mode::Actual {
                target_granted: sd.dacl.is_none()
                    || status.is_some_and(|s| {
                        !s.missing
                            .iter()
                            .any(|e| matches!(e.reach, crate::ad::grant::Reach::Descendants(_)))
                    }),
            }
        };
        let judge = Judge {
            token,
            rights: sets.rights(),
            inet_org_person: options.inetorgperson,
            target,
            containers: &containers,
            mode,
        };
        let mut awaiting = 0u64;
        let mut below: std::collections::BTreeMap<String, u64> = containers
            .protected(target)
            .into_iter()
            .filter(|dn| !targets.iter().any(|t| t.eq_ignore_ascii_case(dn)))
            .map(|dn| (dn, 0))
            .collect();
        let mut attrs = vec![
            "nTSecurityDescriptor",
            "adminCount",
            "sAMAccountName",
            "objectClass",
            "objectSid",
        ];
        if !psos.is_empty() {
            attrs.push("msDS-ResultantPSO");
        }
        dir.search_paged(target, USER_FILTER, &attrs, true, &mut |e| {
            if !seen.insert(e.dn.to_ascii_lowercase()) {
                return;
            }
            audit.scanned += 1;
            if e.texts("objectClass")
                .iter()
                .any(|c| c.eq_ignore_ascii_case("inetOrgPerson"))
            {
                audit.inet_org_person += 1;
            }
            if let Some(ou) = containers.blocked_above_dn(&e.dn, target)
                && let Some(n) = below.get_mut(ou)
            {
                *n += 1;
            }
            if let Some(pso) = e.text("msDS-ResultantPSO")
                && psos.iter().any(|p| p.eq_ignore_ascii_case(&pso))
            {
                audit.pso_min_age += 1;
            }
            match judge.user(&e) {
                Verdict::Ok => audit.carrying += 1,
                Verdict::Blocked(u) => audit.blocked.push(u),
                Verdict::AwaitingGrant => awaiting += 1,
            }
            progress(Progress::Users {
                done: audit.scanned,
                carrying: audit.carrying,
            });
        })
        .await?;
        if awaiting > 0 {
            audit.ungranted.push(crate::task::access::UngrantedTarget {
                target: target.clone(),
                users: awaiting,
            });
        }
        // Only those with users below: an empty one (AdminSDHolder, say)
        // keeps nobody out of reach.
        audit.blocked_ous.extend(
            below
                .into_iter()
                .filter(|(_, users)| *users > 0)
                .map(|(dn, users)| BlockedOu { dn, users }),
        );
    }
    audit.seconds = started.elapsed().as_secs_f64();
    Ok(audit)
}

/// The password settings objects (fine-grained policies) whose minimum
/// password age is above zero; none when they cannot be read.
async fn psos_with_min_age<D: Directory>(dir: &mut D, domains: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for d in domains {
        let base = format!("CN=Password Settings Container,CN=System,{d}");
        let Ok(entries) = dir
            .search(
                &base,
                Scope::OneLevel,
                "(objectClass=msDS-PasswordSettings)",
                &["msDS-MinimumPasswordAge"],
                false,
            )
            .await
        else {
            continue;
        };
        out.extend(
            entries
                .into_iter()
                .filter(|e| {
                    e.text("msDS-MinimumPasswordAge")
                        .and_then(|t| t.trim().parse::<i64>().ok())
                        .is_some_and(|v| v != 0)
                })
                .map(|e| e.dn),
        );
    }
    out
}

fn file_safe(dn: &str) -> String {
    dn.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(48)
        .collect()
}

/// FNV-1a, 64 bits: a short, stable fingerprint of a DN for file names.
fn fingerprint(text: &str) -> u64 {
    text.to_ascii_lowercase()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// The file name of a backup: run, a readable prefix of the DN and a hash
/// of the whole DN, so that long DNs sharing a prefix never collide.
pub fn backup_name(run: &str, dn: &str) -> String {
    format!(
        "{}-{}-{:016x}.json",
        run.replace([':', '-'], ""),
        file_safe(dn),
        fingerprint(dn)
    )
}

fn save_backup(dir: &Path, backup: &Backup) -> Result<PathBuf, TaskError> {
    let err = |path: &Path, e: &dyn std::fmt::Display| TaskError::Backup {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    crate::fsperm::private_dir(dir).map_err(|e| err(dir, &e))?;
    let path = dir.join(backup_name(&backup.run, &backup.dn));
    let json = serde_json::to_string_pretty(backup).map_err(|e| err(&path, &e))?;
    crate::fsperm::write_private(&path, json.as_bytes()).map_err(|e| err(&path, &e))?;
    Ok(path)
}

/// How often a write that lost a race is re-read, re-merged and retried.
pub const WRITE_ATTEMPTS: usize = 5;

/// Applies a plan: per target, re-read (merging any change made since the
/// plan), save a backup (synced to disk), record the intent in the audit
/// log, write conditionally (a change made after the re-read makes the
/// write fail; then it is re-read, re-merged and retried), read back and
/// confirm, and record the outcome. A log that cannot be written stops
/// the grant before anything changes.
pub async fn apply<D: Directory>(
    dir: &mut D,
    plan: &Plan,
    options: &GrantOptions,
    operator: &str,
    backups: &Path,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Vec<TargetResult>, TaskError> {
    let base = grant_for(&plan.account, options)?;
    trail.ready()?;
    let run = audit::rfc3339(trail.now());
    let mut results = Vec::new();
    for target in &plan.targets {
        let grant = base.clone().on(TargetKind::of(&target.dn, &plan.domains));
        let mut merged = false;
        let mut attempts = 0;
        let result = loop {
            attempts += 1;
            if attempts > WRITE_ATTEMPTS {
                return Err(TaskError::KeptChanging {
                    dn: target.dn.clone(),
                });
            }
            progress(Progress::Phase(Phase::Reading));
            let (bytes, sd) = read_dacl(dir, &target.dn).await?;
            let current = if bytes != target.before {
                merged = true;
                progress(Progress::Merged {
                    dn: target.dn.clone(),
                });
                planned(&target.dn, bytes, &sd, &grant)?
            } else {
                target.clone()
            };
            if current.added.is_empty() {
                break TargetResult {
                    dn: target.dn.clone(),
                    before_sddl: current.before_sddl.clone(),
                    after_sddl: current.before_sddl,
                    added: Vec::new(),
                    backup: None,
                    merged,
                };
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
                domain: plan.domain.clone(),
                time: run.clone(),
                operator: operator.to_string(),
                sd_base64: STANDARD.encode(&current.before),
                sddl: current.before_sddl.clone(),
                written_base64: STANDARD.encode(&current.after),
                added: added.clone(),
            };
            let path = save_backup(backups, &backup)?;
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
            trail.intend(change(String::new(), audit::Outcome::Pending))?;
            progress(Progress::Writing {
                dn: current.dn.clone(),
            });
            let written =
                match write_if_unchanged(dir, &target.dn, &current.before, &current.after).await {
                    Ok(true) => confirm(dir, &current, &grant, progress).await,
                    Ok(false) => continue,
                    Err(e) => Err(e),
                };
            match written {
                Ok(after_sddl) => {
                    trail.record_after(change(after_sddl.clone(), audit::Outcome::Ok));
                    break TargetResult {
                        dn: target.dn.clone(),
                        before_sddl: current.before_sddl.clone(),
                        after_sddl,
                        added,
                        backup: Some(path),
                        merged,
                    };
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
        };
        results.push(result);
    }
    Ok(results)
}

/// Writes `after` over `dn` only if its descriptor is still `before`:
/// `Ok(false)` when it changed meanwhile (nothing written). Uses the
/// directory's conditional write; where the server refuses one (Samba
/// 4.17 cannot delete a descriptor value) or cannot compare a DACL-only
/// value, it compares a fresh read with `before` right before replacing,
/// which narrows the window to one round trip instead of closing it.
pub async fn write_if_unchanged<D: Directory>(
    dir: &mut D,
    dn: &str,
    before: &[u8],
    after: &[u8],
) -> Result<bool, TaskError> {
    match dir.swap_dacl(dn, before, after).await? {
        Swap::Written => return Ok(true),
        Swap::Changed | Swap::Unsupported => {}
    }
    let (now, _) = read_dacl(dir, dn).await?;
    if now != before {
        return Ok(false);
    }
    dir.write_dacl(dn, after).await?;
    Ok(true)
}

/// Reads a written DACL back and checks that the grant is complete and
/// every explicit entry of before is kept; returns the SDDL read back.
async fn confirm<D: Directory>(
    dir: &mut D,
    current: &TargetPlan,
    grant: &WritebackGrant,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<String, TaskError> {
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

/// Loads the backups of the newest grant run in `dir` made on `server`
/// for `domain` (backups of other servers or domains, and files that do not
/// parse, are passed over), or exactly the given file.
pub fn load_backups(
    dir: &Path,
    file: Option<&Path>,
    server: &str,
    domain: &str,
) -> Result<Vec<(PathBuf, Backup)>, TaskError> {
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
            if path.extension().is_some_and(|x| x == "json")
                && let Ok(b) = read(&path)
                && b.server.eq_ignore_ascii_case(server)
                && (b.domain.is_empty() || b.domain.eq_ignore_ascii_case(domain))
            {
                all.push((path, b));
            }
        }
    }
    let Some(newest) = all.iter().map(|(_, b)| b.run.clone()).max() else {
        return Err(TaskError::NoBackup(dir.display().to_string()));
    };
    all.retain(|(_, b)| b.run == newest);
    all.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(all)
}

/// A backup checked for a rollback: its descriptors and entries decoded.
#[derive(Clone, Debug)]
pub struct CheckedBackup {
    /// The descriptor before the grant.
    pub before: Vec<u8>,
    /// The descriptor the grant wrote.
    pub written: Vec<u8>,
    /// The entries it added.
    pub added: Vec<Ace>,
}

/// Checks that a backup may be rolled back on this connection: made on
/// `server`, for `domain`, naming an object inside it, and consistent (its
/// `before` is `written` minus `added`). Nothing is written.
pub fn check_backup(
    path: &Path,
    b: &Backup,
    server: &str,
    domain: &str,
) -> Result<CheckedBackup, TaskError> {
    let refuse = |why: BackupProblem| TaskError::BackupRefused {
        path: path.display().to_string(),
        why,
    };
    let bad = |reason: String| TaskError::Backup {
        path: path.display().to_string(),
        reason,
    };
    if !b.server.eq_ignore_ascii_case(server) {
        return Err(refuse(BackupProblem::OtherServer {
            backup: b.server.clone(),
            connected: server.to_string(),
        }));
    }
    if !b.domain.is_empty() && !b.domain.eq_ignore_ascii_case(domain) {
        return Err(refuse(BackupProblem::OtherDomain {
            backup: b.domain.clone(),
            connected: domain.to_string(),
        }));
    }
    let lower = b.dn.to_ascii_lowercase();
    let dom = domain.to_ascii_lowercase();
    if !(lower == dom || lower.ends_with(&format!(",{dom}"))) {
        return Err(refuse(BackupProblem::OutsideDomain(b.dn.clone())));
    }
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
    let before_sd = SecurityDescriptor::from_bytes(&before).map_err(|e| bad(e.to_string()))?;
    let written_sd = SecurityDescriptor::from_bytes(&written).map_err(|e| bad(e.to_string()))?;
    let consistent = match (&before_sd.dacl, &written_sd.dacl) {
        (Some(bd), Some(wd)) => {
            let (rest, not_found) = remove_aces(wd, &added);
            not_found.is_empty()
                && rest.aces == bd.aces
                && before_sd.control == written_sd.control
                && !added.is_empty()
        }
        _ => false,
    };
    if !consistent {
        return Err(refuse(BackupProblem::Inconsistent));
    }
    Ok(CheckedBackup {
        before,
        written,
        added,
    })
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

/// Undoes a grant run: every backup is checked first ([`check_backup`]:
/// this server, this domain, consistent), then per object the backup is
/// restored when the DACL is unchanged since, else exactly the ACEs that
/// run added are removed; read back. Each write (done or failed) is
/// recorded in `trail`; `operator` is the account used on the directory.
/// When it stops part-way, the error names the objects already undone.
pub async fn rollback<D: Directory>(
    dir: &mut D,
    backups: &[(PathBuf, Backup)],
    domain: &str,
    operator: &str,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Vec<RollbackResult>, TaskError> {
    trail.ready()?;
    let server = dir.server();
    let checked: Vec<CheckedBackup> = backups
        .iter()
        .map(|(path, b)| check_backup(path, b, &server, domain))
        .collect::<Result<_, _>>()?;
    let mut results: Vec<RollbackResult> = Vec::new();
    for ((path, b), c) in backups.iter().zip(checked) {
        match rollback_one(dir, path, b, c, operator, trail, progress).await {
            Ok(r) => results.push(r),
            Err(e)
                if results
                    .iter()
                    .any(|r| r.restored_backup || !r.removed.is_empty()) =>
            {
                return Err(TaskError::PartialRollback {
                    undone: results
                        .iter()
                        .filter(|r| r.restored_backup || !r.removed.is_empty())
                        .map(|r| r.dn.clone())
                        .collect(),
                    failed: b.dn.clone(),
                    reason: Box::new(e),
                });
            }
            Err(e) => return Err(e),
        }
    }
    Ok(results)
}

async fn rollback_one<D: Directory>(
    dir: &mut D,
    path: &Path,
    b: &Backup,
    c: CheckedBackup,
    operator: &str,
    trail: &Trail,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<RollbackResult, TaskError> {
    let bad = |reason: String| TaskError::Backup {
        path: path.display().to_string(),
        reason,
    };
    let CheckedBackup {
        before,
        written,
        added,
    } = c;
    progress(Progress::Phase(Phase::Reading));
    let (bytes, sd) = read_dacl(dir, &b.dn).await?;
    let dacl_now = sd.dacl.clone().unwrap_or_else(|| Acl::new(Vec::new()));
    if bytes == before {
        // Undone already: nothing to do.
        return Ok(RollbackResult {
            dn: b.dn.clone(),
            restored_backup: false,
            removed: Vec::new(),
            after_sddl: sddl_of(&sd),
        });
    }
    if bytes != written && !added.iter().any(|a| dacl_now.explicit().any(|x| x == a)) {
        // The write of that run failed (or was undone already): there is
        // nothing of it to remove, and restoring would undo others' work.
        return Err(TaskError::NeverApplied(path.display().to_string()));
    }
    let (target, restored, removed) = if bytes == written {
        (before, true, b.added.clone())
    } else {
        let (new_dacl, not_found) = remove_aces(&dacl_now, &added);
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
    let change = |after: String, result: audit::Outcome| Change {
        plane: Plane::Ad,
        action: Action::Rollback,
        account: Some(operator.to_string()),
        target: audit::Target {
            server: Some(b.server.clone()),
            dn: Some(b.dn.clone()),
            tenant: None,
        },
        before: sddl_of(&sd).into(),
        after: after.into(),
        added: Vec::new(),
        removed: removed.clone(),
        result,
        backup: Some(path.to_path_buf()),
    };
    trail.intend(change(String::new(), audit::Outcome::Pending))?;
    let undone = async {
        progress(Progress::Writing { dn: b.dn.clone() });
        if !write_if_unchanged(dir, &b.dn, &bytes, &target).await? {
            return Err(TaskError::KeptChanging { dn: b.dn.clone() });
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
    let (after, result) = match &undone {
        Ok(back) => (sddl_of(back), audit::Outcome::Ok),
        Err(e) => (
            String::new(),
            audit::Outcome::Failed {
                reason: e.to_string(),
            },
        ),
    };
    trail.record_after(change(after, result));
    let back = undone?;
    Ok(RollbackResult {
        dn: b.dn.clone(),
        restored_backup: restored,
        removed,
        after_sddl: sddl_of(&back),
    })
}

/// Verify: what the connector can do on every user under the targets now.
pub async fn verify<D: Directory>(
    dir: &mut D,
    options: &GrantOptions,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<(Account, Audit), TaskError> {
    progress(Progress::Phase(Phase::Discovering));
    let discovery = discover(dir).await?;
    progress(Progress::Phase(Phase::FindingAccount));
    let account = find_account(dir, &discovery, &options.connector_account).await?;
    let facts = connector_facts(dir, &account).await?;
    let targets = targets(options, &discovery);
    let audit = audit_users(
        dir,
        &facts.token,
        &discovery,
        options,
        &targets,
        false,
        progress,
    )
    .await?;
    Ok((account, audit))
}
