//! Writing files a person asked for, and when they were made: created readable by the owner only (0600), atomically
//! (a temporary file in the same folder, then renamed), never over an existing file unless
//! `--force`, and never through a symbolic link someone may have planted.

use std::io::Write;
use std::path::Path;

use groupfit::date::Date;
use groupfit::report::Provenance;
use tempfile::NamedTempFile;

/// Writes `contents` to `path` privately. `Err` says why, for a person, without the contents.
pub fn write_private(path: &Path, contents: &[u8], force: bool) -> Result<(), String> {
    let shown = path.display();
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(format!(
                "{shown} is a symbolic link; refusing to write through it"
            ));
        }
        Ok(meta) if meta.is_dir() => return Err(format!("{shown} is a folder; name a file")),
        Ok(_) if !force => {
            return Err(format!(
                "{shown} already exists; choose another name or add --force to replace it"
            ));
        }
        _ => {}
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // NamedTempFile creates the file with mode 0600 on Unix.
    let mut temp = NamedTempFile::new_in(folder)
        .map_err(|e| format!("cannot write in {}: {e}", folder.display()))?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| format!("cannot write {shown}: {e}"))?;
    let persisted = if force {
        temp.persist(path).map(|_| ())
    } else {
        temp.persist_noclobber(path).map(|_| ())
    };
    persisted.map_err(|e| format!("cannot write {shown}: {}", e.error))
}

/// How and when a report is made, now: the clock is read here, never in the core.
pub fn provenance(clinician: bool, region: Option<&str>) -> Provenance {
    Provenance {
        region: region.map(str::to_string),
        generated: Date::timestamp_utc(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        mode: if clinician {
            "clinician"
        } else {
            "self-assessment"
        }
        .to_string(),
    }
}

/// The line said after a file is written.
#[must_use]
pub fn written_note(path: &Path) -> String {
    format!(
        "saved {}, readable by you only: it holds health information, keep it safe.",
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::{PermissionsExt, symlink};

    use super::*;

    #[test]
    fn files_are_private_and_never_silently_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        write_private(&path, b"first", false).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let refused = write_private(&path, b"second", false).unwrap_err();
        assert!(refused.contains("already exists"), "{refused}");
        assert_eq!(std::fs::read(&path).unwrap(), b"first", "left unchanged");
        write_private(&path, b"third", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        // Nothing but the file itself is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_planted_symlink_is_refused_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        let link = dir.path().join("report.md");
        symlink(&target, &link).unwrap();
        for force in [false, true] {
            let refused = write_private(&link, b"secret", force).unwrap_err();
            assert!(refused.contains("symbolic link"), "{refused}");
        }
        assert!(!target.exists(), "nothing written through the link");
    }
}
