//! Scoring against CLINICAL.md: the worked example, its amber and red variants, the same person
//! on the default questionnaire, and the answers file's errors and warnings.

mod common;

use groupfit::answers::{self, LoadedAnswers};
use groupfit::questionnaire::{self, Questionnaire};
use groupfit::scoring::{Band, Outcome, Recommendation, Safety, score};

use common::{TODAY, default_questionnaire};

fn questionnaire(path: &str) -> Questionnaire {
    let bytes = std::fs::read(path).unwrap();
    questionnaire::load(&bytes, TODAY).unwrap().questionnaire
}

fn load_answers(q: &Questionnaire, text: &str) -> LoadedAnswers {
    answers::load(text.as_bytes(), q).unwrap_or_else(|d| panic!("answers refused: {d:#?}"))
}

fn score_file(q: &Questionnaire, path: &str) -> Outcome {
    let text = std::fs::read_to_string(path).unwrap();
    score(q, &load_answers(q, &text).answers)
}

fn assert_worked_example_scores(outcome: &Outcome) {
    let s = outcome.score.unwrap();
    assert!((s - -0.633).abs() < 0.001, "S = {s}");
    assert_eq!(outcome.percent, Some(18));
    assert_eq!(outcome.lean, Band::SupportGroup);
    assert!(outcome.complete);
    let dims: Vec<f64> = outcome
        .dimensions
        .iter()
        .map(|d| d.score.unwrap())
        .collect();
    let expected = [-0.5, -0.375, -1.0 / 3.0, -1.0, -5.0 / 6.0];
    for (got, want) in dims.iter().zip(expected) {
        assert!((got - want).abs() < 1e-9, "{dims:?}");
    }
    let sum: f64 = outcome.drivers.iter().map(|d| d.contribution).sum();
    assert!((sum - s).abs() < 1e-9);
}

#[test]
fn the_worked_example_leans_support_group_at_18() {
    let q = questionnaire("tests/fixtures/valid/worked_example.toml");
    let outcome = score_file(&q, "tests/fixtures/valid/worked_example.answers.toml");
    assert_worked_example_scores(&outcome);
    assert_eq!(outcome.recommendation, Recommendation::SupportGroup);
    assert_eq!(outcome.safety, Safety::None);
    assert!(
        outcome.would_change.is_empty(),
        "{:?}",
        outcome.would_change
    );
}

#[test]
fn several_days_makes_it_amber_with_the_lean_kept_for_discussion() {
    let q = questionnaire("tests/fixtures/valid/worked_example.toml");
    let outcome = score_file(&q, "tests/fixtures/valid/worked_example.amber.toml");
    assert_worked_example_scores(&outcome);
    assert_eq!(outcome.recommendation, Recommendation::ProfessionalFirst);
    assert_eq!(outcome.safety, Safety::Amber);
    assert_eq!(outcome.flags.len(), 1);
    assert_eq!(outcome.flags[0].question, "s1");
}

#[test]
fn a_plan_makes_it_red_and_a_crisis() {
    let q = questionnaire("tests/fixtures/valid/worked_example.toml");
    let outcome = score_file(&q, "tests/fixtures/valid/worked_example.red.toml");
    assert_eq!(outcome.recommendation, Recommendation::Crisis);
    assert_eq!(outcome.safety, Safety::Red);
    // Flags are never averaged into the score.
    assert_worked_example_scores(&outcome);
}

#[test]
fn the_same_person_on_the_default_questionnaire_leans_the_same_way() {
    // CLINICAL.md's figures (S = -0.633, P = 18) come from its five example items per
    // dimension, kept in tests/fixtures/valid/worked_example.toml; the default questionnaire asks
    // other (and rebalanced) items, so the same widow scores S = -0.575, P = 21: still clearly a
    // support group (docs/VALIDATION.md).
    let q = default_questionnaire();
    let plain = score_file(&q, "examples/answers/widowed.toml");
    assert_eq!(plain.recommendation, Recommendation::SupportGroup);
    assert_eq!(plain.percent, Some(21));
    assert!((plain.score.unwrap() - -0.575).abs() < 0.001);
    let amber = score_file(&q, "examples/answers/widowed-amber.toml");
    assert_eq!(amber.recommendation, Recommendation::ProfessionalFirst);
    assert_eq!(amber.percent, Some(21));
    let red = score_file(&q, "examples/answers/widowed-red.toml");
    assert_eq!(red.recommendation, Recommendation::Crisis);
    let therapy = score_file(&q, "examples/answers/therapy.toml");
    assert_eq!(therapy.recommendation, Recommendation::GroupTherapy);
}

/// Every safety question answered "no" (or "not at all"), as answers-file lines.
const SAFETY_NO: &str = "s1 = \"not_at_all\"\ns4 = \"no\"\ns4b = \"no\"\ns5 = \"no\"\ns6 = \"no\"\n\
                         s9 = [\"none\"]\ns10 = \"no\"\nd1 = \"never\"\nd5 = \"never\"\n\
                         s8a = \"no\"\ns8b = \"no\"\n";

