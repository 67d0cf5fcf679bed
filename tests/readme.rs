//! The README and docs/ cannot drift from the program. Their `console` examples are run as
//! written, with trycmd (`...` stands for lines left out); each screen they show under a
//! `<!-- snapshot: NAME -->` mark is the snapshot test's screen of that name, line for line; the
//! README's command table names every command and every option; and every `groupfit` command
//! in the README's `sh` blocks is one groupfit understands. Editing any of them by hand to
//! something the program does not do fails here until the page or the program is put right.

use std::path::PathBuf;

mod common;

const README: &str = include_str!("../README.md");

/// The pages whose examples and screens are checked: the README and every document in docs/.
fn pages() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut pages = vec![("README.md".to_string(), README.to_string())];
    let mut docs: Vec<_> = std::fs::read_dir(format!("{root}/docs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    for path in docs {
        let name = format!("docs/{}", path.file_name().unwrap().to_string_lossy());
        pages.push((name, std::fs::read_to_string(&path).unwrap()));
    }
    pages
}

#[test]
fn the_readmes_commands_print_what_it_shows() {
    trycmd::TestCases::new()
        .register_bin("groupfit", PathBuf::from(env!("CARGO_BIN_EXE_groupfit")))
        // No region from the machine's locale, and records dated alike everywhere.
        .env("LC_ALL", "C")
        .env("SOURCE_DATE_EPOCH", "1764547200")
        .case("README.md")
        .case("docs/*.md");
}

/// The body of a snapshot file: what follows its second `---` line.
fn snapshot(name: &str) -> String {
    let path = format!("{}/tests/snapshots/{name}.snap", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| **line == "---")
        .nth(1)
        .map_or(0, |(n, _)| n + 1);
    lines[start..].join("\n").trim_end().to_string()
}

/// A mark starts its line; one quoted in the text does not count.
const MARK: &str = "\n<!-- snapshot: ";

/// Each `<!-- snapshot: NAME -->` and the fenced block under it.
fn marked_screens(readme: &str) -> Vec<(String, String)> {
    let mut screens = Vec::new();
    let mut rest = readme;
    while let Some(at) = rest.find(MARK) {
        let after = &rest[at + MARK.len()..];
        let name = after[..after.find(" -->").expect("a closed mark")].to_string();
        let fence = after
            .find("```text\n")
            .expect("a text block under the mark")
            + 8;
        let body = &after[fence..];
        let end = body.find("\n```").expect("a closed block");
        screens.push((name, body[..end].trim_end().to_string()));
        rest = &body[end..];
    }
    screens
}

#[test]
fn the_readmes_screens_are_the_snapshot_tests_screens() {
    assert!(
        !marked_screens(README).is_empty(),
        "the README shows a screen"
    );
    let mut count = 0;
    for (page, text) in pages() {
        for (name, shown) in marked_screens(&text) {
            let expected = snapshot(&name);
            assert!(
                shown == expected,
                "{page}'s {name} differs from tests/snapshots/{name}.snap; paste the snapshot \
                 in:\n{expected}"
            );
            count += 1;
        }
    }
    assert!(count >= 2, "the question and the result are shown");
}

/// The command table has a row for every command the binary's help lists, and each row names
/// every long option that command's help lists.
#[test]
fn the_readmes_command_table_names_every_command_and_option() {
    let commands = commands_and_options();
    assert!(commands.len() >= 8, "{commands:?}");
    for (name, options) in commands {
        let start = format!("| `groupfit {name}");
        let row = README
            .lines()
            .find(|line| line.starts_with(&start))
            .unwrap_or_else(|| panic!("no README row for groupfit {name}"));
        for long in options {
            assert!(
                names(row, &long),
                "the README's row for groupfit {name} does not name {long}"
            );
        }
    }
}

