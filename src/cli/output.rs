//! Writing results to stdout and messages to stderr without ever panicking: a closed pipe ends
//! the program quietly, a full disk is reported once.

use std::io::{self, Write};

use super::Exit;
use groupfit::text::clean;

/// Collects the output of a command and writes it through one locked handle.
pub struct Output {
    stdout: io::Stdout,
    failed: Option<io::Error>,
}

impl Output {
    pub fn stdout() -> Self {
        Self {
            stdout: io::stdout(),
            failed: None,
        }
    }

    /// Writes text; after the first failure, nothing more is attempted. When standard output
    /// was closed as groupfit started, the first write fails, so output is never lost in silence.
    pub fn write(&mut self, text: &str) {
        if self.failed.is_some() {
            return;
        }
        if super::closed_stdout::was_closed() {
            self.failed = Some(io::Error::other(
                "standard output is closed, so the report would be lost; \
                 give --output FILE, or send it to a file with > FILE",
            ));
            return;
        }
        let mut lock = self.stdout.lock();
        if let Err(e) = lock.write_all(text.as_bytes()).and_then(|()| lock.flush()) {
            self.failed = Some(e);
        }
    }

    /// True once a write has failed: there is no point producing more.
    pub fn is_broken(&self) -> bool {
        self.failed.is_some()
    }

    /// The exit to use: a broken pipe is a quiet, normal end (the reader had enough); any other
    /// write failure is reported and exits 1.
    pub fn finish(self, exit: Exit) -> Exit {
        match self.failed {
            None => exit,
            Some(e) if e.kind() == io::ErrorKind::BrokenPipe => exit,
            Some(e) => {
                error(&format!("cannot write the output: {e}"));
                Exit::Failure
            }
        }
    }
}

/// Prints `groupfit: message` to stderr, cleaned of control characters; never fails.
pub fn error(message: &str) {
    let _ = writeln!(io::stderr().lock(), "groupfit: {}", clean(message, true));
}

/// Prints lines to stderr as they are (already cleaned diagnostics); never fails.
pub fn diagnostics(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}
