//! The command line's one writer. Everything a command prints goes through
//! [`Output`] (standard output) or [`warn`]/[`note`]/
//! [`error`] (standard error), so that:
//!
//! - no text from a file reaches the terminal with its control characters
//!   ([`crate::format::sanitize`]; JSON through
//!   [`crate::format::sanitize_json`]);
//! - a reader that stops early (`effekt sweep … | head -1`) ends the
//!   command quietly ([`Failure::Closed`]), and any other failed write
//!   (`> /dev/full`) is an error with a message and exit code 1, never a
//!   panic;
//! - error lines are capped, so no message echoes megabytes of input.

use std::io::{self, Write};

use super::Failure;
use crate::format::{self, Lang};
use crate::i18n::cli as texts;

/// The longest line printed to standard error, in characters.
pub const MAX_ERROR_LINE: usize = 1000;

/// Standard output (or any writer, in tests), buffered, sanitised, with
/// write errors as [`Failure`]s.
pub struct Output<W: Write = io::Stdout> {
    out: io::BufWriter<W>,
}

impl Output {
    /// Standard output.
    pub fn stdout() -> Output {
        Output::new(io::stdout())
    }
}

impl<W: Write> Output<W> {
    pub fn new(w: W) -> Output<W> {
        Output {
            out: io::BufWriter::new(w),
        }
    }

    /// Prints text made safe for a terminal.
    pub fn text(&mut self, text: &str) -> Result<(), Failure> {
        let safe = format::sanitize(text);
        self.out
            .write_all(safe.as_bytes())
            .map_err(Failure::from_write)
    }

    /// Prints a line of text made safe for a terminal.
    pub fn line(&mut self, text: &str) -> Result<(), Failure> {
        self.text(text)?;
        self.text("\n")
    }

    /// Prints JSON (pretty, with a final line break) with every control
    /// character escaped.
    pub fn json(&mut self, v: &serde_json::Value) -> Result<(), Failure> {
        let text = serde_json::to_string_pretty(v).map_err(|e| Failure::Output(e.into()))?;
        let safe = format::sanitize_json(&text);
        self.out
            .write_all(safe.as_bytes())
            .and_then(|()| self.out.write_all(b"\n"))
            .map_err(Failure::from_write)
    }

    /// Writes out what is buffered.
    pub fn flush(&mut self) -> Result<(), Failure> {
        self.out.flush().map_err(Failure::from_write)
    }

    /// The writer inside (tests).
    pub fn into_inner(self) -> Result<W, Failure> {
        self.out
            .into_inner()
            .map_err(|e| Failure::from_write(e.into_error()))
    }
}

/// Writes to standard error, sanitised and with each line capped at
/// [`MAX_ERROR_LINE`] characters. A failure to write there is ignored:
/// there is nowhere left to say it.
pub fn stderr(text: &str) {
    let mut out = String::with_capacity(text.len().min(8 * MAX_ERROR_LINE));
    for line in format::sanitize(text).lines() {
        let n = line.chars().count();
        if n > MAX_ERROR_LINE {
            out.extend(line.chars().take(MAX_ERROR_LINE));
            out.push_str(&format!(" … (+{})", n - MAX_ERROR_LINE));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    let _ = io::stderr().lock().write_all(out.as_bytes());
}

/// `error: …` / `feil: …` on standard error.
pub fn error(lang: Lang, text: &str) {
    stderr(&format!("{}: {text}", texts::prefix(lang).error));
}

/// `warning: …` / `advarsel: …` on standard error.
pub fn warn(lang: Lang, text: &str) {
    stderr(&format!("{}: {text}", texts::prefix(lang).warning));
}

/// `note: …` / `merk: …` on standard error.
pub fn note(lang: Lang, text: &str) {
    stderr(&format!("{}: {text}", texts::prefix(lang).note));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails like a closed pipe or a full disk.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(self.0))
        }
    }

    #[test]
    fn a_closed_pipe_is_quiet_and_a_full_disk_an_error() {
        let mut out = Output::new(Failing(io::ErrorKind::BrokenPipe));
        let r = out.text(&"x".repeat(100_000)).and_then(|()| out.flush());
        assert!(matches!(r, Err(Failure::Closed)));
        let mut out = Output::new(Failing(io::ErrorKind::StorageFull));
        let r = out.text("x").and_then(|()| out.flush());
        assert!(matches!(r, Err(Failure::Output(_))));
    }

    #[test]
    fn printed_text_has_no_control_characters() {
        let mut out = Output::new(Vec::new());
        out.line("navn\u{1b}[2J\u{9b}").unwrap();
        out.json(&serde_json::json!({ "n": "a\u{202e}b\u{1b}" }))
            .unwrap();
        let bytes = out.into_inner().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            !text.chars().any(|c| format::is_unsafe(c) && c != '\n'),
            "{text:?}"
        );
        assert!(text.contains("\\u202e") && text.contains("\\u001b"));
    }
}
