//! Safety on every path, as a person meets it: the crisis footer at every width for every region
//! (the way to reach help is never cut), flags said in plain words to the person and by level to
//! the clinician, notices that wrap instead of being cut, and the hazard log in docs/SAFETY.md,
//! whose every control names a test that exists.

mod common;

use groupfit::questionnaire::Topic;

use common::{default_questionnaire, screen};
use groupfit::answers;
use groupfit::crisis::CrisisHelp;
use groupfit::plain::Plain;
use groupfit::report::{self, Reader};
use groupfit::scoring::score;
use groupfit::session::Stage;
use groupfit::tui::{App, Intent};
use insta::assert_snapshot;

const REGIONS: [Option<&str>; 10] = [
    Some("US"),
    Some("CA"),
    Some("GB"),
    Some("UK"),
    Some("IE"),
    Some("AU"),
    Some("NZ"),
    Some("DE"),
    Some("jp"),
    None,
];

#[test]
fn the_crisis_footer_never_cuts_the_way_to_reach_help() {
    let q = default_questionnaire();
    for region in REGIONS {
        let help = CrisisHelp::new(&q, region);
        let variants = help.footer_variants(&q.ui);
        let contact = help
            .local
            .first()
            .map_or(q.ui.footer_no_line_short.clone(), |l| l.contact.clone());
        let mut app = App::new(&q, region.map(str::to_string), false);
        for width in 40..=300 {
            let shown = screen(&mut app, width, 12);
            let footer = shown.lines().last().unwrap().trim();
            assert!(
                footer.contains(&contact),
                "{region:?} at {width}: the contact is cut: {footer:?}"
            );
            assert!(
                variants.iter().any(|v| v == footer),
                "{region:?} at {width}: {footer:?} is not one of the whole versions"
            );
            if let Some(number) = help.local.first().and_then(|l| l.emergency.as_ref())
                && width >= 60
            {
                assert!(
                    footer.contains(number.as_str()),
                    "{region:?} at {width}: the emergency number fits and is shown: {footer:?}"
                );
            }
        }
    }
}

#[test]
fn a_region_without_an_entry_never_sees_another_countrys_numbers_in_the_footer() {
    let q = default_questionnaire();
    for region in [Some("DE"), Some("FR"), None] {
        let mut app = App::new(&q, region.map(str::to_string), false);
        let shown = screen(&mut app, 120, 24);
        let footer = shown.lines().last().unwrap();
        for number in [
            "988", "911", "116 123", "999", "13 11 14", "000", "1737", "111",
        ] {
            assert!(
                !footer.contains(number),
                "{region:?}: {footer:?} shows {number}"
            );
        }
        assert!(
            footer.contains("Call your local emergency number"),
            "{footer}"
        );
    }
}

/// The widowed person who also says alcohol makes daily life hard and declines the question
/// about hearing or seeing things.
fn amber_and_declined() -> answers::Answers {
    let q = default_questionnaire();
    let text = std::fs::read_to_string("examples/answers/widowed.toml")
        .unwrap()
        // AUDIT-C 4 + 2 + 3 = 9: both of its cut-offs (5 and 8), no morning drink, and no
        // sedatives on drinking days.
        .replace(
            "d1 = \"never\"",
            "d1 = \"4_plus_week\"\nd2 = \"5_6\"\nd3 = \"weekly\"\nd4 = \"never\"\nd7 = \"no\"",
        )
        .replace("s6 = \"no\"", "s6 = \"no_say\"");
    answers::load(text.as_bytes(), &q).unwrap().answers
}

#[test]
fn flags_are_said_in_plain_words_to_the_person_and_by_level_to_the_clinician() {
    let q = default_questionnaire();
    let answers = amber_and_declined();
    let outcome = score(&q, &answers);
    let person = report::talk_about(&q, &outcome, Reader::person(Some("US")));
    let clinician = report::talk_about(&q, &outcome, Reader::clinician(Some("US")));
    let person: Vec<&str> = person.iter().map(|t| t.text.as_str()).collect();
    let clinician: Vec<&str> = clinician.iter().map(|t| t.text.as_str()).collect();
    assert_snapshot!("flag_words_person", person.join("\n"));
    assert_snapshot!("flag_words_clinician", clinician.join("\n"));
    assert!(
        person
            .iter()
            .all(|t| !t.contains("AMBER") && !t.contains("S = "))
    );

    let mut app = App::with_answers(&q, answers.clone(), Some("US".into()), false);
    app.handle(Intent::Enter);
    app.handle(Intent::Review);
    app.handle(Intent::Enter);
    assert_eq!(app.session().stage(), Stage::Finished);
    let result = screen(&mut app, 100, 30);
    assert!(
        !result.contains("AMBER") && !result.contains("S = "),
        "{result}"
    );
    assert_snapshot!("flag_words_result_screen", result);

    let mut plain = Plain::with_answers(&q, answers, Some("US".into()), true);
    let _ = plain.opening();
    let said = result_in_plain_mode(&mut plain);
    assert!(
        said.contains("The amount you drink could be harming your health"),
        "{said}"
    );
    assert!(
        said.contains("You preferred not to answer \"In the past month, while fully awake"),
        "{said}"
    );
    assert!(!said.contains("AMBER") && !said.contains("S = "), "{said}");
}

