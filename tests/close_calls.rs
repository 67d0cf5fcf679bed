//! Close calls said honestly: the headline names the side a close call leans to, or says it is
//! evenly balanced, and "what would change it" shows the person the few changes that matter most,
//! each naming the result they would then see.

mod common;

use common::{default_questionnaire, scored};
use groupfit::answers::Answer;
use groupfit::report::{self, CHANGES_FOR_THE_PERSON, Reader};
use groupfit::scoring::{Band, Outcome, Recommendation, score};
use groupfit::ui_text::fill;

/// How far a listed change moves S.
fn moved(outcome: &Outcome, index: usize) -> f64 {
    let change = &outcome.would_change[index];
    (change.score.unwrap_or(0.0) - outcome.score.unwrap_or(0.0)).abs()
}

#[test]
fn a_close_call_that_leans_says_which_way() {
    let q = default_questionnaire();
    // Newly diagnosed, wants practical tips, curious about an old pattern: S = -0.1.
    let (_, outcome) = scored(&q, "tests/vignettes/02-new-diagnosis.toml");
    assert_eq!(outcome.recommendation, Recommendation::Either);
    let headline = report::headline(&q, &outcome);
    assert_eq!(
        headline,
        fill(
            &q.ui.headline_either_leaning,
            &[("lean", &q.outcomes.support_group.label)]
        )
    );
    assert!(
        headline.contains("lean a little towards: Support group"),
        "{headline}"
    );
}

#[test]
fn a_close_call_near_zero_says_evenly_balanced() {
    let q = default_questionnaire();
    // Wants both company and change in equal measure: S = -0.025.
    let (_, outcome) = scored(&q, "tests/vignettes/17-wants-both.toml");
    assert_eq!(outcome.recommendation, Recommendation::Either);
    let headline = report::headline(&q, &outcome);
    assert_eq!(headline, q.ui.headline_either);
    assert!(headline.contains("evenly balanced"), "{headline}");
}

#[test]
fn the_lean_of_a_close_call_starts_just_beyond_the_small_margin() {
    assert_eq!(
        Band::tilt_of(0.05),
        None,
        "exactly the margin is still even"
    );
    assert_eq!(Band::tilt_of(-0.05), None);
    assert_eq!(
        Band::tilt_of(0.1 - 0.05),
        None,
        "0.05000000000000001 is 0.05 on the grid"
    );
    assert_eq!(Band::tilt_of(0.050_000_001), Some(Band::GroupTherapy));
    assert_eq!(Band::tilt_of(-0.050_000_001), Some(Band::SupportGroup));
    assert_eq!(Band::tilt_of(0.0), None);
}

#[test]
fn the_person_reads_the_few_changes_that_move_the_result_most() {
    let q = default_questionnaire();
    // Can't commit but wants change: sixteen single changes would move the result.
    let (answers, outcome) = scored(&q, "tests/vignettes/05-cant-commit-wants-change.toml");
    assert!(outcome.would_change.len() > CHANGES_FOR_THE_PERSON + 1);
    let person = report::change_lines(&q, &answers, &outcome, Reader::person(None));
    assert_eq!(person.len(), CHANGES_FOR_THE_PERSON + 1, "{person:#?}");
    assert!(
        person
            .last()
            .unwrap()
            .contains("other single changes, each moving the result less")
    );

    // The ones shown are the largest moves, largest first, and none is "prefer not to say".
    let mut order: Vec<usize> = (0..outcome.would_change.len())
        .filter(|&i| {
            let change = &outcome.would_change[i];
            !change.new_answer.is_skip(&q.questions[change.index])
        })
        .collect();
    order.sort_by(|&a, &b| moved(&outcome, b).total_cmp(&moved(&outcome, a)));
    for (line, &index) in person.iter().take(CHANGES_FOR_THE_PERSON).zip(&order) {
        let expected = report::describe_change(
            &q,
            &answers,
            &outcome,
            &outcome.would_change[index],
            Reader::person(None),
        );
        assert_eq!(line, &expected);
    }
    assert!(moved(&outcome, order[0]) >= moved(&outcome, order[CHANGES_FOR_THE_PERSON]));

    // The clinician reads every change, and the JSON keeps them all.
    let clinician = report::change_lines(&q, &answers, &outcome, Reader::clinician(None));
    assert_eq!(clinician.len(), outcome.would_change.len());
    assert!(clinician.iter().all(|line| line.contains("S = ")));
}

