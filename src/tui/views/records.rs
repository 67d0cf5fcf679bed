//! The record-keeping overlays: the numbered pick lists (report format, override) and the
//! one-line text prompt (a file name, a note, a reference, a reason).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Widget};

use crate::clinician::OVERRIDES;
use crate::report::recommendation_label;
use crate::tui::app::App;
use crate::tui::draft::Draft;
use crate::tui::layout::centred;
use crate::tui::records::{ExportFormat, Pick, Purpose};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

fn framed(area: Rect, buf: &mut Buffer, theme: Theme, title: &str, lines: Vec<Line<'static>>) {
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let box_area = centred(area, 64, height);
    Clear.render(box_area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "))
        .border_style(theme.title())
        .padding(Padding::horizontal(1));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    Paragraph::new(lines).render(inner, buf);
}

pub fn pick(app: &App<'_>, pick: Pick, area: Rect, buf: &mut Buffer, theme: Theme) {
    let q = app.session.questionnaire();
    let ui = &q.ui;
    let (title, intro, items): (&str, &str, Vec<String>) = match pick {
        Pick::Export => (
            &ui.export_title,
            &ui.export_pick,
            ExportFormat::ALL
                .iter()
                .map(|f| f.label(ui).to_string())
                .collect(),
        ),
        Pick::Override => (
            &ui.override_title,
            &ui.override_pick,
            OVERRIDES
                .iter()
                .map(|r| recommendation_label(q, *r))
                .collect(),
        ),
    };
    let width = 60;
    let mut lines = wrap(intro, width, theme.prompt(), "", "");
    for (i, item) in items.iter().enumerate() {
        let first = format!("  {}  ", i + 1);
        lines.extend(wrap(
            item,
            width,
            ratatui::style::Style::new(),
            &first,
            "     ",
        ));
    }
    framed(area, buf, theme, title, lines);
}

pub fn prompt(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let Some(prompt) = &app.prompt else { return };
    let q = app.session.questionnaire();
    let ui = &q.ui;
    let (title, intro) = match prompt.purpose {
        Purpose::ExportPath(_) => (ui.export_title.as_str(), ui.export_path.as_str()),
        Purpose::OverrideReason(_) => (ui.override_title.as_str(), ui.override_reason.as_str()),
        Purpose::QuestionNote(_) => (ui.note_title.as_str(), ""),
        Purpose::SessionNote => (ui.session_note_title.as_str(), ""),
        Purpose::Reference => (ui.reference_title.as_str(), ""),
    };
    let width = 60;
    let mut lines = if intro.is_empty() {
        Vec::new()
    } else {
        wrap(intro, width, theme.prompt(), "", "")
    };
    if let Draft::Text { text, cursor, .. } = &prompt.draft {
        let mut shown: String = text.chars().take(*cursor).collect();
        shown.push('▏');
        shown.extend(text.chars().skip(*cursor));
        lines.extend(wrap(
            &shown,
            width.saturating_sub(2),
            ratatui::style::Style::new(),
            "> ",
            "  ",
        ));
    }
    if let Some(notice) = app.notice.as_ref().filter(|n| n.warning) {
        lines.extend(wrap(&notice.text, width, theme.warning(), "", ""));
    }
    framed(area, buf, theme, title, lines);
}
