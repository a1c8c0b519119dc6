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
