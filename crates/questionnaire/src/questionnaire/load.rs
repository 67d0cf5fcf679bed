//! Loading a questionnaire file: bytes -> spanned TOML tree -> raw sections -> validated model.
//! Each section and each question is read on its own, so one file reports all of its problems.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};
use toml::Spanned;
use toml::de::DeValue;

use super::model::{Meta, Order, OutcomeText, Outcomes, Questionnaire, ScoringSettings};
use super::raw::{
    RawCrisis, RawDimension, RawInstrument, RawMeta, RawOutcome, RawOutcomes, RawScoring,
};
use super::validate::Validator;
use crate::date::Date;
use crate::diag::Diagnostic;
use crate::tomlfile;

/// The format this version of groupfit reads.
pub const FORMAT: i64 = 1;

/// Keys whose text may span several lines.
const MULTILINE_KEYS: &[&str] = &[
    "prompt",
    "intro",
    "disclaimer",
    "next_steps",
    "summary",
    "help",
    "why",
    "support_group",
    "group_therapy",
    "note",
    "advice",
    "next_step",
    "reason",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    Top,
    End,
}

/// Sections a file must have, where to point when one is absent, and what to say.
const REQUIRED: [(&str, At, &str); 5] = [
    (
        "format",
        At::Top,
        "`format` is missing; add `format = 1` at the top",
    ),
    (
        "meta",
        At::End,
        "the [meta] table is missing; it needs id, title and version",
    ),
    (
        "outcomes",
        At::End,
        "the [outcomes] table is missing; add [outcomes.support_group] and [outcomes.group_therapy]",
    ),
    (
        "dimensions",
        At::End,
        "no [[dimensions]] are declared; declare at least one",
    ),
    (
        "questions",
        At::End,
        "the file has no [[questions]]; add at least one question",
    ),
];

const TOP_LEVEL_KEYS: &str =
    "format, meta, outcomes, scoring, dimensions, crisis, instruments, questions, ui";

/// A valid questionnaire and the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    pub questionnaire: Questionnaire,
    pub warnings: Vec<Diagnostic>,
}

/// Loads and validates a questionnaire. `today` dates the crisis lines. On failure, every
/// diagnostic found (errors and warnings), in file order.
pub fn load(bytes: &[u8], today: Date) -> Result<Loaded, Vec<Diagnostic>> {
    let text = tomlfile::read_text(bytes).map_err(|d| vec![d])?;
    let root = tomlfile::parse(text).map_err(|d| vec![d])?;
    let mut validator = Validator::new(text, today);
    validator.extend(tomlfile::scan(text, root.get_ref(), MULTILINE_KEYS));
    let sections = Sections::read(&mut validator, root);
    let questionnaire = validator.build(sections, sha256_hex(bytes));
    let mut diagnostics = validator.finish();
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    match questionnaire {
        Some(questionnaire) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Loaded {
            questionnaire,
            warnings: diagnostics,
        }),
        _ => Err(diagnostics),
    }
}

/// Hex SHA-256 of a file's bytes.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// The raw sections of a file, before cross-checks.
pub struct Sections<'a> {
    pub meta: Option<RawMeta>,
    pub outcomes: Option<RawOutcomes>,
    pub scoring: Option<RawScoring>,
    pub dimensions: Vec<RawDimension>,
    pub crisis: Vec<RawCrisis>,
    pub instruments: Vec<Spanned<RawInstrument>>,
    pub questions: Vec<Spanned<DeValue<'a>>>,
    pub ui: Option<Spanned<DeValue<'a>>>,
}

