//! End to end: `effekt serve` on 127.0.0.1 and a free port, against the
//! OpenSSH client (in tmux for a real terminal) and russh's client (for
//! what OpenSSH will not do: send a password to a server that does not
//! offer it, count the bytes an idle client gets).
//!
//! Skipped with a note when `ssh`, `ssh-keygen` or tmux are missing,
//! except under `CI=true`, where a missing one fails the test.

use std::fs::{self, File};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::common::{BIN, Tmux, temp_dir, tmux_or_skip};

const LONG: Duration = Duration::from_secs(30);

/// Whether the OpenSSH client and ssh-keygen can run here (see the module
/// doc for what happens when not).
fn openssh_or_skip() -> bool {
    let available = ["ssh", "ssh-keygen"].iter().all(|tool| {
        Command::new(tool)
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
    });
    if !available {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("the OpenSSH client is required under CI");
        }
        eprintln!("note: ssh or ssh-keygen is not installed; skipping the SSH test");
    }
    available
}

/// A client key that is authorised and one that is not, in a folder of
/// their own.
struct Keys {
    dir: PathBuf,
}

impl Keys {
    fn new(name: &str) -> Keys {
        let dir = temp_dir(&format!("ssh-{name}"));
        for key in ["known", "stranger"] {
            let made = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C"])
                .arg(format!("{key}@effekt-test"))
                .arg("-f")
                .arg(dir.join(key))
                .status()
                .expect("ssh-keygen runs");
            assert!(made.success());
        }
        let public = fs::read_to_string(dir.join("known.pub")).expect("public key");
        fs::write(
            dir.join("authorized_keys"),
            format!("# the test's key\n{public}not a key at all\n"),
        )
        .expect("authorized_keys");
        Keys { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The fingerprint OpenSSH shows for a key (`SHA256:…`).
    fn fingerprint(&self, name: &str) -> String {
        let out = Command::new("ssh-keygen")
            .arg("-lf")
            .arg(self.path(&format!("{name}.pub")))
            .output()
            .expect("ssh-keygen runs");
        let text = String::from_utf8_lossy(&out.stdout);
        text.split_whitespace()
            .nth(1)
            .expect("a fingerprint")
            .to_string()
    }
}

impl Drop for Keys {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// `effekt serve` on 127.0.0.1 and a free port, with a data folder of its
/// own and its log in a file; killed on drop if still running.
struct Server {
    child: Child,
    log: PathBuf,
    data: PathBuf,
    port: u16,
}

impl Server {
    fn start(name: &str, keys: &Keys, extra: &[&str]) -> Server {
        let data = temp_dir(&format!("serve-{name}"));
        let log = data.join("server.log");
        let child = Command::new(BIN)
            .args(["serve", "--lang", "en", "--listen", "127.0.0.1:0"])
            .arg("--authorized-keys")
            .arg(keys.path("authorized_keys"))
            .args(["--keepalive", "1"])
            .args(extra)
            .env("EFFEKT_DATA_DIR", &data)
            .env("EFFEKT_TEST_PANIC", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(File::create(&log).expect("log file"))
            .spawn()
            .expect("effekt serve starts");
        let mut server = Server {
            child,
            log,
            data,
            port: 0,
        };
        let line = server.wait_log("the listening line", |l| l.contains("listening on"));
        server.port = line
            .lines()
            .find_map(|l| l.split("listening on 127.0.0.1:").nth(1))
            .and_then(|p| p.trim().parse().ok())
            .expect("a port in the log");
        server
    }

    fn log(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits until the log satisfies `pred`; panics with the log after
    /// [`LONG`].
    fn wait_log(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let log = self.log();
            if pred(&log) {
                return log;
            }
            if start.elapsed() > LONG {
                panic!("timed out waiting for {what}; the server's log:\n{log}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// OpenSSH's arguments to log in with `key` as `user` (no config
    /// file, no known hosts, no questions).
    fn ssh_args(&self, keys: &Keys, key: &str, user: &str) -> Vec<String> {
        let mut args: Vec<String> = [
            "-F",
            "/dev/null",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "LogLevel=ERROR",
            "-i",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.push(keys.path(key).display().to_string());
        args.extend(["-p".into(), self.port.to_string()]);
        args.push(format!("{user}@127.0.0.1"));
        args
    }

    /// The OpenSSH command line, for a shell in tmux.
    fn ssh_line(&self, keys: &Keys, key: &str, user: &str, options: &str) -> String {
        format!("ssh {options} {}", self.ssh_args(keys, key, user).join(" "))
    }

    /// Runs OpenSSH to the end (no terminal); its status and standard
    /// error.
    fn ssh(&self, keys: &Keys, key: &str, before: &[&str], after: &[&str]) -> (ExitStatus, String) {
        let out = Command::new("ssh")
            .args(before)
            .args(self.ssh_args(keys, key, "anna"))
            .args(after)
            .stdin(Stdio::null())
            .output()
            .expect("ssh runs");
        (
            out.status,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Sends SIGTERM and waits for the exit.
    fn terminate(&mut self) -> ExitStatus {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if start.elapsed() > LONG {
                panic!("the server did not stop; its log:\n{}", self.log());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        let _ = fs::remove_dir_all(&self.data);
    }
}

/// Sends a signal to a process by its id.
fn signal(pid: &str, name: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{name}"), pid])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill -{name} {pid}");
}

/// The line of the selected lever (`▶`).
fn selected(screen: &str) -> &str {
    screen.lines().find(|l| l.contains('▶')).unwrap_or("")
}

#[test]
fn unknown_keys_and_passwords_are_refused_and_logged() {
    if !openssh_or_skip() {
        return;
    }
    let keys = Keys::new("refused");
    let server = Server::start("refused", &keys, &[]);
    let log = server.log();
    assert!(
        log.contains("authorized_keys:3: skipped: not a public key"),
        "the broken line is reported with its number:\n{log}"
    );

    // An unknown key: no session.
    let (status, stderr) = server.ssh(&keys, "stranger", &[], &["true"]);
    assert_eq!(status.code(), Some(255), "{stderr}");
    assert!(stderr.contains("Permission denied (publickey)"), "{stderr}");
    let stranger = keys.fingerprint("stranger");
    server.wait_log("the refusal", |l| {
        l.contains(&format!("refused key {stranger} for user \"anna\""))
    });

    // OpenSSH asked for a password: the server offers none.
    let password_only = [
        "-o",
        "PreferredAuthentications=password,keyboard-interactive",
        "-o",
        "PubkeyAuthentication=no",
    ];
    let (status, stderr) = server.ssh(&keys, "known", &password_only, &["true"]);
    assert_eq!(status.code(), Some(255), "{stderr}");
    assert!(stderr.contains("Permission denied (publickey)"), "{stderr}");

    // A client that sends a password and keyboard-interactive anyway.
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let mut handle = russh_client(server.port).await;
        let password = handle
            .authenticate_password("mallory", "hunter2")
            .await
            .expect("an answer");
        assert!(!password.success(), "a password never logs in");
        let interactive = handle
            .authenticate_keyboard_interactive_start("mallory", None)
            .await
            .expect("an answer");
        assert!(
            matches!(
                interactive,
                russh::client::KeyboardInteractiveAuthResponse::Failure { .. }
            ),
            "keyboard-interactive never logs in"
        );
    });
    let log = server.wait_log("the password refusal", |l| {
        l.contains("refused a password for user \"mallory\"")
    });
    assert!(
        log.contains("refused keyboard-interactive for user \"mallory\""),
        "{log}"
    );
    assert!(!log.contains("logged in"), "nobody logged in:\n{log}");
    assert!(!log.contains("hunter2"), "passwords are never logged");
}

#[test]
fn commands_forwarding_and_dumb_terminals_are_refused_with_a_message() {
    if !openssh_or_skip() {
        return;
    }
    let keys = Keys::new("policy");
    let server = Server::start("policy", &keys, &[]);

    // Rooms: a terminal is needed; names and scenarios are checked, and a
    // scenario is never a path on the server.
    let (status, stderr) = server.ssh(&keys, "known", &[], &["room", "styret"]);
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    let (status, stderr) = server.ssh(&keys, "known", &["-tt"], &["room"]);
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("Usage: `ssh -t -p"), "{stderr}");
    let (status, stderr) = server.ssh(&keys, "known", &["-tt"], &["room", "'a\x1b[2Jb'"]);
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot name a room"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "no escapes echoed: {stderr:?}");
    for wanted in ["nosuch", "/etc/passwd", "../../etc/passwd"] {
        let (status, stderr) = server.ssh(&keys, "known", &["-tt"], &["room", "styret", wanted]);
        assert_eq!(status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("has no scenario"), "{stderr}");
        assert!(stderr.contains("sykefravaer, rekruttering"), "{stderr}");
    }

    let (status, stderr) = server.ssh(&keys, "known", &[], &["cat", "/etc/passwd"]);
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("does not run \"cat /etc/passwd\""),
        "{stderr}"
    );

    // A shell without a terminal.
    let (status, stderr) = server.ssh(&keys, "known", &["-T"], &[]);
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");

    // A terminal that understands no escapes.
    let out = Command::new("ssh")
        .env("TERM", "dumb")
        .arg("-tt")
        .args(server.ssh_args(&keys, "known", "anna"))
        .stdin(Stdio::null())
        .output()
        .expect("ssh runs");
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("terminal type \"dumb\""), "{text}");

    // NO_COLOR sent by the client, or a terminal without colour: the
    // monochrome theme. (Input ends at once here: the session ends with 0.)
    for (term, set_env) in [
        ("xterm-256color", "SetEnv=NO_COLOR=1"),
        ("vt100", "SetEnv=X=1"),
    ] {
        let out = Command::new("ssh")
            .env("TERM", term)
            .args(["-tt", "-o", set_env])
            .args(server.ssh_args(&keys, "known", "mono"))
            .stdin(Stdio::null())
            .output()
            .expect("ssh runs");
        assert_eq!(out.status.code(), Some(0), "{term}");
        server.wait_log("the monochrome session", |log| {
            log.lines()
                .any(|l| l.contains(&format!("TERM=\"{term}\"")) && l.contains("no colour"))
        });
    }

    // SFTP and remote port forwarding.
    let (status, stderr) = server.ssh(&keys, "known", &["-s"], &["sftp"]);
    assert_ne!(status.code(), Some(0), "{stderr}");
    let (status, stderr) = server.ssh(
        &keys,
        "known",
        &[
            "-N",
            "-o",
            "ExitOnForwardFailure=yes",
            "-R",
            "0:127.0.0.1:9",
        ],
        &[],
    );
    assert_eq!(status.code(), Some(255), "{stderr}");
    let log = server.wait_log("the refusals", |l| l.contains("refused remote forwarding"));
    assert!(log.contains("refused subsystem \"sftp\""), "{log}");
    assert!(log.contains("refused TERM=\"dumb\""), "{log}");
    assert!(log.contains("command \"cat /etc/passwd\""), "{log}");
}

#[test]
fn a_known_key_in_a_terminal_gets_the_workshop() {
    if !openssh_or_skip() || !tmux_or_skip() {
        return;
    }
    let keys = Keys::new("workshop");
    let server = Server::start("workshop", &keys, &[]);
    let tmux = Tmux::start("ssh-workshop", 100, 30);
    tmux.run(&format!(
        "{}; echo ssh-exit-$?",
        server.ssh_line(&keys, "known", "anna", "-t")
    ));
    tmux.wait_for("the picker", LONG, |s| s.contains("Choose a scenario"));
    assert_eq!(tmux.flag("alternate_on"), "1");
    assert_eq!(tmux.flag("mouse_sgr_flag"), "1", "mouse reporting on");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the workshop", LONG, |s| s.contains("Key figures"));
    let before = selected(&tmux.screen()).to_string();
    assert!(
        before.contains("Effect, share of expected") && before.contains("100.0%"),
        "{before}"
    );
    let payments = |s: &str| {
        s.lines()
            .find(|l| l.contains("Outcome payments"))
            .unwrap_or("")
            .to_string()
    };
    let paid_before = payments(&tmux.screen());
    tmux.keys(&["Right"]);
    let screen = tmux.wait_for("the step", LONG, |s| selected(s).contains("105.0%"));
    assert_ne!(
        payments(&screen),
        paid_before,
        "the figures follow the lever"
    );
    assert!(payments(&screen).contains('▲'), "{}", payments(&screen));

    // The window grows: the workshop is laid out again at the new size.
    tmux.cmd(&["resize-window", "-t", "e2e", "-x", "130", "-y", "40"]);
    tmux.wait_for("the wide layout", LONG, |s| {
        s.contains("┌ Levers") && selected(s).contains("105.0%")
    });
    // L switches this client's language.
    tmux.keys(&["L"]);
    tmux.wait_for("bokmål", LONG, |s| s.contains("Nøkkeltall"));

    // q asks before discarding the step; y ends the session cleanly.
    tmux.keys(&["q"]);
    tmux.wait_for("the question", LONG, |s| s.contains("J/y: ja"));
    tmux.keys(&["y"]);
    tmux.wait_for("the picker again", LONG, |s| s.contains("Velg scenario"));
    tmux.keys(&["q"]);
    tmux.wait_for("the exit", LONG, |s| s.contains("ssh-exit-0"));
    assert_eq!(tmux.flag("alternate_on"), "0", "alternate screen left");
    assert_eq!(tmux.flag("cursor_flag"), "1", "cursor shown");
    assert_eq!(tmux.flag("mouse_sgr_flag"), "0", "mouse reporting off");

    let anna = keys.fingerprint("known");
    let log = server.wait_log("the end of the session", |l| l.contains("ended after"));
    assert!(
        log.contains(&format!("user \"anna\" logged in with key {anna}")),
        "{log}"
    );
    assert!(log.contains("workshop on the picker (TERM="), "{log}");
    assert!(log.contains("100×30, 16 colours"), "{log}");
    assert!(log.contains(": quit"), "{log}");
}

#[test]
fn a_dead_client_is_dropped_while_another_works_and_sigterm_ends_all_cleanly() {
    if !openssh_or_skip() || !tmux_or_skip() {
        return;
    }
    let keys = Keys::new("faults");
    let mut server = Server::start("faults", &keys, &["rekruttering"]);

    // The first client: OpenSSH with a pty but no terminal of its own
    // (tmux would wake a stopped pane at once), its input held open.
    let mut first = Command::new("ssh")
        .arg("-tt")
        .args(server.ssh_args(&keys, "known", "bo"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("ssh runs");
    let first_pid = first.id().to_string();
    server.wait_log("the first workshop", |l| l.contains("\"bo\" client"));
    let second = Tmux::start("ssh-second", 100, 30);
    second.run(&format!(
        "{}; echo ssh-exit-$?",
        server.ssh_line(&keys, "known", "cy", "-t")
    ));
    second.wait_for("the second workshop", LONG, |s| s.contains("Key figures"));

    // The first client's network goes silent (the process is stopped: no
    // end-of-file, no answers): the server drops it after its keepalives
    // (one a second here) go unanswered.
    signal(&first_pid, "STOP");
    let started = Instant::now();
    server.wait_log("the silent client dropped", |l| {
        l.contains("dropped: no answer to keepalives") || l.contains("dropped: inactive")
    });
    eprintln!("a silent client was dropped after {:?}", started.elapsed());
    server.wait_log("its session ended", |log| {
        log.lines().any(|l| {
            l.contains("\"bo\" client")
                && l.contains("ended after")
                && l.contains("connection closed")
        })
    });
    // Meanwhile the second client steers as before.
    second.keys(&["Left"]);
    second.wait_for("the second client's step", LONG, |s| {
        selected(s).contains("95.0%")
    });
    let _ = first.kill();
    let _ = first.wait();

    // A killed client (its process gone): the server goes on serving.
    let third = Tmux::start("ssh-third", 80, 24);
    third.run(&format!(
        "exec {}",
        server.ssh_line(&keys, "known", "di", "-t")
    ));
    third.wait_for("the third workshop", LONG, |s| s.contains("Key figures"));
    signal(&third.flag("pane_pid"), "KILL");
    server.wait_log("the killed client's end", |log| {
        log.lines()
            .any(|l| l.contains("\"di\" client") && l.contains("ended after"))
    });
    second.keys(&["Right", "Right"]);
    second.wait_for("the second client still steers", LONG, |s| {
        selected(s).contains("105.0%")
    });

    // A panic in one client's loop ends that client only.
    let fourth = Tmux::start("ssh-fourth", 80, 24);
    fourth.run(&format!(
        "{} test-panic; echo ssh-exit-$?",
        server.ssh_line(&keys, "known", "ed", "-t")
    ));
    let screen = fourth.wait_for("the panic's end", LONG, |s| s.contains("ssh-exit-1"));
    assert!(
        screen.contains("An error on the server ended this session"),
        "{screen}"
    );
    assert_eq!(
        fourth.flag("alternate_on"),
        "0",
        "terminal put back after a panic"
    );
    server.wait_log("the panic in the log", |l| {
        l.contains("panic: EFFEKT_TEST_PANIC")
    });
    second.keys(&["Right"]);
    second.wait_for("the second client after the panic", LONG, |s| {
        selected(s).contains("110.0%")
    });

    // SIGTERM: the remaining session gets its terminal back and a message;
    // the server exits 0.
    let status = server.terminate();
    assert_eq!(status.code(), Some(0), "{}", server.log());
    let screen = second.wait_for("the ssh exit", LONG, |s| s.contains("ssh-exit-1"));
    assert!(screen.contains("effekt serve is shutting down"), "{screen}");
    assert_eq!(second.flag("alternate_on"), "0", "alternate screen left");
    assert_eq!(second.flag("cursor_flag"), "1", "cursor shown");
    let log = server.log();
    assert!(log.contains("SIGTERM: stopping; closing"), "{log}");
    assert!(log.trim_end().ends_with("stopped"), "{log}");
}

#[test]
fn an_idle_client_gets_no_bytes_and_q_exits_0() {
    if !openssh_or_skip() {
        return;
    }
    let keys = Keys::new("idle");
    let server = Server::start("idle", &keys, &["sykefravaer"]);
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let (_handle, mut channel) =
            workshop(server.port, &keys, "fay", russh::client::Config::default()).await;

        // The first frame, until the line goes quiet.
        let first = read_for(&mut channel, LONG, Duration::from_millis(700)).await;
        assert!(first.bytes > 1000, "a whole screen: {} bytes", first.bytes);
        assert!(first.bytes < 64 * 1024, "{} bytes", first.bytes);
        // Idle: nothing for two seconds.
        let two = Duration::from_secs(2);
        let idle = read_for(&mut channel, two, two).await;
        assert_eq!(idle.bytes, 0, "an idle client gets no bytes");
        // One step: a small frame.
        channel.data(&b"\x1b[C"[..]).await.expect("a key");
        let step = read_for(&mut channel, LONG, Duration::from_millis(500)).await;
        assert!(
            step.bytes > 0 && step.bytes < 4096,
            "a step costs {} bytes",
            step.bytes
        );
        eprintln!(
            "first frame {} bytes, a lever step {} bytes at 120×40",
            first.bytes, step.bytes
        );
        channel.data(&b"u"[..]).await.expect("undo");
        read_for(&mut channel, LONG, Duration::from_millis(500)).await;
        channel.data(&b"q"[..]).await.expect("q");
        let end = read_for(&mut channel, LONG, Duration::from_secs(5)).await;
        assert_eq!(end.exit, Some(0), "q ends with exit status 0");
        assert!(end.closed, "and the channel closes");
        assert!(
            end.tail.ends_with(b"\x1b[?1049l"),
            "the last bytes leave the alternate screen"
        );
    });
}

#[test]
fn a_slow_link_gets_fewer_newer_frames_and_holds_up_nobody() {
    if !openssh_or_skip() {
        return;
    }
    let keys = Keys::new("slow");
    let server = Server::start("slow", &keys, &["sykefravaer"]);
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        // A fast client: its first frame and the bytes of one step.
        let (_fast_handle, mut fast) =
            workshop(server.port, &keys, "fast", russh::client::Config::default()).await;
        let whole = read_for(&mut fast, LONG, Duration::from_millis(700))
            .await
            .bytes;
        fast.data(&b"\x1b[C"[..]).await.expect("a key");
        let step = read_for(&mut fast, LONG, Duration::from_millis(500))
            .await
            .bytes;
        fast.data(&b"\x1b[D"[..]).await.expect("a key");
        read_for(&mut fast, LONG, Duration::from_millis(500)).await;

        // A slow client: 4 KB a second from the server, and a small SSH
        // window, so the server can have little on its way to it.
        let proxy = throttled_proxy(server.port, 4096).await;
        let config = russh::client::Config {
            window_size: 4096,
            ..Default::default()
        };
        let (_slow_handle, mut slow) = workshop(proxy, &keys, "slow", config).await;
        // The first frame is on its way; ten steps come meanwhile.
        let mut screen = emulator(120, 40);
        loop {
            match tokio::time::timeout(LONG, slow.wait()).await {
                Ok(Some(russh::ChannelMsg::Data { data })) => break screen.process(&data),
                Ok(Some(_)) => {}
                other => panic!("expected the first bytes, got {other:?}"),
            }
        }
        for _ in 0..10 {
            slow.data(&b"\x1b[C"[..]).await.expect("a key");
        }
        // The fast client is answered while the slow one is still being
        // served its frames.
        let reading = tokio::spawn(async move {
            let mut bytes = 0;
            while let Ok(Some(msg)) =
                tokio::time::timeout(Duration::from_secs(3), slow.wait()).await
            {
                if let russh::ChannelMsg::Data { data } = msg {
                    bytes += data.len();
                    screen.process(&data);
                }
            }
            (bytes, screen.screen().contents(), Instant::now())
        });
        fast.data(&b"\x1b[C"[..]).await.expect("a key");
        let answered = read_for(&mut fast, LONG, Duration::from_millis(300)).await;
        let fast_done = Instant::now();
        assert!(answered.bytes > 0, "the fast client is answered");
        let (slow_bytes, contents, slow_done) = reading.await.expect("the reader");
        assert!(
            fast_done < slow_done,
            "the fast client did not wait for the slow one"
        );

        // The slow client sees the latest state, drawn once: its first
        // frame and one more, not one frame per step.
        let lever = contents.lines().find(|l| l.contains('▶')).unwrap_or("");
        assert!(
            lever.contains("150.0%"),
            "the latest state: {lever}\n{contents}"
        );
        eprintln!(
            "slow link: {slow_bytes} bytes after the first packet for 10 steps \
             (a whole screen {whole} bytes, a step {step} bytes)"
        );
        assert!(
            slow_bytes < whole + 3 * step,
            "frames coalesce: {slow_bytes} bytes, a whole screen {whole}, a step {step}"
        );
    });
}

/// A terminal emulator of `cols`×`rows`.
fn emulator(cols: u16, rows: u16) -> vt100::Parser {
    let nz = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
    vt100::Parser::new(nz(rows), nz(cols), 0)
}

/// A TCP proxy on 127.0.0.1 to `port` for one connection, passing the
/// server's bytes on at `rate` bytes a second (the client's at once): a
/// slow link. Returns its port.
async fn throttled_proxy(port: u16, rate: usize) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let proxy = listener.local_addr().expect("an address").port();
    tokio::spawn(async move {
        let Ok((client, _)) = listener.accept().await else {
            return;
        };
        let Ok(server) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await else {
            return;
        };
        let (mut from_client, mut to_client) = client.into_split();
        let (mut from_server, mut to_server) = server.into_split();
        tokio::spawn(async move { tokio::io::copy(&mut from_client, &mut to_server).await });
        let mut buf = vec![0u8; 512];
        while let Ok(n) = from_server.read(&mut buf).await {
            if n == 0 || to_client.write_all(&buf[..n]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs_f64(n as f64 / rate as f64)).await;
        }
    });
    proxy
}

/// A russh client logged in with the authorised key, with a 120×40 pty
/// and the workshop started.
async fn workshop(
    port: u16,
    keys: &Keys,
    user: &str,
    config: russh::client::Config,
) -> (
    russh::client::Handle<TrustingClient>,
    russh::Channel<russh::client::Msg>,
) {
    let mut handle = russh::client::connect(Arc::new(config), ("127.0.0.1", port), TrustingClient)
        .await
        .expect("connects");
    let key = russh::keys::load_secret_key(keys.path("known"), None).expect("the key");
    let key = russh::keys::PrivateKeyWithHashAlg::new(Arc::new(key), None);
    let auth = handle
        .authenticate_publickey(user, key)
        .await
        .expect("an answer");
    assert!(auth.success());
    let channel = handle.channel_open_session().await.expect("a channel");
    channel
        .request_pty(true, "xterm-256color", 120, 40, 0, 0, &[])
        .await
        .expect("a pty");
    channel.request_shell(true).await.expect("a shell");
    (handle, channel)
}

/// What a channel sent within a time.
struct Received {
    bytes: usize,
    tail: Vec<u8>,
    exit: Option<u32>,
    closed: bool,
}

/// Reads a channel: waits up to `first` for something, then reads until
/// it has been quiet for `quiet` (or closed).
async fn read_for(
    channel: &mut russh::Channel<russh::client::Msg>,
    first: Duration,
    quiet: Duration,
) -> Received {
    let mut got = Received {
        bytes: 0,
        tail: Vec::new(),
        exit: None,
        closed: false,
    };
    let mut wait = first;
    while let Ok(Some(msg)) = tokio::time::timeout(wait, channel.wait()).await {
        wait = quiet;
        match msg {
            russh::ChannelMsg::Data { data } => {
                got.bytes += data.len();
                got.tail = data.to_vec();
            }
            russh::ChannelMsg::ExitStatus { exit_status } => got.exit = Some(exit_status),
            russh::ChannelMsg::Close => {
                got.closed = true;
                break;
            }
            _ => {}
        }
    }
    got
}

/// Accepts any host key (the test's server makes a new one).
struct TrustingClient;

impl russh::client::Handler for TrustingClient {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

async fn russh_client(port: u16) -> russh::client::Handle<TrustingClient> {
    let config = Arc::new(russh::client::Config::default());
    russh::client::connect(config, ("127.0.0.1", port), TrustingClient)
        .await
        .expect("connects")
}

#[test]
fn the_server_refuses_to_start_with_a_message_that_says_what_to_do() {
    if !openssh_or_skip() {
        return;
    }
    let keys = Keys::new("start");
    let data = temp_dir("serve-start");
    // Runs `effekt serve ARGS`, which must stop by itself (it is killed
    // after ten seconds, and the test fails).
    let serve = |args: &[&str]| {
        let log = data.join("stderr");
        let mut child = Command::new(BIN)
            .arg("serve")
            .args(args)
            .env("EFFEKT_DATA_DIR", &data)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(File::create(&log).expect("log"))
            .spawn()
            .expect("effekt runs");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if start.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!(
                    "the server started: {}",
                    fs::read_to_string(&log).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        (status.code(), fs::read_to_string(&log).unwrap_or_default())
    };
    let authorized = keys.path("authorized_keys").display().to_string();

    let missing = data.join("nobody");
    // Each of these stops the server before it listens.
    let (code, stderr) = serve(&["--authorized-keys", &missing.display().to_string()]);
    assert_eq!(code, Some(1), "{stderr}");
    // In bokmål, as every message of the operator's (unless --lang en).
    assert!(
        stderr.contains("ingen fil med autoriserte nøkler"),
        "{stderr}"
    );

    let open_key = data.join("open_key");
    fs::copy(keys.path("known"), &open_key).expect("copy");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&open_key, fs::Permissions::from_mode(0o644)).expect("chmod");
    let (code, stderr) = serve(&[
        "--authorized-keys",
        &authorized,
        "--host-key",
        &open_key.display().to_string(),
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("bare eieren skal kunne lese den: chmod 600"),
        "{stderr}"
    );

    let broken = data.join("broken.toml");
    fs::write(&broken, "[scenario\n").expect("write");
    let (code, stderr) = serve(&[
        "--authorized-keys",
        &authorized,
        &broken.display().to_string(),
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("broken.toml:1:"),
        "where the error is: {stderr}"
    );

    let (code, stderr) = serve(&["--authorized-keys", &authorized, "--listen", "256.0.0.1:22"]);
    assert_eq!(code, Some(1), "{stderr}");
    // In the operator's language (bokmål unless --lang en).
    assert!(
        stderr.contains("feil: kan ikke lytte på 256.0.0.1:22"),
        "{stderr}"
    );
    let _ = fs::remove_dir_all(&data);
}

/// The outcome payments of a bundled scenario after `steps` steps of its
/// first lever, as the workshop shows them in `lang` (worked out here by
/// the model, not read from the server).
fn payments_after(id: &str, steps: i32, lang: effekt::format::Lang) -> String {
    use effekt::tui::{Action, App, ThemeKind};
    let s = effekt::catalog::open(id).expect("bundled").scenario;
    let mut app = App::open(s, lang, ThemeKind::Default, (100, 30));
    app.update(Action::Step(steps));
    let doc = app.doc.as_ref().expect("a document");
    effekt::format::money_short_bare(lang, doc.computed.headline.outcome_payments)
}

/// The line of a screen with `label` in it.
fn line<'a>(screen: &'a str, label: &str) -> &'a str {
    screen.lines().find(|l| l.contains(label)).unwrap_or("")
}

#[test]
fn a_room_follows_its_facilitator_hands_over_and_outlives_its_clients() {
    use effekt::format::Lang;
    if !openssh_or_skip() || !tmux_or_skip() {
        return;
    }
    let keys = Keys::new("room");
    let server = Server::start("room", &keys, &[]);
    // anna creates the room at 100×30, in the server's English.
    let anna = Tmux::start("ssh-room-anna", 100, 30);
    anna.run(&format!(
        "{} room styret sykefravaer; echo ssh-exit-$?",
        server.ssh_line(&keys, "known", "anna", "-t")
    ));
    anna.wait_for("anna's room", LONG, |s| {
        s.contains("room styret · you steer · 1 present")
    });
    // bo joins at 80×24 and switches to bokmål.
    let bo = Tmux::start("ssh-room-bo", 80, 24);
    bo.run(&format!(
        "{} room styret; echo ssh-exit-$?",
        server.ssh_line(&keys, "known", "bo", "-t")
    ));
    bo.wait_for("bo in the room", LONG, |s| s.contains("following anna"));
    bo.keys(&["L"]);
    bo.wait_for("bo in bokmål", LONG, |s| s.contains("følger anna"));
    anna.wait_for("anna sees bo come", LONG, |s| s.contains("2 present"));
    let log = server.log();
    assert!(
        log.contains("room \"styret\" with bundled:sykefravaer.toml"),
        "{log}"
    );
    assert!(
        log.contains("room \"styret\" created as \"anna\"; has the floor"),
        "{log}"
    );
    assert!(
        log.contains("room \"styret\" joined as \"bo\"; follows"),
        "{log}"
    );

    // anna steps the achievement: bo reads the new figures, in bokmål at
    // his own size.
    anna.keys(&["Right"]);
    let screen = bo.wait_for("the step on bo's screen", LONG, |s| {
        selected(s).contains("105,0 %")
    });
    let nb = payments_after("sykefravaer", 1, Lang::Nb);
    assert!(
        line(&screen, "Resultatbetaling").contains(&nb),
        "{nb} in:\n{screen}"
    );
    let screen = anna.wait_for("the step on anna's screen", LONG, |s| {
        selected(s).contains("105.0%")
    });
    let en = payments_after("sykefravaer", 1, Lang::En);
    assert!(
        line(&screen, "Outcome payments").contains(&en),
        "{en} in:\n{screen}"
    );

    // bo's lever key changes nothing, and says why.
    bo.keys(&["Right"]);
    bo.wait_for("the refusal", LONG, |s| {
        s.contains("Bare ordstyrer flytter spakene")
    });
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        selected(&anna.screen()).contains("105.0%"),
        "{}",
        anna.screen()
    );
    assert!(selected(&bo.screen()).contains("105,0 %"));

    // anna hands the floor to bo (w, ↓ to bo, Enter); bo steps, anna sees it.
    anna.keys(&["w"]);
    anna.wait_for("the participants", LONG, |s| {
        s.contains("Participants in room \"styret\" (2)")
    });
    anna.keys(&["Down", "Enter"]);
    bo.wait_for("bo has the floor", LONG, |s| s.contains("du styrer"));
    anna.wait_for("anna follows bo", LONG, |s| s.contains("following bo"));
    bo.keys(&["Right"]);
    anna.wait_for("bo's step on anna's screen", LONG, |s| {
        selected(s).contains("110.0%")
    });
    server.wait_log("the hand-over in the log", |l| {
        l.contains("room \"styret\": \"anna\" handed the floor to \"bo\"")
    });

    // A third client is killed: the others go on.
    let cy = Tmux::start("ssh-room-cy", 80, 24);
    cy.run(&format!(
        "exec {} room styret",
        server.ssh_line(&keys, "known", "cy", "-t")
    ));
    cy.wait_for("cy in the room", LONG, |s| s.contains("110.0%"));
    anna.wait_for("three present", LONG, |s| s.contains("cy joined"));
    signal(&cy.flag("pane_pid"), "KILL");
    server.wait_log("cy's end", |log| {
        log.lines()
            .any(|l| l.contains("\"cy\" client") && l.contains("ended after"))
    });
    anna.wait_for("cy gone", LONG, |s| s.contains("cy left the room"));
    bo.keys(&["Right"]);
    anna.wait_for("the room still works", LONG, |s| {
        selected(s).contains("115.0%")
    });

    // bo leaves with the floor: it goes to anna, who steers on.
    bo.keys(&["q"]);
    bo.wait_for("bo's exit", LONG, |s| s.contains("ssh-exit-0"));
    anna.wait_for("anna has the floor again", LONG, |s| {
        s.contains("you steer · 1 present")
    });
    anna.keys(&["Right"]);
    anna.wait_for("anna steps", LONG, |s| selected(s).contains("120.0%"));

    // The last one leaves: the room ends, the server goes on and opens
    // a new room of that name for the next.
    anna.keys(&["q"]);
    anna.wait_for("the question", LONG, |s| s.contains("y: yes, discard"));
    anna.keys(&["y"]);
    anna.wait_for("anna's exit", LONG, |s| s.contains("ssh-exit-0"));
    server.wait_log("the room's end", |l| {
        l.contains("room \"styret\": ended (the last participant left)")
    });
    let dan = Tmux::start("ssh-room-dan", 80, 24);
    dan.run(&format!(
        "{} room styret rekruttering; echo ssh-exit-$?",
        server.ssh_line(&keys, "known", "dan", "-t")
    ));
    dan.wait_for("a new room", LONG, |s| {
        s.contains("you steer") && selected(s).contains("100.0%")
    });
    dan.keys(&["q"]);
    dan.wait_for("dan's exit", LONG, |s| s.contains("ssh-exit-0"));
}
