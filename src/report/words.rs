//! Shared wording for reports and screens: headlines, band names and the sentences that explain
//! drivers, flags and changes, so that every format says the same thing the same way, in the
//! questionnaire's interface language (`[ui]`).

use super::Reader;
use super::record::Override;
use crate::answers::Answers;
use crate::questionnaire::{Flag, Questionnaire};
use crate::scoring::{Band, Outcome, RaisedFlag, Recommendation, Safety, WouldChange};
use crate::text::clean_line;
use crate::ui_text::fill;

/// The name of a band for a person.
#[must_use]
pub fn band_label(questionnaire: &Questionnaire, band: Band) -> String {
    match band {
        Band::SupportGroup => questionnaire.outcomes.support_group.label.clone(),
        Band::GroupTherapy => questionnaire.outcomes.group_therapy.label.clone(),
        Band::Either => questionnaire.ui.either_label.clone(),
    }
}

/// The answers that weighed most, largest first: those that moved S at all, at most
/// `TOP_DRIVERS` of them (an answer in a dimension left out of S weighs nothing and is never
/// said to have weighed).
pub fn top_drivers(outcome: &Outcome) -> impl Iterator<Item = &crate::scoring::Driver> {
    outcome
        .drivers
        .iter()
        .filter(|d| d.contribution != 0.0)
        .take(super::TOP_DRIVERS)
}

/// The name of a result for a person: its recommendation, or the lighter step where a close
/// call starts with one.
#[must_use]
pub fn result_label(questionnaire: &Questionnaire, outcome: &Outcome) -> String {
    if outcome.lighter_step {
        return fill(
            &questionnaire.ui.recommend_lighter_step,
            &[("support_group", &questionnaire.outcomes.support_group.label)],
        );
    }
    recommendation_label(questionnaire, outcome.recommendation)
}

