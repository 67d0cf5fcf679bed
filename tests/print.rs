//! The HTML record printed as a clinic would print it: headless Chromium prints it to PDF on A4
//! and on Letter, and poppler's `pdfinfo` and `pdftotext` read the pages back. No page but the
//! last is more than half empty, the client reference and date head every page, the answer
//! table's header is repeated on every page it runs onto, and no row is split across pages.
//!
//! Chromium and poppler-utils are system packages: `.ci/run` installs them and runs this test
//! with `--ignored`; without them it says what to install. It installs nothing itself.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

mod common;

use common::{default_questionnaire, scored};
use groupfit::report;

/// 2025-12-01 00:00 UTC: a fixed date, so the running head is known.
const EPOCH: &str = "1764547200";
const DATE: &str = "2025-12-01 00:00 +00:00";
/// The page margin of the record's `@page` rule, top and bottom (16 mm in points).
const MARGIN: f64 = 16.0 / 25.4 * 72.0;
/// The page margin of the record's `@page` rule, left and right (14 mm in points).
const SIDE_MARGIN: f64 = 14.0 / 25.4 * 72.0;

/// Chromium and poppler-utils, installed if they can be.
fn tools() -> &'static PathBuf {
    static CHROMIUM: OnceLock<PathBuf> = OnceLock::new();
    CHROMIUM.get_or_init(|| {
        common::system::require(
            &["chromium", "pdftotext", "pdfinfo"],
            "chromium poppler-utils",
            "the print test",
        );
        PathBuf::from("chromium")
    })
}

/// The HTML record `score` writes for an answers file.
fn record_html(answers: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_groupfit"))
        .args(["score", "--answers", answers, "--format", "html"])
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{answers}");
    String::from_utf8(out.stdout).unwrap()
}

/// Prints a page to PDF with headless Chromium on the given paper (a CSS page size).
fn print(dir: &Path, html: &str, paper: &str) -> PathBuf {
    let page = dir.join(format!("record-{paper}.html"));
    let sized = html.replacen(
        "</head>",
        &format!("<style>@page{{size:{paper}}}</style></head>"),
        1,
    );
    std::fs::write(&page, sized).unwrap();
    let pdf = dir.join(format!("record-{paper}.pdf"));
    let mut chromium = Command::new(tools())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while chromium.try_wait().unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "Chromium did not finish printing"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(pdf.exists(), "Chromium printed nothing");
    pdf
}

/// One printed page: its size and its words with where they stand (top and bottom, points).
struct Page {
    width: f64,
    height: f64,
    words: Vec<(String, f64, f64)>,
    /// Each word's left and right edges, in the same order as `words`.
    spans: Vec<(f64, f64)>,
}

impl Page {
    fn body(&self) -> impl Iterator<Item = &(String, f64, f64)> {
        self.words
            .iter()
            .filter(|(_, top, bottom)| *top > MARGIN && *bottom < self.height - MARGIN)
    }

    fn head(&self) -> String {
        let words: Vec<&str> = self
            .words
            .iter()
            .filter(|(_, _, bottom)| *bottom <= MARGIN)
            .map(|(w, _, _)| w.as_str())
            .collect();
        words.join(" ")
    }

    fn foot(&self) -> String {
        let words: Vec<&str> = self
            .words
            .iter()
            .filter(|(_, top, _)| *top >= self.height - MARGIN)
            .map(|(w, _, _)| w.as_str())
            .collect();
        words.join(" ")
    }

    /// How far down the printable area the last line of the body reaches, from 0 to 1.
    fn filled(&self) -> f64 {
        let lowest = self
            .body()
            .map(|(_, _, bottom)| *bottom)
            .fold(0.0, f64::max);
        (lowest - MARGIN) / (self.height - 2.0 * MARGIN)
    }

    /// True when the body holds these words one after another, as a table cell does.
    fn has_run(&self, run: &[&str]) -> bool {
        let body: Vec<&str> = self.body().map(|(w, _, _)| w.as_str()).collect();
        !run.is_empty() && body.windows(run.len()).any(|w| w == run)
    }

    fn has_all(&self, words: &[&str]) -> bool {
        words
            .iter()
            .all(|w| self.body().any(|(word, _, _)| word == w))
    }
}

/// The value of an attribute in one tag of `pdftotext -bbox`'s output.
fn attribute(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    tag[start..].split('"').next().unwrap().parse().unwrap()
}

