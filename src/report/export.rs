//! The records a person or a clinician can save, by format: one place that knows how each is
//! made, for the full-screen app, plain mode and `score` alike. Pure: the caller writes the file.

use super::record::{ClinicianRecord, Provenance};
use crate::answers::Answers;
use crate::questionnaire::Questionnaire;
use crate::scoring::Outcome;
use crate::ui_text::UiText;

/// The record formats that can be saved from a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Text,
    Markdown,
    Html,
    Json,
    Fhir,
}

impl ExportFormat {
    pub const ALL: [Self; 5] = [
        Self::Text,
        Self::Markdown,
        Self::Html,
        Self::Json,
        Self::Fhir,
    ];

    /// What the format is for, in the interface's words.
    #[must_use]
    pub fn label(self, ui: &UiText) -> &str {
        match self {
            Self::Text => &ui.format_text,
            Self::Markdown => &ui.format_markdown,
            Self::Html => &ui.format_html,
            Self::Json => &ui.format_json,
            Self::Fhir => &ui.format_fhir,
        }
    }

    /// A sensible file name in the current folder.
    #[must_use]
    pub fn default_path(self) -> &'static str {
        match self {
            Self::Text => "groupfit-report.txt",
            Self::Markdown => "groupfit-report.md",
            Self::Html => "groupfit-report.html",
            Self::Json => "groupfit-result.json",
            Self::Fhir => "groupfit-response.fhir.json",
        }
    }

    /// The record in this format.
    #[must_use]
    pub fn render(
        self,
        questionnaire: &Questionnaire,
        answers: &Answers,
        outcome: &Outcome,
        provenance: &Provenance,
        clinician: Option<&ClinicianRecord>,
    ) -> String {
        match self {
            Self::Text => {
                super::record_text(questionnaire, answers, outcome, provenance, clinician)
            }
            Self::Markdown => {
                super::markdown(questionnaire, answers, outcome, provenance, clinician)
            }
            Self::Html => super::html(questionnaire, answers, outcome, provenance, clinician),
            Self::Json => super::json_record(questionnaire, outcome, provenance, clinician),
            Self::Fhir => {
                let entries =
                    super::fhir_entries(questionnaire, answers, outcome, provenance, clinician);
                serde_json::to_string_pretty(&super::fhir_bundle(&entries)).unwrap_or_default()
                    + "\n"
            }
        }
    }
}
