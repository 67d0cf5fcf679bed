//! Drawing a question screen: the prompt, then the options as a list, toggles, a horizontal
//! scale or a text field. The highlighted option is always scrolled into view, and the edge says
//! when more lies above or below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::QuestionScreen;
use crate::questionnaire::{Choice, Question, QuestionKind, Scale};
use crate::tui::draft::Draft;
use crate::tui::lines;
use crate::tui::screens::{Ctx, On};
use crate::tui::theme::Theme;
use crate::tui::wrap::{wrap, wrap_typed};
use crate::ui_text::{UiText, fill};

impl Widget for On<'_, '_, '_, QuestionScreen> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self.ctx, self.screen, area, buf);
    }
}

fn render(ctx: &Ctx<'_, '_>, screen: &QuestionScreen, area: Rect, buf: &mut Buffer) {
    let question = &ctx.questionnaire().questions[screen.q];
    let ui = ctx.ui();
    let theme = ctx.theme();
    let draft = &screen.draft;
    let mut lines = wrap(&question.prompt, area.width, theme.prompt(), "", "");
    if question.required {
        lines.push(Line::from(Span::styled(ui.required.clone(), theme.dim())));
    }
    if let Some(note) = ctx.question_note(screen.q) {
        lines.extend(wrap(
            &fill(&ui.note_marker, &[("note", note)]),
            area.width,
            theme.warning(),
            "",
            "  ",
        ));
    }
    lines.push(Line::default());
    let focus = lines.len();
    let (body, focus_in_body) = body_lines(ctx, question, draft, area.width);
    lines.extend(body);
    if let Some(earlier) = &screen.earlier {
        let said = fill(
            &ui.earlier_answer,
            &[("answer", &earlier.describe(question))],
        );
        lines.push(Line::default());
        lines.extend(wrap(&said, area.width, theme.dim(), "", ""));
    }
    if let Some(refusal) = ctx.notice.filter(|n| n.warning) {
        lines.push(Line::default());
        lines.extend(wrap(&refusal.text, area.width, theme.warning(), "! ", "  "));
    }
    let window = Window::around(lines.len(), usize::from(area.height), focus + focus_in_body);
    let text_area = Rect {
        y: area.y + to_u16(window.top),
        height: to_u16(window.visible),
        ..area
    };
    lines::draw(&lines, window.offset, text_area, buf);
    let mark = |text: &str, y: u16, buf: &mut Buffer| {
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        lines::draw_right(
            &Line::from(Span::styled(format!("{text} "), theme.title())),
            row,
            buf,
        );
    };
    if window.top > 0 {
        mark(&ui.more_above, area.y, buf);
    }
    if window.bottom > 0 {
        mark(&ui.help_more, area.y + area.height.saturating_sub(1), buf);
    }
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Which lines of a question show: scrolled just enough that the highlighted line is in view,
/// with a row of its own at the top or bottom saying that more lies above or below, so that no
/// option is hidden without a sign and no mark covers text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Window {
    /// The first line shown.
    offset: usize,
    /// Rows for the text.
    visible: usize,
    /// 1 when the top row says "more above".
    top: usize,
    /// 1 when the bottom row says "more below".
    bottom: usize,
}

impl Window {
    fn around(total: usize, height: usize, focus: usize) -> Self {
        let (mut top, mut bottom) = (0, usize::from(total > height));
        // Each mark takes a row, which can call for the other: settles within a few rounds.
        for _ in 0..4 {
            let visible = height.saturating_sub(top + bottom);
            let offset = (focus + 1)
                .saturating_sub(visible)
                .min(total.saturating_sub(visible));
            let wanted = (
                usize::from(offset > 0),
                usize::from(offset + visible < total),
            );
            if wanted == (top, bottom) {
                return Self {
                    offset,
                    visible,
                    top,
                    bottom,
                };
            }
            (top, bottom) = wanted;
        }
        let visible = height.saturating_sub(top + bottom);
        let offset = (focus + 1)
            .saturating_sub(visible)
            .min(total.saturating_sub(visible));
        Self {
            offset,
            visible,
            top,
            bottom,
        }
    }
}

/// The lines under the prompt (options, a scale, a text field) and where in them the
/// highlighted option ends, so that the screen can keep it in view.
fn body_lines(
    ctx: &Ctx<'_, '_>,
    question: &Question,
    draft: &Draft,
    width: u16,
) -> (Vec<Line<'static>>, usize) {
    let ui = ctx.ui();
    let theme = ctx.theme();
    // Retired options (kept so that older answers files load) are never offered.
    let options = question.offered();
    match (&question.kind, draft) {
        (QuestionKind::Single { .. }, Draft::Single { cursor }) if ctx.look.show_weights => {
            option_lines(&weighted(ui, options), *cursor, None, width, theme)
        }
        (QuestionKind::Single { .. }, Draft::Single { cursor }) => {
            option_lines(options, *cursor, None, width, theme)
        }
        (
            QuestionKind::Multi {
                min_choices,
                max_choices,
                ..
            },
            Draft::Multi { cursor, chosen },
        ) => {
            // A multi question's ticks add up their weights: the clinician sees them too.
            let shown = if ctx.look.show_weights {
                weighted(ui, options)
            } else {
                options.to_vec()
            };
            let (mut body, at) = option_lines(&shown, *cursor, Some(chosen), width, theme);
            body.push(Line::default());
            body.extend(wrap(
                &crate::ui_text::choice_limits(ui, *min_choices, *max_choices),
                width,
                theme.dim(),
                "",
                "",
            ));
            (body, at)
        }
        (QuestionKind::Scale(scale), Draft::Scale { value, .. }) => {
            (scale_lines(ui, scale, *value, width, theme), 0)
        }
        (QuestionKind::Text { max_length, .. }, Draft::Text { text, cursor, .. }) => {
            (text_lines(ui, text, *cursor, *max_length, width, theme), 0)
        }
        _ => (Vec::new(), 0),
    }
}

