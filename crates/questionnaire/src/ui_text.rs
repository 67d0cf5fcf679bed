//! Every fixed string of the interface, in one place: keys, hints, headings, buttons, messages,
//! plain-mode prompts and report headings. A questionnaire's optional `[ui]` table overrides any
//! of them (a clinic writing in Spanish gets Spanish buttons); `groupfit template --ui` prints
//! them all. Text in braces, like `{n}`, is filled in at run time.

use std::fmt::Write as _;

macro_rules! ui_text {
    ($($key:ident = $default:literal,)*) => {
        /// The interface's words. Each field is one string, with `{placeholders}`.
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub struct UiText {
            $(pub $key: String,)*
        }

        impl Default for UiText {
            fn default() -> Self {
                Self { $($key: $default.to_string(),)* }
            }
        }

        impl UiText {
            /// Every key, in the order `template --ui` prints them.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key),)*];

            /// The default text of a key.
            #[must_use]
            pub fn default_of(key: &str) -> Option<&'static str> {
                match key {
                    $(stringify!($key) => Some($default),)*
                    _ => None,
                }
            }

            /// The slot for a key, to override it.
            pub fn slot(&mut self, key: &str) -> Option<&mut String> {
                match key {
                    $(stringify!($key) => Some(&mut self.$key),)*
                    _ => None,
                }
            }
        }
    };
}

