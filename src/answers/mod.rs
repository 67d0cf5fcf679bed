//! A person's answers, which questions they make visible, and the answers file.

mod file;

pub use file::{LoadedAnswers, QuestionnaireRef, load, load_for_resume, to_toml};

use serde_json::{Value, json};

use crate::questionnaire::{Question, QuestionKind, Questionnaire, ScoreCondition, ShowIf};

/// One answer, by option index into its question (ids are resolved when loading).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Choice(usize),
    Choices(Vec<usize>),
    Scale(i64),
    Text(String),
}

impl Answer {
    /// The answer as it appears in files and JSON: an option id, a list of ids, a number, or text.
    #[must_use]
    pub fn to_json(&self, question: &Question) -> Value {
        let id = |i: &usize| {
            question
                .options()
                .get(*i)
                .map_or("", |o| o.id.as_str())
                .to_string()
        };
        match self {
            Self::Choice(i) => json!(id(i)),
            Self::Choices(list) => json!(list.iter().map(id).collect::<Vec<_>>()),
            Self::Scale(v) => json!(v),
            Self::Text(t) => json!(t),
        }
    }

    /// The answer in words, for a person to read.
    #[must_use]
    pub fn describe(&self, question: &Question) -> String {
        let label = |i: &usize| question.options().get(*i).map_or("?", |o| o.label.as_str());
        match self {
            Self::Choice(i) => label(i).to_string(),
            Self::Choices(list) if list.is_empty() => "(none)".to_string(),
            Self::Choices(list) => list.iter().map(label).collect::<Vec<_>>().join("; "),
            Self::Scale(v) => v.to_string(),
            Self::Text(t) => t.clone(),
        }
    }

    /// True when the person chose "not sure / prefer not to say" (or left a multi empty).
    #[must_use]
    pub fn is_skip(&self, question: &Question) -> bool {
        let options = question.options();
        match self {
            Self::Choice(i) => options.get(*i).is_some_and(|o| o.skip),
            Self::Choices(list) => {
                list.is_empty() || list.iter().any(|i| options.get(*i).is_some_and(|o| o.skip))
            }
            Self::Scale(_) => false,
            Self::Text(t) => t.trim().is_empty(),
        }
    }

    /// The option indices this answer picks (none for scale and text).
    #[must_use]
    pub fn chosen(&self) -> &[usize] {
        match self {
            Self::Choice(i) => std::slice::from_ref(i),
            Self::Choices(list) => list,
            Self::Scale(_) | Self::Text(_) => &[],
        }
    }
}

/// All answers so far, one slot per question in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    slots: Vec<Option<Answer>>,
    /// Answers a file gave to questions its other answers hide: they are not scored, but a
    /// "what would change it" that shows the question again must score them, as scoring the
    /// changed file would.
    held: Vec<Option<Answer>>,
}

impl Answers {
    #[must_use]
    pub fn new(questionnaire: &Questionnaire) -> Self {
        Self {
            slots: vec![None; questionnaire.questions.len()],
            held: vec![None; questionnaire.questions.len()],
        }
    }

    #[must_use]
    pub fn get(&self, question: usize) -> Option<&Answer> {
        self.slots.get(question).and_then(Option::as_ref)
    }

    /// The saved answer to `question` when it chose a retired option (from a file saved with an
    /// older questionnaire): no one can give it today, so the front ends show it apart, and an
    /// empty reply keeps it.
    #[must_use]
    pub fn retired(&self, questionnaire: &Questionnaire, question: usize) -> Option<&Answer> {
        let q = questionnaire.questions.get(question)?;
        self.get(question)
            .filter(|answer| answer.chosen().iter().any(|&o| !q.is_offered(o)))
    }

    pub fn set(&mut self, question: usize, answer: Answer) {
        if let Some(slot) = self.slots.get_mut(question) {
            *slot = Some(answer);
        }
        if let Some(held) = self.held.get_mut(question) {
            *held = None;
        }
    }

    /// Sets an answer aside: no longer scored, but kept for a change that shows it again.
    pub fn hold(&mut self, question: usize) -> Option<&Answer> {
        let answer = self.clear(question)?;
        if self.held.len() <= question {
            self.held.resize(question + 1, None);
        }
        self.held[question] = Some(answer);
        self.held[question].as_ref()
    }

