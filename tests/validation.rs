//! One fixture per validation rule: each must be refused with its message at its line:column.

mod common;

use std::path::Path;

use groupfit::diag::Diagnostic;
use groupfit::questionnaire::{self, DEFAULT_TOML};

use common::TODAY;

fn diagnostics_of(name: &str) -> Vec<Diagnostic> {
    let path = Path::new("tests/fixtures/invalid").join(format!("{name}.toml"));
    let bytes = std::fs::read(&path).unwrap();
    questionnaire::load(&bytes, TODAY).expect_err(&format!("{name} should be invalid"))
}

/// (fixture, line, column, part of the message)
const RULES: &[(&str, usize, usize, &str)] = &[
    (
        "meta_order_unknown",
        8,
        9,
        "[meta] order \"random\" is unknown; use \"adaptive\" (ask what matters first) or \"fixed\" (the file's order)",
    ),
    (
        "loinc_check_digit",
        27,
        9,
        "question \"s1\": loinc \"44260-7\" has the check digit 7 where LOINC's rule gives 8: is a digit mistyped?",
    ),
    (
        "crisis_topic_unknown",
        24,
        9,
        "crisis line \"988 Suicide & Crisis Lifeline\": topic \"suicide\" is unknown; use one of crisis, domestic_abuse, alcohol_drugs, eating, general",
    ),
    (
        "instrument_unknown_item",
        28,
        16,
        "instrument \"screen\": items names question \"nope\", which does not exist",
    ),
    (
        "points_without_instrument",
        30,
        48,
        "question \"s1\": its options have points, but no [[instruments]] lists it in items",
    ),
    (
        "show_if_score_unknown_instrument",
        37,
        32,
        "question \"p1\": show_if_score names instrument \"audit\", which does not exist",
    ),
    (
        "referral_unknown_recommend",
        16,
        13,
        "[[scoring.referral]] recommend \"therapy\" is unknown; use group_therapy or support_group",
    ),
    (
        "lighter_step_unknown_option",
        16,
        38,
        "[scoring.lighter_step] when names option \"maybe\", which question \"p1\" does not have",
    ),
    (
        "lighter_step_names_a_scale",
        16,
        22,
        "[scoring.lighter_step] when must name a single or multi question; \"p2\" is a scale question",
    ),
    (
        "lighter_step_without_reason",
        14,
        1,
        "missing field `reason`",
    ),
    (
        "unknown_key",
        37,
        1,
        "question \"p1\": unknown field `colour`",
    ),
    (
        "unknown_top_level_key",
        3,
        1,
        "unknown top-level key `theme`",
    ),
    (
        "duplicate_question_id",
        44,
        6,
        "question \"p1\" is declared twice",
    ),
    (
        "duplicate_option_id",
        39,
        10,
        "question \"p1\": option \"less_alone\" appears twice",
    ),
    (
        "duplicate_dimension_id",
        20,
        6,
        "dimension \"purpose\" is declared twice",
    ),
    (
        "undeclared_dimension",
        45,
        13,
        "question \"p2\": dimension \"intensity\" is not declared",
    ),
    (
        "show_if_unknown_question",
        48,
        24,
        "question \"p2\": show_if names question \"nope\", which does not exist",
    ),
    (
        "show_if_later_question",
        37,
        24,
        "question \"p1\": show_if names question \"p2\", which is not before it",
    ),
    (
        "show_if_unknown_option",
        48,
        40,
        "show_if names option \"maybe\", which question \"p1\" does not have",
    ),
    (
        "show_if_from_safety_to_scored",
        57,
        24,
        "a safety question can only depend on another safety question",
    ),
    (
        "weight_out_of_range",
        39,
        60,
        "question \"p1\": option \"change\": weight 3 is outside -2..2",
    ),
    (
        "negative_dimension_weight",
        17,
        10,
        "dimension \"purpose\": weight must not be negative",
    ),
    (
        "zero_dimension_weights",
        17,
        10,
        "every dimension weight is zero",
    ),
    (
        "unknown_flag",
        30,
        77,
        "flag \"purple\" is unknown; use red, amber or prep",
    ),
    (
        "too_few_options",
        30,
        11,
        "question \"s1\": needs at least two options",
    ),
    (
        "too_few_offered_options",
        30,
        11,
        "question \"s1\": needs at least two options that are not retired",
    ),
    (
        "retired_on_a_multi_question",
        33,
        49,
        "question \"s1\": option \"old\" is retired, but only a single question's options can be; remove `retired` or the option",
    ),
    (
        "retired_before_offered",
        33,
        10,
        "question \"s1\": option \"yes\" comes after \"old\", which is retired; put retired options after every offered one",
    ),
    (
        "scale_bounds_reversed",
        49,
        7,
        "question \"p2\": scale bounds are reversed",
    ),
    (
        "scale_weights_wrong_length",
        50,
        11,
        "`weights` needs two numbers",
    ),
    (
        "min_choices_above_count",
        36,
        15,
        "question \"p1\": min_choices is 4, but the question has 3 options",
    ),
    (
        "control_characters",
        36,
        10,
        "`prompt` contains an escape character (U+001B)",
    ),
    (
        "bidi_override",
        38,
        32,
        "`label` contains the invisible formatting character U+202E",
    ),
    ("empty_prompt", 36, 10, "question \"p1\": prompt is empty"),
    (
        "empty_label",
        39,
        28,
        "question \"p1\": option \"change\": label is empty",
    ),
    ("unknown_format", 2, 10, "format 2 is not supported"),
    ("missing_format", 1, 1, "`format` is missing"),
    (
        "non_finite_number",
        17,
        10,
        "`weight` must be a finite number",
    ),
    ("syntax_error", 5, 14, "invalid basic string"),
    (
        "wrong_type",
        48,
        12,
        "question \"p2\": invalid type: string \"yes\", expected a boolean",
    ),
    (
        "unknown_kind",
        46,
        8,
        "question \"p2\": kind \"slider\" is unknown",
    ),
    (
        "key_for_other_kind",
        37,
        1,
        "`max_length` does not apply to a single question",
    ),
    (
        "reserved_dimension",
        15,
        6,
        "dimension \"safety\" is reserved",
    ),
    (
        "crisis_date_not_a_date",
        23,
        17,
        "last_verified must be a date",
    ),
    (
        "crisis_verified_in_the_future",
        23,
        17,
        "last_verified 2027-03-01 is in the future",
    ),
    (
        "crisis_region_not_a_code",
        20,
        10,
        "region \"United States\" is not a two-letter country code",
    ),
    ("crisis_emergency_empty", 23, 13, "emergency is empty"),
    ("invalid_utf8", 4, 10, "not valid UTF-8"),
    ("ui_unknown_key", 54, 1, "unknown [ui] key `button_colour`"),
    (
        "ui_unknown_placeholder",
        53,
        21,
        "[ui] progress_question: unknown placeholder {count}",
    ),
];

