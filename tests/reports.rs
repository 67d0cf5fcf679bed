//! Reports a clinic can file, from a fixed answers file: the text and Markdown records
//! (snapshots), checked field by field.

mod common;

use common::{default_questionnaire, scored};
use groupfit::answers;
use groupfit::report::{
    self, Block, ClinicianRecord, Input, Override, Part, PartKind, Provenance, Reader, View,
};
use groupfit::scoring::{Recommendation, score};
use insta::assert_snapshot;

fn provenance(mode: &str) -> Provenance {
    Provenance {
        generated: "2026-11-26 10:00 +01:00".into(),
        tool_version: "0.1.0".into(),
        mode: mode.into(),
        region: Some("US".into()),
    }
}

fn clinician() -> ClinicianRecord {
    ClinicianRecord {
        reference: Some("JS-0142".into()),
        question_notes: vec![(
            "s1".into(),
            "Discussed; no current plan, sister nearby.".into(),
        )],
        session_note: Some("Bereaved four months; prefers peers.".into()),
        override_recommendation: Some(Override {
            recommendation: Recommendation::SupportGroup,
            reason: "Amber item explored in person; safety plan in place.".into(),
        }),
    }
}

/// What marks a part in every rendering: its heading, the result's name, or the start of the
/// disclaimer.
fn marker(part: &Part) -> String {
    if let Some(heading) = &part.heading {
        return heading.clone();
    }
    match part.blocks.first() {
        Some(Block::Lead(label)) => label.clone(),
        Some(Block::Text(text, _)) => text.chars().take(30).collect(),
        other => panic!("a part without a heading starts with {other:?}"),
    }
}

/// Finds each marker after the one before it.
fn assert_in_order(format: &str, rendered: &str, markers: &[String]) {
    let mut at = 0;
    for marker in markers {
        let found = rendered[at..]
            .find(marker.as_str())
            .unwrap_or_else(|| panic!("{format}: missing or out of order: {marker}\n{rendered}"));
        at += found + marker.len();
    }
}

/// The text of an HTML page (or a FHIR narrative's XHTML) as a reader sees it.
fn html_text(page: &str) -> String {
    scraper::Html::parse_document(page)
        .root_element()
        .text()
        .collect()
}

#[test]
fn one_record_holds_every_part_in_order_in_every_format() {
    let q = default_questionnaire();
    for file in ["widowed-amber", "widowed", "widowed-red"] {
        let (answers, outcome) = scored(&q, &format!("examples/answers/{file}.toml"));
        let provenance = provenance("clinician");
        let record = clinician();
        let input = Input {
            questionnaire: &q,
            answers: &answers,
            outcome: &outcome,
            reader: Reader::clinician(Some("US")),
            clinician: Some(&record),
            provenance: Some(&provenance),
        };
        let document = report::build(&input, View::Record);
        let markers: Vec<String> = document.parts.iter().map(marker).collect();
        let kinds: Vec<PartKind> = document.parts.iter().map(|p| p.kind).collect();
        assert!(
            kinds.is_sorted(),
            "{file}: parts in the record's one order: {kinds:?}"
        );
        for kind in [
            PartKind::About,
            PartKind::SafetyAnswers,
            PartKind::Result,
            PartKind::Notes,
        ] {
            assert!(kinds.contains(&kind), "{file}: {kind:?} in every record");
        }
        let text = report::record_text(&groupfit::report::Record {
            questionnaire: &q,
            answers: &answers,
            outcome: &outcome,
            provenance: &provenance,
            clinician: Some(&record),
        });
        let md = report::markdown(&groupfit::report::Record {
            questionnaire: &q,
            answers: &answers,
            outcome: &outcome,
            provenance: &provenance,
            clinician: Some(&record),
        });
        let page = report::html(&groupfit::report::Record {
            questionnaire: &q,
            answers: &answers,
            outcome: &outcome,
            provenance: &provenance,
            clinician: Some(&record),
        });
        assert_in_order("text", &text, &markers);
        assert_in_order("markdown", &md.replace('\\', ""), &markers);
        assert_in_order("html", &html_text(&page), &markers);
        let entries = report::fhir_entries(&groupfit::report::Record {
            questionnaire: &q,
            answers: &answers,
            outcome: &outcome,
            provenance: &provenance,
            clinician: Some(&record),
        });
        let narrative = entries[0]["resource"]["text"]["div"].as_str().unwrap();
        assert_in_order("fhir narrative", &html_text(narrative), &markers);
    }
}

