//! The one place effekt opens files that a user or another program may
//! have put there: scenario files, saved variants, report targets, lock
//! files.
//!
//! - [`read_regular`] reads only regular files (a FIFO, a device, a socket
//!   or a folder is refused before it can block or flood), and never more
//!   than a limit, whatever size the file reports.
//! - [`write_atomic`] writes a temp file beside the target, flushes it to
//!   disk and renames it over the target, so a crash, a kill or a full
//!   disk leaves the old file or the new one, never half of one.
//! - [`write_output`] is `write_atomic` for a path the user named: it
//!   writes through a symlink to its target, refuses anything that is not
//!   a regular file or a new path, and never creates missing folders.
//! - [`write_new`] is `write_atomic` for a new file only: it never
//!   replaces anything, even when another process creates the same file
//!   at the same moment.
//! - [`DirLock`] is an advisory lock on a folder, so that processes that
//!   change the same folder take turns.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// What kind of thing stands where a regular file was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Folder,
    /// A named pipe: opening it for reading blocks until a writer comes.
    Fifo,
    /// A character or block device (`/dev/zero`, a terminal, a disk).
    Device,
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

/// Why a file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// Not a regular file (reading), or not a regular file nor a new path
    /// (writing).
    #[error("{}", kind_text(*.0))]
    NotAFile(Kind),
    /// Longer than the limit.
    #[error("the file is larger than {limit} bytes, the most effekt reads here")]
    TooLarge { limit: u64 },
    /// The folder a new file would go in does not exist.
    #[error("the folder {} does not exist; create it first", .0.display())]
    NoFolder(PathBuf),
    /// Reading failed (also: the file does not exist).
    #[error("cannot read the file: {0}")]
    Read(io::Error),
    /// Writing failed.
    #[error("cannot write the file: {0}")]
    Write(io::Error),
}

fn kind_text(kind: Kind) -> &'static str {
    match kind {
        Kind::Folder => "this is a folder, not a file",
        Kind::Fifo => "this is a named pipe (FIFO), not a regular file",
        Kind::Device => "this is a device, not a regular file",
        Kind::Socket => "this is a socket, not a regular file",
        Kind::Other => "this is not a regular file",
    }
}

/// The kind of a non-regular file, `None` for a regular one.
fn irregular(meta: &fs::Metadata) -> Option<Kind> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some(Kind::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(Kind::Fifo);
        }
        if t.is_char_device() || t.is_block_device() {
            return Some(Kind::Device);
        }
        if t.is_socket() {
            return Some(Kind::Socket);
        }
    }
    Some(Kind::Other)
}

