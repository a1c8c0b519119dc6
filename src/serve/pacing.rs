//! One client's loop, on a thread of its own: what arrives from the
//! client's channel (bytes, resizes, the end) waits in its [`Inbox`]; the
//! loop applies it to the client's workshop and sends frames out.
//!
//! Frames are paced by the link: a frame is drawn only when the previous
//! one has gone out (the channel's writer says so through the inbox), and
//! then from the latest state. A slow client thus gets fewer frames, never
//! a queue of stale ones, and never holds up anyone else; an idle client
//! gets nothing.

use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::mpsc::UnboundedSender;

use super::client::{Client, Start};
use super::input::InputParser;
use super::terminal::{RESTORE, SET_UP};
use crate::format::Lang;
use crate::i18n::serve as text;
use crate::tui::Event;

/// Most input bytes held for a client that is not keeping up; more is
/// dropped (a person types far less; a flood is not worked through).
pub const INPUT_LIMIT: usize = 64 * 1024;

/// Least time between two frames drawn for background progress (10 a
/// second, as in the local workshop); keys and results draw at once.
const PROGRESS_FRAME: Duration = Duration::from_millis(100);

/// How often running background work is looked at.
const BACKGROUND_POLL: Duration = Duration::from_millis(25);

/// Why a client's loop ends, other than by the user's `q`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The channel or the connection is gone (closed, dropped, timed out).
    Closed,
    /// The client sent end-of-file: no more input can come.
    InputEnded,
    /// The server is stopping.
    Shutdown,
}

/// What arrived for a client since its loop last looked.
#[derive(Debug, Default)]
pub struct Mail {
    pub input: Vec<u8>,
    /// The latest size (earlier ones are of no use).
    pub size: Option<(u16, u16)>,
    /// The frame in flight has gone out.
    pub frame_sent: bool,
    pub end: Option<End>,
    /// Input bytes dropped because the loop was not keeping up.
    pub dropped: usize,
    /// Someone else changed what the client shows (its room's document,
    /// who is in the room, the facilitator's screen): draw.
    pub changed: bool,
    /// Background work the client shows made progress: draw within
    /// a tenth of a second.
    pub progress: bool,
}

impl Mail {
    fn is_empty(&self) -> bool {
        self.input.is_empty()
            && self.size.is_none()
            && !self.frame_sent
            && self.end.is_none()
            && !self.changed
            && !self.progress
    }
}

/// A client's mailbox: the SSH side puts things in without ever waiting;
/// the client's loop takes everything at once.
#[derive(Debug, Default)]
pub struct Inbox {
    mail: Mutex<Mail>,
    bell: Condvar,
}

impl Inbox {
    fn lock(&self) -> MutexGuard<'_, Mail> {
        self.mail.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn put(&self, f: impl FnOnce(&mut Mail)) {
        f(&mut self.lock());
        self.bell.notify_one();
    }

    /// Bytes the client typed. Returns `false` when they were dropped
    /// because [`INPUT_LIMIT`] bytes already wait.
    pub fn input(&self, bytes: &[u8]) -> bool {
        let mut kept = true;
        self.put(|m| {
            if m.input.len() + bytes.len() > INPUT_LIMIT {
                m.dropped += bytes.len();
                kept = false;
            } else {
                m.input.extend_from_slice(bytes);
            }
        });
        kept
    }

    /// The client's terminal has a new size.
    pub fn resize(&self, size: (u16, u16)) {
        self.put(|m| m.size = Some(size));
    }

    /// The frame in flight has gone out.
    pub fn frame_sent(&self) {
        self.put(|m| m.frame_sent = true);
    }

    /// Someone else changed what the client shows.
    pub fn changed(&self) {
        self.put(|m| m.changed = true);
    }

    /// Background work the client shows made progress.
    pub fn progress(&self) {
        self.put(|m| m.progress = true);
    }

    /// The loop is to end; the first reason given is kept.
    pub fn end(&self, why: End) {
        self.put(|m| {
            m.end.get_or_insert(why);
        });
    }

