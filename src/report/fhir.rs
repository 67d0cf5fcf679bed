//! FHIR R4 resources for clinical record systems: the questionnaire as a `Questionnaire` (answer
//! options carry their weights in the standard `itemWeight` extension), and a set of answers as a
//! `Bundle` (type `collection`) holding the matching `QuestionnaireResponse` and an `Observation`
//! of the computed result, linked to the response with `derivedFrom`. Both name the client by
//! the clinician's reference when there is one; the response's narrative is the whole record
//! (see [`super::document`]), and the clinician's override and notes are the observation's
//! `note` annotations.

use crate::report::Record;
use std::fmt::Write as _;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::document::{Document, Input, PartKind, View, build};
use super::record::ClinicianRecord;
use super::words::{override_sentence, prompt_of};
use crate::answers::{Answer, Answers};
use crate::questionnaire::{Choice, Question, QuestionKind, Questionnaire};
use crate::scoring::{Outcome, Recommendation};

/// The private code of an option with no standard code: its id in the questionnaire.
const OPTION_SYSTEM: &str = "urn:groupfit:option";
const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
/// Where a client reference comes from: the clinician who ran groupfit.
const REFERENCE_SYSTEM: &str = "urn:groupfit:client-reference";
/// The codes of the result's parts (recommendation, S, P, dimensions, flags).
const RESULT_SYSTEM: &str = "urn:groupfit:result";
const ITEM_WEIGHT: &str = "http://hl7.org/fhir/StructureDefinition/itemWeight";
const MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";

/// The canonical URL of a questionnaire, which a response points back to.
fn canonical(q: &Questionnaire) -> String {
    format!("urn:groupfit:questionnaire:{}", fhir_id(&q.meta.id))
}

/// An id FHIR accepts: letters, digits, `-` and `.`, at most 64.
fn fhir_id(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    if cleaned.is_empty() {
        "groupfit".to_string()
    } else {
        cleaned
    }
}

/// The questionnaire as a FHIR R4 `Questionnaire` resource.
#[must_use]
pub fn fhir_questionnaire(q: &Questionnaire) -> Value {
    let items: Vec<Value> = q
        .questions
        .iter()
        .map(|question| questionnaire_item(q, question))
        .collect();
    json!({
        "resourceType": "Questionnaire",
        "id": fhir_id(&q.meta.id),
        "text": narrative(questionnaire_narrative(q)),
        "url": canonical(q),
        "version": q.meta.version,
        "title": q.meta.title,
        "status": "active",
        "description": q.meta.intro,
        "item": items,
    })
}

/// The questionnaire in words, for a reader of the resource (FHIR's dom-6): its title, then
/// each question with its options, in asking order.
fn questionnaire_narrative(q: &Questionnaire) -> String {
    let esc = super::html::escape;
    let mut div = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    let _ = write!(div, "<h1>{}</h1><ol>", esc(&q.meta.title));
    for i in q.asking_order() {
        let question = &q.questions[i];
        let _ = write!(div, "<li>{}", esc(&question.prompt));
        let options = question.options();
        if !options.is_empty() {
            div.push_str("<ul>");
            for option in options {
                let _ = write!(div, "<li>{}</li>", esc(&option.label));
            }
            div.push_str("</ul>");
        }
        div.push_str("</li>");
    }
    div.push_str("</ol></div>");
    div
}

/// An option as a coding: its LOINC answer code where it has one, else its id under the
/// private system, with its label (a LOINC code's display is LOINC's own, so none is given).
fn option_coding(option: &Choice) -> Value {
    match &option.loinc {
        Some(code) => json!({ "system": LOINC, "code": code }),
        None => json!({ "system": OPTION_SYSTEM, "code": option.id, "display": option.label }),
    }
}

