//! When the result is offered early, measured on the project's played stories (the tuning and
//! holdout sets of docs/VALIDATION.md): each story's answers file is answered question by
//! question in plain mode, as a person at a terminal would, until the offer; the offer is taken,
//! and the result must be the one answering everything gives. Done in the file's order (as
//! before) and in the adaptive order (the default); the table in docs/SETTLED.md is this one.

mod common;

use std::fmt::Write as _;
use std::path::PathBuf;

use groupfit::answers::Answers;
use groupfit::plain::Plain;
use groupfit::questionnaire::{Flag, Order, Questionnaire};
use groupfit::scoring::{Outcome, score};
use groupfit::session::Stage;

/// What a person is told: the headline, the lean, completeness, the lighter step, the cautions.
fn told(outcome: &Outcome) -> (String, String, bool, bool, Vec<(String, Flag)>) {
    (
        outcome.recommendation.as_str().to_string(),
        outcome.lean.as_str().to_string(),
        outcome.complete,
        outcome.lighter_step,
        outcome
            .flags
            .iter()
            .filter(|f| f.flag >= Flag::Amber)
            .map(|f| (f.question.clone(), f.flag))
            .collect(),
    )
}

/// How one story went: the question the offer came at (`None`: never offered, as when a red
/// answer stops it), how many questions answering everything takes, and whether taking the offer
/// told the person what answering everything does.
struct Played {
    offered_at: Option<usize>,
    every_question: usize,
    same_result: bool,
}

/// Plays one answers file in plain mode, taking the offer when it comes.
fn play(q: &Questionnaire, full: &Answers) -> Played {
    let mut plain = Plain::new(q, None, false);
    let _ = plain.opening();
    let mut asked = 0;
    let mut offered_at = None;
    for _ in 0..200 {
        let Stage::Asking(i) = plain.session().stage() else {
            break;
        };
        asked += 1;
        let line = full.get(i).map(common::plain_line).unwrap_or_default();
        let (said, end) = plain.respond(&line);
        if end.is_some() {
            break;
        }
        if said.contains("Your answers already point to") {
            offered_at = Some(asked);
            let (_, end) = plain.respond("s");
            assert_eq!(end, None, "the result waits for Enter");
            break;
        }
    }
    let every_question = asked
        + plain
            .session()
            .shown_questions()
            .filter(|&i| full.get(i).is_some() && plain.session().answers().get(i).is_none())
            .count();
    let same_result =
        offered_at.is_none_or(|_| told(&plain.session().score_now()) == told(&score(q, full)));
    Played {
        offered_at,
        every_question,
        same_result,
    }
}

fn story_files() -> Vec<PathBuf> {
    common::answers_files_in(&[
        "tests/validation/tuning/answers",
        "tests/validation/holdout/answers",
    ])
}

fn median(mut values: Vec<usize>) -> usize {
    values.sort_unstable();
    values[values.len() / 2]
}

/// The table of docs/SETTLED.md: per order, how many stories were offered their result early,
/// and at which question (median, least, most), against answering every question.
fn table() -> (String, Vec<usize>) {
    let mut rows = String::from(
        "| order | stories | offered early | offer at question (median) | earliest | latest | every question (median) | result after taking it = full result |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut medians = Vec::new();
    for order in [Order::Fixed, Order::Adaptive] {
        let mut q = common::default_questionnaire();
        q.meta.order = order;
        let played: Vec<Played> = story_files()
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).unwrap();
                let full = groupfit::answers::load(text.as_bytes(), &q)
                    .unwrap()
                    .answers;
                play(&q, &full)
            })
            .collect();
        let at: Vec<usize> = played.iter().filter_map(|p| p.offered_at).collect();
        let every = median(played.iter().map(|p| p.every_question).collect());
        let same = played.iter().filter(|p| p.same_result).count();
        medians.push(median(at.clone()));
        let _ = writeln!(
            rows,
            "| {} | {} | {} | {} | {} | {} | {every} | {same} of {} |",
            order.as_str(),
            played.len(),
            at.len(),
            median(at.clone()),
            at.iter().min().unwrap(),
            at.iter().max().unwrap(),
            played.len()
        );
    }
    (rows, medians)
}

#[test]
fn the_offer_comes_sooner_in_the_adaptive_order_and_never_changes_the_result() {
    let (table, medians) = table();
    for line in table.lines().skip(2) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let stories = cells[2];
        assert_eq!(
            cells[8],
            format!("{stories} of {stories}"),
            "taking the offer must tell every story what answering everything does:\n{table}"
        );
    }
    assert!(
        medians[1] < medians[0],
        "the adaptive order offers the result sooner:\n{table}"
    );
    let docs = std::fs::read_to_string("docs/SETTLED.md").unwrap();
    assert!(
        docs.contains(&table),
        "docs/SETTLED.md should hold this table:\n{table}"
    );
}