ui_text! {
    // Screens and progress
    stage_welcome = "Welcome",
    stage_result = "Your result",
    stage_crisis = "Help is available",
    progress_question = "Question {position} of about {total} · {section}",
    progress_review = "{answered} of {total} answered",
    section_safety = "Safety first",
    section_info = "Anything else",
    too_small = "Please make the window larger: groupfit needs at least {min} (now {size}). q leaves.",
    // Key hints: the hint line is built from the key table, "keys does" for each key that
    // matters on the screen; these are the words for the keys and for what they do.
    key_name_enter = "Enter",
    key_name_esc = "Esc",
    key_name_space = "Space",
    key_name_shift_tab = "Shift+Tab",
    key_name_new_line = "Alt+Enter",
    key_name_scroll = "↑↓ PgUp PgDn",
    key_name_close = "Esc or ?",
    key_name_highlight = "↑↓ or 1-{n}",
    hint_move = "move",
    hint_choose = "choose",
    hint_pick = "pick",
    hint_highlight = "highlight",
    hint_confirm = "confirm",
    hint_tick = "tick",
    hint_next = "next",
    hint_change = "change",
    hint_type_number = "type a number",
    hint_skip_question = "skip",
    hint_back = "back",
    hint_review = "review",
    hint_help = "help",
    hint_quit = "quit",
    hint_leave = "leave",
    hint_stay = "stay",
    hint_done = "done",
    hint_done_or_skip = "done (empty skips)",
    hint_new_line = "new line",
    hint_begin = "begin",
    hint_open = "open",
    hint_scroll = "scroll",
    hint_save_report = "save a report",
    hint_save_answers = "save answers",
    hint_more_keys = "more keys",
    hint_note = "note",
    hint_reference = "reference",
    hint_override = "override",
    welcome_clinician_keys = "Clinician mode: Ctrl+P sets a client reference (initials, no names); Ctrl+N adds a note to a question, or to the session from the review or the result; Ctrl+W shows weights; Ctrl+O overrides the result, with a reason; Ctrl+S saves the session to carry on; e saves a report from the result. ? lists every key.",
    hint_close = "close",
    hint_cancel = "cancel",
    hint_see_result = "see my result now",
    hint_keep_answering = "keep answering",
    hint_keep_going = "keep going",
    pick_closed = "Closed without choosing anything: choose by number next time.",
    help_more = "more below ↓",
    more_above = "more above ↑",
    // Every screen
    footer_crisis = "In crisis? {contact} ({service})",
    footer_short = "In crisis? {contact}",
    footer_emergency = "Emergency: {number}",
    footer_directory = "Helplines: findahelpline.com",
    quick_exit = "Ctrl+X quick exit",
    // Records and clinician mode
    format_text = "Plain text, for printing",
    format_markdown = "Markdown",
    format_html = "HTML page, for printing or a record",
    format_json = "JSON record, with every answer",
    format_fhir = "FHIR R4 questionnaire response",
    format_csv = "CSV row, for a spreadsheet or an audit",
    report_saved = "Saved {path}, readable by you only: it holds health information, keep it safe.",
    saved_through_link = "{path} (a folder on the way is a symbolic link: the file is at {real})",
    saved_in_folder = "{path} (in {folder})",
    export_title = "Save a report",
    export_pick = "Choose a format (1-{n}), Esc to cancel:",
    export_path = "File name (Enter saves, Esc cancels):",
    override_title = "Override the recommendation",
    override_pick = "Choose the recommendation (1-{n}), Esc to cancel:",
    override_reason = "Reason for the override (required):",
    override_needs_reason = "An override needs a reason.",
    override_saved = "Override recorded: {result}, beside the computed result; it goes into every record and saved file.",
    override_shown = "Clinician override: {result} (computed: {computed}). Reason: {reason}",
    note_title = "Note on this question",
    session_note_title = "Note on the session",
    reference_title = "Client reference or initials (no names)",
    note_saved = "Note added to this question; it goes into every record and saved file.",
    note_removed = "Note removed from this question.",
    session_note_saved = "Session note added; it goes into every record and saved file.",
    session_note_removed = "Session note removed.",
    reference_saved = "Client reference set: {reference}. It heads every record.",
    reference_removed = "Client reference removed.",
    clinician_mark = "Clinician mode",
    clinician_mark_reference = "Clinician mode · {reference}",
    note_marker = "✎ note: {note}",
    weight_marker = "weight {weight}",
    flag_locked = "This answer raised a flag and stays on record in clinician mode.",
    clinician_protocol = "High-risk answer: follow your local protocol.",
    heading_every_answer = "Every answer (weight, contribution)",
    key_export = "save a report (from the result)",
    key_note = "clinician: a note on this question or the session",
    key_reference = "clinician: client reference or initials",
    key_weights = "clinician: show weights and contributions",
    key_override = "clinician: override the recommendation, with a reason",
    nothing_to_save = "Nothing to save yet: answer a question first.",
    save_check = "If someone at home may check this device: a saved file shows your answers. Press Ctrl+S again to save anyway.",
    plain_save_check = "If someone at home may check this device: a saved file shows your answers. To save anyway, type save again; press Enter to leave it unsaved.",
    plain_save_not_kept = "Nothing was saved.",
    report_check = "If someone at home may check this device: a saved report shows your answers.",
    save_give_answer_first = "Nothing saved yet: press Enter to give the answer on the screen first, then Ctrl+S to save.",
    saved = "Saved to {path} (readable by you only; it holds health information). Carry on with: {resume}",
    saved_complete = "Saved to {path} (readable by you only; it holds health information). Open it again with: {resume}",
    save_failed = "Could not save: {reason}",
    resumed = "Carrying on from {path}.",
    resumed_dropped = "Carrying on from {path}. {n} saved answers no longer fit this questionnaire and were dropped: {ids}.",
    resumed_clinician = "It holds a clinician's notes, so clinician mode is on.",
    key_save = "save your answers so far, to carry on later",
    key_quick_exit = "leave at once and clear the screen (nothing is saved)",
    footer_no_line = "In crisis? Call your local emergency number",
    footer_no_line_short = "Call your local emergency number",
    confirm_title = "Leave groupfit?",
    confirm_text = "Anything you have not saved (Ctrl+S) will be gone.",
    confirm_text_reported = "Your report is saved; your answers are not. Ctrl+S keeps them to carry on later.",
    confirm_text_nothing_kept = "Nothing has been saved, so leaving now leaves nothing of this on the device.",
    // Welcome
    welcome_privacy = "Nothing you answer is sent anywhere or stored, unless you save it (Ctrl+S): it stays in this window and is gone when you leave.",
    welcome_privacy_resumed = "Nothing you answer is sent anywhere. The file you carried on from stays as it was; changes stay in this window unless you save them (Ctrl+S), as a new file.",
    welcome_begin = "Press Enter to begin.",
    welcome_keys = "Keys: ↑↓ move, Enter choose, ← back, r review your answers, ? help, q quit.",
    // Questions
    required = "(required)",
    choose_exactly = "Choose {n}.",
    choose_range = "Choose {min} to {max}.",
    choose_at_least = "Choose at least {n}.",
    choose_up_to = "Choose up to {n}.",
    choose_any = "Choose any that apply.",
    scale_answer = "Your answer: {value}",
    scale_none = "No answer yet: use ←→ or type a number.",
    text_count = "{count} of {max} characters",
    // Messages
    no_such_choice = "There is no choice {n} here.",
    cleared_one = "1 follow-up question no longer applies, so its answer was cleared.",
    cleared_many = "{n} follow-up questions no longer apply, so their answers were cleared.",
    needs_answer = "This question needs an answer before you go on.",
    unanswered_required = "A required question is still unanswered.",
    first_question = "This is the first question.",
    too_few_choices = "Choose at least {n}.",
    too_many_choices = "You can choose at most {n}: untick one first.",
    skip_combined = "\"{option}\" can't go with other answers: untick them first.",
    skip_ticked = "\"{option}\" is ticked: untick it first to choose other answers.",
    invalid_answer = "That answer does not fit this question.",
    // Settled early
    settled_offer = "Your answers already point to: {result}. The {n} questions left can't change that.",
    settled_offer_none = "Your answers already point to: {result}. Nothing left to answer can change that.",
    settled_offer_one = "Your answers already point to: {result}. The 1 question left can't change that.",
    settled_offer_tailor = "Answering on could still tailor the next steps to you.",
    settled_title = "Your result is settled",
    caution_title = "Before you go on",
    caution_text = "Thank you for answering. Some of your answers suggest that talking to a professional, such as your doctor, would be the best first step. You can keep going to see which kind of group might suit you later, or see your result now.",
    plain_caution_keys = "Press Enter to keep going, or type r to see your result now. Ctrl+X then Enter leaves at once.",
    settled_note = "{n} questions were left unanswered; they could not have changed this result.",
    settled_note_one = "1 question was left unanswered; it could not have changed this result.",
    settled_note_tailor = ", though answering them could have tailored the next steps.",
    settled_note_tailor_one = ", though answering it could have tailored the next steps.",
    plain_settled_keys = "Type s to see your result now, or press Enter to keep answering.",
    plain_settled_again = "Please type s to see your result now, or press Enter to keep answering.",
    plain_offer_not_an_answer = "Nothing was answered: the next question has not been shown yet.",
    // Review
    show_result = "▶ Show my result",
    review_heading = "Your answers (Enter on one to change it):",
    not_answered = "(not answered)",
    not_asked_settled = "(not asked: the result was already settled)",
    // Help
    help_title = "Help",
    help_about = "About this question",
    help_why = "Why we ask",
    help_keys = "Keys",
    key_move = "move between options, or scroll",
    key_enter = "choose and go on; in a text field, done",
    key_space = "tick or untick an option (several allowed)",
    key_digits = "pick an option directly (on a scale, type its number: 1 then 0 is 10); where an answer can call for help first (the safety questions and a few about your health), a digit only highlights and Enter confirms",
    key_skip = "leave a question that may be skipped unanswered",
    key_scale = "change a scale's value",
    key_back = "go back",
    key_newline = "new line in a text field",
    key_review = "review your answers and change any of them",
    key_help = "this help",
    key_quit = "leave (asks first once you have answered)",
    key_interrupt = "leave at once",
    key_suspend = "suspend; fg in the shell brings groupfit back",
    // Crisis
    crisis_title = "You are not alone.",
    crisis_text = "Thank you for answering honestly. What you told us means it is important to talk to someone now. You deserve support today, and people are ready to listen.",
    crisis_text_resumed = "Some of the answers you saved mean it is important to talk to someone now. You deserve support today, and people are ready to listen.",
    crisis_title_home = "You deserve to be safe.",
    crisis_text_home = "What you told us means someone close to you may put you in serious danger. Specialist help is free and confidential: they can help you plan how to stay safe, whatever you decide. If you are in danger now, call your emergency number.",
    device_safety = "If someone else may check this computer or phone: groupfit has saved nothing unless you chose to save, and Ctrl+X closes it at once. Calling from a phone they do not use is safer, and a browser's private window leaves no history.",
    crisis_more_lines = "More places to get help:",
    crisis_elsewhere = "Anywhere else: call your local emergency number, or find a helpline in your country at https://findahelpline.com",
    crisis_fallback = "Call your local emergency number, or find a helpline in your country at https://findahelpline.com",
    crisis_stopped = "The questionnaire has stopped here: choosing a group can wait. Nothing you answered has been saved. When you are ready, press q to close this window.",
    crisis_stopped_resumed = "The questionnaire has stopped here: choosing a group can wait. When you are ready, press q to close this window.",
    help_domestic_abuse = "For abuse or danger at home: a domestic abuse helpline, or your doctor, can help in confidence. If you are in danger now, call your local emergency number.",
    help_alcohol_drugs = "For drinking or drugs: talk to your doctor or a local alcohol and drug service. Peer recovery groups (AA, NA, SMART Recovery) can help alongside.",
    help_eating = "For eating problems: talk to your doctor, who can check your health and refer you to an eating disorder service.",
    help_general = "Your doctor, or a local mental health service, is the place to start.",
    crisis_after_exit = "You are not alone. If you need help now:",
    old_crisis_lines = "The crisis phone numbers built into this copy of groupfit were last checked over a year ago. If one does not work, call your local emergency number, or find a helpline at https://findahelpline.com",
    // Results
    either_label = "Either could suit you",
    recommend_either = "Either could suit you: talk it over with a professional",
    recommend_lighter_step = "Start with the lighter step: {support_group}",
    recommend_professional = "Talk to a professional for an individual assessment first",
    recommend_crisis = "Please reach out for help now",
    headline_lean = "Your answers point towards: {lean}.",
    headline_referral = "The kind of group you were referred to, or asked to join, is: {group}. {reason}",
    headline_either = "Either kind of group could suit you: your answers are evenly balanced between them. This is a close call, so talk it over with a professional.",
    headline_either_leaning = "Either kind of group could suit you, and your answers lean a little towards: {lean}. This is a close call, so talk it over with a professional.",
    headline_lighter_step = "Either kind of group could suit you, so start with the lighter step: {support_group}. {reason} If it hasn't helped after a few months, talk to a professional about group therapy.",
    headline_incomplete = "Too few of your answers count towards either kind of group (\"not sure\" and skipped questions don't) to say which fits better. A professional can help you decide.",
    headline_professional = "Talking to someone first, before choosing a group, is the best next step for you: why, and who can help, is just below. For discussion with them, your answers lean towards: {lean}.",
    headline_professional_even = "Talking to someone first, before choosing a group, is the best next step for you: why, and who can help, is just below. Your answers do not lean towards either kind of group, so that is something to discuss with them too.",
    headline_crisis = "Some of your answers suggest you may not be safe right now. You deserve support today: please contact one of the services below, or your local emergency number. No group recommendation is given.",
    // Records
    language = "en",
    running_head = "Confidential · {reference} · {generated}",
    running_head_anonymous = "Confidential · groupfit record · {generated}",
    record_title = "Group choice record {reference}, {generated}",
    record_title_anonymous = "Group choice record, {generated}",
    field_result = "Result",
    field_override = "Clinician override",
    override_field = "{result}. Reason: {reason}",
    flag_mark = "flag: {level}",
    heading_sign_off = "Sign-off",
    field_completed_with = "Completed with",
    field_clinician = "Clinician",
    field_signature = "Signature",
    field_date = "Date",
    heading_about = "About this record",
    heading_safety_answers = "Safety answers",
    heading_groups = "What each kind of group is like",
    heading_notes = "Clinician's notes",
    no_notes = "No notes.",
    field_generated = "Generated",
    field_tool = "Tool",
    field_questionnaire = "Questionnaire",
    version = "version",
    field_sha256 = "sha256",
    field_mode = "Mode",
    mode_self = "Self-assessment",
    mode_clinician = "Clinician",
    field_region = "Region",
    field_reference = "Client reference",
    field_lean = "Lean (score band)",
    field_score = "S (-1 support group .. +1 group therapy)",
    field_percent = "P (0..100)",
    field_margin = "Either margin",
    field_complete = "Complete",
    field_safety = "Safety",
    yes = "yes",
    no = "no",
    column_question = "Question",
    column_answer = "Answer",
    column_pull = "Pull",
    column_weight = "Weight",
    column_contribution = "Contribution",
    column_note = "Note",
    column_dimension = "Dimension",
    column_score = "Score",
    column_counted = "Counted",
    column_weighed_most = "Weighed most",
    result_line = "RESULT: {result}",
    heading_result = "Result: {result}",
    heading_talk = "Talk to someone",
    heading_where = "Where your answers fall",
    heading_dimensions = "The five dimensions (below 0: support group, above 0: group therapy)",
    heading_drivers = "What weighed most",
    heading_flags = "Things to talk about",
    heading_prepare = "To prepare for a group:",
    heading_changes = "What would change the result",
    heading_next = "Next steps",
    heading_crisis = "If you need help now",
    gauge_caption = "{percent} on a scale from 0 ({support_group}) to 100 ({group_therapy}); S = {score}. The middle band is \"either\".",
    gauge_caption_person = "{percent} on a scale from 0 ({support_group}) to 100 ({group_therapy}). The middle band is \"either\".",
    for_discussion = "For discussion: {lean}",
    no_score = "No score yet: too few questions were answered.",
    incomplete = "Incomplete: too few answers count for a firm result (\"not sure\" and skipped questions don't), so it is shown as \"either\". You can go back and change any answer.",
    low_confidence = "low confidence",
    answered_of = "{answered} of {shown} answers counted",
    mixed = "Mixed: your answers about {high} point to group therapy, while those about {low} point to a support group. A time-limited therapy group, or a support group now and therapy later, may fit.",
    and = "and",
    towards_support = "towards a support group",
    towards_therapy = "towards group therapy",
    no_pull = "no pull (not counted)",
    change = "\"{question}\": answering \"{new}\" instead of \"{now}\" would give: {result} ({score})",
    change_person = "\"{question}\": answering \"{new}\" instead of \"{now}\" would give: {result}",
    change_incomplete = "not enough answered for a firm result, with the answers leaning towards: {result}",
    change_under_caution = "talking to a professional first would still come first, and for discussion your answers would then lean towards: {lean}",
    changes_more = "And {n} other single changes, each moving the result less.",
    changes_more_one = "And 1 other single change, moving the result less.",
    no_change = "No single change of answer would move it to another result.",
    no_change_wished = "No different answer about what you would like would move it to another result.",
    changes_lead = "This shows how close your answers came to another result. It is not advice: the answers that fit you are the ones you gave.",
    score_none = "no score",
    safety_none = "no flags",
    safety_not_screened = "not screened: this questionnaire asks no safety questions",
    safety_prep = "prep: preparation may help",
    safety_amber = "amber: individual assessment first",
    safety_red = "red: high risk, crisis support now",
    flag_person_amber = "One of your answers suggests talking to a professional before choosing a group.",
    flag_person_prep = "A conversation with the group's leader before you start may help.",
    flag_person_red = "One of your answers suggests you may not be safe right now: please reach out for help today.",
    declined_person = "You preferred not to answer \"{question}\". That is fine; you can talk about it with a professional whenever you are ready.",
    declined_record = "Declined: {question}",
    declined_mark = "declined",
    unasked_note = "Safety question not answered: {question}",
    unasked_person = "Some safety questions were not answered, so we could not check how you are doing. Please talk to a professional before choosing a group.",
    text_escape = "Esc does not leave while you are writing, so that typing on cannot end the questionnaire by accident: press Enter to keep your answer and go on, or Shift+Tab to go back.",
    choose_first_multi = "Tick one or more with Space or their numbers, then press Enter; or press s to skip this question.",
    choose_first = "Choose an answer with ↑↓ or its number, then press Enter; or press s to skip this question.",
    choose_first_required = "This question needs an answer: choose one with ↑↓ or its number, then press Enter.",
    earlier_answer = "Your saved answer, no longer offered: {answer}. Enter keeps it, or choose another.",
    choose_first_multi_required = "This question needs an answer: tick one or more with Space or their numbers, then press Enter.",
    // Plain mode
    plain_how = "Type the number of your answer and press Enter. Type b to go back, r to review, ? for help, q to quit, save to keep your answers in a private file. Ctrl+X, Enter: leave at once.",
    plain_question = "Question {position} of about {total} ({section}).",
    plain_your_answer = "(your answer)",
    plain_answer_so_far = "Your answer so far: {answer}",
    plain_scale_range = "A whole number from {min}{min_label} to {max}{max_label}.",
    plain_hint_single = "Type a number from 1 to {n} and press Enter.",
    plain_hint_multi = "Type one or more numbers, separated by spaces or commas.",
    plain_hint_scale = "Type a whole number from {min} to {max}.",
    plain_hint_text = "Type your answer on one line and press Enter.",
    plain_hint_skip = " An empty line skips it.",
    plain_earlier_answer = "Your saved answer, no longer offered: {answer}. An empty line keeps it, or type another number.",
    plain_help_commands = "Type b to go back, r to review your answers, save to keep your answers so far, q to quit.",
    plain_chose = "You chose: {answer}.",
    plain_wrote = "You wrote: {answer}",
    plain_skipped = "Skipped.",
    plain_pick_number = "Please type a number from {min} to {max}.",
    plain_one_answer = "This question takes one answer: please type a single number from 1 to {max}.",
    plain_pick_value = "Please type a whole number from {min} to {max}.",
    plain_review_heading = "Your answers:",
    plain_review_item = "{n}. {question} Answer: {answer}.",
    plain_review_prompt = "Press Enter to see your result, or type a question's number to change its answer.",
    plain_review_pick = "Please type a question number from the list, or press Enter for your result.",
    plain_line_too_long = "That line is longer than {max} bytes, so it was not read. Please answer again, more briefly.",
    plain_not_text = "That line is not valid text (UTF-8), so it was not read. Please type it again.",
    plain_note_prompt = "Type the note on this question and press Enter (an empty line removes it):",
    plain_session_note_prompt = "Type the note on the session and press Enter (an empty line removes it):",
    plain_reference_prompt = "Type the client reference or initials, no names, and press Enter (an empty line removes it):",
    plain_override_pick = "Override the recommendation: type its number, or press Enter to cancel.",
    plain_override_reason = "Type the reason for the override and press Enter:",
    plain_report_pick = "Save a report: type the number of a format, or press Enter to cancel.",
    plain_report_path = "Type a file name and press Enter (an empty line saves {path}):",
    plain_after_result = "Type report to save this result, save to keep your answers, or press Enter to leave. Ctrl+X then Enter leaves at once.",
    plain_after_result_clinician = "Type report to save this record, override to override the recommendation, note for a session note or reference for the client reference; or press Enter to leave.",
    plain_clinician_how = "Clinician mode: type note for a note on the question, session note, or reference for the client reference; after the result, override. Type save at any time to keep the answers and notes so far.",
    plain_confirm_quit = "Leave now? Your answers will not be kept. Type y to leave, or press Enter to stay.",
    plain_confirm_quit_reported = "Leave now? Your report is saved, but your answers will not be kept (type save to keep them). Type y to leave, or press Enter to stay.",
    plain_left = "You left. Nothing was saved.",
    plain_left_reported = "You left. Your report is saved; your answers were not kept.",
    plain_confirm_quit_since_save = "Leave now? What you changed since you last saved will not be kept. Type y to leave, or press Enter to stay.",
    plain_left_saved = "You left. Your answers are in your saved file.",
    plain_left_since_save = "You left. What you changed since you last saved was not kept.",
    plain_staying = "Staying.",
    plain_footer = "If you are in crisis: {service}, {contact}",
    plain_no_line = "If you are in crisis:",
    plain_stored = "Nothing you answer is sent anywhere or stored, unless you type save.",
    plain_stored_resumed = "Nothing you answer is sent anywhere. The file you carried on from stays as it was; changes are kept only if you type save, as a new file.",
    plain_stopped = "The questionnaire has stopped here: choosing a group can wait. Nothing you answered has been saved.",
    plain_stopped_private = "The questionnaire has stopped here: choosing a group can wait. Nothing you answered has been saved.",
    device_safety_plain = "If someone else may check this computer or phone: groupfit has saved nothing unless you chose to save, and you can close this window now. Calling from a phone they do not use is safer, and a browser's private window leaves no history.",
    plain_stopped_resumed = "The questionnaire has stopped here: choosing a group can wait.",
    plain_help_about = "About this question: {text}",
    plain_help_why = "Why we ask: {text}",
}

