//! `groupfit audit`: a questionnaire's balance, for its authors. Which way each question leans on
//! average, asymmetric poles, neutral answers that weigh something, the range each dimension can
//! reach, the questionnaire's tilt (the mean S when every question is answered at random) and
//! its S when everything is answered neutrally, the recommendations reachable, and how much each
//! question can move S. It scores with the scoring code (tallies, aggregates, reach); nothing is
//! computed twice in two ways.

use serde::Serialize;

use crate::answers::{Answer, Answers, MAX_ENUMERATED_OPTIONS, every_combination, visible};
use crate::questionnaire::{Question, QuestionKind, Questionnaire, Section};
use crate::scoring::{Aggregate, Band, Recommendation, answer_weight, reach, tally};

/// Random answer sets drawn for the tilt.
pub const SAMPLES: usize = 20_000;
/// The sampling's seed: the same questionnaire always gives the same audit.
const SEED: u64 = 0x6772_6f75_7066_6974;
/// |tilt| above this fails `--strict`.
pub const MAX_TILT: f64 = 0.05;
/// A question whose mean weight is further from 0 than this leans one way.
const LEANING: f64 = 1e-9;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Audit {
    pub questions: Vec<QuestionAudit>,
    pub dimensions: Vec<DimensionAudit>,
    pub tilt: Tilt,
    /// S when every scored question is answered neutrally; `None` when that leaves no score.
    pub neutral_score: Option<f64>,
    /// Every recommendation some way of answering reaches.
    pub reachable: Vec<Recommendation>,
    /// What `--strict` refuses: a tilt beyond ±0.05, or a neutral option that weighs.
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionAudit {
    pub id: String,
    pub dimension: String,
    /// Each option's weight (a scale: its weight at min and at max), skip options left out.
    pub weights: Vec<(String, f64)>,
    /// The mean weight of its answers, each equally likely.
    pub mean: f64,
    /// The mean is not 0: on average, the question pulls one way.
    pub leans: bool,
    /// The lowest and highest weight, when they are not mirror images (-1/+2).
    pub asymmetric: Option<(f64, f64)>,
    /// Neutral options (marked `neutral = true`, or skip options) that carry a weight.
    pub weighted_neutral: Vec<String>,
    /// The largest change of S one change of this answer makes, everything else answered.
    pub largest_effect: f64,
    /// Some set of other answers exists where changing this one changes the band.
    pub can_change_band: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionAudit {
    pub id: String,
    /// The lowest and highest D every scored question answered can give.
    pub min: f64,
    pub max: f64,
}

/// The mean S with every answer equally likely, from a fixed-seed sample, with a bound on the
/// sampling error (three standard errors).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tilt {
    pub mean: f64,
    pub error: f64,
    pub samples: usize,
}

/// Audits a questionnaire.
#[must_use]
pub fn audit(questionnaire: &Questionnaire) -> Audit {
    let scored: Vec<usize> = (0..questionnaire.questions.len())
        .filter(|&i| questionnaire.questions[i].is_scored())
        .collect();
    let mut questions: Vec<QuestionAudit> = scored
        .iter()
        .map(|&i| question_audit(questionnaire, i))
        .collect();
    let (tilt, can_change) = sample(questionnaire, &scored);
    for (audit, changes) in questions.iter_mut().zip(can_change) {
        audit.can_change_band = changes;
    }
    let mut problems = Vec::new();
    if tilt.mean.abs() > MAX_TILT {
        problems.push(format!(
            "the tilt is {:+.3}, beyond ±{MAX_TILT}: answered at random, the questionnaire leans \
             towards {}",
            tilt.mean,
            if tilt.mean > 0.0 {
                "group therapy"
            } else {
                "a support group"
            }
        ));
    }
    for q in &questions {
        for option in &q.weighted_neutral {
            problems.push(format!(
                "question \"{}\": neutral option \"{option}\" carries a weight; a neutral answer \
                 must weigh 0",
                q.id
            ));
        }
    }
    Audit {
        dimensions: dimension_ranges(questionnaire),
        neutral_score: neutral_score(questionnaire),
        reachable: reach(questionnaire, &safety_all_clear(questionnaire)).reachable,
        questions,
        tilt,
        problems,
    }
}

/// The safety screen answered with no flag (each question's first option that raises none), so
/// that what is reachable is the score's bands, not the safety screen's overrides.
fn safety_all_clear(questionnaire: &Questionnaire) -> Answers {
    let mut answers = Answers::new(questionnaire);
    for (i, question) in questionnaire.questions.iter().enumerate() {
        if question.section != Section::Safety {
            continue;
        }
        if let Some(o) = question
            .offered()
            .iter()
            .position(|o| o.flag.is_none() && !o.skip)
        {
            answers.set(i, Answer::Choice(o));
        }
    }
    answers
}

/// Every answer a question can be given, skip and neutral answers included, each equally likely
/// (not a retired option: nobody can give it any more).
fn every_answer(question: &Question) -> Vec<Answer> {
    match &question.kind {
        QuestionKind::Single { .. } => (0..question.offered().len()).map(Answer::Choice).collect(),
        QuestionKind::Multi { options, .. } if options.len() <= MAX_ENUMERATED_OPTIONS => {
            every_combination(question)
        }
        QuestionKind::Multi { options, .. } => (0..options.len())
            .map(|o| Answer::Choices(vec![o]))
            .collect(),
        QuestionKind::Scale(scale) => (scale.min..=scale.max).map(Answer::Scale).collect(),
        QuestionKind::Text { .. } => Vec::new(),
    }
}

/// The weight of every answer that counts (skips do not).
fn weights(question: &Question) -> Vec<f64> {
    every_answer(question)
        .iter()
        .filter_map(|a| answer_weight(question, a))
        .collect()
}

fn question_audit(questionnaire: &Questionnaire, index: usize) -> QuestionAudit {
    let question = &questionnaire.questions[index];
    let counted = weights(question);
    let mean = if counted.is_empty() {
        0.0
    } else {
        counted.iter().sum::<f64>() / counted.len() as f64
    };
    let low = counted.iter().copied().fold(f64::INFINITY, f64::min);
    let high = counted.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let shown_weights = match &question.kind {
        QuestionKind::Scale(scale) => scale.weights.map_or_else(Vec::new, |(a, b)| {
            vec![(scale.min.to_string(), a), (scale.max.to_string(), b)]
        }),
        _ => question
            .offered()
            .iter()
            .filter(|o| !o.skip)
            .map(|o| (o.id.clone(), o.weight.unwrap_or(0.0)))
            .collect(),
    };
    let Section::Scored(k) = question.section else {
        unreachable!("only scored questions are audited")
    };
    let total = questionnaire.total_dimension_weight();
    let in_dimension = questionnaire
        .questions
        .iter()
        .filter(|q| q.section == Section::Scored(k) && q.is_scored())
        .count()
        .max(1);
    QuestionAudit {
        id: question.id.clone(),
        dimension: questionnaire.dimensions[k].id.clone(),
        weights: shown_weights,
        mean,
        leans: mean.abs() > LEANING,
        asymmetric: ((low + high).abs() > LEANING && low <= high).then_some((low, high)),
        weighted_neutral: question
            .offered()
            .iter()
            .filter(|o| o.is_neutral() && o.weight.is_some_and(|w| w != 0.0))
            .map(|o| o.id.clone())
            .collect(),
        largest_effect: if low <= high {
            questionnaire.dimensions[k].weight * (high - low) / (2.0 * in_dimension as f64 * total)
        } else {
            0.0
        },
        can_change_band: false,
    }
}

/// The range of D each dimension reaches with all its scored questions answered.
fn dimension_ranges(questionnaire: &Questionnaire) -> Vec<DimensionAudit> {
    questionnaire
        .dimensions
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let mut low = 0.0;
            let mut high = 0.0;
            let mut n = 0usize;
            for q in questionnaire
                .questions
                .iter()
                .filter(|q| q.section == Section::Scored(k) && q.is_scored())
            {
                let w = weights(q);
                if w.is_empty() {
                    continue;
                }
                low += w.iter().copied().fold(f64::INFINITY, f64::min);
                high += w.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                n += 1;
            }
            let per = |sum: f64| if n == 0 { 0.0 } else { sum / (2.0 * n as f64) };
            DimensionAudit {
                id: d.id.clone(),
                min: per(low),
                max: per(high),
            }
        })
        .collect()
}

