//! One table from keys to what the person means. Which keys mean what depends only on the kind
//! of screen in front of them: in a text field, letters type; elsewhere they are commands.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// What the person means by a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// Choose, submit, go on.
    Enter,
    /// Toggle the highlighted choice of a multi question.
    Toggle,
    Digit(u32),
    /// Leave this question unanswered on purpose (not for required questions).
    Skip,
    Back,
    Review,
    Help,
    /// Leave, asking first once anything is answered.
    Quit,
    /// Ctrl-C: leave at once.
    Interrupt,
    /// Ctrl-Z: give the terminal back and stop, as every full-screen program does.
    Suspend,
    /// Ctrl-S: save the answers so far to an answers file.
    Save,
    /// Ctrl-E (or `e` on the result): save a report.
    Export,
    /// Clinician mode, Ctrl-N: a note on this question (or on the session).
    Note,
    /// Clinician mode, Ctrl-P: the client reference or initials.
    Reference,
    /// Clinician mode, Ctrl-W: show option weights and contributions.
    Weights,
    /// Clinician mode, Ctrl-O: override the recommendation, with a reason.
    Override,
    /// Ctrl-X: leave at once and wipe the screen and scrollback, for someone who must hide what
    /// they were doing.
    QuickExit,
    /// Text typed or pasted into a text field.
    Type(String),
    NewLine,
    DeleteBack,
    Yes,
    No,
}

/// The kind of screen that decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A single or multi question.
    Choice,
    Scale,
    /// A text question: letters and digits type.
    Text,
    /// Welcome, review, result and crisis screens, and the help overlay.
    Screen,
    /// "Leave without saving?"
    Confirm,
    /// "Your result is settled: see it now?" Enter accepts.
    Offer,
    /// "Before you go on": Enter keeps going, r shows the result now.
    Caution,
}

/// Maps one terminal event to an intent. Only key presses count (Windows also reports releases);
/// a paste only types into a text field.
#[must_use]
pub fn intent(event: &Event, mode: Mode) -> Option<Intent> {
    match event {
        Event::Paste(text) if mode == Mode::Text => Some(Intent::Type(text.clone())),
        Event::Key(_) => event
            .as_key_press_event()
            .and_then(|key| key_intent(key, mode)),
        _ => None,
    }
}

fn key_intent(key: KeyEvent, mode: Mode) -> Option<Intent> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
        return Some(Intent::Interrupt);
    }
    if ctrl && matches!(key.code, KeyCode::Char('x' | 'X')) {
        return Some(Intent::QuickExit);
    }
    if ctrl && matches!(key.code, KeyCode::Char('z' | 'Z')) {
        return Some(Intent::Suspend);
    }
    if ctrl {
        let global = match key.code {
            KeyCode::Char('s' | 'S') => Some(Intent::Save),
            KeyCode::Char('e' | 'E') => Some(Intent::Export),
            KeyCode::Char('n' | 'N') => Some(Intent::Note),
            KeyCode::Char('p' | 'P') => Some(Intent::Reference),
            KeyCode::Char('w' | 'W') => Some(Intent::Weights),
            KeyCode::Char('o' | 'O') => Some(Intent::Override),
            _ => None,
        };
        if global.is_some() {
            return global;
        }
    }
    match mode {
        Mode::Confirm => confirm_key(key.code),
        Mode::Offer => offer_key(key.code),
        Mode::Caution => caution_key(key.code),
        Mode::Text => text_key(key.code, ctrl, alt),
        Mode::Choice | Mode::Scale | Mode::Screen => command_key(key.code, mode, ctrl),
    }
}

fn confirm_key(code: KeyCode) -> Option<Intent> {
    match code {
        KeyCode::Char('y' | 'Y') => Some(Intent::Yes),
        KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => Some(Intent::No),
        _ => None,
    }
}

fn offer_key(code: KeyCode) -> Option<Intent> {
    match code {
        KeyCode::Enter | KeyCode::Char('y' | 'Y' | 's' | 'S') => Some(Intent::Yes),
        KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => Some(Intent::No),
        _ => None,
    }
}

