//! Reports of an outcome: plain text for a person, Markdown, CSV rows for an audit, and the JSON
//! result of CONTRACT.md. Each is a pure function from the questionnaire, answers and outcome to
//! a string; writing it anywhere is the caller's business.

mod csv;
mod fhir;
mod html;
mod markdown;
mod record;
mod text;
mod words;

pub use csv::{csv_header, csv_row};
pub use fhir::{fhir_questionnaire, fhir_response};
pub use html::html;
pub use markdown::markdown;
pub use record::{AnswerRow, ClinicianRecord, Override, Provenance, answer_rows};
pub use text::{TOP_DRIVERS, gauge_cells, record_text, text};
pub use words::{
    answer_of, band_label, describe_change, direction, headline, override_sentence, prompt_of,
    recommendation_label, settled_note, settled_offer,
};

use serde_json::Value;

use crate::scoring::Outcome;

/// The JSON result of CONTRACT.md with `provenance`, and in clinician mode `clinician` (notes,
/// reference, override), kept beside the computed result.
#[must_use]
pub fn json_value(
    outcome: &Outcome,
    provenance: &Provenance,
    clinician: Option<&ClinicianRecord>,
) -> Value {
    let mut value = serde_json::to_value(outcome).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "provenance".to_string(),
            serde_json::to_value(provenance).unwrap_or_default(),
        );
        if let Some(record) = clinician {
            object.insert(
                "clinician".to_string(),
                serde_json::to_value(record).unwrap_or_default(),
            );
        }
    }
    value
}

/// [`json_value`], pretty-printed.
#[must_use]
pub fn json_record(
    outcome: &Outcome,
    provenance: &Provenance,
    clinician: Option<&ClinicianRecord>,
) -> String {
    serde_json::to_string_pretty(&json_value(outcome, provenance, clinician)).unwrap_or_default()
        + "\n"
}
