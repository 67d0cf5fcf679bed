//! The command line: arguments, dispatch and exit codes.

mod args;
mod audit;
mod batch;
mod closed_stdout;
mod events;
mod export;
mod files;
mod interactive;
mod keep;
mod man;
mod output;
mod plain;
mod score;
mod terminal;
mod validate;

pub use args::Cli;
use args::Command;
use output::Output;

use std::process::ExitCode;

/// How the process ends. The numbers are part of the public contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done.
    Success,
    /// 1: an error that is not the input's fault (no terminal, output failed, not built).
    Failure,
    /// 2: an invalid questionnaire or answers file, or one that cannot be read.
    Invalid,
    /// 128 + n for signal n (130 for Ctrl-C and SIGINT, 143 for SIGTERM, 129 for SIGHUP).
    Signal(u8),
    /// 0: the quick exit (the screen was wiped).
    Quick,
}

/// What each exit code means, as the manual says it; `Exit` gives the numbers, and the help,
/// the README and docs/USAGE.md are checked against this list (tests/readme.rs).
pub const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Done; also after the quick exit (Ctrl+X)."),
    (
        "1",
        "An error that is not the input's fault: no terminal, output that cannot be written, a \
         plain-mode input that cannot be read; audit --strict when the questionnaire is \
         unbalanced.",
    ),
    (
        "2",
        "A questionnaire or answers file that is invalid or cannot be read, or a command line \
         that is not understood. Every problem is reported with FILE:LINE:COLUMN.",
    ),
    (
        "128+n",
        "Ended by signal n, with the terminal restored: 130 Ctrl+C or SIGINT, 143 SIGTERM, 129 \
         SIGHUP, 131 SIGQUIT.",
    ),
    (
        "101",
        "A bug: groupfit panicked. The terminal is restored first; please report it.",
    ),
];

impl Exit {
    pub fn code(self) -> ExitCode {
        match self {
            Self::Success | Self::Quick => ExitCode::SUCCESS,
            Self::Failure => ExitCode::from(1),
            Self::Invalid => ExitCode::from(2),
            Self::Signal(code) => ExitCode::from(code),
        }
    }
}

/// What clap said instead of running a command: help and the version go to stdout (exit 0,
/// or 1 when they cannot be written, say to a full disk); a usage error to stderr (exit 2).
pub fn usage(refused: &clap::Error) -> Exit {
    use clap::error::ErrorKind;
    let text = refused.render().to_string();
    match refused.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let mut out = Output::stdout();
            out.write(&format!("{}\n", text.trim_end()));
            out.finish(Exit::Success)
        }
        _ => {
            output::diagnostics(text.trim_end());
            Exit::Invalid
        }
    }
}

/// Runs one command.
pub fn run(cli: Cli) -> Exit {
    let mut out = Output::stdout();
    let exit = match cli.command.unwrap_or_default() {
        Command::Run(args) => interactive::run(&args, &mut out),
        Command::Validate { files } => validate::validate(&files, &mut out),
        Command::Audit {
            file,
            format,
            strict,
        } => audit::audit(file.as_deref(), format, strict, &mut out),
        Command::Score(args) => score::score(&args, &mut out),
        Command::FhirQuestionnaire { file } => match files::questionnaire(file.as_deref()) {
            Some(q) => {
                let resource = groupfit::report::fhir_questionnaire(&q);
                out.write(&(serde_json::to_string_pretty(&resource).unwrap_or_default() + "\n"));
                Exit::Success
            }
            None => Exit::Invalid,
        },
        Command::Completions { shell } => {
            out.write(&completions(shell));
            Exit::Success
        }
        Command::Man => match man::render() {
            Ok(page) => {
                out.write(&page);
                Exit::Success
            }
            Err(e) => {
                output::error(&format!("{e:#}"));
                Exit::Failure
            }
        },
        Command::Template { ui } => {
            if ui {
                out.write(&groupfit::ui_text::UiText::defaults_toml());
            } else {
                out.write(groupfit::questionnaire::DEFAULT_TOML);
            }
            Exit::Success
        }
    };
    out.finish(exit)
}

/// The completion script for `shell`. `--region` completes the region codes of the embedded
/// questionnaire's crisis lines (any two-letter code is still accepted when typed); file
/// arguments complete file names.
fn completions(shell: clap_complete::Shell) -> String {
    let codes = region_codes();
    let offer =
        |arg: clap::Arg| arg.value_parser(clap::builder::PossibleValuesParser::new(codes.clone()));
    let mut command = <Cli as clap::CommandFactory>::command()
        .mut_subcommand("run", |run| run.mut_arg("region", offer))
        .mut_subcommand("score", |score| score.mut_arg("region", offer));
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut command, "groupfit", &mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The regions the embedded questionnaire has crisis lines for, in its order, and `UK` (taken
/// as `GB`). Read quietly: a completion script printed at every shell start must not carry the
/// loader's warnings, so the ready model serves, or else the lines are dated against a far day
/// (a stale date only warns).
fn region_codes() -> Vec<String> {
    use groupfit::questionnaire::{DEFAULT_TOML, load, ready_default};
    let far = groupfit::date::Date {
        year: 9999,
        month: 1,
        day: 1,
    };
    let default = ready_default().or_else(|| {
        load(DEFAULT_TOML.as_bytes(), far)
            .ok()
            .map(|l| l.questionnaire)
    });
    let mut codes: Vec<String> = Vec::new();
    for line in default.iter().flat_map(|q| &q.crisis) {
        if !codes.contains(&line.region) {
            codes.push(line.region.clone());
        }
    }
    if codes.iter().any(|code| code == "GB") {
        codes.push("UK".to_string());
    }
    codes
}
