//! `groupfit validate`: every problem of every file at once.

use std::path::PathBuf;

use groupfit::date::Date;
use groupfit::diag::summary;
use groupfit::questionnaire::{self, DEFAULT_TOML};

use super::Exit;
use super::files::{display_name, read, render};
use super::output::{self, Output};

pub fn validate(files: &[PathBuf], out: &mut Output) -> Exit {
    let today = Date::today();
    let targets: Vec<Option<&PathBuf>> = if files.is_empty() {
        vec![None]
    } else {
        files.iter().map(Some).collect()
    };
    let mut exit = Exit::Success;
    for path in targets {
        let name = display_name(path.map(PathBuf::as_path));
        let bytes = match path {
            Some(p) => match read(p, "questionnaire") {
                Ok(bytes) => bytes,
                Err(e) => {
                    output::error(&format!("{e:#}"));
                    exit = Exit::Invalid;
                    continue;
                }
            },
            None => DEFAULT_TOML.as_bytes().to_vec(),
        };
        match questionnaire::load(&bytes, today) {
            Ok(loaded) => {
                if !loaded.warnings.is_empty() {
                    output::diagnostics(&render(&name, &bytes, &loaded.warnings));
                }
                let q = &loaded.questionnaire;
                let warnings = loaded.warnings.len();
                let note = if warnings == 0 {
                    String::new()
                } else {
                    format!(", {warnings} warning(s)")
                };
                out.write(&format!(
                    "{}: valid: \"{}\" version {}, {} questions{note}\n",
                    groupfit::text::clean_name(&name),
                    groupfit::text::clean_line(&q.meta.id),
                    groupfit::text::clean_line(&q.meta.version),
                    q.questions.len()
                ));
            }
            Err(diagnostics) => {
                output::diagnostics(&render(&name, &bytes, &diagnostics));
                let (errors, warnings) = summary(&diagnostics);
                output::error(&format!(
                    "{name}: {errors} error(s), {warnings} warning(s); the file is not valid"
                ));
                exit = Exit::Invalid;
            }
        }
    }
    exit
}
