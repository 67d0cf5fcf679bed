//! Loading and scoring a generated questionnaire of 40, 1,000 and 10,000 questions.
//! Run with `cargo bench`; the figures are recorded in docs/PERFORMANCE.md.

use std::fmt::Write as _;

use groupfit::answers::{Answer, Answers};
use groupfit::date::Date;
use groupfit::questionnaire::{self, Questionnaire};
use groupfit::scoring::score;

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 1,
};
const DIMENSIONS: [&str; 5] = [
    "assessment",
    "attendance",
    "size",
    "facilitation",
    "purpose",
];

/// Counts allocations, so that the figures show memory as well as time.
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

/// The same file read into plain serde structs: no spans, no checks, no model. The yardstick
/// for what validation and the clean model add.
mod plain {
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[allow(dead_code)] // read by serde, never by us: only the parse is measured
    pub struct File {
        pub format: i64,
        pub meta: Meta,
        pub outcomes: toml::Table,
        pub dimensions: Vec<Dimension>,
        pub questions: Vec<Question>,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)] // read by serde, never by us: only the parse is measured
    pub struct Meta {
        pub id: String,
        pub title: String,
        pub version: String,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)] // read by serde, never by us: only the parse is measured
    pub struct Dimension {
        pub id: String,
        pub label: String,
        pub weight: f64,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)] // read by serde, never by us: only the parse is measured
    pub struct Question {
        pub id: String,
        pub dimension: String,
        pub kind: String,
        pub prompt: String,
        pub options: Option<Vec<Choice>>,
        pub min: Option<i64>,
        pub max: Option<i64>,
        pub weights: Option<Vec<f64>>,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)] // read by serde, never by us: only the parse is measured
    pub struct Choice {
        pub id: String,
        pub label: String,
        pub weight: Option<f64>,
    }
}

/// The yardstick: the same text into plain serde structs with `toml::from_str`.
#[divan::bench(args = [40, 1_000, 10_000])]
fn parse_plain_serde(bencher: divan::Bencher, n: usize) {
    let text = generate(n);
    bencher.bench(|| {
        toml::from_str::<plain::File>(divan::black_box(&text)).map_or(0, |f| f.questions.len())
    });
}

/// A questionnaire of `n` questions spread over the five dimensions, alternating single-choice
/// and scale questions, written compactly so that 10,000 fit under the 1 MiB file limit.
fn generate(n: usize) -> String {
    // Top-level keys come before the first table header.
    let mut text = String::from("format = 1\nquestions = [\n");
    for i in 0..n {
        let d = i % DIMENSIONS.len();
        if i % 2 == 0 {
            let _ = writeln!(
                text,
                "{{id=\"q{i}\",dimension=\"d{d}\",kind=\"single\",prompt=\"Q?\",options=[{{id=\"a\",label=\"A\",weight=-2}},{{id=\"b\",label=\"B\",weight=1}}]}},"
            );
        } else {
            let _ = writeln!(
                text,
                "{{id=\"q{i}\",dimension=\"d{d}\",kind=\"scale\",prompt=\"Q?\",min=0,max=4,weights=[-2,2]}},"
            );
        }
    }
    text.push_str(
        "]\n[meta]\nid = \"bench\"\ntitle = \"Bench\"\nversion = \"1\"\n\
         [outcomes.support_group]\nlabel = \"Support group\"\n\
         [outcomes.group_therapy]\nlabel = \"Group therapy\"\n",
    );
    for (i, d) in DIMENSIONS.iter().enumerate() {
        let _ = write!(
            text,
            "[[dimensions]]\nid = \"d{i}\"\nlabel = \"{d}\"\nweight = 0.{}\n",
            i + 1
        );
    }
    text
}

fn load(text: &str) -> Questionnaire {
    questionnaire::load(text.as_bytes(), TODAY)
        .expect("the generated questionnaire is valid")
        .questionnaire
}

/// Every question answered: the first option, or the value 1.
fn answer_all(q: &Questionnaire) -> Answers {
    let mut answers = Answers::new(q);
    for (i, question) in q.questions.iter().enumerate() {
        let answer = if question.options().is_empty() {
            Answer::Scale(1)
        } else {
            Answer::Choice(0)
        };
        answers.set(i, answer);
    }
    answers
}

#[divan::bench(args = [40, 1_000, 10_000])]
fn load_questionnaire(bencher: divan::Bencher, n: usize) {
    let text = generate(n);
    assert!(
        text.len() <= groupfit::tomlfile::MAX_FILE_BYTES,
        "{} bytes",
        text.len()
    );
    bencher.bench(|| load(divan::black_box(&text)));
}

#[divan::bench(args = [40, 1_000, 10_000])]
fn score_answers(bencher: divan::Bencher, n: usize) {
    let q = load(&generate(n));
    let answers = answer_all(&q);
    bencher.bench(|| score(divan::black_box(&q), divan::black_box(&answers)));
}

/// The floor: parsing the same text into toml's spanned tree, with no checks and no model.
#[divan::bench(args = [40, 1_000, 10_000])]
fn parse_toml_only(bencher: divan::Bencher, n: usize) {
    let text = generate(n);
    bencher.bench(|| toml::de::DeTable::parse(divan::black_box(&text)).is_ok());
}

/// The embedded default's TOML through the loader, as `groupfit validate` reads it.
#[divan::bench]
fn load_default_toml(bencher: divan::Bencher) {
    bencher.bench(|| load(divan::black_box(groupfit::questionnaire::DEFAULT_TOML)));
}

/// The embedded default as the app starts from it: the ready model build.rs made.
#[divan::bench]
fn ready_default(bencher: divan::Bencher) {
    bencher.bench(groupfit::questionnaire::ready_default);
}

/// The parts of loading the default: the TOML parse, and the SHA-256 of the file.
#[divan::bench]
fn parse_default_toml_only(bencher: divan::Bencher) {
    bencher.bench(|| {
        toml::de::DeTable::parse(divan::black_box(groupfit::questionnaire::DEFAULT_TOML)).is_ok()
    });
}

#[divan::bench]
fn sha256_default(bencher: divan::Bencher) {
    bencher.bench(|| {
        groupfit::questionnaire::sha256_hex(divan::black_box(
            groupfit::questionnaire::DEFAULT_TOML.as_bytes(),
        ))
    });
}
