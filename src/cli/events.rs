//! Everything that can wake the full-screen loop, on one channel: terminal events (a thread
//! blocked in crossterm's `read`) and signals (a thread blocked on signal-hook's iterator). The
//! loop blocks on the channel, so an open questionnaire left alone uses no CPU at all; nothing
//! polls on a timer.

use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Instant;

use crossterm::event::{self, Event};
use signal_hook::consts::{
    SIGABRT, SIGALRM, SIGBUS, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPIPE, SIGPROF, SIGQUIT, SIGSYS,
    SIGTERM, SIGTRAP, SIGTSTP, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU, SIGXFSZ,
};
use signal_hook::iterator::Signals;

use super::terminal;

/// Signals whose default action ends the process: each restores the terminal and exits 128+n.
/// That is every such signal that can be caught: the usual requests, the ones few programs
/// expect (SIGIO, SIGPWR, SIGSTKFLT), those that would dump core when sent from outside (SIGABRT,
/// SIGBUS, SIGSYS, SIGTRAP) and every real-time signal (`fatal_signals` adds them). SIGKILL
/// cannot be caught, and signal-hook refuses SIGSEGV, SIGILL and SIGFPE (a handler for a real
/// fault could not return safely), so those leave the terminal as the kernel leaves it.
pub const FATAL: [i32; 17] = [
    SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF,
    SIGXCPU, SIGXFSZ, SIGIO, SIGABRT, SIGBUS, SIGSYS, SIGTRAP,
];

/// Every signal that ends the process and can be caught: `FATAL`, Linux's own (SIGPWR,
/// SIGSTKFLT) and the real-time signals (SIGRTMIN..=SIGRTMAX, as the C library numbers them at
/// run time).
#[must_use]
pub fn fatal_signals() -> Vec<i32> {
    let mut all = FATAL.to_vec();
    #[cfg(target_os = "linux")]
    {
        all.extend([libc::SIGPWR, libc::SIGSTKFLT]);
        all.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    all
}

/// What woke the loop.
#[derive(Debug)]
pub enum Wake {
    /// A terminal event, and when it was read (keys typed ahead of a panel are told apart by it).
    Input(Event, Instant),
    /// Reading the terminal failed: it is gone.
    InputFailed(io::Error),
    /// A signal that ends the program (the loop exits with 128 + n).
    Fatal(i32),
    /// SIGTSTP from outside: suspend as Ctrl+Z does.
    Suspend,
    /// SIGCONT: the program was stopped and continued; the terminal must be set up again.
    Continued,
}

/// The signals the full-screen mode handles: the fatal ones, and stop and continue.
pub fn catch_signals() -> io::Result<Signals> {
    let mut all = fatal_signals();
    all.extend([SIGTSTP, SIGCONT]);
    Signals::new(all)
}

/// Starts the two threads and returns the channel they feed. The signal thread is also a
/// watchdog: after a fatal signal, if the loop has not left within the watchdog's time (the
/// terminal may have vanished, and a read can spin), it restores the terminal and exits itself.
/// It never restores inside a signal handler.
pub fn start(signals: Signals) -> io::Result<Receiver<Wake>> {
    let (send, receive) = mpsc::channel();
    let input = send.clone();
    thread::Builder::new()
        .name("input".into())
        .spawn(move || read_input(&input))?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || forward_signals(signals, &send))?;
    Ok(receive)
}

fn read_input(send: &Sender<Wake>) {
    loop {
        let wake = match event::read() {
            Ok(event) => Wake::Input(event, Instant::now()),
            Err(e) => Wake::InputFailed(e),
        };
        let failed = matches!(wake, Wake::InputFailed(_));
        if send.send(wake).is_err() || failed {
            return;
        }
    }
}

fn forward_signals(mut signals: Signals, send: &Sender<Wake>) {
    for signal in signals.forever() {
        let wake = match signal {
            SIGTSTP => Wake::Suspend,
            SIGCONT => Wake::Continued,
            fatal => {
                terminal::record_signal(fatal);
                let _ = send.send(Wake::Fatal(fatal));
                terminal::watchdog(fatal);
            }
        };
        if send.send(wake).is_err() {
            return;
        }
    }
}
