//! A questionnaire that speaks Spanish, with a question in Japanese: the full-screen question
//! and result screens and the plain-mode transcript use its `[ui]` words, and wide characters
//! and long words lay out without breaking the screen.

mod common;

use std::fmt::Write as _;

use common::{load_valid, screen};
use groupfit::plain::{End, Plain};
use groupfit::questionnaire::Questionnaire;
use groupfit::session::Stage;
use groupfit::tui::{App, Intent, Overlay};
use groupfit::ui_text::UiText;
use insta::assert_snapshot;

fn spanish() -> Questionnaire {
    load_valid(&std::fs::read_to_string("tests/fixtures/valid/spanish.toml").unwrap())
}

/// Keeps answering if the settled offer shows (it is tested in tui.rs).
fn decline_offer(app: &mut App<'_>) {
    if matches!(app.overlay(), Some(Overlay::Settled { .. })) {
        app.handle(Intent::KeepGoing);
    }
}

#[test]
fn the_full_screen_question_and_result_speak_spanish() {
    let q = spanish();
    let mut app = App::new(&q, Some("ES".into()), true);
    app.handle(Intent::Enter);
    app.handle(Intent::Digit(1)); // s1: never (a digit on a safety question only highlights)
    app.handle(Intent::Enter);
    app.handle(Intent::Digit(1)); // p1
    assert!(matches!(app.session().stage(), Stage::Asking(_)));
    let question = screen(&mut app, 80, 24);
    assert!(
        question.contains("Pregunta 3 de unas 5 · Propósito"),
        "{question}"
    );
    assert!(question.contains("↑↓ mover · Intro elegir"), "{question}");
    assert!(
        question.contains("¿En crisis? Llame al 024, gratis, a cualquier hora · Emergencias: 112"),
        "{question}"
    );
    assert!(
        !question.contains("move ·"),
        "no English hints left:\n{question}"
    );
    assert_snapshot!("spanish_question_japanese_80x24", question);
    assert_snapshot!("spanish_question_japanese_40x12", screen(&mut app, 40, 12));

    app.handle(Intent::Digit(1)); // p2
    decline_offer(&mut app);
    app.handle(Intent::Digit(6));
    app.handle(Intent::Enter); // a1 = 6
    decline_offer(&mut app);
    app.handle(Intent::Enter); // notes: skipped
    assert_eq!(app.session().stage(), Stage::Review);
    assert!(screen(&mut app, 80, 24).contains("▶ Ver mi resultado"));
    app.handle(Intent::Enter);
    let result = screen(&mut app, 80, 24);
    assert!(result.contains("Grupo de apoyo"), "{result}");
    assert!(
        result.contains("Sus respuestas apuntan hacia: Grupo de apoyo."),
        "{result}"
    );
    assert!(result.contains("Dónde quedan sus respuestas"), "{result}");
    assert_snapshot!("spanish_result_80x24", result);
}

#[test]
fn the_plain_transcript_speaks_spanish() {
    let q = spanish();
    let mut plain = Plain::new(&q, Some("ES".into()), true);
    let mut text = plain.opening();
    let mut end = None;
    for line in ["1", "x", "1", "1", "6", "Gracias"] {
        let _ = writeln!(text, "> {line}");
        let (reply, done) = plain.respond(line);
        text.push_str(&reply);
        end = done;
    }
    assert_eq!(end, Some(End::Finished));
    assert!(text.contains("Pregunta 1 de unas 5 (Primero, su seguridad)."));
    assert!(
        text.contains("Escriba un número del 1 al 3."),
        "invalid input is explained in Spanish"
    );
    assert!(text.contains("Ha elegido: 話を聞いてもらい、支えてもらいたい."));
    assert!(text.contains("RESULTADO: Grupo de apoyo"));
    assert!(!text.contains('\u{1b}'));
    assert_snapshot!("spanish_plain", text);
}

#[test]
fn template_ui_lists_every_key_with_its_default() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(["template", "--ui"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table: toml::Table = toml::from_str(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let ui = table["ui"].as_table().unwrap();
    assert_eq!(ui.len(), UiText::KEYS.len());
    assert_eq!(ui["welcome_begin"].as_str(), Some("Press Enter to begin."));
}