    /// Everything that arrived, waiting for something until `until`
    /// (forever without).
    pub fn wait(&self, until: Option<Instant>) -> Mail {
        let mut mail = self.lock();
        while mail.is_empty() {
            match until {
                None => mail = self.bell.wait(mail).unwrap_or_else(PoisonError::into_inner),
                Some(t) => {
                    let left = t.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    mail = self
                        .bell
                        .wait_timeout(mail, left)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0;
                }
            }
        }
        std::mem::take(&mut *mail)
    }
}

/// What a client's loop sends to its channel's writer.
#[derive(Debug)]
pub enum Out {
    /// Bytes of a frame; the writer answers [`Inbox::frame_sent`] when
    /// they have gone out.
    Frame(Vec<u8>),
    /// The last bytes, then the exit status, end-of-file and close.
    Finish(Finish),
}

/// How a client's channel ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finish {
    /// To the terminal (the restore escapes).
    pub stdout: Vec<u8>,
    /// A message for the user, on standard error.
    pub stderr: String,
    pub status: u32,
    /// The end of the message's line.
    pub newline: &'static str,
}

/// How a client's loop ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// See [`End`].
    Ended(End),
    /// The writer is gone (the channel closed under it).
    WriterGone,
    /// Drawing failed.
    Failed(String),
    /// The loop panicked; the message.
    Panicked(String),
}

impl Ending {
    /// Words for the log.
    pub fn describe(&self) -> String {
        match self {
            Ending::Quit => "quit".into(),
            Ending::Ended(End::Closed) | Ending::WriterGone => "the connection closed".into(),
            Ending::Ended(End::InputEnded) => "the client ended its input".into(),
            Ending::Ended(End::Shutdown) => "the server is stopping".into(),
            Ending::Failed(e) => format!("error: {e}"),
            Ending::Panicked(e) => format!("panic: {e}"),
        }
    }

    /// What the channel gets last, in the client's language.
    pub fn finish(&self, lang: Lang) -> Finish {
        let (stderr, status) = match self {
            Ending::Quit | Ending::Ended(End::InputEnded) => (String::new(), 0),
            Ending::Ended(End::Closed) | Ending::WriterGone => (String::new(), 1),
            Ending::Ended(End::Shutdown) => (text::shutting_down(lang).to_string(), 1),
            Ending::Failed(_) | Ending::Panicked(_) => (text::internal_error(lang).to_string(), 1),
        };
        Finish {
            stdout: RESTORE.to_vec(),
            stderr,
            status,
            // The workshop runs on a pty in raw mode.
            newline: "\r\n",
        }
    }
}

/// The body of a client's thread: opens the workshop, runs the loop, and
/// always sends the channel its finish (restore escapes, message, status),
/// also after a panic, which ends this client only.
pub fn run(start: Start, inbox: &Arc<Inbox>, out: &UnboundedSender<Out>) -> Ending {
    let mut lang = start.lang;
    let test_panic = start.test_panic;
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut client =
            Client::new(start, inbox.clone()).map_err(|e| Ending::Failed(e.to_string()))?;
        let ending = drive(&mut client, inbox, out, test_panic);
        lang = client.lang();
        ending
    }));
    let ending = match result {
        Ok(Ok(ending)) => ending,
        Ok(Err(ending)) => ending,
        Err(panic) => Ending::Panicked(panic_text(&*panic)),
    };
    let _ = out.send(Out::Finish(ending.finish(lang)));
    ending
}

/// The message of a panic.
pub fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown".into())
}

