//! The FHIR resources are valid FHIR R4 (4.0.1), checked by a real validator: the `fhir.resources`
//! models (5.1.1, the release for R4) in strict mode, which refuse wrong types, missing required
//! elements and unknown elements. The test sets up its own Python environment under `target/`
//! the first time (the package registries are reachable wherever the tests run).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{default_questionnaire, load_valid};
use groupfit::answers;
use groupfit::report::{Provenance, fhir_bundle, fhir_entries, fhir_questionnaire, fhir_response};
use groupfit::scoring::score;

fn provenance() -> Provenance {
    Provenance {
        generated: "2026-11-26 10:00 +01:00".into(),
        tool_version: "0.1.0".into(),
        mode: "self-assessment".into(),
        region: Some("US".into()),
    }
}

/// A Python with the validator installed, made once under `target/fhir-venv`.
fn validator() -> PathBuf {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fhir-venv");
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import fhir.resources.questionnaireresponse"])
        .status()
        .is_ok_and(|s| s.success());
    if !ready {
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .unwrap();
        assert!(made.success(), "python3 -m venv failed");
        let installed = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "fhir.resources==5.1.1", "pydantic<2"])
            .status()
            .unwrap();
        assert!(installed.success(), "installing the FHIR validator failed");
    }
    python
}

fn validate(resources: &[(String, serde_json::Value)]) {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = resources
        .iter()
        .map(|(name, value)| {
            let path = dir.path().join(name);
            std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
            path
        })
        .collect();
    let out = Command::new(validator())
        .arg("tests/fhir_validate.py")
        .args(&files)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "not valid FHIR R4:\n{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(said.matches("valid ").count(), resources.len(), "{said}");
}

#[test]
fn the_questionnaire_and_responses_are_valid_fhir_r4() {
    let q = default_questionnaire();
    let mut resources = vec![("questionnaire.json".to_string(), fhir_questionnaire(&q))];
    for name in ["widowed", "widowed-amber", "widowed-red", "therapy"] {
        let text = std::fs::read_to_string(format!("examples/answers/{name}.toml")).unwrap();
        let loaded = answers::load(text.as_bytes(), &q).unwrap();
        let outcome = score(&q, &loaded.answers);
        let entries = fhir_entries(&q, &loaded.answers, &outcome, &provenance());
        resources.push((format!("{name}.json"), fhir_bundle(&entries)));
    }
    let spanish =
        load_valid(&std::fs::read_to_string("tests/fixtures/valid/spanish.toml").unwrap());
    resources.push(("spanish.json".to_string(), fhir_questionnaire(&spanish)));
    validate(&resources);
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

#[test]
fn a_red_file_is_a_stopped_response_and_a_crisis_observation() {
    let q = default_questionnaire();
    let text = std::fs::read_to_string("examples/answers/widowed-red.toml").unwrap();
    let loaded = answers::load(text.as_bytes(), &q).unwrap();
    let outcome = score(&q, &loaded.answers);
    let entries = fhir_entries(&q, &loaded.answers, &outcome, &provenance());
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
