//! The questionnaire file as written: serde types that mirror the TOML exactly, with spans kept
//! for every value a later check may need to point at. Nothing here is trusted yet.

use std::fmt::Display;

use serde::Deserialize;
use toml::Spanned;
use toml::de::DeValue;

use crate::diag::Diagnostic;
use crate::tomlfile::{strip_unknown, table_id, tables_mut};

/// A raw section's known keys, so that every unknown one is reported at once (serde's
/// `deny_unknown_fields` stops at the first) and the rest of the table is still checked.
pub trait Known {
    const FIELDS: &'static [&'static str];

    /// Reports and removes unknown keys, here and in nested tables.
    fn strip(
        text: &str,
        value: &mut Spanned<DeValue<'_>>,
        context: &dyn Display,
        found: &mut Vec<Diagnostic>,
    ) {
        strip_unknown(text, value, Self::FIELDS, context, found);
    }
}

macro_rules! known {
    ($type:ty: $($field:literal),*) => {
        impl Known for $type {
            const FIELDS: &'static [&'static str] = &[$($field),*];
        }
    };
}

known!(RawMeta: "id", "title", "version", "intro", "disclaimer", "next_steps", "order");
known!(RawOutcome: "label", "summary");
known!(RawLighterStep: "when", "unless", "reason");
known!(RawReferral: "when", "recommend", "reason");
known!(RawDimension: "id", "label", "weight", "support_group", "group_therapy");
known!(RawCrisis: "region", "service", "contact", "emergency", "url", "last_verified", "topic");
known!(RawShowIf: "question", "any_of");
known!(RawShowIfScore: "instrument", "at_least");
known!(RawChoice: "id", "label", "weight", "skip", "neutral", "flag", "note", "advice", "next_step", "topic", "points", "loinc", "retired");
known!(RawScaleFlag: "at_most", "at_least", "flag", "note", "advice", "topic");

impl Known for RawInstrument {
    const FIELDS: &'static [&'static str] = &["id", "label", "items", "flags", "loinc"];

    fn strip(
        text: &str,
        value: &mut Spanned<DeValue<'_>>,
        context: &dyn Display,
        found: &mut Vec<Diagnostic>,
    ) {
        strip_unknown(text, value, Self::FIELDS, context, found);
        if let DeValue::Table(table) = value.get_mut()
            && let Some(flags) = table.get_mut("flags")
        {
            for flag in tables_mut(flags) {
                RawScaleFlag::strip(text, flag, &format!("{context}: flag"), found);
            }
        }
    }
}

impl Known for RawOutcomes {
    const FIELDS: &'static [&'static str] = &["support_group", "group_therapy"];

    fn strip(
        text: &str,
        value: &mut Spanned<DeValue<'_>>,
        context: &dyn Display,
        found: &mut Vec<Diagnostic>,
    ) {
        strip_unknown(text, value, Self::FIELDS, context, found);
        if let DeValue::Table(table) = value.get_mut() {
            for (key, outcome) in table.iter_mut() {
                let name = format!("[outcomes.{}]", key.get_ref());
                RawOutcome::strip(text, outcome, &name, found);
            }
        }
    }
}

impl Known for RawScoring {
    const FIELDS: &'static [&'static str] = &[
        "either_margin",
        "min_answered",
        "low_confidence",
        "lighter_step",
        "referral",
    ];

    fn strip(
        text: &str,
        value: &mut Spanned<DeValue<'_>>,
        context: &dyn Display,
        found: &mut Vec<Diagnostic>,
    ) {
        strip_unknown(text, value, Self::FIELDS, context, found);
        let DeValue::Table(table) = value.get_mut() else {
            return;
        };
        if let Some(referrals) = table.get_mut("referral") {
            for referral in tables_mut(referrals) {
                let name = "[[scoring.referral]]";
                RawReferral::strip(text, referral, &name, found);
                if let DeValue::Table(referral) = referral.get_mut()
                    && let Some(conditions) = referral.get_mut("when")
                {
                    for condition in tables_mut(conditions) {
                        RawShowIf::strip(text, condition, &format!("{name} when"), found);
                    }
                }
            }
        }
        if let Some(step) = table.get_mut("lighter_step") {
            let name = "[scoring.lighter_step]";
            RawLighterStep::strip(text, step, &name, found);
            if let DeValue::Table(step) = step.get_mut() {
                for key in ["when", "unless"] {
                    if let Some(conditions) = step.get_mut(key) {
                        for condition in tables_mut(conditions) {
                            RawShowIf::strip(text, condition, &format!("{name} {key}"), found);
                        }
                    }
                }
            }
        }
    }
}

