//! The arithmetic of the scoring model (CLINICAL.md): per-dimension tallies, and the aggregate
//! that turns them into S, completeness and a band. Kept apart so that "what would change it"
//! can replace one dimension's tally and re-aggregate in constant time.

use crate::answers::{Answer, Answers};
use crate::questionnaire::{
    MAX_WEIGHT, Question, QuestionKind, Questionnaire, ScoringSettings, Section,
};

/// Where S falls: the score band alone, before any safety override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    SupportGroup,
    Either,
    GroupTherapy,
}

impl Band {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SupportGroup => "support_group",
            Self::Either => "either",
            Self::GroupTherapy => "group_therapy",
        }
    }

    /// The band of a score, on S itself (on the 1e-9 grid) and never on rounded P.
    #[must_use]
    pub fn of_score(score: f64, margin: f64) -> Self {
        let score = super::grid::on_grid(score);
        let margin = super::grid::on_grid(margin);
        if score <= -margin {
            Self::SupportGroup
        } else if score >= margin {
            Self::GroupTherapy
        } else {
            Self::Either
        }
    }

    /// The side a close call leans to: `None` when S is within `CLOSE_CALL_TILT` of zero, where
    /// naming a side would claim more than the answers say.
    #[must_use]
    pub fn tilt_of(score: f64) -> Option<Self> {
        let score = super::grid::on_grid(score);
        if score < -CLOSE_CALL_TILT {
            Some(Self::SupportGroup)
        } else if score > CLOSE_CALL_TILT {
            Some(Self::GroupTherapy)
        } else {
            None
        }
    }
}

/// How far from zero a close call's S must be before the headline names the side it leans to:
/// 0.05 is 2.5 points of P, the same small margin `groupfit audit --strict` allows a whole
/// questionnaire's tilt.
pub const CLOSE_CALL_TILT: f64 = 0.05;

/// The weight an answer carries, or `None` when it does not count: skipped, unscored, or text.
/// A multi answer sums its options' weights, clamped to -2..2.
#[must_use]
pub fn answer_weight(question: &Question, answer: &Answer) -> Option<f64> {
    if !question.is_scored() || answer.is_skip(question) {
        return None;
    }
    let option_weight = |i: &usize| {
        question
            .options()
            .get(*i)
            .and_then(|o| o.weight)
            .unwrap_or(0.0)
    };
    match (&question.kind, answer) {
        (QuestionKind::Single { .. }, Answer::Choice(i)) => Some(option_weight(i)),
        (QuestionKind::Multi { .. }, Answer::Choices(list)) => Some(
            list.iter()
                .map(option_weight)
                .sum::<f64>()
                .clamp(-MAX_WEIGHT, MAX_WEIGHT),
        ),
        (QuestionKind::Scale(scale), Answer::Scale(v)) => scale.weight_at(*v),
        _ => None,
    }
}

/// What one dimension has collected: the weight sum and count of its counted answers, and how
/// many of its scored questions are shown.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Tally {
    pub weight_sum: f64,
    pub answered: usize,
    pub shown: usize,
}

impl Tally {
    /// `D_k` = sum(w) / (2 `n_k`), in -1..1; `None` with no counted answers.
    #[must_use]
    pub fn score(&self) -> Option<f64> {
        (self.answered > 0).then(|| self.weight_sum / (2.0 * self.answered as f64))
    }

    /// Enough of the shown scored questions answered for the dimension to count in S.
    #[must_use]
    pub fn is_confident(&self, settings: &ScoringSettings) -> bool {
        self.answered > 0
            && self.answered as f64 >= settings.low_confidence * self.shown as f64 - 1e-9
    }

    /// Shown but not confident: counts against completeness.
    #[must_use]
    pub fn is_low_confidence(&self, settings: &ScoringSettings) -> bool {
        self.shown > 0 && !self.is_confident(settings)
    }

    /// The tally with one answer's weight taken out or put in.
    #[must_use]
    pub fn with_change(mut self, old: Option<f64>, new: Option<f64>) -> Self {
        if let Some(w) = old {
            self.weight_sum -= w;
            self.answered -= 1;
        }
        if let Some(w) = new {
            self.weight_sum += w;
            self.answered += 1;
        }
        self
    }
}

