//! Drawing lines that are already wrapped, each straight into the buffer with `set_line`. A
//! `Paragraph` styles every cell of its area and lays each line out again: callgrind put that
//! at half of a keystroke's instructions, for text that never needs it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// Draws `lines` from the `offset`-th into `area`, one a row, each cut at its width.
pub fn draw(lines: &[Line<'_>], offset: usize, area: Rect, buf: &mut Buffer) {
    let rows = (area.y..area.bottom()).zip(lines.iter().skip(offset));
    for (y, line) in rows {
        buf.set_line(area.x, y, line, area.width);
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
    buf.set_line(area.right() - width, area.y, line, width);
}

#[cfg(test)]
mod tests {
    use super::*;

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
