//! The interactive app: the session, the screen in front of the person, at most one panel over
//! it, the notice, and the look. A key becomes an intent through the active key layers (global,
//! then the panel's or the screen's); `handle` gives it to the panel if one is up, else to the
//! screen, and applies what the screen asks of the session. Nothing here reads a key or draws.

use super::keymap::{Intent, Layer};
use super::notice::Notice;
use super::overlays::{HelpPanel, Overlay};
use super::screens::{Look, Screen, Step};
use crate::answers::Answers;
use crate::panels::Caution;
use crate::questionnaire::Questionnaire;
use crate::recording::Request;
use crate::report::{ClinicianRecord, settled_offer};
use crate::scoring::Outcome;
use crate::session::{Action, Effect, Refusal, Session};
use crate::tui::scroll::ScrollState;
use crate::ui_text::cleared_text;

/// Why the app ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The person chose to leave (exit 0).
    Left,
    /// Ctrl-C (exit 130).
    Interrupted,
    /// Ctrl-X: leave now and wipe the screen (exit 0).
    Quick,
}

/// What the event loop should do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    Continue,
    Exit(Exit),
    /// Ctrl+Z: the shell gives the terminal back and stops until continued.
    Suspend,
    /// Write a file: the answers so far (the shell reports back with `saved`) or a report
    /// (with `export_done`).
    Write(Request),
}

pub struct App<'q> {
    pub(super) session: Session<'q>,
    pub(super) screen: Screen,
    pub(super) overlay: Option<Overlay>,
    pub(super) notice: Option<Notice>,
    pub(super) look: Look,
    /// Clinician mode: notes, reference and override, kept beside the computed result.
    pub(super) clinician: Option<ClinicianRecord>,
    /// The last key was Ctrl+S and it said that someone at home may check this device: Ctrl+S
    /// now saves. Any other key takes it back.
    pub(super) save_check_said: bool,
    /// The last frame was too small to show anything but "make the window larger": keys that
    /// would act unseen (answer, save) are ignored until it is larger.
    pub(super) drawn_too_small: bool,
}

impl<'q> App<'q> {
    #[must_use]
    pub fn new(questionnaire: &'q Questionnaire, region: Option<String>, color: bool) -> Self {
        Self::with_answers(questionnaire, Answers::new(questionnaire), region, color)
    }

    /// An app over saved answers. Answers holding a red one open on the crisis panel, as if
    /// the answer had just been given.
    #[must_use]
    pub fn with_answers(
        questionnaire: &'q Questionnaire,
        answers: Answers,
        region: Option<String>,
        color: bool,
    ) -> Self {
        let session = Session::with_answers(questionnaire, answers);
        Self {
            screen: Screen::for_stage(&session),
            session,
            overlay: None,
            notice: None,
            look: Look {
                color,
                region,
                show_weights: false,
            },
            clinician: None,
            save_check_said: false,
            drawn_too_small: false,
        }
    }

    /// Clinician mode: notes, a reference, weights on request, an override with a reason, and
    /// red and amber answers that stay on record.
    #[must_use]
    pub fn clinician_mode(self) -> Self {
        self.with_clinician_record(ClinicianRecord::default())
    }

    /// Clinician mode, carrying on with a saved session's notes, reference and override.
    #[must_use]
    pub fn with_clinician_record(mut self, record: ClinicianRecord) -> Self {
        self.session = self.session.keeping_flags();
        self.session.resumed_with_record(&record);
        self.clinician = Some(record);
        self
    }

