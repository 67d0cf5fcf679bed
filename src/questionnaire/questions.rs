//! Validating `[[questions]]`: each question read on its own, its kind-specific keys checked,
//! then `show_if` references resolved against the questions before it.

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Display};

use toml::Spanned;
use toml::de::DeValue;

use super::model::{
    Choice, Dimension, Flag, Question, QuestionKind, Scale, ScaleFlag, Section, ShowIf,
};
use super::raw::{RawChoice, RawQuestion, RawScaleFlag, RawShowIf};
use super::validate::{RESERVED_DIMENSIONS, Validator};
use crate::tomlfile;

/// Weights live on this scale: -2 (support group) .. +2 (group therapy).
pub const MAX_WEIGHT: f64 = 2.0;
/// The default and the upper limit of a text answer's length, in characters.
pub const DEFAULT_TEXT_LENGTH: usize = 2000;
const MAX_TEXT_LENGTH: i64 = 20_000;
/// A scale with more steps than this cannot be shown or answered sensibly.
const MAX_SCALE_STEPS: i64 = 1000;

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

/// `question "p1": option "yes"`, formatted only when needed.
struct OptionName<'a> {
    question: &'a dyn Display,
    option: &'a str,
}

impl Display for OptionName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: option \"{}\"", self.question, self.option)
    }
}

