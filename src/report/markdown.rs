//! The Markdown rendering of a record [`Document`]: headings and tables that print well and
//! paste into a record system.

use crate::report::Record;
use std::fmt::Write as _;

use super::document::{Bar, Block, Column, Document, Input, PartKind, Tone, View, build};
use crate::text::clean;
use crate::ui_text::UiText;

/// Escapes text for a Markdown table cell or line: no raw control characters, no table breaks,
/// no HTML, no emphasis, heading, link or image syntax.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text, false).chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '!' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// [`md`] for free text a person typed (answers, notes, the reference, an override's reason):
/// also a bare address, which a renderer would turn into a live link, is broken with escapes
/// that render as nothing. Addresses from the questionnaire file (crisis lines) stay links.
fn md_free(text: &str) -> String {
    md(text)
        .replace("://", "\\:\\/\\/")
        .replace("www.", "www\\.")
}

/// A file name (or any text from outside the questionnaire) made safe for a Markdown line: a
/// batch's `==> FILE <==` headers carry names a person chose, which could hold an image or HTML.
#[must_use]
pub fn markdown_text(text: &str) -> String {
    md_free(text)
}

/// Renders the record as Markdown.
#[must_use]
pub fn markdown(record: &Record<'_>) -> String {
    let questionnaire = record.questionnaire;
    let input = Input::record(record);
    render(&questionnaire.ui, &build(&input, View::Record))
}

/// Renders a document as Markdown.
#[must_use]
pub fn render(ui: &UiText, document: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&document.title));
    for part in &document.parts {
        // Crisis lines come from the questionnaire file and keep their links; everything else
        // may hold what a person typed, where an address must not become a live link.
        let esc = if matches!(part.kind, PartKind::Help | PartKind::HelpFirst) {
            md
        } else {
            md_free
        };
        if part.kind == PartKind::Disclaimer {
            out.push_str("---\n\n");
        }
        if let Some(heading) = &part.heading {
            let _ = writeln!(out, "## {}\n", md(heading));
        }
        for block in &part.blocks {
            match block {
                Block::Lead(label) if part.kind == PartKind::Result => {
                    let heading = crate::ui_text::fill(&ui.heading_result, &[("result", label)]);
                    let _ = writeln!(out, "## {}\n", md(&heading));
                }
                Block::Lead(label) => {
                    let _ = writeln!(out, "### {}\n", md(label));
                }
                Block::Text(text, _) if part.kind == PartKind::Disclaimer => {
                    let _ = writeln!(out, "*{}*", esc(text));
                }
                // The override and other warnings stand out, as they do on the page.
                Block::Text(text, Tone::Warning) => {
                    let _ = writeln!(out, "**{}**\n", esc(text));
                }
                Block::Text(text, _) => {
                    let _ = writeln!(out, "{}\n", esc(text));
                }
                Block::Fields(fields) => {
                    out.push_str("| | |\n|---|---|\n");
                    for (label, value) in fields {
                        let _ = writeln!(out, "| {} | {} |", md(label), esc(value));
                    }
                    out.push('\n');
                }
                Block::Items(items) => {
                    for (item, _) in items {
                        let _ = writeln!(out, "- {}", esc(item));
                    }
                    out.push('\n');
                }
                Block::Blanks(labels) => {
                    out.push_str("| | |\n|---|---|\n");
                    for label in labels {
                        let _ = writeln!(out, "| {} | |", md(label));
                    }
                    out.push('\n');
                }
                Block::Table {
                    columns,
                    rows,
                    marked,
                } => table(&mut out, ui, columns, rows, marked),
                Block::Gauge { score, margin, .. } => {
                    let _ = writeln!(out, "`{}`\n", super::text::gauge(*score, *margin));
                }
                Block::Bars { bars, legend } => dimension_table(&mut out, ui, bars, legend),
            }
        }
    }
    out
}

/// A table; the rows that weighed most are marked in a last column.
fn table(out: &mut String, ui: &UiText, columns: &[Column], rows: &[Vec<String>], marked: &[bool]) {
    let any_marked = marked.iter().any(|&m| m);
    let mut titles: Vec<String> = columns.iter().map(|c| md(&c.title)).collect();
    let mut rule: Vec<&str> = columns
        .iter()
        .map(|c| if c.numeric { "---:" } else { "---" })
        .collect();
    if any_marked {
        titles.push(md(&ui.column_weighed_most));
        rule.push("---");
    }
    let _ = writeln!(out, "| {} |\n|{}|", titles.join(" | "), rule.join("|"));
    for (row, &mark) in rows.iter().zip(marked) {
        let mut cells: Vec<String> = row.iter().map(|c| md_free(c)).collect();
        if any_marked {
            cells.push(if mark {
                format!("**{}**", md(&ui.yes))
            } else {
                String::new()
            });
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// The dimensions as a table: score from -1 (the first pole) to +1 (the second).
fn dimension_table(out: &mut String, ui: &UiText, bars: &[Bar], legend: &(String, String)) {
    let weights = bars.iter().any(|b| b.weight.is_some());
    let _ = writeln!(
        out,
        "| {} | {} (-1 {} .. +1 {}) | {} |{}",
        md(&ui.column_dimension),
        md(&ui.column_score),
        md(&legend.0),
        md(&legend.1),
        md(&ui.column_counted),
        if weights {
            format!(" {} |", md(&ui.column_weight))
        } else {
            String::new()
        }
    );
    let _ = writeln!(out, "|---|---:|---|{}", if weights { "---:|" } else { "" });
    for bar in bars {
        let score = bar
            .score
            .map_or_else(|| "-".to_string(), |s| super::figure(s, 2));
        let weight = bar.weight.map(|w| format!(" {w:.2} |")).unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | {score} | {} |{weight}",
            md(&bar.label),
            md(&bar.detail)
        );
    }
    out.push('\n');
}
