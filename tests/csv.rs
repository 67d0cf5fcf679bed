//! The CSV for an audit, read back with a real CSV reader: one row per answers file, every field
//! where the header says, names with commas, quotes, line breaks and formula characters intact
//! (a formula is neutralised with a leading `'`), when and how each row was made, and the
//! clinician's record: reference, override, flags and declined questions. Lines end in CRLF.

use std::process::Command;

mod common;

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
    let provenance = header.iter().position(|h| h == "generated").unwrap();
    assert_eq!(
        &header[provenance..provenance + 6],
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

/// `score`'s CSV for one answers file: the header and its row.
fn csv_of(file: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(["score", "--format", "csv", "--answers"])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_clinician_row_holds_the_reference_the_override_the_flags_and_the_declined_questions() {
    let amber = std::path::Path::new("examples/answers/clinician-amber.toml");
    // The same file with s5 and s8b declined.
    let source = std::fs::read_to_string(amber).unwrap();
    let declined = source
        .replace("s5 = \"no\"", "s5 = \"no_say\"")
        .replace("s8b = \"no\"", "s8b = \"no_say\"");
    assert_ne!(declined, source);
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("declined.toml");
    std::fs::write(&file, declined).unwrap();
    let second = csv_of(&file);
    let both = csv_of(amber) + second.split_once("\r\n").unwrap().1;
    let mut reader = csv::Reader::from_reader(both.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(&row[column("reference")], "JS-0142");
        assert_eq!(
            &row[column("recommendation")],
            "professional_first",
            "the computed result stays"
        );
        assert_eq!(&row[column("override")], "support_group");
        assert_eq!(&row[column("override_reason_given")], "true");
        assert!(
            !row.iter().any(|f| f.contains("safety plan")),
            "the reason's words stay out: {row:?}"
        );
    }
    assert_eq!(&rows[0][column("flags")], "s1:amber");
    assert_eq!(&rows[0][column("declined")], "");
    assert_eq!(&rows[1][column("declined")], "s5;s8b");
    assert!(
        rows[1][column("flags")].contains("s8b:amber"),
        "{:?}",
        &rows[1]
    );
}

#[test]
fn a_row_without_a_clinician_leaves_the_record_columns_empty() {
    let (csv, _folder) = score_csv(&["plain.toml"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let row = reader.records().next().unwrap().unwrap();
    for name in [
        "reference",
        "override",
        "override_reason_given",
        "flags",
        "declined",
    ] {
        let at = header.iter().position(|h| h == name).unwrap();
        assert_eq!(&row[at], "", "{name}");
    }
}

/// True when every line ends in CRLF and none in a bare LF.
fn crlf_only(csv: &str) -> bool {
    csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n')
}

#[test]
fn every_line_ends_in_crlf_from_score_and_from_a_session_export() {
    let (csv, _folder) = score_csv(&["a.toml", "b.toml"]);
    assert_eq!(csv.matches("\r\n").count(), 3, "{csv:?}");
    assert!(crlf_only(&csv), "{csv:?}");
    // What a session's export writes: the same record, rendered by the core.
    let q = common::default_questionnaire();
    let (answers, outcome) = common::scored(&q, "examples/answers/widowed.toml");
    let provenance = groupfit::report::Provenance {
        generated: "2025-12-01 00:00 +00:00".into(),
        tool_version: "0".into(),
        mode: "self-assessment".into(),
        region: None,
    };
    let record = groupfit::report::Record {
        questionnaire: &q,
        answers: &answers,
        outcome: &outcome,
        provenance: &provenance,
        clinician: None,
    };
    let export = groupfit::report::Format::Csv.render(&record);
    assert!(crlf_only(&export), "{export:?}");
    assert_eq!(export.matches("\r\n").count(), 2);
}