#[test]
fn under_a_caution_a_change_keeps_the_caution_and_moves_the_lean() {
    let q = default_questionnaire();
    let (mut answers, _) = scored(&q, "tests/vignettes/05-cant-commit-wants-change.toml");
    // Low mood on several days raises the caution: a professional first, whatever the lean.
    let s1 = q.question_index("s1").unwrap();
    let several = q.questions[s1]
        .options()
        .iter()
        .position(|o| o.id == "several_days")
        .unwrap();
    answers.set(s1, Answer::Choice(several));
    // Its follow-ups answered too: safety left unasked would leave every change incomplete.
    for follow_up in ["s2", "s3"] {
        answers.set(
            q.question_index(follow_up).unwrap(),
            common::choose(&q, follow_up, "no"),
        );
    }
    let outcome = score(&q, &answers);
    assert_eq!(outcome.recommendation, Recommendation::ProfessionalFirst);
    assert!(!outcome.would_change.is_empty());
    for line in report::change_lines(&q, &answers, &outcome, Reader::person(None)) {
        if line.contains("other single changes") {
            continue;
        }
        assert!(
            line.contains("a professional first would still come first"),
            "{line}"
        );
        assert!(!line.contains("would give: Group therapy"), "{line}");
    }
}

#[test]
fn nothing_to_change_is_said_once() {
    let q = default_questionnaire();
    let (answers, outcome) = scored(&q, "tests/vignettes/01-widow.toml");
    assert!(outcome.would_change.is_empty());
    let lines = report::change_lines(&q, &answers, &outcome, Reader::person(None));
    assert_eq!(lines, vec![q.ui.no_change.clone()]);
}

#[test]
fn the_plain_result_carries_the_close_call_and_the_short_list() {
    let q = default_questionnaire();
    let (answers, outcome) = scored(&q, "tests/vignettes/05-cant-commit-wants-change.toml");
    let text = report::text(&q, &answers, &outcome, Reader::person(None));
    // One word per change, so that wrapping cannot split it.
    let listed = text.matches("answering").count();
    assert_eq!(listed, CHANGES_FOR_THE_PERSON, "{text}");
    let (answers, outcome) = scored(&q, "tests/vignettes/02-new-diagnosis.toml");
    let text = report::text(&q, &answers, &outcome, Reader::person(None));
    assert!(text.contains("lean a little towards"), "{text}");
}

/// Hardening, third round: each "what would change it" entry is what scoring the changed file
/// gives. Unanswered safety questions leave every change incomplete, as they leave the result.
#[test]
fn a_change_is_incomplete_while_safety_is_unasked() {
    let q = default_questionnaire();
    let text = std::fs::read_to_string("tests/vignettes/02-new-diagnosis.toml").unwrap();
    let without_safety: String = text
        .lines()
        .filter(|line| !line.starts_with('s') && !line.starts_with('d'))
        .fold(String::new(), |kept, line| kept + line + "\n");
    let answers = groupfit::answers::load(without_safety.as_bytes(), &q)
        .unwrap()
        .answers;
    let outcome = score(&q, &answers);
    assert!(!outcome.complete);
    assert!(!outcome.would_change.is_empty());
    assert!(outcome.would_change.iter().all(|c| !c.complete));
}

/// A change to an answer that raises a caution (a custom questionnaire may flag a scored
/// option) gives a caution, not another group: it is not offered as a change of group.
#[test]
fn a_change_that_would_raise_a_caution_is_not_offered_as_a_group() {
    let q = common::load_valid(&with_safety_and_purpose(
        r#"[[questions]]
id = "p1"
dimension = "purpose"
kind = "single"
prompt = "Hope?"
options = [
  { id = "peers", label = "Peers", weight = -2 },
  { id = "change", label = "Change", weight = 2, flag = "amber", note = "n", advice = "a" },
  { id = "calm", label = "Calm", weight = 2 },
]
"#,
    ));
    let mut answers = groupfit::answers::Answers::new(&q);
    answers.set(0, Answer::Choice(0));
    answers.set(1, Answer::Choice(0));
    let outcome = score(&q, &answers);
    assert_eq!(outcome.recommendation, Recommendation::SupportGroup);
    let offered: Vec<&serde_json::Value> = outcome.would_change.iter().map(|c| &c.to).collect();
    assert_eq!(
        offered,
        [&serde_json::json!("calm")],
        "not the flagged option"
    );
}

