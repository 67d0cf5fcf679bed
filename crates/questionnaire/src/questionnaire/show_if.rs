//! Answer conditions: "question Q was answered with one of these options". `show_if` uses one
//! (a question may depend only on an earlier single or multi question, and a safety question
//! only on another safety question); `[scoring.lighter_step]` uses lists of them.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::model::{LighterStep, Question, QuestionKind, Referral, Section, ShowIf};
use super::raw::{RawLighterStep, RawReferral, RawShowIf};
use super::validate::Validator;

impl Validator<'_> {
    pub(super) fn show_if(
        &mut self,
        raw: &Spanned<RawShowIf>,
        own: usize,
        questions: &[Question],
        index: &HashMap<String, usize>,
        unreadable: &HashSet<String>,
    ) -> Option<ShowIf> {
        let name = format!("question \"{}\"", questions[own].id);
        let target_id = raw.get_ref().question.get_ref();
        let span = raw.get_ref().question.span();
        if let Some(&target) = index.get(target_id) {
            if target >= own {
                self.error(span, format!("{name}: show_if names question \"{target_id}\", which is not before it; a question can only depend on an earlier one"));
                return None;
            }
            if questions[own].section == Section::Safety
                && questions[target].section != Section::Safety
            {
                self.error(span.clone(), format!("{name}: a safety question can only depend on another safety question, not \"{target_id}\""));
            }
        }
        self.condition(
            raw,
            &format!("{name}: show_if"),
            questions,
            index,
            unreadable,
        )
    }

    /// The stepped-care rule, its conditions resolved against the questions.
    pub(super) fn lighter_step(
        &mut self,
        raw: &Spanned<RawLighterStep>,
        questions: &[Question],
        index: &HashMap<String, usize>,
        unreadable: &HashSet<String>,
    ) -> LighterStep {
        let raw_span = raw.span();
        let raw = raw.get_ref();
        let mut resolve = |key: &str, list: &[Spanned<RawShowIf>]| -> Vec<ShowIf> {
            let name = format!("[scoring.lighter_step] {key}");
            list.iter()
                .filter_map(|c| self.condition(c, &name, questions, index, unreadable))
                .collect()
        };
        let when = resolve("when", &raw.when);
        let unless = resolve("unless", &raw.unless);
        if raw.when.is_empty() {
            self.error(
                raw_span.clone(),
                "[scoring.lighter_step] when is empty; name at least one answer it needs",
            );
        }
        let reason = self.non_empty(raw.reason.clone(), "[scoring.lighter_step] reason");
        LighterStep {
            reason,
            when,
            unless,
        }
    }

    /// A named group, its conditions resolved and the kind of group it names checked.
    pub(super) fn referral(
        &mut self,
        raw: &Spanned<RawReferral>,
        questions: &[Question],
        index: &HashMap<String, usize>,
        unreadable: &HashSet<String>,
    ) -> Referral {
        let name = "[[scoring.referral]]";
        let r = raw.get_ref();
        let when = r
            .when
            .iter()
            .filter_map(|c| {
                self.condition(c, &format!("{name} when"), questions, index, unreadable)
            })
            .collect();
        if r.when.is_empty() {
            self.error(
                raw.span(),
                format!("{name} when is empty; name at least one answer it needs"),
            );
        }
        let group_therapy = match r.recommend.get_ref().as_str() {
            "group_therapy" => true,
            "support_group" => false,
            other => {
                self.error(
                    r.recommend.span(),
                    format!(
                        "{name} recommend \"{other}\" is unknown; use group_therapy or support_group"
                    ),
                );
                true
            }
        };
        Referral {
            reason: self.non_empty(r.reason.clone(), &format!("{name} reason")),
            when,
            group_therapy,
        }
    }

    /// One condition: the question exists, is a single or multi question, and has the options.
    fn condition(
        &mut self,
        raw: &Spanned<RawShowIf>,
        name: &str,
        questions: &[Question],
        index: &HashMap<String, usize>,
        unreadable: &HashSet<String>,
    ) -> Option<ShowIf> {
        let target_id = raw.get_ref().question.get_ref();
        let span = raw.get_ref().question.span();
        if unreadable.contains(target_id) {
            return None; // already reported where that question is
        }
        let Some(&target) = index.get(target_id) else {
            self.error(
                span,
                format!("{name} names question \"{target_id}\", which does not exist"),
            );
            return None;
        };
        let target_question = &questions[target];
        if !matches!(
            target_question.kind,
            QuestionKind::Single { .. } | QuestionKind::Multi { .. }
        ) {
            self.error(
                span,
                format!(
                    "{name} must name a single or multi question; \"{target_id}\" is a {} question",
                    target_question.kind.name()
                ),
            );
            return None;
        }
        if raw.get_ref().any_of.is_empty() {
            self.error(
                raw.span(),
                format!("{name}: any_of is empty; list the options it names"),
            );
        }
        let mut any_of = Vec::new();
        for option in &raw.get_ref().any_of {
            match target_question.option_index(option.get_ref()) {
                Some(i) => any_of.push(i),
                None => self.error(
                    option.span(),
                    format!(
                        "{name} names option \"{}\", which question \"{target_id}\" does not have",
                        option.get_ref()
                    ),
                ),
            }
        }
        Some(ShowIf {
            question: target,
            any_of,
        })
    }
}
