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
        // Breaks at spaces only, so that a web address or a phone number stays whole; a word
        // longer than the line (or a run of CJK text) is still broken to fit.
        let options = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(rest)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for line in textwrap::wrap(paragraph, options) {
            lines.push(Line::from(Span::styled(line.into_owned(), style)));
        }
    }
    lines
}

/// Wraps one paragraph whose first line has `first_width` columns (something sits beside it) and
/// whose other lines have `width`, into at most `max_lines` lines. Words are never cut; if the
/// text needs more lines, the last one ends with "…" after a whole word.
#[must_use]
pub fn wrap_beside(text: &str, first_width: u16, width: u16, max_lines: usize) -> Vec<String> {
    let one_line = clean(text, false);
    let options = |w: u16| {
        textwrap::Options::new(usize::from(w.max(1)))
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
    };
    let first: Vec<_> = textwrap::wrap(&one_line, options(first_width));
    let Some(head) = first.first().map(|l| l.trim_end().to_string()) else {
        return Vec::new();
    };
    let rest = one_line[head.len().min(one_line.len())..].trim_start();
    let mut lines = vec![head];
    lines.extend(
        textwrap::wrap(rest, options(width))
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.trim_end().to_string()),
    );
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            let mut words: Vec<&str> = last.split(' ').collect();
            while textwrap::core::display_width(&words.join(" ")) + 1 > usize::from(width)
                && words.len() > 1
            {
                words.pop();
            }
            *last = format!("{}…", words.join(" "));
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
    fn text_beside_a_label_wraps_whole_words_into_the_full_width_below() {
        let lines = wrap_beside("one two three four five six", 9, 14, 5);
        assert_eq!(lines, ["one two", "three four", "five six"]);
        let cut = wrap_beside("one two three four five six", 9, 9, 2);
        assert_eq!(cut, ["one two", "three…"]);
    }

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
