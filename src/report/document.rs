//! The record, built once: every part of a result or a filed record, in one order, in the
//! interface's words. The text, Markdown and HTML records and the result screen are thin
//! renderers of it, so a part added here appears everywhere. Pure data: no layout, no escaping.

use super::Reader;
use super::record::{ClinicianRecord, Provenance, answer_rows};
use super::words::{
    answer_next_steps, answer_of, band_label, change_lines, direction, gauge_caption, headline,
    mixed_note, override_sentence, prompt_of, result_label, safety_label, settled_note, talk_about,
    top_drivers,
};
use crate::answers::Answers;
use crate::crisis::CrisisHelp;
use crate::questionnaire::{Flag, Questionnaire};
use crate::scoring::{Outcome, Recommendation};
use crate::ui_text::fill;

/// What is being made: a result to read now, or a record to file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The result screen (and plain mode's result): what the reader needs now.
    Result {
        /// Every answer's weight and contribution (clinician mode, on request).
        show_weights: bool,
    },
    /// A record to file: how it was made, the safety answers verbatim, every answer, notes.
    Record,
}

/// Which part a part is, in the fixed order of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartKind {
    About,
    SafetyAnswers,
    Result,
    ThingsToTalkAbout,
    HelpFirst,
    Where,
    Dimensions,
    Drivers,
    Changes,
    Groups,
    Help,
    NextSteps,
    EveryAnswer,
    Notes,
    Disclaimer,
}

/// One part: an optional heading over blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub kind: PartKind,
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

/// How a line of text should stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Quiet,
    Warning,
    /// A flag's level, for its colour.
    Flag(Flag),
}

/// A column of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    pub numeric: bool,
}

/// One dimension's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub score: Option<f64>,
    /// "5 of 5 counted", with "low confidence" when so.
    pub detail: String,
    /// The dimension's weight, shown to a clinician.
    pub weight: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Label and value rows (how the record was made; the result's figures).
    Fields(Vec<(String, String)>),
    /// The result's name.
    Lead(String),
    Text(String, Tone),
    Items(Vec<(String, Tone)>),
    /// A table; `marked` rows are the ones that weighed most.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
        marked: Vec<bool>,
    },
    /// The position from support group (-1) to group therapy (+1), the "either" band around 0.
    Gauge {
        score: f64,
        margin: f64,
        left: String,
        right: String,
        middle: String,
    },
    /// The dimensions, each from the centre towards the side it leans; `legend` names the ends.
    Bars {
        bars: Vec<Bar>,
        legend: (String, String),
    },
}

/// Everything a record is made from.
pub struct Input<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    pub outcome: &'a Outcome,
    pub reader: Reader<'a>,
    pub clinician: Option<&'a ClinicianRecord>,
    pub provenance: Option<&'a Provenance>,
}

impl<'a> Input<'a> {
    /// What a filed record is made from: read by a clinician, its crisis lines for the region
    /// the record was made in.
    #[must_use]
    pub fn record(
        questionnaire: &'a Questionnaire,
        answers: &'a Answers,
        outcome: &'a Outcome,
        provenance: &'a Provenance,
        clinician: Option<&'a ClinicianRecord>,
    ) -> Self {
        Self {
            questionnaire,
            answers,
            outcome,
            reader: Reader::clinician(provenance.region.as_deref()),
            clinician,
            provenance: Some(provenance),
        }
    }
}

/// A result or a record: its title, the language it is in, and its parts in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub language: String,
    /// Said on every printed page: the client reference and when, when there are any.
    pub running_head: String,
    pub parts: Vec<Part>,
}

/// Builds the document for a view.
#[must_use]
pub fn build(input: &Input<'_>, view: View) -> Document {
    let q = input.questionnaire;
    let record = view == View::Record;
    let crisis = input.outcome.recommendation == Recommendation::Crisis;
    let caution = input.outcome.recommendation == Recommendation::ProfessionalFirst;
    let mut parts = Vec::new();
    if record {
        parts.push(about(input));
        parts.push(safety_answers(input));
    }
    parts.push(result(input));
    parts.extend(things_to_talk_about(input));
    if crisis || caution {
        parts.push(help(input, PartKind::HelpFirst));
    }
    if !crisis {
        parts.push(where_answers_fall(input));
        parts.push(dimensions(input));
        parts.extend(drivers(input));
        parts.push(changes(input));
        parts.push(groups(input));
        if !caution {
            parts.push(help(input, PartKind::Help));
        }
        parts.push(next_steps(input));
    }
    if record || view == (View::Result { show_weights: true }) {
        parts.push(every_answer(input));
    }
    if record {
        parts.extend(notes(input));
    }
    parts.push(Part {
        kind: PartKind::Disclaimer,
        heading: None,
        blocks: vec![Block::Text(q.meta.disclaimer.clone(), Tone::Quiet)],
    });
    Document {
        title: q.meta.title.clone(),
        language: q.ui.language.clone(),
        running_head: running_head(input),
        parts,
    }
}

fn part(kind: PartKind, heading: &str, blocks: Vec<Block>) -> Part {
    Part {
        kind,
        heading: Some(heading.to_string()),
        blocks,
    }
}