impl Validator<'_> {
    pub(super) fn questions(
        &mut self,
        raw: Vec<Spanned<DeValue<'_>>>,
        dimensions: &[Dimension],
    ) -> Vec<Question> {
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
            show_ifs.push(raw_question.show_if.take());
            questions.push(self.question(raw_question, dimensions));
        }
        for (i, show_if) in show_ifs.into_iter().enumerate() {
            if let Some(show_if) = show_if {
                questions[i].show_if = self.show_if(&show_if, i, &questions, &index, &unreadable);
            }
        }
        questions
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
        Question {
            id,
            section,
            prompt,
            help: q.help.map(Spanned::into_inner),
            why: q.why.map(Spanned::into_inner),
            required: q.required,
            show_if: None,
            kind,
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

    fn kind(&mut self, q: &RawQuestion, name: &dyn Display) -> QuestionKind {
        match q.kind.get_ref().as_str() {
            "single" => QuestionKind::Single {
                options: self.choices(q, name),
            },
            "multi" => self.multi(q, name),
            "scale" => QuestionKind::Scale(self.scale(q, name)),
            "text" => self.text_kind(q, name),
            other => {
                self.error(
                    q.kind.span(),
                    format!(
                        "{name}: kind \"{other}\" is unknown; use single, multi, scale or text"
                    ),
                );
                QuestionKind::Text {
                    max_length: DEFAULT_TEXT_LENGTH,
                    multiline: false,
                }
            }
        }
    }

    fn choices(&mut self, q: &RawQuestion, name: &dyn Display) -> Vec<Choice> {
        let Some(options) = &q.options else {
            self.error(
                q.kind.span(),
                format!("{name}: a {} question needs `options`", q.kind.get_ref()),
            );
            return Vec::new();
        };
        if options.get_ref().len() < 2 {
            self.error(
                options.span(),
                format!("{name}: needs at least two options"),
            );
        }
        let mut seen = HashSet::new();
        options
            .get_ref()
            .iter()
            .map(|option| {
                let id = option.get_ref().id.get_ref();
                if !seen.insert(id.clone()) {
                    self.error(
                        option.get_ref().id.span(),
                        format!("{name}: option \"{id}\" appears twice"),
                    );
                }
                self.choice(option.get_ref(), name)
            })
            .collect()
    }

    fn choice(&mut self, o: &RawChoice, name: &dyn Display) -> Choice {
        let id = o.id.get_ref().clone();
        if id.trim().is_empty() {
            self.error(
                o.id.span(),
                format!("{name}: an option id is empty; write some text"),
            );
        }
        let context = OptionName {
            question: name,
            option: &id,
        };
        let label = o.label.get_ref().clone();
        if label.trim().is_empty() {
            self.error(
                o.label.span(),
                format!("{context}: label is empty; write some text"),
            );
        }
        Choice {
            weight: o.weight.as_ref().map(|w| self.weight(w, &context)),
            flag: o.flag.as_ref().and_then(|f| self.flag(f, &context)),
            note: o.note.as_ref().map(|n| n.get_ref().clone()),
            skip: o.skip,
            id,
            label,
        }
    }

    fn weight(&mut self, weight: &Spanned<f64>, context: &dyn Display) -> f64 {
        let w = *weight.get_ref();
        if w.abs() > MAX_WEIGHT {
            self.error(
                weight.span(),
                format!("{context}: weight {w} is outside -2..2"),
            );
        }
        w.clamp(-MAX_WEIGHT, MAX_WEIGHT)
    }

    fn flag(&mut self, flag: &Spanned<String>, context: &dyn Display) -> Option<Flag> {
        let parsed = Flag::parse(flag.get_ref());
        if parsed.is_none() {
            self.error(
                flag.span(),
                format!(
                    "{context}: flag \"{}\" is unknown; use red, amber or prep",
                    flag.get_ref()
                ),
            );
        }
        parsed
    }

    fn multi(&mut self, q: &RawQuestion, name: &dyn Display) -> QuestionKind {
        let options = self.choices(q, name);
        let count = options.len();
        let min_choices = q
            .min_choices
            .as_ref()
            .and_then(|m| self.choice_count(m, count, name, "min_choices"));
        let max_choices = q
            .max_choices
            .as_ref()
            .and_then(|m| self.choice_count(m, count, name, "max_choices"));
        if let (Some(min), Some(max), Some(span)) =
            (min_choices, max_choices, q.max_choices.as_ref())
            && min > max
        {
            self.error(
                span.span(),
                format!("{name}: max_choices ({max}) is below min_choices ({min})"),
            );
        }
        QuestionKind::Multi {
            options,
            min_choices,
            max_choices,
        }
    }

    fn choice_count(
        &mut self,
        value: &Spanned<i64>,
        count: usize,
        name: &dyn Display,
        key: &str,
    ) -> Option<usize> {
        let n = *value.get_ref();
        match usize::try_from(n) {
            Ok(n) if (1..=count).contains(&n) => Some(n),
            _ => {
                self.error(
                    value.span(),
                    format!("{name}: {key} is {n}, but the question has {count} options; use 1 to {count}"),
                );
                None
            }
        }
    }

    fn scale(&mut self, q: &RawQuestion, name: &dyn Display) -> Scale {
        let (min, max) = if let (Some(min), Some(max)) = (&q.min, &q.max) {
            (*min.get_ref(), *max.get_ref())
        } else {
            self.error(
                q.kind.span(),
                format!("{name}: a scale question needs `min` and `max`"),
            );
            (0, 1)
        };
        if let Some(max_span) = &q.max {
            if min >= max {
                self.error(max_span.span(), format!("{name}: scale bounds are reversed or equal: min {min} must be below max {max}"));
            } else if max.saturating_sub(min) > MAX_SCALE_STEPS {
                self.error(
                    max_span.span(),
                    format!("{name}: a scale may span at most {MAX_SCALE_STEPS} steps"),
                );
            }
        }
        let context = name;
        let weights = q.weights.as_ref().and_then(|w| {
            if w.get_ref().len() == 2 {
                Some((
                    self.weight(&w.get_ref()[0], context),
                    self.weight(&w.get_ref()[1], context),
                ))
            } else {
                self.error(
                    w.span(),
                    format!("{name}: `weights` needs two numbers: the weight at min and at max"),
                );
                None
            }
        });
        let flags = q
            .flags
            .iter()
            .flatten()
            .filter_map(|f| self.scale_flag(f, name))
            .collect();
        let (min, max) = if min < max {
            (min, max)
        } else {
            (min, min.saturating_add(1))
        };
        Scale {
            min,
            max,
            min_label: q.min_label.as_ref().map(|l| l.get_ref().clone()),
            max_label: q.max_label.as_ref().map(|l| l.get_ref().clone()),
            weights,
            flags,
        }
    }

    fn scale_flag(&mut self, raw: &Spanned<RawScaleFlag>, name: &dyn Display) -> Option<ScaleFlag> {
        let f = raw.get_ref();
        if f.at_most.is_none() && f.at_least.is_none() {
            self.error(
                raw.span(),
                format!("{name}: a scale flag needs `at_most` or `at_least`"),
            );
        }
        Some(ScaleFlag {
            at_most: f.at_most,
            at_least: f.at_least,
            flag: self.flag(&f.flag, name)?,
            note: f.note.as_ref().map(|n| n.get_ref().clone()),
        })
    }

    fn text_kind(&mut self, q: &RawQuestion, name: &dyn Display) -> QuestionKind {
        let max_length = match &q.max_length {
            None => DEFAULT_TEXT_LENGTH,
            Some(value) => match usize::try_from(*value.get_ref()) {
                Ok(n) if n >= 1 && *value.get_ref() <= MAX_TEXT_LENGTH => n,
                _ => {
                    self.error(
                        value.span(),
                        format!("{name}: max_length must be 1 to {MAX_TEXT_LENGTH}"),
                    );
                    DEFAULT_TEXT_LENGTH
                }
            },
        };
        QuestionKind::Text {
            max_length,
            multiline: q.multiline.unwrap_or(false),
        }
    }

    fn show_if(
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