/// Empty lines until the result: a resumed script keeps every saved answer and skips the rest.
fn result_in_plain_mode(plain: &mut Plain<'_>) -> String {
    for _ in 0..60 {
        let (said, end) = plain.respond("");
        if end.is_some() {
            return said;
        }
    }
    panic!("no result after 60 lines");
}

#[test]
fn a_long_notice_wraps_whole_words_beside_the_quick_exit_key() {
    let q = default_questionnaire();
    let mut app = App::new(&q, None, false);
    let notice = "Saved to groupfit-answers-2026-12-01.toml (readable by you only; it holds health information). Carry on with: groupfit run --resume groupfit-answers-2026-12-01.toml";
    app.notify(notice.to_string(), false);
    for width in [60u16, 80, 100] {
        let shown = screen(&mut app, width, 16);
        let words: String = shown.lines().skip(2).collect::<Vec<_>>().join(" ");
        for word in notice.split(' ') {
            assert!(
                words.contains(word),
                "at {width}, {word:?} is missing:\n{shown}"
            );
        }
        assert!(shown.contains("Ctrl+X quick exit"), "{shown}");
        assert!(!shown.contains('…'), "nothing is cut:\n{shown}");
    }
}

/// docs/SAFETY.md's hazard log: every row names a test, as `tests/FILE.rs::name` or
/// `src/PATH.rs::name`, and each of those tests exists.
#[test]
fn every_control_in_the_hazard_log_names_a_test_that_exists() {
    let log = std::fs::read_to_string("docs/SAFETY.md").unwrap();
    let rows: Vec<&str> = log.lines().filter(|l| l.starts_with("| H")).collect();
    assert!(rows.len() >= 20, "the hazard log has {} rows", rows.len());
    for row in rows {
        let named: Vec<&str> = row
            .split('`')
            .filter(|part| part.contains(".rs::"))
            .collect();
        assert!(!named.is_empty(), "no test named in: {row}");
        for test in named {
            let (file, name) = test.split_once("::").unwrap();
            let source = std::fs::read_to_string(file)
                .unwrap_or_else(|_| panic!("{file} does not exist ({row})"));
            assert!(
                source.contains(&format!("fn {name}(")),
                "{file} has no test {name} ({row})"
            );
        }
    }
}

#[test]
fn plain_mode_lists_the_regions_lines_first() {
    let q = default_questionnaire();
    let text = std::fs::read_to_string("examples/answers/widowed-amber.toml").unwrap();
    let answers = answers::load(text.as_bytes(), &q).unwrap().answers;
    let mut plain = Plain::with_answers(&q, answers, Some("GB".into()), true);
    let opening = plain.opening();
    assert!(
        opening.contains("If you are in crisis: Samaritans, Call 116 123"),
        "{opening}"
    );
    let said = result_in_plain_mode(&mut plain);
    let help = &said[said.find("Talk to someone").unwrap()..];
    assert!(
        help.lines().nth(1).unwrap().contains("Samaritans (GB)"),
        "{help}"
    );
}

