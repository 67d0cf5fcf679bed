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

pub fn render(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let ui = &app.session.questionnaire().ui;
    // Leave the key hints and the crisis footer in view below the box.
    let above_footer = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    let box_area = centred(above_footer, 74, above_footer.height.saturating_sub(2));
    Clear.render(box_area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", ui.help_title))
        .border_style(theme.title())
        .padding(Padding::horizontal(1));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    let mut lines = Vec::new();
    if let Stage::Asking(q) = app.session.stage() {
        for (title, text) in about(ui, &app.session.questionnaire().questions[q]) {
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
    lines.push(Line::from(Span::styled(
        ui.help_keys.clone(),
        theme.prompt(),
    )));
    for (key, what) in keys(ui, app.clinician.is_some()) {
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
