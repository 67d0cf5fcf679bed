//! The help panel: about the current question (help and why we ask), then every key. It scrolls
//! when it does not fit, and says so in its border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{StatefulWidget, Widget};

use super::panel::{frame, place, room};
use crate::questionnaire::Question;
use crate::session::Stage;
use crate::tui::keymap::Intent;
use crate::tui::screens::Ctx;
use crate::tui::scroll::{ScrollState, ScrollView};
use crate::tui::wrap::wrap;
use crate::ui_text::UiText;

/// The help panel and how far it is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpPanel {
    scroll: ScrollState,
}

impl HelpPanel {
    /// How far down the panel is scrolled.
    #[must_use]
    pub fn offset(self) -> u16 {
        self.scroll.offset()
    }

    /// Whether the last draw left lines out of view.
    #[must_use]
    pub fn overflows(self) -> bool {
        self.scroll.overflows()
    }

    pub fn scroll(&mut self, intent: &Intent) {
        self.scroll.apply(intent);
    }

    pub fn render(&mut self, ctx: &Ctx<'_, '_>, area: Rect, buf: &mut Buffer) {
        let ui = ctx.ui();
        let height = room(area).height.saturating_sub(2);
        let box_area = place(area, 74, height, buf);
        let block = frame(&ui.help_title, ctx.theme().title());
        let inner = block.inner(box_area);
        let lines = lines(ctx, inner.width);
        ScrollView { lines }.render(inner, buf, &mut self.scroll);
        // The border goes on after the text, once the draw knows whether more lies below.
        let block = if self.scroll.more_below() {
            block.title_bottom(Line::from(format!(" {} ", ui.help_more)).right_aligned())
        } else {
            block
        };
        block.render(box_area, buf);
    }
}

/// Everything the help says, wrapped to `width`: about the question, then every key.
fn lines(ctx: &Ctx<'_, '_>, width: u16) -> Vec<Line<'static>> {
    let ui = ctx.ui();
    let theme = ctx.theme();
    let mut lines = Vec::new();
    if let Stage::Asking(q) = ctx.session.stage() {
        for (title, text) in about(ui, &ctx.questionnaire().questions[q]) {
            lines.push(Line::from(Span::styled(title.to_string(), theme.prompt())));
            lines.extend(wrap(text, width, Style::new(), "", ""));
            lines.push(Line::default());
        }
    }
    lines.push(Line::from(Span::styled(
        ui.help_keys.clone(),
        theme.prompt(),
    )));
    let keys = crate::tui::keymap::reference(ui, ctx.clinician.is_some());
    // The keys' column is as wide as the longest list of keys, and a space.
    let column = keys
        .iter()
        .map(|(key, _)| Span::raw(key.as_str()).width() + 1)
        .max()
        .unwrap_or(0);
    for (key, what) in keys {
        let pad = column.saturating_sub(Span::raw(key.as_str()).width());
        let first = format!("{key}{}", " ".repeat(pad));
        lines.extend(wrap(what, width, Style::new(), &first, &" ".repeat(column)));
    }
    lines
}

/// The question's help and why-we-ask text.
fn about<'a>(ui: &'a UiText, question: &'a Question) -> Vec<(&'a str, &'a str)> {
    let mut parts = Vec::new();
    if let Some(help) = &question.help {
        parts.push((ui.help_about.as_str(), help.as_str()));
    }
    if let Some(why) = &question.why {
        parts.push((ui.help_why.as_str(), why.as_str()));
    }
    parts
}
