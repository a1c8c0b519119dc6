//! A client's key presses and mouse clicks, parsed from the bytes of its
//! SSH channel into the app's [`Event`]s. The parsing is `terminput`'s
//! (crossterm's parser, lifted out of crossterm's global terminal state);
//! the mapping to the app's events is the app's own
//! ([`crate::tui::terminal::from_crossterm`]), the same as for a local
//! terminal.
//!
//! A lone Esc byte may be the Esc key or the start of an escape sequence
//! whose rest is still on the way; it is held for [`ESC_WAIT`] and then
//! taken as the Esc key, as terminal programs do.

use std::time::{Duration, Instant};

use crate::tui::Event;
use crate::tui::terminal::from_crossterm;

/// How long a lone Esc (or an unfinished escape sequence) waits for the
/// rest of its bytes.
pub const ESC_WAIT: Duration = Duration::from_millis(40);

/// Longest escape sequence kept while waiting for its end; longer ones are
/// junk and dropped.
const MAX_SEQUENCE: usize = 64;

const ESC: u8 = 0x1b;

/// Bytes not yet parsed, and since when they wait.
#[derive(Debug, Default)]
pub struct InputParser {
    pending: Vec<u8>,
    since: Option<Instant>,
}

impl InputParser {
    /// Parses the bytes that arrived at `now`.
    pub fn feed(&mut self, bytes: &[u8], now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        for &b in bytes {
            self.pending.push(b);
            // A lone Esc waits for the next byte (or the time-out).
            if self.pending == [ESC] {
                continue;
            }
            match terminput::Event::parse_from(&self.pending) {
                Ok(Some(ev)) => {
                    self.pending.clear();
                    events.extend(convert(ev));
                }
                // Unfinished: wait for more.
                Ok(None) if self.pending.len() < MAX_SEQUENCE => {}
                // Not a sequence the parser knows, or far too long.
                _ => self.pending.clear(),
            }
        }
        if !bytes.is_empty() {
            self.since = (!self.pending.is_empty()).then_some(now);
        }
        events
    }

    /// When the bytes that wait are to be given up on, if any wait.
    pub fn deadline(&self) -> Option<Instant> {
        self.since.map(|t| t + ESC_WAIT)
    }

    /// At `now`, past the deadline: a lone Esc is the Esc key; an
    /// unfinished sequence is dropped.
    pub fn expire(&mut self, now: Instant) -> Vec<Event> {
        if self.deadline().is_none_or(|d| now < d) {
            return Vec::new();
        }
        let lone_esc = self.pending == [ESC];
        self.pending.clear();
        self.since = None;
        if lone_esc {
            terminput::Event::parse_from(&[ESC])
                .ok()
                .flatten()
                .and_then(convert)
                .into_iter()
                .collect()
        } else {
            Vec::new()
        }
    }
}

fn convert(ev: terminput::Event) -> Option<Event> {
    terminput_crossterm::to_crossterm(ev)
        .ok()
        .and_then(from_crossterm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::event::{Key, KeyCode, Mouse, MouseKind};

    fn parse(bytes: &[u8]) -> Vec<Event> {
        InputParser::default().feed(bytes, Instant::now())
    }

    fn key(code: KeyCode) -> Event {
        Event::Key(Key::plain(code))
    }

    #[test]
    fn letters_arrows_and_control_keys() {
        assert_eq!(
            parse(b"jk\x1b[C\x1b[D\r\t\x7f"),
            vec![
                Event::Key(Key::ch('j')),
                Event::Key(Key::ch('k')),
                key(KeyCode::Right),
                key(KeyCode::Left),
                key(KeyCode::Enter),
                key(KeyCode::Tab),
                key(KeyCode::Backspace),
            ]
        );
        assert_eq!(
            parse(b"\x12"),
            vec![Event::Key(Key::ctrl(KeyCode::Char('r')))]
        );
        assert_eq!(
            parse(b"R"),
            vec![Event::Key(Key::ch('R'))],
            "Shift folded in"
        );
        assert_eq!(parse(b"\x1b[Z"), vec![key(KeyCode::BackTab)]);
        assert_eq!(
            parse(b"\x1b[1;2C"),
            vec![Event::Key(Key::shift(KeyCode::Right))],
            "Shift+→ steps ten times"
        );
        assert_eq!(
            parse(b"\x1bOA"),
            vec![key(KeyCode::Up)],
            "application cursor keys"
        );
    }

    #[test]
    fn utf8_letters_in_any_split() {
        let mut p = InputParser::default();
        let now = Instant::now();
        let bytes = "ø".as_bytes();
        assert!(p.feed(&bytes[..1], now).is_empty());
        assert_eq!(p.feed(&bytes[1..], now), vec![Event::Key(Key::ch('ø'))]);
    }

    #[test]
    fn sgr_mouse_clicks_and_wheel() {
        assert_eq!(
            parse(b"\x1b[<0;11;5M\x1b[<0;11;5m\x1b[<65;3;4M"),
            vec![
                Event::Mouse(Mouse {
                    kind: MouseKind::Click,
                    column: 10,
                    row: 4
                }),
                Event::Mouse(Mouse {
                    kind: MouseKind::ScrollDown,
                    column: 2,
                    row: 3
                }),
            ],
            "the release is ignored"
        );
    }

    #[test]
    fn a_lone_esc_is_the_esc_key_after_a_short_wait() {
        let mut p = InputParser::default();
        let t0 = Instant::now();
        assert!(p.feed(b"\x1b", t0).is_empty(), "it may be a sequence");
        assert_eq!(p.deadline(), Some(t0 + ESC_WAIT));
        assert!(p.expire(t0 + ESC_WAIT / 2).is_empty());
        assert_eq!(p.expire(t0 + ESC_WAIT), vec![key(KeyCode::Esc)]);
        assert_eq!(p.deadline(), None);
    }

    #[test]
    fn a_sequence_split_across_packets_is_one_key() {
        let mut p = InputParser::default();
        let t0 = Instant::now();
        assert!(p.feed(b"\x1b", t0).is_empty());
        assert!(p.feed(b"[", t0).is_empty());
        assert_eq!(p.feed(b"C", t0), vec![key(KeyCode::Right)]);
        assert_eq!(p.deadline(), None);
    }

    #[test]
    fn junk_is_dropped_and_what_follows_still_parses() {
        let mut p = InputParser::default();
        let t0 = Instant::now();
        // An unfinished sequence is dropped at the deadline, not read as keys.
        assert!(p.feed(b"\x1b[1;", t0).is_empty());
        assert!(p.expire(t0 + ESC_WAIT).is_empty());
        assert_eq!(p.feed(b"q", t0), vec![Event::Key(Key::ch('q'))]);
        // A sequence without end is cut off, and the parser recovers.
        let endless = [b"\x1b[".as_slice(), &[b'1'; 200]].concat();
        p.feed(&endless, t0);
        assert_eq!(
            p.feed(b"x\x1b[A", t0),
            vec![Event::Key(Key::ch('x')), key(KeyCode::Up)]
        );
    }
}
