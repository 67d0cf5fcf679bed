//! The command line: arguments, dispatch and exit codes.

mod args;
mod files;
mod output;
mod score;
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
}

impl Exit {
    pub fn code(self) -> ExitCode {
        match self {
            Self::Success => ExitCode::SUCCESS,
            Self::Failure => ExitCode::from(1),
            Self::Invalid => ExitCode::from(2),
        }
    }
}

/// Runs one command.
pub fn run(cli: Cli) -> Exit {
    let mut out = Output::stdout();
    let exit = match cli.command.unwrap_or_default() {
        Command::Run(_) => {
            output::error(
                "the interactive questionnaire is not built yet; \
                 use `groupfit score --answers FILE` to score saved answers",
            );
            Exit::Failure
        }
        Command::Validate { files } => validate::validate(&files, &mut out),
        Command::Score(args) => score::score(&args, &mut out),
        Command::Template => {
            out.write(groupfit::questionnaire::DEFAULT_TOML);
            Exit::Success
        }
    };
    out.finish(exit)
}
