//! `effekt serve`: the workshop over SSH (see `docs/ssh.md`).
//!
//! An SSH server (`russh`, pure Rust) that lets in the keys of an
//! `authorized_keys` file and gives each session its own workshop, drawn
//! at the client's size, in its colours and language. The parts:
//!
//! - [`keys`]: the host key (made once, owner-only) and the authorised keys.
//! - [`handler`]: one SSH connection: authentication (public keys only),
//!   what a channel may ask for (a pty and the workshop; nothing else),
//!   and the writer that sends a client's frames out.
//! - [`terminal`], [`input`]: a client's terminal type and size, its
//!   set-up/restore escapes, and its bytes parsed into the app's events.
//! - [`pacing`]: a client's loop on its own thread; frames go out only
//!   when the previous one has, from the latest state.
//! - [`client`]: the one file that knows the workshop's types.
//!
//! What the server says to an SSH user outside the workshop, and to its
//! operator, is in `crate::i18n::serve`, in bokmål and English.
//!
//! This file parses nothing and draws nothing: it loads the keys and
//! scenarios, listens, accepts connections, and on SIGTERM or SIGINT
//! closes every session cleanly.

pub mod client;
pub mod handler;
pub mod input;
pub mod keys;
pub mod log;
pub mod pacing;
pub mod room;
pub mod terminal;

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use russh::keys::PrivateKey;
use russh::server::{Config, Handle};
use russh::{MethodKind, MethodSet, SshId};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::catalog::{self, Loaded};
use crate::format::{Lang, excerpt_of};
use crate::i18n::serve::operator;
use keys::KeyFile;
use log::log;
use pacing::{End, Inbox};
use room::Rooms;

/// `effekt serve`'s options.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0: any free port, logged).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
    pub listen: String,
    /// The keys allowed in, one per line as OpenSSH writes them
    /// [default: ~/.ssh/authorized_keys].
    #[arg(long, value_name = "PATH")]
    pub authorized_keys: Option<PathBuf>,
    /// The server's private key [default: one made once in the data folder].
    #[arg(long, value_name = "PATH")]
    pub host_key: Option<PathBuf>,
    /// Seconds of silence before a client is asked whether it is still
    /// there; a client silent for four such intervals is dropped.
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub keepalive: u64,
    /// Scenarios (files or bundled ids), checked at start; a session opens
    /// the first (without: the scenario picker).
    #[arg(value_name = "SCENARIO")]
    pub scenarios: Vec<String>,
}

/// Most sessions at once (each has a thread and its screens).
pub const MAX_CLIENTS: usize = 200;

/// Most TCP connections at once, logged in or not.
const MAX_CONNECTIONS: usize = 400;

/// Time a connection has to log in.
const LOGIN_GRACE: Duration = Duration::from_secs(60);

/// Time given to sessions to finish (restore escapes, exit status) when
/// the server stops.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Time given to clients to close their connections when the server
/// stops, before they are disconnected.
const CLOSE_WAIT: Duration = Duration::from_secs(2);

/// What every connection shares.
pub struct Shared {
    pub lang: Lang,
    /// The port listened on (for the messages that say how to connect).
    pub port: u16,
    /// The scenario sessions open (the first given), else the picker.
    pub scenario: Option<Loaded>,
    /// Every scenario given on the command line.
    pub scenarios: Vec<Loaded>,
    /// The rooms: private workshops, shared rooms and copies.
    pub rooms: Arc<Rooms>,
    pub keys: KeyFile,
    /// Running sessions' inboxes, by client number.
    clients: Mutex<HashMap<u64, Arc<Inbox>>>,
    /// Rung when a session has finished.
    client_gone: Notify,
    /// Logged-in connections' handles, to disconnect them at shutdown.
    connections: Mutex<HashMap<u64, Handle>>,
    next_id: AtomicU64,
    stopping: AtomicBool,
    /// Debug builds with `EFFEKT_TEST_PANIC=1`: the command `test-panic`
    /// opens a workshop whose loop panics (for the end-to-end test).
    pub test_panic: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// A new number for a connection or a client, for the log.
    pub fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Registers a session; `None` when the server is full or stopping.
    pub fn add_client(&self, id: u64, inbox: Arc<Inbox>) -> Option<()> {
        let mut clients = lock(&self.clients);
        if clients.len() >= MAX_CLIENTS || self.stopping.load(Ordering::SeqCst) {
            return None;
        }
        clients.insert(id, inbox);
        Some(())
    }

