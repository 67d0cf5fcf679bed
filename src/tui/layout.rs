//! The screen's regions: a header, the body, a notice line, a key-hint line and the crisis
//! footer. One home for these numbers, shared by drawing and by scrolling.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size the app asks for a larger window instead of drawing a broken layout.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
const HEADER: u16 = 2;
const FOOTER: u16 = 3;

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

/// Splits the screen, with a one-column margin left and right.
#[must_use]
pub fn regions(area: Rect) -> Regions {
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let [header, body, notice, hints, footer] = Layout::vertical([
        Constraint::Length(HEADER),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    Regions {
        header,
        body,
        notice,
        hints,
        footer,
    }
}

/// The body's height for a terminal `height` rows tall.
#[must_use]
pub fn body_height(height: u16) -> u16 {
    height.saturating_sub(HEADER + FOOTER)
}

/// The body's width for a terminal `width` columns wide.
#[must_use]
pub fn body_width(width: u16) -> u16 {
    width.saturating_sub(2)
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
