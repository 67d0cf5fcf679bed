//! The parts of a record, each built from the questionnaire, the answers, the outcome and the
//! clinician's record in the interface's words; `build` puts them in order.

use super::{Bar, Block, Column, Input, Part, PartKind, Tone, part};
use crate::crisis::CrisisHelp;
use crate::questionnaire::Flag;
use crate::report::record::answer_rows;
use crate::report::settled::settled_note;
use crate::report::words::{
    TalkItem, answer_next_steps, answer_of, band_label, change_lines, changes_read_by, direction,
    gauge_caption, headline, mixed_note, override_sentence, prompt_of, recommendation_label,
    result_label, safety_label, talk_about, top_drivers,
};
use crate::scoring::Recommendation;
use crate::ui_text::fill;

/// When and how the record was made, and for whom.
pub(super) fn about(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let ui = &q.ui;
    let mut fields = Vec::new();
    if let Some(p) = input.provenance {
        fields.push((ui.field_generated.clone(), p.generated.clone()));
        fields.push((
            ui.field_tool.clone(),
            format!("groupfit {}", p.tool_version),
        ));
    }
    fields.push((
        ui.field_questionnaire.clone(),
        format!("{} {} {}", q.meta.id, ui.version, q.meta.version),
    ));
    fields.push((ui.field_sha256.clone(), q.sha256.clone()));
    if let Some(p) = input.provenance {
        let mode = if p.mode == "clinician" {
            &ui.mode_clinician
        } else {
            &ui.mode_self
        };
        fields.push((ui.field_mode.clone(), mode.clone()));
        if let Some(region) = &p.region {
            fields.push((ui.field_region.clone(), region.clone()));
        }
    }
    if let Some(reference) = input.clinician.and_then(|c| c.reference.as_deref()) {
        fields.push((ui.field_reference.clone(), reference.to_string()));
    }
    // The result and any override head the record, so that they are read together on its
    // first page, however long the safety answers below run.
    fields.push((ui.field_result.clone(), result_label(q, input.outcome)));
    if let Some(over) = input
        .clinician
        .and_then(|c| c.override_recommendation.as_ref())
    {
        let chosen = recommendation_label(q, over.recommendation);
        fields.push((
            ui.field_override.clone(),
            fill(
                &ui.override_field,
                &[("result", &chosen), ("reason", &over.reason)],
            ),
        ));
    }
    part(
        PartKind::About,
        &ui.heading_about,
        vec![Block::Fields(fields)],
    )
}

/// The safety answers, verbatim, first.
pub(super) fn safety_answers(input: &Input<'_>) -> Part {
    let ui = &input.questionnaire.ui;
    let rows: Vec<Vec<String>> = answer_rows(input.questionnaire, input.answers, input.outcome)
        .into_iter()
        .filter(|r| r.safety)
        .map(|r| vec![r.prompt.clone(), r.answer_text(ui)])
        .collect();
    let marked = vec![false; rows.len()];
    part(
        PartKind::SafetyAnswers,
        &ui.heading_safety_answers,
        vec![Block::Table {
            columns: columns(&[(&ui.column_question, false), (&ui.column_answer, false)]),
            rows,
            marked,
        }],
    )
}

pub(super) fn columns(list: &[(&str, bool)]) -> Vec<Column> {
    list.iter()
        .map(|(title, numeric)| Column {
            title: (*title).to_string(),
            numeric: *numeric,
        })
        .collect()
}

/// The result: its name, the headline, the override beside it, and for a clinician the figures.
pub(super) fn result(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let outcome = input.outcome;
    let mut blocks = vec![
        Block::Lead(result_label(q, outcome)),
        Block::Text(headline(q, outcome), Tone::Plain),
    ];
    if let Some(note) = settled_note(q, outcome) {
        blocks.push(Block::Text(note, Tone::Quiet));
    }
    if let Some(over) = input
        .clinician
        .and_then(|c| c.override_recommendation.as_ref())
    {
        blocks.push(Block::Text(
            override_sentence(q, outcome, over),
            Tone::Warning,
        ));
    }
    if !input.reader.is_person() {
        blocks.push(Block::Fields(result_fields(input)));
    }
    Part {
        kind: PartKind::Result,
        heading: None,
        blocks,
    }
}

/// The result's figures for a clinician. A crisis gives no group at all, so its record shows no
/// lean, score or position: only whether it is complete and the safety level.
fn result_fields(input: &Input<'_>) -> Vec<(String, String)> {
    let q = input.questionnaire;
    let outcome = input.outcome;
    let ui = &q.ui;
    let yes_no = |b: bool| if b { &ui.yes } else { &ui.no }.clone();
    let mut fields = Vec::new();
    if outcome.recommendation != Recommendation::Crisis {
        fields.extend([
            (ui.field_lean.clone(), band_label(q, outcome.lean)),
            (
                ui.field_score.clone(),
                outcome
                    .score
                    .map_or_else(|| ui.score_none.clone(), |s| crate::report::figure(s, 3)),
            ),
            (
                ui.field_percent.clone(),
                outcome
                    .percent
                    .map_or_else(|| ui.score_none.clone(), |p| p.to_string()),
            ),
            (
                ui.field_margin.clone(),
                format!("±{}", q.scoring.either_margin),
            ),
        ]);
    }
    fields.extend([
        (ui.field_complete.clone(), yes_no(outcome.complete)),
        (
            ui.field_safety.clone(),
            safety_label(q, outcome.safety).to_string(),
        ),
    ]);
    fields
}

