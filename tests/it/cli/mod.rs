//! The `effekt` binary, run as a user runs it, with a deadline (a hang is a
//! failure): `calc` in [`calc`]; `check`, `sweep`, `list`, `levers` and
//! `--help` in [`commands`]; broken scenario files in [`broken`]; special
//! files, pipes, full disks, report targets and hostile text in [`edges`];
//! saves at once, `--force` and `--update` in [`saves`]; languages, typed
//! numbers, scenario ids and exit codes in [`promises`]; the trash
//! (`delete`, `variants --deleted`, `restore`) in [`trash`]. This file holds
//! the runner and temp folders.
//!
//! Tests that check an English text from the loader or the levers pass
//! `--lang en` (bokmål is the default).

mod annex;
pub(crate) mod broken;
mod calc;
mod commands;
mod edges;
mod new;
mod promises;
mod saves;
mod sites;
mod trash;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const WORKED: &str = "tests/fixtures/worked_example.toml";

/// A temporary folder, removed when dropped.
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str) -> Temp {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "effekt-cli-{}-{}-{name}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create a temp folder");
        Temp(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Writes a file into the folder and returns its path as a string.
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).expect("create a folder");
        }
        fs::write(&p, contents).expect("write a temp file");
        p.display().to_string()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// What one run of the binary did.
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// How to run the binary: where, with which data folder, and where its
/// standard output goes.
struct Run<'a> {
    args: &'a [&'a str],
    data: &'a Path,
    dir: PathBuf,
    stdout: Option<Stdio>,
}

/// The longest a command may take before the test calls it hung.
const DEADLINE: Duration = Duration::from_secs(20);

impl Run<'_> {
    fn new<'a>(data: &'a Path, args: &'a [&'a str]) -> Run<'a> {
        Run {
            args,
            data,
            dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            stdout: None,
        }
    }

    /// Runs it; a process still running after [`DEADLINE`] is killed and
    /// the test fails (a hang on a FIFO, a flood from `/dev/zero`).
    fn out(self) -> Out {
        let args = self.args;
        let mut child = Command::new(env!("CARGO_BIN_EXE_effekt"))
            .args(args)
            .env("EFFEKT_DATA_DIR", self.data)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(self.stdout.unwrap_or_else(Stdio::piped))
            .stderr(Stdio::piped())
            .spawn()
            .expect("run effekt");
        let read = |r: Option<Box<dyn std::io::Read + Send>>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut r) = r {
                    let _ = r.read_to_end(&mut bytes);
                }
                bytes
            })
        };
        let stdout = read(child.stdout.take().map(|r| Box::new(r) as _));
        let stderr = read(child.stderr.take().map(|r| Box::new(r) as _));
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for effekt") {
                break status;
            }
            if start.elapsed() > DEADLINE {
                let _ = child.kill();
                let _ = child.wait();
                panic!("effekt {args:?} hung for {DEADLINE:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let out = Out {
            code: status.code().expect("effekt exits, is not killed"),
            stdout: String::from_utf8(stdout.join().unwrap()).expect("stdout is UTF-8"),
            stderr: String::from_utf8(stderr.join().unwrap()).expect("stderr is UTF-8"),
        };
        assert!(
            !out.stderr.contains("panicked"),
            "effekt {args:?} panicked:\n{}",
            out.stderr
        );
        out
    }
}

/// Runs `effekt` with `EFFEKT_DATA_DIR` pointing at `data` (so that no
/// user folder is read or written) from the crate's folder.
fn effekt_with_data(data: &Path, args: &[&str]) -> Out {
    Run::new(data, args).out()
}

fn effekt(args: &[&str]) -> Out {
    let data = Temp::new("data");
    effekt_with_data(data.path(), args)
}
