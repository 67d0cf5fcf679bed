//! A self-contained HTML report, for printing or attaching to a record: the same content as the
//! Markdown record, the gauge and the dimension bars drawn as inline SVG, print-friendly CSS, no
//! external resources, and every text escaped.

use std::fmt::Write as _;

use super::Reader;
use super::record::{ClinicianRecord, Provenance, answer_rows};
use super::words::{
    answer_next_steps, band_label, change_lines, headline, override_sentence, result_label,
    safety_label, settled_note, talk_about,
};
use crate::answers::Answers;
use crate::crisis::CrisisHelp;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Outcome, Recommendation};
use crate::text::clean;

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;\
padding:0 1rem;color:#111;line-height:1.45}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem;\
border-bottom:1px solid #999}table{border-collapse:collapse;width:100%;font-size:.9rem}\
td,th{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}\
.num{text-align:right;font-variant-numeric:tabular-nums}.flag{font-weight:bold}.result{font-size:1.2rem;\
font-weight:bold}.muted{color:#555}@media print{body{margin:0;max-width:none}h2{break-after:avoid}\
table,svg{break-inside:avoid}}";

/// Escapes text for HTML content and attributes, after removing control characters.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text, true).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Renders the record as one HTML page.
#[must_use]
pub fn html(
    questionnaire: &Questionnaire,
    answers: &Answers,
    outcome: &Outcome,
    provenance: &Provenance,
    clinician: Option<&ClinicianRecord>,
) -> String {
    let q = questionnaire;
    let meta = &q.meta;
    let rows = answer_rows(q, answers, outcome);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title>\
         <style>{STYLE}</style></head><body>\n<h1>{}</h1>\n",
        esc(&meta.title),
        esc(&meta.title)
    );
    let _ = write!(out, "<table class=\"meta\">");
    let mut meta_row = |k: &str, v: &str| {
        let _ = write!(out, "<tr><th>{}</th><td>{}</td></tr>", esc(k), esc(v));
    };
    meta_row("Generated", &provenance.generated);
    meta_row("Tool", &format!("groupfit {}", provenance.tool_version));
    meta_row(
        "Questionnaire",
        &format!("{} version {}", meta.id, meta.version),
    );
    meta_row("sha256", &q.sha256);
    meta_row("Mode", &provenance.mode);
    if let Some(reference) = clinician.and_then(|c| c.reference.as_deref()) {
        meta_row("Client reference", reference);
    }
    out.push_str(
        "</table>\n<h2>Safety answers</h2>\n<table><tr><th>Question</th><th>Answer</th></tr>",
    );
    for row in rows.iter().filter(|r| r.safety) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(&row.prompt),
            esc(&row.answer_text(&q.ui))
        );
    }
    let _ = write!(
        out,
        "</table>\n<h2>Result</h2>\n<p class=\"result\">{}</p>\n<p>{}</p>\n",
        esc(&result_label(q, outcome)),
        esc(&headline(q, outcome))
    );
    if let Some(note) = settled_note(q, outcome) {
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", esc(&note));
    }
    if outcome.recommendation != Recommendation::Crisis {
        result_details(&mut out, q, outcome);
    }
    let reader = Reader::clinician(provenance.region.as_deref());
    let talk = talk_about(q, outcome, reader);
    if !talk.is_empty() {
        let _ = write!(
            out,
            "<h2>{} ({})</h2>\n<ul>",
            esc(&q.ui.heading_flags),
            esc(safety_label(q, outcome.safety))
        );
        for item in &talk {
            let _ = write!(out, "<li class=\"flag\">{}</li>", esc(&item.text));
        }
        out.push_str("</ul>\n");
    }
    let _ = write!(out, "<h2>{}</h2>\n<ul>", esc(&q.ui.heading_crisis));
    for item in CrisisHelp::new(q, reader.region).item_lines(&q.ui) {
        let _ = write!(out, "<li>{}</li>", esc(&item));
    }
    out.push_str("</ul>\n");
    if outcome.recommendation != Recommendation::Crisis {
        let _ = write!(out, "<h2>{}</h2>\n<ul>", esc(&q.ui.heading_changes));
        for line in change_lines(q, answers, outcome, reader) {
            let _ = write!(out, "<li>{}</li>", esc(&line));
        }
        out.push_str("</ul>\n");
    }
    every_answer(&mut out, &rows, &q.ui);
    clinician_notes(&mut out, q, outcome, clinician);
    if outcome.recommendation != Recommendation::Crisis {
        let _ = writeln!(out, "<h2>{}</h2>", esc(&q.ui.heading_next));
        let steps = answer_next_steps(q, answers);
        if !steps.is_empty() {
            out.push_str("<ul>");
            for step in steps {
                let _ = write!(out, "<li>{}</li>", esc(&step));
            }
            out.push_str("</ul>\n");
        }
        let _ = writeln!(out, "<p>{}</p>", esc(&meta.next_steps));
    }
    let _ = write!(
        out,
        "<hr><p class=\"muted\">{}</p>\n</body></html>\n",
        esc(&meta.disclaimer)
    );
    out
}

