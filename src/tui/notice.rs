//! The one-line notice under a screen's content: what was saved, what was refused and why. It
//! wraps beside the quick-exit label, then at full width, whole words only.

use super::app::App;
use super::layout;

/// A one-line message under the screen's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub warning: bool,
}

impl App<'_> {
    /// Shows a message under the screen's content (the shell reports a save with it).
    pub fn notify(&mut self, text: String, warning: bool) {
        self.notice = Some(Notice { text, warning });
    }

    /// The notice's lines at a terminal `width`: beside the quick-exit label on the first line,
    /// the full width below it, whole words only.
    #[must_use]
    pub fn notice_text_lines(&self, width: u16) -> Vec<String> {
        let Some(notice) = &self.notice else {
            return Vec::new();
        };
        let marker = if notice.warning { "! " } else { "i " };
        let room = layout::notice_room(width, &self.session.questionnaire().ui.quick_exit);
        let lines = super::wrap::wrap_beside(
            &format!("{marker}{}", notice.text),
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

    /// How many lines the notice takes at a terminal `width`.
    #[must_use]
    pub fn notice_lines(&self, width: u16) -> u16 {
        u16::try_from(self.notice_text_lines(width).len())
            .unwrap_or(u16::MAX)
            .clamp(1, layout::MAX_NOTICE_LINES)
    }

    /// The message under the screen's content, if any.
    #[must_use]
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }
}
