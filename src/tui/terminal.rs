//! The terminal edge: the only file of the TUI that knows crossterm. Raw
//! mode, the alternate screen and mouse reporting (restored on quit, error
//! and panic), crossterm's events converted to the app's [`Event`]s, the
//! [`Session`] that draws a view into an ANSI writer, and the run loop of
//! `effekt [FILE]`: input and background results in, effects run, frames
//! out.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::app::App;
use super::document::Document;
use super::event::{Event, Key, KeyCode, Mods, Mouse, MouseKind};
use super::picker::PickerEntry;
use super::theme::ThemeKind;
use super::view::View;
use super::worker;
use crate::catalog;
use crate::format::Lang;

/// A terminal that speaks ANSI through a writer (stdout here, an SSH
/// channel later), drawing one view of a document. Its size comes from
/// resize events, never from a global query, so a session can run over any
/// byte stream.
pub struct Session<W: Write> {
    terminal: Terminal<CrosstermBackend<W>>,
}

impl<W: Write> Session<W> {
    /// A session drawing at `size` (columns, rows).
    pub fn new(writer: W, size: (u16, u16)) -> io::Result<Session<W>> {
        let viewport = Viewport::Fixed(Rect::new(0, 0, size.0, size.1));
        let terminal =
            Terminal::with_options(CrosstermBackend::new(writer), TerminalOptions { viewport })?;
        Ok(Session { terminal })
    }

    /// Draws a view of a document: only the cells that changed since the
    /// last frame, wrapped in synchronized-update escapes so the terminal
    /// shows the frame at once.
    pub fn present(&mut self, doc: Option<&Document>, view: &View) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        super::ui::draw(&mut self.terminal, doc, view)?;
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        Ok(())
    }

    /// The terminal has a new size: the next frame draws everything.
    pub fn resize(&mut self, w: u16, h: u16) -> io::Result<()> {
        self.terminal.resize(Rect::new(0, 0, w, h))
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

/// Puts the terminal back as it was. Safe to call more than once.
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

/// Raw mode, alternate screen and mouse while alive; restored on drop
/// (normal end and errors) and by the panic hook.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        crossterm::terminal::enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(
            io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            EnableMouse,
            crossterm::cursor::Hide
        )?;
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
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A worker's panic is caught and reported in the app, which
            // goes on; any other ends it.
            if std::thread::current().name() != Some(worker::THREAD_NAME) {
                restore_terminal();
            }
            previous(info);
        }));
    });
}

/// `effekt [FILE] [--lang nb|en]`: opens the scenario, or the picker
/// without one. Returns the exit code.
pub fn run(lang: Option<Lang>, file: Option<&str>) -> u8 {
    let lang = lang.unwrap_or_default();
    let theme = ThemeKind::from_env();
    // Load before touching the terminal, so errors print as usual.
    let scenario = match file {
        Some(name) => match catalog::open(name) {
            Ok(loaded) => Some(loaded),
            Err(e) => {
                eprintln!("{e}");
                return 1;
            }
        },
        None => None,
    };
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!("effekt: the workshop needs a terminal; try `effekt calc FILE` for text output");
        return 2;
    }
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = start_app(scenario, lang, theme, size);
    match run_terminal(&mut app) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

/// The app a workshop starts with (`effekt [FILE]`, and each session of
/// `effekt serve`): the scenario given, else the picker over the bundled
/// scenarios and the user's scenario folder; variants kept in the user's
/// data folder.
pub fn start_app(
    scenario: Option<catalog::Loaded>,
    lang: Lang,
    theme: ThemeKind,
    size: (u16, u16),
) -> App {
    let mut app = match scenario {
        Some(loaded) => App::open(loaded.scenario, lang, theme, size).with_source(loaded.text),
        None => {
            let entries = catalog::entries()
                .into_iter()
                .map(PickerEntry::from_catalog)
                .collect();
            let folder = catalog::user_scenario_dir().map(|d| d.display().to_string());
            App::pick(entries, folder, lang, theme, size)
        }
    };
    app.store = crate::store::Store::open_default().ok();
    app
}

fn run_terminal(app: &mut App) -> io::Result<()> {
    install_panic_hook();
    let _guard = TerminalGuard::enter()?;
    let mut session = Session::new(io::BufWriter::new(io::stdout()), app.view.size)?;
    session.present(app.doc.as_ref(), &app.view)?;
    // Lets the end-to-end test check the panic hook (debug builds only).
    #[cfg(debug_assertions)]
    if std::env::var_os("EFFEKT_TEST_PANIC").is_some_and(|v| v == "1") {
        panic!("EFFEKT_TEST_PANIC: testing that a panic restores the terminal");
    }
    let mut worker = worker::Worker::new();
    // Progress redraws are paced; keys and results draw at once.
    let mut drawn = Instant::now();
    let mut pending = false;
    while !app.quit {
        worker.sync(&app.jobs().iter().collect::<Vec<_>>());
        let mut finished = false;
        while let Some(ev) = worker.try_recv() {
            let done = matches!(ev, Event::RiskDone { .. });
            if app.handle(ev) {
                pending = true;
                finished |= done;
            }
        }
        if pending && (finished || drawn.elapsed() >= PROGRESS_FRAME) {
            session.present(app.doc.as_ref(), &app.view)?;
            drawn = Instant::now();
            pending = false;
        }
        if app.quit {
            break;
        }
        let ev = if worker.busy() || pending {
            // Work in flight: wait for input only until the next frame is
            // due (or, with nothing to draw, a frame's time), then look
            // at the worker's messages again.
            let wait = if pending {
                PROGRESS_FRAME.saturating_sub(drawn.elapsed())
            } else {
                PROGRESS_FRAME
            };
            if !crossterm::event::poll(wait.max(Duration::from_millis(1)))? {
                continue;
            }
            crossterm::event::read()?
        } else {
            // Blocks: an idle app writes nothing.
            crossterm::event::read()?
        };
        if let Some(ev) = from_crossterm(ev)
            && session.handle(app, ev)?
        {
            drawn = Instant::now();
            pending = false;
        }
    }
    worker.cancel_all();
    Ok(())
}

/// Least time between two frames drawn for progress (10 a second).
const PROGRESS_FRAME: Duration = Duration::from_millis(100);

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
