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

/// The byte-order mark some editors put at the start of a file.
const BOM: &str = "\u{feff}";

/// The text diagnostics are located in and shown against: the file's bytes as text (invalid
/// UTF-8 replaced), without a byte-order mark, which would shift every caret on line 1.
#[must_use]
pub fn source_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes.strip_prefix(BOM.as_bytes()).unwrap_or(bytes))
}

/// Checks size and encoding, and drops a byte-order mark. On failure, the diagnostic is located
/// in the lossy text.
pub fn read_text(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "",
            0..0,
            "the file is over the 1 MiB limit; is this the right file?",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let lossy = source_text(&bytes[..e.valid_up_to()]);
        let at = lossy.len();
        Diagnostic::error(
            &lossy,
            at..at,
            "the file is not valid UTF-8 text; save it as UTF-8 and try again",
        )
    })?;
    Ok(text.strip_prefix(BOM).unwrap_or(text))
}

/// Parses a whole document. A syntax error stops here: nothing after it can be trusted.
pub fn parse(text: &str) -> Result<Spanned<DeTable<'_>>, Diagnostic> {
    DeTable::parse(text).map_err(|e| {
        let found = from_toml_error(text, &e, "");
        if e.span().is_none_or(|s| s.is_empty() && s.start == 0)
            && e.message().contains("recursion")
        {
            // The parser gives no place for this one: point at the line that nests deepest.
            let at = deepest_line(text);
            return Diagnostic::error(text, at..at, found.message);
        }
        found
    })
}

/// The start of the line that nests deepest (dotted keys, brackets and braces outside strings):
/// where a "recursion limit" comes from.
fn deepest_line(text: &str) -> usize {
    let mut best = (0, 0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let mut depth = 0usize;
        let mut quoted = None;
        for c in line.chars() {
            match (quoted, c) {
                (Some(q), c) if c == q => quoted = None,
                (None, '"' | '\'') => quoted = Some(c),
                (None, '#') => break,
                (None, '.' | '[' | '{') => depth += 1,
                _ => {}
            }
        }
        if depth > best.1 {
            let indent = line.len() - line.trim_start().len();
            best = (start + indent, depth);
        }
        start += line.len();
    }
    best.0
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
/// non-finite numbers are refused wherever they are. `multiline_keys` may hold line breaks. Each
/// message names where it is (`question "p1", option "tips": label ...`), so a log line stands
/// on its own.
#[must_use]
pub fn scan(text: &str, table: &DeTable<'_>, multiline_keys: &[&str]) -> Vec<Diagnostic> {
    let mut scanner = Scanner {
        text,
        multiline: multiline_keys,
        found: Vec::new(),
    };
    scanner.table(table, &Where::Top);
    scanner.found
}

struct Scanner<'a> {
    text: &'a str,
    multiline: &'a [&'a str],
    found: Vec<Diagnostic>,
}

/// Where the scanner is, written out only for a message: a valid file never pays for the names
/// (formatting them for every table was a tenth of loading the default questionnaire).
enum Where<'a, 'i> {
    Top,
    Table {
        parent: &'a Where<'a, 'i>,
        key: &'a str,
    },
    Item {
        parent: &'a Where<'a, 'i>,
        key: &'a str,
        item: &'a DeValue<'i>,
        index: usize,
    },
}

impl std::fmt::Display for Where<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Top => Ok(()),
            Self::Table {
                parent: Self::Top,
                key,
            } => write!(f, "[{key}]"),
            Self::Table { parent, key } => write!(f, "{parent}, {key}"),
            Self::Item {
                parent,
                key,
                item,
                index,
            } => f.write_str(&item_context(&parent.to_string(), key, item, *index)),
        }
    }
}

