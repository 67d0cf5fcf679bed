//! The answer being composed on a question screen, before it is submitted to the session: the
//! highlighted option, the toggled choices, the scale value, or the text and its cursor.

use crate::answers::Answer;
use crate::questionnaire::{Question, QuestionKind};
use crate::text::is_unsafe_char;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draft {
    Single {
        cursor: usize,
    },
    Multi {
        cursor: usize,
        chosen: Vec<bool>,
    },
    Scale {
        value: i64,
        min: i64,
        max: i64,
    },
    Text {
        text: String,
        cursor: usize,
        multiline: bool,
        max_length: usize,
    },
}

impl Draft {
    /// A draft for `question`, starting from its current answer if it has one: a scale starts at
    /// its middle, a list at its first option.
    #[must_use]
    pub fn new(question: &Question, current: Option<&Answer>) -> Self {
        match (&question.kind, current) {
            (QuestionKind::Single { .. }, Some(Answer::Choice(i))) => Self::Single { cursor: *i },
            (QuestionKind::Single { .. }, _) => Self::Single { cursor: 0 },
            (QuestionKind::Multi { options, .. }, current) => {
                let mut chosen = vec![false; options.len()];
                for &i in current.map(Answer::chosen).unwrap_or_default() {
                    if let Some(slot) = chosen.get_mut(i) {
                        *slot = true;
                    }
                }
                Self::Multi { cursor: 0, chosen }
            }
            (QuestionKind::Scale(scale), current) => {
                let value = match current {
                    Some(Answer::Scale(v)) => *v,
                    _ => scale.middle(),
                };
                Self::Scale {
                    value,
                    min: scale.min,
                    max: scale.max,
                }
            }
            (
                QuestionKind::Text {
                    max_length,
                    multiline,
                },
                current,
            ) => {
                let text = match current {
                    Some(Answer::Text(t)) => t.clone(),
                    _ => String::new(),
                };
                let cursor = text.chars().count();
                Self::Text {
                    text,
                    cursor,
                    multiline: *multiline,
                    max_length: *max_length,
                }
            }
        }
    }

    /// The answer this draft stands for; `None` for an empty text (skipped).
    #[must_use]
    pub fn answer(&self) -> Option<Answer> {
        match self {
            Self::Single { cursor } => Some(Answer::Choice(*cursor)),
            Self::Multi { chosen, .. } => Some(Answer::Choices(
                chosen
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c)
                    .map(|(i, _)| i)
                    .collect(),
            )),
            Self::Scale { value, .. } => Some(Answer::Scale(*value)),
            Self::Text { text, .. } => {
                (!text.trim().is_empty()).then(|| Answer::Text(text.trim_end().to_string()))
            }
        }
    }

    /// Moves the highlight (or the scale value) by `delta`, clamped to the ends.
    pub fn step(&mut self, delta: i64, options: usize) {
        match self {
            Self::Single { cursor } | Self::Multi { cursor, .. } => {
                let last = options.saturating_sub(1);
                let moved = i64::try_from(*cursor).unwrap_or(0) + delta;
                *cursor = usize::try_from(moved.max(0)).unwrap_or(0).min(last);
            }
            Self::Scale { value, min, max } => *value = (*value + delta).clamp(*min, *max),
            Self::Text { .. } => {}
        }
    }

    /// Toggles the highlighted choice of a multi question.
    pub fn toggle(&mut self) {
        if let Self::Multi { cursor, chosen } = self
            && let Some(slot) = chosen.get_mut(*cursor)
        {
            *slot = !*slot;
        }
    }

    /// Picks by number: option `n` (1-based, of `options`) or, on a scale, the value `n`.
    /// False when out of range.
    pub fn pick(&mut self, n: u32, options: usize) -> bool {
        let n = i64::from(n);
        match self {
            Self::Single { cursor } | Self::Multi { cursor, .. } => match usize::try_from(n - 1) {
                Ok(index) if index < options => {
                    *cursor = index;
                    true
                }
                _ => false,
            },
            Self::Scale { value, min, max } => {
                let fits = (*min..=*max).contains(&n);
                if fits {
                    *value = n;
                }
                fits
            }
            Self::Text { .. } => false,
        }
    }

    /// Types text at the cursor. Control characters and invisible formatting characters are
    /// dropped; line breaks are kept only in a multi-line field. The length limit holds.
    pub fn insert(&mut self, typed: &str) {
        if let Self::Text {
            text,
            cursor,
            multiline,
            max_length,
        } = self
        {
            let normalised = typed.replace("\r\n", "\n").replace('\r', "\n");
            let mut count = text.chars().count();
            for c in normalised.chars() {
                let c = if c == '\t' { ' ' } else { c };
                let allowed = if c == '\n' {
                    *multiline
                } else {
                    !is_unsafe_char(c)
                };
                if !allowed || count >= *max_length {
                    continue;
                }
                let at = byte_index(text, *cursor);
                text.insert(at, c);
                *cursor += 1;
                count += 1;
            }
        }
    }

    /// Deletes the character before the cursor; false when there is none.
    pub fn backspace(&mut self) -> bool {
        if let Self::Text { text, cursor, .. } = self
            && *cursor > 0
        {
            let at = byte_index(text, *cursor - 1);
            text.remove(at);
            *cursor -= 1;
            return true;
        }
        false
    }

    /// Moves the text cursor by `delta` characters.
    pub fn move_cursor(&mut self, delta: i64) {
        if let Self::Text { text, cursor, .. } = self {
            let len = i64::try_from(text.chars().count()).unwrap_or(0);
            let moved = (i64::try_from(*cursor).unwrap_or(0) + delta).clamp(0, len);
            *cursor = usize::try_from(moved).unwrap_or(0);
        }
    }
}

fn byte_index(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_draft(multiline: bool) -> Draft {
        Draft::Text {
            text: String::new(),
            cursor: 0,
            multiline,
            max_length: 10,
        }
    }

    #[test]
    fn a_pasted_newline_is_cleaned_not_submitted() {
        let mut single_line = text_draft(false);
        single_line.insert("a\nb\u{1b}[2J");
        assert_eq!(single_line.answer(), Some(Answer::Text("ab[2J".into())));
        let mut multi = text_draft(true);
        multi.insert("a\r\nb\u{202e}");
        assert_eq!(multi.answer(), Some(Answer::Text("a\nb".into())));
    }

    #[test]
    fn text_respects_its_limit_and_cursor() {
        let mut d = text_draft(false);
        d.insert("hello world!");
        assert_eq!(d.answer(), Some(Answer::Text("hello worl".into())));
        d.move_cursor(-4);
        assert!(d.backspace());
        d.insert("é");
        assert_eq!(d.answer(), Some(Answer::Text("helloéworl".into())));
    }

    #[test]
    fn steps_and_picks_stay_in_range() {
        let mut scale = Draft::Scale {
            value: 5,
            min: 0,
            max: 10,
        };
        scale.step(20, 0);
        assert_eq!(scale.answer(), Some(Answer::Scale(10)));
        assert!(!scale.pick(11, 0) && scale.pick(3, 0));
        assert_eq!(scale.answer(), Some(Answer::Scale(3)));
        let mut multi = Draft::Multi {
            cursor: 0,
            chosen: vec![false; 3],
        };
        assert!(!multi.pick(4, 3));
        assert!(multi.pick(3, 3));
        multi.toggle();
        multi.step(-9, 3);
        multi.toggle();
        assert_eq!(multi.answer(), Some(Answer::Choices(vec![0, 2])));
    }
}
