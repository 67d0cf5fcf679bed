//! The TOML layer shared by the questionnaire and answers loaders: size and encoding limits,
//! parsing into a spanned tree, the scan that refuses unsafe text and non-finite numbers
//! anywhere in a file, and per-section deserialization that keeps every error's location.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::diag::Diagnostic;
use crate::text::text_problem;

/// Files above this size are refused before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// The longest text value accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Checks size and encoding. On failure, the diagnostic is located in the lossy text.
pub fn read_text(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "",
            0..0,
            "the file is over the 1 MiB limit; is this the right file?",
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let lossy = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let at = lossy.len();
        Diagnostic::error(
            &lossy,
            at..at,
            "the file is not valid UTF-8 text; save it as UTF-8 and try again",
        )
    })
}

/// Parses a whole document. A syntax error stops here: nothing after it can be trusted.
pub fn parse(text: &str) -> Result<Spanned<DeTable<'_>>, Diagnostic> {
    DeTable::parse(text).map_err(|e| from_toml_error(text, &e, ""))
}

/// Turns a `toml` error into a diagnostic. Only its message and span are used: the error's own
/// `Display` would echo raw bytes of the file, escape sequences included.
#[must_use]
pub fn from_toml_error(text: &str, error: &toml::de::Error, context: &str) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = error.message().trim_end().replace('\n', "; ");
    Diagnostic::error(text, span, format!("{context}{message}"))
}

/// Deserializes one value of the tree into its raw type; a failure is prefixed with `context`
/// (formatted only then).
pub fn deserialize<T: DeserializeOwned>(
    text: &str,
    value: Spanned<DeValue<'_>>,
    context: &dyn std::fmt::Display,
) -> Result<T, Diagnostic> {
    T::deserialize(ValueDeserializer::from(value))
        .map_err(|e| from_toml_error(text, &e, &format!("{context}: ")))
}

/// Scans every key and value: control and bidi characters in any text, over-long text, and
/// non-finite numbers are refused wherever they are. `multiline_keys` may hold line breaks.
#[must_use]
pub fn scan(text: &str, table: &DeTable<'_>, multiline_keys: &[&str]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    scan_table(text, table, multiline_keys, &mut found);
    found
}

fn scan_table(text: &str, table: &DeTable<'_>, multiline: &[&str], found: &mut Vec<Diagnostic>) {
    for (key, value) in table {
        if let Some(problem) = text_problem(key.get_ref(), false) {
            found.push(Diagnostic::error(
                text,
                key.span(),
                format!("a key {problem}"),
            ));
        }
        let allow_lines = multiline.contains(&key.get_ref().as_ref());
        scan_value(text, key.get_ref(), value, allow_lines, multiline, found);
    }
}

fn scan_value(
    text: &str,
    key: &str,
    value: &Spanned<DeValue<'_>>,
    allow_lines: bool,
    multiline: &[&str],
    found: &mut Vec<Diagnostic>,
) {
    match value.get_ref() {
        DeValue::String(s) => {
            if let Some(problem) = text_problem(s, allow_lines) {
                found.push(Diagnostic::error(
                    text,
                    value.span(),
                    format!("`{key}` {problem}"),
                ));
            } else if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
                found.push(Diagnostic::error(
                    text,
                    value.span(),
                    format!("`{key}` is longer than {MAX_TEXT_CHARS} characters; shorten it"),
                ));
            }
        }
        DeValue::Float(f) => {
            let raw = f.as_str();
            if raw.contains("nan") || raw.contains("inf") {
                found.push(Diagnostic::error(
                    text,
                    value.span(),
                    format!("`{key}` must be a finite number, not nan or inf"),
                ));
            }
        }
        DeValue::Array(items) => {
            for item in items {
                scan_value(text, key, item, allow_lines, multiline, found);
            }
        }
        DeValue::Table(inner) => scan_table(text, inner, multiline, found),
        DeValue::Integer(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {}
    }
}

/// The id of a table, if it has a string `id`: used to name a question in a message even when
/// the rest of it cannot be read.
#[must_use]
pub fn table_id<'a>(value: &'a DeValue<'_>) -> Option<&'a str> {
    value.as_table()?.get("id")?.get_ref().as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_finite_numbers_are_refused() {
        let text = "a = nan\nb = [1.0, -inf]\nc = 2.5\n";
        let table = parse(text).unwrap();
        let found = scan(text, table.get_ref(), &[]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].line, found[0].column), (1, 5));
        assert_eq!(found[1].line, 2);
    }

    #[test]
    fn syntax_error_message_has_no_raw_escape() {
        let text = "a = \"\u{1b}[31m\n";
        let d = parse(text).unwrap_err();
        assert!(!d.message.contains('\u{1b}'));
        assert_eq!(d.line, 1);
    }

    #[test]
    fn escaped_control_characters_are_found() {
        let text = "prompt = \"red \\u001b[31m\"\nintro = \"a\\nb\"\n";
        let table = parse(text).unwrap();
        let found = scan(text, table.get_ref(), &["intro"]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("escape"));
    }
}
