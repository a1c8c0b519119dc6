//! The server's keys: its own host key, and the clients' keys it lets in
//! (an OpenSSH `authorized_keys` file).
//!
//! The host key is made once (ed25519) and kept in a file only its owner
//! may read; a key file that others may read, that is not a regular file,
//! that is encrypted or broken is refused with a message saying what to
//! do. The authorised keys are read at start and again whenever the file
//! changes, as sshd does, so a key can be added or removed while the
//! server runs.

use std::fs::{self, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use russh::keys::ssh_key::private::{Ed25519Keypair, KeypairData};
use russh::keys::ssh_key::public::KeyData;
use russh::keys::ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey};

use crate::format::Lang;
use crate::i18n::serve::operator;

/// The host key's file name in the data folder (as sshd names its own).
pub const HOST_KEY_FILE: &str = "ssh_host_ed25519_key";

/// Largest key or `authorized_keys` file read (a guard against reading a
/// device or a huge file by mistake).
const MAX_FILE: u64 = 1 << 20;

/// Why a key file cannot be used. Each message names the file and says
/// what to do, in the operator's language ([`KeyError::text`]; `Display`
/// is the English one).
#[derive(Debug)]
pub enum KeyError {
    Io { path: PathBuf, source: io::Error },
    NotAFile { path: PathBuf },
    TooLarge { path: PathBuf },
    HostKeyReadable { path: PathBuf, mode: u32 },
    HostKeyBroken { path: PathBuf, reason: String },
    HostKeyEncrypted { path: PathBuf },
    HostKeyMissing { path: PathBuf },
    KeysWritable { path: PathBuf, mode: u32 },
    KeysMissing { path: PathBuf },
    NoKeys { path: PathBuf },
}

impl KeyError {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use operator::KeyProblem as P;
        let problem = match self {
            KeyError::Io { path, source } => P::Io(path, source),
            KeyError::NotAFile { path } => P::NotAFile(path),
            KeyError::TooLarge { path } => P::TooLarge(path, MAX_FILE),
            KeyError::HostKeyReadable { path, mode } => P::HostKeyReadable(path, *mode),
            KeyError::HostKeyBroken { path, reason } => P::HostKeyBroken(path, reason),
            KeyError::HostKeyEncrypted { path } => P::HostKeyEncrypted(path),
            KeyError::HostKeyMissing { path } => P::HostKeyMissing(path),
            KeyError::KeysWritable { path, mode } => P::KeysWritable(path, *mode),
            KeyError::KeysMissing { path } => P::KeysMissing(path),
            KeyError::NoKeys { path } => P::NoKeys(path),
        };
        operator::key_problem(lang, &problem)
    }
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for KeyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            KeyError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> KeyError + '_ {
    move |source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads a small regular file, refusing FIFOs, devices and folders before
/// opening them (opening a FIFO would block).
fn read_small_file(path: &Path) -> Result<(String, fs::Metadata), KeyError> {
    let meta = fs::metadata(path).map_err(io_error(path))?;
    if !meta.is_file() {
        return Err(KeyError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_FILE {
        return Err(KeyError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let mut text = String::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE).read_to_string(&mut text))
        .map_err(io_error(path))?;
    Ok((text, meta))
}

/// The host key at `path`, which must exist.
pub fn load_host_key(path: &Path) -> Result<PrivateKey, KeyError> {
    let meta = match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(KeyError::HostKeyMissing {
                path: path.to_path_buf(),
            });
        }
        other => other.map_err(io_error(path))?,
    };
    let mode = meta.permissions().mode() & 0o777;
    if meta.is_file() && mode & 0o077 != 0 {
        return Err(KeyError::HostKeyReadable {
            path: path.to_path_buf(),
            mode,
        });
    }
    let (text, _) = read_small_file(path)?;
    let key = PrivateKey::from_openssh(text.as_bytes()).map_err(|e| KeyError::HostKeyBroken {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    if key.is_encrypted() {
        return Err(KeyError::HostKeyEncrypted {
            path: path.to_path_buf(),
        });
    }
    Ok(key)
}

/// The host key in `dir` (the data folder): read when it is there, else
/// made (ed25519) and written with permissions 0600. Returns the key and
/// whether it was made now.
pub fn host_key_in(dir: &Path) -> Result<(PrivateKey, bool), KeyError> {
    let path = dir.join(HOST_KEY_FILE);
    match load_host_key(&path) {
        Err(KeyError::HostKeyMissing { .. }) => {}
        other => return other.map(|k| (k, false)),
    }
    fs::create_dir_all(dir).map_err(io_error(dir))?;
    let key = new_host_key().map_err(io_error(&path))?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| io_error(&path)(io::Error::other(e)))?;
    match write_new_file(&path, text.as_bytes()) {
        Ok(()) => Ok((key, true)),
        // Another server made it at the same moment: use that one.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            load_host_key(&path).map(|k| (k, false))
        }
        Err(e) => Err(io_error(&path)(e)),
    }
}

