//! The outcome of scoring one set of answers, shaped like the JSON result of docs/FORMAT.md.

use serde::Serialize;
use serde_json::Value;

use super::tally::{Aggregate, Band, Tally, answer_weight, tally};
use super::what_if::{WouldChange, would_change};
use crate::answers::{Answers, visible};
use crate::questionnaire::{Questionnaire, Section};
pub use crate::safety::{RaisedFlag, Safety};

/// What groupfit recommends, after safety overrides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    SupportGroup,
    GroupTherapy,
    Either,
    ProfessionalFirst,
    Crisis,
}

impl Recommendation {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SupportGroup => "support_group",
            Self::GroupTherapy => "group_therapy",
            Self::Either => "either",
            Self::ProfessionalFirst => "professional_first",
            Self::Crisis => "crisis",
        }
    }
}

impl From<Band> for Recommendation {
    fn from(band: Band) -> Self {
        match band {
            Band::SupportGroup => Self::SupportGroup,
            Band::Either => Self::Either,
            Band::GroupTherapy => Self::GroupTherapy,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    pub id: String,
    pub score: Option<f64>,
    pub answered: usize,
    pub shown: usize,
    pub confident: bool,
}

/// One scored answer and its share of S.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    pub question: String,
    pub answer: Value,
    pub contribution: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

/// Everything the result screen and the reports show.
// Its flags (complete, settled, lighter_step, referral, finished_early) are independent facts, each a key
// of the JSON result (docs/FORMAT.md), not states of one machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub recommendation: Recommendation,
    pub lean: Band,
    pub score: Option<f64>,
    pub percent: Option<u8>,
    pub complete: bool,
    pub safety: Safety,
    pub flags: Vec<RaisedFlag>,
    /// Safety questions the person preferred not to answer, by id.
    pub declined: Vec<String>,
    pub dimensions: Vec<DimensionScore>,
    pub drivers: Vec<Driver>,
    pub mixed: Vec<[String; 2]>,
    pub would_change: Vec<WouldChange>,
    pub questionnaire: QuestionnaireInfo,
    pub warnings: Vec<String>,
    /// No way of answering the remaining questions can change the recommendation.
    pub settled: bool,
    /// Every recommendation some way of answering the remaining questions gives.
    pub reachable: Vec<Recommendation>,
    /// A close call that starts with the lighter step, a support group (stepped care).
    pub lighter_step: bool,
    /// The result is the kind of group a court, an employer or a professional named
    /// (`[[scoring.referral]]`), not the score band.
    pub referral: bool,
    /// Why, in the person's words, when `referral` is true (not part of the JSON result).
    #[serde(skip)]
    pub referral_reason: String,
    /// Shown questions left unanswered (not part of the JSON result).
    #[serde(skip)]
    pub unanswered: usize,
    /// The person took the offer to see the result early (set by the session).
    #[serde(skip)]
    pub finished_early: bool,
    /// The questions never asked because the result was settled before them (set by the
    /// session when the offer is taken): every record names them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_asked: Vec<String>,
}

/// The one rule from a safety level, a score band and a group someone named to the
/// recommendation: red is a crisis and amber a professional first, whatever else; then a named
/// group; then the band. Scoring and the search for what is still reachable both use it.
pub(crate) fn recommend(
    safety: Safety,
    band: Band,
    named: Option<&crate::questionnaire::Referral>,
) -> Recommendation {
    super::stepped::with_referral(
        match safety {
            Safety::Red => Recommendation::Crisis,
            Safety::Amber => Recommendation::ProfessionalFirst,
            Safety::None | Safety::Prep => band.into(),
        },
        named,
    )
}

/// Scores a set of answers against a questionnaire.
#[must_use]
pub fn score(questionnaire: &Questionnaire, answers: &Answers) -> Outcome {
    let shown = visible(questionnaire, answers);
    let tallies = tally(questionnaire, answers, &shown);
    let aggregate = Aggregate::new(questionnaire, &tallies);
    let settings = &questionnaire.scoring;
    let lean = aggregate.lean(settings);
    let band = aggregate.band(settings);
    let review = crate::safety::review(questionnaire, answers, &shown);
    let safety = review.level;
    let named = super::stepped::referral(questionnaire, answers, &shown);
    let recommendation = recommend(safety, band, named);
    let referral = named.is_some() && safety < Safety::Amber;
    let score = aggregate.score();
    let reach = super::reach::reach(questionnaire, answers);
    // Safety that was never asked leaves the result incomplete, whatever else was answered.
    let complete = aggregate.is_complete(settings) && review.unasked.is_empty();
    let lighter_step = super::stepped::lighter_step(questionnaire, answers, &shown, recommendation);
    Outcome {
        recommendation,
        lean,
        score,
        percent: score.map(super::grid::percent),
        complete,
        safety,
        declined: review
            .declined
            .iter()
            .map(|&i| questionnaire.questions[i].id.clone())
            .collect(),
        flags: review.flags,
        dimensions: dimension_scores(questionnaire, &tallies),
        drivers: drivers(questionnaire, answers, &shown, &tallies, &aggregate),
        mixed: mixed(questionnaire, &tallies),
        // A named group does not move with the other answers: nothing else would change it.
        would_change: if referral {
            Vec::new()
        } else {
            would_change(questionnaire, answers, &shown, &tallies, lean)
        },
        questionnaire: QuestionnaireInfo {
            id: questionnaire.meta.id.clone(),
            version: questionnaire.meta.version.clone(),
            sha256: questionnaire.sha256.clone(),
        },
        warnings: Vec::new(),
        settled: reach.settled,
        reachable: reach.reachable,
        lighter_step,
        referral,
        referral_reason: named
            .filter(|_| referral)
            .map(|r| r.reason.clone())
            .unwrap_or_default(),
        unanswered: reach.unanswered,
        finished_early: false,
        not_asked: Vec::new(),
    }
}

fn dimension_scores(questionnaire: &Questionnaire, tallies: &[Tally]) -> Vec<DimensionScore> {
    questionnaire
        .dimensions
        .iter()
        .zip(tallies)
        .map(|(d, t)| DimensionScore {
            id: d.id.clone(),
            // Shown on the grid, like S: a dimension that is 0 is 0.
            score: t.score().map(super::grid::on_grid),
            answered: t.answered,
            shown: t.shown,
            confident: t.is_confident(&questionnaire.scoring),
        })
        .collect()
}

/// Each counted answer's contribution `c_i` = `a_k` `w_i` / (2 `n_k` sum(a)), largest first. An answer in
/// a dimension left out of S contributes 0.
fn drivers(
    questionnaire: &Questionnaire,
    answers: &Answers,
    shown: &[bool],
    tallies: &[Tally],
    aggregate: &Aggregate,
) -> Vec<Driver> {
    let mut drivers: Vec<Driver> = answers
        .answered()
        .filter(|&i| shown[i])
        .filter_map(|i| {
            let question = &questionnaire.questions[i];
            let Section::Scored(k) = question.section else {
                return None;
            };
            let answer = answers.get(i)?;
            let weight = answer_weight(question, answer)?;
            let t = &tallies[k];
            let counts = t.is_confident(&questionnaire.scoring) && aggregate.score().is_some();
            let contribution = if counts {
                questionnaire.dimensions[k].weight * weight
                    / (2.0 * t.answered as f64 * aggregate.denominator)
            } else {
                0.0
            };
            Some(Driver {
                question: question.id.clone(),
                answer: answer.to_json(question),
                contribution,
            })
        })
        .collect();
    drivers.sort_by(|a, b| b.contribution.abs().total_cmp(&a.contribution.abs()));
    drivers
}

/// Pairs of confident dimensions that pull opposite ways (>= +0.5 and <= -0.5): therapy first.
fn mixed(questionnaire: &Questionnaire, tallies: &[Tally]) -> Vec<[String; 2]> {
    let scored: Vec<(usize, f64)> = tallies
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_confident(&questionnaire.scoring))
        .filter_map(|(k, t)| t.score().map(|s| (k, s)))
        .collect();
    let mut pairs = Vec::new();
    for &(high, _) in scored.iter().filter(|(_, s)| *s >= 0.5) {
        for &(low, _) in scored.iter().filter(|(_, s)| *s <= -0.5) {
            pairs.push([
                questionnaire.dimensions[high].id.clone(),
                questionnaire.dimensions[low].id.clone(),
            ]);
        }
    }
    pairs
}
