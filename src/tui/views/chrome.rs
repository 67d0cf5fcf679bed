//! What frames every screen: the header with progress, the notice, the key hints, the crisis
//! footer, the "leave?" confirmation and the "make the window larger" message.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Widget};

use crate::crisis::CrisisHelp;
use crate::questionnaire::Section;
use crate::session::Stage;
use crate::tui::app::{App, Overlay};
use crate::tui::draft::Draft;
use crate::tui::keymap::Mode;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH, centred};
use crate::tui::theme::Theme;
use crate::tui::wrap::{truncate, wrap};
use crate::ui_text::fill;

pub fn too_small(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let message = fill(
        &app.session.questionnaire().ui.too_small,
        &[
            ("min", &format!("{MIN_WIDTH}x{MIN_HEIGHT}")),
            ("size", &format!("{}x{}", area.width, area.height)),
        ],
    );
    Paragraph::new(wrap(&message, area.width, theme.warning(), "", "")).render(area, buf);
}

pub fn header(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let q = app.session.questionnaire();
    let progress = progress_text(app);
    let progress_width = textwrap::core::display_width(&progress);
    let title_width = area.width.saturating_sub(
        u16::try_from(progress_width)
            .unwrap_or(u16::MAX)
            .saturating_add(2),
    );
    let title = match clinician_mark(app) {
        // In clinician mode the mark comes first on every screen, with the client reference.
        Some(mark) => {
            let mark = truncate(&mark, title_width);
            let mark_width =
                u16::try_from(textwrap::core::display_width(&mark) + 3).unwrap_or(u16::MAX);
            let rest = title_width.saturating_sub(mark_width);
            Line::from(vec![
                Span::styled(format!("[{mark}]"), theme.warning()),
                Span::raw(" "),
                Span::styled(truncate(&q.meta.title, rest), theme.title()),
            ])
        }
        None => Line::from(Span::styled(
            truncate(&q.meta.title, title_width),
            theme.title(),
        )),
    };
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

/// "Clinician mode · JS-0142", in clinician mode.
fn clinician_mark(app: &App<'_>) -> Option<String> {
    let ui = &app.session.questionnaire().ui;
    let record = app.clinician.as_ref()?;
    Some(match &record.reference {
        Some(reference) => fill(
            &ui.clinician_mark_reference,
            &[("reference", &crate::text::clean_line(reference))],
        ),
        None => ui.clinician_mark.clone(),
    })
}

/// "Question 7 of about 24 · Attendance": "about" because branching may still change the count.
fn progress_text(app: &App<'_>) -> String {
    let q = app.session.questionnaire();
    let ui = &q.ui;
    let p = app.session.progress();
    match app.session.stage() {
        Stage::Asking(i) => {
            let section = match q.questions[i].section {
                Section::Safety => ui.section_safety.clone(),
                Section::Scored(k) => q.dimensions[k].label.clone(),
                Section::Info => ui.section_info.clone(),
            };
            fill(
                &ui.progress_question,
                &[
                    ("position", &p.position.to_string()),
                    ("total", &p.shown.to_string()),
                    ("section", &truncate(&section, 24)),
                ],
            )
        }
        Stage::Review => fill(
            &ui.progress_review,
            &[
                ("answered", &p.answered.to_string()),
                ("total", &p.shown.to_string()),
            ],
        ),
        Stage::Welcome => ui.stage_welcome.clone(),
        Stage::Finished => ui.stage_result.clone(),
        Stage::Stopped => ui.stage_crisis.clone(),
    }
}

/// The notice: a message on the left, wrapped (never cut) beside the quick-exit key, which is
/// always on the right of its first line.
pub fn notice(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let quick = &app.session.questionnaire().ui.quick_exit;
    let quick_width = u16::try_from(textwrap::core::display_width(quick)).unwrap_or(u16::MAX);
    if let Some(notice) = &app.notice {
        let style = if notice.warning {
            theme.warning()
        } else {
            theme.dim()
        };
        let lines: Vec<Line<'static>> = app
            .notice_text_lines(area.width + 2)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, style)))
            .collect();
        Paragraph::new(lines).render(area, buf);
    }
    if quick_width < area.width {
        Paragraph::new(Line::from(Span::styled(quick.clone(), theme.hint())))
            .alignment(Alignment::Right)
            .render(Rect { height: 1, ..area }, buf);
    }
}

pub fn hints(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let ui = &app.session.questionnaire().ui;
    let text = match (app.mode(), app.session.stage()) {
        (Mode::Confirm, _) => &ui.hints_confirm,
        (Mode::Offer, _) => &ui.settled_keys,
        (Mode::Caution, _) => &ui.caution_keys,
        (Mode::Choice, _) if app.overlay.is_some() => &pick_hints(app),
        (Mode::Choice, Stage::Asking(q)) if matches!(app.draft, Some(Draft::Multi { .. })) => {
            &skippable(&ui.hints_multi, app, q)
        }
        // Where an answer can call for help first, a digit only highlights: say so.
        (Mode::Choice, Stage::Asking(q))
            if crate::safety::asks_with_care(&app.session.questionnaire().questions[q]) =>
        {
            &skippable(&ui.hints_choice_care, app, q)
        }
        (Mode::Choice, Stage::Asking(q)) => &skippable(&ui.hints_choice, app, q),
        (Mode::Scale, Stage::Asking(q)) => &skippable(&ui.hints_scale, app, q),
        (Mode::Choice | Mode::Scale, _) => &pick_hints(app),
        (Mode::Text, _) if app.overlay.is_some() => &ui.hints_prompt,
        (Mode::Text, _) => &ui.hints_text,
        (Mode::Screen, _)
            if matches!(app.overlay, Some(Overlay::Help { .. }))
                && super::help::scroll_limit(app, app.size) > 0 =>
        {
            &ui.hints_help
        }
        (Mode::Screen, _) if app.overlay.is_some() => &ui.hints_overlay,
        (Mode::Screen, Stage::Welcome) => &ui.hints_welcome,
        (Mode::Screen, Stage::Review) => &ui.hints_review,
        (Mode::Screen, Stage::Finished) => &ui.hints_result,
        (Mode::Screen, _) => &ui.hints_crisis,
    };
    Paragraph::new(Line::from(Span::styled(
        fit_hints(text, usize::from(area.width)),
        theme.hint(),
    )))
    .render(area, buf);
}