/// The mixed profile in one sentence: every dimension pulling towards group therapy, then every
/// one pulling towards a support group, each named once. Never said under a caution, where the
/// lean is only for discussion, nor in a crisis.
#[must_use]
pub fn mixed_note(questionnaire: &Questionnaire, outcome: &Outcome) -> Option<String> {
    if outcome.mixed.is_empty()
        || matches!(
            outcome.recommendation,
            Recommendation::ProfessionalFirst | Recommendation::Crisis
        )
    {
        return None;
    }
    let names = |side: usize| {
        // A set: with many dimensions the pairs are many (one side times the other).
        let ids: std::collections::HashSet<&str> = outcome
            .mixed
            .iter()
            .map(|pair| pair[side].as_str())
            .collect();
        let labels: Vec<&str> = questionnaire
            .dimensions
            .iter()
            .filter(|d| ids.contains(&d.id.as_str()))
            .map(|d| d.label.as_str())
            .collect();
        join_and(&labels, &questionnaire.ui.and)
    };
    Some(fill(
        &questionnaire.ui.mixed,
        &[("high", &names(0)), ("low", &names(1))],
    ))
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// The name of a recommendation for a person.
#[must_use]
pub fn recommendation_label(
    questionnaire: &Questionnaire,
    recommendation: Recommendation,
) -> String {
    let ui = &questionnaire.ui;
    match recommendation {
        Recommendation::SupportGroup => band_label(questionnaire, Band::SupportGroup),
        Recommendation::GroupTherapy => band_label(questionnaire, Band::GroupTherapy),
        Recommendation::Either => ui.recommend_either.clone(),
        Recommendation::ProfessionalFirst => ui.recommend_professional.clone(),
        Recommendation::Crisis => ui.recommend_crisis.clone(),
    }
}

/// One or two sentences that say what the result means.
#[must_use]
pub fn headline(questionnaire: &Questionnaire, outcome: &Outcome) -> String {
    let ui = &questionnaire.ui;
    let lean = band_label(questionnaire, outcome.lean);
    match outcome.recommendation {
        Recommendation::Crisis => ui.headline_crisis.clone(),
        // "Your answers lean towards: Either could suit you" is a lean that is not one.
        Recommendation::ProfessionalFirst if outcome.lean == Band::Either => {
            ui.headline_professional_even.clone()
        }
        Recommendation::ProfessionalFirst => fill(&ui.headline_professional, &[("lean", &lean)]),
        Recommendation::Either if outcome.lighter_step => fill(
            &ui.headline_lighter_step,
            &[
                ("support_group", &questionnaire.outcomes.support_group.label),
                (
                    "reason",
                    questionnaire
                        .lighter_step
                        .as_ref()
                        .map_or("", |rule| rule.reason.as_str()),
                ),
            ],
        ),
        Recommendation::Either if !outcome.complete => ui.headline_incomplete.clone(),
        Recommendation::Either => match outcome.score.and_then(Band::tilt_of) {
            Some(side) => fill(
                &ui.headline_either_leaning,
                &[("lean", &band_label(questionnaire, side))],
            ),
            None => ui.headline_either.clone(),
        },
        Recommendation::SupportGroup | Recommendation::GroupTherapy if outcome.referral => {
            let group = recommendation_label(questionnaire, outcome.recommendation);
            fill(
                &ui.headline_referral,
                &[("group", &group), ("reason", &outcome.referral_reason)],
            )
        }
        Recommendation::SupportGroup | Recommendation::GroupTherapy => {
            fill(&ui.headline_lean, &[("lean", &lean)])
        }
    }
}

/// Where a contribution pulls.
#[must_use]
pub fn direction(questionnaire: &Questionnaire, contribution: f64) -> &str {
    let ui = &questionnaire.ui;
    if contribution < 0.0 {
        &ui.towards_support
    } else if contribution > 0.0 {
        &ui.towards_therapy
    } else {
        &ui.no_pull
    }
}

/// The prompt of a question, by id, on one line.
#[must_use]
pub fn prompt_of(questionnaire: &Questionnaire, id: &str) -> String {
    questionnaire.question_index(id).map_or_else(
        || id.to_string(),
        |i| clean_line(&questionnaire.questions[i].prompt),
    )
}

/// The answer given to a question, in words.
#[must_use]
pub fn answer_of(questionnaire: &Questionnaire, answers: &Answers, id: &str) -> String {
    questionnaire
        .question_index(id)
        .and_then(|i| {
            answers
                .get(i)
                .map(|a| clean_line(&a.describe(&questionnaire.questions[i])))
        })
        .unwrap_or_default()
}

/// How many changes the person reads: the few that move the result most. A clinician reads all.
pub const CHANGES_FOR_THE_PERSON: usize = 3;

/// The changes a reader is shown, the largest moves of S first. The person reads changes to
/// what they would see: declining is not a different answer about themselves, a result still
/// short of answers looks the same whichever way it leans, and another answer about their life
/// (a bereavement they did not have) reads as being told to invent one. A clinician reads all.
#[must_use]
pub fn changes_read_by<'o>(
    questionnaire: &Questionnaire,
    outcome: &'o Outcome,
    reader: Reader<'_>,
) -> Vec<&'o WouldChange> {
    let mut changes: Vec<&WouldChange> = outcome
        .would_change
        .iter()
        .filter(|change| {
            let question = &questionnaire.questions[change.index];
            !(reader.is_person()
                && (change.new_answer.is_skip(question)
                    || !change.complete
                    || question.circumstance))
        })
        .collect();
    let moved =
        |change: &WouldChange| (change.score.unwrap_or(0.0) - outcome.score.unwrap_or(0.0)).abs();
    changes.sort_by(|a, b| moved(b).total_cmp(&moved(a)));
    changes
}