fn new_host_key() -> io::Result<PrivateKey> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| io::Error::other(e.to_string()))?;
    let pair = Ed25519Keypair::from_seed(&seed);
    PrivateKey::new(KeypairData::Ed25519(pair), "effekt serve host key").map_err(io::Error::other)
}

/// Writes a new file readable by its owner only, whole or not at all: the
/// bytes go to a temporary file first, which is then linked to `path`
/// (failing with `AlreadyExists` if `path` appeared meanwhile).
fn write_new_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let written = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::hard_link(&tmp, path)
    })();
    let _ = fs::remove_file(&tmp);
    written
}

/// The SHA-256 fingerprint of a key as OpenSSH prints it (`SHA256:…`).
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// One key of an `authorized_keys` file.
#[derive(Debug, Clone)]
pub struct AuthorizedKey {
    pub key: KeyData,
    /// The key's comment (often who it belongs to), for the log.
    pub comment: String,
    /// Its line in the file, 1-based.
    pub line: usize,
}

/// A line of the file that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// The keys allowed in.
#[derive(Debug, Clone, Default)]
pub struct AuthorizedKeys {
    keys: Vec<AuthorizedKey>,
}

/// Options of an `authorized_keys` line that effekt serve always enforces
/// anyway; any other option (`from=`, `command=`, `expiry-time=`, …)
/// would restrict the key in a way effekt does not implement, so such a
/// key is skipped rather than let in with fewer limits than intended.
const ENFORCED_OPTIONS: [&str; 5] = [
    "restrict",
    "no-port-forwarding",
    "no-agent-forwarding",
    "no-x11-forwarding",
    "no-user-rc",
];

impl AuthorizedKeys {
    /// Parses the text of an `authorized_keys` file: the keys, and the
    /// lines skipped (broken, or with options effekt cannot honour).
    pub fn parse(text: &str) -> (AuthorizedKeys, Vec<Skipped>) {
        let mut keys = Vec::new();
        let mut skipped = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            match parse_line(trimmed) {
                Ok(key) => keys.push(AuthorizedKey {
                    comment: key.comment().as_str_lossy().to_string(),
                    key: key.key_data().clone(),
                    line,
                }),
                Err(reason) => skipped.push(Skipped { line, reason }),
            }
        }
        (AuthorizedKeys { keys }, skipped)
    }

    /// The entry for `key`, if it may log in.
    pub fn find(&self, key: &PublicKey) -> Option<&AuthorizedKey> {
        self.keys.iter().find(|k| k.key == *key.key_data())
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// One non-empty, non-comment line: `[options] type base64 [comment]`.
fn parse_line(line: &str) -> Result<PublicKey, String> {
    if let Ok(key) = PublicKey::from_openssh(line) {
        return Ok(key);
    }
    let (options, rest) = split_options(line);
    if rest.is_empty() {
        return Err("not a public key (expected `TYPE BASE64 [COMMENT]`)".into());
    }
    let key = PublicKey::from_openssh(rest).map_err(|e| format!("not a public key ({e})"))?;
    for option in split_unquoted(options, ',') {
        let name = option.split('=').next().unwrap_or("").to_ascii_lowercase();
        if !ENFORCED_OPTIONS.contains(&name.as_str()) {
            return Err(format!(
                "option `{name}` is not supported by effekt serve, so the key is not let in"
            ));
        }
    }
    Ok(key)
}

/// Splits `options rest` at the first blank outside double quotes.
fn split_options(line: &str) -> (&str, &str) {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => return (&line[..i], line[i..].trim_start()),
            _ => {}
        }
    }
    (line, "")
}

