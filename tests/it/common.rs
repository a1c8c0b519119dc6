//! Helpers shared by the integration tests: the screen as text, temporary
//! folders, and a tmux server for end-to-end tests of the real binary.
//! Each test crate uses only some of them.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use effekt::tui::{self, App, Document, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The app drawn into a `TestBackend` of its size.
pub fn buffer(app: &App) -> ratatui::buffer::Buffer {
    view_buffer(app.doc.as_ref(), &app.view)
}

/// A view of a document drawn into a `TestBackend` of the view's size.
pub fn view_buffer(doc: Option<&Document>, view: &View) -> ratatui::buffer::Buffer {
    let mut t = Terminal::new(TestBackend::new(view.size.0, view.size.1)).expect("terminal");
    tui::draw(&mut t, doc, view).expect("draw");
    t.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces cut.
pub fn screen(app: &App) -> String {
    view_screen(app.doc.as_ref(), &app.view)
}

/// A view of a document as text, one line per row, trailing spaces cut.
pub fn view_screen(doc: Option<&Document>, view: &View) -> String {
    let buf = view_buffer(doc, view);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = ratatui::text::Span::raw(sym).width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The first line of a screen with `label` in it.
pub fn line_with<'a>(screen: &'a str, label: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no line with {label:?} in:\n{screen}"))
}

/// The variants saved for a scenario in the data folder `dir`.
pub fn saved_variants(dir: &std::path::Path, id: &str) -> Vec<effekt::store::Variant> {
    effekt::store::Store::at(dir.join("variants"))
        .list(id)
        .variants
        .into_iter()
        .map(|(_, v)| v)
        .collect()
}

/// A fresh, empty folder named for this process and `name`.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("effekt-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The real binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_effekt");

/// Whether tmux can run here. Without it an end-to-end test is skipped with
/// a note, except under `CI=true`, where a missing tmux fails.
pub fn tmux_or_skip() -> bool {
    let available = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("tmux is required under CI");
        }
        eprintln!("note: tmux is not installed; skipping the end-to-end test");
    }
    available
}

/// A tmux server of our own with one session `e2e` running `sh`, and a
/// data folder for effekt; both removed on drop.
pub struct Tmux {
    pub socket: String,
    pub dir: PathBuf,
}

impl Tmux {
    /// Starts the server: a `width`×`height` session whose shell has
    /// `EFFEKT_DATA_DIR` set to a fresh folder.
    pub fn start(name: &str, width: u16, height: u16) -> Tmux {
        Tmux::start_command(name, width, height, "sh")
    }

