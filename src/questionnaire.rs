//! The questionnaire (its model and strict loader live in the groupfit-questionnaire crate) and
//! the default built into the binary: its TOML, and the ready model build.rs made from it with
//! the same loader.

pub use groupfit_questionnaire::questionnaire::*;

use crate::date::{Date, Verified};
use crate::diag::Diagnostic;

/// The default questionnaire, built into the binary.
pub const DEFAULT_TOML: &str = include_str!("../questions.toml");
/// The embedded default's SHA-256, worked out when the binary was built (build.rs).
pub const DEFAULT_SHA256: &str = env!("GROUPFIT_DEFAULT_SHA256");
/// The name the embedded default goes by in messages.
pub const DEFAULT_NAME: &str = "<embedded questions.toml>";

/// The default as build.rs loaded it, serialized (postcard); empty when the loader had
/// warnings to tell.
const READY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default.model"));

/// The embedded default, exactly as `load(DEFAULT_TOML, today)` gives it. The ready model
/// serves when nothing the loader would say depends on the day (every crisis line verified
/// within the year and not after today); otherwise the loader runs, so that its warning about
/// an old number, or its refusal of a date still to come, is said as before.
pub fn load_default(today: Date) -> Result<Loaded, Vec<Diagnostic>> {
    let current = |q: &Questionnaire| {
        q.crisis
            .iter()
            .all(|line| line.verified_as_of(today) == Some(Verified::Current))
    };
    match ready_default() {
        Some(questionnaire) if current(&questionnaire) => Ok(Loaded {
            questionnaire,
            warnings: Vec::new(),
        }),
        _ => load(DEFAULT_TOML.as_bytes(), today),
    }
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
        assert_eq!(loaded.questionnaire.sha256, DEFAULT_SHA256);
        assert_eq!(sha256_hex(DEFAULT_TOML.as_bytes()), DEFAULT_SHA256);
    }

    #[test]
    fn the_default_loads_as_the_loader_would_on_any_day() {
        let (earliest, latest) = verified_range();
        let days = [
            latest,
            Date {
                year: earliest.year + 2,
                ..earliest
            },
            Date {
                year: latest.year + 5,
                ..latest
            },
            Date {
                year: earliest.year - 1,
                ..earliest
            },
        ];
        for today in days {
            let ours = load_default(today);
            let loaders = load(DEFAULT_TOML.as_bytes(), today);
            match (ours, loaders) {
                (Ok(ours), Ok(loaders)) => {
                    assert_eq!(ours.warnings, loaders.warnings, "on {today}");
                    assert_eq!(
                        postcard::to_allocvec(&ours.questionnaire).unwrap(),
                        postcard::to_allocvec(&loaders.questionnaire).unwrap(),
                        "on {today}"
                    );
                }
                (Err(ours), Err(loaders)) => assert_eq!(ours, loaders, "on {today}"),
                (ours, _) => panic!("on {today}: the default loaded as {ours:?}"),
            }
        }
        let stale = load_default(Date {
            year: earliest.year + 2,
            ..earliest
        })
        .unwrap();
        assert!(!stale.warnings.is_empty(), "an old number is warned about");
        assert!(
            load_default(Date {
                year: earliest.year - 1,
                ..earliest
            })
            .is_err()
        );
    }
}
