//! The answers file's optional `[clinician]` table (an extension): the client reference, the
//! session note, an override with its reason, and notes on questions, so that a saved session
//! resumes with the clinician's work and every record made from the file carries it. Messages
//! name the key and the line, never the note: notes are health information.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Reader;
use crate::clinician::{ClinicianRecord, OVERRIDES, Override, override_target};

const KEYS: &str = "reference, session_note, override and [clinician.notes]";

impl Reader<'_> {
    /// Reads `[clinician]`; problems are errors (or, when resuming, warnings and the part is
    /// dropped).
    pub(super) fn clinician(&mut self, value: &Spanned<DeValue<'_>>) -> ClinicianRecord {
        let mut record = ClinicianRecord::default();
        let Some(table) = value.get_ref().as_table() else {
            self.error(
                value.span(),
                "`clinician` must be a table: write [clinician]",
            );
            return record;
        };
        for (key, field) in table {
            match key.get_ref().as_ref() {
                "reference" => record.reference = self.text_of(field, "clinician.reference"),
                "session_note" => {
                    record.session_note = self.text_of(field, "clinician.session_note");
                }
                "override" => record.override_recommendation = self.override_of(field),
                "notes" => record.question_notes = self.notes(field),
                other => self.clinician_misfit(
                    key.span(),
                    format!("unknown key `{other}` in [clinician]; use {KEYS}"),
                ),
            }
        }
        record
    }

    fn text_of(&mut self, field: &Spanned<DeValue<'_>>, name: &str) -> Option<String> {
        if let Some(text) = field.get_ref().as_str() {
            return Some(text.to_string());
        }
        self.clinician_misfit(field.span(), format!("{name} must be text in quotes"));
        None
    }

    fn override_of(&mut self, field: &Spanned<DeValue<'_>>) -> Option<Override> {
        let wanted = "clinician.override must be a table like { recommendation = \"support_group\", reason = \"...\" }";
        let Some(table) = field.get_ref().as_table() else {
            self.clinician_misfit(field.span(), wanted.to_string());
            return None;
        };
        let text = |key: &str| table.get(key).and_then(|v| v.get_ref().as_str());
        let reason = text("reason").filter(|r| !r.trim().is_empty());
        let target = text("recommendation").and_then(override_target);
        let unknown = table
            .keys()
            .any(|k| !matches!(k.get_ref().as_ref(), "recommendation" | "reason"));
        match (target, reason) {
            (Some(recommendation), Some(reason)) if !unknown => Some(Override {
                recommendation,
                reason: reason.to_string(),
            }),
            _ => {
                let ids: Vec<&str> = OVERRIDES.iter().map(|r| r.as_str()).collect();
                self.clinician_misfit(
                    field.span(),
                    format!(
                        "{wanted}; the recommendation is one of {} and the reason is not empty",
                        ids.join(", ")
                    ),
                );
                None
            }
        }
    }

    /// `[clinician.notes]`: question id = note, kept in asking order.
    fn notes(&mut self, field: &Spanned<DeValue<'_>>) -> Vec<(String, String)> {
        let Some(table) = field.get_ref().as_table() else {
            self.clinician_misfit(
                field.span(),
                "clinician.notes must be a table: write [clinician.notes]".to_string(),
            );
            return Vec::new();
        };
        let mut notes = self.note_entries(table);
        let order = self.questionnaire.asking_order();
        notes.sort_by_key(|(index, _)| order.iter().position(|i| i == index));
        notes
            .into_iter()
            .map(|(index, note)| (self.questionnaire.questions[index].id.clone(), note))
            .collect()
    }

    fn note_entries(&mut self, table: &DeTable<'_>) -> Vec<(usize, String)> {
        let mut notes = Vec::new();
        for (key, value) in table {
            let id = key.get_ref().as_ref();
            let Some(index) = self.questionnaire.question_index(id) else {
                self.clinician_misfit(
                    key.span(),
                    format!("the note on \"{id}\" names no question of this questionnaire"),
                );
                continue;
            };
            if let Some(note) = self.text_of(value, &format!("the note on \"{id}\"")) {
                notes.push((index, note));
            }
        }
        notes
    }

    /// A part of `[clinician]` that does not fit: an error, or when resuming, a warning that
    /// it was dropped (the answers still resume).
    fn clinician_misfit(&mut self, span: std::ops::Range<usize>, message: String) {
        if self.lenient {
            self.warning(span, format!("{message}; that part was dropped"));
        } else {
            self.error(span, message);
        }
    }
}

/// The `[clinician]` table for an answers file; empty when there is nothing to write.
#[must_use]
pub fn clinician_toml(record: &ClinicianRecord) -> String {
    use std::fmt::Write as _;
    if record.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n[clinician]\n");
    if let Some(reference) = &record.reference {
        let _ = writeln!(out, "reference = {}", super::toml_string(reference));
    }
    if let Some(note) = &record.session_note {
        let _ = writeln!(out, "session_note = {}", super::toml_string(note));
    }
    if let Some(o) = &record.override_recommendation {
        let _ = writeln!(
            out,
            "override = {{ recommendation = {}, reason = {} }}",
            super::toml_string(o.recommendation.as_str()),
            super::toml_string(&o.reason)
        );
    }
    if !record.question_notes.is_empty() {
        out.push_str("\n[clinician.notes]\n");
        for (id, note) in &record.question_notes {
            let _ = writeln!(
                out,
                "{} = {}",
                super::toml_key(id),
                super::toml_string(note)
            );
        }
    }
    out
}
