//! Validating each kind of question: the options of single and multi questions (weights, flags,
//! choice limits), scales (bounds, weights, flags) and text (length).

use std::collections::HashSet;
use std::fmt::{self, Display};

use toml::Spanned;

use super::codes::LoincKind;
use super::model::{Choice, Flag, QuestionKind, Scale, ScaleFlag, Topic};
use super::raw::{RawChoice, RawQuestion, RawScaleFlag};
use super::validate::Validator;

/// Weights live on this scale: -2 (support group) .. +2 (group therapy).
pub const MAX_WEIGHT: f64 = 2.0;
/// The default and the upper limit of a text answer's length, in characters.
pub const DEFAULT_TEXT_LENGTH: usize = 2000;
const MAX_TEXT_LENGTH: i64 = 20_000;
/// A scale with more steps than this cannot be shown or answered sensibly.
const MAX_SCALE_STEPS: i64 = 1000;
/// An option's points towards an instrument's total stay small (AUDIT's items score 0-4).
const MAX_POINTS: i64 = 100;

/// A number as a message shows it: as written for everyday sizes, in exponent form when huge or
/// tiny (`1e300` is not 301 digits).
fn short_number(x: f64) -> String {
    if x != 0.0 && !(1e-4..1e6).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        x.to_string()
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
    pub(super) fn kind(&mut self, q: &RawQuestion, name: &dyn Display) -> QuestionKind {
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
        self.retired_last(options, name);
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
        self.normal_id(&o.id, &context);
        if let Some(points) = &o.points {
            let question = name.to_string();
            if !self.points_at.iter().any(|(q, _)| *q == question) {
                self.points_at.push((question, points.span()));
            }
        }
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
            advice: o.advice.as_ref().map(|n| n.get_ref().clone()),
            next_step: o.next_step.as_ref().map(|n| n.get_ref().clone()),
            topic: o.topic.as_ref().and_then(|t| self.topic(t, &context)),
            points: o.points.as_ref().map(|p| self.points(p, &context)),
            loinc: self.loinc(o.loinc.as_ref(), LoincKind::Answer, &context),
            skip: o.skip,
            neutral: o.neutral,
            retired: is_retired(o),
            id,
            label,
        }
    }

    /// At least two options are offered, and retired ones (kept so that older answers files
    /// still load) come after every offered one, so that an offered option's number on screen
    /// is its place in the list.
    fn retired_last(&mut self, options: &Spanned<Vec<Spanned<RawChoice>>>, name: &dyn Display) {
        let retired = |o: &Spanned<RawChoice>| is_retired(o.get_ref());
        let offered = options.get_ref().iter().filter(|o| !retired(o)).count();
        if offered < 2 {
            let which = if offered == options.get_ref().len() {
                ""
            } else {
                " that are not retired"
            };
            self.error(
                options.span(),
                format!("{name}: needs at least two options{which}"),
            );
        }
        let mut first_retired: Option<&str> = None;
        for option in options.get_ref() {
            match (retired(option), first_retired) {
                (true, None) => first_retired = Some(option.get_ref().id.get_ref()),
                (false, Some(earlier)) => self.error(
                    option.get_ref().id.span(),
                    format!(
                        "{name}: option \"{}\" comes after \"{earlier}\", which is retired; \
                         put retired options after every offered one",
                        option.get_ref().id.get_ref()
                    ),
                ),
                _ => {}
            }
        }
    }

    fn weight(&mut self, weight: &Spanned<f64>, context: &dyn Display) -> f64 {
        let w = *weight.get_ref();
        if w.abs() > MAX_WEIGHT {
            self.error(
                weight.span(),
                format!("{context}: weight {} is outside -2..2", short_number(w)),
            );
        }
        w.clamp(-MAX_WEIGHT, MAX_WEIGHT)
    }

    /// A help topic: one of the names `Topic` knows.
    pub(super) fn topic(
        &mut self,
        topic: &Spanned<String>,
        context: &dyn Display,
    ) -> Option<Topic> {
        let parsed = Topic::parse(topic.get_ref());
        if parsed.is_none() {
            let names: Vec<&str> = Topic::ALL.iter().map(|t| t.as_str()).collect();
            self.error(
                topic.span(),
                format!(
                    "{context}: topic \"{}\" is unknown; use one of {}",
                    topic.get_ref(),
                    names.join(", ")
                ),
            );
        }
        parsed
    }

    /// An option's points towards its instrument's total: a whole number from 0 to 100.
    fn points(&mut self, points: &Spanned<i64>, context: &dyn Display) -> i64 {
        let p = *points.get_ref();
        if !(0..=MAX_POINTS).contains(&p) {
            self.error(
                points.span(),
                format!("{context}: points {p} must be a whole number from 0 to {MAX_POINTS}"),
            );
        }
        p.clamp(0, MAX_POINTS)
    }

    pub(super) fn flag(&mut self, flag: &Spanned<String>, context: &dyn Display) -> Option<Flag> {
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
        // A retired tick would still count towards a multi question's limits and weight while
        // nobody could see or untick it: retiring is for single questions.
        for option in q.options.iter().flat_map(toml::Spanned::get_ref) {
            if let Some(retired) = option.get_ref().retired.as_ref().filter(|r| *r.get_ref()) {
                self.error(
                    retired.span(),
                    format!(
                        "{name}: option \"{}\" is retired, but only a single question's options can be; \
                         remove `retired` or the option",
                        option.get_ref().id.get_ref()
                    ),
                );
            }
        }
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

    pub(super) fn scale_flag(
        &mut self,
        raw: &Spanned<RawScaleFlag>,
        name: &dyn Display,
    ) -> Option<ScaleFlag> {
        let f = raw.get_ref();
        if f.at_most.is_none() && f.at_least.is_none() {
            self.error(
                raw.span(),
                format!("{name}: a flag by value needs `at_most` or `at_least`"),
            );
        }
        if let (Some(most), Some(least)) = (f.at_most, f.at_least)
            && least > most
        {
            self.error(
                raw.span(),
                format!(
                    "{name}: a flag with at_least {least} and at_most {most} can never fire; \
                     at_least must not be above at_most"
                ),
            );
        }
        Some(ScaleFlag {
            at_most: f.at_most,
            at_least: f.at_least,
            flag: self.flag(&f.flag, name)?,
            note: f.note.as_ref().map(|n| n.get_ref().clone()),
            advice: f.advice.as_ref().map(|n| n.get_ref().clone()),
            topic: f.topic.as_ref().and_then(|t| self.topic(t, name)),
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
}

/// Whether an option is marked `retired = true`.
fn is_retired(option: &RawChoice) -> bool {
    option.retired.as_ref().is_some_and(|r| *r.get_ref())
}
