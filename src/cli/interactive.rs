//! `groupfit run`: the full-screen questionnaire. The loop draws, reads one event, maps it to an
//! intent, applies it, and stops when the app says so. Everything it calls is tested without a
//! terminal.

use std::io::IsTerminal;

use anyhow::Context as _;
use std::time::Instant;

use crossterm::event::Event;
use groupfit::report::Format;
use groupfit::tui::{App, Control, Exit as AppExit};
use ratatui::layout::Rect;
use signal_hook::iterator::Signals;

use super::args::RunArgs;
use std::path::Path;

use groupfit::answers::{self, Answers};
use groupfit::clinician::ClinicianRecord;
use groupfit::questionnaire::Questionnaire;
use groupfit::recording::Request;
use groupfit::session::Stage;
use groupfit::ui_text::fill;

use super::events::{self, Wake};
use super::keep;
use super::output::{self, Output};
use super::plain;
use super::terminal::{self, exit_code, pending_signal};
use super::{Exit, files};

pub fn run(args: &RunArgs, out: &mut Output) -> Exit {
    let Some((questionnaire, old_lines)) = files::questionnaire_and_age(args.questions.as_deref())
    else {
        return Exit::Invalid;
    };
    let Resumed {
        answers,
        clinician,
        said,
    } = match &args.resume {
        None => Resumed::fresh(&questionnaire),
        Some(path) => match resume(&questionnaire, path) {
            Ok(resumed) => resumed,
            Err(exit) => return exit,
        },
    };
    // A saved clinician session carries on as one: its notes are never dropped.
    let clinician = clinician.or_else(|| args.clinician.then(ClinicianRecord::default));
    let Ok(region) = files::region(args.region.as_deref()) else {
        return Exit::Invalid;
    };
    // A terminal that says it cannot move the cursor (TERM=dumb: an editor's shell buffer, a
    // plain serial line) would show the full screen's escape sequences as text: plain mode is
    // what it can show, and that is said.
    let dumb = !args.plain && std::env::var("TERM").is_ok_and(|term| term == "dumb");
    if dumb {
        output::diagnostics(
            "groupfit: TERM=dumb cannot draw the full screen, so the questions are asked line \
             by line (plain mode; --plain says so yourself)",
        );
    }
    let plain_mode = args.plain || dumb || plain::wanted_by_environment();
    let carry_on = keep::CarryOn {
        plain: plain_mode,
        clinician: clinician.is_some(),
        questions: args.questions.clone(),
        region: args.region.as_ref().and(region.clone()),
    };
    let old_lines = old_lines.then(|| questionnaire.ui.old_crisis_lines.clone());
    if plain_mode {
        // Plain mode reads on from here: said first, it is read first.
        if let Some(sentence) = &old_lines {
            output::diagnostics(sentence);
        }
        return plain::run(
            &questionnaire,
            answers,
            clinician,
            said,
            region,
            &carry_on,
            out,
        );
    }
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        output::error(
            "groupfit run needs an interactive terminal, and stdin or stdout is not one. \
             To answer line by line (screen readers, scripts), use `groupfit run --plain`; \
             to score saved answers, `groupfit score --answers FILE`.",
        );
        return Exit::Failure;
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut app = App::with_answers(&questionnaire, answers, region, color);
    if let Some(record) = clinician {
        app = app.with_clinician_record(record);
    }
    // Said on the screen, where it is read (printed before the full screen opened, it was read
    // only after leaving), with what a resumed file says.
    match (said, old_lines) {
        (Some(said), Some(old)) => app.notify(format!("{old} {said}"), true),
        (Some(said), None) => app.notify(said, false),
        (None, Some(old)) => app.notify(old, true),
        (None, None) => {}
    }
    match full_screen(&mut app, &carry_on, out) {
        Ok(exit) => exit,
        Err(e) => {
            terminal::restore();
            output::error(&format!("{e:#}"));
            Exit::Failure
        }
    }
}

