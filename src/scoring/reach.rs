//! What the questions not yet answered could still do: the lowest and highest S and the set of
//! recommendations reachable over every way of answering or skipping them, and so whether the
//! result is already settled.
//!
//! Each dimension's possible futures are few: how many of its remaining questions end up shown,
//! how many are answered, and the range of their weight sum. Those are combined across the
//! handful of dimensions instead of enumerating completions. The result is never too narrow:
//! every reachable recommendation is listed. It can be wider than the truth where branching is
//! undecided (a question behind an unanswered `show_if` is taken as free to be shown or hidden)
//! or where the search would be too large (then nothing is claimed settled).

use std::collections::BTreeMap;

use serde::Serialize;

use super::outcome::{Recommendation, Safety};
use super::tally::{Aggregate, Band, Tally, answer_weight};
use crate::answers::{Answer, Answers, MAX_ENUMERATED_OPTIONS, every_combination, visible};
use crate::questionnaire::{Question, QuestionKind, Questionnaire, Section};
use crate::safety::{can_call_for_help_first, possible_flags};

/// Above this many combinations of dimension futures the search gives up and claims nothing.
const MAX_COMBINATIONS: usize = 2_000_000;
/// A dimension with more open questions than this is not searched (nothing is claimed settled).
const MAX_OPEN_PER_DIMENSION: usize = 40;

/// The outcomes still reachable from a set of answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reach {
    /// Every recommendation some completion gives, in a fixed order.
    pub reachable: Vec<Recommendation>,
    /// The lowest and highest S any complete-enough completion reaches.
    pub min_score: Option<f64>,
    pub max_score: Option<f64>,
    /// Nothing the person could still answer changes the result (CLINICAL.md: "settled" means
    /// the whole result): one recommendation and one lean (and, for a close call, one side it
    /// leans to and one answer to the lighter step) are reachable, every completion is
    /// complete, no remaining question can raise a caution (amber or red; a "prep" note only
    /// adds a tip), the safety screen is done, no
    /// required question is left, and stopping now already gives a complete result.
    pub settled: bool,
    /// Questions shown now and not answered.
    pub unanswered: usize,
    /// A question left could still add to the next steps (a tip, or a "prep" note), though it
    /// cannot change the result: the offer says so.
    pub tailor_possible: bool,
}

/// A dimension's possible future: shown and counted questions added, and the weight-sum range.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Future {
    shown: usize,
    answered: usize,
    low: f64,
    high: f64,
}

