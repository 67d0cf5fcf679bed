//! Whether leaving would lose work: what the last answers file (saved now, or carried on from)
//! holds, compared with the answers and a clinician's record as they are. Both front ends ask
//! before leaving from here.

use super::{Session, Stage};
use crate::clinician::ClinicianRecord;

impl Session<'_> {
    /// Leaving now would lose work (so both front ends ask first): answers, or a clinician's
    /// `record`, that no answers file holds as they are now, or a change on the screen not yet
    /// given to the session (`unsubmitted`). A report does not count as saved: it cannot be
    /// carried on from. From the crisis panel, or with nothing answered or noted, it never
    /// stands in the way.
    #[must_use]
    pub fn leaving_loses_work(&self, record: Option<&ClinicianRecord>, unsubmitted: bool) -> bool {
        let saved = self
            .saved
            .as_ref()
            .is_some_and(|(answers, kept)| *answers == self.answers && kept.as_ref() == record);
        let record_at_stake = record.is_some_and(|r| !r.is_empty());
        let at_stake =
            (!self.answers.is_empty() || record_at_stake) && self.stage != Stage::Stopped;
        at_stake && (unsubmitted || !saved)
    }

    /// True once the answers are in a file: saved in this session, or the file it carries on
    /// from.
    #[must_use]
    pub fn ever_saved(&self) -> bool {
        self.saved.is_some()
    }

    /// The crisis comes from answers read from a file, not given now: the crisis panel thanks
    /// the person for answering only when they just did.
    #[must_use]
    pub fn crisis_from_saved_answers(&self) -> bool {
        self.resumed
            && self
                .saved
                .as_ref()
                .is_some_and(|(answers, _)| *answers == self.answers)
    }

    /// The file this carries on from held a clinician's `record` beside the answers: it counts
    /// as saved with them.
    pub fn resumed_with_record(&mut self, record: &ClinicianRecord) {
        if let Some((_, kept)) = &mut self.saved {
            *kept = Some(record.clone());
        }
    }

    /// A report of the session was saved (it does not keep the answers).
    pub fn report_saved(&mut self) {
        self.reported = true;
    }

    /// Whether a report of the session was saved.
    #[must_use]
    pub fn was_reported(&self) -> bool {
        self.reported
    }

    /// The answers so far, and a clinician's `record`, were saved to an answers file.
    pub fn answers_saved(&mut self, record: Option<&ClinicianRecord>) {
        self.saved = Some((self.answers.clone(), record.cloned()));
    }
}
