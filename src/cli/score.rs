//! `groupfit score`: score saved answers files in any report format. Files are read, scored,
//! written and dropped one at a time (src/cli/batch.rs), so a batch of any size runs in
//! constant memory. A bad file is reported and skipped; the others are still scored, the end
//! says which failed, and the exit code says that something did. Nothing already written is
//! replaced by something worse.

use std::path::{Path, PathBuf};

use groupfit::answers::{self, Answers};
use groupfit::clinician::ClinicianRecord;
use groupfit::diag::Diagnostic;
use groupfit::questionnaire::Questionnaire;
use groupfit::report::Provenance;
use groupfit::scoring::{self, Outcome};

use super::Exit;
use super::args::ScoreArgs;
use super::batch::{Failures, Report, Sources, summarise_failures};
use super::export::{self, PrivateFile, Target};
use super::files::{self, display_name};
use super::output::{self, Output};
use groupfit::report::Format;

/// One answers file, scored.
pub struct Scored {
    pub path: PathBuf,
    pub name: String,
    pub answers: Answers,
    pub outcome: Outcome,
    /// A clinician's notes, reference and override saved with the answers.
    pub clinician: Option<ClinicianRecord>,
}

pub fn score(args: &ScoreArgs, out: &mut Output) -> Exit {
    let many = Sources::may_be_many(&args.answers, args.answers_from.as_deref());
    if args.format == Format::Html && many && args.output_dir.is_none() {
        output::error(
            "--format html makes one page per answers file; give --output-dir DIR to write one \
             file for each",
        );
        return Exit::Invalid;
    }
    let Some(questionnaire) = files::questionnaire(args.questions.as_deref()) else {
        return Exit::Invalid;
    };
    let Ok(region) = files::region(args.region.as_deref()) else {
        return Exit::Invalid;
    };
    let sources = match Sources::new(&args.answers, args.answers_from.as_deref()) {
        Ok(sources) => sources,
        Err(message) => {
            output::error(&message);
            return Exit::Invalid;
        }
    };
    let mut protected: Vec<&Path> = args.answers.iter().map(PathBuf::as_path).collect();
    protected.extend(args.questions.as_deref());
    protected.extend(args.answers_from.as_deref());
    let batch = Batch {
        questionnaire: &questionnaire,
        // The clock is read once; each file's own record says whether it is a clinician's.
        base: export::provenance(false, region.as_deref()),
        force: args.force,
        protected: &protected,
    };
    let mut failures = Failures::default();
    let written = match (&args.output, &args.output_dir) {
        (Some(path), _) => batch.to_file(path, args.format, many, sources, &mut failures),
        (None, Some(dir)) => batch.to_folder(dir, args.format, sources, &mut failures),
        (None, None) => {
            batch.to_stdout(out, args.format, many, sources, &mut failures);
            Ok(())
        }
    };
    if many {
        summarise_failures(&failures);
    }
    match (written, failures.count) {
        (Err(exit), _) => exit,
        (Ok(()), 0) => Exit::Success,
        (Ok(()), _) => Exit::Invalid,
    }
}

/// What every file of a batch shares.
struct Batch<'a> {
    questionnaire: &'a Questionnaire,
    base: Provenance,
    force: bool,
    /// Files being read, which are never replaced.
    protected: &'a [&'a Path],
}

