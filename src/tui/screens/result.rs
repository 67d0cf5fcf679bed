//! The result screen: the same [`Document`] every record renders, drawn as terminal lines. The
//! headline and any override first, then (under a caution) what to talk about and who can help,
//! a gauge from support group to group therapy with the "either" band shaded and a marker at S,
//! the dimension bars, what weighed most, what would change it, what each kind of group is like,
//! next steps and the disclaimer. The screen holds the outcome it shows, scored once when it
//! opened, which is also what an export writes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{StatefulWidget, Widget};

use super::{Ctx, On, Step};
use crate::report::{
    Bar, Block, Document, Input, Part, PartKind, Tone, View, build, figure, gauge_cells,
};
use crate::scoring::Outcome;
use crate::session::Action;
use crate::text::pad_end;
use crate::tui::keymap::Intent;
use crate::tui::scroll::{ScrollState, ScrollView};
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, wrap};
use crate::ui_text::UiText;

#[derive(Debug, Clone, PartialEq)]
pub struct ResultScreen {
    pub(crate) outcome: Outcome,
    scroll: ScrollState,
}

impl ResultScreen {
    #[must_use]
    pub fn new(outcome: Outcome) -> Self {
        Self {
            outcome,
            scroll: ScrollState::default(),
        }
    }

    pub fn handle(&mut self, intent: &Intent) -> Step {
        if *intent == Intent::Back {
            return Step::Act(Action::Back);
        }
        self.scroll.apply(intent);
        Step::Stay
    }
}

/// The result as the screen shows it: for the person, or in clinician mode with the figures and
/// (on request) every answer's weight and contribution.
fn document(ctx: &Ctx<'_, '_>, outcome: &Outcome) -> Document {
    let input = Input {
        questionnaire: ctx.questionnaire(),
        answers: ctx.session.answers(),
        outcome,
        reader: ctx.reader(),
        clinician: ctx.clinician,
        provenance: None,
    };
    build(
        &input,
        View::Result {
            show_weights: ctx.look.show_weights,
        },
    )
}

impl Widget for On<'_, '_, '_, ResultScreen> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ui = self.ctx.ui();
        let theme = self.ctx.theme();
        let mut lines = Vec::new();
        for part in &document(self.ctx, &self.screen.outcome).parts {
            render_part(&mut lines, ui, part, area.width, theme);
        }
        ScrollView { lines }.render(area, buf, &mut self.screen.scroll);
    }
}

fn render_part(out: &mut Vec<Line<'static>>, ui: &UiText, part: &Part, width: u16, theme: Theme) {
    match &part.heading {
        Some(title) => {
            out.push(Line::default());
            out.extend(wrap(title, width, theme.prompt(), "", ""));
        }
        None if !out.is_empty() => out.push(Line::default()),
        None => {}
    }
    let help = matches!(part.kind, PartKind::Help | PartKind::HelpFirst);
    for (i, block) in part.blocks.iter().enumerate() {
        // A lead within a part (each kind of group) starts a paragraph of its own.
        if i > 0 && matches!(block, Block::Lead(_)) {
            out.push(Line::default());
        }
        render_block(out, ui, block, help, width, theme);
    }
}

fn style_of(tone: Tone, theme: Theme) -> Style {
    match tone {
        Tone::Plain => Style::new(),
        Tone::Quiet => theme.dim(),
        Tone::Warning => theme.warning(),
        Tone::Flag(flag) => theme.flag(flag),
    }
}

fn render_block(
    out: &mut Vec<Line<'static>>,
    ui: &UiText,
    block: &Block,
    help: bool,
    width: u16,
    theme: Theme,
) {
    // Crisis lines are indented, not bulleted, so a number stands clear at the start of its line.
    let (first, rest) = if help { ("  ", "    ") } else { ("- ", "  ") };
    match block {
        Block::Lead(label) => out.extend(wrap(label, width, theme.title(), "", "")),
        Block::Text(text, tone) => out.extend(wrap(text, width, style_of(*tone, theme), "", "")),
        Block::Fields(fields) => {
            for (label, value) in fields {
                out.extend(wrap(
                    &format!("{label}: {value}"),
                    width,
                    theme.dim(),
                    "",
                    "",
                ));
            }
        }
        // Only a printed record has blanks to fill in; shown, each is its label.
        Block::Blanks(labels) => {
            for label in labels {
                out.extend(wrap(&format!("{label}:"), width, theme.dim(), "", ""));
            }
        }
        Block::Items(items) => {
            for (item, tone) in items {
                out.extend(wrap(item, width, style_of(*tone, theme), first, rest));
            }
        }
        Block::Table { rows, .. } => {
            for row in rows {
                out.extend(wrap(&row_text(row), width, Style::new(), "- ", "  "));
            }
        }
        Block::Gauge {
            score,
            margin,
            left,
            right,
            ..
        } => out.push(gauge(*score, *margin, (left, right), width, theme)),
        Block::Bars { bars, .. } => {
            for bar in bars {
                out.push(bar_line(ui, bar, width, theme));
            }
        }
    }
}

/// A table row as a line: `"question": answer (pull, figures)`.
fn row_text(row: &[String]) -> String {
    match row {
        [] => String::new(),
        [one] => one.clone(),
        [question, answer] => format!("\"{question}\": {answer}"),
        [question, answer, rest @ ..] => {
            format!("\"{question}\": {answer} ({})", rest.join(", "))
        }
    }
}

/// `Support group ├───░░░●░░───┤ Group therapy`: the band shaded, S marked with ●.
fn gauge(
    score: f64,
    margin: f64,
    (left, right): (&str, &str),
    width: u16,
    theme: Theme,
) -> Line<'static> {
    let left = truncate(left, 16);
    let right = truncate(right, 16);
    let label_width = left.chars().count() + right.chars().count() + 4;
    let cells = usize::from(width).saturating_sub(label_width).clamp(3, 60);
    let (low, high, marker) = gauge_cells(score, margin, cells);
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

/// One dimension: its bar filled from the centre towards the side it leans, its figure, and
/// how many answers counted; at a narrow width, the name and the figure.
fn bar_line(ui: &UiText, bar: &Bar, width: u16, theme: Theme) -> Line<'static> {
    const HALF: usize = 10;
    let label = pad_end(&truncate(&bar.label, 13), 13);
    let Some(s) = bar.score else {
        return Line::from(vec![
            Span::raw(label),
            Span::styled(format!(" {}", ui.not_answered), theme.dim()),
        ]);
    };
    if usize::from(width) < 50 {
        return Line::from(truncate(&format!("{} {}", bar.label, figure(s, 2)), width));
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let filled = ((s.abs() * HALF as f64).round() as usize).min(HALF);
    let (left, right) = if s < 0.0 {
        (
            "·".repeat(HALF - filled) + &"█".repeat(filled),
            "·".repeat(HALF),
        )
    } else {
        (
            "·".repeat(HALF),
            "█".repeat(filled) + &"·".repeat(HALF - filled),
        )
    };
    let weight = bar
        .weight
        .map(|w| format!("; {} {w:.2}", ui.column_weight.to_lowercase()))
        .unwrap_or_default();
    Line::from(vec![
        Span::raw(label),
        Span::styled(left, theme.band()),
        Span::raw("│"),
        Span::styled(right, theme.band()),
        Span::raw(format!(" {}", figure(s, 2))),
        Span::styled(format!(" ({}{weight})", bar.detail), theme.dim()),
    ])
}
