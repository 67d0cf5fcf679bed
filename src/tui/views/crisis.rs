//! The crisis panel shown when a red answer stops the questionnaire: warm, plain, and only about
//! getting help now. No recommendation is shown.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::crisis::{CrisisHelp, HelpItem};
use crate::questionnaire::Flag;
use crate::report::{Reader, flag_text};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use crate::ui_text::fill;

pub fn lines(app: &App<'_>, width: u16, theme: Theme) -> Vec<Line<'static>> {
    let q = app.session.questionnaire();
    let ui = &q.ui;
    let mut lines = Vec::new();
    if app.clinician.is_some() {
        lines.push(Line::from(Span::styled(
            ui.clinician_protocol.clone(),
            theme.crisis(),
        )));
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        ui.crisis_title.clone(),
        theme.crisis(),
    )));
    lines.push(Line::default());
    lines.extend(wrap(&ui.crisis_text, width, Style::new(), "", ""));
    lines.push(Line::default());
    if let Some(outcome) = &app.outcome {
        let reader = Reader::person(app.region.as_deref());
        for flag in outcome.flags.iter().filter(|f| f.flag == Flag::Red) {
            lines.extend(wrap(
                &flag_text(q, flag, reader),
                width,
                theme.prompt(),
                "",
                "",
            ));
            lines.push(Line::default());
        }
    }
    let help = CrisisHelp::new(q, app.region.as_deref());
    for item in help.items() {
        match item {
            HelpItem::Line(line) => {
                lines.extend(wrap(
                    &format!("{} ({})", line.service, line.region),
                    width,
                    theme.prompt(),
                    "",
                    "",
                ));
                lines.extend(wrap(&line.contact, width, Style::new(), "  ", "  "));
                if let Some(number) = &line.emergency {
                    let emergency = fill(&ui.footer_emergency, &[("number", number)]);
                    lines.extend(wrap(&emergency, width, Style::new(), "  ", "  "));
                }
                if !line.url.is_empty() {
                    lines.extend(wrap(&line.url, width, theme.dim(), "  ", "  "));
                }
            }
            HelpItem::Fallback => {
                lines.extend(wrap(help.fallback_text(ui), width, theme.prompt(), "", ""));
            }
        }
        lines.push(Line::default());
    }
    lines.extend(wrap(&ui.crisis_stopped, width, theme.dim(), "", ""));
    lines
}
