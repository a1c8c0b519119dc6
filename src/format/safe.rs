//! Text from files and users made safe to print: a scenario's texts, a
//! variant's name and notes, a file name in an error. An escape sequence
//! in any of them could clear the screen, retitle the window, hide text or
//! reorder it (bidirectional overrides); none reaches a terminal or a
//! report. The command line's one writer (`crate::cli::output`) passes
//! everything it prints through [`sanitize`] or [`sanitize_json`].

use std::borrow::Cow;

/// Characters that must not be printed as they are: control characters
/// (C0, DEL, C1), bidirectional formatting characters and the Unicode line
/// and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Text with every unsafe character replaced: a line break stays (`\r\n`
/// becomes `\n`), a tab becomes a space, anything else becomes `�`.
///
/// ```
/// use effekt::format::sanitize;
///
/// assert_eq!(sanitize("a\u{1b}[2Jb\tc\r\nd"), "a�[2Jb c\nd");
/// ```
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && c != '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            c if is_unsafe(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// JSON text with every unsafe character outside line breaks written as a
/// `\uXXXX` escape. The data stays the same (JSON strings may escape any
/// character; the structure around them is ASCII), but a terminal showing
/// it sees no control characters. `serde_json` already escapes C0; this
/// covers DEL, C1 and the formatting characters.
pub fn sanitize_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(|c| is_unsafe(c) && c != '\n') {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The most characters of user input an error message quotes.
pub const EXCERPT_CHARS: usize = 60;

/// User input as an error message quotes it: on one line, sanitised, and
/// cut to [`EXCERPT_CHARS`] characters with `…`, so a megabyte pasted by
/// mistake is not echoed back.
pub fn excerpt(text: &str) -> String {
    excerpt_of(text, EXCERPT_CHARS)
}

/// [`excerpt`] cut to `max` characters: for longer quotes, such as a
/// parser's message about a file.
pub fn excerpt_of(text: &str, max: usize) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let clean = sanitize(&one_line);
    let mut out: String = clean.chars().take(max).collect();
    if clean.chars().count() > max {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_never_pass() {
        let hostile = "Navn\u{1b}]0;eid\u{7}\u{9b}31m\u{202e}txt.exe\u{7f}";
        let clean = sanitize(hostile);
        assert!(!clean.chars().any(is_unsafe), "{clean:?}");
        assert_eq!(clean, "Navn�]0;eid��31m�txt.exe�");
        assert!(matches!(sanitize("æøå 12 %\nok"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_data_and_loses_raw_controls() {
        let v = serde_json::json!({ "name": "a\u{9b}b\u{202e}c\u{1b}" });
        let text = serde_json::to_string_pretty(&v).unwrap();
        let safe = sanitize_json(&text);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn excerpts_are_short_and_on_one_line() {
        assert_eq!(excerpt("a\nb"), "a b");
        let long = excerpt(&"9".repeat(10_000));
        assert_eq!(long.chars().count(), EXCERPT_CHARS + 1);
        assert!(long.ends_with('…'));
    }
}
