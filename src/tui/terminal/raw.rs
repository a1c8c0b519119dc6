//! The local terminal taken and given back: raw mode, the alternate
//! screen, mouse reporting and the cursor, restored on every end (drop,
//! panic, signal).

use std::fmt;
use std::io;
use std::panic;

use crossterm::execute;

use crate::tui::worker;

/// Mouse reporting of button presses and the wheel only (no motion
/// events, which would flood a slow link), in SGR encoding.
struct EnableMouse;
struct DisableMouse;

impl crossterm::Command for EnableMouse {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }
    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        crossterm::event::EnableMouseCapture.execute_winapi()
    }
}

impl crossterm::Command for DisableMouse {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("\x1b[?1006l\x1b[?1000l")
    }
    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        crossterm::event::DisableMouseCapture.execute_winapi()
    }
}

/// Puts the terminal back as it was. Safe to call more than once, and on
/// a terminal that is gone (errors are ignored).
pub fn restore_terminal() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableMouse,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Raw mode, the alternate screen, mouse reporting, the cursor hidden.
pub(super) fn take_terminal() -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableMouse,
        crossterm::cursor::Hide
    )
}

/// The terminal taken while alive; restored on drop (every end) and by
/// the panic hook.
pub(super) struct TerminalGuard;

impl TerminalGuard {
    pub(super) fn enter() -> io::Result<TerminalGuard> {
        let guard = TerminalGuard;
        take_terminal()?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Restores the terminal before a panic message is printed, so the message
/// is readable and the shell usable.
pub(super) fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            // A worker's panic is caught and reported in the app, which
            // goes on; any other ends it.
            if std::thread::current().name() != Some(worker::THREAD_NAME) {
                restore_terminal();
            }
            previous(info);
        }));
    });
}
