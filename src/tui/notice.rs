//! The notice under a screen's content: what was saved, what was refused and why. It wraps
//! beside the quick-exit label, then at full width, whole words only.

use super::layout;
use crate::ui_text::UiText;

/// A message under the screen's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
}

impl Notice {
    #[must_use]
    pub fn said(text: String) -> Self {
        Self {
            text,
            warning: false,
        }
    }

    #[must_use]
    pub fn warning(text: String) -> Self {
        Self {
            text,
            warning: true,
        }
    }

    /// The notice's lines at a terminal `width`: beside the quick-exit label on the first line,
    /// the full width below it, whole words only.
    #[must_use]
    pub fn lines(&self, ui: &UiText, width: u16) -> Vec<String> {
        let marker = if self.warning { "! " } else { "i " };
        let room = layout::notice_room(width, &ui.quick_exit);
        let lines = super::wrap::wrap_beside(
            &format!("{marker}{}", self.text),
            room,
            layout::body_width(width).saturating_sub(2),
            usize::from(layout::MAX_NOTICE_LINES),
        );
        lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { l } else { format!("  {l}") })
            .collect()
    }
}

/// How many lines the notice row takes at a terminal `width`.
#[must_use]
pub fn height(notice: Option<&Notice>, ui: &UiText, width: u16) -> u16 {
    let lines = notice.map_or(0, |n| n.lines(ui, width).len());
    u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .clamp(1, layout::MAX_NOTICE_LINES)
}