/// "3 follow-up questions no longer apply, so their answers were cleared."
#[must_use]
pub fn cleared_text(ui: &UiText, count: usize) -> String {
    match count {
        1 => ui.cleared_one.clone(),
        n => fill(&ui.cleared_many, &[("n", &n.to_string())]),
    }
}

/// Fills `{name}` placeholders in a template.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// How many ticks a "choose several" question takes, in words ("Choose 2 to 3."): one sentence
/// for the full screen and plain mode alike.
#[must_use]
pub fn choice_limits(ui: &UiText, min: Option<usize>, max: Option<usize>) -> String {
    match (min, max) {
        (Some(a), Some(b)) if a == b => fill(&ui.choose_exactly, &[("n", &a.to_string())]),
        (Some(a), Some(b)) => fill(
            &ui.choose_range,
            &[("min", &a.to_string()), ("max", &b.to_string())],
        ),
        (Some(a), None) => fill(&ui.choose_at_least, &[("n", &a.to_string())]),
        (None, Some(b)) => fill(&ui.choose_up_to, &[("n", &b.to_string())]),
        (None, None) => ui.choose_any.clone(),
    }
}

/// `[ui]` keys an earlier version had, now retired, each with what replaced it. A
/// questionnaire that still sets one loads, with a warning that says so.
pub const RETIRED: &[(&str, &str)] = &[
    ("hints_choice", KEY_TABLE),
    ("hints_choice_care", KEY_TABLE),
    ("hints_multi", KEY_TABLE),
    ("hints_scale", KEY_TABLE),
    ("hint_skip", KEY_TABLE),
    ("hints_text", KEY_TABLE),
    ("hints_welcome", KEY_TABLE),
    ("hints_review", KEY_TABLE),
    ("hints_result", KEY_TABLE),
    ("hints_crisis", KEY_TABLE),
    ("hints_overlay", KEY_TABLE),
    ("hints_pick", KEY_TABLE),
    ("hints_help", KEY_TABLE),
    ("hints_prompt", KEY_TABLE),
    ("hints_confirm", KEY_TABLE),
    ("settled_keys", KEY_TABLE),
    ("caution_keys", KEY_TABLE),
    (
        "plain_hint_multi_limit",
        "plain mode now says a question's limits as the full screen does, with choose_exactly, \
         choose_range, choose_at_least and choose_up_to",
    ),
];

