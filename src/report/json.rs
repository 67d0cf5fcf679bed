//! The JSON record: the result of docs/FORMAT.md with its provenance, the crisis lines, the
//! clinician's record and every question with its answer, so that a JSON record holds all the
//! text record shows. It reads back too: [`read_json_record`] gives the answers, the clinician's
//! record and the provenance, from which the same text record is made again.

use serde::Deserialize;
use serde_json::{Value, json};

use super::record::{ClinicianRecord, Provenance, Record, contribution_of, flag_on};
use crate::answers::{self, Answers};
use crate::crisis::CrisisHelp;
use crate::questionnaire::{Flag, Questionnaire};
use crate::scoring::answer_weight;

/// The JSON record of docs/FORMAT.md: the result, `provenance`, the crisis lines in the order
/// shown (the region's first), `answers`, and in clinician mode `clinician` (notes, reference,
/// override), kept beside the computed result.
#[must_use]
pub fn json_value(record: &Record<'_>) -> Value {
    let (questionnaire, outcome, provenance) =
        (record.questionnaire, record.outcome, record.provenance);
    let mut value = serde_json::to_value(outcome).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "provenance".to_string(),
            serde_json::to_value(provenance).unwrap_or_default(),
        );
        let topics = crate::safety::help_topics(&outcome.flags);
        let help = CrisisHelp::for_topics(questionnaire, provenance.region.as_deref(), &topics)
            .listing_every_region();
        object.insert("crisis_lines".to_string(), crisis_json(&help));
        object.insert(
            "crisis_fallback".to_string(),
            help.fallback_text(&questionnaire.ui).into(),
        );
        // "safety": "none" from a questionnaire that asks no safety questions means nothing was
        // screened, not nothing found: said only then, so the contract's keys stay as they were.
        if !questionnaire.screens_safety() {
            object.insert("safety_screened".to_string(), false.into());
        }
        object.insert("answers".to_string(), answers_json(record));
        if let Some(clinician) = record.clinician {
            object.insert(
                "clinician".to_string(),
                serde_json::to_value(clinician).unwrap_or_default(),
            );
        }
    }
    value
}

/// [`json_value`], pretty-printed.
#[must_use]
pub fn json_record(record: &Record<'_>) -> String {
    serde_json::to_string_pretty(&json_value(record)).unwrap_or_default() + "\n"
}

/// The crisis lines as JSON objects, in the order shown.
fn crisis_json(help: &CrisisHelp<'_>) -> Value {
    help.lines()
        .iter()
        .map(|line| {
            json!({
                "region": line.region,
                "service": line.service,
                "contact": line.contact,
                "emergency": line.emergency,
                "url": line.url,
                "last_verified": line.last_verified,
            })
        })
        .collect()
}

/// Every question in asking order: shown or not, its answer as the answers file holds it (option
/// ids, a number or text) and in words, its weight and contribution, whether it was declined,
/// the flag it raised and the clinician's note on it.
fn answers_json(record: &Record<'_>) -> Value {
    let (questionnaire, answers, outcome) = (record.questionnaire, record.answers, record.outcome);
    let shown = answers::visible(questionnaire, answers);
    // In the order they were asked, as every record lists them.
    crate::scoring::asking_order(questionnaire, answers)
        .into_iter()
        .map(|i| {
            let question = &questionnaire.questions[i];
            let answer = answers.get(i).filter(|_| shown[i]);
            let labels: Vec<&str> = answer
                .map(answers::Answer::chosen)
                .unwrap_or_default()
                .iter()
                .filter_map(|&o| question.options().get(o).map(|o| o.label.as_str()))
                .collect();
            json!({
                "id": question.id,
                "prompt": question.prompt,
                "shown": shown[i],
                "answer": answer.map(|a| a.to_json(question)),
                "labels": labels,
                "weight": answer.and_then(|a| answer_weight(question, a)),
                "contribution": contribution_of(outcome, &question.id),
                "declined": outcome.declined.contains(&question.id),
                "flag": flag_on(outcome, &question.id).map(Flag::as_str),
                "note": record.clinician.and_then(|c| c.question_note(&question.id)),
            })
        })
        .collect()
}

/// What a JSON record gives back: enough to score it again and make the same record.
#[derive(Debug)]
pub struct ReadRecord {
    pub answers: Answers,
    pub provenance: Provenance,
    pub clinician: Option<ClinicianRecord>,
}

/// Why a JSON record could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum RecordReadError {
    #[error("not a JSON record: {0}")]
    NotJson(#[from] serde_json::Error),
    #[error(
        "the record has no \"answers\" list (records from groupfit 0.1.0 before it had one cannot be read back)"
    )]
    NoAnswers,
    #[error("the record's answer to {id:?} cannot be read: {problem}")]
    Answer { id: String, problem: String },
    #[error("the record's answers do not fit this questionnaire: {0}")]
    Unfit(String),
}

/// The part of a record [`read_json_record`] reads.
#[derive(Deserialize)]
struct Stored {
    answers: Option<Vec<StoredAnswer>>,
    provenance: Provenance,
    clinician: Option<ClinicianRecord>,
}

#[derive(Deserialize)]
struct StoredAnswer {
    id: String,
    answer: Option<Value>,
}

/// Reads a JSON record back: its answers are checked against `questionnaire` exactly as an
/// answers file's are (the record holds them as the file did), its provenance and clinician's
/// record are kept as written.
pub fn read_json_record(
    questionnaire: &Questionnaire,
    text: &str,
) -> Result<ReadRecord, RecordReadError> {
    let stored: Stored = serde_json::from_str(text)?;
    let mut table = toml::Table::new();
    for entry in stored.answers.ok_or(RecordReadError::NoAnswers)? {
        if let Some(answer) = entry.answer {
            let value = toml::Value::try_from(answer).map_err(|e| RecordReadError::Answer {
                id: entry.id.clone(),
                problem: e.to_string(),
            })?;
            table.insert(entry.id, value);
        }
    }
    let mut file = toml::Table::new();
    file.insert("answers".to_string(), toml::Value::Table(table));
    let loaded = answers::load(file.to_string().as_bytes(), questionnaire).map_err(|problems| {
        RecordReadError::Unfit(
            problems
                .iter()
                .map(|p| p.message.clone())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    Ok(ReadRecord {
        answers: loaded.answers,
        provenance: stored.provenance,
        clinician: stored.clinician,
    })
}
