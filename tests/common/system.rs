//! System tools some tests drive (Chromium, faketime...). Those tests are left out of a plain
//! `cargo test` (each says why in a comment and in its ignore reason), so it needs nothing but
//! cargo; `.ci/run` installs the tools and runs them with `--ignored`. Run by hand without the
//! tools, a test says what to install.

use std::process::{Command, Stdio};

/// True when every one of `commands` is on the PATH.
fn have(commands: &[&str]) -> bool {
    let script = commands
        .iter()
        .map(|c| format!("command -v {c}"))
        .collect::<Vec<_>>()
        .join(" && ");
    Command::new("sh")
        .args(["-c", &script])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Fails the test, saying what to install, unless every one of `commands` is on the PATH.
pub fn require(commands: &[&str], packages: &str, for_what: &str) {
    assert!(
        have(commands),
        "{for_what} needs {packages}, which this machine lacks: install them with the system's \
         package manager (.ci/run does), then run cargo test -- --ignored"
    );
}
