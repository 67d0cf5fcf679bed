//! CSV rows for a clinic's audit: one row per answers file, each carrying when and how it was
//! made (the provenance columns come last, so the earlier columns keep their places).

use super::record::Provenance;
use crate::questionnaire::Questionnaire;
use crate::scoring::Outcome;
use crate::text::clean_line;

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

/// The header row: file, recommendation, lean, S, P, complete, safety, one column per
/// dimension, then the provenance columns.
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
    columns.join(",")
}

/// One row for an outcome.
#[must_use]
pub fn csv_row(file: &str, outcome: &Outcome, provenance: &Provenance) -> String {
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
    columns.join(",")
}
