//! The plain-text rendering of a [`Document`]: what plain mode shows a person, and the text
//! record `score` and the result screen save, wrapped to 80 columns at spaces only.

use crate::report::Record;
use std::fmt::Write as _;

use super::Reader;
use super::document::{Block, Document, Input, PartKind, View, build};
use crate::answers::Answers;
use crate::questionnaire::Questionnaire;
use crate::scoring::Outcome;
use crate::text::{clean, clean_line, pad_end};
use crate::ui_text::fill;

const WIDTH: usize = 80;
/// How many drivers a person is shown; reports for clinicians list them all.
pub const TOP_DRIVERS: usize = 5;

/// The result as text, for `reader`: a person reads plain words and the 0-100 position, a
/// clinician the flag levels and S. Every rendering lists where to get help now; a crisis result
/// lists only that, with no group recommendation or next steps.
#[must_use]
pub fn text(
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
    reader: Reader<'_>,
) -> String {
    let input = Input {
        questionnaire,
        answers,
        outcome,
        reader,
        clinician: None,
        provenance: None,
    };
    render(
        questionnaire,
        &build(
            &input,
            View::Result {
                show_weights: false,
            },
        ),
    )
}

/// The printable record: how it was made, the safety answers verbatim, the result, every answer
/// with its weight and contribution, and a clinician's notes.
#[must_use]
pub fn record_text(record: &Record<'_>) -> String {
    let questionnaire = record.questionnaire;
    let input = Input::record(record);
    render(questionnaire, &build(&input, View::Record))
}

/// Renders a document as text.
#[must_use]
pub fn render(questionnaire: &Questionnaire, document: &Document) -> String {
    let meta = &questionnaire.meta;
    let ui = &questionnaire.ui;
    let mut out = String::new();
    line(
        &mut out,
        &format!("{} ({} {})", document.title, meta.id, meta.version),
    );
    for part in &document.parts {
        let indent = if part.heading.is_some() { "  " } else { "" };
        match &part.heading {
            Some(heading) => heading_line(&mut out, heading),
            None => out.push('\n'),
        }
        for block in &part.blocks {
            match block {
                Block::Lead(label) if part.kind == PartKind::Result => {
                    line(&mut out, &fill(&ui.result_line, &[("result", label)]));
                }
                Block::Lead(label) => line(&mut out, &format!("{indent}{label}")),
                Block::Text(text, _) => paragraph(&mut out, text, indent),
                Block::Fields(fields) => {
                    for (label, value) in fields {
                        paragraph(&mut out, &format!("{label}: {value}"), indent);
                    }
                }
                Block::Items(items) => {
                    for (item, _) in items {
                        bullet(&mut out, item, "-");
                    }
                }
                // A line to write on, with room above it for a hand.
                Block::Blanks(labels) => {
                    for label in labels {
                        let _ = write!(out, "\n{indent}{label}: {}\n", "_".repeat(40));
                    }
                }
                Block::Table {
                    columns,
                    rows,
                    marked,
                } => {
                    let quoted = columns
                        .first()
                        .is_some_and(|c| c.title == ui.column_question);
                    for (row, &mark) in rows.iter().zip(marked) {
                        bullet(
                            &mut out,
                            &row_text(row, quoted),
                            if mark { "*" } else { "-" },
                        );
                    }
                }
                Block::Gauge { score, margin, .. } => {
                    let _ = writeln!(out, "  {}", gauge(*score, *margin));
                }
                Block::Bars { bars, .. } => {
                    for bar in bars {
                        let value = bar
                            .score
                            .map_or_else(|| ui.not_answered.clone(), |s| super::figure(s, 2));
                        let weight = bar
                            .weight
                            .map(|w| format!("; {} {w:.2}", ui.column_weight.to_lowercase()))
                            .unwrap_or_default();
                        line(
                            &mut out,
                            &format!(
                                "  {} {value:>5}  ({}{weight})",
                                pad_end(&bar.label, 14),
                                bar.detail
                            ),
                        );
                    }
                }
            }
        }
    }
    out
}

/// A table row as one line: `"question": answer (figure, figure)`, the question in quotes so
/// its own punctuation does not run into the answer.
fn row_text(row: &[String], quoted: bool) -> String {
    let first = |s: &String| {
        if quoted {
            format!("\"{s}\"")
        } else {
            s.clone()
        }
    };
    match row {
        [] => String::new(),
        [one] => first(one),
        [one, two] => format!("{}: {two}", first(one)),
        [one, two, rest @ ..] => format!("{}: {two} ({})", first(one), rest.join(", ")),
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

/// A one-line gauge: the "either" band in brackets, the score as `o`, its ends labelled 0 and
/// 100 as the sentence under it counts (P), not -1 and +1.
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
    format!("0 |{cells}| 100")
}

/// Wraps at spaces only: a hyphenated word or a web address stays whole.
fn wrap_options() -> textwrap::Options<'static> {
    textwrap::Options::new(WIDTH)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

fn line(out: &mut String, s: &str) {
    let _ = writeln!(out, "{}", clean_line(s));
}

fn heading_line(out: &mut String, title: &str) {
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

fn bullet(out: &mut String, text: &str, mark: &str) {
    let first = format!("  {mark} ");
    let options = wrap_options()
        .initial_indent(&first)
        .subsequent_indent("    ");
    for l in textwrap::wrap(&clean_line(text), &options) {
        let _ = writeln!(out, "{l}");
    }
}

#[cfg(test)]
mod tests {
    /// The gauge's ends are the scale the sentence under it speaks of: 0 to 100.
    #[test]
    fn the_gauge_is_labelled_on_the_scale_its_caption_uses() {
        let gauge = super::gauge(-0.575, 0.15);
        assert!(
            gauge.starts_with("0 |") && gauge.ends_with("| 100"),
            "{gauge}"
        );
    }
}