/// Takes the terminal, runs the event loop and gives the terminal back; an error says which
/// step failed ("setting up the terminal: ...").
fn full_screen(
    app: &mut App<'_>,
    carry_on: &keep::CarryOn,
    out: &mut Output,
) -> anyhow::Result<Exit> {
    let signals = events::catch_signals().context("cannot watch for signals")?;
    let (guard, mut screen) = terminal::enter().context("cannot set up the terminal")?;
    let exit = event_loop(&mut screen, app, carry_on, signals);
    // The guard is the one thing that restores the terminal. ratatui's own drop would show the
    // cursor again, and if the terminal has vanished it prints the failure to stderr, which
    // panics when stderr has vanished with it: it is never run.
    std::mem::forget(screen);
    drop(guard);
    // Drawing to a terminal that has vanished fails too, before any read does: a hang-up.
    let exit = match exit {
        Err(error) => terminal_gone(&error).ok_or(error),
        fine => fine,
    };
    let exit = exit.context("the terminal stopped working")?;
    match exit {
        Exit::Quick => terminal::wipe(),
        // Leaving the crisis panel leaves where to get help on the screen, so that closing it
        // (even by a stray Esc) does not take the numbers away.
        Exit::Success if app.session().stage() == Stage::Stopped => {
            out.write(&help_after_leaving(app));
        }
        _ => {}
    }
    Ok(exit)
}

/// Draw, wait for whatever wakes the loop (a key, a resize, a signal), act, repeat. Nothing runs
/// on a timer: left alone, the program uses no CPU.
fn event_loop(
    screen: &mut terminal::Screen,
    app: &mut App<'_>,
    carry_on: &keep::CarryOn,
    signals: Signals,
) -> std::io::Result<Exit> {
    let mut signals = Some(signals);
    let mut wakes = None;
    let mut dirty = true;
    // When a panel that must not take typed-ahead keys was first drawn (one that opened by
    // itself, or "leave?"): keys read before then are dropped, bar the urgent ones.
    let mut panel_drawn_at: Option<Instant> = None;
    loop {
        if let Some(signal) = pending_signal() {
            return Ok(Exit::Signal(exit_code(signal)));
        }
        if dirty {
            screen.draw(|frame| {
                let area = frame.area();
                frame.render_widget(&mut *app, area);
            })?;
            debug_panic_trigger();
            dirty = false;
            panel_drawn_at = match (app.panel_ignores_keys_typed_ahead(), panel_drawn_at) {
                (true, None) => Some(Instant::now()),
                (true, drawn) => drawn,
                (false, _) => None,
            };
        }
        // Started after the first frame, so that they do not delay it.
        if let Some(signals) = signals.take() {
            wakes = Some(events::start(signals)?);
        }
        let Some(wake) = wakes.as_ref().and_then(|w| w.recv().ok()) else {
            return Ok(Exit::Failure);
        };
        let event = match wake {
            // Ctrl+C, Ctrl+X and Ctrl+Z are never dropped: leaving at once must always work.
            Wake::Input(ref event @ Event::Key(_), read_at)
                if panel_drawn_at.is_some_and(|drawn| read_at < drawn)
                    && !groupfit::tui::is_urgent(event) =>
            {
                continue;
            }
            Wake::Input(event, _) => event,
            Wake::InputFailed(e) => return hang_up_or(e, wakes.as_ref()),
            Wake::Fatal(signal) => return Ok(Exit::Signal(exit_code(signal))),
            Wake::Suspend => {
                terminal::suspend(screen)?;
                dirty = true;
                continue;
            }
            Wake::Continued => {
                terminal::reenter(screen)?;
                dirty = true;
                continue;
            }
        };
        if let Event::Resize(width, height) = event {
            screen.resize(Rect::new(0, 0, width, height))?;
            dirty = true;
        }
        if let Some(intent) = app.intent(&event) {
            dirty = true;
            match app.handle(intent) {
                Control::Exit(exit) => {
                    return Ok(match exit {
                        AppExit::Left => Exit::Success,
                        AppExit::Interrupted => Exit::Signal(130),
                        AppExit::Quick => Exit::Quick,
                    });
                }
                Control::Suspend => terminal::suspend(screen)?,
                Control::Write(Request::SaveAnswers) => save(app, carry_on),
                Control::Write(Request::Report { format, path }) => {
                    export_report(app, format, &path);
                }
                Control::Continue => {}
            }
        }
    }
}

/// Reading the terminal failed. When the terminal has vanished (a closed ssh session), the
/// kernel also sends SIGHUP: the same event seen twice, and the signal says what happened, so
/// the loop waits a moment for it and ends with 129 as for any hang-up; a read that failed with
/// EIO, or a terminal that can no longer be opened, is a hang-up too. Otherwise the failure
/// stands.
fn hang_up_or(
    error: std::io::Error,
    wakes: Option<&std::sync::mpsc::Receiver<Wake>>,
) -> std::io::Result<Exit> {
    let deadline = Instant::now() + std::time::Duration::from_millis(300);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match wakes.map(|w| w.recv_timeout(left)) {
            Some(Ok(Wake::Fatal(signal))) => return Ok(Exit::Signal(exit_code(signal))),
            Some(Ok(_)) => {}
            _ => break,
        }
    }
    terminal_gone(&error).ok_or(error)
}

