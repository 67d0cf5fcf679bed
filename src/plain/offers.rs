//! What plain mode offers between questions: the caution once the answers call for a
//! professional first, and a settled result before the end.

use super::parse::parse;
use super::show::{line, para};
use super::{End, Plain, Waiting};
use crate::panels::Caution;
use crate::report;
use crate::session::{Action, Stage};

impl Plain<'_> {
    /// "s" takes the offer to see the result now and an empty line keeps answering. A command
    /// (back, review, help, quit) is taken as that. An answer is never given to a question the
    /// person has not seen: a line that would answer the next question asks again, saying so.
    pub(super) fn on_offer(&mut self, input: &str) -> (String, Option<End>) {
        let reply = input.trim();
        if reply.eq_ignore_ascii_case("s") {
            return match self.session.apply(Action::FinishEarly) {
                Ok(_) => self.result_reached(),
                Err(refusal) => (
                    format!("{}\n\n{}", self.refusal(&refusal), self.show_stage()),
                    None,
                ),
            };
        }
        let Stage::Asking(q) = self.session.stage() else {
            return (self.show_stage(), None);
        };
        if reply.is_empty() {
            self.session.decline_offer();
            return (format!("\n{}", self.show_stage()), None);
        }
        if let Some(reply) = self.record_command(input) {
            self.session.decline_offer();
            return (reply, None);
        }
        if is_question_command(reply) {
            self.session.decline_offer();
            return self.on_question(q, input);
        }
        let again = self.ui().plain_settled_again.clone();
        self.ask_again(q, input, Waiting::OfferReply, &again)
    }

    /// The safety screen ended with a caution: what was noticed in plain words and where to get
    /// help now, said at once rather than with the result.
    pub(super) fn caution(&self) -> String {
        let questionnaire = self.session.questionnaire();
        let ui = self.ui();
        let mut out = String::new();
        para(&mut out, &ui.caution_title);
        line(&mut out, &ui.caution_text);
        let outcome = self.session.score_now();
        let caution = Caution::new(
            questionnaire,
            &outcome,
            self.clinician.is_some(),
            self.region.as_deref(),
        );
        for noticed in &caution.noticed {
            line(&mut out, &format!("- {noticed}"));
        }
        for help in &caution.help {
            line(&mut out, help);
        }
        if !self.scripted {
            line(&mut out, &ui.plain_caution_keys);
        }
        out
    }

    /// "r" shows the result now and an empty line keeps going. A command (back, help, quit,
    /// save) is taken as that. Anything else asks again, saying that nothing was answered if
    /// it would answer the next question: a holdout tester's "3" for the age question had been
    /// taken as "keep going", and every answer after it landed one question late.
    pub(super) fn on_caution(&mut self, input: &str) -> (String, Option<End>) {
        let reply = input.trim();
        if reply.eq_ignore_ascii_case("r") {
            return match self.session.apply(Action::FinishEarly) {
                Ok(_) => self.result_reached(),
                Err(refusal) => (
                    format!("{}\n\n{}", self.refusal(&refusal), self.show_stage()),
                    None,
                ),
            };
        }
        let Stage::Asking(q) = self.session.stage() else {
            return (format!("\n{}", self.show_stage()), None);
        };
        if reply.is_empty() {
            return (format!("\n{}", self.show_stage()), None);
        }
        if let Some(reply) = self.record_command(input) {
            return (reply, None);
        }
        if is_question_command(reply) {
            return self.on_question(q, input);
        }
        let keys = self.ui().plain_caution_keys.clone();
        self.ask_again(q, input, Waiting::CautionReply, &keys)
    }

    /// Asks again for the reply to an offer or a caution, in `keys`' words, and says first that
    /// nothing was answered when `input` would have answered question `q`: the next question,
    /// which the person has not seen yet.
    fn ask_again(
        &mut self,
        q: usize,
        input: &str,
        waiting: Waiting,
        keys: &str,
    ) -> (String, Option<End>) {
        self.waiting = waiting;
        let question = &self.session.questionnaire().questions[q];
        if matches!(parse(self.ui(), question, input), Ok(Some(_))) {
            return (
                format!("{}\n{keys}\n", self.ui().plain_offer_not_an_answer),
                None,
            );
        }
        (format!("{keys}\n"), None)
    }

    /// Once nothing left can change the result, the offer to see it now (interactive, once).
    pub(super) fn offer(&mut self) -> Option<String> {
        if self.scripted {
            return None;
        }
        let reach = self.session.offer_due()?;
        self.waiting = Waiting::OfferReply;
        let ui = self.ui();
        let now = self.session.score_now();
        let text = report::settled_offer(self.session.questionnaire(), &reach, &now);
        let mut out = String::new();
        line(&mut out, &text);
        line(&mut out, &ui.plain_settled_keys);
        Some(out)
    }
}

/// The one-letter commands every question takes (back, review, help, quit): at an offer or a
/// caution they are handed on to the question, not taken as a reply. (At a caution "r" means
/// "see my result now", and is read before this.)
fn is_question_command(reply: &str) -> bool {
    matches!(reply, "b" | "B" | "r" | "R" | "?" | "q" | "Q")
}