/// The list's hints, with how many it holds.
fn pick_hints(app: &App<'_>) -> String {
    let count = match app.overlay {
        Some(Overlay::Pick(crate::tui::Pick::Override)) => crate::clinician::OVERRIDES.len(),
        _ => crate::report::ExportFormat::ALL.len(),
    };
    fill(
        &app.session.questionnaire().ui.hints_pick,
        &[("n", &count.to_string())],
    )
}

/// Hints that do not fit lose whole entries from the middle, keeping the first two (how to
/// answer) and the last two (help and leaving) longest, rather than being cut in a word.
fn fit_hints(text: &str, width: usize) -> String {
    let mut parts: Vec<&str> = text.split(" · ").collect();
    let joined = |parts: &[&str]| parts.join(" · ");
    while textwrap::core::display_width(&joined(&parts)) > width && parts.len() > 3 {
        // The entries just before help and leaving go first, then the second.
        let drop = if parts.len() > 4 { parts.len() - 3 } else { 1 };
        parts.remove(drop);
    }
    truncate(&joined(&parts), u16::try_from(width).unwrap_or(u16::MAX))
}

/// A question's hints, with "s skip" where the question may be left unanswered.
fn skippable(hints: &str, app: &App<'_>, q: usize) -> String {
    let ui = &app.session.questionnaire().ui;
    let skip = if app.session.questionnaire().questions[q].required {
        ""
    } else {
        ui.hint_skip.as_str()
    };
    fill(hints, &[("skip", skip)])
}

/// One line on every screen: where to get help now, the person's region first, as complete as
/// the width allows; the way to reach help is never cut.
pub fn crisis_footer(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let q = app.session.questionnaire();
    let text = CrisisHelp::new(q, app.region.as_deref()).footer(&q.ui, usize::from(area.width));
    Paragraph::new(Line::from(Span::styled(text, theme.crisis()))).render(area, buf);
}

pub fn confirm_quit(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    let ui = &app.session.questionnaire().ui;
    let box_area = centred(area, 48, 6);
    Clear.render(box_area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", ui.confirm_title))
        .border_style(theme.warning())
        .padding(Padding::horizontal(1));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    let mut lines = wrap(&ui.confirm_text, inner.width, theme.prompt(), "", "");
    lines.push(Line::from(Span::styled(
        ui.hints_confirm.clone(),
        theme.hint(),
    )));
    Paragraph::new(lines).render(inner, buf);
}

/// The offer to see the result now, once the remaining questions cannot change it.
pub fn settled_offer(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    const WIDTH: u16 = 60;
    let ui = &app.session.questionnaire().ui;
    let text = app.offer.clone().unwrap_or_default();
    // The box is as tall as its words at its inner width (borders and padding take four columns).
    let mut lines = wrap(&text, WIDTH - 4, theme.prompt(), "", "");
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        ui.settled_keys.clone(),
        theme.hint(),
    )));
    panel(area, buf, WIDTH, &ui.settled_title, theme.title(), lines);
}

/// "Before you go on": the safety screen ended with a caution. What was noticed, in plain words,
/// where to get help now, and the choice to keep going or see the result now.
pub fn caution(app: &App<'_>, area: Rect, buf: &mut Buffer, theme: Theme) {
    const WIDTH: u16 = 68;
    let q = app.session.questionnaire();
    let ui = &q.ui;
    let inner_width = WIDTH.min(area.width).saturating_sub(4);
    let mut lines = wrap(&ui.caution_text, inner_width, theme.prompt(), "", "");
    for item in &app.caution_items {
        lines.push(Line::default());
        lines.extend(wrap(item, inner_width, theme.warning(), "- ", "  "));
    }
    lines.push(Line::default());
    let help = CrisisHelp::new(q, app.region.as_deref());
    let first = help
        .footer_variants(ui)
        .into_iter()
        .next()
        .unwrap_or_default();
    lines.extend(wrap(&first, inner_width, theme.crisis(), "", ""));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        ui.caution_keys.clone(),
        theme.hint(),
    )));
    panel(area, buf, WIDTH, &ui.caution_title, theme.warning(), lines);
}

/// A bordered, titled panel centred over the screen, as tall as its lines.
fn panel(
    area: Rect,
    buf: &mut Buffer,
    width: u16,
    title: &str,
    border: ratatui::style::Style,
    lines: Vec<Line<'static>>,
) {
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let box_area = centred(area, width, height);
    Clear.render(box_area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "))
        .border_style(border)
        .padding(Padding::horizontal(1));
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    Paragraph::new(lines).render(inner, buf);
}