#[test]
fn every_rule_has_a_fixture_that_fails_with_its_message_and_location() {
    for &(name, line, column, message) in RULES {
        let found = diagnostics_of(name);
        assert!(
            found.iter().any(|d| d.is_error()
                && d.line == line
                && d.column == column
                && d.message.contains(message)),
            "{name}: expected {line}:{column}: {message}\nfound: {found:#?}"
        );
    }
}

#[test]
fn every_fixture_is_listed() {
    for entry in std::fs::read_dir("tests/fixtures/invalid").unwrap() {
        let name = entry
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let listed = RULES.iter().any(|r| r.0 == name) || name == "many_problems";
        assert!(listed, "fixture {name} has no expectation in RULES");
    }
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let found = diagnostics_of("many_problems");
    let expected = [
        (8, "[meta]: unknown field `colour`"),
        (
            25,
            "question \"q1\": option \"a\": weight 5 is outside -2..2",
        ),
        (
            25,
            "question \"q1\": option \"b\": flag \"orange\" is unknown",
        ),
        (29, "question \"q2\": dimension \"nowhere\" is not declared"),
        (31, "question \"q2\": prompt is empty"),
        (33, "question \"q2\": scale bounds are reversed"),
        (40, "question \"q3\": unknown field `unknown`"),
    ];
    for (line, message) in expected {
        assert!(
            found
                .iter()
                .any(|d| d.line == line && d.message.contains(message)),
            "missing {line}: {message}\nfound: {found:#?}"
        );
    }
}

