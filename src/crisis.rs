//! Which crisis lines to show first: those of the person's region, then the others. The region
//! comes from `--region` or the locale; reading the environment is the caller's job.

use crate::questionnaire::{CrisisLine, Questionnaire};

/// The region part of a locale such as `en_GB.UTF-8` or `fr_CA@euro`: `GB`, `CA`.
#[must_use]
pub fn region_from_locale(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next()?;
    let region = base.split(['_', '-']).nth(1)?;
    (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| region.to_ascii_uppercase())
}

/// The crisis lines in the order to show them, and whether any matches the region.
#[must_use]
pub fn ordered_lines<'q>(
    questionnaire: &'q Questionnaire,
    region: Option<&str>,
) -> (Vec<&'q CrisisLine>, bool) {
    let matches = |line: &CrisisLine| region.is_some_and(|r| line.region.eq_ignore_ascii_case(r));
    let mut lines: Vec<&CrisisLine> = questionnaire.crisis.iter().filter(|l| matches(l)).collect();
    let region_found = !lines.is_empty();
    lines.extend(questionnaire.crisis.iter().filter(|l| !matches(l)));
    (lines, region_found)
}

/// A crisis line on one line: `Samaritans (GB): Call 116 123, free, any time. https://...`.
#[must_use]
pub fn one_line(line: &CrisisLine) -> String {
    format!(
        "{} ({}): {} {}",
        line.service, line.region, line.contact, line.url
    )
    .trim_end()
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_come_from_locales() {
        assert_eq!(region_from_locale("en_GB.UTF-8").as_deref(), Some("GB"));
        assert_eq!(region_from_locale("fr_CA@euro").as_deref(), Some("CA"));
        assert_eq!(region_from_locale("en-us").as_deref(), Some("US"));
        assert_eq!(region_from_locale("C.UTF-8"), None);
        assert_eq!(region_from_locale("POSIX"), None);
        assert_eq!(region_from_locale(""), None);
    }
}