/// Computes what can still happen.
#[must_use]
pub fn reach(questionnaire: &Questionnaire, answers: &Answers) -> Reach {
    let shown = visible(questionnaire, answers);
    let fixed = fixed_visibility(questionnaire, answers, &shown);
    let open: Vec<usize> = (0..questionnaire.questions.len())
        .filter(|&i| answers.get(i).is_none() && (shown[i] || !fixed[i]))
        .collect();
    let unanswered = open.iter().filter(|&&i| shown[i]).count();
    let safety_done = !open
        .iter()
        .any(|&i| shown[i] && questionnaire.questions[i].section == Section::Safety);
    // Stopping now must be possible: no required question may be left.
    let required_left = open
        .iter()
        .any(|&i| shown[i] && questionnaire.questions[i].required);
    let bands = reachable_bands(questionnaire, answers, &shown, &fixed, &open);
    // A caution still to come changes what the person is told first. A "prep" note only adds
    // a tip to the next steps, so it does not hold the result back (CLINICAL.md: "settled").
    let caution_possible = open
        .iter()
        .any(|&i| can_call_for_help_first(&questionnaire.questions[i]));
    let tailor_possible = open
        .iter()
        .any(|&i| adds_to_next_steps(&questionnaire.questions[i]));
    let safety = reachable_safety(questionnaire, answers, &shown, &open);
    // A named group applies now, or, while a question its rule looks at is open, may come or go.
    let rules_open = super::stepped::rule_questions(questionnaire)
        .iter()
        .any(|q| open.contains(q));
    let named_now = super::stepped::referral(questionnaire, answers, &shown);
    let mut named: Vec<Option<&crate::questionnaire::Referral>> = vec![named_now];
    if rules_open {
        named.push(None);
        named.extend(questionnaire.referrals.iter().map(Some));
    }
    let mut reachable = Vec::new();
    if let Some(found) = &bands {
        for band in &found.bands {
            for level in &safety {
                for referral in &named {
                    let recommendation = super::outcome::recommend(*level, *band, *referral);
                    if !reachable.contains(&recommendation) {
                        reachable.push(recommendation);
                    }
                }
            }
        }
    }
    reachable.sort_by_key(|r| order(*r));
    let now = Aggregate::new(
        questionnaire,
        &crate::scoring::tally(questionnaire, answers, &shown),
    );
    let complete_now = now.is_complete(&questionnaire.scoring);
    let (min_score, max_score) = bands.as_ref().map_or((None, None), |f| (f.low, f.high));
    let one_lean = bands
        .as_ref()
        .is_some_and(|f| f.bands.len() == 1 && !f.incomplete_possible);
    // A close call's headline names the side it leans to, so that side must be settled too. The
    // side only grows with S, so the two ends of S's range decide it; stopping now (which may
    // have no S yet, so no side) is one of the endings, and so is any complete ending with no S.
    let tilt = |score: Option<f64>| score.and_then(Band::tilt_of);
    let unscored_possible = bands.as_ref().is_some_and(|f| f.unscored_possible);
    let one_tilt = reachable != [Recommendation::Either]
        || (tilt(min_score) == tilt(max_score)
            && tilt(now.score()) == tilt(min_score)
            && (!unscored_possible || tilt(min_score).is_none()));
    // So does the lighter step: it is settled once no question its rule looks at is open.
    let one_step = reachable != [Recommendation::Either]
        || !super::stepped::rule_questions(questionnaire)
            .iter()
            .any(|q| open.contains(q));
    Reach {
        settled: one_lean
            && one_tilt
            && one_step
            && reachable.len() == 1
            && !caution_possible
            && safety_done
            && complete_now
            && !required_left,
        reachable,
        min_score,
        max_score,
        unanswered,
        tailor_possible,
    }
}

/// Whether an answer to the question can add to the next steps: an option's tip, or a "prep"
/// note (a conversation with the group's leader may help).
#[must_use]
pub fn adds_to_next_steps(question: &crate::questionnaire::Question) -> bool {
    question.offered().iter().any(|o| o.next_step.is_some())
        || possible_flags(question).contains(&crate::questionnaire::Flag::Prep)
}

fn order(recommendation: Recommendation) -> u8 {
    match recommendation {
        Recommendation::SupportGroup => 0,
        Recommendation::Either => 1,
        Recommendation::GroupTherapy => 2,
        Recommendation::ProfessionalFirst => 3,
        Recommendation::Crisis => 4,
    }
}

/// True where a question's visibility can no longer change: every `show_if` up its chain names
/// an answered question, and every item a `show_if_score` adds up is answered or fixed hidden.
fn fixed_visibility(questionnaire: &Questionnaire, answers: &Answers, shown: &[bool]) -> Vec<bool> {
    let mut fixed = Vec::with_capacity(questionnaire.questions.len());
    for question in &questionnaire.questions {
        let by_answer = match &question.show_if {
            None => true,
            Some(rule) => answers.get(rule.question).is_some() && fixed[rule.question],
        };
        let by_score = question.show_if_score.is_none_or(|rule| {
            questionnaire.instruments[rule.instrument]
                .items
                .iter()
                .all(|&i| fixed[i] && (answers.get(i).is_some() || !shown[i]))
        });
        fixed.push(by_answer && by_score);
    }
    fixed
}

