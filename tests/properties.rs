//! Properties of scoring over random questionnaires and answers, and of loading over random
//! bytes: bounds, monotonicity, contributions that sum to S, an exact "what would change it",
//! and no panic on any input.

use groupfit::answers::Answer;
use groupfit::date::Date;
use groupfit::questionnaire::{self, Question, QuestionKind};
use groupfit::scoring::{Band, alternatives, score};
use proptest::prelude::*;

mod common;

use common::random::with_answers;

const ESC: char = '\u{1b}';
const RLO: char = '\u{202e}';
/// Every answer one change away, as brute force sees it: scales include every other value.
fn every_change(question: &Question, current: &Answer) -> Vec<Answer> {
    match (&question.kind, current) {
        (QuestionKind::Scale(scale), Answer::Scale(v)) => (scale.min..=scale.max)
            .filter(|x| x != v)
            .map(Answer::Scale)
            .collect(),
        _ => alternatives(question, current),
    }
}

/// The default questionnaire, loaded once: loading it for each of 2,000 cases took a minute.
static DEFAULT: std::sync::LazyLock<questionnaire::Questionnaire> =
    std::sync::LazyLock::new(|| {
        questionnaire::load(
            questionnaire::DEFAULT_TOML.as_bytes(),
            Date {
                year: 2026,
                month: 12,
                day: 7,
            },
        )
        .unwrap()
        .questionnaire
    });

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn scores_stay_finite_and_within_bounds((q, answers) in with_answers()) {
        let outcome = score(&q, &answers);
        if let Some(s) = outcome.score {
            prop_assert!(s.is_finite() && (-1.0..=1.0).contains(&s), "S = {s}");
            prop_assert!(outcome.percent.is_some_and(|p| p <= 100));
        }
        for d in &outcome.dimensions {
            if let Some(s) = d.score {
                prop_assert!(s.is_finite() && (-1.0..=1.0).contains(&s), "{d:?}");
            }
        }
    }

    #[test]
    fn contributions_sum_to_the_score((q, answers) in with_answers()) {
        let outcome = score(&q, &answers);
        let sum: f64 = outcome.drivers.iter().map(|d| d.contribution).sum();
        prop_assert!((sum - outcome.score.unwrap_or(0.0)).abs() < 1e-9, "sum {sum} vs S {:?}", outcome.score);
        let mut sorted = outcome.drivers.iter().map(|d| d.contribution.abs()).collect::<Vec<_>>();
        sorted.sort_by(|a, b| b.total_cmp(a));
        prop_assert_eq!(sorted, outcome.drivers.iter().map(|d| d.contribution.abs()).collect::<Vec<_>>());
    }

    #[test]
    fn a_higher_weight_never_lowers_the_score((q, answers) in with_answers()) {
        let before = score(&q, &answers);
        let controls: Vec<usize> = q.questions.iter().filter_map(|x| x.show_if.as_ref().map(|s| s.question)).collect();
        for (i, question) in q.questions.iter().enumerate() {
            let Some(Answer::Choice(current)) = answers.get(i) else { continue };
            let options = question.options();
            if options[*current].skip || controls.contains(&i) || !question.is_scored() {
                continue;
            }
            let weight = |o: usize| options[o].weight.unwrap_or(0.0);
            for other in (0..options.len()).filter(|&o| !options[o].skip && weight(o) > weight(*current)) {
                let mut changed = answers.clone();
                changed.set(i, Answer::Choice(other));
                let after = score(&q, &changed);
                if let (Some(a), Some(b)) = (before.score, after.score) {
                    prop_assert!(b >= a - 1e-12, "{}: {a} -> {b}", question.id);
                }
            }
        }
    }

    #[test]
    fn what_would_change_it_is_exact((q, answers) in with_answers()) {
        // With S on the 1e-9 grid nothing is skipped near the edges: a full rescore of every
        // listed and every unlisted change agrees with the list.
        let outcome = score(&q, &answers);
        // Every listed change really moves the band to the one it names.
        for change in &outcome.would_change {
            let mut changed = answers.clone();
            changed.set(change.index, change.new_answer.clone());
            let after = score(&q, &changed);
            prop_assert_eq!(after.lean, change.lean);
            prop_assert_ne!(after.lean, outcome.lean);
        }
        // No single change that moves the band is missing (for a scale, the nearest one each way).
        for (i, question) in q.questions.iter().enumerate() {
            let Some(current) = answers.get(i) else { continue };
            let movers: Vec<Answer> = every_change(question, current)
                .into_iter()
                .filter(|alt| {
                    // A change that raises a caution gives a caution, not another group: it is
                    // not listed as a change of group.
                    if groupfit::safety::highest_flag(&q, i, alt).is_some_and(|f| f >= groupfit::questionnaire::Flag::Amber) {
                        return false;
                    }
                    let mut changed = answers.clone();
                    changed.set(i, alt.clone());
                    let after = score(&q, &changed);
                    after.lean != outcome.lean
                })
                .collect();
            let listed: Vec<&Answer> = outcome.would_change.iter().filter(|c| c.index == i).map(|c| &c.new_answer).collect();
            if let Answer::Scale(v) = current {
                let nearest_up = movers.iter().filter(|a| matches!(a, Answer::Scale(x) if x > v)).min_by_key(|a| match a { Answer::Scale(x) => *x, _ => 0 });
                let nearest_down = movers.iter().filter(|a| matches!(a, Answer::Scale(x) if x < v)).max_by_key(|a| match a { Answer::Scale(x) => *x, _ => 0 });
                for nearest in [nearest_up, nearest_down].into_iter().flatten() {
                    prop_assert!(listed.contains(&nearest), "{}: {nearest:?} missing from {listed:?}", question.id);
                }
            } else {
                for mover in &movers {
                    prop_assert!(listed.contains(&mover), "{}: {mover:?} missing from {listed:?}", question.id);
                }
            }
        }
    }

    /// The lean is the band of S alone (docs/FORMAT.md), complete or not; the recommendation of an
    /// incomplete result is "either".
    #[test]
    fn the_lean_is_the_band_of_s_alone((q, answers) in with_answers()) {
        let outcome = score(&q, &answers);
        let margin = groupfit::scoring::grid::on_grid(q.scoring.either_margin);
        let expected = match outcome.score {
            Some(s) if s <= -margin => Band::SupportGroup,
            Some(s) if s >= margin => Band::GroupTherapy,
            _ => Band::Either,
        };
        prop_assert_eq!(outcome.lean, expected);
        if !outcome.complete && outcome.safety < groupfit::scoring::Safety::Amber {
            prop_assert_eq!(outcome.recommendation, groupfit::scoring::Recommendation::Either);
        }
    }

    /// Ties both ways: S = i/20 computed in floating point is banded as arithmetic says at the
    /// margins 3/20 and -3/20, and P rounds half up at every .5.
    #[test]
    fn ties_are_banded_and_rounded_as_arithmetic_says(i in -20i32..=20, m in 0u8..100) {
        let s = f64::from(i) / 20.0;
        let margin = 3.0 / 20.0;
        let expected = if i <= -3 { Band::SupportGroup } else if i >= 3 { Band::GroupTherapy } else { Band::Either };
        prop_assert_eq!(Band::of_score(s, margin), expected, "S = {}", s);
        // 50 (S + 1) = m + 0.5 exactly in arithmetic: P = m + 1.
        let s = (2.0 * f64::from(m) + 1.0) / 100.0 - 1.0;
        prop_assert_eq!(groupfit::scoring::grid::percent(s), m + 1, "S = {}", s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn loading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let today = Date { year: 2026, month: 12, day: 7 };
        let _ = questionnaire::load(&bytes, today);
        let _ = groupfit::answers::load(&bytes, &DEFAULT);
    }

    #[test]
    fn loading_a_mangled_questionnaire_never_panics(
        cut in 0usize..2000,
        insert in prop::sample::select(&["\"", "[", "]]", "=", "\n", "nan", "-9", "\u{1b}", "\u{202e}", "é", "{", "[[questions]]\n", "show_if = { question = \"s1\", any_of = [\"x\"] }\n"][..]),
    ) {
        let base = std::fs::read_to_string("tests/fixtures/valid/minimal.toml").unwrap();
        let mut at = cut.min(base.len());
        while !base.is_char_boundary(at) { at -= 1; }
        let mangled = format!("{}{insert}{}", &base[..at], &base[at..]);
        if let Err(diagnostics) = questionnaire::load(mangled.as_bytes(), Date { year: 2026, month: 12, day: 7 }) {
            for d in diagnostics {
                let rendered = d.render("f.toml", &mangled);
                prop_assert!(!rendered.contains(ESC) && !rendered.contains(RLO), "unsafe character in {:?}", rendered);
            }
        }
    }
}
