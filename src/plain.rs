//! Plain mode: the questionnaire as a linear conversation of lines, for screen readers and
//! scripts. Pure: it takes one input line at a time and returns the text to print; the binary
//! reads stdin and writes stdout. No cursor movement, no colour, no redraws: every line makes
//! sense read aloud in order.

use std::fmt::Write as _;

use crate::answers::Answer;
use crate::crisis::{ELSEWHERE, ordered_lines};
use crate::questionnaire::{Question, QuestionKind, Questionnaire, Section};
use crate::report;
use crate::session::{Action, Effect, Refusal, Session, Stage};
use crate::text::{clean, strip_unsafe};

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

/// A plain-mode conversation over one session.
pub struct Plain<'q> {
    session: Session<'q>,
    region: Option<String>,
    /// Input comes from a script: no hints or prompts between questions, and the last answer
    /// goes straight to the result.
    scripted: bool,
    confirming_quit: bool,
}

impl<'q> Plain<'q> {
    #[must_use]
    pub fn new(questionnaire: &'q Questionnaire, region: Option<String>, scripted: bool) -> Self {
        Self {
            session: Session::new(questionnaire),
            region,
            scripted,
            confirming_quit: false,
        }
    }

    #[must_use]
    pub fn session(&self) -> &Session<'q> {
        &self.session
    }

    /// The opening: title, introduction, disclaimer, where to find help now, and the first
    /// question.
    pub fn opening(&mut self) -> String {
        let meta = &self.session.questionnaire().meta;
        let mut out = String::new();
        line(&mut out, &meta.title);
        para(&mut out, &meta.intro);
        para(&mut out, &meta.disclaimer);
        para(&mut out, "Nothing you answer is stored or sent anywhere.");
        line(&mut out, &self.crisis_footer());
        if !self.scripted {
            line(
                &mut out,
                "Type the number of your answer and press Enter. Type b to go back, r to review your answers, ? for help, q to quit.",
            );
        }
        out.push('\n');
        let _ = self.session.apply(Action::Start);
        out.push_str(&self.show_stage());
        out
    }

    /// Responds to one line of input; `Some(end)` when the conversation is over.
    pub fn respond(&mut self, input: &str) -> (String, Option<End>) {
        let input = input.trim_end_matches(['\r', '\n']);
        if self.confirming_quit {
            self.confirming_quit = false;
            if input.trim().eq_ignore_ascii_case("y") {
                return (
                    "You left. Nothing was saved.\n".to_string(),
                    Some(End::Left),
                );
            }
            return (format!("Staying.\n\n{}", self.show_stage()), None);
        }
        match self.session.stage() {
            Stage::Asking(q) => self.on_question(q, input),
            Stage::Review => self.on_review(input),
            Stage::Welcome | Stage::Finished | Stage::Stopped => {
                (String::new(), Some(End::Finished))
            }
        }
    }

    /// What to say when the input ends before the questionnaire does.
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
        let question = &self.session.questionnaire().questions[q];
        let action = match parse(question, input) {
            Ok(Some(answer)) => Action::Answer(answer),
            Ok(None) => Action::Skip,
            Err(reason) => return (format!("{reason}\n\n{}", self.show_stage()), None),
        };
        let echo = match &action {
            Action::Answer(Answer::Text(text)) => format!("You wrote: {}\n", clean(text, false)),
            Action::Answer(answer) => {
                format!("You chose: {}.\n", clean(&answer.describe(question), false))
            }
            _ => "Skipped.\n".to_string(),
        };
        let reply = self.apply(action);
        match self.session.stage() {
            // A script runs to the end: after the last question comes the result, not a review.
            Stage::Review if self.scripted => {
                let (result, end) = self.finish();
                (format!("{echo}\n{result}"), end)
            }
            Stage::Stopped => (format!("{echo}{reply}"), Some(End::Stopped)),
            _ => (format!("{echo}{reply}"), None),
        }
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
                    None => (
                        "Please type a question number from the list, or press Enter for your result.\n".to_string(),
                        None,
                    ),
                }
            }
        }
    }

    fn finish(&mut self) -> (String, Option<End>) {
        match self.session.apply(Action::Finish) {
            Ok(_) => (self.show_stage(), Some(End::Finished)),
            Err(refusal) => (
                format!("{}\n\n{}", sentence(&refusal), self.show_stage()),
                None,
            ),
        }
    }

    fn quit(&mut self) -> (String, Option<End>) {
        if self.scripted || self.session.answers().is_empty() {
            return (
                "You left. Nothing was saved.\n".to_string(),
                Some(End::Left),
            );
        }
        self.confirming_quit = true;
        ("Leave now? Your answers have not been saved. Type y to leave, or press Enter to stay.\n".to_string(), None)
    }

    /// Applies an action and says what happened, then shows where the session is now.
    fn apply(&mut self, action: Action) -> String {
        match self.session.apply(action) {
            Ok(Effect::Cleared(hidden)) => {
                let n = hidden.len();
                let noun = if n == 1 {
                    "question no longer applies, so its answer was"
                } else {
                    "questions no longer apply, so their answers were"
                };
                format!("{n} follow-up {noun} cleared.\n\n{}", self.show_stage())
            }
            Ok(_) => format!("\n{}", self.show_stage()),
            Err(refusal) => format!("{}\n\n{}", sentence(&refusal), self.show_stage()),
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
        let question = &questionnaire.questions[q];
        let progress = self.session.progress();
        let section = match question.section {
            Section::Safety => "safety first".to_string(),
            Section::Scored(k) => questionnaire.dimensions[k].label.clone(),
            Section::Info => "anything else".to_string(),
        };
        let mut out = String::new();
        line(
            &mut out,
            &format!(
                "Question {} of about {} ({section}).",
                progress.position, progress.shown
            ),
        );
        line(&mut out, &question.prompt);
        let current = self.session.answers().get(q);
        match &question.kind {
            QuestionKind::Single { options } | QuestionKind::Multi { options, .. } => {
                for (i, option) in options.iter().enumerate() {
                    let chosen = current.is_some_and(|a| a.chosen().contains(&i));
                    let mark = if chosen { " (your answer)" } else { "" };
                    line(&mut out, &format!("  {}. {}{mark}", i + 1, option.label));
                }
            }
            QuestionKind::Scale(scale) => {
                let low = scale
                    .min_label
                    .as_deref()
                    .map_or(String::new(), |l| format!(" ({l})"));
                let high = scale
                    .max_label
                    .as_deref()
                    .map_or(String::new(), |l| format!(" ({l})"));
                line(
                    &mut out,
                    &format!(
                        "  A whole number from {}{low} to {}{high}.",
                        scale.min, scale.max
                    ),
                );
                if let Some(Answer::Scale(v)) = current {
                    line(&mut out, &format!("  Your answer so far: {v}."));
                }
            }
            QuestionKind::Text { .. } => {
                if let Some(Answer::Text(t)) = current {
                    line(&mut out, &format!("  Your answer so far: {t}"));
                }
            }
        }
        if !self.scripted {
            line(&mut out, &hint(question));
        }
        out
    }

    fn review(&self) -> String {
        let q = self.session.questionnaire();
        let mut out = String::from("Your answers:\n");
        for (n, i) in self.session.shown_questions().enumerate() {
            let question = &q.questions[i];
            let answer = self
                .session
                .answers()
                .get(i)
                .map_or_else(|| "not answered".to_string(), |a| a.describe(question));
            line(
                &mut out,
                &format!("  {}. {} Answer: {answer}.", n + 1, question.prompt),
            );
        }
        line(
            &mut out,
            "Press Enter to see your result, or type a question's number to change its answer.",
        );
        out
    }

    fn help(&self, q: usize) -> String {
        let question = &self.session.questionnaire().questions[q];
        let mut out = String::new();
        if let Some(help) = &question.help {
            line(&mut out, &format!("About this question: {help}"));
        }
        if let Some(why) = &question.why {
            line(&mut out, &format!("Why we ask: {why}"));
        }
        line(&mut out, &hint(question));
        line(
            &mut out,
            "Type b to go back, r to review your answers, q to quit.",
        );
        out.push('\n');
        out.push_str(&self.question(q));
        out
    }

    fn crisis(&self) -> String {
        let mut out = String::new();
        line(&mut out, "You are not alone.");
        para(
            &mut out,
            "Thank you for answering honestly. What you told us means it is important to talk to someone now. You deserve support today, and people are ready to listen.",
        );
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
        line(&mut out, ELSEWHERE);
        para(
            &mut out,
            "The questionnaire has stopped here: choosing a group can wait. Nothing you answered has been saved.",
        );
        out
    }

    fn crisis_footer(&self) -> String {
        let (lines, _) = ordered_lines(self.session.questionnaire(), self.region.as_deref());
        lines.first().map_or_else(
            || "If you are in crisis, call your local emergency number.".to_string(),
            |l| format!("If you are in crisis: {}, {}", l.service, l.contact),
        )
    }
}