/// "What would change the result", as lines to list: the changes the reader is shown
/// ([`changes_read_by`]), the person only the few that move S most and a count of the rest.
#[must_use]
pub fn change_lines(
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
    reader: Reader<'_>,
) -> Vec<String> {
    let changes = changes_read_by(questionnaire, outcome, reader);
    if changes.is_empty() {
        // Answers about the person's life may still move it: then it is only what they would
        // like that would not.
        let about_their_life = outcome
            .would_change
            .iter()
            .any(|change| questionnaire.questions[change.index].circumstance);
        let none = if reader.is_person() && about_their_life {
            &questionnaire.ui.no_change_wished
        } else {
            &questionnaire.ui.no_change
        };
        return vec![none.clone()];
    }
    let shown = if reader.is_person() {
        CHANGES_FOR_THE_PERSON.min(changes.len())
    } else {
        changes.len()
    };
    let mut lines: Vec<String> = changes[..shown]
        .iter()
        .map(|change| describe_change(questionnaire, answers, outcome, change, reader))
        .collect();
    match changes.len() - shown {
        0 => {}
        1 => lines.push(questionnaire.ui.changes_more_one.clone()),
        more => lines.push(fill(
            &questionnaire.ui.changes_more,
            &[("n", &more.to_string())],
        )),
    }
    lines
}

/// A change of answer in words: "answering X instead of Y would give ...", naming the result the
/// person would then see (under a caution, the caution stays and only the lean moves); a
/// clinician also reads S.
#[must_use]
pub fn describe_change(
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
    change: &WouldChange,
    reader: Reader<'_>,
) -> String {
    let ui = &questionnaire.ui;
    let question = &questionnaire.questions[change.index];
    let now = answer_of(questionnaire, answers, &change.question);
    let new = clean_line(&change.new_answer.describe(question));
    let score = change.score.map_or_else(
        || ui.score_none.clone(),
        |s| format!("S = {}", super::figure(s, 3)),
    );
    let template = if reader.is_person() {
        &ui.change_person
    } else {
        &ui.change
    };
    fill(
        template,
        &[
            ("question", &clean_line(&question.prompt)),
            ("new", &new),
            ("now", &now),
            ("result", &result_after(questionnaire, outcome, change)),
            ("score", &score),
        ],
    )
}

/// The result the person would see after a change: a caution stays whatever the lean.
fn result_after(questionnaire: &Questionnaire, outcome: &Outcome, change: &WouldChange) -> String {
    let ui = &questionnaire.ui;
    let lean = band_label(questionnaire, change.lean);
    if outcome.recommendation == Recommendation::ProfessionalFirst {
        return fill(&ui.change_under_caution, &[("lean", &lean)]);
    }
    if !change.complete {
        return fill(&ui.change_incomplete, &[("result", &lean)]);
    }
    match change.lean {
        Band::Either => ui.recommend_either.clone(),
        Band::SupportGroup | Band::GroupTherapy => lean,
    }
}

/// A raised flag in words: for the person, its advice (or a kind sentence for its level); for a
/// clinician, its level, note and question.
#[must_use]
pub fn flag_text(questionnaire: &Questionnaire, flag: &RaisedFlag, reader: Reader<'_>) -> String {
    let ui = &questionnaire.ui;
    if reader.is_person() {
        return flag.advice.clone().unwrap_or_else(|| {
            match flag.flag {
                Flag::Red => &ui.flag_person_red,
                Flag::Amber => &ui.flag_person_amber,
                Flag::Prep => &ui.flag_person_prep,
            }
            .clone()
        });
    }
    format!(
        "{}: {} ({})",
        flag.flag.as_str().to_uppercase(),
        flag.note.as_deref().unwrap_or(""),
        flag.question
    )
}

/// A declined safety question in words: kindly for the person, plainly for the record.
#[must_use]
pub fn declined_text(questionnaire: &Questionnaire, id: &str, reader: Reader<'_>) -> String {
    let ui = &questionnaire.ui;
    let prompt = prompt_of(questionnaire, id);
    if reader.is_person() {
        fill(&ui.declined_person, &[("question", &prompt)])
    } else {
        format!(
            "{} ({id})",
            fill(&ui.declined_record, &[("question", &prompt)])
        )
    }
}

/// One thing to talk about: the words, and the flag level behind them (none for a decline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkItem {
    pub flag: Option<Flag>,
    pub text: String,
}