/// S with every scored question answered neutrally: its `neutral` option, else a weight-0
/// option, else its skip option; a scale at its middle.
fn neutral_score(questionnaire: &Questionnaire) -> Option<f64> {
    let mut answers = Answers::new(questionnaire);
    for (i, question) in questionnaire.questions.iter().enumerate() {
        if !question.is_scored() {
            continue;
        }
        let neutral = if let QuestionKind::Scale(scale) = &question.kind {
            Some(Answer::Scale(scale.min + (scale.max - scale.min) / 2))
        } else {
            neutral_option(question).map(|o| match question.kind {
                QuestionKind::Multi { .. } => Answer::Choices(vec![o]),
                _ => Answer::Choice(o),
            })
        };
        if let Some(answer) = neutral {
            answers.set(i, answer);
        }
    }
    let shown = visible(questionnaire, &answers);
    Aggregate::new(questionnaire, &tally(questionnaire, &answers, &shown)).score()
}

/// A question's neutral option: the one marked `neutral`, else one that weighs 0, else its skip
/// option.
fn neutral_option(question: &Question) -> Option<usize> {
    let options = question.offered();
    options
        .iter()
        .position(|o| o.neutral)
        .or_else(|| {
            options
                .iter()
                .position(|o| !o.skip && o.weight.unwrap_or(0.0) == 0.0)
        })
        .or_else(|| options.iter().position(|o| o.skip))
}