/// How to answer this kind of question, in one sentence.
fn hint(question: &Question) -> String {
    let skip = if question.required {
        ""
    } else {
        " An empty line skips it."
    };
    match &question.kind {
        QuestionKind::Single { options } => format!(
            "Type a number from 1 to {} and press Enter.{skip}",
            options.len()
        ),
        QuestionKind::Multi { max_choices, .. } => {
            let limit = max_choices.map_or(String::new(), |m| format!(" (up to {m})"));
            format!("Type one or more numbers{limit}, separated by spaces or commas.{skip}")
        }
        QuestionKind::Scale(scale) => format!(
            "Type a whole number from {} to {}.{skip}",
            scale.min, scale.max
        ),
        QuestionKind::Text { .. } => format!("Type your answer on one line and press Enter.{skip}"),
    }
}

/// Reads one line as an answer: `Ok(None)` for an empty line (skip), `Err` with a one-line
/// reason when it does not fit.
fn parse(question: &Question, input: &str) -> Result<Option<Answer>, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return if question.required {
            Err("This question needs an answer.".to_string())
        } else {
            Ok(None)
        };
    }
    let answer = match &question.kind {
        QuestionKind::Single { options } => {
            let n = number_in(trimmed, 1, options.len())?;
            Answer::Choice(n - 1)
        }
        QuestionKind::Multi { options, .. } => {
            let picks = trimmed
                .split([' ', ','])
                .filter(|part| !part.is_empty())
                .map(|part| number_in(part, 1, options.len()).map(|n| n - 1))
                .collect::<Result<Vec<_>, _>>()?;
            Answer::Choices(picks)
        }
        QuestionKind::Scale(scale) => {
            let value = trimmed
                .parse::<i64>()
                .ok()
                .filter(|v| (scale.min..=scale.max).contains(v));
            Answer::Scale(value.ok_or_else(|| {
                format!(
                    "Please type a whole number from {} to {}.",
                    scale.min, scale.max
                )
            })?)
        }
        QuestionKind::Text { .. } => Answer::Text(strip_unsafe(trimmed, false)),
    };
    crate::answers::check(question, &answer).map_err(|why| format!("That answer {why}."))?;
    Ok(Some(answer))
}

fn number_in(text: &str, low: usize, high: usize) -> Result<usize, String> {
    text.parse::<usize>()
        .ok()
        .filter(|n| (low..=high).contains(n))
        .ok_or_else(|| format!("Please type a number from {low} to {high}."))
}

fn sentence(refusal: &Refusal) -> String {
    let text = refusal.to_string();
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>() + "."
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
