//! What frames every screen: the header with progress, the notice, the key hints, the crisis
//! footer, the "leave?" confirmation and the "make the window larger" message.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Widget};

use crate::crisis::ordered_lines;
use crate::questionnaire::Section;
use crate::session::Stage;
use crate::tui::app::App;
use crate::tui::draft::Draft;
use crate::tui::keymap::Mode;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH, centred};
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, wrap};

pub fn too_small(area: Rect, buf: &mut Buffer, theme: Theme) {
    let message = format!(
        "Please make the window larger: groupfit needs at least {MIN_WIDTH}x{MIN_HEIGHT} \
         (now {}x{}). q leaves.",
        area.width, area.height
    );
    Paragraph::new(wrap(&message, area.width, theme.warning(), "", "")).render(area, buf);
}

pub fn header(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let q = app.session.questionnaire();
    let progress = progress_text(app);
    let title_width = area
        .width
        .saturating_sub(u16::try_from(progress.chars().count()).unwrap_or(0) + 2);
    let title = Line::from(Span::styled(
        truncate(&q.meta.title, title_width),
        theme.title(),
    ));
    let first = Rect { height: 1, ..area };
    Paragraph::new(title).render(first, buf);
    Paragraph::new(Line::from(Span::styled(progress, theme.dim())))
        .alignment(Alignment::Right)
        .render(first, buf);
    if area.height > 1 {
        let rule = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        Paragraph::new("─".repeat(usize::from(area.width)))
            .style(theme.dim())
            .render(rule, buf);
    }
}

/// "Question 7 of about 24 · Attendance": "about" because branching may still change the count.
fn progress_text(app: &App<'_>) -> String {
    let q = app.session.questionnaire();
    match app.session.stage() {
        Stage::Asking(i) => {
            let p = app.session.progress();
            let section = match q.questions[i].section {
                Section::Safety => "Safety first".to_string(),
                Section::Scored(k) => q.dimensions[k].label.clone(),
                Section::Info => "Anything else".to_string(),
            };
            format!(
                "Question {} of about {} · {}",
                p.position,
                p.shown,
                truncate(&section, 24)
            )
        }
        Stage::Review => {
            let p = app.session.progress();
            format!("{} of {} answered", p.answered, p.shown)
        }
        Stage::Welcome => "Welcome".to_string(),
        Stage::Finished => "Your result".to_string(),
        Stage::Stopped => "Help is available".to_string(),
    }
}

pub fn notice(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    if let Some(notice) = &app.notice {
        let style = if notice.warning {
            theme.warning()
        } else {
            theme.dim()
        };
        let marker = if notice.warning { "! " } else { "i " };
        Paragraph::new(Line::from(Span::styled(
            truncate(&format!("{marker}{}", notice.text), area.width),
            style,
        )))
        .render(area, buf);
    }
}

pub fn hints(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let text = match (app.mode(), app.session.stage()) {
        (Mode::Confirm, _) => "y leave · n stay",
        (Mode::Choice, _) if matches!(app.draft, Some(Draft::Multi { .. })) => {
            "↑↓ move · Space toggle · Enter next · ← back · r review · ? help · q quit"
        }
        (Mode::Choice, _) => {
            "↑↓ move · Enter choose · 1-9 pick · ← back · r review · ? help · q quit"
        }
        (Mode::Scale, _) => {
            "←→ change · 0-9 set · Enter choose · Shift+Tab back · r review · ? help"
        }
        (Mode::Text, _) => {
            "Enter done (empty skips) · Alt+Enter new line · Shift+Tab back · Esc quit"
        }
        (Mode::Screen, _) if app.overlay.is_some() => "Esc or ? close",
        (Mode::Screen, Stage::Welcome) => "Enter begin · ? help · q quit",
        (Mode::Screen, Stage::Review) => "↑↓ move · Enter open · ← back · ? help · q quit",
        (Mode::Screen, Stage::Finished) => {
            "↑↓ PgUp PgDn scroll · ← back to review · ? help · q quit"
        }
        (Mode::Screen, _) => "↑↓ scroll · q leave",
    };
    Paragraph::new(Line::from(Span::styled(
        truncate(text, area.width),
        theme.hint(),
    )))
    .render(area, buf);
}

/// One line on every screen: where to get help now, the person's region first.
pub fn crisis_footer(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let (lines, _) = ordered_lines(app.session.questionnaire(), app.region.as_deref());
    let text = lines.first().map_or_else(
        || "In crisis? Call your local emergency number.".to_string(),
        |line| format!("In crisis? {}: {}", line.service, line.contact),
    );
    Paragraph::new(Line::from(Span::styled(
        truncate(&text, area.width),
        theme.crisis(),
    )))
    .render(area, buf);
}

pub fn confirm_quit(area: Rect, buf: &mut Buffer, theme: Theme) {
    let box_area = centred(area, 48, 6);
    Clear.render(box_area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Leave groupfit? ")
        .border_style(theme.warning())
        .padding(Padding::horizontal(1));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    let mut lines = wrap(
        "Your answers have not been saved and will be gone.",
        inner.width,
        theme.prompt(),
        "",
        "",
    );
    lines.push(Line::from(Span::styled("y leave · n stay", theme.hint())));
    Paragraph::new(lines).render(inner, buf);
}