/// A change that shows a question again scores the answer the file gave it, as scoring the
/// changed file would: each entry is exactly that file's result.
#[test]
fn a_change_that_reveals_an_answer_the_file_gave_scores_it() {
    let q = common::load_valid(&with_safety_and_purpose(
        r#"[[questions]]
id = "p1"
dimension = "purpose"
kind = "single"
prompt = "Hope?"
options = [{ id = "peers", label = "Peers", weight = -1 }, { id = "change", label = "Change", weight = 0.2 }]
[[questions]]
id = "p2"
dimension = "purpose"
kind = "single"
prompt = "Why change?"
show_if = { question = "p1", any_of = ["change"] }
options = [{ id = "deep", label = "Deep", weight = 2 }, { id = "light", label = "Light", weight = -2 }]
"#,
    ));
    let file = |p1: &str| format!("[answers]\ns1 = \"no\"\np1 = \"{p1}\"\np2 = \"deep\"\n");
    let loaded = groupfit::answers::load(file("peers").as_bytes(), &q).unwrap();
    let outcome = score(&q, &loaded.answers);
    let entry = outcome
        .would_change
        .iter()
        .find(|c| c.question == "p1")
        .expect("changing p1 moves the result");
    let changed = groupfit::answers::load(file("change").as_bytes(), &q).unwrap();
    let rescored = score(&q, &changed.answers);
    assert_eq!(entry.score, rescored.score, "p2's answer counts");
    assert_eq!(entry.lean, rescored.lean);
    assert_eq!(entry.complete, rescored.complete);
}

/// A questionnaire with one red safety question and a purpose dimension, then `questions`.
fn with_safety_and_purpose(questions: &str) -> String {
    format!(
        r#"format = 1
[meta]
id = "custom"
title = "Custom"
version = "1"
[outcomes.support_group]
label = "Support group"
[outcomes.group_therapy]
label = "Group therapy"
[[dimensions]]
id = "purpose"
label = "Purpose"
weight = 1.0
[[questions]]
id = "s1"
dimension = "safety"
kind = "single"
prompt = "Safe?"
options = [{{ id = "no", label = "No" }}, {{ id = "yes", label = "Yes", flag = "red" }}]
{questions}"#
    )
}

/// The person reads how close the answers came to another result, said not to be advice, and
/// never a change to what their life is (ticking a bereavement they did not have, or saying a
/// problem is new when it is old: `circumstance = true`), which holdout testers read as being
/// told to invent one; a clinician's record still lists every change.
#[test]
fn the_person_is_never_shown_a_change_to_their_circumstances() {
    let q = default_questionnaire();
    let circumstances: Vec<usize> = ["a1", "a7", "a2", "a3", "a5"]
        .iter()
        .map(|id| q.question_index(id).unwrap())
        .collect();
    for index in &circumstances {
        assert!(
            q.questions[*index].circumstance,
            "{}",
            q.questions[*index].id
        );
    }
    let (answers, outcome) = scored(&q, "tests/validation/holdout6/answers/M04.toml");
    assert!(
        outcome
            .would_change
            .iter()
            .any(|c| circumstances.contains(&c.index)),
        "the story has such changes to leave out"
    );
    let person = report::change_lines(&q, &answers, &outcome, Reader::person(None));
    for line in &person {
        for index in &circumstances {
            assert!(!line.contains(&q.questions[*index].prompt), "{line}");
        }
    }
    let clinician = report::change_lines(&q, &answers, &outcome, Reader::clinician(None));
    assert_eq!(clinician.len(), outcome.would_change.len());

    let record = |reader: Reader<'_>| {
        let input = report::Input {
            questionnaire: &q,
            answers: &answers,
            outcome: &outcome,
            reader,
            clinician: None,
            provenance: None,
        };
        report::build(
            &input,
            report::View::Result {
                show_weights: false,
            },
        )
        .parts
        .into_iter()
        .find(|p| p.kind == report::PartKind::Changes)
        .map(|p| format!("{:?}", p.blocks))
        .unwrap()
    };
    assert!(
        record(Reader::person(None)).contains(&q.ui.changes_lead),
        "said for the person"
    );
    assert!(!record(Reader::clinician(None)).contains(&q.ui.changes_lead));
}

/// When the only answers that would move the result are about the person's life, the person is
/// not told that no single change would move it: only that no different answer about what
/// they would like would (a reviewer found the first said while the record listed a change).
#[test]
fn the_person_is_not_told_nothing_would_change_it_when_only_their_circumstances_would() {
    let q = common::minimal_with(
        "prompt = \"Main hope?\"",
        "prompt = \"Main hope?\"\ncircumstance = true",
    );
    let mut answers = groupfit::answers::Answers::new(&q);
    answers.set(0, common::choose(&q, "s1", "no"));
    answers.set(1, common::choose(&q, "p1", "less_alone"));
    answers.set(2, Answer::Scale(5));
    let outcome = score(&q, &answers);
    assert!(
        !outcome.would_change.is_empty() && outcome.would_change.iter().all(|c| c.index == 1),
        "only the circumstance moves it"
    );
    let person = report::change_lines(&q, &answers, &outcome, Reader::person(None));
    assert_eq!(person, std::slice::from_ref(&q.ui.no_change_wished));
    let clinician = report::change_lines(&q, &answers, &outcome, Reader::clinician(None));
    assert_ne!(clinician, std::slice::from_ref(&q.ui.no_change));
}
