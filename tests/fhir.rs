//! The FHIR resources are valid FHIR R4 (4.0.1), checked by three independent validators: the
//! `fhir.resources` models (5.1.1, the release for R4) in strict mode, which refuse wrong types,
//! missing required elements and unknown elements; the official FHIR R4 JSON schema
//! (`fhir.schema.json`, fetched from the npm registry and checked against a pinned SHA-256) with
//! the `jsonschema` package, which also checks code values; and every invariant of the R4
//! `StructureDefinition`s (the resources' own, such as obs-6 and dom-6, and each data type's where
//! it is used), evaluated with `fhirpathpy`. Each has negative controls. Our own cross-checks tie
//! each response to its questionnaire, and the validated instruments carry their LOINC codes.
//! `tests/fhir_setup.sh` sets up the Python environment under `target/`.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{default_questionnaire, load_valid};
use groupfit::answers;
use groupfit::report::{Provenance, fhir_bundle, fhir_entries, fhir_questionnaire, fhir_response};
use groupfit::scoring::score;
use serde_json::{Value, json};

fn provenance() -> Provenance {
    Provenance {
        generated: "2026-11-26 10:00 +01:00".into(),
        tool_version: "0.1.0".into(),
        mode: "self-assessment".into(),
        region: Some("US".into()),
    }
}

/// The Python with both validators and the schema that `tests/fhir_setup.sh` made under
/// `target/`. The test installs and downloads nothing itself: without them it fails, saying to
/// run that script (`.ci/run` does).
fn validators() -> (PathBuf, PathBuf) {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let python = target.join("fhir-venv/bin/python");
    let schema = target.join("fhir-schema/fhir.schema.json");
    let ready = Command::new(&python)
        .args([
            "-c",
            "import fhir.resources.observation, jsonschema, fhirpathpy",
        ])
        .status()
        .is_ok_and(|s| s.success());
    let definitions = schema.with_file_name("profiles-resources.json");
    assert!(
        ready && schema.exists() && definitions.exists(),
        "the FHIR validators are not set up: run tests/fhir_setup.sh (it needs python3-venv and \
         the PyPI and npm registries), then cargo test -- --ignored"
    );
    (python, schema)
}

#[derive(Clone, Copy, Debug)]
enum Validator {
    Models,
    Schema,
    Invariants,
}

/// Runs one validator over the resources: what it said, and whether every one passed.
fn run_validator(validator: Validator, resources: &[(String, Value)]) -> (String, bool) {
    let (python, schema) = validators();
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = resources
        .iter()
        .map(|(name, value)| {
            let path = dir.path().join(name);
            std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
            path
        })
        .collect();
    let mut command = Command::new(python);
    command.arg("tests/fhir_validate.py");
    match validator {
        Validator::Models => command.arg("models"),
        Validator::Schema => command.arg("schema").arg(&schema),
        Validator::Invariants => command.arg("invariants").arg(schema.parent().unwrap()),
    };
    let out = command.args(&files).output().unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let all_valid = out.status.success() && said.matches("valid ").count() == resources.len();
    (said, all_valid)
}

fn validate(resources: &[(String, Value)]) {
    for validator in [Validator::Models, Validator::Schema, Validator::Invariants] {
        let (said, valid) = run_validator(validator, resources);
        assert!(valid, "not valid FHIR R4 ({validator:?}):\n{said}");
    }
}

