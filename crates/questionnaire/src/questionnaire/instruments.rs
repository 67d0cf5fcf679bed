//! Validating `[[instruments]]` (brief validated instruments such as AUDIT-C and SCOFF, scored by
//! the `points` of their items' options) and the `show_if_score` conditions that gate a question
//! on an instrument's total so far.

use std::collections::HashSet;

use toml::Spanned;

use super::codes::LoincKind;
use super::model::{Instrument, Question, QuestionKind, ScoreCondition, Section};
use super::questions::QuestionIds;
use super::raw::{RawInstrument, RawShowIfScore};
use super::validate::Validator;

/// A question's `show_if_score`, kept until the instruments it names are known.
pub(super) struct PendingScoreCondition {
    pub question: usize,
    pub raw: Spanned<RawShowIfScore>,
}

impl Validator<'_> {
    /// The instruments, their items resolved; every question they count learns the flags its
    /// instrument can raise. `points` on a question no instrument counts is an error.
    pub(super) fn instruments(
        &mut self,
        raw: Vec<Spanned<RawInstrument>>,
        questions: &mut [Question],
        ids: &QuestionIds,
    ) -> Vec<Instrument> {
        let mut seen = HashSet::new();
        let mut counted = vec![false; questions.len()];
        let mut instruments = Vec::with_capacity(raw.len());
        for spanned in raw {
            let span = spanned.span();
            let r = spanned.into_inner();
            let id = r.id.get_ref().clone();
            let name = format!("instrument \"{id}\"");
            if id.trim().is_empty() {
                self.error(r.id.span(), "an instrument id is empty");
            } else if !seen.insert(id.clone()) {
                self.error(r.id.span(), format!("{name} is declared twice"));
            }
            self.normal_id(&r.id, &name);
            let label = self.non_empty(r.label, &format!("{name}: label"));
            let items = self.instrument_items(&r.items, &name, questions, ids);
            if r.items.get_ref().is_empty() {
                self.error(
                    r.items.span(),
                    format!("{name}: items is empty; list the questions it adds up"),
                );
            }
            let flags: Vec<_> = r
                .flags
                .iter()
                .filter_map(|f| self.scale_flag(f, &name))
                .collect();
            if flags.is_empty() {
                self.warning(
                    span,
                    format!("{name} has no flags, so its total changes nothing"),
                );
            }
            for &item in &items {
                counted[item] = true;
                for flag in &flags {
                    if !questions[item].instrument_flags.contains(&flag.flag) {
                        questions[item].instrument_flags.push(flag.flag);
                    }
                }
            }
            let loinc = self.loinc(r.loinc.as_ref(), LoincKind::Term, &name);
            instruments.push(Instrument {
                id,
                label,
                items,
                flags,
                loinc,
            });
        }
        for (question, counted) in questions.iter().zip(counted) {
            if counted || !question.options().iter().any(|o| o.points.is_some()) {
                continue;
            }
            let name = format!("question \"{}\"", question.id);
            let at = self
                .points_at
                .iter()
                .find(|(q, _)| *q == name)
                .map_or(0..0, |(_, span)| span.clone());
            self.error(
                at,
                format!(
                    "{name}: its options have points, but no [[instruments]] lists it in items; \
                     add it to one or remove the points"
                ),
            );
        }
        instruments
    }

    /// An instrument's items: questions that exist, are single or multi, and give points.
    fn instrument_items(
        &mut self,
        raw: &Spanned<Vec<Spanned<String>>>,
        name: &str,
        questions: &[Question],
        ids: &QuestionIds,
    ) -> Vec<usize> {
        let mut items = Vec::new();
        for item in raw.get_ref() {
            let item_id = item.get_ref();
            if ids.unreadable.contains(item_id) {
                continue;
            }
            let Some(&index) = ids.index.get(item_id) else {
                self.error(
                    item.span(),
                    format!("{name}: items names question \"{item_id}\", which does not exist"),
                );
                continue;
            };
            let question = &questions[index];
            if !matches!(
                question.kind,
                QuestionKind::Single { .. } | QuestionKind::Multi { .. }
            ) {
                self.error(
                    item.span(),
                    format!(
                        "{name}: item \"{item_id}\" is a {} question; an item must be single or multi",
                        question.kind.name()
                    ),
                );
                continue;
            }
            if !question.options().iter().any(|o| o.points.is_some()) {
                self.error(
                    item.span(),
                    format!(
                        "{name}: item \"{item_id}\" gives no points; give its options `points`"
                    ),
                );
            }
            if items.contains(&index) {
                self.error(
                    item.span(),
                    format!("{name}: item \"{item_id}\" is listed twice"),
                );
                continue;
            }
            items.push(index);
        }
        items
    }

    /// Resolves each `show_if_score`: the instrument exists, and every item it adds up is asked
    /// before the question (a safety question may depend only on safety items).
    pub(super) fn score_conditions(
        &mut self,
        pending: Vec<PendingScoreCondition>,
        questions: &mut [Question],
        instruments: &[Instrument],
    ) {
        for PendingScoreCondition { question, raw } in pending {
            let r = raw.get_ref();
            let name = format!("question \"{}\": show_if_score", questions[question].id);
            let wanted = r.instrument.get_ref();
            let Some(index) = instruments.iter().position(|i| &i.id == wanted) else {
                self.error(
                    r.instrument.span(),
                    format!("{name} names instrument \"{wanted}\", which does not exist"),
                );
                continue;
            };
            let own_section = questions[question].section;
            let mut usable = true;
            for &item in &instruments[index].items {
                if item >= question {
                    usable = false;
                    self.error(
                        r.instrument.span(),
                        format!(
                            "{name}: instrument \"{wanted}\" counts question \"{}\", which is not \
                             before it; a question can only depend on earlier ones",
                            questions[item].id
                        ),
                    );
                } else if own_section == Section::Safety
                    && questions[item].section != Section::Safety
                {
                    usable = false;
                    self.error(
                        r.instrument.span(),
                        format!(
                            "{name}: a safety question can only depend on safety questions, and \
                             \"{}\" is not one",
                            questions[item].id
                        ),
                    );
                }
            }
            if usable {
                questions[question].show_if_score = Some(ScoreCondition {
                    instrument: index,
                    at_least: *r.at_least.get_ref(),
                });
            }
        }
    }
}
