//! The terminal edge: the only file of the TUI that knows crossterm. Raw
//! mode, the alternate screen and mouse reporting (restored on quit, error,
//! panic, signal and hang-up), crossterm's events converted to the app's
//! [`Event`]s, the [`Session`] that draws a view into an ANSI writer (in
//! the 16 ANSI colours, see [`Ansi16`]), and the run loop of
//! `effekt [FILE]`: input, signals and background results in, effects run,
//! frames out.
//!
//! Ending, on Unix: SIGTERM, SIGINT and SIGHUP (unless SIGHUP was ignored
//! when effekt started, as under `nohup`) and a hang-up of the terminal
//! (a closed pty: its reads return nothing) restore the terminal, keep
//! unsaved levers in the recovery file (`src/tui/recovery.rs`) and exit
//! with 128 + the signal's number (129 for a hang-up). Ctrl+Z (or SIGTSTP)
//! restores the terminal and stops; SIGCONT takes it again and redraws.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::app::App;
use super::disk;
use super::document::Document;
use super::event::{Event, Key, KeyCode, Mods, Mouse, MouseKind};
use super::picker::{Picker, PickerEntry};
use super::theme::ThemeKind;
use super::update;
use super::view::View;
use super::worker;
use crate::catalog;
use crate::format::Lang;
use crate::i18n::tui_text;

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
        super::ui::draw(&mut self.terminal, doc, view)?;
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
fn take_terminal() -> io::Result<()> {
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
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
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
fn install_panic_hook() {
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
    if let Some(doc) = &app.doc {
        // Unsaved levers of an earlier run are offered first.
        let find = update::opening(doc);
        app.run(find);
    }
    install_panic_hook();
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
    let _signals = match unix::listen(tx.clone()) {
        Ok(handle) => handle,
        Err(e) => return End::Failed(e),
    };
    let _guard = match TerminalGuard::enter() {
        Ok(g) => g,
        Err(e) => return End::Failed(e),
    };
    #[cfg(unix)]
    unix::watch_hang_up(tx.clone());
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
    let end = loop {
        if app.quit {
            break End::Quit;
        }
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
    Ok(end)
}

/// Ctrl+Z or SIGTSTP: gives the terminal back and stops (Unix); SIGCONT
/// resumes ([`resume`]). Elsewhere nothing happens.
fn suspend<W: Write>(session: &mut Session<W>) -> io::Result<()> {
    #[cfg(unix)]
    {
        session.terminal.backend_mut().flush()?;
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
    take_terminal()?;
    let (w, h) = crossterm::terminal::size().unwrap_or(app.view.size);
    session.resize(w, h)?;
    if (w, h) != app.view.size {
        app.handle(Event::Resize(w, h));
    }
    session.present(app.doc.as_ref(), &app.view)
}

/// Least time between two frames drawn for progress (10 a second).
const PROGRESS_FRAME: Duration = Duration::from_millis(100);

#[cfg(unix)]
mod unix {
    //! Signals and the terminal's hang-up, as [`Wake`]s for the run loop.

    use std::io;
    use std::sync::mpsc::Sender;

    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    use signal_hook::iterator::{Handle, Signals};

    use super::Wake;

    /// Whether a signal was ignored when effekt started (as `nohup` does
    /// with SIGHUP): then it stays ignored.
    fn ignored(signal: i32) -> bool {
        // SAFETY: a query only (no new action); `old` is written by the
        // call.
        unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(signal, std::ptr::null(), &mut old) == 0
                && old.sa_sigaction == libc::SIG_IGN
        }
    }

    /// Forwards the signals the workshop handles to the run loop, from a
    /// thread of signal-hook's. The handle ends it (on drop of the last
    /// sender the thread ends with the process).
    pub(super) fn listen(tx: Sender<Wake>) -> io::Result<Handle> {
        let mut wanted = vec![SIGTERM, SIGINT, SIGTSTP, SIGCONT];
        if !ignored(SIGHUP) {
            wanted.push(SIGHUP);
        }
        let mut signals = Signals::new(&wanted)?;
        let handle = signals.handle();
        std::thread::Builder::new()
            .name("effekt-signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    if tx.send(Wake::Signal(signal)).is_err() {
                        return;
                    }
                }
            })?;
        Ok(handle)
    }

    /// Waits on a thread for the terminal (standard input) to hang up: a
    /// closed pty, when SIGHUP is ignored or never comes. Its reads then
    /// return nothing for ever (crossterm would spin on them), so this is
    /// told apart by `poll`, which reports the hang-up without reading.
    pub(super) fn watch_hang_up(tx: Sender<Wake>) {
        let _ = std::thread::Builder::new()
            .name("effekt-hang-up".into())
            .spawn(move || {
                loop {
                    // No events asked for: poll returns only for a hang-up,
                    // an error or a closed descriptor.
                    let mut fds = [libc::pollfd {
                        fd: libc::STDIN_FILENO,
                        events: 0,
                        revents: 0,
                    }];
                    // SAFETY: one valid pollfd, its length passed.
                    let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, -1) };
                    if n < 0 {
                        if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                            continue;
                        }
                        return;
                    }
                    let gone = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
                    if fds[0].revents & gone != 0 {
                        let _ = tx.send(Wake::HangUp);
                        return;
                    }
                }
            });
    }
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
