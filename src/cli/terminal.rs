//! The terminal's lifecycle: raw mode and the alternate screen behind one restoring guard, a
//! single chained panic hook, and a signal thread that doubles as a watchdog. Restoring is best
//! effort at every step, never panics, and is safe to call more than once.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::thread;
use std::time::Duration;

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
    size as terminal_size,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The last signal received, 0 for none.
static PENDING_SIGNAL: AtomicI32 = AtomicI32::new(0);
static PANIC_HOOK: Once = Once::new();
/// How long the event loop has to leave on its own after a signal before the watchdog does it.
const WATCHDOG: Duration = Duration::from_millis(500);

pub type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Puts the terminal back: raw mode off, bracketed paste off, main screen, cursor shown.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// After a quick exit: clears the main screen and the scrollback too, so that nothing of the
/// questionnaire stays visible.
pub fn wipe() {
    let mut out = io::stdout();
    let _ = out.write_all(b"\x1b[H\x1b[2J\x1b[3J");
    let _ = out.flush();
}

/// Restores the terminal when dropped, however the program leaves the scope.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Enters the full-screen mode. The guard exists before raw mode is enabled, so a failure half
/// way is still undone.
pub fn enter() -> io::Result<(Guard, Screen)> {
    install_panic_hook();
    let guard = Guard;
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    let backend = CrosstermBackend::new(BufWriter::with_capacity(64 * 1024, io::stdout()));
    // A fixed viewport, resized on resize events: ratatui does not then ask the terminal for its
    // size before every frame.
    let (width, height) = terminal_size()?;
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    let screen = Terminal::with_options(backend, TerminalOptions { viewport })?;
    Ok((guard, screen))
}

/// One hook, installed once: restore the terminal, then run the hook that was there before (so
/// the message is printed on the main screen, in cooked mode).
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// The exit code for a signal n: 128 + n, as shells report it (SIGINT 130, SIGTERM 143, SIGHUP
/// 129, SIGQUIT 131).
#[must_use]
pub fn exit_code(signal: i32) -> u8 {
    u8::try_from(128 + signal).unwrap_or(1)
}

/// Records the signal received, for the loop.
pub fn record_signal(signal: i32) {
    PENDING_SIGNAL.store(signal, Ordering::SeqCst);
}

/// Gives the loop the watchdog's time to leave on its own; then restores the terminal and exits
/// with 128 + n. Called from the signal thread, never from a handler.
pub fn watchdog(signal: i32) -> ! {
    thread::sleep(WATCHDOG);
    restore();
    std::process::exit(i32::from(exit_code(signal)));
}

/// The signal received, if any.
#[must_use]
pub fn pending_signal() -> Option<i32> {
    match PENDING_SIGNAL.load(Ordering::SeqCst) {
        0 => None,
        signal => Some(signal),
    }
}

/// Ctrl+Z, or SIGTSTP from outside: gives the terminal back, stops as every full-screen program
/// does, and on `fg` (or SIGCONT) sets the terminal up again and redraws everything.
pub fn suspend(screen: &mut Screen) -> io::Result<()> {
    restore();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    reenter(screen)
}

/// After being stopped and continued (by `kill -STOP`/`-CONT`, or a shell's `fg`), the terminal
/// may be back in cooked mode on the main screen: raw mode and the alternate screen again, and
/// a full redraw on the next frame.
pub fn reenter(screen: &mut Screen) -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    // crossterm skips enabling raw mode when it believes it is on already; after a stop the
    // terminal may have been reset behind its back, so turn it off (to what it was) and on.
    let _ = disable_raw_mode();
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    // The window may have changed while stopped. `resize` clears the screen and makes the next
    // frame draw every cell; `clear` would ask the terminal for the cursor position, which waits
    // for the input thread's lock on the event reader.
    let (width, height) = terminal_size()?;
    screen.resize(Rect::new(0, 0, width, height))
}
