//! Plain mode: the questionnaire as a linear conversation of lines, for screen readers and
//! scripts. Pure: it takes one input line at a time and returns the text to print; the binary
//! reads stdin and writes stdout. No cursor movement, no colour, no redraws: every line makes
//! sense read aloud in order. Every sentence comes from the interface words (`[ui]`).

use std::fmt::Write as _;

use crate::answers::{Answer, Answers};
use crate::crisis::ordered_lines;
use crate::questionnaire::{Question, QuestionKind, Questionnaire, Section};
use crate::report;
use crate::session::{Action, Effect, Refusal, Session, Stage};
use crate::text::{clean, strip_unsafe};
use crate::ui_text::{UiText, fill, refusal_text};

/// How a plain session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The result was shown.
    Finished,
    /// A red answer stopped it; crisis lines were shown.
    Stopped,
    /// The person left.
    Left,
}

/// What the next input line answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Waiting {
    /// The current question (or the review).
    Question,
    /// "Leave now?"
    QuitConfirmation,
    /// "See your result now?"
    OfferReply,
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
    /// The person chose to keep answering once; the offer is not made again.
    offer_declined: bool,
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
            offer_declined: false,
        }
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
        para(&mut out, &meta.intro);
        para(&mut out, &meta.disclaimer);
        para(&mut out, &ui.plain_stored);
        line(&mut out, &self.crisis_footer());
        if !self.scripted {
            line(&mut out, &ui.plain_how);
        }
        out.push('\n');
        let _ = self.session.apply(Action::Start);
        out.push_str(&self.show_stage());
        out
    }

    /// Responds to one line of input; `Some(end)` when the conversation is over.
    pub fn respond(&mut self, input: &str) -> (String, Option<End>) {
        let input = input.trim_end_matches(['\r', '\n']);
        let waiting = std::mem::replace(&mut self.waiting, Waiting::Question);
        if waiting == Waiting::QuitConfirmation {
            if input.trim().eq_ignore_ascii_case("y") {
                return (format!("{}\n", self.ui().plain_left), Some(End::Left));
            }
            return (
                format!("{}\n\n{}", self.ui().plain_staying, self.show_stage()),
                None,
            );
        }
        if waiting == Waiting::OfferReply {
            return self.on_offer(input);
        }
        match self.session.stage() {
            Stage::Asking(q) => self.on_question(q, input),
            Stage::Review => self.on_review(input),
            Stage::Welcome | Stage::Finished | Stage::Stopped => {
                (String::new(), Some(End::Finished))
            }
        }
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
        match input.trim() {
            "b" | "B" => return (self.apply(Action::Back), None),
            "r" | "R" => return (self.apply(Action::OpenReview), None),
            "?" => return (self.help(q), None),
            "q" | "Q" => return self.quit(),
            _ => {}
        }
        let ui = self.ui();
        let question = &self.session.questionnaire().questions[q];
        let action = match parse(ui, question, input) {
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
        let said = self.say(action);
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

    /// "s" takes the offer to see the result now; anything else keeps answering.
    fn on_offer(&mut self, input: &str) -> (String, Option<End>) {
        if input.trim().eq_ignore_ascii_case("s") {
            return match self.session.apply(Action::FinishEarly) {
                Ok(_) => (self.show_stage(), Some(End::Finished)),
                Err(refusal) => (
                    format!("{}\n\n{}", self.refusal(&refusal), self.show_stage()),
                    None,
                ),
            };
        }
        self.offer_declined = true;
        (format!("\n{}", self.show_stage()), None)
    }

    /// Once nothing left can change the result, the offer to see it now (interactive, once).
    fn offer(&mut self) -> Option<String> {
        if self.scripted || self.offer_declined || !matches!(self.session.stage(), Stage::Asking(_))
        {
            return None;
        }
        let reach = self.session.reach();
        if !reach.settled {
            return None;
        }
        self.waiting = Waiting::OfferReply;
        let ui = self.ui();
        let q = self.session.questionnaire();
        let result = reach
            .reachable
            .first()
            .map_or_else(String::new, |r| report::recommendation_label(q, *r));
        let text = match reach.unanswered {
            1 => fill(&ui.settled_offer_one, &[("result", &result)]),
            n => fill(
                &ui.settled_offer,
                &[("result", &result), ("n", &n.to_string())],
            ),
        };
        let mut out = String::new();
        line(&mut out, &text);
        line(&mut out, &ui.plain_settled_keys);
        Some(out)
    }

    fn on_review(&mut self, input: &str) -> (String, Option<End>) {
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

    fn finish(&mut self) -> (String, Option<End>) {
        match self.session.apply(Action::Finish) {
            Ok(_) => (self.show_stage(), Some(End::Finished)),
            Err(refusal) => (
                format!("{}\n\n{}", self.refusal(&refusal), self.show_stage()),
                None,
            ),
        }
    }

    fn quit(&mut self) -> (String, Option<End>) {
        if self.scripted || self.session.answers().is_empty() {
            return (format!("{}\n", self.ui().plain_left), Some(End::Left));
        }
        self.waiting = Waiting::QuitConfirmation;
        (format!("{}\n", self.ui().plain_confirm_quit), None)
    }

    fn refusal(&self, refusal: &Refusal) -> String {
        refusal_text(self.ui(), refusal)
    }

    /// Applies an action and says what happened, then shows where the session is now.
    fn apply(&mut self, action: Action) -> String {
        let said = self.say(action);
        format!("{said}\n{}", self.show_stage())
    }

    /// Applies an action and says what happened beyond moving on: cleared answers or a refusal.
    fn say(&mut self, action: Action) -> String {
        let ui = self.ui();
        match self.session.apply(action) {
            Ok(Effect::Cleared(hidden)) => match hidden.len() {
                1 => format!("{}\n", ui.cleared_one),
                n => format!("{}\n", fill(&ui.cleared_many, &[("n", &n.to_string())])),
            },
            Ok(_) => String::new(),
            Err(refusal) => format!("{}\n", self.refusal(&refusal)),
        }
    }

    /// The text for the current stage: a question, the review, the result or the crisis panel.
    fn show_stage(&self) -> String {
        match self.session.stage() {
            Stage::Asking(q) => self.question(q),
            Stage::Review => self.review(),
            Stage::Finished => {
                let outcome = self.session.outcome();
                let q = self.session.questionnaire();
                format!(
                    "{}\n{}\n",
                    report::text(q, self.session.answers(), &outcome),
                    self.crisis_footer()
                )
            }
            Stage::Stopped => self.crisis(),
            Stage::Welcome => String::new(),
        }
    }

    fn question(&self, q: usize) -> String {
        let questionnaire = self.session.questionnaire();
        let ui = self.ui();
        let question = &questionnaire.questions[q];
        let progress = self.session.progress();
        let section = match question.section {
            Section::Safety => ui.section_safety.clone(),
            Section::Scored(k) => questionnaire.dimensions[k].label.clone(),
            Section::Info => ui.section_info.clone(),
        };
        let mut out = String::new();
        let heading = fill(
            &ui.plain_question,
            &[
                ("position", &progress.position.to_string()),
                ("total", &progress.shown.to_string()),
                ("section", &section),
            ],
        );
        line(&mut out, &heading);
        line(&mut out, &question.prompt);
        let current = self.session.answers().get(q);
        match &question.kind {
            QuestionKind::Single { options } | QuestionKind::Multi { options, .. } => {
                for (i, option) in options.iter().enumerate() {
                    let chosen = current.is_some_and(|a| a.chosen().contains(&i));
                    let mark = if chosen {
                        format!(" {}", ui.plain_your_answer)
                    } else {
                        String::new()
                    };
                    line(&mut out, &format!("  {}. {}{mark}", i + 1, option.label));
                }
            }
            QuestionKind::Scale(scale) => {
                let label =
                    |l: &Option<String>| l.as_deref().map_or(String::new(), |l| format!(" ({l})"));
                let range = fill(
                    &ui.plain_scale_range,
                    &[
                        ("min", &scale.min.to_string()),
                        ("min_label", &label(&scale.min_label)),
                        ("max", &scale.max.to_string()),
                        ("max_label", &label(&scale.max_label)),
                    ],
                );
                line(&mut out, &format!("  {range}"));
            }
            QuestionKind::Text { .. } => {}
        }
        if let Some(answer @ (Answer::Scale(_) | Answer::Text(_))) = current {
            let so_far = fill(
                &ui.plain_answer_so_far,
                &[("answer", &answer.describe(question))],
            );
            line(&mut out, &format!("  {so_far}"));
        }
        if !self.scripted {
            line(&mut out, &hint(ui, question));
        }
        out
    }

    fn review(&self) -> String {
        let q = self.session.questionnaire();
        let ui = self.ui();
        let mut out = String::new();
        line(&mut out, &ui.plain_review_heading);
        for (n, i) in self.session.shown_questions().enumerate() {
            let question = &q.questions[i];
            let answer = self
                .session
                .answers()
                .get(i)
                .map_or_else(|| ui.not_answered.clone(), |a| a.describe(question));
            let item = fill(
                &ui.plain_review_item,
                &[
                    ("n", &(n + 1).to_string()),
                    ("question", &question.prompt),
                    ("answer", &answer),
                ],
            );
            line(&mut out, &format!("  {item}"));
        }
        line(&mut out, &ui.plain_review_prompt);
        out
    }

    fn help(&self, q: usize) -> String {
        let ui = self.ui();
        let question = &self.session.questionnaire().questions[q];
        let mut out = String::new();
        if let Some(help) = &question.help {
            line(&mut out, &fill(&ui.plain_help_about, &[("text", help)]));
        }
        if let Some(why) = &question.why {
            line(&mut out, &fill(&ui.plain_help_why, &[("text", why)]));
        }
        line(&mut out, &hint(ui, question));
        line(&mut out, &ui.plain_help_commands);
        out.push('\n');
        out.push_str(&self.question(q));
        out
    }

    fn crisis(&self) -> String {
        let ui = self.ui();
        let mut out = String::new();
        line(&mut out, &ui.crisis_title);
        para(&mut out, &ui.crisis_text);
        let (lines, _) = ordered_lines(self.session.questionnaire(), self.region.as_deref());
        for crisis in lines {
            line(
                &mut out,
                &format!(
                    "{} ({}): {} {}",
                    crisis.service, crisis.region, crisis.contact, crisis.url
                ),
            );
        }
        line(&mut out, &ui.crisis_elsewhere);
        para(&mut out, &ui.plain_stopped);
        out
    }

    fn crisis_footer(&self) -> String {
        let ui = self.ui();
        let (lines, _) = ordered_lines(self.session.questionnaire(), self.region.as_deref());
        lines.first().map_or_else(
            || ui.plain_no_line.clone(),
            |l| {
                fill(
                    &ui.plain_footer,
                    &[("service", &l.service), ("contact", &l.contact)],
                )
            },
        )
    }
}

/// How to answer this kind of question, in one sentence.
fn hint(ui: &UiText, question: &Question) -> String {
    let skip = if question.required {
        ""
    } else {
        ui.plain_hint_skip.as_str()
    };
    let how = match &question.kind {
        QuestionKind::Single { options } => {
            fill(&ui.plain_hint_single, &[("n", &options.len().to_string())])
        }
        QuestionKind::Multi { max_choices, .. } => {
            let limit = max_choices.map_or(String::new(), |m| {
                fill(&ui.plain_hint_multi_limit, &[("n", &m.to_string())])
            });
            fill(&ui.plain_hint_multi, &[("limit", &limit)])
        }
        QuestionKind::Scale(scale) => fill(
            &ui.plain_hint_scale,
            &[
                ("min", &scale.min.to_string()),
                ("max", &scale.max.to_string()),
            ],
        ),
        QuestionKind::Text { .. } => ui.plain_hint_text.clone(),
    };
    format!("{how}{skip}")
}

/// Reads one line as an answer: `Ok(None)` for an empty line (skip), `Err` with a one-line
/// reason when it does not fit.
fn parse(ui: &UiText, question: &Question, input: &str) -> Result<Option<Answer>, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return if question.required {
            Err(ui.needs_answer.clone())
        } else {
            Ok(None)
        };
    }
    let answer = match &question.kind {
        QuestionKind::Single { options } => {
            Answer::Choice(number_in(ui, trimmed, options.len())? - 1)
        }
        QuestionKind::Multi { options, .. } => Answer::Choices(
            trimmed
                .split([' ', ','])
                .filter(|part| !part.is_empty())
                .map(|part| number_in(ui, part, options.len()).map(|n| n - 1))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        QuestionKind::Scale(scale) => {
            let value = trimmed
                .parse::<i64>()
                .ok()
                .filter(|v| (scale.min..=scale.max).contains(v));
            Answer::Scale(value.ok_or_else(|| {
                fill(
                    &ui.plain_pick_value,
                    &[
                        ("min", &scale.min.to_string()),
                        ("max", &scale.max.to_string()),
                    ],
                )
            })?)
        }
        QuestionKind::Text { .. } => Answer::Text(strip_unsafe(trimmed, false)),
    };
    crate::answers::check(question, &answer)
        .map_err(|problem| refusal_text(ui, &Refusal::Invalid(problem)))?;
    Ok(Some(answer))
}

fn number_in(ui: &UiText, text: &str, high: usize) -> Result<usize, String> {
    text.parse::<usize>()
        .ok()
        .filter(|n| (1..=high).contains(n))
        .ok_or_else(|| {
            fill(
                &ui.plain_pick_number,
                &[("min", "1"), ("max", &high.to_string())],
            )
        })
}

fn line(out: &mut String, text: &str) {
    let _ = writeln!(out, "{}", clean(text, true));
}

fn para(out: &mut String, text: &str) {
    if !text.trim().is_empty() {
        out.push('\n');
        line(out, text.trim_end());
    }
}
