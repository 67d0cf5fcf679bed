//! A clinician's work survives the answers file: the reference, notes and override are saved
//! with the answers, come back on resume, and reach every record `score` makes from the file.

mod common;

use common::{default_questionnaire, scored};
use groupfit::answers::{self, load, load_for_resume};
use groupfit::clinician::{ClinicianRecord, Override};
use groupfit::scoring::Recommendation;

fn record() -> ClinicianRecord {
    ClinicianRecord {
        reference: Some("JS-0142".into()),
        question_notes: vec![
            ("s1".into(), "Discussed; no plan, sister nearby.".into()),
            (
                "p1".into(),
                "Says \"less alone\" = company, not advice.".into(),
            ),
        ],
        session_note: Some("Bereaved four months; prefers peers.".into()),
        override_recommendation: Some(Override {
            recommendation: Recommendation::SupportGroup,
            reason: "Explored in person; safety plan in place.".into(),
        }),
    }
}

#[test]
fn the_clinicians_work_is_saved_with_the_answers_and_comes_back() {
    let q = default_questionnaire();
    let (answers, _) = scored(&q, "examples/answers/widowed-amber.toml");
    let saved = answers::to_toml(&q, &answers, Some(&record()));
    assert!(
        saved.contains("\n[clinician]\nreference = \"JS-0142\"\n"),
        "{saved}"
    );
    for loaded in [
        load(saved.as_bytes(), &q).unwrap(),
        load_for_resume(saved.as_bytes(), &q).unwrap(),
    ] {
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.answers, answers);
        assert_eq!(loaded.clinician, Some(record()));
    }
}

#[test]
fn notes_come_back_in_asking_order_whatever_the_file_order() {
    let q = default_questionnaire();
    let text =
        "[answers]\ns1 = \"not_at_all\"\n\n[clinician.notes]\np1 = \"second\"\ns1 = \"first\"\n";
    let loaded = load(text.as_bytes(), &q).unwrap();
    let notes = loaded.clinician.unwrap().question_notes;
    assert_eq!(notes[0].0, "s1");
    assert_eq!(notes[1].0, "p1");
}

#[test]
fn nothing_to_save_writes_no_clinician_table() {
    let q = default_questionnaire();
    let (answers, _) = scored(&q, "examples/answers/widowed.toml");
    let saved = answers::to_toml(&q, &answers, Some(&ClinicianRecord::default()));
    assert!(!saved.contains("[clinician]"));
    assert_eq!(load(saved.as_bytes(), &q).unwrap().clinician, None);
}

#[test]
fn a_broken_clinician_table_is_refused_by_score_and_dropped_with_a_warning_on_resume() {
    let q = default_questionnaire();
    let text = "[answers]\ns1 = \"not_at_all\"\n\n[clinician]\nreference = \"AB\"\nmood = \"x\"\noverride = { recommendation = \"crisis\", reason = \"no\" }\n\n[clinician.notes]\nzz = \"private words\"\n";
    let errors = load(text.as_bytes(), &q).unwrap_err();
    let said: Vec<String> = errors.iter().map(|d| d.message.clone()).collect();
    assert_eq!(said.len(), 3, "{said:#?}");
    assert!(
        said.iter()
            .any(|m| m.contains("unknown key `mood` in [clinician]"))
    );
    assert!(
        said.iter()
            .any(|m| m.contains("clinician.override must be a table"))
    );
    assert!(
        said.iter()
            .any(|m| m.contains("the note on \"zz\" names no question"))
    );
    assert!(
        said.iter().all(|m| !m.contains("private words")),
        "a note is never quoted"
    );
    let resumed = load_for_resume(text.as_bytes(), &q).unwrap();
    assert_eq!(resumed.warnings.len(), 3);
    let kept = resumed.clinician.unwrap();
    assert_eq!(kept.reference.as_deref(), Some("AB"), "the rest is kept");
    assert_eq!(kept.override_recommendation, None);
    assert!(kept.question_notes.is_empty());
}

#[test]
fn score_writes_the_clinicians_work_into_the_record() {
    let q = default_questionnaire();
    let (answers, _) = scored(&q, "examples/answers/widowed-amber.toml");
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("session.toml");
    std::fs::write(&path, answers::to_toml(&q, &answers, Some(&record()))).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(["score", "--format", "json", "--answers"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["clinician"]["reference"], "JS-0142");
    assert_eq!(
        json["clinician"]["override_recommendation"]["recommendation"],
        "support_group"
    );
    assert_eq!(
        json["recommendation"], "professional_first",
        "computed, beside the override"
    );
}
