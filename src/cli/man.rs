//! The manual page, groupfit(1), in roff: every command with its options (read from the same
//! clap definitions as `--help`), the keys (from the help panel's table), the environment, the
//! exit status and the files. One page: commands are sections of it, so that nothing points to
//! a page that does not exist.

use std::fmt::Write as _;

use anyhow::Context as _;
use clap::{Arg, ArgAction, Command, CommandFactory};
use roff::{Inline, Roff, bold, italic, roman};

use groupfit::report;
use groupfit::tui::key_reference;
use groupfit::ui_text::UiText;

use super::args::Cli;

/// The date of the last change to the page's own words (the .TH date field, required there:
/// an empty field would shift the source into its place).
const PAGE_DATE: &str = "2026-12-01";

/// The words of the sections clap does not know about, as (term, description) pairs.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR",
        "Set and not empty: no colour. Meaning is never carried by colour alone (reverse \
         video, bold, markers and words carry it too).",
    ),
    (
        "GROUPFIT_PLAIN, ACCESSIBLE",
        "Set and not empty or 0: groupfit run uses plain line-by-line mode, as with --plain, \
         for screen readers and scripts.",
    ),
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "The first that is set gives the region whose crisis lines come first when --region \
         is not given (en_GB.UTF-8 gives GB).",
    ),
    (
        "SOURCE_DATE_EPOCH",
        "Seconds since 1970: the time written into records, instead of now, for reproducible \
         reports.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "questionnaire (TOML)",
        "format = 1, [meta], [[dimensions]], [outcomes], [[crisis]], [[questions]] and an \
         optional [ui] table. groupfit template prints the embedded default, a full example; \
         groupfit validate checks one.",
    ),
    (
        "answers file (TOML)",
        "An optional questionnaire = { id, version, sha256 } it was answered on, then [answers] \
         by question id (an option id, a list of them, a number or text), and in clinician mode \
         a [clinician] table. Written by Ctrl+S (or save in plain mode) as \
         groupfit-answers-DATE.toml in the current folder; read by run --resume and score \
         --answers.",
    ),
    (
        "reports",
        "Written only when asked (e on the result, score --output, --output-dir), readable by \
         the owner only (0600), never over an existing file unless --force is given.",
    ),
];

/// Renders the whole page.
pub fn render() -> anyhow::Result<String> {
    let mut cli = Cli::command();
    cli.build(); // settles each argument's number of values (FILES...)
    let mut page = Roff::new();
    let source = concat!("groupfit ", env!("CARGO_PKG_VERSION"));
    page.control("TH", ["GROUPFIT", "1", PAGE_DATE, source, "User Commands"]);
    section(&mut page, "NAME");
    page.text([roman(format!("groupfit - {}", plain(cli.get_about())))]);
    section(&mut page, "SYNOPSIS");
    page.text([
        bold("groupfit"),
        roman(" ["),
        italic("COMMAND"),
        roman("] ["),
        italic("OPTIONS"),
        roman("]"),
    ]);
    section(&mut page, "DESCRIPTION");
    page.text([roman(plain(cli.get_long_about()))]);
    page.control("PP", []);
    page.text([
        roman("Without a command, groupfit runs ".to_string()),
        bold("groupfit run"),
        roman("."),
    ]);
    section(&mut page, "OPTIONS");
    entry(
        &mut page,
        vec![bold("-h"), roman(", "), bold("--help")],
        "Print help; groupfit COMMAND --help prints a command's, with examples.",
    );
    entry(
        &mut page,
        vec![bold("-V"), roman(", "), bold("--version")],
        "Print the version and the embedded questionnaire's id and version.",
    );
    section(&mut page, "COMMANDS");
    for command in cli.get_subcommands().filter(|c| c.get_name() != "help") {
        command_section(&mut page, command);
    }
    keys_section(&mut page);
    records_section(&mut page);
    for (title, entries) in [
        ("ENVIRONMENT", ENVIRONMENT),
        ("EXIT STATUS", super::EXIT_STATUS),
        ("FILES", FILES),
    ] {
        section(&mut page, title);
        for (term, description) in entries {
            entry(&mut page, vec![bold(*term)], description);
        }
    }
    let mut bytes = Vec::new();
    page.to_writer(&mut bytes)
        .context("cannot render the manual page")?;
    String::from_utf8(bytes).context("the manual page is not UTF-8")
}

/// Which record format to choose for what, from the formats themselves.
fn records_section(page: &mut Roff) {
    section(page, "RECORDS");
    for format in report::Format::COMMAND_LINE {
        let term = format!("--format {}", format.name());
        entry(page, vec![bold(term)], format.chosen_for());
    }
}

fn section(page: &mut Roff, title: &str) {
    page.control("SH", [title]);
}

/// A term and its description, indented under it.
fn entry(page: &mut Roff, term: Vec<Inline>, description: &str) {
    page.control("TP", []);
    page.text(term);
    page.text([roman(description)]);
}

