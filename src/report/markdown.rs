//! The Markdown report: the same content as the text report, as headings and tables that print
//! well and paste into a record.

use std::fmt::Write as _;

use super::Reader;
use super::record::{AnswerRow, ClinicianRecord, Provenance, answer_rows};
use super::words::{
    answer_next_steps, answer_of, band_label, change_lines, direction, headline, mixed_note,
    override_sentence, prompt_of, result_label, safety_label, talk_about,
};
use crate::answers::Answers;
use crate::crisis::CrisisHelp;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Outcome, Recommendation};
use crate::text::clean;

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

/// Renders the outcome as a Markdown record.
#[must_use]
pub fn markdown(
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
    provenance: &Provenance,
    clinician: Option<&ClinicianRecord>,
) -> String {
    let mut out = String::new();
    let meta = &questionnaire.meta;
    let rows = answer_rows(questionnaire, answers, outcome);
    let _ = writeln!(out, "# {}\n", md(&meta.title));
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| Generated | {} |", md(&provenance.generated));
    let _ = writeln!(out, "| Tool | groupfit {} |", md(&provenance.tool_version));
    let _ = writeln!(
        out,
        "| Questionnaire | `{}` version {} |",
        md(&meta.id),
        md(&meta.version)
    );
    let _ = writeln!(out, "| sha256 | `{}` |", outcome.questionnaire.sha256);
    let _ = writeln!(out, "| Mode | {} |", md(&provenance.mode));
    if let Some(reference) = clinician.and_then(|c| c.reference.as_deref()) {
        let _ = writeln!(out, "| Client reference | {} |", md_free(reference));
    }
    out.push('\n');
    let _ = writeln!(out, "## Safety answers\n\n| Question | Answer |\n|---|---|");
    for row in rows.iter().filter(|r| r.safety) {
        let answer = row.answer_text(&questionnaire.ui);
        let _ = writeln!(out, "| {} | {} |", md(&row.prompt), md_free(&answer));
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "## Result: {}\n",
        md(&result_label(questionnaire, outcome))
    );
    let _ = writeln!(out, "{}\n", md(&headline(questionnaire, outcome)));
    if outcome.recommendation != Recommendation::Crisis {
        summary_table(&mut out, questionnaire, outcome);
        dimension_table(&mut out, questionnaire, outcome);
        driver_table(&mut out, questionnaire, answers, outcome);
    }
    let reader = Reader::clinician(provenance.region.as_deref());
    let talk = talk_about(questionnaire, outcome, reader);
    if !talk.is_empty() {
        let _ = writeln!(
            out,
            "## {} ({})\n",
            md(&questionnaire.ui.heading_flags),
            safety_label(questionnaire, outcome.safety)
        );
        for item in &talk {
            let _ = writeln!(out, "- {}", md(&item.text));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", md(&questionnaire.ui.heading_crisis));
    for item in CrisisHelp::new(questionnaire, reader.region).item_lines(&questionnaire.ui) {
        let _ = writeln!(out, "- {}", md(&item));
    }
    out.push('\n');
    if outcome.recommendation != Recommendation::Crisis {
        let _ = writeln!(out, "## {}\n", md(&questionnaire.ui.heading_changes));
        for line in change_lines(questionnaire, answers, outcome, reader) {
            let _ = writeln!(out, "- {}", md_free(&line));
        }
        out.push('\n');
        let _ = writeln!(out, "## {}\n", md(&questionnaire.ui.heading_next));
        for step in answer_next_steps(questionnaire, answers) {
            let _ = writeln!(out, "- {}", md(&step));
        }
        let _ = writeln!(out, "\n{}\n", md(&meta.next_steps));
    }
    every_answer(&mut out, &rows, &questionnaire.ui);
    clinician_section(&mut out, questionnaire, outcome, clinician);
    let _ = writeln!(out, "---\n\n*{}*", md(&meta.disclaimer));
    out
}

/// Every shown question with its answer, weight and contribution; drivers marked.
fn every_answer(out: &mut String, rows: &[AnswerRow], ui: &crate::ui_text::UiText) {
    let _ = writeln!(
        out,
        "## Every answer\n\n| Question | Answer | Weight | Contribution | Driver |\n|---|---|---:|---:|---|"
    );
    for row in rows {
        let (weight, contribution) = row.figures();
        let _ = writeln!(
            out,
            "| {} | {} | {weight} | {contribution} | {} |",
            md(&row.prompt),
            md_free(&row.answer_text(ui)),
            if row.driver { "**yes**" } else { "" }
        );
    }
    out.push('\n');
}

/// A clinician's notes and override, beside the computed result.
fn clinician_section(
    out: &mut String,
    q: &Questionnaire,
    outcome: &Outcome,
    clinician: Option<&ClinicianRecord>,
) {
    let Some(record) = clinician else { return };
    let _ = writeln!(out, "## Clinician notes\n");
    if let Some(note) = &record.session_note {
        let _ = writeln!(out, "{}\n", md_free(note));
    }
    for (id, note) in &record.question_notes {
        let _ = writeln!(out, "- `{}`: {}", md(id), md_free(note));
    }
    if let Some(over) = &record.override_recommendation {
        let _ = writeln!(
            out,
            "
**{}**",
            md_free(&override_sentence(q, outcome, over))
        );
    }
    out.push('\n');
}

fn summary_table(out: &mut String, questionnaire: &Questionnaire, outcome: &Outcome) {
    let score = outcome
        .score
        .map_or_else(|| "none".to_string(), |s| super::figure(s, 3));
    let percent = outcome
        .percent
        .map_or_else(|| "none".to_string(), |p| p.to_string());
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| Lean (score band) | {} |",
        md(&band_label(questionnaire, outcome.lean))
    );
    let _ = writeln!(
        out,
        "| S (-1 support group .. +1 group therapy) | {score} |"
    );
    let _ = writeln!(out, "| P (0..100) | {percent} |");
    let _ = writeln!(
        out,
        "| Either margin | ±{} |",
        questionnaire.scoring.either_margin
    );
    let _ = writeln!(
        out,
        "| Complete | {} |",
        if outcome.complete { "yes" } else { "no" }
    );
    let _ = writeln!(
        out,
        "| Safety | {} |\n",
        safety_label(questionnaire, outcome.safety)
    );
}

fn dimension_table(out: &mut String, questionnaire: &Questionnaire, outcome: &Outcome) {
    let _ = writeln!(
        out,
        "## Dimensions\n\n| Dimension | Weight | Score | Answered | Confident |\n|---|---:|---:|---:|---|"
    );
    for (d, s) in questionnaire.dimensions.iter().zip(&outcome.dimensions) {
        let score = s
            .score
            .map_or_else(|| "-".to_string(), |v| super::figure(v, 2));
        let _ = writeln!(
            out,
            "| {} | {:.2} | {score} | {} of {} | {} |",
            md(&d.label),
            d.weight,
            s.answered,
            s.shown,
            if s.confident { "yes" } else { "no" }
        );
    }
    if let Some(note) = mixed_note(questionnaire, outcome) {
        let _ = writeln!(out, "\n{}", md(&note));
    }
    out.push('\n');
}

fn driver_table(
    out: &mut String,
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
) {
    if outcome.drivers.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## What weighed most\n\n| Question | Answer | Pull | Contribution |\n|---|---|---|---:|"
    );
    for d in &outcome.drivers {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(&prompt_of(questionnaire, &d.question)),
            md_free(&answer_of(questionnaire, answers, &d.question)),
            direction(questionnaire, d.contribution),
            super::figure(d.contribution, 3)
        );
    }
    out.push('\n');
}
