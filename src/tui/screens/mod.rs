//! The screens, each a type that holds its own state, takes its own keys and draws itself:
//! welcome, a question, the review, the result and the crisis panel. Which one is up follows
//! the session's stage; a screen asks the session for changes by returning a [`Step`].

mod crisis;
mod question;
mod result;
mod review;
mod welcome;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub use crisis::CrisisScreen;
pub use question::QuestionScreen;
pub use result::ResultScreen;
pub use review::ReviewScreen;
pub use welcome::WelcomeScreen;

use super::keymap::{Intent, Layer};
use super::notice::Notice;
use super::theme::Theme;
use crate::clinician::ClinicianRecord;
use crate::questionnaire::Questionnaire;
use crate::report::Reader;
use crate::scoring::Outcome;
use crate::session::{Action, Session, Stage};
use crate::ui_text::UiText;

/// What a key on a screen asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Nothing beyond the screen's own state changed.
    Stay,
    /// A change to the session (answer, skip, back, review, finish...).
    Act(Action),
    /// Something the person should be told, as a warning.
    Warn(String),
    /// Leave (asking first when answers would be lost).
    Leave,
}

/// How the app looks to this person: colour, their region's crisis lines, and in clinician
/// mode whether weights are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Look {
    pub color: bool,
    pub region: Option<String>,
    pub show_weights: bool,
}

/// What a screen or panel reads to draw itself: the session and the app's look.
pub struct Ctx<'a, 'q> {
    pub session: &'a Session<'q>,
    pub look: &'a Look,
    pub clinician: Option<&'a ClinicianRecord>,
    pub notice: Option<&'a Notice>,
}

impl<'q> Ctx<'_, 'q> {
    #[must_use]
    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.session.questionnaire()
    }

    #[must_use]
    pub fn ui(&self) -> &'q UiText {
        &self.session.questionnaire().ui
    }

    #[must_use]
    pub fn theme(&self) -> Theme {
        Theme {
            color: self.look.color,
        }
    }

    /// The clinician's note on question `q`, in clinician mode.
    #[must_use]
    pub fn question_note(&self, q: usize) -> Option<&str> {
        self.clinician?
            .question_note(&self.questionnaire().questions[q].id)
    }

    /// Who reads the screen: a clinician sees flag levels and figures, a person plain words.
    #[must_use]
    pub fn reader(&self) -> Reader<'_> {
        Reader::for_mode(self.clinician.is_some(), self.look.region.as_deref())
    }
}

/// A screen with what it reads, ready to draw: each screen's `impl Widget` is on this.
pub struct On<'a, 'b, 'q, S> {
    pub screen: &'a mut S,
    pub ctx: &'a Ctx<'b, 'q>,
}

/// The screen in front of the person.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Welcome(WelcomeScreen),
    Question(QuestionScreen),
    Review(ReviewScreen),
    Result(ResultScreen),
    Crisis(CrisisScreen),
}

impl Screen {
    /// The screen for where the session is now, fresh: a question's draft from its answer, the
    /// review on the answer just changed (else on "Show my result"), the result scored once.
    #[must_use]
    pub fn for_stage(session: &Session<'_>) -> Self {
        match session.stage() {
            Stage::Welcome => Self::Welcome(WelcomeScreen::default()),
            Stage::Asking(q) => Self::Question(QuestionScreen::new(session, q)),
            Stage::Review => Self::Review(ReviewScreen::new(session)),
            Stage::Finished => Self::Result(ResultScreen::new(session.score_now())),
            Stage::Stopped => Self::Crisis(CrisisScreen::new(session.score_now())),
        }
    }

    /// The key layers of this screen, after the global ones. The crisis panel offers to save a
    /// report only to a clinician, who files it: the person reads that nothing was saved, and
    /// for danger at home nothing may be left on the device.
    #[must_use]
    pub fn layers(&self, session: &Session<'_>, clinician: bool) -> Vec<Layer> {
        match self {
            Self::Welcome(screen) => vec![Layer::Welcome, screen.scroll_layer(), Layer::Leave],
            Self::Question(screen) => screen.layers(session),
            Self::Review(_) => vec![Layer::Review, Layer::Leave],
            Self::Result(_) => vec![Layer::Scroll, Layer::Result, Layer::Leave],
            Self::Crisis(screen)
                if !clinician || crate::safety::danger_at_home(&screen.outcome.flags) =>
            {
                vec![Layer::Scroll, Layer::CrisisPrivate]
            }
            Self::Crisis(_) => vec![Layer::Scroll, Layer::Crisis],
        }
    }

    /// A key the screen takes.
    pub fn handle(&mut self, intent: &Intent, session: &Session<'_>) -> Step {
        match self {
            Self::Welcome(screen) => screen.handle(intent),
            Self::Question(screen) => screen.handle(intent, session),
            Self::Review(screen) => screen.handle(intent, session),
            Self::Result(screen) => screen.handle(intent),
            Self::Crisis(screen) => {
                screen.scroll.apply(intent);
                Step::Stay
            }
        }
    }

    /// A question with an answer composed but not submitted (a tick, a highlight, text), which
    /// leaving would lose.
    #[must_use]
    pub fn has_unsubmitted(&self, session: &Session<'_>) -> bool {
        match self {
            Self::Question(screen) => screen.has_unsubmitted(session),
            _ => false,
        }
    }

    /// The outcome the result or crisis screen shows.
    #[must_use]
    pub fn outcome(&self) -> Option<&Outcome> {
        match self {
            Self::Result(screen) => Some(&screen.outcome),
            Self::Crisis(screen) => Some(&screen.outcome),
            _ => None,
        }
    }

    /// Draws the screen's body.
    pub fn render(&mut self, ctx: &Ctx<'_, '_>, area: Rect, buf: &mut Buffer) {
        match self {
            Self::Welcome(screen) => On { screen, ctx }.render(area, buf),
            Self::Question(screen) => On { screen, ctx }.render(area, buf),
            Self::Review(screen) => On { screen, ctx }.render(area, buf),
            Self::Result(screen) => On { screen, ctx }.render(area, buf),
            Self::Crisis(screen) => On { screen, ctx }.render(area, buf),
        }
    }
}
