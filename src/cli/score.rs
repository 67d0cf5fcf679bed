//! `groupfit score`: score saved answers files in any report format. A bad file is reported and
//! skipped; the others are still scored, and the exit code says that something failed.

use std::path::{Path, PathBuf};

use groupfit::answers::{self, Answers};
use groupfit::clinician::ClinicianRecord;
use groupfit::diag::Diagnostic;
use groupfit::questionnaire::Questionnaire;
use groupfit::report::{self, Provenance};
use groupfit::scoring::{self, Outcome};

use super::args::{Format, ScoreArgs};
use super::files::{self, display_name};
use super::output::{self, Output};
use super::{Exit, export};

struct Scored {
    path: PathBuf,
    name: String,
    answers: Answers,
    outcome: Outcome,
    /// A clinician's notes, reference and override saved with the answers.
    clinician: Option<ClinicianRecord>,
}

pub fn score(args: &ScoreArgs, out: &mut Output) -> Exit {
    if args.format == Format::Html && args.answers.len() > 1 && args.output_dir.is_none() {
        output::error(
            "--format html makes one page per answers file; give --output-dir DIR to write one \
             file for each",
        );
        return Exit::Invalid;
    }
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
    // Answers saved in clinician mode carry a [clinician] table; their records say so.
    let clinician = scored.iter().any(|s| s.clinician.is_some());
    let provenance = export::provenance(clinician, region.as_deref());
    let mut protected: Vec<&Path> = args.answers.iter().map(PathBuf::as_path).collect();
    protected.extend(args.questions.as_deref());
    let destination = Destination {
        force: args.force,
        protected: &protected,
    };
    let written = match (&args.output, &args.output_dir) {
        (Some(path), _) => {
            if let Some(refusal) = single_file_refusal(path, &scored, exit, args.force) {
                output::error(&refusal);
                return Exit::Invalid;
            }
            destination.write(
                path,
                &render(&questionnaire, &scored, args.format, &provenance),
            )
        }
        (None, Some(dir)) => {
            destination.write_each(dir, &questionnaire, &scored, args.format, &provenance)
        }
        (None, None) => {
            out.write(&render(&questionnaire, &scored, args.format, &provenance));
            Ok(())
        }
    };
    match written {
        Ok(()) => exit,
        Err(()) => Exit::Failure,
    }
}

/// Why `--output FILE` must not be written, if it must not: nothing was scored (an empty
/// report is not a report), or some answers files failed and `--force` would replace an
/// existing file with a report that lacks them (nothing already written is replaced by
/// something worse).
fn single_file_refusal(path: &Path, scored: &[Scored], exit: Exit, force: bool) -> Option<String> {
    let name = display_name(Some(path));
    if scored.is_empty() {
        return Some(format!(
            "no answers file could be scored, so nothing was written to {name}; fix the problems \
             above and run it again"
        ));
    }
    let replacing = force && std::fs::symlink_metadata(path).is_ok();
    (exit != Exit::Success && replacing).then(|| {
        format!(
            "{name} was not replaced: some answers files could not be scored (above), and the \
             report would leave them out; fix them, or write to a new file"
        )
    })
}

/// Where reports go when they go to files, and what must never be replaced.
struct Destination<'a> {
    force: bool,
    protected: &'a [&'a Path],
}