/// Splits at `sep` outside double quotes.
fn split_unquoted(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            parts.push(&s[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Reads and checks an `authorized_keys` file: it must exist, be a
/// regular file that only its owner can change, and hold at least one
/// usable key.
pub fn read_authorized_keys(path: &Path) -> Result<(AuthorizedKeys, Vec<Skipped>), KeyError> {
    let (text, meta) = match read_small_file(path) {
        Err(KeyError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            return Err(KeyError::KeysMissing {
                path: path.to_path_buf(),
            });
        }
        other => other?,
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o022 != 0 {
        return Err(KeyError::KeysWritable {
            path: path.to_path_buf(),
            mode,
        });
    }
    let (keys, skipped) = AuthorizedKeys::parse(&text);
    if keys.is_empty() {
        return Err(KeyError::NoKeys {
            path: path.to_path_buf(),
        });
    }
    Ok((keys, skipped))
}

/// What identifies a version of a file cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    fs::metadata(path).ok().map(|m| Stamp {
        modified: m.modified().ok(),
        len: m.len(),
        inode: m.ino(),
    })
}

/// The authorised keys, read again when their file changes.
pub struct KeyFile {
    path: PathBuf,
    state: Mutex<(Option<Stamp>, Arc<AuthorizedKeys>)>,
}

/// What [`KeyFile::current`] found when it read the file again.
pub enum Reload {
    /// The file changed and was read: this many keys, these lines skipped.
    Read(usize, Vec<Skipped>),
    /// The file changed and cannot be used: nobody is let in until it is
    /// fixed.
    Refused(KeyError),
}

impl KeyFile {
    /// Reads the file; an error if it cannot be used at all.
    pub fn open(path: &Path) -> Result<(KeyFile, Vec<Skipped>), KeyError> {
        let before = stamp(path);
        let (keys, skipped) = read_authorized_keys(path)?;
        let file = KeyFile {
            path: path.to_path_buf(),
            state: Mutex::new((before, Arc::new(keys))),
        };
        Ok((file, skipped))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The keys now, read again if the file changed since the last look
    /// (then also what the reading found, for the log). A file that can no
    /// longer be used lets nobody in.
    pub fn current(&self) -> (Arc<AuthorizedKeys>, Option<Reload>) {
        let now = stamp(&self.path);
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if state.0 == now && now.is_some() {
            return (state.1.clone(), None);
        }
        let (keys, reload) = match read_authorized_keys(&self.path) {
            Ok((keys, skipped)) => {
                let n = keys.len();
                (keys, Reload::Read(n, skipped))
            }
            Err(e) => (AuthorizedKeys::default(), Reload::Refused(e)),
        };
        *state = (now, Arc::new(keys));
        (state.1.clone(), Some(reload))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH5P7Ao4USCBtDh3POFa20x6KIadpy5UFnfVpt/HESSC anna@example";
    const ED2: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINZuV+3HTZ3aBfhyRK9kaEBlQJysbpZrduD9DI3NXzg6";

    fn key(line: &str) -> PublicKey {
        PublicKey::from_openssh(line).expect("a test key")
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("effekt-keys-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn keys_comments_and_blank_lines() {
        let text = format!("# team\n\n{ED}\n   \n{ED2}\n");
        let (keys, skipped) = AuthorizedKeys::parse(&text);
        assert_eq!(keys.len(), 2);
        assert!(skipped.is_empty());
        let anna = keys.find(&key(ED)).expect("anna's key");
        assert_eq!((anna.line, anna.comment.as_str()), (3, "anna@example"));
        assert_eq!(keys.find(&key(ED2)).map(|k| k.line), Some(5));
    }

    #[test]
    fn a_key_matches_whatever_its_comment() {
        let (keys, _) = AuthorizedKeys::parse(ED);
        let other_comment = ED.replace("anna@example", "someone-else");
        assert!(keys.find(&key(&other_comment)).is_some());
        assert!(keys.find(&key(ED2)).is_none());
    }

    #[test]
    fn broken_lines_are_skipped_with_their_line_number() {
        let text = format!("{ED}\nssh-ed25519 AAAAnot-base64\nhello world\nssh-ed25519\n{ED2}\n");
        let (keys, skipped) = AuthorizedKeys::parse(&text);
        assert_eq!(keys.len(), 2, "the good keys around the bad lines count");
        let lines: Vec<usize> = skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        assert!(
            skipped
                .iter()
                .all(|s| s.reason.contains("not a public key")),
            "{skipped:?}"
        );
    }

    #[test]
    fn options_effekt_enforces_anyway_are_accepted() {
        let text = format!("restrict,no-port-forwarding,No-Agent-Forwarding {ED}");
        let (keys, skipped) = AuthorizedKeys::parse(&text);
        assert_eq!((keys.len(), skipped.len()), (1, 0), "{skipped:?}");
    }

    #[test]
    fn options_that_would_restrict_the_key_more_skip_it() {
        let text = format!(
            "from=\"10.0.0.0/8\" {ED}\ncommand=\"echo hi, there\",restrict {ED2}\nno-pty {ED}\n"
        );
        let (keys, skipped) = AuthorizedKeys::parse(&text);
        assert!(keys.is_empty(), "no key is let in with fewer limits");
        let reasons: Vec<(usize, &str)> = skipped
            .iter()
            .map(|s| (s.line, s.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 3);
        assert!(reasons[0].1.contains("`from`"), "{reasons:?}");
        assert!(reasons[1].1.contains("`command`"), "{reasons:?}");
        assert!(reasons[2].1.contains("`no-pty`"), "{reasons:?}");
    }

    #[test]
    fn a_file_without_keys_or_writable_by_others_is_refused() {
        let dir = temp("authorized");
        let path = dir.join("authorized_keys");
        assert!(matches!(
            read_authorized_keys(&path),
            Err(KeyError::KeysMissing { .. })
        ));
        fs::write(&path, "# nobody yet\n").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
        assert!(matches!(
            read_authorized_keys(&path),
            Err(KeyError::NoKeys { .. })
        ));
        fs::write(&path, ED).expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).expect("chmod");
        let err = read_authorized_keys(&path).expect_err("world-writable");
        assert!(err.to_string().contains("chmod go-w"), "{err}");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
        assert_eq!(read_authorized_keys(&path).expect("readable").0.len(), 1);
        assert!(matches!(
            read_authorized_keys(&dir),
            Err(KeyError::NotAFile { .. })
        ));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_key_file_is_read_again_when_it_changes() {
        let dir = temp("reload");
        let path = dir.join("authorized_keys");
        fs::write(&path, ED).expect("write");
        let (file, _) = KeyFile::open(&path).expect("open");
        let (keys, reload) = file.current();
        assert!(reload.is_none(), "unchanged: not read again");
        assert!(keys.find(&key(ED)).is_some());
        // A new file (new inode) with another key.
        let next = dir.join("next");
        fs::write(&next, format!("{ED2}\nbroken\n")).expect("write");
        fs::rename(&next, &path).expect("rename");
        let (keys, reload) = file.current();
        assert!(matches!(reload, Some(Reload::Read(1, ref s)) if s.len() == 1));
        assert!(keys.find(&key(ED)).is_none(), "the removed key is out");
        assert!(keys.find(&key(ED2)).is_some());
        // Removed: nobody gets in.
        fs::remove_file(&path).expect("remove");
        let (keys, reload) = file.current();
        assert!(matches!(
            reload,
            Some(Reload::Refused(KeyError::KeysMissing { .. }))
        ));
        assert!(keys.is_empty());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_host_key_is_made_once_owner_only_and_reused() {
        let dir = temp("host").join("data");
        let (made, created) = host_key_in(&dir).expect("made");
        assert!(created);
        let path = dir.join(HOST_KEY_FILE);
        let mode = fs::metadata(&path).expect("file").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(made.algorithm(), russh::keys::Algorithm::Ed25519);
        let (again, created) = host_key_in(&dir).expect("read");
        assert!(!created);
        assert_eq!(
            fingerprint(again.public_key()),
            fingerprint(made.public_key()),
            "the same key on the next start"
        );
        let leftovers = fs::read_dir(&dir).expect("dir").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        let _ = fs::remove_dir_all(dir.parent().expect("parent"));
    }

    #[test]
    fn a_host_key_others_can_read_is_refused() {
        let dir = temp("host-mode");
        host_key_in(&dir).expect("made");
        let path = dir.join(HOST_KEY_FILE);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
        let err = host_key_in(&dir).expect_err("readable by others");
        assert!(matches!(err, KeyError::HostKeyReadable { mode: 0o644, .. }));
        assert!(err.to_string().contains("chmod 600"), "{err}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_broken_or_odd_host_key_file_is_refused_not_replaced() {
        let dir = temp("host-broken");
        let path = dir.join(HOST_KEY_FILE);
        fs::write(&path, "-----BEGIN OPENSSH PRIVATE KEY-----\ngarbage\n").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
        let err = host_key_in(&dir).expect_err("broken");
        assert!(matches!(err, KeyError::HostKeyBroken { .. }), "{err}");
        assert!(
            fs::read_to_string(&path).expect("kept").contains("garbage"),
            "a broken key is never overwritten"
        );
        // A folder where the key should be.
        fs::remove_file(&path).expect("rm");
        fs::create_dir(&path).expect("mkdir");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o700)).expect("chmod");
        let err = load_host_key(&path).expect_err("a folder");
        assert!(matches!(err, KeyError::NotAFile { .. }), "{err}");
        // A given path that does not exist is not made up.
        let missing = dir.join("nope");
        assert!(matches!(
            load_host_key(&missing),
            Err(KeyError::HostKeyMissing { .. })
        ));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_key_made_by_ssh_keygen_is_read() {
        let dir = temp("keygen");
        let path = dir.join("key");
        let made = std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f"])
            .arg(&path)
            .status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("note: ssh-keygen is not installed; skipped");
            return;
        }
        let key = load_host_key(&path).expect("ssh-keygen's key");
        let public = fs::read_to_string(path.with_extension("pub")).expect("public half");
        assert_eq!(
            fingerprint(key.public_key()),
            fingerprint(&PublicKey::from_openssh(public.trim()).expect("public"))
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
