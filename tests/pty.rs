//! The real binary in a pseudo-terminal: a full walkthrough, and after every way of leaving (q,
//! Ctrl-C, SIGTERM, SIGHUP, a panic) the terminal is restored with the documented exit code.
//! Screens are read from a vt100 emulator, never from raw bytes.

mod common;

use std::io::{Read, Write};
use std::num::NonZero;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::sys::termios::LocalFlags;
use nix::unistd::Pid;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const PATIENCE: Duration = Duration::from_secs(10);

struct Running {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Running {
    fn start(env: &[(&str, &str)]) -> Self {
        Self::start_reading_until(env, None)
    }

    /// Starts the program in a folder of its own, to see whether it writes anything there.
    fn start_in(folder: &std::path::Path) -> Self {
        Self::spawn(&[], None, Some(folder))
    }

    /// Starts the program; the reader stops (closing its copy of the master side) once the
    /// screen shows `stop_at`, so that dropping the master really hangs up the terminal.
    fn start_reading_until(env: &[(&str, &str)], stop_at: Option<&'static str>) -> Self {
        Self::spawn(env, stop_at, None)
    }

    /// Starts the program with arguments, in a folder.
    fn spawn_args(args: &[&str], folder: &std::path::Path) -> Self {
        Self::spawn_with(args, &[], None, Some(folder))
    }

    fn spawn(
        env: &[(&str, &str)],
        stop_at: Option<&'static str>,
        folder: Option<&std::path::Path>,
    ) -> Self {
        Self::spawn_with(&[], env, stop_at, folder)
    }