/// The default safety screen as CLINICAL.md describes it.
#[test]
fn the_safety_screen_follows_the_clinical_brief() {
    let q = default_questionnaire();
    let question = |id: &str| &q.questions[q.question_index(id).unwrap()];
    assert_eq!(
        question("s1").prompt,
        "Over the last 2 weeks, how often have you been bothered by thoughts that you would be \
         better off dead or of hurting yourself in some way?",
        "PHQ-9 item 9, word for word"
    );
    for id in ["s2", "s3", "s4b", "s5", "s5b", "s6", "s10"] {
        assert!(
            question(id).prompt.contains("past month"),
            "{id}: a time frame"
        );
    }
    assert!(question("s4").prompt.contains("past 3 months"));
    assert!(question("s4").show_if.is_none(), "s4 is asked of everyone");
    // The exception for grief is in the question itself, not only in its help.
    let s6 = &question("s6").prompt;
    assert!(
        s6.contains("someone who has died") && s6.contains("grief"),
        "{s6}"
    );
    // Suicidal intent, plans and behaviour are about ending one's life; self-harm without
    // wanting to die is asked on its own (C-SSRS screener, NICE NG225).
    for id in ["s2", "s3", "s4"] {
        let prompt = &question(id).prompt;
        assert!(
            prompt.contains("end your life") || prompt.contains("ending your life"),
            "{id}: {prompt}"
        );
        assert!(!prompt.contains("hurt yourself"), "{id}: {prompt}");
    }
    assert!(question("s4b").prompt.contains("without wanting to die"));
    assert!(question("s8a").prompt.contains("crisis") && !question("s8a").prompt.contains("home"));
    assert!(question("s8b").prompt.contains("unsafe at home"));
    for safety in q
        .questions
        .iter()
        .filter(|x| x.section == groupfit::questionnaire::Section::Safety)
    {
        assert!(
            safety.required,
            "{}: a hurried Enter cannot pass it",
            safety.id
        );
        assert!(
            safety
                .options()
                .iter()
                .any(|o| o.skip && o.label == "Prefer not to say"),
            "{}: prefer not to say",
            safety.id
        );
        for option in safety.options().iter().filter(|o| o.flag.is_some()) {
            assert!(
                option.advice.is_some() && option.note.is_some(),
                "{} {}: words for the person and for the record",
                safety.id,
                option.id
            );
        }
    }
}

#[test]
fn every_seeded_crisis_line_has_its_emergency_number_and_a_source() {
    let q = default_questionnaire();
    let by_topic = |topic: Topic| -> Vec<&str> {
        q.crisis
            .iter()
            .filter(|c| c.topic == topic)
            .map(|c| c.region.as_str())
            .collect()
    };
    assert_eq!(
        by_topic(Topic::Crisis),
        ["US", "CA", "GB", "IE", "AU", "NZ"]
    );
    assert_eq!(by_topic(Topic::DomesticAbuse), ["GB"]);
    assert_eq!(by_topic(Topic::AlcoholDrugs), ["US"]);
    for line in &q.crisis {
        assert!(
            line.emergency.is_some(),
            "{}: emergency number",
            line.region
        );
        assert!(
            line.url.starts_with("https://"),
            "{}: a source",
            line.region
        );
        assert!(!line.last_verified.is_empty());
    }
}

#[test]
fn why_we_ask_never_says_which_answer_leads_where() {
    let q = default_questionnaire();
    for question in &q.questions {
        let why = question.why.as_deref().unwrap_or("").to_lowercase();
        for leading in [
            "support group",
            "therapy group",
            "group therapy",
            "therapist",
        ] {
            assert!(
                !why.contains(leading),
                "{}: \"why we ask\" names {leading:?}: {why}",
                question.id
            );
        }
    }
}

#[test]
fn no_admin_wording_on_a_screen_a_person_sees() {
    let ui = groupfit::ui_text::UiText::default();
    for key in groupfit::ui_text::UiText::KEYS {
        let text = groupfit::ui_text::UiText::default_of(key).unwrap();
        assert!(
            !text.contains("questionnaire file") && !text.contains("configure"),
            "{key}: {text}"
        );
    }
    assert!(!ui.crisis_elsewhere.contains("clinic"));
}

#[test]
fn an_incomplete_either_says_why_in_words() {
    let q = default_questionnaire();
    // A close call with changes to list; one of them, had it left too few answers, says so.
    let (answers, outcome) = common::scored(&q, "tests/vignettes/02-new-diagnosis.toml");
    let mut change = outcome.would_change[0].clone();
    change.complete = false;
    let said = report::describe_change(&q, &answers, &outcome, &change, Reader::person(None));
    assert!(
        said.contains("not enough answered for a firm result"),
        "{said}"
    );
    let text = "[answers]\ns1 = \"not_at_all\"\ns4 = \"no\"\ns4b = \"no\"\ns5 = \"no\"\ns6 = \"no\"\n\
                s9 = [\"none\"]\ns10 = \"no\"\nd1 = \"never\"\nd5 = \"never\"\ns8a = \"no\"\ns8b = \"no\"\n\
                p1 = \"less_alone\"\n";
    let sparse = score(&q, &answers::load(text.as_bytes(), &q).unwrap().answers);
    assert!(!sparse.complete);
    assert_eq!(
        report::headline(&q, &sparse),
        q.ui.headline_incomplete,
        "the headline says that too few questions were answered"
    );
}

