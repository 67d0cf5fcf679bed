//! What goes on record from the interactive app: exporting a report from the result screen, and
//! in clinician mode notes, the client reference, a shown-weights view and an override with its
//! reason. The prompts and pick lists live here; the app only routes intents to them.

use super::app::{App, Control};
use super::draft::Draft;
use super::keymap::Intent;
use super::notice::Notice;
use super::overlays::Overlay;
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
        match intent {
            Intent::Export if matches!(stage, Stage::Finished | Stage::Stopped) => {
                self.open(Overlay::Pick(Pick::Export));
            }
            Intent::Note if clinician => {
                let (purpose, existing) = match stage {
                    Stage::Asking(q) => {
                        let id = &self.session.questionnaire().questions[q].id;
                        let note = self.clinician.as_ref().and_then(|r| r.question_note(id));
                        (Purpose::QuestionNote(q), note.map(str::to_string))
                    }
                    _ => (Purpose::SessionNote, self.record().session_note.clone()),
                };
                self.open_prompt(purpose, &existing.unwrap_or_default());
            }
            Intent::Reference if clinician => {
                let existing = self.record().reference.clone().unwrap_or_default();
                self.open_prompt(Purpose::Reference, &existing);
            }
            Intent::Weights if clinician => self.look.show_weights = !self.look.show_weights,
            Intent::Override if clinician && stage == Stage::Finished => {
                self.open(Overlay::Pick(Pick::Override));
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

    /// A dialog opens clean: no earlier notice is shown inside it.
    fn open(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.notice = None;
    }

    fn open_prompt(&mut self, purpose: Purpose, text: &str) {
        self.open(Overlay::Prompt(Prompt::new(purpose, text)));
    }

    /// A key on a numbered pick list.
    pub(super) fn on_pick(&mut self, pick: Pick, intent: &Intent) {
        let Intent::Digit(n) = intent else {
            self.overlay = None;
            // Any other key closes the list, so that text typed by mistake cannot run on into
            // choosing a format and naming a file after it; a cancel needs no words.
            if *intent != Intent::No {
                let ui = &self.session.questionnaire().ui;
                self.notice = Some(Notice::warning(ui.pick_closed.clone()));
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
        let Some(Overlay::Prompt(prompt)) = self.overlay.as_mut() else {
            return Control::Continue;
        };
        match intent {
            Intent::Type(text) => prompt.draft.insert(&text),
            Intent::DeleteBack => {
                prompt.draft.backspace();
            }
            Intent::Left => prompt.draft.move_cursor(-1),
            Intent::Right => prompt.draft.move_cursor(1),
            Intent::Home => prompt.draft.move_cursor(-(1 << 32)),
            Intent::End => prompt.draft.move_cursor(1 << 32),
            Intent::No => self.overlay = None,
            Intent::Enter => {
                let (purpose, text) = (prompt.purpose, prompt.text());
                return self.submit_prompt(purpose, text);
            }
            _ => {}
        }
        Control::Continue
    }

    /// Enter in a prompt: a file name goes to the shell to write; anything else is kept in the
    /// clinician's record, said in a notice, and the prompt closes.
    fn submit_prompt(&mut self, purpose: Purpose, text: String) -> Control {
        let said = match purpose {
            Purpose::ExportPath(_) if text.is_empty() => return Control::Continue,
            Purpose::ExportPath(format) => return Control::Export { format, path: text },
            Purpose::OverrideReason(_) if text.is_empty() => {
                let ui = &self.session.questionnaire().ui;
                self.notice = Some(Notice::warning(ui.override_needs_reason.clone()));
                return Control::Continue;
            }
            Purpose::OverrideReason(recommendation) => self.keep_override(recommendation, text),
            Purpose::QuestionNote(q) => self.keep_question_note(q, &text),
            Purpose::SessionNote => self.keep_session_note(text),
            Purpose::Reference => self.keep_reference(text),
        };
        self.overlay = None;
        self.notice = Some(Notice::said(said));
        Control::Continue
    }

    fn keep_override(&mut self, recommendation: Recommendation, reason: String) -> String {
        self.record().override_recommendation = Some(Override {
            recommendation,
            reason,
        });
        self.session.questionnaire().ui.override_saved.clone()
    }

    fn keep_question_note(&mut self, q: usize, text: &str) -> String {
        let questionnaire = self.session.questionnaire();
        let id = &questionnaire.questions[q].id;
        let kept = self.record().set_question_note(questionnaire, id, text);
        let ui = &questionnaire.ui;
        if kept {
            &ui.note_saved
        } else {
            &ui.note_removed
        }
        .clone()
    }

    fn keep_session_note(&mut self, text: String) -> String {
        let kept = !text.is_empty();
        self.record().session_note = kept.then_some(text);
        let ui = &self.session.questionnaire().ui;
        if kept {
            &ui.session_note_saved
        } else {
            &ui.session_note_removed
        }
        .clone()
    }

    fn keep_reference(&mut self, text: String) -> String {
        let ui = &self.session.questionnaire().ui;
        let said = if text.is_empty() {
            ui.reference_removed.clone()
        } else {
            fill(&ui.reference_saved, &[("reference", &text)])
        };
        self.record().reference = (!text.is_empty()).then_some(text);
        said
    }

    fn record(&mut self) -> &mut ClinicianRecord {
        self.clinician.get_or_insert_with(ClinicianRecord::default)
    }

    /// Reports back after the shell tried to write a report: success closes the prompt, a
    /// failure leaves it open to choose another name. A report does not keep the answers (it
    /// cannot be carried on from), so leaving still asks.
    pub fn export_done(&mut self, result: Result<String, String>) {
        match result {
            Ok(said) => {
                self.overlay = None;
                self.notice = Some(Notice::said(said));
            }
            Err(reason) => self.notice = Some(Notice::warning(reason)),
        }
    }
}
