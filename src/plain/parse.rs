//! Reading one line of plain-mode input as an answer, with a one-line reason when it does not fit.

use crate::answers::Answer;
use crate::questionnaire::{Question, QuestionKind};
use crate::session::Refusal;
use crate::text::strip_unsafe;
use crate::ui_text::{UiText, fill};

/// Reads one line as an answer: `Ok(None)` for an empty line (skip), `Err` with a one-line
/// reason when it does not fit.
pub(super) fn parse(
    ui: &UiText,
    question: &Question,
    input: &str,
) -> Result<Option<Answer>, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return if question.required {
            Err(ui.needs_answer.clone())
        } else {
            Ok(None)
        };
    }
    // Only the offered options have numbers: retired ones cannot be typed.
    let offered = question.offered().len();
    let answer = match &question.kind {
        // Several numbers where one is wanted: say that it takes one, not only the range.
        QuestionKind::Single { .. } if parts(trimmed).count() > 1 => {
            return Err(fill(&ui.plain_one_answer, &[("max", &offered.to_string())]));
        }
        QuestionKind::Single { .. } => Answer::Choice(number_in(ui, trimmed, offered)? - 1),
        QuestionKind::Multi { .. } => Answer::Choices(
            parts(trimmed)
                .map(|part| number_in(ui, part, offered).map(|n| n - 1))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        QuestionKind::Scale(scale) => {
            let value = trimmed
                .parse::<i64>()
                .ok()
                .filter(|v| (scale.min..=scale.max).contains(v));
            Answer::Scale(value.ok_or_else(|| {
                fill(
                    &ui.plain_pick_value,
                    &[
                        ("min", &scale.min.to_string()),
                        ("max", &scale.max.to_string()),
                    ],
                )
            })?)
        }
        QuestionKind::Text { .. } => Answer::Text(strip_unsafe(trimmed, false)),
    };
    crate::answers::check(question, &answer)
        .map_err(|problem| Refusal::Invalid(problem).words(ui))?;
    Ok(Some(answer))
}

/// The numbers typed on one line, split at spaces and commas ("1, 3" or "1 3").
fn parts(text: &str) -> impl Iterator<Item = &str> {
    text.split([' ', ',']).filter(|part| !part.is_empty())
}

fn number_in(ui: &UiText, text: &str, high: usize) -> Result<usize, String> {
    text.parse::<usize>()
        .ok()
        .filter(|n| (1..=high).contains(n))
        .ok_or_else(|| {
            fill(
                &ui.plain_pick_number,
                &[("min", "1"), ("max", &high.to_string())],
            )
        })
}
