//! Plain mode: the questionnaire as a linear conversation of lines, for screen readers and
//! scripts. Pure: it takes one input line at a time and returns the text to print; the binary
//! reads stdin and writes stdout. No cursor movement, no colour, no redraws: every line makes
//! sense read aloud in order. Every sentence comes from the interface words (`[ui]`).

mod ending;
mod input;
mod offers;
mod parse;
mod records;
mod show;

pub use input::{InputLine, read_line};
pub use records::Request;

use crate::recording::{Asking, Choosing};

use parse::parse;
use show::{line, para};

use crate::answers::{Answer, Answers};
use crate::clinician::ClinicianRecord;
use crate::questionnaire::Questionnaire;
use crate::report;
use crate::session::{Action, Effect, Refusal, Session, Stage};
use crate::text::clean;
use crate::ui_text::{UiText, cleared_text, fill};

/// How a plain session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The result was shown.
    Finished,
    /// A red answer stopped it; crisis lines were shown.
    Stopped,
    /// The person left.
    Left,
    /// Ctrl+X (then Enter): the person left at once, asked nothing; the shell clears the screen.
    Quick,
}

/// Ctrl+X, as a terminal in line mode passes it on.
const QUICK_EXIT: char = '\u{18}';

/// What the next input line answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Waiting {
    /// The current question (or the review).
    Question,
    /// "Leave now?"
    QuitConfirmation,
    /// "See your result now?"
    OfferReply,
    /// "Before you go on": keep going, or the result now?
    CautionReply,
    /// A line of text for a record (a note, the reference, a reason, a file name).
    Text(Asking),
    /// A numbered choice for a record (a report's format, an override).
    Choice(Choosing),
    /// The result was shown: a record can still be saved, or Enter leaves.
    AfterResult,
    /// "Someone at home may check this device": save anyway, or not.
    SaveCheck,
}

/// A plain-mode conversation over one session.
pub struct Plain<'q> {
    session: Session<'q>,
    region: Option<String>,
    /// Input comes from a script: no hints or prompts between questions, and the last answer
    /// goes straight to the result.
    scripted: bool,
    /// What the next line answers.
    waiting: Waiting,
    /// Clinician mode: notes, reference and override, kept beside the computed result.
    clinician: Option<ClinicianRecord>,
    /// A file the shell is asked to write.
    request: Option<Request>,
    /// What to say about the saved answers this carries on from, at the start.
    resumed: Option<String>,
}

impl<'q> Plain<'q> {
    #[must_use]
    pub fn new(questionnaire: &'q Questionnaire, region: Option<String>, scripted: bool) -> Self {
        Self::with_answers(questionnaire, Answers::new(questionnaire), region, scripted)
    }

    /// A conversation that carries on from saved answers (at the first unanswered question).
    #[must_use]
    pub fn with_answers(
        questionnaire: &'q Questionnaire,
        answers: Answers,
        region: Option<String>,
        scripted: bool,
    ) -> Self {
        Self {
            session: Session::with_answers(questionnaire, answers),
            region,
            scripted,
            waiting: Waiting::Question,
            clinician: None,
            request: None,
            resumed: None,
        }
    }

    /// Says at the start what this carries on from (the file, dropped answers, clinician mode).
    #[must_use]
    pub fn resumed_from(mut self, said: String) -> Self {
        self.resumed = Some(said);
        self
    }

    /// Clinician mode, with a saved session's notes, reference and override if there are any.
    #[must_use]
    pub fn with_clinician(mut self, record: ClinicianRecord) -> Self {
        self.session = self.session.keeping_flags();
        self.session.resumed_with_record(&record);
        self.clinician = Some(record);
        self
    }

    /// The clinician's record, in clinician mode.
    #[must_use]
    pub fn clinician(&self) -> Option<&ClinicianRecord> {
        self.clinician.as_ref()
    }

