//! Plain mode's record keeping, as typed commands: `save` keeps the answers so far, `report`
//! saves the result in a chosen format, and in clinician mode `note`, `session note`,
//! `reference` and (after the result) `override`. Each is confirmed in words. Pure: writing a
//! file is the shell's, asked for with a [`Request`] and reported back with
//! [`Plain::request_done`].

use super::show::line;
use super::{Plain, Waiting};
use crate::clinician::{OVERRIDES, Override};
use crate::report::{self, ExportFormat};
use crate::scoring::Recommendation;
use crate::session::Stage;
use crate::ui_text::fill;

/// What the shell is asked to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The answers so far, with a clinician's work, to a new private answers file.
    SaveAnswers,
    /// The record in `format`, to a new private file at `path`.
    Report { format: ExportFormat, path: String },
}

/// A line of text being asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Asking {
    QuestionNote(usize),
    SessionNote,
    Reference,
    OverrideReason(Recommendation),
    ReportPath(ExportFormat),
}

/// A numbered choice being asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Choosing {
    Override,
    Report,
}

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
            "save" => {
                self.request = Some(Request::SaveAnswers);
                Some(String::new())
            }
            "report" if at_result => Some(self.choose(Choosing::Report)),
            "override" if clinician && at_result => Some(self.choose(Choosing::Override)),
            "note" if clinician => Some(self.ask(match stage {
                Stage::Asking(q) => Asking::QuestionNote(q),
                _ => Asking::SessionNote,
            })),
            "session note" if clinician => Some(self.ask(Asking::SessionNote)),
            "reference" if clinician => Some(self.ask(Asking::Reference)),
            _ => None,
        }
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
        let ui = self.ui();
        self.waiting = Waiting::Choice(choosing);
        let (intro, items): (&str, Vec<String>) = match choosing {
            Choosing::Report => (
                &ui.plain_report_pick,
                ExportFormat::ALL
                    .iter()
                    .map(|f| f.label(ui).to_string())
                    .collect(),
            ),
            Choosing::Override => (
                &ui.plain_override_pick,
                OVERRIDES
                    .iter()
                    .map(|r| report::recommendation_label(self.session.questionnaire(), *r))
                    .collect(),
            ),
        };
        let mut out = String::new();
        line(&mut out, intro);
        for (n, item) in items.iter().enumerate() {
            line(&mut out, &format!("  {}. {item}", n + 1));
        }
        out
    }

    /// The line typed for what was asked: kept, confirmed, and back to where the person was.
    pub(super) fn on_text(&mut self, asking: Asking, input: &str) -> String {
        let text = input.trim().to_string();
        let ui = self.ui();
        let kept = !text.is_empty();
        let said = match asking {
            Asking::ReportPath(format) => {
                let path = if kept {
                    text
                } else {
                    format.default_path().to_string()
                };
                self.request = Some(Request::Report { format, path });
                return String::new();
            }
            Asking::OverrideReason(_) if !kept => {
                return format!("{}\n{}", ui.override_needs_reason, self.ask(asking));
            }
            Asking::OverrideReason(recommendation) => {
                self.record().override_recommendation = Some(Override {
                    recommendation,
                    reason: text,
                });
                let outcome = self.session.outcome();
                let over = self.record().override_recommendation.clone();
                over.map(|o| report::override_sentence(self.session.questionnaire(), &outcome, &o))
                    .unwrap_or_default()
            }
            Asking::QuestionNote(q) => {
                let questionnaire = self.session.questionnaire();
                let id = &questionnaire.questions[q].id;
                self.record().set_question_note(questionnaire, id, &text);
                if kept {
                    &ui.note_saved
                } else {
                    &ui.note_removed
                }
                .clone()
            }
            Asking::SessionNote => {
                self.record().session_note = kept.then_some(text);
                if kept {
                    &ui.session_note_saved
                } else {
                    &ui.session_note_removed
                }
                .clone()
            }
            Asking::Reference => {
                self.record().reference = kept.then(|| text.clone());
                if kept {
                    fill(&ui.reference_saved, &[("reference", &text)])
                } else {
                    ui.reference_removed.clone()
                }
            }
        };
        format!("{said}\n\n{}", self.back_to_stage())
    }

    /// The number typed for a choice; an empty line cancels.
    pub(super) fn on_choice(&mut self, choosing: Choosing, input: &str) -> String {
        let reply = input.trim();
        if reply.is_empty() {
            return self.back_to_stage();
        }
        let picked = reply.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
        match (choosing, picked) {
            (Choosing::Report, Some(n)) if n < ExportFormat::ALL.len() => {
                self.ask(Asking::ReportPath(ExportFormat::ALL[n]))
            }
            (Choosing::Override, Some(n)) if n < OVERRIDES.len() => {
                self.ask(Asking::OverrideReason(OVERRIDES[n]))
            }
            _ => self.choose(choosing),
        }
    }

    /// What the shell did with a request, in words, and where the person is now; a report that
    /// could not be written asks for another name.
    pub fn request_done(&mut self, request: &Request, result: Result<String, String>) -> String {
        if let (Request::SaveAnswers, Ok(_)) = (request, &result) {
            self.session.answers_saved(self.clinician.as_ref());
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

    /// Where the person was: the question again, the review, or the commands after the result
    /// (not the whole result again).
    pub(super) fn back_to_stage(&mut self) -> String {
        if self.session.stage() == Stage::Finished {
            return self.after_result_hint();
        }
        self.show_stage()
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

    fn record(&mut self) -> &mut crate::clinician::ClinicianRecord {
        self.clinician.get_or_insert_with(Default::default)
    }
}
