//! The review: "show my result" first (so a hurried Enter gets there), then every shown question
//! with its answer; Enter on one opens it to change, and coming back lands on it again.

use crate::ui_text::fill;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{On, Step};
use crate::session::{Action, Session};
use crate::tui::keymap::Intent;
use crate::tui::wrap::truncate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewScreen {
    /// 0 is "Show my result"; i > 0 is the i-th shown question.
    pub(crate) cursor: usize,
}

impl ReviewScreen {
    /// Back from a change, on the answer just changed; else on "Show my result".
    #[must_use]
    pub fn new(session: &Session<'_>) -> Self {
        let cursor = session
            .review_focus()
            .and_then(|q| session.shown_questions().position(|i| i == q))
            .map_or(0, |position| position + 1);
        Self { cursor }
    }

    /// Puts the cursor on question `q`, when it is shown (after a refusal names it).
    pub fn focus(&mut self, session: &Session<'_>, q: usize) {
        if let Some(position) = session.shown_questions().position(|i| i == q) {
            self.cursor = position + 1;
        }
    }

    pub fn handle(&mut self, intent: &Intent, session: &Session<'_>) -> Step {
        let last = session.shown_questions().count();
        self.cursor = match intent {
            Intent::Up => self.cursor.saturating_sub(1),
            Intent::Down => (self.cursor + 1).min(last),
            Intent::PageUp => self.cursor.saturating_sub(10),
            Intent::PageDown => (self.cursor + 10).min(last),
            Intent::Home => 0,
            Intent::End => last,
            Intent::Enter if self.cursor == 0 => return Step::Act(Action::Finish),
            Intent::Enter => {
                return session
                    .shown_questions()
                    .nth(self.cursor - 1)
                    .map_or(Step::Stay, |q| Step::Act(Action::Edit(q)));
            }
            Intent::Back => return Step::Act(Action::Back),
            _ => self.cursor,
        };
        Step::Stay
    }
}

impl Widget for On<'_, '_, '_, ReviewScreen> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let session = self.ctx.session;
        let q = self.ctx.questionnaire();
        let ui = self.ctx.ui();
        let theme = self.ctx.theme();
        let cursor = self.screen.cursor;
        let width = area.width;
        let button = if cursor == 0 {
            theme.selected()
        } else {
            theme.prompt()
        };
        let mut lines = vec![
            Line::from(Span::styled(truncate(&ui.show_result, width), button)),
            Line::default(),
            Line::from(Span::styled(
                truncate(&ui.review_heading, width),
                theme.dim(),
            )),
        ];
        let mut focus = 0;
        for (n, i) in session.shown_questions().enumerate() {
            let question = &q.questions[i];
            let selected = cursor == n + 1;
            let (style, pointer) = if selected {
                (theme.selected(), "›")
            } else {
                (Style::new(), " ")
            };
            let prompt = format!("{pointer} {:>2}. {}", n + 1, question.prompt);
            lines.push(Line::from(Span::styled(truncate(&prompt, width), style)));
            let answer = session.answers().get(i);
            let (said, style) = answer.map_or_else(
                || (ui.not_answered.clone(), theme.dim()),
                |a| (a.describe(question), theme.prompt()),
            );
            let said = format!("      {said}");
            lines.push(Line::from(Span::styled(truncate(&said, width), style)));
            // A clinician's note stays beside its question, as on the question itself.
            if let Some(note) = self.ctx.question_note(i) {
                let marked = format!("      {}", fill(&ui.note_marker, &[("note", note)]));
                lines.push(Line::from(Span::styled(
                    truncate(&marked, width),
                    theme.warning(),
                )));
            }
            if selected {
                focus = lines.len();
            }
        }
        // Scrolled just enough that the highlighted answer is in view.
        let offset = focus.saturating_sub(usize::from(area.height));
        crate::tui::lines::draw(&lines, offset, area, buf);
    }
}
