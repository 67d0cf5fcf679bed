//! What the crisis panel and the caution say, built once from the session for both front ends,
//! as the record is built once for every format. The full-screen app and plain mode only lay
//! the parts out, in the order given here.

use crate::crisis::CrisisHelp;
use crate::questionnaire::{Flag, Questionnaire};
use crate::report::{self, Reader};
use crate::safety::{danger_at_home, help_topics};
use crate::scoring::Outcome;
use crate::session::Session;

/// Which front end a panel is for: only the words about keys and windows differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontEnd {
    FullScreen,
    Plain,
}

/// The crisis panel after a red answer, in the order it is read.
pub struct CrisisPanel<'q> {
    /// Clinician mode: "High-risk answer: follow your local protocol."
    pub protocol: Option<&'q str>,
    pub title: &'q str,
    /// What was noticed, and what to do first, in the person's words.
    pub noticed: Vec<String>,
    /// Where to get help: the first item goes right after what was noticed, the rest after
    /// the text.
    pub help: CrisisHelp<'q>,
    pub text: &'q str,
    /// Danger at home: how to stay safe if someone may check the device.
    pub device_safety: Option<&'q str>,
    /// The heading over the lines after the first ("More places to get help:"), when there are
    /// any, so that none reads as if it stood apart.
    pub more_lines: Option<&'q str>,
    /// That the questionnaire stopped, and what was (not) saved.
    pub stopped: &'q str,
}

impl<'q> CrisisPanel<'q> {
    /// The panel for `outcome`, the session's, scored once by the caller (a screen draws it many
    /// times).
    #[must_use]
    pub fn new(
        session: &Session<'q>,
        outcome: &Outcome,
        clinician: bool,
        region: Option<&str>,
        front: FrontEnd,
    ) -> Self {
        let questionnaire = session.questionnaire();
        let ui = &questionnaire.ui;
        let at_home = danger_at_home(&outcome.flags);
        // Said as it is: answers read from a file are not "just given", and answers saved to a
        // file are not "not saved".
        let from_file = session.crisis_from_saved_answers();
        let saved = session.ever_saved();
        let reader = Reader::person(region);
        let noticed = outcome
            .flags
            .iter()
            .filter(|f| f.flag == Flag::Red)
            .map(|flag| report::flag_text(questionnaire, flag, reader))
            .collect();
        let plain = front == FrontEnd::Plain;
        let help = CrisisHelp::for_topics(questionnaire, region, &help_topics(&outcome.flags));
        Self {
            protocol: clinician.then_some(ui.clinician_protocol.as_str()),
            title: if at_home {
                &ui.crisis_title_home
            } else {
                &ui.crisis_title
            },
            noticed,
            more_lines: (help.items().len() > 1).then_some(ui.crisis_more_lines.as_str()),
            help,
            text: match (at_home, from_file) {
                (true, _) => &ui.crisis_text_home,
                (false, true) => &ui.crisis_text_resumed,
                (false, false) => &ui.crisis_text,
            },
            device_safety: at_home.then_some(if plain {
                ui.device_safety_plain.as_str()
            } else {
                ui.device_safety.as_str()
            }),
            stopped: match (plain, at_home, saved) {
                (true, true, _) => &ui.plain_stopped_private,
                (true, false, true) => &ui.plain_stopped_resumed,
                (true, false, false) => &ui.plain_stopped,
                (false, _, true) => &ui.crisis_stopped_resumed,
                (false, _, false) => &ui.crisis_stopped,
            },
        }
    }
}

/// "Before you go on": the answers call for a professional first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caution {
    /// What was noticed, in the reader's words (a clinician reads flag levels).
    pub noticed: Vec<String>,
    /// One line of help for each topic the cautions call for, most urgent first.
    pub help: Vec<String>,
}

impl Caution {
    #[must_use]
    pub fn new(
        questionnaire: &Questionnaire,
        outcome: &Outcome,
        clinician: bool,
        region: Option<&str>,
    ) -> Self {
        let reader = Reader::for_mode(clinician, region);
        let noticed = report::talk_about(questionnaire, outcome, reader)
            .into_iter()
            .map(|item| item.text)
            .collect();
        let help = CrisisHelp::for_topics(questionnaire, region, &help_topics(&outcome.flags))
            .first_per_topic(&questionnaire.ui);
        Self { noticed, help }
    }
}
