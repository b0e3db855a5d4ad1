//! The Entra Connect plane: the optional feature "Password writeback" on
//! the Connect server. The real implementation (PowerShell) is step 2's
//! work; the demo one lives in `demo.rs`.

/// What the Connect server reports.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SyncState {
    /// Entra Connect version.
    pub version: String,
    /// Name of the Entra ID connector.
    pub connector: String,
    /// The AD DS connector account (DOMAIN\name), to pre-fill step 1.
    pub ad_connector_account: String,
    /// Password writeback is on.
    pub writeback: bool,
}

/// Why the Connect plane failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// The server cannot be reached or the command failed.
    #[error("{0}")]
    Failed(String),
    /// The state read back is not the one set.
    #[error("the state read back is not the one set")]
    ReadBack,
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
}
