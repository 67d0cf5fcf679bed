//! Every screen renders at every size from 0x0 to 12x12 and at random sizes up to 400x200, with
//! random text from ASCII, CJK, emoji, combining, zero-width and control alphabets, without
//! panicking (ratatui's own wrap panics on some of these; ours must not). Each scripted app is
//! checked to have reached its screen, and from the smallest size that draws screens (40x12)
//! up, each draws that screen, not the "too small" message.

mod common;

use groupfit::questionnaire::{self, Questionnaire};
use groupfit::session::Stage;
use groupfit::tui::{App, HelpPanel, Intent, MIN_HEIGHT, MIN_WIDTH, Overlay};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const ALPHABET: &[char] = &[
    'a', 'Z', ' ', ' ', '日', '本', '語', '😀', '\u{200d}', '👩', 'e', '\u{301}', '\u{200b}', '\n',
    '\t', '\u{1b}', 'é', 'ﷺ', '\u{202e}', '-', 'x',
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..60)
        .prop_map(|chars| chars.into_iter().collect())
}

/// The default questionnaire with every text a person sees replaced by random text.
fn questionnaire_with(texts: &[String]) -> Questionnaire {
    let mut q = common::default_questionnaire();
    let mut next = texts.iter().cycle().cloned();
    let mut take = || next.next().unwrap_or_default();
    q.meta.title = take();
    q.meta.intro = take();
    q.meta.disclaimer = take();
    q.meta.next_steps = take();
    q.outcomes.support_group.label = take();
    q.outcomes.group_therapy.summary = take();
    for d in &mut q.dimensions {
        d.label = take();
    }
    for c in &mut q.crisis {
        c.service = take();
        c.contact = take();
    }
    for question in &mut q.questions {
        question.prompt = take();
        question.help = Some(take());
        if let questionnaire::QuestionKind::Single { options }
        | questionnaire::QuestionKind::Multi { options, .. } = &mut question.kind
        {
            for o in options {
                o.label = take();
                o.note = Some(take());
            }
        }
    }
    q
}

fn digit(n: u32) -> Intent {
    Intent::Digit(n)
}

/// An app walked to question `target`, choosing the first option throughout (and ticking it on
/// a multi), keeping on past any offer or caution.
fn walk<'q>(q: &'q Questionnaire, target: &str) -> App<'q> {
    let mut app = App::new(q, Some("GB".into()), true);
    app.handle(Intent::Enter);
    for _ in 0..60 {
        if let Stage::Asking(i) = app.session().stage()
            && q.questions[i].id == target
        {
            return app;
        }
        // Past the offer of a settled result, and past the caution the first option of a
        // screening question ("Under 18") raises: keep going.
        if matches!(
            app.overlay(),
            Some(Overlay::Settled { .. } | Overlay::Caution { .. })
        ) {
            app.handle(Intent::KeepGoing);
        }
        app.handle(Intent::Down);
        app.handle(Intent::Toggle);
        app.handle(Intent::Enter);
    }
    panic!(
        "the walk did not reach {target}: {:?}",
        app.session().stage()
    );
}

/// Applies intents in turn.
fn then<'q>(mut app: App<'q>, intents: &[Intent]) -> App<'q> {
    for intent in intents.iter().cloned() {
        app.handle(intent);
    }
    app
}

