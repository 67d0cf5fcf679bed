//! Plain mode's record keeping, as typed commands: `save` keeps the answers so far, `report`
//! saves the result in a chosen format, and in clinician mode `note`, `session note`,
//! `reference` and (after the result) `override`. Each is confirmed in words. Pure: writing a
//! file is the shell's, asked for with a [`Request`] and reported back with
//! [`Plain::request_done`].

use super::show::line;
use super::{Plain, Waiting};
pub use crate::recording::Request;
use crate::recording::{Asking, Choosing, Submitted, submit};
use crate::session::Stage;
use crate::ui_text::fill;

impl Plain<'_> {
    /// The reply to a record-keeping command, or `None` when `input` is not one here.
    pub(super) fn record_command(&mut self, input: &str) -> Option<String> {
        let clinician = self.clinician.is_some();
        let stage = self.session.stage();
        let at_result = stage == Stage::Finished;
        match input.trim().to_lowercase().as_str() {
            "save" if self.session.answers().is_empty() => {
                Some(format!("{}\n", self.ui().nothing_to_save))
            }
            // A person whose home may not be safe is asked first (a clinician is not: the
            // device is the clinic's).
            "save" if self.asks_before_saving() => {
                self.waiting = Waiting::SaveCheck;
                Some(format!("{}\n", self.ui().plain_save_check))
            }
            "save" => {
                self.request = Some(Request::SaveAnswers);
                Some(String::new())
            }
            "report" if at_result => Some(self.choose(Choosing::Report)),
            "override" if clinician && at_result => Some(self.choose(Choosing::Override)),
            "note" if clinician => Some(self.ask(Asking::note_at(stage))),
            "session note" if clinician => Some(self.ask(Asking::SessionNote)),
            "reference" if clinician => Some(self.ask(Asking::Reference)),
            _ => None,
        }
    }

    /// A person whose home may not be safe is told before a file is saved (a clinician is
    /// not: the device is the clinic's).
    fn asks_before_saving(&self) -> bool {
        // A script answers one line a question: a question of its own would shift every answer.
        !self.scripted && self.session.warns_before_saving(self.clinician.is_some())
    }

    /// The reply to "save anyway?": `save` again saves; anything else leaves it unsaved.
    pub(super) fn on_save_check(&mut self, input: &str) -> String {
        if input.trim().eq_ignore_ascii_case("save") {
            self.request = Some(Request::SaveAnswers);
            return String::new();
        }
        format!(
            "{}\n\n{}",
            self.ui().plain_save_not_kept,
            self.back_to_stage()
        )
    }

    /// Asks for a line of text.
    fn ask(&mut self, asking: Asking) -> String {
        let ui = self.ui();
        self.waiting = Waiting::Text(asking);
        let prompt = match asking {
            Asking::QuestionNote(_) => ui.plain_note_prompt.clone(),
            Asking::SessionNote => ui.plain_session_note_prompt.clone(),
            Asking::Reference => ui.plain_reference_prompt.clone(),
            Asking::OverrideReason(_) => ui.plain_override_reason.clone(),
            Asking::ReportPath(format) => {
                fill(&ui.plain_report_path, &[("path", format.default_path())])
            }
        };
        format!("{prompt}\n")
    }

    /// Asks for a numbered choice.
    fn choose(&mut self, choosing: Choosing) -> String {
        self.waiting = Waiting::Choice(choosing);
        let ui = self.ui();
        let intro = match choosing {
            Choosing::Report => &ui.plain_report_pick,
            Choosing::Override => &ui.plain_override_pick,
        };
        let mut out = String::new();
        if choosing == Choosing::Report
            && self.session.warns_before_saving(self.clinician.is_some())
        {
            line(&mut out, &ui.report_check);
        }
        line(&mut out, intro);
        for (n, item) in choosing
            .items(self.session.questionnaire())
            .iter()
            .enumerate()
        {
            line(&mut out, &format!("  {}. {item}", n + 1));
        }
        out
    }

    /// The line typed for what was asked: kept and confirmed, then back to where the person
    /// was; refused and asked again; or a request for the shell.
    pub(super) fn on_text(&mut self, asking: Asking, input: &str) -> String {
        let questionnaire = self.session.questionnaire();
        match submit(asking, input, questionnaire, &mut self.clinician) {
            Submitted::Write(request) => {
                self.request = Some(request);
                String::new()
            }
            Submitted::Refused(why) => format!("{why}\n{}", self.ask(asking)),
            Submitted::Kept(said) => format!("{said}\n\n{}", self.back_to_stage()),
        }
    }

    /// The number typed for a choice; an empty line cancels.
    pub(super) fn on_choice(&mut self, choosing: Choosing, input: &str) -> String {
        let reply = input.trim();
        if reply.is_empty() {
            return self.back_to_stage();
        }
        match reply.parse::<usize>().ok().and_then(|n| choosing.pick(n)) {
            Some(asking) => self.ask(asking),
            None => self.choose(choosing),
        }
    }

    /// What the shell did with a request, in words, and where the person is now; a report that
    /// could not be written asks for another name.
    pub fn request_done(&mut self, request: &Request, result: Result<String, String>) -> String {
        match (request, &result) {
            (Request::SaveAnswers, Ok(_)) => self.session.answers_saved(self.clinician.as_ref()),
            (Request::Report { .. }, Ok(_)) => self.session.report_saved(),
            (_, Err(_)) => {}
        }
        match (request, result) {
            (Request::Report { format, .. }, Err(why)) => {
                format!("{why}\n{}", self.ask(Asking::ReportPath(*format)))
            }
            (_, Ok(said) | Err(said)) => format!("{said}\n\n{}", self.back_to_stage()),
        }
    }

    /// The request the shell should carry out now, if any.
    pub fn take_request(&mut self) -> Option<Request> {
        self.request.take()
    }

    /// Where the person was: the question again, the review's prompt, or the commands after the
    /// result. Not the whole review or result again: printed after a confirmation, a long list
    /// scrolls it out of sight (a holdout tester, S13, could not tell whether `save` had worked).
    pub(super) fn back_to_stage(&mut self) -> String {
        match self.session.stage() {
            Stage::Finished => self.after_result_hint(),
            Stage::Review => format!("{}\n", self.ui().plain_review_prompt),
            _ => self.show_stage(),
        }
    }

    /// After the result, in an interactive session: what can still be done.
    pub(super) fn after_result_hint(&mut self) -> String {
        self.waiting = Waiting::AfterResult;
        let ui = self.ui();
        let hint = if self.clinician.is_some() {
            &ui.plain_after_result_clinician
        } else {
            &ui.plain_after_result
        };
        format!("{hint}\n")
    }
}
