//! What both front ends put on record, decided once: the numbered lists they offer (a report's
//! format, an override), the lines of text they ask for (a note, the client reference, an
//! override's reason, a file name), what a typed line comes to, and what the shell is asked to
//! write. The full-screen app and plain mode only read the keys or lines and render the words.

use crate::clinician::{ClinicianRecord, OVERRIDES, Override};
use crate::questionnaire::Questionnaire;
use crate::report::{self, Format};
use crate::scoring::Recommendation;
use crate::session::Stage;
use crate::ui_text::{UiText, fill};

/// What the shell is asked to write; it reports back in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The answers so far, with a clinician's work, to a new private answers file.
    SaveAnswers,
    /// The record in `format`, to a new private file at `path`.
    Report { format: Format, path: String },
}

/// A numbered list being offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choosing {
    /// The format of a report to save.
    Report,
    /// The recommendation a clinician overrides the result with.
    Override,
}

impl Choosing {
    /// What is offered, in the order of its numbers (1 first).
    #[must_use]
    pub fn items(self, questionnaire: &Questionnaire) -> Vec<String> {
        match self {
            Self::Report => Format::ALL
                .iter()
                .map(|format| format.label(&questionnaire.ui).to_string())
                .collect(),
            Self::Override => OVERRIDES
                .iter()
                .map(|r| report::recommendation_label(questionnaire, *r))
                .collect(),
        }
    }

    /// How many items there are.
    #[must_use]
    pub fn len(self) -> usize {
        match self {
            Self::Report => Format::ALL.len(),
            Self::Override => OVERRIDES.len(),
        }
    }

    /// Never true: both lists have items (for clippy's `len` without `is_empty`).
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The line of text asked for once item `number` (1-based) is picked; `None` for a number
    /// that is not on the list.
    #[must_use]
    pub fn pick(self, number: usize) -> Option<Asking> {
        let index = number.checked_sub(1)?;
        match self {
            Self::Report => Format::ALL.get(index).copied().map(Asking::ReportPath),
            Self::Override => OVERRIDES.get(index).copied().map(Asking::OverrideReason),
        }
    }
}

/// A line of text being asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asking {
    QuestionNote(usize),
    SessionNote,
    Reference,
    OverrideReason(Recommendation),
    ReportPath(Format),
}

impl Asking {
    /// A note: on the question asked now, else (the review, the result) on the session.
    #[must_use]
    pub fn note_at(stage: Stage) -> Self {
        match stage {
            Stage::Asking(q) => Self::QuestionNote(q),
            _ => Self::SessionNote,
        }
    }

    /// What the line starts with: the note or reference already kept (to change it), or the
    /// report's default file name.
    #[must_use]
    pub fn starting_text(
        self,
        questionnaire: &Questionnaire,
        record: Option<&ClinicianRecord>,
    ) -> String {
        let kept = match self {
            Self::QuestionNote(q) => {
                record.and_then(|r| r.question_note(&questionnaire.questions[q].id))
            }
            Self::SessionNote => record.and_then(|r| r.session_note.as_deref()),
            Self::Reference => record.and_then(|r| r.reference.as_deref()),
            Self::OverrideReason(_) => None,
            Self::ReportPath(format) => Some(format.default_path()),
        };
        kept.unwrap_or_default().to_string()
    }
}

/// What a typed line comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Kept in the clinician's record; the words say so.
    Kept(String),
    /// Not taken (an override needs a reason): the words say why, and the line is asked again.
    Refused(String),
    /// A file for the shell to write.
    Write(Request),
}

/// Takes the line typed for `asking`. A note, the reference or an override goes into the
/// clinician's `record` (an empty note or reference removes it); an empty file name means the
/// default one. Only what belongs in a clinician's record makes one: a person naming a report
/// file stays a person (seen in a playtest: saving a report turned clinician mode on).
pub fn submit(
    asking: Asking,
    line: &str,
    questionnaire: &Questionnaire,
    record: &mut Option<ClinicianRecord>,
) -> Submitted {
    // Control characters go, as the full-screen app drops them while they are typed: a file
    // name or a note never holds an escape sequence.
    let text = crate::text::strip_unsafe(line.trim(), false);
    let ui = &questionnaire.ui;
    let kept = !text.is_empty();
    let said = match asking {
        Asking::ReportPath(format) => {
            let path = if kept {
                text
            } else {
                format.default_path().to_string()
            };
            return Submitted::Write(Request::Report { format, path });
        }
        Asking::OverrideReason(_) if !kept => {
            return Submitted::Refused(ui.override_needs_reason.clone());
        }
        Asking::OverrideReason(recommendation) => {
            opened(record).override_recommendation = Some(Override {
                recommendation,
                reason: text,
            });
            let label = report::recommendation_label(questionnaire, recommendation);
            fill(&ui.override_saved, &[("result", &label)])
        }
        Asking::QuestionNote(q) => {
            let id = &questionnaire.questions[q].id;
            let kept = opened(record).set_question_note(questionnaire, id, &text);
            either(kept, &ui.note_saved, &ui.note_removed)
        }
        Asking::SessionNote => {
            opened(record).session_note = kept.then_some(text);
            either(kept, &ui.session_note_saved, &ui.session_note_removed)
        }
        Asking::Reference => {
            let said = if kept {
                reference_saved(ui, &text)
            } else {
                ui.reference_removed.clone()
            };
            opened(record).reference = kept.then_some(text);
            said
        }
    };
    Submitted::Kept(said)
}

/// The clinician's record, begun with the first thing kept in it.
fn opened(record: &mut Option<ClinicianRecord>) -> &mut ClinicianRecord {
    record.get_or_insert_with(ClinicianRecord::default)
}

fn either(kept: bool, saved: &str, removed: &str) -> String {
    if kept { saved } else { removed }.to_string()
}

/// "Client reference set: R.K." with one full stop, though the reference ends in one and the
/// sentence puts another after it.
fn reference_saved(ui: &UiText, reference: &str) -> String {
    let shown = if ui.reference_saved.contains("{reference}.") {
        reference.trim_end_matches('.')
    } else {
        reference
    };
    fill(&ui.reference_saved, &[("reference", shown)])
}
