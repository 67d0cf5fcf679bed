//! When the result is offered early, measured through the real binary: each of the project's
//! played stories (the tuning set and the holdouts of docs/VALIDATION.md) is answered question by
//! question in plain mode in a pseudo-terminal, as a person at a terminal would, reading which
//! question the program asks; the offer is taken when it comes, and what the result screen says
//! must be what it says after answering everything. Done in the file's order (as before) and in
//! the adaptive order (the default); the table in docs/SETTLED.md is this one.

mod common;

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use groupfit::answers::Answers;
use groupfit::questionnaire::{Flag, Order, QuestionKind, Questionnaire};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const PATIENCE: Duration = Duration::from_secs(10);
/// What a play that a crisis panel stopped tells, in place of a result screen.
const STOPPED: &str = "(stopped on the crisis panel)";

/// How one story went: the question the offer came at (`None`: never offered, as when a red
/// answer stops it), how many questions answering everything takes, and whether taking the offer
/// told the person what answering everything does.
struct Played {
    offered_at: Option<usize>,
    every_question: usize,
    same_result: bool,
}

/// The real binary in plain mode in a pseudo-terminal (so it is interactive and makes the
/// offer), read as the plain text it writes.
struct PlainTerminal {
    _master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    /// Every byte the program wrote, decoded only between prompts (a character may be split
    /// across two reads).
    output: Arc<Mutex<Vec<u8>>>,
    /// The program has closed the terminal (it ended, as after a crisis panel).
    ended: Arc<AtomicBool>,
    read_up_to: usize,
}

impl PlainTerminal {
    fn start(args: &[&str], folder: &Path) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 50,
                cols: 200,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_groupfit"));
        command.args(["run", "--plain"]);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "en_US.UTF-8");
        command.cwd(folder);
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        let ended = Arc::new(AtomicBool::new(false));
        let closed = Arc::clone(&ended);
        let mut reader = pair.master.try_clone_reader().unwrap();
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            closed.store(true, Ordering::SeqCst);
        });
        let writer = pair.master.take_writer().unwrap();
        Self {
            _master: pair.master,
            child,
            writer,
            output,
            ended,
            read_up_to: 0,
        }
    }

    /// What the program wrote since the last call, once it waits for a line ("> ") or ends.
    fn until_prompt(&mut self) -> String {
        let start = Instant::now();
        loop {
            let ended = self.ended.load(Ordering::SeqCst);
            {
                let output = self.output.lock().unwrap();
                if ended || (output.len() > self.read_up_to && output.ends_with(b"> ")) {
                    let said =
                        String::from_utf8_lossy(&output[self.read_up_to..]).replace('\r', "");
                    self.read_up_to = output.len();
                    return said;
                }
            }
            assert!(
                start.elapsed() < PATIENCE,
                "no prompt; the program wrote:\n{}",
                String::from_utf8_lossy(&self.output.lock().unwrap()[self.read_up_to..])
            );
            thread::sleep(Duration::from_millis(2));
        }
    }

    /// How the program ended: it must end well (exit 0), as after a crisis panel.
    fn ended_well(&mut self) -> bool {
        self.child.wait().is_ok_and(|status| status.success())
    }

    fn send(&mut self, line: &str) {
        self.writer.write_all(line.as_bytes()).unwrap();
        self.writer.write_all(b"\r").unwrap();
        self.writer.flush().unwrap();
    }
}

