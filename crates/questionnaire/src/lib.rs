//! groupfit's questionnaire: the validated model, the strict loader that builds it from a TOML
//! file, and what the loader needs (diagnostics, text checks, dates, the interface's words).
//!
//! A crate of its own so that groupfit's build script can run the very same loader on the
//! embedded default: an invalid default does not build, and the binary starts from a ready
//! model instead of parsing and validating the TOML every time.

pub mod date;
pub mod diag;
pub mod questionnaire;
pub mod region;
pub mod text;
pub mod tomlfile;
pub mod ui_text;