impl<'a> Sections<'a> {
    /// Splits the document into its sections, reporting unknown and missing ones.
    fn read(v: &mut Validator<'_>, root: Spanned<toml::de::DeTable<'a>>) -> Self {
        let end = v.text.len();
        let mut sections = Sections {
            meta: None,
            outcomes: None,
            scoring: None,
            dimensions: Vec::new(),
            crisis: Vec::new(),
            instruments: Vec::new(),
            questions: Vec::new(),
            ui: None,
        };
        let mut seen = Vec::new();
        for (key, value) in root.into_inner() {
            let name = key.get_ref().to_string();
            match name.as_str() {
                "format" => check_format(v, &value),
                "meta" => sections.meta = v.section(value, &"[meta]"),
                "outcomes" => sections.outcomes = v.section(value, &"[outcomes]"),
                "scoring" => sections.scoring = v.section(value, &"[scoring]"),
                "dimensions" => sections.dimensions = v.list(value, "dimension"),
                "crisis" => sections.crisis = v.list(value, "crisis line"),
                "instruments" => sections.instruments = v.spanned_list(value, "instrument"),
                "questions" => sections.questions = v.array(value, "questions"),
                "ui" => sections.ui = Some(value),
                other => v.error(
                    key.span(),
                    format!("unknown top-level key `{other}`; expected one of {TOP_LEVEL_KEYS}"),
                ),
            }
            seen.push(name);
        }
        for (key, at, message) in REQUIRED {
            if !seen.iter().any(|k| k == key) {
                let at = if at == At::Top { 0 } else { end };
                v.error(at..at, message);
            }
        }
        sections
    }
}

fn check_format(v: &mut Validator<'_>, value: &Spanned<DeValue<'_>>) {
    let number = value
        .get_ref()
        .as_integer()
        .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok());
    match number {
        Some(FORMAT) => {}
        Some(n) => v.error(
            value.span(),
            format!("format {n} is not supported; this version of groupfit reads format {FORMAT}"),
        ),
        None => v.error(
            value.span(),
            format!("`format` must be the integer {FORMAT}"),
        ),
    }
}

impl Validator<'_> {
    /// Meta, outcomes and scoring, checked; `None` if a required section is absent or unreadable
    /// (already reported).
    pub(super) fn build_header(
        &mut self,
        meta: Option<RawMeta>,
        outcomes: Option<RawOutcomes>,
        scoring: Option<RawScoring>,
    ) -> Option<(Meta, Outcomes, ScoringSettings)> {
        let meta = meta.map(|m| self.meta(m));
        let outcomes = outcomes.map(|o| Outcomes {
            support_group: self.outcome(o.support_group, "support_group"),
            group_therapy: self.outcome(o.group_therapy, "group_therapy"),
        });
        let scoring = scoring.map_or_else(ScoringSettings::default, |s| self.scoring(s));
        Some((meta?, outcomes?, scoring))
    }

    fn meta(&mut self, m: RawMeta) -> Meta {
        Meta {
            id: self.non_empty(m.id, "[meta] id"),
            title: self.non_empty(m.title, "[meta] title"),
            version: self.non_empty(m.version, "[meta] version"),
            intro: optional_text(m.intro),
            disclaimer: optional_text(m.disclaimer),
            next_steps: optional_text(m.next_steps),
            order: m.order.as_ref().map_or(Order::default(), |o| self.order(o)),
        }
    }

    /// `[meta] order`: "adaptive" or "fixed".
    fn order(&mut self, order: &Spanned<String>) -> Order {
        let found = Order::ALL
            .into_iter()
            .find(|o| o.as_str() == order.get_ref().as_str());
        found.unwrap_or_else(|| {
            self.error(
                order.span(),
                format!(
                    "[meta] order \"{}\" is unknown; use \"adaptive\" (ask what matters first) or \"fixed\" (the file's order)",
                    order.get_ref()
                ),
            );
            Order::default()
        })
    }

    fn outcome(&mut self, o: RawOutcome, key: &str) -> OutcomeText {
        OutcomeText {
            label: self.non_empty(o.label, &format!("[outcomes.{key}] label")),
            summary: optional_text(o.summary),
        }
    }

    fn scoring(&mut self, s: RawScoring) -> ScoringSettings {
        let defaults = ScoringSettings::default();
        ScoringSettings {
            either_margin: self.share(s.either_margin, defaults.either_margin, "either_margin"),
            min_answered: self.share(s.min_answered, defaults.min_answered, "min_answered"),
            low_confidence: self.share(s.low_confidence, defaults.low_confidence, "low_confidence"),
        }
    }

    fn share(&mut self, value: Option<Spanned<f64>>, default: f64, key: &str) -> f64 {
        let Some(value) = value else { return default };
        let number = *value.get_ref();
        if (0.0..=1.0).contains(&number) {
            number
        } else {
            self.error(
                value.span(),
                format!("[scoring] {key} must be between 0 and 1"),
            );
            default
        }
    }
}

pub(super) fn optional_text(value: Option<Spanned<String>>) -> String {
    value.map(Spanned::into_inner).unwrap_or_default()
}