/// The PDF's pages, read back with `pdftotext -bbox`.
fn pages(pdf: &Path) -> Vec<Page> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let xml = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<Page> = Vec::new();
    for piece in xml.split('<').skip(1) {
        if piece.starts_with("page ") {
            pages.push(Page {
                width: attribute(piece, "width"),
                height: attribute(piece, "height"),
                words: Vec::new(),
                spans: Vec::new(),
            });
        } else if piece.starts_with("word ") {
            let text = piece.split_once('>').unwrap().1;
            let word = text
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'");
            let page = pages.last_mut().unwrap();
            page.words
                .push((word, attribute(piece, "yMin"), attribute(piece, "yMax")));
            page.spans
                .push((attribute(piece, "xMin"), attribute(piece, "xMax")));
        }
    }
    pages
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[test]
// Why ignored: it needs Chromium and poppler-utils, system packages, and a plain `cargo test`
// must need nothing but cargo; .ci/run installs them, then runs this with
// `cargo test -- --ignored`.
#[ignore = "needs Chromium and poppler-utils: .ci/run installs them, then runs cargo test -- --ignored"]
fn the_printed_record_reads_well_on_a4_and_letter() {
    let q = default_questionnaire();
    let dir = tempfile::tempdir().unwrap();
    for (file, reference) in [
        ("examples/answers/clinician-amber.toml", Some("JS-0142")),
        ("examples/answers/widowed.toml", None),
        ("examples/answers/widowed-red.toml", None),
    ] {
        let html = record_html(file);
        let (answers, outcome) = scored(&q, file);
        let rows = report::answer_rows(&q, &answers, &outcome);
        for (paper, size) in [("A4", "(A4)"), ("letter", "(letter)")] {
            let pdf = print(dir.path(), &html, paper);
            let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
            let info = String::from_utf8_lossy(&info.stdout);
            assert!(info.contains(size), "{file} on {paper}: {info}");
            let pages = pages(&pdf);
            let count = pages.len();
            assert!(count >= 2, "{file} on {paper}: {count} pages");
            first_page_holds_the_result(&pages[0], &q, file, paper);
            the_sign_off_is_for_clinicians_only(&pages, reference.is_some(), file, paper);
            for (n, page) in pages.iter().enumerate() {
                let at = format!("{file} on {paper}, page {} of {count}", n + 1);
                nothing_past_the_margins(page, &at);
                let head = page.head();
                assert!(head.contains(DATE), "{at}: the date heads the page: {head}");
                assert!(head.contains("Confidential"), "{at}: {head}");
                if let Some(reference) = reference {
                    assert!(
                        head.contains(reference),
                        "{at}: the reference heads the page"
                    );
                }
                let foot = page.foot();
                assert!(
                    foot.contains(&format!("{} / {count}", n + 1)),
                    "{at}: {foot}"
                );
                if n + 1 < count {
                    let filled = page.filled();
                    assert!(filled > 0.5, "{at} is more than half empty ({filled:.2})");
                }
            }
            for row in &rows {
                let answer = row.answer_text(&q.ui);
                let mut cells = words(&row.prompt);
                cells.extend(words(&answer));
                let whole = pages.iter().filter(|p| p.has_all(&cells)).count();
                assert!(
                    whole > 0,
                    "{file} on {paper}: the row for {} is split across pages",
                    row.id
                );
                // Rows only in the answer table: their page repeats the table's header.
                if !row.safety && !row.driver {
                    for page in pages.iter().filter(|p| p.has_run(&words(&row.prompt))) {
                        assert!(
                            page.has_all(&["Weighed", "Contribution"]),
                            "{file} on {paper}: no table header above {}",
                            row.id
                        );
                    }
                }
            }
        }
    }
}

/// Page 1 is titled by the record's reference and date, and holds the result, and any override
/// with its reason, whatever the length of the safety answers after them.
fn first_page_holds_the_result(
    page: &Page,
    q: &groupfit::questionnaire::Questionnaire,
    file: &str,
    paper: &str,
) {
    let (_, outcome) = scored(q, file);
    let result = report::result_label(q, &outcome);
    let at = format!("{file} on {paper}, page 1");
    assert!(
        page.has_all(&["Group", "choice", "record"]),
        "{at}: the title"
    );
    assert!(page.has_all(&words(&result)), "{at}: the result {result:?}");
    let source = std::fs::read_to_string(file).unwrap();
    let loaded = groupfit::answers::load(source.as_bytes(), q).unwrap();
    if let Some(over) = loaded.clinician.and_then(|c| c.override_recommendation) {
        let mut expected = words(&over.reason)
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>();
        expected.extend(["Clinician", "override"].map(String::from));
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        assert!(page.has_all(&expected), "{at}: the override and its reason");
    }
    // A flagged answer says so in the safety table, in words that survive a grey print.
    if !outcome.flags.is_empty() {
        assert!(page.has_all(&["(flag:"]), "{at}: the flag is marked");
    }
}

/// The clinician's record ends with lines to sign on; a person's own record has none.
fn the_sign_off_is_for_clinicians_only(pages: &[Page], clinician: bool, file: &str, paper: &str) {
    let signed = pages.iter().any(|p| {
        p.has_all(&[
            "Sign-off",
            "Completed",
            "with",
            "Clinician",
            "Signature",
            "Date",
        ])
    });
    assert_eq!(signed, clinician, "{file} on {paper}: the sign-off block");
}

/// Every word of the body stands inside the page's side margins (with half a point for
/// rounding). The running head and the page numbers are set in the margin boxes, by design.
fn nothing_past_the_margins(page: &Page, at: &str) {
    let body = |top: f64, bottom: f64| top > MARGIN && bottom < page.height - MARGIN;
    for ((word, _, _), (left, right)) in page
        .words
        .iter()
        .zip(&page.spans)
        .filter(|((_, top, bottom), _)| body(*top, *bottom))
    {
        assert!(
            *left >= SIDE_MARGIN - 0.5 && *right <= page.width - SIDE_MARGIN + 0.5,
            "{at}: {word:?} runs from {left:.1} to {right:.1} on a page {:.1} wide",
            page.width
        );
    }
}
