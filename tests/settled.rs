//! "Settled" checked against brute force: for small random questionnaires (some options raising
//! flags) and partial answers, every way of answering or skipping the remaining questions is
//! scored, and settled must mean that the whole result a person sees cannot change (the
//! headline, the lean, the safety level and its cautions, the completeness and the lighter step),
//! and that taking the offer then gives exactly that result. A "prep" note only adds a tip to the
//! next steps, so it may still come.

mod common;

use common::random::with_answers;
use groupfit::answers::{Answer, Answers, check, visible};
use groupfit::questionnaire::{Flag, Question, QuestionKind, Questionnaire};
use groupfit::scoring::{Aggregate, Band, Outcome, Recommendation, reach, score, tally};
use proptest::prelude::*;

/// Every answer a person could give a question, and leaving it unanswered where allowed.
fn possible_answers(question: &Question) -> Vec<Option<Answer>> {
    let mut all: Vec<Option<Answer>> = if question.required {
        Vec::new()
    } else {
        vec![None]
    };
    match &question.kind {
        QuestionKind::Single { options } => {
            all.extend((0..options.len()).map(|i| Some(Answer::Choice(i))));
        }
        QuestionKind::Multi { options, .. } => all.extend(
            (1u32..(1 << options.len()))
                .map(|bits| {
                    Answer::Choices(
                        (0..options.len())
                            .filter(|o| bits & (1 << o) != 0)
                            .collect(),
                    )
                })
                .filter(|a| check(question, a).is_ok())
                .map(Some),
        ),
        QuestionKind::Scale(scale) => {
            all.extend((scale.min..=scale.max).map(|v| Some(Answer::Scale(v))));
        }
        QuestionKind::Text { .. } => {}
    }
    if all.is_empty() { vec![None] } else { all }
}

/// What a person would see of a result: the headline (with the side a close call leans to), the
/// lean (shown under a caution too), whether it is complete, the lighter step, and every caution
/// (amber or red) raised.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    recommendation: Recommendation,
    lean: Band,
    /// The side a complete close call's headline says it leans to.
    tilt: Option<Band>,
    complete: bool,
    lighter_step: bool,
    cautions: Vec<(String, String, Flag)>,
}

impl Seen {
    fn of(outcome: &Outcome) -> Self {
        Self {
            recommendation: outcome.recommendation,
            lean: outcome.lean,
            tilt: (outcome.recommendation == Recommendation::Either && outcome.complete)
                .then(|| outcome.score.and_then(Band::tilt_of))
                .flatten(),
            complete: outcome.complete,
            lighter_step: outcome.lighter_step,
            cautions: outcome
                .flags
                .iter()
                .filter(|f| f.flag >= Flag::Amber)
                .map(|f| (f.question.clone(), f.option.to_string(), f.flag))
                .collect(),
        }
    }
}

/// What every completion shows, or `None` when there are too many to try. A completion whose S
/// sits on a band edge (where rounding decides) is left out.
fn brute_force(q: &Questionnaire, answers: &Answers) -> Option<Vec<Seen>> {
    let open: Vec<usize> = (0..q.questions.len())
        .filter(|&i| answers.get(i).is_none())
        .collect();
    let choices: Vec<Vec<Option<Answer>>> = open
        .iter()
        .map(|&i| possible_answers(&q.questions[i]))
        .collect();
    let total = choices
        .iter()
        .try_fold(1usize, |acc, c| acc.checked_mul(c.len()))?;
    if total > 20_000 {
        return None;
    }
    let mut found = Vec::new();
    for mut n in 0..total {
        let mut completed = answers.clone();
        for (slot, options) in open.iter().zip(&choices) {
            if let Some(answer) = &options[n % options.len()] {
                completed.set(*slot, answer.clone());
            }
            n /= options.len();
        }
        clear_hidden(q, &mut completed);
        let outcome = score(q, &completed);
        if outcome
            .score
            .is_some_and(|s| (s.abs() - q.scoring.either_margin).abs() < 1e-9)
        {
            continue;
        }
        let seen = Seen::of(&outcome);
        if !found.contains(&seen) {
            found.push(seen);
        }
    }
    Some(found)
}

/// Drops answers to questions that `show_if` hides, as the session does.
fn clear_hidden(q: &Questionnaire, answers: &mut Answers) {
    let shown = visible(q, answers);
    for (i, is_shown) in shown.into_iter().enumerate() {
        if !is_shown {
            answers.clear(i);
        }
    }
}

