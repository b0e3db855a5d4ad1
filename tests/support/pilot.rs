//! What the pilot tests against the Entra stand-in share: the synced
//! pilot user, a runtime, and limits short enough for a test.
// Shared by several test binaries, each using a part of it.
#![allow(dead_code)]

use std::time::Duration;

use writeback_wizard::task::prove::Options;

/// The pilot user's DN in the demo directory.
pub const BOB_DN: &str = "CN=Bob Nguyen,OU=Staff,DC=contoso,DC=com";
/// Its user principal name at the stand-in.
pub const BOB: &str = "bob.nguyen@contoso.example";

/// A tokio runtime on this thread.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Limits short enough for a test.
pub fn fast() -> Options {
    Options {
        cloud_timeout: Duration::from_secs(10),
        directory_wait: Duration::from_millis(300),
        poll: Duration::from_millis(20),
        clock_skew: Duration::from_secs(0),
    }
}