    /// The region whose crisis lines come first.
    #[must_use]
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// Who reads: a clinician sees flag levels and figures, a person plain words.
    fn reader(&self) -> report::Reader<'_> {
        report::Reader::for_mode(self.clinician.is_some(), self.region.as_deref())
    }

    #[must_use]
    pub fn session(&self) -> &Session<'q> {
        &self.session
    }

    fn ui(&self) -> &'q UiText {
        &self.session.questionnaire().ui
    }

    /// The opening: title, introduction, disclaimer, where to find help now, and the first
    /// question.
    pub fn opening(&mut self) -> String {
        let meta = &self.session.questionnaire().meta;
        let ui = self.ui();
        let mut out = String::new();
        line(&mut out, &meta.title);
        if self.is_over() {
            // Saved answers holding a red answer: the crisis panel first, and nothing else.
            out.push('\n');
            out.push_str(&self.show_stage());
            return out;
        }
        para(&mut out, &meta.intro);
        para(&mut out, &meta.disclaimer);
        para(
            &mut out,
            if self.session.is_resumed() {
                &ui.plain_stored_resumed
            } else {
                &ui.plain_stored
            },
        );
        if let Some(said) = &self.resumed {
            line(&mut out, said);
        }
        line(&mut out, &self.crisis_footer());
        if !self.scripted {
            line(&mut out, &ui.plain_how);
            if self.clinician.is_some() {
                line(&mut out, &ui.plain_clinician_how);
            }
        }
        out.push('\n');
        let _ = self.session.apply(Action::Start);
        out.push_str(&self.show_stage());
        out
    }

    /// True once there is nothing left to answer: the crisis panel or the result was shown.
    #[must_use]
    pub fn is_over(&self) -> bool {
        matches!(self.session.stage(), Stage::Stopped | Stage::Finished)
    }

    /// Responds to one line of input; `Some(end)` when the conversation is over.
    pub fn respond(&mut self, input: &str) -> (String, Option<End>) {
        let input = input.trim_end_matches(['\r', '\n']);
        // Ctrl+X leaves at once, as in the full-screen app, from any prompt: the device-safety
        // words promise it (a line needs Enter, so it is Ctrl+X then Enter here).
        if !self.scripted && input.contains(QUICK_EXIT) {
            return (String::new(), Some(End::Quick));
        }
        let waiting = std::mem::replace(&mut self.waiting, Waiting::Question);
        if waiting == Waiting::QuitConfirmation {
            if input.trim().eq_ignore_ascii_case("y") {
                return (format!("{}\n", self.left_words()), Some(End::Left));
            }
            return (
                format!("{}\n\n{}", self.ui().plain_staying, self.show_stage()),
                None,
            );
        }
        if waiting == Waiting::OfferReply {
            return self.on_offer(input);
        }
        match waiting {
            Waiting::CautionReply => return self.on_caution(input),
            Waiting::Text(asking) => return (self.on_text(asking, input), None),
            Waiting::Choice(choosing) => return (self.on_choice(choosing, input), None),
            Waiting::AfterResult => return self.after_result(input),
            Waiting::SaveCheck => return (self.on_save_check(input), None),
            Waiting::Question | Waiting::QuitConfirmation | Waiting::OfferReply => {}
        }
        match self.session.stage() {
            Stage::Asking(q) => self.on_question(q, input),
            Stage::Review => self.on_review(input),
            Stage::Welcome | Stage::Finished | Stage::Stopped => {
                (String::new(), Some(End::Finished))
            }
        }
    }

    /// The longest input line worth reading: the longest text answer the questionnaire allows
    /// (four bytes a character at most, in UTF-8) plus a margin for commands and numbers.
    #[must_use]
    pub fn max_line_bytes(&self) -> usize {
        let longest = self
            .session
            .questionnaire()
            .questions
            .iter()
            .filter_map(|q| match q.kind {
                crate::questionnaire::QuestionKind::Text { max_length, .. } => Some(max_length),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        longest * 4 + 1024
    }

    /// A line that could not be read as an answer (too long, or not text): say why and ask the
    /// same question again. Nothing is lost.
    #[must_use]
    pub fn unreadable(&self, line: &InputLine) -> String {
        let ui = self.ui();
        let why = match line {
            InputLine::TooLong => fill(
                &ui.plain_line_too_long,
                &[("max", &self.max_line_bytes().to_string())],
            ),
            _ => ui.plain_not_text.clone(),
        };
        format!("{why}\n\n{}", self.show_stage())
    }

    /// Ctrl+D (the end of input) on a terminal, with answers or notes no file holds: asked as
    /// `q` is, once, so that a stray Ctrl+D never throws the answers away unasked. `None` when
    /// the input really ends (a script, nothing at stake, or already asked).
    pub fn input_ended(&mut self) -> Option<String> {
        if self.scripted
            || self.waiting == Waiting::QuitConfirmation
            || !self.loses_work()
            || self.is_over()
        {
            return None;
        }
        Some(self.quit().0)
    }

    /// What to say (on stderr) when the input ends before the questionnaire does.
    #[must_use]
    pub fn end_of_input(&self) -> String {
        match self.session.stage() {
            Stage::Asking(q) => {
                let question = &self.session.questionnaire().questions[q];
                format!(
                    "the input ended before question \"{}\" ({}) was answered",
                    question.id,
                    clean(&question.prompt, false)
                )
            }
            _ => "the input ended before the result was asked for".to_string(),
        }
    }

    fn on_question(&mut self, q: usize, input: &str) -> (String, Option<End>) {
        if let Some(reply) = self.record_command(input) {
            return (reply, None);
        }
        match input.trim() {
            "b" | "B" => return (self.apply(Action::Back), None),
            "r" | "R" => return (self.apply(Action::OpenReview), None),
            "?" => return (self.help(q), None),
            "q" | "Q" => return self.quit(),
            _ => {}
        }
        let ui = self.ui();
        let question = &self.session.questionnaire().questions[q];
        // An empty line keeps a saved answer that no one can type today (a retired option).
        let parsed = match self
            .session
            .answers()
            .retired(self.session.questionnaire(), q)
        {
            Some(earlier) if input.trim().is_empty() => Ok(Some(earlier.clone())),
            _ => parse(ui, question, input),
        };
        let action = match parsed {
            Ok(Some(answer)) if self.session.flag_stays(q, &answer) => {
                return (format!("{}\n\n{}", ui.flag_locked, self.show_stage()), None);
            }
            Ok(Some(answer)) => Action::Answer(answer),
            Ok(None) => Action::Skip,
            Err(reason) => return (format!("{reason}\n\n{}", self.show_stage()), None),
        };
        let echo = match &action {
            Action::Answer(Answer::Text(text)) => {
                fill(&ui.plain_wrote, &[("answer", &clean(text, false))])
            }
            Action::Answer(answer) => fill(
                &ui.plain_chose,
                &[("answer", &clean(&answer.describe(question), false))],
            ),
            _ => ui.plain_skipped.clone(),
        };
        let (said, effect) = self.say_effect(action);
        if effect == Some(Effect::Caution) {
            let caution = self.caution();
            if self.scripted {
                return (
                    format!("{echo}\n{said}{caution}\n{}", self.show_stage()),
                    None,
                );
            }
            self.waiting = Waiting::CautionReply;
            return (format!("{echo}\n{said}{caution}"), None);
        }
        if let Some(offer) = self.offer() {
            return (format!("{echo}\n{said}{offer}"), None);
        }
        let reply = format!("{said}\n{}", self.show_stage());
        match self.session.stage() {
            // A script runs to the end: after the last question comes the result, not a review.
            Stage::Review if self.scripted => {
                let (result, end) = self.finish();
                (format!("{echo}\n\n{result}"), end)
            }
            Stage::Stopped => (format!("{echo}\n{reply}"), Some(End::Stopped)),
            _ => (format!("{echo}\n{reply}"), None),
        }
    }

    fn on_review(&mut self, input: &str) -> (String, Option<End>) {
        if let Some(reply) = self.record_command(input) {
            return (reply, None);
        }
        match input.trim() {
            "" => self.finish(),
            "b" | "B" => (self.apply(Action::Back), None),
            "q" | "Q" => self.quit(),
            "?" | "r" | "R" => (self.show_stage(), None),
            number => {
                let picked = number.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
                let question = picked.and_then(|n| self.session.shown_questions().nth(n));
                match question {
                    Some(q) => (self.apply(Action::Edit(q)), None),
                    None => (format!("{}\n", self.ui().plain_review_pick), None),
                }
            }
        }
    }

    fn refusal(&self, refusal: &Refusal) -> String {
        refusal.words(self.ui())
    }

    /// Applies an action and says what happened, then shows where the session is now.
    fn apply(&mut self, action: Action) -> String {
        let said = self.say(action);
        format!("{said}\n{}", self.show_stage())
    }

    /// Applies an action and says what happened beyond moving on: cleared answers or a refusal.
    fn say(&mut self, action: Action) -> String {
        self.say_effect(action).0
    }

    /// [`Self::say`], and the effect of an accepted action.
    fn say_effect(&mut self, action: Action) -> (String, Option<Effect>) {
        let ui = self.ui();
        match self.session.apply(action) {
            Ok(Effect::Cleared(hidden)) => (
                format!("{}\n", cleared_text(ui, hidden.len())),
                Some(Effect::Cleared(hidden)),
            ),
            Ok(effect) => (String::new(), Some(effect)),
            Err(refusal) => (format!("{}\n", self.refusal(&refusal)), None),
        }
    }
}
