//! Validating `[[questions]]`: each question read on its own, its kind-specific keys checked,
//! then `show_if` references resolved against the questions before it.

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Display};

use toml::Spanned;
use toml::de::DeValue;

use super::codes::LoincKind;
use super::instruments::PendingScoreCondition;
use super::model::{Dimension, Question, Section};
use super::raw::RawQuestion;
use super::validate::{RESERVED_DIMENSIONS, Validator};
use crate::tomlfile;

/// The kinds of question.
const KINDS: [&str; 4] = ["single", "multi", "scale", "text"];

/// Which keys belong to which kinds of question.
const KIND_KEYS: &[(&str, &[&str])] = &[
    ("options", &["single", "multi"]),
    ("min_choices", &["multi"]),
    ("max_choices", &["multi"]),
    ("min", &["scale"]),
    ("max", &["scale"]),
    ("min_label", &["scale"]),
    ("max_label", &["scale"]),
    ("weights", &["scale"]),
    ("flags", &["scale"]),
    ("max_length", &["text"]),
    ("multiline", &["text"]),
];

/// How messages name a question that could not be read: by id, or by position. Formatted only
/// when a message is written, not for every question of a valid file.
struct ItemName<'a> {
    id: Option<&'a str>,
    index: usize,
}

impl Display for ItemName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.id {
            Some(id) => write!(f, "question \"{id}\""),
            None => write!(f, "question #{}", self.index + 1),
        }
    }
}

/// `question "p1"`, formatted only when needed.
struct QuestionName<'a>(&'a str);

impl Display for QuestionName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "question \"{}\"", self.0)
    }
}

/// The questions' ids, for resolving references to them: each id's index, and the ids of
/// questions too broken to read (already reported, so a reference to one is not reported again).
pub(super) struct QuestionIds {
    pub index: HashMap<String, usize>,
    pub unreadable: HashSet<String>,
}

impl Validator<'_> {
    pub(super) fn questions(
        &mut self,
        raw: Vec<Spanned<DeValue<'_>>>,
        dimensions: &[Dimension],
    ) -> (Vec<Question>, QuestionIds, Vec<PendingScoreCondition>) {
        let mut unreadable = HashSet::new();
        let mut read = Vec::with_capacity(raw.len());
        for (i, item) in raw.into_iter().enumerate() {
            let id = tomlfile::table_id(item.get_ref()).map(str::to_string);
            let name = ItemName {
                id: id.as_deref(),
                index: i,
            };
            let kind_problems = self.keys_outside_kind(&item, &name);
            match self.section::<RawQuestion>(item, &name) {
                Some(q) if !kind_problems => read.push(q),
                _ => {
                    unreadable.extend(id);
                }
            }
        }
        let mut index = HashMap::new();
        let mut questions = Vec::with_capacity(read.len());
        let mut show_ifs = Vec::with_capacity(read.len());
        let mut score_conditions = Vec::new();
        for mut raw_question in read {
            let id = raw_question.id.get_ref().clone();
            if id.trim().is_empty() {
                self.error(raw_question.id.span(), "a question id is empty");
            } else if index.insert(id.clone(), questions.len()).is_some() {
                self.error(
                    raw_question.id.span(),
                    format!("question \"{id}\" is declared twice; ids must be unique"),
                );
            }
            self.normal_id(&raw_question.id, &QuestionName(&id));
            show_ifs.push(raw_question.show_if.take());
            if let Some(raw) = raw_question.show_if_score.take() {
                if raw_question.show_if.is_some() || show_ifs.last().is_some_and(Option::is_some) {
                    self.error(
                        raw.span(),
                        format!(
                            "question \"{id}\": has both show_if and show_if_score; a question \
                             can depend on one condition only"
                        ),
                    );
                }
                score_conditions.push(PendingScoreCondition {
                    question: questions.len(),
                    raw,
                });
            }
            questions.push(self.question(raw_question, dimensions));
        }
        for (i, show_if) in show_ifs.into_iter().enumerate() {
            if let Some(show_if) = show_if {
                questions[i].show_if = self.show_if(&show_if, i, &questions, &index, &unreadable);
            }
        }
        (
            questions,
            QuestionIds { index, unreadable },
            score_conditions,
        )
    }

    /// Reports keys that do not apply to the question's kind; true if there were any.
    fn keys_outside_kind(&mut self, item: &Spanned<DeValue<'_>>, name: &dyn Display) -> bool {
        let Some(table) = item.get_ref().as_table() else {
            return false;
        };
        let Some(kind) = table.get("kind").and_then(|k| k.get_ref().as_str()) else {
            return false;
        };
        if !KINDS.contains(&kind) {
            return false; // the unknown kind itself is reported when the question is built
        }
        let mut found = false;
        for (key, value) in table {
            let allowed = KIND_KEYS.iter().find(|(k, _)| *k == key.get_ref().as_ref());
            if let Some((key_name, kinds)) = allowed
                && !kinds.contains(&kind)
            {
                found = true;
                self.error(
                    key.span().start..value.span().end,
                    format!(
                        "{name}: `{key_name}` does not apply to a {kind} question (it is for {})",
                        kinds.join(" and ")
                    ),
                );
            }
        }
        found
    }

    fn question(&mut self, q: RawQuestion, dimensions: &[Dimension]) -> Question {
        let id = q.id.get_ref().clone();
        let name = QuestionName(&id);
        let section = self.section_of(&q.dimension, dimensions, &name);
        let prompt_span = q.prompt.span();
        let prompt = q.prompt.get_ref().clone();
        if prompt.trim().is_empty() {
            self.error(
                prompt_span,
                format!("{name}: prompt is empty; write some text"),
            );
        }
        let kind = self.kind(&q, &name);
        let loinc = self.loinc(q.loinc.as_ref(), LoincKind::Term, &name);
        Question {
            id,
            section,
            prompt,
            help: q.help.map(Spanned::into_inner),
            why: q.why.map(Spanned::into_inner),
            required: q.required,
            circumstance: q.circumstance,
            show_if: None,
            show_if_score: None,
            kind,
            instrument_flags: Vec::new(),
            loinc,
        }
    }

    fn section_of(
        &mut self,
        dimension: &Spanned<String>,
        dimensions: &[Dimension],
        name: &dyn Display,
    ) -> Section {
        match dimension.get_ref().as_str() {
            "safety" => Section::Safety,
            "info" => Section::Info,
            other => {
                if let Some(i) = dimensions.iter().position(|d| d.id == other) {
                    Section::Scored(i)
                } else {
                    let mut declared: Vec<&str> = dimensions
                        .iter()
                        .map(|d| d.id.as_str())
                        .filter(|id| !RESERVED_DIMENSIONS.contains(id))
                        .collect();
                    declared.push("safety");
                    self.error(
                        dimension.span(),
                        format!(
                            "{name}: dimension \"{other}\" is not declared; use one of {} or info",
                            declared.join(", ")
                        ),
                    );
                    Section::Info
                }
            }
        }
    }
}
