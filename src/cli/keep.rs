//! Writing what a session asks to keep, for the full-screen app and plain mode alike: its answers
//! so far (with a clinician's work) to a new private file, and a record in the chosen format.

use std::path::PathBuf;

use groupfit::answers::{self, Answers};
use groupfit::clinician::ClinicianRecord;
use groupfit::date::Date;
use groupfit::questionnaire::Questionnaire;
use groupfit::report::ExportFormat;
use groupfit::scoring::Outcome;
use groupfit::ui_text::fill;

use super::export;

/// Saves the answers (and a clinician's notes, reference and override) to a new answers file in
/// the current folder. `Ok` and `Err` are what to tell the person.
pub fn save_answers(
    questionnaire: &Questionnaire,
    answers: &Answers,
    clinician: Option<&ClinicianRecord>,
    plain: bool,
) -> Result<String, String> {
    let ui = &questionnaire.ui;
    let text = answers::to_toml(questionnaire, answers, clinician);
    let path = fresh_answers_path();
    let shown = path.display().to_string();
    let resume = resume_command(&shown, plain, clinician.is_some());
    export::write_private(&export::Target::new_file(&path), text.as_bytes())
        .map(|_| fill(&ui.saved, &[("path", &shown), ("resume", &resume)]))
        .map_err(|reason| fill(&ui.save_failed, &[("reason", &reason)]))
}

/// The command that carries on from a saved file in the same way: plain mode stays plain (a
/// screen-reader user must not land in the full-screen app), and clinician mode stays on.
fn resume_command(path: &str, plain: bool, clinician: bool) -> String {
    let mut command = String::from("groupfit run");
    if plain {
        command.push_str(" --plain");
    }
    if clinician {
        command.push_str(" --clinician");
    }
    format!("{command} --resume {path}")
}

/// Everything a record is made from.
pub struct RecordFrom<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    pub outcome: &'a Outcome,
    pub clinician: Option<&'a ClinicianRecord>,
    pub region: Option<&'a str>,
}

/// Writes a record privately, never over an existing file. `Ok` says where; `Err` why not.
pub fn write_record(
    session: &RecordFrom<'_>,
    format: ExportFormat,
    path: &str,
) -> Result<String, String> {
    let provenance = export::provenance(session.clinician.is_some(), session.region);
    let text = format.render(
        session.questionnaire,
        session.answers,
        session.outcome,
        &provenance,
        session.clinician,
    );
    let path = PathBuf::from(path);
    export::write_private(&export::Target::new_file(&path), text.as_bytes()).map(|w| w.note())
}

/// `groupfit-answers-2026-11-26.toml`, or `-2`, `-3`, ... when that name is taken.
fn fresh_answers_path() -> PathBuf {
    let base = format!("groupfit-answers-{}", Date::today());
    (1..1000)
        .map(|n| {
            if n == 1 {
                PathBuf::from(format!("{base}.toml"))
            } else {
                PathBuf::from(format!("{base}-{n}.toml"))
            }
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| PathBuf::from(format!("{base}-last.toml")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn carrying_on_keeps_the_mode() {
        assert_eq!(
            super::resume_command("a.toml", false, false),
            "groupfit run --resume a.toml"
        );
        assert_eq!(
            super::resume_command("a.toml", true, true),
            "groupfit run --plain --clinician --resume a.toml"
        );
    }
}