/// A small, fixed-seed generator (splitmix64): the audit must be reproducible, and needs no
/// cryptographic randomness.
struct Draw(u64);

impl Draw {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        usize::try_from(z % n.max(1) as u64).unwrap_or(0)
    }
}

/// The tilt, from [`SAMPLES`] answer sets drawn with every answer equally likely (questions
/// `show_if` hides are left out as a person would never see them), and for each scored question
/// whether, in some sample, changing its answer between its lowest and highest weight changes
/// the band.
fn sample(questionnaire: &Questionnaire, scored: &[usize]) -> (Tilt, Vec<bool>) {
    let settings = &questionnaire.scoring;
    let choices: Vec<Vec<Answer>> = questionnaire.questions.iter().map(every_answer).collect();
    let extremes: Vec<Option<(Answer, Answer)>> = scored
        .iter()
        .map(|&i| extreme_answers(&questionnaire.questions[i], &choices[i]))
        .collect();
    // A question other questions' visibility depends on must be rescored in full when it
    // changes; any other changes its own dimension's tally only, re-aggregated in constant time
    // (a full rescoring for every question of every sample made the audit quadratic).
    let controls = controlling_questions(questionnaire);
    let spans = widest_spans(questionnaire);
    // Each possible answer's weight, worked out once: a sample's tallies are then sums.
    let answer_weights: Vec<Vec<Option<f64>>> = questionnaire
        .questions
        .iter()
        .zip(&choices)
        .map(|(question, all)| all.iter().map(|a| answer_weight(question, a)).collect())
        .collect();
    let scored_in: Vec<Option<usize>> = questionnaire
        .questions
        .iter()
        .map(|question| match question.section {
            Section::Scored(k) if question.is_scored() => Some(k),
            _ => None,
        })
        .collect();
    let mut drawn = vec![None; questionnaire.questions.len()];
    let mut draw = Draw(SEED);
    let mut can_change = vec![false; scored.len()];
    let (mut sum, mut sum_sq, mut n) = (0.0, 0.0, 0usize);
    for _ in 0..SAMPLES {
        let mut answers = Answers::new(questionnaire);
        for (i, question) in questionnaire.questions.iter().enumerate() {
            let options = &choices[i];
            if question.section == Section::Safety || options.is_empty() {
                continue;
            }
            let pick = draw.below(options.len());
            drawn[i] = Some(pick);
            answers.set(i, options[pick].clone());
        }
        let shown = visible(questionnaire, &answers);
        let tallies = sample_tallies(questionnaire, &scored_in, &answer_weights, &drawn, &shown);
        let aggregate = Aggregate::new(questionnaire, &tallies);
        let Some(s) = aggregate.score() else {
            continue;
        };
        sum += s;
        sum_sq += s * s;
        n += 1;
        // No single answer in a dimension moves S further than its widest question can: far
        // enough from both band edges, only the questions that show or hide others need trying.
        let furthest = furthest_move(questionnaire, &tallies, &aggregate, &spans);
        let margin = settings.either_margin;
        let near_an_edge =
            (s - margin).abs() <= furthest + 1e-9 || (s + margin).abs() <= furthest + 1e-9;
        for (slot, (&i, extremes)) in scored.iter().zip(&extremes).enumerate() {
            let Some((low, high)) = extremes else {
                continue;
            };
            if can_change[slot] || !shown[i] {
                continue;
            }
            let question = &questionnaire.questions[i];
            // The bound holds for an answer that already counts; a skipped one (which adds a
            // counted answer, and may make its dimension confident) is always tried.
            let must_try = near_an_edge
                || controls[i]
                || drawn[i].and_then(|pick| answer_weights[i][pick]).is_none();
            if !must_try {
                continue;
            }
            let band_with = |answer: &Answer| {
                if let (Section::Scored(k), false) = (question.section, controls[i]) {
                    let current = answers.get(i).and_then(|a| answer_weight(question, a));
                    let changed = tallies[k].with_change(current, answer_weight(question, answer));
                    return Aggregate::replacing(questionnaire, &tallies, k, &changed)
                        .lean(settings);
                }
                let mut changed = answers.clone();
                changed.set(i, answer.clone());
                let shown = visible(questionnaire, &changed);
                Aggregate::new(questionnaire, &tally(questionnaire, &changed, &shown))
                    .lean(settings)
            };
            let (a, b): (Band, Band) = (band_with(low), band_with(high));
            can_change[slot] = a != b;
        }
    }
    let count = n.max(1) as f64;
    let mean = sum / count;
    let variance = (sum_sq / count - mean * mean).max(0.0);
    let tilt = Tilt {
        mean: crate::scoring::grid::on_grid(mean),
        error: 3.0 * (variance / count).sqrt(),
        samples: n,
    };
    (tilt, can_change)
}

