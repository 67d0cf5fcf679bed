//! The key table checked: keys by layer, pastes, and every hint naming a key that works.

use super::*;
use crossterm::event::KeyCode::{BackTab, Enter, Esc, Left, Up};
use crossterm::event::{KeyEventKind, KeyEventState};

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

const TEXT: &[Layer] = &[Layer::Global, Layer::TextQuestion, Layer::TextEdit];
const CHOICE: &[Layer] = &[
    Layer::Global,
    Layer::Choose,
    Layer::Skip,
    Layer::Navigate,
    Layer::Leave,
];

#[test]
fn letters_type_in_text_and_command_elsewhere() {
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(intent(&q, TEXT), Some(Intent::Type("q".into())));
    assert_eq!(intent(&q, CHOICE), Some(Intent::Quit));
    let enter_alt = key(KeyCode::Enter, KeyModifiers::ALT);
    assert_eq!(intent(&enter_alt, TEXT), Some(Intent::NewLine));
    let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for layers in [TEXT, CHOICE, &[Layer::Global, Layer::Confirm]] {
        assert_eq!(intent(&ctrl_c, layers), Some(Intent::Interrupt));
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
    assert_eq!(intent(&release, CHOICE), None);
    let paste = Event::Paste("a\nb".into());
    assert_eq!(intent(&paste, TEXT), Some(Intent::Type("a\nb".into())));
    assert_eq!(
        intent(&paste, CHOICE),
        None,
        "a pasted newline never submits"
    );
}

#[test]
fn left_adjusts_a_scale_but_goes_back_on_a_list() {
    let left = key(KeyCode::Left, KeyModifiers::NONE);
    let scale = [Layer::Global, Layer::Scale, Layer::NavigateScale];
    assert_eq!(intent(&left, &scale), Some(Intent::Left));
    assert_eq!(intent(&left, CHOICE), Some(Intent::Back));
    let enter = key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        intent(&enter, &[Layer::Global, Layer::Confirm]),
        None,
        "Enter never confirms leaving"
    );
}

#[test]
fn hints_are_read_from_the_table() {
    let ui = UiText::default();
    assert_eq!(
        hints(CHOICE, &ui),
        "↑↓ move · Enter choose · 1-{n} pick · s skip · ← back · r review · ? help · q quit"
    );
    assert_eq!(
        hints(&[Layer::Global, Layer::Confirm], &ui),
        "y leave · n stay"
    );
}

/// Every key a hint names is one its layer honours: the hint's first key, pressed, means
/// what the binding says.
#[test]
fn every_hinted_key_works_in_its_layer() {
    let ui = UiText::default();
    // The first key a label names: "Esc" of "Esc or ?", "↑↓" of "↑↓ PgUp PgDn".
    let named = |label: &str| -> Option<(KeyCode, KeyModifiers)> {
        let none = KeyModifiers::NONE;
        Some(match label.split_whitespace().next()? {
            "↑↓" => (Up, none),
            "←" | "←→" => (Left, none),
            "Enter" => (Enter, none),
            "Alt+Enter" => (Enter, KeyModifiers::ALT),
            "Esc" => (Esc, none),
            "Space" => (KeyCode::Char(' '), none),
            "Shift+Tab" => (BackTab, KeyModifiers::SHIFT),
            "Ctrl+S" => (KeyCode::Char('s'), KeyModifiers::CONTROL),
            "Ctrl+N" => (KeyCode::Char('n'), KeyModifiers::CONTROL),
            "Ctrl+P" => (KeyCode::Char('p'), KeyModifiers::CONTROL),
            "Ctrl+O" => (KeyCode::Char('o'), KeyModifiers::CONTROL),
            "1-9" | "1-{n}" => (KeyCode::Char('1'), none),
            one if one.chars().count() == 1 => (KeyCode::Char(one.chars().next()?), none),
            _ => return None,
        })
    };
    for layer in ALL_LAYERS {
        for binding in table::of(*layer).iter().filter(|b| b.hint.is_some()) {
            let label = binding.hint.map(|h| (h.keys)(&ui)).unwrap_or_default();
            if label.is_empty() {
                continue; // "type a number": no key of its own to press
            }
            let (code, modifiers) =
                named(label).unwrap_or_else(|| panic!("{layer:?}: hint {label:?} is not tested"));
            let pressed = KeyEvent::new(code, modifiers);
            let got = intent(&Event::Key(pressed), &[*layer]);
            let want = meaning(binding, pressed);
            assert!(
                got.is_some(),
                "{layer:?}: the hint's key {label} does nothing"
            );
            assert_eq!(got, want, "{layer:?}: {label}");
        }
    }
}

