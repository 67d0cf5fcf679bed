//! How a plain conversation ends: the result (then what can still be kept), and leaving, asking
//! first when work would be lost and saying what was kept.

use super::{End, Plain, Waiting};
use crate::session::Action;

impl Plain<'_> {
    pub(super) fn finish(&mut self) -> (String, Option<End>) {
        match self.session.apply(Action::Finish) {
            Ok(_) => self.result_reached(),
            Err(refusal) => (
                format!("{}\n\n{}", self.refusal(&refusal), self.show_stage()),
                None,
            ),
        }
    }

    /// The result is shown. A script ends there; a person may still save a record, and leaves
    /// with Enter.
    pub(super) fn result_reached(&mut self) -> (String, Option<End>) {
        let result = self.show_stage();
        if self.scripted {
            return (result, Some(End::Finished));
        }
        (format!("{result}\n{}", self.after_result_hint()), None)
    }

    /// After the result: a record command, or Enter (or q) to leave, saying what was kept.
    pub(super) fn after_result(&mut self, input: &str) -> (String, Option<End>) {
        match input.trim() {
            "" | "q" | "Q" => (format!("{}\n", self.left_words()), Some(End::Finished)),
            _ => match self.record_command(input) {
                Some(reply) => (reply, None),
                None => (self.after_result_hint(), None),
            },
        }
    }

    pub(super) fn quit(&mut self) -> (String, Option<End>) {
        if self.scripted || !self.loses_work() {
            return (format!("{}\n", self.left_words()), Some(End::Left));
        }
        self.waiting = Waiting::QuitConfirmation;
        let ask = if self.session.ever_saved() {
            &self.ui().plain_confirm_quit_since_save
        } else if self.session.was_reported() {
            &self.ui().plain_confirm_quit_reported
        } else {
            &self.ui().plain_confirm_quit
        };
        (format!("{ask}\n"), None)
    }

    /// Leaving now would lose answers or notes no file holds.
    pub(super) fn loses_work(&self) -> bool {
        self.session
            .leaving_loses_work(self.clinician.as_ref(), false)
    }

    /// What is said on leaving: that nothing was saved, that the answers are in the saved file,
    /// or that what changed since was not kept.
    pub(super) fn left_words(&self) -> &str {
        let ui = self.ui();
        match (self.session.ever_saved(), self.loses_work()) {
            (false, _) if self.session.was_reported() => &ui.plain_left_reported,
            (false, _) => &ui.plain_left,
            (true, false) => &ui.plain_left_saved,
            (true, true) => &ui.plain_left_since_save,
        }
    }
}
