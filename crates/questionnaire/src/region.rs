//! Region codes, as crisis lines are filed under them: the loader normalises each line's.

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
