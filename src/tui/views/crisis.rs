//! The crisis panel shown when a red answer stops the questionnaire: warm, plain, and only about
//! getting help now. No recommendation is shown.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::crisis::ordered_lines;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

pub fn lines(app: &App<'_>, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let ui = &app.session.questionnaire().ui;
    let mut protocol = Vec::new();
    if app.clinician.is_some() {
        protocol.push(Line::from(Span::styled(
            ui.clinician_protocol.clone(),
            theme.crisis(),
        )));
        protocol.push(Line::default());
    }
    let mut lines = vec![
        Line::from(Span::styled(ui.crisis_title.clone(), theme.crisis())),
        Line::default(),
    ];
    protocol.append(&mut lines);
    let mut lines = protocol;
    lines.extend(wrap(&ui.crisis_text, width, Style::new(), "", ""));
    lines.push(Line::default());
    let (crisis_lines, _) = ordered_lines(app.session.questionnaire(), app.region.as_deref());
    for line in crisis_lines {
        lines.extend(wrap(
            &format!("{} ({})", line.service, line.region),
            width,
            theme.prompt(),
            "",
            "",
        ));
        lines.extend(wrap(&line.contact, width, Style::new(), "  ", "  "));
        if !line.url.is_empty() {
            lines.extend(wrap(&line.url, width, theme.dim(), "  ", "  "));
        }
        lines.push(Line::default());
    }
    lines.extend(wrap(&ui.crisis_elsewhere, width, theme.prompt(), "", ""));
    lines.push(Line::default());
    lines.extend(wrap(&ui.crisis_stopped, width, theme.dim(), "", ""));
    lines
}
