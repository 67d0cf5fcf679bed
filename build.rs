//! Puts the embedded questionnaire's id and version into the binary's `--version` line, read
//! from `questions.toml` at build time so that start-up does not parse it to answer `--version`,
//! and its SHA-256, so that start-up does not hash the same bytes every time.

use std::fmt::Write as _;
use std::fs;

use sha2::{Digest as _, Sha256};

fn main() {
    println!("cargo:rerun-if-changed=questions.toml");
    let bytes = fs::read("questions.toml").unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let (id, version) = meta_id_and_version(&text);
    println!("cargo:rustc-env=GROUPFIT_QUESTIONNAIRE={id} {version}");
    let digest = Sha256::digest(&bytes)
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        });
    println!("cargo:rustc-env=GROUPFIT_DEFAULT_SHA256={digest}");
}

/// The `id` and `version` keys of the `[meta]` table (a test in the crate checks that they
/// agree with the real loader).
fn meta_id_and_version(text: &str) -> (String, String) {
    let mut in_meta = false;
    let (mut id, mut version) = (String::from("?"), String::from("?"));
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_meta = line == "[meta]";
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim().trim_matches('"').to_string();
        match (in_meta, key.trim()) {
            (true, "id") => id = value,
            (true, "version") => version = value,
            _ => {}
        }
    }
    (id, version)
}
