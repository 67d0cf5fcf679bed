//! The session: a pure state machine over one questionnaire that both the full-screen UI and the
//! plain line mode drive. It takes actions and says what happened; it never reads a key or draws.
//!
//! Flow: welcome -> questions in asking order (the screens first; then, by default, the question
//! that could still move the result most; see `scoring::asking_order`), skipping those `show_if`
//! hides -> review -> finished. A red answer stops everything at once, and saved answers holding one
//! open stopped: the same safety review decides both.

use crate::answers::{Answer, Answers, Problem, visible};
use crate::clinician::ClinicianRecord;
use crate::questionnaire::Questionnaire;
pub use crate::safety::highest_flag;
use crate::scoring::{Outcome, Reach, asking_order, reach, score};
use crate::ui_text::{UiText, fill};

mod applying;
mod saving;

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Welcome,
    /// Asking the question with this index (into `questionnaire.questions`).
    Asking(usize),
    Review,
    /// A red answer: the questionnaire stopped and crisis support is shown.
    Stopped,
    Finished,
}

/// What the person means to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Start,
    /// Answer the current question and go on.
    Answer(Answer),
    /// Leave the current question unanswered and go on (not for required questions).
    Skip,
    Back,
    OpenReview,
    /// From the review: open this question to change its answer.
    Edit(usize),
    /// From the review: see the result.
    Finish,
    /// From a question: see the result now, leaving the rest unanswered (when it is settled).
    FinishEarly,
}

/// What an accepted action did, beyond moving to `Session::stage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Moved,
    /// The answer hid these questions, whose answers were cleared.
    Cleared(Vec<usize>),
    /// A red answer stopped the questionnaire.
    Stopped,
    /// The answer ended the safety screen with a caution (amber), or raised one past it: the
    /// person should be told now, not only with the result, and offered the result straight
    /// away. Once per session.
    Caution,
    Finished,
}

/// Why an action was refused; the session is unchanged. The message is fit to show a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The answer does not fit the question; says why.
    #[error("this answer {0}")]
    Invalid(Problem),
    /// This question must be answered.
    #[error("this question needs an answer before you go on")]
    Required,
    /// Some required question is unanswered: this one.
    #[error("a required question is still unanswered")]
    Unanswered(usize),
    /// Already at the first question.
    #[error("this is the first question")]
    AtStart,
    /// The action makes no sense at this stage.
    #[error("that is not possible here")]
    NotHere,
    /// In clinician mode, a red or amber answer stays on record: it cannot be changed away.
    #[error("this answer raised a flag and stays on record")]
    FlagLocked,
}

impl Refusal {
    /// The refusal in the interface's words.
    #[must_use]
    pub fn words(&self, ui: &UiText) -> String {
        match self {
            Refusal::Invalid(Problem::TooFew(n)) => {
                fill(&ui.too_few_choices, &[("n", &n.to_string())])
            }
            Refusal::Invalid(Problem::TooMany(n)) => {
                fill(&ui.too_many_choices, &[("n", &n.to_string())])
            }
            Refusal::Invalid(Problem::SkipCombined(option)) => {
                fill(&ui.skip_combined, &[("option", option)])
            }
            Refusal::Invalid(Problem::SkipTicked(option)) => {
                fill(&ui.skip_ticked, &[("option", option)])
            }
            Refusal::Invalid(Problem::OutOfRange(min, max)) => fill(
                &ui.plain_pick_value,
                &[("min", &min.to_string()), ("max", &max.to_string())],
            ),
            Refusal::Invalid(_) => ui.invalid_answer.clone(),
            Refusal::Required => ui.needs_answer.clone(),
            Refusal::Unanswered(_) => ui.unanswered_required.clone(),
            Refusal::AtStart => ui.first_question.clone(),
            Refusal::NotHere => String::new(),
            Refusal::FlagLocked => ui.flag_locked.clone(),
        }
    }
}

/// Progress through the questions shown so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// 1-based position of the current question among those shown (0 off the questions).
    pub position: usize,
    pub shown: usize,
    pub answered: usize,
}

// Independent facts about how the session got here, each read on its own: an enum would
// have to name every combination.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone)]
pub struct Session<'q> {
    questionnaire: &'q Questionnaire,
    answers: Answers,
    order: Vec<usize>,
    shown: Vec<bool>,
    stage: Stage,
    /// Set while changing an answer opened from the review: answering returns there.
    editing_from_review: bool,
    /// The question the review was opened from: leaving the review goes back to it.
    review_opened_from: Option<usize>,
    /// The question last changed from the review: the review points at it on return.
    review_focus: Option<usize>,
    /// The caution after the safety screen has been given.
    caution_given: bool,
    /// The session carries on from saved answers.
    resumed: bool,
    /// The person took the offer to see a settled result before the end.
    finished_early: bool,
    /// The questions still to come when the offer was taken: never asked.
    not_asked: Vec<usize>,
    /// The person said no to seeing a settled result early: it is not offered again.
    offer_declined: bool,
    /// Clinician mode: a flagged answer stays on record.
    flags_stay: bool,
    /// What the last answers file saved held (the answers, and a clinician's record), so that
    /// leaving asks first only when something would be lost.
    saved: Option<(Answers, Option<ClinicianRecord>)>,
    /// A report of this session was saved: leaving still loses the answers (a report cannot be
    /// carried on from), and the words that ask say so.
    reported: bool,
}

