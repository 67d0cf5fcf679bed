//! The plain-text report: what `groupfit score` and plain mode print for a person to read, in
//! the questionnaire's interface language.

use std::fmt::Write as _;

use super::Reader;
use super::record::{ClinicianRecord, Provenance, answer_rows};
use super::words::{
    answer_next_steps, answer_of, change_lines, direction, gauge_caption, headline, mixed_note,
    override_sentence, prompt_of, result_label, safety_label, settled_note, talk_about,
    top_drivers,
};
use crate::answers::Answers;
use crate::crisis::CrisisHelp;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Outcome, Recommendation, Safety};
use crate::text::{clean, clean_line, pad_end};
use crate::ui_text::fill;

const WIDTH: usize = 80;
/// How many drivers a person is shown; reports for clinicians list them all.
pub const TOP_DRIVERS: usize = 5;

/// Renders the outcome as text, wrapped to 80 columns, for `reader`: a person reads plain words
/// and the 0-100 position, a clinician the flag levels and S. Every rendering lists where to get
/// help now; a crisis result lists only that, with no group recommendation or next steps.
#[must_use]
pub fn text(
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
    reader: Reader<'_>,
) -> String {
    let mut out = String::new();
    let meta = &questionnaire.meta;
    let ui = &questionnaire.ui;
    line(
        &mut out,
        &format!("{} ({} {})", meta.title, meta.id, meta.version),
    );
    out.push('\n');
    let label = result_label(questionnaire, outcome);
    line(&mut out, &fill(&ui.result_line, &[("result", &label)]));
    paragraph(&mut out, &headline(questionnaire, outcome), "  ");
    if let Some(note) = settled_note(questionnaire, outcome) {
        paragraph(&mut out, &note, "  ");
    }
    if outcome.recommendation == Recommendation::Crisis {
        flags(&mut out, questionnaire, outcome, reader);
        crisis_lines(&mut out, questionnaire, reader);
        out.push('\n');
        paragraph(&mut out, &meta.disclaimer, "");
        return out;
    }
    let caution = outcome.safety >= Safety::Amber;
    score_section(&mut out, questionnaire, outcome, reader);
    dimensions(&mut out, questionnaire, outcome);
    drivers(&mut out, questionnaire, answers, outcome, reader);
    flags(&mut out, questionnaire, outcome, reader);
    if caution {
        crisis_lines(&mut out, questionnaire, reader);
    }
    changes(&mut out, questionnaire, answers, outcome, reader);
    groups(&mut out, questionnaire);
    if !caution {
        crisis_lines(&mut out, questionnaire, reader);
    }
    heading(&mut out, &ui.heading_next);
    for step in answer_next_steps(questionnaire, answers) {
        bullet(&mut out, &step);
    }
    paragraph(&mut out, &meta.next_steps, "  ");
    out.push('\n');
    paragraph(&mut out, &meta.disclaimer, "");
    out
}

/// The printable record: when and how it was made, the safety answers verbatim, the result as
/// [`text`] shows it, every answer with its weight and contribution, and a clinician's notes.
#[must_use]
pub fn record_text(
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
    provenance: &Provenance,
    clinician: Option<&ClinicianRecord>,
) -> String {
    let rows = answer_rows(questionnaire, answers, outcome);
    let meta = &questionnaire.meta;
    let mut out = String::new();
    line(&mut out, &format!("Generated: {}", provenance.generated));
    line(
        &mut out,
        &format!("Tool: groupfit {}", provenance.tool_version),
    );
    line(
        &mut out,
        &format!(
            "Questionnaire: {} version {}, sha256 {}",
            meta.id, meta.version, questionnaire.sha256
        ),
    );
    line(&mut out, &format!("Mode: {}", provenance.mode));
    if let Some(reference) = clinician.and_then(|c| c.reference.as_deref()) {
        line(&mut out, &format!("Client reference: {reference}"));
    }
    heading(&mut out, "Safety answers");
    for row in rows.iter().filter(|r| r.safety) {
        bullet(
            &mut out,
            &format!("{} {}", row.prompt, row.answer_text(&questionnaire.ui)),
        );
    }
    out.push('\n');
    let reader = Reader::clinician(provenance.region.as_deref());
    out.push_str(&text(questionnaire, answers, outcome, reader));
    heading(
        &mut out,
        "Every answer (weight, contribution; * = weighed most)",
    );
    for row in &rows {
        let (weight, contribution) = row.figures();
        let mark = if row.driver { "* " } else { "" };
        bullet(
            &mut out,
            &format!(
                "{mark}[{}] {} {} ({}, {})",
                row.id,
                row.prompt,
                row.answer_text(&questionnaire.ui),
                weight,
                contribution
            ),
        );
    }
    if let Some(record) = clinician {
        heading(&mut out, "Clinician notes");
        if let Some(note) = &record.session_note {
            paragraph(&mut out, note, "  ");
        }
        for (id, note) in &record.question_notes {
            bullet(&mut out, &format!("[{id}] {note}"));
        }
        if let Some(over) = &record.override_recommendation {
            bullet(&mut out, &override_sentence(questionnaire, outcome, over));
        }
    }
    out
}

/// Wraps at spaces only: a hyphenated word stays whole.
fn wrap_options() -> textwrap::Options<'static> {
    // Breaks at spaces only: a web address stays on one line.
    textwrap::Options::new(WIDTH)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

fn line(out: &mut String, s: &str) {
    let _ = writeln!(out, "{}", clean_line(s));
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{}", clean_line(title));
}

