//! The app's own input events. The terminal's events (crossterm here, an SSH
//! channel later) are converted at the edge, so the app never sees a
//! terminal library type.

/// A key without modifiers, in the app's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Home,
    End,
    PageUp,
    PageDown,
}

/// Modifier keys held with a key. Shift is folded into the character for
/// letters (`R`, not Shift+r) and into [`KeyCode::BackTab`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Mods {
    pub shift: bool,
    pub ctrl: bool,
    pub alt: bool,
}

impl Mods {
    pub const NONE: Mods = Mods {
        shift: false,
        ctrl: false,
        alt: false,
    };
    pub const SHIFT: Mods = Mods {
        shift: true,
        ctrl: false,
        alt: false,
    };
    pub const CTRL: Mods = Mods {
        shift: false,
        ctrl: true,
        alt: false,
    };
}

/// A key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: Mods,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods::NONE,
        }
    }

    /// A character key without modifiers.
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// A key with Shift.
    pub const fn shift(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods::SHIFT,
        }
    }

    /// A key with Ctrl.
    pub const fn ctrl(code: KeyCode) -> Key {
        Key {
            code,
            mods: Mods::CTRL,
        }
    }
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// The left button went down.
    Click,
    ScrollUp,
    ScrollDown,
}

/// A mouse event at a cell (column, row from the top left, 0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

/// Everything the app reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Key(Key),
    Mouse(Mouse),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Background work ([`super::risk_job`]) has made `done` of `total` draws.
    RiskProgress {
        generation: u64,
        done: u32,
        total: u32,
    },
    /// Background work has finished.
    RiskDone {
        generation: u64,
        output: Box<super::risk_job::RiskOutput>,
    },
}

/// Converts a crossterm event; `None` for events the app ignores (key
/// releases, mouse moves, focus, paste).
pub fn from_crossterm(ev: crossterm::event::Event) -> Option<Event> {
    use crossterm::event::{
        Event as C, KeyCode as K, KeyEventKind, KeyModifiers as M, MouseButton, MouseEventKind,
    };
    match ev {
        C::Key(k) if k.kind != KeyEventKind::Release => {
            let code = match k.code {
                K::Char(c) => KeyCode::Char(c),
                K::Up => KeyCode::Up,
                K::Down => KeyCode::Down,
                K::Left => KeyCode::Left,
                K::Right => KeyCode::Right,
                K::Enter => KeyCode::Enter,
                K::Esc => KeyCode::Esc,
                K::Tab if k.modifiers.contains(M::SHIFT) => KeyCode::BackTab,
                K::Tab => KeyCode::Tab,
                K::BackTab => KeyCode::BackTab,
                K::Backspace => KeyCode::Backspace,
                K::Delete => KeyCode::Delete,
                K::Home => KeyCode::Home,
                K::End => KeyCode::End,
                K::PageUp => KeyCode::PageUp,
                K::PageDown => KeyCode::PageDown,
                _ => return None,
            };
            let folds_shift = matches!(code, KeyCode::Char(_) | KeyCode::BackTab);
            let mods = Mods {
                shift: k.modifiers.contains(M::SHIFT) && !folds_shift,
                ctrl: k.modifiers.contains(M::CONTROL),
                alt: k.modifiers.contains(M::ALT),
            };
            Some(Event::Key(Key { code, mods }))
        }
        C::Mouse(m) => {
            let kind = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                _ => return None,
            };
            Some(Event::Mouse(Mouse {
                kind,
                column: m.column,
                row: m.row,
            }))
        }
        C::Resize(w, h) => Some(Event::Resize(w, h)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{
        Event as C, KeyCode as K, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers as M,
    };

    fn key(code: K, mods: M) -> C {
        C::Key(KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn shift_is_folded_into_letters_but_kept_on_arrows() {
        assert_eq!(
            from_crossterm(key(K::Char('R'), M::SHIFT)),
            Some(Event::Key(Key::ch('R')))
        );
        assert_eq!(
            from_crossterm(key(K::Right, M::SHIFT)),
            Some(Event::Key(Key::shift(KeyCode::Right)))
        );
        assert_eq!(
            from_crossterm(key(K::BackTab, M::SHIFT)),
            Some(Event::Key(Key::plain(KeyCode::BackTab)))
        );
        assert_eq!(
            from_crossterm(key(K::Char('r'), M::CONTROL)),
            Some(Event::Key(Key::ctrl(KeyCode::Char('r'))))
        );
    }

    #[test]
    fn releases_are_ignored() {
        let release = C::Key(KeyEvent {
            code: K::Left,
            modifiers: M::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        });
        assert_eq!(from_crossterm(release), None);
    }
}
