//! Wrapping text into lines with textwrap: ratatui's own `Paragraph::wrap` panics on some wide
//! characters at small widths, so nothing here uses it.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::clean;

/// Wraps `text` (paragraphs split at line breaks) to `width` columns, each line prefixed by
/// `first` then `rest`, in `style`.
#[must_use]
pub fn wrap(text: &str, width: u16, style: Style, first: &str, rest: &str) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    for (i, paragraph) in clean(text, true).split('\n').enumerate() {
        if paragraph.trim().is_empty() {
            lines.push(Line::default());
            continue;
        }
        let indent = if i == 0 { first } else { rest };
        let options = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for line in textwrap::wrap(paragraph, options) {
            lines.push(Line::from(Span::styled(line.into_owned(), style)));
        }
    }
    lines
}

/// `text` cut to `width` columns on one line, with "…" when something was cut.
#[must_use]
pub fn truncate(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if width == 0 {
        return String::new();
    }
    let one_line = clean(text, false);
    if textwrap::core::display_width(&one_line) <= width {
        return one_line;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in one_line.chars() {
        let w = textwrap::core::display_width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_wrap_without_panicking() {
        for width in 0..6 {
            let _ = wrap(
                "a日a 日本語のテキスト e\u{301}\u{200b}",
                width,
                Style::new(),
                "",
                "",
            );
            let cut = truncate("日本語のテキスト", width);
            assert!(
                textwrap::core::display_width(&cut) <= usize::from(width),
                "{cut}"
            );
        }
    }
}
