//! The validated brief instruments and the screens of the third round (issue 22; docs/SCREENING.md):
//! each cut-off on both sides, each gate asked and not asked, help by topic under its own
//! caution, danger at home as its own crisis panel with nothing offering to save, self-harm
//! without suicidal intent as a caution, a named group, and the number of questions asked.

mod common;

use std::io::Write as _;
use std::process::{Command, Stdio};

use common::{choose, default_questionnaire, screen};
use groupfit::answers::{Answers, visible};
use groupfit::clinician::ClinicianRecord;
use groupfit::crisis::{CrisisHelp, HelpItem};
use groupfit::plain::{End, Plain};
use groupfit::questionnaire::{Flag, Questionnaire, Topic};
use groupfit::report::{self, Reader};
use groupfit::safety::{Safety, help_topics};
use groupfit::scoring::{Recommendation, score};
use groupfit::session::Stage;
use groupfit::tui::{App, Intent, Layer};

/// The safety screen of a person with nothing to report, as answers.
const CALM: &[(&str, &str)] = common::CALM_SAFETY_SCREEN;

/// The calm safety screen with some answers changed or added.
fn answers(q: &Questionnaire, changes: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::new(q);
    for (id, option) in CALM.iter().chain(changes) {
        answers.set(q.question_index(id).unwrap(), choose(q, id, option));
    }
    answers
}

/// The flags an instrument raised, by its id.
fn instrument_flags(q: &Questionnaire, changes: &[(&str, &str)], id: &str) -> usize {
    score(q, &answers(q, changes))
        .flags
        .iter()
        .filter(|f| f.question == id)
        .count()
}

/// What a person reads under "Things to talk about", one item a line.
fn told(q: &Questionnaire, outcome: &groupfit::scoring::Outcome) -> String {
    report::talk_about(q, outcome, Reader::person(None))
        .into_iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join("\n")
}

fn shown(q: &Questionnaire, changes: &[(&str, &str)], id: &str) -> bool {
    visible(q, &answers(q, changes))[q.question_index(id).unwrap()]
}

#[test]
fn audit_c_is_a_caution_from_5_and_says_withdrawal_from_8() {
    let q = default_questionnaire();
    // 4 = 2 + 1 + 1: below the cut-off (every drinker is asked about sedatives too: no).
    let four = [
        ("d1", "2_4_month"),
        ("d2", "3_4"),
        ("d3", "less_monthly"),
        ("d7", "no"),
    ];
    assert_eq!(instrument_flags(&q, &four, "audit_c"), 0);
    assert_eq!(score(&q, &answers(&q, &four)).safety, Safety::None);
    // 5 = 3 + 1 + 1: a caution, with alcohol help (the morning drink is then asked: never).
    let five = [
        ("d1", "2_3_week"),
        ("d2", "3_4"),
        ("d3", "less_monthly"),
        ("d4", "never"),
        ("d7", "no"),
    ];
    assert_eq!(instrument_flags(&q, &five, "audit_c"), 1);
    let outcome = score(&q, &answers(&q, &five));
    assert_eq!(outcome.recommendation, Recommendation::ProfessionalFirst);
    assert_eq!(help_topics(&outcome.flags), [Topic::AlcoholDrugs]);
    // 7 = 3 + 2 + 2: still one flag; 8 = 4 + 2 + 2: the withdrawal words too.
    let seven = [("d1", "2_3_week"), ("d2", "5_6"), ("d3", "monthly")];
    assert_eq!(instrument_flags(&q, &seven, "audit_c"), 1);
    let eight = [
        ("d1", "4_plus_week"),
        ("d2", "5_6"),
        ("d3", "monthly"),
        ("d4", "never"),
    ];
    assert_eq!(instrument_flags(&q, &eight, "audit_c"), 2);
    let said = told(&q, &score(&q, &answers(&q, &eight)));
    assert!(
        said.contains("stopping drinking suddenly can be dangerous"),
        "{said}"
    );
    // Said of drinking most days, where withdrawal is the danger: three holdout testers read
    // it as overstated for someone who drinks heavily at weekends only (Q14, Q17, Q22).
    assert!(
        said.contains("If you drink like this on most days"),
        "{said}"
    );
}

#[test]
fn the_drinking_follow_ups_are_asked_only_where_they_apply() {
    let q = default_questionnaire();
    assert!(!shown(&q, &[], "d2"), "never drinks: no more questions");
    assert!(shown(&q, &[("d1", "monthly")], "d2"));
    assert!(shown(&q, &[("d1", "monthly")], "d3"));
    // The morning drink only when AUDIT-C is 5 or more.
    let four = [("d1", "2_4_month"), ("d2", "3_4"), ("d3", "less_monthly")];
    assert!(!shown(&q, &four, "d4"));
    let five = [("d1", "2_3_week"), ("d2", "3_4"), ("d3", "less_monthly")];
    assert!(shown(&q, &five, "d4"));
    let mut morning = five.to_vec();
    morning.push(("d4", "weekly"));
    let outcome = score(&q, &answers(&q, &morning));
    let d4 = outcome.flags.iter().find(|f| f.question == "d4").unwrap();
    assert_eq!(d4.flag, Flag::Amber);
    assert!(d4.advice.as_deref().unwrap().contains("withdrawal"));
    let never = [five.as_slice(), &[("d4", "never")]].concat();
    assert_eq!(
        instrument_flags(&q, &never, "d4"),
        0,
        "no morning drink, no flag of its own"
    );
}

