//! A batch of answers files for `groupfit score`, streamed: where the paths come from (the
//! command line, a folder's `*.toml`, or `--answers-from` one a line), and a report written a
//! file at a time, so that a clinic's year of records is scored in constant memory.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use groupfit::plain::{InputLine, read_line};
use groupfit::questionnaire::Questionnaire;
use groupfit::report::{self, Provenance, Record};

use super::files::display_name;

/// The longest line of a list of answers files worth reading: longer than any path (`PATH_MAX`
/// is 4096 on Linux).
const MAX_LIST_LINE: usize = 4096;
use super::output;
use super::score::Scored;
use groupfit::report::Format;

/// The answers files of a batch, in order: each `--answers` path (a folder gives its `*.toml`
/// files, by name), then each line of `--answers-from` (read as the batch goes). A path that
/// cannot be listed is an `Err`, reported by the caller, and the batch goes on.
pub struct Sources {
    given: std::collections::VecDeque<PathBuf>,
    listed: std::vec::IntoIter<PathBuf>,
    from: Option<Box<dyn BufRead>>,
    /// The list file's name, for messages.
    from_name: String,
}

impl Sources {
    /// `answers_from` of `-` reads standard input.
    pub fn new(answers: &[PathBuf], answers_from: Option<&Path>) -> Result<Self, String> {
        let from: Option<Box<dyn BufRead>> = match answers_from {
            None => None,
            Some(path) if path.as_os_str() == "-" => {
                Some(Box::new(BufReader::new(std::io::stdin())))
            }
            Some(path) => {
                let file = std::fs::File::open(path).map_err(|e| {
                    format!(
                        "cannot read --answers-from {}: {e}",
                        display_name(Some(path))
                    )
                })?;
                Some(Box::new(BufReader::new(file)))
            }
        };
        Ok(Self {
            given: answers.iter().cloned().collect(),
            listed: Vec::new().into_iter(),
            from,
            from_name: answers_from.map_or_else(String::new, |p| display_name(Some(p))),
        })
    }

    /// True when more than one file may come: the report then names each one.
    pub fn may_be_many(answers: &[PathBuf], answers_from: Option<&Path>) -> bool {
        answers.len() > 1 || answers_from.is_some() || answers.iter().any(|p| p.is_dir())
    }

    fn next_from_list(&mut self) -> Option<Result<PathBuf, String>> {
        let reader = self.from.as_mut()?;
        loop {
            // A line is read with a cap, so a list with no line ends (`/dev/zero`) cannot grow
            // memory without bound.
            let refused = match read_line(reader, MAX_LIST_LINE) {
                Ok(None) => return None,
                Ok(Some(InputLine::Text(path))) if path.is_empty() => continue,
                Ok(Some(InputLine::Text(path))) => return Some(Ok(PathBuf::from(path))),
                Ok(Some(InputLine::TooLong)) => {
                    format!(
                        "{}: a line is longer than any file name ({MAX_LIST_LINE} bytes); skipped",
                        self.from_name
                    )
                }
                Ok(Some(InputLine::NotText)) => {
                    format!("{}: a line is not UTF-8 text; skipped", self.from_name)
                }
                Ok(Some(InputLine::Endless)) => {
                    self.from = None;
                    format!(
                        "{}: no line ends: this is not a list of file names, one a line",
                        self.from_name
                    )
                }
                Err(e) => {
                    self.from = None;
                    format!("cannot read {}: {e}", self.from_name)
                }
            };
            return Some(Err(refused));
        }
    }
}

impl Iterator for Sources {
    type Item = Result<PathBuf, String>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(path) = self.listed.next() {
            return Some(Ok(path));
        }
        if let Some(path) = self.given.pop_front() {
            if !path.is_dir() {
                return Some(Ok(path));
            }
            match toml_files_in(&path) {
                Ok(files) => self.listed = files.into_iter(),
                Err(message) => return Some(Err(message)),
            }
            return self.next();
        }
        self.next_from_list()
    }
}

/// A folder's `*.toml` files, by name (a folder's order on disk is not an order).
fn toml_files_in(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|e| format!("cannot list {}: {e}", display_name(Some(folder))))?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && !path.is_dir())
        .collect();
    files.sort();
    Ok(files)
}

