//! Stepped care for close calls (CLINICAL.md, "the lightest step first"): when nothing points
//! either way, little is at stake in daily life and no pattern or change is sought, a
//! clinician starts with the lighter step, a support group, and reviews later. The questionnaire
//! says when, in `[scoring.lighter_step]`; this only applies it.

use super::outcome::Recommendation;
use crate::answers::{Answers, holds};
use crate::questionnaire::{Questionnaire, Referral};

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

/// The questions the rules look at (the lighter step's and the named groups'): while one of
/// them is open, the result they give may still come or go.
#[must_use]
pub fn rule_questions(questionnaire: &Questionnaire) -> Vec<usize> {
    let step = questionnaire
        .lighter_step
        .iter()
        .flat_map(|rule| rule.when.iter().chain(&rule.unless));
    let named = questionnaire.referrals.iter().flat_map(|r| r.when.iter());
    step.chain(named).map(|c| c.question).collect()
}

/// The group a court, an employer or a professional has named, when one applies (every `when`
/// condition holds); the first that applies, in file order.
#[must_use]
pub fn referral<'q>(
    questionnaire: &'q Questionnaire,
    answers: &Answers,
    shown: &[bool],
) -> Option<&'q Referral> {
    questionnaire
        .referrals
        .iter()
        .find(|r| r.when.iter().all(|c| holds(c, answers, shown)))
}

/// The recommendation once a named group is taken into account: with no caution, the named
/// kind of group; a caution or a crisis always comes first.
#[must_use]
pub fn with_referral(recommendation: Recommendation, named: Option<&Referral>) -> Recommendation {
    match (recommendation, named) {
        (
            Recommendation::SupportGroup | Recommendation::Either | Recommendation::GroupTherapy,
            Some(referral),
        ) => {
            if referral.group_therapy {
                Recommendation::GroupTherapy
            } else {
                Recommendation::SupportGroup
            }
        }
        (recommendation, _) => recommendation,
    }
}
