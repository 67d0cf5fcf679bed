//! The CSV for an audit, read back with a real CSV reader: one row per answers file, every field
//! where the header says, names with commas, quotes, line breaks and formula characters intact
//! (a formula is neutralised with a leading `'`), and when and how each row was made.

use std::process::Command;

fn score_csv(names: &[&str]) -> (String, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let source = std::fs::read("examples/answers/widowed.toml").unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_groupfit"));
    command.args(["score", "--format", "csv", "--answers"]);
    // Relative names, as a clinic would type them, so that a name can start with `=`.
    command.current_dir(folder.path());
    for name in names {
        std::fs::write(folder.path().join(name), &source).unwrap();
        command.arg(name);
    }
    let out = command
        .env("SOURCE_DATE_EPOCH", "1764583200")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).unwrap(), folder)
}

#[test]
fn a_real_csv_reader_reads_every_row_and_field() {
    let names = [
        "plain.toml",
        "with, comma.toml",
        "with \"quotes\".toml",
        "=SUM(A1).toml",
    ];
    let (csv, _folder) = score_csv(&names);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        &header[..7],
        [
            "file",
            "recommendation",
            "lean",
            "score",
            "percent",
            "complete",
            "safety"
        ]
    );
    assert_eq!(
        &header[header.len() - 6..],
        [
            "generated",
            "tool_version",
            "mode",
            "questionnaire_id",
            "questionnaire_version",
            "questionnaire_sha256"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), names.len());
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, name) in rows.iter().zip(names) {
        assert_eq!(row.len(), header.len());
        let file = &row[column("file")];
        if name.starts_with('=') {
            assert_eq!(file, format!("'{name}"), "a formula is neutralised");
        } else {
            assert_eq!(file, name);
        }
        assert_eq!(&row[column("recommendation")], "support_group");
        assert_eq!(&row[column("questionnaire_id")], "groupfit-default");
        assert_eq!(&row[column("tool_version")], env!("CARGO_PKG_VERSION"));
        assert_eq!(&row[column("mode")], "self-assessment");
        assert!(
            row[column("generated")].starts_with("2025-12-01"),
            "{row:?}"
        );
        assert_eq!(row[column("questionnaire_sha256")].len(), 64);
    }
}
