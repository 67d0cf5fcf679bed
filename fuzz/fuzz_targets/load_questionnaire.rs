//! Fuzzes the questionnaire loader: any bytes must load or be refused with diagnostics, never
//! panic, and no rendered diagnostic may carry a raw escape or bidi character.
#![no_main]

use groupfit::date::Date;
use groupfit::questionnaire;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = Date { year: 2026, month: 11, day: 26 };
    match questionnaire::load(data, today) {
        Ok(loaded) => {
            // A questionnaire that loads must also score with no answers and with a session.
            let q = loaded.questionnaire;
            let answers = groupfit::answers::Answers::new(&q);
            let _ = groupfit::scoring::score(&q, &answers);
        }
        Err(diagnostics) => {
            let text = String::from_utf8_lossy(data);
            for d in diagnostics {
                let rendered = d.render("fuzz.toml", &text);
                assert!(!rendered.contains('\u{1b}') && !rendered.contains('\u{202e}'));
            }
        }
    }
});