#[test]
fn too_few_answers_is_either_and_incomplete() {
    let q = default_questionnaire();
    let text = format!(
        "[answers]\n{SAFETY_NO}p1 = \"less_alone\"\np3 = \"gentle\"\np5 = \"rather_not\"\n"
    );
    let outcome = score(&q, &load_answers(&q, &text).answers);
    assert!(!outcome.complete);
    assert_eq!(
        outcome.lean,
        Band::SupportGroup,
        "the lean is the band of S alone (docs/FORMAT.md)"
    );
    assert_eq!(
        outcome.recommendation,
        Recommendation::Either,
        "the headline carries the completeness"
    );
    assert_eq!(outcome.safety, Safety::None);
}

#[test]
fn missing_safety_answers_are_incomplete_with_a_caution_never_safety_none() {
    let q = default_questionnaire();
    let full = std::fs::read_to_string("examples/answers/widowed.toml").unwrap();
    let without_safety = full
        .lines()
        .filter(|line| !line.starts_with('s') && !line.starts_with('d'))
        .collect::<Vec<_>>()
        .join("\n");
    let outcome = score(&q, &load_answers(&q, &without_safety).answers);
    assert!(!outcome.complete, "safety never asked: not complete");
    assert_eq!(outcome.safety, Safety::Amber, "and never \"none\"");
    assert_eq!(outcome.recommendation, Recommendation::ProfessionalFirst);
    assert_eq!(outcome.lean, Band::SupportGroup, "the lean is still shown");
    let unasked: Vec<&str> = outcome
        .flags
        .iter()
        .filter(|f| f.option.is_null())
        .map(|f| f.question.as_str())
        .collect();
    assert_eq!(
        unasked,
        [
            "s1", "s4", "s4b", "s5", "s6", "s9", "s10", "d1", "d5", "s8a", "s8b"
        ]
    );
}

#[test]
fn declined_safety_questions_are_listed_and_the_grave_ones_are_amber() {
    let q = default_questionnaire();
    let text = "[answers]\ns1 = \"not_at_all\"\ns4 = \"no\"\ns4b = \"no\"\ns5 = \"no_say\"\n\
                s6 = \"no_say\"\ns9 = [\"no_say\"]\ns10 = \"no\"\nd1 = \"no_say\"\nd5 = \"no_say\"\n\
                s8a = \"no\"\ns8b = \"no_say\"\ns8c = [\"none\"]\n";
    let outcome = score(&q, &load_answers(&q, text).answers);
    assert_eq!(outcome.declined, ["s5", "s6", "s9", "d1", "d5", "s8b"]);
    let amber: Vec<&str> = outcome.flags.iter().map(|f| f.question.as_str()).collect();
    assert_eq!(
        amber,
        ["s5", "s8b"],
        "declining harm to others or safety at home is amber; the others are listed"
    );
    assert_eq!(outcome.safety, Safety::Amber);
}

#[test]
fn a_near_tie_is_either_and_the_changes_that_would_tip_it_are_listed() {
    let q = questionnaire("tests/fixtures/valid/worked_example.toml");
    let text = "[answers]\ns1 = \"not_at_all\"\na1 = \"zero\"\na2 = \"zero\"\nt1 = \"zero\"\nt2 = \"zero\"\n\
                t3 = \"zero\"\nt4 = \"zero\"\nz1 = \"zero\"\nz2 = \"zero\"\nz3 = \"zero\"\nf1 = \"zero\"\n\
                p1 = \"p2\"\np2 = \"zero\"\np3 = \"zero\"\n";
    let outcome = score(&q, &load_answers(&q, text).answers);
    assert_eq!(outcome.recommendation, Recommendation::Either);
    assert!(outcome.complete);
    assert!((outcome.score.unwrap() - 0.1).abs() < 1e-12);
    // f1 "p1" (a therapist, mildly) makes facilitation +0.5: S = 0.1 + 0.15 * 0.5 = 0.175.
    let tip = outcome
        .would_change
        .iter()
        .find(|c| c.question == "f1" && c.to == "p1")
        .unwrap();
    assert_eq!(tip.lean, Band::GroupTherapy);
    assert!((tip.score.unwrap() - 0.175).abs() < 1e-12);
    // Changes that stay in the band are not listed.
    assert!(
        !outcome
            .would_change
            .iter()
            .any(|c| c.question == "f1" && c.to == "m1")
    );
}

#[test]
fn mixed_profiles_are_named() {
    let q = questionnaire("tests/fixtures/valid/worked_example.toml");
    let text = std::fs::read_to_string("tests/fixtures/valid/worked_example.answers.toml")
        .unwrap()
        .replace("p1 = \"m2\"", "p1 = \"p2\"")
        .replace("p2 = \"m2\"", "p2 = \"p2\"")
        .replace("p3 = \"m1\"", "p3 = \"p2\"");
    let outcome = score(&q, &load_answers(&q, &text).answers);
    assert!(
        outcome
            .mixed
            .contains(&["purpose".to_string(), "facilitation".to_string()]),
        "{:?}",
        outcome.mixed
    );
}