#[test]
fn the_markdown_record_has_every_part_in_order() {
    let q = default_questionnaire();
    let (answers, outcome) = scored(&q, "examples/answers/widowed-amber.toml");
    let md = report::markdown(&groupfit::report::Record {
        questionnaire: &q,
        answers: &answers,
        outcome: &outcome,
        provenance: &provenance("clinician"),
        clinician: Some(&clinician()),
    });
    let order = [
        "| Generated | 2026-11-26 10:00 +01:00 |",
        "| Tool | groupfit 0.1.0 |",
        "| sha256 |",
        "| Mode | Clinician |",
        "| Client reference | JS-0142 |",
        "| Result | Talk to a professional for an individual assessment first |",
        "| Clinician override | Support group. Reason: Amber item explored in person; safety plan in place. |",
        "## Safety answers",
        "| Over the last 2 weeks, how often have you been bothered by thoughts that you would be better off dead or of hurting yourself in some way? | Several days (flag: amber) |",
        "## Result: Talk to a professional for an individual assessment first",
        "Clinician override: Support group (computed: Talk to a professional for an individual assessment first). Reason: Amber item explored in person; safety plan in place.",
        "| S (-1 support group .. +1 group therapy) | -0.575 |",
        "| Either margin | ±0.15 |",
        "| Complete | yes |",
        "## Things to talk about (amber: individual assessment first)",
        "## Talk to someone",
        "- 988 Suicide & Crisis Lifeline (US): Call or text 988. Emergency: 911.",
        "## Where your answers fall",
        "## The five dimensions",
        "## What weighed most",
        "## What would change the result",
        "## Every answer",
        "| What is your main hope for a group, and what would make three months of it worth it? | To feel less alone, comforted and understood | -2.000 | -0.100 | **yes** |",
        "## Clinician's notes",
        "Bereaved four months; prefers peers.",
        "| Over the last 2 weeks, how often have you been bothered by thoughts that you would be better off dead or of hurting yourself in some way? | Discussed; no current plan, sister nearby. |",
        "## Sign-off",
        "| Completed with | |",
        "| Signature | |",
        "screening aid",
    ];
    let mut at = 0;
    for part in order {
        let found = md[at..]
            .find(part)
            .unwrap_or_else(|| panic!("missing or out of order: {part}\n{md}"));
        at += found + part.len();
    }
    assert_snapshot!("record_markdown", md);
}

#[test]
fn the_text_record_lists_safety_first_and_every_answer() {
    let q = default_questionnaire();
    let (answers, outcome) = scored(&q, "examples/answers/widowed.toml");
    let text = report::record_text(&groupfit::report::Record {
        questionnaire: &q,
        answers: &answers,
        outcome: &outcome,
        provenance: &provenance("self-assessment"),
        clinician: None,
    });
    let safety = text.find("Safety answers").unwrap();
    assert!(safety < text.find("RESULT: Support group").unwrap());
    assert!(
        text.contains(
            "  * \"What is your main hope for a group, and what would make three months of"
        ),
        "drivers marked:\n{text}"
    );
    assert!(text.contains("\"Is there anything else") && text.contains("died in the spring."));
    assert!(
        !text.contains("Clinician's notes"),
        "no clinician section without a clinician"
    );
    assert!(
        text.trim_end().ends_with("validated test."),
        "the disclaimer comes last:\n{text}"
    );
    assert_snapshot!("record_text", text);
}

