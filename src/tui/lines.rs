//! Drawing lines that are already wrapped, each straight into the buffer. A `Paragraph` styles
//! every cell of its area and lays each line out again: callgrind put that at half of a
//! keystroke's instructions, for text that never needs it. And most of what is drawn is plain
//! ASCII, which needs no grapheme segmentation: [`set_line`] writes it a byte a cell.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// `Buffer::set_line`, with the same result: each span cut at the width left, in the line's
/// style patched with the span's. A span of printable ASCII (every character its own grapheme
/// one cell wide) is written a character a cell; anything else goes through ratatui's
/// grapheme-aware `set_stringn`.
fn set_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) {
    let mut x = x;
    let mut remaining = max_width;
    for span in line {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let content = span.content.as_ref();
        let end = if content.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            set_ascii(buf, x, y, content, remaining, style)
        } else {
            buf.set_stringn(x, y, content, usize::from(remaining), style)
                .0
        };
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
}

/// Printable ASCII from (x, y), at most `max_width` cells and not past the buffer's right
/// edge; where it ended.
fn set_ascii(buf: &mut Buffer, x: u16, y: u16, text: &str, max_width: u16, style: Style) -> u16 {
    let room = buf.area.right().saturating_sub(x).min(max_width);
    let mut end = x;
    for c in text.chars().take(usize::from(room)) {
        buf[(end, y)].set_char(c).set_style(style);
        end += 1;
    }
    end
}

/// Draws `lines` from the `offset`-th into `area`, one a row, each cut at its width.
pub fn draw(lines: &[Line<'_>], offset: usize, area: Rect, buf: &mut Buffer) {
    let rows = (area.y..area.bottom()).zip(lines.iter().skip(offset));
    for (y, line) in rows {
        set_line(buf, area.x, y, line, area.width);
    }
}

/// Draws one line against the right edge of `area`'s first row.
pub fn draw_right(line: &Line<'_>, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let width = u16::try_from(line.width())
        .unwrap_or(u16::MAX)
        .min(area.width);
    set_line(buf, area.right() - width, area.y, line, width);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    use super::*;

    fn text() -> impl Strategy<Value = String> {
        // ASCII most of the time, as on screen; sometimes wide, combining or control characters.
        prop_oneof![
            4 => "[ -~]{0,12}",
            1 => "[ -~日本é\u{301}\u{200b}\t\x1b]{0,8}",
        ]
    }

    fn style() -> impl Strategy<Value = Style> {
        (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(fg, bg, bold)| {
            let mut style = Style::new();
            if fg {
                style = style.fg(Color::Cyan);
            }
            if bg {
                style = style.bg(Color::Blue);
            }
            if bold {
                style = style.add_modifier(Modifier::BOLD);
            }
            style
        })
    }

    proptest! {
        /// The ASCII path draws exactly what ratatui's own `set_line` draws, over whatever the
        /// buffer held, at any start and width.
        #[test]
        fn set_line_draws_what_ratatuis_draws(
            spans in prop::collection::vec((text(), style()), 0..4),
            line_style in style(),
            x in 0u16..12,
            max_width in 0u16..14,
        ) {
            let line = Line::from(
                spans.into_iter().map(|(t, s)| Span::styled(t, s)).collect::<Vec<_>>(),
            )
            .style(line_style);
            let area = Rect::new(0, 0, 10, 1);
            let mut before = Buffer::empty(area);
            before.set_string(0, 0, "underneath", Style::new().fg(Color::Red));
            let mut ours = before.clone();
            let mut theirs = before;
            set_line(&mut ours, x, 0, &line, max_width);
            theirs.set_line(x, 0, &line, max_width);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn lines_are_cut_at_the_area_and_right_lines_end_at_its_edge() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 2));
        let lines = [
            Line::from("skipped"),
            Line::from("abcdefgh"),
            Line::from("x"),
        ];
        draw(&lines, 1, Rect::new(0, 0, 6, 1), &mut buf);
        draw_right(&Line::from("yz"), Rect::new(0, 1, 6, 1), &mut buf);
        let rows: Vec<String> = (0..2)
            .map(|y| (0..6).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        assert_eq!(rows, ["abcdef", "    yz"]);
    }
}