/// Whether `row` names the option `long` itself, not only a longer one (`--output-dir` does
/// not name `--output`).
fn names(row: &str, long: &str) -> bool {
    row.match_indices(long).any(|(at, _)| {
        let next = row[at + long.len()..].chars().next();
        !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// Each command `groupfit --help` lists, with the long options its own `--help` lists (bar
/// `--help`). The binary's clap types are not reachable from a test, so its help is read.
fn commands_and_options() -> Vec<(String, Vec<String>)> {
    let names = common::subcommands();
    names
        .into_iter()
        .map(|name| {
            let options = run(&[&name, "--help"])
                .lines()
                .map(str::trim_start)
                .filter(|line| line.starts_with('-'))
                .filter_map(|line| line.split([' ', ',']).find(|w| w.starts_with("--")))
                .filter(|long| *long != "--help")
                .map(str::to_string)
                .collect();
            (name, options)
        })
        .collect()
}

fn run(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Every `groupfit ...` command in the README's `sh` blocks (each part of a `&&` chain, without
/// its redirection or comment) is understood: clap prints `Usage:` with every refusal of a
/// command line, so its absence means the command and its options exist. Commands that would
/// open a terminal are asked for their help instead.
#[test]
fn the_readmes_shell_commands_are_commands_groupfit_understands() {
    let mut checked = 0;
    for block in README.split("```sh\n").skip(1) {
        let block = &block[..block.find("```").expect("a closed block")];
        for line in block.lines() {
            let line = line.split(" #").next().unwrap_or("").trim();
            for part in line.split("&&").map(str::trim) {
                let Some(rest) = part.strip_prefix("groupfit") else {
                    continue;
                };
                let command = rest.split(['>', '|']).next().unwrap_or("");
                let mut args: Vec<&str> = command.split_whitespace().collect();
                if args
                    .first()
                    .is_none_or(|a| *a == "run" || a.starts_with("--"))
                {
                    args.push("--help");
                }
                let dir = tempfile::tempdir().unwrap();
                let out = std::process::Command::new(env!("CARGO_BIN_EXE_groupfit"))
                    .args(&args)
                    .current_dir(dir.path())
                    .stdin(std::process::Stdio::null())
                    .output()
                    .unwrap();
                let said = String::from_utf8_lossy(&out.stderr);
                assert!(!said.contains("Usage:"), "`{part}` is refused: {said}");
                assert_ne!(out.status.code(), Some(101), "`{part}` panicked: {said}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "only {checked} commands found");
}

/// Every exit code the manual lists (from the table beside `cli::Exit`) is in the README's
/// "Exit codes" paragraph and in `groupfit --help`.
#[test]
fn the_readme_and_the_help_name_every_exit_code() {
    let page = run(&["man"]);
    let section = &page[page
        .find(".SH \"EXIT STATUS\"")
        .expect("an EXIT STATUS section")..];
    let section = &section[..section[1..].find(".SH").map_or(section.len(), |n| n + 1)];
    let codes: Vec<String> = section
        .lines()
        .skip_while(|line| *line != ".TP")
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|pair| pair[0] == ".TP")
        .map(|pair| {
            pair[1]
                .trim_start_matches("\\fB")
                .trim_end_matches("\\fR")
                .to_string()
        })
        .collect();
    assert!(codes.len() >= 5, "{codes:?}");
    let readme = &README[README.find("Exit codes:").expect("an exit codes paragraph")..];
    let readme = &readme[..readme.find("\n\n").unwrap_or(readme.len())];
    let help = run(&["--help"]);
    for code in codes {
        assert!(
            readme.contains(&format!("**{code}**")),
            "README lacks {code}"
        );
        assert!(help.contains(&code), "--help lacks {code}");
    }
}

#[test]
fn the_marks_are_read_as_written() {
    let readme = "x\n<!-- snapshot: a_80x24 -->\n```text\n one\n two\n```\ny";
    assert_eq!(
        marked_screens(readme),
        vec![("a_80x24".to_string(), " one\n two".to_string())]
    );
}