impl Known for RawQuestion {
    const FIELDS: &'static [&'static str] = &[
        "id",
        "dimension",
        "kind",
        "prompt",
        "help",
        "why",
        "required",
        "circumstance",
        "show_if",
        "show_if_score",
        "options",
        "min_choices",
        "max_choices",
        "min",
        "max",
        "min_label",
        "max_label",
        "weights",
        "flags",
        "max_length",
        "multiline",
        "loinc",
    ];

    fn strip(
        text: &str,
        value: &mut Spanned<DeValue<'_>>,
        context: &dyn Display,
        found: &mut Vec<Diagnostic>,
    ) {
        strip_unknown(text, value, Self::FIELDS, context, found);
        let DeValue::Table(table) = value.get_mut() else {
            return;
        };
        if let Some(options) = table.get_mut("options") {
            for option in tables_mut(options) {
                let id = table_id(option.get_ref()).unwrap_or("?").to_string();
                let name = format!("{context}: option \"{id}\"");
                RawChoice::strip(text, option, &name, found);
            }
        }
        if let Some(show_if) = table.get_mut("show_if") {
            RawShowIf::strip(text, show_if, &format!("{context}: show_if"), found);
        }
        if let Some(show_if) = table.get_mut("show_if_score") {
            RawShowIfScore::strip(text, show_if, &format!("{context}: show_if_score"), found);
        }
        if let Some(flags) = table.get_mut("flags") {
            for flag in tables_mut(flags) {
                RawScaleFlag::strip(text, flag, &format!("{context}: flag"), found);
            }
        }
    }
}

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
    pub order: Option<Spanned<String>>,
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
    pub lighter_step: Option<Spanned<RawLighterStep>>,
    #[serde(default)]
    pub referral: Vec<Spanned<RawReferral>>,
}

/// A named group: every `when` condition holds, so the result is `recommend`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReferral {
    pub reason: Spanned<String>,
    pub when: Vec<Spanned<RawShowIf>>,
    pub recommend: Spanned<String>,
}

/// Stepped care for close calls: every `when` condition holds and no `unless` one does.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLighterStep {
    pub reason: Spanned<String>,
    pub when: Vec<Spanned<RawShowIf>>,
    #[serde(default)]
    pub unless: Vec<Spanned<RawShowIf>>,
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
    pub topic: Option<Spanned<String>>,
}

/// A brief instrument: the questions it adds up and its flags by total.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInstrument {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub items: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub flags: Vec<Spanned<RawScaleFlag>>,
    /// The LOINC code of the instrument's total score.
    pub loinc: Option<Spanned<String>>,
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
    #[serde(default)]
    pub circumstance: bool,
    pub show_if: Option<Spanned<RawShowIf>>,
    pub show_if_score: Option<Spanned<RawShowIfScore>>,
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
    pub loinc: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShowIf {
    pub question: Spanned<String>,
    pub any_of: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShowIfScore {
    pub instrument: Spanned<String>,
    pub at_least: Spanned<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    pub weight: Option<Spanned<f64>>,
    #[serde(default)]
    pub skip: bool,
    #[serde(default)]
    pub neutral: bool,
    pub flag: Option<Spanned<String>>,
    pub note: Option<Spanned<String>>,
    pub advice: Option<Spanned<String>>,
    pub next_step: Option<Spanned<String>>,
    pub topic: Option<Spanned<String>>,
    pub points: Option<Spanned<i64>>,
    pub loinc: Option<Spanned<String>>,
    pub retired: Option<Spanned<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScaleFlag {
    pub at_most: Option<i64>,
    pub at_least: Option<i64>,
    pub flag: Spanned<String>,
    pub note: Option<Spanned<String>>,
    pub advice: Option<Spanned<String>>,
    pub topic: Option<Spanned<String>>,
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;

    use super::*;

    /// The fields serde knows for `T`, read from its own "unknown field" message.
    fn serde_fields<T: DeserializeOwned>() -> Vec<String> {
        let error = toml::from_str::<T>("zz_probe = 1").err().unwrap();
        let message = error.message().to_string();
        let expected = &message[message.find("expected").unwrap()..];
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    fn check<T: DeserializeOwned + Known>() {
        let mut listed: Vec<&str> = T::FIELDS.to_vec();
        let mut serde = serde_fields::<T>();
        listed.sort_unstable();
        serde.sort();
        assert_eq!(listed, serde, "{}", std::any::type_name::<T>());
    }

    #[test]
    fn every_known_field_list_matches_what_serde_accepts() {
        check::<RawMeta>();
        check::<RawOutcomes>();
        check::<RawOutcome>();
        check::<RawScoring>();
        check::<RawLighterStep>();
        check::<RawReferral>();
        check::<RawDimension>();
        check::<RawCrisis>();
        check::<RawQuestion>();
        check::<RawShowIf>();
        check::<RawShowIfScore>();
        check::<RawInstrument>();
        check::<RawChoice>();
        check::<RawScaleFlag>();
    }
}