/// The loop: waits for mail, applies it, draws when the screen changed
/// and the last frame has gone out. Returns how it ended (`Err` when
/// drawing failed).
pub fn drive(
    client: &mut Client,
    inbox: &Inbox,
    out: &UnboundedSender<Out>,
    test_panic: bool,
) -> Result<Ending, Ending> {
    let mut input = InputParser::default();
    // The set-up escapes go out with the first frame.
    let mut prefix = SET_UP.to_vec();
    let mut dirty = true;
    let mut in_flight = false;
    let mut last_frame = Instant::now();
    // A progress frame is owed from this time on.
    let mut progress_due: Option<Instant> = None;
    loop {
        if dirty && !in_flight {
            let mut bytes = std::mem::take(&mut prefix);
            bytes.extend(client.frame().map_err(|e| Ending::Failed(e.to_string()))?);
            dirty = false;
            progress_due = None;
            // Nothing on the screen changed: nothing is sent.
            if !bytes.is_empty() {
                if out.send(Out::Frame(bytes)).is_err() {
                    return Ok(Ending::WriterGone);
                }
                in_flight = true;
                last_frame = Instant::now();
            }
            if test_panic {
                panic!("EFFEKT_TEST_PANIC: testing that a panic ends one client only");
            }
        }

        let mut wake = input.deadline();
        if client.busy() {
            wake = earliest(wake, Instant::now() + BACKGROUND_POLL);
        }
        if let Some(due) = progress_due.filter(|_| !in_flight) {
            wake = earliest(wake, due);
        }
        let mail = inbox.wait(wake);
        if let Some(end) = mail.end {
            return Ok(Ending::Ended(end));
        }
        in_flight &= !mail.frame_sent;
        dirty |= mail.changed;
        if mail.progress && progress_due.is_none() {
            progress_due = Some(last_frame + PROGRESS_FRAME);
        }
        if let Some((w, h)) = mail.size {
            dirty |= client.handle(Event::Resize(w, h));
        }
        let now = Instant::now();
        for ev in input
            .feed(&mail.input, now)
            .into_iter()
            .chain(input.expire(now))
        {
            dirty |= client.handle(ev);
            if client.ended() {
                return Ok(Ending::Quit);
            }
        }

        // What the background work sent arrives as mail (`changed`,
        // `progress`) on the next round.
        client.background();
        if progress_due.is_some_and(|due| Instant::now() >= due) {
            dirty = true;
        }
    }
}

