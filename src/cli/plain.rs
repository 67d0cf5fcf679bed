//! `groupfit run --plain`: the plain-mode conversation over stdin and stdout. With stdin a
//! terminal it prompts; from a script it reads exactly one line per shown question.

use std::io::IsTerminal;

use groupfit::answers::Answers;
use groupfit::clinician::ClinicianRecord;
use groupfit::plain::{End, InputLine, Plain, Request, read_line};
use groupfit::questionnaire::Questionnaire;

use super::output::{self, Output};
use super::{Exit, keep};

/// True when plain mode is asked for by `GROUPFIT_PLAIN` or `ACCESSIBLE` (set, not "0").
pub fn wanted_by_environment() -> bool {
    ["GROUPFIT_PLAIN", "ACCESSIBLE"]
        .iter()
        .any(|name| std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0"))
}

pub fn run(
    questionnaire: &Questionnaire,
    answers: Answers,
    clinician: Option<ClinicianRecord>,
    resumed: Option<String>,
    region: Option<String>,
    carry_on: &keep::CarryOn,
    out: &mut Output,
) -> Exit {
    watch_signals();
    let stdin = std::io::stdin();
    let scripted = !stdin.is_terminal();
    let mut plain = Plain::with_answers(questionnaire, answers, region, scripted);
    if let Some(record) = clinician {
        plain = plain.with_clinician(record);
    }
    if let Some(said) = resumed {
        plain = plain.resumed_from(said);
    }
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
    let max = plain.max_line_bytes();
    let mut input = stdin.lock();
    loop {
        let line = match read_line(&mut input, max) {
            Ok(Some(line)) => line,
            // On a terminal Ctrl+D asks as q does, once; the input is read again after it.
            Ok(None) => match plain.input_ended() {
                Some(ask) => {
                    out.write(&format!("\n{ask}"));
                    prompt(out);
                    continue;
                }
                None => break,
            },
            Err(e) => {
                let e = anyhow::Error::from(e).context("cannot read the input");
                output::error(&format!("{e:#}"));
                return Exit::Failure;
            }
        };
        let (reply, end) = match &line {
            InputLine::Text(text) => plain.respond(text),
            InputLine::Endless => {
                output::error(&format!(
                    "the input has a line longer than {max} bytes that does not end; \
                     groupfit stops (plain mode reads one answer a line)"
                ));
                return Exit::Failure;
            }
            unreadable => (plain.unreadable(unreadable), None),
        };
        out.write(&reply);
        if let Some(request) = plain.take_request() {
            let done = carry_out(&plain, &request, carry_on);
            out.write(&plain.request_done(&request, done));
        }
        if end == Some(End::Quick) {
            // As the full-screen app does: nothing of the session is left on the screen.
            if std::io::stdout().is_terminal() {
                super::terminal::wipe();
            }
            return Exit::Quick;
        }
        if end.is_some() || out.is_broken() {
            return Exit::Success;
        }
        prompt(out);
    }
    // Input that ends after the result (where Enter would have left) ends well.
    if plain.is_over() {
        return Exit::Success;
    }
    output::error(&plain.end_of_input());
    Exit::Failure
}

/// Writes what plain mode asked to keep: the answers so far, or a record.
fn carry_out(
    plain: &Plain<'_>,
    request: &Request,
    carry_on: &keep::CarryOn,
) -> Result<String, String> {
    let session = plain.session();
    match request {
        Request::SaveAnswers => keep::save_answers(session, plain.clinician(), carry_on),
        Request::Report { format, path } => {
            let outcome = session.score_now();
            let record = keep::RecordFrom {
                questionnaire: session.questionnaire(),
                answers: session.answers(),
                outcome: &outcome,
                clinician: plain.clinician(),
                region: plain.region(),
            };
            keep::write_record(&record, *format, path)
        }
    }
}

/// Plain mode changes nothing in the terminal, so a signal that ends the program only has to end
/// it with the code shells expect, 128 + n. A closed pipe is left to the writer (a quiet end),
/// so SIGPIPE is not among them.
fn watch_signals() {
    let wanted: Vec<i32> = super::events::fatal_signals()
        .into_iter()
        .filter(|&s| s != signal_hook::consts::SIGPIPE)
        .collect();
    let Ok(mut signals) = signal_hook::iterator::Signals::new(wanted) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                std::process::exit(i32::from(super::terminal::exit_code(signal)));
            }
        });
}
