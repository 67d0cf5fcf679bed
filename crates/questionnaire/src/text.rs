//! Text hygiene: which characters may come from a data file, and how to make any string safe to
//! print. Escape sequences and bidi overrides from a file must never reach a terminal.

use std::fmt::Write as _;

/// Characters that reorder, hide or silently change text: bidi overrides and isolates,
/// zero-width marks, line and paragraph separators, the byte-order mark, the soft hyphen, the
/// Mongolian vowel separator, variation selectors, interlinear annotation marks and Unicode tag
/// characters (which can smuggle invisible text). A terminal would show them invisibly.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// True for a character that must never be printed raw: C0 and C1 controls, DEL, and the
/// invisible formatting characters above. Newline is judged by the caller.
#[must_use]
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// Why a text value from a file is refused, if it is.
#[must_use]
pub fn text_problem(text: &str, multiline: bool) -> Option<String> {
    // Most text is printable ASCII: nothing to look at character by character.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = match c {
            '\n' => multiline,
            '\r' => multiline && chars.peek() == Some(&'\n'),
            _ => !is_unsafe_char(c),
        };
        if !allowed {
            return Some(describe_char(c));
        }
    }
    None
}

fn describe_char(c: char) -> String {
    match c {
        '\t' => "contains a tab; use spaces instead".to_string(),
        '\n' | '\r' => "contains a line break, which is not allowed here".to_string(),
        '\u{1b}' => "contains an escape character (U+001B); remove it".to_string(),
        c if c.is_control() => {
            format!(
                "contains the control character U+{:04X}; remove it",
                u32::from(c)
            )
        }
        c => format!(
            "contains the invisible formatting character U+{:04X} (bidi, zero-width, tag, \
             variation selector or soft hyphen); remove it",
            u32::from(c)
        ),
    }
}

/// Make any string safe to print: unsafe characters become visible `\u{..}` escapes. Line breaks
/// are kept when `keep_newlines` is set (multi-line text for a person to read), else become
/// spaces.
#[must_use]
pub fn clean(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue; // a Windows line break: the \n that follows stands for it
        }
        if c == '\n' {
            // Kept for text shown over several lines; a space where one line is wanted.
            out.push(if keep_newlines { '\n' } else { ' ' });
        } else if is_unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Drops what must not be stored from typed or pasted text: control and invisible formatting
/// characters go, a tab becomes a space, line breaks stay only when `keep_newlines` is set.
#[must_use]
pub fn strip_unsafe(text: &str, keep_newlines: bool) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' | '\r' if keep_newlines => Some('\n'),
            c if is_unsafe_char(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Cleans one line of text: no line breaks, no control characters.
#[must_use]
pub fn clean_line(text: &str) -> String {
    clean(text, false)
}

/// A file name made safe to print and still exact: a line break in it is escaped like any other
/// control character (`\u{a}`), not turned into a space that would name another file.
#[must_use]
pub fn clean_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if is_unsafe_char(c) || c == '\n' || c == '\r' {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` followed by spaces up to `width` terminal columns (wide characters count twice).
#[must_use]
pub fn pad_end(text: &str, width: usize) -> String {
    let used = textwrap::core::display_width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// 1-based line and column (in characters) of a byte offset in `source`.
#[must_use]
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(s: &str, mut index: usize) -> usize {
    while !s.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_bidi_are_refused_and_cleaned() {
        assert!(text_problem("a\u{1b}[31mb", true).is_some());
        assert!(text_problem("abc\u{202E}def", true).is_some());
        assert!(text_problem("zero\u{200B}width", true).is_some());
        assert!(text_problem("tab\there", true).unwrap().contains("tab"));
        assert_eq!(text_problem("two\nlines", true), None);
        assert!(text_problem("two\nlines", false).is_some());
        assert_eq!(text_problem("crlf\r\nok", true), None);
        assert!(text_problem("lone\rcr", true).is_some());
        assert_eq!(clean_line("a\u{1b}[2Jb\u{202E}"), "a\\u{1b}[2Jb\\u{202e}");
        assert_eq!(clean_line("two\r\nlines\nhere"), "two lines here");
        assert_eq!(clean("two\r\nlines", true), "two\nlines");
    }

    #[test]
    fn line_column_counts_characters() {
        let src = "ab\nçd = 1\n";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 3), (2, 1));
        assert_eq!(line_column(src, 5), (2, 2));
        assert_eq!(line_column(src, 999), (3, 1));
    }
}