/// The bundle `score --format fhir` gives for an answers file (its `[clinician]` table included).
fn bundle_of(path: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(["score", "--answers", path, "--format", "fhir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{path}");
    serde_json::from_slice(&out.stdout).unwrap()
}

const EXAMPLES: [&str; 5] = [
    "widowed",
    "widowed-amber",
    "widowed-red",
    "therapy",
    "clinician-amber",
];

#[test]
// Why ignored: it needs the FHIR validators (Python packages that tests/fhir_setup.sh
// installs), and a plain `cargo test` must need nothing but cargo; .ci/run installs them,
// then runs this with `cargo test -- --ignored`.
#[ignore = "needs the FHIR validators (pip): .ci/run installs them, then runs cargo test -- --ignored"]
fn the_questionnaire_and_responses_are_valid_fhir_r4() {
    let q = default_questionnaire();
    let mut resources = vec![("questionnaire.json".to_string(), fhir_questionnaire(&q))];
    for name in EXAMPLES {
        resources.push((
            format!("{name}.json"),
            bundle_of(&format!("examples/answers/{name}.toml")),
        ));
    }
    let entries = entries_of(&q, "examples/answers/widowed.toml");
    resources.push(("library.json".to_string(), fhir_bundle(&entries)));
    let spanish =
        load_valid(&std::fs::read_to_string("tests/fixtures/valid/spanish.toml").unwrap());
    resources.push(("spanish.json".to_string(), fhir_questionnaire(&spanish)));
    validate(&resources);
}

/// Each validator rejects a resource broken in a way it is meant to catch, so a pass means
/// something.
#[test]
// Why ignored: it needs the FHIR validators (Python packages that tests/fhir_setup.sh
// installs), and a plain `cargo test` must need nothing but cargo; .ci/run installs them,
// then runs this with `cargo test -- --ignored`.
#[ignore = "needs the FHIR validators (pip): .ci/run installs them, then runs cargo test -- --ignored"]
fn each_validator_rejects_a_broken_resource() {
    let good = bundle_of("examples/answers/clinician-amber.toml");
    let mut no_status = good.clone();
    no_status["entry"][1]["resource"]
        .as_object_mut()
        .unwrap()
        .remove("status");
    let mut wrong_type = good.clone();
    wrong_type["entry"][0]["resource"]["subject"]["identifier"]["value"] = json!(5);
    let mut unknown_element = good.clone();
    unknown_element["entry"][1]["resource"]["mood"] = json!("fine");
    let mut wrong_code = good.clone();
    wrong_code["entry"][0]["resource"]["status"] = json!("done");
    // obs-6: a value and a reason for its absence at once.
    let mut absent_and_present = good.clone();
    absent_and_present["entry"][1]["resource"]["dataAbsentReason"] = json!({ "text": "asked" });
    // qty-3: a unit code without its system.
    let mut unit_without_system = good;
    let components = unit_without_system["entry"][1]["resource"]["component"]
        .as_array_mut()
        .unwrap();
    let quantity = components
        .iter_mut()
        .find_map(|c| c.get_mut("valueQuantity"))
        .unwrap();
    quantity.as_object_mut().unwrap().remove("system");
    // dom-6: a questionnaire with no narrative.
    let mut no_narrative = fhir_questionnaire(&default_questionnaire());
    no_narrative.as_object_mut().unwrap().remove("text");
    let controls = [
        (Validator::Models, "no_status", no_status),
        (Validator::Models, "wrong_type", wrong_type.clone()),
        (
            Validator::Models,
            "unknown_element",
            unknown_element.clone(),
        ),
        (Validator::Schema, "wrong_code", wrong_code),
        (Validator::Schema, "wrong_type", wrong_type),
        (Validator::Schema, "unknown_element", unknown_element),
        (
            Validator::Invariants,
            "absent_and_present",
            absent_and_present,
        ),
        (
            Validator::Invariants,
            "unit_without_system",
            unit_without_system,
        ),
        (Validator::Invariants, "no_narrative", no_narrative),
    ];
    for (validator, name, broken) in controls {
        let (said, valid) = run_validator(validator, &[(format!("{name}.json"), broken)]);
        assert!(
            !valid,
            "{validator:?} passed a broken resource ({name}):\n{said}"
        );
        assert!(said.contains("INVALID"), "{said}");
    }
}

/// The answers a response gives to one item, by its linkId.
fn answered(response: &Value) -> HashMap<String, Vec<Value>> {
    response["item"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["linkId"].as_str().unwrap().to_string(),
                item["answer"].as_array().unwrap().clone(),
            )
        })
        .collect()
}

/// True when an item's `enableWhen` (operator `=` on codings, behaviour `any`) holds for the
/// response's answers: read from the FHIR resources alone, not from groupfit's own rules.
fn enabled(item: &Value, answers: &HashMap<String, Vec<Value>>) -> bool {
    let Some(conditions) = item["enableWhen"].as_array() else {
        return true;
    };
    assert_eq!(item["enableBehavior"], "any");
    conditions.iter().any(|condition| {
        assert_eq!(condition["operator"], "=");
        answers
            .get(condition["question"].as_str().unwrap())
            .is_some_and(|given| {
                given
                    .iter()
                    .any(|a| a["valueCoding"]["code"] == condition["answerCoding"]["code"])
            })
    })
}

