//! Debian packages some tests drive (Chromium, faketime...): `.ci/run` installs them, and a test
//! installs them itself when it runs as root with apt-get, or says what to install.

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

/// Makes sure `commands` exist, installing `packages` with apt-get if not; fails the test,
/// saying what to install, when that cannot be done.
pub fn require(commands: &[&str], packages: &str, for_what: &str) {
    if have(commands) {
        return;
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    assert!(
        root && have(&["apt-get"]),
        "{for_what} needs {packages}: sudo apt-get install {packages}"
    );
    let installed = Command::new("sh")
        .args([
            "-c",
            &format!(
                "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
                 apt-get install -y -qq {packages} >/dev/null"
            ),
        ])
        .status()
        .unwrap();
    assert!(installed.success(), "apt-get install {packages} failed");
}
