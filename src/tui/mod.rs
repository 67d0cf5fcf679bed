//! The full-screen questionnaire's pure parts: the app over the session, the key table, the
//! screens and the panels over them. The terminal itself (raw mode, signals, the event loop)
//! lives in the binary.

mod app;
mod chrome;
mod draft;
mod draw;
mod keymap;
mod layout;
mod lines;
mod notice;
mod overlays;
mod records;
mod screens;
mod scroll;
mod theme;
mod wrap;

pub use crate::clinician::OVERRIDES;
pub use app::{App, Control, Exit};
pub use draft::Draft;
pub use keymap::{Intent, Layer, hints, intent, is_urgent, reference as key_reference};
pub use layout::{MIN_HEIGHT, MIN_WIDTH};
pub use notice::Notice;
pub use overlays::{HelpPanel, Overlay};
pub use records::Prompt;
