//! The bindings of each layer, in hint order: the first binding of a key wins, and the hints
//! read left to right as the bindings are listed.

use crossterm::event::KeyCode;

use super::{Binding, Hint, Intent, Key, Layer, Means};
use crate::ui_text::UiText;
use Key::{Alt, Char, Code, Ctrl};
use KeyCode::{BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Up};

const fn bind(keys: &'static [Key], intent: Intent) -> Binding {
    Binding {
        keys,
        means: Means::Is(intent),
        hint: None,
    }
}

const fn hinted(keys: &'static [Key], intent: Intent, hint: Hint) -> Binding {
    Binding {
        keys,
        means: Means::Is(intent),
        hint: Some(hint),
    }
}

const fn hint(keys: fn(&UiText) -> &str, does: fn(&UiText) -> &str) -> Hint {
    Hint { keys, does }
}

const UP: &[Key] = &[Code(Up), Char('k')];
const DOWN: &[Key] = &[Code(Down), Char('j')];
const BACK: &[Key] = &[Code(Left), Code(Backspace), Code(BackTab), Char('b')];
const HOME: &[Key] = &[Code(Home), Char('g')];
const END: &[Key] = &[Code(End), Char('G')];
const DIGITS: &[Key] = &[Key::Digit];

/// Digits that act without a hint of their own (another hint names them).
const DIGITS_QUIET: Binding = Binding {
    keys: DIGITS,
    means: Means::DigitValue,
    hint: None,
};

const MOVE: Hint = hint(|_| "↑↓", |ui| &ui.hint_move);
const SCROLL: Hint = hint(|ui| &ui.key_name_scroll, |ui| &ui.hint_scroll);
const GO_BACK: Hint = hint(|_| "←", |ui| &ui.hint_back);

static GLOBAL: &[Binding] = &[
    bind(&[Ctrl('c')], Intent::Interrupt),
    bind(&[Ctrl('x')], Intent::QuickExit),
    bind(&[Ctrl('z')], Intent::Suspend),
    bind(&[Ctrl('s')], Intent::Save),
    bind(&[Ctrl('e')], Intent::Export),
    bind(&[Ctrl('n')], Intent::Note),
    bind(&[Ctrl('p')], Intent::Reference),
    bind(&[Ctrl('w')], Intent::Weights),
    bind(&[Ctrl('o')], Intent::Override),
];

static CONFIRM: &[Binding] = &[
    hinted(
        &[Char('y'), Char('Y')],
        Intent::Leave,
        hint(|_| "y", |ui| &ui.hint_leave),
    ),
    hinted(
        &[Char('n'), Char('N'), Char('q'), Code(Esc)],
        Intent::Stay,
        hint(|_| "n", |ui| &ui.hint_stay),
    ),
];

static OFFER: &[Binding] = &[
    hinted(
        &[Code(Enter), Char('y'), Char('Y'), Char('s'), Char('S')],
        Intent::SeeResult,
        hint(|ui| &ui.key_name_enter, |ui| &ui.hint_see_result),
    ),
    hinted(
        &[Char('n'), Char('N'), Char('q'), Code(Esc)],
        Intent::KeepGoing,
        hint(|_| "n", |ui| &ui.hint_keep_answering),
    ),
];

static CAUTION: &[Binding] = &[
    hinted(
        &[Code(Enter), Code(Esc), Char('n'), Char('N'), Char('q')],
        Intent::KeepGoing,
        hint(|ui| &ui.key_name_enter, |ui| &ui.hint_keep_going),
    ),
    hinted(
        &[Char('r'), Char('R')],
        Intent::SeeResult,
        hint(|_| "r", |ui| &ui.hint_see_result),
    ),
];

static CLOSE: &[Binding] = &[hinted(
    &[
        Code(Esc),
        Char('?'),
        Char('q'),
        Code(Left),
        Code(Enter),
        Code(Backspace),
        Code(BackTab),
        Char('b'),
    ],
    Intent::Close,
    hint(|ui| &ui.key_name_close, |ui| &ui.hint_close),
)];

static PICK: &[Binding] = &[
    Binding {
        keys: DIGITS,
        means: Means::DigitValue,
        hint: Some(hint(|_| "1-{n}", |ui| &ui.hint_choose)),
    },
    hinted(
        &[
            Code(Esc),
            Char('q'),
            Char('b'),
            Code(Left),
            Code(Backspace),
            Code(BackTab),
        ],
        Intent::Cancel,
        hint(|ui| &ui.key_name_esc, |ui| &ui.hint_cancel),
    ),
    Binding {
        keys: &[
            Key::Printable,
            Code(Enter),
            Code(Up),
            Code(Down),
            Code(Right),
            Code(PageUp),
            Code(PageDown),
            Code(Home),
            Code(End),
        ],
        means: Means::Is(Intent::Stray),
        hint: None,
    },
];