#[test]
fn the_html_report_is_self_contained_and_escapes_everything() {
    let q = default_questionnaire();
    let evil = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\"";
    let text = std::fs::read_to_string("examples/answers/widowed-amber.toml")
        .unwrap()
        .replace(
            "notes = \"My husband died in the spring.\"",
            &format!("notes = {}", toml::Value::String(evil.into())),
        );
    let loaded = answers::load(text.as_bytes(), &q).unwrap();
    let outcome = score(&q, &loaded.answers);
    let mut record = clinician();
    record.session_note = Some("</p><script>steal()</script>".into());
    let page = report::html(&groupfit::report::Record {
        questionnaire: &q,
        answers: &loaded.answers,
        outcome: &outcome,
        provenance: &provenance("clinician"),
        clinician: Some(&record),
    });
    let document = scraper::Html::parse_document(&page);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert_eq!(
        document.select(&select("script")).count(),
        0,
        "no script element"
    );
    assert_eq!(
        document.select(&select("img")).count(),
        0,
        "no image element"
    );
    assert_eq!(
        document.select(&select("[src], [href], link")).count(),
        0,
        "no external resources"
    );
    assert_eq!(
        document.select(&select("svg")).count(),
        2,
        "the gauge and the dimension bars"
    );
    let body: String = document
        .select(&select("body"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(body.contains(evil), "the answer is shown as text, verbatim");
    assert!(body.contains("</p><script>steal()</script>"));
    assert!(body.contains("Several days"), "the safety answers");
    assert!(body.contains("Talk to a professional for an individual assessment first"));
    assert!(body.contains("Clinician override: Support group (computed: Talk to a professional for an individual assessment first). Reason: Amber item explored in person; safety plan in place."));
    assert!(body.contains("screening aid"));
}

#[test]
fn a_crisis_record_shows_no_lean_in_any_format() {
    let q = default_questionnaire();
    let (answers, outcome) = scored(&q, "examples/answers/widowed-red.toml");
    let provenance = provenance("clinician");
    let record = groupfit::report::Record {
        questionnaire: &q,
        answers: &answers,
        outcome: &outcome,
        provenance: &provenance,
        clinician: Some(&clinician()),
    };
    for format in [
        groupfit::report::Format::Text,
        groupfit::report::Format::Markdown,
        groupfit::report::Format::Html,
    ] {
        let page = format.render(&record);
        assert!(page.contains("Please reach out for help now"), "{format:?}");
        for lean in [&q.ui.field_lean, &q.ui.field_score, &q.ui.field_percent] {
            assert!(!page.contains(lean.as_str()), "{format:?} shows {lean:?}");
        }
        assert!(page.contains(&q.ui.field_safety), "{format:?}");
    }
}

#[test]
fn a_declined_and_a_flagged_safety_answer_are_marked_in_the_record() {
    let q = default_questionnaire();
    let source = std::fs::read_to_string("examples/answers/widowed-amber.toml").unwrap();
    let declined = source.replace("s8b = \"no\"", "s8b = \"no_say\"");
    assert_ne!(declined, source);
    let loaded = groupfit::answers::load(declined.as_bytes(), &q).unwrap();
    let outcome = groupfit::scoring::score(&q, &loaded.answers);
    let text = report::record_text(&groupfit::report::Record {
        questionnaire: &q,
        answers: &loaded.answers,
        outcome: &outcome,
        provenance: &provenance("self-assessment"),
        clinician: None,
    });
    let safety = &text[text.find("Safety answers").unwrap()..text.find("RESULT:").unwrap()];
    // Read as words: the record wraps its lines.
    let safety = safety.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(safety.contains("Several days (flag: amber)"), "{safety}");
    assert!(
        safety.contains("Prefer not to say (declined; flag: amber)"),
        "{safety}"
    );
}