    /// A session has finished.
    pub fn remove_client(&self, id: u64) {
        lock(&self.clients).remove(&id);
        self.client_gone.notify_waiters();
    }

    fn client_count(&self) -> usize {
        lock(&self.clients).len()
    }

    /// The scenario `room NAME SCENARIO` names: one given to the server,
    /// a bundled one, or one in the server's scenario folder, by its id or
    /// file name. Never a path: a client reads no file it names.
    pub fn room_scenario(&self, wanted: &str) -> Option<Loaded> {
        let stem = wanted.strip_suffix(".toml").unwrap_or(wanted);
        if stem.is_empty() || stem.contains(['/', '\\']) || stem.starts_with('.') {
            return None;
        }
        let file_stem = |origin: &catalog::Origin| match origin {
            catalog::Origin::Bundled(name) => name.strip_suffix(".toml").map(str::to_string),
            catalog::Origin::File(p) => p.file_stem().map(|s| s.to_string_lossy().into_owned()),
        };
        let matches = |id: &str, origin: &catalog::Origin| {
            id == stem || file_stem(origin).as_deref() == Some(stem)
        };
        if let Some(l) = self
            .scenarios
            .iter()
            .find(|l| matches(&l.scenario.info.id, &l.origin))
        {
            return Some(l.clone());
        }
        if let Some(b) = catalog::find_bundled(stem) {
            return Some(catalog::load_bundled(b));
        }
        catalog::entries().into_iter().find_map(|e| {
            let scenario = e.result.ok()?;
            matches(&scenario.info.id, &e.origin).then_some(Loaded {
                scenario,
                text: e.text,
                origin: e.origin,
            })
        })
    }
}

/// Longest room name.
pub const ROOM_NAME_MAX: usize = 32;

/// A room's name: 1 to [`ROOM_NAME_MAX`] letters, digits, `-`, `_` or `.`
/// (so it is safe in logs, on screens and on the command line).
pub fn room_name_ok(name: &str) -> bool {
    let n = name.chars().count();
    (1..=ROOM_NAME_MAX).contains(&n)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// `effekt serve …`. Returns the exit code: 0 after SIGTERM/SIGINT, 1 when
/// the server cannot start (the message says why).
pub fn run(lang: Lang, args: &ServeArgs) -> u8 {
    log_panics();
    match prepare(lang, args) {
        Ok((shared, config)) => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("effekt-serve")
                .enable_all()
                .build();
            match runtime {
                Ok(rt) => rt.block_on(serve(&args.listen, shared, config)),
                Err(e) => error(lang, &operator::cannot_start(lang, &e)),
            }
        }
        Err(message) => error(lang, &message),
    }
}

/// Panics (caught, each ending one client) are logged on one line each,
/// like every other event.
fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        let thread = std::thread::current()
            .name()
            .unwrap_or("unnamed")
            .to_string();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = pacing::panic_text(info.payload());
        log!("panic in thread {thread} at {place}: {message:?}");
    }));
}

/// Loads everything a session needs before listening, so that a broken
/// scenario or key stops the server at once with a message.
fn prepare(lang: Lang, args: &ServeArgs) -> Result<(Shared, Config), String> {
    let mut scenarios = Vec::new();
    for name in &args.scenarios {
        scenarios.push(catalog::open(name).map_err(|e| match e {
            catalog::OpenError::Invalid(e) => crate::i18n::errors::load_error(lang, &e),
            e => crate::i18n::cli::unknown_scenario(lang, &e),
        })?);
    }
    let keys_path = match &args.authorized_keys {
        Some(p) => p.clone(),
        None => directories::BaseDirs::new()
            .map(|d| d.home_dir().join(".ssh").join("authorized_keys"))
            .ok_or(operator::no_home(lang))?,
    };
    let (keys, skipped) = KeyFile::open(&keys_path).map_err(|e| e.text(lang))?;
    for s in skipped {
        let text = operator::key_skipped(lang, &keys_path, s.line, &s.reason);
        eprintln!(
            "{}: {}",
            crate::i18n::cli::prefix(lang).warning,
            excerpt_of(&text, 1000)
        );
    }
    let host_key = host_key(lang, args)?;
    log!(
        "host key {} ({}), {} authorised key(s) from {}",
        keys::fingerprint(host_key.public_key()),
        host_key.algorithm(),
        keys.current().0.len(),
        keys_path.display()
    );
    let config = config(host_key, Duration::from_secs(args.keepalive));
    let shared = Shared {
        lang,
        port: 0,
        scenario: scenarios.first().cloned(),
        scenarios,
        rooms: Arc::new(Rooms::new()),
        keys,
        clients: Mutex::default(),
        client_gone: Notify::new(),
        connections: Mutex::default(),
        next_id: AtomicU64::new(0),
        stopping: AtomicBool::new(false),
        test_panic: cfg!(debug_assertions)
            && std::env::var_os("EFFEKT_TEST_PANIC").is_some_and(|v| v == "1"),
    };
    Ok((shared, config))
}

