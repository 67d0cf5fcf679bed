//! Reading input files with a size cap, and loading the questionnaire a command works on.

use std::borrow::Cow;
use std::fs::OpenOptions;
use std::io::Read;

use anyhow::Context as _;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use groupfit::date::Date;
use groupfit::diag::Diagnostic;
use groupfit::questionnaire::{self, DEFAULT_NAME, DEFAULT_TOML, Loaded, Questionnaire};
use groupfit::tomlfile::MAX_FILE_BYTES;

use super::output;

/// Reads a regular file, at most one byte over the size limit (the loader then refuses it).
/// Anything else (a named pipe, a device, a socket, a folder) is refused at once: the file is
/// opened without blocking, so a pipe with no writer cannot hang a command or a batch.
/// `what` names the file's role in the message ("questionnaire", "answers file").
pub fn read(path: &Path, what: &str) -> anyhow::Result<Vec<u8>> {
    let name = display_name(Some(path));
    let cannot = || format!("cannot read {what} {name}");
    // A socket cannot even be opened ("No such device or address"): said for what it is.
    if let Ok(meta) = std::fs::metadata(path)
        && meta.file_type().is_socket()
    {
        anyhow::bail!(
            "{name} is {}, not a regular file; groupfit reads questionnaires and answers from \
             regular files only",
            kind_of(meta.file_type())
        );
    }
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .with_context(cannot)?;
    let meta = file.metadata().with_context(cannot)?;
    if !meta.is_file() {
        anyhow::bail!(
            "{name} is {}, not a regular file; groupfit reads questionnaires and answers from \
             regular files only",
            kind_of(meta.file_type())
        );
    }
    let mut bytes =
        Vec::with_capacity(usize::try_from(meta.len().min(MAX_FILE_BYTES as u64 + 1)).unwrap_or(0));
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(cannot)?;
    Ok(bytes)
}

/// What kind of thing a path is, in words, for a message.
pub fn kind_of(kind: std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// The name a file goes by in messages and outputs, with every control and bidi character
/// made visible (a file name may hold a newline or U+202E).
pub fn display_name(path: Option<&Path>) -> String {
    path.map_or_else(
        || DEFAULT_NAME.to_string(),
        |p| groupfit::text::clean_name(&p.display().to_string()),
    )
}

/// Renders diagnostics for a file whose bytes are `bytes`.
pub fn render(name: &str, bytes: &[u8], diagnostics: &[Diagnostic]) -> String {
    let text = groupfit::tomlfile::source_text(bytes);
    diagnostics
        .iter()
        .map(|d| d.render(name, &text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Loads the questionnaire at `path`, or the embedded default. Problems are printed to stderr;
/// `None` means the questionnaire cannot be used.
pub fn questionnaire(path: Option<&Path>) -> Option<Questionnaire> {
    let (questionnaire, old_lines) = questionnaire_and_age(path)?;
    if old_lines {
        output::diagnostics(&questionnaire.ui.old_crisis_lines);
    }
    Some(questionnaire)
}

/// As `questionnaire`, leaving the default's sentence about crisis lines checked over a year
/// ago to the caller (true when it is due): the full screen says it on the screen, where it is
/// read, not on stderr behind it.
pub fn questionnaire_and_age(path: Option<&Path>) -> Option<(Questionnaire, bool)> {
    let name = display_name(path);
    let today = Date::today();
    let (bytes, loaded): (Cow<'static, [u8]>, _) = match path {
        Some(p) => match read(p, "questionnaire") {
            Ok(bytes) => {
                let loaded = questionnaire::load(&bytes, today);
                (Cow::Owned(bytes), loaded)
            }
            Err(e) => {
                output::error(&format!("{e:#}"));
                return None;
            }
        },
        // The default's bytes are read only if the loader runs (the build left no ready model).
        None => (
            Cow::Borrowed(DEFAULT_TOML.as_bytes()),
            questionnaire::load_default(today),
        ),
    };
    match loaded {
        Ok(Loaded {
            questionnaire,
            warnings,
        }) => {
            if !warnings.is_empty() {
                output::diagnostics(&render(&name, &bytes, &warnings));
            }
            let old_lines =
                path.is_none() && questionnaire::lines_over_a_year_old(&questionnaire, today);
            Some((questionnaire, old_lines))
        }
        Err(diagnostics) => {
            output::diagnostics(&render(&name, &bytes, &diagnostics));
            output::error(&format!(
                "{name} is not a valid questionnaire; fix the problems above"
            ));
            None
        }
    }
}

/// The person's region for crisis lines: `--region` (which must be a two-letter code; `UK` is
/// `GB`), else the locale's (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), else unknown. `Err` has
/// been reported.
pub fn region(given: Option<&str>) -> Result<Option<String>, ()> {
    if let Some(code) = given {
        let region = groupfit::crisis::normalise_region(code);
        if region.is_none() {
            output::error(&format!(
                "--region {code}: use a two-letter country code such as US, GB, DE or AU"
            ));
            return Err(());
        }
        return Ok(region);
    }
    Ok(["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|locale| groupfit::crisis::region_from_locale(&locale)))
}
