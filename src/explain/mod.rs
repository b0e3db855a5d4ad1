//! Translated, plain-language text for typed results and errors, one file
//! per domain: security descriptors (`sd`), step 1 (`ad`), step 2
//! (`connect`), step 3 (`portal`), the pilot test (`pilot`), the Connect
//! server's events (`diagnose`), the DC table (`dcs`) and the planes'
//! errors (`errors`). The CLI and the pages say the same words.

pub mod ad;
pub mod connect;
pub mod dcs;
pub mod diagnose;
pub mod errors;
pub mod pilot;
pub mod portal;
pub mod sd;

pub use ad::*;
pub use connect::*;
pub use diagnose::*;
pub use errors::*;
pub use pilot::*;
pub use portal::*;
pub use sd::*;

use crate::task::permissions::Outcome;
use crate::widget::Tone;

/// A graded result's badge: fine, a warning, or blocking.
impl From<Outcome> for Tone {
    fn from(o: Outcome) -> Tone {
        match o {
            Outcome::Ok => Tone::Good,
            Outcome::Warning => Tone::Warn,
            Outcome::Blocking => Tone::Bad,
        }
    }
}
