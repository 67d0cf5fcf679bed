//! Resolving `show_if`: a question may depend only on an earlier single or multi question, on
//! options that question has, and a safety question only on another safety question.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::model::{Question, QuestionKind, Section, ShowIf};
use super::raw::RawShowIf;
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
        if unreadable.contains(target_id) {
            return None; // already reported where that question is
        }
        let Some(&target) = index.get(target_id) else {
            self.error(
                span,
                format!("{name}: show_if names question \"{target_id}\", which does not exist"),
            );
            return None;
        };
        if target >= own {
            self.error(span, format!("{name}: show_if names question \"{target_id}\", which is not before it; a question can only depend on an earlier one"));
            return None;
        }
        let target_question = &questions[target];
        if questions[own].section == Section::Safety && target_question.section != Section::Safety {
            self.error(span.clone(), format!("{name}: a safety question can only depend on another safety question, not \"{target_id}\""));
        }
        if !matches!(
            target_question.kind,
            QuestionKind::Single { .. } | QuestionKind::Multi { .. }
        ) {
            self.error(span, format!("{name}: show_if must name a single or multi question; \"{target_id}\" is a {} question", target_question.kind.name()));
            return None;
        }
        if raw.get_ref().any_of.is_empty() {
            self.error(
                raw.span(),
                format!(
                    "{name}: show_if.any_of is empty; list the options that show this question"
                ),
            );
        }
        let mut any_of = Vec::new();
        for option in &raw.get_ref().any_of {
            match target_question.option_index(option.get_ref()) {
                Some(i) => any_of.push(i),
                None => self.error(
                    option.span(),
                    format!("{name}: show_if names option \"{}\", which question \"{target_id}\" does not have", option.get_ref()),
                ),
            }
        }
        Some(ShowIf {
            question: target,
            any_of,
        })
    }
}
