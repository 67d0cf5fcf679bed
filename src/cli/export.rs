//! Writing files a person asked for: created readable by the owner only (0600, set on the open
//! file, whatever the umask), atomically (a hidden `.groupfit-*.tmp` file in the same folder, then
//! renamed; stale ones of ours are removed on the next write there), never over an existing file
//! unless `--force`, never over anything but a regular file, never over a file being read, and
//! never through a symbolic link someone may have planted. A folder on the way that is a link is
//! followed, and the person is told where the file really went.

use std::fs::Permissions;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use groupfit::date::Date;
use groupfit::report::Provenance;
use groupfit::ui_text::{UiText, fill};

use super::files::{display_name, kind_of};
use super::output;

/// The prefix and suffix of groupfit's own temporary files.
const TEMP_PREFIX: &str = ".groupfit-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file of ours older than this was left by a write that was killed.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Where a private file goes and what may be there already.
pub struct Target<'a> {
    pub path: &'a Path,
    /// `--force`: an existing regular file may be replaced.
    pub force: bool,
    /// The person can give `--force` (on the command line); otherwise they can only choose
    /// another name, and the message says so.
    pub force_offered: bool,
    /// Files being read (answers, questionnaire), which are never replaced.
    pub protected: &'a [&'a Path],
}

impl<'a> Target<'a> {
    /// A new file in an interactive session: never replaces anything.
    pub fn new_file(path: &'a Path) -> Self {
        Self {
            path,
            force: false,
            force_offered: false,
            protected: &[],
        }
    }
}

/// What was written: the name as given and, when a folder on the way is a symbolic link, where
/// the file really is.
pub struct Written {
    pub shown: String,
    pub real: Option<PathBuf>,
}

impl Written {
    /// The line said after a file is written, in the interface's words.
    pub fn note(&self, ui: &UiText) -> String {
        let place = match &self.real {
            Some(real) => fill(
                &ui.saved_through_link,
                &[("path", &self.shown), ("real", &display_name(Some(real)))],
            ),
            None => self.shown.clone(),
        };
        // A name given relative to the current folder says which folder that is: a person who
        // cannot see the prompt's path still learns where the file went.
        let place = match folder_of(&self.shown) {
            Some(folder) => fill(
                &ui.saved_in_folder,
                &[("path", &place), ("folder", &folder)],
            ),
            None => place,
        };
        fill(&ui.report_saved, &[("path", &place)])
    }
}

/// The folder a relative file name lands in, as a person reads it; `None` for a full path.
fn folder_of(shown: &str) -> Option<String> {
    let path = Path::new(shown);
    if path.is_absolute() {
        return None;
    }
    let here = std::env::current_dir().ok()?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => here.join(parent),
        _ => here,
    };
    Some(super::files::display_name(Some(&folder)))
}

/// Writes `contents` privately. `Err` says why, for a person, without the contents.
pub fn write_private(target: &Target<'_>, contents: &[u8]) -> Result<Written, String> {
    let mut file = PrivateFile::create(target, true)?;
    file.write(contents)?;
    file.finish()
}

/// A private file being written: a hidden temporary (0600) in the target's folder, which
/// becomes the target only when finished, so that a failed or abandoned write leaves whatever
/// was there untouched. A batch writes its report through one, a part at a time.
pub struct PrivateFile<'a> {
    target: &'a Target<'a>,
    shown: String,
    folder: PathBuf,
    temp: tempfile::NamedTempFile,
}

impl<'a> PrivateFile<'a> {
    /// Checks the target and opens the temporary. `sweep` removes stale temporaries of ours in
    /// the folder first (a batch writing many files into one folder sweeps it once, not per
    /// file: reading the folder for every file made a batch quadratic).
    pub fn create(target: &'a Target<'a>, sweep: bool) -> Result<Self, String> {
        let path = target.path;
        let shown = display_name(Some(path));
        refuse_what_must_not_be_replaced(target, &shown)?;
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if sweep {
            remove_stale_temporaries(folder);
        }
        let temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(folder)
            .map_err(|e| cannot_write_in(folder, &e))?;
        // Set explicitly: a restrictive umask (0277) would otherwise leave 0400, or 0000.
        temp.as_file()
            .set_permissions(Permissions::from_mode(0o600))
            .map_err(|e| cannot_write_in(folder, &e))?;
        Ok(Self {
            target,
            shown,
            folder: folder.to_path_buf(),
            temp,
        })
    }