/// An extension's integer value by its URL.
fn extension_integer(item: &Value, url: &str) -> Option<i64> {
    item["extension"]
        .as_array()?
        .iter()
        .find(|e| e["url"] == url)?["valueInteger"]
        .as_i64()
}

/// Every linkId is an item of the questionnaire; each answer has the item's type and fits it;
/// no item that `enableWhen` disables is answered.
#[test]
fn every_response_agrees_with_its_questionnaire() {
    let q = default_questionnaire();
    let questionnaire = fhir_questionnaire(&q);
    let items: HashMap<&str, &Value> = questionnaire["item"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["linkId"].as_str().unwrap(), i))
        .collect();
    // A file with an answer behind a branch it did not take (h3 asks about a baby only when h2
    // says there is one): the stale answer must not be sent.
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join("stale.toml");
    std::fs::write(
        &stale,
        "[answers]\ns1 = \"not_at_all\"\nh2 = \"no\"\nh3 = \"no\"\n",
    )
    .unwrap();
    let mut files: Vec<String> = EXAMPLES
        .iter()
        .map(|n| format!("examples/answers/{n}.toml"))
        .collect();
    files.push(stale.to_string_lossy().into_owned());
    for file in &files {
        let bundle = bundle_of(file);
        let response = &bundle["entry"][0]["resource"];
        let given = answered(response);
        assert!(!given.is_empty(), "{file}: answers sent");
        for (link, answers) in &given {
            let item = items
                .get(link.as_str())
                .unwrap_or_else(|| panic!("{file}: {link} is not in the questionnaire"));
            assert!(
                enabled(item, &given),
                "{file}: {link} answered while disabled"
            );
            assert!(
                answers.len() == 1 || item["repeats"] == true,
                "{file}: {link} repeats"
            );
            for answer in answers {
                match item["type"].as_str().unwrap() {
                    "choice" => {
                        let code = &answer["valueCoding"]["code"];
                        assert!(
                            item["answerOption"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .any(|o| &o["valueCoding"]["code"] == code),
                            "{file}: {link} = {code} is not an option"
                        );
                    }
                    "integer" => {
                        let value = answer["valueInteger"].as_i64().unwrap();
                        let min = extension_integer(
                            item,
                            "http://hl7.org/fhir/StructureDefinition/minValue",
                        );
                        let max = extension_integer(
                            item,
                            "http://hl7.org/fhir/StructureDefinition/maxValue",
                        );
                        assert!(min.is_none_or(|m| value >= m) && max.is_none_or(|m| value <= m));
                    }
                    "string" | "text" => {
                        let text = answer["valueString"].as_str().unwrap();
                        let limit = item["maxLength"].as_u64().unwrap_or(u64::MAX);
                        assert!(
                            text.chars().count() as u64 <= limit,
                            "{file}: {link} length"
                        );
                    }
                    other => panic!("{file}: {link} has an item type we do not send: {other}"),
                }
            }
        }
    }
    let stale_bundle = bundle_of(&stale.to_string_lossy());
    let response = &stale_bundle["entry"][0]["resource"];
    assert!(
        !answered(response).contains_key("h3"),
        "the stale answer is left out"
    );
    assert_eq!(
        response["status"], "in-progress",
        "an incomplete result is a response in progress"
    );
    assert_eq!(
        stale_bundle["entry"][1]["resource"]["status"],
        "preliminary"
    );
}