#[test]
fn the_drug_screen_asks_one_follow_up_for_any_use() {
    let q = default_questionnaire();
    assert!(!shown(&q, &[], "d6"));
    assert!(shown(&q, &[("d5", "once_twice")], "d6"));
    assert!(shown(&q, &[("d5", "three_plus")], "d6"));
    let no = score(&q, &answers(&q, &[("d5", "three_plus"), ("d6", "no")]));
    assert_eq!(
        no.safety,
        Safety::None,
        "any use is asked about, not judged"
    );
    let yes = score(&q, &answers(&q, &[("d5", "once_twice"), ("d6", "yes")]));
    assert_eq!(yes.recommendation, Recommendation::ProfessionalFirst);
    assert_eq!(help_topics(&yes.flags), [Topic::AlcoholDrugs]);
    let d6 = &q.questions[q.question_index("d6").unwrap()];
    // One thing at a time: mixing sedatives with alcohol is asked of everyone who drinks (d7),
    // so the drug follow-up no longer asks it too (five holdout testers, Q09 to R23, met the
    // same question twice). Its answer for mixing is retired: never offered, but a file saved
    // on 2026.12.12 to 2026.12.15 that chose it still loads and scores as it did.
    assert!(!d6.prompt.contains("alcohol"), "{}", d6.prompt);
    let offered: Vec<&str> = d6.offered().iter().map(|o| o.id.as_str()).collect();
    assert_eq!(offered, ["no", "yes", "no_say"]);
    // Each yes has its own answer and its own advice: weekly cannabis is not told about
    // opioids with alcohol (holdout testers, M09 and N11), and mixing them is told at once.
    let advice = |id: &str| {
        d6.options()
            .iter()
            .find(|o| o.id == id)
            .and_then(|o| o.advice.clone())
            .unwrap()
    };
    assert!(!advice("yes").contains("opioids"), "{}", advice("yes"));
    assert!(
        advice("with_alcohol").contains("slow your breathing dangerously"),
        "{}",
        advice("with_alcohol")
    );
    let mixing = score(
        &q,
        &answers(&q, &[("d5", "once_twice"), ("d6", "with_alcohol")]),
    );
    assert_eq!(mixing.recommendation, Recommendation::ProfessionalFirst);
    assert_eq!(help_topics(&mixing.flags), [Topic::AlcoholDrugs]);
}

#[test]
fn sedatives_on_drinking_days_are_asked_of_every_drinker_prescribed_or_not() {
    let q = default_questionnaire();
    // Asked of anyone who drinks, whatever the drug screen says: a prescription taken as
    // directed is not "use not as prescribed", so the drug screen's follow-up never reaches it
    // (P12, eleven years on prescribed alprazolam with two vodkas a night, was never asked).
    assert!(!shown(&q, &[], "d7"), "a person who never drinks");
    for often in ["monthly", "2_4_month", "2_3_week", "4_plus_week"] {
        assert!(shown(&q, &[("d1", often)], "d7"), "{often}");
    }
    let drinks = [("d1", "2_4_month"), ("d2", "1_2"), ("d3", "never")];
    let no = score(
        &q,
        &answers(&q, &[drinks.as_slice(), &[("d7", "no")]].concat()),
    );
    assert_eq!(no.safety, Safety::None);
    let yes = score(
        &q,
        &answers(&q, &[drinks.as_slice(), &[("d7", "yes")]].concat()),
    );
    assert_eq!(yes.recommendation, Recommendation::ProfessionalFirst);
    assert_eq!(help_topics(&yes.flags), [Topic::AlcoholDrugs]);
    let advice = told(&q, &yes);
    assert!(advice.contains("slow your breathing"), "{advice}");
    // Said to whoever takes them, prescribed or not (R03's diazepam was a friend's).
    assert!(
        advice.contains("if a doctor prescribed it, don't stop it suddenly"),
        "{advice}"
    );
    // Not knowing what one's medicines are is a tip to ask the pharmacist, not a caution.
    let unsure = score(
        &q,
        &answers(&q, &[drinks.as_slice(), &[("d7", "unsure")]].concat()),
    );
    assert_eq!(unsure.safety, Safety::None);
}

#[test]
fn new_memory_problems_at_65_or_over_are_a_caution_that_names_a_check_up() {
    let q = default_questionnaire();
    // Asked from 65, where new memory loss most often has a cause to look for first (L16, P23).
    for age in ["under_18", "18_to_25", "26_to_64", "unsure"] {
        assert!(!shown(&q, &[("h1", age)], "m1"), "{age}");
    }
    assert!(!shown(&q, &[], "m1"), "age not answered");
    assert!(shown(&q, &[("h1", "65_plus")], "m1"));
    let no = score(&q, &answers(&q, &[("h1", "65_plus"), ("m1", "no")]));
    assert_eq!(no.safety, Safety::None);
    let yes = score(&q, &answers(&q, &[("h1", "65_plus"), ("m1", "yes")]));
    assert_eq!(yes.recommendation, Recommendation::ProfessionalFirst);
    assert_eq!(help_topics(&yes.flags), [Topic::General]);
    let advice = told(&q, &yes);
    assert!(advice.contains("check-up with your doctor"), "{advice}");
    assert!(advice.contains("can be treated"), "{advice}");
}