    /// Adds to the file.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), String> {
        // Through the file itself: the temporary file's own `write` adds its path to the error.
        self.temp
            .as_file_mut()
            .write_all(bytes)
            .map_err(|e| cannot_write(&self.shown, &e))
    }

    /// Makes the file the target: synced, then moved into place (over an existing file only
    /// with `--force`).
    pub fn finish(self) -> Result<Written, String> {
        let Self {
            target,
            shown,
            folder,
            temp,
        } = self;
        temp.as_file()
            .sync_all()
            .map_err(|e| cannot_write(&shown, &e))?;
        let persisted = if target.force {
            temp.persist(target.path).map(|_| ())
        } else {
            temp.persist_noclobber(target.path).map(|_| ())
        };
        persisted.map_err(|e| cannot_write(&shown, &e.error))?;
        Ok(Written {
            real: real_location(&folder, target.path),
            shown,
        })
    }
}

/// "cannot write X: why", and what to do: the temporary file's own name is never said (it is
/// gone by the time the person reads the message).
fn cannot_write(shown: &str, error: &std::io::Error) -> String {
    format!(
        "cannot write {shown}: {}; check the folder has room and that you may write there",
        plain_cause(error)
    )
}

/// The system's words for what went wrong ("File too large (os error 27)"), never the path of
/// a temporary file that some errors carry in their text.
fn plain_cause(error: &std::io::Error) -> String {
    match error.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
        None => error.kind().to_string(),
    }
}

fn cannot_write_in(folder: &Path, error: &std::io::Error) -> String {
    format!(
        "cannot write in {}: {}; check the folder exists, has room and that you may write there",
        display_name(Some(folder)),
        plain_cause(error)
    )
}

/// Refuses a symbolic link, a folder, anything but a regular file, an existing file without
/// `--force`, and a file being read, whatever `--force` says.
fn refuse_what_must_not_be_replaced(target: &Target<'_>, shown: &str) -> Result<(), String> {
    let Ok(meta) = std::fs::symlink_metadata(target.path) else {
        return Ok(());
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(format!(
            "{shown} is a symbolic link; refusing to write through it"
        ));
    }
    if kind.is_dir() {
        return Err(format!("{shown} is a folder; name a file"));
    }
    if !kind.is_file() {
        return Err(format!(
            "{shown} is {}; only a regular file can be replaced",
            kind_of(kind)
        ));
    }
    for protected in target.protected {
        let same = std::fs::metadata(protected)
            .is_ok_and(|p| p.dev() == meta.dev() && p.ino() == meta.ino());
        if same {
            return Err(format!(
                "{shown} is {}, which groupfit is reading; choose another name",
                display_name(Some(protected))
            ));
        }
    }
    if !target.force {
        let how = if target.force_offered {
            "choose another name, or add --force to replace it"
        } else {
            "choose another name"
        };
        return Err(format!("{shown} already exists; {how}"));
    }
    Ok(())
}

/// Removes temporary files of ours that a killed write left in `folder`: hidden, named by
/// groupfit, owned by this user and older than a minute (a write still going on is younger).
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let me = current_uid();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && meta.uid() == me && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// This process's user id, read from the process's own /proc entry (the crate forbids `unsafe`,
/// which a libc call would need).
fn current_uid() -> u32 {
    std::fs::metadata("/proc/self").map_or(u32::MAX, |m| m.uid())
}

/// Where the file really is, when a folder on the way is a symbolic link.
fn real_location(folder: &Path, path: &Path) -> Option<PathBuf> {
    let given = std::path::absolute(folder).ok()?;
    let through_a_link = given.ancestors().any(|a| {
        a.symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
    });
    if !through_a_link {
        return None;
    }
    Some(std::fs::canonicalize(folder).ok()?.join(path.file_name()?))
}

/// When a record is made: now, or the moment `SOURCE_DATE_EPOCH` names (seconds since 1970, as
/// for reproducible builds), so that the same answers give the same bytes. A value that is not
/// a number of seconds groupfit can date is said on stderr, never silently ignored, and the
/// clock is used instead.
fn generated_now() -> String {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Date::timestamp_local();
    };
    let dated = value
        .to_str()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .and_then(Date::timestamp_at);
    dated.unwrap_or_else(|| {
        output::error(
            "SOURCE_DATE_EPOCH is not a number of seconds since 1970 that groupfit can date \
             (years -9999 to 9999); the record is dated by the clock instead",
        );
        Date::timestamp_local()
    })
}

/// How and when a report is made, now: the clock is read here, never in the core.
pub fn provenance(clinician: bool, region: Option<&str>) -> Provenance {
    Provenance {
        region: region.map(str::to_string),
        generated: generated_now(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        mode: if clinician {
            "clinician"
        } else {
            "self-assessment"
        }
        .to_string(),
    }
}

#[cfg(test)]
mod tests;
