//! One SSH connection: who may log in (public keys from the authorised
//! keys file; passwords and keyboard-interactive refused), what a session
//! channel may ask for (a pty, `NO_COLOR`, the workshop as its shell, and
//! effekt's own commands), and the writer that sends a client's frames to
//! its channel. Everything else — port, agent and X11 forwarding,
//! subsystems such as SFTP, other commands — is refused and logged.
//!
//! A handler method never waits for the client (writes go through a task
//! of their own), so one slow client holds up nobody, not even its own
//! connection's other channels.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, ChannelWriteHalf, Pty};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

use super::Shared;
use super::client::{Place, Start};
use super::keys::{self, Reload};
use super::log::log;
use super::pacing::{self, End, Finish, Inbox, Out};
use super::terminal::{self, Colours};
use crate::i18n::serve as text;

/// Most session channels one connection may open (OpenSSH multiplexes
/// several over one connection with `ControlMaster`).
const MAX_CHANNELS: usize = 4;

/// Time the last bytes of a session get to go out.
const FINISH_WAIT: Duration = Duration::from_secs(5);

/// Exit status of a refused request (no terminal, unknown command).
const EXIT_REFUSED: u32 = 2;

/// What a client asked for in its pty request.
#[derive(Debug, Clone)]
struct PtyRequest {
    term: String,
    size: (u16, u16),
}

enum ChannelState {
    /// Open; the client is still sending its requests.
    Setup {
        writer: ChannelWriteHalf<Msg>,
        pty: Option<PtyRequest>,
        no_color: bool,
    },
    /// The workshop runs; what the client sends goes to its inbox.
    Running { inbox: Arc<Inbox>, client: u64 },
    /// Answered and closing.
    Done,
}

/// The handler of one connection.
pub struct Connection {
    shared: Arc<Shared>,
    id: u64,
    peer: SocketAddr,
    logged_in: Arc<AtomicBool>,
    /// The user name and key fingerprint, once logged in.
    who: Option<(String, String)>,
    channels: HashMap<ChannelId, ChannelState>,
    /// Input was dropped for a client not keeping up (logged once).
    flooded: bool,
}

impl Connection {
    pub fn new(
        shared: Arc<Shared>,
        id: u64,
        peer: SocketAddr,
        logged_in: Arc<AtomicBool>,
    ) -> Connection {
        log!("#{id} {peer}: connected");
        Connection {
            shared,
            id,
            peer,
            logged_in,
            who: None,
            channels: HashMap::new(),
            flooded: false,
        }
    }

    /// How log lines about this connection begin.
    fn tag(&self) -> String {
        match &self.who {
            Some((user, _)) => format!("#{} {} {user:?}", self.id, self.peer),
            None => format!("#{} {}", self.id, self.peer),
        }
    }

    /// Whether `key` may log in, re-reading the authorised keys if their
    /// file changed (and logging what that found).
    fn known_key(&self, key: &PublicKey) -> Option<keys::AuthorizedKey> {
        let (keys, reload) = self.shared.keys.current();
        let path = self.shared.keys.path().display();
        match reload {
            Some(Reload::Read(n, skipped)) => {
                log!("{path} changed: {n} authorised key(s)");
                for s in skipped {
                    log!("warning: {path}:{}: skipped: {}", s.line, s.reason);
                }
            }
            Some(Reload::Refused(e)) => log!("{e}; nobody can log in until it is fixed"),
            None => {}
        }
        keys.find(key).cloned()
    }

    /// Answers a request with a message on standard error and an exit
    /// status, then closes the channel.
    fn refuse(&mut self, channel: ChannelId, session: &mut Session, message: String, status: u32) {
        let Some(ChannelState::Setup { writer, pty, .. }) = self.channels.remove(&channel) else {
            let _ = session.channel_failure(channel);
            return;
        };
        let _ = session.channel_success(channel);
        self.channels.insert(channel, ChannelState::Done);
        let finish = Finish {
            stdout: Vec::new(),
            stderr: message,
            status,
            // A terminal in raw mode needs the carriage return too.
            newline: if pty.is_some() { "\r\n" } else { "\n" },
        };
        tokio::spawn(async move { finish_channel(&writer, finish).await });
    }

