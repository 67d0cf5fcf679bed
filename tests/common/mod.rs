//! Helpers shared by the integration tests: a fixed "today" and loading questionnaires from text.
// Each test crate uses only some of these.
#![allow(dead_code)]

pub mod random;
pub mod system;

use groupfit::date::Date;
use groupfit::questionnaire::{self, DEFAULT_TOML, Questionnaire};

/// The date the tests run "on", so that crisis-line ages never depend on the clock.
pub const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 7,
};

/// Loads a questionnaire that must be valid.
pub fn load_valid(text: &str) -> Questionnaire {
    questionnaire::load(text.as_bytes(), TODAY)
        .unwrap_or_else(|d| panic!("invalid questionnaire: {d:#?}"))
        .questionnaire
}

/// The embedded default questionnaire.
pub fn default_questionnaire() -> Questionnaire {
    load_valid(DEFAULT_TOML)
}

/// The answer picking option `id` of question `question`.
/// The answers of `examples/answers/NAME.toml`, loaded strictly against `q`.
pub fn example_answers(q: &Questionnaire, name: &str) -> groupfit::answers::Answers {
    let text = std::fs::read_to_string(format!("examples/answers/{name}.toml")).unwrap();
    groupfit::answers::load(text.as_bytes(), q).unwrap().answers
}

/// For a multi question, `id` may name several options joined by `+` ("loss+mood").
pub fn choose(q: &Questionnaire, question: &str, id: &str) -> groupfit::answers::Answer {
    let index = q
        .question_index(question)
        .unwrap_or_else(|| panic!("no question {question}"));
    let option = |id: &str| {
        q.questions[index]
            .option_index(id)
            .unwrap_or_else(|| panic!("{question}.{id}"))
    };
    if matches!(
        q.questions[index].kind,
        groupfit::questionnaire::QuestionKind::Multi { .. }
    ) {
        groupfit::answers::Answer::Choices(id.split('+').map(option).collect())
    } else {
        groupfit::answers::Answer::Choice(option(id))
    }
}

/// Loads an answers file that must be valid, and scores it.
pub fn scored(
    q: &Questionnaire,
    path: &str,
) -> (groupfit::answers::Answers, groupfit::scoring::Outcome) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let loaded =
        groupfit::answers::load(text.as_bytes(), q).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    let outcome = groupfit::scoring::score(q, &loaded.answers);
    (loaded.answers, outcome)
}

/// Draws the app at a size and returns the screen as text, as a terminal shows it: the second
/// cell of a wide character is not printed again.
pub fn screen(app: &mut groupfit::tui::App<'_>, width: u16, height: u16) -> String {
    let buffer = draw(app, width, height);
    (0..height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                let cells = textwrap::core::display_width(symbol).max(1);
                x += u16::try_from(cells).unwrap_or(1);
            }
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Draws the app at a size into a buffer.
pub fn draw(app: &mut groupfit::tui::App<'_>, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&mut *app, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Every command `groupfit --help` lists (bar `help`): the list the binary itself gives, so a
/// new command is checked without anyone adding it to a test.
pub fn subcommands() -> Vec<String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .arg("--help")
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        // A command's own line; its description may wrap onto deeper-indented lines.
        .filter(|line| !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next().map(str::to_string))
        .filter(|name| name != "help")
        .collect()
}

/// The line plain mode reads for an answer: an option's number, several numbers, a value or text.
#[allow(dead_code)]
pub fn plain_line(answer: &groupfit::answers::Answer) -> String {
    use groupfit::answers::Answer;
    match answer {
        Answer::Choice(i) => (i + 1).to_string(),
        Answer::Choices(list) => list
            .iter()
            .map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Scale(v) => v.to_string(),
        Answer::Text(t) => t.clone(),
    }
}

/// The answers files (`*.toml`) in these folders, by name.
#[allow(dead_code)]
pub fn answers_files_in(folders: &[&str]) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for folder in folders {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The safety screen of a person with nothing to report, as answers, in the order it is asked.
#[allow(dead_code)]
pub const CALM_SAFETY_SCREEN: &[(&str, &str)] = &[
    ("s1", "not_at_all"),
    ("s4", "no"),
    ("s4b", "no"),
    ("s5", "no"),
    ("s6", "no"),
    ("s9", "none"),
    ("s10", "no"),
    ("d1", "never"),
    ("d5", "never"),
    ("s8a", "no"),
    ("s8b", "no"),
];

/// The default questionnaire asked in the file's order (`order = "fixed"`): for tests of how
/// one kind of question or one kind of input behaves, which should not depend on which question
/// the adaptive order picks.
#[allow(dead_code)]
pub fn default_in_file_order() -> Questionnaire {
    let mut q = default_questionnaire();
    q.meta.order = groupfit::questionnaire::Order::Fixed;
    q
}

/// The widowed example's answers (`examples/answers/widowed.toml`).
#[allow(dead_code)]
pub fn widowed_answers(q: &Questionnaire) -> groupfit::answers::Answers {
    let text = std::fs::read_to_string("examples/answers/widowed.toml").unwrap();
    groupfit::answers::load(text.as_bytes(), q).unwrap().answers
}

/// Answers each question `session` asks as `full` does (a skip where it has no answer), until
/// `stop` holds or nothing more is asked: the answers given, in the order asked.
#[allow(dead_code)]
pub fn answer_as(
    session: &mut groupfit::session::Session<'_>,
    full: &groupfit::answers::Answers,
    stop: impl Fn(&groupfit::session::Session<'_>) -> bool,
) -> Vec<Option<groupfit::answers::Answer>> {
    use groupfit::session::{Action, Stage};
    let mut given = Vec::new();
    while let Stage::Asking(i) = session.stage() {
        if stop(session) {
            break;
        }
        let answer = full.get(i).cloned();
        match answer.clone() {
            Some(answer) => session.apply(Action::Answer(answer)).unwrap(),
            None => session.apply(Action::Skip).unwrap(),
        };
        given.push(answer);
    }
    given
}

/// The text record of a self-assessment's `answers`, as `score` files it for `region` (read as
/// a clinician reads a record: every change, the figures, every region's crisis line).
pub fn record_text(
    q: &Questionnaire,
    answers: &groupfit::answers::Answers,
    region: Option<&str>,
) -> String {
    let outcome = groupfit::scoring::score(q, answers);
    let provenance = groupfit::report::Provenance {
        generated: "2026-12-01 10:00 +00:00".into(),
        tool_version: "test".into(),
        mode: "self-assessment".into(),
        region: region.map(str::to_string),
    };
    groupfit::report::record_text(&groupfit::report::Record {
        questionnaire: q,
        answers,
        outcome: &outcome,
        provenance: &provenance,
        clinician: None,
    })
}

/// tests/fixtures/valid/minimal.toml with `find` replaced by `with`, loaded: a small
/// questionnaire changed in one way for a test.
pub fn minimal_with(find: &str, with: &str) -> Questionnaire {
    let text = std::fs::read_to_string("tests/fixtures/valid/minimal.toml").unwrap();
    assert!(text.contains(find), "minimal.toml has no {find:?}");
    load_valid(&text.replace(find, with))
}
