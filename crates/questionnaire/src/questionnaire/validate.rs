//! The validator: collects every diagnostic while raw sections become the clean model, and checks
//! what spans sections (dimension weights, crisis line dates).

use std::collections::HashSet;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::DeValue;

use super::load::{Sections, optional_text};
use super::model::{CrisisLine, Dimension, Questionnaire, Section};
use super::raw::{Known, RawCrisis, RawDimension};
use crate::date::{Date, Verified};
use crate::diag::Diagnostic;
use crate::tomlfile;
use crate::ui_text::{UiText, placeholders};

/// A dimension weight above zero but below this would not change S in any printed digit.
const MIN_DIMENSION_WEIGHT: f64 = 0.001;

/// Dimension ids with a fixed meaning, which a file may not declare.
pub const RESERVED_DIMENSIONS: [&str; 2] = ["safety", "info"];

pub struct Validator<'t> {
    pub(super) text: &'t str,
    today: Date,
    diagnostics: Vec<Diagnostic>,
    /// Where each question's first `points` is written, by the question's name in messages: an
    /// instrument that does not list the question is reported there.
    pub(super) points_at: Vec<(String, Range<usize>)>,
}

impl<'t> Validator<'t> {
    pub fn new(text: &'t str, today: Date) -> Self {
        Self {
            text,
            today,
            diagnostics: Vec::new(),
            points_at: Vec::new(),
        }
    }

