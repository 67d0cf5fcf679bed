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

/// The embedded default, as `load(DEFAULT_TOML, today)` gives it, with one difference: a
/// machine whose clock is behind the day the binary was built still runs it.
///
/// The ready model serves when no crisis line is over a year old today. When one is, the loader
/// runs, so that its warning about an old number is said as before. When a line's day is still
/// to come by this clock, the loader would refuse the file ("`last_verified` is in the future"),
/// which for a questionnaire file is a typo to fix; the default's days are checked before it
/// ships (a test dates it against a fixed day, and the build warns of a day after its own), so
/// here it is this clock that is behind, and a person who needs help must not be turned away
/// for it: the ready model serves.
pub fn load_default(today: Date) -> Result<Loaded, Vec<Diagnostic>> {
    let Some(questionnaire) = ready_default() else {
        return load(DEFAULT_TOML.as_bytes(), today);
    };
    let dated = |v: Verified| {
        questionnaire
            .crisis
            .iter()
            .any(|line| line.verified_as_of(today) == Some(v))
    };
    if dated(Verified::OverAYearAgo) && !dated(Verified::InTheFuture) {
        return load(DEFAULT_TOML.as_bytes(), today);
    }
    Ok(Loaded {
        questionnaire,
        warnings: Vec::new(),
    })
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
    fn the_default_loads_as_the_loader_would_on_any_day_the_clock_is_not_behind() {
        let (earliest, latest) = verified_range();
        let old = Date {
            year: earliest.year + 2,
            ..earliest
        };
        let days = [
            latest,
            old,
            Date {
                year: latest.year + 5,
                ..latest
            },
        ];
        for today in days {
            let ours = load_default(today).unwrap();
            let loaders = load(DEFAULT_TOML.as_bytes(), today).unwrap();
            assert_eq!(ours.warnings, loaders.warnings, "on {today}");
            assert_eq!(
                postcard::to_allocvec(&ours.questionnaire).unwrap(),
                postcard::to_allocvec(&loaders.questionnaire).unwrap(),
                "on {today}"
            );
        }
        let stale = load_default(old).unwrap();
        assert!(!stale.warnings.is_empty(), "an old number is warned about");
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