impl Drop for PlainTerminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the result screen tells the person: its opening paragraph (the headline, the lean and a
/// close call's side), the cautions under "Things to talk about" and the help by topic under
/// "Talk to someone". Left out: the note that counts the questions left, which only an early
/// finish has, and the "prep" tips (such as "you usually stay quiet in groups"), which
/// CLINICAL.md lets the questions left still add.
fn told(q: &Questionnaire, result: &str) -> Vec<String> {
    if result == STOPPED {
        return vec![STOPPED.to_string()];
    }
    let start = result
        .find("RESULT:")
        .unwrap_or_else(|| panic!("no result on the screen:\n{result}"));
    let paragraphs: Vec<&str> = result[start..].split("\n\n").collect();
    let option_tips = q
        .questions
        .iter()
        .flat_map(groupfit::questionnaire::Question::options)
        .filter(|o| o.flag == Some(Flag::Prep))
        .filter_map(|o| o.advice.as_deref());
    let scale_tips = q
        .questions
        .iter()
        .filter_map(|question| match &question.kind {
            QuestionKind::Scale(scale) => Some(&scale.flags),
            _ => None,
        })
        .flatten()
        .filter(|f| f.flag == Flag::Prep)
        .filter_map(|f| f.advice.as_deref());
    let tips: Vec<String> = option_tips.chain(scale_tips).map(one_line).collect();
    // The headline paragraph as words, up to the note that counts the questions left (the
    // paragraph's last sentence, however it wraps).
    let headline = one_line(paragraphs[0]);
    let headline = match headline.find("left unanswered") {
        Some(at) => headline[..headline[..at].rfind('.').map_or(0, |end| end + 1)].to_string(),
        None => headline,
    };
    let mut told = vec![headline];
    for section in ["Things to talk about", "Talk to someone"] {
        if let Some(paragraph) = paragraphs.iter().find(|p| p.starts_with(section)) {
            // The heading over the notes to prepare comes with the notes, which may differ.
            let paragraph: Vec<&str> = paragraph
                .lines()
                .filter(|line| line.trim() != q.ui.heading_prepare)
                .collect();
            told.extend(
                paragraph
                    .join("\n")
                    .split("\n  - ")
                    .skip(1) // the heading, there even when only tips are under it
                    .map(one_line)
                    .filter(|item| !tips.contains(item)),
            );
        }
    }
    told
}

/// Text as one line, however it was wrapped.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plays one answers file through the real binary in plain mode, answering each question it
/// asks as the file does (Enter where the file has no answer); at the offer it types `s` when
/// `take_offer`, else Enter. Returns the question the offer came at, how many were asked, and the
/// result screen (empty when a red answer stopped it).
fn play_once(
    q: &Questionnaire,
    full: &Answers,
    questions: &Path,
    take_offer: bool,
) -> (Option<usize>, usize, String) {
    let folder = tempfile::tempdir().unwrap();
    let mut app =
        PlainTerminal::start(&["--questions", questions.to_str().unwrap()], folder.path());
    let mut asked = 0;
    let mut offered_at = None;
    let mut said = app.until_prompt();
    for _ in 0..200 {
        if said.contains("RESULT:") {
            return (offered_at, asked, said);
        }
        if said.contains("Your answers already point to") && offered_at.is_none() {
            offered_at = Some(asked);
            app.send(if take_offer { "s" } else { "" });
            said = app.until_prompt();
            continue;
        }
        // A caution ("Before you go on") and the review at the end both go on with Enter.
        if said.contains("Press Enter to keep going")
            || said.contains("Press Enter to see your result")
        {
            app.send("");
            said = app.until_prompt();
            continue;
        }
        let Some(prompt) = asked_question(&said) else {
            // A crisis panel, and nothing else, stops it: never a crash taken for one.
            assert!(
                said.contains("The questionnaire has stopped here") && app.ended_well(),
                "neither a question, a result nor a crisis panel:\n{said}"
            );
            return (offered_at, asked, STOPPED.to_string());
        };
        let i = q
            .questions
            .iter()
            .position(|question| question.prompt == prompt)
            .unwrap_or_else(|| panic!("no question asks {prompt:?}"));
        asked += 1;
        app.send(&full.get(i).map(common::plain_line).unwrap_or_default());
        said = app.until_prompt();
    }
    panic!("the session never ended");
}

/// The prompt of the question shown last, read from the line after "Question N of about M".
fn asked_question(said: &str) -> Option<&str> {
    let lines: Vec<&str> = said.lines().collect();
    let at = lines
        .iter()
        .rposition(|l| l.starts_with("Question ") && l.contains(" of about "))?;
    lines.get(at + 1).copied()
}

/// Plays a story twice through the binary: taking the offer, and answering everything.
fn play(q: &Questionnaire, full: &Answers, questions: &Path) -> Played {
    let (offered_at, _, early) = play_once(q, full, questions, true);
    let (_, every_question, whole) = play_once(q, full, questions, false);
    Played {
        offered_at,
        every_question,
        same_result: told(q, &early) == told(q, &whole),
    }
}

fn story_files() -> Vec<PathBuf> {
    common::answers_files_in(&[
        "tests/validation/tuning/answers",
        "tests/validation/holdout/answers",
        "tests/validation/holdout2/answers",
        "tests/validation/holdout3/answers",
        "tests/validation/holdout4/answers",
        "tests/validation/holdout5/answers",
        "tests/validation/holdout6/answers",
        "tests/validation/holdout7/answers",
        "tests/validation/holdout8/answers",
        "tests/validation/holdout9/answers",
        "tests/validation/holdout10/answers",
        "tests/validation/holdout11/answers",
        "tests/validation/holdout12/answers",
    ])
}

/// The stories whose every answer can be typed today: a file that chose an answer retired since
/// it was played (R03 and R23, before 2026.12.16) still scores as it did, but nobody can give
/// that answer at a terminal any more, so it cannot be replayed.
fn typeable_today(
    stories: Vec<PathBuf>,
    q: &groupfit::questionnaire::Questionnaire,
) -> Vec<PathBuf> {
    stories
        .into_iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let answers = groupfit::answers::load(text.as_bytes(), q).unwrap().answers;
            q.questions.iter().enumerate().all(|(i, question)| {
                answers
                    .get(i)
                    .is_none_or(|answer| answer.chosen().iter().all(|&o| question.is_offered(o)))
            })
        })
        .collect()
}

