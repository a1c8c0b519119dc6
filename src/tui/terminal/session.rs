//! A session: one view of a document drawn through crossterm's ANSI
//! backend into any writer (stdout, an SSH channel), with the 16 ANSI
//! colours' own codes.

use std::io::{self, Write};

use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::tui::app::App;
use crate::tui::document::Document;
use crate::tui::event::Event;
use crate::tui::view::View;

/// A terminal that speaks ANSI through a writer (stdout here, an SSH
/// channel later), drawing one view of a document. Its size comes from
/// resize events, never from a global query, so a session can run over any
/// byte stream. Colours go out as the 16 ANSI colours' own codes
/// ([`Ansi16`]).
pub struct Session<W: Write> {
    terminal: Terminal<CrosstermBackend<Ansi16<W>>>,
}

impl<W: Write> Session<W> {
    /// A session drawing at `size` (columns, rows).
    pub fn new(writer: W, size: (u16, u16)) -> io::Result<Session<W>> {
        let viewport = Viewport::Fixed(Rect::new(0, 0, size.0, size.1));
        let backend = CrosstermBackend::new(Ansi16::new(writer));
        let terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
        Ok(Session { terminal })
    }

    /// Draws a view of a document: only the cells that changed since the
    /// last frame, wrapped in synchronized-update escapes so the terminal
    /// shows the frame at once.
    pub fn present(&mut self, doc: Option<&Document>, view: &View) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        crate::tui::ui::draw(&mut self.terminal, doc, view)?;
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        Ok(())
    }

    /// Shows a picture drawn beforehand at this session's size (a room's
    /// host draws one picture for every viewer who sees the same): only
    /// the cells that changed since the last frame are sent, as with
    /// [`Session::present`].
    pub fn present_picture(&mut self, picture: &Buffer) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        self.terminal.draw(|frame| {
            let buf = frame.buffer_mut();
            if buf.area == picture.area {
                buf.content.clone_from(&picture.content);
            } else {
                buf.merge(picture);
            }
        })?;
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        Ok(())
    }

    /// The terminal has a new size (or its content is unknown, after a
    /// suspend): clears it, and the next frame draws everything. Never
    /// asks the terminal anything (its answer would go to the input).
    pub fn resize(&mut self, w: u16, h: u16) -> io::Result<()> {
        self.terminal.resize(Rect::new(0, 0, w, h))
    }

    /// Sends what is written so far.
    pub(super) fn flush(&mut self) -> io::Result<()> {
        self.terminal.backend_mut().flush()
    }

    /// Gives an app an event and draws if anything may have changed.
    /// Returns whether it drew.
    pub fn handle(&mut self, app: &mut App, ev: Event) -> io::Result<bool> {
        if let Event::Resize(w, h) = ev {
            self.resize(w, h)?;
        }
        let changed = app.handle(ev);
        if changed && !app.quit {
            self.present(app.doc.as_ref(), &app.view)?;
        }
        Ok(changed)
    }
}

/// A writer that turns crossterm's colour escapes for the 16 ANSI colours
/// (`ESC[38;5;6m`, a 256-colour code) into their own codes (`ESC[36m`,
/// bright ones `ESC[96m`), which every colour terminal knows, 16-colour
/// ones included. Everything else passes unchanged; an escape split
/// across writes is held until it is whole.
pub struct Ansi16<W: Write> {
    inner: W,
    /// An escape sequence begun and not yet ended.
    pending: Vec<u8>,
    out: Vec<u8>,
}

/// Longest escape held back; a longer one passes as it is.
const ESCAPE_MAX: usize = 64;

impl<W: Write> Ansi16<W> {
    pub fn new(inner: W) -> Ansi16<W> {
        Ansi16 {
            inner,
            pending: Vec::new(),
            out: Vec::new(),
        }
    }

    fn push(&mut self, b: u8) {
        if self.pending.is_empty() {
            if b == 0x1b {
                self.pending.push(b);
            } else {
                self.out.push(b);
            }
            return;
        }
        self.pending.push(b);
        let csi = self.pending.get(1) == Some(&b'[');
        let done = match self.pending.len() {
            2 => !csi,
            _ => (0x40..=0x7e).contains(&b) || self.pending.len() >= ESCAPE_MAX,
        };
        if done {
            let seq = std::mem::take(&mut self.pending);
            if csi && b == b'm' {
                self.out.extend_from_slice(&sgr16(&seq));
            } else {
                self.out.extend_from_slice(&seq);
            }
        }
    }
}

/// An SGR sequence (`ESC [ params m`) with 256-colour codes of the first
/// 16 colours written as their own codes.
fn sgr16(seq: &[u8]) -> Vec<u8> {
    let Ok(params) = std::str::from_utf8(&seq[2..seq.len() - 1]) else {
        return seq.to_vec();
    };
    let tokens: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let indexed = matches!(tokens[i], "38" | "48") && tokens.get(i + 1) == Some(&"5");
        let n = tokens.get(i + 2).and_then(|n| n.parse::<u8>().ok());
        match (indexed, n) {
            (true, Some(n)) if n < 16 => {
                let base = if tokens[i] == "38" { 30 } else { 40 };
                let code = if n < 8 { base + n } else { base + 60 + n - 8 };
                out.push(code.to_string());
                i += 3;
            }
            _ => {
                out.push(tokens[i].to_string());
                i += 1;
            }
        }
    }
    format!("\x1b[{}m", out.join(";")).into_bytes()
}

impl<W: Write> Write for Ansi16<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for &b in buf {
            self.push(b);
        }
        let out = std::mem::take(&mut self.out);
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `Ansi16` makes of some bytes written in pieces of `chunk`.
    fn through_ansi16(input: &[u8], chunk: usize) -> Vec<u8> {
        let mut w = Ansi16::new(Vec::new());
        for piece in input.chunks(chunk) {
            w.write_all(piece).unwrap();
        }
        w.inner
    }

    #[test]
    fn colours_go_out_as_the_16_ansi_codes() {
        let cases: [(&[u8], &[u8]); 6] = [
            (b"\x1b[38;5;6mx", b"\x1b[36mx"),
            (b"\x1b[38;5;14m", b"\x1b[96m"),
            (b"\x1b[48;5;0m", b"\x1b[40m"),
            (b"\x1b[1;38;5;9;48;5;15m", b"\x1b[1;91;107m"),
            // Beyond the 16, true colour and other escapes pass unchanged.
            (
                b"\x1b[38;5;200m\x1b[38;2;1;2;3m",
                b"\x1b[38;5;200m\x1b[38;2;1;2;3m",
            ),
            (
                b"a\x1b[?1049h\x1b[2;5Hb\x1b[39;49m",
                b"a\x1b[?1049h\x1b[2;5Hb\x1b[39;49m",
            ),
        ];
        for (input, want) in cases {
            for chunk in [1, 2, 3, 64] {
                assert_eq!(
                    through_ansi16(input, chunk),
                    want,
                    "{:?} in pieces of {chunk}",
                    String::from_utf8_lossy(input)
                );
            }
        }
    }
}