mod answers_file {
    use super::*;

    fn errors(q: &Questionnaire, text: &str) -> Vec<String> {
        answers::load(text.as_bytes(), q)
            .expect_err("should be refused")
            .iter()
            .map(|d| d.headline("a.toml"))
            .collect()
    }

    #[test]
    fn unknown_ids_wrong_types_and_out_of_range_values_are_errors_naming_key_and_line() {
        let q = default_questionnaire();
        let text = "[answers]\ns1 = \"not_at_all\"\nzz = \"x\"\np1 = 3\np4 = 42\na2 = \"secret_option\"\nt1 = [\"hard\"]\n";
        let found = errors(&q, text);
        let expected = [
            "a.toml:3:1: \"zz\" is not a question",
            "a.toml:4:6: the answer to \"p1\" must be one option id",
            "a.toml:5:6: the answer to \"p4\" must be a whole number from 0 to 10",
            "a.toml:6:6: the answer to \"a2\" names an option the question does not have",
            "a.toml:7:6: the answer to \"t1\" must be one option id",
        ];
        for want in expected {
            assert!(
                found.iter().any(|f| f.starts_with(want)),
                "missing {want}\nfound: {found:#?}"
            );
        }
        // Answers are health information: a message never repeats one.
        assert!(
            !found
                .iter()
                .any(|f| f.contains("secret_option") || f.contains("42")),
            "{found:#?}"
        );
    }

    #[test]
    fn hidden_answers_are_ignored_with_a_warning() {
        // A hidden answer that calls for nothing; one that calls for help is refused
        // (tests/cli.rs::a_hidden_safety_answer_that_calls_for_help_is_never_dropped_silently).
        let q = default_questionnaire();
        let loaded = load_answers(&q, "[answers]\ns1 = \"not_at_all\"\ns3 = \"no\"\n");
        assert_eq!(loaded.warnings.len(), 1);
        assert!(
            loaded.warnings[0]
                .headline("a.toml")
                .starts_with("a.toml:3:1: warning: \"s3\" is hidden")
        );
        let s3 = q.question_index("s3").unwrap();
        assert!(loaded.answers.get(s3).is_none());
        let refused = answers::load(b"[answers]\ns1 = \"not_at_all\"\ns3 = \"yes\"\n", &q);
        assert!(
            refused.is_err(),
            "a hidden red answer is never dropped silently"
        );
    }

    #[test]
    fn a_different_questionnaire_hash_is_a_warning() {
        let q = default_questionnaire();
        let text = "questionnaire = { id = \"groupfit-default\", version = \"2026.11\", sha256 = \"00\" }\n[answers]\ns1 = \"not_at_all\"\n";
        let loaded = load_answers(&q, text);
        assert_eq!(loaded.warnings.len(), 1);
        assert!(loaded.warnings[0].message.contains("sha256 differs"));
    }

    #[test]
    fn saved_answers_load_back_identically() {
        let q = default_questionnaire();
        let original = load_answers(
            &q,
            &std::fs::read_to_string("examples/answers/widowed.toml").unwrap(),
        );
        let saved = answers::to_toml(&q, &original.answers, None);
        let reloaded = load_answers(&q, &saved);
        assert!(reloaded.warnings.is_empty(), "{:?}", reloaded.warnings);
        assert_eq!(reloaded.answers, original.answers);
        assert_eq!(
            reloaded.made_with.sha256.as_deref(),
            Some(q.sha256.as_str())
        );
    }

    #[test]
    fn multi_answers_respect_their_limits() {
        let q = common::minimal_with(
            "kind = \"single\"\nprompt = \"Main hope?\"",
            "kind = \"multi\"\nmax_choices = 1\nprompt = \"Main hope?\"",
        );
        let found = errors(&q, "[answers]\np1 = [\"less_alone\", \"change\"]\n");
        assert!(found[0].contains("allows at most 1 choice"), "{found:?}");
        assert!(!found[0].contains("1 choices"), "{found:?}");
        let found = errors(&q, "[answers]\np1 = [\"less_alone\", \"less_alone\"]\n");
        assert!(
            found[0].contains("names the same option twice"),
            "{found:?}"
        );
    }
}

/// Under a caution, answers that lean neither way are said so, not as a lean towards "Either
/// could suit you".
#[test]
fn a_caution_with_no_lean_says_so() {
    let q = common::default_questionnaire();
    let mut outcome = groupfit::scoring::score(&q, &groupfit::answers::Answers::new(&q));
    outcome.recommendation = groupfit::scoring::Recommendation::ProfessionalFirst;
    outcome.lean = groupfit::scoring::Band::Either;
    let said = groupfit::report::headline(&q, &outcome);
    assert!(!said.contains("lean towards: Either"), "{said}");
    assert_eq!(said, q.ui.headline_professional_even);
}
