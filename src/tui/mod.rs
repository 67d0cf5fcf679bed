//! The full-screen questionnaire's pure parts: the app state over the session, the key map, and
//! the views. The terminal itself (raw mode, signals, the event loop) lives in the binary.

mod answering;
mod app;
mod draft;
mod keymap;
mod layout;
mod notice;
mod overlays;
mod records;
mod theme;
mod views;
mod wrap;

pub use crate::clinician::OVERRIDES;
pub use app::{App, Control, Exit, Overlay};
pub use draft::Draft;
pub use keymap::{Intent, Mode, intent};
pub use layout::{MIN_HEIGHT, MIN_WIDTH};
pub use notice::Notice;
pub use records::{ExportFormat, Pick, Prompt, Purpose};
