//! What plain mode prints for each stage: the question with its numbered options, the review,
//! help, the crisis panel and the footer, one plain line after another.

use std::fmt::Write as _;

use super::Plain;
use crate::answers::Answer;
use crate::crisis::CrisisHelp;
use crate::panels::{CrisisPanel, FrontEnd};
use crate::questionnaire::{Question, QuestionKind, Section};
use crate::report;
use crate::session::Stage;
use crate::text::clean;
use crate::ui_text::{UiText, fill};

impl Plain<'_> {
    /// The text for the current stage: a question, the review, the result or the crisis panel.
    pub(super) fn show_stage(&self) -> String {
        match self.session.stage() {
            Stage::Asking(q) => self.question(q),
            Stage::Review => self.review(),
            Stage::Finished => {
                let outcome = self.session.score_now();
                let q = self.session.questionnaire();
                format!(
                    "{}\n{}\n",
                    report::text(q, self.session.answers(), &outcome, self.reader()),
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
                    // A retired option cannot be typed: a saved answer that chose one is said
                    // apart, below.
                    if !question.is_offered(i) {
                        continue;
                    }
                    line(&mut out, &format!("  {}. {}{mark}", i + 1, option.label));
                }
                if let Some(earlier) = self.session.answers().retired(questionnaire, q) {
                    let said = fill(
                        &ui.plain_earlier_answer,
                        &[("answer", &earlier.describe(question))],
                    );
                    line(&mut out, &format!("  {said}"));
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
                    // The item ends in a full stop: a written answer's own is not doubled.
                    ("answer", answer.trim_end_matches('.')),
                ],
            );
            line(&mut out, &format!("  {item}"));
        }
        line(&mut out, &ui.plain_review_prompt);
        out
    }

    pub(super) fn help(&self, q: usize) -> String {
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

    /// The crisis panel: a warm word, what was noticed in plain words, where to get help now
    /// (the region's lines first, or the honest fallback), and that the questionnaire stopped.
    fn crisis(&self) -> String {
        let outcome = self.session.score_now();
        let panel = CrisisPanel::new(
            &self.session,
            &outcome,
            self.clinician.is_some(),
            self.region.as_deref(),
            FrontEnd::Plain,
        );
        let mut out = String::new();
        if let Some(protocol) = panel.protocol {
            para(&mut out, protocol);
        }
        line(&mut out, panel.title);
        for noticed in &panel.noticed {
            para(&mut out, noticed);
        }
        let items = panel.help.item_lines(self.ui());
        // The person's own line (or the honest fallback) first, then the rest.
        if let Some(first) = items.first() {
            line(&mut out, first);
        }
        para(&mut out, panel.text);
        // Someone may check this device: said before the longer list of lines.
        if let Some(device_safety) = panel.device_safety {
            para(&mut out, device_safety);
        }
        out.push('\n');
        if let Some(more_lines) = panel.more_lines {
            line(&mut out, more_lines);
        }
        for item in items.iter().skip(1) {
            line(&mut out, item);
        }
        para(&mut out, panel.stopped);
        out
    }

    fn crisis_help(&self) -> CrisisHelp<'_> {
        CrisisHelp::new(self.session.questionnaire(), self.region.as_deref())
    }

    /// Where to get help now, in one line: plain mode has no width to fit, so the whole of it.
    pub(super) fn crisis_footer(&self) -> String {
        let ui = self.ui();
        let help = self.crisis_help();
        let Some(first) = help.local.first() else {
            return format!("{} {}", ui.plain_no_line, ui.crisis_fallback);
        };
        let said = fill(
            &ui.plain_footer,
            &[("service", &first.service), ("contact", &first.contact)],
        );
        let said = said.trim_end_matches('.');
        match &first.emergency {
            Some(number) => format!(
                "{said}. {}.",
                fill(&ui.footer_emergency, &[("number", number)])
            ),
            None => format!("{said}."),
        }
    }
}

/// How to answer this kind of question, in one sentence.
pub(super) fn hint(ui: &UiText, question: &Question) -> String {
    let skip = if question.required {
        ""
    } else {
        ui.plain_hint_skip.as_str()
    };
    let how = match &question.kind {
        QuestionKind::Single { .. } => fill(
            &ui.plain_hint_single,
            &[("n", &question.offered().len().to_string())],
        ),
        QuestionKind::Multi {
            min_choices,
            max_choices,
            ..
        } if min_choices.is_some() || max_choices.is_some() => format!(
            "{} {}",
            ui.plain_hint_multi,
            crate::ui_text::choice_limits(ui, *min_choices, *max_choices)
        ),
        QuestionKind::Multi { .. } => ui.plain_hint_multi.clone(),
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

pub(super) fn line(out: &mut String, text: &str) {
    let _ = writeln!(out, "{}", clean(text, true));
}

pub(super) fn para(out: &mut String, text: &str) {
    if !text.trim().is_empty() {
        out.push('\n');
        line(out, text.trim_end());
    }
}