/// Why the whole-line key hints were retired.
const KEY_TABLE: &str = "the key hints are built from the key table; translate the key_name_* \
                         and hint_* words instead";

/// The `{placeholders}` a text uses, in order.
#[must_use]
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            found.push(name);
        }
        rest = &after[close + 1..];
    }
    found
}

impl UiText {
    /// The `[ui]` table with every default, to start a translation.
    #[must_use]
    pub fn defaults_toml() -> String {
        let mut out = String::from(
            "# The interface's words. Copy this table into a questionnaire and translate the\n\
             # values; keep the {placeholders}. Keys you leave out keep their English text.\n[ui]\n",
        );
        for key in Self::KEYS {
            let value = Self::default_of(key).unwrap_or_default();
            let _ = writeln!(out, "{key} = {}", toml::Value::String(value.to_string()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_and_filled() {
        let text = UiText::default().progress_question;
        assert_eq!(placeholders(&text), ["position", "total", "section"]);
        assert_eq!(
            fill(
                &text,
                &[("position", "7"), ("total", "24"), ("section", "Size")]
            ),
            "Question 7 of about 24 · Size"
        );
        assert_eq!(placeholders("no {} or {a b} here"), Vec::<&str>::new());
    }

    #[test]
    fn the_defaults_table_parses_back_to_the_defaults() {
        let table: toml::Table = toml::from_str(&UiText::defaults_toml()).unwrap();
        let ui = table["ui"].as_table().unwrap();
        assert_eq!(ui.len(), UiText::KEYS.len());
        for key in UiText::KEYS {
            assert_eq!(ui[*key].as_str(), UiText::default_of(key));
        }
    }
}