#[test]
fn the_default_questionnaire_is_valid_without_warnings() {
    let loaded = questionnaire::load(DEFAULT_TOML.as_bytes(), TODAY).unwrap();
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let q = loaded.questionnaire;
    assert_eq!(q.meta.id, "groupfit-default");
    assert_eq!(q.sha256, questionnaire::sha256_hex(DEFAULT_TOML.as_bytes()));
    let ids: Vec<&str> = q.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "assessment",
            "attendance",
            "size",
            "facilitation",
            "purpose"
        ]
    );
    // Every question has help, and every choice question lets the person not say.
    for question in &q.questions {
        assert!(question.help.is_some(), "{} has no help", question.id);
        if !question.options().is_empty() {
            assert!(
                question.options().iter().any(|o| o.skip),
                "{} has no skip option",
                question.id
            );
        }
    }
}

#[test]
fn a_stale_crisis_line_is_a_warning_not_an_error() {
    let text = std::fs::read_to_string("tests/fixtures/valid/minimal.toml").unwrap();
    let stale = text.replace("last_verified = 2026-06-01", "last_verified = 2025-01-15");
    let loaded = questionnaire::load(stale.as_bytes(), TODAY).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    let warning = &loaded.warnings[0];
    assert!(
        warning
            .message
            .contains("last verified on 2025-01-15, over 12 months ago"),
        "{warning:?}"
    );
    assert_eq!((warning.line, warning.column), (23, 17));
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    // The reader stops one byte over the limit, so the loader never knows the real size: it
    // says "over 1 MiB", never a made-up byte count.
    let big = vec![b'#'; 1024 * 1024 + 1];
    let found = questionnaire::load(&big, TODAY).unwrap_err();
    assert_eq!(
        found[0].message,
        "the file is over the 1 MiB limit; is this the right file?"
    );
}

/// Loads a questionnaire made from the minimal fixture with `edit` applied; returns its
/// diagnostics (errors expected).
fn problems_of_minimal(edit: impl Fn(&str) -> String) -> Vec<Diagnostic> {
    let text = edit(&std::fs::read_to_string("tests/fixtures/valid/minimal.toml").unwrap());
    questionnaire::load(text.as_bytes(), TODAY).expect_err("should be invalid")
}

#[test]
fn an_unknown_key_does_not_hide_the_other_problems_of_its_table() {
    let found = problems_of_minimal(|t| {
        t.replace(
            "prompt = \"Main hope?\"",
            "prompt = \"Main hope?\"\ncolour = \"red\"\nrequired = \"yes\"",
        )
    });
    assert!(
        found
            .iter()
            .any(|d| d.message.contains("unknown field `colour`")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|d| d.message.contains("invalid type")),
        "the wrong type beside it is reported too: {found:#?}"
    );
}

#[test]
fn messages_about_text_name_the_question_and_option() {
    let found = problems_of_minimal(|t| {
        t.replacen(
            "label = \"Feel less alone\"",
            "label = \"Feel\u{202e} less alone\"",
            1,
        )
    });
    let message = &found[0].message;
    assert!(
        message.starts_with("question \"p1\", option \"less_alone\": `label` contains"),
        "{message}"
    );
}

