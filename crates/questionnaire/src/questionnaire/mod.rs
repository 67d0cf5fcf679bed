//! The questionnaire: its validated model and the loader that builds it from a TOML file.

mod codes;
mod instruments;
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