/// The app at each screen: welcome, a single, the help overlay, a multi, the review, a question
/// opened from it, "leave?", the crisis panel, a scale and a text (see [`expected_screens`]).
fn every_screen(q: &Questionnaire) -> Vec<App<'_>> {
    let fresh = || App::new(q, Some("GB".into()), true);
    vec![
        fresh(),
        then(fresh(), &[Intent::Enter]),
        then(fresh(), &[Intent::Enter, Intent::Help]),
        then(walk(q, "t6"), &[Intent::Down, Intent::Toggle]),
        then(walk(q, "a1"), &[Intent::Review, Intent::Down, Intent::Down]),
        then(
            walk(q, "a1"),
            &[Intent::Review, Intent::Down, Intent::Down, Intent::Enter],
        ),
        then(walk(q, "s4"), &[Intent::Quit]),
        // "Nearly every day", then "yes" to acting on it: on safety questions a digit only
        // highlights and Enter confirms.
        then(
            fresh(),
            &[
                Intent::Enter,
                digit(4),
                Intent::Enter,
                digit(2),
                Intent::Enter,
            ],
        ),
        walk(q, "p4"),
        walk(q, "notes"),
    ]
}

/// Where each app of [`every_screen`] must be, in its order: the stage, and the panel over it.
fn expected_screens(q: &Questionnaire) -> Vec<(&'static str, Stage, Option<Overlay>)> {
    let at = |id: &str| Stage::Asking(q.question_index(id).unwrap());
    vec![
        ("welcome", Stage::Welcome, None),
        ("single", at("s1"), None),
        ("help", at("s1"), Some(Overlay::Help(HelpPanel::default()))),
        ("multi", at("t6"), None),
        ("review", Stage::Review, None),
        ("review edit", at("s4"), None),
        ("leave?", at("s4"), Some(Overlay::ConfirmQuit)),
        ("crisis", Stage::Stopped, None),
        ("scale", at("p4"), None),
        ("text", at("notes"), None),
    ]
}

/// The screen as text, one row per line.
fn drawn(app: &mut App<'_>, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&mut *app, frame.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_scripted_app_reaches_its_screen_and_draws_it_from_40x12_up() {
    let q = common::default_questionnaire();
    let mut apps = every_screen(&q);
    let expected = expected_screens(&q);
    assert_eq!(apps.len(), expected.len());
    for (app, (name, stage, overlay)) in apps.iter_mut().zip(&expected) {
        assert_eq!(app.session().stage(), *stage, "{name}");
        assert_eq!(
            app.overlay().map(std::mem::discriminant),
            overlay.as_ref().map(std::mem::discriminant),
            "{name}"
        );
        for (width, height) in [
            (MIN_WIDTH, MIN_HEIGHT),
            (60, 16),
            (80, 24),
            (100, 30),
            (120, 40),
        ] {
            let screen = drawn(app, width, height);
            assert!(
                !screen.contains("make the window larger"),
                "{name} at {width}x{height} drew the too-small message:\n{screen}"
            );
            assert!(
                screen.contains("116 123"),
                "{name} at {width}x{height}: the region's crisis line on every screen:\n{screen}"
            );
        }
        let small = drawn(app, MIN_WIDTH - 1, MIN_HEIGHT);
        assert!(
            small.contains("larger"),
            "{name}: below 40x12, the message:\n{small}"
        );
    }
}

fn render_all(apps: &mut [App<'_>], width: u16, height: u16) {
    for app in apps {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| frame.render_widget(&mut *app, frame.area()))
            .unwrap();
    }
}

#[test]
fn every_screen_renders_at_every_small_size() {
    let q = common::default_questionnaire();
    let mut apps = every_screen(&q);
    for width in 0..=12 {
        for height in 0..=12 {
            render_all(&mut apps, width, height);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_screen_renders_any_text_at_any_size(
        texts in prop::collection::vec(text(), 1..12),
        width in 0u16..=400,
        height in 0u16..=200,
        small_width in 0u16..=12,
        small_height in 0u16..=12,
    ) {
        let q = questionnaire_with(&texts);
        let mut apps = every_screen(&q);
        render_all(&mut apps, width, height);
        render_all(&mut apps, small_width, small_height);
        render_all(&mut apps, 40 + small_width, 12 + small_height);
        for app in &mut apps {
            app.handle(Intent::Down);
            app.handle(Intent::PageDown);
        }
        render_all(&mut apps, width, height);
    }
}