fn questionnaire_item(q: &Questionnaire, question: &Question) -> Value {
    let mut item = json!({
        "linkId": question.id,
        "text": question.prompt,
        "required": question.required,
    });
    if let Some(code) = &question.loinc {
        item["code"] = json!([{ "system": LOINC, "code": code }]);
    }
    match &question.kind {
        QuestionKind::Single { options } | QuestionKind::Multi { options, .. } => {
            item["type"] = json!("choice");
            item["repeats"] = json!(matches!(question.kind, QuestionKind::Multi { .. }));
            item["answerOption"] = options
                .iter()
                .map(|o| {
                    let mut option = json!({ "valueCoding": option_coding(o) });
                    if let Some(w) = o.weight {
                        option["extension"] = json!([{ "url": ITEM_WEIGHT, "valueDecimal": w }]);
                    }
                    option
                })
                .collect();
        }
        QuestionKind::Scale(scale) => {
            item["type"] = json!("integer");
            item["extension"] = json!([
                { "url": MIN_VALUE, "valueInteger": scale.min },
                { "url": MAX_VALUE, "valueInteger": scale.max },
            ]);
        }
        QuestionKind::Text {
            multiline,
            max_length,
        } => {
            item["type"] = json!(if *multiline { "text" } else { "string" });
            item["maxLength"] = json!(max_length);
        }
    }
    if let Some(rule) = &question.show_if {
        let target = &q.questions[rule.question];
        let conditions: Vec<Value> = rule
            .any_of
            .iter()
            .filter_map(|&i| target.options().get(i))
            .map(|o| {
                let mut coding = option_coding(o);
                if let Some(fields) = coding.as_object_mut() {
                    fields.remove("display");
                }
                json!({ "question": target.id, "operator": "=", "answerCoding": coding })
            })
            .collect();
        item["enableWhen"] = json!(conditions);
        item["enableBehavior"] = json!("any");
    }
    item
}

/// The status a response deserves: "stopped" when a red answer stopped the questionnaire,
/// "completed" when the result is complete, "in-progress" otherwise (an empty set included).
#[must_use]
pub fn response_status(outcome: &Outcome) -> &'static str {
    if outcome.recommendation == Recommendation::Crisis {
        "stopped"
    } else if outcome.complete {
        "completed"
    } else {
        "in-progress"
    }
}

/// The entries of one scored set of answers: the response and the observation of its result,
/// each with a `urn:uuid` full URL made from its content (the same answers at the same time give
/// the same identifiers).
#[must_use]
pub fn fhir_entries(record: &Record<'_>) -> Vec<Value> {
    let Record {
        questionnaire: q,
        answers,
        outcome,
        provenance,
        clinician,
    } = *record;
    let authored = provenance.fhir_datetime();
    let subject = clinician.and_then(|c| c.reference.as_deref()).map(subject);
    let mut response = fhir_response(q, answers, &authored, response_status(outcome));
    let document = build(&Input::record(record), View::Record);
    response["text"] = narrative(super::html::narrative(&q.ui, &document));
    if let Some(subject) = &subject {
        response["subject"] = subject.clone();
    }
    let response_url = uuid_urn(&response);
    let mut observation = fhir_observation(q, outcome, &authored, &response_url);
    if let Some(subject) = subject {
        observation["subject"] = subject;
    }
    observation["text"] = narrative(super::html::narrative(&q.ui, &result_only(&document)));
    let over = clinician.and_then(|c| c.override_recommendation.as_ref());
    if let (Some(over), Some(components)) = (over, observation["component"].as_array_mut()) {
        components.push(override_component(q, over));
    }
    let notes = annotations(q, outcome, clinician, &authored);
    if !notes.is_empty() {
        observation["note"] = Value::Array(notes);
    }
    let observation_url = uuid_urn(&observation);
    let mut entries = vec![
        json!({ "fullUrl": response_url, "resource": response }),
        json!({ "fullUrl": observation_url, "resource": observation }),
    ];
    for mut total in instrument_totals(q, answers, &authored, &response_url) {
        if let Some(subject) = clinician.and_then(|c| c.reference.as_deref()) {
            total["subject"] = self::subject(subject);
        }
        entries.push(json!({ "fullUrl": uuid_urn(&total), "resource": total }));
    }
    entries
}

