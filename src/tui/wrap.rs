//! Wrapping text into lines with textwrap: ratatui's own `Paragraph::wrap` panics on some wide
//! characters at small widths, so nothing here uses it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::clean;

/// Wraps `text` (paragraphs split at line breaks) to `width` columns, each line prefixed by
/// `first` then `rest`, in `style`.
#[must_use]
pub fn wrap(text: &str, width: u16, style: Style, first: &str, rest: &str) -> Vec<Line<'static>> {
    remembered(text, width, first, rest, |lines| styled(lines, style))
}

/// The wrapped lines, unstyled; `None` is a blank line between paragraphs.
fn wrap_text(text: &str, width: u16, first: &str, rest: &str) -> Vec<Option<String>> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    for (i, paragraph) in clean(text, true).split('\n').enumerate() {
        if paragraph.trim().is_empty() {
            lines.push(None);
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
        lines.extend(
            textwrap::wrap(paragraph, options)
                .into_iter()
                .map(|l| Some(l.into_owned())),
        );
    }
    lines
}

/// Text being typed, with the cursor (▏) at `cursor` characters in, wrapped inside "> " and a
/// two-column indent. Wrapped afresh each time, never remembered: it changes with every key and
/// would only fill the memo.
#[must_use]
pub fn wrap_typed(text: &str, cursor: usize, width: u16) -> Vec<Line<'static>> {
    let mut shown: String = text.chars().take(cursor).collect();
    shown.push('▏');
    shown.extend(text.chars().skip(cursor));
    styled(
        &wrap_text(&shown, width.saturating_sub(2), "> ", "  "),
        Style::new(),
    )
}

fn styled(lines: &[Option<String>], style: Style) -> Vec<Line<'static>> {
    lines
        .iter()
        .map(|line| match line {
            Some(line) => Line::from(Span::styled(line.clone(), style)),
            None => Line::default(),
        })
        .collect()
}

/// A text wrapped once, kept for the frames that draw it again.
struct Wrapped {
    text: String,
    width: u16,
    first: String,
    rest: String,
    lines: Vec<Option<String>>,
}

impl Wrapped {
    /// Roughly what it holds: the text, and the text again wrapped.
    fn bytes(&self) -> usize {
        2 * self.text.len() + self.first.len() + self.rest.len()
    }
}

/// Texts wrapped before. Every frame draws the whole screen again, and a keystroke changes the
/// highlight, not the words: without this, most of a keystroke's drawing was wrapping the
/// same prompt and options again (docs/PERFORMANCE.md). Wrapping is a pure function of its
/// inputs, so a remembered result is always the right one.
#[derive(Default)]
struct Memo {
    entries: HashMap<u64, Wrapped>,
    bytes: usize,
}

/// What the memo may hold before it starts again: a screen's texts at a few widths, many
/// times over, and a small part of the memory the app runs in.
const MEMO_BYTES: usize = 256 * 1024;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// `use_lines` of `text` wrapped, from the memo when it was wrapped before at this width.
fn remembered<T>(
    text: &str,
    width: u16,
    first: &str,
    rest: &str,
    use_lines: impl FnOnce(&[Option<String>]) -> T,
) -> T {
    let mut hasher = DefaultHasher::new();
    (text, width, first, rest).hash(&mut hasher);
    let key = hasher.finish();
    MEMO.with_borrow_mut(|memo| {
        let fresh = memo.entries.get(&key).is_none_or(|w| {
            (w.text.as_str(), w.width, w.first.as_str(), w.rest.as_str())
                != (text, width, first, rest)
        });
        if fresh {
            let wrapped = Wrapped {
                lines: wrap_text(text, width, first, rest),
                text: text.to_string(),
                width,
                first: first.to_string(),
                rest: rest.to_string(),
            };
            // A bound, not an eviction policy: a session draws a few hundred texts.
            if memo.bytes + wrapped.bytes() > MEMO_BYTES {
                *memo = Memo::default();
            }
            memo.bytes += wrapped.bytes();
            if let Some(replaced) = memo.entries.insert(key, wrapped) {
                memo.bytes -= replaced.bytes();
            }
        }
        use_lines(&memo.entries[&key].lines)
    })
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
    fn a_remembered_wrapping_is_the_same_as_a_fresh_one() {
        let text =
            "Have you ever been in a group before? Tell us what it was like.\n\nTake your time.";
        for width in [0, 7, 20, 200] {
            let fresh = wrap_text(text, width, "> ", "  ");
            let first = wrap(text, width, Style::new(), "> ", "  ");
            let again = wrap(text, width, Style::new(), "> ", "  ");
            assert_eq!(first, again);
            let plain: Vec<Option<String>> = first
                .iter()
                .map(|l| (!l.spans.is_empty()).then(|| l.to_string()))
                .collect();
            assert_eq!(plain, fresh, "at {width}");
        }
        // The same text with other indents, or another text, is not taken for it.
        assert_ne!(
            wrap(text, 20, Style::new(), "", ""),
            wrap(text, 20, Style::new(), "> ", "  ")
        );
        assert_ne!(
            wrap("Other words entirely", 20, Style::new(), "", ""),
            wrap(text, 20, Style::new(), "", "")
        );
        assert_eq!(
            wrap_typed("Have you ever", 5, 22),
            wrap("Have ▏you ever", 20, Style::new(), "> ", "  ")
        );
    }

    #[test]
    fn the_memo_stays_within_its_bound() {
        let long = "word ".repeat(2000);
        for width in 20..200 {
            let _ = wrap(&long, width, Style::new(), "", "");
            let held = MEMO.with_borrow(|memo| {
                let counted: usize = memo.entries.values().map(Wrapped::bytes).sum();
                assert_eq!(counted, memo.bytes);
                memo.bytes
            });
            assert!(held <= MEMO_BYTES, "{held} bytes at width {width}");
        }
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
