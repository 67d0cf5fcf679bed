//! "What would change it": every change of one given answer that moves the result into another
//! band. A change touches one dimension, so each alternative re-tallies that dimension alone; only
//! an answer that other questions' `show_if` depends on needs a full rescore.

use serde::Serialize;
use serde_json::Value;

use super::tally::{Aggregate, Band, Tally, answer_weight, tally};
use crate::answers::{Answer, Answers, check, visible};
use crate::questionnaire::{Question, QuestionKind, Questionnaire, Section};

/// A single change of answer that would move the result to another band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WouldChange {
    pub question: String,
    pub from: Value,
    pub to: Value,
    pub score: Option<f64>,
    pub lean: Band,
    /// Whether the result would then be complete (an incomplete result is "either").
    pub complete: bool,
    /// The question's index and the new answer, for views that describe the change in words.
    #[serde(skip)]
    pub index: usize,
    #[serde(skip)]
    pub new_answer: Answer,
}

/// The other answers one change away: for a single, every other option; for a multi, adding or
/// removing one option (where the result is still a valid answer). Scales are walked separately.
#[must_use]
pub fn alternatives(question: &Question, current: &Answer) -> Vec<Answer> {
    match (&question.kind, current) {
        // Never a retired option: nobody can give that answer.
        (QuestionKind::Single { .. }, Answer::Choice(chosen)) => (0..question.offered().len())
            .filter(|i| i != chosen)
            .map(Answer::Choice)
            .collect(),
        (QuestionKind::Multi { options, .. }, Answer::Choices(chosen)) => (0..options.len())
            .map(|i| {
                let mut toggled: Vec<usize> = chosen.iter().copied().filter(|&c| c != i).collect();
                if toggled.len() == chosen.len() {
                    toggled.push(i);
                    toggled.sort_unstable();
                }
                Answer::Choices(toggled)
            })
            .filter(|a| !a.chosen().is_empty() && check(question, a).is_ok())
            .collect(),
        _ => Vec::new(),
    }
}

/// Lists every single-answer change that moves the band away from `lean`.
#[must_use]
pub fn would_change(
    questionnaire: &Questionnaire,
    answers: &Answers,
    shown: &[bool],
    tallies: &[Tally],
    lean: Band,
) -> Vec<WouldChange> {
    let mut controls = vec![false; questionnaire.questions.len()];
    for rule in questionnaire
        .questions
        .iter()
        .filter_map(|q| q.show_if.as_ref())
    {
        controls[rule.question] = true;
    }
    // An instrument's items decide what its `show_if_score` shows.
    for rule in questionnaire
        .questions
        .iter()
        .filter_map(|q| q.show_if_score)
    {
        for &item in &questionnaire.instruments[rule.instrument].items {
            controls[item] = true;
        }
    }
    let probe = Probe {
        questionnaire,
        answers,
        tallies,
        lean,
        safety_unasked: !crate::safety::review(questionnaire, answers, shown)
            .unasked
            .is_empty(),
    };
    let mut changes = Vec::new();
    for index in questionnaire.asking_order() {
        let Some(current) = answers.get(index).filter(|_| shown[index]) else {
            continue;
        };
        let question = &questionnaire.questions[index];
        if controls[index] {
            for alternative in alternatives(question, current) {
                changes.extend(probe.full(index, current, alternative));
            }
        } else if let Section::Scored(k) = question.section {
            if !question.is_scored() {
                continue;
            }
            if let (QuestionKind::Scale(scale), Answer::Scale(value)) = (&question.kind, current) {
                let up = (value + 1..=scale.max).map(Answer::Scale);
                let down = (scale.min..*value).rev().map(Answer::Scale);
                changes.extend(probe.first_change(index, k, current, up));
                changes.extend(probe.first_change(index, k, current, down));
            } else {
                for alternative in alternatives(question, current) {
                    changes.extend(probe.within_dimension(index, k, current, alternative));
                }
            }
        }
    }
    changes
}

struct Probe<'a> {
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
    tallies: &'a [Tally],
    lean: Band,
    /// A safety question is unanswered: the result is incomplete whatever else changes (a
    /// scored answer can show or hide no safety question, so one change cannot alter this).
    safety_unasked: bool,
}

impl Probe<'_> {
    /// The change, if replacing the answer (one dimension re-tallied) moves the band.
    fn within_dimension(
        &self,
        index: usize,
        k: usize,
        current: &Answer,
        new: Answer,
    ) -> Option<WouldChange> {
        let question = &self.questionnaire.questions[index];
        let changed = self.tallies[k].with_change(
            answer_weight(question, current),
            answer_weight(question, &new),
        );
        let aggregate = Aggregate::replacing(self.questionnaire, self.tallies, k, &changed);
        self.entry(index, current, new, &aggregate)
    }

    /// The nearest value along `values` that moves the band.
    fn first_change(
        &self,
        index: usize,
        k: usize,
        current: &Answer,
        mut values: impl Iterator<Item = Answer>,
    ) -> Option<WouldChange> {
        values.find_map(|v| self.within_dimension(index, k, current, v))
    }

    /// A change to an answer that `show_if` depends on: it may show or hide other questions, so
    /// the whole questionnaire is scored again.
    fn full(&self, index: usize, current: &Answer, new: Answer) -> Option<WouldChange> {
        let mut changed = self.answers.clone();
        changed.set(index, new.clone());
        // An answer the file gave to a question this change shows again counts, as it would
        // in the changed file; one that calls for help would give a caution, not a group.
        let restored = changed.restore_shown(self.questionnaire);
        if restored
            .iter()
            .any(|&i| calls_for_help(self.questionnaire, i, &changed))
        {
            return None;
        }
        let shown = visible(self.questionnaire, &changed);
        let tallies = tally(self.questionnaire, &changed, &shown);
        let aggregate = Aggregate::new(self.questionnaire, &tallies);
        self.entry(index, current, new, &aggregate)
    }

    fn entry(
        &self,
        index: usize,
        current: &Answer,
        new: Answer,
        aggregate: &Aggregate,
    ) -> Option<WouldChange> {
        let lean = aggregate.lean(&self.questionnaire.scoring);
        if lean == self.lean {
            return None;
        }
        // An answer that calls for help first (a custom questionnaire may flag a scored option)
        // would give a caution or a stop, not another group: it is no change of group to offer.
        if flags_help(self.questionnaire, index, &new) {
            return None;
        }
        let question = &self.questionnaire.questions[index];
        Some(WouldChange {
            question: question.id.clone(),
            from: current.to_json(question),
            to: new.to_json(question),
            score: aggregate.score(),
            lean,
            complete: aggregate.is_complete(&self.questionnaire.scoring) && !self.safety_unasked,
            index,
            new_answer: new,
        })
    }
}

/// Whether the answer to question `index` raises a caution or a stop.
fn flags_help(questionnaire: &Questionnaire, index: usize, answer: &Answer) -> bool {
    crate::safety::highest_flag(questionnaire, index, answer)
        .is_some_and(|flag| flag >= crate::questionnaire::Flag::Amber)
}

/// Whether question `index`'s answer in `answers` raises a caution or a stop.
fn calls_for_help(questionnaire: &Questionnaire, index: usize, answers: &Answers) -> bool {
    answers
        .get(index)
        .is_some_and(|answer| flags_help(questionnaire, index, answer))
}