/// Answers the safety screen in the full-screen app: each digit highlights, Enter confirms.
fn answer_safety(app: &mut App<'_>, digits: &str) {
    for c in digits.chars() {
        app.handle(Intent::Digit(c.to_digit(10).unwrap()));
        app.handle(Intent::Enter);
    }
}

#[test]
fn a_caution_is_said_as_soon_as_the_safety_screen_ends_and_the_result_can_be_seen_at_once() {
    let q = default_questionnaire();
    let mut app = App::new(&q, Some("AU".into()), false);
    app.handle(Intent::Enter);
    // No, none or never throughout, but s8a: a crisis I can't cope with.
    answer_safety(&mut app, "11111111121");
    assert!(matches!(
        app.overlay(),
        Some(groupfit::tui::Overlay::Caution { .. })
    ));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Before you go on"), "{shown}");
    assert!(
        shown.contains("You are in a crisis you can't cope with right now"),
        "{shown}"
    );
    assert!(
        shown.contains("Call 13 11 14"),
        "the region's line: {shown}"
    );
    assert_snapshot!("caution_after_the_safety_screen", shown);
    app.handle(Intent::SeeResult); // r: see my result now
    assert_eq!(app.session().stage(), Stage::Finished);
    assert_eq!(
        app.session().score_now().recommendation,
        groupfit::scoring::Recommendation::ProfessionalFirst
    );

    // Keeping going goes on to the questions; the caution is not said again.
    let mut app = App::new(&q, None, false);
    app.handle(Intent::Enter);
    answer_safety(&mut app, "2111111111111");
    assert!(matches!(
        app.overlay(),
        Some(groupfit::tui::Overlay::Caution { .. })
    ));
    app.handle(Intent::KeepGoing);
    assert_eq!(app.overlay(), None);
    assert!(screen(&mut app, 100, 30).contains("How old are you?"));

    // No caution without a flag.
    let mut app = App::new(&q, None, false);
    app.handle(Intent::Enter);
    answer_safety(&mut app, "11111111111");
    assert_eq!(app.overlay(), None);
}

/// Thoughts of death nearly every day, then "prefer not to say" to every safety question after
/// it: a caution, typed in plain mode.
const NEARLY_EVERY_DAY_THEN_DECLINING: [&str; 14] = [
    "4", "3", "3", "4", "3", "3", "3", "7", "3", "6", "4", "3", "3", "5",
];

/// No, none or never throughout the safety screen, but hurt, threatened or made afraid at home
/// (s8b: yes), and none of the danger items (s8c): an amber caution about home.
const HURT_AT_HOME: [&str; 12] = ["1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "2", "4"];

/// The full-screen app in `region`, answered as [`HURT_AT_HOME`].
fn app_hurt_at_home<'q>(q: &'q groupfit::questionnaire::Questionnaire, region: &str) -> App<'q> {
    let mut app = App::new(q, Some(region.into()), false);
    app.handle(Intent::Enter);
    answer_safety(&mut app, "11111111112");
    app.handle(Intent::Digit(4)); // s8c: none of these
    app.handle(Intent::Enter);
    app
}

/// Plain mode in `region`, with `lines` typed: the session, and what the last line drew.
fn plain_after<'q>(
    q: &'q groupfit::questionnaire::Questionnaire,
    region: &str,
    lines: &[&str],
) -> (Plain<'q>, String) {
    let mut plain = Plain::new(q, Some(region.into()), false);
    let _ = plain.opening();
    let mut said = String::new();
    for line in lines {
        said = plain.respond(line).0;
    }
    (plain, said)
}

#[test]
fn plain_mode_says_the_caution_at_once_too() {
    let q = default_questionnaire();
    let (mut plain, said) = plain_after(&q, "NZ", &NEARLY_EVERY_DAY_THEN_DECLINING);
    assert!(said.contains("Before you go on"), "{said}");
    assert!(said.contains("1737"), "{said}");
    assert!(said.contains("type r to see your result now"), "{said}");
    let (result, end) = plain.respond("r");
    assert_eq!(end, None, "the result is shown, and Enter leaves");
    assert!(
        result.contains("RESULT: Talk to a professional"),
        "{result}"
    );
    assert_eq!(plain.respond("").1, Some(groupfit::plain::End::Finished));
}

