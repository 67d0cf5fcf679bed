//! Stepped care for close calls (CLINICAL.md, "the lightest step first"): when nothing points
//! either way, little is at stake in daily life and no pattern or change is sought, a
//! clinician starts with the lighter step, a support group, and reviews later. The questionnaire
//! says when, in `[scoring.lighter_step]`; this only applies it.

use super::outcome::Recommendation;
use crate::answers::{Answers, holds};
use crate::questionnaire::Questionnaire;

/// Whether a result starts with the lighter step: a close call with no caution (complete, or
/// "either" because too little counted, as when most answers are "not sure"), where every
/// `when` condition holds and no `unless` condition does.
#[must_use]
pub fn lighter_step(
    questionnaire: &Questionnaire,
    answers: &Answers,
    shown: &[bool],
    recommendation: Recommendation,
) -> bool {
    let Some(rule) = &questionnaire.lighter_step else {
        return false;
    };
    recommendation == Recommendation::Either
        && rule.when.iter().all(|c| holds(c, answers, shown))
        && !rule.unless.iter().any(|c| holds(c, answers, shown))
}

/// The questions the rule looks at: while one of them is open, the lighter step may still
/// come or go.
#[must_use]
pub fn rule_questions(questionnaire: &Questionnaire) -> Vec<usize> {
    questionnaire
        .lighter_step
        .iter()
        .flat_map(|rule| rule.when.iter().chain(&rule.unless))
        .map(|c| c.question)
        .collect()
}
