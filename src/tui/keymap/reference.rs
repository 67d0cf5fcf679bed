//! Every key and what it does, for the help panel and the manual's KEYS section, read from the
//! bindings themselves: a key added to a layer is listed, and one taken away is no longer.

use crossterm::event::KeyCode;

use super::{Intent, Key, Layer, Means, table};
use crate::ui_text::UiText;

/// What one line of the reference lists: the keys bound to `intents` (or a digit, for `digits`)
/// in `layers`, and what they do.
struct Entry {
    intents: &'static [Intent],
    digits: bool,
    layers: &'static [Layer],
    does: fn(&UiText) -> &str,
    clinician: bool,
}

const fn entry(
    intents: &'static [Intent],
    layers: &'static [Layer],
    does: fn(&UiText) -> &str,
) -> Entry {
    Entry {
        intents,
        digits: false,
        layers,
        does,
        clinician: false,
    }
}

const fn clinician(intent: &'static [Intent], does: fn(&UiText) -> &str) -> Entry {
    Entry {
        clinician: true,
        ..entry(intent, &[Layer::Global], does)
    }
}

/// In the order the help lists them; each names the layers where its keys mean what it says
/// (on the result, `r` goes back to the review, so "back" is read from the questions).
const ENTRIES: &[Entry] = &[
    entry(&[Intent::Up, Intent::Down], &[Layer::Choose], |ui| {
        &ui.key_move
    }),
    entry(&[Intent::Enter], &[Layer::Choose], |ui| &ui.key_enter),
    entry(&[Intent::Toggle], &[Layer::Tick], |ui| &ui.key_space),
    Entry {
        digits: true,
        ..entry(&[], &[Layer::Choose], |ui| &ui.key_digits)
    },
    entry(&[Intent::Skip], &[Layer::Skip], |ui| &ui.key_skip),
    entry(&[Intent::Left, Intent::Right], &[Layer::Scale], |ui| {
        &ui.key_scale
    }),
    entry(
        &[Intent::Back],
        &[Layer::Navigate, Layer::TextQuestion],
        |ui| &ui.key_back,
    ),
    entry(&[Intent::NewLine], &[Layer::TextQuestion], |ui| {
        &ui.key_newline
    }),
    entry(&[Intent::Review], &[Layer::Navigate], |ui| &ui.key_review),
    entry(&[Intent::Help], &[Layer::Leave], |ui| &ui.key_help),
    entry(&[Intent::Quit], &[Layer::Leave], |ui| &ui.key_quit),
    entry(&[Intent::Interrupt], &[Layer::Global], |ui| {
        &ui.key_interrupt
    }),
    entry(&[Intent::Suspend], &[Layer::Global], |ui| &ui.key_suspend),
    entry(&[Intent::Save], &[Layer::Global], |ui| &ui.key_save),
    entry(&[Intent::Export], &[Layer::Global, Layer::Result], |ui| {
        &ui.key_export
    }),
    clinician(&[Intent::Note], |ui| &ui.key_note),
    clinician(&[Intent::Reference], |ui| &ui.key_reference),
    clinician(&[Intent::Weights], |ui| &ui.key_weights),
    clinician(&[Intent::Override], |ui| &ui.key_override),
    entry(&[Intent::QuickExit], &[Layer::Global], |ui| {
        &ui.key_quick_exit
    }),
];

/// Every key and what it does, in the interface's words; the clinician's keys only in
/// clinician mode, where they work.
#[must_use]
pub fn reference(ui: &UiText, clinician: bool) -> Vec<(String, &str)> {
    ENTRIES
        .iter()
        .filter(|entry| clinician || !entry.clinician)
        .map(|entry| (keys_of(entry, ui), (entry.does)(ui)))
        .collect()
}

/// The keys of an entry, each named once, in the order the bindings list them.
fn keys_of(entry: &Entry, ui: &UiText) -> String {
    let mut names: Vec<String> = Vec::new();
    for &layer in entry.layers {
        for binding in table::of(layer) {
            let counts = match &binding.means {
                Means::Is(intent) => entry.intents.contains(intent),
                Means::DigitValue => entry.digits,
                Means::Typed => false,
            };
            if !counts {
                continue;
            }
            for key in binding.keys {
                if let Some(name) = name(*key, ui).filter(|n| !names.contains(n)) {
                    names.push(name);
                }
            }
        }
    }
    names.join(" ")
}

/// A key's name as a person reads it; `None` for "any printable key", which is no one key.
fn name(key: Key, ui: &UiText) -> Option<String> {
    Some(match key {
        Key::Code(code) => code_name(code, ui),
        Key::Char(' ') => ui.key_name_space.clone(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
        Key::Alt(KeyCode::Enter) => ui.key_name_new_line.clone(),
        Key::Alt(code) => format!("Alt+{}", code_name(code, ui)),
        Key::Digit => "0-9".to_string(),
        Key::Printable => return None,
    })
}

fn code_name(code: KeyCode, ui: &UiText) -> String {
    match code {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::Enter => ui.key_name_enter.clone(),
        KeyCode::Esc => ui.key_name_esc.clone(),
        KeyCode::BackTab => ui.key_name_shift_tab.clone(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        other => other.to_string(),
    }
}