fn running_head(input: &Input<'_>) -> String {
    let ui = &input.questionnaire.ui;
    let reference = input.clinician.and_then(|c| c.reference.as_deref());
    let generated = input.provenance.map(|p| p.generated.as_str());
    match (reference, generated) {
        (Some(r), Some(g)) => fill(&ui.running_head, &[("reference", r), ("generated", g)]),
        (None, Some(g)) => fill(&ui.running_head_anonymous, &[("generated", g)]),
        _ => String::new(),
    }
}

/// When and how the record was made, and for whom.
fn about(input: &Input<'_>) -> Part {
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
    part(
        PartKind::About,
        &ui.heading_about,
        vec![Block::Fields(fields)],
    )
}

/// The safety answers, verbatim, first.
fn safety_answers(input: &Input<'_>) -> Part {
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

fn columns(list: &[(&str, bool)]) -> Vec<Column> {
    list.iter()
        .map(|(title, numeric)| Column {
            title: (*title).to_string(),
            numeric: *numeric,
        })
        .collect()
}

/// The result: its name, the headline, the override beside it, and for a clinician the figures.
fn result(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let outcome = input.outcome;
    let ui = &q.ui;
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
        let yes_no = |b: bool| if b { &ui.yes } else { &ui.no }.clone();
        blocks.push(Block::Fields(vec![
            (ui.field_lean.clone(), band_label(q, outcome.lean)),
            (
                ui.field_score.clone(),
                outcome
                    .score
                    .map_or_else(|| ui.score_none.clone(), |s| super::figure(s, 3)),
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
            (ui.field_complete.clone(), yes_no(outcome.complete)),
            (
                ui.field_safety.clone(),
                safety_label(q, outcome.safety).to_string(),
            ),
        ]));
    }
    Part {
        kind: PartKind::Result,
        heading: None,
        blocks,
    }
}

/// Flags and declined questions, in the reader's words; none when there is nothing to say.
fn things_to_talk_about(input: &Input<'_>) -> Option<Part> {
    let q = input.questionnaire;
    let items: Vec<(String, Tone)> = talk_about(q, input.outcome, input.reader)
        .into_iter()
        .map(|item| {
            let tone = item.flag.map_or(Tone::Warning, Tone::Flag);
            (item.text, tone)
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let heading = if input.reader.is_person() {
        q.ui.heading_flags.clone()
    } else {
        format!(
            "{} ({})",
            q.ui.heading_flags,
            safety_label(q, input.outcome.safety)
        )
    };
    Some(part(
        PartKind::ThingsToTalkAbout,
        &heading,
        vec![Block::Items(items)],
    ))
}

/// Where to get help now: the region's lines first, or the honest fallback. Under a caution or
/// in a crisis it comes right after the result.
fn help(input: &Input<'_>, kind: PartKind) -> Part {
    let q = input.questionnaire;
    let heading = if input.outcome.recommendation == Recommendation::ProfessionalFirst {
        &q.ui.heading_talk
    } else {
        &q.ui.heading_crisis
    };
    let items = CrisisHelp::new(q, input.reader.region)
        .item_lines(&q.ui)
        .into_iter()
        .map(|line| (line, Tone::Plain))
        .collect();
    part(kind, heading, vec![Block::Items(items)])
}

/// The gauge and its caption; under a caution, the lean for discussion; incomplete, why.
fn where_answers_fall(input: &Input<'_>) -> Part {
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
fn dimensions(input: &Input<'_>) -> Part {
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
fn drivers(input: &Input<'_>) -> Option<Part> {
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
                row.push(super::figure(d.contribution, 3));
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

fn changes(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let items = change_lines(q, input.answers, input.outcome, input.reader)
        .into_iter()
        .map(|line| (line, Tone::Plain))
        .collect();
    part(
        PartKind::Changes,
        &q.ui.heading_changes,
        vec![Block::Items(items)],
    )
}

/// What each kind of group is like.
fn groups(input: &Input<'_>) -> Part {
    let q = input.questionnaire;
    let mut blocks = Vec::new();
    for outcome in [&q.outcomes.support_group, &q.outcomes.group_therapy] {
        blocks.push(Block::Lead(outcome.label.clone()));
        blocks.push(Block::Text(outcome.summary.clone(), Tone::Plain));
    }
    part(PartKind::Groups, &q.ui.heading_groups, blocks)
}

fn next_steps(input: &Input<'_>) -> Part {
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
fn every_answer(input: &Input<'_>) -> Part {
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
fn notes(input: &Input<'_>) -> Option<Part> {
    let record = input.clinician?;
    let q = input.questionnaire;
    let mut blocks = Vec::new();
    if let Some(note) = &record.session_note {
        blocks.push(Block::Text(note.clone(), Tone::Plain));
    }
    let items: Vec<(String, Tone)> = record
        .question_notes
        .iter()
        .map(|(id, note)| (format!("{}: {note}", prompt_of(q, id)), Tone::Plain))
        .collect();
    if !items.is_empty() {
        blocks.push(Block::Items(items));
    }
    if blocks.is_empty() {
        blocks.push(Block::Text(q.ui.no_notes.clone(), Tone::Quiet));
    }
    Some(part(PartKind::Notes, &q.ui.heading_notes, blocks))
}
