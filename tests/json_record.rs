//! The JSON record holds the whole record: every JSON record `score` writes is valid against the
//! schema file in docs/ (with negative controls, so the check can fail), and a JSON record read
//! back gives the same text record, a clinician's notes and override included.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

mod common;

use groupfit::report::{self, Format, Record};

/// The schema of docs/record.schema.json, compiled.
fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let text = std::fs::read_to_string("docs/record.schema.json").unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("record.schema.json", serde_json::from_str(&text).unwrap())
        .unwrap();
    let index = compiler
        .compile("record.schema.json", &mut schemas)
        .unwrap();
    (schemas, index)
}

/// Every answers file the project has: the examples and the played stories.
fn answers_files() -> Vec<PathBuf> {
    common::answers_files_in(&[
        "examples/answers",
        "tests/validation/tuning/answers",
        "tests/validation/holdout/answers",
    ])
}

fn score_json(files: &[PathBuf]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(["score", "--format", "json", "--answers"])
        .args(files)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_json_record_is_valid_against_the_schema_file() {
    let (schemas, index) = schema();
    let files = answers_files();
    assert!(files.len() > 40, "{} files", files.len());
    let Value::Array(records) = score_json(&files) else {
        panic!("several files give an array")
    };
    assert_eq!(records.len(), files.len());
    for (record, file) in records.iter().zip(&files) {
        if let Err(e) = schemas.validate(record, index) {
            panic!("{}: {e:#}", file.display());
        }
    }
    // One file alone: one object, without `file`.
    let one = score_json(&[PathBuf::from("examples/answers/clinician-amber.toml")]);
    assert!(one.get("file").is_none());
    schemas.validate(&one, index).unwrap();
}

#[test]
fn the_schema_refuses_a_record_that_is_wrong() {
    type Spoil = fn(&mut Value);
    let (schemas, index) = schema();
    let good = score_json(&[PathBuf::from("examples/answers/clinician-amber.toml")]);
    let broken: [(&str, Spoil); 5] = [
        ("without answers", |v| {
            v.as_object_mut().unwrap().remove("answers");
        }),
        ("an unknown recommendation", |v| {
            v["recommendation"] = json!("join_anything");
        }),
        ("an answer without its prompt", |v| {
            v["answers"][0].as_object_mut().unwrap().remove("prompt");
        }),
        ("a weight out of range", |v| {
            v["answers"][20]["weight"] = json!(3.5);
        }),
        ("an override to a crisis", |v| {
            v["clinician"]["override_recommendation"]["recommendation"] = json!("crisis");
        }),
    ];
    for (what, spoil) in broken {
        let mut bad = good.clone();
        spoil(&mut bad);
        assert!(
            schemas.validate(&bad, index).is_err(),
            "a record {what} passed"
        );
    }
}

#[test]
fn a_json_record_holds_every_answer_with_its_words_weight_and_note() {
    let record = score_json(&[PathBuf::from("examples/answers/clinician-amber.toml")]);
    let answers = record["answers"].as_array().unwrap();
    let entry = |id: &str| answers.iter().find(|a| a["id"] == id).unwrap().clone();
    let s1 = entry("s1");
    assert_eq!(s1["answer"], "several_days");
    assert_eq!(s1["labels"], json!(["Several days"]));
    assert_eq!(s1["flag"], "amber");
    assert_eq!(
        s1["note"],
        "Discussed; passive thoughts, no plan, no intent."
    );
    let p1 = entry("p1");
    assert_eq!(p1["weight"], -2.0);
    assert!(p1["contribution"].as_f64().unwrap() < 0.0);
    assert_eq!(entry("notes")["answer"], "My husband died in the spring.");
    // A question its gate kept hidden is listed as not shown, with no answer.
    let hidden = answers.iter().find(|a| a["shown"] == false).unwrap();
    assert!(hidden["answer"].is_null(), "{hidden}");
}

/// Found by a screen-reader playtest: under the adaptive order the record listed the answers in
/// the file's order, so the daily-life question a person was asked 18th came after questions
/// never asked. Every record lists them in the order they were asked.
#[test]
fn the_records_list_the_answers_in_the_order_they_were_asked() {
    let q = common::default_questionnaire();
    let answers = common::widowed_answers(&q);
    let asked: Vec<&str> = groupfit::scoring::asking_order(&q, &answers)
        .into_iter()
        .map(|i| q.questions[i].id.as_str())
        .collect();
    assert_ne!(
        asked,
        q.asking_order()
            .into_iter()
            .map(|i| q.questions[i].id.as_str())
            .collect::<Vec<_>>(),
        "the adaptive order differs from the file's, or this test shows nothing"
    );
    let provenance = report::Provenance {
        generated: "2026-12-01 10:00 +00:00".into(),
        tool_version: "0".into(),
        mode: "self".into(),
        region: None,
    };
    let (text, json) = text_record(&q, &answers, &provenance, None);
    let json: Value = serde_json::from_str(&json).unwrap();
    let listed: Vec<&str> = json["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, asked);
    // The text record's every-answer rows: each answered question's prompt is found after the
    // one asked before it (read as words: the record wraps its lines).
    let every = &text[text.find(&q.ui.heading_every_answer).unwrap()..];
    let flat = every.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut from = 0;
    for id in asked {
        let i = q.question_index(id).unwrap();
        if answers.get(i).is_none() {
            continue;
        }
        let prompt = q.questions[i]
            .prompt
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let at = flat[from..]
            .find(&prompt)
            .unwrap_or_else(|| panic!("{id} is not listed after the question asked before it"));
        from += at + prompt.len();
    }
}

/// The text record of a record made from the given parts.
fn text_record(
    q: &groupfit::questionnaire::Questionnaire,
    answers: &groupfit::answers::Answers,
    provenance: &report::Provenance,
    clinician: Option<&report::ClinicianRecord>,
) -> (String, String) {
    let outcome = groupfit::scoring::score(q, answers);
    let record = Record {
        questionnaire: q,
        answers,
        outcome: &outcome,
        provenance,
        clinician,
    };
    (Format::Text.render(&record), Format::Json.render(&record))
}

#[test]
fn a_json_record_read_back_gives_the_same_text_record() {
    let q = common::default_questionnaire();
    for file in answers_files() {
        let source = std::fs::read_to_string(&file).unwrap();
        let loaded = groupfit::answers::load(source.as_bytes(), &q).unwrap();
        let provenance = report::Provenance {
            generated: "2025-12-01 09:30 +01:00".into(),
            tool_version: "0.1.0".into(),
            mode: if loaded.clinician.is_some() {
                "clinician"
            } else {
                "self-assessment"
            }
            .into(),
            region: Some("GB".into()),
        };
        let clinician = loaded.clinician.as_ref();
        let (text, json) = text_record(&q, &loaded.answers, &provenance, clinician);
        let read = report::read_json_record(&q, &json)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let (again, _) = text_record(&q, &read.answers, &read.provenance, read.clinician.as_ref());
        assert_eq!(again, text, "{}", file.display());
    }
}

#[test]
fn a_record_that_cannot_be_read_back_says_why() {
    let q = common::default_questionnaire();
    let problem = |text: &str| report::read_json_record(&q, text).unwrap_err().to_string();
    assert!(problem("not json").starts_with("not a JSON record"));
    let mut record = score_json(&[PathBuf::from(Path::new("examples/answers/widowed.toml"))]);
    record.as_object_mut().unwrap().remove("answers");
    assert!(problem(&record.to_string()).contains("no \"answers\""));
    let mut record = score_json(&[PathBuf::from("examples/answers/widowed.toml")]);
    record["answers"][0]["answer"] = json!("sometimes_maybe");
    let message = problem(&record.to_string());
    assert!(message.contains("s1"), "{message}");
}