fn caution_key(code: KeyCode) -> Option<Intent> {
    match code {
        KeyCode::Char('r' | 'R') => Some(Intent::Yes),
        KeyCode::Enter | KeyCode::Esc | KeyCode::Char('n' | 'N' | 'q') => Some(Intent::No),
        _ => None,
    }
}

fn text_key(code: KeyCode, ctrl: bool, alt: bool) -> Option<Intent> {
    Some(match code {
        KeyCode::Enter if alt => Intent::NewLine,
        KeyCode::Char('j' | 'J') if ctrl => Intent::NewLine,
        KeyCode::Enter => Intent::Enter,
        KeyCode::Backspace => Intent::DeleteBack,
        KeyCode::BackTab => Intent::Back,
        KeyCode::Left => Intent::Left,
        KeyCode::Right => Intent::Right,
        KeyCode::Home => Intent::Home,
        KeyCode::End => Intent::End,
        KeyCode::Esc => Intent::Quit,
        KeyCode::Char(c) if !ctrl && !alt => Intent::Type(c.to_string()),
        _ => return None,
    })
}

fn command_key(code: KeyCode, mode: Mode, ctrl: bool) -> Option<Intent> {
    if ctrl {
        return None;
    }
    let scale = mode == Mode::Scale;
    Some(match code {
        KeyCode::Up | KeyCode::Char('k') => Intent::Up,
        KeyCode::Down | KeyCode::Char('j') => Intent::Down,
        KeyCode::Left | KeyCode::Char('h') if scale => Intent::Left,
        KeyCode::Right | KeyCode::Char('l') if scale => Intent::Right,
        KeyCode::Left | KeyCode::Backspace | KeyCode::BackTab | KeyCode::Char('b') => Intent::Back,
        KeyCode::PageUp => Intent::PageUp,
        KeyCode::PageDown => Intent::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Intent::Home,
        KeyCode::End | KeyCode::Char('G') => Intent::End,
        KeyCode::Enter => Intent::Enter,
        KeyCode::Char(' ') if mode == Mode::Choice => Intent::Toggle,
        KeyCode::Char(c @ '0'..='9') if mode != Mode::Screen => Intent::Digit(c.to_digit(10)?),
        KeyCode::Char('r') => Intent::Review,
        KeyCode::Char('s') if mode != Mode::Screen => Intent::Skip,
        KeyCode::Char('e') if mode == Mode::Screen => Intent::Export,
        KeyCode::Char('?') => Intent::Help,
        KeyCode::Char('q') | KeyCode::Esc => Intent::Quit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEventKind, KeyEventState};

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn letters_type_in_text_and_command_elsewhere() {
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(intent(&q, Mode::Text), Some(Intent::Type("q".into())));
        assert_eq!(intent(&q, Mode::Choice), Some(Intent::Quit));
        let enter_alt = key(KeyCode::Enter, KeyModifiers::ALT);
        assert_eq!(intent(&enter_alt, Mode::Text), Some(Intent::NewLine));
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [
            Mode::Text,
            Mode::Choice,
            Mode::Screen,
            Mode::Confirm,
            Mode::Scale,
        ] {
            assert_eq!(intent(&ctrl_c, mode), Some(Intent::Interrupt));
        }
    }

    #[test]
    fn releases_are_ignored_and_pastes_only_type_into_text() {
        let release = Event::Key(KeyEvent {
            code: KeyCode::Enter,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        });
        assert_eq!(intent(&release, Mode::Choice), None);
        let paste = Event::Paste("a\nb".into());
        assert_eq!(
            intent(&paste, Mode::Text),
            Some(Intent::Type("a\nb".into()))
        );
        assert_eq!(
            intent(&paste, Mode::Choice),
            None,
            "a pasted newline never submits"
        );
    }

    #[test]
    fn left_adjusts_a_scale_but_goes_back_on_a_list() {
        let left = key(KeyCode::Left, KeyModifiers::NONE);
        assert_eq!(intent(&left, Mode::Scale), Some(Intent::Left));
        assert_eq!(intent(&left, Mode::Choice), Some(Intent::Back));
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            intent(&enter, Mode::Confirm),
            None,
            "Enter never confirms leaving"
        );
    }
}