/// A retired answer is never offered, on the full screen or in plain mode, but a saved file
/// that chose it loads and scores as it did.
#[test]
fn a_retired_answer_is_not_offered_but_a_file_that_chose_it_still_scores() {
    let q = default_questionnaire();
    let mut used = answers(&q, &[("d5", "three_plus")]);
    used.clear(q.question_index("s8a").unwrap());
    used.clear(q.question_index("s8b").unwrap());
    // The full screen, on the drug follow-up: three options, and 4 is not one of them.
    let mut app = App::with_answers(&q, used.clone(), None, false);
    app.handle(Intent::Enter);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("hard to stop or cut down"), "{shown}");
    assert!(shown.contains("3  Prefer not to say"), "{shown}");
    assert!(!shown.contains("with alcohol"), "{shown}");
    app.handle(Intent::Digit(4));
    assert!(screen(&mut app, 100, 30).contains("There is no choice 4 here."));
    // Plain mode: the same three, and 4 asks again.
    let mut plain = Plain::with_answers(&q, used, None, false);
    let opening = plain.opening();
    assert!(opening.contains("  3. Prefer not to say"), "{opening}");
    assert!(!opening.contains("  4. "), "{opening}");
    let (said, _) = plain.respond("4");
    assert!(said.contains("from 1 to 3"), "{said}");
    // A file saved when it was offered.
    let text = std::fs::read_to_string("examples/answers/widowed.toml")
        .unwrap()
        .replace(
            "d5 = \"never\"",
            "d5 = \"once_twice\"\nd6 = \"with_alcohol\"",
        );
    let loaded = groupfit::answers::load(text.as_bytes(), &q)
        .unwrap()
        .answers;
    let outcome = score(&q, &loaded);
    assert_eq!(outcome.recommendation, Recommendation::ProfessionalFirst);
    let said = told(&q, &outcome);
    assert!(said.contains("slow your breathing"), "{said}");
    // Going back to the question, in each front end and in clinician mode (where a flagged
    // answer cannot be changed): the saved answer is said apart, nothing numbered is
    // highlighted, and Enter (an empty line) keeps it; the person may choose another instead.
    let d6 = q.question_index("d6").unwrap();
    let mut back = loaded.clone();
    back.clear(q.question_index("s8a").unwrap());
    back.clear(q.question_index("s8b").unwrap());
    let kept = "Your saved answer, no longer offered: Yes: I take opioids";
    for clinician in [false, true] {
        let mut app = App::with_answers(&q, back.clone(), None, false);
        if clinician {
            app = app.with_clinician_record(ClinicianRecord::default());
        }
        app.handle(Intent::Enter);
        app.handle(Intent::Back);
        let shown = screen(&mut app, 100, 30);
        assert!(shown.contains("hard to stop or cut down"), "{shown}");
        assert!(shown.contains(kept), "{shown}");
        assert!(!shown.contains('›'), "nothing highlighted:\n{shown}");
        app.handle(Intent::Enter);
        let shown = screen(&mut app, 100, 30);
        assert!(
            shown.contains("crisis right now"),
            "on to the next question:\n{shown}"
        );
        assert_eq!(app.session().answers().get(d6), loaded.get(d6));

        let mut plain = Plain::with_answers(&q, back.clone(), None, false);
        if clinician {
            plain = plain.with_clinician(ClinicianRecord::default());
        }
        let _ = plain.opening();
        let (said, _) = plain.respond("b");
        assert!(said.contains(kept), "{said}");
        assert!(!said.contains("  4. "), "{said}");
        let (said, _) = plain.respond("");
        assert!(said.contains("crisis right now"), "{said}");
        assert_eq!(plain.session().answers().get(d6), loaded.get(d6));
    }
}

#[test]
fn scoff_is_a_caution_from_two_and_restriction_is_one_on_its_own() {
    let q = default_questionnaire();
    // One SCOFF item that is not a sign of restriction: below the cut-off, no caution.
    for item in ["sick", "control", "food"] {
        assert_eq!(instrument_flags(&q, &[("e1", item)], "scoff"), 0, "{item}");
        assert_eq!(
            score(&q, &answers(&q, &[("e1", item)])).safety,
            Safety::None,
            "{item}"
        );
    }
    assert_eq!(instrument_flags(&q, &[("e1", "control+food")], "scoff"), 1);
    let two = score(&q, &answers(&q, &[("e1", "control+food")]));
    assert_eq!(two.recommendation, Recommendation::ProfessionalFirst);
    assert_eq!(help_topics(&two.flags), [Topic::Eating]);
    // A large weight loss, or feeling fat when others say you are too thin, is a sign NICE NG69
    // lists for an eating-disorder assessment: a caution on its own, below SCOFF's cut-off
    // (found on the tuning sets: two people who played restriction down ticked one of them, and
    // were told to join a group). A large weight loss needs a check-up whatever its cause (an
    // illness, a medicine, grief), so its help is the doctor's, not the eating lines.
    for (item, topic) in [("weight_loss", Topic::General), ("fat", Topic::Eating)] {
        assert_eq!(instrument_flags(&q, &[("e1", item)], "scoff"), 0, "{item}");
        let one = score(&q, &answers(&q, &[("e1", item)]));
        assert_eq!(
            one.recommendation,
            Recommendation::ProfessionalFirst,
            "{item}"
        );
        assert_eq!(help_topics(&one.flags), [topic], "{item}");
    }
    // Going without food to make up for eating is a caution without any SCOFF item.
    let restriction = score(&q, &answers(&q, &[("e1", "compensate")]));
    assert_eq!(restriction.safety, Safety::Amber);
    assert_eq!(instrument_flags(&q, &[("e1", "compensate")], "scoff"), 0);
}

