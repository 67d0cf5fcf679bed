//! The words of a result settled early: the offer to see it now, and the note under a result
//! taken early that counts the questions never asked (and says when they could have tailored
//! the next steps).

use super::words::result_label;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Outcome, Reach, Recommendation};
use crate::ui_text::fill;

/// "Your answers already point to: Support group. The 4 questions left can't change that." The
/// result is named as the result screen will name it (`now`, the outcome of stopping here, is
/// the settled one), and when a question left could still add a tip, the offer says so.
#[must_use]
pub fn settled_offer(questionnaire: &Questionnaire, reach: &Reach, now: &Outcome) -> String {
    let ui = &questionnaire.ui;
    let result = result_label(questionnaire, now);
    let offer = match reach.unanswered {
        0 => fill(&ui.settled_offer_none, &[("result", &result)]),
        1 => fill(&ui.settled_offer_one, &[("result", &result)]),
        n => fill(
            &ui.settled_offer,
            &[("result", &result), ("n", &n.to_string())],
        ),
    };
    if reach.tailor_possible && reach.unanswered > 0 {
        format!("{offer} {}", ui.settled_offer_tailor)
    } else {
        offer
    }
}

/// "3 questions were left unanswered; they could not have changed this result", when so.
#[must_use]
pub fn settled_note(questionnaire: &Questionnaire, outcome: &Outcome) -> Option<String> {
    let ui = &questionnaire.ui;
    match outcome.unanswered {
        0 => None,
        // Said only when the person chose to stop early; never of a file or a full walk.
        _ if !outcome.settled
            || !outcome.finished_early
            || outcome.recommendation == Recommendation::Crisis =>
        {
            None
        }
        1 => Some(tailored(
            questionnaire,
            outcome,
            &ui.settled_note_one,
            &ui.settled_note_tailor_one,
        )),
        n => Some(tailored(
            questionnaire,
            outcome,
            &fill(&ui.settled_note, &[("n", &n.to_string())]),
            &ui.settled_note_tailor,
        )),
    }
}

/// The settled note, with "though answering them could have tailored the next steps" when a
/// question never asked could have added a tip: the offer said so, and the next steps shown
/// were not tailored by them.
fn tailored(questionnaire: &Questionnaire, outcome: &Outcome, note: &str, tailor: &str) -> String {
    let could_tailor = outcome.not_asked.iter().any(|id| {
        questionnaire
            .question_index(id)
            .is_some_and(|i| crate::scoring::adds_to_next_steps(&questionnaire.questions[i]))
    });
    if could_tailor {
        format!("{}{tailor}", note.trim_end_matches('.'))
    } else {
        note.to_string()
    }
}
