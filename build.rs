//! Loads the embedded questionnaire with groupfit's own loader (the groupfit-questionnaire
//! crate) when the binary is built, so that an invalid default does not build, and writes the
//! loaded model out for start-up to read in place of parsing and validating the TOML. Puts the
//! default's id and version into the binary for `--version`.
//!
//! The build does not depend on the build machine's clock: the crisis lines are dated against
//! the latest day among them (a day the loader cannot call "in the future"), and how old they
//! are is for the binary to tell at run time (`questionnaire::load_default`). A day after the
//! build's clock is only a cargo warning here (a typo like 2062 also fails
//! `tests/validation.rs`, which dates the default against a fixed day).

use std::path::Path;
use std::{env, fs, process};

use groupfit_questionnaire::date::{Date, Verified};
use groupfit_questionnaire::diag::Diagnostic;
use groupfit_questionnaire::questionnaire::{Loaded, Questionnaire, load};
use groupfit_questionnaire::tomlfile::source_text;

const SOURCE: &str = "questions.toml";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    let bytes = fs::read(SOURCE).unwrap_or_else(|e| fail(&format!("cannot read {SOURCE}: {e}")));
    let text = source_text(&bytes);
    let render = |diagnostics: &[Diagnostic]| {
        diagnostics
            .iter()
            .map(|d| d.render(SOURCE, &text))
            .collect::<Vec<_>>()
    };
    let load_on = |today: Date| {
        load(&bytes, today).unwrap_or_else(|diagnostics| {
            for diagnostic in render(&diagnostics) {
                eprintln!("{diagnostic}");
            }
            fail(&format!(
                "{SOURCE} is not a valid questionnaire; fix the problems above"
            ))
        })
    };
    // On a day past any line's, no date is in the future: what is left is the file itself.
    let far = Date {
        year: 9999,
        month: 12,
        day: 31,
    };
    let Loaded {
        questionnaire,
        warnings,
    } = load_on(latest_verified(&load_on(far).questionnaire).unwrap_or(far));
    warn_of_days_to_come(&questionnaire);
    // A default the loader has something to say about is left to the loader at run time, so
    // that the person sees what it says; the ready model is for the quiet case.
    let ready = if warnings.is_empty() {
        postcard::to_allocvec(&questionnaire)
            .unwrap_or_else(|e| fail(&format!("cannot serialize the default: {e}")))
    } else {
        for warning in render(&warnings) {
            for line in warning.lines() {
                println!("cargo:warning={line}");
            }
        }
        Vec::new()
    };
    let out = env::var_os("OUT_DIR").unwrap_or_else(|| fail("cargo did not set OUT_DIR"));
    let path = Path::new(&out).join("default.model");
    fs::write(&path, ready)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
    let meta = &questionnaire.meta;
    println!(
        "cargo:rustc-env=GROUPFIT_QUESTIONNAIRE={} {}",
        meta.id, meta.version
    );
}

/// The latest `last_verified` among the crisis lines.
fn latest_verified(questionnaire: &Questionnaire) -> Option<Date> {
    questionnaire
        .crisis
        .iter()
        .filter_map(|line| Date::parse(&line.last_verified))
        .max()
}

/// A cargo warning for each line verified after the build machine's today: a typo, or a clock
/// behind.
fn warn_of_days_to_come(questionnaire: &Questionnaire) {
    let today = Date::today();
    for line in &questionnaire.crisis {
        if line.verified_as_of(today) == Some(Verified::InTheFuture) {
            println!(
                "cargo:warning={SOURCE}: crisis line \"{}\" was verified on {}, after today \
                 ({today}) on this machine: a typo, or this clock is behind",
                line.service, line.last_verified
            );
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1)
}