fn result_details(out: &mut String, q: &Questionnaire, outcome: &Outcome) {
    let score = outcome
        .score
        .map_or_else(|| "none".to_string(), |s| super::figure(s, 3));
    let percent = outcome
        .percent
        .map_or_else(|| "none".to_string(), |p| p.to_string());
    let _ = writeln!(
        out,
        "<table><tr><th>Lean (score band)</th><td>{}</td></tr><tr><th>S (-1 support group .. +1 group therapy)</th>\
         <td class=\"num\">{score}</td></tr><tr><th>P (0..100)</th><td class=\"num\">{percent}</td></tr>\
         <tr><th>Either margin</th><td class=\"num\">±{}</td></tr><tr><th>Complete</th><td>{}</td></tr></table>",
        esc(&band_label(q, outcome.lean)),
        q.scoring.either_margin,
        if outcome.complete { "yes" } else { "no" }
    );
    if let Some(s) = outcome.score {
        out.push_str(&gauge_svg(q, s));
    }
    let _ = write!(out, "<h2>Dimensions</h2>\n{}", dimension_svg(q, outcome));
}

/// The gauge from support group (-1) to group therapy (+1), the "either" band shaded, S marked.
fn gauge_svg(q: &Questionnaire, score: f64) -> String {
    let x = |s: f64| 20.0 + f64::midpoint(s.clamp(-1.0, 1.0), 1.0) * 560.0;
    let margin = q.scoring.either_margin;
    format!(
        "<svg role=\"img\" aria-label=\"S = {score:+.3} on a scale from -1 to +1\" viewBox=\"0 0 600 70\" width=\"100%\">\
         <rect x=\"20\" y=\"25\" width=\"560\" height=\"14\" fill=\"#eee\" stroke=\"#888\"/>\
         <rect x=\"{:.1}\" y=\"25\" width=\"{:.1}\" height=\"14\" fill=\"#ccc\"/>\
         <line x1=\"{:.1}\" y1=\"15\" x2=\"{:.1}\" y2=\"49\" stroke=\"#000\" stroke-width=\"3\"/>\
         <text x=\"20\" y=\"64\" font-size=\"12\">{}</text>\
         <text x=\"580\" y=\"64\" font-size=\"12\" text-anchor=\"end\">{}</text>\
         <text x=\"300\" y=\"64\" font-size=\"12\" text-anchor=\"middle\">{}</text></svg>\n",
        x(-margin),
        x(margin) - x(-margin),
        x(score),
        x(score),
        esc(&q.outcomes.support_group.label),
        esc(&q.outcomes.group_therapy.label),
        esc(&q.ui.either_label)
    )
}

/// One bar per dimension, from the centre towards the side it leans, with its score.
fn dimension_svg(q: &Questionnaire, outcome: &Outcome) -> String {
    let height = 24 * q.dimensions.len() + 10;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"dimension scores\" viewBox=\"0 0 600 {height}\" width=\"100%\">"
    );
    for (i, (d, s)) in q.dimensions.iter().zip(&outcome.dimensions).enumerate() {
        let y = 24 * i + 5;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text>",
            y + 13,
            esc(&d.label)
        );
        let _ = write!(
            svg,
            "<line x1=\"350\" y1=\"{y}\" x2=\"350\" y2=\"{}\" stroke=\"#888\"/>",
            y + 18
        );
        if let Some(score) = s.score {
            let width = score.abs() * 200.0;
            let x = if score < 0.0 { 350.0 - width } else { 350.0 };
            let confidence = if s.confident { "" } else { " (low confidence)" };
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{}\" width=\"{width:.1}\" height=\"12\" fill=\"#777\"/>\
                 <text x=\"560\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{score:+.2}{}</text>",
                y + 3,
                y + 13,
                esc(confidence)
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn every_answer(out: &mut String, rows: &[super::record::AnswerRow], ui: &crate::ui_text::UiText) {
    out.push_str("<h2>Every answer</h2>\n<table><tr><th>Question</th><th>Answer</th><th>Weight</th><th>Contribution</th><th>Driver</th></tr>");
    for row in rows {
        let (weight, contribution) = row.figures();
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{weight}</td><td class=\"num\">{contribution}</td><td>{}</td></tr>",
            esc(&row.prompt),
            esc(&row.answer_text(ui)),
            if row.driver { "yes" } else { "" }
        );
    }
    out.push_str("</table>\n");
}

fn clinician_notes(
    out: &mut String,
    q: &Questionnaire,
    outcome: &Outcome,
    clinician: Option<&ClinicianRecord>,
) {
    let Some(record) = clinician else { return };
    out.push_str("<h2>Clinician notes</h2>\n");
    if let Some(note) = &record.session_note {
        let _ = writeln!(out, "<p>{}</p>", esc(note));
    }
    if !record.question_notes.is_empty() {
        out.push_str("<ul>");
        for (id, note) in &record.question_notes {
            let _ = write!(out, "<li>{}: {}</li>", esc(id), esc(note));
        }
        out.push_str("</ul>\n");
    }
    if let Some(over) = &record.override_recommendation {
        let _ = writeln!(
            out,
            "<p><strong>{}</strong></p>",
            esc(&override_sentence(q, outcome, over))
        );
    }
}