/// Keeps the answers to the first `keep` questions, as if the person had stopped there.
fn partial(q: &Questionnaire, answers: &Answers, keep: usize) -> Answers {
    let mut kept = answers.clone();
    for i in keep..q.questions.len() {
        kept.clear(i);
    }
    clear_hidden(q, &mut kept);
    kept
}

/// Where the search is looser than brute force by design: a remaining question whose `show_if`
/// names an unanswered question counts as free to be shown or hidden.
fn branching_undecided(q: &Questionnaire, answers: &Answers) -> bool {
    q.questions.iter().enumerate().any(|(i, question)| {
        answers.get(i).is_none()
            && question
                .show_if
                .as_ref()
                .is_some_and(|rule| answers.get(rule.question).is_none())
    })
}

/// Settled, for partial `answers` keeping `keep`, is what brute force finds.
fn settled_is_exact(
    q: &Questionnaire,
    answers: &Answers,
    keep: usize,
) -> Result<(), TestCaseError> {
    let answers = partial(q, answers, keep);
    let Some(seen) = brute_force(q, &answers) else {
        return Ok(());
    };
    let claimed = reach(q, &answers);
    // Never too narrow: every recommendation brute force finds is listed.
    for s in &seen {
        prop_assert!(
            claimed.reachable.contains(&s.recommendation),
            "{:?} missing from {:?}",
            s.recommendation,
            claimed.reachable
        );
    }
    // Settled means the whole result: the headline, the lean (shown under a caution too),
    // the completeness and every flag are the same in every completion.
    // (Brute force sees nothing when every completion sits on a band's edge.)
    if claimed.settled && !seen.is_empty() {
        prop_assert_eq!(
            seen.len(),
            1,
            "settled, yet brute force sees {:?} ({:?}..{:?}, now {:?})",
            seen,
            claimed.min_score,
            claimed.max_score,
            score(q, &answers).score
        );
        // Taking the offer now gives exactly what answering on would.
        prop_assert_eq!(&Seen::of(&score(q, &answers)), &seen[0]);
    }
    // And never too shy where branching is decided: one thing to see, with a complete
    // result already, is claimed settled.
    let shown = visible(q, &answers);
    let complete_now = Aggregate::new(q, &tally(q, &answers, &shown)).is_complete(&q.scoring);
    if seen.len() == 1 && complete_now && !branching_undecided(q, &answers) {
        prop_assert!(
            claimed.settled,
            "brute force sees only {:?}, but not claimed settled ({:?}, {:?}..{:?})",
            seen,
            claimed.reachable,
            claimed.min_score,
            claimed.max_score
        );
    }
    Ok(())
}

/// A person answering a random questionnaire through the session, in its adaptive order: at the
/// moment the result is offered, every way of answering the questions left (by brute force)
/// gives exactly what taking the offer gives.
fn the_offer_is_exact_when_it_is_made(
    q: &Questionnaire,
    answers: &Answers,
) -> Result<(), TestCaseError> {
    use groupfit::session::{Action, Session, Stage};
    let mut session = Session::new(q);
    session.apply(Action::Start).unwrap();
    for _ in 0..=q.questions.len() {
        if session.offer_due().is_some() {
            let Some(seen) = brute_force(q, session.answers()) else {
                return Ok(());
            };
            let now = Seen::of(&session.score_now());
            for completion in &seen {
                prop_assert_eq!(completion, &now, "offered, yet a completion differs");
            }
            return Ok(());
        }
        let Stage::Asking(i) = session.stage() else {
            return Ok(());
        };
        let given = match answers.get(i) {
            Some(answer) => session.apply(Action::Answer(answer.clone())),
            None => session.apply(Action::Skip),
        };
        if given.is_err() {
            return Ok(()); // a required question this person left: not a case for the offer
        }
    }
    Ok(())
}