fn earliest(a: Option<Instant>, b: Instant) -> Option<Instant> {
    Some(a.map_or(b, |a| a.min(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::client::Place;
    use crate::serve::terminal::Colours;
    use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

    fn start() -> Start {
        Start {
            lang: Lang::En,
            colours: Colours::Sixteen,
            size: (100, 30),
            place: Place::Own(Some(crate::catalog::open("sykefravaer").expect("bundled"))),
            id: 1,
            user: "test".into(),
            tag: "test".into(),
            rooms: std::sync::Arc::new(crate::serve::room::Rooms::new()),
            test_panic: false,
        }
    }

    /// The next message of the loop, waiting up to five seconds.
    fn next(rx: &mut UnboundedReceiver<Out>) -> Option<Out> {
        let until = Instant::now() + Duration::from_secs(5);
        loop {
            if let Ok(out) = rx.try_recv() {
                return Some(out);
            }
            if Instant::now() > until {
                return None;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// The bytes of a frame.
    fn frame(out: Option<Out>) -> Vec<u8> {
        match out {
            Some(Out::Frame(bytes)) => bytes,
            other => panic!("expected a frame, got {other:?}"),
        }
    }

    /// A terminal emulator of `cols`×`rows`, fed the frames a client gets.
    fn emulator(cols: u16, rows: u16) -> vt100::Parser {
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
        vt100::Parser::new(nz(rows), nz(cols), 0)
    }

    /// The client's screen (100×30).
    fn terminal() -> vt100::Parser {
        emulator(100, 30)
    }

    /// Nothing more is sent within a while.
    fn quiet(rx: &mut UnboundedReceiver<Out>) -> bool {
        std::thread::sleep(Duration::from_millis(300));
        rx.try_recv().is_err()
    }

    fn spawn(
        inbox: &std::sync::Arc<Inbox>,
    ) -> (UnboundedReceiver<Out>, std::thread::JoinHandle<Ending>) {
        let (tx, rx) = unbounded_channel();
        let inbox = inbox.clone();
        let thread = std::thread::spawn(move || run(start(), &inbox, &tx));
        (rx, thread)
    }

    #[test]
    fn the_first_frame_sets_the_terminal_up_and_idle_sends_nothing() {
        let inbox = std::sync::Arc::new(Inbox::default());
        let (mut rx, thread) = spawn(&inbox);
        let first = frame(next(&mut rx));
        assert!(first.starts_with(b"\x1b[?1049h"), "alternate screen first");
        let mut screen = terminal();
        screen.process(&first);
        assert!(screen.screen().alternate_screen());
        assert!(screen.screen().hide_cursor());
        assert!(
            screen.screen().contents().contains("Key figures"),
            "the workshop is drawn"
        );
        inbox.frame_sent();
        assert!(quiet(&mut rx), "an idle client gets no bytes");
        inbox.input(b"q");
        match next(&mut rx) {
            Some(Out::Finish(f)) => {
                assert_eq!(f.status, 0);
                assert_eq!(f.stdout, RESTORE);
                assert!(f.stderr.is_empty());
            }
            other => panic!("expected the finish, got {other:?}"),
        }
        assert_eq!(thread.join().expect("no panic"), Ending::Quit);
    }

    #[test]
    fn a_slow_client_gets_one_frame_of_the_latest_state_not_a_queue() {
        let inbox = std::sync::Arc::new(Inbox::default());
        let (mut rx, thread) = spawn(&inbox);
        let mut screen = terminal();
        screen.process(&frame(next(&mut rx)));
        let c = screen.screen().contents();
        assert!(
            c.lines()
                .any(|l| l.contains("▶  Effect, share of expected") && l.contains("100.0%")),
            "{c}"
        );
        // The first frame has not gone out; ten steps arrive meanwhile,
        // one key at a time (the loop sees each as it comes).
        for _ in 0..10 {
            inbox.input(b"\x1b[C");
            std::thread::sleep(Duration::from_millis(3));
        }
        assert!(
            quiet(&mut rx),
            "nothing is drawn while a frame is in flight"
        );
        inbox.frame_sent();
        let latest = frame(next(&mut rx));
        assert!(
            !latest.windows(8).any(|w| w == b"\x1b[?1049h"),
            "set-up is sent once"
        );
        screen.process(&latest);
        // The effect starts at 100 % and steps by 5 points.
        let contents = screen.screen().contents();
        let lever = contents.lines().find(|l| l.contains('▶')).unwrap_or("");
        assert!(
            lever.contains("Effect, share of expected") && lever.contains("150.0%"),
            "the latest state is drawn: {lever}"
        );
        inbox.frame_sent();
        assert!(quiet(&mut rx), "one frame for ten steps");
        inbox.end(End::Shutdown);
        match next(&mut rx) {
            Some(Out::Finish(f)) => {
                assert_eq!(f.status, 1);
                assert!(f.stderr.contains("shutting down"), "{}", f.stderr);
                assert_eq!(f.stdout, RESTORE, "the terminal is put back");
            }
            other => panic!("expected the finish, got {other:?}"),
        }
        assert_eq!(
            thread.join().expect("no panic"),
            Ending::Ended(End::Shutdown)
        );
    }

    #[test]
    fn resizes_coalesce_and_redraw_the_whole_screen() {
        let inbox = std::sync::Arc::new(Inbox::default());
        let (mut rx, thread) = spawn(&inbox);
        frame(next(&mut rx));
        inbox.resize((90, 30));
        inbox.resize((120, 40));
        inbox.frame_sent();
        // A fresh terminal of the new size shows the whole screen from
        // this frame alone.
        let mut screen = emulator(120, 40);
        screen.process(&frame(next(&mut rx)));
        let contents = screen.screen().contents();
        assert!(contents.contains("Key figures"), "drawn whole:\n{contents}");
        assert!(
            contents.lines().any(|l| l.trim_end().len() > 100),
            "at the new width:\n{contents}"
        );
        inbox.frame_sent();
        assert!(quiet(&mut rx));
        inbox.end(End::Closed);
        assert_eq!(thread.join().expect("no panic"), Ending::Ended(End::Closed));
    }

    #[test]
    fn a_panic_ends_the_client_with_its_terminal_put_back() {
        let inbox = std::sync::Arc::new(Inbox::default());
        let (tx, mut rx) = unbounded_channel();
        let start = Start {
            test_panic: true,
            ..start()
        };
        let ending = run(start, &inbox, &tx);
        assert!(
            matches!(&ending, Ending::Panicked(m) if m.contains("EFFEKT_TEST_PANIC")),
            "{ending:?}"
        );
        frame(next(&mut rx));
        match next(&mut rx) {
            Some(Out::Finish(f)) => {
                assert_eq!(f.status, 1);
                assert_eq!(f.stdout, RESTORE, "the terminal is put back");
                assert!(f.stderr.contains("error on the server"), "{}", f.stderr);
            }
            other => panic!("expected the finish, got {other:?}"),
        }
    }

    #[test]
    fn a_follower_draws_the_facilitators_step_and_nothing_while_idle() {
        let dir = std::env::temp_dir().join(format!("effekt-pacing-{}", std::process::id()));
        let rooms = std::sync::Arc::new(crate::serve::room::Rooms::with_store(dir));
        let in_room = |id: u64, user: &str| Start {
            place: Place::Room {
                name: "styret".into(),
                scenario: Some(crate::catalog::open("sykefravaer").expect("bundled")),
            },
            id,
            user: user.into(),
            rooms: rooms.clone(),
            ..start()
        };
        let spawn_in = |start: Start| {
            let inbox = std::sync::Arc::new(Inbox::default());
            let (tx, rx) = unbounded_channel();
            let thread_inbox = inbox.clone();
            let thread = std::thread::spawn(move || run(start, &thread_inbox, &tx));
            (inbox, rx, thread)
        };
        let (anna, mut anna_rx, anna_thread) = spawn_in(in_room(1, "anna"));
        frame(next(&mut anna_rx));
        anna.frame_sent();
        let (bo, mut bo_rx, bo_thread) = spawn_in(in_room(2, "bo"));
        let mut screen = terminal();
        screen.process(&frame(next(&mut bo_rx)));
        bo.frame_sent();
        // anna is told bo came (one frame), then all is quiet.
        frame(next(&mut anna_rx));
        anna.frame_sent();
        assert!(
            quiet(&mut anna_rx) && quiet(&mut bo_rx),
            "an idle room sends nothing"
        );

        anna.input(b"\x1b[C");
        screen.process(&frame(next(&mut bo_rx)));
        let contents = screen.screen().contents();
        let lever = contents.lines().find(|l| l.contains('▶')).unwrap_or("");
        assert!(lever.contains("105.0%"), "bo sees anna's step: {lever}");
        frame(next(&mut anna_rx));
        anna.frame_sent();
        bo.frame_sent();
        assert!(quiet(&mut anna_rx) && quiet(&mut bo_rx));

        // bo's own lever key: only bo's screen changes (the refusal).
        bo.input(b"\x1b[C");
        screen.process(&frame(next(&mut bo_rx)));
        assert!(screen.screen().contents().contains("Only the facilitator"));
        assert!(quiet(&mut anna_rx), "anna is not woken");

        // bo leaves; anna's loop goes on.
        bo.input(b"q");
        assert!(matches!(next(&mut bo_rx), Some(Out::Finish(f)) if f.status == 0));
        assert_eq!(bo_thread.join().expect("no panic"), Ending::Quit);
        frame(next(&mut anna_rx));
        anna.end(End::Closed);
        assert_eq!(
            anna_thread.join().expect("no panic"),
            Ending::Ended(End::Closed)
        );
        assert!(
            rooms.get("styret").is_none(),
            "the room ended with its last one"
        );
    }

    #[test]
    fn input_beyond_the_limit_is_dropped_and_counted() {
        let inbox = Inbox::default();
        assert!(inbox.input(&vec![b'j'; INPUT_LIMIT]));
        assert!(!inbox.input(b"k"));
        let mail = inbox.wait(Some(Instant::now()));
        assert_eq!((mail.input.len(), mail.dropped), (INPUT_LIMIT, 1));
        assert!(inbox.input(b"k"), "room again once taken");
    }
}
