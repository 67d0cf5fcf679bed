//! FHIR R4 resources for clinical record systems: the questionnaire as a `Questionnaire` (answer
//! options carry their weights in the standard `itemWeight` extension) and a set of answers as
//! the matching `QuestionnaireResponse`.

use serde_json::{Value, json};

use crate::answers::{Answer, Answers};
use crate::questionnaire::{Question, QuestionKind, Questionnaire};

const OPTION_SYSTEM: &str = "urn:groupfit:option";
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
        "url": canonical(q),
        "version": q.meta.version,
        "title": q.meta.title,
        "status": "active",
        "description": q.meta.intro,
        "item": items,
    })
}

fn questionnaire_item(q: &Questionnaire, question: &Question) -> Value {
    let mut item = json!({
        "linkId": question.id,
        "text": question.prompt,
        "required": question.required,
    });
    match &question.kind {
        QuestionKind::Single { options } | QuestionKind::Multi { options, .. } => {
            item["type"] = json!("choice");
            item["repeats"] = json!(matches!(question.kind, QuestionKind::Multi { .. }));
            item["answerOption"] = options
                .iter()
                .map(|o| {
                    let mut option = json!({ "valueCoding": { "system": OPTION_SYSTEM, "code": o.id, "display": o.label } });
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
            .map(|o| json!({ "question": target.id, "operator": "=", "answerCoding": { "system": OPTION_SYSTEM, "code": o.id } }))
            .collect();
        item["enableWhen"] = json!(conditions);
        item["enableBehavior"] = json!("any");
    }
    item
}

/// A set of answers as a FHIR R4 `QuestionnaireResponse`. `authored` is a FHIR dateTime, like
/// `2026-11-26T10:00:00Z`.
#[must_use]
pub fn fhir_response(
    q: &Questionnaire,
    answers: &Answers,
    authored: &str,
    completed: bool,
) -> Value {
    let items: Vec<Value> = q
        .asking_order()
        .into_iter()
        .filter_map(|i| answers.get(i).map(|a| (&q.questions[i], a)))
        .map(|(question, answer)| {
            json!({ "linkId": question.id, "text": question.prompt, "answer": answer_values(question, answer) })
        })
        .collect();
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": format!("{}|{}", canonical(q), q.meta.version),
        "status": if completed { "completed" } else { "in-progress" },
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
            .map(|o| json!({ "valueCoding": { "system": OPTION_SYSTEM, "code": o.id, "display": o.label } }))
            .collect(),
        Answer::Scale(v) => vec![json!({ "valueInteger": v })],
        Answer::Text(t) => vec![json!({ "valueString": t })],
    }
}
