//! A clinician's additions to a session: a client reference, notes on questions and on the
//! session, and an override with its reason. Kept beside the computed result, never in its
//! place; saved with the answers, restored on resume, and written into every record.

use serde::Serialize;

use crate::scoring::Recommendation;

/// The recommendations a clinician can override to.
pub const OVERRIDES: [Recommendation; 4] = [
    Recommendation::SupportGroup,
    Recommendation::GroupTherapy,
    Recommendation::Either,
    Recommendation::ProfessionalFirst,
];

/// A clinician's additions, kept beside the computed result and never in its place.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
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
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Override {
    pub recommendation: Recommendation,
    pub reason: String,
}

/// The override target named by its JSON id (`support_group`, ...), if a clinician may pick it.
#[must_use]
pub fn override_target(id: &str) -> Option<Recommendation> {
    OVERRIDES.into_iter().find(|r| r.as_str() == id)
}
