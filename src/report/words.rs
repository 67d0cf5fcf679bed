//! Shared wording for reports: headlines, band names and the sentences that explain drivers,
//! flags and changes, so that every format says the same thing the same way.

use crate::answers::Answers;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Band, Outcome, Recommendation, Safety, WouldChange};
use crate::text::clean_line;

/// The name of a band for a person.
#[must_use]
pub fn band_label(questionnaire: &Questionnaire, band: Band) -> String {
    match band {
        Band::SupportGroup => questionnaire.outcomes.support_group.label.clone(),
        Band::GroupTherapy => questionnaire.outcomes.group_therapy.label.clone(),
        Band::Either => "Either could suit you".to_string(),
    }
}

/// The name of a recommendation for a person.
#[must_use]
pub fn recommendation_label(
    questionnaire: &Questionnaire,
    recommendation: Recommendation,
) -> String {
    match recommendation {
        Recommendation::SupportGroup => band_label(questionnaire, Band::SupportGroup),
        Recommendation::GroupTherapy => band_label(questionnaire, Band::GroupTherapy),
        Recommendation::Either => {
            "Either could suit you: talk it over with a professional".to_string()
        }
        Recommendation::ProfessionalFirst => {
            "Talk to a professional for an individual assessment first".to_string()
        }
        Recommendation::Crisis => "Please reach out for help now".to_string(),
    }
}

/// One or two sentences that say what the result means.
#[must_use]
pub fn headline(questionnaire: &Questionnaire, outcome: &Outcome) -> String {
    let lean = band_label(questionnaire, outcome.lean);
    match outcome.recommendation {
        Recommendation::Crisis => "Some of your answers suggest you may not be safe right now. \
            You deserve support today: please contact one of the services below, or your local \
            emergency number. No group recommendation is given."
            .to_string(),
        Recommendation::ProfessionalFirst => format!(
            "Some of your answers suggest that an individual conversation with a professional \
             would be the best first step. For discussion with them, your answers lean towards: {lean}."
        ),
        Recommendation::Either if !outcome.complete => "Not enough questions were answered to \
            say which kind of group fits better. A professional can help you decide."
            .to_string(),
        Recommendation::Either => "Your answers sit close to the middle: either kind of group \
            could suit you. This is a close call, so talk it over with a professional."
            .to_string(),
        Recommendation::SupportGroup | Recommendation::GroupTherapy => {
            format!("Your answers point towards: {lean}.")
        }
    }
}

/// Where a contribution pulls.
#[must_use]
pub fn direction(contribution: f64) -> &'static str {
    if contribution < 0.0 {
        "towards a support group"
    } else if contribution > 0.0 {
        "towards group therapy"
    } else {
        "no pull (not counted)"
    }
}

/// The prompt of a question, by id, on one line.
#[must_use]
pub fn prompt_of(questionnaire: &Questionnaire, id: &str) -> String {
    questionnaire.question_index(id).map_or_else(
        || id.to_string(),
        |i| clean_line(&questionnaire.questions[i].prompt),
    )
}

/// The answer given to a question, in words.
#[must_use]
pub fn answer_of(questionnaire: &Questionnaire, answers: &Answers, id: &str) -> String {
    questionnaire
        .question_index(id)
        .and_then(|i| {
            answers
                .get(i)
                .map(|a| clean_line(&a.describe(&questionnaire.questions[i])))
        })
        .unwrap_or_default()
}

/// A change of answer in words: "answering X instead of Y".
#[must_use]
pub fn describe_change(
    questionnaire: &Questionnaire,
    answers: &Answers,
    change: &WouldChange,
) -> String {
    let question = &questionnaire.questions[change.index];
    let now = answer_of(questionnaire, answers, &change.question);
    let new = clean_line(&change.new_answer.describe(question));
    let score = change
        .score
        .map_or_else(|| "no score".to_string(), |s| format!("S = {s:+.3}"));
    format!(
        "\"{}\": answering \"{new}\" instead of \"{now}\" would give: {} ({score})",
        clean_line(&question.prompt),
        band_label(questionnaire, change.lean)
    )
}

/// The safety level in words.
#[must_use]
pub fn safety_label(safety: Safety) -> &'static str {
    match safety {
        Safety::None => "no flags",
        Safety::Prep => "prep: preparation may help",
        Safety::Amber => "amber: individual assessment first",
        Safety::Red => "red: high risk, crisis support now",
    }
}
