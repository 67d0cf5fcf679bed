//! A clinician's additions to a session: a client reference, notes on questions and on the
//! session, and an override with its reason. Kept beside the computed result, never in its
//! place; saved with the answers, restored on resume, and written into every record.

use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
use crate::questionnaire::{Flag, Questionnaire};
use crate::safety::highest_flag;
use crate::scoring::Recommendation;

/// The recommendations a clinician can override to.
pub const OVERRIDES: [Recommendation; 4] = [
    Recommendation::SupportGroup,
    Recommendation::GroupTherapy,
    Recommendation::Either,
    Recommendation::ProfessionalFirst,
];

/// A clinician's additions, kept beside the computed result and never in its place.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ClinicianRecord {
    /// Initials or a client reference; never a name field.
    pub reference: Option<String>,
    /// Notes on questions, by question id, in asking order.
    pub question_notes: Vec<(String, String)>,
    pub session_note: Option<String>,
    pub override_recommendation: Option<Override>,
}

impl ClinicianRecord {
    /// True when there is nothing in it.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// The note on question `id`, if any.
    #[must_use]
    pub fn question_note(&self, id: &str) -> Option<&str> {
        let (_, note) = self.question_notes.iter().find(|(i, _)| i == id)?;
        Some(note)
    }

    /// Sets the note on question `id`, or removes it when `note` is empty (true when kept),
    /// keeping the notes in asking order, as every record lists them.
    pub fn set_question_note(
        &mut self,
        questionnaire: &Questionnaire,
        id: &str,
        note: &str,
    ) -> bool {
        self.question_notes.retain(|(i, _)| i != id);
        let kept = !note.trim().is_empty();
        if kept {
            self.question_notes
                .push((id.to_string(), note.trim().to_string()));
        }
        let order = questionnaire.asking_order();
        let position = |id: &str| {
            questionnaire
                .question_index(id)
                .and_then(|q| order.iter().position(|&i| i == q))
        };
        self.question_notes.sort_by_key(|(id, _)| position(id));
        kept
    }
}

/// In clinician mode a red or amber answer stays on record: changing it to `new` is refused.
#[must_use]
pub fn flag_stays_on_record(
    questionnaire: &Questionnaire,
    answers: &Answers,
    q: usize,
    new: &Answer,
) -> bool {
    answers.get(q).is_some_and(|current| {
        current != new && highest_flag(questionnaire, q, current).is_some_and(|f| f >= Flag::Amber)
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Override {
    pub recommendation: Recommendation,
    pub reason: String,
}

/// The override target named by its JSON id (`support_group`, ...), if a clinician may pick it.
#[must_use]
pub fn override_target(id: &str) -> Option<Recommendation> {
    OVERRIDES.into_iter().find(|r| r.as_str() == id)
}