static PROMPT: &[Binding] = &[
    hinted(
        &[Code(Enter)],
        Intent::Enter,
        hint(|ui| &ui.key_name_enter, |ui| &ui.hint_done),
    ),
    hinted(
        &[Code(Esc)],
        Intent::Cancel,
        hint(|ui| &ui.key_name_esc, |ui| &ui.hint_cancel),
    ),
];

static TEXT_EDIT: &[Binding] = &[
    bind(&[Code(Backspace)], Intent::DeleteBack),
    bind(&[Code(Left)], Intent::Left),
    bind(&[Code(Right)], Intent::Right),
    bind(&[Code(Home)], Intent::Home),
    bind(&[Code(End)], Intent::End),
    Binding {
        keys: &[Key::Printable],
        means: Means::Typed,
        hint: None,
    },
];

static TEXT_QUESTION: &[Binding] = &[
    // Alt+Enter first: Enter matches whatever the modifiers.
    bind(&[Alt(Enter), Ctrl('j')], Intent::NewLine),
    hinted(
        &[Code(Enter)],
        Intent::Enter,
        hint(|ui| &ui.key_name_enter, |ui| &ui.hint_done_or_skip),
    ),
    hinted(
        &[Alt(Enter)],
        Intent::NewLine,
        hint(|ui| &ui.key_name_new_line, |ui| &ui.hint_new_line),
    ),
    hinted(
        &[Code(BackTab)],
        Intent::Back,
        hint(|ui| &ui.key_name_shift_tab, |ui| &ui.hint_back),
    ),
    // Esc does not leave from a written answer: seen in use, Esc typed while writing opened
    // "leave?" and the next letters typed ("yes") answered it. The screen says how to go on.
    bind(&[Code(Esc)], Intent::Stray),
];

static WELCOME: &[Binding] = &[hinted(
    &[Code(Enter)],
    Intent::Enter,
    hint(|ui| &ui.key_name_enter, |ui| &ui.hint_begin),
)];

static CHOOSE: &[Binding] = &[
    hinted(UP, Intent::Up, MOVE),
    bind(DOWN, Intent::Down),
    bind(HOME, Intent::Home),
    bind(END, Intent::End),
    hinted(
        &[Code(Enter)],
        Intent::Enter,
        hint(|ui| &ui.key_name_enter, |ui| &ui.hint_choose),
    ),
    Binding {
        keys: DIGITS,
        means: Means::DigitValue,
        hint: Some(hint(|_| "1-{n}", |ui| &ui.hint_pick)),
    },
];

static CHOOSE_WITH_CARE: &[Binding] = &[
    hinted(
        UP,
        Intent::Up,
        hint(|ui| &ui.key_name_highlight, |ui| &ui.hint_highlight),
    ),
    bind(DOWN, Intent::Down),
    bind(HOME, Intent::Home),
    bind(END, Intent::End),
    DIGITS_QUIET,
    hinted(
        &[Code(Enter)],
        Intent::Enter,
        hint(|ui| &ui.key_name_enter, |ui| &ui.hint_confirm),
    ),
];

static TICK: &[Binding] = &[
    hinted(UP, Intent::Up, MOVE),
    bind(DOWN, Intent::Down),
    bind(HOME, Intent::Home),
    bind(END, Intent::End),
    hinted(
        &[Char(' ')],
        Intent::Toggle,
        hint(|ui| &ui.key_name_space, |ui| &ui.hint_tick),
    ),
    DIGITS_QUIET,
    hinted(
        &[Code(Enter)],
        Intent::Enter,
        hint(|ui| &ui.key_name_enter, |ui| &ui.hint_next),
    ),
];

static SCALE: &[Binding] = &[
    hinted(
        &[Code(Left), Char('h')],
        Intent::Left,
        hint(|_| "←→", |ui| &ui.hint_change),
    ),
    bind(&[Code(Right), Char('l')], Intent::Right),
    bind(UP, Intent::Left),
    bind(DOWN, Intent::Right),
    bind(HOME, Intent::Home),
    bind(END, Intent::End),
    Binding {
        keys: DIGITS,
        means: Means::DigitValue,
        hint: Some(hint(|_| "", |ui| &ui.hint_type_number)),
    },
    hinted(
        &[Code(Enter)],
        Intent::Enter,
        hint(|ui| &ui.key_name_enter, |ui| &ui.hint_choose),
    ),
];

static SKIP: &[Binding] = &[hinted(
    &[Char('s')],
    Intent::Skip,
    hint(|_| "s", |ui| &ui.hint_skip_question),
)];

const REVIEW_KEY: Hint = hint(|_| "r", |ui| &ui.hint_review);
static NAVIGATE: &[Binding] = &[
    hinted(BACK, Intent::Back, GO_BACK),
    hinted(&[Char('r')], Intent::Review, REVIEW_KEY),
];
static NAVIGATE_SCALE: &[Binding] = &[
    hinted(
        &[Code(BackTab), Code(Backspace), Char('b')],
        Intent::Back,
        hint(|ui| &ui.key_name_shift_tab, |ui| &ui.hint_back),
    ),
    hinted(&[Char('r')], Intent::Review, REVIEW_KEY),
];

