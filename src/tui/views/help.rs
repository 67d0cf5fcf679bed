//! The help overlay: about the current question (help and why we ask), then every key.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Widget};

use super::question::about;
use crate::session::Stage;
use crate::tui::app::App;
use crate::tui::layout::centred;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

const KEYS: &[(&str, &str)] = &[
    ("↑ ↓  j k", "move between options, or scroll"),
    ("Enter", "choose and go on; in a text field, done"),
    ("Space", "tick or untick an option (several allowed)"),
    ("1-9", "pick an option directly (0-9 set a scale)"),
    ("← →  h l", "change a scale's value"),
    ("← Backspace Shift+Tab", "go back"),
    ("Alt+Enter  Ctrl+J", "new line in a text field"),
    ("r", "review your answers and change any of them"),
    ("?", "this help"),
    ("q  Esc", "leave (asks first once you have answered)"),
    ("Ctrl+C", "leave at once"),
];

pub fn render(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    // Leave the key hints and the crisis footer in view below the box.
    let above_footer = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    let box_area = centred(above_footer, 74, above_footer.height.saturating_sub(2));
    Clear.render(box_area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Help ")
        .border_style(theme.title())
        .padding(Padding::horizontal(1));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    let mut lines = Vec::new();
    if let Stage::Asking(q) = app.session.stage() {
        for (title, text) in about(&app.session.questionnaire().questions[q]) {
            lines.push(Line::from(Span::styled(title, theme.prompt())));
            lines.extend(wrap(
                &text,
                inner.width,
                ratatui::style::Style::new(),
                "",
                "",
            ));
            lines.push(Line::default());
        }
    }
    lines.push(Line::from(Span::styled("Keys", theme.prompt())));
    for (key, what) in KEYS {
        let first = format!("{key:<22}");
        lines.extend(wrap(
            what,
            inner.width,
            ratatui::style::Style::new(),
            &first,
            &" ".repeat(22),
        ));
    }
    Paragraph::new(lines).render(inner, buf);
}
