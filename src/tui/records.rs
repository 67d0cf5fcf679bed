//! What goes on record from the interactive app: exporting a report from the result screen, and
//! in clinician mode notes, the client reference, a shown-weights view and an override with its
//! reason. The prompts and pick lists live here; the app only routes intents to them.

use super::app::{App, Control};
use super::draft::Draft;
use super::keymap::Intent;
use super::notice::Notice;
use super::overlays::Overlay;
use crate::recording::{Asking, Choosing, Submitted, submit};
use crate::session::Stage;

/// An open text prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub asking: Asking,
    pub draft: Draft,
}

impl Prompt {
    fn new(asking: Asking, text: &str) -> Self {
        let mut draft = Draft::Text {
            text: String::new(),
            cursor: 0,
            multiline: false,
            max_length: 2000,
        };
        draft.insert(text);
        Self { asking, draft }
    }

    #[must_use]
    pub fn text(&self) -> String {
        match &self.draft {
            Draft::Text { text, .. } => text.clone(),
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
            // From the crisis panel only a clinician saves a report (the panel says so).
            Intent::Export
                if stage == Stage::Finished || (stage == Stage::Stopped && clinician) =>
            {
                self.open(Overlay::Pick(Choosing::Report));
            }
            Intent::Note if clinician => self.open_prompt(Asking::note_at(stage)),
            Intent::Reference if clinician => self.open_prompt(Asking::Reference),
            Intent::Weights if clinician => self.look.show_weights = !self.look.show_weights,
            Intent::Override if clinician && stage == Stage::Finished => {
                self.open(Overlay::Pick(Choosing::Override));
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

    /// A prompt for `asking`, starting with what is kept already (or the default file name).
    fn open_prompt(&mut self, asking: Asking) {
        let text = asking.starting_text(self.session.questionnaire(), self.clinician.as_ref());
        self.open(Overlay::Prompt(Prompt::new(asking, &text)));
    }

    /// A key on a numbered pick list.
    pub(super) fn on_pick(&mut self, choosing: Choosing, intent: &Intent) {
        let Intent::Digit(n) = intent else {
            self.overlay = None;
            // Any other key closes the list, so that text typed by mistake cannot run on into
            // choosing a format and naming a file after it; a cancel needs no words.
            if *intent != Intent::Cancel {
                let ui = &self.session.questionnaire().ui;
                self.notice = Some(Notice::warning(ui.pick_closed.clone()));
            }
            return;
        };
        if let Some(asking) = usize::try_from(*n).ok().and_then(|n| choosing.pick(n)) {
            self.open_prompt(asking);
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
            Intent::Cancel => self.overlay = None,
            Intent::Enter => {
                let (asking, text) = (prompt.asking, prompt.text());
                return self.submit_prompt(asking, &text);
            }
            _ => {}
        }
        Control::Continue
    }

    /// Enter in a prompt: a file name goes to the shell to write; anything else is kept in the
    /// clinician's record and said in a notice as the prompt closes, or refused and said in it.
    fn submit_prompt(&mut self, asking: Asking, text: &str) -> Control {
        let questionnaire = self.session.questionnaire();
        match submit(asking, text, questionnaire, &mut self.clinician) {
            Submitted::Write(request) => return Control::Write(request),
            Submitted::Refused(why) => self.notice = Some(Notice::warning(why)),
            Submitted::Kept(said) => {
                self.overlay = None;
                self.notice = Some(Notice::said(said));
            }
        }
        Control::Continue
    }

    /// Reports back after the shell tried to write a report: success closes the prompt, a
    /// failure leaves it open to choose another name. A report does not keep the answers (it
    /// cannot be carried on from), so leaving still asks.
    pub fn export_done(&mut self, result: Result<String, String>) {
        match result {
            Ok(said) => {
                self.overlay = None;
                self.notice = Some(Notice::said(said));
                self.session.report_saved();
            }
            Err(reason) => self.notice = Some(Notice::warning(reason)),
        }
    }
}
