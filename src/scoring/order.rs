//! The order questions are asked in. The screens (the safety screen and the intake questions
//! before the first question that scores) always come first, in the file's order, as validated
//! instruments must, and so do later questions that can call for help first (a caution changes
//! the whole result). Then, in the adaptive order (the default), the questions that score come
//! one at a time: next is always the one whose answer could still move where the answers lean
//! the most (S as if every dimension with an answer already counted), given the answers so far,
//! so that the result is settled as soon as it can be. Questions that only feed
//! the next steps come last. With `order = "fixed"` the file's order is kept.
//!
//! The order is a function of the answers alone: it is worked out by replaying them from the
//! start, each pick made on the answers to the questions picked before it. So a question keeps
//! its place once asked, going back and the review see the same order, and a resumed file
//! carries on in the order it was answered in.

use crate::answers::{Answer, Answers, visible};
use crate::questionnaire::{Order, Question, QuestionKind, Questionnaire, Section};
use crate::safety::can_call_for_help_first;

use super::tally::{Tally, answer_weight, tally};

/// Every question, in the order it is asked for these answers.
#[must_use]
pub fn asking_order(questionnaire: &Questionnaire, answers: &Answers) -> Vec<usize> {
    let file = questionnaire.asking_order();
    if questionnaire.meta.order == Order::Fixed {
        return file;
    }
    let is_scored = |i: &usize| questionnaire.questions[*i].is_scored();
    let Some(first) = file.iter().position(is_scored) else {
        return file;
    };
    let (screens, rest) = file.split_at(first);
    // A later question that can call for help first screens too: it changes the whole result,
    // so it comes before the questions that score.
    let (scored, others): (Vec<usize>, Vec<usize>) = rest.iter().partition(|&i| is_scored(i));
    let (late_screens, tips): (Vec<usize>, Vec<usize>) = others
        .iter()
        .partition(|&&i| can_call_for_help_first(&questionnaire.questions[i]));
    let mut order = screens.to_vec();
    order.extend(late_screens);
    order.extend(most_telling_first(questionnaire, answers, &scored));
    order.extend(tips);
    order
}

/// The questions that score, each next one the one that could move the lean most given the
/// answers to those before it (ties: the file's order). A question hidden for now comes after the shown.
fn most_telling_first(
    questionnaire: &Questionnaire,
    answers: &Answers,
    scored: &[usize],
) -> Vec<usize> {
    // What is known when each pick is made: every answer to a question that does not score
    // (they decide what is shown), and the scored answers picked so far.
    let mut known = Answers::new(questionnaire);
    for i in answers.answered() {
        if !questionnaire.questions[i].is_scored()
            && let Some(answer) = answers.get(i)
        {
            known.set(i, answer.clone());
        }
    }
    let mut left = scored.to_vec();
    let mut order = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let shown = visible(questionnaire, &known);
        let tallies = tally(questionnaire, &known, &shown);
        let now = lean_of(questionnaire, &tallies);
        let mut best = (0, f64::NEG_INFINITY);
        for (at, &candidate) in left.iter().enumerate() {
            let reach = if shown[candidate] {
                largest_move(questionnaire, &tallies, candidate, now)
            } else {
                -1.0
            };
            // Strictly greater: on a tie the earlier question in the file stays first.
            if reach > best.1 + 1e-12 {
                best = (at, reach);
            }
        }
        let picked = left.remove(best.0);
        order.push(picked);
        if let Some(answer) = answers.get(picked) {
            known.set(picked, answer.clone());
        }
    }
    order
}

/// Where answers lean, from -1 to +1: S as it would be if every dimension with an answer
/// already counted (S itself waits for enough answers in a dimension, so it cannot tell early
/// on which question matters more).
fn lean_of(questionnaire: &Questionnaire, tallies: &[Tally]) -> f64 {
    let (mut sum, mut weights) = (0.0, 0.0);
    for (dimension, t) in questionnaire.dimensions.iter().zip(tallies) {
        if let Some(score) = t.score() {
            sum += dimension.weight * score;
            weights += dimension.weight;
        }
    }
    if weights > 0.0 { sum / weights } else { 0.0 }
}

/// How far one answer to `question` (not answered yet) could move the lean from `now`, at
/// most: its dimension's tally with that answer's weight added, each possible answer in turn.
fn largest_move(
    questionnaire: &Questionnaire,
    tallies: &[Tally],
    question: usize,
    now: f64,
) -> f64 {
    let q = &questionnaire.questions[question];
    let Section::Scored(k) = q.section else {
        return 0.0;
    };
    let mut changed = tallies.to_vec();
    answers_to_try(q)
        .iter()
        .filter_map(|answer| answer_weight(q, answer))
        .map(|weight| {
            changed[k] = tallies[k].with_change(None, Some(weight));
            (lean_of(questionnaire, &changed) - now).abs()
        })
        .fold(0.0, f64::max)
}

/// The answers that bound a question's effect: each option; for a multi, whose weight is the
/// sum of its ticks, also every option leaning one way ticked together; each step of a scale.
fn answers_to_try(question: &Question) -> Vec<Answer> {
    match &question.kind {
        QuestionKind::Single { .. } => (0..question.offered().len()).map(Answer::Choice).collect(),
        QuestionKind::Multi { options, .. } => {
            let leaning = |side: f64| -> Vec<usize> {
                (0..options.len())
                    .filter(|&o| options[o].weight.is_some_and(|w| w * side > 0.0))
                    .collect()
            };
            (0..options.len())
                .map(|o| vec![o])
                .chain([leaning(-1.0), leaning(1.0)])
                .filter(|ticked| !ticked.is_empty())
                .map(Answer::Choices)
                .collect()
        }
        QuestionKind::Scale(scale) => (scale.min..=scale.max)
            .take(MAX_SCALE_STEPS_TRIED)
            .chain([scale.max])
            .map(Answer::Scale)
            .collect(),
        QuestionKind::Text { .. } => Vec::new(),
    }
}

/// A scale longer than this is tried at its first steps and its end only.
const MAX_SCALE_STEPS_TRIED: usize = 101;
