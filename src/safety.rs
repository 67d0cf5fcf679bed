//! The one safety evaluation (CLINICAL.md, "Rules that hold on every path"). Answers typed live,
//! answers resumed from a file and answers scored from a file all go through `review`, so a red
//! answer stops the questionnaire, a declined safety question is noticed and an unasked one is
//! never taken for "no flags", whatever the way in.

use serde::Serialize;
use serde_json::Value;

use crate::answers::{Answer, Answers, visible};
use crate::questionnaire::{Flag, Question, QuestionKind, Questionnaire, Section};
use crate::ui_text::fill;

/// The highest flag raised: red > amber > prep > none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    None,
    Prep,
    Amber,
    Red,
}

impl Safety {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Prep => "prep",
            Self::Amber => "amber",
            Self::Red => "red",
        }
    }
}

impl From<Flag> for Safety {
    fn from(flag: Flag) -> Self {
        match flag {
            Flag::Prep => Self::Prep,
            Flag::Amber => Self::Amber,
            Flag::Red => Self::Red,
        }
    }
}

/// A flag raised by an answer. `option` is the option id, the value for a scale, or `null` for
/// a safety question that was never answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RaisedFlag {
    pub question: String,
    pub option: Value,
    pub flag: Flag,
    /// For a clinician's record.
    pub note: Option<String>,
    /// For the person, in plain words, with the help that suits it.
    pub advice: Option<String>,
}

/// What the safety screen found in a set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct SafetyReview {
    pub level: Safety,
    /// Every flag raised by a shown answer, then one amber flag per unasked safety question.
    pub flags: Vec<RaisedFlag>,
    /// Shown safety questions answered "prefer not to say" (a skip option), by index.
    pub declined: Vec<usize>,
    /// Shown safety questions with no answer at all, by index.
    pub unasked: Vec<usize>,
}

impl SafetyReview {
    /// True when the questionnaire must stop: a red answer.
    #[must_use]
    pub fn is_red(&self) -> bool {
        self.level == Safety::Red
    }
}

/// Reviews the shown answers: the flags they raise, the safety questions declined and those
/// never answered. An unasked safety question is an amber flag of its own: safety that was not
/// checked is never "no flags".
#[must_use]
pub fn review(questionnaire: &Questionnaire, answers: &Answers, shown: &[bool]) -> SafetyReview {
    let mut flags = Vec::new();
    let mut declined = Vec::new();
    let mut unasked = Vec::new();
    for (index, question) in questionnaire.questions.iter().enumerate() {
        if !shown.get(index).copied().unwrap_or(false) {
            continue;
        }
        match answers.get(index) {
            Some(answer) => {
                flags.extend(flags_of(question, answer));
                if question.section == Section::Safety && answer.is_skip(question) {
                    declined.push(index);
                }
            }
            None if question.section == Section::Safety => unasked.push(index),
            None => {}
        }
    }
    for &index in &unasked {
        let question = &questionnaire.questions[index];
        let ui = &questionnaire.ui;
        flags.push(RaisedFlag {
            question: question.id.clone(),
            option: Value::Null,
            flag: Flag::Amber,
            note: Some(fill(
                &ui.unasked_note,
                &[("question", &crate::text::clean_line(&question.prompt))],
            )),
            advice: Some(ui.unasked_person.clone()),
        });
    }
    let level = flags
        .iter()
        .map(|f| Safety::from(f.flag))
        .max()
        .unwrap_or(Safety::None);
    SafetyReview {
        level,
        flags,
        declined,
        unasked,
    }
}

/// Reviews a set of answers, working out which questions they show.
#[must_use]
pub fn review_answers(questionnaire: &Questionnaire, answers: &Answers) -> SafetyReview {
    review(questionnaire, answers, &visible(questionnaire, answers))
}

/// The flags one answer raises: a scale's by value, options' by choice.
#[must_use]
pub fn flags_of(question: &Question, answer: &Answer) -> Vec<RaisedFlag> {
    match (&question.kind, answer) {
        (QuestionKind::Scale(scale), Answer::Scale(v)) => scale
            .flags
            .iter()
            .filter(|f| f.applies_to(*v))
            .map(|f| RaisedFlag {
                question: question.id.clone(),
                option: Value::from(*v),
                flag: f.flag,
                note: f.note.clone(),
                advice: f.advice.clone(),
            })
            .collect(),
        _ => answer
            .chosen()
            .iter()
            .filter_map(|&i| question.options().get(i))
            .filter_map(|option| {
                option.flag.map(|flag| RaisedFlag {
                    question: question.id.clone(),
                    option: Value::from(option.id.clone()),
                    flag,
                    note: option.note.clone(),
                    advice: option.advice.clone(),
                })
            })
            .collect(),
    }
}

/// The highest flag one answer raises, if any.
#[must_use]
pub fn highest_flag(questionnaire: &Questionnaire, q: usize, answer: &Answer) -> Option<Flag> {
    flags_of(&questionnaire.questions[q], answer)
        .iter()
        .map(|f| f.flag)
        .max()
}

/// The flags an answer to this question could raise at all.
#[must_use]
pub fn possible_flags(question: &Question) -> Vec<Flag> {
    match &question.kind {
        QuestionKind::Scale(scale) => scale.flags.iter().map(|f| f.flag).collect(),
        _ => question.options().iter().filter_map(|o| o.flag).collect(),
    }
}

/// Whether an answer to this question can call for help first (a red or amber flag), or it is
/// on the safety screen: such a question is answered with care, a digit only highlighting
/// until Enter confirms it.
#[must_use]
pub fn asks_with_care(question: &Question) -> bool {
    question.section == Section::Safety
        || possible_flags(question)
            .iter()
            .any(|&flag| flag >= Flag::Amber)
}
