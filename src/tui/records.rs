//! What goes on record from the interactive app: exporting a report from the result screen, and
//! in clinician mode notes, the client reference, a shown-weights view and an override with its
//! reason. The prompts and pick lists live here; the app only routes intents to them.

use super::app::{App, Control, Overlay};
use super::draft::Draft;
use super::keymap::Intent;
use crate::clinician::{ClinicianRecord, OVERRIDES, Override};
pub use crate::report::ExportFormat;
use crate::scoring::Recommendation;
use crate::session::Stage;
use crate::ui_text::fill;

/// What a one-line text prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    QuestionNote(usize),
    SessionNote,
    Reference,
    OverrideReason(Recommendation),
    ExportPath(ExportFormat),
}

/// What a numbered pick list is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Export,
    Override,
}

/// An open text prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub purpose: Purpose,
    pub draft: Draft,
}

impl Prompt {
    fn new(purpose: Purpose, text: &str) -> Self {
        let mut draft = Draft::Text {
            text: String::new(),
            cursor: 0,
            multiline: false,
            max_length: 2000,
        };
        draft.insert(text);
        Self { purpose, draft }
    }

    #[must_use]
    pub fn text(&self) -> String {
        match &self.draft {
            Draft::Text { text, .. } => text.trim().to_string(),
            _ => String::new(),
        }
    }
}