#[test]
fn recent_hospital_care_and_mania_are_cautions_that_name_the_care_team() {
    let q = default_questionnaire();
    for changes in [[("s9", "hospital")], [("s10", "yes")]] {
        let outcome = score(&q, &answers(&q, &changes));
        assert_eq!(outcome.recommendation, Recommendation::ProfessionalFirst);
        assert_eq!(help_topics(&outcome.flags), [Topic::General]);
        let said = report::talk_about(&q, &outcome, Reader::person(None));
        assert!(
            said.iter()
                .any(|t| t.text.contains("care team") || t.text.contains("doctor")),
            "{said:?}"
        );
    }
    let care = score(&q, &answers(&q, &[("s9", "therapist+team")]));
    assert_eq!(care.safety, Safety::None, "being in care is not a caution");
}

#[test]
fn self_harm_without_wanting_to_die_is_a_caution_with_self_harm_help() {
    let q = default_questionnaire();
    let outcome = score(&q, &answers(&q, &[("s4b", "yes")]));
    assert_eq!(outcome.safety, Safety::Amber, "not the crisis panel");
    assert_eq!(outcome.recommendation, Recommendation::ProfessionalFirst);
    let said = report::talk_about(&q, &outcome, Reader::person(None));
    let advice = &said[0].text;
    assert!(advice.contains("see your doctor this week"), "{advice}");
    assert!(advice.contains("if an injury needs care"), "{advice}");
    assert!(
        !advice.contains("end your life"),
        "never the suicide wording"
    );
    // Suicidal behaviour stays red, and today's says emergency first.
    let today = score(&q, &answers(&q, &[("s4", "today")]));
    assert_eq!(today.recommendation, Recommendation::Crisis);
    let red = today.flags.iter().find(|f| f.flag == Flag::Red).unwrap();
    assert!(
        red.advice
            .as_deref()
            .unwrap()
            .starts_with("What you did in the past day needs a doctor now")
    );
    let months = score(&q, &answers(&q, &[("s4", "yes")]));
    let red = months.flags.iter().find(|f| f.flag == Flag::Red).unwrap();
    assert!(
        red.advice
            .as_deref()
            .unwrap()
            .contains("tell that team that you are thinking about a group")
    );
}

/// Things to talk about list the cautions first and the notes to prepare after them, whatever
/// order the questions came in (found by a holdout tester: "usually stays quiet in groups" sat
/// between two cautions, read as one of them).
#[test]
fn notes_to_prepare_come_after_every_caution() {
    let q = default_questionnaire();
    let changes = [
        ("s6", "yes"),
        ("d1", "4_plus_week"),
        ("d2", "5_6"),
        ("d3", "weekly"),
        ("d4", "never"),
        ("i1", "quiet"),
        ("s10", "no_say"),
    ];
    let outcome = score(&q, &answers(&q, &changes));
    let said = report::talk_about(&q, &outcome, Reader::person(None));
    let levels: Vec<Option<Flag>> = said.iter().map(|item| item.flag).collect();
    assert!(levels.contains(&Some(Flag::Prep)), "{levels:?}");
    let first_note = levels.iter().position(|l| *l == Some(Flag::Prep)).unwrap();
    assert!(
        levels[first_note..].iter().all(|l| *l == Some(Flag::Prep)),
        "after the first note, only notes (a decline, which reads as a caution, comes before \
         them): {levels:?}"
    );
    assert!(levels.contains(&None), "the decline is listed: {levels:?}");
}

/// A person whose result holds both cautions and notes to prepare reads the notes under a
/// heading of their own, so that "you usually stay quiet in groups" is not read as one more
/// thing to see a professional about (found by holdout testers, twice); a clinician reads the
/// levels instead, in one list.
#[test]
fn a_person_reads_the_notes_to_prepare_under_their_own_heading() {
    let q = default_questionnaire();
    let changes = [("s6", "yes"), ("i1", "quiet")];
    let answers = answers(&q, &changes);
    let outcome = score(&q, &answers);
    let person = report::text(&q, &answers, &outcome, Reader::person(None));
    let talk = person.find("Things to talk about").unwrap();
    let caution = person.find("experiences that others do not share").unwrap();
    let prepare = person.find("To prepare for a group:").expect(&person);
    let quiet = person
        .find("You usually stay quiet in groups")
        .expect(&person);
    assert!(
        talk < caution && caution < prepare && prepare < quiet,
        "{person}"
    );
    let clinician = report::text(&q, &answers, &outcome, Reader::clinician(None));
    assert!(
        !clinician.contains("To prepare for a group:"),
        "{clinician}"
    );
}

