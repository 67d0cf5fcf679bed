//! The crisis panel shown when a red answer stops the questionnaire: warm, plain, and only about
//! getting help now. The person's own line comes right under the title, so that even a small
//! window shows how to reach help without scrolling. No recommendation is shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{StatefulWidget, Widget};

use super::{Ctx, On};
use crate::crisis::{CrisisHelp, HelpItem, topic_fallback};
use crate::panels::{CrisisPanel, FrontEnd};
use crate::questionnaire::CrisisLine;
use crate::scoring::Outcome;
use crate::tui::scroll::{ScrollState, ScrollView};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use crate::ui_text::{UiText, fill};

#[derive(Debug, Clone, PartialEq)]
pub struct CrisisScreen {
    pub(crate) outcome: Outcome,
    pub(crate) scroll: ScrollState,
}

impl CrisisScreen {
    #[must_use]
    pub fn new(outcome: Outcome) -> Self {
        Self {
            outcome,
            scroll: ScrollState::default(),
        }
    }
}

impl Widget for On<'_, '_, '_, CrisisScreen> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = lines(self.ctx, &self.screen.outcome, area.width);
        ScrollView { lines }.render(area, buf, &mut self.screen.scroll);
    }
}

fn lines(ctx: &Ctx<'_, '_>, outcome: &Outcome, width: u16) -> Vec<Line<'static>> {
    let theme = ctx.theme();
    let ui = ctx.ui();
    let panel = CrisisPanel::new(
        ctx.session,
        outcome,
        ctx.clinician.is_some(),
        ctx.look.region.as_deref(),
        FrontEnd::FullScreen,
    );
    let mut lines = Vec::new();
    if let Some(protocol) = panel.protocol {
        lines.push(Line::from(Span::styled(
            protocol.to_string(),
            theme.crisis(),
        )));
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        panel.title.to_string(),
        theme.crisis(),
    )));
    lines.push(Line::default());
    for noticed in &panel.noticed {
        lines.extend(wrap(noticed, width, theme.prompt(), "", ""));
        lines.push(Line::default());
    }
    let items = panel.help.items();
    // The first item (the region's line, or the honest fallback) comes before anything else.
    let (first, rest) = items
        .split_first()
        .map_or((None, &[][..]), |(f, r)| (Some(f), r));
    if let Some(item) = first {
        help_item(&mut lines, &panel.help, *item, ui, width, theme);
    }
    lines.extend(wrap(panel.text, width, Style::new(), "", ""));
    lines.push(Line::default());
    // Someone may check this device: said before the longer list of lines.
    if let Some(device_safety) = panel.device_safety {
        lines.extend(wrap(device_safety, width, theme.prompt(), "", ""));
        lines.push(Line::default());
    }
    if let Some(more_lines) = panel.more_lines {
        lines.extend(wrap(more_lines, width, theme.prompt(), "", ""));
    }
    for item in rest {
        help_item(&mut lines, &panel.help, *item, ui, width, theme);
    }
    lines.extend(wrap(panel.stopped, width, theme.dim(), "", ""));
    lines
}

/// One way to get help: a line's service, contact, emergency number and source, or the fallback.
fn help_item(
    lines: &mut Vec<Line<'static>>,
    help: &CrisisHelp<'_>,
    item: HelpItem<'_>,
    ui: &UiText,
    width: u16,
    theme: Theme,
) {
    match item {
        HelpItem::Line(line) => crisis_line(lines, line, ui, width, theme),
        HelpItem::Fallback => {
            lines.extend(wrap(help.fallback_text(ui), width, theme.prompt(), "", ""));
        }
        HelpItem::TopicFallback(topic) => {
            lines.extend(wrap(
                topic_fallback(topic, ui),
                width,
                theme.prompt(),
                "",
                "",
            ));
        }
    }
    lines.push(Line::default());
}

fn crisis_line(
    lines: &mut Vec<Line<'static>>,
    line: &CrisisLine,
    ui: &UiText,
    width: u16,
    theme: Theme,
) {
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