    fn spawn_with(
        args: &[&str],
        env: &[(&str, &str)],
        stop_at: Option<&'static str>,
        folder: Option<&std::path::Path>,
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_groupfit"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "en_US.UTF-8");
        for (key, value) in env {
            command.env(key, value);
        }
        if let Some(folder) = folder {
            command.cwd(folder);
        }
        let child = pair.slave.spawn_command(command).unwrap();
        drop(pair.slave);
        let mut parser =
            vt100::Parser::new(NonZero::new(30).unwrap(), NonZero::new(100).unwrap(), 100);
        // What the terminal showed before the program started (a shell's earlier output).
        parser.process(b"earlier shell output\r\n");
        let screen = Arc::new(Mutex::new(parser));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut parser = sink.lock().unwrap();
                parser.process(&buf[..n]);
                if stop_at.is_some_and(|text| parser.screen().contents().contains(text)) {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Self {
            master: pair.master,
            child,
            writer,
            screen,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {text:?}; the screen shows:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends keys one at a time, waiting for `after` to appear.
    fn keys(&mut self, keys: &str, after: &str) {
        for c in keys.chars() {
            self.send(&c.to_string());
            thread::sleep(Duration::from_millis(15));
        }
        self.wait_for(after);
    }

    fn pid(&self) -> Pid {
        Pid::from_raw(i32::try_from(self.child.process_id().unwrap()).unwrap())
    }

    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take in the last bytes the program wrote.
                thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            assert!(start.elapsed() < PATIENCE, "the program did not exit");
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Echo and canonical mode back, the main screen, the cursor shown.
    fn assert_restored(&self) {
        let termios = self.master.get_termios().expect("termios of the pty");
        assert!(
            termios.local_flags.contains(LocalFlags::ECHO),
            "echo is off after exit"
        );
        assert!(
            termios.local_flags.contains(LocalFlags::ICANON),
            "canonical mode is off after exit"
        );
        let parser = self.screen.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!parser.screen().hide_cursor(), "the cursor is still hidden");
    }
}

const RIGHT: &str = "\x1b[C";

/// From the first question, the widow's answers in the order she is asked them (the screens,
/// then what could still move her result most), up to the last question before her result is
/// settled: "say goodbye over a few sessions" (t3), which is on the screen when this returns.
fn answer_to_the_settling_question(app: &mut Running) {
    app.keys(&"1\r".repeat(11), "How old are you?");
    // Where an answer can call for help first (age, memory, eating, daily life), Enter
    // confirms; a question where several can be ticked takes Enter too.
    app.keys("4\r1\r47\r1", "affecting your daily life");
    app.keys("2\r", "What brings you");
    app.keys("1\r", "What is your main hope for a group");
    app.keys("1", "Could you come at the same time every week");
    // t1 hard, f1 a peer, p3 gentle, a2 under 6 months, f2 hold space, p5 rather not, z1 a
    // bigger room, a3 no.
    app.keys("6111113", "Do the same problems seem to come up");
    app.keys("1", "say goodbye over a few sessions");
}

/// A saved answers file holding a red answer (a plan), in a folder of its own.
fn red_answers() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        "examples/answers/widowed-red.toml",
        folder.path().join("red.toml"),
    )
    .unwrap();
    folder
}

#[test]
fn resuming_a_red_file_opens_on_the_crisis_panel() {
    let folder = red_answers();
    let mut app = Running::spawn_args(
        &["run", "--resume", "red.toml", "--region", "GB"],
        folder.path(),
    );
    app.wait_for("You are not alone.");
    let screen = app.contents();
    assert!(screen.contains("Samaritans (GB)"), "{screen}");
    assert!(!screen.contains("Question"), "no question first:\n{screen}");
    assert!(!screen.contains("Press Enter to begin"), "{screen}");
    // Nothing leads back to the questions: not back, not the review.
    app.send("\x1b[D");
    app.send("r");
    app.send("b");
    thread::sleep(Duration::from_millis(200));
    assert!(app.contents().contains("You are not alone."));
    assert!(
        app.contents().contains("Some of the answers you saved"),
        "worded for answers that were saved, not just given"
    );
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    app.assert_restored();
    let after = app.contents();
    assert!(
        after.contains("If you need help now:") && after.contains("Samaritans (GB): Call 116 123"),
        "leaving the crisis panel leaves the help on the screen:\n{after}"
    );
}

#[test]
fn resuming_a_red_file_in_clinician_mode_opens_on_the_crisis_panel_with_the_protocol() {
    let folder = red_answers();
    let mut app = Running::spawn_args(
        &["run", "--clinician", "--resume", "red.toml"],
        folder.path(),
    );
    app.wait_for("High-risk answer: follow your local protocol.");
    assert!(app.contents().contains("You are not alone."));
    app.send("q");
    assert_eq!(app.exit_code(), 0);
}

#[test]
fn resuming_a_red_file_in_plain_mode_shows_the_crisis_panel_and_ends() {
    let folder = red_answers();
    let mut app = Running::spawn_args(
        &["run", "--plain", "--resume", "red.toml", "--region", "AU"],
        folder.path(),
    );
    assert_eq!(app.exit_code(), 0, "nothing more is asked");
    let screen = app.contents();
    assert!(screen.contains("You are not alone."), "{screen}");
    assert!(screen.contains("Lifeline (AU): Call 13 11 14"), "{screen}");
    assert!(!screen.contains("Question 1"), "{screen}");
}

#[test]
fn enter_on_an_untouched_required_question_does_not_move_on() {
    let mut app = Running::start(&[]);
    app.wait_for("Press Enter to begin");
    app.keys("\r", "Over the last 2 weeks");
    app.keys("\r", "This question needs an answer");
    assert!(app.contents().contains("Question 1 of about"));
    app.keys("\r\r", "This question needs an answer");
    assert!(
        app.contents().contains("Question 1 of about"),
        "a hurried Enter never answers"
    );
    app.send("\x1b[B");
    app.keys("\r", "In the past 3 months");
    app.send("\x03");
    assert_eq!(app.exit_code(), 130);
}

#[test]
fn a_full_walkthrough_reaches_the_result_and_q_leaves_cleanly() {
    let mut app = Running::start(&[]);
    app.wait_for("Press Enter to begin");
    app.keys("\r", "Over the last 2 weeks");
    answer_to_the_settling_question(&mut app);
    app.keys("2", "Your result is settled");
    app.keys("n", "How interested are you in understanding why");
    // a4 not very, a6 a short chat, z2 it depends, t5 free, t6 evenings and weekends.
    app.keys("1", "how would you feel about a long one-to-one");
    app.keys("12", "Does cost matter for you?");
    app.keys("1", "When and how could you usually get to a group?");
    app.keys("23\r", "How much do you expect a group to help you?");
    app.send(RIGHT);
    app.keys("\r", "how do you think you would be at first");
    app.keys("3", "Would any of these matter to you in a group?");
    app.keys("6\r", "anything else you would like");
    app.keys("Spring.\r", "Show my result");
    app.keys("\r", "21 on a scale from 0");
    assert!(
        app.contents()
            .contains("Your answers point towards: Support group.")
    );
    app.keys("q", "Leave groupfit?");
    app.send("y");
    assert_eq!(app.exit_code(), 0);
    app.assert_restored();
}

/// Keys typed before the settled offer was drawn were meant for the questions: the offer
/// does not take them (an Enter typed ahead does not show the result), and waits.
#[test]
fn the_settled_offer_does_not_take_keys_typed_before_it_was_drawn() {
    let mut app = Running::start(&[]);
    app.wait_for("Press Enter to begin");
    app.keys("\r", "Over the last 2 weeks");
    answer_to_the_settling_question(&mut app);
    // An answer and an Enter in one burst: the answer opens the offer.
    app.send("2\r");
    app.wait_for("Your result is settled");
    thread::sleep(Duration::from_millis(400));
    let screen = app.contents();
    assert!(screen.contains("Your result is settled"), "{screen}");
    assert!(!screen.contains("Your answers point towards"), "{screen}");
    app.keys("n", "How interested are you in understanding why");
    app.send("\x03");
    assert_eq!(app.exit_code(), 130);
}

#[test]
fn ctrl_c_leaves_at_once_with_130() {
    let mut app = Running::start(&[]);
    app.wait_for("Press Enter to begin");
    app.keys("\r1\r", "In the past 3 months");
    app.send("\x03");
    assert_eq!(app.exit_code(), 130);
    app.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let mut app = Running::start(&[]);
    app.wait_for("Press Enter to begin");
    kill(app.pid(), Signal::SIGTERM).unwrap();
    assert_eq!(app.exit_code(), 143);
    app.assert_restored();
}

/// Every signal whose default action ends the process restores the terminal and exits 128+n.
#[test]
fn other_fatal_signals_restore_the_terminal_and_exit_128_plus_n() {
    for (signal, code) in [
        (Signal::SIGQUIT, 131),
        (Signal::SIGUSR1, 138),
        (Signal::SIGALRM, 142),
        (Signal::SIGPIPE, 141),
    ] {
        let mut app = Running::start(&[]);
        app.wait_for("Press Enter to begin");
        kill(app.pid(), signal).unwrap();
        assert_eq!(app.exit_code(), code, "{signal}");
        app.assert_restored();
    }
}

/// Hardening, third round: signals whose default ends the process but that were not handled
/// (SIGIO, SIGPWR, SIGSTKFLT, the real-time ones) and core-dump signals sent from outside
/// (SIGABRT, SIGSYS, SIGTRAP, SIGBUS) left the terminal raw, on the alternate screen.
#[test]
fn every_catchable_signal_that_ends_the_program_restores_the_terminal() {
    let rt_min = libc::SIGRTMIN();
    let rt_max = libc::SIGRTMAX();
    for number in [
        libc::SIGIO,
        libc::SIGPWR,
        libc::SIGSTKFLT,
        libc::SIGABRT,
        libc::SIGSYS,
        libc::SIGTRAP,
        libc::SIGBUS,
        rt_min,
        rt_min + 5,
        rt_max,
    ] {
        let mut app = Running::start(&[]);
        app.wait_for("Press Enter to begin");
        // kill(1) sends any signal by number, the real-time ones too.
        let status = std::process::Command::new("kill")
            .args([format!("-{number}"), app.pid().as_raw().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(
            app.exit_code(),
            u32::try_from(128 + number).unwrap(),
            "signal {number}"
        );
        app.assert_restored();
    }
}

/// Ctrl+Z gives the terminal back and stops; SIGCONT takes it again and redraws.
#[test]
fn ctrl_z_suspends_and_sigcont_resumes() {
    let mut app = Running::start(&[]);
    app.wait_for("Press Enter to begin");
    app.send("\x1a"); // Ctrl+Z
    let start = Instant::now();
    loop {
        let status = std::fs::read_to_string(format!("/proc/{}/status", app.pid())).unwrap();
        if status.contains("State:\tT") {
            break;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "Ctrl+Z did not stop the program"
        );
        thread::sleep(Duration::from_millis(20));
    }
    // Let the reader take in the last bytes written before the stop.
    thread::sleep(Duration::from_millis(100));
    app.assert_restored();
    kill(app.pid(), Signal::SIGCONT).unwrap();
    let start = Instant::now();
    while app
        .master
        .get_termios()
        .unwrap()
        .local_flags
        .contains(LocalFlags::ICANON)
    {
        assert!(start.elapsed() < PATIENCE, "raw mode did not come back");
        thread::sleep(Duration::from_millis(20));
    }
    app.keys("\r", "Over the last 2 weeks");
    app.send("\x03");
    assert_eq!(app.exit_code(), 130);
    app.assert_restored();
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    let mut app = Running::start(&[]);
    app.wait_for("Press Enter to begin");
    kill(app.pid(), Signal::SIGHUP).unwrap();
    assert_eq!(app.exit_code(), 129);
    app.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_exits_101() {
    if !cfg!(debug_assertions) {
        return; // the panic trigger exists in debug builds only
    }
    let mut app = Running::start(&[("GROUPFIT_DEBUG_PANIC", "1")]);
    assert_eq!(app.exit_code(), 101);
    app.assert_restored();
    assert!(
        app.contents().contains("debug panic trigger"),
        "{}",
        app.contents()
    );
}

#[test]
fn the_program_ends_when_the_terminal_vanishes() {
    let app = Running::start_reading_until(&[], Some("Press Enter to begin"));
    app.wait_for("Press Enter to begin");
    let Running {
        master,
        mut child,
        writer,
        ..
    } = app;
    drop(writer);
    drop(master);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "still running 2 s after the terminal vanished"
        );
        thread::sleep(Duration::from_millis(20));
    };
    // Hardening, third round: with stderr on the vanished terminal too, ratatui's own drop
    // printed "Failed to show the cursor" to it and panicked (101). A hang-up is 129.
    assert_eq!(status.exit_code(), 129, "{status:?}");
}

#[test]
fn the_quick_exit_leaves_nothing_on_screen_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = Running::start_in(folder.path());
    app.wait_for("Press Enter to begin");
    app.keys("\r2\r", "intention of acting");
    assert!(
        app.contents().contains("Ctrl+X quick exit"),
        "the key is shown on every screen"
    );
    app.send("\x18"); // Ctrl-X
    assert_eq!(app.exit_code(), 0);
    app.assert_restored();
    let screen = app.contents();
    for text in [
        "intention",
        "Question",
        "crisis",
        "groupfit",
        "earlier shell output",
    ] {
        assert!(
            !screen.contains(text),
            "{text:?} is still on the screen:\n{screen}"
        );
    }
    assert_eq!(
        std::fs::read_dir(folder.path()).unwrap().count(),
        0,
        "nothing was written"
    );
}

#[test]
fn ctrl_s_saves_a_private_answers_file_that_resume_carries_on_from() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let mut app = Running::start_in(folder.path());
    app.wait_for("Press Enter to begin");
    app.keys(&format!("\r{}", "1\r".repeat(11)), "How old are you?");
    app.keys("4\r1\r47\r1", "affecting your daily life");
    app.keys("2\r", "What brings you");
    // A loss: then her main hope matters most.
    app.keys("1\r", "What is your main hope for a group");
    app.send("\x13"); // Ctrl-S
    app.wait_for("Saved to groupfit-answers-");
    let saved: Vec<_> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(saved.len(), 1);
    assert_eq!(
        std::fs::metadata(&saved[0]).unwrap().permissions().mode() & 0o777,
        0o600
    );
    app.send("\x03");
    assert_eq!(app.exit_code(), 130);

