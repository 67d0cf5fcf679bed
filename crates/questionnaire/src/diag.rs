//! Diagnostics: a problem found in a file, where it is, and how it is shown to a person.
//! Every message is cleaned before it is printed, so nothing from a file reaches the terminal raw.

use std::fmt::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::text::{clean_line, line_column};

/// How serious a diagnostic is: errors make a file invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a file, located by a byte span in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Range<usize>,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Diagnostic {
    fn new(severity: Severity, source: &str, span: Range<usize>, message: &str) -> Self {
        let (line, column) = line_column(source, span.start);
        Self {
            severity,
            span,
            line,
            column,
            message: clean_line(message),
        }
    }

    #[must_use]
    pub fn error(source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, source, span, &message.into())
    }

    #[must_use]
    pub fn warning(source: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, source, span, &message.into())
    }

    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The one-line form `FILE:LINE:COLUMN: message` (warnings say so).
    #[must_use]
    pub fn headline(&self, file: &str) -> String {
        let kind = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        format!(
            "{}:{}:{}: {kind}{}",
            clean_line(file),
            self.line,
            self.column,
            self.message
        )
    }

    /// The headline followed by the source lines it points at, with control characters made
    /// visible by annotate-snippets.
    #[must_use]
    pub fn render(&self, file: &str, source: &str) -> String {
        let mut out = self.headline(file);
        let (lines, first_line, span) = surrounding_lines(source, &self.span);
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let group = Group::with_level(level).element(
            Snippet::source(lines).line_start(first_line).annotation(
                AnnotationKind::Primary
                    .span(span)
                    .label(self.message.as_str()),
            ),
        );
        let snippet = Renderer::plain().render(&[group]);
        for line in snippet.lines() {
            // annotate-snippets already shows control characters visibly; clean again so that a
            // bidi override in the source cannot reorder the terminal line either.
            let _ = write!(out, "\n{}", clean_line(line));
        }
        out
    }
}

/// The whole lines of `source` that hold `span` (a window, so rendering stays cheap on big
/// files), the 1-based number of the first one, and the span relative to them.
fn surrounding_lines<'a>(source: &'a str, span: &Range<usize>) -> (&'a str, usize, Range<usize>) {
    let start = clamp_to_boundary(source, span.start);
    let end = clamp_to_boundary(source, span.end.max(start));
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
    // A span over many lines (a whole table) is cut to its first line.
    if let Some(first_break) = source[line_start..line_end].find('\n') {
        line_end = line_start + first_break;
    }
    let first_line = source[..line_start].matches('\n').count() + 1;
    let rel_start = start - line_start;
    let rel_end = (end.min(line_end) - line_start).max(rel_start);
    (
        &source[line_start..line_end],
        first_line,
        rel_start..rel_end,
    )
}

fn clamp_to_boundary(source: &str, index: usize) -> usize {
    let mut index = index.min(source.len());
    while !source.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Counts of errors and warnings, for a closing summary line.
#[must_use]
pub fn summary(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_names_file_line_and_column() {
        let src = "a = 1\nb = \"x\"\n";
        let d = Diagnostic::error(src, 10..13, "bad b");
        assert_eq!(d.headline("f.toml"), "f.toml:2:5: bad b");
        let rendered = d.render("f.toml", src);
        assert!(rendered.contains("2 | b = \"x\""), "{rendered}");
        assert!(rendered.contains("^^^ bad b"), "{rendered}");
    }

    #[test]
    fn rendering_never_prints_raw_escapes() {
        let src = "a = \"\u{1b}[31mred\u{202E}\"\n";
        let d = Diagnostic::error(src, 4..src.len() - 1, "evil \u{1b}[2J message");
        let rendered = d.render("evil\u{1b}.toml", src);
        assert!(!rendered.contains('\u{1b}'), "{rendered:?}");
        assert!(!rendered.contains('\u{202E}'), "{rendered:?}");
    }
}
