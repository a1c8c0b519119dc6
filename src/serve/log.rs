//! The server's log: one line per event on standard error, with the time.
//! Names that come from clients (user names, commands) are written with
//! their control characters escaped, so a client cannot forge log lines.

use std::io::Write;
use std::time::SystemTime;

/// Writes one log line. A closed standard error is ignored rather than
/// ending the server.
pub fn line(args: std::fmt::Arguments) {
    let now = humantime::format_rfc3339_seconds(SystemTime::now());
    let _ = writeln!(std::io::stderr().lock(), "{now} effekt serve: {args}");
}

/// `log!("…", args)`: one line in the server's log.
macro_rules! log {
    ($($arg:tt)*) => {
        $crate::serve::log::line(format_args!($($arg)*))
    };
}
pub(crate) use log;
