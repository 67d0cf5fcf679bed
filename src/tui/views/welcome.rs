//! The welcome screen: what this is, what it is not, what is stored, and how to start.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

pub fn lines(app: &App<'_>, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let meta = &app.session.questionnaire().meta;
    let ui = &app.session.questionnaire().ui;
    let mut lines = wrap(&meta.intro, width, Style::new(), "", "");
    lines.push(Line::default());
    lines.extend(wrap(&meta.disclaimer, width, theme.dim(), "", ""));
    lines.push(Line::default());
    lines.extend(wrap(&ui.welcome_privacy, width, theme.dim(), "", ""));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        ui.welcome_begin.clone(),
        theme.prompt(),
    )));
    lines.extend(wrap(&ui.welcome_keys, width, theme.hint(), "", ""));
    lines
}