/// Intent or a plan stops the questionnaire before the question about anything already done
/// (s4), so their panel says what to do if something has been taken or done already (found on
/// the tuning sets: an overdose the night before, after "yes" to intent, got no word of
/// emergency medical care).
#[test]
fn intent_or_a_plan_says_what_to_do_if_something_is_already_done() {
    let q = default_questionnaire();
    for id in ["s2", "s3"] {
        let changes = [("s1", "several_days"), (id, "yes")];
        let outcome = score(&q, &answers(&q, &changes));
        assert_eq!(outcome.recommendation, Recommendation::Crisis, "{id}");
        let red = outcome.flags.iter().find(|f| f.flag == Flag::Red).unwrap();
        let advice = red.advice.as_deref().unwrap();
        assert!(
            advice.contains("or have already taken something or hurt yourself")
                && advice.contains("call your emergency number, even if you feel well"),
            "{id}: {advice}"
        );
    }
}

#[test]
fn voices_that_tell_a_person_to_act_stop_the_questionnaire() {
    let q = default_questionnaire();
    assert!(!shown(&q, &[], "s6b"));
    assert!(shown(&q, &[("s6", "yes")], "s6b"));
    let outcome = score(&q, &answers(&q, &[("s6", "yes"), ("s6b", "yes")]));
    assert_eq!(outcome.recommendation, Recommendation::Crisis);
    let s6 = &q.questions[q.question_index("s6").unwrap()];
    assert!(s6.prompt.contains("sending you messages"), "{}", s6.prompt);
    // s6 asks about beliefs as well as voices: the follow-up does not speak of voices to
    // someone who has none (a holdout tester, Q18, who believed burglars came back).
    let s6b = &q.questions[q.question_index("s6b").unwrap()];
    assert!(!s6b.prompt.contains("these voices"), "{}", s6b.prompt);
    assert!(s6b.prompt.contains("these experiences"), "{}", s6b.prompt);
}

#[test]
fn the_danger_items_are_asked_after_unsafe_at_home_or_declining_it() {
    let q = default_questionnaire();
    assert!(!shown(&q, &[], "s8c"));
    assert!(shown(&q, &[("s8b", "yes")], "s8c"));
    assert!(shown(&q, &[("s8b", "no_say")], "s8c"));
    let none = score(&q, &answers(&q, &[("s8b", "yes"), ("s8c", "none")]));
    assert_eq!(none.safety, Safety::Amber);
    assert_eq!(help_topics(&none.flags), [Topic::DomesticAbuse]);
    for item in ["strangled", "threat_to_kill", "fear_killed"] {
        let outcome = score(&q, &answers(&q, &[("s8b", "yes"), ("s8c", item)]));
        assert_eq!(outcome.recommendation, Recommendation::Crisis, "{item}");
        assert!(groupfit::safety::danger_at_home(&outcome.flags));
    }
}

/// The help listed under a caution about `topic`, as text, in order.
fn help_for(q: &Questionnaire, region: &str, topic: Topic) -> Vec<String> {
    CrisisHelp::for_topics(q, Some(region), &[topic]).item_lines(&q.ui)
}

#[test]
fn each_caution_lists_its_own_topics_help_first() {
    let q = default_questionnaire();
    let abuse = help_for(&q, "GB", Topic::DomesticAbuse);
    assert!(
        abuse[0].starts_with("National Domestic Abuse Helpline (Refuge) (GB)"),
        "{abuse:?}"
    );
    assert!(
        abuse[1].starts_with("Samaritans (GB)"),
        "the crisis line after: {abuse:?}"
    );
    let alcohol = help_for(&q, "US", Topic::AlcoholDrugs);
    assert!(
        alcohol[0].starts_with("SAMHSA National Helpline (US)"),
        "{alcohol:?}"
    );
    // A topic with no line for the region names the kind of service and the doctor, never a
    // suicide line in its place, and never another country's line for that topic.
    let eating = help_for(&q, "GB", Topic::Eating);
    assert!(eating[0].contains("eating disorder service"), "{eating:?}");
    let abuse_us = help_for(&q, "US", Topic::DomesticAbuse);
    assert!(
        abuse_us[0].contains("domestic abuse helpline"),
        "{abuse_us:?}"
    );
    assert!(
        !abuse_us.iter().any(|l| l.contains("Refuge")),
        "{abuse_us:?}"
    );
    // Suicide and crisis stay as they were: the region's line first.
    let crisis = CrisisHelp::for_topics(&q, Some("AU"), &[Topic::Crisis]);
    assert!(matches!(crisis.items()[0], HelpItem::Line(l) if l.region == "AU"));
}

#[test]
fn a_caution_about_drinking_shows_alcohol_help_first_on_screen_and_in_plain_mode() {
    let q = default_questionnaire();
    let mut heavy = answers(
        &q,
        &[
            ("d1", "4_plus_week"),
            ("d2", "5_6"),
            ("d3", "weekly"),
            ("d4", "never"),
            ("d7", "no"),
        ],
    );
    // The last safety question is answered live, so the caution is said as the screen ends.
    heavy.clear(q.question_index("s8b").unwrap());
    let mut app = App::with_answers(&q, heavy.clone(), Some("US".into()), false);
    app.handle(Intent::Enter);
    app.handle(Intent::Digit(1));
    app.handle(Intent::Enter);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Before you go on"), "{shown}");
    assert!(shown.contains("SAMHSA National Helpline"), "{shown}");
    assert!(
        shown.find("SAMHSA").unwrap() < shown.find("988").unwrap(),
        "the alcohol line first; the suicide line only in the footer:\n{shown}"
    );
    let mut plain = Plain::with_answers(&q, heavy, Some("US".into()), false);
    let _ = plain.opening();
    let said = plain.respond("1").0;
    assert!(said.contains("Before you go on"), "{said}");
    assert!(said.contains("SAMHSA National Helpline (US)"), "{said}");
}

