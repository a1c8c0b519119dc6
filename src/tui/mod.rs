//! The workshop TUI: scenario picker, workshop, risk, cash flows, compare,
//! scenario and uncertainty screens, goal seek, help and presentation mode
//! (see `docs/tui.md`).
//!
//! The app is plain data ([`App`]) with no terminal in it. Input arrives as
//! the app's own [`Event`] (converted from crossterm at the edge), becomes
//! an [`Action`] through the key map, and [`update`] applies it, recomputing
//! the model once per change. Drawing ([`ui`]) reads the app and writes a
//! ratatui buffer, so any `Backend` works, `TestBackend` included. A
//! [`Session`] ties an app to a writer (stdout here, an SSH channel later)
//! and only draws after an event that changed something.
//!
//! Slow work (the Monte Carlo of the uncertainty screen) is described by
//! the app as data ([`risk_job::RiskRequest`]); the run loop's
//! [`worker::Worker`] runs it on other threads and feeds progress and
//! results back as [`Event`]s, so no key ever waits for it.

pub mod action;
pub mod app;
pub mod event;
pub mod keymap;
pub mod risk_job;
pub mod risk_update;
pub mod theme;
pub mod ui;
pub mod update;
pub mod variants;
pub mod worker;

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

pub use action::Action;
pub use app::{App, PickerEntry, Screen};
pub use event::Event;
pub use theme::ThemeKind;
pub use update::{handle_event, update};

use crate::catalog;
use crate::format::Lang;

/// Draws the app into any ratatui backend.
pub fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> Result<(), B::Error> {
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    Ok(())
}

/// An app attached to a terminal that speaks ANSI through a writer. The
/// terminal's size comes from resize events, never from a global query, so
/// the same session can run over any byte stream.
pub struct Session<W: Write> {
    terminal: Terminal<CrosstermBackend<W>>,
    pub app: App,
}

impl<W: Write> Session<W> {
    /// A session drawing at the app's size.
    pub fn new(writer: W, app: App) -> io::Result<Session<W>> {
        let (w, h) = app.size;
        let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
        let terminal =
            Terminal::with_options(CrosstermBackend::new(writer), TerminalOptions { viewport })?;
        Ok(Session { terminal, app })
    }

    /// Draws the app: only the cells that changed since the last frame,
    /// wrapped in synchronized-update escapes so the terminal shows the
    /// frame at once.
    pub fn present(&mut self) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        draw(&mut self.terminal, &self.app)?;
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        Ok(())
    }

    /// Applies an event without drawing; returns whether anything may have
    /// changed (the run loop paces progress frames with it).
    pub fn apply(&mut self, ev: Event) -> bool {
        update::handle_event(&mut self.app, ev)
    }

    /// Applies an event and draws if anything may have changed. Returns
    /// whether it drew.
    pub fn handle(&mut self, ev: Event) -> io::Result<bool> {
        if let Event::Resize(w, h) = ev {
            self.terminal.resize(Rect::new(0, 0, w, h))?;
        }
        let changed = update::handle_event(&mut self.app, ev);
        if changed && !self.app.quit {
            self.present()?;
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
    let app = match scenario {
        Some(loaded) => {
            let mut app = App::open(loaded.scenario, lang, theme, size);
            if let Some(ws) = app.workshop.as_deref_mut() {
                ws.variants.source_text = loaded.text;
            }
            app
        }
        None => {
            let entries = catalog::entries()
                .into_iter()
                .map(PickerEntry::from_catalog)
                .collect();
            let folder = catalog::user_scenario_dir().map(|d| d.display().to_string());
            App::pick(entries, folder, lang, theme, size)
        }
    };
    let mut app = app;
    app.store = crate::store::Store::open_default().ok();
    match run_terminal(app) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

fn run_terminal(app: App) -> io::Result<()> {
    install_panic_hook();
    let _guard = TerminalGuard::enter()?;
    let mut session = Session::new(io::BufWriter::new(io::stdout()), app)?;
    session.present()?;
    // Lets the end-to-end test check the panic hook (debug builds only).
    #[cfg(debug_assertions)]
    if std::env::var_os("EFFEKT_TEST_PANIC").is_some_and(|v| v == "1") {
        panic!("EFFEKT_TEST_PANIC: testing that a panic restores the terminal");
    }
    let mut worker = worker::Worker::new();
    // Progress redraws are paced; keys and results draw at once.
    let mut drawn = Instant::now();
    let mut pending = false;
    while !session.app.quit {
        worker.sync(&risk_update::requests(&session.app));
        let mut finished = false;
        while let Some(ev) = worker.try_recv() {
            let done = matches!(ev, Event::RiskDone { .. });
            if session.apply(ev) {
                pending = true;
                finished |= done;
            }
        }
        if pending && (finished || drawn.elapsed() >= PROGRESS_FRAME) {
            session.present()?;
            drawn = Instant::now();
            pending = false;
        }
        if session.app.quit {
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
        if let Some(ev) = event::from_crossterm(ev)
            && session.handle(ev)?
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