impl Batch<'_> {
    /// The next answers file scored, or `None` when the batch is done; a file that fails is
    /// reported (and counted) and skipped.
    fn next(&self, sources: &mut Sources, failures: &mut Failures) -> Option<Scored> {
        for source in sources.by_ref() {
            let path = match source {
                Ok(path) => path,
                Err(message) => {
                    output::error(&message);
                    failures.add(message);
                    continue;
                }
            };
            match score_file(self.questionnaire, &path) {
                Some(scored) => return Some(scored),
                None => failures.add(display_name(Some(&path))),
            }
        }
        None
    }

    /// This file's provenance: the batch's, marked a clinician's record where the file holds a
    /// clinician's work.
    fn provenance_of(&self, scored: &Scored) -> Provenance {
        let mut provenance = self.base.clone();
        if scored.clinician.is_some() {
            provenance.mode = "clinician".to_string();
        }
        provenance
    }

    fn to_stdout(
        &self,
        out: &mut Output,
        format: Format,
        many: bool,
        mut sources: Sources,
        failures: &mut Failures,
    ) {
        let mut report = Report::new(self.questionnaire, format, many);
        out.write(&report.opening());
        while let Some(scored) = self.next(&mut sources, failures) {
            out.write(&report.part(&scored, &self.provenance_of(&scored)));
            if out.is_broken() {
                return;
            }
        }
        out.write(&report.closing());
    }

    /// The whole report into one private file, written as the batch goes into a temporary that
    /// becomes the file at the end. Nothing is written when nothing could be scored, and an
    /// existing file is not replaced (even with `--force`) by a report that leaves files out.
    fn to_file(
        &self,
        path: &Path,
        format: Format,
        many: bool,
        mut sources: Sources,
        failures: &mut Failures,
    ) -> Result<(), Exit> {
        let target = Target {
            path,
            force: self.force,
            force_offered: true,
            protected: self.protected,
        };
        let refused = |message: String| {
            output::error(&message);
            Exit::Failure
        };
        let mut file = PrivateFile::create(&target, true).map_err(refused)?;
        let mut report = Report::new(self.questionnaire, format, many);
        file.write(report.opening().as_bytes()).map_err(refused)?;
        while let Some(scored) = self.next(&mut sources, failures) {
            let part = report.part(&scored, &self.provenance_of(&scored));
            file.write(part.as_bytes()).map_err(refused)?;
        }
        file.write(report.closing().as_bytes()).map_err(refused)?;
        let name = display_name(Some(path));
        if report.written() == 0 {
            output::error(&format!(
                "no answers file could be scored, so nothing was written to {name}; fix the \
                 problems above and run it again"
            ));
            return Err(Exit::Invalid);
        }
        let replacing = std::fs::symlink_metadata(path).is_ok();
        if failures.count > 0 && replacing {
            output::error(&format!(
                "{name} was not replaced: some answers files could not be scored (above), and \
                 the report would leave them out; fix them, or write to a new file"
            ));
            return Err(Exit::Invalid);
        }
        let written = file.finish().map_err(refused)?;
        output::diagnostics(&format!(
            "groupfit: {}",
            written.note(&self.questionnaire.ui)
        ));
        Ok(())
    }

    /// One private report per answers file, named after it (`a.toml` gives `a.html`; a name
    /// already used in this batch gets `-2`, `-3`, ...). Every file is attempted; the folder is
    /// swept of stale temporaries once, not per file.
    fn to_folder(
        &self,
        dir: &Path,
        format: Format,
        mut sources: Sources,
        failures: &mut Failures,
    ) -> Result<(), Exit> {
        if !dir.is_dir() {
            output::error(&format!(
                "--output-dir {}: not an existing folder",
                display_name(Some(dir))
            ));
            return Err(Exit::Failure);
        }
        let mut used = UsedNames::default();
        let mut first = true;
        let mut result = Ok(());
        while let Some(scored) = self.next(&mut sources, failures) {
            let path = unused_name(dir, &scored.path, format, &mut used);
            let mut report = Report::new(self.questionnaire, format, false);
            let text = report.opening()
                + &report.part(&scored, &self.provenance_of(&scored))
                + &report.closing();
            let target = Target {
                path: &path,
                force: self.force,
                force_offered: true,
                protected: self.protected,
            };
            let written = PrivateFile::create(&target, first).and_then(|mut file| {
                file.write(text.as_bytes())?;
                file.finish()
            });
            first = false;
            match written {
                Ok(written) => output::diagnostics(&format!(
                    "groupfit: {}",
                    written.note(&self.questionnaire.ui)
                )),
                Err(message) => {
                    output::error(&message);
                    result = Err(Exit::Failure);
                }
            }
        }
        result
    }
}

/// The report's name for an answers file in `dir`, not yet written by this batch: `a.toml`
/// gives `a.html`, then `a-2.html`...
fn unused_name(dir: &Path, answers: &Path, format: Format, used: &mut UsedNames) -> PathBuf {
    let stem = answers
        .file_stem()
        .map_or_else(|| "answers".into(), |s| s.to_string_lossy().into_owned());
    let path = (1..)
        .map(|n: u64| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            dir.join(format!("{stem}{suffix}.{}", format.extension()))
        })
        .take(u16::MAX.into())
        .find(|path| !used.contains(path))
        .unwrap_or_else(|| dir.join(format!("{stem}.{}", format.extension())));
    used.insert(&path);
    path
}

/// The names a batch has written, in constant memory: a Bloom filter (128 KiB), whose "maybe"
/// is confirmed on disk (a name it holds was written, so its file exists). A false "maybe" can
/// only give a report the next free name where an old file of that name would have been
/// replaced: nothing is lost. (A list of every name grew with the batch.)
struct UsedNames {
    bits: Vec<u64>,
}

impl Default for UsedNames {
    fn default() -> Self {
        Self {
            bits: vec![0; Self::WORDS],
        }
    }
}

impl UsedNames {
    const WORDS: usize = 1 << 14;
    const BITS: u64 = (Self::WORDS as u64) * 64;

    fn positions(path: &Path) -> [usize; 3] {
        use std::hash::{BuildHasher, Hasher};
        let hash = |seed: u64| {
            let mut hasher =
                std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default().build_hasher();
            hasher.write_u64(seed);
            std::hash::Hash::hash(path, &mut hasher);
            usize::try_from(hasher.finish() % Self::BITS).unwrap_or(0)
        };
        [hash(1), hash(2), hash(3)]
    }

    fn insert(&mut self, path: &Path) {
        for bit in Self::positions(path) {
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
    }

    fn contains(&self, path: &Path) -> bool {
        Self::positions(path)
            .iter()
            .all(|&bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
            && std::fs::symlink_metadata(path).is_ok()
    }
}

/// Diagnostics about an answers file are printed as headlines only: the source line would show
/// the person's answer, and answers never go into error output.
fn headlines(name: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(|d| d.headline(name)).collect()
}

fn score_file(questionnaire: &Questionnaire, path: &Path) -> Option<Scored> {
    let name = display_name(Some(path));
    let bytes = files::read(path, "answers file")
        .map_err(|e| output::error(&format!("{e:#}")))
        .ok()?;
    match answers::load(&bytes, questionnaire) {
        Ok(loaded) => {
            let warnings = headlines(&name, &loaded.warnings);
            for warning in &warnings {
                output::diagnostics(warning);
            }
            let mut outcome = scoring::score(questionnaire, &loaded.answers);
            outcome.warnings = warnings;
            Some(Scored {
                path: path.to_path_buf(),
                name,
                answers: loaded.answers,
                outcome,
                clinician: loaded.clinician,
            })
        }
        Err(diagnostics) => {
            for line in headlines(&name, &diagnostics) {
                output::diagnostics(&line);
            }
            output::error(&format!("{name}: not scored; fix the problems above"));
            None
        }
    }
}