/// The safety levels some completion ends at: the current one, raised by any flag an open
/// question could still raise.
fn reachable_safety(
    questionnaire: &Questionnaire,
    answers: &Answers,
    shown: &[bool],
    open: &[usize],
) -> Vec<Safety> {
    let current = crate::safety::review(questionnaire, answers, shown).level;
    let mut levels = vec![current];
    // A safety question left unanswered is an amber flag of its own.
    if open.iter().any(|&i| {
        let question = &questionnaire.questions[i];
        question.section == Section::Safety && !question.required
    }) && current < Safety::Amber
    {
        levels.push(Safety::Amber);
    }
    for &i in open {
        for flag in possible_flags(&questionnaire.questions[i]) {
            let level = Safety::from(flag).max(current);
            if !levels.contains(&level) {
                levels.push(level);
            }
        }
    }
    levels
}

/// What the search over completions found.
struct Found {
    bands: Vec<Band>,
    low: Option<f64>,
    high: Option<f64>,
    /// Some completion leaves the result incomplete.
    incomplete_possible: bool,
    /// Some completion is complete yet has no S (every dimension that could count is low
    /// confidence or weightless): a close call with no side to lean to.
    unscored_possible: bool,
}

/// The bands reachable and the S range, or `None` when the search is too large.
fn reachable_bands(
    questionnaire: &Questionnaire,
    answers: &Answers,
    shown: &[bool],
    fixed: &[bool],
    open: &[usize],
) -> Option<Found> {
    let base = base_tallies(questionnaire, answers, shown);
    let mut open_by_dimension = vec![Vec::new(); questionnaire.dimensions.len()];
    for &i in open {
        let question = &questionnaire.questions[i];
        if let (Section::Scored(k), true) = (question.section, question.is_scored()) {
            open_by_dimension[k].push(i);
        }
    }
    if open_by_dimension
        .iter()
        .any(|o| o.len() > MAX_OPEN_PER_DIMENSION)
    {
        return None;
    }
    let futures: Vec<Vec<Future>> = open_by_dimension
        .into_iter()
        .map(|in_k| dimension_futures(questionnaire, in_k.into_iter(), shown, fixed))
        .collect();
    let combinations = futures
        .iter()
        .try_fold(1usize, |acc, f| acc.checked_mul(f.len()))?;
    if combinations > MAX_COMBINATIONS {
        return None;
    }
    let mut search = Search {
        questionnaire,
        base: &base,
        bands: Vec::new(),
        low: None,
        high: None,
        incomplete_possible: false,
        unscored_possible: false,
    };
    let mut chosen = Vec::with_capacity(futures.len());
    search.walk(&futures, &mut chosen);
    Some(Found {
        bands: search.bands,
        low: search.low,
        high: search.high,
        incomplete_possible: search.incomplete_possible,
        unscored_possible: search.unscored_possible,
    })
}

/// Each dimension's tally over the answered questions only.
fn base_tallies(questionnaire: &Questionnaire, answers: &Answers, shown: &[bool]) -> Vec<Tally> {
    super::tally::tally_of(questionnaire, answers, |i| {
        shown[i] && answers.get(i).is_some()
    })
}

/// The futures of one dimension's open questions: for each number shown and answered, the range
/// of the weight sum.
fn dimension_futures(
    questionnaire: &Questionnaire,
    open: impl Iterator<Item = usize>,
    shown: &[bool],
    fixed: &[bool],
) -> Vec<Future> {
    let mut states: BTreeMap<(usize, usize), (f64, f64)> = BTreeMap::new();
    states.insert((0, 0), (0.0, 0.0));
    for i in open {
        let question = &questionnaire.questions[i];
        let may_hide = !fixed[i] || !shown[i];
        let may_leave = !question.required || question.offered().iter().any(|o| o.skip);
        let weights = weight_range(question);
        let mut next: BTreeMap<(usize, usize), (f64, f64)> = BTreeMap::new();
        let mut add = |key: (usize, usize), low: f64, high: f64| {
            let entry = next.entry(key).or_insert((low, high));
            entry.0 = entry.0.min(low);
            entry.1 = entry.1.max(high);
        };
        for (&(m, n), &(low, high)) in &states {
            if may_hide {
                add((m, n), low, high);
            }
            if may_leave {
                add((m + 1, n), low, high);
            }
            if let Some((w_low, w_high)) = weights {
                add((m + 1, n + 1), low + w_low, high + w_high);
            }
        }
        states = next;
    }
    states
        .into_iter()
        .map(|((shown, answered), (low, high))| Future {
            shown,
            answered,
            low,
            high,
        })
        .collect()
}