/// Found rereading the early finish: leaving at a caution ("r") named every question left as
/// "not asked: the result was already settled" in the records, though nothing was settled;
/// they are simply unanswered.
/// A number typed at the caution, meant for the next question, is not taken as "keep going"
/// and lost: it is refused, the keys are said again, and nothing is answered (a holdout
/// tester's "3" for the age question vanished, and every answer after it landed one question
/// late).
#[test]
fn an_answer_typed_at_the_caution_is_not_swallowed() {
    let q = default_questionnaire();
    let (mut plain, said) = plain_after(&q, "NZ", &NEARLY_EVERY_DAY_THEN_DECLINING);
    assert!(said.contains("Before you go on"), "{said}");
    let answered = plain.session().answers().answered().count();
    let (again, end) = plain.respond("3");
    assert_eq!(end, None);
    assert!(again.contains(&q.ui.plain_offer_not_an_answer), "{again}");
    assert!(again.contains("type r to see your result now"), "{again}");
    assert_eq!(
        plain.session().answers().answered().count(),
        answered,
        "nothing answered"
    );
    let (next, _) = plain.respond("");
    let Stage::Asking(index) = plain.session().stage() else {
        panic!("keeps going to the next question: {next}");
    };
    assert!(next.contains(&q.questions[index].prompt), "{next}");
}

#[test]
fn leaving_at_a_caution_does_not_call_the_questions_left_settled() {
    let q = default_questionnaire();
    let (mut plain, _) = plain_after(&q, "NZ", &NEARLY_EVERY_DAY_THEN_DECLINING);
    let (result, _) = plain.respond("r");
    assert!(
        !plain.session().reach().settled,
        "a caution leaves much open"
    );
    let outcome = plain.session().score_now();
    assert!(outcome.not_asked.is_empty(), "{:?}", outcome.not_asked);
    let record = groupfit::report::text(
        &q,
        plain.session().answers(),
        &outcome,
        groupfit::report::Reader::clinician(None),
    );
    assert!(!record.contains("already settled"), "{record}");
    assert!(!result.contains("already settled"), "{result}");
}

/// Found playing a holdout story: a woman whose partner hurts her was told "if someone may
/// check this device, think twice before saving", and then `save` wrote the file at once. When
/// an answer says home may not be safe, saving the answers asks first, in both front ends; a
/// clinician, on the clinic's device, is not asked.
#[test]
fn saving_asks_first_when_home_may_not_be_safe() {
    let q = default_questionnaire();
    let (mut plain, said) = plain_after(&q, "AU", &HURT_AT_HOME);
    if said.contains("Press Enter to keep going") {
        let _ = plain.respond("");
    }
    let (asked, _) = plain.respond("save");
    assert_eq!(plain.take_request(), None, "not saved yet: {asked}");
    assert!(asked.contains("may check this device"), "{asked}");
    let (kept, _) = plain.respond("");
    assert_eq!(plain.take_request(), None, "Enter keeps it unsaved: {kept}");
    assert!(kept.contains("Nothing was saved"), "{kept}");
    let _ = plain.respond("save");
    let _ = plain.respond("save");
    assert_eq!(
        plain.take_request(),
        Some(groupfit::plain::Request::SaveAnswers),
        "typing save again saves"
    );

    let mut app = app_hurt_at_home(&q, "AU");
    if app.overlay().is_some() {
        app.handle(Intent::Enter);
    }
    assert_eq!(app.handle(Intent::Save), groupfit::tui::Control::Continue);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("may check this device"), "{shown}");
    assert_eq!(
        app.handle(Intent::Save),
        groupfit::tui::Control::Write(groupfit::plain::Request::SaveAnswers),
        "Ctrl+S again saves"
    );

    // Nothing at home flagged: saved at once.
    let mut calm = Plain::new(&q, None, false);
    let _ = calm.opening();
    let _ = calm.respond("1");
    let _ = calm.respond("save");
    assert_eq!(
        calm.take_request(),
        Some(groupfit::plain::Request::SaveAnswers)
    );
}

