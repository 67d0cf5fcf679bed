//! The record-keeping panels: the numbered pick lists (report format, override) and the
//! one-line text prompt (a file name, a note, a reference, a reason).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::panel::{CHROME, frame, panel};
use crate::recording::{Asking, Choosing};
use crate::tui::draft::Draft;
use crate::tui::records::Prompt;
use crate::tui::screens::Ctx;
use crate::tui::wrap::{wrap, wrap_typed};
use crate::ui_text::fill;

const WIDTH: u16 = 64;

pub fn pick(ctx: &Ctx<'_, '_>, choosing: Choosing, area: Rect, buf: &mut Buffer) {
    let ui = ctx.ui();
    let theme = ctx.theme();
    let (title, intro) = match choosing {
        Choosing::Report => (&ui.export_title, &ui.export_pick),
        Choosing::Override => (&ui.override_title, &ui.override_pick),
    };
    let intro = fill(intro, &[("n", &choosing.len().to_string())]);
    let items = choosing.items(ctx.questionnaire());
    let width = WIDTH.min(area.width).saturating_sub(CHROME);
    let mut lines = Vec::new();
    // A person whose home may not be safe is told before a report is saved.
    if choosing == Choosing::Report && ctx.session.warns_before_saving(ctx.clinician.is_some()) {
        lines.extend(wrap(&ui.report_check, width, theme.warning(), "", ""));
    }
    lines.extend(wrap(&intro, width, theme.prompt(), "", ""));
    for (i, item) in items.iter().enumerate() {
        let first = format!("  {}  ", i + 1);
        lines.extend(wrap(item, width, Style::new(), &first, "     "));
    }
    panel(area, buf, WIDTH, frame(title, theme.title()), &lines);
}

pub fn prompt(ctx: &Ctx<'_, '_>, prompt: &Prompt, area: Rect, buf: &mut Buffer) {
    let ui = ctx.ui();
    let theme = ctx.theme();
    let (title, intro) = match prompt.asking {
        Asking::ReportPath(_) => (ui.export_title.as_str(), ui.export_path.as_str()),
        Asking::OverrideReason(_) => (ui.override_title.as_str(), ui.override_reason.as_str()),
        Asking::QuestionNote(_) => (ui.note_title.as_str(), ""),
        Asking::SessionNote => (ui.session_note_title.as_str(), ""),
        Asking::Reference => (ui.reference_title.as_str(), ""),
    };
    let width = WIDTH.min(area.width).saturating_sub(CHROME);
    let mut lines: Vec<Line<'static>> = if intro.is_empty() {
        Vec::new()
    } else {
        wrap(intro, width, theme.prompt(), "", "")
    };
    if let Draft::Text { text, cursor, .. } = &prompt.draft {
        lines.extend(wrap_typed(text, *cursor, width));
    }
    if let Some(notice) = ctx.notice.filter(|n| n.warning) {
        lines.extend(wrap(&notice.text, width, theme.warning(), "", ""));
    }
    panel(area, buf, WIDTH, frame(title, theme.title()), &lines);
}
