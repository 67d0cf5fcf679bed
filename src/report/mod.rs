//! Reports of an outcome: plain text for a person, Markdown, CSV rows for an audit, and the JSON
//! result of docs/FORMAT.md. Each is a pure function from the questionnaire, answers and outcome to
//! a string; writing it anywhere is the caller's business.

mod csv;
mod document;
mod export;
mod fhir;
mod html;
mod json;
mod markdown;
mod record;
mod settled;
mod text;
mod words;

pub use csv::{CSV_LINE_END, csv_header, csv_row};
pub use document::{Bar, Block, Column, Document, Input, Part, PartKind, Tone, View, build};
pub use export::Format;
pub use fhir::{fhir_bundle, fhir_entries, fhir_questionnaire, fhir_response};
pub use html::html;
pub use json::{ReadRecord, RecordReadError, json_record, json_value, read_json_record};
pub use markdown::{markdown, markdown_text};
pub use record::{AnswerRow, ClinicianRecord, Override, Provenance, Record, answer_rows};
pub use settled::{settled_note, settled_offer};
pub use text::{TOP_DRIVERS, gauge_cells, record_text, text};
pub use words::{
    CHANGES_FOR_THE_PERSON, answer_next_steps, change_lines, describe_change, flag_text, headline,
    mixed_note, recommendation_label, result_label, talk_about, top_drivers,
};

/// A signed figure for a report, rounded to `places`: `+0.633`, `-0.100`, and `0.000` for
/// anything that rounds to zero (never `-0.000`).
#[must_use]
pub fn figure(x: f64, places: usize) -> String {
    let scale = 10f64.powi(i32::try_from(places).unwrap_or(3));
    let rounded = (x * scale).round() / scale;
    if rounded == 0.0 {
        format!("{:.places$}", 0.0)
    } else {
        format!("{rounded:+.places$}")
    }
}

/// Who reads a rendering: the person (plain words, the 0-100 position) or a clinician and the
/// records they file (flag levels and exact figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Person,
    Clinician,
}

/// How to render for one reader: for whom, and for which region's crisis lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader<'a> {
    pub audience: Audience,
    pub region: Option<&'a str>,
}

impl<'a> Reader<'a> {
    #[must_use]
    pub fn person(region: Option<&'a str>) -> Self {
        Self {
            audience: Audience::Person,
            region,
        }
    }

    #[must_use]
    pub fn clinician(region: Option<&'a str>) -> Self {
        Self {
            audience: Audience::Clinician,
            region,
        }
    }

    /// A clinician in clinician mode, else the person.
    #[must_use]
    pub fn for_mode(clinician: bool, region: Option<&'a str>) -> Self {
        if clinician {
            Self::clinician(region)
        } else {
            Self::person(region)
        }
    }

    #[must_use]
    pub fn is_person(&self) -> bool {
        self.audience == Audience::Person
    }
}