#[test]
fn danger_at_home_has_its_own_panel_and_nothing_offers_to_save() {
    let q = default_questionnaire();
    let danger = answers(&q, &[("s8b", "yes"), ("s8c", "strangled")]);
    let mut app = App::with_answers(&q, danger.clone(), Some("GB".into()), false);
    assert_eq!(app.session().stage(), Stage::Stopped);
    let shown = screen(&mut app, 100, 40);
    assert!(shown.contains("You deserve to be safe."), "{shown}");
    let refuge = shown
        .find("National Domestic Abuse Helpline (Refuge)")
        .unwrap();
    let samaritans = shown.find("Samaritans").unwrap_or(usize::MAX);
    assert!(refuge < samaritans, "domestic-abuse help first:\n{shown}");
    assert!(
        shown.contains("may check this computer or phone"),
        "{shown}"
    );
    assert!(
        !shown.contains("save a report"),
        "nothing offers to save:\n{shown}"
    );
    assert!(app.layers().contains(&Layer::CrisisPrivate));
    assert!(!app.layers().contains(&Layer::Crisis));

    let mut plain = Plain::with_answers(&q, danger, Some("GB".into()), false);
    let said = plain.opening();
    assert!(said.contains("You deserve to be safe."), "{said}");
    assert!(said.contains("may check this computer or phone"), "{said}");
    assert!(
        !said.contains("Type report") && !said.contains("save a report"),
        "{said}"
    );

    // Suicide and crisis keep the usual panel; it offers a report to a clinician, who files
    // it, and not to the person, whom it tells that nothing was saved.
    let red = answers(&q, &[("s4", "yes")]);
    let mut app = App::with_answers(&q, red.clone(), Some("GB".into()), false);
    let shown = screen(&mut app, 100, 40);
    assert!(shown.contains("You are not alone."));
    assert!(!shown.contains("save a report"), "{shown}");
    let mut app = App::with_answers(&q, red, Some("GB".into()), false).clinician_mode();
    assert!(screen(&mut app, 100, 40).contains("save a report"));
    assert!(app.layers().contains(&Layer::Crisis));
}

#[test]
fn a_named_group_decides_the_result_but_never_a_caution() {
    let q = default_questionnaire();
    let path = "tests/vignettes/14-retired-and-lonely.toml";
    let (mut lonely, before) = common::scored(&q, path);
    assert_eq!(before.recommendation, Recommendation::SupportGroup);
    lonely.set(q.question_index("a1").unwrap(), choose(&q, "a1", "sent"));
    lonely.set(q.question_index("a7").unwrap(), choose(&q, "a7", "court"));
    let outcome = score(&q, &lonely);
    assert_eq!(outcome.recommendation, Recommendation::GroupTherapy);
    assert!(outcome.referral);
    assert!(
        outcome.would_change.is_empty(),
        "no other answer changes it"
    );
    let headline = report::headline(&q, &outcome);
    assert!(
        headline.contains("you were referred to, or asked to join, is: Group therapy"),
        "{headline}"
    );
    // Someone close suggesting a group names no kind of group.
    lonely.set(
        q.question_index("a7").unwrap(),
        choose(&q, "a7", "someone_close"),
    );
    assert_eq!(
        score(&q, &lonely).recommendation,
        Recommendation::SupportGroup
    );
    // A caution still comes first.
    lonely.set(
        q.question_index("a7").unwrap(),
        choose(&q, "a7", "employer"),
    );
    lonely.set(q.question_index("s10").unwrap(), choose(&q, "s10", "yes"));
    let caution = score(&q, &lonely);
    assert_eq!(caution.recommendation, Recommendation::ProfessionalFirst);
    assert!(!caution.referral);
}

#[test]
fn words_fit_every_life() {
    let q = default_questionnaire();
    let question = |id: &str| &q.questions[q.question_index(id).unwrap()];
    assert!(question("h2").prompt.contains("under 18 in your care"));
    assert!(
        question("h2")
            .options()
            .iter()
            .any(|o| o.label.contains("has died"))
    );
    // The unwanted-thoughts question is for parents of babies and young children only.
    assert!(shown(&q, &[("h2", "baby")], "h4"));
    assert!(shown(&q, &[("h2", "young")], "h4"));
    for other in ["older", "no", "lost"] {
        assert!(!shown(&q, &[("h2", other)], "h4"), "{other}");
    }
    // The perinatal question only for a pregnancy or a baby under one.
    assert!(shown(&q, &[("h2", "baby")], "h3"));
    assert!(!shown(&q, &[("h2", "young")], "h3"));
    let care = question("s9");
    for who in [
        "counsellor",
        "psychologist",
        "psychiatrist",
        "care coordinator",
        "keyworker",
    ] {
        assert!(
            care.options().iter().any(|o| o.label.contains(who))
                || care.help.as_deref().unwrap().contains(who),
            "{who}"
        );
    }
    let reasons: Vec<&str> = question("a1")
        .options()
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    for reason in [
        "trauma",
        "anger",
        "unusual",
        "job",
        "change",
        "infertility",
        "pregnancy_loss",
        "other",
        "sent",
        "diagnosis",
        "recovery",
        "caring",
        "illness",
    ] {
        assert!(reasons.contains(&reason), "{reason}");
    }
    // A man who goes to AA twice a week was told AA was worth a look (holdout tester, N22).
    let a1 = question("a1");
    let recovery = &a1.options()[a1.option_index("recovery").unwrap()];
    let step = recovery.next_step.as_deref().unwrap();
    assert!(step.contains("if you are not in one already"), "{step}");
}

