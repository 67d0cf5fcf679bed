//! The questionnaire (its model and strict loader live in the groupfit-questionnaire crate) and
//! the default built into the binary: its TOML, and the ready model build.rs made from it with
//! the same loader.

pub use groupfit_questionnaire::questionnaire::*;

use crate::date::{Date, Verified};
use crate::diag::Diagnostic;

/// The default questionnaire, built into the binary.
pub const DEFAULT_TOML: &str = include_str!("../questions.toml");
/// The name the embedded default goes by in messages.
pub const DEFAULT_NAME: &str = "<embedded questions.toml>";

/// The default as build.rs loaded it, serialized (postcard); empty when the loader had
/// warnings to tell.
const READY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default.model"));

/// The embedded default: the ready model build.rs made with the loader, or, if the build left
/// none (its loader had warnings for the maintainers), the loader's reading of the TOML.
///
/// Without the loader at run time, nothing is said about the crisis lines' dates: the loader's
/// messages ("update `last_verified`") are for whoever maintains a questionnaire, and beside the
/// numbers a person in distress is about to call they would only alarm. The command line says
/// one plain sentence instead when a line is over a year old ([`lines_over_a_year_old`]). And a
/// clock behind the day the lines were checked (a flat clock battery, a machine that starts in
/// 1970) does not turn anyone away, as the loader would for a file ("in the future").
pub fn load_default(today: Date) -> Result<Loaded, Vec<Diagnostic>> {
    match ready_default() {
        Some(questionnaire) => Ok(Loaded {
            questionnaire,
            warnings: Vec::new(),
        }),
        None => load(DEFAULT_TOML.as_bytes(), today),
    }
}

/// True when one of the questionnaire's crisis lines was last verified over a year before
/// `today`: the number may have changed.
#[must_use]
pub fn lines_over_a_year_old(questionnaire: &Questionnaire, today: Date) -> bool {
    questionnaire
        .crisis
        .iter()
        .any(|line| line.verified_as_of(today) == Some(Verified::OverAYearAgo))
}

/// The ready model, as build.rs loaded it; `None` when build.rs left it to the loader.
#[must_use]
pub fn ready_default() -> Option<Questionnaire> {
    postcard::from_bytes(READY).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    /// The latest `last_verified` of the default's crisis lines, and the earliest.
    fn verified_range() -> (Date, Date) {
        let q = ready_default().expect("build.rs left a ready model");
        let days: Vec<Date> = q.crisis.iter().map(|l| day(&l.last_verified)).collect();
        (*days.iter().min().unwrap(), *days.iter().max().unwrap())
    }

    #[test]
    fn the_ready_model_is_what_the_loader_makes_of_the_default() {
        let (_, latest) = verified_range();
        let loaded = load(DEFAULT_TOML.as_bytes(), latest).unwrap();
        assert!(loaded.warnings.is_empty());
        assert_eq!(postcard::to_allocvec(&loaded.questionnaire).unwrap(), READY);
        assert_eq!(
            ready_default().unwrap().sha256,
            sha256_hex(DEFAULT_TOML.as_bytes())
        );
    }

    #[test]
    fn the_default_is_the_loaders_model_on_any_day_and_old_lines_are_told() {
        let (earliest, latest) = verified_range();
        let old = Date {
            year: earliest.year + 2,
            ..earliest
        };
        for today in [latest, old] {
            let ours = load_default(today).unwrap();
            let loaders = load(DEFAULT_TOML.as_bytes(), today).unwrap();
            assert!(ours.warnings.is_empty(), "on {today}");
            assert_eq!(
                postcard::to_allocvec(&ours.questionnaire).unwrap(),
                postcard::to_allocvec(&loaders.questionnaire).unwrap(),
                "on {today}"
            );
            // The loader warns of an old line exactly when the plain sentence is said.
            assert_eq!(
                lines_over_a_year_old(&ours.questionnaire, today),
                !loaders.warnings.is_empty(),
                "on {today}"
            );
        }
        assert!(lines_over_a_year_old(&ready_default().unwrap(), old));
    }

    /// A clock behind the build (a flat battery, a machine that starts in 1970) would make the
    /// loader refuse the default for crisis lines checked "in the future": the default runs.
    #[test]
    fn a_clock_behind_the_build_still_runs_the_default() {
        let (earliest, _) = verified_range();
        for today in [
            Date {
                year: earliest.year - 1,
                ..earliest
            },
            Date {
                year: 1970,
                month: 1,
                day: 1,
            },
        ] {
            assert!(load(DEFAULT_TOML.as_bytes(), today).is_err());
            let ours = load_default(today).unwrap();
            assert!(ours.warnings.is_empty());
            assert_eq!(postcard::to_allocvec(&ours.questionnaire).unwrap(), READY);
        }
    }
}
