//! The screen's regions: a header, the body, a notice line, a key-hint line and the crisis
//! footer. One home for these numbers, shared by drawing and by scrolling.

use ratatui::layout::Rect;

/// Below this size the app asks for a larger window instead of drawing a broken layout.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
const HEADER: u16 = 2;
/// A notice wraps to at most this many lines rather than being cut.
pub const MAX_NOTICE_LINES: u16 = 5;

pub struct Regions {
    pub header: Rect,
    pub body: Rect,
    pub notice: Rect,
    pub hints: Rect,
    pub footer: Rect,
}

#[must_use]
pub fn is_too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Splits the screen, with a one-column margin left and right; the notice takes
/// `notice_lines` lines (1 to [`MAX_NOTICE_LINES`]). Worked out by hand rather than with
/// ratatui's `Layout`: five fixed rows around one that takes the rest need no constraint
/// solver, which was a sixth of the first frame's drawing.
#[must_use]
pub fn regions(area: Rect, notice_lines: u16) -> Regions {
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let notice = notice_lines.clamp(1, MAX_NOTICE_LINES);
    let mut y = inner.y;
    let mut take = |rows: u16| {
        let rows = rows.min(inner.bottom().saturating_sub(y));
        let region = Rect {
            y,
            height: rows,
            ..inner
        };
        y += rows;
        region
    };
    let header = take(HEADER);
    let body = take(inner.height.saturating_sub(HEADER + notice + 2).max(1));
    Regions {
        header,
        body,
        notice: take(notice),
        hints: take(1),
        footer: take(1),
    }
}

/// The body's width for a terminal `width` columns wide.
#[must_use]
pub fn body_width(width: u16) -> u16 {
    width.saturating_sub(2)
}

/// The columns a notice may use at a terminal `width`: the inner width, less the quick-exit
/// label on its right and a gap.
#[must_use]
pub fn notice_room(width: u16, quick_exit: &str) -> u16 {
    let label = u16::try_from(textwrap::core::display_width(quick_exit)).unwrap_or(u16::MAX);
    body_width(width)
        .saturating_sub(label.saturating_add(2))
        .max(10)
}

/// A rectangle of at most `width` x `height`, centred in `area`.
#[must_use]
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::{Constraint, Layout};

    /// The same regions ratatui's layout gives, at every size that draws screens and below.
    #[test]
    fn regions_match_ratatuis_layout() {
        for (width, height) in [(40, 12), (80, 24), (100, 30), (3, 3), (1, 1), (120, 8)] {
            for notice in 1..=MAX_NOTICE_LINES {
                let area = Rect::new(0, 0, width, height);
                let inner = Rect {
                    x: 1,
                    width: width.saturating_sub(2),
                    ..area
                };
                let [header, body, notice_row, hints, footer] = Layout::vertical([
                    Constraint::Length(HEADER),
                    Constraint::Min(1),
                    Constraint::Length(notice),
                    Constraint::Length(1),
                    Constraint::Length(1),
                ])
                .areas(inner);
                let ours = regions(area, notice);
                if height >= MIN_HEIGHT {
                    assert_eq!(
                        [ours.header, ours.body, ours.notice, ours.hints, ours.footer],
                        [header, body, notice_row, hints, footer],
                        "{width}x{height}, notice {notice}"
                    );
                }
                for region in [ours.header, ours.body, ours.notice, ours.hints, ours.footer] {
                    assert!(
                        region.bottom() <= area.bottom(),
                        "{width}x{height}: {region:?}"
                    );
                }
            }
        }
    }
}