/// Flags and declined questions, in the reader's words; none when there is nothing to say.
pub(super) fn things_to_talk_about(input: &Input<'_>) -> Option<Part> {
    let q = input.questionnaire;
    let said = talk_about(q, input.outcome, input.reader);
    if said.is_empty() {
        return None;
    }
    let items = |list: &[TalkItem]| -> Vec<(String, Tone)> {
        let tone = |flag: Option<Flag>| flag.map_or(Tone::Warning, Tone::Flag);
        list.iter()
            .map(|i| (i.text.clone(), tone(i.flag)))
            .collect()
    };
    // The notes to prepare come last (talk_about's order). A person reads them under a heading
    // of their own when cautions come before them, so that a note is not read as one more thing
    // to see a professional about; a clinician reads the levels, in one list.
    let first_note = said
        .iter()
        .position(|i| i.flag == Some(Flag::Prep))
        .unwrap_or(said.len());
    let blocks = if input.reader.is_person() && 0 < first_note && first_note < said.len() {
        let (cautions, notes) = said.split_at(first_note);
        vec![
            Block::Items(items(cautions)),
            Block::Text(q.ui.heading_prepare.clone(), Tone::Plain),
            Block::Items(items(notes)),
        ]
    } else {
        vec![Block::Items(items(&said))]
    };
    let heading = if input.reader.is_person() {
        q.ui.heading_flags.clone()
    } else {
        format!(
            "{} ({})",
            q.ui.heading_flags,
            safety_label(q, input.outcome.safety)
        )
    };
    Some(part(PartKind::ThingsToTalkAbout, &heading, blocks))
}

/// Where to get help now: the region's lines first, or the honest fallback. Under a caution or
/// in a crisis it comes right after the result.
pub(super) fn help(input: &Input<'_>, kind: PartKind) -> Part {
    let q = input.questionnaire;
    let heading = if input.outcome.recommendation == Recommendation::ProfessionalFirst {
        &q.ui.heading_talk
    } else {
        &q.ui.heading_crisis
    };
    let topics = crate::safety::help_topics(&input.outcome.flags);
    let mut help = CrisisHelp::for_topics(q, input.reader.region, &topics);
    if !input.reader.is_person() {
        help = help.listing_every_region();
    }
    let items = help
        .item_lines(&q.ui)
        .into_iter()
        .map(|line| (line, Tone::Plain))
        .collect();
    part(kind, heading, vec![Block::Items(items)])
}

/// The gauge and its caption; under a caution, the lean for discussion; incomplete, why.
pub(super) fn where_answers_fall(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let outcome = input.outcome;
    let ui = &q.ui;
    let mut blocks = Vec::new();
    match (outcome.score, outcome.percent) {
        (Some(score), Some(percent)) => {
            blocks.push(Block::Gauge {
                score,
                margin: q.scoring.either_margin,
                left: q.outcomes.support_group.label.clone(),
                right: q.outcomes.group_therapy.label.clone(),
                middle: ui.either_label.clone(),
            });
            blocks.push(Block::Text(
                gauge_caption(q, score, percent, input.reader),
                Tone::Quiet,
            ));
        }
        _ => blocks.push(Block::Text(ui.no_score.clone(), Tone::Quiet)),
    }
    if !outcome.complete {
        blocks.push(Block::Text(ui.incomplete.clone(), Tone::Warning));
    }
    part(PartKind::Where, &ui.heading_where, blocks)
}

/// One bar per dimension, and the mixed profile in one sentence.
pub(super) fn dimensions(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let ui = &q.ui;
    let clinician = !input.reader.is_person();
    let bars = q
        .dimensions
        .iter()
        .zip(&input.outcome.dimensions)
        .map(|(d, s)| {
            let counted = fill(
                &ui.answered_of,
                &[
                    ("answered", &s.answered.to_string()),
                    ("shown", &s.shown.to_string()),
                ],
            );
            let detail = if s.confident || s.score.is_none() {
                counted
            } else {
                format!("{counted}, {}", ui.low_confidence)
            };
            Bar {
                label: d.label.clone(),
                score: s.score,
                detail,
                weight: clinician.then_some(d.weight),
            }
        })
        .collect();
    let mut blocks = vec![Block::Bars {
        bars,
        legend: (
            q.outcomes.support_group.label.clone(),
            q.outcomes.group_therapy.label.clone(),
        ),
    }];
    if let Some(note) = mixed_note(q, input.outcome) {
        blocks.push(Block::Text(note, Tone::Warning));
    }
    part(PartKind::Dimensions, &ui.heading_dimensions, blocks)
}

