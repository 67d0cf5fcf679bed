//! Writing what a session asks to keep, for the full-screen app and plain mode alike: its answers
//! so far (with a clinician's work) to a new private file, and a record in the chosen format.

use std::fmt::Write as _;
use std::path::PathBuf;

use groupfit::answers::{self, Answers};
use groupfit::clinician::ClinicianRecord;
use groupfit::date::Date;
use groupfit::questionnaire::Questionnaire;
use groupfit::report::{Format, Record};
use groupfit::scoring::Outcome;
use groupfit::session::{Session, Stage};
use groupfit::ui_text::fill;

use super::export;

/// How a session was started, to say how to carry on from a file it saves in the same way:
/// plain mode stays plain (a screen-reader user must not land in the full-screen app),
/// clinician mode stays on, and the same questionnaire file and region are named.
#[derive(Debug, Clone, Default)]
pub struct CarryOn {
    pub plain: bool,
    pub clinician: bool,
    pub questions: Option<PathBuf>,
    pub region: Option<String>,
}

impl CarryOn {
    /// The command that carries on from `path`.
    fn command(&self, path: &str) -> String {
        let mut words = vec!["groupfit".to_string(), "run".to_string()];
        if self.plain {
            words.push("--plain".into());
        }
        if self.clinician {
            words.push("--clinician".into());
        }
        if let Some(questions) = &self.questions {
            words.push("--questions".into());
            words.push(shell_word(&questions.display().to_string()));
        }
        if let Some(region) = &self.region {
            words.push("--region".into());
            words.push(shell_word(region));
        }
        words.push("--resume".into());
        words.push(shell_word(path));
        words.join(" ")
    }
}

/// `text` as one word of a shell command: as it is when it is plain, in single quotes when it
/// is printable, else in ANSI-C quotes (`$'...'`) with each control character escaped, so that
/// the command names the file exactly and prints nothing the terminal would act on.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./,:@+=".contains(c));
    if plain {
        return text.to_string();
    }
    if !text.chars().any(groupfit::text::is_unsafe_char) {
        return format!("'{}'", text.replace('\'', "'\\''"));
    }
    let mut quoted = String::from("$'");
    for c in text.chars() {
        match c {
            '\\' | '\'' => {
                quoted.push('\\');
                quoted.push(c);
            }
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if groupfit::text::is_unsafe_char(c) && u32::from(c) < 0x100 => {
                let _ = write!(quoted, "\\x{:02x}", u32::from(c));
            }
            c if groupfit::text::is_unsafe_char(c) => {
                let _ = write!(quoted, "\\U{:08x}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('\'');
    quoted
}

/// Saves the answers (and a clinician's notes, reference and override) to a new answers file in
/// the current folder. `Ok` and `Err` are what to tell the person.
pub fn save_answers(
    session: &Session<'_>,
    clinician: Option<&ClinicianRecord>,
    carry_on: &CarryOn,
) -> Result<String, String> {
    let (questionnaire, answers) = (session.questionnaire(), session.answers());
    let ui = &questionnaire.ui;
    // A finished session is not carried on, only opened again.
    let said = if session.stage() == Stage::Finished {
        &ui.saved_complete
    } else {
        &ui.saved
    };
    let text = answers::to_toml(questionnaire, answers, clinician);
    // The first free dated name. Another session saving into the same folder at the same moment
    // may take a name between the look and the write: the write never replaces a file, so the
    // next name is tried instead of failing.
    let mut last_failure = String::new();
    for path in answers_paths().filter(|p| std::fs::symlink_metadata(p).is_err()) {
        match export::write_private(&export::Target::new_file(&path), text.as_bytes()) {
            Ok(_) => {
                let shown = path.display().to_string();
                let resume = carry_on.command(&shown);
                return Ok(fill(said, &[("path", &shown), ("resume", &resume)]));
            }
            Err(_) if std::fs::symlink_metadata(&path).is_ok() => {}
            Err(reason) => return Err(fill(&ui.save_failed, &[("reason", &reason)])),
        }
        last_failure = format!("{} is taken", path.display());
    }
    if last_failure.is_empty() {
        // Every dated name was taken before the first try.
        last_failure = format!(
            "every name from {} to {} is taken in this folder; move some of them away",
            answers_paths()
                .next()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            answers_paths()
                .last()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        );
    }
    Err(fill(&ui.save_failed, &[("reason", &last_failure)]))
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
    format: Format,
    path: &str,
) -> Result<String, String> {
    let provenance = export::provenance(session.clinician.is_some(), session.region);
    let text = format.render(&Record {
        questionnaire: session.questionnaire,
        answers: session.answers,
        outcome: session.outcome,
        provenance: &provenance,
        clinician: session.clinician,
    });
    let path = PathBuf::from(path);
    export::write_private(&export::Target::new_file(&path), text.as_bytes())
        .map(|w| w.note(&session.questionnaire.ui))
}

/// `groupfit-answers-2026-11-26.toml`, or `-2`, `-3`, ... when that name is taken.
/// Today's answers file names, in order: `groupfit-answers-DAY.toml`, then `-2`, `-3`...
fn answers_paths() -> impl Iterator<Item = PathBuf> {
    let base = format!("groupfit-answers-{}", Date::today());
    (1..1000).map(move |n| {
        if n == 1 {
            PathBuf::from(format!("{base}.toml"))
        } else {
            PathBuf::from(format!("{base}-{n}.toml"))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carrying_on_keeps_the_mode_the_questionnaire_and_the_region() {
        assert_eq!(
            CarryOn::default().command("a.toml"),
            "groupfit run --resume a.toml"
        );
        let all = CarryOn {
            plain: true,
            clinician: true,
            questions: Some(PathBuf::from("my questions's.toml")),
            region: Some("GB".into()),
        };
        assert_eq!(
            all.command("a.toml"),
            "groupfit run --plain --clinician --questions 'my questions'\\''s.toml' --region GB \
             --resume a.toml"
        );
    }

    #[test]
    fn a_name_with_a_line_break_or_a_control_character_is_quoted_exactly() {
        // A space in place of the line break would name another file; a raw escape character
        // would reach the terminal. ANSI-C quoting ($'...', bash, zsh, ksh and POSIX 2024 sh)
        // names the file exactly in printable characters.
        let command = CarryOn::default().command("a\nb\u{1b}[31m 'c'.toml");
        assert_eq!(
            command,
            "groupfit run --resume $'a\\nb\\x1b[31m \\'c\\'.toml'"
        );
    }
}
