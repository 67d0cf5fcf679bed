//! `groupfit audit`: the balance report for a questionnaire's authors, as text or JSON.

use std::fmt::Write as _;
use std::path::Path;

use groupfit::audit::{self, Audit, MAX_TILT};
use groupfit::questionnaire::Questionnaire;
use groupfit::report::{figure, recommendation_label};

use super::args::AuditFormat;
use super::output::Output;
use super::{Exit, files};

pub fn audit(file: Option<&Path>, format: AuditFormat, strict: bool, out: &mut Output) -> Exit {
    let Some(questionnaire) = files::questionnaire(file) else {
        return Exit::Invalid;
    };
    let found = audit::audit(&questionnaire);
    out.write(&match format {
        AuditFormat::Json => serde_json::to_string_pretty(&found).unwrap_or_default() + "\n",
        AuditFormat::Text => text(&questionnaire, &found),
    });
    if strict && !found.problems.is_empty() {
        Exit::Failure
    } else {
        Exit::Success
    }
}

fn text(questionnaire: &Questionnaire, found: &Audit) -> String {
    let mut out = String::new();
    let meta = &questionnaire.meta;
    let _ = writeln!(out, "Audit of {} {}\n", meta.id, meta.version);
    let tilt = &found.tilt;
    let _ = writeln!(
        out,
        "Tilt (mean S, every answer equally likely): {} ± {:.3} ({} answer sets drawn; must be \
         within ±{MAX_TILT})",
        figure(tilt.mean, 3),
        tilt.error,
        tilt.samples
    );
    let neutral = found
        .neutral_score
        .map_or_else(|| "none".to_string(), |s| figure(s, 3));
    let _ = writeln!(out, "S with every question answered neutrally: {neutral}");
    let reachable: Vec<String> = found
        .reachable
        .iter()
        .map(|r| recommendation_label(questionnaire, *r))
        .collect();
    let _ = writeln!(out, "Reachable: {}\n", reachable.join("; "));
    let _ = writeln!(out, "Dimension       D from   to");
    for d in &found.dimensions {
        let _ = writeln!(
            out,
            "{:<14} {:>7} {:>6}",
            d.id,
            figure(d.min, 2),
            figure(d.max, 2)
        );
    }
    let _ = writeln!(
        out,
        "\nQuestion  dimension     mean   poles        largest effect on S  can change the band"
    );
    for q in &found.questions {
        let poles = q.asymmetric.map_or_else(
            || "symmetric".to_string(),
            |(low, high)| format!("{}/{}", figure(low, 0), figure(high, 0)),
        );
        let _ = writeln!(
            out,
            "{:<9} {:<12} {:>6}{}  {:<12} {:>8}             {}",
            q.id,
            q.dimension,
            figure(q.mean, 2),
            if q.leans { "*" } else { " " },
            poles,
            format!("{:.3}", q.largest_effect),
            if q.can_change_band { "yes" } else { "no" }
        );
    }
    let _ = writeln!(out, "(* the question leans one way on average)\n");
    if found.problems.is_empty() {
        let _ = writeln!(
            out,
            "No problems: the tilt is within ±{MAX_TILT} and every neutral answer weighs 0."
        );
    } else {
        let _ = writeln!(out, "Problems:");
        for p in &found.problems {
            let _ = writeln!(out, "- {p}");
        }
    }
    out
}
