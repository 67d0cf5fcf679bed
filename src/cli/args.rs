//! Command-line arguments (README.md, docs/USAGE.md), with examples in every command's help.

use std::path::PathBuf;

use groupfit::report::Format;

use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

/// The version line: the tool's version and the embedded questionnaire's id and version.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (questionnaire ",
    env!("GROUPFIT_QUESTIONNAIRE"),
    ")"
);

#[derive(Debug, Parser)]
#[command(
    name = "groupfit",
    version = VERSION,
    about = "Support group or group therapy? A questionnaire that helps you decide.",
    long_about = "groupfit walks you through intake-style questions, screens for safety first, and \
                  recommends a peer support group or group therapy, or says honestly that it is a \
                  close call. It is a screening aid, not a diagnosis.",
    after_help = "Exit codes: 0 done, 1 error, 2 invalid questionnaire or answers, 128+n ended by \
                  signal n (130 Ctrl-C, 143 SIGTERM), 101 a bug."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer the questionnaire interactively (the default command).
    #[command(
        after_help = "Examples:\n  groupfit\n  groupfit run --questions my-questions.toml --region GB"
    )]
    Run(RunArgs),
    /// Check questionnaire files and report every problem at once.
    #[command(
        after_help = "Examples:\n  groupfit validate\n  groupfit validate my-questions.toml other.toml"
    )]
    Validate {
        /// Questionnaire files to check; none checks the embedded default.
        #[arg(value_hint = ValueHint::FilePath)]
        files: Vec<PathBuf>,
    },
    /// Score saved answers without a terminal.
    #[command(after_help = "Examples:\n  groupfit score --answers answers.toml\n  \
                            groupfit score --answers a.toml b.toml --format csv\n  \
                            groupfit score --questions my-questions.toml --answers a.toml --format json\n  \
                            groupfit score --answers a.toml --format markdown --output report.md\n  \
                            groupfit score --answers *.toml --format html --output-dir reports/\n  \
                            groupfit score --answers answers/ --format csv --output year.csv\n  \
                            find answers -name '*.toml' | groupfit score --answers-from - --format csv")]
    Score(ScoreArgs),
    /// Report a questionnaire's balance: which way each question leans, neutral answers that
    /// weigh, each dimension's range, the tilt (mean S answered at random) and how much each
    /// question can move the result.
    #[command(
        after_help = "Examples:\n  groupfit audit\n  groupfit audit my-questions.toml --strict\n  \
                            groupfit audit --format json > audit.json\n\n\
                            Exit codes: 0 audited; 1 with --strict when the tilt is beyond ±0.05 or a \
                            neutral answer weighs; 2 an invalid questionnaire."
    )]
    Audit {
        /// Questionnaire file; the embedded default when absent.
        #[arg(value_hint = ValueHint::FilePath)]
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
        format: AuditFormat,
        /// Exit 1 when the tilt is beyond ±0.05 or a neutral answer carries a weight.
        #[arg(long)]
        strict: bool,
    },
    /// Print the questionnaire as a FHIR R4 Questionnaire resource (JSON).
    #[command(
        after_help = "Examples:\n  groupfit fhir-questionnaire > questionnaire.fhir.json\n  \
                            groupfit fhir-questionnaire my-questions.toml"
    )]
    FhirQuestionnaire {
        /// Questionnaire file; the embedded default when absent.
        #[arg(value_hint = ValueHint::FilePath)]
        file: Option<PathBuf>,
    },
    /// Print shell completions for bash, zsh, fish or PowerShell.
    #[command(
        after_help = "Examples:\n  groupfit completions bash > ~/.local/share/bash-completion/completions/groupfit\n  \
                            groupfit completions zsh > ~/.zfunc/_groupfit\n  \
                            groupfit completions fish > ~/.config/fish/completions/groupfit.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  groupfit man > groupfit.1 && man ./groupfit.1")]
    Man,
    /// Print the embedded default questionnaire, to start a custom one.
    #[command(after_help = "Examples:\n  groupfit template > my-questions.toml\n  \
                            groupfit template --ui >> my-questions.toml   # then translate it")]
    Template {
        /// Print the [ui] table of every interface text instead, to start a translation.
        #[arg(long)]
        ui: bool,
    },
}

impl Default for Command {
    fn default() -> Self {
        Self::Run(RunArgs::default())
    }
}

#[derive(Debug, Args, Default)]
pub struct RunArgs {
    /// Questionnaire file; the embedded default when absent.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub questions: Option<PathBuf>,
    /// Region code whose crisis lines are shown first (for example US, GB, CA; UK means GB).
    /// Without it, the locale's region. A region without an entry is told to call its local
    /// emergency number and given an international directory of helplines.
    #[arg(long, value_name = "CODE")]
    pub region: Option<String>,
    /// Clinician mode: notes, overrides and reports.
    #[arg(long)]
    pub clinician: bool,
    /// Plain line-by-line mode for screen readers and scripts.
    #[arg(long)]
    pub plain: bool,
    /// Continue from a saved answers file.
    #[arg(long, value_name = "ANSWERS", value_hint = ValueHint::FilePath)]
    pub resume: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("destination").args(["output", "output_dir"])))]
pub struct ScoreArgs {
    /// Questionnaire file; the embedded default when absent.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub questions: Option<PathBuf>,
    /// Answers files to score (several allowed); a folder stands for the `*.toml` files in it.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::AnyPath, required_unless_present = "answers_from", num_args = 1..)]
    pub answers: Vec<PathBuf>,
    /// Read the answers files' paths from this file, one a line (`-`: standard input), for
    /// batches that do not fit a command line; each is scored and written before the next.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub answers_from: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_parser = format_parser(), default_value = "text")]
    pub format: Format,
    /// Region code whose crisis lines each record lists first (UK means GB); the locale's
    /// region without it.
    #[arg(long, value_name = "CODE")]
    pub region: Option<String>,
    /// Write the report to this file (readable by you only) instead of the screen.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, conflicts_with = "output_dir")]
    pub output: Option<PathBuf>,
    /// Write one report per answers file into this existing folder, each named after its
    /// answers file (a.toml gives a.html), readable by you only.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub output_dir: Option<PathBuf>,
    /// With --output or --output-dir: replace a file that exists (never one being read).
    #[arg(long, requires = "destination")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    Text,
    Json,
}

/// `--format`'s values, read from the one list of formats so that none is left out.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValuesParser, TypedValueParser as _};
    PossibleValuesParser::new(Format::COMMAND_LINE.map(Format::name))
        // Only the names listed can arrive here.
        .map(|name| Format::from_name(&name).unwrap_or(Format::Text))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }

    #[test]
    fn the_version_names_the_embedded_questionnaire() {
        let today = groupfit::date::Date {
            year: 2026,
            month: 12,
            day: 7,
        };
        let q =
            groupfit::questionnaire::load(groupfit::questionnaire::DEFAULT_TOML.as_bytes(), today)
                .unwrap()
                .questionnaire;
        let expected = format!("(questionnaire {} {})", q.meta.id, q.meta.version);
        assert!(super::VERSION.ends_with(&expected), "{}", super::VERSION);
    }
}
