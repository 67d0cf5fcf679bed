//! The answer being composed on a question screen, before it is submitted to the session: the
//! highlighted option, the toggled choices, the scale value, or the text and its cursor. Nothing
//! is pre-answered: a question opens with no option highlighted and a scale with no value, so a
//! hurried Enter cannot answer it.

use crate::answers::Answer;
use crate::questionnaire::{Question, QuestionKind};
use crate::text::is_unsafe_char;

/// What submitting a draft means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submission {
    Answer(Answer),
    /// An empty text: leave the question unanswered.
    Skip,
    /// Nothing chosen yet: the person must choose (or skip on purpose).
    Untouched,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draft {
    Single {
        /// The highlighted option; `None` until the person moves or picks.
        cursor: Option<usize>,
    },
    Multi {
        cursor: Option<usize>,
        chosen: Vec<bool>,
    },
    Scale {
        /// `None` until the person sets a value.
        value: Option<i64>,
        min: i64,
        max: i64,
        /// The number being typed, while another digit could still extend it: "1" then "0"
        /// is 10 on a 0-10 scale.
        typed: Option<i64>,
    },
    Text {
        text: String,
        cursor: usize,
        multiline: bool,
        max_length: usize,
    },
}

impl Draft {
    /// A draft for `question`, starting from its current answer if it has one, and otherwise
    /// from nothing: no option highlighted, no scale value.
    #[must_use]
    pub fn new(question: &Question, current: Option<&Answer>) -> Self {
        match (&question.kind, current) {
            // A retired answer (from a file saved with an older questionnaire) is not on the
            // screen to highlight: the person chooses one of today's answers.
            (QuestionKind::Single { .. }, Some(Answer::Choice(i))) if question.is_offered(*i) => {
                Self::Single { cursor: Some(*i) }
            }
            (QuestionKind::Single { .. }, _) => Self::Single { cursor: None },
            (QuestionKind::Multi { options, .. }, current) => {
                let mut chosen = vec![false; options.len()];
                let picked = current.map(Answer::chosen).unwrap_or_default();
                for &i in picked {
                    if let Some(slot) = chosen.get_mut(i) {
                        *slot = true;
                    }
                }
                Self::Multi {
                    cursor: picked.first().copied(),
                    chosen,
                }
            }
            (QuestionKind::Scale(scale), current) => {
                let value = match current {
                    Some(Answer::Scale(v)) => Some(*v),
                    _ => None,
                };
                Self::Scale {
                    value,
                    min: scale.min,
                    max: scale.max,
                    typed: None,
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

    /// What submitting this draft means: an answer, a skip (an empty text), or nothing chosen.
    #[must_use]
    pub fn submission(&self) -> Submission {
        match self {
            Self::Single { cursor: Some(i) } => Submission::Answer(Answer::Choice(*i)),
            Self::Multi { chosen, .. } if chosen.iter().any(|c| *c) => {
                Submission::Answer(Answer::Choices(
                    chosen
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| **c)
                        .map(|(i, _)| i)
                        .collect(),
                ))
            }
            Self::Scale { value: Some(v), .. } => Submission::Answer(Answer::Scale(*v)),
            Self::Text { text, .. } if text.trim().is_empty() => Submission::Skip,
            Self::Text { text, .. } => {
                Submission::Answer(Answer::Text(text.trim_end().to_string()))
            }
            Self::Single { cursor: None }
            | Self::Multi { .. }
            | Self::Scale { value: None, .. } => Submission::Untouched,
        }
    }

    /// The answer this draft stands for, if it stands for one.
    #[must_use]
    pub fn answer(&self) -> Option<Answer> {
        match self.submission() {
            Submission::Answer(answer) => Some(answer),
            Submission::Skip | Submission::Untouched => None,
        }
    }

    /// Moves the highlight (or the scale value) by `delta`, clamped to the ends. From nothing, the
    /// first move lands on the first option (or, moving up, the last), and on a scale on its
    /// middle, or its end for a long jump.
    pub fn step(&mut self, delta: i64, options: usize) {
        match self {
            Self::Single { cursor } | Self::Multi { cursor, .. } => {
                let last = i64::try_from(options.saturating_sub(1)).unwrap_or(0);
                let moved = match *cursor {
                    Some(at) if at < options => i64::try_from(at).unwrap_or(0) + delta,
                    _ if delta < -1 || delta == 1 => 0,
                    _ => last,
                };
                *cursor = Some(usize::try_from(moved.clamp(0, last)).unwrap_or(0));
            }
            Self::Scale {
                value,
                min,
                max,
                typed,
            } => {
                *typed = None;
                let middle = *min + (*max - *min) / 2;
                *value = Some(match *value {
                    Some(v) => v.saturating_add(delta).clamp(*min, *max),
                    None if delta.abs() > 1 => middle.saturating_add(delta).clamp(*min, *max),
                    None => middle,
                });
            }
            Self::Text { .. } => {}
        }
    }

    /// Toggles the highlighted choice of a multi question (nothing while none is highlighted).
    pub fn toggle(&mut self) {
        if let Self::Multi {
            cursor: Some(at),
            chosen,
        } = self
            && let Some(slot) = chosen.get_mut(*at)
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
                    *cursor = Some(index);
                    true
                }
                _ => false,
            },
            Self::Scale {
                value,
                min,
                max,
                typed,
            } => {
                let range = *min..=*max;
                let longer = typed
                    .and_then(|t| t.checked_mul(10))
                    .and_then(|t| t.checked_add(n))
                    .filter(|v| range.contains(v));
                let Some(picked) = longer.or_else(|| range.contains(&n).then_some(n)) else {
                    *typed = None;
                    return false;
                };
                *value = Some(picked);
                // Another digit may follow only while the longer number could still fit.
                *typed = (picked > 0 && picked.saturating_mul(10) <= *max).then_some(picked);
                true
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
            value: Some(5),
            min: 0,
            max: 10,
            typed: None,
        };
        scale.step(20, 0);
        assert_eq!(scale.answer(), Some(Answer::Scale(10)));
        assert!(!scale.pick(11, 0) && scale.pick(3, 0));
        assert_eq!(scale.answer(), Some(Answer::Scale(3)));
        // "1" then "0" is 10; "1" then "2" is 2, since 12 does not fit; after an arrow a digit
        // starts afresh.
        assert!(scale.pick(1, 0) && scale.pick(0, 0));
        assert_eq!(scale.answer(), Some(Answer::Scale(10)));
        assert!(scale.pick(1, 0) && scale.pick(2, 0));
        assert_eq!(scale.answer(), Some(Answer::Scale(2)));
        assert!(scale.pick(1, 0));
        scale.step(-1, 0);
        assert!(scale.pick(0, 0));
        assert_eq!(scale.answer(), Some(Answer::Scale(0)));
        let mut multi = Draft::Multi {
            cursor: None,
            chosen: vec![false; 3],
        };
        assert_eq!(multi.submission(), Submission::Untouched);
        assert!(!multi.pick(4, 3));
        assert!(multi.pick(3, 3));
        multi.toggle();
        multi.step(-9, 3);
        multi.toggle();
        assert_eq!(multi.answer(), Some(Answer::Choices(vec![0, 2])));
    }
}

#[cfg(test)]
mod untouched {
    use super::*;

    #[test]
    fn an_untouched_draft_is_not_an_answer_until_moved_or_picked() {
        let mut single = Draft::Single { cursor: None };
        assert_eq!(single.submission(), Submission::Untouched);
        single.step(1, 3);
        assert_eq!(single.answer(), Some(Answer::Choice(0)));
        let mut up = Draft::Single { cursor: None };
        up.step(-1, 3);
        assert_eq!(
            up.answer(),
            Some(Answer::Choice(2)),
            "up from nothing lands on the last"
        );
        let mut scale = Draft::Scale {
            value: None,
            min: 0,
            max: 10,
            typed: None,
        };
        assert_eq!(scale.submission(), Submission::Untouched);
        scale.step(1, 0);
        assert_eq!(
            scale.answer(),
            Some(Answer::Scale(5)),
            "the first move shows the middle"
        );
        let mut far = Draft::Scale {
            value: None,
            min: 0,
            max: 10,
            typed: None,
        };
        far.step(-(1 << 32), 0);
        assert_eq!(
            far.answer(),
            Some(Answer::Scale(0)),
            "Home goes to the minimum"
        );
    }
}