/// An `Observation` of each instrument total LOINC codes (AUDIT-C's 75626-2), in UCUM's
/// `{score}`, when every item of it that was shown has an answer that counts ("prefer not to
/// say" leaves the total unknown).
fn instrument_totals(
    q: &Questionnaire,
    answers: &Answers,
    authored: &str,
    response: &str,
) -> Vec<Value> {
    let shown = crate::answers::visible(q, answers);
    q.instruments
        .iter()
        .enumerate()
        .filter_map(|(index, instrument)| {
            let code = instrument.loinc.as_ref()?;
            let asked: Vec<usize> = instrument.items.iter().copied().filter(|&i| shown[i]).collect();
            let counted = !asked.is_empty()
                && asked.iter().all(|&i| {
                    answers
                        .get(i)
                        .is_some_and(|a| !a.is_skip(&q.questions[i]))
                });
            counted.then(|| {
                let total = crate::answers::instrument_total(q, index, answers, &shown);
                json!({
                    "resourceType": "Observation",
                    "text": narrative(format!(
                        "<div xmlns=\"http://www.w3.org/1999/xhtml\">{}: {total}</div>",
                        super::html::escape(&instrument.label)
                    )),
                    "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey", "display": "Survey" }] }],
                    "status": "final",
                    "code": { "coding": [{ "system": LOINC, "code": code }], "text": instrument.label },
                    "effectiveDateTime": authored,
                    "valueQuantity": { "value": total, "unit": "{score}", "system": UCUM, "code": "{score}" },
                    "derivedFrom": [{ "reference": response }],
                })
            })
        })
        .collect()
}

/// The parts of a record an observation of its result speaks for.
fn result_only(record: &Document) -> Document {
    let parts = record
        .parts
        .iter()
        .filter(|p| {
            matches!(
                p.kind,
                PartKind::Result
                    | PartKind::ThingsToTalkAbout
                    | PartKind::Dimensions
                    | PartKind::Notes
            )
        })
        .cloned()
        .collect();
    Document {
        parts,
        ..record.clone()
    }
}

/// The clinician's override as a coded component beside the computed value, its reason as
/// the text, so that a system reading codes sees it too.
fn override_component(q: &Questionnaire, over: &crate::clinician::Override) -> Value {
    let label = super::words::recommendation_label(q, over.recommendation);
    let mut value = coding(over.recommendation.as_str(), &label);
    value["text"] = json!(format!("{label}. Reason: {}", over.reason));
    json!({ "code": coding("clinician-override", "Clinician override"), "valueCodeableConcept": value })
}

/// The client, named only by the clinician's reference: a logical reference a record system
/// can match to its patient.
fn subject(reference: &str) -> Value {
    json!({ "identifier": { "system": REFERENCE_SYSTEM, "value": reference } })
}

fn narrative(div: String) -> Value {
    let mut text = serde_json::Map::new();
    text.insert("status".into(), "generated".into());
    text.insert("div".into(), Value::String(div));
    Value::Object(text)
}

/// The clinician's override (first, beside the result it overrides), session note and notes on
/// questions, each an annotation, a question's note named by its question.
fn annotations(
    q: &Questionnaire,
    outcome: &Outcome,
    clinician: Option<&ClinicianRecord>,
    authored: &str,
) -> Vec<Value> {
    let Some(record) = clinician else {
        return Vec::new();
    };
    let mut texts = Vec::new();
    if let Some(over) = &record.override_recommendation {
        texts.push(override_sentence(q, outcome, over));
    }
    texts.extend(record.session_note.iter().cloned());
    for (id, note) in &record.question_notes {
        // Quoted, as the text record has it: a prompt ends in its own question mark.
        texts.push(format!("\"{}\": {note}", prompt_of(q, id)));
    }
    texts
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .map(|text| json!({ "time": authored, "text": text }))
        .collect()
}

/// A collection `Bundle` of entries.
#[must_use]
pub fn fhir_bundle(entries: &[Value]) -> Value {
    json!({ "resourceType": "Bundle", "type": "collection", "entry": entries })
}

