//! The answers file (docs/FORMAT.md): loading and checking it against a questionnaire, and writing
//! it back out. Messages name the question and the line, never the answer given: answers are
//! health information and must not end up in logs.

mod clinician;

use std::fmt::Write as _;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Answer, Answers, check, visible};
use crate::clinician::ClinicianRecord;
use crate::diag::Diagnostic;
use crate::questionnaire::{Flag, Question, QuestionKind, Questionnaire, Section};
use crate::tomlfile;

/// Which questionnaire an answers file says it was made with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuestionnaireRef {
    pub id: Option<String>,
    pub version: Option<String>,
    pub sha256: Option<String>,
}

/// Answers that fit the questionnaire, and the warnings found.
#[derive(Debug)]
pub struct LoadedAnswers {
    pub answers: Answers,
    pub made_with: QuestionnaireRef,
    pub warnings: Vec<Diagnostic>,
    /// When resuming: the keys whose answers no longer fit and were dropped.
    pub dropped: Vec<String>,
    /// The clinician's notes, reference and override, when the file has a `[clinician]` table.
    pub clinician: Option<ClinicianRecord>,
}

/// Loads an answers file and checks every answer against `questionnaire`.
pub fn load(bytes: &[u8], questionnaire: &Questionnaire) -> Result<LoadedAnswers, Vec<Diagnostic>> {
    load_with(bytes, questionnaire, false)
}

/// Loads saved answers to carry on with: an answer that no longer fits the questionnaire (it
/// changed since they were saved) is dropped with a warning instead of refusing the file.
pub fn load_for_resume(
    bytes: &[u8],
    questionnaire: &Questionnaire,
) -> Result<LoadedAnswers, Vec<Diagnostic>> {
    load_with(bytes, questionnaire, true)
}

fn load_with(
    bytes: &[u8],
    questionnaire: &Questionnaire,
    lenient: bool,
) -> Result<LoadedAnswers, Vec<Diagnostic>> {
    let text = tomlfile::read_text(bytes).map_err(|d| vec![d])?;
    let root = tomlfile::parse(text).map_err(|d| vec![d])?;
    let text_keys: Vec<&str> = questionnaire
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Text { .. }))
        .map(|q| q.id.as_str())
        .collect();
    let mut reader = Reader {
        text,
        questionnaire,
        lenient,
        diagnostics: tomlfile::scan(text, root.get_ref(), &text_keys),
        dropped: Vec::new(),
    };
    let mut answers = Answers::new(questionnaire);
    let mut spans = vec![None; questionnaire.questions.len()];
    let mut made_with = QuestionnaireRef::default();
    let mut clinician = None;
    for (key, value) in root.get_ref() {
        match key.get_ref().as_ref() {
            "questionnaire" => made_with = reader.made_with(value),
            "answers" => match value.get_ref().as_table() {
                Some(table) => reader.answers(table, &mut answers, &mut spans),
                None => reader.error(value.span(), "`answers` must be a table: write [answers]"),
            },
            "clinician" => clinician = Some(reader.clinician(value)),
            other => reader.error(
                key.span(),
                format!("unknown top-level key `{other}`; an answers file has `questionnaire`, [answers] and [clinician]"),
            ),
        }
    }
    reader.drop_hidden(&mut answers, &spans);
    reader.compare(&made_with);
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort_by_key(|d| d.span.start);
    if diagnostics.iter().any(Diagnostic::is_error) {
        Err(diagnostics)
    } else {
        Ok(LoadedAnswers {
            answers,
            made_with,
            warnings: diagnostics,
            dropped: reader.dropped,
            clinician,
        })
    }
}

struct Reader<'a> {
    text: &'a str,
    questionnaire: &'a Questionnaire,
    /// Answers that do not fit are dropped with a warning rather than refused.
    lenient: bool,
    diagnostics: Vec<Diagnostic>,
    dropped: Vec<String>,
}

