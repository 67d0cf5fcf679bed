//! The result screen: the headline, a gauge from support group to group therapy with the "either"
//! band shaded and a marker at S, the dimension bars, what weighed most, flags, what would change
//! it, what each kind of group is like, next steps and the disclaimer.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::crisis::CrisisHelp;
use crate::questionnaire::Questionnaire;
use crate::report::{
    Reader, answer_next_steps, answer_of, answer_rows, band_label, change_lines, direction, figure,
    gauge_caption, gauge_cells, headline, mixed_note, override_sentence, prompt_of, result_label,
    settled_note, talk_about, top_drivers,
};
use crate::scoring::{Outcome, Recommendation};
use crate::text::pad_end;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, wrap};
use crate::ui_text::fill;

pub fn lines(app: &App<'_>, outcome: &Outcome, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let q = app.session.questionnaire();
    let ui = &q.ui;
    let answers = app.session.answers();
    let plain = |text: &str, style: Style| wrap(text, width, style, "", "");
    let mut out = plain(&result_label(q, outcome), theme.title());
    out.extend(plain(&headline(q, outcome), Style::new()));
    if let Some(note) = settled_note(q, outcome) {
        out.extend(plain(&note, theme.dim()));
    }
    out.extend(override_lines(app, outcome, width, theme));
    let reader = app.reader();
    let caution = outcome.recommendation == Recommendation::ProfessionalFirst;
    if caution {
        flags(&mut out, q, outcome, reader, width, theme);
        talk_to_someone(&mut out, app, &ui.heading_talk, width, theme);
    }
    section(&mut out, &ui.heading_where, theme);
    match (outcome.score, outcome.percent) {
        (Some(s), Some(p)) => {
            out.push(gauge(q, s, width, theme));
            out.extend(plain(&gauge_caption(q, s, p, reader), theme.dim()));
            if outcome.recommendation == Recommendation::ProfessionalFirst {
                let lean = band_label(q, outcome.lean);
                out.extend(plain(
                    &fill(&ui.for_discussion, &[("lean", &lean)]),
                    Style::new(),
                ));
            }
        }
        _ => out.extend(plain(&ui.no_score, theme.dim())),
    }
    if !outcome.complete {
        out.extend(plain(&ui.incomplete, theme.warning()));
    }
    dimensions(&mut out, q, outcome, width, theme);
    drivers(&mut out, q, answers, outcome, width, theme);
    if !caution {
        flags(&mut out, q, outcome, reader, width, theme);
    }
    section(&mut out, &ui.heading_changes, theme);
    for line in change_lines(q, answers, outcome, reader) {
        out.extend(wrap(&line, width, Style::new(), "- ", "  "));
    }
    for kind in [&q.outcomes.support_group, &q.outcomes.group_therapy] {
        section(&mut out, &kind.label, theme);
        out.extend(plain(&kind.summary, Style::new()));
    }
    if app.show_weights {
        contributions(&mut out, app, outcome, width, theme);
    }
    if !caution {
        talk_to_someone(&mut out, app, &ui.heading_crisis, width, theme);
    }
    section(&mut out, &ui.heading_next, theme);
    for step in answer_next_steps(q, answers) {
        out.extend(wrap(&step, width, Style::new(), "- ", "  "));
    }
    out.extend(plain(&q.meta.next_steps, Style::new()));
    out.push(Line::default());
    out.extend(plain(&q.meta.disclaimer, theme.dim()));
    out
}

fn section(out: &mut Vec<Line<'static>>, title: &str, theme: Theme) {
    out.push(Line::default());
    out.push(Line::from(Span::styled(title.to_string(), theme.prompt())));
}

/// `Support group ├───░░░●░░───┤ Group therapy`: the band shaded, S marked with ●.
fn gauge(q: &Questionnaire, score: f64, width: u16, theme: Theme) -> Line<'static> {
    let left = truncate(&q.outcomes.support_group.label, 16);
    let right = truncate(&q.outcomes.group_therapy.label, 16);
    let label_width = left.chars().count() + right.chars().count() + 4;
    let cells = usize::from(width).saturating_sub(label_width).clamp(3, 60);
    let (low, high, marker) = gauge_cells(score, q.scoring.either_margin, cells);
    let mut spans = vec![Span::raw(format!("{left} ├"))];
    for i in 0..cells {
        spans.push(if i == marker {
            Span::styled("●", theme.selected())
        } else if (low..=high).contains(&i) {
            Span::styled("░", theme.band())
        } else {
            Span::raw("─")
        });
    }
    spans.push(Span::raw(format!("┤ {right}")));
    Line::from(spans)
}

