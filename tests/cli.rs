//! The real binary: exit codes, output streams, escape hygiene, the JSON contract, and pipes.

use std::io::{Read, Write as _};
use std::process::{Command, Output, Stdio};

fn groupfit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn validate_accepts_the_default_and_refuses_a_broken_file_with_its_location() {
    let ok = groupfit(&["validate"]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(stdout(&ok).contains("valid: \"groupfit-default\""));

    let bad = groupfit(&["validate", "tests/fixtures/invalid/many_problems.toml"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = stderr(&bad);
    assert!(
        err.contains("tests/fixtures/invalid/many_problems.toml:25:"),
        "{err}"
    );
    assert!(err.contains("tests/fixtures/invalid/many_problems.toml:40:1: question \"q3\": unknown field `unknown`"), "{err}");
    assert!(
        err.contains("25 | options = "),
        "a source snippet is shown: {err}"
    );
}

#[test]
fn validate_output_carries_no_escape_or_bidi_character_from_an_evil_file() {
    let dir = tempfile::tempdir().unwrap();
    let evil = std::fs::read_to_string("tests/fixtures/valid/minimal.toml")
        .unwrap()
        .replace(
            "title = \"Minimal\"",
            "title = \"\\u001b]0;pwned\\u0007\\u001b[2J\"",
        )
        .replace(
            "prompt = \"Main hope?\"",
            "prompt = \"Main \u{202E}hope\u{2066}?\" # \u{202E} comment",
        )
        .replace("label = \"No\"", "label = \"N\\u009bo\\u200b\"")
        .replace("id = \"p2\"", "\"p\u{202E}2\" = 1\nid = \"p2\"");
    let path = dir.path().join("evil\u{1b}[31m.toml");
    std::fs::write(&path, evil).unwrap();
    let raw_escape = dir.path().join("raw.toml");
    std::fs::write(
        &raw_escape,
        "format = 1\ntitle = \"\u{1b}[2J\u{1b}]0;x\u{7}\"\n",
    )
    .unwrap();
    let out = groupfit(&[
        "validate",
        path.to_str().unwrap(),
        raw_escape.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    for bad in [
        '\u{1b}', '\u{7}', '\u{9b}', '\u{202E}', '\u{2066}', '\u{200B}',
    ] {
        assert!(
            !all.contains(bad),
            "U+{:04X} reached the terminal:\n{all}",
            u32::from(bad)
        );
    }
    assert!(all.contains("escape character"), "{all}");
    assert!(all.contains("U+202E"), "{all}");
}

#[test]
fn score_json_follows_the_contract() {
    let out = groupfit(&[
        "score",
        "--answers",
        "examples/answers/widowed.toml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "recommendation",
            "lean",
            "score",
            "percent",
            "complete",
            "safety",
            "flags",
            "declined",
            "dimensions",
            "drivers",
            "mixed",
            "would_change",
            "questionnaire",
            "warnings",
            "settled",
            "reachable",
            "lighter_step",
            "referral",
            "provenance",
            "crisis_lines",
            "crisis_fallback",
            "answers"
        ]
    );
    assert_eq!(json["recommendation"], "support_group");
    assert_eq!(json["lean"], "support_group");
    assert!((json["score"].as_f64().unwrap() + 0.575).abs() < 0.001);
    assert_eq!(json["percent"], 21);
    assert_eq!(json["complete"], true);
    assert_eq!(json["safety"], "none");
    let purpose = &json["dimensions"][4];
    assert_eq!(purpose["id"], "purpose");
    assert_eq!(purpose["answered"], 3);
    assert_eq!(purpose["shown"], 3);
    assert_eq!(purpose["confident"], true);
    let drivers = json["drivers"].as_array().unwrap();
    assert_eq!(drivers[0]["question"], "p1");
    assert_eq!(drivers[0]["answer"], "less_alone");
    let sum: f64 = drivers
        .iter()
        .map(|d| d["contribution"].as_f64().unwrap())
        .sum();
    assert!((sum - json["score"].as_f64().unwrap()).abs() < 1e-9);
    assert_eq!(json["questionnaire"]["id"], "groupfit-default");
    assert_eq!(json["settled"], true);
    assert_eq!(json["provenance"]["mode"], "self-assessment");
    assert_eq!(
        json["provenance"]["tool_version"],
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(json["reachable"], serde_json::json!(["support_group"]));
    assert_eq!(json["questionnaire"]["sha256"].as_str().unwrap().len(), 64);

    let amber = groupfit(&[
        "score",
        "--answers",
        "examples/answers/widowed-amber.toml",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&amber.stdout).unwrap();
    assert_eq!(json["recommendation"], "professional_first");
    assert_eq!(json["lean"], "support_group");
    assert_eq!(json["flags"][0]["question"], "s1");
    assert_eq!(json["flags"][0]["option"], "several_days");
    assert_eq!(json["flags"][0]["flag"], "amber");
}

#[test]
fn batch_csv_skips_a_broken_file_and_says_so_in_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    // A value no temporary folder's random name can contain by chance.
    std::fs::write(&broken, "[answers]\np4 = 4242\n").unwrap();
    let out = groupfit(&[
        "score",
        "--answers",
        "examples/answers/widowed.toml",
        broken.to_str().unwrap(),
        "examples/answers/therapy.toml",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let rows: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(
        rows[0].starts_with("file,recommendation,lean,score,percent,complete,safety,assessment")
    );
    assert!(rows[1].starts_with(
        "examples/answers/widowed.toml,support_group,support_group,-0.575000,21,true,none"
    ));
    assert!(rows[2].starts_with("examples/answers/therapy.toml,group_therapy"));
    let err = stderr(&out);
    assert!(
        err.contains("broken.toml:2:6: the answer to \"p4\" must be a whole number from 0 to 10"),
        "{err}"
    );
    assert!(
        !err.contains("4242"),
        "answers never appear in errors: {err}"
    );
}

#[test]
fn text_and_markdown_reports_say_what_the_result_means() {
    let text = stdout(&groupfit(&[
        "score",
        "--answers",
        "examples/answers/widowed.toml",
    ]));
    for part in [
        "RESULT: Support group",
        "S = -0.575",
        "What weighed most",
        "What would change the result",
        "Next steps",
        "screening aid",
    ] {
        assert!(text.contains(part), "missing {part}:\n{text}");
    }
    let md = stdout(&groupfit(&[
        "score",
        "--answers",
        "examples/answers/widowed-red.toml",
        "--format",
        "markdown",
    ]));
    assert!(
        md.contains("## Result: Please reach out for help now"),
        "{md}"
    );
    assert!(md.contains("988"), "{md}");
    assert!(
        !md.contains("## The five dimensions"),
        "no recommendation details on red:\n{md}"
    );
}

#[test]
fn a_closed_pipe_is_a_quiet_exit() {
    let mut args = vec!["score", "--answers"];
    args.extend(std::iter::repeat_n("examples/answers/widowed.toml", 60));
    let mut child = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe is dropped
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn a_full_disk_is_reported_not_a_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(["score", "--answers", "examples/answers/widowed.toml"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("cannot write the output"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn template_prints_the_embedded_default() {
    let out = groupfit(&["template"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        std::fs::read_to_string("questions.toml").unwrap()
    );
}

#[test]
fn a_missing_file_is_an_input_error() {
    let out = groupfit(&["score", "--answers", "no/such/file.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read answers file no/such/file.toml: No such file"),
        "the context, then the cause: {}",
        stderr(&out)
    );
    let out = groupfit(&["validate", "no/such/questions.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read questionnaire no/such/questions.toml: No such"));
}

#[test]
fn run_without_a_terminal_refuses_clearly() {
    let out = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .arg("run")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("needs an interactive terminal"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn score_output_writes_a_private_file_and_never_replaces_one_silently() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    let target = path.to_str().unwrap();
    let args = [
        "score",
        "--answers",
        "examples/answers/widowed.toml",
        "--format",
        "markdown",
        "--output",
        target,
    ];
    let out = groupfit(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        out.stdout.is_empty(),
        "the report goes to the file, not the screen"
    );
    assert!(stderr(&out).contains("health information"));
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::write(&path, "kept").unwrap();
    let again = groupfit(&args);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
    let mut forced = args.to_vec();
    forced.push("--force");
    assert_eq!(groupfit(&forced).status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Group choice record")
    );
}

/// `score` of a red file, in every format: the crisis result, and the crisis lines with the
/// region's first (text, Markdown, HTML, JSON); the crisis result marked in CSV and FHIR; no
/// group next steps in a crisis record.
#[test]
fn a_scored_red_file_lists_the_crisis_lines_in_every_format() {
    let red = "examples/answers/widowed-red.toml";
    let score = |format: &str, region: &str| {
        let out = groupfit(&[
            "score",
            "--answers",
            red,
            "--format",
            format,
            "--region",
            region,
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    for format in ["text", "markdown", "html"] {
        let record = score(format, "AU");
        let lifeline = record
            .find("Lifeline (AU): Call 13 11 14, any time. Emergency: 000.")
            .unwrap_or_else(|| panic!("{format}: no AU line:\n{record}"));
        // A record may be made in the clinic's region for a client from another: it lists
        // every region's line, the region's own first.
        let samaritans = record.find("Samaritans (GB)").unwrap();
        assert!(lifeline < samaritans, "{format}: the region's line first");
        assert!(record.contains("findahelpline.com"), "{format}");
        assert!(
            !record.contains("Next steps"),
            "{format}: a crisis record carries no group next steps"
        );
        assert!(!record.contains("What would change the result"), "{format}");
    }
    let json: serde_json::Value = serde_json::from_str(&score("json", "UK")).unwrap();
    assert_eq!(json["recommendation"], "crisis");
    assert_eq!(json["safety"], "red");
    assert_eq!(
        json["crisis_lines"][0]["region"], "GB",
        "UK means GB, and its line comes first"
    );
    assert_eq!(json["crisis_lines"][0]["emergency"], "999");
    assert_eq!(json["crisis_lines"].as_array().unwrap().len(), 6);
    let csv = score("csv", "US");
    assert!(csv.lines().nth(1).unwrap().contains(",crisis,"), "{csv}");
    let fhir: serde_json::Value = serde_json::from_str(&score("fhir", "US")).unwrap();
    assert_eq!(fhir["resourceType"], "Bundle");
    assert_eq!(fhir["entry"][0]["resource"]["status"], "stopped");
    assert_eq!(
        fhir["entry"][1]["resource"]["valueCodeableConcept"]["coding"][0]["code"],
        "crisis"
    );
}

/// A region without an entry gets the local emergency number and a directory, never another
/// country's numbers first; a code that is not one is refused.
#[test]
fn a_region_without_an_entry_gets_the_honest_fallback_first() {
    let out = groupfit(&[
        "score",
        "--answers",
        "examples/answers/widowed-red.toml",
        "--region",
        "DE",
    ]);
    let text = stdout(&out);
    let help = &text[text.find("If you need help now").unwrap()..];
    let first = help.lines().nth(1).unwrap();
    assert!(first.contains("Call your local emergency number"), "{help}");
    let bad = groupfit(&[
        "score",
        "--answers",
        "examples/answers/widowed.toml",
        "--region",
        "Germany",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("two-letter country code"));
}

/// With `SOURCE_DATE_EPOCH` set, the same answers give the same bytes in every format.
#[test]
fn source_date_epoch_makes_records_reproducible() {
    for format in ["text", "markdown", "html", "json", "csv", "fhir"] {
        let run = || {
            let out = Command::new(env!("CARGO_BIN_EXE_groupfit"))
                .args([
                    "score",
                    "--answers",
                    "examples/answers/widowed.toml",
                    "--format",
                    format,
                ])
                .env("SOURCE_DATE_EPOCH", "1764547200")
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0));
            out.stdout
        };
        let first = run();
        assert_eq!(first, run(), "{format}");
        if format == "text" {
            assert!(String::from_utf8_lossy(&first).contains("Generated: 2025-12-01 00:00 +00:00"));
        }
    }
}

/// A record is dated in the person's local time with its offset, in every format that carries
/// a time (a POSIX TZ string, so the test needs no time zone database).
#[test]
fn records_are_dated_in_local_time_with_the_offset() {
    for (format, expected) in [
        ("text", " +05:30"),
        ("markdown", " +05:30 |"),
        ("html", " +05:30<"),
        ("json", " +05:30\""),
        ("fhir", ":00+05:30\""),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_groupfit"))
            .args([
                "score",
                "--answers",
                "examples/answers/widowed.toml",
                "--format",
                format,
            ])
            .env("TZ", "IST-5:30")
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(expected), "{format}: {expected}\n{stdout}");
    }
}

/// An S of exactly 0 prints as 0, never -0.000 or 1e-17.
#[test]
fn a_zero_score_prints_as_zero() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("zero.toml");
    std::fs::write(
        &answers,
        "[answers]\ns1 = \"not_at_all\"\ns4 = \"no\"\ns4b = \"no\"\ns5 = \"no\"\ns6 = \"no\"\n\
         s9 = [\"none\"]\ns10 = \"no\"\nd1 = \"never\"\nd5 = \"never\"\ns8a = \"no\"\ns8b = \"no\"\n\
         f1 = \"either\"\nf2 = \"mix\"\n",
    )
    .unwrap();
    let out = groupfit(&[
        "score",
        "--answers",
        answers.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["score"].as_f64(), Some(0.0));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("e-1"));
    let text = stdout(&groupfit(&[
        "score",
        "--answers",
        answers.to_str().unwrap(),
    ]));
    assert!(!text.contains("-0.000"), "{text}");
}

/// Completion offers the regions the crisis lines cover for --region, and file names where a
/// file is asked for; the manual page renders.
#[test]
fn completions_offer_regions_and_file_names() {
    let out = groupfit(&["completions", "bash"]);
    assert!(
        stderr(&out).is_empty(),
        "quiet at every shell start: {}",
        stderr(&out)
    );
    let bash = stdout(&out);
    assert!(
        bash.contains("compgen -W \"US CA GB IE AU NZ UK\""),
        "{bash}"
    );
    let zsh = stdout(&groupfit(&["completions", "zsh"]));
    assert!(
        zsh.contains("Questionnaire files to check; none checks the embedded default:_files"),
        "validate completes file names"
    );
    assert!(zsh.contains("--answers=[Answers files to score (several allowed); a folder"));
    assert!(zsh.contains("--answers-from=[Read the answers files"));
    let man = groupfit(&["man"]);
    assert!(
        man.status.success() && stdout(&man).starts_with(".ie"),
        "{}",
        stdout(&man)
    );
}

/// Hardening, third round: a failed batch never writes an empty report, and never replaces a
/// good file with a report that leaves files out, even with --force.
#[test]
fn a_failed_score_never_replaces_a_good_report_or_writes_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[answers]\np4 = 4242\n").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "a report worth keeping\n").unwrap();
    for format in ["text", "json", "csv", "fhir"] {
        let out = groupfit(&[
            "score",
            "--answers",
            broken.to_str().unwrap(),
            "--output",
            good.to_str().unwrap(),
            "--force",
            "--format",
            format,
        ]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert_eq!(
            std::fs::read_to_string(&good).unwrap(),
            "a report worth keeping\n",
            "{format}: the good file is untouched"
        );
        let err = stderr(&out);
        assert!(!err.contains("Saved"), "{err}");
        assert!(err.contains("nothing was written"), "{err}");
        // Nothing scorable: no new file either.
        let fresh = dir.path().join(format!("new-{format}.out"));
        let out = groupfit(&[
            "score",
            "--answers",
            broken.to_str().unwrap(),
            "--output",
            fresh.to_str().unwrap(),
            "--format",
            format,
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(!fresh.exists(), "{format}: no empty file");
    }
    // Some scored, some not: a new file gets the partial report; an existing one is kept.
    let out = groupfit(&[
        "score",
        "--answers",
        "examples/answers/widowed.toml",
        broken.to_str().unwrap(),
        "--output",
        good.to_str().unwrap(),
        "--force",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&good).unwrap(),
        "a report worth keeping\n"
    );
    assert!(stderr(&out).contains("was not replaced"));
    let partial = dir.path().join("partial.csv");
    let out = groupfit(&[
        "score",
        "--answers",
        "examples/answers/widowed.toml",
        broken.to_str().unwrap(),
        "--output",
        partial.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&partial).unwrap().lines().count(),
        2
    );
}

/// Hardening, third round: a "yes" to a plan under "not at all" was scored "no flags", the only
/// trace a warning. A hidden safety answer that calls for help is refused, scored or resumed.
#[test]
fn a_hidden_safety_answer_that_calls_for_help_is_never_dropped_silently() {
    let dir = tempfile::tempdir().unwrap();
    let contradicts = dir.path().join("contradicts.toml");
    let text = std::fs::read_to_string("examples/answers/widowed.toml")
        .unwrap()
        .replace("s1 = \"not_at_all\"", "s1 = \"not_at_all\"\ns3 = \"yes\"");
    std::fs::write(&contradicts, text).unwrap();
    let out = groupfit(&["score", "--answers", contradicts.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(
            "the answer to \"s3\" calls for help, but an earlier answer hides that question"
        ),
        "{err}"
    );
    assert!(!stdout(&out).contains("no flags"));
    let out = groupfit(&["run", "--plain", "--resume", contradicts.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "resuming refuses it too");
    // A hidden answer that calls for nothing is still only a warning.
    let harmless = dir.path().join("harmless.toml");
    let text = std::fs::read_to_string("examples/answers/widowed.toml")
        .unwrap()
        .replace("s1 = \"not_at_all\"", "s1 = \"not_at_all\"\ns3 = \"no\"");
    std::fs::write(&harmless, text).unwrap();
    let out = groupfit(&["score", "--answers", harmless.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("is hidden by its show_if condition"));
}

/// Hardening, third round: a questionnaire with no safety questions validated silently, and its
/// records said "Safety: no flags". It is a warning, and every record says safety was not
/// screened.
#[test]
fn a_questionnaire_without_a_safety_screen_is_warned_of_and_its_records_say_so() {
    let out = groupfit(&["validate", "examples/one-question.toml"]);
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
    assert!(
        stderr(&out).contains("the questionnaire has no safety questions"),
        "{}",
        stderr(&out)
    );
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("fruit.toml");
    std::fs::write(&answers, "[answers]\nfruit = \"apple\"\n").unwrap();
    let score = |format: &str| {
        groupfit(&[
            "score",
            "--questions",
            "examples/one-question.toml",
            "--answers",
            answers.to_str().unwrap(),
            "--format",
            format,
        ])
    };
    let text = stdout(&score("text"));
    assert!(text.contains("not screened"), "{text}");
    assert!(!text.contains("no flags"), "{text}");
    let json: serde_json::Value = serde_json::from_slice(&score("json").stdout).unwrap();
    assert_eq!(json["safety_screened"], false);
    // The default asks them: the key is absent, as before.
    let json: serde_json::Value = serde_json::from_slice(
        &groupfit(&[
            "score",
            "--answers",
            "examples/answers/widowed.toml",
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    assert!(json.get("safety_screened").is_none());
}

/// Batches that do not fit a command line (issue 23): `--answers-from` (a file, or `-` for
/// standard input) and `--answers DIR`; each file's record carries its own provenance; a batch
/// with bad files goes on, says which failed at the end, and exits 2.
#[test]
fn batches_come_from_a_list_or_a_folder_and_each_record_is_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("answers");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy("examples/answers/widowed.toml", folder.join("a.toml")).unwrap();
    std::fs::copy(
        "examples/answers/clinician-amber.toml",
        folder.join("b.toml"),
    )
    .unwrap();
    std::fs::write(folder.join("c.toml"), "[answers]\np4 = 4242\n").unwrap();
    std::fs::write(folder.join("notes.txt"), "not an answers file").unwrap();
    let rows = |out: &std::process::Output| -> Vec<String> {
        stdout(out).lines().map(String::from).collect()
    };
    let out = groupfit(&[
        "score",
        "--answers",
        folder.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(2), "one file failed");
    let csv = rows(&out);
    assert_eq!(
        csv.len(),
        3,
        "the header and a row per scored file: {csv:?}"
    );
    assert!(csv[1].contains("a.toml") && csv[1].contains("self-assessment"));
    assert!(
        csv[2].contains("b.toml") && csv[2].contains("clinician"),
        "{}",
        csv[2]
    );
    let err = stderr(&out);
    assert!(
        err.contains("1 answers file(s) could not be scored"),
        "{err}"
    );
    assert!(err.contains("c.toml"), "{err}");
    // The same files, listed in a file and on standard input.
    let list = dir.path().join("list.txt");
    std::fs::write(
        &list,
        format!(
            "{}\n\n{}\n",
            folder.join("a.toml").display(),
            folder.join("b.toml").display()
        ),
    )
    .unwrap();
    let out = groupfit(&[
        "score",
        "--answers-from",
        list.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(rows(&out).len(), 3);
    let mut child = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(["score", "--answers-from", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(std::fs::read(&list).unwrap().as_slice())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let records = json.as_array().unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["provenance"]["mode"], "self-assessment");
    assert_eq!(records[1]["provenance"]["mode"], "clinician");
    // A folder into a folder: one report per scored file.
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let out = groupfit(&[
        "score",
        "--answers",
        folder.to_str().unwrap(),
        "--format",
        "markdown",
        "--output-dir",
        reports.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let mut made: Vec<String> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    made.sort();
    assert_eq!(made, ["a.md", "b.md"]);
}

/// Two answers files with the same name, from two folders, get two reports (`a.md`, `a-2.md`);
/// a report left by an earlier run is replaced with --force, not given a new name.
#[test]
fn an_output_folder_names_each_report_once_and_replaces_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["one", "two"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::copy(
            "examples/answers/widowed.toml",
            dir.path().join(folder).join("a.toml"),
        )
        .unwrap();
    }
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    std::fs::write(reports.join("a.md"), "from an earlier run").unwrap();
    let out = groupfit(&[
        "score",
        "--answers",
        dir.path().join("one").to_str().unwrap(),
        dir.path().join("two").to_str().unwrap(),
        "--format",
        "markdown",
        "--output-dir",
        reports.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut made: Vec<String> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    made.sort();
    assert_eq!(made, ["a-2.md", "a.md"]);
    assert_ne!(
        std::fs::read_to_string(reports.join("a.md")).unwrap(),
        "from an earlier run"
    );
}

/// Found by a hostile tester: `score --answers-from /dev/zero` (or any list with no line ends)
/// grew to gigabytes, as the list was read a whole line at a time. A line of the list longer
/// than any path is refused at once, and endless input ends the batch as a file that could not
/// be scored does (exit 2).
#[test]
fn a_list_of_files_with_no_line_ends_is_refused_not_read_forever() {
    let out = groupfit(&["score", "--answers-from", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no line ends"), "{}", stderr(&out));
}
