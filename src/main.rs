//! The `groupfit` command: parses the command line and hands each command to its module in
//! `cli/`. Exit codes are documented in the README and in `cli::Exit`.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match cli::Cli::try_parse() {
        Ok(args) => cli::run(args).code(),
        Err(refused) => cli::usage(&refused).code(),
    }
}
