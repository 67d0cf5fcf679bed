//! The help overlay: about the current question (help and why we ask), then every key. It
//! scrolls when it does not fit, and says so.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Widget};

use super::question::about;
use crate::session::Stage;
use crate::tui::app::App;
use crate::tui::layout::centred;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use crate::ui_text::UiText;

/// Each key, and what it does in the interface's words; the clinician's keys only in clinician
/// mode, where they work.
fn keys(ui: &UiText, clinician: bool) -> Vec<(&'static str, &str)> {
    let mut keys = vec![
        ("↑ ↓  j k", ui.key_move.as_str()),
        ("Enter", &ui.key_enter),
        ("Space", &ui.key_space),
        ("1-9", &ui.key_digits),
        ("s", &ui.key_skip),
        ("← →  h l", &ui.key_scale),
        ("← Backspace Shift+Tab", &ui.key_back),
        ("Alt+Enter  Ctrl+J", &ui.key_newline),
        ("r", &ui.key_review),
        ("?", &ui.key_help),
        ("q  Esc", &ui.key_quit),
        ("Ctrl+C", &ui.key_interrupt),
        ("Ctrl+Z", &ui.key_suspend),
        ("Ctrl+S", &ui.key_save),
        ("Ctrl+E  e", &ui.key_export),
    ];
    if clinician {
        keys.extend([
            ("Ctrl+N", ui.key_note.as_str()),
            ("Ctrl+P", &ui.key_reference),
            ("Ctrl+W", &ui.key_weights),
            ("Ctrl+O", &ui.key_override),
        ]);
    }
    keys.push(("Ctrl+X", &ui.key_quick_exit));
    keys
}

/// Where the help box goes: above the key hints and the crisis footer, which stay in view.
fn box_area(area: Rect) -> Rect {
    let above_footer = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    centred(above_footer, 74, above_footer.height.saturating_sub(2))
}

fn frame(ui: &UiText, theme: Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", ui.help_title))
        .border_style(theme.title())
        .padding(Padding::horizontal(1))
}

/// Everything the help says, wrapped to `width`: about the question, then every key.
fn lines(app: &App<'_>, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let ui = &app.session.questionnaire().ui;
    let mut lines = Vec::new();
    if let Stage::Asking(q) = app.session.stage() {
        for (title, text) in about(ui, &app.session.questionnaire().questions[q]) {
            lines.push(Line::from(Span::styled(title, theme.prompt())));
            lines.extend(wrap(&text, width, Style::new(), "", ""));
            lines.push(Line::default());
        }
    }
    lines.push(Line::from(Span::styled(
        ui.help_keys.clone(),
        theme.prompt(),
    )));
    for (key, what) in keys(ui, app.clinician.is_some()) {
        let first = format!("{key:<22}");
        lines.extend(wrap(what, width, Style::new(), &first, &" ".repeat(22)));
    }
    lines
}

/// How far the help can scroll in a terminal of `size`: 0 when it all fits.
#[must_use]
pub fn scroll_limit(app: &App<'_>, (width, height): (u16, u16)) -> u16 {
    let inner = frame(&app.session.questionnaire().ui, Theme { color: false })
        .inner(box_area(Rect::new(0, 0, width, height)));
    let count = lines(app, inner.width, Theme { color: false }).len();
    u16::try_from(count)
        .unwrap_or(u16::MAX)
        .saturating_sub(inner.height)
}

/// Draws the help scrolled down `scroll` lines, saying in its border when more lies below.
pub fn render(app: &App<'_>, scroll: u16, area: Rect, buf: &mut Buffer, theme: Theme) {
    let ui = &app.session.questionnaire().ui;
    let box_area = box_area(area);
    Clear.render(box_area, buf);
    let mut block = frame(ui, theme);
    let limit = scroll_limit(app, (area.width, area.height));
    let scroll = scroll.min(limit);
    if scroll < limit {
        block = block.title_bottom(Line::from(format!(" {} ", ui.help_more)).right_aligned());
    }
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    Paragraph::new(lines(app, inner.width, theme))
        .scroll((scroll, 0))
        .render(inner, buf);
}
