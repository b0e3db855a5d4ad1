//! The work behind each wizard page, with no UI in it: async functions that
//! report progress through a callback and return typed results and errors.

pub mod access;
pub mod dcs;
pub mod diagnose;
pub mod eventfile;
pub mod permissions;
pub mod portal;
pub mod preflight;
pub mod prove;
pub mod record;
pub mod sync;
pub mod verify;