impl Scanner<'_> {
    fn error(&mut self, span: std::ops::Range<usize>, at: &Where<'_, '_>, message: String) {
        let context = at.to_string();
        let message = if context.is_empty() {
            message
        } else {
            format!("{context}: {message}")
        };
        self.found.push(Diagnostic::error(self.text, span, message));
    }

    fn table(&mut self, table: &DeTable<'_>, at: &Where<'_, '_>) {
        for (key, value) in table {
            if let Some(problem) = text_problem(key.get_ref(), false) {
                self.error(key.span(), at, format!("a key {problem}"));
            }
            let allow_lines = self.multiline.contains(&key.get_ref().as_ref());
            self.value(key.get_ref(), value, allow_lines, at);
        }
    }

    fn value(
        &mut self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        allow_lines: bool,
        at: &Where<'_, '_>,
    ) {
        match value.get_ref() {
            DeValue::String(s) => {
                if let Some(problem) = text_problem(s, allow_lines) {
                    self.error(value.span(), at, format!("`{key}` {problem}"));
                } else if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
                    self.error(
                        value.span(),
                        at,
                        format!("`{key}` is longer than {MAX_TEXT_CHARS} characters; shorten it"),
                    );
                }
            }
            DeValue::Float(f) => {
                let raw = f.as_str();
                if raw.contains("nan") || raw.contains("inf") {
                    self.error(
                        value.span(),
                        at,
                        format!("`{key}` must be a finite number, not nan or inf"),
                    );
                }
            }
            DeValue::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    match item.get_ref() {
                        DeValue::Table(inner) => {
                            let item_at = Where::Item {
                                parent: at,
                                key,
                                item: item.get_ref(),
                                index,
                            };
                            self.table(inner, &item_at);
                        }
                        _ => self.value(key, item, allow_lines, at),
                    }
                }
            }
            DeValue::Table(inner) => self.table(inner, &Where::Table { parent: at, key }),
            DeValue::Integer(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {}
        }
    }
}

/// How a message names an element of an array: a question, an option, a dimension or a crisis
/// line by its id (or service), anything else by its position.
fn item_context(context: &str, key: &str, item: &DeValue<'_>, index: usize) -> String {
    let named = |what: &str, name: Option<&str>| {
        let name = name.map_or_else(|| format!("#{}", index + 1), |n| format!("\"{n}\""));
        if context.is_empty() {
            format!("{what} {name}")
        } else {
            format!("{context}, {what} {name}")
        }
    };
    let field = |f: &str| item.as_table()?.get(f)?.get_ref().as_str();
    match key {
        "questions" => named("question", field("id")),
        "options" => named("option", field("id")),
        "dimensions" => named("dimension", field("id")),
        "crisis" => named("crisis line", field("service")),
        other => named(other, None),
    }
}

/// Removes from a table every key not in `fields`, reporting each at its place, so that the
/// table's other problems can still be found (serde stops at the first unknown field). A value
/// that is not a table is left for deserialization to refuse.
pub fn strip_unknown(
    text: &str,
    value: &mut Spanned<DeValue<'_>>,
    fields: &[&str],
    context: &dyn std::fmt::Display,
    found: &mut Vec<Diagnostic>,
) {
    let DeValue::Table(table) = value.get_mut() else {
        return;
    };
    let unknown: Vec<(String, std::ops::Range<usize>)> = table
        .keys()
        .filter(|key| !fields.contains(&key.get_ref().as_ref()))
        .map(|key| (key.get_ref().to_string(), key.span()))
        .collect();
    if unknown.is_empty() {
        return; // the usual case: the list of fields is written only for a message
    }
    let expected: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
    for (key, span) in unknown {
        found.push(Diagnostic::error(
            text,
            span,
            format!(
                "{context}: unknown field `{key}`, expected one of {}",
                expected.join(", ")
            ),
        ));
        table.remove(key.as_str());
    }
}

/// The tables of an array value, for stripping nested tables (a question's options).
pub fn tables_mut<'v, 'i>(
    value: &'v mut Spanned<DeValue<'i>>,
) -> impl Iterator<Item = &'v mut Spanned<DeValue<'i>>> {
    let items = match value.get_mut() {
        DeValue::Array(items) => Some(items.iter_mut()),
        _ => None,
    };
    items.into_iter().flatten()
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