fn paragraph(out: &mut String, text: &str, indent: &str) {
    let options = wrap_options()
        .initial_indent(indent)
        .subsequent_indent(indent);
    for para in clean(text, true).split('\n') {
        if para.trim().is_empty() {
            out.push('\n');
            continue;
        }
        for l in textwrap::wrap(para, &options) {
            let _ = writeln!(out, "{l}");
        }
    }
}

fn bullet(out: &mut String, text: &str) {
    let options = wrap_options()
        .initial_indent("  - ")
        .subsequent_indent("    ");
    for l in textwrap::wrap(&clean_line(text), &options) {
        let _ = writeln!(out, "{l}");
    }
}

fn score_section(
    out: &mut String,
    questionnaire: &Questionnaire,
    outcome: &Outcome,
    reader: Reader<'_>,
) {
    let ui = &questionnaire.ui;
    heading(out, &ui.heading_where);
    match (outcome.score, outcome.percent) {
        (Some(s), Some(p)) => {
            paragraph(out, &gauge_caption(questionnaire, s, p, reader), "  ");
            let _ = writeln!(out, "  {}", gauge(s, questionnaire.scoring.either_margin));
        }
        _ => paragraph(out, &ui.no_score, "  "),
    }
    if !outcome.complete {
        paragraph(out, &ui.incomplete, "  ");
    }
}

/// Where the "either" band's edges and the marker fall on a gauge of `cells` cells from S = -1
/// to S = +1: `(low edge, high edge, marker)`.
#[must_use]
pub fn gauge_cells(score: f64, margin: f64, cells: usize) -> (usize, usize, usize) {
    let last = cells.saturating_sub(1);
    let to_cell = |s: f64| {
        let position = (f64::midpoint(s.clamp(-1.0, 1.0), 1.0) * last as f64).round();
        // In 0..=last by the clamp above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let cell = position as usize;
        cell.min(last)
    };
    (to_cell(-margin), to_cell(margin), to_cell(score))
}

/// A one-line gauge: the "either" band in brackets, the score as `o`.
#[must_use]
pub fn gauge(score: f64, margin: f64) -> String {
    const CELLS: usize = 41;
    let (low, high, marker) = gauge_cells(score, margin, CELLS);
    let cells: String = (0..CELLS)
        .map(|i| match i {
            _ if i == marker => 'o',
            _ if i == low => '[',
            _ if i == high => ']',
            _ if i > low && i < high => '.',
            _ => '-',
        })
        .collect();
    format!("-1 |{cells}| +1")
}

fn dimensions(out: &mut String, questionnaire: &Questionnaire, outcome: &Outcome) {
    let ui = &questionnaire.ui;
    heading(out, &ui.heading_dimensions);
    for (d, score) in questionnaire.dimensions.iter().zip(&outcome.dimensions) {
        let value = score
            .score
            .map_or_else(|| "  -  ".to_string(), |s| super::figure(s, 2));
        let counts = fill(
            &ui.answered_of,
            &[
                ("answered", &score.answered.to_string()),
                ("shown", &score.shown.to_string()),
            ],
        );
        let confidence = if score.confident {
            String::new()
        } else {
            format!(", {}", ui.low_confidence)
        };
        line(
            out,
            &format!(
                "  {} {value}  ({counts}{confidence})",
                pad_end(&d.label, 14)
            ),
        );
    }
    if let Some(note) = mixed_note(questionnaire, outcome) {
        bullet(out, &note);
    }
}

fn drivers(
    out: &mut String,
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
    reader: Reader<'_>,
) {
    if top_drivers(outcome).next().is_none() {
        return;
    }
    heading(out, &questionnaire.ui.heading_drivers);
    for driver in top_drivers(outcome) {
        let figure = if reader.is_person() {
            String::new()
        } else {
            format!(", {}", super::figure(driver.contribution, 3))
        };
        bullet(
            out,
            &format!(
                "\"{}\": {} ({}{figure})",
                prompt_of(questionnaire, &driver.question),
                answer_of(questionnaire, answers, &driver.question),
                direction(questionnaire, driver.contribution),
            ),
        );
    }
}

/// Things to talk about: each flag and each declined safety question, in the reader's words.
fn flags(out: &mut String, questionnaire: &Questionnaire, outcome: &Outcome, reader: Reader<'_>) {
    let items = talk_about(questionnaire, outcome, reader);
    if items.is_empty() {
        return;
    }
    let ui = &questionnaire.ui;
    let title = if reader.is_person() {
        ui.heading_flags.clone()
    } else {
        format!(
            "{} ({})",
            ui.heading_flags,
            safety_label(questionnaire, outcome.safety)
        )
    };
    heading(out, &title);
    for item in items {
        bullet(out, &item.text);
    }
}

fn changes(
    out: &mut String,
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
    reader: Reader<'_>,
) {
    heading(out, &questionnaire.ui.heading_changes);
    for line in change_lines(questionnaire, answers, outcome, reader) {
        bullet(out, &line);
    }
}

fn groups(out: &mut String, questionnaire: &Questionnaire) {
    for outcome in [
        &questionnaire.outcomes.support_group,
        &questionnaire.outcomes.group_therapy,
    ] {
        heading(out, &outcome.label);
        paragraph(out, &outcome.summary, "  ");
    }
}

/// Where to get help now: the region's lines first, or the honest fallback.
fn crisis_lines(out: &mut String, questionnaire: &Questionnaire, reader: Reader<'_>) {
    heading(out, &questionnaire.ui.heading_crisis);
    let help = CrisisHelp::new(questionnaire, reader.region);
    for item in help.item_lines(&questionnaire.ui) {
        bullet(out, &item);
    }
}
