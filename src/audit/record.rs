//! What one line of the log holds: a [`Record`] of a change (or of a
//! pilot test), or a [`Note`] of something else a run did that its runbook
//! needs (a verification read, a screenshot captured). Both name the
//! [`RunTag`] of the run that wrote them; lines written before runs were
//! tagged have none.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The plane a change was made on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Plane {
    /// Active Directory permissions.
    Ad,
    /// Entra Connect.
    Connect,
    /// The Entra admin portal.
    Portal,
    /// The pilot test: a reset in the cloud, read back in AD.
    Pilot,
}

/// What was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Permissions granted.
    Grant,
    /// Permissions rolled back.
    Rollback,
    /// A setting switched on.
    Enable,
    /// A setting switched off.
    Disable,
    /// A test (the pilot user's password reset in the cloud).
    Test,
    /// A DC asked to pull an object now (replicateSingleObject).
    Replicate,
}

/// Where the change was made (the fields that apply to its plane).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// Domain controller or Connect server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// Object changed (AD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dn: Option<String>,
    /// Tenant (portal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
}

/// How the change ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    /// Written and read back.
    Ok,
    /// Attempted and failed.
    Failed {
        /// Why (the error, untranslated; never a secret).
        reason: String,
    },
    /// Intent: the write is about to be sent. Its outcome follows in a
    /// later record; a pending record without one means the run stopped
    /// (cancelled or crashed) mid-write, and the backup it names undoes it.
    Pending,
}

/// Who ran a run: the wizard's window or a command of the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// The wizard's window (one run per window opened).
    Window,
    /// The command line (one run per command).
    Cli,
}

/// The run an entry belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunTag {
    /// Unique id (`20251206T081502Z-3f2a9c`).
    pub id: String,
    /// Window or command line.
    pub via: Via,
    /// The command (`grant`), for the command line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
}

/// One line of the log: a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// When (RFC 3339, UTC).
    pub time: String,
    /// Who ran the wizard (the operating system's user).
    pub operator: String,
    /// The run that made it (absent in logs written before runs were
    /// tagged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<RunTag>,
    /// The identity used on the plane (bind account, signed-in UPN), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Plane.
    pub plane: Plane,
    /// What was done.
    pub action: Action,
    /// Where.
    pub target: Target,
    /// Before: SDDL for AD, the settings for Connect and the portal.
    pub before: serde_json::Value,
    /// After (read back).
    pub after: serde_json::Value,
    /// ACEs added (AD), SDDL.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    /// ACEs removed (AD), SDDL.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// How it ended.
    pub result: Outcome,
    /// The backup file written (or used, for a rollback).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<String>,
    /// Made on the built-in demo organization, not a real one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
}

/// A change to record: a [`Record`] without time, operator, run and demo
/// flag, which the [`crate::audit::Trail`] fills in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Plane.
    pub plane: Plane,
    /// What was done.
    pub action: Action,
    /// The identity used on the plane.
    pub account: Option<String>,
    /// Where.
    pub target: Target,
    /// Before.
    pub before: serde_json::Value,
    /// After.
    pub after: serde_json::Value,
    /// ACEs added.
    pub added: Vec<String>,
    /// ACEs removed.
    pub removed: Vec<String>,
    /// How it ended.
    pub result: Outcome,
    /// Backup file.
    pub backup: Option<PathBuf>,
}

impl Change {
    /// A setting switched on a plane (Connect, portal): `before` and
    /// `after` are the settings (any serializable value).
    pub fn setting(
        plane: Plane,
        on: bool,
        target: Target,
        before: impl Serialize,
        after: impl Serialize,
        result: Outcome,
    ) -> Change {
        Change {
            plane,
            action: if on { Action::Enable } else { Action::Disable },
            account: None,
            target,
            before: serde_json::to_value(before).unwrap_or(serde_json::Value::Null),
            after: serde_json::to_value(after).unwrap_or(serde_json::Value::Null),
            added: Vec::new(),
            removed: Vec::new(),
            result,
            backup: None,
        }
    }
}

/// One line of the log that is not a change: something a run read or
/// captured, for its runbook.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// When (RFC 3339, UTC).
    pub time: String,
    /// Who ran the wizard.
    pub operator: String,
    /// The run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<RunTag>,
    /// Made on the built-in demo organization.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
    /// What.
    pub note: Noted,
}

/// What a [`Note`] says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Noted {
    /// A plane read by Verify.
    Verified {
        /// The plane.
        plane: Plane,
        /// Where it was read (DC, Connect server, tenant).
        #[serde(default)]
        target: Target,
        /// What it said.
        reading: Reading,
    },
    /// A window screenshot of a wizard step, saved in the data directory.
    Screenshot {
        /// The step (`permissions`).
        step: String,
        /// The PNG, relative to the data directory
        /// (`runs/<run id>/04-permissions.png`).
        file: String,
    },
}

/// What Verify read on a plane: typed facts, never translated text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum Reading {
    /// The users under the targets and whether the connector reaches them.
    Users {
        /// Users scanned.
        scanned: u64,
        /// Users on which the connector holds every right of the grant.
        carrying: u64,
        /// Targets without the grant: (DN, users below).
        #[serde(default)]
        ungranted: Vec<(String, u64)>,
        /// Domain roots where the connector lacks Unexpire password.
        #[serde(default)]
        unexpire_missing: Vec<String>,
        /// The users out of reach, by reason.
        #[serde(default)]
        groups: Vec<BlockedGroup>,
    },
    /// Settings read (`{"password_writeback": true}`).
    Settings {
        /// Name → value.
        values: serde_json::Value,
    },
    /// The plane could not be read.
    Failed {
        /// Why (the error, untranslated; never a secret).
        reason: String,
    },
}

/// Users out of reach for one reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockedGroup {
    /// The reason, as the task layer serializes it (`{"kind":
    /// "cannot-change-password"}`).
    pub reason: serde_json::Value,
    /// How many users.
    pub count: u64,
    /// The first few: (sAMAccountName, DN, rights missing).
    #[serde(default)]
    pub first: Vec<(String, String, Vec<String>)>,
}

/// One line of the log as read: a change or a note.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A change (or a pilot test).
    Record(Record),
    /// Something read or captured.
    Note(Note),
}

impl Entry {
    /// The run it belongs to.
    pub fn run(&self) -> Option<&RunTag> {
        match self {
            Entry::Record(r) => r.run.as_ref(),
            Entry::Note(n) => n.run.as_ref(),
        }
    }

    /// When.
    pub fn time(&self) -> &str {
        match self {
            Entry::Record(r) => &r.time,
            Entry::Note(n) => &n.time,
        }
    }

    /// Made on the demo organization.
    pub fn demo(&self) -> bool {
        match self {
            Entry::Record(r) => r.demo,
            Entry::Note(n) => n.demo,
        }
    }
}
