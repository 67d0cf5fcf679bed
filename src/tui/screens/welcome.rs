//! The welcome screen: what this is, what it is not, what is stored, and how to start.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{StatefulWidget, Widget};

use super::{On, Step};
use crate::session::Action;
use crate::tui::keymap::{Intent, Layer};
use crate::tui::scroll::{ScrollState, ScrollView};
use crate::tui::wrap::wrap;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WelcomeScreen {
    scroll: ScrollState,
}

impl WelcomeScreen {
    /// Scrolling is said in the hints only when the welcome does not fit (seen at 60x16: the
    /// privacy note and "Press Enter to begin" were below the edge, with no sign).
    #[must_use]
    pub fn scroll_layer(self) -> Layer {
        if self.scroll.overflows() {
            Layer::Scroll
        } else {
            Layer::ScrollUnhinted
        }
    }

    pub fn handle(&mut self, intent: &Intent) -> Step {
        if *intent == Intent::Enter {
            return Step::Act(Action::Start);
        }
        self.scroll.apply(intent);
        Step::Stay
    }
}

impl Widget for On<'_, '_, '_, WelcomeScreen> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let meta = &self.ctx.questionnaire().meta;
        let ui = self.ctx.ui();
        let theme = self.ctx.theme();
        let width = area.width;
        let mut lines = wrap(&meta.intro, width, Style::new(), "", "");
        lines.push(Line::default());
        lines.extend(wrap(&meta.disclaimer, width, theme.dim(), "", ""));
        lines.push(Line::default());
        let privacy = if self.ctx.session.is_resumed() {
            &ui.welcome_privacy_resumed
        } else {
            &ui.welcome_privacy
        };
        lines.extend(wrap(privacy, width, theme.dim(), "", ""));
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            ui.welcome_begin.clone(),
            theme.prompt(),
        )));
        lines.extend(wrap(&ui.welcome_keys, width, theme.hint(), "", ""));
        if self.ctx.clinician.is_some() {
            lines.push(Line::default());
            lines.extend(wrap(
                &ui.welcome_clinician_keys,
                width,
                theme.warning(),
                "",
                "",
            ));
        }
        ScrollView { lines }.render(area, buf, &mut self.screen.scroll);
    }
}
