//! The interactive app's state: the session plus what only the screen needs (the draft answer,
//! the review cursor, scrolling, overlays and a one-line notice). `handle` turns an intent into
//! session actions; nothing here draws or reads a key.

use super::draft::Draft;
use super::keymap::{Intent, Mode};
use super::layout;
use super::notice::Notice;
use super::records::{ExportFormat, Pick, Prompt};
use crate::answers::Answers;
use crate::questionnaire::{QuestionKind, Questionnaire};
use crate::report::ClinicianRecord;
use crate::report::settled_offer;
use crate::scoring::Outcome;
use crate::session::{Action, Effect, Refusal, Session, Stage};
use crate::ui_text::{cleared_text, refusal_text};

/// A panel drawn over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Help, scrolled down this many lines.
    Help {
        scroll: u16,
    },
    ConfirmQuit,
    /// The remaining questions cannot change the result: see it now?
    Settled,
    /// The safety screen ended with a caution: help now, and the result now if wanted.
    Caution,
    /// A one-line text prompt (a note, a reference, a reason, a file name): `App::prompt`.
    Prompt,
    /// A numbered list to pick from.
    Pick(Pick),
}

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
    /// Save the answers so far (the shell writes the file and reports back with `notify`).
    Save,
    /// Write a report (the shell writes it and reports back with `export_done`).
    Export {
        format: ExportFormat,
        path: String,
    },
}

pub struct App<'q> {
    pub(super) session: Session<'q>,
    pub(super) draft: Option<Draft>,
    /// 0 is "show my result"; i > 0 is the i-th shown question.
    pub(super) review_cursor: usize,
    pub(super) scroll: u16,
    pub(super) overlay: Option<Overlay>,
    pub(super) notice: Option<Notice>,
    pub(super) region: Option<String>,
    pub(super) color: bool,
    /// The terminal size at the last draw: scrolling is clamped to what fits.
    pub(super) size: (u16, u16),
    /// The outcome, computed once when the result or crisis screen opens, not on every frame.
    pub(super) outcome: Option<Outcome>,
    /// The person chose to keep answering once; the offer is not made again.
    /// The offer's words, worked out once when it is made rather than on every frame.
    pub(super) offer: Option<String>,
    /// What the caution says, in the reader's words, worked out once when it opens.
    pub(super) caution_items: Vec<String>,
    /// Clinician mode: notes, reference and override, kept beside the computed result.
    pub(super) clinician: Option<ClinicianRecord>,
    /// Clinician mode: option weights and answer contributions are shown.
    pub(super) show_weights: bool,
    /// The open text prompt, if any.
    pub(super) prompt: Option<Prompt>,
}

impl<'q> App<'q> {
    #[must_use]
    pub fn new(questionnaire: &'q Questionnaire, region: Option<String>, color: bool) -> Self {
        Self::with_answers(questionnaire, Answers::new(questionnaire), region, color)
    }

    #[must_use]
    pub fn with_answers(
        questionnaire: &'q Questionnaire,
        answers: Answers,
        region: Option<String>,
        color: bool,
    ) -> Self {
        let mut app = Self {
            session: Session::with_answers(questionnaire, answers),
            draft: None,
            review_cursor: 0,
            scroll: 0,
            overlay: None,
            notice: None,
            region,
            color,
            size: (80, 24),
            outcome: None,
            offer: None,
            caution_items: Vec::new(),
            clinician: None,
            show_weights: false,
            prompt: None,
        };
        // Saved answers holding a red answer open on the crisis panel: set it up as if the
        // answer had just been given.
        app.enter_stage();
        app
    }