/// A report made of many files' parts, written as each file is scored: the CSV header once,
/// then a row a file; a JSON array; text or Markdown records under `==> FILE <==`. One file
/// alone is reported as it always was (one JSON object, one record without a header). FHIR
/// gathers its entries into one Bundle at the end.
pub struct Report<'q> {
    questionnaire: &'q Questionnaire,
    format: Format,
    many: bool,
    written: usize,
    fhir: Vec<serde_json::Value>,
}

impl<'q> Report<'q> {
    pub fn new(questionnaire: &'q Questionnaire, format: Format, many: bool) -> Self {
        Self {
            questionnaire,
            format,
            many,
            written: 0,
            fhir: Vec::new(),
        }
    }

    /// What comes before the first file's part.
    pub fn opening(&self) -> String {
        match self.format {
            Format::Csv => report::csv_header(self.questionnaire) + report::CSV_LINE_END,
            Format::Json if self.many => "[\n".to_string(),
            _ => String::new(),
        }
    }

    /// One scored file's part of the report, with its own provenance (a clinician's file is a
    /// clinician's record, whatever the rest of the batch is).
    pub fn part(&mut self, scored: &Scored, provenance: &Provenance) -> String {
        let q = self.questionnaire;
        let first = self.written == 0;
        self.written += 1;
        let clinician = scored.clinician.as_ref();
        let record = Record {
            questionnaire: q,
            answers: &scored.answers,
            outcome: &scored.outcome,
            provenance,
            clinician,
        };
        match self.format {
            Format::Csv => report::csv_row(&scored.name, &record) + report::CSV_LINE_END,
            Format::Json => {
                let mut value = report::json_value(&record);
                if !self.many {
                    return serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
                }
                if let Some(object) = value.as_object_mut() {
                    object.insert("file".to_string(), scored.name.clone().into());
                }
                // As an element of the pretty-printed array: indented one level.
                let element = serde_json::to_string_pretty(&value)
                    .unwrap_or_default()
                    .lines()
                    .map(|line| format!("  {line}"))
                    .collect::<Vec<_>>()
                    .join("\n");
                let comma = if first { "" } else { ",\n" };
                format!("{comma}{element}")
            }
            Format::Fhir => {
                self.fhir.extend(report::fhir_entries(&record));
                String::new()
            }
            Format::Text | Format::Markdown | Format::Html => {
                let text = self.format.render(&record);
                if !self.many {
                    return text;
                }
                // A name is the person's: in Markdown it must not become a link, an image or
                // HTML.
                let name = if self.format == Format::Markdown {
                    report::markdown_text(&scored.name)
                } else {
                    groupfit::text::clean_name(&scored.name)
                };
                let gap = if first { "" } else { "\n" };
                format!("{gap}==> {name} <==\n{text}")
            }
        }
    }

    /// What comes after the last file's part.
    pub fn closing(&mut self) -> String {
        match self.format {
            Format::Json if self.many => {
                if self.written == 0 {
                    "]\n".to_string()
                } else {
                    "\n]\n".to_string()
                }
            }
            Format::Fhir => {
                let entries = std::mem::take(&mut self.fhir);
                serde_json::to_string_pretty(&report::fhir_bundle(&entries)).unwrap_or_default()
                    + "\n"
            }
            _ => String::new(),
        }
    }

    /// How many files' parts were written.
    pub fn written(&self) -> usize {
        self.written
    }
}

/// Says at the end which files failed and why (each was said as it failed, too), so that a long
/// batch's failures are not lost in its output.
pub fn summarise_failures(failed: &Failures) {
    if failed.count == 0 {
        return;
    }
    let more = failed.count - failed.named.len();
    let rest = if more > 0 {
        format!(", and {more} more")
    } else {
        String::new()
    };
    output::error(&format!(
        "{} answers file(s) could not be scored (see above): {}{rest}",
        failed.count,
        failed.named.join(", ")
    ));
}

/// The files a batch could not score: how many, and the first few by name (the rest are
/// counted, so that the summary stays short and memory flat).
#[derive(Default)]
pub struct Failures {
    pub count: usize,
    pub named: Vec<String>,
}

impl Failures {
    const NAMED: usize = 20;

    pub fn add(&mut self, name: String) {
        self.count += 1;
        if self.named.len() < Self::NAMED {
            self.named.push(name);
        }
    }
}
