//! Drawing: `impl Widget for &App` splits the screen and hands each region to its view. Views
//! read the app and draw; they decide nothing.

mod chrome;
mod crisis;
pub(crate) mod help;
mod question;
mod records;
mod result;
mod review;
mod welcome;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::app::{App, Overlay};
use super::layout::{self, body_width};
use super::theme::Theme;
use crate::session::Stage;

impl Widget for &App<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = Theme { color: self.color };
        if layout::is_too_small(area) {
            chrome::too_small(self, area, buf, theme);
            return;
        }
        let regions = layout::regions(area, self.notice_lines(area.width));
        chrome::header(self, regions.header, buf, theme);
        match self.session.stage() {
            Stage::Asking(q) => question::render(self, q, regions.body, buf, theme),
            Stage::Review => review::render(self, regions.body, buf, theme),
            Stage::Welcome | Stage::Finished | Stage::Stopped => {
                let lines = scrollable_lines(self, regions.body.width, theme);
                let limit = u16::try_from(lines.len())
                    .unwrap_or(u16::MAX)
                    .saturating_sub(regions.body.height);
                Paragraph::new(lines)
                    .scroll((self.scroll.min(limit), 0))
                    .render(regions.body, buf);
            }
        }
        chrome::notice(self, regions.notice, buf, theme);
        chrome::hints(self, regions.hints, buf, theme);
        chrome::crisis_footer(self, regions.footer, buf, theme);
        match self.overlay {
            Some(Overlay::Help { scroll }) => help::render(self, scroll, area, buf, theme),
            Some(Overlay::ConfirmQuit) => chrome::confirm_quit(self, area, buf, theme),
            Some(Overlay::Settled) => chrome::settled_offer(self, area, buf, theme),
            Some(Overlay::Caution) => chrome::caution(self, area, buf, theme),
            Some(Overlay::Prompt) => records::prompt(self, area, buf, theme),
            Some(Overlay::Pick(pick)) => records::pick(self, pick, area, buf, theme),
            None => {}
        }
    }
}

/// The lines of the screens that scroll as a whole: welcome, result, crisis.
fn scrollable_lines(app: &App<'_>, width: u16, theme: Theme) -> Vec<Line<'static>> {
    match (app.session.stage(), &app.outcome) {
        (Stage::Welcome, _) => welcome::lines(app, width, theme),
        (Stage::Finished, Some(outcome)) => result::lines(app, outcome, width, theme),
        (Stage::Stopped, _) => crisis::lines(app, width, theme),
        _ => Vec::new(),
    }
}

/// How many lines the current screen's scrolling body has at a terminal `width`.
#[must_use]
pub fn scrollable_height(app: &App<'_>, width: u16) -> usize {
    scrollable_lines(app, body_width(width), Theme { color: false }).len()
}
