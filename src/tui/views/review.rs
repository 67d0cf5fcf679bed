//! The review: "show my result" first (so a hurried Enter gets there), then every shown question
//! with its answer; Enter on one opens it to change.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::wrap::truncate;

pub fn render(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let q = app.session.questionnaire();
    let answers = app.session.answers();
    let ui = &q.ui;
    let width = area.width;
    let mut lines = Vec::new();
    let button_style = if app.review_cursor == 0 {
        theme.selected()
    } else {
        theme.prompt()
    };
    lines.push(Line::from(Span::styled(
        truncate(&ui.show_result, width),
        button_style,
    )));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        truncate(&ui.review_heading, width),
        theme.dim(),
    )));
    let mut focus = 0;
    for (n, i) in app.session.shown_questions().enumerate() {
        let question = &q.questions[i];
        let selected = app.review_cursor == n + 1;
        let style = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        let pointer = if selected { "›" } else { " " };
        lines.push(Line::from(Span::styled(
            truncate(
                &format!("{pointer} {:>2}. {}", n + 1, question.prompt),
                width,
            ),
            style,
        )));
        let answer = answers
            .get(i)
            .map_or_else(|| ui.not_answered.clone(), |a| a.describe(question));
        let answer_style = if answers.get(i).is_some() {
            theme.prompt()
        } else {
            theme.dim()
        };
        lines.push(Line::from(Span::styled(
            truncate(&format!("      {answer}"), width),
            answer_style,
        )));
        if selected {
            focus = lines.len();
        }
    }
    let offset = focus.saturating_sub(usize::from(area.height));
    Paragraph::new(lines)
        .scroll((u16::try_from(offset).unwrap_or(u16::MAX), 0))
        .render(area, buf);
}
