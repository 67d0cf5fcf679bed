//! Ship-ready command line: the version line, shell completions and the man page mention every
//! subcommand, and every command's help shows examples.

use std::process::Command;

mod common;

/// The commands `--help` lists, and at least those groupfit has always had.
fn subcommands() -> Vec<String> {
    let all = common::subcommands();
    for known in [
        "run",
        "validate",
        "score",
        "audit",
        "fhir-questionnaire",
        "template",
    ] {
        assert!(
            all.iter().any(|c| c == known),
            "{known} missing from {all:?}"
        );
    }
    all
}

fn groupfit(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_version_names_the_tool_and_the_embedded_questionnaire() {
    let (code, text) = groupfit(&["--version"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        text.trim(),
        format!(
            "groupfit {} (questionnaire groupfit-default 2026.12.17)",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn completions_for_every_shell_mention_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, text) = groupfit(&["completions", shell]);
        assert_eq!(code, Some(0), "{shell}");
        for subcommand in subcommands() {
            assert!(
                text.contains(&subcommand),
                "{shell} completions miss {subcommand}"
            );
        }
        assert!(
            text.contains("questions") && text.contains("format"),
            "{shell} completions miss options"
        );
    }
}

#[test]
fn the_man_page_mentions_every_subcommand() {
    let (code, text) = groupfit(&["man"]);
    assert_eq!(code, Some(0));
    assert!(
        text.starts_with(".ie") || text.contains(".TH groupfit 1"),
        "not roff"
    );
    for subcommand in subcommands() {
        assert!(
            text.contains(&subcommand),
            "the man page misses {subcommand}"
        );
    }
}

#[test]
fn the_man_page_says_which_record_to_choose_for_what() {
    let (code, text) = groupfit(&["man"]);
    assert_eq!(code, Some(0));
    let records = &text[text.find(".SH RECORDS").expect("a RECORDS section")..];
    let records = &records[..records[4..]
        .find(".SH")
        .map_or(records.len(), |end| end + 4)];
    for format in ["text", "json", "markdown", "csv", "html", "fhir"] {
        assert!(
            records.contains(&format!("\\-\\-format {format}")),
            "{format}:\n{records}"
        );
    }
    for purpose in ["signs", "record system", "spreadsheet", "yourself"] {
        assert!(records.contains(purpose), "{purpose}:\n{records}");
    }
}

#[test]
fn every_command_help_has_examples() {
    for subcommand in subcommands() {
        let (code, text) = groupfit(&[&subcommand, "--help"]);
        assert_eq!(code, Some(0), "{subcommand}");
        assert!(
            text.contains("Example"),
            "`groupfit {subcommand} --help` has no examples:\n{text}"
        );
    }
}
