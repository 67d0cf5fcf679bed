//! Helpers shared by the integration tests: a fixed "today" and loading questionnaires from text.
// Each test crate uses only some of these.
#![allow(dead_code)]

use groupfit::date::Date;
use groupfit::questionnaire::{self, DEFAULT_TOML, Questionnaire};

/// The date the tests run "on", so that crisis-line ages never depend on the clock.
pub const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 26,
};

/// Loads a questionnaire that must be valid.
pub fn load_valid(text: &str) -> Questionnaire {
    questionnaire::load(text.as_bytes(), TODAY)
        .unwrap_or_else(|d| panic!("invalid questionnaire: {d:#?}"))
        .questionnaire
}

/// The embedded default questionnaire.
pub fn default_questionnaire() -> Questionnaire {
    load_valid(DEFAULT_TOML)
}
