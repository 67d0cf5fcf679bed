//! Fuzzes the answers loader against the default questionnaire: any bytes must load or be
//! refused, never panic; loaded answers must score.
#![no_main]

use std::sync::OnceLock;

use groupfit::date::Date;
use groupfit::questionnaire::{self, Questionnaire};
use libfuzzer_sys::fuzz_target;

fn default_questionnaire() -> &'static Questionnaire {
    static DEFAULT: OnceLock<Questionnaire> = OnceLock::new();
    DEFAULT.get_or_init(|| {
        let today = Date { year: 2026, month: 11, day: 26 };
        questionnaire::load(questionnaire::DEFAULT_TOML.as_bytes(), today)
            .expect("the default questionnaire is valid")
            .questionnaire
    })
}

fuzz_target!(|data: &[u8]| {
    let q = default_questionnaire();
    if let Ok(loaded) = groupfit::answers::load(data, q) {
        let outcome = groupfit::scoring::score(q, &loaded.answers);
        assert!(outcome.score.is_none_or(|s| (-1.0..=1.0).contains(&s)));
    }
});