/// Tallies every scored dimension over the shown questions.
#[must_use]
pub fn tally(questionnaire: &Questionnaire, answers: &Answers, shown: &[bool]) -> Vec<Tally> {
    tally_of(questionnaire, answers, |index| shown[index])
}

/// Tallies every scored dimension over the questions `counts` picks out by index (the shown
/// ones for a score; the shown and answered ones for the search of what is still reachable).
pub(crate) fn tally_of(
    questionnaire: &Questionnaire,
    answers: &Answers,
    counts: impl Fn(usize) -> bool,
) -> Vec<Tally> {
    let mut tallies = vec![Tally::default(); questionnaire.dimensions.len()];
    for (index, question) in questionnaire.questions.iter().enumerate() {
        let Section::Scored(k) = question.section else {
            continue;
        };
        if !counts(index) || !question.is_scored() {
            continue;
        }
        tallies[k].shown += 1;
        if let Some(w) = answers.get(index).and_then(|a| answer_weight(question, a)) {
            tallies[k].weight_sum += w;
            tallies[k].answered += 1;
        }
    }
    tallies
}

/// The weighted sums over all dimensions, from which S and the band follow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aggregate {
    /// sum of `a_k` * `D_k` over confident dimensions.
    pub numerator: f64,
    /// sum of `a_k` over confident dimensions.
    pub denominator: f64,
    pub answered: usize,
    pub shown: usize,
    pub low_confidence: usize,
}

impl Aggregate {
    #[must_use]
    pub fn new(questionnaire: &Questionnaire, tallies: &[Tally]) -> Self {
        Self::from_tallies(questionnaire, tallies.iter())
    }

    /// The aggregate with dimension `k`'s tally replaced by `new`. It costs one pass over the
    /// handful of dimensions, not over the questions, and adds in the same order as a full
    /// score so that both agree to the last bit.
    #[must_use]
    pub fn replacing(
        questionnaire: &Questionnaire,
        tallies: &[Tally],
        k: usize,
        new: &Tally,
    ) -> Self {
        let replaced = tallies
            .iter()
            .enumerate()
            .map(|(i, t)| if i == k { new } else { t });
        Self::from_tallies(questionnaire, replaced)
    }

    fn from_tallies<'a>(
        questionnaire: &Questionnaire,
        tallies: impl Iterator<Item = &'a Tally>,
    ) -> Self {
        let settings = &questionnaire.scoring;
        let mut aggregate = Self {
            numerator: 0.0,
            denominator: 0.0,
            answered: 0,
            shown: 0,
            low_confidence: 0,
        };
        for (dimension, t) in questionnaire.dimensions.iter().zip(tallies) {
            if let (true, Some(score)) = (t.is_confident(settings), t.score()) {
                aggregate.numerator += dimension.weight * score;
                aggregate.denominator += dimension.weight;
            }
            aggregate.answered += t.answered;
            aggregate.shown += t.shown;
            aggregate.low_confidence += usize::from(t.is_low_confidence(settings));
        }
        aggregate
    }

    /// S on the 1e-9 grid, or `None` when no dimension has a confident score.
    #[must_use]
    pub fn score(&self) -> Option<f64> {
        (self.denominator > 1e-12)
            .then(|| super::grid::on_grid((self.numerator / self.denominator).clamp(-1.0, 1.0)))
    }

    /// Enough answered overall, and at most one low-confidence dimension.
    #[must_use]
    pub fn is_complete(&self, settings: &ScoringSettings) -> bool {
        self.shown > 0
            && self.answered as f64 >= settings.min_answered * self.shown as f64 - 1e-9
            && self.low_confidence < 2
    }

    /// The lean: the band of S alone, whatever the completeness ("either" with no score).
    /// The headline adds completeness and safety.
    #[must_use]
    pub fn lean(&self, settings: &ScoringSettings) -> Band {
        self.score()
            .map_or(Band::Either, |s| Band::of_score(s, settings.either_margin))
    }

    /// The band the result shows before safety: the lean when complete, else "either".
    #[must_use]
    pub fn band(&self, settings: &ScoringSettings) -> Band {
        if self.is_complete(settings) {
            self.lean(settings)
        } else {
            Band::Either
        }
    }
}