/// Found by a new-user playtest: the device-safety words say Ctrl+X leaves at once, but in
/// plain mode Ctrl+X (then Enter, as every line needs) answered "Please type a number". Now it
/// leaves at once, from any prompt, asking nothing; and saving a report warns first too.
#[test]
fn ctrl_x_leaves_plain_mode_at_once_and_a_report_warns_when_home_may_not_be_safe() {
    let q = default_questionnaire();
    let (mut plain, _) = plain_after(&q, "GB", &["1", "1"]);
    assert_eq!(
        plain.respond("\u{18}").1,
        Some(groupfit::plain::End::Quick),
        "Ctrl+X leaves at once, with answers unsaved and nothing asked"
    );

    let (mut plain, said) = plain_after(&q, "GB", &HURT_AT_HOME);
    assert!(said.contains("Ctrl+X then Enter leaves at once"), "{said}");
    let _ = plain.respond("r"); // the caution: see the result now
    let (pick, _) = plain.respond("report");
    assert!(pick.contains("may check this device"), "{pick}");
    // At a file name's prompt too, and nothing is written.
    let _ = plain.respond("1");
    assert_eq!(
        plain.respond("my\u{18}file").1,
        Some(groupfit::plain::End::Quick)
    );
    assert_eq!(plain.take_request(), None);

    let mut app = app_hurt_at_home(&q, "GB");
    app.handle(Intent::SeeResult); // the caution: see the result now
    app.handle(Intent::Export);
    let shown = screen(&mut app, 100, 40);
    assert!(shown.contains("may check this device"), "{shown}");
}

/// Found by a review: the save check and Ctrl+X are for a person at a terminal. A script reads
/// one line a question, so a question of its own would shift every answer after it; and a
/// clinician, on the clinic's device, is told nothing and asked nothing.
#[test]
fn the_save_check_is_for_a_person_at_a_terminal() {
    let q = default_questionnaire();
    let mut script = Plain::new(&q, Some("GB".into()), true);
    let _ = script.opening();
    for line in HURT_AT_HOME {
        let _ = script.respond(line);
    }
    let _ = script.respond("save");
    assert_eq!(
        script.take_request(),
        Some(groupfit::plain::Request::SaveAnswers)
    );
    assert_eq!(script.respond("\u{18}").1, None, "not a key in a script");

    let mut clinician = Plain::new(&q, Some("GB".into()), false)
        .with_clinician(groupfit::clinician::ClinicianRecord::default());
    let _ = clinician.opening();
    for line in HURT_AT_HOME {
        let _ = clinician.respond(line);
    }
    let _ = clinician.respond("r");
    let (pick, _) = clinician.respond("report");
    assert!(!pick.contains("may check this device"), "{pick}");
    let _ = clinician.respond("");
    let _ = clinician.respond("save");
    assert_eq!(
        clinician.take_request(),
        Some(groupfit::plain::Request::SaveAnswers)
    );

    let mut app = app_hurt_at_home(&q, "GB").clinician_mode();
    assert_eq!(
        app.handle(Intent::Save),
        groupfit::tui::Control::Write(groupfit::plain::Request::SaveAnswers)
    );
    // A person: any other key between two Ctrl+S takes the first back.
    let mut app = app_hurt_at_home(&q, "GB");
    app.handle(Intent::KeepGoing);
    assert_eq!(app.handle(Intent::Save), groupfit::tui::Control::Continue);
    app.handle(Intent::Help);
    assert_eq!(app.handle(Intent::Save), groupfit::tui::Control::Continue);
}

/// Found by a new-user playtest: for a woman whose husband checks the laptop, the leave box
/// said "Anything you have not saved (Ctrl+S) will be gone", a nudge to save. When home may
/// not be safe and nothing was saved, it says that leaving leaves nothing on the device.
#[test]
fn leaving_does_not_nudge_a_person_to_save_when_home_may_not_be_safe() {
    let q = default_questionnaire();
    let mut app = app_hurt_at_home(&q, "GB");
    app.handle(Intent::KeepGoing);
    app.handle(Intent::Quit);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Leave groupfit?"), "{shown}");
    assert!(shown.contains("nothing of this"), "{shown}");
    assert!(!shown.contains("(Ctrl+S)"), "{shown}");
}

/// Found by a new-user playtest: Enter on an untouched required tick-all question (the care
/// question of the safety screen) said "or press s to skip this question", which it refuses.
#[test]
fn a_required_tick_all_question_never_offers_a_skip() {
    let q = default_questionnaire();
    let mut app = App::new(&q, None, false);
    app.handle(Intent::Enter);
    answer_safety(&mut app, "11111");
    let Stage::Asking(i) = app.session().stage() else {
        panic!("asking");
    };
    let question = &q.questions[i];
    assert!(
        question.required
            && matches!(
                question.kind,
                groupfit::questionnaire::QuestionKind::Multi { .. }
            )
    );
    app.handle(Intent::Enter);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("needs an answer"), "{shown}");
    assert!(!shown.contains("skip"), "{shown}");
}