/// A sample's tallies, as `tally` makes them (in the same order, so the same sums), from the
/// weights of the drawn answers worked out once.
fn sample_tallies(
    questionnaire: &Questionnaire,
    scored_in: &[Option<usize>],
    answer_weights: &[Vec<Option<f64>>],
    drawn: &[Option<usize>],
    shown: &[bool],
) -> Vec<crate::scoring::Tally> {
    let mut tallies = vec![crate::scoring::Tally::default(); questionnaire.dimensions.len()];
    for (i, k) in scored_in.iter().enumerate() {
        let Some(k) = *k else { continue };
        if !shown[i] {
            continue;
        }
        tallies[k].shown += 1;
        if let Some(w) = drawn[i].and_then(|pick| answer_weights[i][pick]) {
            tallies[k].weight_sum += w;
            tallies[k].answered += 1;
        }
    }
    tallies
}

/// For each dimension, the widest weight span of any one of its scored questions.
fn widest_spans(questionnaire: &Questionnaire) -> Vec<f64> {
    let mut spans = vec![0.0_f64; questionnaire.dimensions.len()];
    for question in &questionnaire.questions {
        let Section::Scored(k) = question.section else {
            continue;
        };
        let w = weights(question);
        let low = w.iter().copied().fold(f64::INFINITY, f64::min);
        let high = w.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if low <= high {
            spans[k] = spans[k].max(high - low);
        }
    }
    spans
}

/// The furthest one answer changed from one weight to another (never from or to "not
/// counted") can move S in this sample: its dimension's weight times its widest span, over
/// twice the answers counted there and the weights of the dimensions in S.
fn furthest_move(
    questionnaire: &Questionnaire,
    tallies: &[crate::scoring::Tally],
    aggregate: &Aggregate,
    spans: &[f64],
) -> f64 {
    let settings = &questionnaire.scoring;
    tallies
        .iter()
        .zip(&questionnaire.dimensions)
        .zip(spans)
        .filter(|((t, _), _)| t.is_confident(settings) && t.answered > 0)
        .map(|((t, d), span)| d.weight * span / (2.0 * t.answered as f64 * aggregate.denominator))
        .fold(0.0, f64::max)
}

/// The questions whose answer shows or hides another (`show_if`, or an instrument's items for
/// `show_if_score`).
fn controlling_questions(questionnaire: &Questionnaire) -> Vec<bool> {
    let mut controls = vec![false; questionnaire.questions.len()];
    for question in &questionnaire.questions {
        if let Some(rule) = &question.show_if {
            controls[rule.question] = true;
        }
        if let Some(rule) = question.show_if_score {
            for &item in &questionnaire.instruments[rule.instrument].items {
                controls[item] = true;
            }
        }
    }
    controls
}

/// The answers of a question with its lowest and its highest weight.
fn extreme_answers(question: &Question, all: &[Answer]) -> Option<(Answer, Answer)> {
    let weighted: Vec<(f64, &Answer)> = all
        .iter()
        .filter_map(|a| answer_weight(question, a).map(|w| (w, a)))
        .collect();
    let low = weighted.iter().min_by(|a, b| a.0.total_cmp(&b.0))?;
    let high = weighted.iter().max_by(|a, b| a.0.total_cmp(&b.0))?;
    Some((low.1.clone(), high.1.clone()))
}
