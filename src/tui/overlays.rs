//! The panels drawn over a screen and the keys they take: leave or stay, the settled result
//! offered early, the caution after the safety screen, help.

use super::app::{App, Control, Exit, Overlay};
use super::keymap::Intent;
use crate::session::Action;

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
                self.session.decline_offer();
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

    /// Help scrolls with the keys every screen scrolls with; ?, Esc, q, ← or Enter close it.
    pub(super) fn help_overlay(&mut self, intent: &Intent, scroll: u16) {
        if matches!(
            intent,
            Intent::Help | Intent::Quit | Intent::Back | Intent::Enter
        ) {
            self.overlay = None;
            return;
        }
        let limit = super::views::help::scroll_limit(self, self.size);
        let page = self.size.1.saturating_sub(6).max(1);
        let scroll = match intent {
            Intent::Up => scroll.saturating_sub(1),
            Intent::Down => scroll.saturating_add(1),
            Intent::PageUp => scroll.saturating_sub(page),
            Intent::PageDown => scroll.saturating_add(page),
            Intent::Home => 0,
            Intent::End => limit,
            _ => scroll,
        };
        self.overlay = Some(Overlay::Help {
            scroll: scroll.min(limit),
        });
    }

    /// Leaving discards answers, so once there are any it asks first. From the crisis panel it
    /// never stands in the way.
    pub(super) fn ask_to_leave(&mut self) -> Control {
        if self.session.leaving_loses_answers() {
            self.overlay = Some(Overlay::ConfirmQuit);
            Control::Continue
        } else {
            Control::Exit(Exit::Left)
        }
    }
}