    let name = saved[0].file_name().unwrap().to_str().unwrap().to_string();
    let mut again = Running::spawn_args(&["run", "--resume", &name], folder.path());
    again.wait_for(&format!("Carrying on from {name}."));
    again.keys("\r", "What is your main hope for a group");
    again.send("\x03");
    assert_eq!(again.exit_code(), 130);
}

/// A clinician's whole session: a client reference, a note on a question, a session note and an
/// override, saved with Ctrl+S, resumed in a new run, and exported in every format. All four
/// come back in the resumed session and reach every record.
#[test]
fn a_clinicians_session_survives_save_resume_and_every_export() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = Running::spawn_args(&["run", "--clinician"], folder.path());
    app.wait_for("Press Enter to begin");
    app.keys("\r", "Over the last 2 weeks");
    app.send("\x10"); // Ctrl-P: the client reference
    app.keys("JS-0142\r", "Client reference set: JS-0142");
    app.wait_for("[Clinician mode · JS-0142]");
    app.send("\x0e"); // Ctrl-N: a note on this question
    app.keys("Discussed at intake.\r", "Note added to this question");
    app.wait_for("note: Discussed at intake.");
    answer_to_the_settling_question(&mut app);
    app.keys("2", "Your result is settled");
    app.keys("\r", "Your answers point towards: Support group.");
    app.send("\x0e"); // Ctrl-N on the result: the session note
    app.keys("Prefers peers; sister nearby.\r", "Session note added");
    app.send("\x0f"); // Ctrl-O: override
    app.keys("2", "Reason for the override");
    app.keys(
        "Explored in person; wants change work.\r",
        "Clinician override: Group therapy (computed: Support group)",
    );
    app.send("\x13"); // Ctrl-S
    app.wait_for("Saved to groupfit-answers-");
    // Just saved, so leaving does not ask first.
    app.send("q");
    assert_eq!(app.exit_code(), 0);

    let saved = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|name| name.starts_with("groupfit-answers-"))
        .unwrap();
    let mut again = Running::spawn_args(&["run", "--resume", &saved], folder.path());
    again.wait_for("so clinician mode is on");
    again.wait_for("[Clinician mode · JS-0142]");
    again.keys("\r", "How interested are you in understanding why");
    again.keys("1", "Your result is settled");
    again.keys(
        "\r",
        "Clinician override: Group therapy (computed: Support group)",
    );
    let formats = [
        ("1", "groupfit-report.txt"),
        ("2", "groupfit-report.md"),
        ("3", "groupfit-report.html"),
        ("4", "groupfit-result.json"),
        ("5", "groupfit-response.fhir.json"),
        ("6", "groupfit-result.csv"),
    ];
    for (digit, name) in formats {
        again.keys("e", "Choose a format (1-6)");
        again.keys(digit, "File name (Enter saves, Esc cancels)");
        again.keys("\r", &format!("Saved {name}"));
    }
    // A report cannot be carried on from: leaving still asks.
    again.keys("q", "Leave groupfit?");
    again.send("y");
    assert_eq!(again.exit_code(), 0);

    let csv = std::fs::read_to_string(folder.path().join("groupfit-result.csv")).unwrap();
    assert!(csv.starts_with("file,recommendation,lean,"), "{csv}");
    assert!(
        csv.contains(",support_group,"),
        "the computed result: {csv}"
    );
    // CSV holds the result only; every other record holds the clinician's work.
    for (_, name) in &formats[..5] {
        let record = std::fs::read_to_string(folder.path().join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .replace("&#39;", "'")
            // The text record wraps at 80 columns.
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for kept in [
            "JS-0142",
            "Discussed at intake.",
            "Prefers peers; sister nearby.",
            "Explored in person; wants change work.",
        ] {
            assert!(record.contains(kept), "{name} lacks {kept:?}");
        }
    }
}

