//! The terminal edge: the only folder of the TUI that knows crossterm.
//! Raw mode, the alternate screen and mouse reporting, restored on quit,
//! error, panic, signal and hang-up (`raw.rs`); crossterm's events
//! converted to the app's [`Event`]s (`events.rs`); the [`Session`] that
//! draws a view into an ANSI writer, in the 16 ANSI colours ([`Ansi16`],
//! `session.rs`); signals and hang-ups (`signals.rs`); and here the run
//! loop of `effekt [FILE]`: input, signals and background results in,
//! effects run, frames out.
//!
//! Ending, on Unix: SIGTERM, SIGINT and SIGHUP (unless SIGHUP was ignored
//! when effekt started, as under `nohup`) and a hang-up of the terminal
//! (a closed pty: its reads return nothing) restore the terminal, keep
//! unsaved levers in the recovery file (`src/tui/recovery.rs`) and exit
//! with 128 + the signal's number (129 for a hang-up). While it runs, the
//! unsaved levers are kept in the same file a second after each change
//! (`keeper.rs`), so even `kill -9` loses at most that second. Ctrl+Z (or SIGTSTP)
//! restores the terminal and stops; SIGCONT takes it again and redraws.

mod events;
mod keeper;
mod raw;
mod session;
#[cfg(unix)]
mod signals;

pub use events::from_crossterm;
pub use raw::restore_terminal;
pub use session::{Ansi16, Session};

use std::io::{self, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use super::app::App;
use super::disk;
use super::event::{Event, Key, KeyCode};
use super::picker::{Picker, PickerEntry};
use super::theme::ThemeKind;
use super::update;
use super::worker;
use crate::catalog;
use crate::format::Lang;
use crate::i18n::tui_text;

/// `effekt [FILE] [--lang nb|en]`: opens the scenario, or the picker
/// without one. Returns the exit code: 0, 1 for an error, 2 without a
/// terminal (or with `TERM=dumb`), 101 after a panic, 128 + the signal's
/// number after a signal (129 for a hang-up).
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
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        eprintln!("{}", tui_text::needs_terminal(lang, true));
        return 2;
    }
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!("{}", tui_text::needs_terminal(lang, false));
        return 2;
    }
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = start_app(scenario, lang, theme, size);
    // The run loop completes a heavy pilot's figures when the keys rest.
    app.quick = true;
    if let Some(doc) = &app.doc {
        // Unsaved levers of an earlier run are offered first.
        let find = update::opening(doc);
        app.run(find);
    }
    raw::install_panic_hook();
    let end = match panic::catch_unwind(AssertUnwindSafe(|| run_terminal(&mut app))) {
        Ok(end) => end,
        // The hook restored the terminal and printed the message.
        Err(_) => End::Panicked,
    };
    finish(&app, end)
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
            let p = picker();
            App::pick(p.entries, p.folder, lang, theme, size)
        }
    };
    app.store = crate::store::Store::open_default().ok();
    app
}

/// The scenario picker over the bundled scenarios and the user's scenario
/// folder, read now.
pub fn picker() -> Picker {
    Picker {
        entries: catalog::entries()
            .into_iter()
            .map(PickerEntry::from_catalog)
            .collect(),
        selected: 0,
        folder: catalog::user_scenario_dir().map(|d| d.display().to_string()),
    }
}

/// Why the run loop ended.
#[derive(Debug)]
enum End {
    /// The user quit.
    Quit,
    /// A signal (its number) ended it.
    Signal(i32),
    /// The terminal hung up.
    HangUp,
    Failed(io::Error),
    Panicked,
}

/// After the terminal is restored: unsaved levers of an end the user did
/// not choose go to the recovery file; the exit code.
fn finish(app: &App, end: End) -> u8 {
    let code = match &end {
        End::Quit => return 0,
        End::Signal(n) => (128 + n).clamp(0, 255) as u8,
        End::HangUp => 129,
        End::Failed(e) => {
            eprintln!("error: {e}");
            1
        }
        End::Panicked => 101,
    };
    if let Some(doc) = &app.doc {
        let lang = app.view.lang;
        // Best effort: after a hang-up nobody reads stderr.
        match disk::write_recovery(app.store.as_ref(), doc) {
            Ok(Some(path)) => {
                eprintln!(
                    "{}",
                    tui_text::recovery_kept(lang, &path.display().to_string())
                )
            }
            Ok(None) => {}
            Err(e) => eprintln!("{}", tui_text::recovery_not_kept(lang, &e.to_string())),
        }
    }
    code
}

/// What wakes the run loop.
enum Wake {
    Input(crossterm::event::Event),
    /// Reading the terminal failed.
    InputFailed(io::Error),
    /// The terminal is gone (a closed pty).
    HangUp,
    #[cfg_attr(not(unix), allow(dead_code))]
    Signal(i32),
}