    /// Starts the workshop (its own, or a room's) on a channel that has a
    /// usable terminal.
    fn start_workshop(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
        place: Place,
        test_panic: bool,
    ) {
        let lang = self.shared.lang;
        let port = self.shared.port;
        let Some(ChannelState::Setup { pty, no_color, .. }) = self.channels.get(&channel) else {
            let _ = session.channel_failure(channel);
            return;
        };
        let Some(pty) = pty.clone() else {
            log!("{}: refused a session without a terminal", self.tag());
            return self.refuse(
                channel,
                session,
                text::needs_terminal(lang, port),
                EXIT_REFUSED,
            );
        };
        let Ok(colours) = terminal::colours(&pty.term, *no_color) else {
            log!("{}: refused TERM={:?}", self.tag(), pty.term);
            let message = text::unusable_terminal(lang, &pty.term, port);
            return self.refuse(channel, session, message, EXIT_REFUSED);
        };
        let client = self.shared.next_id();
        let inbox = Arc::new(Inbox::default());
        if self.shared.add_client(client, inbox.clone()).is_none() {
            log!(
                "{}: refused a session: the server is full or stopping",
                self.tag()
            );
            let message = text::server_full(lang).to_string();
            return self.refuse(channel, session, message, 1);
        }
        let Some(ChannelState::Setup { writer, .. }) = self.channels.remove(&channel) else {
            return;
        };
        let _ = session.channel_success(channel);
        let tag = format!("{} client {client}", self.tag());
        let opened = match &place {
            Place::Own(Some(loaded)) => format!("workshop on {}", loaded.origin),
            Place::Own(None) => "workshop on the picker".into(),
            Place::Room { name, scenario } => match scenario {
                Some(loaded) => format!("room {name:?} with {}", loaded.origin),
                None => format!("room {name:?}"),
            },
        };
        let start = Start {
            lang,
            colours,
            size: pty.size,
            place,
            id: client,
            user: self.who.as_ref().map(|w| w.0.clone()).unwrap_or_default(),
            tag: tag.clone(),
            rooms: self.shared.rooms.clone(),
            test_panic,
        };
        let colours_text = match colours {
            Colours::Sixteen => "16 colours",
            Colours::Mono => "no colour",
        };
        log!(
            "{tag}: {opened} (TERM={:?}, {}×{}, {colours_text})",
            pty.term,
            pty.size.0,
            pty.size.1
        );
        let (tx, rx) = unbounded_channel();
        let shared = self.shared.clone();
        tokio::spawn(write_frames(writer, rx, inbox.clone(), shared, client));
        let thread_inbox = inbox.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("effekt-client-{client}"))
            .spawn(move || {
                let started = Instant::now();
                let ending = pacing::run(start, &thread_inbox, &tx);
                let minutes = started.elapsed().as_secs() / 60;
                log!("{tag}: ended after {minutes} min: {}", ending.describe());
            });
        if let Err(e) = spawned {
            // The writer sees its sender dropped and closes the channel.
            log!("{}: cannot start a session thread: {e}", self.tag());
        }
        self.channels
            .insert(channel, ChannelState::Running { inbox, client });
    }

    /// `ssh … COMMAND`: effekt's own commands only.
    fn command(&mut self, channel: ChannelId, command: &str, session: &mut Session) {
        let lang = self.shared.lang;
        let port = self.shared.port;
        let words: Vec<&str> = command.split_whitespace().collect();
        log!("{}: command {command:?}", self.tag());
        match words.as_slice() {
            ["room", name, rest @ ..] if rest.len() <= 1 => {
                if !super::room_name_ok(name) {
                    let message = text::bad_room_name(lang, name, super::ROOM_NAME_MAX);
                    return self.refuse(channel, session, message, EXIT_REFUSED);
                }
                let scenario = match rest.first() {
                    Some(wanted) => match self.shared.room_scenario(wanted) {
                        Some(loaded) => Some(loaded),
                        None => {
                            let message = text::unknown_scenario(lang, wanted);
                            return self.refuse(channel, session, message, EXIT_REFUSED);
                        }
                    },
                    None => self.shared.scenario.clone(),
                };
                let place = Place::Room {
                    name: name.to_string(),
                    scenario,
                };
                self.start_workshop(channel, session, place, false)
            }
            ["room", ..] => {
                let message = text::room_usage(lang, port);
                self.refuse(channel, session, message, EXIT_REFUSED)
            }
            ["test-panic"] if self.shared.test_panic => {
                let place = Place::Own(self.shared.scenario.clone());
                self.start_workshop(channel, session, place, true)
            }
            _ => {
                let message = text::unknown_command(lang, command, port);
                self.refuse(channel, session, message, EXIT_REFUSED)
            }
        }
    }
}