#[test]
fn tag_characters_variation_selectors_and_soft_hyphens_are_refused() {
    for hidden in ['\u{E0041}', '\u{FE0F}', '\u{00AD}', '\u{E0100}'] {
        let found = problems_of_minimal(|t| {
            t.replace(
                "prompt = \"Main hope?\"",
                &format!("prompt = \"Main{hidden} hope?\""),
            )
        });
        assert!(
            found[0].message.contains("invisible formatting character"),
            "U+{:04X}: {found:#?}",
            u32::from(hidden)
        );
    }
}

#[test]
fn ids_that_only_look_the_same_are_refused() {
    for (id, normal) in [("cafe\u{301}", "café"), ("ｐ１", "p1")] {
        let found = problems_of_minimal(|t| t.replace("id = \"p1\"", &format!("id = \"{id}\"")));
        assert!(
            found
                .iter()
                .any(|d| d.message.contains("not in normal form")
                    && d.message.contains(&format!("write it as \"{normal}\""))),
            "{id}: {found:#?}"
        );
    }
}

#[test]
fn dimension_weights_that_overflow_or_do_not_matter_are_refused() {
    let overflow = problems_of_minimal(|t| {
        t.replace(
            "weight = 1.0",
            "weight = 1e308\nsupport_group = \"x\"\n\n[[dimensions]]\nid = \"twin\"\nlabel = \"Twin\"\nweight = 1e308",
        )
    });
    assert!(
        overflow
            .iter()
            .any(|d| d.message.contains("add up to more than a number can hold")),
        "{overflow:#?}"
    );
    let tiny = problems_of_minimal(|t| t.replacen("weight = 1.0", "weight = 1e-9", 1));
    assert!(
        tiny.iter()
            .any(|d| d.message.contains("too small to matter")),
        "{tiny:#?}"
    );
}

#[test]
fn a_byte_order_mark_does_not_shift_the_caret_and_deep_nesting_is_located() {
    let bytes = [b"\xef\xbb\xbf".as_slice(), b"format = 1 x\n"].concat();
    let found = questionnaire::load(&bytes, TODAY).unwrap_err();
    assert_eq!((found[0].line, found[0].column), (1, 10), "{found:#?}");
    let rendered = found[0].render("f.toml", &groupfit::tomlfile::source_text(&bytes));
    assert!(rendered.contains("1 | format = 1 x"), "{rendered}");
    let deep = format!("format = 1\n\n{}b = 1\n", "a.".repeat(300));
    let found = questionnaire::load(deep.as_bytes(), TODAY).unwrap_err();
    assert_eq!(
        found[0].line, 3,
        "where the nesting is, not line 1: {found:#?}"
    );
}

/// A translation written for the whole-line hints of an earlier version still loads: each
/// retired key is a warning that says what replaced it, never an error.
#[test]
fn a_retired_hint_key_is_a_warning_that_names_its_replacement() {
    let text = std::fs::read_to_string("tests/fixtures/valid/minimal.toml").unwrap();
    let old = format!(
        "{text}\n[ui]\nhints_choice = \"↑↓ mover · Intro elegir\"\nhint_move = \"mover\"\n"
    );
    let loaded = questionnaire::load(old.as_bytes(), TODAY).unwrap();
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    let warning = &loaded.warnings[0];
    assert!(
        warning.message.contains("hints_choice is no longer used")
            && warning.message.contains("hint_*"),
        "{warning:?}"
    );
    assert_eq!(loaded.questionnaire.ui.hint_move, "mover");
}

/// Hardening, third round: a `nan` dimension weight got two wrong messages beside the right one
/// (the weights "add up to more than a number can hold", "every dimension weight is zero").
#[test]
fn a_nan_dimension_weight_gets_one_message() {
    let text = std::fs::read_to_string("tests/fixtures/valid/minimal.toml")
        .unwrap()
        .replacen("weight = 1.0", "weight = nan", 1);
    let diagnostics = questionnaire::load(text.as_bytes(), TODAY).unwrap_err();
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(
        messages[0].contains("must be a finite number"),
        "{messages:#?}"
    );
}