static REVIEW: &[Binding] = &[
    hinted(UP, Intent::Up, MOVE),
    bind(DOWN, Intent::Down),
    bind(&[Code(PageUp)], Intent::PageUp),
    bind(&[Code(PageDown)], Intent::PageDown),
    bind(HOME, Intent::Home),
    bind(END, Intent::End),
    hinted(
        &[Code(Enter)],
        Intent::Enter,
        hint(|ui| &ui.key_name_enter, |ui| &ui.hint_open),
    ),
    hinted(BACK, Intent::Back, GO_BACK),
];

static SCROLL_KEYS: &[Binding] = &[
    hinted(UP, Intent::Up, SCROLL),
    bind(DOWN, Intent::Down),
    bind(&[Code(PageUp)], Intent::PageUp),
    bind(&[Code(PageDown), Char(' ')], Intent::PageDown),
    bind(HOME, Intent::Home),
    bind(END, Intent::End),
];

const SAVE_REPORT: Hint = hint(|_| "e", |ui| &ui.hint_save_report);
static RESULT: &[Binding] = &[
    hinted(&[Char('e')], Intent::Export, SAVE_REPORT),
    hinted(
        &[
            Code(Left),
            Code(Backspace),
            Code(BackTab),
            Char('b'),
            Char('r'),
        ],
        Intent::Back,
        GO_BACK,
    ),
    // Ctrl+S works everywhere (Global); on the result it is said, after going back (the first
    // to give way when the line is short: help lists it).
    hinted(
        &[Ctrl('s')],
        Intent::Save,
        hint(|_| "Ctrl+S", |ui| &ui.hint_save_answers),
    ),
];

static CRISIS: &[Binding] = &[
    hinted(&[Char('e')], Intent::Export, SAVE_REPORT),
    bind(&[Char('?')], Intent::Help),
    hinted(
        &[Char('q'), Code(Esc)],
        Intent::Quit,
        hint(|_| "q", |ui| &ui.hint_leave),
    ),
];

static CRISIS_PRIVATE: &[Binding] = &[
    bind(&[Char('?')], Intent::Help),
    hinted(
        &[Char('q'), Code(Esc)],
        Intent::Quit,
        hint(|_| "q", |ui| &ui.hint_leave),
    ),
];

static CLINICIAN: &[Binding] = &[
    hinted(
        &[Ctrl('n')],
        Intent::Note,
        hint(|_| "Ctrl+N", |ui| &ui.hint_note),
    ),
    hinted(
        &[Ctrl('p')],
        Intent::Reference,
        hint(|_| "Ctrl+P", |ui| &ui.hint_reference),
    ),
];

static CLINICIAN_RESULT: &[Binding] = &[
    hinted(
        &[Ctrl('o')],
        Intent::Override,
        hint(|_| "Ctrl+O", |ui| &ui.hint_override),
    ),
    hinted(
        &[Ctrl('n')],
        Intent::Note,
        hint(|_| "Ctrl+N", |ui| &ui.hint_note),
    ),
];

static LEAVE: &[Binding] = &[
    hinted(
        &[Char('?')],
        Intent::Help,
        hint(|_| "?", |ui| &ui.hint_help),
    ),
    hinted(
        &[Char('q'), Code(Esc)],
        Intent::Quit,
        hint(|_| "q", |ui| &ui.hint_quit),
    ),
];

pub(super) fn of(layer: Layer) -> &'static [Binding] {
    match layer {
        Layer::Global => GLOBAL,
        Layer::Confirm => CONFIRM,
        Layer::Offer => OFFER,
        Layer::Caution => CAUTION,
        Layer::Close => CLOSE,
        Layer::Pick => PICK,
        Layer::Prompt => PROMPT,
        Layer::TextEdit => TEXT_EDIT,
        Layer::TextQuestion => TEXT_QUESTION,
        Layer::Welcome => WELCOME,
        Layer::Choose => CHOOSE,
        Layer::ChooseWithCare => CHOOSE_WITH_CARE,
        Layer::Tick => TICK,
        Layer::Scale => SCALE,
        // The unhinted layers are the same keys; `Layer::hinted` leaves them out of the hints.
        Layer::Skip | Layer::SkipUnhinted => SKIP,
        Layer::Navigate => NAVIGATE,
        Layer::NavigateScale => NAVIGATE_SCALE,
        Layer::Review => REVIEW,
        Layer::Scroll | Layer::ScrollUnhinted => SCROLL_KEYS,
        Layer::Result => RESULT,
        Layer::Crisis => CRISIS,
        Layer::CrisisPrivate => CRISIS_PRIVATE,
        Layer::Clinician => CLINICIAN,
        Layer::ClinicianResult => CLINICIAN_RESULT,
        Layer::Leave => LEAVE,
    }
}
