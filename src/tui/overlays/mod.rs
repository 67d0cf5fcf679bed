//! The panels drawn over a screen, each one variant holding its own data: help, "leave?", the
//! settled result offered early, the caution after the safety screen, a text prompt and a
//! numbered pick list. Each takes every key while it is up (bar the global ones).

mod help;
mod panel;
mod records;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use help::HelpPanel;

use super::app::{App, Control, Exit};
use super::keymap::{Intent, Layer};
use super::records::Prompt;
use super::screens::Ctx;
use crate::recording::Choosing;
use crate::session::Action;
use crate::tui::scroll::ScrollState;

/// A panel drawn over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help(HelpPanel),
    ConfirmQuit,
    /// The remaining questions cannot change the result: see it now? With the offer's words,
    /// worked out once when it was made.
    Settled {
        offer: String,
    },
    /// The safety screen ended with a caution: what was noticed, in the reader's words, help
    /// now, and the result now if wanted.
    /// With how far it is scrolled: a clinician's list of declined questions can be long.
    Caution(crate::panels::Caution, ScrollState),
    /// A one-line text prompt: a note, a reference, a reason, a file name.
    Prompt(Prompt),
    /// A numbered list to pick from.
    Pick(Choosing),
}

impl Overlay {
    /// The panel's key layers, after the global ones.
    #[must_use]
    pub fn layers(&self) -> Vec<Layer> {
        match self {
            Self::Help(panel) if panel.overflows() => vec![Layer::Scroll, Layer::Close],
            Self::Help(_) => vec![Layer::ScrollUnhinted, Layer::Close],
            Self::ConfirmQuit => vec![Layer::Confirm],
            Self::Settled { .. } => vec![Layer::Offer],
            // Its keys, and the scrolling keys unsaid: the border says when more lies below.
            Self::Caution(..) => vec![Layer::Caution, Layer::ScrollUnhinted],
            Self::Prompt(_) => vec![Layer::Prompt, Layer::TextEdit],
            Self::Pick(_) => vec![Layer::Pick],
        }
    }

    /// A panel that must not act on keys typed before it was drawn: those that open by
    /// themselves (the settled offer, the caution), whose keys were meant for what was under
    /// them, and "leave?", where a typed-ahead y would end the session.
    #[must_use]
    pub fn ignores_keys_typed_ahead(&self) -> bool {
        matches!(
            self,
            Self::Settled { .. } | Self::Caution(..) | Self::ConfirmQuit
        )
    }

    /// Draws the panel over `area`, above the key hints and the crisis footer.
    pub fn render(&mut self, ctx: &Ctx<'_, '_>, area: Rect, buf: &mut Buffer) {
        match self {
            Self::Help(panel) => panel.render(ctx, area, buf),
            Self::ConfirmQuit => panel::confirm_quit(ctx, area, buf),
            Self::Settled { offer } => panel::settled_offer(ctx, offer, area, buf),
            Self::Caution(caution, scroll) => panel::caution(ctx, caution, scroll, area, buf),
            Self::Prompt(prompt) => records::prompt(ctx, prompt, area, buf),
            Self::Pick(pick) => records::pick(ctx, *pick, area, buf),
        }
    }
}

impl App<'_> {
    /// A key while a panel is up: the panel takes it.
    pub(super) fn on_overlay(&mut self, intent: Intent) -> Control {
        let Some(overlay) = self.overlay.as_mut() else {
            return Control::Continue;
        };
        // A warning said in a dialog is about the key before: the next key there clears it, so
        // an error never outlives its cause (a refusal from this key is said afresh).
        if matches!(overlay, Overlay::Prompt(_) | Overlay::Pick(_))
            && self.notice.as_ref().is_some_and(|n| n.warning)
        {
            self.notice = None;
        }
        match (overlay, intent) {
            (Overlay::Prompt(_), intent) => return self.on_prompt(intent),
            (Overlay::Pick(pick), intent) => {
                let pick = *pick;
                self.on_pick(pick, &intent);
            }
            (Overlay::Help(_), Intent::Close) | (Overlay::ConfirmQuit, Intent::Stay) => {
                self.overlay = None;
            }
            (Overlay::Help(panel), intent) => panel.scroll(&intent),
            (Overlay::ConfirmQuit, Intent::Leave) => return Control::Exit(Exit::Left),
            (Overlay::Settled { .. } | Overlay::Caution(..), Intent::SeeResult) => {
                self.overlay = None;
                self.act(Action::FinishEarly);
            }
            (Overlay::Settled { .. }, Intent::KeepGoing) => {
                self.overlay = None;
                self.session.decline_offer();
            }
            (Overlay::Caution(..), Intent::KeepGoing) => self.overlay = None,
            (Overlay::Caution(_, scroll), intent) => {
                scroll.apply(&intent);
            }
            _ => {}
        }
        Control::Continue
    }
}