/// Each reason is said back as what the person ticked: a big change that is not a job
/// (leaving prison, a child coming out) is not quoted as "Losing a job", infertility is not
/// saved as a lost pregnancy, and a reason with no box of its own has "Something else", which
/// weighs nothing, instead of the nearest box that does (holdout testers, in every set).
#[test]
fn each_reason_is_said_back_as_what_was_ticked() {
    let q = default_questionnaire();
    let a1 = q.question_index("a1").unwrap();
    let weight = |id: &str| {
        let question = &q.questions[a1];
        question.options()[question.option_index(id).unwrap()].weight
    };
    assert_eq!(
        weight("change"),
        weight("job"),
        "a big change is a shared event too"
    );
    assert_eq!(weight("infertility"), weight("pregnancy_loss"));
    assert_eq!(weight("other"), None, "something else weighs nothing");
    for (ticked, said, not_said) in [
        ("change", "Another big change", "Losing a job"),
        ("job", "Losing a job", "Another big change"),
        ("infertility", "Infertility", "Losing a pregnancy"),
    ] {
        let widowed = std::fs::read_to_string("examples/answers/widowed.toml").unwrap();
        let text = widowed.replace("a1 = [\"loss\"]", &format!("a1 = [\"{ticked}\"]"));
        let given = groupfit::answers::load(text.as_bytes(), &q)
            .unwrap()
            .answers;
        let record = common::record_text(&q, &given, None);
        let record = record.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(record.contains(said), "{ticked}: {record}");
        assert!(!record.contains(not_said), "{ticked}: {record}");
    }
}

/// Two holdout testers ticked "Anger I want to get on top of" and read nothing about anger in
/// the result (Q17, Q21): the next steps name the kind of group that works on it.
#[test]
fn anger_ticked_is_answered_in_the_next_steps() {
    let q = default_questionnaire();
    let widowed = std::fs::read_to_string("examples/answers/widowed.toml").unwrap();
    let text = widowed.replace("a1 = [\"loss\"]", "a1 = [\"loss\", \"anger\"]");
    let given = groupfit::answers::load(text.as_bytes(), &q)
        .unwrap()
        .answers;
    let record = common::record_text(&q, &given, None);
    let record = record.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(record.contains("anger-management group"), "{record}");
}

/// Runs the real binary in plain mode on the given lines; returns the transcript.
fn plain_run(input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(["run", "--plain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_person_with_nothing_to_report_answers_at_most_36_questions_through_the_binary() {
    // No, none or never on the safety screen; then an empty line (skip, or "not sure") for
    // every question after it, as a calm person in a hurry would.
    let mut lines = vec!["1"; 11];
    lines.extend(std::iter::repeat_n("", 40));
    let transcript = plain_run(&(lines.join("\n") + "\n"));
    let numbers: Vec<usize> = transcript
        .lines()
        .filter_map(|l| l.strip_prefix("Question "))
        .filter_map(|l| l.split(' ').next()?.parse().ok())
        .collect();
    let last = numbers.iter().max().copied().unwrap_or(0);
    assert!(
        (30..=36).contains(&last),
        "asked up to question {last}:\n{transcript}"
    );
    assert!(transcript.contains("RESULT:"), "{transcript}");
}

#[test]
fn played_stories_answer_no_more_questions_than_the_budget() {
    // Every played story of the validation sets: the questions shown to that person.
    let mut counts = Vec::new();
    let q = default_questionnaire();
    for set in ["tuning", "holdout"] {
        let folder = format!("tests/validation/{set}/answers");
        let Ok(entries) = std::fs::read_dir(&folder) else {
            panic!("{folder} is missing");
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let loaded = groupfit::answers::load_for_resume(text.as_bytes(), &q).unwrap();
            let outcome = score(&q, &loaded.answers);
            if outcome.recommendation == Recommendation::Crisis {
                continue; // stopped early: far fewer
            }
            counts.push(visible(&q, &loaded.answers).iter().filter(|&&s| s).count());
        }
    }
    assert!(counts.len() >= 30, "{counts:?}");
    counts.sort_unstable();
    let median = counts[counts.len() / 2];
    assert!(median <= 44, "median {median}: {counts:?}");
    assert!(*counts.last().unwrap() <= 44, "{counts:?}");
}

#[test]
fn a_plain_crisis_stop_for_danger_at_home_ends_without_a_report() {
    let q = default_questionnaire();
    let mut plain = Plain::new(&q, Some("GB".into()), false);
    let _ = plain.opening();
    let mut end = None;
    let mut said = String::new();
    // Not at all, then no / none / never, then yes at home and strangled.
    for line in ["1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "2", "1"] {
        let (reply, e) = plain.respond(line);
        said = reply;
        end = e;
        if end.is_some() {
            break;
        }
    }
    assert_eq!(end, Some(End::Stopped), "{said}");
    assert!(said.contains("National Domestic Abuse Helpline"), "{said}");
}

/// The reviewers' labels of one set, by story: the label column of each reviewer's table.
fn reviewer_labels(set: &str, reviewer: char) -> Vec<(String, String)> {
    let path = format!("tests/validation/{set}/reviewer-{reviewer}.md");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let id = cells.get(1)?;
            let numbered = id.len() == 3 && id[1..].chars().all(|c| c.is_ascii_digit());
            numbered.then(|| (id.to_string(), cells[2].to_string()))
        })
        .collect()
}