    pub fn extend(&mut self, found: Vec<Diagnostic>) {
        self.diagnostics.extend(found);
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(self.text, span, message));
    }

    pub fn warning(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(self.text, span, message));
    }

    pub fn finish(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Deserializes one table, reporting a failure with `context` in front. Unknown keys are
    /// reported and removed first, so that they do not hide the table's other problems.
    pub fn section<T: DeserializeOwned + Known>(
        &mut self,
        mut value: Spanned<DeValue<'_>>,
        context: &dyn std::fmt::Display,
    ) -> Option<T> {
        T::strip(self.text, &mut value, context, &mut self.diagnostics);
        tomlfile::deserialize(self.text, value, context)
            .map_err(|d| self.diagnostics.push(d))
            .ok()
    }

    /// The elements of an array value; anything else is reported.
    pub fn array<'a>(
        &mut self,
        value: Spanned<DeValue<'a>>,
        key: &str,
    ) -> Vec<Spanned<DeValue<'a>>> {
        let span = value.span();
        if let DeValue::Array(items) = value.into_inner() {
            items.into_iter().collect()
        } else {
            self.error(
                span,
                format!("`{key}` must be an array of tables: write [[{key}]]"),
            );
            Vec::new()
        }
    }

    /// Each element of an array of tables, deserialized on its own.
    pub fn list<T: DeserializeOwned + Known>(
        &mut self,
        value: Spanned<DeValue<'_>>,
        what: &str,
    ) -> Vec<T> {
        let key = if what == "dimension" {
            "dimensions"
        } else {
            "crisis"
        };
        let items = self.array(value, key);
        items
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let name = tomlfile::table_id(item.get_ref()).map_or_else(
                    || format!("{what} #{}", i + 1),
                    |id| format!("{what} \"{id}\""),
                );
                self.section(item, &name)
            })
            .collect()
    }

    /// Each element of an array of tables, deserialized on its own and kept with its span.
    pub fn spanned_list<T: DeserializeOwned + Known>(
        &mut self,
        value: Spanned<DeValue<'_>>,
        what: &str,
    ) -> Vec<Spanned<T>> {
        let items = self.array(value, &format!("{what}s"));
        items
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let span = item.span();
                let name = tomlfile::table_id(item.get_ref()).map_or_else(
                    || format!("{what} #{}", i + 1),
                    |id| format!("{what} \"{id}\""),
                );
                self.section(item, &name).map(|t| Spanned::new(span, t))
            })
            .collect()
    }

    /// An id must be written one way only: in Unicode normal form (NFKC), so that "café" typed
    /// with a combining accent, or "ｐ１" in full-width letters, is not a second id that looks
    /// like the first.
    pub fn normal_id(&mut self, id: &Spanned<String>, what: &dyn std::fmt::Display) {
        use unicode_normalization::UnicodeNormalization;
        let written = id.get_ref();
        if written.is_ascii() {
            return;
        }
        let normal: String = written.nfkc().collect();
        if normal != *written {
            self.error(
                id.span(),
                format!(
                    "{what}: the id \"{written}\" is not in normal form (it uses a decomposed \
                     accent or full-width or compatibility characters); write it as \"{normal}\""
                ),
            );
        }
    }

    /// A required text that must not be blank.
    pub fn non_empty(&mut self, value: Spanned<String>, what: &str) -> String {
        if value.get_ref().trim().is_empty() {
            self.error(value.span(), format!("{what} is empty; write some text"));
        }
        value.into_inner()
    }

    /// Builds the model from checked sections; `None` when a part is missing.
    pub fn build(&mut self, mut sections: Sections<'_>, sha256: String) -> Option<Questionnaire> {
        let raw_step = sections
            .scoring
            .as_mut()
            .and_then(|s| s.lighter_step.take());
        let raw_referrals = sections
            .scoring
            .as_mut()
            .map(|s| std::mem::take(&mut s.referral))
            .unwrap_or_default();
        let header = self.build_header(sections.meta, sections.outcomes, sections.scoring);
        let dimensions = self.dimensions(sections.dimensions);
        let crisis = sections
            .crisis
            .into_iter()
            .map(|c| self.crisis_line(c))
            .collect();
        let (mut questions, ids, score_conditions) =
            self.questions(sections.questions, &dimensions);
        if !questions.is_empty() && !questions.iter().any(|q| q.section == Section::Safety) {
            self.warning(
                0..0,
                "the questionnaire has no safety questions (dimension = \"safety\"): nothing \
                 screens for risk, and every record will say safety was not screened; `groupfit \
                 template` prints the default's safety screen to start from",
            );
        }
        let instruments = self.instruments(sections.instruments, &mut questions, &ids);
        self.score_conditions(score_conditions, &mut questions, &instruments);
        let lighter_step =
            raw_step.map(|raw| self.lighter_step(&raw, &questions, &ids.index, &ids.unreadable));
        let referrals = raw_referrals
            .iter()
            .map(|raw| self.referral(raw, &questions, &ids.index, &ids.unreadable))
            .collect();
        let ui = sections
            .ui
            .map(|table| self.ui_text(&table))
            .unwrap_or_default();
        let (meta, outcomes, scoring) = header?;
        Some(Questionnaire {
            meta,
            outcomes,
            scoring,
            lighter_step,
            referrals,
            dimensions,
            crisis,
            questions,
            instruments,
            ui,
            sha256,
        })
    }

    fn dimensions(&mut self, raw: Vec<RawDimension>) -> Vec<Dimension> {
        let mut seen = HashSet::new();
        let mut total = 0.0;
        let mut any_negative = false;
        let mut any_unreadable = false;
        let first_weight = raw.first().map(|d| d.weight.span());
        let mut dimensions = Vec::with_capacity(raw.len());
        for d in raw {
            let id = d.id.get_ref().clone();
            if RESERVED_DIMENSIONS.contains(&id.as_str()) {
                self.error(
                    d.id.span(),
                    format!("dimension \"{id}\" is reserved; choose another id"),
                );
            } else if id.trim().is_empty() {
                self.error(d.id.span(), "a dimension id is empty");
            } else if !seen.insert(id.clone()) {
                self.error(d.id.span(), format!("dimension \"{id}\" is declared twice"));
            }
            self.normal_id(&d.id, &format_args!("dimension \"{id}\""));
            let weight = *d.weight.get_ref();
            if !weight.is_finite() {
                // Already said where it is written (the text scan refuses nan and inf); it
                // neither adds to the sum nor makes every weight zero.
                any_unreadable = true;
            } else if weight < 0.0 {
                any_negative = true;
                self.error(
                    d.weight.span(),
                    format!("dimension \"{id}\": weight must not be negative"),
                );
            } else if weight > 0.0 && weight < MIN_DIMENSION_WEIGHT {
                self.error(
                    d.weight.span(),
                    format!(
                        "dimension \"{id}\": weight {weight} is too small to matter; use 0 to \
                         leave the dimension out, or at least {MIN_DIMENSION_WEIGHT}"
                    ),
                );
            } else {
                total += weight;
            }
            dimensions.push(Dimension {
                label: self.non_empty(d.label, &format!("dimension \"{id}\": label")),
                id,
                weight: weight.max(0.0),
                support_group: optional_text(d.support_group),
                group_therapy: optional_text(d.group_therapy),
            });
        }
        if let (Some(span), false) = (first_weight.clone(), total.is_finite()) {
            self.error(
                span,
                "the dimension weights add up to more than a number can hold; use weights like \
                 0.30 that add up to about 1",
            );
        }
        if let (Some(span), false) = (first_weight, any_negative || any_unreadable || total > 0.0) {
            self.error(
                span,
                "every dimension weight is zero; give at least one a weight above 0",
            );
        }
        dimensions
    }

    fn crisis_line(&mut self, c: RawCrisis) -> CrisisLine {
        let service = self.non_empty(c.service, "crisis line service");
        let contact = self.non_empty(c.contact, &format!("crisis line \"{service}\": contact"));
        let emergency = c
            .emergency
            .map(|e| self.non_empty(e, &format!("crisis line \"{service}\": emergency")));
        let last_verified = self.verified_date(&c.last_verified, &service);
        let region_span = c.region.span();
        let region = self.non_empty(c.region, &format!("crisis line \"{service}\": region"));
        if !region.trim().is_empty() && crate::region::normalise_region(&region).is_none() {
            self.error(
                region_span,
                format!(
                    "crisis line \"{service}\": region \"{region}\" is not a two-letter country \
                     code; use one like US, GB or AU"
                ),
            );
        }
        let topic = c
            .topic
            .as_ref()
            .and_then(|t| self.topic(t, &format_args!("crisis line \"{service}\"")))
            .unwrap_or_default();
        CrisisLine {
            topic,
            region: crate::region::normalise_region(&region).unwrap_or(region),
            service,
            contact,
            emergency,
            url: optional_text(c.url),
            last_verified,
        }
    }

    /// A crisis line's `last_verified`: a date, not in the future, and warned about when it is
    /// over a year old (a number may have changed).
    fn verified_date(&mut self, value: &Spanned<toml::value::Datetime>, service: &str) -> String {
        let verified = value.get_ref();
        let (Some(d), None) = (verified.date, verified.time) else {
            self.error(
                value.span(),
                format!("crisis line \"{service}\": last_verified must be a date like 2026-06-01"),
            );
            return String::new();
        };
        let date = Date {
            year: i64::from(d.year),
            month: d.month,
            day: d.day,
        };
        match date.verified_as_of(self.today) {
            Verified::InTheFuture => self.error(
                value.span(),
                format!(
                    "crisis line \"{service}\": last_verified {date} is in the future (today is \
                     {}); write the day the number was checked",
                    self.today
                ),
            ),
            Verified::OverAYearAgo => self.warning(
                value.span(),
                format!(
                    "crisis line \"{service}\" was last verified on {date}, over 12 months \
                     ago; check the number still works and update last_verified"
                ),
            ),
            Verified::Current => {}
        }
        date.to_string()
    }

    /// The `[ui]` table: known keys only, text only, and no placeholder the text cannot fill.
    fn ui_text(&mut self, value: &Spanned<DeValue<'_>>) -> UiText {
        let mut ui = UiText::default();
        let Some(table) = value.get_ref().as_table() else {
            self.error(value.span(), "`ui` must be a table: write [ui]");
            return ui;
        };
        for (key, text) in table {
            let name = key.get_ref().as_ref();
            if let Some((_, replaced_by)) = crate::ui_text::RETIRED.iter().find(|(r, _)| *r == name)
            {
                self.warning(
                    key.span(),
                    format!("[ui] {name} is no longer used: {replaced_by}"),
                );
                continue;
            }
            let Some(default) = UiText::default_of(name) else {
                self.error(
                    key.span(),
                    format!("unknown [ui] key `{name}`; `groupfit template --ui` lists every key"),
                );
                continue;
            };
            let Some(translated) = text.get_ref().as_str() else {
                self.error(text.span(), format!("[ui] {name} must be text in quotes"));
                continue;
            };
            let allowed = placeholders(default);
            for used in placeholders(translated) {
                if !allowed.contains(&used) {
                    let can = if allowed.is_empty() {
                        "no placeholders".to_string()
                    } else {
                        allowed
                            .iter()
                            .map(|p| format!("{{{p}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    self.error(
                        text.span(),
                        format!(
                            "[ui] {name}: unknown placeholder {{{used}}}; this text can use {can}"
                        ),
                    );
                }
            }
            if let Some(slot) = ui.slot(name) {
                *slot = translated.to_string();
            }
        }
        ui
    }
}
