//! The one safety evaluation (CLINICAL.md, "Rules that hold on every path"). Answers typed live,
//! answers resumed from a file and answers scored from a file all go through `review`, so a red
//! answer stops the questionnaire, a declined safety question is noticed and an unasked one is
//! never taken for "no flags", whatever the way in.

use serde::Serialize;
use serde_json::Value;

use crate::answers::{Answer, Answers, instrument_total};
use crate::questionnaire::{Flag, Question, QuestionKind, Questionnaire, Section, Topic};
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
    /// The help it calls for: a caution lists this topic's lines first.
    pub topic: Topic,
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
            topic: Topic::Crisis,
        });
    }
    flags.extend(instrument_flags(questionnaire, answers, shown));
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

/// The flags the instruments raise by their totals: `question` is the instrument's id and
/// `option` its total. An instrument none of whose items was answered raises nothing.
fn instrument_flags(
    questionnaire: &Questionnaire,
    answers: &Answers,
    shown: &[bool],
) -> Vec<RaisedFlag> {
    let mut raised = Vec::new();
    for (index, instrument) in questionnaire.instruments.iter().enumerate() {
        let answered = instrument
            .items
            .iter()
            .any(|&i| shown.get(i).copied().unwrap_or(false) && answers.get(i).is_some());
        if !answered {
            continue;
        }
        let total = instrument_total(questionnaire, index, answers, shown);
        raised.extend(
            instrument
                .flags
                .iter()
                .filter(|f| f.applies_to(total))
                .map(|f| RaisedFlag {
                    question: instrument.id.clone(),
                    option: Value::from(total),
                    flag: f.flag,
                    note: f.note.clone(),
                    advice: f.advice.clone(),
                    topic: f.topic.unwrap_or_default(),
                }),
        );
    }
    raised
}

/// The distinct help topics that the red and amber flags call for, most urgent first (red
/// before amber, then in the order raised): the order a caution lists its help in.
#[must_use]
pub fn help_topics(flags: &[RaisedFlag]) -> Vec<Topic> {
    let mut topics = Vec::new();
    for level in [Flag::Red, Flag::Amber] {
        for flag in flags.iter().filter(|f| f.flag == level) {
            if !topics.contains(&flag.topic) {
                topics.push(flag.topic);
            }
        }
    }
    topics
}

/// True when a red flag is about danger at home: the crisis panel then leads with
/// domestic-abuse help and device safety, and nothing offers to save a file.
#[must_use]
pub fn danger_at_home(flags: &[RaisedFlag]) -> bool {
    flags
        .iter()
        .any(|f| f.flag == Flag::Red && f.topic == Topic::DomesticAbuse)
}

/// True when an answer says home may not be safe (a domestic-abuse flag, amber or red): someone
/// there may check this device, so saving a file asks first.
#[must_use]
pub fn home_may_not_be_safe(flags: &[RaisedFlag]) -> bool {
    flags
        .iter()
        .any(|f| f.flag >= Flag::Amber && f.topic == Topic::DomesticAbuse)
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
                topic: f.topic.unwrap_or_default(),
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
                    topic: option.topic.unwrap_or_default(),
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

/// The flags an answer to this question could raise at all, its instruments' included.
#[must_use]
pub fn possible_flags(question: &Question) -> Vec<Flag> {
    let own = match &question.kind {
        QuestionKind::Scale(scale) => scale.flags.iter().map(|f| f.flag).collect(),
        // What an answer still to be given can raise: retired options cannot be chosen.
        _ => question
            .offered()
            .iter()
            .filter_map(|o| o.flag)
            .collect::<Vec<_>>(),
    };
    own.into_iter()
        .chain(question.instrument_flags.iter().copied())
        .collect()
}

/// Whether an answer to this question can call for help first: raise a caution (amber) or stop
/// everything (red), directly or through an instrument it counts towards.
#[must_use]
pub fn can_call_for_help_first(question: &Question) -> bool {
    possible_flags(question)
        .iter()
        .any(|&flag| flag >= Flag::Amber)
}

/// Whether an answer to this question can call for help first, or it is on the safety screen:
/// such a question is answered with care, a digit only highlighting until Enter confirms it.
#[must_use]
pub fn asks_with_care(question: &Question) -> bool {
    question.section == Section::Safety || can_call_for_help_first(question)
}
