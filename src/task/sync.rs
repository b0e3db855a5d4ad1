//! Step 2: switch on password writeback on the Entra Connect server, read
//! it back; undo switches it off.

use crate::backend::sync::{SyncError, SyncServer, SyncState};

/// Progress of step 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Reading the state.
    Reading,
    /// Switching the feature.
    Switching,
    /// Reading back.
    ReadingBack,
}

/// Reads the state.
pub async fn status<S: SyncServer>(server: &mut S) -> Result<SyncState, SyncError> {
    server.state().await
}

/// Sets writeback to `on` (when it is not already) and reads it back.
pub async fn set<S: SyncServer>(
    server: &mut S,
    on: bool,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<SyncState, SyncError> {
    progress(Progress::Reading);
    let before = server.state().await?;
    if before.writeback == on {
        return Ok(before);
    }
    progress(Progress::Switching);
    server.set_writeback(on).await?;
    progress(Progress::ReadingBack);
    let after = server.state().await?;
    if after.writeback != on {
        return Err(SyncError::ReadBack);
    }
    Ok(after)
}
