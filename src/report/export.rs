//! The records a person or a clinician can save, by format: one place that knows how each is
//! made, for the full-screen app, plain mode and `score` alike. Pure: the caller writes the file.

use super::record::Record;
use crate::ui_text::UiText;

/// The record formats: the one list behind `score --format` and the formats a session saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    /// A self-contained HTML page, for printing or attaching to a record.
    Html,
    Json,
    /// A FHIR R4 Bundle (JSON) of the questionnaire response and an observation of the result.
    Fhir,
    /// One row per answers file under a header, for a spreadsheet or an audit.
    Csv,
}

impl Format {
    /// In the order a session offers them (numbered from 1; CSV came last, so the numbers of
    /// the others stayed as they were).
    pub const ALL: [Self; 6] = [
        Self::Text,
        Self::Markdown,
        Self::Html,
        Self::Json,
        Self::Fhir,
        Self::Csv,
    ];

    /// In the order `score --format` lists them.
    pub const COMMAND_LINE: [Self; 6] = [
        Self::Text,
        Self::Json,
        Self::Markdown,
        Self::Csv,
        Self::Html,
        Self::Fhir,
    ];

    /// The name on the command line (`--format csv`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Json => "json",
            Self::Fhir => "fhir",
            Self::Csv => "csv",
        }
    }

    /// The format of a command-line name, if there is one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// A file name's extension for this format.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Text => "txt",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Json => "json",
            Self::Fhir => "fhir.json",
            Self::Csv => "csv",
        }
    }

    /// What the format is for, in the interface's words.
    #[must_use]
    pub fn label(self, ui: &UiText) -> &str {
        match self {
            Self::Text => &ui.format_text,
            Self::Markdown => &ui.format_markdown,
            Self::Html => &ui.format_html,
            Self::Json => &ui.format_json,
            Self::Fhir => &ui.format_fhir,
            Self::Csv => &ui.format_csv,
        }
    }

    /// Which record to choose it for: the manual's RECORDS section.
    #[must_use]
    pub fn chosen_for(self) -> &'static str {
        match self {
            Self::Text => "Keeping for yourself, reading at the terminal, or pasting into notes.",
            Self::Markdown => "A wiki, a ticket or a document that renders Markdown.",
            Self::Html => {
                "The page a clinician prints, signs and files: page 1 holds the result and any \
                 override with its reason; a clinician's record ends in a sign-off block."
            }
            Self::Json => {
                "Programs and analysis: the whole record, every answer with its weight, the \
                 clinician's record; it reads back into the same record."
            }
            Self::Fhir => {
                "A record system: a QuestionnaireResponse and an Observation in a Bundle, with \
                 LOINC codes where they exist."
            }
            Self::Csv => {
                "Analysing many records in a spreadsheet: one row a file, with the result, \
                 flags, declined questions and any override (never its free text)."
            }
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
            Self::Csv => "groupfit-result.csv",
        }
    }

    /// The record in this format.
    #[must_use]
    pub fn render(self, record: &Record<'_>) -> String {
        match self {
            Self::Text => super::record_text(record),
            Self::Markdown => super::markdown(record),
            Self::Html => super::html(record),
            Self::Json => super::json_record(record),
            Self::Fhir => {
                let entries = super::fhir_entries(record);
                serde_json::to_string_pretty(&super::fhir_bundle(&entries)).unwrap_or_default()
                    + "\n"
            }
            // One session: the header and its row, with no answers file to name.
            Self::Csv => [
                super::csv_header(record.questionnaire),
                super::csv_row("", record),
                String::new(),
            ]
            .join(super::CSV_LINE_END),
        }
    }
}