/// Hardening, third round: in plain mode on a terminal, Ctrl+D (the end of input) ended with
/// exit 1 and every answer gone, where q would have asked first. It asks as q does.
#[test]
fn ctrl_d_in_plain_mode_asks_before_the_answers_are_gone() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = Running::spawn_args(&["run", "--plain"], folder.path());
    app.wait_for("Question 1 of about");
    app.keys("1\r", "Question 2 of about");
    app.keys("\x04", "Leave now? Your answers will not be kept.");
    app.keys("\r", "In the past 3 months");
    app.keys("\x04", "Leave now?");
    app.send("y\r");
    assert_eq!(app.exit_code(), 0);
}

/// Found by a new-user playtest: the device-safety words promise that Ctrl+X leaves at once,
/// and in plain mode it answered "Please type a number". Ctrl+X then Enter (a line needs
/// Enter) leaves at once, asks nothing, writes nothing, and clears the screen of the session.
#[test]
fn ctrl_x_then_enter_leaves_plain_mode_at_once_and_clears_the_screen() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = Running::spawn_args(&["run", "--plain"], folder.path());
    app.wait_for("Question 1 of about");
    app.keys("1\r", "Question 2 of about");
    // Enough lines that the session scrolls past the top of the screen.
    app.keys("1\r", "Question 3 of about");
    app.keys("1\r", "Question 4 of about");
    assert!(app.screen.lock().unwrap().screen().scrollback_len() > 0);
    app.send("\x18\r");
    assert_eq!(app.exit_code(), 0);
    // Plain mode writes on the main screen, so most of the session is in the scrollback.
    assert_eq!(
        app.screen.lock().unwrap().screen().scrollback_len(),
        0,
        "the scrollback is cleared too"
    );
    let screen = app.contents();
    for text in ["Question", "groupfit", "Not at all", "earlier shell output"] {
        assert!(
            !screen.contains(text),
            "{text:?} is still on the screen:\n{screen}"
        );
    }
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
}