    /// Brings back every held answer whose question is shown again, until none is (one may
    /// show another); returns the questions brought back.
    pub fn restore_shown(&mut self, questionnaire: &Questionnaire) -> Vec<usize> {
        let mut restored = Vec::new();
        loop {
            let shown = visible(questionnaire, self);
            let back: Vec<usize> = (0..self.held.len())
                .filter(|&i| shown.get(i) == Some(&true) && self.held[i].is_some())
                .filter(|&i| self.slots.get(i).is_some_and(Option::is_none))
                .collect();
            if back.is_empty() {
                return restored;
            }
            for i in back {
                self.slots[i] = self.held[i].take();
                restored.push(i);
            }
        }
    }

    pub fn clear(&mut self, question: usize) -> Option<Answer> {
        self.slots.get_mut(question).and_then(Option::take)
    }

    /// Indices of the questions that have an answer.
    pub fn answered(&self) -> impl Iterator<Item = usize> + '_ {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, a)| a.is_some())
            .map(|(i, _)| i)
    }

    /// True when nothing is answered yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(Option::is_none)
    }
}

/// Which questions are shown, given the answers: a question with `show_if` is shown when the
/// question it names is shown and answered with one of the listed options, and one with
/// `show_if_score` when its instrument's total reaches the cut-off. Because both can only name
/// earlier questions, one pass in file order settles every chain.
#[must_use]
pub fn visible(questionnaire: &Questionnaire, answers: &Answers) -> Vec<bool> {
    let mut shown = Vec::with_capacity(questionnaire.questions.len());
    for question in &questionnaire.questions {
        let by_answer = question
            .show_if
            .as_ref()
            .is_none_or(|rule| holds(rule, answers, &shown));
        let by_score = question
            .show_if_score
            .is_none_or(|rule| reaches(questionnaire, rule, answers, &shown));
        shown.push(by_answer && by_score);
    }
    shown
}

/// An instrument's total: the points of the options chosen on its shown, answered items.
/// `shown` may be partial (built in file order) as long as it covers every item.
#[must_use]
pub fn instrument_total(
    questionnaire: &Questionnaire,
    instrument: usize,
    answers: &Answers,
    shown: &[bool],
) -> i64 {
    let Some(instrument) = questionnaire.instruments.get(instrument) else {
        return 0;
    };
    instrument
        .items
        .iter()
        .filter(|&&item| shown.get(item).copied().unwrap_or(false))
        .filter_map(|&item| {
            let question = &questionnaire.questions[item];
            answers.get(item).map(|answer| {
                answer
                    .chosen()
                    .iter()
                    .filter_map(|&o| question.options().get(o).and_then(|o| o.points))
                    .sum::<i64>()
            })
        })
        .sum()
}

/// Whether a `show_if_score` condition holds: the instrument's total so far reaches it.
fn reaches(
    questionnaire: &Questionnaire,
    rule: ScoreCondition,
    answers: &Answers,
    shown: &[bool],
) -> bool {
    instrument_total(questionnaire, rule.instrument, answers, shown) >= rule.at_least
}

/// Whether an answer condition holds: its question is shown and answered with one of the
/// listed options.
#[must_use]
pub fn holds(rule: &ShowIf, answers: &Answers, shown: &[bool]) -> bool {
    shown.get(rule.question).copied().unwrap_or(false)
        && answers
            .get(rule.question)
            .is_some_and(|a| a.chosen().iter().any(|c| rule.any_of.contains(c)))
}

/// Why an answer does not fit its question. The message reads after "the answer to X" and
/// never repeats the answer itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("names an option the question does not have")]
    NoSuchOption,
    #[error("names the same option twice")]
    Repeated,
    #[error("combines \"{0}\" with other choices")]
    SkipCombined(String),
    /// A tick beside a "not sure" option already ticked.
    #[error("adds a choice beside \"{0}\"")]
    SkipTicked(String),
    #[error("needs at least {}", choices(*.0))]
    TooFew(usize),
    #[error("allows at most {}", choices(*.0))]
    TooMany(usize),
    #[error("must be a whole number from {0} to {1}")]
    OutOfRange(i64, i64),
    #[error("is longer than {0} characters")]
    TooLong(usize),
    #[error("{0}")]
    UnsafeText(String),
    #[error("does not fit a {0} question")]
    WrongKind(&'static str),
}