fn host_key(lang: Lang, args: &ServeArgs) -> Result<PrivateKey, String> {
    if let Some(path) = &args.host_key {
        return keys::load_host_key(path).map_err(|e| e.text(lang));
    }
    let dir = catalog::data_dir().ok_or(operator::no_data_dir(lang))?;
    let (key, made) = keys::host_key_in(&dir).map_err(|e| e.text(lang))?;
    if made {
        log!(
            "made a new host key: {}",
            dir.join(keys::HOST_KEY_FILE).display()
        );
    }
    Ok(key)
}

/// The SSH settings: public keys only, keepalives to find dropped
/// clients, no delay on small writes (frames are small and wanted now).
fn config(host_key: PrivateKey, keepalive: Duration) -> Config {
    // Four unanswered keepalives drop a client; a write that cannot go
    // out for longer than that (a client gone with full buffers) too.
    const KEEPALIVE_MAX: usize = 3;
    Config {
        server_id: SshId::Standard(format!("SSH-2.0-effekt_{}", env!("CARGO_PKG_VERSION")).into()),
        methods: MethodSet::from(&[MethodKind::PublicKey][..]),
        auth_rejection_time: Duration::from_secs(1),
        // OpenSSH first asks which methods exist ("none"): answer at once.
        auth_rejection_time_initial: Some(Duration::ZERO),
        max_auth_attempts: 6,
        keys: vec![host_key],
        keepalive_interval: Some(keepalive),
        keepalive_max: KEEPALIVE_MAX,
        inactivity_timeout: Some(keepalive * (KEEPALIVE_MAX as u32 + 2)),
        nodelay: true,
        ..Config::default()
    }
}

/// Prints why the server cannot run, in the operator's language (one
/// line, without control characters); the exit code 1.
fn error(lang: Lang, message: &str) -> u8 {
    let prefix = crate::i18n::cli::prefix(lang).error;
    eprintln!("{prefix}: {}", excerpt_of(message, 1000));
    1
}

/// Listens and serves until SIGTERM or SIGINT; returns the exit code.
async fn serve(listen: &str, mut shared: Shared, config: Config) -> u8 {
    let lang = shared.lang;
    let listener = match TcpListener::bind(listen).await {
        Ok(l) => l,
        Err(e) => return error(lang, &operator::cannot_listen(lang, listen, &e)),
    };
    let local = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => return error(lang, &operator::cannot_listen(lang, listen, &e)),
    };
    shared.port = local.port();
    let shared = Arc::new(shared);
    let config = Arc::new(config);
    let stop = match stop_signal() {
        Ok(s) => s,
        Err(e) => return error(lang, &operator::cannot_watch_signals(lang, &e)),
    };
    tokio::pin!(stop);
    log!("listening on {local}");
    let mut tasks = tokio::task::JoinSet::new();
    let signal = loop {
        tokio::select! {
            signal = &mut stop => break signal,
            accepted = listener.accept() => match accepted {
                Ok((socket, peer)) if tasks.len() >= MAX_CONNECTIONS => {
                    log!("{peer}: refused: {MAX_CONNECTIONS} connections already");
                    drop(socket);
                }
                Ok((socket, peer)) => {
                    tasks.spawn(connection(shared.clone(), config.clone(), socket, peer));
                }
                Err(e) => {
                    // Out of file descriptors and the like: wait a little
                    // rather than spin.
                    log!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
        }
    };
    drop(listener);
    shutdown(&shared, signal, &mut tasks).await;
    0
}

/// Resolves on SIGTERM or SIGINT with the signal's name.
fn stop_signal() -> std::io::Result<impl Future<Output = &'static str>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
        }
    })
}

