//! What frames every screen: the header with progress, the notice, the key hints (read from the
//! key table), the crisis footer and the "make the window larger" message.

use crate::tui::lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::crisis::CrisisHelp;
use crate::questionnaire::Section;
use crate::session::Stage;
use crate::tui::keymap::{Layer, hints as hint_line};
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::screens::Ctx;
use crate::tui::wrap::{truncate, wrap};
use crate::ui_text::fill;

/// A window too small for any screen: where to get help first (the crisis panel's lines when
/// one is due, else the footer's line), then how large the window must be.
pub fn too_small(ctx: &Ctx<'_, '_>, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme();
    let ui = ctx.ui();
    let q = ctx.questionnaire();
    let region = ctx.look.region.as_deref();
    let help: Vec<String> = if ctx.session.stage() == Stage::Stopped {
        let topics = crate::safety::help_topics(&ctx.session.score_now().flags);
        CrisisHelp::for_topics(q, region, &topics).first_per_topic(ui)
    } else {
        // The footer's fullest version, wrapped rather than shortened: there is room below.
        CrisisHelp::new(q, region)
            .footer_variants(ui)
            .into_iter()
            .take(1)
            .collect()
    };
    let message = fill(
        &ui.too_small,
        &[
            ("min", &format!("{MIN_WIDTH}x{MIN_HEIGHT}")),
            ("size", &format!("{}x{}", area.width, area.height)),
        ],
    );
    let mut shown = Vec::new();
    for line in &help {
        shown.extend(wrap(line, area.width, theme.crisis(), "", ""));
    }
    shown.extend(wrap(&message, area.width, theme.warning(), "", ""));
    lines::draw(&shown, 0, area, buf);
}

pub fn header(ctx: &Ctx<'_, '_>, area: Rect, buf: &mut Buffer) {
    let q = ctx.questionnaire();
    let theme = ctx.theme();
    let progress = progress_text(ctx);
    let progress_width = textwrap::core::display_width(&progress);
    let title_width = area.width.saturating_sub(
        u16::try_from(progress_width)
            .unwrap_or(u16::MAX)
            .saturating_add(2),
    );
    let title = match clinician_mark(ctx) {
        // In clinician mode the mark comes first on every screen, with the client reference.
        Some(mark) => {
            // Room for the brackets too, so that a long reference never runs into the progress.
            let mark = truncate(&mark, title_width.saturating_sub(2));
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
    lines::draw(&[title], 0, first, buf);
    lines::draw_right(&Line::from(Span::styled(progress, theme.dim())), first, buf);
    if area.height > 1 {
        let rule = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        let line = Line::from(Span::styled(
            "─".repeat(usize::from(area.width)),
            theme.dim(),
        ));
        lines::draw(&[line], 0, rule, buf);
    }
}

/// "Clinician mode · JS-0142", in clinician mode.
fn clinician_mark(ctx: &Ctx<'_, '_>) -> Option<String> {
    let ui = ctx.ui();
    let record = ctx.clinician?;
    Some(match &record.reference {
        Some(reference) => fill(
            &ui.clinician_mark_reference,
            &[("reference", &crate::text::clean_line(reference))],
        ),
        None => ui.clinician_mark.clone(),
    })
}

/// "Question 7 of about 24 · Attendance": "about" because branching may still change the count.
fn progress_text(ctx: &Ctx<'_, '_>) -> String {
    let q = ctx.questionnaire();
    let ui = &q.ui;
    let p = ctx.session.progress();
    match ctx.session.stage() {
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
pub fn notice(ctx: &Ctx<'_, '_>, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme();
    let quick = &ctx.ui().quick_exit;
    let quick_width = u16::try_from(textwrap::core::display_width(quick)).unwrap_or(u16::MAX);
    if let Some(notice) = ctx.notice {
        let style = if notice.warning {
            theme.warning()
        } else {
            theme.dim()
        };
        let said: Vec<Line<'static>> = notice
            .lines(ctx.ui(), area.width + 2)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, style)))
            .collect();
        lines::draw(&said, 0, area, buf);
    }
    if quick_width < area.width {
        let label = Line::from(Span::styled(quick.clone(), theme.hint()));
        lines::draw_right(&label, Rect { height: 1, ..area }, buf);
    }
}

/// The key hints for the active `layers`, read from the key table; `count` fills a pick list's
/// "1-{n}".
pub fn hints(ctx: &Ctx<'_, '_>, layers: &[Layer], count: usize, area: Rect, buf: &mut Buffer) {
    let ui = ctx.ui();
    let text = fill(&hint_line(layers, ui), &[("n", &count.to_string())]);
    let help = format!("? {}", ui.hint_help);
    let more = format!("? {}", ui.hint_more_keys);
    let line = Line::from(Span::styled(
        fit_hints(&text, usize::from(area.width), (&help, &more)),
        ctx.theme().hint(),
    ));
    lines::draw(&[line], 0, area, buf);
}

/// Hints that do not fit lose whole entries from the middle, keeping the first two (how to
/// answer) and the last two (help and leaving) longest, rather than being cut in a word. When
/// any is dropped, "? help" becomes "? more keys" (`help`, `more`), so that a short line still
/// says where the rest are.
fn fit_hints(text: &str, width: usize, (help, more): (&str, &str)) -> String {
    let mut parts: Vec<&str> = text.split(" · ").collect();
    let joined = |parts: &[&str]| parts.join(" · ");
    while textwrap::core::display_width(&joined(&parts)) > width && parts.len() > 3 {
        // The entries just before help and leaving go first, then the second.
        let drop = if parts.len() > 4 { parts.len() - 3 } else { 1 };
        parts.remove(drop);
        if let Some(entry) = parts.iter_mut().find(|p| **p == help) {
            *entry = more;
        }
    }
    truncate(&joined(&parts), u16::try_from(width).unwrap_or(u16::MAX))
}

/// One line on every screen: where to get help now, the person's region first, as complete as
/// the width allows; the way to reach help is never cut.
pub fn crisis_footer(ctx: &Ctx<'_, '_>, area: Rect, buf: &mut Buffer) {
    let q = ctx.questionnaire();
    let help = CrisisHelp::new(q, ctx.look.region.as_deref());
    let text = help.footer(&q.ui, usize::from(area.width));
    let line = Line::from(Span::styled(text, ctx.theme().crisis()));
    lines::draw(&[line], 0, area, buf);
}
