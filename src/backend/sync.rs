//! The Entra Connect plane: the optional feature "Password writeback" on
//! the Connect server, and the server's Application log (its password
//! reset service's events). `powershell.rs` is the real implementation,
//! the demo one lives in `demo/`.

/// The fixed identifier of the Entra ID connector (spec §2).
pub const ENTRA_CONNECTOR_ID: &str = "b891884f-051e-4a83-95af-2544101c9083";

/// What the Connect server reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncState {
    /// Entra Connect version ("" when unknown).
    pub version: String,
    /// Name of the Entra ID connector.
    pub connector: String,
    /// The AD DS connector account (DOMAIN\name), to pre-fill step 1.
    pub ad_connector_account: String,
    /// Password writeback is on.
    pub writeback: bool,
    /// The ADSync service runs.
    pub service_running: bool,
    /// Outbound 443 to the writeback endpoints, as tested from the server.
    pub endpoints: Vec<Endpoint>,
}

/// One outbound endpoint and whether the server reached it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Endpoint {
    /// Host name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Reached.
    pub reachable: bool,
}

/// A connector as `Get-ADSyncConnector` lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub struct ConnectorInfo {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Identifier (GUID).
    #[serde(default)]
    pub identifier: String,
    /// Type, e.g. Extensible2.
    #[serde(default, rename = "type")]
    pub kind: String,
    /// Subtype, e.g. "Windows Azure Active Directory (Microsoft)".
    #[serde(default)]
    pub subtype: String,
}

/// Why the Connect plane failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// The PowerShell executable could not be started.
    #[error("cannot start {exe}: {reason}")]
    NoPowerShell {
        /// The executable.
        exe: String,
        /// Why.
        reason: String,
    },
    /// The ADSync module is not installed.
    #[error("the ADSync module is missing: {0}")]
    ModuleMissing(String),
    /// Not elevated, or not allowed.
    #[error("access denied: {0}")]
    AccessDenied(String),
    /// No Entra ID connector.
    #[error("no Entra ID connector")]
    NoConnector,
    /// More than one Entra ID connector.
    #[error("several Entra ID connectors: {0:?}")]
    SeveralConnectors(Vec<String>),
    /// The remote session failed.
    #[error("remote session failed: {0}")]
    Remote(String),
    /// The answer was not the expected JSON.
    #[error("unexpected answer: {0}")]
    Garbage(String),
    /// No answer in time.
    #[error("no answer within {0} s")]
    Timeout(u64),
    /// The cmdlet failed otherwise.
    #[error("{0}")]
    Failed(String),
    /// The state read back is not the one set.
    #[error("the state read back is not the one set")]
    ReadBack,
    /// The Cloud Sync provisioning agent's PowerShell module is not there.
    #[error("the Cloud Sync provisioning agent module is missing: {0}")]
    AgentMissing(String),
    /// The tenant refused the tenant administrator's sign-in.
    #[error("the tenant refused the sign-in: {0}")]
    SignInRefused(String),
    /// The audit log cannot be written (checked before switching).
    #[error("{0}")]
    Audit(String),
    /// PowerShell printed more than the limit (bytes); it was stopped.
    #[error("PowerShell printed more than {0} bytes")]
    TooLarge(u64),
}

/// Picks the Entra ID connector: by its fixed identifier first, then by
/// type Extensible2 and subtype "Windows Azure Active Directory*".
pub fn pick_connector(list: &[ConnectorInfo]) -> Result<String, SyncError> {
    let names = |v: Vec<&ConnectorInfo>| v.into_iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    let by_id: Vec<&ConnectorInfo> = list
        .iter()
        .filter(|c| c.identifier.eq_ignore_ascii_case(ENTRA_CONNECTOR_ID))
        .collect();
    match by_id.len() {
        1 => return Ok(by_id[0].name.clone()),
        0 => {}
        _ => return Err(SyncError::SeveralConnectors(names(by_id))),
    }
    let by_type: Vec<&ConnectorInfo> = list
        .iter()
        .filter(|c| {
            c.kind.eq_ignore_ascii_case("Extensible2")
                && c.subtype.starts_with("Windows Azure Active Directory")
        })
        .collect();
    match by_type.len() {
        0 => Err(SyncError::NoConnector),
        1 => Ok(by_type[0].name.clone()),
        _ => Err(SyncError::SeveralConnectors(names(by_type))),
    }
}

/// An Entra Connect (or Cloud Sync) server.
#[allow(async_fn_in_trait)]
pub trait SyncServer {
    /// Where it runs, for messages.
    fn host(&self) -> String;
    /// Reads version, connectors and the writeback state.
    async fn state(&mut self) -> Result<SyncState, SyncError>;
    /// Switches password writeback on or off.
    async fn set_writeback(&mut self, on: bool) -> Result<(), SyncError>;
    /// The AD connector's preferred domain controllers (empty: none, the
    /// DC locator chooses). Issue 25.
    async fn preferred_dcs(&mut self) -> Result<Vec<String>, SyncError> {
        Ok(Vec::new())
    }
}

/// One event as the Connect server's log holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EventRecord {
    /// When (RFC 3339, as the server wrote it).
    #[serde(default)]
    pub time: String,
    /// Event id.
    #[serde(default)]
    pub id: u32,
    /// Provider (source) name.
    #[serde(default)]
    pub source: String,
    /// Level: 1 critical, 2 error, 3 warning, 4 information.
    #[serde(default)]
    pub level: u8,
    /// The rendered message (bounded by the script).
    #[serde(default)]
    pub message: String,
}

/// The sources read: the password reset service, and synchronization.
pub const SOURCES: [&str; 3] = [
    "PasswordResetService",
    "ADSync",
    "Directory Synchronization",
];

/// A Connect server whose Application log can be read.
#[allow(async_fn_in_trait)]
pub trait EventLog {
    /// The entries of [`SOURCES`] since `since` (newest first, at most a
    /// few hundred).
    async fn events(&mut self, since: std::time::SystemTime)
    -> Result<Vec<EventRecord>, SyncError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(name: &str, id: &str, kind: &str, subtype: &str) -> ConnectorInfo {
        ConnectorInfo {
            name: name.into(),
            identifier: id.into(),
            kind: kind.into(),
            subtype: subtype.into(),
        }
    }

    #[test]
    fn picks_by_identifier_then_by_type() {
        let ad = c("corp.example", "aaaa", "AD", "");
        let entra = c(
            "contoso.onmicrosoft.com - AAD",
            "zzzz",
            "Extensible2",
            "Windows Azure Active Directory (Microsoft)",
        );
        assert_eq!(
            pick_connector(&[ad.clone(), entra.clone()]),
            Ok(entra.name.clone())
        );
        let by_id = c("by-id", ENTRA_CONNECTOR_ID, "Extensible2", "x");
        assert_eq!(
            pick_connector(&[entra.clone(), by_id.clone()]),
            Ok("by-id".into())
        );
        assert_eq!(
            pick_connector(std::slice::from_ref(&ad)),
            Err(SyncError::NoConnector)
        );
        let other = c(
            "second - AAD",
            "yyyy",
            "Extensible2",
            "Windows Azure Active Directory (Microsoft)",
        );
        assert!(matches!(
            pick_connector(&[entra, other]),
            Err(SyncError::SeveralConnectors(v)) if v.len() == 2
        ));
    }
}