/// The answers that weighed most; a clinician also reads each contribution.
pub(super) fn drivers(input: &Input<'_>) -> Option<Part> {
    let q = input.questionnaire;
    let ui = &q.ui;
    let clinician = !input.reader.is_person();
    let rows: Vec<Vec<String>> = top_drivers(input.outcome)
        .map(|d| {
            let mut row = vec![
                prompt_of(q, &d.question),
                answer_of(q, input.answers, &d.question),
                direction(q, d.contribution).to_string(),
            ];
            if clinician {
                row.push(crate::report::figure(d.contribution, 3));
            }
            row
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut cols = vec![
        (ui.column_question.as_str(), false),
        (ui.column_answer.as_str(), false),
        (ui.column_pull.as_str(), false),
    ];
    if clinician {
        cols.push((ui.column_contribution.as_str(), true));
    }
    let marked = vec![false; rows.len()];
    Some(part(
        PartKind::Drivers,
        &ui.heading_drivers,
        vec![Block::Table {
            columns: columns(&cols),
            rows,
            marked,
        }],
    ))
}

/// What would change the result; the person is told first that it shows how firm the result
/// is, not what to answer (holdout testers read "answering 'No, I can't' would give ..." as
/// advice).
pub(super) fn changes(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let mut blocks = Vec::new();
    if input.reader.is_person() && !changes_read_by(q, input.outcome, input.reader).is_empty() {
        blocks.push(Block::Text(q.ui.changes_lead.clone(), Tone::Plain));
    }
    let items = change_lines(q, input.answers, input.outcome, input.reader)
        .into_iter()
        .map(|line| (line, Tone::Plain))
        .collect();
    blocks.push(Block::Items(items));
    part(PartKind::Changes, &q.ui.heading_changes, blocks)
}

/// What each kind of group is like.
pub(super) fn groups(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let mut blocks = Vec::new();
    for outcome in [&q.outcomes.support_group, &q.outcomes.group_therapy] {
        blocks.push(Block::Lead(outcome.label.clone()));
        blocks.push(Block::Text(outcome.summary.clone(), Tone::Plain));
    }
    part(PartKind::Groups, &q.ui.heading_groups, blocks)
}

pub(super) fn next_steps(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let steps: Vec<(String, Tone)> = answer_next_steps(q, input.answers)
        .into_iter()
        .map(|step| (step, Tone::Plain))
        .collect();
    let mut blocks = Vec::new();
    if !steps.is_empty() {
        blocks.push(Block::Items(steps));
    }
    blocks.push(Block::Text(q.meta.next_steps.clone(), Tone::Plain));
    part(PartKind::NextSteps, &q.ui.heading_next, blocks)
}

/// Every shown question with its answer, weight and contribution; the drivers marked.
pub(super) fn every_answer(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let ui = &q.ui;
    let rows = answer_rows(q, input.answers, input.outcome);
    let marked = rows.iter().map(|r| r.driver).collect();
    let table_rows = rows
        .iter()
        .map(|r| {
            let (weight, contribution) = r.figures();
            vec![r.prompt.clone(), r.answer_text(ui), weight, contribution]
        })
        .collect();
    part(
        PartKind::EveryAnswer,
        &ui.heading_every_answer,
        vec![Block::Table {
            columns: columns(&[
                (&ui.column_question, false),
                (&ui.column_answer, false),
                (&ui.column_weight, true),
                (&ui.column_contribution, true),
            ]),
            rows: table_rows,
            marked,
        }],
    )
}

/// The clinician's notes: on the session, then on each question, named by its question.
pub(super) fn notes(input: &Input<'_>) -> Option<Part> {
    let record = input.clinician?;
    let q = input.questionnaire;
    let mut blocks = Vec::new();
    if let Some(note) = &record.session_note {
        blocks.push(Block::Text(note.clone(), Tone::Plain));
    }
    // A table, not "prompt: note": a prompt ends in its own question mark.
    let rows: Vec<Vec<String>> = record
        .question_notes
        .iter()
        .map(|(id, note)| vec![prompt_of(q, id), note.clone()])
        .collect();
    if !rows.is_empty() {
        blocks.push(Block::Table {
            columns: columns(&[(&q.ui.column_question, false), (&q.ui.column_note, false)]),
            marked: vec![false; rows.len()],
            rows,
        });
    }
    if blocks.is_empty() {
        blocks.push(Block::Text(q.ui.no_notes.clone(), Tone::Quiet));
    }
    Some(part(PartKind::Notes, &q.ui.heading_notes, blocks))
}

/// In a clinician's record, the lines a clinic fills in by hand: with whom it was completed, the
/// clinician, their signature and the date.
pub(super) fn sign_off(input: &Input<'_>) -> Option<Part> {
    let ui = &input.questionnaire.ui;
    let clinician = input.provenance.is_some_and(|p| p.mode == "clinician");
    clinician.then(|| {
        part(
            PartKind::SignOff,
            &ui.heading_sign_off,
            vec![Block::Blanks(vec![
                ui.field_completed_with.clone(),
                ui.field_clinician.clone(),
                ui.field_signature.clone(),
                ui.field_date.clone(),
            ])],
        )
    })
}