/// The clinician's reference, override and notes reach a record system: the client as the
/// subject of both resources, the override and notes as annotations, the whole record as the
/// response's narrative.
#[test]
fn the_clinicians_work_travels_in_fhir() {
    let bundle = bundle_of("examples/answers/clinician-amber.toml");
    let response = &bundle["entry"][0]["resource"];
    let observation = &bundle["entry"][1]["resource"];
    for resource in [response, observation] {
        assert_eq!(
            resource["subject"]["identifier"],
            json!({ "system": "urn:groupfit:client-reference", "value": "JS-0142" })
        );
        assert_eq!(resource["text"]["status"], "generated");
    }
    assert_eq!(response["status"], "completed");
    let authored = response["authored"].as_str().unwrap();
    assert!(
        authored.ends_with('Z') || authored[19..].starts_with(['+', '-']),
        "authored with its offset: {authored}"
    );
    let notes: Vec<&str> = observation["note"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(notes.len(), 4, "{notes:#?}");
    assert!(
        notes[0].starts_with("Clinician override: Support group (computed: Talk to a professional")
    );
    assert!(notes[0].ends_with("Reason: Amber item explored in person; safety plan in place."));
    assert_eq!(
        notes[1],
        "Bereaved four months; prefers peers. Sister nearby."
    );
    assert!(
        notes[2].starts_with("\"Over the last 2 weeks")
            && notes[2].ends_with("no plan, no intent.")
    );
    assert_eq!(
        notes[3],
        "\"What is your main hope for a group, and what would make three months of it worth it?\": Wants to meet others who lost a partner."
    );
    let overridden = observation["component"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"]["coding"][0]["code"] == "clinician-override")
        .expect("the override as a coded component");
    assert_eq!(
        overridden["valueCodeableConcept"]["coding"][0]["code"],
        "support_group"
    );
    assert_eq!(observation["category"][0]["coding"][0]["code"], "survey");
    let narrative = response["text"]["div"].as_str().unwrap();
    for part in [
        "About this record",
        "JS-0142",
        "Safety answers",
        "Clinician override: Support group",
        "988 Suicide &amp; Crisis Lifeline",
        "Every answer",
        "Clinician&#39;s notes",
        "screening aid",
    ] {
        assert!(narrative.contains(part), "the narrative holds {part}");
    }
    let observation_text = observation["text"]["div"].as_str().unwrap();
    assert!(
        observation_text.contains("Clinician override")
            && !observation_text.contains("Every answer")
    );
    let self_bundle = bundle_of("examples/answers/widowed.toml");
    let resource = &self_bundle["entry"][0]["resource"];
    assert!(
        resource.get("subject").is_none(),
        "no client reference, no subject"
    );
    assert!(self_bundle["entry"][1]["resource"].get("note").is_none());
}

#[test]
fn weights_travel_as_item_weight_and_answers_as_codings() {
    let q = default_questionnaire();
    let questionnaire = fhir_questionnaire(&q);
    let p1 = questionnaire["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["linkId"] == "p1")
        .unwrap();
    let first = &p1["answerOption"][0];
    assert_eq!(first["valueCoding"]["code"], "less_alone");
    assert_eq!(
        first["extension"][0]["url"],
        "http://hl7.org/fhir/StructureDefinition/itemWeight"
    );
    assert_eq!(first["extension"][0]["valueDecimal"], -2.0);
    let s2 = questionnaire["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["linkId"] == "s2")
        .unwrap();
    assert_eq!(
        s2["enableWhen"].as_array().unwrap().len(),
        4,
        "shown for four answers to s1 (the three positive ones and declining)"
    );
    assert_eq!(s2["enableBehavior"], "any");

    let text = std::fs::read_to_string("examples/answers/widowed.toml").unwrap();
    let loaded = answers::load(text.as_bytes(), &q).unwrap();
    let response = fhir_response(&q, &loaded.answers, "2026-11-26T10:00:00Z", "completed");
    assert_eq!(
        response["questionnaire"],
        format!(
            "urn:groupfit:questionnaire:groupfit-default|{}",
            q.meta.version
        )
    );
    let items = response["item"].as_array().unwrap();
    assert_eq!(items[0]["linkId"], "s1", "safety first");
    let p4 = items.iter().find(|i| i["linkId"] == "p4").unwrap();
    assert_eq!(p4["answer"][0]["valueInteger"], 6);
    let t6 = items.iter().find(|i| i["linkId"] == "t6");
    assert!(t6.is_none(), "unanswered questions are left out");
}

/// The FHIR entries of an answers file scored on `q`, as a self-assessment.
fn entries_of(q: &groupfit::questionnaire::Questionnaire, path: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let loaded = answers::load(text.as_bytes(), q).unwrap();
    let outcome = score(q, &loaded.answers);
    fhir_entries(&groupfit::report::Record {
        questionnaire: q,
        answers: &loaded.answers,
        outcome: &outcome,
        provenance: &provenance(),
        clinician: None,
    })
}

#[test]
fn a_red_file_is_a_stopped_response_and_a_crisis_observation() {
    let q = default_questionnaire();
    let entries = entries_of(&q, "examples/answers/widowed-red.toml");
    let response = &entries[0]["resource"];
    let observation = &entries[1]["resource"];
    assert_eq!(response["status"], "stopped");
    assert_eq!(observation["resourceType"], "Observation");
    assert_eq!(
        observation["valueCodeableConcept"]["coding"][0]["code"],
        "crisis"
    );
    assert_eq!(
        observation["derivedFrom"][0]["reference"], entries[0]["fullUrl"],
        "the observation points at the response it was computed from"
    );
}

/// The coding of the first answer a response gives to item `id`.
fn answer_coding(response: &Value, id: &str) -> Value {
    let item = response["item"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["linkId"] == id)
        .unwrap_or_else(|| panic!("no answer to {id}"));
    item["answer"][0]["valueCoding"].clone()
}

/// PHQ-9 item 9 and the AUDIT-C items carry their LOINC codes in the questionnaire and in the
/// response, and the AUDIT-C total is an observation of its own, coded and in UCUM's {score};
/// options with no standard code keep the private one.
#[test]
fn the_validated_instruments_travel_with_their_loinc_codes() {
    const LOINC: &str = "http://loinc.org";
    let q = default_questionnaire();
    let questionnaire = fhir_questionnaire(&q);
    let item = |id: &str| {
        questionnaire["item"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["linkId"] == id)
            .unwrap()
            .clone()
    };
    for (id, code) in [
        ("s1", "44260-8"),
        ("d1", "68518-0"),
        ("d2", "68519-8"),
        ("d3", "68520-6"),
    ] {
        assert_eq!(
            item(id)["code"],
            json!([{ "system": LOINC, "code": code }]),
            "{id}"
        );
    }
    let s1 = item("s1");
    let codes: Vec<&Value> = s1["answerOption"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| &o["valueCoding"]["code"])
        .collect();
    assert_eq!(
        codes,
        ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9", "no_say"]
    );
    assert!(
        item("p1").get("code").is_none(),
        "no standard code, none given"
    );
    assert!(
        questionnaire["text"]["div"]
            .as_str()
            .unwrap()
            .contains(&q.questions[0].prompt)
    );

    // A drinker's answers: AUDIT-C 2_3_week (3) + 3_4 (1) + monthly (2) = 6.
    let source = std::fs::read_to_string("examples/answers/clinician-amber.toml").unwrap();
    let drinker = source.replace(
        "d1 = \"never\"",
        "d1 = \"2_3_week\"\nd2 = \"3_4\"\nd3 = \"monthly\"",
    );
    assert_ne!(drinker, source);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("drinker.toml");
    std::fs::write(&path, drinker).unwrap();
    let bundle = bundle_of(path.to_str().unwrap());
    let resources: Vec<&Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .collect();
    let response = resources[0];
    assert_eq!(
        answer_coding(response, "s1"),
        json!({ "system": LOINC, "code": "LA6569-3" })
    );
    assert_eq!(
        answer_coding(response, "d2"),
        json!({ "system": LOINC, "code": "LA15695-2" })
    );
    let total = resources
        .iter()
        .find(|r| r["code"]["coding"][0]["code"] == "75626-2")
        .expect("an AUDIT-C total observation");
    assert_eq!(
        total["valueQuantity"],
        json!({ "value": 6, "unit": "{score}", "system": "http://unitsofmeasure.org", "code": "{score}" })
    );
    assert_eq!(total["subject"]["identifier"]["value"], "JS-0142");
    assert_eq!(
        total["derivedFrom"][0]["reference"],
        bundle["entry"][0]["fullUrl"]
    );
    // The result's scores are dimensionless quantities in UCUM.
    let result = resources[1];
    let score = result["component"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"]["coding"][0]["code"] == "score")
        .unwrap();
    assert_eq!(score["valueQuantity"]["code"], "1");
    assert_eq!(
        score["valueQuantity"]["system"],
        "http://unitsofmeasure.org"
    );
}
