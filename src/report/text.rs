//! The plain-text report: what `groupfit score` and plain mode print for a person to read, in
//! the questionnaire's interface language.

use std::fmt::Write as _;

use super::record::{ClinicianRecord, Provenance, answer_rows};
use super::words::{
    answer_of, describe_change, direction, headline, override_sentence, prompt_of,
    recommendation_label, safety_label, settled_note,
};
use crate::answers::Answers;
use crate::crisis::{one_line, ordered_lines};
use crate::questionnaire::Questionnaire;
use crate::scoring::{Outcome, Recommendation};
use crate::text::{clean, clean_line, pad_end};
use crate::ui_text::fill;

const WIDTH: usize = 80;
/// How many drivers a person is shown; reports for clinicians list them all.
pub const TOP_DRIVERS: usize = 5;

/// Renders the outcome as text, wrapped to 80 columns.
#[must_use]
pub fn text(questionnaire: &Questionnaire, answers: &Answers, outcome: &Outcome) -> String {
    let mut out = String::new();
    let meta = &questionnaire.meta;
    let ui = &questionnaire.ui;
    line(
        &mut out,
        &format!("{} ({} {})", meta.title, meta.id, meta.version),
    );
    out.push('\n');
    let label = recommendation_label(questionnaire, outcome.recommendation);
    line(&mut out, &fill(&ui.result_line, &[("result", &label)]));
    paragraph(&mut out, &headline(questionnaire, outcome), "  ");
    if let Some(note) = settled_note(questionnaire, outcome) {
        paragraph(&mut out, &note, "  ");
    }
    if outcome.recommendation == Recommendation::Crisis {
        crisis_lines(&mut out, questionnaire);
        flags(&mut out, questionnaire, outcome);
        out.push('\n');
        paragraph(&mut out, &meta.disclaimer, "");
        return out;
    }
    score_section(&mut out, questionnaire, outcome);
    dimensions(&mut out, questionnaire, outcome);
    drivers(&mut out, questionnaire, answers, outcome);
    flags(&mut out, questionnaire, outcome);
    changes(&mut out, questionnaire, answers, outcome);
    groups(&mut out, questionnaire);
    if outcome.recommendation == Recommendation::ProfessionalFirst {
        crisis_lines(&mut out, questionnaire);
    }
    heading(&mut out, &ui.heading_next);
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
            &format!(
                "{} {}",
                row.prompt,
                row.answer.as_deref().unwrap_or("(not answered)")
            ),
        );
    }
    out.push('\n');
    out.push_str(&text(questionnaire, answers, outcome));
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
                row.answer.as_deref().unwrap_or("(not answered)"),
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
    textwrap::Options::new(WIDTH).word_splitter(textwrap::WordSplitter::NoHyphenation)
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

fn score_section(out: &mut String, questionnaire: &Questionnaire, outcome: &Outcome) {
    let ui = &questionnaire.ui;
    heading(out, &ui.heading_where);
    match (outcome.score, outcome.percent) {
        (Some(s), Some(p)) => {
            let caption = fill(
                &ui.gauge_caption,
                &[
                    ("percent", &p.to_string()),
                    ("support_group", &questionnaire.outcomes.support_group.label),
                    ("group_therapy", &questionnaire.outcomes.group_therapy.label),
                    ("score", &format!("{s:+.3}")),
                ],
            );
            paragraph(out, &caption, "  ");
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
            .map_or_else(|| "  -  ".to_string(), |s| format!("{s:+.2}"));
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
    for [high, low] in &outcome.mixed {
        bullet(out, &fill(&ui.mixed, &[("high", high), ("low", low)]));
    }
}

fn drivers(out: &mut String, questionnaire: &Questionnaire, answers: &Answers, outcome: &Outcome) {
    if outcome.drivers.is_empty() {
        return;
    }
    heading(out, &questionnaire.ui.heading_drivers);
    for driver in outcome.drivers.iter().take(TOP_DRIVERS) {
        bullet(
            out,
            &format!(
                "\"{}\": {} ({}, {:+.3})",
                prompt_of(questionnaire, &driver.question),
                answer_of(questionnaire, answers, &driver.question),
                direction(questionnaire, driver.contribution),
                driver.contribution
            ),
        );
    }
}

fn flags(out: &mut String, questionnaire: &Questionnaire, outcome: &Outcome) {
    if outcome.flags.is_empty() {
        return;
    }
    let ui = &questionnaire.ui;
    heading(
        out,
        &format!(
            "{} ({})",
            ui.heading_flags,
            safety_label(questionnaire, outcome.safety)
        ),
    );
    for flag in &outcome.flags {
        let note = flag.note.as_deref().unwrap_or("");
        bullet(
            out,
            &format!(
                "{}: {note} ({})",
                flag.flag.as_str().to_uppercase(),
                flag.question
            ),
        );
    }
}

fn changes(out: &mut String, questionnaire: &Questionnaire, answers: &Answers, outcome: &Outcome) {
    heading(out, &questionnaire.ui.heading_changes);
    if outcome.would_change.is_empty() {
        paragraph(out, &questionnaire.ui.no_change, "  ");
    }
    for change in &outcome.would_change {
        bullet(out, &describe_change(questionnaire, answers, change));
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

fn crisis_lines(out: &mut String, questionnaire: &Questionnaire) {
    heading(out, &questionnaire.ui.heading_crisis);
    let (lines, _) = ordered_lines(questionnaire, None);
    for c in lines {
        bullet(out, &one_line(c));
    }
    bullet(out, &questionnaire.ui.crisis_elsewhere);
}