impl Destination<'_> {
    /// Writes one report privately and says where; `Err` has been reported.
    fn write(&self, path: &Path, report: &str) -> Result<(), ()> {
        let target = export::Target {
            path,
            force: self.force,
            force_offered: true,
            protected: self.protected,
        };
        match export::write_private(&target, report.as_bytes()) {
            Ok(written) => {
                output::diagnostics(&format!("groupfit: {}", written.note()));
                Ok(())
            }
            Err(message) => {
                output::error(&message);
                Err(())
            }
        }
    }

    /// One report per answers file, named after it (`a.toml` gives `a.html`; a name already
    /// used in this batch gets `-2`, `-3`, ...). Every file is attempted; `Err` if any failed.
    fn write_each(
        &self,
        dir: &Path,
        questionnaire: &Questionnaire,
        scored: &[Scored],
        format: Format,
        provenance: &Provenance,
    ) -> Result<(), ()> {
        if !dir.is_dir() {
            output::error(&format!(
                "--output-dir {}: not an existing folder",
                display_name(Some(dir))
            ));
            return Err(());
        }
        let mut used: Vec<PathBuf> = Vec::new();
        let mut result = Ok(());
        for one in scored {
            let stem = one
                .path
                .file_stem()
                .map_or_else(|| "answers".into(), |s| s.to_string_lossy().into_owned());
            let path = (1..=scored.len())
                .map(|n| {
                    let suffix = if n == 1 {
                        String::new()
                    } else {
                        format!("-{n}")
                    };
                    dir.join(format!("{stem}{suffix}.{}", extension(format)))
                })
                .find(|p| !used.contains(p))
                .unwrap_or_else(|| dir.join("report"));
            used.push(path.clone());
            let report = render(questionnaire, std::slice::from_ref(one), format, provenance);
            if self.write(&path, &report).is_err() {
                result = Err(());
            }
        }
        result
    }
}

/// The file name extension of a format.
fn extension(format: Format) -> &'static str {
    match format {
        Format::Text => "txt",
        Format::Json => "json",
        Format::Markdown => "md",
        Format::Csv => "csv",
        Format::Html => "html",
        Format::Fhir => "fhir.json",
    }
}

/// Diagnostics about an answers file are printed as headlines only: the source line would show
/// the person's answer, and answers never go into error output.
fn headlines(name: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(|d| d.headline(name)).collect()
}

fn score_file(questionnaire: &Questionnaire, path: &Path) -> Option<Scored> {
    let name = display_name(Some(path));
    let bytes = files::read(path, "answers file")
        .map_err(|e| output::error(&format!("{e:#}")))
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
                path: path.to_path_buf(),
                name,
                answers: loaded.answers,
                outcome,
                clinician: loaded.clinician,
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
            lines.extend(
                scored
                    .iter()
                    .map(|s| report::csv_row(&s.name, &s.outcome, provenance)),
            );
            lines.join("\n") + "\n"
        }
        Format::Json => json(questionnaire, scored, provenance),
        Format::Fhir => fhir(questionnaire, scored, provenance),
        Format::Text | Format::Markdown | Format::Html => {
            let one = |s: &Scored| match format {
                Format::Markdown => report::markdown(
                    questionnaire,
                    &s.answers,
                    &s.outcome,
                    provenance,
                    s.clinician.as_ref(),
                ),
                Format::Html => report::html(
                    questionnaire,
                    &s.answers,
                    &s.outcome,
                    provenance,
                    s.clinician.as_ref(),
                ),
                _ => report::record_text(
                    questionnaire,
                    &s.answers,
                    &s.outcome,
                    provenance,
                    s.clinician.as_ref(),
                ),
            };
            match scored {
                [single] => one(single),
                many => many
                    .iter()
                    .map(|s| {
                        // A name is the person's: in Markdown it must not become a link,
                        // an image or HTML.
                        let name = if format == Format::Markdown {
                            report::markdown_text(&s.name)
                        } else {
                            groupfit::text::clean_line(&s.name)
                        };
                        format!("==> {name} <==\n{}", one(s))
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
        .flat_map(|s| {
            report::fhir_entries(
                questionnaire,
                &s.answers,
                &s.outcome,
                provenance,
                s.clinician.as_ref(),
            )
        })
        .collect();
    serde_json::to_string_pretty(&report::fhir_bundle(&entries)).unwrap_or_default() + "\n"
}

/// One file: the result object of CONTRACT.md (plus `provenance`). Several: an array of them,
/// each with its `file`.
fn json(questionnaire: &Questionnaire, scored: &[Scored], provenance: &Provenance) -> String {
    let value = match scored {
        [single] => report::json_value(
            questionnaire,
            &single.outcome,
            provenance,
            single.clinician.as_ref(),
        ),
        many => many
            .iter()
            .map(|s| {
                let mut v =
                    report::json_value(questionnaire, &s.outcome, provenance, s.clinician.as_ref());
                if let Some(object) = v.as_object_mut() {
                    object.insert("file".to_string(), s.name.clone().into());
                }
                v
            })
            .collect(),
    };
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
