//! Answering on a question screen and moving about the review: digits, Enter, skipping, going
//! back, editing the draft answer. A question whose answer can call for help first is answered
//! with care (a digit highlights, Enter confirms); in clinician mode a flagged answer stays.

use super::app::App;
use super::draft::{Draft, Submission};
use super::keymap::Intent;
use super::notice::Notice;
use crate::session::{Action, Stage};
use crate::ui_text::fill;

impl App<'_> {
    pub(super) fn on_question(&mut self, q: usize, intent: Intent) {
        let options = self.session.questionnaire().questions[q].options().len();
        match intent {
            Intent::Enter => self.submit(),
            Intent::Skip => self.act(Action::Skip),
            Intent::Back => self.act(Action::Back),
            Intent::Review => self.act(Action::OpenReview),
            Intent::Digit(n) => self.pick(n, options),
            Intent::DeleteBack => {
                // Backspace in an empty field goes back, as it does everywhere else.
                if !self.draft.as_mut().is_some_and(Draft::backspace) {
                    self.act(Action::Back);
                }
            }
            Intent::Toggle => self.toggle(),
            other => {
                if let Some(draft) = self.draft.as_mut() {
                    edit(draft, other, options);
                }
            }
        }
    }

    /// Ticks or unticks the highlighted option of a multi question, refusing at once, in
    /// words, a tick the question's rules do not allow (too many, or "not sure" with others).
    fn toggle(&mut self) {
        let (
            Stage::Asking(q),
            Some(Draft::Multi {
                cursor: Some(at),
                chosen,
            }),
        ) = (self.session.stage(), self.draft.as_ref())
        else {
            return;
        };
        let ticked: Vec<usize> = (0..chosen.len()).filter(|&i| chosen[i]).collect();
        let question = &self.session.questionnaire().questions[q];
        if let Err(problem) = crate::answers::tick(question, &ticked, *at) {
            let ui = &self.session.questionnaire().ui;
            self.notice = Some(Notice {
                text: crate::ui_text::refusal_text(ui, &crate::session::Refusal::Invalid(problem)),
                warning: true,
            });
            return;
        }
        if let Some(draft) = self.draft.as_mut() {
            draft.toggle();
        }
    }

    /// A digit picks an option directly: on a single question it also goes on, on a multi it
    /// toggles that option, on a scale it sets the value.
    pub(super) fn pick(&mut self, n: u32, options: usize) {
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        if !draft.pick(n, options) {
            self.notice = Some(Notice {
                text: fill(
                    &self.session.questionnaire().ui.no_such_choice,
                    &[("n", &n.to_string())],
                ),
                warning: true,
            });
            return;
        }
        // On a question whose answer can call for help first a digit only highlights: Enter
        // confirms, so that a slip of the finger cannot answer "yes" to a question that stops
        // the questionnaire, and the Enter typed out of habit after a digit confirms the answer
        // rather than dismissing the caution it raises.
        let with_care = matches!(self.session.stage(), Stage::Asking(q)
            if crate::safety::asks_with_care(&self.session.questionnaire().questions[q]));
        match draft {
            Draft::Single { .. } if !with_care => self.submit(),
            Draft::Multi { .. } => self.toggle(),
            Draft::Single { .. } | Draft::Scale { .. } | Draft::Text { .. } => {}
        }
    }

    pub(super) fn submit(&mut self) {
        let Some(draft) = &self.draft else { return };
        match draft.submission() {
            Submission::Untouched => {
                let Stage::Asking(q) = self.session.stage() else {
                    return;
                };
                let ui = &self.session.questionnaire().ui;
                let question = &self.session.questionnaire().questions[q];
                let text = match (question.required, matches!(draft, Draft::Multi { .. })) {
                    (_, true) => ui.choose_first_multi.clone(),
                    (true, false) => ui.choose_first_required.clone(),
                    (false, false) => ui.choose_first.clone(),
                };
                self.notice = Some(Notice {
                    text,
                    warning: true,
                });
            }
            Submission::Answer(answer) => self.act(Action::Answer(answer)),
            Submission::Skip => self.act(Action::Skip),
        }
    }

    pub(super) fn on_review(&mut self, intent: &Intent) {
        let items = self.session.shown_questions().count() + 1;
        match intent {
            Intent::Up => self.review_cursor = self.review_cursor.saturating_sub(1),
            Intent::Down => self.review_cursor = (self.review_cursor + 1).min(items - 1),
            Intent::PageUp => self.review_cursor = self.review_cursor.saturating_sub(10),
            Intent::PageDown => self.review_cursor = (self.review_cursor + 10).min(items - 1),
            Intent::Home => self.review_cursor = 0,
            Intent::End => self.review_cursor = items - 1,
            Intent::Enter if self.review_cursor == 0 => self.act(Action::Finish),
            Intent::Enter => {
                let question = self.session.shown_questions().nth(self.review_cursor - 1);
                if let Some(q) = question {
                    self.act(Action::Edit(q));
                }
            }
            Intent::Back => self.act(Action::Back),
            _ => {}
        }
    }
}

/// Edits the draft: moving the highlight, the scale value or the text cursor, toggling, typing.
fn edit(draft: &mut Draft, intent: Intent, options: usize) {
    const FAR: i64 = 1 << 32;
    let text = matches!(draft, Draft::Text { .. });
    let delta = match intent {
        Intent::Up | Intent::Down if text => return,
        Intent::Up | Intent::Left => -1,
        Intent::Down | Intent::Right => 1,
        Intent::Home => -FAR,
        Intent::End => FAR,
        _ => 0,
    };
    if delta != 0 {
        if text {
            draft.move_cursor(delta);
        } else {
            draft.step(delta, options);
        }
        return;
    }
    match intent {
        Intent::Type(typed) => draft.insert(&typed),
        Intent::NewLine => draft.insert("\n"),
        _ => {}
    }
}
