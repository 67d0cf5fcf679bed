//! What a filed report adds to the result: when and how it was made, every answer with its
//! weight and contribution, the safety answers verbatim, and a clinician's notes and override.
//! Plain data, shared by the Markdown, text, HTML and JSON reports.

use serde::{Deserialize, Serialize};

pub use crate::clinician::{ClinicianRecord, Override};

use crate::answers::Answers;
use crate::questionnaire::{Flag, Questionnaire, Section};
use crate::scoring::{Outcome, answer_weight};

/// What one filed record is made from, in every format: the questionnaire, the answers, their
/// outcome, how and when the record is made, and a clinician's additions.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    pub outcome: &'a Outcome,
    pub provenance: &'a Provenance,
    pub clinician: Option<&'a ClinicianRecord>,
}

/// How and when a report was made. The caller supplies the time: the core reads no clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub generated: String,
    pub tool_version: String,
    /// "self-assessment" or "clinician".
    pub mode: String,
    /// The region whose crisis lines come first (`--region` or the locale), if known.
    pub region: Option<String>,
}

impl Provenance {
    /// The time as a FHIR dateTime with its offset: `2026-11-26 10:00 +01:00` becomes
    /// `2026-11-26T10:00:00+01:00`.
    #[must_use]
    pub fn fhir_datetime(&self) -> String {
        let mut parts = self.generated.split(' ');
        let (date, time, zone) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        format!("{date}T{time}:00{zone}")
    }
}

/// One shown question and its answer, as a report lists it.
// Independent facts about one row, each read on its own by the renderers.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRow {
    pub id: String,
    pub section: String,
    pub prompt: String,
    /// The answer in words, or `None` when not answered.
    pub answer: Option<String>,
    pub weight: Option<f64>,
    pub contribution: Option<f64>,
    /// One of the answers that weighed most.
    pub driver: bool,
    pub safety: bool,
    /// A safety question the person preferred not to answer.
    pub declined: bool,
    /// The highest flag the answer raised.
    pub flag: Option<Flag>,
    /// Never asked: the result was settled before it, and the person took it early.
    pub not_asked: bool,
}

impl AnswerRow {
    /// The answer as a record shows it: the words, "(not answered)", "declined" beside a
    /// declined safety question and the flag an answer raised, so that neither is missed on a
    /// page printed in black and white.
    #[must_use]
    pub fn answer_text(&self, ui: &crate::ui_text::UiText) -> String {
        let unanswered = if self.not_asked {
            &ui.not_asked_settled
        } else {
            &ui.not_answered
        };
        let answer = self.answer.as_deref().unwrap_or(unanswered);
        let mut marks = Vec::new();
        if self.declined {
            marks.push(ui.declined_mark.clone());
        }
        if let Some(flag) = self.flag {
            marks.push(crate::ui_text::fill(
                &ui.flag_mark,
                &[("level", flag.as_str())],
            ));
        }
        if marks.is_empty() {
            answer.to_string()
        } else {
            format!("{answer} ({})", marks.join("; "))
        }
    }

    /// The weight and the contribution as a report prints them: `-2.000`, or `-` for none.
    #[must_use]
    pub fn figures(&self) -> (String, String) {
        let number = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| super::figure(v, 3));
        (number(self.weight), number(self.contribution))
    }
}

/// Every shown question in asking order (so the safety screen comes first), with its answer,
/// weight and contribution.
#[must_use]
pub fn answer_rows(
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
) -> Vec<AnswerRow> {
    let shown = crate::answers::visible(questionnaire, answers);
    let drivers: Vec<&str> = super::words::top_drivers(outcome)
        .map(|d| d.question.as_str())
        .collect();
    // In the order they were asked: the adaptive order is a function of the answers, so it is
    // replayed here (the file's order when the questionnaire keeps it).
    crate::scoring::asking_order(questionnaire, answers)
        .into_iter()
        .filter(|&i| shown[i])
        .map(|i| {
            let question = &questionnaire.questions[i];
            let answer = answers.get(i);
            let section = match question.section {
                Section::Safety => questionnaire.ui.section_safety.clone(),
                Section::Scored(k) => questionnaire.dimensions[k].label.clone(),
                Section::Info => questionnaire.ui.section_info.clone(),
            };
            AnswerRow {
                id: question.id.clone(),
                section,
                prompt: question.prompt.clone(),
                answer: answer.map(|a| a.describe(question)),
                weight: answer.and_then(|a| answer_weight(question, a)),
                contribution: contribution_of(outcome, &question.id),
                driver: drivers.contains(&question.id.as_str()),
                safety: question.section == Section::Safety,
                declined: outcome.declined.contains(&question.id),
                flag: flag_on(outcome, &question.id),
                not_asked: outcome.not_asked.contains(&question.id),
            }
        })
        .collect()
}

/// The share of S the answer to question `id` carries, if it counts.
pub(super) fn contribution_of(outcome: &Outcome, id: &str) -> Option<f64> {
    outcome
        .drivers
        .iter()
        .find(|d| d.question == id)
        .map(|d| d.contribution)
}

/// The highest flag the answer to question `id` raised, if any.
pub(super) fn flag_on(outcome: &Outcome, id: &str) -> Option<Flag> {
    outcome
        .flags
        .iter()
        .filter(|f| f.question == id)
        .map(|f| f.flag)
        .max()
}