/// Options with their weights shown in the labels (clinician mode, on request).
fn weighted(ui: &UiText, options: &[Choice]) -> Vec<Choice> {
    options
        .iter()
        .map(|o| {
            let mut shown = o.clone();
            if let Some(w) = o.weight {
                shown.label = format!(
                    "{} ({})",
                    o.label,
                    fill(&ui.weight_marker, &[("weight", &format!("{w:+}"))])
                );
            }
            shown
        })
        .collect()
}

/// The option list, and the index of the line where the highlighted option ends.
fn option_lines(
    options: &[Choice],
    cursor: Option<usize>,
    chosen: Option<&Vec<bool>>,
    width: u16,
    theme: Theme,
) -> (Vec<Line<'static>>, usize) {
    let mut lines = Vec::new();
    let mut focus = 0;
    for (i, option) in options.iter().enumerate() {
        let selected = cursor == Some(i);
        let pointer = if selected { "›" } else { " " };
        let number = if i < 9 {
            format!("{}", i + 1)
        } else {
            " ".to_string()
        };
        let tick = match chosen {
            Some(chosen) if chosen.get(i).copied().unwrap_or(false) => "[x] ",
            Some(_) => "[ ] ",
            None => "",
        };
        let first = format!("{pointer} {number}  {tick}");
        let rest = " ".repeat(first.chars().count());
        let style = if selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        lines.extend(wrap(&option.label, width, style, &first, &rest));
        if selected {
            focus = lines.len().saturating_sub(1);
        }
    }
    (lines, focus)
}

/// A horizontal scale, its end labels, and the value chosen so far in words.
fn scale_lines(
    ui: &UiText,
    scale: &Scale,
    value: Option<i64>,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![scale_values(scale, value, width, theme)];
    let low = scale.min_label.as_deref().unwrap_or("");
    let high = scale.max_label.as_deref().unwrap_or("");
    if !low.is_empty() || !high.is_empty() {
        lines.push(Line::default());
        for (end, label) in [(scale.min, low), (scale.max, high)] {
            lines.extend(wrap(
                &format!("{end} = {label}"),
                width,
                theme.dim(),
                "",
                "",
            ));
        }
    }
    lines.push(Line::default());
    let said = value.map_or_else(
        || ui.scale_none.clone(),
        |v| fill(&ui.scale_answer, &[("value", &v.to_string())]),
    );
    lines.push(Line::from(Span::styled(said, theme.prompt())));
    lines
}

/// Every value when they fit, the chosen one marked; else the ends with the chosen value
/// between them.
fn scale_values(scale: &Scale, value: Option<i64>, width: u16, theme: Theme) -> Line<'static> {
    let cells: Vec<(i64, String)> = (scale.min..=scale.max)
        .map(|v| {
            let cell = if Some(v) == value {
                format!("[{v}]")
            } else {
                format!(" {v} ")
            };
            (v, cell)
        })
        .collect();
    let fits = cells.iter().map(|(_, c)| c.chars().count()).sum::<usize>() <= usize::from(width);
    if !fits {
        let shown = value.map_or_else(|| " … ".to_string(), |v| format!(" {v} "));
        return Line::from(vec![
            Span::raw(format!("{} ", scale.min)),
            Span::styled(shown, theme.selected()),
            Span::raw(format!(" {}", scale.max)),
        ]);
    }
    let spans: Vec<Span<'static>> = cells
        .into_iter()
        .map(|(v, cell)| {
            if Some(v) == value {
                Span::styled(cell, theme.selected())
            } else {
                Span::raw(cell)
            }
        })
        .collect();
    Line::from(spans)
}

/// The text typed so far with a visible cursor, and how much room is left.
fn text_lines(
    ui: &UiText,
    text: &str,
    cursor: usize,
    max_length: usize,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = wrap_typed(text, cursor, width);
    lines.push(Line::default());
    let count = text.chars().count();
    lines.push(Line::from(Span::styled(
        fill(
            &ui.text_count,
            &[
                ("count", &count.to_string()),
                ("max", &max_length.to_string()),
            ],
        ),
        theme.dim(),
    )));
    lines
}

#[cfg(test)]
mod tests {
    use super::Window;

    #[test]
    fn marks_take_rows_of_their_own_and_the_focus_stays_in_view() {
        let all = Window::around(10, 12, 9);
        assert_eq!(
            (all.offset, all.top, all.bottom, all.visible),
            (0, 0, 0, 12)
        );
        let first = Window::around(30, 10, 2);
        assert_eq!((first.offset, first.top, first.bottom), (0, 0, 1));
        let last = Window::around(30, 10, 29);
        assert_eq!((last.top, last.bottom), (1, 0));
        assert_eq!(
            last.offset + last.visible,
            30,
            "the last line is the last row"
        );
        for focus in 0..30 {
            let w = Window::around(30, 10, focus);
            assert!(
                w.offset <= focus && focus < w.offset + w.visible,
                "{focus}: {w:?}"
            );
            assert_eq!(w.top + w.visible + w.bottom, 10);
        }
    }
}