fn median(mut values: Vec<usize>) -> usize {
    values.sort_unstable();
    values[values.len() / 2]
}

/// The table of docs/SETTLED.md: per order, how many stories were offered their result early,
/// and at which question (median, least, most), against answering every question.
fn table() -> (String, Vec<usize>) {
    let mut rows = String::from(
        "| order | stories | offered early | offer at question (median) | earliest | latest | every question (median) | result after taking it = full result |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut medians = Vec::new();
    let folder = tempfile::tempdir().unwrap();
    for order in [Order::Fixed, Order::Adaptive] {
        let mut q = common::default_questionnaire();
        q.meta.order = order;
        // The default questionnaire's own text, with only its order changed.
        let questions = folder.path().join(format!("{}.toml", order.as_str()));
        let text = std::fs::read_to_string("questions.toml").unwrap().replace(
            "order = \"adaptive\"",
            &format!("order = \"{}\"", order.as_str()),
        );
        assert!(text.contains(&format!("order = \"{}\"", order.as_str())));
        std::fs::write(&questions, text).unwrap();
        let stories = typeable_today(story_files(), &q);
        // Four stories at a time: most of each play is waiting for the terminal.
        let played: Vec<Played> = thread::scope(|scope| {
            let playing: Vec<_> = stories
                .chunks(stories.len().div_ceil(4))
                .map(|chunk| {
                    let (q, questions) = (&q, &questions);
                    scope.spawn(move || {
                        chunk
                            .iter()
                            .map(|path| {
                                let text = std::fs::read_to_string(path).unwrap();
                                let full =
                                    groupfit::answers::load(text.as_bytes(), q).unwrap().answers;
                                play(q, &full, questions)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            playing
                .into_iter()
                .flat_map(|p| p.join().unwrap())
                .collect()
        });
        let at: Vec<usize> = played.iter().filter_map(|p| p.offered_at).collect();
        let every = median(played.iter().map(|p| p.every_question).collect());
        let same = played.iter().filter(|p| p.same_result).count();
        medians.push(median(at.clone()));
        let _ = writeln!(
            rows,
            "| {} | {} | {} | {} | {} | {} | {every} | {same} of {} |",
            order.as_str(),
            played.len(),
            at.len(),
            median(at.clone()),
            at.iter().min().unwrap(),
            at.iter().max().unwrap(),
            played.len()
        );
    }
    (rows, medians)
}

#[test]
fn the_offer_comes_sooner_in_the_adaptive_order_and_never_changes_the_result() {
    let (table, medians) = table();
    for line in table.lines().skip(2) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let stories = cells[2];
        assert_eq!(
            cells[8],
            format!("{stories} of {stories}"),
            "taking the offer must tell every story what answering everything does:\n{table}"
        );
    }
    assert!(
        medians[1] < medians[0],
        "the adaptive order offers the result sooner:\n{table}"
    );
    let docs = std::fs::read_to_string("docs/SETTLED.md").unwrap();
    assert!(
        docs.contains(&table),
        "docs/SETTLED.md should hold this table:\n{table}"
    );
}