impl<'q> Session<'q> {
    #[must_use]
    pub fn new(questionnaire: &'q Questionnaire) -> Self {
        Self::with_answers(questionnaire, Answers::new(questionnaire))
    }

    /// A session that starts from saved answers, at the welcome screen; or, when they hold a
    /// red answer, stopped on the crisis panel at once, exactly as if it had just been given.
    #[must_use]
    pub fn with_answers(questionnaire: &'q Questionnaire, answers: Answers) -> Self {
        let shown = visible(questionnaire, &answers);
        let order = asking_order(questionnaire, &answers);
        let stage = if crate::safety::review(questionnaire, &answers, &shown).is_red() {
            Stage::Stopped
        } else {
            Stage::Welcome
        };
        Self {
            resumed: !answers.is_empty(),
            // They come from a file: leaving without a change loses nothing.
            saved: (!answers.is_empty()).then(|| (answers.clone(), None)),
            questionnaire,
            answers,
            order,
            shown,
            stage,
            editing_from_review: false,
            review_opened_from: None,
            review_focus: None,
            caution_given: false,
            finished_early: false,
            not_asked: Vec::new(),
            offer_declined: false,
            flags_stay: false,
            reported: false,
        }
    }

    /// Clinician mode's rule: a red or amber answer stays on record, for both front ends.
    #[must_use]
    pub fn keeping_flags(mut self) -> Self {
        self.flags_stay = true;
        self
    }

    /// In clinician mode, whether answering `q` with `answer` would change a flagged answer
    /// away (refused with [`Refusal::FlagLocked`]).
    #[must_use]
    pub fn flag_stays(&self, q: usize, answer: &Answer) -> bool {
        self.flags_stay
            && crate::clinician::flag_stays_on_record(self.questionnaire, &self.answers, q, answer)
    }

    /// Whether to offer the result now: asking, not declined before, and nothing left to
    /// answer can change it. The reach says what it is.
    #[must_use]
    pub fn offer_due(&self) -> Option<Reach> {
        if self.offer_declined || !matches!(self.stage, Stage::Asking(_)) {
            return None;
        }
        Some(self.reach()).filter(|reach| reach.settled)
    }

    /// Saving a file is warned about first (and the leave box does not urge it): an answer says
    /// home may not be safe, and someone there may check this device. Never in `clinician`
    /// mode: the device is the clinic's. The one rule both front ends ask.
    #[must_use]
    pub fn warns_before_saving(&self, clinician: bool) -> bool {
        if clinician {
            return false;
        }
        let review = crate::safety::review(self.questionnaire, &self.answers, &self.shown);
        crate::safety::home_may_not_be_safe(&review.flags)
    }

    /// The person would rather keep answering: the offer is not made again this session.
    pub fn decline_offer(&mut self) {
        self.offer_declined = true;
    }

    /// True when the session carries on from saved answers (the crisis panel words it so).
    #[must_use]
    pub fn is_resumed(&self) -> bool {
        self.resumed
    }

    #[must_use]
    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.questionnaire
    }

    #[must_use]
    pub fn stage(&self) -> Stage {
        self.stage
    }

    #[must_use]
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    #[must_use]
    pub fn is_shown(&self, question: usize) -> bool {
        self.shown.get(question).copied().unwrap_or(false)
    }

    /// The questions shown now, in asking order.
    pub fn shown_questions(&self) -> impl Iterator<Item = usize> + '_ {
        self.order.iter().copied().filter(|&i| self.shown[i])
    }

    /// True when the review's "show my result" would be accepted.
    #[must_use]
    pub fn first_unanswered_required(&self) -> Option<usize> {
        self.shown_questions()
            .find(|&i| self.questionnaire.questions[i].required && self.answers.get(i).is_none())
    }

    #[must_use]
    pub fn progress(&self) -> Progress {
        let shown: Vec<usize> = self.shown_questions().collect();
        let position = match self.stage {
            Stage::Asking(q) => shown.iter().position(|&i| i == q).map_or(0, |p| p + 1),
            _ => 0,
        };
        let answered = shown
            .iter()
            .filter(|&&i| self.answers.get(i).is_some())
            .count();
        Progress {
            position,
            shown: shown.len(),
            answered,
        }
    }

    /// What the remaining questions could still change.
    #[must_use]
    pub fn reach(&self) -> Reach {
        reach(self.questionnaire, &self.answers)
    }

    /// The question the review should point at: the one just changed from it, if any.
    #[must_use]
    pub fn review_focus(&self) -> Option<usize> {
        self.review_focus.filter(|&q| self.is_shown(q))
    }

    /// Scores the answers so far now: the whole scoring, with what would change the result.
    /// Not a getter: a screen keeps the outcome it shows rather than call this on every frame.
    #[must_use]
    pub fn score_now(&self) -> Outcome {
        let mut outcome = score(self.questionnaire, &self.answers);
        outcome.finished_early = self.finished_early;
        outcome.not_asked = self
            .not_asked
            .iter()
            .filter(|&&i| self.is_shown(i) && self.answers.get(i).is_none())
            .map(|&i| self.questionnaire.questions[i].id.clone())
            .collect();
        outcome
    }
}
