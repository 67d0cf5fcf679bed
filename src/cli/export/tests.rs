//! Private files: created readable by the owner only, never silently replacing anything, and
//! the words said when one is written.

use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};

use super::*;

fn write(path: &Path, contents: &[u8], force: bool) -> Result<Written, String> {
    write_private(
        &Target {
            path,
            force,
            force_offered: true,
            protected: &[],
        },
        contents,
    )
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Found by a screen-reader playtest: "Saved groupfit-report.txt" said no folder, and a
/// person who cannot see the prompt's path did not know where the file was.
#[test]
fn a_report_saved_under_a_relative_name_says_its_folder() {
    let ui = groupfit::ui_text::UiText::default();
    let here = std::env::current_dir().unwrap();
    let relative = Written {
        shown: "groupfit-report.txt".into(),
        real: None,
    };
    let note = relative.note(&ui);
    assert!(note.starts_with("Saved groupfit-report.txt"), "{note}");
    assert!(note.contains(&here.display().to_string()), "{note}");
    let absolute = Written {
        shown: "/tmp/r.txt".into(),
        real: None,
    };
    assert!(absolute.note(&ui).starts_with("Saved /tmp/r.txt,"));
}

#[test]
fn files_are_private_and_never_silently_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    write(&path, b"first", false).unwrap();
    assert_eq!(mode(&path), 0o600);
    let refused = write(&path, b"second", false).map(|_| ()).unwrap_err();
    assert!(refused.contains("already exists"), "{refused}");
    assert!(
        refused.contains("--force"),
        "the command line offers --force"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"first", "left unchanged");
    write(&path, b"third", true).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"third");
    assert_eq!(mode(&path), 0o600);
    // Nothing but the file itself is left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // Where --force cannot be given, the message does not offer it.
    let interactive = write_private(&Target::new_file(&path), b"x")
        .map(|_| ())
        .unwrap_err();
    assert!(!interactive.contains("--force"), "{interactive}");
}

#[test]
fn a_planted_symlink_is_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere");
    let link = dir.path().join("report.md");
    symlink(&target, &link).unwrap();
    for force in [false, true] {
        let refused = write(&link, b"secret", force).map(|_| ()).unwrap_err();
        assert!(refused.contains("symbolic link"), "{refused}");
    }
    assert!(!target.exists(), "nothing written through the link");
}

#[test]
fn only_a_regular_file_is_ever_replaced() {
    let refused = write(Path::new("/dev/null"), b"x", true)
        .map(|_| ())
        .unwrap_err();
    assert!(refused.contains("a device"), "{refused}");
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device(),
        "still a device"
    );
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let refused = write(&fifo, b"x", true).map(|_| ()).unwrap_err();
    assert!(refused.contains("named pipe"), "{refused}");
}

#[test]
fn a_file_being_read_is_never_replaced_even_by_another_name() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.toml");
    std::fs::write(&answers, "[answers]\n").unwrap();
    let alias = dir.path().join("alias.toml");
    std::fs::hard_link(&answers, &alias).unwrap();
    for path in [&answers, &alias] {
        let refused = write_private(
            &Target {
                path,
                force: true,
                force_offered: true,
                protected: &[answers.as_path()],
            },
            b"report",
        )
        .map(|_| ())
        .unwrap_err();
        assert!(refused.contains("which groupfit is reading"), "{refused}");
    }
    assert_eq!(std::fs::read(&answers).unwrap(), b"[answers]\n");
}

#[test]
fn a_killed_writes_hidden_temporary_is_removed_by_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".groupfit-killed.tmp");
    let fresh = dir.path().join(".groupfit-writing.tmp");
    let other = dir.path().join(".other-tool.tmp");
    for path in [&stale, &fresh, &other] {
        std::fs::write(path, "partial").unwrap();
    }
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for path in [&stale, &other] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    write(&dir.path().join("r.txt"), b"report", false).unwrap();
    assert!(!stale.exists(), "a stale temporary of ours is removed");
    assert!(
        fresh.exists(),
        "one that may still be being written is kept"
    );
    assert!(other.exists(), "another program's file is never touched");
}

#[test]
fn a_folder_that_is_a_link_is_followed_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    symlink(&real, dir.path().join("linkdir")).unwrap();
    let written = write(&dir.path().join("linkdir/r.txt"), b"report", false).unwrap();
    let real_file = std::fs::canonicalize(&real).unwrap().join("r.txt");
    assert_eq!(written.real.as_deref(), Some(real_file.as_path()));
    assert!(
        written.note(&UiText::default()).contains("symbolic link"),
        "{}",
        written.note(&UiText::default())
    );
    assert!(real_file.exists());
    let plain = write(&real.join("s.txt"), b"report", false).unwrap();
    assert!(plain.real.is_none(), "no link, nothing to say");
}