/// Opens without blocking and without becoming the controlling terminal:
/// a FIFO swapped in after the check then cannot hang the open.
fn open_nonblocking(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// The bytes of a regular file of at most `limit` bytes. The kind is
/// checked before the file is opened (a FIFO or a device is never opened),
/// and again on the open file; at most `limit + 1` bytes are read.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let meta = fs::metadata(path).map_err(FileError::Read)?;
    if let Some(kind) = irregular(&meta) {
        return Err(FileError::NotAFile(kind));
    }
    let file = open_nonblocking(path, OpenOptions::new().read(true)).map_err(FileError::Read)?;
    let meta = file.metadata().map_err(FileError::Read)?;
    if let Some(kind) = irregular(&meta) {
        return Err(FileError::NotAFile(kind));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(FileError::Read)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Whether `path` names a regular file (following symlinks), without
/// opening it.
pub fn is_regular(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// The suffix of temp files; a file `.<name>.<pid>.<nanos>.tmp` in a
/// folder is a write in progress or one a killed process left.
const TEMP_SUFFIX: &str = ".tmp";

fn temp_path(target: &Path) -> PathBuf {
    let dir = target.parent().unwrap_or(Path::new("."));
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    dir.join(format!(
        ".{name}.{}.{nanos}{TEMP_SUFFIX}",
        std::process::id()
    ))
}

/// Writes `bytes` to `path` atomically: a new temp file in the same folder
/// (created exclusively, so never through a planted symlink), flushed to
/// disk, then renamed over `path`; the folder is flushed too. The folder
/// must exist. On failure the temp file is removed and `path` is as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, None)
}

fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> io::Result<()> {
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        if let Some(p) = permissions {
            f.set_permissions(p)?;
        }
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = File::open(dir)
    {
        // Makes the rename itself durable; not every system allows it.
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes the temp files that killed writes left in `dir`. Call it only
/// while holding the folder's [`DirLock`], when no write is under way.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.')
            && name.ends_with(TEMP_SUFFIX)
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Where a write to `path` lands: the final target of a chain of symlinks
/// (relative links resolved from their own folder), at most 40 deep.
fn resolve_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Writes a file the user named (`effekt report -o PATH`): through a
/// symlink to its target; over a regular file (keeping its permissions);
/// or as a new file in an existing folder. Anything else — a folder, a
/// FIFO, a device, a socket, a missing folder — is refused and left as it
/// is. Returns the path written (the symlink's target).
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<PathBuf, FileError> {
    let target = resolve_symlinks(path).map_err(FileError::Write)?;
    let permissions = match fs::metadata(&target) {
        Ok(meta) => {
            if let Some(kind) = irregular(&meta) {
                return Err(FileError::NotAFile(kind));
            }
            if meta.permissions().readonly() {
                let denied = io::Error::from(io::ErrorKind::PermissionDenied);
                return Err(FileError::Write(denied));
            }
            Some(meta.permissions())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let dir = match target.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            if !fs::metadata(&dir).is_ok_and(|m| m.is_dir()) {
                return Err(FileError::NoFolder(dir));
            }
            None
        }
        Err(e) => return Err(FileError::Write(e)),
    };
    write_atomic_with(&target, bytes, permissions).map_err(FileError::Write)?;
    Ok(target)
}

/// Writes a new file atomically, never over anything: the bytes go to a
/// temp file beside `path`, flushed to disk, which is then linked to
/// `path`; the link fails when anything is there, so of two writers of
/// the same new file exactly one succeeds, and a crash leaves no half
/// file. Refused: an existing file or symlink (`FileError::Write` with
/// `ErrorKind::AlreadyExists`), a folder, FIFO, device or socket
/// (`NotAFile`), a missing folder (`NoFolder`, never created).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let exists = || FileError::Write(io::Error::from(io::ErrorKind::AlreadyExists));
    if let Ok(meta) = fs::symlink_metadata(path) {
        if meta.file_type().is_symlink() {
            return Err(exists());
        }
        return Err(irregular(&meta).map_or_else(exists, FileError::NotAFile));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !fs::metadata(&dir).is_ok_and(|m| m.is_dir()) {
        return Err(FileError::NoFolder(dir));
    }
    let tmp = temp_path(path);
    let written = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(FileError::Write(e));
    }
    let linked = match fs::hard_link(&tmp, path) {
        // A file system without hard links: rename, after one more look.
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists && !path.exists() => {
            fs::rename(&tmp, path)
        }
        other => other,
    };
    let _ = fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            if let Ok(d) = File::open(&dir) {
                let _ = d.sync_all();
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(exists()),
        Err(e) => Err(FileError::Write(e)),
    }
}

/// An advisory lock on a folder (on the file `.lock` in it), held until
/// dropped. Processes that take it change the folder one at a time.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

/// How long [`DirLock::acquire`] waits for another process by default.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

impl DirLock {
    /// Locks `dir` (which must exist), waiting up to `wait` for another
    /// holder; `ErrorKind::WouldBlock` when it is still held then. On file
    /// systems without locks, goes on unlocked.
    pub fn acquire(dir: &Path, wait: Duration) -> io::Result<DirLock> {
        let path = dir.join(".lock");
        let file = open_nonblocking(
            &path,
            OpenOptions::new().read(true).write(true).create(true),
        )?;
        if let Some(kind) = irregular(&file.metadata()?) {
            return Err(io::Error::other(kind_text(kind)));
        }
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(DirLock { _file: file }),
                Err(fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(io::Error::from(io::ErrorKind::WouldBlock));
                }
                Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(DirLock { _file: file });
                }
                Err(fs::TryLockError::Error(e)) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("effekt-files-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn reads_at_most_the_limit() {
        let dir = temp("limit");
        let f = dir.join("a.txt");
        fs::write(&f, "12345").unwrap();
        assert_eq!(read_regular(&f, 5).unwrap(), b"12345");
        assert!(matches!(
            read_regular(&f, 4),
            Err(FileError::TooLarge { limit: 4 })
        ));
        assert!(matches!(
            read_regular(&dir, 4),
            Err(FileError::NotAFile(Kind::Folder))
        ));
        assert!(matches!(
            read_regular(&dir.join("missing"), 4),
            Err(FileError::Read(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_reading() {
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 1 << 20),
            Err(FileError::NotAFile(Kind::Device))
        ));
    }

    #[test]
    fn atomic_writes_leave_no_temp_file() {
        let dir = temp("atomic");
        let f = dir.join("v.toml");
        write_atomic(&f, b"one").unwrap();
        write_atomic(&f, b"two").unwrap();
        assert_eq!(fs::read(&f).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        // A write into a missing folder fails and leaves nothing.
        assert!(write_atomic(&dir.join("no/v.toml"), b"x").is_err());
    }

    #[test]
    fn a_new_file_never_replaces_anything() {
        let dir = temp("new");
        let f = dir.join("s.toml");
        write_new(&f, b"first").unwrap();
        let again = write_new(&f, b"second").unwrap_err();
        assert!(
            matches!(again, FileError::Write(ref e) if e.kind() == io::ErrorKind::AlreadyExists)
        );
        assert_eq!(fs::read(&f).unwrap(), b"first");
        assert!(matches!(
            write_new(&dir, b"x"),
            Err(FileError::NotAFile(Kind::Folder))
        ));
        assert!(matches!(
            write_new(&dir.join("no/s.toml"), b"x"),
            Err(FileError::NoFolder(_))
        ));
        // Only the file itself is left: no temp file.
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["s.toml"]);
    }

    #[test]
    fn stale_temps_are_removed() {
        let dir = temp("stale");
        fs::write(dir.join(".v.toml.123.456.tmp"), "half").unwrap();
        fs::write(dir.join("v.toml"), "whole").unwrap();
        remove_stale_temps(&dir);
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["v.toml"]);
    }

    #[test]
    fn a_lock_is_exclusive_until_dropped() {
        let dir = temp("lock");
        let first = DirLock::acquire(&dir, LOCK_WAIT).unwrap();
        let second = DirLock::acquire(&dir, Duration::from_millis(30));
        assert_eq!(second.unwrap_err().kind(), io::ErrorKind::WouldBlock);
        drop(first);
        DirLock::acquire(&dir, Duration::from_millis(30)).unwrap();
    }
}
