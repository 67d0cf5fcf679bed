//! Scrolling lines, in ratatui's `StatefulWidget` way: the state holds the offset and learns at
//! each draw how far it can go and how tall a page is, so that keys are clamped to what the
//! last frame showed without the app laying the screen out a second time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::StatefulWidget;

use super::keymap::Intent;

/// Where a scrolling body is, and what the last draw found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScrollState {
    offset: u16,
    /// The largest offset at the last draw: 0 when everything fits.
    limit: u16,
    /// The visible height at the last draw, for paging.
    page: u16,
}

impl ScrollState {
    /// The offset, within what the last draw found.
    #[must_use]
    pub fn offset(self) -> u16 {
        self.offset.min(self.limit)
    }

    /// Whether the last draw left lines out of view.
    #[must_use]
    pub fn overflows(self) -> bool {
        self.limit > 0
    }

    /// Whether lines lie below the last draw's view.
    #[must_use]
    pub fn more_below(self) -> bool {
        self.offset() < self.limit
    }

    /// Moves for a scrolling key; `false` when the intent is not one. End goes to the end
    /// as the next draw finds it, so that it holds when the content grew since the last one.
    pub fn apply(&mut self, intent: &Intent) -> bool {
        let page = self.page.max(1);
        let at = self.offset.min(self.limit);
        self.offset = match intent {
            Intent::Up => at.saturating_sub(1),
            Intent::Down => at.saturating_add(1).min(self.limit),
            Intent::PageUp => at.saturating_sub(page),
            Intent::PageDown => at.saturating_add(page).min(self.limit),
            Intent::Home => 0,
            Intent::End => u16::MAX,
            _ => return false,
        };
        true
    }

    /// Records what a draw of `lines` lines in `height` rows found, and keeps the offset in it.
    fn measure(&mut self, lines: usize, height: u16) {
        self.limit = u16::try_from(lines)
            .unwrap_or(u16::MAX)
            .saturating_sub(height);
        self.page = height;
        self.offset = self.offset.min(self.limit);
    }
}

/// Lines drawn scrolled by a [`ScrollState`].
pub struct ScrollView {
    pub lines: Vec<Line<'static>>,
}

impl StatefulWidget for ScrollView {
    type State = ScrollState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ScrollState) {
        state.measure(self.lines.len(), area.height);
        super::lines::draw(&self.lines, usize::from(state.offset), area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_within_what_the_last_draw_showed() {
        let mut state = ScrollState::default();
        let lines: Vec<Line<'static>> = (0..30).map(|i| Line::from(i.to_string())).collect();
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 10));
        ScrollView { lines }.render(buf.area, &mut buf, &mut state);
        assert!(state.overflows() && state.more_below());
        state.apply(&Intent::End);
        assert_eq!(state.offset(), 20);
        state.apply(&Intent::Down);
        assert_eq!(state.offset(), 20, "never past the end");
        state.apply(&Intent::PageUp);
        assert_eq!(state.offset(), 10, "a page is the visible height");
        assert!(!state.apply(&Intent::Enter));
    }
}
