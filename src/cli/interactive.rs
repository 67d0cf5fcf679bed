//! `groupfit run`: the full-screen questionnaire. The loop draws, reads one event, maps it to an
//! intent, applies it, and stops when the app says so. Everything it calls is tested without a
//! terminal.

use std::io::IsTerminal;
use std::time::Duration;

use groupfit::crisis::region_from_locale;
use groupfit::tui::{App, Control, Exit as AppExit, intent};
use ratatui::crossterm::event::{self, Event};
use ratatui::layout::Rect;
use signal_hook::iterator::Signals;

use super::args::RunArgs;
use super::output::{self, Output};
use super::plain;
use super::terminal::{self, exit_code, pending_signal};
use super::{Exit, files};

/// How often the loop wakes to check for signals while idle.
const TICK: Duration = Duration::from_millis(100);

pub fn run(args: &RunArgs, out: &mut Output) -> Exit {
    if args.clinician || args.resume.is_some() {
        output::error("--clinician and --resume are not available yet in this version");
        return Exit::Failure;
    }
    let Some(questionnaire) = files::questionnaire(args.questions.as_deref()) else {
        return Exit::Invalid;
    };
    let region = args.region.clone().or_else(locale_region);
    if args.plain || plain::wanted_by_environment() {
        return plain::run(&questionnaire, region, out);
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
    let mut app = App::new(&questionnaire, region, color);
    let signals = match terminal::catch_signals() {
        Ok(signals) => signals,
        Err(e) => {
            output::error(&format!("cannot watch for signals: {e}"));
            return Exit::Failure;
        }
    };
    let result = terminal::enter().and_then(|(guard, mut screen)| {
        let exit = event_loop(&mut screen, &mut app, signals);
        drop(guard);
        if let Ok(Exit::Quick) = exit {
            terminal::wipe();
        }
        exit
    });
    match result {
        Ok(exit) => exit,
        Err(e) => {
            terminal::restore();
            output::error(&format!("the terminal stopped working: {e}"));
            Exit::Failure
        }
    }
}

/// The region of the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), for crisis lines.
fn locale_region() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|locale| region_from_locale(&locale))
}

fn event_loop(
    screen: &mut terminal::Screen,
    app: &mut App<'_>,
    signals: Signals,
) -> std::io::Result<Exit> {
    let mut signals = Some(signals);
    let mut dirty = true;
    loop {
        if let Some(signal) = pending_signal() {
            return Ok(Exit::Signal(exit_code(signal)));
        }
        if dirty {
            screen.draw(|frame| {
                let area = frame.area();
                app.resize(area.width, area.height);
                frame.render_widget(&*app, area);
            })?;
            debug_panic_trigger();
            dirty = false;
        }
        if let Some(signals) = signals.take() {
            terminal::watch(signals)?;
        }
        if !event::poll(TICK)? {
            continue;
        }
        let event = event::read()?;
        if let Event::Resize(width, height) = event {
            screen.resize(Rect::new(0, 0, width, height))?;
            dirty = true;
        }
        if let Some(intent) = intent(&event, app.mode()) {
            dirty = true;
            if let Control::Exit(exit) = app.handle(intent) {
                return Ok(match exit {
                    AppExit::Left => Exit::Success,
                    AppExit::Interrupted => Exit::Signal(130),
                    AppExit::Quick => Exit::Quick,
                });
            }
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