/// The lowest and highest weight an answer to this question can carry, if it can carry one.
fn weight_range(question: &Question) -> Option<(f64, f64)> {
    let weights: Vec<f64> = match &question.kind {
        // Only answers that can still be given: retired options are never offered.
        QuestionKind::Single { .. } => (0..question.offered().len())
            .filter_map(|i| answer_weight(question, &Answer::Choice(i)))
            .collect(),
        QuestionKind::Scale(scale) => [scale.min, scale.max]
            .iter()
            .filter_map(|v| answer_weight(question, &Answer::Scale(*v)))
            .collect(),
        QuestionKind::Multi { options, .. } if options.len() <= MAX_ENUMERATED_OPTIONS => {
            every_combination(question)
                .iter()
                .filter_map(|a| answer_weight(question, a))
                .collect()
        }
        QuestionKind::Multi { .. } => vec![-2.0, 2.0],
        QuestionKind::Text { .. } => Vec::new(),
    };
    let low = weights.iter().copied().fold(f64::INFINITY, f64::min);
    let high = weights.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (low <= high).then_some((low, high))
}

/// The walk over one future per dimension, collecting bands and the S range.
struct Search<'a> {
    questionnaire: &'a Questionnaire,
    base: &'a [Tally],
    bands: Vec<Band>,
    low: Option<f64>,
    high: Option<f64>,
    incomplete_possible: bool,
    unscored_possible: bool,
}

impl Search<'_> {
    fn walk(&mut self, futures: &[Vec<Future>], chosen: &mut Vec<Future>) {
        if chosen.len() == futures.len() {
            self.visit(chosen);
            return;
        }
        for future in &futures[chosen.len()] {
            chosen.push(*future);
            self.walk(futures, chosen);
            chosen.pop();
        }
    }

    fn visit(&mut self, chosen: &[Future]) {
        let settings = &self.questionnaire.scoring;
        let with = |pick: fn(&Future) -> f64| -> Vec<Tally> {
            self.base
                .iter()
                .zip(chosen)
                .map(|(t, f)| Tally {
                    weight_sum: t.weight_sum + pick(f),
                    answered: t.answered + f.answered,
                    shown: t.shown + f.shown,
                })
                .collect()
        };
        let lowest = Aggregate::new(self.questionnaire, &with(|f| f.low));
        let highest = Aggregate::new(self.questionnaire, &with(|f| f.high));
        let bands: Vec<Band> = match (lowest.score(), highest.score()) {
            (Some(low), Some(high)) if lowest.is_complete(settings) => {
                self.low = Some(self.low.map_or(low, |l| l.min(low)));
                self.high = Some(self.high.map_or(high, |h| h.max(high)));
                let margin = super::grid::on_grid(settings.either_margin);
                let mut bands = Vec::new();
                if low <= -margin {
                    bands.push(Band::SupportGroup);
                }
                if high >= margin {
                    bands.push(Band::GroupTherapy);
                }
                if high > -margin && low < margin {
                    bands.push(Band::Either);
                }
                bands
            }
            _ => {
                let complete = lowest.is_complete(settings);
                self.incomplete_possible |= !complete;
                self.unscored_possible |= complete;
                vec![Band::Either]
            }
        };
        for band in bands {
            if !self.bands.contains(&band) {
                self.bands.push(band);
            }
        }
    }
}