/// Ends every session (restore escapes, a message, exit status), waits a
/// little for them to go out and for the clients to close, then
/// disconnects the connections still open.
async fn shutdown(shared: &Shared, signal: &str, tasks: &mut tokio::task::JoinSet<()>) {
    shared.stopping.store(true, Ordering::SeqCst);
    let inboxes: Vec<Arc<Inbox>> = lock(&shared.clients).values().cloned().collect();
    log!("{signal}: stopping; closing {} session(s)", inboxes.len());
    for inbox in &inboxes {
        inbox.end(End::Shutdown);
    }
    let deadline = Instant::now() + SHUTDOWN_GRACE;
    while shared.client_count() > 0 {
        let gone = shared.client_gone.notified();
        if shared.client_count() == 0 || tokio::time::timeout_at(deadline, gone).await.is_err() {
            break;
        }
    }
    if shared.client_count() > 0 {
        log!(
            "{} session(s) did not finish in time",
            shared.client_count()
        );
    }
    // A client whose channels are closed closes its connection itself
    // (OpenSSH does); cutting it off first could lose the last bytes.
    let all_closed = async { while tasks.join_next().await.is_some() {} };
    if tokio::time::timeout(CLOSE_WAIT, all_closed).await.is_err() {
        let handles: Vec<Handle> = lock(&shared.connections).values().cloned().collect();
        for handle in handles {
            disconnect(&handle, "effekt serve is stopping").await;
        }
        let all_closed = async { while tasks.join_next().await.is_some() {} };
        let _ = tokio::time::timeout(CLOSE_WAIT, all_closed).await;
        tasks.abort_all();
    }
    log!("stopped");
}

/// Tells a client why the server ends its connection, and ends it.
async fn disconnect(handle: &Handle, why: &str) {
    let _ = handle
        .disconnect(russh::Disconnect::ByApplication, why.into(), String::new())
        .await;
}

/// One TCP connection, from the SSH handshake to its end.
async fn connection(shared: Arc<Shared>, config: Arc<Config>, socket: TcpStream, peer: SocketAddr) {
    let id = shared.next_id();
    let logged_in = Arc::new(AtomicBool::new(false));
    let handler = handler::Connection::new(shared.clone(), id, peer, logged_in.clone());
    let deadline = Instant::now() + LOGIN_GRACE;
    let session =
        tokio::time::timeout_at(deadline, russh::server::run_stream(config, socket, handler));
    let session = match session.await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            log!("#{id} {peer}: handshake failed: {e}");
            return;
        }
        Err(_) => {
            log!("#{id} {peer}: no SSH handshake within {LOGIN_GRACE:?}; closed");
            return;
        }
    };
    let handle = session.handle();
    lock(&shared.connections).insert(id, handle.clone());
    let grace = async {
        tokio::time::sleep_until(deadline).await;
        if logged_in.load(Ordering::SeqCst) {
            std::future::pending::<()>().await;
        }
    };
    tokio::pin!(session);
    let result = tokio::select! {
        result = &mut session => Some(result),
        () = grace => None,
    };
    let result = match result {
        Some(r) => r,
        None => {
            log!("#{id} {peer}: not logged in within {LOGIN_GRACE:?}; disconnected");
            disconnect(&handle, "login time is up").await;
            tokio::time::timeout(Duration::from_secs(5), session)
                .await
                .unwrap_or(Ok(()))
        }
    };
    lock(&shared.connections).remove(&id);
    match result {
        Ok(()) | Err(russh::Error::Disconnect) => log!("#{id} {peer}: disconnected"),
        Err(russh::Error::IO(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            log!("#{id} {peer}: disconnected")
        }
        Err(russh::Error::KeepaliveTimeout) => {
            log!("#{id} {peer}: dropped: no answer to keepalives")
        }
        Err(russh::Error::InactivityTimeout) => log!("#{id} {peer}: dropped: inactive"),
        Err(e) => log!("#{id} {peer}: connection ended: {e}"),
    }
}