#[test]
fn a_digit_on_a_safety_question_only_highlights_until_enter() {
    let q = default_questionnaire();
    let mut app = App::new(&q, None, false);
    app.handle(Intent::Enter);
    answer_safety(&mut app, "1");
    app.handle(Intent::Digit(2)); // s4: "Yes", by a slip of the finger
    assert!(
        matches!(app.session().stage(), Stage::Asking(i) if q.questions[i].id == "s4"),
        "not answered yet"
    );
    app.handle(Intent::Up);
    app.handle(Intent::Enter);
    assert!(
        matches!(app.session().stage(), Stage::Asking(i) if q.questions[i].id == "s4b"),
        "the slip was corrected before Enter"
    );
}

#[test]
fn a_small_window_shows_the_regions_number_on_the_crisis_panel_without_scrolling() {
    let q = default_questionnaire();
    // Anything done today (s4), and intent (s2) or a plan (s3), whose advice is the longest
    // (found by review: words added to it had pushed the number out).
    for keys in ["12", "22", "212"] {
        for (region, number) in [
            ("AU", "Call 13 11 14"),
            ("GB", "Call 116 123"),
            ("DE", "Call your local emergency number"),
        ] {
            let mut app = App::new(&q, Some(region.into()), false);
            app.handle(Intent::Enter);
            answer_safety(&mut app, keys);
            assert_eq!(app.session().stage(), Stage::Stopped);
            let shown = screen(&mut app, 60, 16);
            let body: Vec<&str> = shown.lines().take(13).collect();
            assert!(
                body.iter().any(|l| l.contains(number)),
                "{region}, {keys}: {number} not in the first screenful:\n{shown}"
            );
        }
    }
}

#[test]
fn the_settled_note_is_said_only_after_finishing_early() {
    let q = default_questionnaire();
    let text = std::fs::read_to_string("examples/answers/widowed.toml").unwrap();
    let outcome = score(&q, &answers::load(text.as_bytes(), &q).unwrap().answers);
    assert!(outcome.settled && outcome.unanswered > 0);
    assert_eq!(
        report::settled_note(&q, &outcome),
        None,
        "a scored file was not finished early"
    );
}

/// The offer never counts "0 questions left" (seen after a resume).
#[test]
fn the_settled_offer_never_says_zero_questions_left() {
    let q = default_questionnaire();
    let text = std::fs::read_to_string("examples/answers/widowed.toml").unwrap();
    let now = score(&q, &answers::load(text.as_bytes(), &q).unwrap().answers);
    let reach = |unanswered| groupfit::scoring::Reach {
        reachable: vec![groupfit::scoring::Recommendation::SupportGroup],
        min_score: Some(-0.5),
        max_score: Some(-0.4),
        settled: true,
        unanswered,
        tailor_possible: false,
    };
    let offer = |unanswered| groupfit::report::settled_offer(&q, &reach(unanswered), &now);
    let none = offer(0);
    assert!(!none.contains('0'), "{none}");
    assert!(none.contains("Nothing left to answer can change that."));
    assert!(offer(1).contains("The 1 question left"));
    assert!(offer(4).contains("The 4 questions left"));
}

/// The offer names the result as the result screen then names it: a close call that starts
/// with the lighter step is offered as that, not as "either could suit you".
#[test]
fn the_settled_offer_says_what_the_result_then_says() {
    let q = default_questionnaire();
    let text = std::fs::read_to_string("tests/vignettes/24-mild-stress-no-goal.toml").unwrap();
    let answers = answers::load(text.as_bytes(), &q).unwrap().answers;
    let now = score(&q, &answers);
    assert!(now.lighter_step, "the vignette is a lighter step");
    let reach = groupfit::scoring::reach(&q, &answers);
    let offer = groupfit::report::settled_offer(&q, &reach, &now);
    let result = report::result_label(&q, &now);
    assert!(
        offer.contains(&result),
        "{offer:?} does not name {result:?}"
    );
    let either = report::recommendation_label(&q, groupfit::scoring::Recommendation::Either);
    assert!(!offer.contains(&either), "{offer}");
}

/// A question left that could only add a tip does not hold the offer back, and the offer says
/// that answering on could still tailor the next steps.
#[test]
fn questions_that_only_add_a_tip_do_not_hold_the_offer_back() {
    let q = default_questionnaire();
    let text = std::fs::read_to_string("examples/answers/widowed.toml").unwrap();
    let mut answers = answers::load(text.as_bytes(), &q).unwrap().answers;
    // i1 can add a "prep" note and a tip; p4 a "prep" note: neither can change the result.
    for id in ["i1", "p4"] {
        let index = q
            .questions
            .iter()
            .position(|question| question.id == id)
            .unwrap();
        answers.clear(index);
    }
    let reach = groupfit::scoring::reach(&q, &answers);
    assert!(reach.settled, "{reach:?}");
    assert!(reach.tailor_possible);
    let offer = groupfit::report::settled_offer(&q, &reach, &score(&q, &answers));
    assert!(offer.ends_with(&q.ui.settled_offer_tailor), "{offer}");
}

