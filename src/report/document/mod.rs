//! The record, built once: every part of a result or a filed record, in one order, in the
//! interface's words. The text, Markdown and HTML records and the result screen are thin
//! renderers of it, so a part added here appears everywhere. Pure data: no layout, no escaping.

mod parts;

use crate::report::Record;
use parts::{
    about, changes, dimensions, drivers, every_answer, groups, help, next_steps, notes, result,
    safety_answers, sign_off, things_to_talk_about, where_answers_fall,
};

use super::record::{ClinicianRecord, Provenance};
use super::{Audience, Reader};
use crate::answers::Answers;
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
    SignOff,
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
    /// Labels with a blank beside each, to fill in by hand on the printed page.
    Blanks(Vec<String>),
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
    pub fn record(record: &Record<'a>) -> Self {
        Self {
            questionnaire: record.questionnaire,
            answers: record.answers,
            outcome: record.outcome,
            reader: Reader::clinician(record.provenance.region.as_deref()),
            clinician: record.clinician,
            provenance: Some(record.provenance),
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
        // Under a caution the person's one message is to talk to a professional first: how to
        // reach another group result would only distract. A clinician's views keep it.
        if !caution || input.reader.audience == Audience::Clinician {
            parts.push(changes(input));
        }
        parts.push(groups(input));
        if !caution {
            parts.push(help(input, PartKind::Help));
        }
        parts.push(next_steps(input));
    }
    if record || view == (View::Result { show_weights: true }) {
        parts.push(every_answer(input));
    }
    // A clinician's notes are on the record, and on the result screen once there are any: a
    // note added should be seen where it was added, not only in an export.
    let has_notes = input
        .clinician
        .is_some_and(|c| c.session_note.is_some() || !c.question_notes.is_empty());
    if record || has_notes {
        parts.extend(notes(input));
    }
    if record {
        parts.extend(sign_off(input));
    }
    parts.push(Part {
        kind: PartKind::Disclaimer,
        heading: None,
        blocks: vec![Block::Text(q.meta.disclaimer.clone(), Tone::Quiet)],
    });
    Document {
        title: if record {
            record_title(input)
        } else {
            q.meta.title.clone()
        },
        language: q.ui.language.clone(),
        running_head: running_head(input),
        parts,
    }
}

pub(super) fn part(kind: PartKind, heading: &str, blocks: Vec<Block>) -> Part {
    Part {
        kind,
        heading: Some(heading.to_string()),
        blocks,
    }
}

/// A filed record's title names it: the reference and when it was made.
fn record_title(input: &Input<'_>) -> String {
    let ui = &input.questionnaire.ui;
    let reference = input.clinician.and_then(|c| c.reference.as_deref());
    let generated = input.provenance.map_or("", |p| p.generated.as_str());
    match reference {
        Some(r) => fill(
            &ui.record_title,
            &[("reference", r), ("generated", generated)],
        ),
        None => fill(&ui.record_title_anonymous, &[("generated", generated)]),
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
