//! Reading plain mode's input one line at a time, with a cap: a line is at most the longest
//! answer the questionnaire allows plus a margin, so endless input (`< /dev/zero`) cannot grow
//! memory without bound, and a line that is not UTF-8 is refused without ending the session.

use std::io::{self, BufRead};

/// How far past the cap the reader looks for the end of an over-long line before it decides the
/// input has no line ends at all.
const DISCARD_LIMIT: usize = 1024 * 1024;

/// One line of input, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputLine {
    Text(String),
    /// Longer than the cap; the rest of it was skipped.
    TooLong,
    /// Not valid UTF-8.
    NotText,
    /// Over the cap, and no line end within the next mebibyte: not line-based input at all.
    Endless,
}

/// Reads the next line of at most `max` bytes (without its line end); `None` at the end of the
/// input. Never holds more than `max` bytes of it.
pub fn read_line(reader: &mut impl BufRead, max: usize) -> io::Result<Option<InputLine>> {
    let mut line = Vec::new();
    let mut over = 0usize;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((!line.is_empty() || over > 0).then(|| judge(line, over)));
        }
        let (chunk, found_end) = match available.iter().position(|&b| b == b'\n') {
            Some(end) => (&available[..end], true),
            None => (available, false),
        };
        let room = max.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        over += chunk.len().saturating_sub(room);
        let used = chunk.len() + usize::from(found_end);
        reader.consume(used);
        if found_end {
            return Ok(Some(judge(line, over)));
        }
        if over > DISCARD_LIMIT {
            return Ok(Some(InputLine::Endless));
        }
    }
}

fn judge(mut line: Vec<u8>, over: usize) -> InputLine {
    if over > 0 {
        return InputLine::TooLong;
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    String::from_utf8(line).map_or(InputLine::NotText, InputLine::Text)
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<InputLine> {
        let mut reader = io::BufReader::with_capacity(7, input);
        std::iter::from_fn(|| read_line(&mut reader, max).unwrap()).collect()
    }

    #[test]
    fn lines_are_read_judged_and_capped() {
        let input = b"1\r\nhello\n\xff\xfe\nwaytoolongforthis\nlast";
        assert_eq!(
            lines(input, 10),
            [
                InputLine::Text("1".into()),
                InputLine::Text("hello".into()),
                InputLine::NotText,
                InputLine::TooLong,
                InputLine::Text("last".into()),
            ]
        );
    }

    #[test]
    fn endless_input_is_recognised_without_holding_it() {
        let zeros = io::repeat(0).take(3 * 1024 * 1024);
        let mut reader = io::BufReader::new(zeros);
        assert_eq!(
            read_line(&mut reader, 100).unwrap(),
            Some(InputLine::Endless)
        );
    }
}