    #[must_use]
    pub fn session(&self) -> &Session<'q> {
        &self.session
    }

    /// The person's region, for crisis lines.
    #[must_use]
    pub fn region(&self) -> Option<&str> {
        self.look.region.as_deref()
    }

    /// The clinician's record, in clinician mode.
    #[must_use]
    pub fn clinician(&self) -> Option<&ClinicianRecord> {
        self.clinician.as_ref()
    }

    /// The panel over the screen, if any.
    #[must_use]
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The message under the screen's content, if any.
    #[must_use]
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// A panel is up that must not act on keys typed before it was drawn (see
    /// [`Overlay::ignores_keys_typed_ahead`]): the loop drops them.
    #[must_use]
    pub fn panel_ignores_keys_typed_ahead(&self) -> bool {
        self.overlay
            .as_ref()
            .is_some_and(Overlay::ignores_keys_typed_ahead)
    }

    /// The outcome the result or crisis screen shows (scored once, when it opened).
    #[must_use]
    pub fn outcome(&self) -> Option<&Outcome> {
        self.screen.outcome()
    }

    /// The review's highlighted row: 0 is "Show my result", then the shown questions in order.
    #[must_use]
    pub fn review_cursor(&self) -> usize {
        match &self.screen {
            Screen::Review(review) => review.cursor,
            _ => 0,
        }
    }

    /// The key layers in force: the global keys, then the panel's, or else the screen's.
    #[must_use]
    pub fn layers(&self) -> Vec<Layer> {
        let mut layers = vec![Layer::Global];
        if let Some(overlay) = &self.overlay {
            layers.extend(overlay.layers());
        } else {
            let mut screen = self.screen.layers(&self.session, self.clinician.is_some());
            // In clinician mode its keys are said before help and leaving (and give way first
            // when the line is short).
            if self.clinician.is_some() && screen.last() == Some(&Layer::Leave) {
                let clinician = if self.session.stage() == crate::session::Stage::Finished {
                    Layer::ClinicianResult
                } else {
                    Layer::Clinician
                };
                screen.insert(screen.len() - 1, clinician);
            }
            layers.extend(screen);
        }

        layers
    }

    /// What a terminal event means here, through [`App::layers`].
    #[must_use]
    pub fn intent(&self, event: &crossterm::event::Event) -> Option<Intent> {
        super::keymap::intent(event, &self.layers())
    }

    /// Shows a message under the screen's content.
    pub fn notify(&mut self, text: String, warning: bool) {
        self.notice = Some(Notice { text, warning });
    }

    /// Applies one intent: the global keys first, then the panel if one is up, then the keys
    /// that keep records, then help and leaving, then the screen.
    pub fn handle(&mut self, intent: Intent) -> Control {
        let save_check_said = std::mem::take(&mut self.save_check_said);
        // Nothing can be seen but "make the window larger": only leaving works.
        if self.drawn_too_small
            && !matches!(
                intent,
                Intent::Interrupt
                    | Intent::QuickExit
                    | Intent::Suspend
                    | Intent::Quit
                    | Intent::Leave
                    | Intent::Stay
            )
        {
            return Control::Continue;
        }
        match intent {
            Intent::Interrupt => return Control::Exit(Exit::Interrupted),
            Intent::QuickExit => return Control::Exit(Exit::Quick),
            Intent::Suspend => return Control::Suspend,
            Intent::Save => return self.ask_to_save(save_check_said),
            _ => {}
        }
        if self.overlay.is_some() {
            return self.on_overlay(intent);
        }
        if let Some(control) = self.on_record_key(&intent) {
            return control;
        }
        match intent {
            Intent::Help => self.overlay = Some(Overlay::Help(HelpPanel::default())),
            Intent::Quit => return self.ask_to_leave(),
            intent => {
                self.notice = None;
                let step = self.screen.handle(&intent, &self.session);
                return self.follow(step);
            }
        }
        Control::Continue
    }

    fn follow(&mut self, step: Step) -> Control {
        match step {
            Step::Stay => {}
            Step::Act(action) => self.act(action),
            Step::Warn(text) => self.notice = Some(Notice::warning(text)),
            Step::Leave => return self.ask_to_leave(),
        }
        Control::Continue
    }

    /// Applies a session action and follows it: the screen for the new stage, the caution or
    /// the settled offer when due, a notice for what was cleared, or the refusal in words.
    pub(super) fn act(&mut self, action: Action) {
        let answered = matches!(action, Action::Answer(_));
        match self.session.apply(action) {
            Ok(effect) => {
                self.screen = Screen::for_stage(&self.session);
                if effect == Effect::Caution {
                    self.open_caution();
                } else if answered {
                    self.offer_if_settled();
                }
                if let Effect::Cleared(hidden) = effect {
                    let text = cleared_text(&self.session.questionnaire().ui, hidden.len());
                    self.notice = Some(Notice::said(text));
                }
            }
            Err(refusal) => self.refused(&refusal),
        }
    }

    /// "Before you go on": what the safety screen noticed, in the reader's words.
    fn open_caution(&mut self) {
        let outcome = self.session.score_now();
        let caution = Caution::new(
            self.session.questionnaire(),
            &outcome,
            self.clinician.is_some(),
            self.region(),
        );
        self.overlay = Some(Overlay::Caution(caution, ScrollState::default()));
    }

    /// After an answer, once nothing left can change the result, offer to show it now (once).
    fn offer_if_settled(&mut self) {
        if let Some(reach) = self.session.offer_due() {
            let now = self.session.score_now();
            let offer = settled_offer(self.session.questionnaire(), &reach, &now);
            self.overlay = Some(Overlay::Settled { offer });
        }
    }

    fn refused(&mut self, refusal: &Refusal) {
        match (refusal, &mut self.screen) {
            // The recorded answer stays, and so does the highlight on it.
            (Refusal::FlagLocked, _) => self.screen = Screen::for_stage(&self.session),
            (Refusal::Unanswered(q), Screen::Review(review)) => review.focus(&self.session, *q),
            _ => {}
        }
        if *refusal != Refusal::NotHere {
            let text = refusal.words(&self.session.questionnaire().ui);
            self.notice = Some(Notice::warning(text));
        }
    }

    /// Ctrl+S: there must be something to save. `check_said`: the key before was Ctrl+S, and
    /// it said that someone at home may check this device.
    fn ask_to_save(&mut self, check_said: bool) -> Control {
        // An answer being typed or ticked is not the session's yet: saving now would say
        // "Saved" for a file without it, so it is given first.
        let ui = &self.session.questionnaire().ui;
        if self.screen.has_unsubmitted(&self.session) {
            self.notice = Some(Notice::warning(ui.save_give_answer_first.clone()));
            return Control::Continue;
        }
        if self.session.answers().is_empty() {
            self.notice = Some(Notice::warning(ui.nothing_to_save.clone()));
            return Control::Continue;
        }
        // A person whose home may not be safe is told first; Ctrl+S straight after saves (a
        // clinician is not asked: the device is the clinic's).
        if self.session.warns_before_saving(self.clinician.is_some()) && !check_said {
            self.notice = Some(Notice::warning(ui.save_check.clone()));
            self.save_check_said = true;
            return Control::Continue;
        }
        Control::Write(Request::SaveAnswers)
    }

    /// Reports back after the shell tried to save the answers: said as a notice, and once
    /// saved, leaving no longer asks first until something changes (a report does not count:
    /// it cannot be carried on from).
    pub fn saved(&mut self, result: Result<String, String>) {
        match result {
            Ok(said) => {
                self.session.answers_saved(self.clinician.as_ref());
                self.notice = Some(Notice::said(said));
            }
            Err(reason) => self.notice = Some(Notice::warning(reason)),
        }
    }

    /// Leaving discards what no file holds (answers, a clinician's notes, a change on screen not
    /// yet given), so then it asks first. From the crisis panel it never stands in the way.
    fn ask_to_leave(&mut self) -> Control {
        let unsubmitted = self.screen.has_unsubmitted(&self.session);
        if self
            .session
            .leaving_loses_work(self.clinician.as_ref(), unsubmitted)
        {
            self.overlay = Some(Overlay::ConfirmQuit);
            Control::Continue
        } else {
            Control::Exit(Exit::Left)
        }
    }
}
