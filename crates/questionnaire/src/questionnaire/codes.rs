//! Standard codes a questionnaire may give its items, options and instrument totals (`loinc`),
//! so that a record system reads the validated instruments by their LOINC codes. A code is
//! checked for its form and, for a LOINC term, its check digit, which catches a mistyped digit.

use std::fmt::Display;

use toml::Spanned;

use super::validate::Validator;

/// What a `loinc` code names: a question or a total (a LOINC term, `44260-8`) or an answer (a
/// LOINC answer, `LA6568-5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LoincKind {
    Term,
    Answer,
}

/// The check digit LOINC gives a term's number (its "mod 10" rule, the Luhn scheme).
fn check_digit(number: &str) -> Option<u32> {
    let mut sum = 0;
    for (position, c) in number.chars().rev().enumerate() {
        let digit = c.to_digit(10)?;
        sum += if position % 2 == 0 {
            let doubled = digit * 2;
            doubled / 10 + doubled % 10
        } else {
            digit
        };
    }
    Some((10 - sum % 10) % 10)
}

/// Why a code is not a LOINC code of the kind asked for, if it is not.
fn loinc_problem(code: &str, kind: LoincKind) -> Option<String> {
    let (prefix, example) = match kind {
        LoincKind::Term => ("", "44260-8"),
        LoincKind::Answer => ("LA", "LA6568-5"),
    };
    let form = || {
        format!(
            "is not a LOINC {} code like \"{example}\"",
            match kind {
                LoincKind::Term => "term",
                LoincKind::Answer => "answer",
            }
        )
    };
    let Some(rest) = code.strip_prefix(prefix) else {
        return Some(form());
    };
    let Some((number, check)) = rest.split_once('-') else {
        return Some(form());
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(number) || number.len() > 7 || check.len() != 1 || !digits(check) {
        return Some(form());
    }
    // LOINC's answer codes are not made with the term's check-digit rule.
    if kind == LoincKind::Term {
        let expected = check_digit(number)?;
        if check.parse::<u32>().ok() != Some(expected) {
            return Some(format!(
                "has the check digit {check} where LOINC's rule gives {expected}: is a digit mistyped?"
            ));
        }
    }
    None
}

impl Validator<'_> {
    /// A `loinc` field, checked; `None` (with an error) when it is not a LOINC code.
    pub(super) fn loinc(
        &mut self,
        code: Option<&Spanned<String>>,
        kind: LoincKind,
        context: &dyn Display,
    ) -> Option<String> {
        let code = code?;
        if let Some(problem) = loinc_problem(code.get_ref(), kind) {
            self.error(
                code.span(),
                format!("{context}: loinc \"{}\" {problem}", code.get_ref()),
            );
            return None;
        }
        Some(code.get_ref().clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_digit_is_loincs() {
        // PHQ-9 item 9, the AUDIT-C items and total, as LOINC publishes them.
        for code in [
            "44260-8", "68518-0", "68519-8", "68520-6", "75626-2", "72109-2",
        ] {
            assert_eq!(loinc_problem(code, LoincKind::Term), None, "{code}");
        }
        let wrong = loinc_problem("44260-7", LoincKind::Term).unwrap();
        assert!(
            wrong.contains("check digit 7 where LOINC's rule gives 8"),
            "{wrong}"
        );
    }

    #[test]
    fn a_code_of_the_wrong_form_is_refused() {
        assert_eq!(loinc_problem("LA6568-5", LoincKind::Answer), None);
        for (code, kind) in [
            ("LA6568-5", LoincKind::Term),
            ("44260-8", LoincKind::Answer),
            ("44260", LoincKind::Term),
            ("4426a-8", LoincKind::Term),
            ("44260-88", LoincKind::Term),
            ("", LoincKind::Term),
        ] {
            assert!(loinc_problem(code, kind).is_some(), "{code:?}");
        }
    }
}
