//! Drawing the app: `impl Widget for &mut App` splits the screen into its regions and has the
//! header, the screen, the notice, the crisis footer, any panel and the key hints each draw
//! their own. The screens and panels keep their scroll state as they draw.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::app::App;
use super::chrome;
use super::layout;
use super::notice;
use super::overlays::Overlay;
use super::screens::{Ctx, Screen};
use crate::session::Session;

impl Widget for &mut App<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ctx = Ctx {
            session: &self.session,
            look: &self.look,
            clinician: self.clinician.as_ref(),
            notice: self.notice.as_ref(),
        };
        self.drawn_too_small = layout::is_too_small(area);
        if self.drawn_too_small {
            chrome::too_small(&ctx, area, buf);
            return;
        }
        // A refusal on a question is said under its options, where the eye is, not at the
        // foot of the screen.
        let beside_options = self.overlay.is_none()
            && matches!(self.screen, Screen::Question(_))
            && ctx.notice.is_some_and(|n| n.warning);
        let foot = Ctx {
            notice: if beside_options { None } else { ctx.notice },
            ..ctx
        };
        let notice_rows = notice::height(foot.notice, ctx.ui(), area.width);
        let regions = layout::regions(area, notice_rows);
        chrome::header(&ctx, regions.header, buf);
        self.screen.render(&ctx, regions.body, buf);
        chrome::notice(&foot, regions.notice, buf);
        chrome::crisis_footer(&ctx, regions.footer, buf);
        if let Some(overlay) = &mut self.overlay {
            overlay.render(&ctx, area, buf);
        }
        // The hints last: a panel that scrolls knows only once drawn whether it does.
        let count = hint_count(self.overlay.as_ref(), &self.screen, &self.session);
        chrome::hints(&ctx, &self.layers(), count, regions.hints, buf);
    }
}

/// The highest number a digit picks, for a "1-{n}" hint: the open list's length, or the
/// question's options (up to 9).
fn hint_count(overlay: Option<&Overlay>, screen: &Screen, session: &Session<'_>) -> usize {
    match (overlay, screen) {
        (Some(Overlay::Pick(choosing)), _) => choosing.len(),
        (_, Screen::Question(question)) => {
            let q = &session.questionnaire().questions[question.q];
            q.offered().len().min(9)
        }
        _ => 9,
    }
}
