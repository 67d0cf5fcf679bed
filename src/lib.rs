//! groupfit: helps a person decide between a peer support group and group therapy.
//!
//! The library is the pure core: the questionnaire model and loader, scoring, the session state
//! machine and reports. None of it touches a terminal, the clock or a file it was not given.
//! The model and loader are a crate of their own (crates/questionnaire), so that build.rs can
//! load the embedded default with them; they are re-exported here under their usual names.

pub use groupfit_questionnaire::{date, diag, text, tomlfile, ui_text};

pub mod answers;
pub mod audit;
pub mod clinician;
pub mod crisis;
pub mod panels;
pub mod plain;
pub mod questionnaire;
pub mod recording;
pub mod report;
pub mod safety;
pub mod scoring;
pub mod session;
pub mod tui;
