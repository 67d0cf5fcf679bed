//! The key table: for each layer (the keys every screen shares, each overlay, each screen), which
//! keys mean what, and how the hint line names them. A key is looked up through the active
//! layers in order, and the hint line is read from the same layers, so that the hints cannot
//! promise a key the table does not honour.

mod reference;
pub use reference::reference;
mod table;
#[cfg(test)]
mod tests;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::ui_text::UiText;

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
    /// "Leave groupfit?": yes, leave.
    Leave,
    /// "Leave groupfit?": no, stay.
    Stay,
    /// The settled offer or the caution: see the result now.
    SeeResult,
    /// The settled offer or the caution: keep answering.
    KeepGoing,
    /// Close the help panel.
    Close,
    /// Cancel a pick list or a prompt.
    Cancel,
    /// A printable key that means nothing here (a pick list closes on it).
    Stray,
}

/// A group of keys that go together: the keys every screen shares, an overlay's, a screen's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// Ctrl+C, Ctrl+X, Ctrl+Z, Ctrl+S and the record keys: the same everywhere.
    Global,
    /// "Leave without saving?"
    Confirm,
    /// "Your result is settled: see it now?" Enter accepts.
    Offer,
    /// "Before you go on": Enter keeps going, r shows the result now.
    Caution,
    /// Closing the help panel.
    Close,
    /// A numbered list: a digit chooses, any other letter closes it.
    Pick,
    /// A one-line text prompt: Enter done, Esc cancel.
    Prompt,
    /// Editing text: letters type, Backspace deletes, arrows move the cursor.
    TextEdit,
    /// A text question: Enter done, Alt+Enter a new line, Shift+Tab back, Esc leave.
    TextQuestion,
    Welcome,
    /// A single-choice question: a digit answers.
    Choose,
    /// A single-choice question whose answer can call for help first: a digit highlights.
    ChooseWithCare,
    /// A multi-choice question: Space or a digit ticks.
    Tick,
    Scale,
    /// `s` skips an optional question (said in the hints).
    Skip,
    /// `s` on a required question: still a key (it says why not), but no hint.
    SkipUnhinted,
    /// Back and review from a question whose ← means back.
    Navigate,
    /// Back and review from a scale, where ← changes the value.
    NavigateScale,
    Review,
    /// Scrolling a screen or panel (said in the hints).
    Scroll,
    /// Scrolling where all is in view: the keys work, the hints say nothing.
    ScrollUnhinted,
    Result,
    Crisis,
    /// The crisis panel that offers nothing to save: for the person (it says nothing was saved)
    /// and for danger at home (a device someone else may check).
    CrisisPrivate,
    /// Clinician mode, before help and leaving: a note and the client reference, said in the
    /// hints (the keys themselves are global).
    Clinician,
    /// Clinician mode on the result: the override and a note on the session.
    ClinicianResult,
    /// `?` help and `q` quit, last on most screens.
    Leave,
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Key {
    Code(KeyCode),
    Char(char),
    Ctrl(char),
    Alt(KeyCode),
    /// Any digit 0-9.
    Digit,
    /// Any printable character without Ctrl or Alt.
    Printable,
}

/// What a binding means: a fixed intent, or one made from the key (the digit, the character).
#[derive(Debug, Clone)]
pub(super) enum Means {
    Is(Intent),
    DigitValue,
    Typed,
}

/// How the hint line names a binding: its keys and what it does, each in the interface's words.
#[derive(Clone, Copy)]
pub(super) struct Hint {
    keys: fn(&UiText) -> &str,
    does: fn(&UiText) -> &str,
}

pub(super) struct Binding {
    keys: &'static [Key],
    means: Means,
    hint: Option<Hint>,
}

/// Maps one terminal event to an intent through `layers`, the first layer that knows the key
/// winning. Only key presses count (Windows also reports releases); a paste only types where a
/// layer takes typed text.
#[must_use]
pub fn intent(event: &Event, layers: &[Layer]) -> Option<Intent> {
    match event {
        Event::Paste(text) => layers
            .iter()
            .flat_map(|&layer| table::of(layer))
            .any(|b| matches!(b.means, Means::Typed))
            .then(|| Intent::Type(text.clone())),
        Event::Key(_) => {
            let key = event.as_key_press_event()?;
            layers
                .iter()
                .flat_map(|&layer| table::of(layer))
                .find_map(|binding| meaning(binding, key))
        }
        _ => None,
    }
}

/// What `key` means under `binding`, if the binding has it.
fn meaning(binding: &Binding, key: KeyEvent) -> Option<Intent> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let plain = !ctrl && !alt;
    let matched = binding.keys.iter().any(|k| match (*k, key.code) {
        // Named keys whatever the modifiers, as terminals send Alt+Backspace or Ctrl+Enter;
        // a binding for a modified key (Alt+Enter) is listed before the plain one.
        (Key::Code(code), pressed) => code == pressed,
        (Key::Char(c), KeyCode::Char(pressed)) => plain && c == pressed,
        (Key::Ctrl(c), KeyCode::Char(pressed)) => ctrl && c.eq_ignore_ascii_case(&pressed),
        (Key::Alt(code), pressed) => alt && code == pressed,
        (Key::Digit, KeyCode::Char(pressed)) => plain && pressed.is_ascii_digit(),
        (Key::Printable, KeyCode::Char(pressed)) => plain && !pressed.is_control(),
        _ => false,
    });
    if !matched {
        return None;
    }
    Some(match (&binding.means, key.code) {
        (Means::Is(intent), _) => intent.clone(),
        (Means::DigitValue, KeyCode::Char(c)) => Intent::Digit(c.to_digit(10)?),
        (Means::Typed, KeyCode::Char(c)) => Intent::Type(c.to_string()),
        _ => return None,
    })
}

/// Ctrl+C, Ctrl+X or Ctrl+Z: keys that leave or stop at once, which nothing may drop.
#[must_use]
pub fn is_urgent(event: &Event) -> bool {
    matches!(
        intent(event, &[Layer::Global]),
        Some(Intent::Interrupt | Intent::QuickExit | Intent::Suspend)
    )
}

impl Layer {
    /// Whether the hint line names this layer's keys: the unhinted layers are the same keys,
    /// working but not said (skipping a required question, scrolling what fits).
    fn hinted(self) -> bool {
        !matches!(self, Self::SkipUnhinted | Self::ScrollUnhinted)
    }
}

/// The hint line for `layers`, in the interface's words: each hinted binding as "keys does",
/// joined with " · ".
#[must_use]
pub fn hints(layers: &[Layer], ui: &UiText) -> String {
    layers
        .iter()
        .filter(|layer| layer.hinted())
        .flat_map(|&layer| table::of(layer))
        .filter_map(|binding| binding.hint)
        .map(|hint| {
            let keys = (hint.keys)(ui);
            let does = (hint.does)(ui);
            if keys.is_empty() {
                does.to_string()
            } else {
                format!("{keys} {does}")
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