fn dimensions(
    out: &mut Vec<Line<'static>>,
    q: &Questionnaire,
    outcome: &Outcome,
    width: u16,
    theme: Theme,
) {
    section(out, &q.ui.heading_dimensions, theme);
    let half = 10usize;
    for (d, score) in q.dimensions.iter().zip(&outcome.dimensions) {
        let label = pad_end(&truncate(&d.label, 13), 13);
        let Some(s) = score.score else {
            out.push(Line::from(vec![
                Span::raw(label),
                Span::styled(format!(" {}", q.ui.not_answered), theme.dim()),
            ]));
            continue;
        };
        // Cells filled from the centre outwards, towards the side the dimension leans.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let filled = ((s.abs() * half as f64).round() as usize).min(half);
        let (left, right) = if s < 0.0 {
            (
                "·".repeat(half - filled) + &"█".repeat(filled),
                "·".repeat(half),
            )
        } else {
            (
                "·".repeat(half),
                "█".repeat(filled) + &"·".repeat(half - filled),
            )
        };
        let confidence = if score.confident {
            String::new()
        } else {
            format!(" {}", q.ui.low_confidence)
        };
        let line = Line::from(vec![
            Span::raw(label),
            Span::styled(left, theme.band()),
            Span::raw("│"),
            Span::styled(right, theme.band()),
            Span::raw(format!(" {}", figure(s, 2))),
            Span::styled(
                format!(
                    " ({}){confidence}",
                    fill(
                        &q.ui.answered_of,
                        &[
                            ("answered", &score.answered.to_string()),
                            ("shown", &score.shown.to_string())
                        ]
                    )
                ),
                theme.dim(),
            ),
        ]);
        out.push(if usize::from(width) >= 50 {
            line
        } else {
            Line::from(truncate(&format!("{} {}", d.label, figure(s, 2)), width))
        });
    }
    if let Some(note) = mixed_note(q, outcome) {
        out.extend(wrap(&note, width, theme.warning(), "", ""));
    }
}

fn drivers(
    out: &mut Vec<Line<'static>>,
    q: &Questionnaire,
    answers: &crate::answers::Answers,
    outcome: &Outcome,
    width: u16,
    theme: Theme,
) {
    if top_drivers(outcome).next().is_none() {
        return;
    }
    section(out, &q.ui.heading_drivers, theme);
    for driver in top_drivers(outcome) {
        let text = format!(
            "\"{}\": {} ({})",
            prompt_of(q, &driver.question),
            answer_of(q, answers, &driver.question),
            direction(q, driver.contribution)
        );
        out.extend(wrap(&text, width, Style::new(), "- ", "  "));
    }
}

/// Things to talk about: each flag (in its level's colour) and each declined safety question,
/// in the reader's words.
fn flags(
    out: &mut Vec<Line<'static>>,
    q: &Questionnaire,
    outcome: &Outcome,
    reader: Reader<'_>,
    width: u16,
    theme: Theme,
) {
    let items = talk_about(q, outcome, reader);
    if items.is_empty() {
        return;
    }
    section(out, &q.ui.heading_flags, theme);
    for item in items {
        let style = item.flag.map_or_else(|| theme.warning(), |f| theme.flag(f));
        out.extend(wrap(&item.text, width, style, "- ", "  "));
    }
}

/// Where to get help now: the region's lines first, or the honest fallback.
fn talk_to_someone(
    out: &mut Vec<Line<'static>>,
    app: &App<'_>,
    title: &str,
    width: u16,
    theme: Theme,
) {
    let q = app.session.questionnaire();
    section(out, title, theme);
    for item in CrisisHelp::new(q, app.region.as_deref()).item_lines(&q.ui) {
        out.extend(wrap(&item, width, Style::new(), "  ", "    "));
    }
}

/// A clinician's override, beside the computed result.
fn override_lines(
    app: &App<'_>,
    outcome: &Outcome,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let q = app.session.questionnaire();
    let Some(over) = app
        .clinician
        .as_ref()
        .and_then(|c| c.override_recommendation.as_ref())
    else {
        return Vec::new();
    };
    wrap(
        &override_sentence(q, outcome, over),
        width,
        theme.warning(),
        "",
        "",
    )
}

/// Every answer with its weight and contribution (clinician mode, on request).
fn contributions(
    out: &mut Vec<Line<'static>>,
    app: &App<'_>,
    outcome: &Outcome,
    width: u16,
    theme: Theme,
) {
    let q = app.session.questionnaire();
    section(out, &q.ui.heading_every_answer, theme);
    for row in answer_rows(q, app.session.answers(), outcome) {
        let (weight, contribution) = row.figures();
        let answer = row.answer.as_deref().unwrap_or(&q.ui.not_answered);
        let text = format!("{}: {answer} ({weight}, {contribution})", row.prompt);
        out.extend(wrap(&text, width, Style::new(), "- ", "  "));
    }
}
