//! Loads the embedded questionnaire with groupfit's own loader (the groupfit-questionnaire
//! crate) when the binary is built, so that an invalid default does not build. Writes the
//! loaded model out for start-up to read in place of parsing and validating the TOML, and puts
//! the default's id, version and SHA-256 into the binary for `--version` and answers files.

use std::path::Path;
use std::{env, fs, process};

use groupfit_questionnaire::date::Date;
use groupfit_questionnaire::questionnaire::{Loaded, load};
use groupfit_questionnaire::tomlfile::source_text;

const SOURCE: &str = "questions.toml";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    let bytes = fs::read(SOURCE).unwrap_or_else(|e| fail(&format!("cannot read {SOURCE}: {e}")));
    let text = source_text(&bytes);
    let Loaded {
        questionnaire,
        warnings,
    } = load(&bytes, Date::today()).unwrap_or_else(|diagnostics| {
        for diagnostic in &diagnostics {
            eprintln!("{}", diagnostic.render(SOURCE, &text));
        }
        fail(&format!(
            "{SOURCE} is not a valid questionnaire; fix the problems above"
        ))
    });
    // A default the loader has something to say about is left to the loader at run time, so
    // that the person sees what it says; the ready model is for the quiet case.
    let ready = if warnings.is_empty() {
        postcard::to_allocvec(&questionnaire)
            .unwrap_or_else(|e| fail(&format!("cannot serialize the default: {e}")))
    } else {
        for warning in &warnings {
            for line in warning.render(SOURCE, &text).lines() {
                println!("cargo:warning={line}");
            }
        }
        Vec::new()
    };
    let out = env::var_os("OUT_DIR").unwrap_or_else(|| fail("cargo did not set OUT_DIR"));
    let path = Path::new(&out).join("default.model");
    fs::write(&path, ready)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
    let meta = &questionnaire.meta;
    println!(
        "cargo:rustc-env=GROUPFIT_QUESTIONNAIRE={} {}",
        meta.id, meta.version
    );
    println!(
        "cargo:rustc-env=GROUPFIT_DEFAULT_SHA256={}",
        questionnaire.sha256
    );
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1)
}