/// A `urn:uuid` made from a resource's content (an RFC 9562 version 8 UUID over its SHA-256).
fn uuid_urn(resource: &Value) -> String {
    let digest = Sha256::digest(resource.to_string().as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = bytes.iter().fold(String::with_capacity(32), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    });
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A score with no unit, as UCUM writes it (`1`).
fn dimensionless(value: f64) -> Value {
    json!({ "value": value, "unit": "1", "system": UCUM, "code": "1" })
}

fn coding(code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": RESULT_SYSTEM, "code": code, "display": display }], "text": display })
}

/// The computed result as an `Observation`: the recommendation as its value; the lean, S, P,
/// completeness, safety level, dimension scores, flags and declined questions as components.
fn fhir_observation(q: &Questionnaire, outcome: &Outcome, authored: &str, response: &str) -> Value {
    let label = super::words::result_label(q, outcome);
    let mut components = vec![
        json!({ "code": coding("lean", "Lean (score band)"), "valueCodeableConcept": coding(outcome.lean.as_str(), &super::words::band_label(q, outcome.lean)) }),
        json!({ "code": coding("complete", "Complete"), "valueBoolean": outcome.complete }),
        json!({ "code": coding("safety", "Safety level"), "valueCodeableConcept": coding(outcome.safety.as_str(), outcome.safety.as_str()) }),
    ];
    if let (Some(score), Some(percent)) = (outcome.score, outcome.percent) {
        components.push(json!({ "code": coding("score", "S (-1 support group .. +1 group therapy)"), "valueQuantity": dimensionless(score) }));
        components
            .push(json!({ "code": coding("percent", "P (0..100)"), "valueInteger": percent }));
    }
    for (dimension, score) in q.dimensions.iter().zip(&outcome.dimensions) {
        if let Some(value) = score.score {
            components.push(json!({ "code": coding(&format!("dimension-{}", fhir_id(&dimension.id)), &dimension.label), "valueQuantity": dimensionless(value) }));
        }
    }
    for flag in &outcome.flags {
        let note = flag.note.as_deref().unwrap_or("");
        components.push(json!({ "code": coding(&format!("flag-{}", flag.flag), &format!("{} flag", flag.flag)), "valueString": format!("{}: {note}", flag.question) }));
    }
    for id in &outcome.declined {
        components.push(
            json!({ "code": coding("declined", "Safety question declined"), "valueString": id }),
        );
    }
    json!({
        "resourceType": "Observation",
        "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey", "display": "Survey" }] }],
        "status": if outcome.complete || outcome.recommendation == Recommendation::Crisis { "final" } else { "preliminary" },
        "code": coding("recommendation", "groupfit recommendation: support group or group therapy"),
        "effectiveDateTime": authored,
        "valueCodeableConcept": coding(outcome.recommendation.as_str(), &label),
        "derivedFrom": [{ "reference": response }],
        "component": components,
    })
}

/// A set of answers as a FHIR R4 `QuestionnaireResponse`: the answers to the questions that
/// were shown (an answer kept from before a branch changed is not sent). `authored` is a FHIR
/// dateTime, like `2026-11-26T10:00:00+01:00`; `status` is one of FHIR's (see
/// [`response_status`]).
#[must_use]
pub fn fhir_response(q: &Questionnaire, answers: &Answers, authored: &str, status: &str) -> Value {
    let shown = crate::answers::visible(q, answers);
    let items: Vec<Value> = q
        .asking_order()
        .into_iter()
        .filter(|&i| shown[i])
        .filter_map(|i| answers.get(i).map(|a| (&q.questions[i], a)))
        .map(|(question, answer)| {
            json!({ "linkId": question.id, "text": question.prompt, "answer": answer_values(question, answer) })
        })
        .collect();
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": format!("{}|{}", canonical(q), q.meta.version),
        "status": status,
        "authored": authored,
        "item": items,
    })
}

fn answer_values(question: &Question, answer: &Answer) -> Vec<Value> {
    match answer {
        Answer::Choice(_) | Answer::Choices(_) => answer
            .chosen()
            .iter()
            .filter_map(|&i| question.options().get(i))
            .map(|o| json!({ "valueCoding": option_coding(o) }))
            .collect(),
        Answer::Scale(v) => vec![json!({ "valueInteger": v })],
        Answer::Text(t) => vec![json!({ "valueString": t })],
    }
}
