//! Vignettes: short case stories written from the article's contrasts and CLINICAL.md's
//! constructs (a loss, a new diagnosis, caring, long-standing patterns, wanting change but
//! unable to commit, wanting to listen first, preferring a peer or a therapist, ambivalence),
//! each answered as that person would, in `tests/vignettes/*.toml`, with the result a group
//! clinician would give (`# expected:`) and any note the result must carry (`# expected flag:`
//! and the id of the question that raises it). The test prints the table (vignette, S, band)
//! that docs/VALIDATION.md records, and fails on any disagreement.

mod common;

use std::fmt::Write as _;

use common::default_questionnaire;
use groupfit::answers;
use groupfit::questionnaire::Questionnaire;
use groupfit::scoring::{Band, Recommendation, score};

/// Vignettes the questionnaire is known to get wrong, each with why (see docs/VALIDATION.md).
/// The vignettes and their expectations were written before any weight was changed.
const KNOWN_DISAGREEMENTS: &[&str] = &[
    // Attendance weighs 0.20 (CLINICAL.md's model), so "cannot come weekly" is outvoted by
    // every answer wanting change; a clinician would offer a time-limited group or "a support
    // group now, therapy later" (the mixed-profile note says so), not a closed weekly group.
    "05-cant-commit-wants-change",
];

/// What a person would be told, in the words the vignettes' expectations use, with the
/// questions whose flags the result carries.
fn seen(q: &Questionnaire, text: &str) -> (Option<f64>, String, Vec<String>) {
    let loaded = answers::load(text.as_bytes(), q).unwrap_or_else(|d| panic!("{d:#?}"));
    let outcome = score(q, &loaded.answers);
    let flagged = outcome.flags.iter().map(|f| f.question.clone()).collect();
    // A complete close call's headline names the side it leans to, as `Band::tilt_of` decides.
    let tilt = outcome.score.and_then(Band::tilt_of);
    let band = match (outcome.recommendation, outcome.complete, tilt) {
        _ if outcome.lighter_step => "either_lighter_step".to_string(),
        (Recommendation::Either, true, Some(Band::SupportGroup)) => "either_support".to_string(),
        (Recommendation::Either, true, Some(Band::GroupTherapy)) => "either_therapy".to_string(),
        (recommendation, _, _) => recommendation.as_str().to_string(),
    };
    (outcome.score, band, flagged)
}

/// An expectation of `either` accepts a close call either way; `either_support` and
/// `either_therapy` want the lean too, and `either_lighter_step` the lighter step first.
fn agrees(expected: &str, seen: &str) -> bool {
    expected == seen || (expected == "either" && seen.starts_with("either"))
}

#[test]
fn every_vignette_gets_the_result_a_group_clinician_would_give() {
    let q = default_questionnaire();
    let mut files: Vec<_> = std::fs::read_dir("tests/vignettes")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 16, "at least 16 vignettes");
    let mut table = String::from("| vignette | S | result | expected |\n|---|---:|---|---|\n");
    let mut disagreements = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let expected = text
            .lines()
            .find_map(|l| l.strip_prefix("# expected: "))
            .unwrap_or_else(|| panic!("{}: no expectation", path.display()))
            .trim();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (s, band, flagged) = seen(&q, &text);
        let missing: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expected flag: "))
            .map(str::trim)
            .filter(|id| !flagged.iter().any(|f| f == id))
            .collect();
        let s = s.map_or_else(|| "-".to_string(), |s| format!("{s:+.3}"));
        let shown = if missing.is_empty() {
            band.clone()
        } else {
            format!("{band}, no note from {}", missing.join(", "))
        };
        let _ = writeln!(table, "| {name} | {s} | {shown} | {expected} |");
        let known = KNOWN_DISAGREEMENTS.contains(&name.as_str());
        if (agrees(expected, &band) && missing.is_empty()) == known {
            disagreements.push(format!(
                "{name}: {shown}, expected {expected}{}",
                if known {
                    " (listed as a known disagreement, but it agrees now)"
                } else {
                    ""
                }
            ));
        }
    }
    println!("{table}");
    assert!(disagreements.is_empty(), "{disagreements:#?}\n{table}");
}
