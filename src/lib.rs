//! writeback-wizard: turns on Microsoft Entra ID password writeback end to
//! end. The library holds everything but the entry point, so that tests,
//! benchmarks and fuzz targets reach the same code as the binary.

pub mod ad;
pub mod app;
pub mod audit;
pub mod backend;
pub mod cli;
pub mod diagnostics;
pub mod explain;
pub mod focus;
pub mod fsperm;
pub mod headless;
pub mod localize;
pub mod page;
pub mod profile;
pub mod runbook;
pub mod session;
pub mod task;
pub mod theme;
pub mod widget;
