//! Random questionnaires and answers for property tests: 1 to 4 dimensions, 1 to 9 questions of
//! every scored kind, some behind `show_if`, answered at random (none to hidden questions).

use groupfit::answers::{Answer, Answers, visible};
use groupfit::questionnaire::{
    Choice, Dimension, Flag, Meta, OutcomeText, Outcomes, Question, QuestionKind, Questionnaire,
    Scale, ScoringSettings, Section, ShowIf,
};
use proptest::prelude::*;

const WEIGHTS: [f64; 7] = [-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0];

const FLAGS: [Flag; 3] = [Flag::Prep, Flag::Amber, Flag::Red];

fn choice(i: usize, weight: Option<f64>, skip: bool, flag: Option<Flag>) -> Choice {
    Choice {
        id: format!("o{i}"),
        label: format!("Option {i}"),
        weight,
        skip,
        flag,
        note: None,
        advice: None,
        next_step: None,
        neutral: false,
        topic: None,
        points: None,
        loinc: None,
        retired: false,
    }
}

fn options() -> impl Strategy<Value = Vec<Choice>> {
    prop::collection::vec(
        (
            prop::option::weighted(0.85, prop::sample::select(&WEIGHTS[..])),
            prop::bool::weighted(0.15),
            prop::option::weighted(0.08, prop::sample::select(&FLAGS[..])),
        ),
        2..5,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (w, skip, flag))| choice(i, w, skip, flag))
            .collect()
    })
}

fn kind() -> impl Strategy<Value = QuestionKind> {
    prop_oneof![
        3 => options().prop_map(|options| QuestionKind::Single { options }),
        1 => (options(), prop::option::of(1usize..3)).prop_map(|(options, max)| QuestionKind::Multi {
            max_choices: max.map(|m| m.min(options.len())),
            options,
            min_choices: None,
        }),
        1 => (1i64..6, prop::sample::select(&WEIGHTS[..]), prop::sample::select(&WEIGHTS[..])).prop_map(|(max, low, high)| {
            QuestionKind::Scale(Scale { min: 0, max, min_label: None, max_label: None, weights: Some((low, high)), flags: vec![] })
        }),
    ]
}

/// A questionnaire of 1..=4 dimensions and 1..=9 questions, some behind `show_if`.
pub fn questionnaire() -> impl Strategy<Value = Questionnaire> {
    let dims = prop::collection::vec(prop::sample::select(&[0.0, 0.1, 0.25, 0.5, 1.0][..]), 1..5);
    dims.prop_flat_map(|dim_weights| {
        let n_dims = dim_weights.len();
        let question = (
            kind(),
            0..n_dims + 1,
            any::<prop::sample::Index>(),
            prop::bool::weighted(0.3),
            any::<u8>(),
        );
        (
            Just(dim_weights),
            prop::collection::vec(question, 1..10),
            0.0..0.4f64,
            0.3..1.0f64,
            0.3..1.0f64,
        )
    })
    .prop_map(
        |(dim_weights, raw_questions, margin, min_answered, low_confidence)| {
            let mut dim_weights = dim_weights;
            if dim_weights.iter().all(|w| *w == 0.0) {
                dim_weights[0] = 1.0;
            }
            let dimensions = dim_weights
                .iter()
                .enumerate()
                .map(|(i, &weight)| Dimension {
                    id: format!("d{i}"),
                    label: format!("D{i}"),
                    weight,
                    support_group: String::new(),
                    group_therapy: String::new(),
                })
                .collect::<Vec<_>>();
            let mut questions: Vec<Question> = Vec::new();
            for (i, (kind, section, target, conditional, any_of_bits)) in
                raw_questions.into_iter().enumerate()
            {
                let section = if section == dimensions.len() {
                    Section::Info
                } else {
                    Section::Scored(section)
                };
                let show_if = if conditional && i > 0 {
                    let t = target.index(i);
                    let count = questions[t].options().len();
                    (count > 0).then(|| ShowIf {
                        question: t,
                        any_of: (0..count).filter(|o| any_of_bits & (1 << o) != 0).collect(),
                    })
                } else {
                    None
                };
                questions.push(Question {
                    id: format!("q{i}"),
                    section,
                    prompt: format!("Q{i}?"),
                    help: None,
                    why: None,
                    required: false,
                    show_if,
                    show_if_score: None,
                    kind,
                    instrument_flags: Vec::new(),
                    circumstance: false,
                    loinc: None,
                });
            }
            Questionnaire {
                instruments: Vec::new(),
                referrals: Vec::new(),
                meta: meta(),
                outcomes: outcomes(),
                scoring: ScoringSettings {
                    either_margin: margin,
                    min_answered,
                    low_confidence,
                },
                lighter_step: None,
                dimensions,
                crisis: vec![],
                questions,
                sha256: String::new(),
                ui: groupfit::ui_text::UiText::default(),
            }
        },
    )
}

fn meta() -> Meta {
    Meta {
        id: "random".into(),
        title: "Random".into(),
        version: "1".into(),
        intro: String::new(),
        disclaimer: String::new(),
        next_steps: String::new(),
        order: groupfit::questionnaire::Order::Adaptive,
    }
}

fn outcomes() -> Outcomes {
    let text = |label: &str| OutcomeText {
        label: label.into(),
        summary: String::new(),
    };
    Outcomes {
        support_group: text("Support group"),
        group_therapy: text("Group therapy"),
    }
}

/// Any valid answer to a question (or none), chosen by `seed`.
pub fn answer_for(question: &Question, seed: u64) -> Option<Answer> {
    if seed.is_multiple_of(5) {
        return None;
    }
    let pick = usize::try_from(seed / 5).unwrap_or(0);
    match &question.kind {
        QuestionKind::Single { options } => Some(Answer::Choice(pick % options.len())),
        QuestionKind::Multi {
            options,
            max_choices,
            ..
        } => {
            let max = max_choices.unwrap_or(options.len());
            let mut chosen: Vec<usize> = (0..options.len())
                .filter(|i| pick & (1 << i) != 0 && !options[*i].skip)
                .take(max)
                .collect();
            if chosen.is_empty() {
                chosen.push(pick % options.len());
            }
            Some(Answer::Choices(chosen))
        }
        QuestionKind::Scale(scale) => Some(Answer::Scale(
            scale.min + i64::try_from(pick).unwrap_or(0) % (scale.max - scale.min + 1),
        )),
        QuestionKind::Text { .. } => Some(Answer::Text("x".into())),
    }
}

pub fn with_answers() -> impl Strategy<Value = (Questionnaire, Answers)> {
    questionnaire()
        .prop_flat_map(|q| {
            let n = q.questions.len();
            (Just(q), prop::collection::vec(any::<u64>(), n))
        })
        .prop_map(|(q, seeds)| {
            let mut answers = Answers::new(&q);
            for (i, seed) in seeds.into_iter().enumerate() {
                if let Some(a) = answer_for(&q.questions[i], seed) {
                    answers.set(i, a);
                }
            }
            // Keep only answers a person could have given: none to hidden questions.
            let shown = visible(&q, &answers);
            for (i, is_shown) in shown.into_iter().enumerate() {
                if !is_shown {
                    answers.clear(i);
                }
            }
            (q, answers)
        })
}