impl Drop for Connection {
    /// The connection is gone (closed, dropped, timed out): so are its
    /// sessions.
    fn drop(&mut self) {
        for state in self.channels.values() {
            if let ChannelState::Running { inbox, .. } = state {
                inbox.end(End::Closed);
            }
        }
    }
}

/// Sends a client's frames to its channel, one at a time, telling the
/// client's loop when each has gone out; then its finish.
async fn write_frames(
    writer: ChannelWriteHalf<Msg>,
    mut frames: UnboundedReceiver<Out>,
    inbox: Arc<Inbox>,
    shared: Arc<Shared>,
    client: u64,
) {
    let finish = loop {
        match frames.recv().await {
            Some(Out::Frame(bytes)) => {
                if writer.data_bytes(bytes).await.is_err() {
                    inbox.end(End::Closed);
                    // The loop sends its finish, which cannot go out either.
                    break None;
                }
                inbox.frame_sent();
            }
            Some(Out::Finish(finish)) => break Some(finish),
            // The loop is gone without a finish (its thread never started).
            None => {
                break Some(Finish {
                    stdout: Vec::new(),
                    stderr: text::internal_error(shared.lang).to_string(),
                    status: 1,
                    newline: "\r\n",
                });
            }
        }
    };
    if let Some(finish) = finish {
        finish_channel(&writer, finish).await;
    }
    shared.remove_client(client);
}