/// The exit for a failure that means the terminal has gone: a signal already received, or a
/// hang-up (EIO is how a terminal that has hung up answers, even when the signal is late; and a
/// process whose controlling terminal has gone can no longer open /dev/tty).
fn terminal_gone(error: &std::io::Error) -> Option<Exit> {
    if let Some(signal) = pending_signal() {
        return Some(Exit::Signal(exit_code(signal)));
    }
    let gone = error.raw_os_error() == Some(libc::EIO)
        || std::fs::OpenOptions::new()
            .read(true)
            .open("/dev/tty")
            .is_err();
    gone.then(|| Exit::Signal(exit_code(libc::SIGHUP)))
}

/// Where to get help now, printed on the main screen after leaving the crisis panel.
fn help_after_leaving(app: &App<'_>) -> String {
    let q = app.session().questionnaire();
    let topics = groupfit::safety::help_topics(&app.session().score_now().flags);
    let help = groupfit::crisis::CrisisHelp::for_topics(q, app.region(), &topics);
    let items: Vec<String> = help
        .item_lines(&q.ui)
        .iter()
        .map(|item| format!("  {}\n", groupfit::text::clean_line(item)))
        .collect();
    format!("{}\n{}", q.ui.crisis_after_exit, items.concat())
}

/// Saves the answers so far (with a clinician's work) to a new answers file, and says where.
fn save(app: &mut App<'_>, carry_on: &keep::CarryOn) {
    let result = keep::save_answers(app.session(), app.clinician(), carry_on);
    app.saved(result);
}

/// Writes the report the person asked for from the result screen, privately, never over an
/// existing file; a failure keeps the prompt open to choose another name.
fn export_report(app: &mut App<'_>, format: Format, path: &str) {
    // The outcome the screen shows, not scored again.
    let outcome = app
        .outcome()
        .cloned()
        .unwrap_or_else(|| app.session().score_now());
    let session = keep::RecordFrom {
        questionnaire: app.session().questionnaire(),
        answers: app.session().answers(),
        outcome: &outcome,
        clinician: app.clinician(),
        region: app.region(),
    };
    let result = keep::write_record(&session, format, path);
    app.export_done(result);
}

/// Where a run starts: fresh, or from saved answers (and a clinician's record), with what to
/// say about it.
pub(super) struct Resumed {
    pub answers: Answers,
    pub clinician: Option<ClinicianRecord>,
    pub said: Option<String>,
}

impl Resumed {
    fn fresh(q: &Questionnaire) -> Self {
        Self {
            answers: Answers::new(q),
            clinician: None,
            said: None,
        }
    }
}

/// Loads saved answers to carry on with; answers that no longer fit are dropped, and said so.
/// `Err` has already been reported.
fn resume(q: &Questionnaire, path: &Path) -> Result<Resumed, Exit> {
    let bytes = files::read(path, "answers file").map_err(|e| {
        output::error(&format!("{e:#}"));
        Exit::Invalid
    })?;
    let name = path.display().to_string();
    match answers::load_for_resume(&bytes, q) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                output::diagnostics(&warning.headline(&name));
            }
            let dropped = &loaded.dropped;
            let mut said = if dropped.is_empty() {
                fill(&q.ui.resumed, &[("path", &name)])
            } else {
                fill(
                    &q.ui.resumed_dropped,
                    &[
                        ("path", &name),
                        ("n", &dropped.len().to_string()),
                        ("ids", &dropped.join(", ")),
                    ],
                )
            };
            if loaded.clinician.is_some() {
                said = format!("{said} {}", q.ui.resumed_clinician);
            }
            Ok(Resumed {
                answers: loaded.answers,
                clinician: loaded.clinician,
                said: Some(said),
            })
        }
        Err(diagnostics) => {
            for d in &diagnostics {
                output::diagnostics(&d.headline(&name));
            }
            output::error(&format!("{name} cannot be resumed; fix the problems above"));
            Err(Exit::Invalid)
        }
    }
}

/// Debug builds only: `GROUPFIT_DEBUG_PANIC=1` panics after the first frame, so tests can check
/// that a panic restores the terminal.
fn debug_panic_trigger() {
    assert!(
        !(cfg!(debug_assertions) && std::env::var_os("GROUPFIT_DEBUG_PANIC").is_some()),
        "debug panic trigger (GROUPFIT_DEBUG_PANIC)"
    );
}
