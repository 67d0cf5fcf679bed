//! The questionnaire: its validated model and the loader that builds it from a TOML file.

mod kinds;
mod load;
mod model;
mod questions;
mod raw;
mod show_if;
mod validate;

pub use kinds::{DEFAULT_TEXT_LENGTH, MAX_WEIGHT};
pub use load::{FORMAT, Loaded, load, sha256_hex};
pub use model::*;

/// The default questionnaire, built into the binary.
pub const DEFAULT_TOML: &str = include_str!("../../questions.toml");
/// The embedded default's SHA-256, worked out when the binary was built (build.rs).
pub const DEFAULT_SHA256: &str = env!("GROUPFIT_DEFAULT_SHA256");
/// The name the embedded default goes by in messages.
pub const DEFAULT_NAME: &str = "<embedded questions.toml>";
