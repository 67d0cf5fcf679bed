//! The result screen: the headline, a gauge from support group to group therapy with the "either"
//! band shaded and a marker at S, the dimension bars, what weighed most, flags, what would change
//! it, what each kind of group is like, next steps and the disclaimer.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::crisis::{ELSEWHERE, ordered_lines};
use crate::questionnaire::Questionnaire;
use crate::report::{
    TOP_DRIVERS, answer_of, band_label, describe_change, direction, gauge_cells, headline,
    prompt_of, recommendation_label,
};
use crate::scoring::{Outcome, Recommendation};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, wrap};

pub fn lines(app: &App<'_>, outcome: &Outcome, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let q = app.session.questionnaire();
    let answers = app.session.answers();
    let mut out = Vec::new();
    out.extend(wrap(
        &recommendation_label(q, outcome.recommendation),
        width,
        theme.title(),
        "",
        "",
    ));
    out.extend(wrap(&headline(q, outcome), width, Style::new(), "", ""));
    if outcome.recommendation == Recommendation::ProfessionalFirst {
        section(&mut out, "Talk to someone", theme);
        let (lines, _) = ordered_lines(q, app.region.as_deref());
        for line in lines {
            out.extend(wrap(
                &format!(
                    "{} ({}): {} {}",
                    line.service, line.region, line.contact, line.url
                ),
                width,
                Style::new(),
                "  ",
                "    ",
            ));
        }
        out.extend(wrap(ELSEWHERE, width, Style::new(), "  ", "    "));
    }
    section(&mut out, "Where your answers fall", theme);
    match (outcome.score, outcome.percent) {
        (Some(s), Some(p)) => {
            out.push(gauge(q, s, width, theme));
            out.extend(wrap(&format!("{p} on a scale from 0 ({}) to 100 ({}); S = {s:+.3}. The shaded middle is \"either\".", q.outcomes.support_group.label, q.outcomes.group_therapy.label), width, theme.dim(), "", ""));
            if outcome.recommendation == Recommendation::ProfessionalFirst {
                out.extend(wrap(
                    &format!("For discussion: {}", band_label(q, outcome.lean)),
                    width,
                    Style::new(),
                    "",
                    "",
                ));
            }
        }
        _ => out.extend(wrap(
            "No score yet: too few questions were answered.",
            width,
            theme.dim(),
            "",
            "",
        )),
    }
    if !outcome.complete {
        out.extend(wrap("Incomplete: not enough questions were answered for a firm result, so it is shown as \"either\". You can go back and answer more.", width, theme.warning(), "", ""));
    }
    dimensions(&mut out, q, outcome, width, theme);
    drivers(&mut out, q, answers, outcome, width, theme);
    flags(&mut out, outcome, width, theme);
    section(&mut out, "What would change the result", theme);
    if outcome.would_change.is_empty() {
        out.extend(wrap(
            "No single change of answer would move it to another result.",
            width,
            theme.dim(),
            "  ",
            "  ",
        ));
    }
    for change in &outcome.would_change {
        out.extend(wrap(
            &describe_change(q, answers, change),
            width,
            Style::new(),
            "- ",
            "  ",
        ));
    }
    for kind in [&q.outcomes.support_group, &q.outcomes.group_therapy] {
        section(&mut out, &kind.label, theme);
        out.extend(wrap(&kind.summary, width, Style::new(), "", ""));
    }
    section(&mut out, "Next steps", theme);
    out.extend(wrap(&q.meta.next_steps, width, Style::new(), "", ""));
    out.push(Line::default());
    out.extend(wrap(&q.meta.disclaimer, width, theme.dim(), "", ""));
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
    section(
        out,
        "The five dimensions (◀ support group · group therapy ▶)",
        theme,
    );
    let half = 10usize;
    for (d, score) in q.dimensions.iter().zip(&outcome.dimensions) {
        let label = format!("{:<13}", truncate(&d.label, 13));
        let Some(s) = score.score else {
            out.push(Line::from(vec![
                Span::raw(label),
                Span::styled(" not answered", theme.dim()),
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
            " low confidence".to_string()
        };
        let line = Line::from(vec![
            Span::raw(label),
            Span::styled(left, theme.band()),
            Span::raw("│"),
            Span::styled(right, theme.band()),
            Span::raw(format!(" {s:+.2}")),
            Span::styled(
                format!(" ({} of {}){confidence}", score.answered, score.shown),
                theme.dim(),
            ),
        ]);
        out.push(if usize::from(width) >= 50 {
            line
        } else {
            Line::from(truncate(&format!("{} {s:+.2}", d.label), width))
        });
    }
    for [high, low] in &outcome.mixed {
        out.extend(wrap(&format!("Mixed: {high} points to group therapy while {low} points to a support group. A time-limited therapy group, or a support group now and therapy later, may fit."), width, theme.warning(), "", ""));
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
    if outcome.drivers.is_empty() {
        return;
    }
    section(out, "What weighed most", theme);
    for driver in outcome.drivers.iter().take(TOP_DRIVERS) {
        let text = format!(
            "\"{}\": {} ({})",
            prompt_of(q, &driver.question),
            answer_of(q, answers, &driver.question),
            direction(driver.contribution)
        );
        out.extend(wrap(&text, width, Style::new(), "- ", "  "));
    }
}

fn flags(out: &mut Vec<Line<'static>>, outcome: &Outcome, width: u16, theme: Theme) {
    if outcome.flags.is_empty() {
        return;
    }
    section(out, "Things to talk about", theme);
    for flag in &outcome.flags {
        let tag = flag.flag.as_str().to_uppercase();
        let mut lines = wrap(
            &format!("{tag}: {}", flag.note.as_deref().unwrap_or("")),
            width,
            Style::new(),
            "- ",
            "  ",
        );
        if let Some(first) = lines.first_mut() {
            first.spans = vec![Span::styled(
                first
                    .spans
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect::<String>(),
                theme.flag(flag.flag),
            )];
        }
        out.extend(lines);
    }
}