    #[must_use]
    pub fn session(&self) -> &Session<'q> {
        &self.session
    }

    /// Clinician mode: notes, a reference, weights on request, an override with a reason, and
    /// red and amber answers that stay on record.
    #[must_use]
    pub fn clinician_mode(mut self) -> Self {
        self.clinician.get_or_insert_with(ClinicianRecord::default);
        self.session = self.session.keeping_flags();
        self
    }

    /// Clinician mode, carrying on with a saved session's notes, reference and override.
    #[must_use]
    pub fn with_clinician_record(mut self, record: ClinicianRecord) -> Self {
        self.clinician = Some(record);
        self.session = self.session.keeping_flags();
        self
    }

    /// Who reads the screen: a clinician sees flag levels and figures, a person plain words.
    #[must_use]
    pub fn reader(&self) -> crate::report::Reader<'_> {
        crate::report::Reader::for_mode(self.clinician.is_some(), self.region.as_deref())
    }

    /// The person's region, for crisis lines.
    #[must_use]
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The clinician's record, in clinician mode.
    #[must_use]
    pub fn clinician(&self) -> Option<&ClinicianRecord> {
        self.clinician.as_ref()
    }

    /// The open prompt, if any.
    #[must_use]
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// A panel that opened by itself (the settled offer, the caution) is up: keys typed before
    /// it was drawn were meant for what was under it, and the loop drops them.
    #[must_use]
    pub fn overlay_opened_by_itself(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Settled | Overlay::Caution))
    }

    /// The outcome the result or crisis screen shows (scored once, when it opened).
    #[must_use]
    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// The review's highlighted row: 0 is "Show my result", then the shown questions in order.
    #[must_use]
    pub fn review_cursor(&self) -> usize {
        self.review_cursor
    }

    #[must_use]
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// Records the terminal size, for scrolling.
    pub fn resize(&mut self, width: u16, height: u16) {
        if self.size == (width, height) {
            return; // called before every frame: only a real change costs a re-layout
        }
        self.size = (width, height);
        self.scroll = self.scroll.min(self.scroll_limit());
    }

    /// The kind of screen, which decides what keys mean.
    #[must_use]
    pub fn mode(&self) -> Mode {
        match (self.overlay, self.session.stage()) {
            (Some(Overlay::ConfirmQuit), _) => Mode::Confirm,
            (Some(Overlay::Settled), _) => Mode::Offer,
            (Some(Overlay::Caution), _) => Mode::Caution,
            (Some(Overlay::Prompt), _) => Mode::Text,
            (Some(Overlay::Pick(_)), _) => Mode::Choice,
            (None, Stage::Asking(q)) => match self.session.questionnaire().questions[q].kind {
                QuestionKind::Single { .. } | QuestionKind::Multi { .. } => Mode::Choice,
                QuestionKind::Scale(_) => Mode::Scale,
                QuestionKind::Text { .. } => Mode::Text,
            },
            _ => Mode::Screen,
        }
    }

    /// Applies one intent.
    pub fn handle(&mut self, intent: Intent) -> Control {
        if intent == Intent::Interrupt {
            return Control::Exit(Exit::Interrupted);
        }
        if intent == Intent::QuickExit {
            return Control::Exit(Exit::Quick);
        }
        if intent == Intent::Suspend {
            return Control::Suspend;
        }
        if intent == Intent::Save {
            if self.session.answers().is_empty() {
                let text = self.session.questionnaire().ui.nothing_to_save.clone();
                self.notice = Some(Notice {
                    text,
                    warning: true,
                });
                return Control::Continue;
            }
            return Control::Save;
        }
        if let Some(overlay) = self.overlay {
            return self.on_overlay(overlay, intent);
        }
        if let Some(control) = self.on_record_key(&intent) {
            return control;
        }
        match intent {
            Intent::Help => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                return Control::Continue;
            }
            Intent::Quit => return self.ask_to_leave(),
            _ => {}
        }
        self.notice = None;
        match self.session.stage() {
            Stage::Welcome if intent == Intent::Enter => self.act(Action::Start),
            Stage::Welcome | Stage::Finished | Stage::Stopped => self.scroll_or_back(&intent),
            Stage::Asking(q) => self.on_question(q, intent),
            Stage::Review => self.on_review(&intent),
        }
        Control::Continue
    }

    /// Applies a session action and follows it: a fresh draft on a question screen, the review
    /// cursor on "show my result", the top of a new screen, a notice for what was cleared.
    /// A key while a panel is up: the panel takes it.
    fn on_overlay(&mut self, overlay: Overlay, intent: Intent) -> Control {
        // A warning said in a dialog is about the key before: the next key there clears it, so
        // an error never outlives its cause (a refusal from this key is said afresh).
        if matches!(overlay, Overlay::Prompt | Overlay::Pick(_))
            && self.notice.as_ref().is_some_and(|n| n.warning)
        {
            self.notice = None;
        }
        match overlay {
            Overlay::Prompt => return self.on_prompt(intent),
            Overlay::ConfirmQuit => return self.confirm(&intent),
            Overlay::Pick(pick) => self.on_pick(pick, &intent),
            Overlay::Settled => self.settled_offer(&intent),
            Overlay::Caution => self.caution(&intent),
            Overlay::Help { scroll } => self.help_overlay(&intent, scroll),
        }
        Control::Continue
    }

    pub(super) fn act(&mut self, action: Action) {
        let answered = matches!(action, Action::Answer(_));
        match self.session.apply(action) {
            Ok(effect) => {
                self.enter_stage();
                if effect == Effect::Caution {
                    let outcome = self.session.outcome();
                    let q = self.session.questionnaire();
                    self.caution_items = crate::report::talk_about(q, &outcome, self.reader())
                        .into_iter()
                        .map(|item| item.text)
                        .collect();
                    self.overlay = Some(Overlay::Caution);
                } else if answered {
                    self.offer_if_settled();
                }
                if let Effect::Cleared(hidden) = effect {
                    let text = cleared_text(&self.session.questionnaire().ui, hidden.len());
                    self.notice = Some(Notice {
                        text,
                        warning: false,
                    });
                }
            }
            Err(refusal) => self.refused(&refusal),
        }
    }

    /// After an answer, once nothing left can change the result, offer to show it now (once).
    fn offer_if_settled(&mut self) {
        if let Some(reach) = self.session.offer_due() {
            self.offer = Some(settled_offer(self.session.questionnaire(), &reach));
            self.overlay = Some(Overlay::Settled);
        }
    }

    pub(super) fn enter_stage(&mut self) {
        self.scroll = 0;
        self.draft = match self.session.stage() {
            Stage::Asking(q) => {
                let question = &self.session.questionnaire().questions[q];
                Some(Draft::new(question, self.session.answers().get(q)))
            }
            _ => None,
        };
        if self.session.stage() == Stage::Review {
            // Back from a change, on the answer just changed; else on "Show my result".
            let focus = self.session.review_focus();
            self.review_cursor = focus
                .and_then(|q| self.session.shown_questions().position(|i| i == q))
                .map_or(0, |position| position + 1);
        }
        self.outcome = matches!(self.session.stage(), Stage::Finished | Stage::Stopped)
            .then(|| self.session.outcome());
    }

    pub(super) fn refused(&mut self, refusal: &Refusal) {
        if *refusal == Refusal::FlagLocked {
            // The recorded answer stays, and so does the highlight on it.
            self.enter_stage();
        }
        if let Refusal::Unanswered(q) = refusal
            && let Some(position) = self.session.shown_questions().position(|i| i == *q)
        {
            self.review_cursor = position + 1;
        }
        if *refusal != Refusal::NotHere {
            let text = refusal_text(&self.session.questionnaire().ui, refusal);
            self.notice = Some(Notice {
                text,
                warning: true,
            });
        }
    }

    fn scroll_or_back(&mut self, intent: &Intent) {
        let page = layout::body_height(self.size.1, self.notice_lines(self.size.0)).max(1);
        let limit = self.scroll_limit();
        self.scroll = match intent {
            Intent::Up => self.scroll.saturating_sub(1),
            Intent::Down => self.scroll.saturating_add(1).min(limit),
            Intent::PageUp => self.scroll.saturating_sub(page),
            Intent::PageDown => self.scroll.saturating_add(page).min(limit),
            Intent::Home => 0,
            Intent::End => limit,
            _ => self.scroll,
        };
        if matches!(intent, Intent::Back | Intent::Review)
            && self.session.stage() == Stage::Finished
        {
            self.act(Action::Back);
        }
    }

    /// How far the current screen can scroll at the current size.
    fn scroll_limit(&self) -> u16 {
        let lines = super::views::scrollable_height(self, self.size.0);
        let visible = layout::body_height(self.size.1, self.notice_lines(self.size.0));
        u16::try_from(lines)
            .unwrap_or(u16::MAX)
            .saturating_sub(visible)
    }
}
