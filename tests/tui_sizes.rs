//! Every screen renders at every size from 0x0 to 12x12 and at random sizes up to 400x200, with
//! random text from ASCII, CJK, emoji, combining, zero-width and control alphabets, without
//! panicking (ratatui's own wrap panics on some of these; ours must not).

mod common;

use groupfit::questionnaire::{self, Questionnaire};
use groupfit::session::Stage;
use groupfit::tui::{App, Intent, Overlay};
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

/// The app at each screen: welcome, a single, the help overlay, a multi, a scale, a text, the
/// review, the result, "leave?", and the crisis panel.
fn every_screen(q: &Questionnaire) -> Vec<App<'_>> {
    let script: &[&[Intent]] = &[
        &[],
        &[Intent::Enter],
        &[Intent::Enter, Intent::Help],
        &[
            Intent::Enter,
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(2),
            digit(3),
            digit(1),
            digit(2),
            digit(2),
            digit(1),
            Intent::Down,
            Intent::Toggle,
        ],
        &[
            Intent::Enter,
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            Intent::Review,
            Intent::Down,
            Intent::Down,
        ],
        &[
            Intent::Enter,
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            digit(1),
            Intent::Review,
            Intent::Enter,
        ],
        &[Intent::Enter, digit(1), Intent::Quit],
        &[Intent::Enter, digit(4), digit(2)],
    ];
    let mut apps: Vec<App<'_>> = script
        .iter()
        .map(|intents| {
            let mut app = App::new(q, Some("GB".into()), true);
            for intent in intents.iter().cloned() {
                app.handle(intent);
            }
            app
        })
        .collect();
    // A scale and a text question: walk to them choosing the first option throughout (and
    // ticking it on a multi), keeping on past any offer or caution.
    for target in ["p4", "notes"] {
        let mut app = App::new(q, None, false);
        app.handle(Intent::Enter);
        for _ in 0..60 {
            if let Stage::Asking(i) = app.session().stage()
                && q.questions[i].id == target
            {
                break;
            }
            // Past the offer of a settled result, and past the caution the first option of a
            // screening question ("Under 18") raises: keep going.
            if matches!(app.overlay(), Some(Overlay::Settled | Overlay::Caution)) {
                app.handle(Intent::No);
            }
            app.handle(Intent::Down);
            app.handle(Intent::Toggle);
            app.handle(Intent::Enter);
        }
        let reached =
            matches!(app.session().stage(), Stage::Asking(i) if q.questions[i].id == target);
        assert!(
            reached,
            "the walk did not reach {target}: {:?}",
            app.session().stage()
        );
        apps.push(app);
    }
    apps
}

fn render_all(apps: &mut [App<'_>], width: u16, height: u16) {
    for app in apps {
        app.resize(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| frame.render_widget(&*app, frame.area()))
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
