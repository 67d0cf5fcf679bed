//! Region codes, as crisis lines are filed under them and as a person's locale names them.

/// A region code as the crisis entries use it: two ASCII letters, upper case, with `UK` read as
/// `GB` (ISO 3166 has no `UK`). `None` for anything else.
#[must_use]
pub fn normalise_region(code: &str) -> Option<String> {
    let code = code.trim();
    if code.len() != 2 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let upper = code.to_ascii_uppercase();
    Some(if upper == "UK" {
        "GB".to_string()
    } else {
        upper
    })
}

/// The region part of a locale such as `en_GB.UTF-8` or `fr_CA@euro`: `GB`, `CA`.
#[must_use]
pub fn region_from_locale(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next()?;
    let region = base.split(['_', '-']).nth(1)?;
    normalise_region(region)
}