impl App<'_> {
    /// Routes the record-keeping keys; `None` when the intent is not one of them.
    pub(super) fn on_record_key(&mut self, intent: &Intent) -> Option<Control> {
        let clinician = self.clinician.is_some();
        let stage = self.session.stage();
        let at_result = matches!(stage, Stage::Finished | Stage::Stopped);
        match intent {
            Intent::Export if at_result => self.open_pick(Pick::Export),
            Intent::Note if clinician => {
                let (purpose, existing) = match stage {
                    Stage::Asking(q) => (
                        Purpose::QuestionNote(q),
                        self.question_note(q).unwrap_or_default(),
                    ),
                    _ => (
                        Purpose::SessionNote,
                        self.clinician
                            .as_ref()
                            .and_then(|c| c.session_note.clone())
                            .unwrap_or_default(),
                    ),
                };
                self.open_prompt(purpose, &existing);
            }
            Intent::Reference if clinician => {
                let existing = self
                    .clinician
                    .as_ref()
                    .and_then(|c| c.reference.clone())
                    .unwrap_or_default();
                self.open_prompt(Purpose::Reference, &existing);
            }
            Intent::Weights if clinician => self.show_weights = !self.show_weights,
            Intent::Override if clinician && stage == Stage::Finished => {
                self.open_pick(Pick::Override);
            }
            Intent::Export
            | Intent::Note
            | Intent::Reference
            | Intent::Weights
            | Intent::Override => {}
            _ => return None,
        }
        Some(Control::Continue)
    }

    /// A dialog opens clean: no earlier error is shown inside it.
    fn open_prompt(&mut self, purpose: Purpose, text: &str) {
        self.prompt = Some(Prompt::new(purpose, text));
        self.overlay = Some(Overlay::Prompt);
        self.notice = None;
    }

    fn open_pick(&mut self, pick: Pick) {
        self.overlay = Some(Overlay::Pick(pick));
        self.notice = None;
    }

    /// The note on a question, in clinician mode.
    #[must_use]
    pub fn question_note(&self, q: usize) -> Option<String> {
        let id = &self.session.questionnaire().questions[q].id;
        let record = self.clinician.as_ref()?;
        record
            .question_notes
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, note)| note.clone())
    }

    /// A key on a numbered pick list.
    pub(super) fn on_pick(&mut self, pick: Pick, intent: &Intent) {
        let Intent::Digit(n) = intent else {
            self.overlay = None;
            // Any other key closes the list, so that text typed by mistake cannot run on into
            // choosing a format and naming a file after it; a cancel needs no words.
            if !matches!(intent, Intent::No | Intent::Quit | Intent::Back) {
                let ui = &self.session.questionnaire().ui;
                self.notify(ui.pick_closed.clone(), true);
            }
            return;
        };
        let index = usize::try_from(*n).unwrap_or(0).wrapping_sub(1);
        match pick {
            Pick::Export => {
                if let Some(format) = ExportFormat::ALL.get(index) {
                    self.open_prompt(Purpose::ExportPath(*format), format.default_path());
                }
            }
            Pick::Override => {
                if let Some(recommendation) = OVERRIDES.get(index) {
                    self.open_prompt(Purpose::OverrideReason(*recommendation), "");
                }
            }
        }
    }

    /// A key in a text prompt: typing edits it, Enter submits, Esc cancels.
    pub(super) fn on_prompt(&mut self, intent: Intent) -> Control {
        let Some(prompt) = self.prompt.as_mut() else {
            self.overlay = None;
            return Control::Continue;
        };
        match intent {
            Intent::Type(text) => prompt.draft.insert(&text),
            Intent::DeleteBack => {
                prompt.draft.backspace();
            }
            Intent::Left => prompt.draft.move_cursor(-1),
            Intent::Right => prompt.draft.move_cursor(1),
            Intent::Quit | Intent::No => self.close_prompt(),
            Intent::Enter => return self.submit_prompt(),
            _ => {}
        }
        Control::Continue
    }

    fn close_prompt(&mut self) {
        self.prompt = None;
        self.overlay = None;
    }

    fn submit_prompt(&mut self) -> Control {
        let Some(prompt) = self.prompt.clone() else {
            return Control::Continue;
        };
        let text = prompt.text();
        let id_of = |q: usize| self.session.questionnaire().questions[q].id.clone();
        match prompt.purpose {
            Purpose::ExportPath(format) => {
                if text.is_empty() {
                    return Control::Continue;
                }
                return Control::Export { format, path: text };
            }
            Purpose::OverrideReason(recommendation) => {
                if text.is_empty() {
                    let ui = &self.session.questionnaire().ui;
                    self.notify(ui.override_needs_reason.clone(), true);
                    return Control::Continue;
                }
                self.record().override_recommendation = Some(Override {
                    recommendation,
                    reason: text,
                });
                let said = self.session.questionnaire().ui.override_saved.clone();
                self.notify(said, false);
            }
            Purpose::QuestionNote(q) => {
                let id = id_of(q);
                let questionnaire = self.session.questionnaire();
                let kept = self.record().set_question_note(questionnaire, &id, &text);
                let ui = &self.session.questionnaire().ui;
                let said = if kept {
                    &ui.note_saved
                } else {
                    &ui.note_removed
                };
                self.notify(said.clone(), false);
            }
            Purpose::SessionNote => {
                let kept = !text.is_empty();
                self.record().session_note = kept.then_some(text);
                let ui = &self.session.questionnaire().ui;
                let said = if kept {
                    &ui.session_note_saved
                } else {
                    &ui.session_note_removed
                };
                self.notify(said.clone(), false);
            }
            Purpose::Reference => {
                let kept = !text.is_empty();
                self.record().reference = kept.then(|| text.clone());
                let ui = &self.session.questionnaire().ui;
                let said = if kept {
                    fill(&ui.reference_saved, &[("reference", &text)])
                } else {
                    ui.reference_removed.clone()
                };
                self.notify(said, false);
            }
        }
        self.close_prompt();
        Control::Continue
    }

    fn record(&mut self) -> &mut ClinicianRecord {
        self.clinician.get_or_insert_with(ClinicianRecord::default)
    }

    /// Reports back after the shell tried to write an export: success closes the prompt, a
    /// failure leaves it open to choose another name.
    pub fn export_done(&mut self, result: Result<String, String>) {
        match result {
            Ok(said) => {
                self.close_prompt();
                self.notify(said, false);
            }
            Err(reason) => self.notify(reason, true),
        }
    }
}
