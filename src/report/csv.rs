//! CSV rows for a clinic's audit: one row per answers file, each carrying when and how it was
//! made, then the clinician's record (reference, override) and what the safety screen found.
//! Columns are only ever added at the end, so the earlier columns keep their places. Lines end
//! in CRLF, as RFC 4180 says.

use super::record::Record;
use crate::questionnaire::Questionnaire;
use crate::safety::Safety;
use crate::text::clean_line;

/// The line end of every CSV line (RFC 4180).
pub const CSV_LINE_END: &str = "\r\n";

/// Joins ids in one field: `s1:amber;d3:amber`, `s5;s8b`.
const LIST_SEPARATOR: &str = ";";

/// Quotes a field when it needs it (RFC 4180). A leading `=`, `+`, `-` or `@` is prefixed with
/// `'` so that a spreadsheet does not run it as a formula.
fn field(value: &str) -> String {
    let value = clean_line(value);
    let value = if value.starts_with(['=', '+', '-', '@']) && value.parse::<f64>().is_err() {
        format!("'{value}")
    } else {
        value
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The provenance columns, after the dimensions.
const PROVENANCE: [&str; 6] = [
    "generated",
    "tool_version",
    "mode",
    "questionnaire_id",
    "questionnaire_version",
    "questionnaire_sha256",
];

/// What the clinician put on record and what the screen found, after the provenance columns.
/// The override's reason is free text, and may name people: the CSV says only whether one was
/// given.
const RECORD: [&str; 5] = [
    "reference",
    "override",
    "override_reason_given",
    "flags",
    "declined",
];

/// The header row: file, recommendation, lean, S, P, complete, safety, one column per
/// dimension, the provenance columns, then the record's columns.
#[must_use]
pub fn csv_header(questionnaire: &Questionnaire) -> String {
    let mut columns: Vec<String> = [
        "file",
        "recommendation",
        "lean",
        "score",
        "percent",
        "complete",
        "safety",
    ]
    .map(String::from)
    .to_vec();
    columns.extend(questionnaire.dimensions.iter().map(|d| field(&d.id)));
    columns.extend(PROVENANCE.map(String::from));
    columns.extend(RECORD.map(String::from));
    columns.join(",")
}

/// One row for a record, naming the answers file it came from (empty for a live session).
#[must_use]
pub fn csv_row(file: &str, record: &Record<'_>) -> String {
    let (outcome, provenance) = (record.outcome, record.provenance);
    let mut columns = vec![
        field(file),
        outcome.recommendation.as_str().to_string(),
        outcome.lean.as_str().to_string(),
        outcome
            .score
            .map_or_else(String::new, |s| format!("{s:.6}")),
        outcome.percent.map_or_else(String::new, |p| p.to_string()),
        outcome.complete.to_string(),
        outcome.safety.as_str().to_string(),
    ];
    columns.extend(
        outcome
            .dimensions
            .iter()
            .map(|d| d.score.map_or_else(String::new, |s| format!("{s:.6}"))),
    );
    let made_with = &outcome.questionnaire;
    columns.extend(
        [
            &provenance.generated,
            &provenance.tool_version,
            &provenance.mode,
            &made_with.id,
            &made_with.version,
            &made_with.sha256,
        ]
        .map(|value| field(value)),
    );
    columns.extend(record_columns(record));
    columns.join(",")
}

/// The reference, the override and whether it has a reason, the flags as `question:level`, and
/// the declined questions: empty fields where there are none.
fn record_columns(record: &Record<'_>) -> [String; 5] {
    let clinician = record.clinician;
    let reference = clinician.and_then(|c| c.reference.as_deref());
    let overridden = clinician.and_then(|c| c.override_recommendation.as_ref());
    let flags: Vec<String> = record
        .outcome
        .flags
        .iter()
        .map(|f| format!("{}:{}", f.question, Safety::from(f.flag).as_str()))
        .collect();
    [
        field(reference.unwrap_or_default()),
        overridden.map_or_else(String::new, |o| o.recommendation.as_str().to_string()),
        overridden.map_or_else(String::new, |o| (!o.reason.trim().is_empty()).to_string()),
        field(&flags.join(LIST_SEPARATOR)),
        field(&record.outcome.declined.join(LIST_SEPARATOR)),
    ]
}