/// A person with a lean: on a question that scores, mostly the option that leans furthest to
/// `side`; elsewhere mostly the first option (on the safety screen, "no") or "none of these";
/// now and then any answer at all, or none.
fn leaning_answer(question: &Question, seed: u64, side: f64) -> Option<Answer> {
    use common::random::answer_for;
    if seed.is_multiple_of(8) {
        return answer_for(question, seed / 8);
    }
    match &question.kind {
        QuestionKind::Single { options } if question.is_scored() => {
            let furthest = (0..options.len()).max_by(|&a, &b| {
                let lean = |o: usize| options[o].weight.unwrap_or(0.0) * side;
                lean(a).total_cmp(&lean(b))
            })?;
            Some(Answer::Choice(furthest))
        }
        QuestionKind::Single { .. } => Some(Answer::Choice(0)),
        // "None of these" where a list has it (the screens), else any ticks.
        QuestionKind::Multi { options, .. } => options
            .iter()
            .position(|o| o.id == "none")
            .map(|none| Answer::Choices(vec![none]))
            .or_else(|| answer_for(question, seed)),
        _ => answer_for(question, seed),
    }
}

/// The same on the default questionnaire, whose completions are too many to try: a person with
/// a lean (seeded) answering through the session; at the offer, 64 random ways of answering the
/// questions left each give exactly what taking the offer gives.
fn the_default_offer_holds_for_sampled_completions(seeds: &[u64]) -> Result<bool, TestCaseError> {
    use common::random::answer_for;
    use groupfit::session::{Action, Session, Stage};
    let side = if seeds[0].is_multiple_of(2) {
        -1.0
    } else {
        1.0
    };
    let q = common::default_questionnaire();
    let mut session = Session::new(&q);
    session.apply(Action::Start).unwrap();
    let mut step = 0;
    while session.offer_due().is_none() {
        let Stage::Asking(i) = session.stage() else {
            return Ok(false); // stopped, or the end reached without an offer
        };
        step += 1;
        let seed = seeds[step % seeds.len()].wrapping_add(i as u64);
        let given = match leaning_answer(&q.questions[i], seed, side) {
            Some(answer) => session.apply(Action::Answer(answer)),
            None => session.apply(Action::Skip),
        };
        if given.is_err() {
            let answer = answer_for(&q.questions[i], seed | 1).unwrap_or(Answer::Choice(0));
            if session.apply(Action::Answer(answer)).is_err() {
                return Ok(false);
            }
        }
    }
    let now = Seen::of(&session.score_now());
    for sample in 0..64usize {
        let mut completed = session.answers().clone();
        for (i, question) in q.questions.iter().enumerate() {
            if completed.get(i).is_none() {
                let mix = u64::try_from(sample).unwrap().wrapping_mul(0x9E37_79B9);
                let seed = seeds[(sample + i) % seeds.len()] ^ mix;
                if let Some(answer) = answer_for(question, seed) {
                    completed.set(i, answer);
                }
            }
        }
        clear_hidden(&q, &mut completed);
        let outcome = score(&q, &completed);
        if outcome
            .score
            .is_some_and(|s| (s.abs() - q.scoring.either_margin).abs() < 1e-9)
        {
            continue;
        }
        prop_assert_eq!(
            Seen::of(&outcome),
            now.clone(),
            "a completion differs from the offer"
        );
    }
    Ok(true)
}

// 600 cases in two tests of 300, so that the two halves run at once on two cores.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn settled_is_exact_against_brute_force((q, answers) in with_answers(), keep in 0usize..10) {
        settled_is_exact(&q, &answers, keep)?;
    }

    #[test]
    fn settled_is_exact_against_brute_force_more((q, answers) in with_answers(), keep in 0usize..10) {
        settled_is_exact(&q, &answers, keep)?;
    }

    #[test]
    fn the_offer_in_the_adaptive_order_is_exact((q, answers) in with_answers()) {
        the_offer_is_exact_when_it_is_made(&q, &answers)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn the_offer_on_the_default_questionnaire_holds(seeds in prop::collection::vec(any::<u64>(), 8)) {
        the_default_offer_holds_for_sampled_completions(&seeds)?;
    }
}

/// The sampled check is not empty: most people with a lean are offered their result early.
#[test]
fn people_with_a_lean_are_offered_their_result_on_the_default_questionnaire() {
    let offered = (0..40u64)
        .filter(|&n| {
            let seeds: Vec<u64> = (0..8)
                .map(|k| n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ k)
                .collect();
            the_default_offer_holds_for_sampled_completions(&seeds).unwrap()
        })
        .count();
    assert!(
        offered >= 20,
        "only {offered} of 40 were offered their result"
    );
}
