//! The crisis panel shown when a red answer stops the questionnaire: warm, plain, and only about
//! getting help now. No recommendation is shown.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::crisis::{ELSEWHERE, ordered_lines};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

pub fn lines(app: &App<'_>, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(Span::styled("You are not alone.", theme.crisis())),
        Line::default(),
    ];
    lines.extend(wrap(
        "Thank you for answering honestly. What you told us means it is important to talk to \
         someone now. You deserve support today, and people are ready to listen.",
        width,
        Style::new(),
        "",
        "",
    ));
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
    lines.extend(wrap(ELSEWHERE, width, theme.prompt(), "", ""));
    lines.push(Line::default());
    lines.extend(wrap(
        "The questionnaire has stopped here: choosing a group can wait. Nothing you answered has \
         been saved. When you are ready, press q to close this window.",
        width,
        theme.dim(),
        "",
        "",
    ));
    lines
}
