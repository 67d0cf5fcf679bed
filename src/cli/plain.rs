//! `groupfit run --plain`: the plain-mode conversation over stdin and stdout. With stdin a
//! terminal it prompts; from a script it reads exactly one line per shown question.

use std::io::{BufRead, IsTerminal};

use groupfit::answers::Answers;
use groupfit::plain::Plain;
use groupfit::questionnaire::Questionnaire;

use super::Exit;
use super::output::{self, Output};

/// True when plain mode is asked for by `GROUPFIT_PLAIN` or `ACCESSIBLE` (set, not "0").
pub fn wanted_by_environment() -> bool {
    ["GROUPFIT_PLAIN", "ACCESSIBLE"]
        .iter()
        .any(|name| std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0"))
}

pub fn run(
    questionnaire: &Questionnaire,
    answers: Answers,
    region: Option<String>,
    out: &mut Output,
) -> Exit {
    let stdin = std::io::stdin();
    let scripted = !stdin.is_terminal();
    let mut plain = Plain::with_answers(questionnaire, answers, region, scripted);
    out.write(&plain.opening());
    if plain.is_over() {
        return Exit::Success;
    }
    let prompt = |out: &mut Output| {
        if !scripted {
            out.write("> ");
        }
    };
    prompt(out);
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                output::error(&format!("cannot read the input: {e}"));
                return Exit::Failure;
            }
        };
        let (reply, end) = plain.respond(&line);
        out.write(&reply);
        if end.is_some() || out.is_broken() {
            return Exit::Success;
        }
        prompt(out);
    }
    output::error(&plain.end_of_input());
    Exit::Failure
}