/// The app's result for a played story, as a reviewer's label.
fn app_label(q: &Questionnaire, set: &str, id: &str) -> &'static str {
    let path = format!("tests/validation/{set}/answers/{id}.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let loaded = groupfit::answers::load_for_resume(text.as_bytes(), q).unwrap();
    let outcome = score(q, &loaded.answers);
    match outcome.recommendation {
        Recommendation::Either if outcome.lighter_step => "SG",
        Recommendation::SupportGroup => "SG",
        Recommendation::GroupTherapy => "GT",
        Recommendation::Either => "EITHER",
        Recommendation::ProfessionalFirst => "PRO",
        Recommendation::Crisis => "CRISIS",
    }
}

/// docs/VALIDATION.md reports these figures; a change to the content that moves one fails here,
/// so the page is updated with it (and, for the holdout, a fresh one is written). A dangerous
/// miss (the reviewers send the person to a professional or to crisis help, and groupfit to a
/// group with no caution) is listed by story, so a new one fails, and so does mending one
/// without saying so.
#[test]
fn the_validation_sets_agree_with_the_reviewers_as_docs_validation_says() {
    let q = default_questionnaire();
    let sets: [(&str, usize, usize, &[&str]); 13] = [
        ("tuning", 26, 22, &[]),
        ("holdout", 26, 22, &[]),
        // Scored once at 19 and 16 (docs/VALIDATION.md); F25 and G13 are cautions since 2026.12.8;
        // F13's zopiclone with wine each evening is one since 2026.12.14, where they chose GT.
        ("holdout2", 26, 19, &[]),
        ("holdout3", 24, 17, &["G22"]),
        ("holdout4", 24, 18, &["K09", "K17"]),
        ("holdout5", 24, 15, &["L10", "L13"]),
        ("holdout6", 24, 18, &["M04", "M13", "M22"]),
        ("holdout7", 24, 15, &[]),
        // Scored once at 17, with P12 and P23 as dangerous misses; both are cautions since 2026.12.14.
        ("holdout8", 24, 19, &[]),
        // The eighth fresh holdout, scored once on 2026.12.14 (and read since).
        ("holdout9", 24, 18, &[]),
        // The ninth, scored once on 2026.12.15 (and read since).
        ("holdout10", 24, 16, &["R04", "R11", "R14"]),
        // The tenth, scored once on 2026.12.16 (and read since).
        ("holdout11", 24, 14, &["S18", "S24"]),
        // The eleventh, scored once on 2026.12.17.
        ("holdout12", 24, 16, &["U09", "U17"]),
    ];
    for (set, stories, agreeing, known_misses) in sets {
        let [a, b, c] = ['A', 'B', 'C'].map(|r| reviewer_labels(set, r));
        assert_eq!(a.len(), stories, "{set}: every story labelled");
        let mut agree = 0;
        let mut dangerous = Vec::new();
        for (i, (id, label)) in a.iter().enumerate() {
            let votes = [label.as_str(), b[i].1.as_str(), c[i].1.as_str()];
            let majority = votes
                .iter()
                .copied()
                .find(|v| votes.iter().filter(|w| *w == v).count() >= 2)
                .unwrap_or(votes[0]);
            let app = app_label(&q, set, id);
            if matches!(majority, "PRO" | "CRISIS") && matches!(app, "SG" | "GT" | "EITHER") {
                dangerous.push(id.as_str());
            }
            agree += usize::from(app == majority);
        }
        assert_eq!(
            dangerous, known_misses,
            "{set}: the dangerous misses changed; update docs/VALIDATION.md"
        );
        assert_eq!(
            agree, agreeing,
            "{set}: agreement changed; update docs/VALIDATION.md"
        );
    }
}

/// Seen when playing a holdout story: a caution about thoughts of death and about home named
/// only the suicide line. Each topic the cautions call for gets its line, most urgent first.
#[test]
fn a_caution_with_two_topics_names_the_help_for_each() {
    let q = default_questionnaire();
    let mut both = answers(&q, &[("s1", "several_days"), ("s2", "no"), ("s3", "no")]);
    both.clear(q.question_index("s8b").unwrap());
    let mut app = App::with_answers(&q, both.clone(), Some("GB".into()), false);
    app.handle(Intent::Enter);
    app.handle(Intent::Digit(3)); // s8b: prefer not to say
    app.handle(Intent::Enter);
    app.handle(Intent::Digit(5)); // s8c: prefer not to say
    app.handle(Intent::Enter);
    let shown = screen(&mut app, 100, 40);
    assert!(shown.contains("Before you go on"), "{shown}");
    let samaritans = shown.find("116 123").expect(&shown);
    let refuge = shown.find("(Refuge)").expect(&shown);
    assert!(
        samaritans < refuge,
        "thoughts of death first, then home:\n{shown}"
    );
    let mut plain = Plain::with_answers(&q, both, Some("GB".into()), false);
    let _ = plain.opening();
    let _ = plain.respond("3");
    let said = plain.respond("5").0;
    assert!(
        said.contains("116 123") && said.contains("0808 2000 247"),
        "{said}"
    );
}