/// A resumed app's screens from where its answers lead (past the review: the crisis panel or
/// the result), paged through at 100x30.
fn paged_from_review(mut app: App<'_>) -> String {
    app.handle(Intent::Enter);
    app.handle(Intent::Review);
    app.handle(Intent::Enter);
    let mut shown = String::new();
    for _ in 0..12 {
        shown.push_str(&screen(&mut app, 100, 30));
        app.handle(Intent::PageDown);
    }
    shown
}

/// Under a caution about drinking, a person with no region reads the help for drinking and the
/// way to any local helpline, not six countries' suicide lines; and not how to reach another
/// group result, which is for a normal result (a clinician's record keeps it). In plain mode
/// and the full screen alike.
#[test]
fn a_caution_is_answered_with_help_for_its_topic_not_every_suicide_line() {
    let q = default_questionnaire();
    let answers = amber_and_declined();
    let full_screen = paged_from_review(App::with_answers(&q, answers.clone(), None, false));
    let mut plain = Plain::with_answers(&q, answers.clone(), None, true);
    let _ = plain.opening();
    let said = result_in_plain_mode(&mut plain);
    for shown in [&full_screen, &said] {
        assert!(shown.contains("For drinking or drugs"), "{shown}");
        assert!(shown.contains("findahelpline.com"), "{shown}");
        for elsewhere in ["Samaritans", "Lifeline (AU)", "988 Suicide", "1737"] {
            assert!(!shown.contains(elsewhere), "{elsewhere} in:\n{shown}");
        }
        assert!(!shown.contains(&q.ui.heading_changes), "{shown}");
    }
    let record = common::record_text(&q, &answers, None);
    assert!(
        record.contains(&q.ui.heading_changes),
        "the record keeps it"
    );
}

/// What a person in `region` is shown for `file`'s answers: the full-screen app paged through
/// from where the answers lead (the crisis panel or the result), and plain mode's result or
/// panel; and, apart, the record a clinician files.
fn shown_and_filed(
    q: &groupfit::questionnaire::Questionnaire,
    file: &str,
    region: &str,
) -> (String, String) {
    let text = std::fs::read_to_string(file).unwrap();
    let answers = answers::load(text.as_bytes(), q).unwrap().answers;
    let mut shown = paged_from_review(App::with_answers(
        q,
        answers.clone(),
        Some(region.into()),
        false,
    ));
    let mut plain = Plain::with_answers(q, answers.clone(), Some(region.into()), true);
    shown.push_str(&plain.opening());
    shown.push_str(&result_in_plain_mode(&mut plain));
    (shown, common::record_text(q, &answers, Some(region)))
}

#[test]
fn a_region_with_its_own_line_is_not_also_shown_every_other_countrys() {
    let q = default_questionnaire();
    for file in [
        "examples/answers/widowed-red.toml",
        "examples/answers/widowed-amber.toml",
        "examples/answers/widowed.toml",
    ] {
        let (shown, filed) = shown_and_filed(&q, file, "AU");
        assert!(shown.contains("Lifeline (AU)"), "{file}:\n{shown}");
        assert!(shown.contains("findahelpline.com"), "{file}:\n{shown}");
        for elsewhere in ["988", "Samaritans", "1737"] {
            assert!(
                !shown.contains(elsewhere),
                "{file}: {elsewhere} in:\n{shown}"
            );
        }
        // The record a clinician files may be made in the clinic's region for a client from
        // another: it lists every region's line, the region's own first.
        let own = filed.find("Lifeline (AU)").unwrap();
        for elsewhere in ["988 Suicide", "Samaritans (GB)", "1737"] {
            let at = filed
                .find(elsewhere)
                .unwrap_or_else(|| panic!("{elsewhere}: {filed}"));
            assert!(own < at, "{file}: {elsewhere} before the region's own");
        }
    }
    // Without an entry for the region, the entries the file has are listed after the fallback.
    let (shown, _) = shown_and_filed(&q, "examples/answers/widowed-amber.toml", "DE");
    for listed in ["Lifeline (AU)", "988", "Samaritans", "1737"] {
        assert!(shown.contains(listed), "{listed} missing from:\n{shown}");
    }
}
