//! The one boxed dialog every panel uses (a bordered, titled box centred above the key hints and
//! the crisis footer, which stay in view), and the small dialogs drawn with it: "leave?", the
//! settled offer and the caution.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, StatefulWidget, Widget};

use crate::panels::Caution;
use crate::tui::keymap::{Layer, hints};
use crate::tui::layout::centred;
use crate::tui::screens::Ctx;
use crate::tui::scroll::{ScrollState, ScrollView};
use crate::tui::wrap::wrap;

/// The columns borders and padding take from a panel's width.
pub const CHROME: u16 = 4;

/// The room panels have: the screen less the key hints and the crisis footer, and the row above
/// them, where the quick-exit key is named.
#[must_use]
pub fn room(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(3),
        ..area
    }
}

/// A panel's frame: its border in `border` style and its title.
#[must_use]
pub fn frame(title: &str, border: Style) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "))
        .border_style(border)
        .padding(Padding::horizontal(1))
}

/// Clears the box for a panel of at most `width` x `height` and returns it.
#[must_use]
pub fn place(area: Rect, width: u16, height: u16, buf: &mut Buffer) -> Rect {
    let box_area = centred(room(area), width, height);
    Clear.render(box_area, buf);
    box_area
}

/// A panel as tall as its lines, centred in the room above the hints.
pub fn panel(
    area: Rect,
    buf: &mut Buffer,
    width: u16,
    block: Block<'static>,
    lines: &[Line<'static>],
) {
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let box_area = place(area, width, height, buf);
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    crate::tui::lines::draw(lines, 0, inner, buf);
}

/// The inner width of a panel `width` wide in `area`.
fn inner_width(area: Rect, width: u16) -> u16 {
    width.min(area.width).saturating_sub(CHROME)
}

/// The panel's own keys, read from the key table, as its last line.
fn keys_line(ctx: &Ctx<'_, '_>, layer: Layer) -> Line<'static> {
    Line::from(Span::styled(hints(&[layer], ctx.ui()), ctx.theme().hint()))
}

/// A dialog: its words, then its own keys from the key table, in a panel.
fn dialog(
    ctx: &Ctx<'_, '_>,
    (area, buf): (Rect, &mut Buffer),
    width: u16,
    block: Block<'static>,
    layer: Layer,
    mut lines: Vec<Line<'static>>,
) {
    lines.push(Line::default());
    lines.push(keys_line(ctx, layer));
    panel(area, buf, width, block, &lines);
}

pub fn confirm_quit(ctx: &Ctx<'_, '_>, area: Rect, buf: &mut Buffer) {
    const WIDTH: u16 = 48;
    let (ui, theme) = (ctx.ui(), ctx.theme());
    // After a report was saved, "anything you have not saved will be gone" reads as if the
    // report were lost too: say what is kept and what is not.
    let text = if ctx.session.was_reported() {
        &ui.confirm_text_reported
    } else if !ctx.session.ever_saved() && ctx.session.warns_before_saving(ctx.clinician.is_some())
    {
        // Someone at home may check this device: no nudge to save, and the reassurance that
        // nothing is left behind.
        &ui.confirm_text_nothing_kept
    } else {
        &ui.confirm_text
    };
    let lines = wrap(text, inner_width(area, WIDTH), theme.prompt(), "", "");
    let block = frame(&ui.confirm_title, theme.warning());
    dialog(ctx, (area, buf), WIDTH, block, Layer::Confirm, lines);
}

/// The offer to see the result now, once the remaining questions cannot change it.
pub fn settled_offer(ctx: &Ctx<'_, '_>, offer: &str, area: Rect, buf: &mut Buffer) {
    const WIDTH: u16 = 60;
    let (ui, theme) = (ctx.ui(), ctx.theme());
    let lines = wrap(offer, inner_width(area, WIDTH), theme.prompt(), "", "");
    let block = frame(&ui.settled_title, theme.title());
    dialog(ctx, (area, buf), WIDTH, block, Layer::Offer, lines);
}

/// "Before you go on": the safety screen ended with a caution. What was noticed, in plain words,
/// where to get help now, and the choice to keep going or see the result now.
///
/// When it does not fit, the help for its topics comes right after the opening words (so that
/// it is never the part cut off), what was noticed scrolls, the keys stay on the last line, and
/// the border says "more below".
pub fn caution(
    ctx: &Ctx<'_, '_>,
    caution: &Caution,
    scroll: &mut ScrollState,
    area: Rect,
    buf: &mut Buffer,
) {
    const WIDTH: u16 = 68;
    let ui = ctx.ui();
    let theme = ctx.theme();
    let width = inner_width(area, WIDTH);
    let mut lines = wrap(&ui.caution_text, width, theme.prompt(), "", "");
    lines.push(Line::default());
    for help in &caution.help {
        lines.extend(wrap(help, width, theme.crisis(), "", ""));
    }
    for noticed in &caution.noticed {
        lines.push(Line::default());
        lines.extend(wrap(noticed, width, theme.warning(), "- ", "  "));
    }
    // The text, a blank line and the keys, inside the border.
    let wanted = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4);
    let box_area = place(area, WIDTH, wanted.min(room(area).height), buf);
    let block = frame(&ui.caution_title, theme.warning());
    let inner = block.inner(box_area);
    let text_area = Rect {
        height: inner.height.saturating_sub(2),
        ..inner
    };
    ScrollView { lines }.render(text_area, buf, scroll);
    if inner.height > 0 {
        let keys_row = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        crate::tui::lines::draw(&[keys_line(ctx, Layer::Caution)], 0, keys_row, buf);
    }
    let block = if scroll.more_below() {
        block.title_bottom(Line::from(format!(" {} ", ui.help_more)).right_aligned())
    } else {
        block
    };
    block.render(box_area, buf);
}