impl Reader<'_> {
    fn error(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(self.text, span, message));
    }

    /// An answer that does not fit: an error, or when resuming, a warning that it was dropped.
    fn misfit(&mut self, span: std::ops::Range<usize>, key: &str, message: String) {
        if self.lenient {
            self.dropped.push(key.to_string());
            self.warning(span, format!("{message}; that answer was dropped"));
        } else {
            self.error(span, message);
        }
    }

    fn warning(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(self.text, span, message));
    }

    fn made_with(&mut self, value: &Spanned<DeValue<'_>>) -> QuestionnaireRef {
        let Some(table) = value.get_ref().as_table() else {
            self.error(value.span(), "`questionnaire` must be a table like { id = \"...\", version = \"...\", sha256 = \"...\" }");
            return QuestionnaireRef::default();
        };
        let mut found = QuestionnaireRef::default();
        for (key, field) in table {
            let slot = match key.get_ref().as_ref() {
                "id" => &mut found.id,
                "version" => &mut found.version,
                "sha256" => &mut found.sha256,
                other => {
                    self.error(
                        key.span(),
                        format!(
                            "unknown key `{other}` in `questionnaire`; use id, version and sha256"
                        ),
                    );
                    continue;
                }
            };
            match field.get_ref().as_str() {
                Some(s) => *slot = Some(s.to_string()),
                None => self.error(
                    field.span(),
                    format!("questionnaire.{} must be a string", key.get_ref()),
                ),
            }
        }
        found
    }

    fn answers(
        &mut self,
        table: &DeTable<'_>,
        answers: &mut Answers,
        spans: &mut [Option<std::ops::Range<usize>>],
    ) {
        for (key, value) in table {
            let id = key.get_ref().as_ref();
            let Some(index) = self.questionnaire.question_index(id) else {
                self.misfit(
                    key.span(),
                    id,
                    format!(
                        "\"{id}\" is not a question in questionnaire \"{}\"",
                        self.questionnaire.meta.id
                    ),
                );
                continue;
            };
            let question = &self.questionnaire.questions[index];
            if self.diagnostics.iter().any(|d| d.span == value.span()) {
                // The text scan has already refused this value (an escape character, say):
                // once is enough.
                continue;
            }
            match answer_from_value(question, value.get_ref())
                .and_then(|a| check(question, &a).map(|()| a).map_err(|p| p.to_string()))
            {
                Ok(answer) => {
                    answers.set(index, answer);
                    spans[index] = Some(key.span());
                }
                Err(why) => self.misfit(value.span(), id, format!("the answer to \"{id}\" {why}")),
            }
        }
    }

    /// Answers to questions that `show_if` hides are ignored, with a warning each; but an
    /// answer to a hidden safety question that calls for help (a red or amber flag, such as a
    /// "yes" to a plan under "not at all") is never dropped silently: the file contradicts
    /// itself on safety, and is refused, resumed or scored.
    fn drop_hidden(&mut self, answers: &mut Answers, spans: &[Option<std::ops::Range<usize>>]) {
        let shown = visible(self.questionnaire, answers);
        for (index, is_shown) in shown.into_iter().enumerate() {
            if is_shown {
                continue;
            }
            let Some(answer) = answers.hold(index).cloned() else {
                continue;
            };
            let question = &self.questionnaire.questions[index];
            let span = spans[index].clone().unwrap_or(0..0);
            let calls_for_help = question.section == Section::Safety
                && crate::safety::highest_flag(self.questionnaire, index, &answer)
                    .is_some_and(|flag| flag >= Flag::Amber);
            if calls_for_help {
                self.error(
                    span,
                    format!(
                        "the answer to \"{}\" calls for help, but an earlier answer hides that \
                         question (its show_if), so the file contradicts itself on safety; check \
                         the answers with the person and correct one of them",
                        question.id
                    ),
                );
            } else {
                self.warning(
                    span,
                    format!(
                        "\"{}\" is hidden by its show_if condition, so its answer is ignored",
                        question.id
                    ),
                );
            }
        }
    }

    fn compare(&mut self, made_with: &QuestionnaireRef) {
        let meta = &self.questionnaire.meta;
        if made_with.id.as_ref().is_some_and(|id| *id != meta.id) {
            self.warning(
                0..0,
                format!(
                    "these answers were made with questionnaire \"{}\", not \"{}\"",
                    made_with.id.as_deref().unwrap_or(""),
                    meta.id
                ),
            );
        } else if made_with
            .sha256
            .as_ref()
            .is_some_and(|sha| !sha.eq_ignore_ascii_case(&self.questionnaire.sha256))
        {
            self.warning(0..0, "these answers were made with a different copy of the questionnaire (its sha256 differs); check that the questions still mean the same");
        }
    }
}

/// Reads one answer value; `Err` says what kind of value was expected.
fn answer_from_value(question: &Question, value: &DeValue<'_>) -> Result<Answer, String> {
    let option = |id: &str| {
        question.option_index(id).ok_or_else(|| {
            let ids: Vec<&str> = question.options().iter().map(|o| o.id.as_str()).collect();
            format!(
                "names an option the question does not have (its options are {})",
                ids.join(", ")
            )
        })
    };
    match (&question.kind, value) {
        (QuestionKind::Single { .. }, DeValue::String(s)) => option(s).map(Answer::Choice),
        (QuestionKind::Multi { .. }, DeValue::Array(items)) => items
            .iter()
            .map(|item| {
                item.get_ref()
                    .as_str()
                    .ok_or_else(|| "must list option ids as strings".to_string())
                    .and_then(option)
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Answer::Choices),
        (QuestionKind::Scale(_), DeValue::Integer(i)) => i64::from_str_radix(i.as_str(), i.radix())
            .map(Answer::Scale)
            .map_err(|_| "is not a whole number that fits".to_string()),
        (QuestionKind::Text { .. }, DeValue::String(s)) => Ok(Answer::Text(s.to_string())),
        (kind, _) => Err(format!("must be {}", expected_value(kind))),
    }
}

fn expected_value(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single { .. } => "one option id in quotes, like \"yes\"",
        QuestionKind::Multi { .. } => "a list of option ids, like [\"a\", \"b\"]",
        QuestionKind::Scale(_) => "a whole number",
        QuestionKind::Text { .. } => "text in quotes",
    }
}

/// Writes answers in the answers-file format, naming the questionnaire they were made with,
/// with a clinician's notes, reference and override when there are any.
#[must_use]
pub fn to_toml(
    questionnaire: &Questionnaire,
    answers: &Answers,
    clinician: Option<&ClinicianRecord>,
) -> String {
    let meta = &questionnaire.meta;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "questionnaire = {{ id = {}, version = {}, sha256 = {} }}\n\n[answers]",
        toml_string(&meta.id),
        toml_string(&meta.version),
        toml_string(&questionnaire.sha256)
    );
    for index in answers.answered() {
        let question = &questionnaire.questions[index];
        if let Some(answer) = answers.get(index) {
            let _ = writeln!(
                out,
                "{} = {}",
                toml_key(&question.id),
                toml_value(&answer.to_json(question))
            );
        }
    }
    out.push_str(&clinician.map(clinician::clinician_toml).unwrap_or_default());
    out
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn toml_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_string()
    } else {
        toml_string(key)
    }
}

fn toml_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => toml_string(s),
        serde_json::Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(toml_value).collect();
            format!("[{}]", inner.join(", "))
        }
        other => other.to_string(),
    }
}
