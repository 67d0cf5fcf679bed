//! `groupfit score`: score saved answers files in any report format. A bad file is reported and
//! skipped; the others are still scored, and the exit code says that something failed.

use std::path::Path;

use groupfit::answers::{self, Answers};
use groupfit::diag::Diagnostic;
use groupfit::questionnaire::Questionnaire;
use groupfit::report::{self, Provenance};
use groupfit::scoring::{self, Outcome};

use super::args::{Format, ScoreArgs};
use super::files::{self, display_name};
use super::output::{self, Output};
use super::{Exit, export};

struct Scored {
    name: String,
    answers: Answers,
    outcome: Outcome,
}

pub fn score(args: &ScoreArgs, out: &mut Output) -> Exit {
    let Some(questionnaire) = files::questionnaire(args.questions.as_deref()) else {
        return Exit::Invalid;
    };
    let Ok(region) = files::region(args.region.as_deref()) else {
        return Exit::Invalid;
    };
    let mut exit = Exit::Success;
    let mut scored = Vec::with_capacity(args.answers.len());
    for path in &args.answers {
        match score_file(&questionnaire, path) {
            Some(s) => scored.push(s),
            None => exit = Exit::Invalid,
        }
    }
    let provenance = export::provenance(false, region.as_deref());
    let report = render(&questionnaire, &scored, args.format, &provenance);
    match &args.output {
        None => out.write(&report),
        Some(path) => match export::write_private(path, report.as_bytes(), args.force) {
            Ok(()) => output::diagnostics(&format!("groupfit: {}", export::written_note(path))),
            Err(message) => {
                output::error(&message);
                return Exit::Failure;
            }
        },
    }
    exit
}

/// Diagnostics about an answers file are printed as headlines only: the source line would show
/// the person's answer, and answers never go into error output.
fn headlines(name: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(|d| d.headline(name)).collect()
}

fn score_file(questionnaire: &Questionnaire, path: &Path) -> Option<Scored> {
    let name = display_name(Some(path));
    let bytes = files::read(path)
        .map_err(|message| output::error(&message))
        .ok()?;
    match answers::load(&bytes, questionnaire) {
        Ok(loaded) => {
            let warnings = headlines(&name, &loaded.warnings);
            for warning in &warnings {
                output::diagnostics(warning);
            }
            let mut outcome = scoring::score(questionnaire, &loaded.answers);
            outcome.warnings = warnings;
            Some(Scored {
                name,
                answers: loaded.answers,
                outcome,
            })
        }
        Err(diagnostics) => {
            for line in headlines(&name, &diagnostics) {
                output::diagnostics(&line);
            }
            output::error(&format!("{name}: not scored; fix the problems above"));
            None
        }
    }
}

fn render(
    questionnaire: &Questionnaire,
    scored: &[Scored],
    format: Format,
    provenance: &Provenance,
) -> String {
    match format {
        Format::Csv => {
            let mut lines = vec![report::csv_header(questionnaire)];
            lines.extend(scored.iter().map(|s| report::csv_row(&s.name, &s.outcome)));
            lines.join("\n") + "\n"
        }
        Format::Json => json(questionnaire, scored, provenance),
        Format::Fhir => fhir(questionnaire, scored, provenance),
        Format::Text | Format::Markdown | Format::Html => {
            let one = |s: &Scored| match format {
                Format::Markdown => {
                    report::markdown(questionnaire, &s.answers, &s.outcome, provenance, None)
                }
                Format::Html => {
                    report::html(questionnaire, &s.answers, &s.outcome, provenance, None)
                }
                _ => report::record_text(questionnaire, &s.answers, &s.outcome, provenance, None),
            };
            match scored {
                [single] => one(single),
                many => many
                    .iter()
                    .map(|s| {
                        format!(
                            "==> {} <==\n{}",
                            groupfit::text::clean_line(&s.name),
                            one(s)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            }
        }
    }
}

/// A FHIR collection `Bundle`: for each file, its `QuestionnaireResponse` and the `Observation`
/// of its result.
fn fhir(questionnaire: &Questionnaire, scored: &[Scored], provenance: &Provenance) -> String {
    let entries: Vec<serde_json::Value> = scored
        .iter()
        .flat_map(|s| report::fhir_entries(questionnaire, &s.answers, &s.outcome, provenance))
        .collect();
    serde_json::to_string_pretty(&report::fhir_bundle(&entries)).unwrap_or_default() + "\n"
}

/// One file: the result object of CONTRACT.md (plus `provenance`). Several: an array of them,
/// each with its `file`.
fn json(questionnaire: &Questionnaire, scored: &[Scored], provenance: &Provenance) -> String {
    let value = match scored {
        [single] => report::json_value(questionnaire, &single.outcome, provenance, None),
        many => many
            .iter()
            .map(|s| {
                let mut v = report::json_value(questionnaire, &s.outcome, provenance, None);
                if let Some(object) = v.as_object_mut() {
                    object.insert("file".to_string(), s.name.clone().into());
                }
                v
            })
            .collect(),
    };
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
