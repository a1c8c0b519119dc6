//! crossterm's events as the app's [`Event`]s (the local terminal's,
//! and an SSH session's after `src/serve/input.rs` parsed them).

use crate::tui::event::{Event, Key, KeyCode, Mods, Mouse, MouseKind};

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