/// The last bytes, the message, the exit status, end-of-file and close;
/// given up on after [`FINISH_WAIT`] (a client that reads nothing).
async fn finish_channel(writer: &ChannelWriteHalf<Msg>, finish: Finish) {
    let send = async {
        if !finish.stdout.is_empty() {
            writer.data_bytes(finish.stdout).await?;
        }
        if !finish.stderr.is_empty() {
            let line = format!("{}{}", finish.stderr, finish.newline);
            writer.extended_data_bytes(1, line.into_bytes()).await?;
        }
        writer.exit_status(finish.status).await?;
        writer.eof().await?;
        writer.close().await
    };
    let _ = tokio::time::timeout(FINISH_WAIT, send).await;
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_password(&mut self, user: &str, _password: &str) -> Result<Auth, Self::Error> {
        log!(
            "{}: refused a password for user {user:?}: keys only",
            self.tag()
        );
        Ok(Auth::reject())
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        _response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        log!(
            "{}: refused keyboard-interactive for user {user:?}: keys only",
            self.tag()
        );
        Ok(Auth::reject())
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.known_key(offer.public_key).is_some() {
            return Ok(Auth::Accept);
        }
        log!(
            "{}: refused key {} for user {user:?}: not an authorised key",
            self.tag(),
            keys::fingerprint(offer.public_key)
        );
        Ok(Auth::reject())
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let Some(entry) = self.known_key(key.public_key) else {
            return Ok(Auth::reject());
        };
        let fingerprint = keys::fingerprint(key.public_key);
        log!(
            "{}: user {user:?} logged in with key {fingerprint} ({:?}, line {})",
            self.tag(),
            entry.comment,
            entry.line
        );
        self.who = Some((user.to_string(), fingerprint));
        Ok(Auth::Accept)
    }

    async fn auth_openssh_certificate(
        &mut self,
        user: &str,
        certificate: &russh::keys::Certificate,
    ) -> Result<Auth, Self::Error> {
        log!(
            "{}: refused a certificate ({:?}) for user {user:?}: plain keys only",
            self.tag(),
            certificate.key_id()
        );
        Ok(Auth::reject())
    }

    async fn auth_succeeded(&mut self, _session: &mut Session) -> Result<(), Self::Error> {
        self.logged_in.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let open = self
            .channels
            .values()
            .filter(|s| !matches!(s, ChannelState::Done))
            .count();
        if open >= MAX_CHANNELS {
            log!(
                "{}: refused a channel: {MAX_CHANNELS} already open",
                self.tag()
            );
            reply
                .reject(russh::ChannelOpenFailure::ResourceShortage)
                .await;
            return Ok(());
        }
        // What the client sends comes through this handler's methods; the
        // channel's own reading half is not used (dropped, so it never
        // fills up).
        let (_reader, writer) = channel.split();
        self.channels.insert(
            writer.id(),
            ChannelState::Setup {
                writer,
                pty: None,
                no_color: false,
            },
        );
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match self.channels.get_mut(&channel) {
            Some(ChannelState::Setup { pty, .. }) => {
                *pty = Some(PtyRequest {
                    term: term.to_string(),
                    size: terminal::size(cols, rows),
                });
                session.channel_success(channel)
            }
            _ => session.channel_failure(channel),
        }
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Only `NO_COLOR` means something here (https://no-color.org).
        match self.channels.get_mut(&channel) {
            Some(ChannelState::Setup { no_color, .. }) if name == "NO_COLOR" => {
                *no_color = !value.is_empty();
                session.channel_success(channel)
            }
            _ => session.channel_failure(channel),
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let place = Place::Own(self.shared.scenario.clone());
        self.start_workshop(channel, session, place, false);
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let command = String::from_utf8_lossy(data).into_owned();
        self.command(channel, &command, session);
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        log!("{}: refused subsystem {name:?}", self.tag());
        session.channel_failure(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        log!("{}: refused X11 forwarding", self.tag());
        session.channel_failure(channel)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        log!("{}: refused agent forwarding", self.tag());
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        log!(
            "{}: refused remote forwarding of {address}:{port}",
            self.tag()
        );
        Ok(false)
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        host: &str,
        port: u32,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        log!("{}: refused forwarding to {host:?}:{port}", self.tag());
        reply
            .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        cols: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        match self.channels.get_mut(&channel) {
            Some(ChannelState::Running { inbox, .. }) => inbox.resize(terminal::size(cols, rows)),
            Some(ChannelState::Setup { pty: Some(pty), .. }) => {
                pty.size = terminal::size(cols, rows)
            }
            _ => {}
        }
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(ChannelState::Running { inbox, client }) = self.channels.get(&channel)
            && !inbox.input(data)
            && !self.flooded
        {
            log!(
                "{} client {client}: input dropped: more than {} bytes waiting",
                self.tag(),
                pacing::INPUT_LIMIT
            );
            self.flooded = true;
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(ChannelState::Running { inbox, .. }) = self.channels.get(&channel) {
            inbox.end(End::InputEnded);
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(ChannelState::Running { inbox, .. }) = self.channels.remove(&channel) {
            inbox.end(End::Closed);
        }
        Ok(())
    }
}
