//! A room of `effekt serve` under load, through the code a session runs
//! after its SSH channel: each client's bytes go into its inbox, its loop
//! (`serve::pacing::run`, on a thread of its own) applies them to the room
//! and draws, and an in-memory writer takes its frames in place of the
//! channel, answering `frame_sent` as the channel's writer does.
//!
//! - `room step 20×160x45`: one lever step by the facilitator until every
//!   one of 20 clients' writers has its frame (target ≤ 16 ms median);
//! - printed: bytes per client per step (target ≤ 4 KB), bytes while idle
//!   (target 0), and memory per idle client (resident set growth).
//!
//! `cargo bench --bench serve -- --warm-up-time 1 --measurement-time 5`

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use effekt::catalog;
use effekt::format::Lang;
use effekt::serve::client::{Place, Start};
use effekt::serve::pacing::{self, End, Inbox, Out};
use effekt::serve::room::Rooms;
use effekt::serve::terminal::Colours;
use tokio::sync::mpsc::unbounded_channel;

const CLIENTS: usize = 20;
const SIZE: (u16, u16) = (160, 45);
const RIGHT: &[u8] = b"\x1b[C";
const LEFT: &[u8] = b"\x1b[D";

/// A frame a writer took: whose, how many bytes, when.
struct Frame {
    client: usize,
    bytes: usize,
    at: Instant,
}

/// A client of the room: its inbox, its loop and its writer.
struct Client {
    inbox: Arc<Inbox>,
    threads: Vec<JoinHandle<()>>,
}

/// `n` clients in the room "bench" (the first creates it and has the
/// floor), their frames reported on one channel.
fn room(rooms: &Arc<Rooms>, n: usize, first_id: u64) -> (Vec<Client>, Receiver<Frame>) {
    let (frames_tx, frames) = mpsc::channel();
    let scenario = catalog::open("sykefravaer").expect("bundled");
    let clients = (0..n)
        .map(|i| {
            let start = Start {
                lang: if i % 2 == 0 { Lang::Nb } else { Lang::En },
                colours: Colours::Sixteen,
                size: SIZE,
                place: Place::Room {
                    name: "bench".into(),
                    scenario: Some(scenario.clone()),
                },
                id: first_id + i as u64,
                user: format!("p{i}"),
                tag: format!("bench client {i}"),
                rooms: rooms.clone(),
                test_panic: false,
            };
            let client = spawn(i, start, frames_tx.clone());
            if i == 0 {
                // The facilitator is in before the others come.
                std::thread::sleep(Duration::from_millis(50));
            }
            client
        })
        .collect();
    (clients, frames)
}

fn spawn(i: usize, start: Start, frames: Sender<Frame>) -> Client {
    let inbox = Arc::new(Inbox::default());
    let (tx, mut rx) = unbounded_channel();
    let loop_inbox = inbox.clone();
    let session = std::thread::spawn(move || {
        pacing::run(start, &loop_inbox, &tx);
    });
    let writer_inbox = inbox.clone();
    let writer = std::thread::spawn(move || {
        while let Some(out) = rx.blocking_recv() {
            match out {
                Out::Frame(bytes) => {
                    let at = Instant::now();
                    // In place of the channel: the bytes have gone out.
                    writer_inbox.frame_sent();
                    let _ = frames.send(Frame {
                        client: i,
                        bytes: bytes.len(),
                        at,
                    });
                }
                Out::Finish(_) => break,
            }
        }
    });
    Client {
        inbox,
        threads: vec![session, writer],
    }
}

/// Waits until every one of `n` clients has had a frame; returns the
/// frames and the time the last came.
fn one_frame_each(frames: &Receiver<Frame>, n: usize) -> (Vec<usize>, Instant) {
    let mut bytes = vec![0; n];
    let mut seen = vec![false; n];
    let mut last = Instant::now();
    while seen.iter().any(|s| !s) {
        let f = frames
            .recv_timeout(Duration::from_secs(30))
            .expect("every client gets its frame");
        bytes[f.client] += f.bytes;
        seen[f.client] = true;
        last = f.at;
    }
    (bytes, last)
}

/// The bytes that come within `quiet`.
fn drain(frames: &Receiver<Frame>, quiet: Duration) -> usize {
    let mut bytes = 0;
    loop {
        match frames.recv_timeout(quiet) {
            Ok(f) => bytes += f.bytes,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return bytes,
        }
    }
}

fn end(clients: Vec<Client>) {
    for c in &clients {
        c.inbox.end(End::Closed);
    }
    for c in clients {
        for t in c.threads {
            let _ = t.join();
        }
    }
}

/// The resident set of this process, in bytes (Linux).
fn resident() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn data_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("effekt-bench-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn step(c: &mut Criterion) {
    let rooms = Arc::new(Rooms::with_store(data_dir("step")));
    let (clients, frames) = room(&rooms, CLIENTS, 1);
    let (first, _) = one_frame_each(&frames, CLIENTS);
    drain(&frames, Duration::from_millis(300));
    let facilitator = clients[0].inbox.clone();

    // Bytes per client of one step, and of idling.
    facilitator.input(RIGHT);
    let (per_client, _) = one_frame_each(&frames, CLIENTS);
    drain(&frames, Duration::from_millis(300));
    facilitator.input(LEFT);
    one_frame_each(&frames, CLIENTS);
    let idle = drain(&frames, Duration::from_secs(1));
    let (min, max) = (
        per_client.iter().min().copied().unwrap_or(0),
        per_client.iter().max().copied().unwrap_or(0),
    );
    let mean = per_client.iter().sum::<usize>() / CLIENTS;
    println!(
        "room of {CLIENTS} at {}x{}: first frame {} bytes a client; a lever step {mean} bytes a \
         client (min {min}, max {max}); idle for 1 s: {idle} bytes in all",
        SIZE.0,
        SIZE.1,
        first.iter().sum::<usize>() / CLIENTS
    );

    let mut right = true;
    c.bench_function(
        &format!("room step {CLIENTS}×{}x{}", SIZE.0, SIZE.1),
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let started = Instant::now();
                    facilitator.input(if right { RIGHT } else { LEFT });
                    right = !right;
                    let (_, last) = one_frame_each(&frames, CLIENTS);
                    total += last.saturating_duration_since(started);
                    // A late frame of this step must not count for the next.
                    drain(&frames, Duration::from_millis(2));
                }
                total
            })
        },
    );
    end(clients);
}

/// Memory per idle client: the resident set before and after 40 more
/// clients join a room and draw their first frame.
fn memory() {
    const MORE: usize = 40;
    let rooms = Arc::new(Rooms::with_store(data_dir("memory")));
    let (one, frames) = room(&rooms, 1, 1000);
    one_frame_each(&frames, 1);
    drain(&frames, Duration::from_millis(300));
    let before = resident();
    let (more, more_frames) = room(&rooms, MORE, 2000);
    one_frame_each(&more_frames, MORE);
    drain(&more_frames, Duration::from_millis(300));
    let after = resident();
    if let (Some(before), Some(after)) = (before, after) {
        let per = after.saturating_sub(before) / MORE;
        println!(
            "memory per idle client at {}x{}: {} KB ({MORE} clients: {} KB → {} KB resident)",
            SIZE.0,
            SIZE.1,
            per / 1024,
            before / 1024,
            after / 1024
        );
    }
    end(more);
    end(one);
}

fn all(c: &mut Criterion) {
    memory();
    step(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