/// Every "thing to talk about", in order: each flag's words, then each declined question's,
/// without saying the same sentence twice (several options can share one piece of advice).
#[must_use]
pub fn talk_about(
    questionnaire: &Questionnaire,
    outcome: &Outcome,
    reader: Reader<'_>,
) -> Vec<TalkItem> {
    let mut said: Vec<TalkItem> = Vec::new();
    // The cautions first (red, then amber), then what was declined, then the notes to prepare,
    // so that a note never reads as one of the cautions; within each, in the order the flags
    // were raised (the sort is stable).
    let (mut cautions, notes): (Vec<_>, Vec<_>) =
        outcome.flags.iter().partition(|f| f.flag >= Flag::Amber);
    cautions.sort_by_key(|f| std::cmp::Reverse(f.flag));
    let flag_item = |f: &&RaisedFlag| TalkItem {
        flag: Some(f.flag),
        text: flag_text(questionnaire, f, reader),
    };
    let declined = outcome
        .declined
        .iter()
        .filter(|id| {
            // A decline whose own flag already says it in words needs no second sentence.
            !outcome
                .flags
                .iter()
                .any(|f| &f.question == *id && (!reader.is_person() || f.advice.is_some()))
        })
        .map(|id| TalkItem {
            flag: None,
            text: declined_text(questionnaire, id, reader),
        });
    let items = cautions
        .iter()
        .map(flag_item)
        .chain(declined)
        .chain(notes.iter().map(flag_item));
    for item in items {
        if !said.iter().any(|s| s.text == item.text) {
            said.push(item);
        }
    }
    said
}

/// The caption under the gauge: the 0-100 position; a clinician also reads S.
#[must_use]
pub fn gauge_caption(
    questionnaire: &Questionnaire,
    score: f64,
    percent: u8,
    reader: Reader<'_>,
) -> String {
    let ui = &questionnaire.ui;
    let template = if reader.is_person() {
        &ui.gauge_caption_person
    } else {
        &ui.gauge_caption
    };
    fill(
        template,
        &[
            ("percent", &percent.to_string()),
            ("support_group", &questionnaire.outcomes.support_group.label),
            ("group_therapy", &questionnaire.outcomes.group_therapy.label),
            ("score", &super::figure(score, 3)),
        ],
    )
}

/// The safety level in words.
#[must_use]
pub fn safety_label(questionnaire: &Questionnaire, safety: Safety) -> &str {
    let ui = &questionnaire.ui;
    match safety {
        // A questionnaire without a safety screen found nothing because it asked nothing.
        Safety::None if !questionnaire.screens_safety() => &ui.safety_not_screened,
        Safety::None => &ui.safety_none,
        Safety::Prep => &ui.safety_prep,
        Safety::Amber => &ui.safety_amber,
        Safety::Red => &ui.safety_red,
    }
}

/// A clinician's override beside the computed result, in one sentence.
#[must_use]
pub fn override_sentence(
    questionnaire: &Questionnaire,
    outcome: &Outcome,
    over: &Override,
) -> String {
    fill(
        &questionnaire.ui.override_shown,
        &[
            (
                "result",
                &recommendation_label(questionnaire, over.recommendation),
            ),
            ("computed", &result_label(questionnaire, outcome)),
            ("reason", &over.reason),
        ],
    )
}

/// The next steps the answers add: each chosen option's `next_step`, in asking order, once each.
#[must_use]
pub fn answer_next_steps(questionnaire: &Questionnaire, answers: &Answers) -> Vec<String> {
    let shown = crate::answers::visible(questionnaire, answers);
    let mut steps: Vec<String> = Vec::new();
    for i in questionnaire.asking_order() {
        let (true, Some(answer)) = (shown[i], answers.get(i)) else {
            continue;
        };
        let question = &questionnaire.questions[i];
        for step in answer
            .chosen()
            .iter()
            .filter_map(|&o| question.options().get(o)?.next_step.clone())
        {
            if !steps.contains(&step) {
                steps.push(step);
            }
        }
    }
    steps
}
