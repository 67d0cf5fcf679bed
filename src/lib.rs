//! groupfit: helps a person decide between a peer support group and group therapy.
//!
//! The library is the pure core: the questionnaire model and loader, scoring, the session state
//! machine and reports. None of it touches a terminal, the clock or a file it was not given.

pub mod answers;
pub mod audit;
pub mod clinician;
pub mod crisis;
pub mod date;
pub mod diag;
pub mod plain;
pub mod questionnaire;
pub mod report;
pub mod safety;
pub mod scoring;
pub mod session;
pub mod text;
pub mod tomlfile;
pub mod tui;
pub mod ui_text;