/// Every key of the full-screen questionnaire, from the table the help panel shows, in the
/// interface's default words.
fn keys_section(page: &mut Roff) {
    section(page, "KEYS");
    page.text([roman(
        "In the full-screen questionnaire (groupfit run). The line under each screen names the \
         keys that matter there, and ? shows them all. Ctrl+X is the quick exit: it leaves at \
         once, clears the screen and writes nothing. Plain mode (--plain) takes typed words \
         instead: a number to answer, b back, r review, ? help, save, report and q.",
    )]);
    let ui = UiText::default();
    for (key, does) in key_reference(&ui, true) {
        // The panel's "this help" names itself; on the page it needs saying what it shows.
        let does = if key == "?" {
            "help: about the question, why it is asked, and every key"
        } else {
            does
        };
        entry(page, vec![bold(key)], &sentence(does.to_string()));
    }
}

/// One command: its synopsis, what it does, its examples and each of its options.
fn command_section(page: &mut Roff, command: &Command) {
    let name = format!("groupfit {}", command.get_name());
    page.control("SS", [name.as_str()]);
    page.text([roman(plain(
        command.get_long_about().or(command.get_about()),
    ))]);
    for arg in command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && a.get_id() != "help")
    {
        let mut description = sentence(plain(arg.get_long_help().or(arg.get_help())));
        let takes_value = matches!(arg.get_action(), ArgAction::Set | ArgAction::Append);
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if takes_value && !values.is_empty() {
            let _ = write!(description, " One of: {}.", values.join(", "));
        }
        if let Some(default) = arg.get_default_values().first().filter(|_| takes_value) {
            let _ = write!(description, " Default: {}.", default.to_string_lossy());
        }
        entry(page, arg_term(arg), &description);
    }
    if let Some(after) = command.get_after_help() {
        after_help(page, &after.to_string());
    }
}

/// The examples (kept as typed, one a line) and any notes after them (filled as text).
fn after_help(page: &mut Roff, text: &str) {
    for paragraph in text.split("\n\n") {
        page.control("PP", []);
        if paragraph.starts_with("Example") {
            page.control("nf", []);
            page.text([roman(paragraph)]);
            page.control("fi", []);
        } else {
            page.text([roman(paragraph.replace('\n', " "))]);
        }
    }
}

/// Help text ends with a full stop on the page, where more may follow it.
fn sentence(mut text: String) -> String {
    if !text.is_empty() && !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// How an argument is written: `--region CODE`, `--force`, or `FILES...`.
fn arg_term(arg: &Arg) -> Vec<Inline> {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    let takes_value = matches!(arg.get_action(), ArgAction::Set | ArgAction::Append);
    let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
    let dots = if many { "..." } else { "" };
    match arg.get_long() {
        Some(long) if takes_value => vec![
            bold(format!("--{long}")),
            roman(" "),
            italic(format!("{value}{dots}")),
        ],
        Some(long) => vec![bold(format!("--{long}"))],
        None => vec![italic(format!("{value}{dots}"))],
    }
}

fn plain(text: Option<&clap::builder::StyledStr>) -> String {
    text.map(ToString::to_string).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every one of its long options is on the page, with the sections a
    /// reader looks for, and no reference to a page of its own.
    #[test]
    fn the_page_has_every_command_option_and_section() {
        let page = render().unwrap();
        for command in Cli::command()
            .get_subcommands()
            .filter(|c| c.get_name() != "help")
        {
            assert!(
                page.contains(&format!(".SS \"groupfit {}\"", command.get_name())),
                "{}",
                command.get_name()
            );
            for long in command
                .get_arguments()
                .filter_map(Arg::get_long)
                .filter(|l| *l != "help")
            {
                assert!(
                    page.contains(&format!("\\-\\-{}", long.replace('-', "\\-"))),
                    "{} --{long}",
                    command.get_name()
                );
            }
        }
        for title in [
            "KEYS",
            "Ctrl+X",
            "Ctrl+O",
            "ENVIRONMENT",
            "EXIT STATUS",
            "FILES",
            "NO_COLOR",
            "GROUPFIT_PLAIN",
            "128+n",
        ] {
            assert!(page.contains(title), "{title}");
        }
        assert!(!page.contains("SEE ALSO") && !page.contains("groupfit-run(1)"));
    }

    /// man sets the footer from the .TH line (the source in the middle, the title right):
    /// short enough not to run into each other at 80 columns, as the version line did.
    #[test]
    fn the_footer_fits_80_columns() {
        let page = render().unwrap();
        let th = page.lines().find(|l| l.starts_with(".TH")).unwrap();
        let fields: Vec<&str> = th.split('"').filter(|f| !f.trim().is_empty()).collect();
        let footer: usize = fields.iter().skip(1).map(|f| f.chars().count()).sum();
        assert!(footer + 2 * "GROUPFIT(1)".len() + 8 <= 80, "{th}");
    }
}