    /// Like [`Tmux::start`], with the pane running `command` (through
    /// `sh -c`) instead of a shell.
    pub fn start_command(name: &str, width: u16, height: u16, command: &str) -> Tmux {
        let dir = temp_dir(&format!("e2e-{name}"));
        let tmux = Tmux {
            socket: format!("effekt-test-{name}-{}", std::process::id()),
            dir,
        };
        let data = format!("EFFEKT_DATA_DIR={}", tmux.dir.display());
        let (w, h) = (width.to_string(), height.to_string());
        tmux.cmd(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            "-s",
            "e2e",
            "-e",
            &data,
            command,
        ]);
        tmux.wait_for("the shell's prompt", Duration::from_secs(30), |s| {
            !s.trim().is_empty()
        });
        tmux
    }

    pub fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "e2e"])
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }

    /// Types a command line into the shell and presses Enter.
    pub fn run(&self, line: &str) {
        self.keys(&["-l", line]);
        self.keys(&["Enter"]);
    }

    /// A tmux format variable of the pane, e.g. `alternate_on`.
    pub fn flag(&self, name: &str) -> String {
        self.cmd(&[
            "display-message",
            "-p",
            "-t",
            "e2e",
            &format!("#{{{name}}}"),
        ])
        .trim()
        .to_string()
    }

    /// The process id of the pane's first process (the shell).
    pub fn pane_pid(&self) -> u32 {
        self.flag("pane_pid").parse().expect("a pane pid")
    }

    /// The process id of the shell's child whose command line has `what`,
    /// waiting for it to start.
    pub fn child_pid(&self, what: &str) -> u32 {
        let shell = self.pane_pid().to_string();
        let start = Instant::now();
        loop {
            let out = Command::new("pgrep")
                .args(["-P", &shell, "-f", what])
                .output()
                .expect("pgrep runs");
            let text = String::from_utf8_lossy(&out.stdout);
            if let Some(pid) = text.split_whitespace().next() {
                return pid.parse().expect("a pid");
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "no process {what:?} under the shell"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Polls the screen until `pred` holds; `None` after `timeout`.
    pub fn poll(&self, timeout: Duration, pred: impl Fn(&str) -> bool) -> Option<String> {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return Some(screen);
            }
            if start.elapsed() > timeout {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Polls until `pred` holds; panics with the screen after `timeout`.
    pub fn wait_for(&self, what: &str, timeout: Duration, pred: impl Fn(&str) -> bool) -> String {
        self.poll(timeout, pred).unwrap_or_else(|| {
            panic!(
                "timed out ({timeout:?}) waiting for {what}; the screen:\n{}",
                self.screen()
            )
        })
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Whether a process still runs (and is not a zombie waiting for its
/// parent).
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X"),
        Err(_) => false,
    }
}

/// Waits up to `timeout` for a process to end; whether it did.
pub fn ended_within(pid: u32, timeout: Duration) -> bool {
    let start = Instant::now();
    while alive(pid) && start.elapsed() < timeout {
        std::thread::sleep(Duration::from_millis(20));
    }
    !alive(pid)
}

/// Sends a signal (`TERM`, `HUP`, …) to a process with `kill`.
pub fn signal(pid: u32, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{name} {pid}");
}

/// The picker's entries of the bundled scenarios.
pub fn bundled_entries() -> Vec<effekt::tui::PickerEntry> {
    effekt::catalog::BUNDLED
        .iter()
        .map(|b| {
            effekt::tui::PickerEntry::from_catalog(effekt::catalog::Entry {
                origin: effekt::catalog::Origin::Bundled(b.file_name),
                text: b.text.to_string(),
                result: Ok(effekt::catalog::load_bundled(b).scenario),
            })
        })
        .collect()
}

/// A bundled scenario open in the workshop at a size, in a language.
pub fn open_app(id: &str, lang: effekt::format::Lang, size: (u16, u16)) -> App {
    let s = effekt::catalog::open(id).expect("bundled").scenario;
    App::open(s, lang, effekt::tui::ThemeKind::Default, size)
}

/// Selects the shown lever with this id.
pub fn select_lever(app: &mut App, id: &str) {
    let i = app
        .doc
        .as_ref()
        .expect("a document")
        .levers
        .iter()
        .position(|l| l.id == id)
        .expect("shown lever");
    app.update(effekt::tui::Action::Select(i));
}

/// The name of [`plant_hostile_variant`]'s variant: an OSC that retitles
/// the window, a bell, a screen clear, a C1 CSI and a bidirectional
/// override.
pub const HOSTILE_NAME: &str = "Ond\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}txt.exe";

/// Writes `folder/file`: a variant of `sykefravaer` whose name
/// ([`HOSTILE_NAME`]) and note carry escape sequences, C1 controls and a
/// bidirectional override, as a hand-edited or planted file could.
pub fn plant_hostile_variant(folder: &std::path::Path, file: &str) {
    std::fs::create_dir_all(folder).expect("a folder");
    let text = r#"format = 1
name = "Ond\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202etxt.exe"
scenario = "sykefravaer"
scenario_hash = "sha256:0"
created = "2026-01-01T00:00:00Z"
updated = "2026-01-01T00:00:00Z"

[levers]
achievement = "0.5"

[[notes]]
at = "2026-01-01T00:00:00Z"
text = "Notat\u001b[31m rødt\r\nny linje\u0008"
"#;
    std::fs::write(folder.join(file), text).expect("a planted variant");
}

/// A terminal that keeps what it is sent (for [`effekt::tui::Session`]).
#[derive(Clone, Default)]
pub struct Tape(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Tape {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Tape {
    /// What was sent since the last take.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// A file name in the trash as `effekt` gives it, for a variant deleted
/// `days` days and `ms` milliseconds ago: relative to now, so that the
/// pruning rule (30 days) treats it the same on any day the tests run.
pub fn trash_file(days: u64, ms: u64, slug: &str) -> String {
    let ago = Duration::from_secs(days * 86_400) + Duration::from_millis(ms);
    let at: chrono::DateTime<chrono::Utc> = (std::time::SystemTime::now() - ago).into();
    format!("{}-{slug}.toml", at.format("%Y%m%dT%H%M%S%.3fZ"))
}
