//! The panels drawn over a screen and the keys they take: leave or stay, the settled result
//! offered early, the caution after the safety screen, help.

use super::app::{App, Control, Exit, Overlay};
use super::keymap::Intent;
use crate::session::{Action, Stage};

impl App<'_> {
    pub(super) fn confirm(&mut self, intent: &Intent) -> Control {
        match intent {
            Intent::Yes => Control::Exit(Exit::Left),
            Intent::No => {
                self.overlay = None;
                Control::Continue
            }
            _ => Control::Continue,
        }
    }

    pub(super) fn settled_offer(&mut self, intent: &Intent) {
        match intent {
            Intent::Yes => {
                self.overlay = None;
                self.act(Action::FinishEarly);
            }
            Intent::No => {
                self.overlay = None;
                self.offer_declined = true;
            }
            _ => {}
        }
    }

    /// "Before you go on": r sees the result now; anything that dismisses keeps going.
    pub(super) fn caution(&mut self, intent: &Intent) {
        match intent {
            Intent::Yes => {
                self.overlay = None;
                self.act(Action::FinishEarly);
            }
            Intent::No => self.overlay = None,
            _ => {}
        }
    }

    pub(super) fn help_overlay(&mut self, intent: &Intent) {
        if matches!(
            intent,
            Intent::Help | Intent::Quit | Intent::Back | Intent::Enter
        ) {
            self.overlay = None;
        }
    }

    /// Leaving discards answers, so once there are any it asks first. From the crisis panel it
    /// never stands in the way.
    pub(super) fn ask_to_leave(&mut self) -> Control {
        let nothing_to_lose =
            self.session.answers().is_empty() || matches!(self.session.stage(), Stage::Stopped);
        if nothing_to_lose {
            Control::Exit(Exit::Left)
        } else {
            self.overlay = Some(Overlay::ConfirmQuit);
            Control::Continue
        }
    }
}