/// Reads the terminal's events on a thread of its own, so the run loop can
/// wait for input, signals and hang-ups at once.
fn read_input(tx: Sender<Wake>) {
    let spawned = std::thread::Builder::new()
        .name("effekt-input".into())
        .spawn(move || {
            loop {
                let wake = match crossterm::event::read() {
                    Ok(ev) => Wake::Input(ev),
                    Err(e) => Wake::InputFailed(e),
                };
                let failed = matches!(wake, Wake::InputFailed(_));
                if tx.send(wake).is_err() || failed {
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("error: {e}");
    }
}

fn run_terminal(app: &mut App) -> End {
    let (tx, rx) = mpsc::channel();
    #[cfg(unix)]
    let _signals = match signals::listen(tx.clone()) {
        Ok(handle) => handle,
        Err(e) => return End::Failed(e),
    };
    let _guard = match raw::TerminalGuard::enter() {
        Ok(g) => g,
        Err(e) => return End::Failed(e),
    };
    #[cfg(unix)]
    signals::watch_hang_up(tx.clone());
    read_input(tx);
    match run_loop(app, &rx) {
        Ok(end) => end,
        Err(e) => End::Failed(e),
    }
}

fn run_loop(app: &mut App, rx: &Receiver<Wake>) -> io::Result<End> {
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
    let mut keeper = keeper::Keeper::default();
    let end = loop {
        if app.quit {
            break End::Quit;
        }
        keeper.look(app);
        keeper.tick(app);
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
            break End::Quit;
        }
        let wake = if worker.busy() || pending {
            // Work in flight: wait only until the next frame is due (or,
            // with nothing to draw, a frame's time), then look at the
            // worker's messages again.
            let wait = if pending {
                PROGRESS_FRAME.saturating_sub(drawn.elapsed())
            } else {
                PROGRESS_FRAME
            };
            match rx.recv_timeout(wait.max(Duration::from_millis(1))) {
                Ok(wake) => wake,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => break End::HangUp,
            }
        } else if app.pending() {
            // A heavy pilot's figures wait for the keys to rest.
            match rx.recv_timeout(REST) {
                Ok(wake) => wake,
                Err(RecvTimeoutError::Timeout) => {
                    if app.complete_figures() {
                        session.present(app.doc.as_ref(), &app.view)?;
                        drawn = Instant::now();
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break End::HangUp,
            }
        } else if let Some(wait) = keeper.wait() {
            // Unsaved levers wait to be kept (keeper.rs).
            match rx.recv_timeout(wait.max(Duration::from_millis(1))) {
                Ok(wake) => wake,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => break End::HangUp,
            }
        } else {
            // Blocks: an idle app writes nothing.
            match rx.recv() {
                Ok(wake) => wake,
                Err(_) => break End::HangUp,
            }
        };
        match wake {
            Wake::Input(ev) => {
                let Some(ev) = from_crossterm(ev) else {
                    continue;
                };
                if ev == Event::Key(Key::ctrl(KeyCode::Char('z'))) {
                    suspend(&mut session)?;
                } else if session.handle(app, ev)? {
                    drawn = Instant::now();
                    pending = false;
                }
            }
            Wake::InputFailed(e) => break End::Failed(e),
            Wake::HangUp => break End::HangUp,
            Wake::Signal(n) => {
                #[cfg(unix)]
                match n {
                    signal_hook::consts::SIGTSTP => suspend(&mut session)?,
                    signal_hook::consts::SIGCONT => resume(&mut session, app)?,
                    n => break End::Signal(n),
                }
                #[cfg(not(unix))]
                break End::Signal(n);
            }
        }
    };
    worker.cancel_all();
    if matches!(end, End::Quit) {
        // The user answered for the unsaved levers when quitting.
        keeper.forget(app);
    }
    Ok(end)
}

/// Ctrl+Z or SIGTSTP: gives the terminal back and stops (Unix); SIGCONT
/// resumes ([`resume`]). Elsewhere nothing happens.
fn suspend<W: Write>(session: &mut Session<W>) -> io::Result<()> {
    #[cfg(unix)]
    {
        session.flush()?;
        restore_terminal();
        // The default action of SIGTSTP: stop until SIGCONT.
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    }
    #[cfg(not(unix))]
    let _ = session;
    Ok(())
}

/// SIGCONT: takes the terminal again (the shell may have changed it while
/// effekt was stopped) and draws everything, at the size it has now.
#[cfg(unix)]
fn resume<W: Write>(session: &mut Session<W>, app: &mut App) -> io::Result<()> {
    raw::take_terminal()?;
    let (w, h) = crossterm::terminal::size().unwrap_or(app.view.size);
    session.resize(w, h)?;
    if (w, h) != app.view.size {
        app.handle(Event::Resize(w, h));
    }
    session.present(app.doc.as_ref(), &app.view)
}

/// Least time between two frames drawn for progress (10 a second).
const PROGRESS_FRAME: Duration = Duration::from_millis(100);

/// How long the keys must rest before a heavy pilot's pending figures are
/// computed (a held key repeats faster than this).
const REST: Duration = Duration::from_millis(40);