/// Found by a hostile tester: with every dated name taken (`-2` to `-999`), saving said
/// "Could not save: " and no reason. It says which names are taken and what to do.
#[test]
fn saving_when_every_name_is_taken_says_why() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = Running::spawn_args(&["run", "--plain"], folder.path());
    app.wait_for("Question 1 of about");
    app.keys("1\r", "Question 2 of about");
    app.keys("save\r", "Saved to groupfit-answers-");
    let saved: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let base = saved[0].trim_end_matches(".toml").to_string();
    for n in 2..1000 {
        std::fs::write(folder.path().join(format!("{base}-{n}.toml")), "").unwrap();
    }
    app.keys("save\r", "Could not save: every name from");
    app.wait_for("is taken in this folder");
}

/// Hardening, third round: with `TERM=dumb` the full-screen app drew escape sequences the
/// terminal shows as text. It asks line by line instead, and says why.
#[test]
fn a_dumb_terminal_gets_plain_mode_and_is_told_why() {
    let mut app = Running::start(&[("TERM", "dumb")]);
    app.wait_for("TERM=dumb cannot draw the full screen");
    app.wait_for("Question 1 of about");
    app.send("q\r");
    assert_eq!(app.exit_code(), 0);
}

/// Hardening, third round: the sentence that the built-in crisis numbers were last checked over
/// a year ago was printed before the full screen opened, so it was read only after leaving. It
/// is said on the screen.
#[test]
// Why ignored: it needs faketime, a system package, and a plain `cargo test` must need
// nothing but cargo; .ci/run installs it, then runs this with `cargo test -- --ignored`.
#[ignore = "needs faketime: .ci/run installs it, then runs cargo test -- --ignored"]
fn old_crisis_lines_are_said_on_the_screen() {
    common::system::require(&["faketime"], "faketime", "the clock test");
    let Some(library) = ["x86_64", "aarch64", "i386", "arm"]
        .iter()
        .map(|arch| format!("/usr/lib/{arch}-linux-gnu/faketime/libfaketime.so.1"))
        .find(|path| std::path::Path::new(path).exists())
    else {
        panic!("faketime is installed but its library was not found under /usr/lib");
    };
    let mut app = Running::start(&[
        ("LD_PRELOAD", library.as_str()),
        ("FAKETIME", "@2031-06-01 12:00:00"),
    ]);
    app.wait_for("Press Enter to begin");
    app.wait_for("built into this copy of groupfit were last checked");
    app.send("\x03");
    assert_eq!(app.exit_code(), 130);
}

/// Saving the answers of a finished session says how to open them again: "Carry on with" read
/// as if there were more to answer.
#[test]
fn saving_a_finished_plain_session_says_how_to_open_it_again() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = Running::spawn_args(&["run", "--plain"], folder.path());
    app.wait_for("Question 1 of about");
    // "Several days" raises a caution at the end of the safety screen, which offers the result.
    app.keys("2\r", "Question 2 of about");
    for _ in 0..40 {
        if app.contents().contains("type r to see your result now") {
            break;
        }
        app.send("1\r");
        thread::sleep(Duration::from_millis(100));
    }
    app.keys("r\r", "save to keep your answers");
    app.keys(
        "save\r",
        "Open it again with: groupfit run --plain --resume",
    );
    assert!(!app.contents().contains("Carry on with"));
    app.send("\r");
    assert_eq!(app.exit_code(), 0);
}