const ALL_LAYERS: &[Layer] = &[
    Layer::Global,
    Layer::Confirm,
    Layer::Offer,
    Layer::Caution,
    Layer::Close,
    Layer::Pick,
    Layer::Prompt,
    Layer::TextEdit,
    Layer::TextQuestion,
    Layer::Welcome,
    Layer::Choose,
    Layer::ChooseWithCare,
    Layer::Tick,
    Layer::Scale,
    Layer::Skip,
    Layer::SkipUnhinted,
    Layer::Navigate,
    Layer::NavigateScale,
    Layer::Review,
    Layer::Scroll,
    Layer::ScrollUnhinted,
    Layer::Result,
    Layer::Crisis,
    Layer::CrisisPrivate,
    Layer::Clinician,
    Layer::ClinicianResult,
    Layer::Leave,
];

/// Found in review: the keys that leave or stop at once are never dropped as typed ahead; help
/// closes on every back key; b cancels a pick list and paging keys close it; Backspace and
/// Enter work with modifiers held, while Alt+Enter still makes a new line.
#[test]
fn urgent_keys_back_keys_and_modified_named_keys() {
    let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert!(is_urgent(&ctrl('x')) && is_urgent(&ctrl('c')) && is_urgent(&ctrl('z')));
    assert!(!is_urgent(&key(KeyCode::Char('y'), KeyModifiers::NONE)));
    let help = [Layer::Global, Layer::Scroll, Layer::Close];
    for code in [KeyCode::Char('b'), BackTab, Esc, Left] {
        assert_eq!(
            intent(&key(code, KeyModifiers::NONE), &help),
            Some(Intent::Close)
        );
    }
    let pick = [Layer::Global, Layer::Pick];
    assert_eq!(
        intent(&key(KeyCode::Char('b'), KeyModifiers::NONE), &pick),
        Some(Intent::Cancel)
    );
    assert_eq!(
        intent(&key(KeyCode::PageDown, KeyModifiers::NONE), &pick),
        Some(Intent::Stray)
    );
    let alt_backspace = key(KeyCode::Backspace, KeyModifiers::ALT);
    assert_eq!(intent(&alt_backspace, TEXT), Some(Intent::DeleteBack));
    assert_eq!(
        intent(&key(Enter, KeyModifiers::CONTROL), TEXT),
        Some(Intent::Enter)
    );
    assert_eq!(
        intent(&key(Enter, KeyModifiers::ALT), TEXT),
        Some(Intent::NewLine)
    );
}

/// The help's key list is read from the bindings: every key that goes back is listed (`b` was
/// missing from a hand-written list), and a clinician's keys only in clinician mode.
#[test]
fn the_key_reference_is_read_from_the_bindings() {
    let ui = UiText::default();
    let person = super::reference(&ui, false);
    let back = person
        .iter()
        .find(|(_, does)| *does == ui.key_back)
        .map(|(keys, _)| keys.as_str());
    assert_eq!(back, Some("← Backspace Shift+Tab b"));
    assert!(person.iter().any(|(keys, _)| keys == "0-9"));
    assert!(!person.iter().any(|(keys, _)| keys == "Ctrl+O"));
    let clinician = super::reference(&ui, true);
    assert!(clinician.iter().any(|(keys, _)| keys == "Ctrl+O"));
    assert_eq!(
        clinician.last().map(|(keys, _)| keys.as_str()),
        Some("Ctrl+X")
    );
}
