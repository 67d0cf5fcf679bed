//! The questionnaire file as written: serde types that mirror the TOML exactly, with spans kept
//! for every value a later check may need to point at. Nothing here is trusted yet.

use serde::Deserialize;
use toml::Spanned;

/// One top-level section, deserialized on its own so that a problem in one section or one
/// question does not hide the problems in the others.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub version: Spanned<String>,
    pub intro: Option<Spanned<String>>,
    pub disclaimer: Option<Spanned<String>>,
    pub next_steps: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcomes {
    pub support_group: RawOutcome,
    pub group_therapy: RawOutcome,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcome {
    pub label: Spanned<String>,
    pub summary: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScoring {
    pub either_margin: Option<Spanned<f64>>,
    pub min_answered: Option<Spanned<f64>>,
    pub low_confidence: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDimension {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub weight: Spanned<f64>,
    pub support_group: Option<Spanned<String>>,
    pub group_therapy: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCrisis {
    pub region: Spanned<String>,
    pub service: Spanned<String>,
    pub contact: Spanned<String>,
    pub emergency: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
    pub last_verified: Spanned<toml::value::Datetime>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    pub dimension: Spanned<String>,
    pub kind: Spanned<String>,
    pub prompt: Spanned<String>,
    pub help: Option<Spanned<String>>,
    pub why: Option<Spanned<String>>,
    #[serde(default)]
    pub required: bool,
    pub show_if: Option<Spanned<RawShowIf>>,
    pub options: Option<Spanned<Vec<Spanned<RawChoice>>>>,
    pub min_choices: Option<Spanned<i64>>,
    pub max_choices: Option<Spanned<i64>>,
    pub min: Option<Spanned<i64>>,
    pub max: Option<Spanned<i64>>,
    pub min_label: Option<Spanned<String>>,
    pub max_label: Option<Spanned<String>>,
    pub weights: Option<Spanned<Vec<Spanned<f64>>>>,
    pub flags: Option<Vec<Spanned<RawScaleFlag>>>,
    pub max_length: Option<Spanned<i64>>,
    pub multiline: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShowIf {
    pub question: Spanned<String>,
    pub any_of: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub weight: Option<Spanned<f64>>,
    #[serde(default)]
    pub skip: bool,
    pub flag: Option<Spanned<String>>,
    pub note: Option<Spanned<String>>,
    pub advice: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScaleFlag {
    pub at_most: Option<i64>,
    pub at_least: Option<i64>,
    pub flag: Spanned<String>,
    pub note: Option<Spanned<String>>,
    pub advice: Option<Spanned<String>>,
}