/// "1 choice", "3 choices".
fn choices(n: usize) -> String {
    if n == 1 {
        "1 choice".to_string()
    } else {
        format!("{n} choices")
    }
}

/// Whether ticking option `index` of a multi question, with `chosen` already ticked, keeps the
/// answer within the question's rules: a "not sure" option stands alone, and no more than
/// `max_choices`. Unticking is always allowed. Both front ends ask this at the tick, so that
/// the person hears what is wrong when they do it, not later on Enter.
pub fn tick(question: &Question, chosen: &[usize], index: usize) -> Result<(), Problem> {
    let QuestionKind::Multi {
        options,
        max_choices,
        ..
    } = &question.kind
    else {
        return Ok(());
    };
    if chosen.contains(&index) || index >= options.len() {
        return Ok(());
    }
    let ticked_skip = chosen.iter().copied().find(|&i| options[i].skip);
    match (options[index].skip, ticked_skip) {
        (true, _) if !chosen.is_empty() => {
            return Err(Problem::SkipCombined(options[index].label.clone()));
        }
        (false, Some(skip)) => return Err(Problem::SkipTicked(options[skip].label.clone())),
        _ => {}
    }
    match max_choices {
        Some(max) if chosen.len() >= *max => Err(Problem::TooMany(*max)),
        _ => Ok(()),
    }
}

/// Checks an answer against its question: the option indices exist, a multi respects its
/// limits, a scale value is in range, a text fits.
pub fn check(question: &Question, answer: &Answer) -> Result<(), Problem> {
    match (&question.kind, answer) {
        (QuestionKind::Single { options }, Answer::Choice(i)) => {
            if *i < options.len() {
                Ok(())
            } else {
                Err(Problem::NoSuchOption)
            }
        }
        (
            QuestionKind::Multi {
                options,
                min_choices,
                max_choices,
            },
            Answer::Choices(list),
        ) => {
            if list.iter().any(|i| *i >= options.len()) {
                return Err(Problem::NoSuchOption);
            }
            let mut sorted = list.clone();
            sorted.sort_unstable();
            sorted.dedup();
            if sorted.len() != list.len() {
                return Err(Problem::Repeated);
            }
            let skip = list.iter().copied().find(|i| options[*i].skip);
            if let (Some(skip), true) = (skip, list.len() > 1) {
                return Err(Problem::SkipCombined(options[skip].label.clone()));
            }
            if let Some(min) = min_choices
                && skip.is_none()
                && list.len() < *min
            {
                return Err(Problem::TooFew(*min));
            }
            if let Some(max) = max_choices
                && list.len() > *max
            {
                return Err(Problem::TooMany(*max));
            }
            Ok(())
        }
        (QuestionKind::Scale(scale), Answer::Scale(v)) => {
            if (scale.min..=scale.max).contains(v) {
                Ok(())
            } else {
                Err(Problem::OutOfRange(scale.min, scale.max))
            }
        }
        (QuestionKind::Text { max_length, .. }, Answer::Text(t)) => {
            if t.chars().count() > *max_length {
                Err(Problem::TooLong(*max_length))
            } else if let Some(problem) = crate::text::text_problem(t, true) {
                Err(Problem::UnsafeText(problem))
            } else {
                Ok(())
            }
        }
        (kind, _) => Err(Problem::WrongKind(kind.name())),
    }
}

/// The most options a multi question may have for [`every_combination`] to be worth calling:
/// 2^12 - 1 = 4,095 combinations. The search for a settled result and the balance audit both
/// stop here (a question with more is treated by its range, or one tick at a time).
pub const MAX_ENUMERATED_OPTIONS: usize = 12;

/// Every valid answer to a multi question: each non-empty combination of its options that its
/// `min_choices` and `max_choices` allow. There are 2^n - 1 combinations, so callers keep this
/// to questions with at most [`MAX_ENUMERATED_OPTIONS`] options.
#[must_use]
pub fn every_combination(question: &Question) -> Vec<Answer> {
    let count = question.options().len();
    (1u32..(1 << count))
        .map(|bits| Answer::Choices((0..count).filter(|o| bits & (1 << o) != 0).collect()))
        .filter(|a| check(question, a).is_ok())
        .collect()
}
