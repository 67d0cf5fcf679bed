//! A question screen: its draft answer, and the keys that edit and submit it. Digits pick,
//! Enter submits, `s` skips, ← goes back. A question whose answer can call for help first is
//! answered with care (a digit highlights, Enter confirms), and a multi-choice question refuses
//! a tick its rules do not allow at once, in words.

mod draw;

use super::Step;
use crate::answers::{Answer, tick};
use crate::questionnaire::Question;
use crate::safety::asks_with_care;
use crate::session::{Action, Refusal, Session};
use crate::tui::draft::{Draft, Submission};
use crate::tui::keymap::{Intent, Layer};
use crate::ui_text::{UiText, fill};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionScreen {
    /// The question, by index in the questionnaire.
    pub(crate) q: usize,
    /// The answer being composed, from the recorded one if any.
    pub(crate) draft: Draft,
    /// A saved answer that chose a retired option: shown apart, and kept by Enter while no
    /// other answer is chosen.
    pub(crate) earlier: Option<Answer>,
}

impl QuestionScreen {
    #[must_use]
    pub fn new(session: &Session<'_>, q: usize) -> Self {
        let question = &session.questionnaire().questions[q];
        Self {
            q,
            draft: Draft::new(question, session.answers().get(q)),
            earlier: session
                .answers()
                .retired(session.questionnaire(), q)
                .cloned(),
        }
    }

    /// The question's key layers: how it is answered, then skipping (hinted only where it is
    /// allowed), going back, and help and leaving.
    #[must_use]
    pub fn layers(&self, session: &Session<'_>) -> Vec<Layer> {
        let question = &session.questionnaire().questions[self.q];
        let skip = if question.required {
            Layer::SkipUnhinted
        } else {
            Layer::Skip
        };
        let (answer, navigate) = match self.draft {
            Draft::Text { .. } => return vec![Layer::TextQuestion, Layer::TextEdit],
            Draft::Scale { .. } => (Layer::Scale, Layer::NavigateScale),
            Draft::Multi { .. } => (Layer::Tick, Layer::Navigate),
            Draft::Single { .. } if asks_with_care(question) => {
                (Layer::ChooseWithCare, Layer::Navigate)
            }
            Draft::Single { .. } => (Layer::Choose, Layer::Navigate),
        };
        vec![answer, skip, navigate, Layer::Leave]
    }

    pub fn handle(&mut self, intent: &Intent, session: &Session<'_>) -> Step {
        let question = &session.questionnaire().questions[self.q];
        let ui = &session.questionnaire().ui;
        match intent {
            Intent::Enter => self.submit(question, ui),
            Intent::Skip => Step::Act(Action::Skip),
            Intent::Back => Step::Act(Action::Back),
            Intent::Review => Step::Act(Action::OpenReview),
            Intent::Digit(n) => self.pick(*n, question, ui),
            // Backspace in an empty field goes back, as it does everywhere else.
            Intent::DeleteBack if !self.draft.backspace() => Step::Act(Action::Back),
            Intent::Toggle => self.toggle(question, ui),
            // Esc in a written answer: leaving from an empty one, but never from text being
            // typed, so that typing on cannot answer "leave?" (seen in a playtest).
            Intent::Stray if self.has_unsubmitted(session) => Step::Warn(ui.text_escape.clone()),
            Intent::Stray => Step::Leave,
            other => {
                edit(&mut self.draft, other, question.offered().len());
                Step::Stay
            }
        }
    }

    /// Whether the draft holds an answer that differs from the recorded one.
    #[must_use]
    pub fn has_unsubmitted(&self, session: &Session<'_>) -> bool {
        let draft = self.draft.answer();
        draft.is_some() && draft.as_ref() != session.answers().get(self.q)
    }

    /// Ticks or unticks the highlighted option of a multi question, refusing at once, in
    /// words, a tick the question's rules do not allow (too many, or "not sure" with others).
    fn toggle(&mut self, question: &Question, ui: &UiText) -> Step {
        let Draft::Multi {
            cursor: Some(at),
            chosen,
        } = &self.draft
        else {
            return Step::Stay;
        };
        let ticked: Vec<usize> = (0..chosen.len()).filter(|&i| chosen[i]).collect();
        if let Err(problem) = tick(question, &ticked, *at) {
            return Step::Warn(Refusal::Invalid(problem).words(ui));
        }
        self.draft.toggle();
        Step::Stay
    }

    /// A digit picks an option directly: on a single question it also goes on, on a multi it
    /// toggles that option, on a scale it sets the value.
    fn pick(&mut self, n: u32, question: &Question, ui: &UiText) -> Step {
        if !self.draft.pick(n, question.offered().len()) {
            return Step::Warn(fill(&ui.no_such_choice, &[("n", &n.to_string())]));
        }
        // On a question whose answer can call for help first a digit only highlights: Enter
        // confirms, so that a slip of the finger cannot answer "yes" to a question that stops
        // the questionnaire, and the Enter typed out of habit after a digit confirms the answer
        // rather than dismissing the caution it raises.
        match self.draft {
            Draft::Single { .. } if !asks_with_care(question) => self.submit(question, ui),
            Draft::Multi { .. } => self.toggle(question, ui),
            _ => Step::Stay,
        }
    }

    /// Enter: the draft as an answer, a skip (an empty text), or what to do first.
    fn submit(&self, question: &Question, ui: &UiText) -> Step {
        match self.draft.submission() {
            Submission::Answer(answer) => Step::Act(Action::Answer(answer)),
            Submission::Skip => Step::Act(Action::Skip),
            Submission::Untouched if let Some(earlier) = &self.earlier => {
                Step::Act(Action::Answer(earlier.clone()))
            }
            Submission::Untouched => {
                let text = match (question.required, matches!(self.draft, Draft::Multi { .. })) {
                    (true, true) => &ui.choose_first_multi_required,
                    (false, true) => &ui.choose_first_multi,
                    (true, false) => &ui.choose_first_required,
                    (false, false) => &ui.choose_first,
                };
                Step::Warn(text.clone())
            }
        }
    }
}

/// Edits the draft: moving the highlight, the scale value or the text cursor, typing.
fn edit(draft: &mut Draft, intent: &Intent, options: usize) {
    const FAR: i64 = 1 << 32;
    let text = matches!(draft, Draft::Text { .. });
    let delta = match intent {
        Intent::Up | Intent::Down if text => return,
        Intent::Up | Intent::Left => -1,
        Intent::Down | Intent::Right => 1,
        Intent::Home => -FAR,
        Intent::End => FAR,
        Intent::Type(typed) => return draft.insert(typed),
        Intent::NewLine => return draft.insert("\n"),
        _ => return,
    };
    if text {
        draft.move_cursor(delta);
    } else {
        draft.step(delta, options);
    }
}
