//! Deleted variants: the trash folder.
//!
//! Deleting a variant moves its file, under the scenario folder's lock, to
//! `<store>/.trash/<scenario>/<time>-<slug>.toml`, where `<time>` is when
//! it was deleted (UTC, `20261126T132000.123Z`). No two files in a trash
//! share a time, so deletions whose names would collide (the same name
//! twice, `x 1` and `x-1`) get distinct files. Nothing is removed at once: a deleted variant can be restored into its name, or under
//! another name when that one is taken meanwhile.
//!
//! Old trash is pruned by one rule ([`KEEP_DAYS`], [`KEEP_MAX`]), and only
//! when a variant of the same scenario is written (saved, changed,
//! deleted or restored), never when the trash is only read. Only files
//! effekt put there (a regular file or symlink whose name starts with a
//! deletion time) are ever removed; anything else — a FIFO, a folder, a
//! file named by hand — is listed as a problem and left alone, and nothing
//! in the trash is opened unless it is a regular file.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::folder::{Locked, find_in, free_slot, read_own, scan_in, slug, write_variant};
use super::{ReadProblem, Store, StoreError, Variant, check_name, now};

/// The trash folder's name in the variant folder.
pub const TRASH_DIR: &str = ".trash";

/// Deleted variants older than this many days are pruned.
pub const KEEP_DAYS: u64 = 30;

/// At most this many deleted variants are kept per scenario (the newest).
pub const KEEP_MAX: usize = 50;

/// The deletion time in a trash file's name.
const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";

/// A deleted variant in the trash.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    /// Its file in the trash; [`Store::restore_entry`] takes its file name.
    pub path: PathBuf,
    /// When it was deleted, RFC 3339 in UTC to the second
    /// (`2026-11-26T13:20:00Z`).
    pub deleted_at: String,
    pub variant: Variant,
}

impl Deleted {
    /// The entry's id for [`Store::restore_entry`]: its file name.
    pub fn id(&self) -> String {
        file_name(&self.path)
    }
}

/// The trash of one scenario, newest first, and the files in it that could
/// not be read (with the reason, typed).
#[derive(Debug, Default)]
pub struct TrashScan {
    pub deleted: Vec<Deleted>,
    pub problems: Vec<(PathBuf, ReadProblem)>,
}

impl TrashScan {
    /// The most recently deleted variant of this name (exact, then
    /// ignoring case).
    pub fn find(&self, name: &str) -> Option<&Deleted> {
        let wanted = name.trim().to_lowercase();
        self.deleted
            .iter()
            .find(|d| d.variant.name == name)
            .or_else(|| {
                self.deleted
                    .iter()
                    .find(|d| d.variant.name.to_lowercase() == wanted)
            })
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The deletion time at the start of a trash file's name.
fn stamp_of(file_name: &str) -> Option<DateTime<Utc>> {
    let (stamp, _) = file_name.split_once("Z-")?;
    let t = NaiveDateTime::parse_from_str(&format!("{stamp}Z"), STAMP).ok()?;
    Some(t.and_utc())
}

/// A new trash file for a variant deleted at `at`: the time and the
/// name's slug. No two files in the trash share a time (a later one is
/// moved on by a millisecond), so names that collide are kept apart and
/// the times order the trash. Called under the lock.
fn trash_slot(dir: &Path, name: &str, at: DateTime<Utc>) -> PathBuf {
    let taken: Vec<String> = fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| file_name(&e.path()))
                .collect()
        })
        .unwrap_or_default();
    let mut at = at;
    let mut stamp = at.format(STAMP).to_string();
    while taken.iter().any(|n| n.starts_with(&stamp)) {
        at += chrono::Duration::milliseconds(1);
        stamp = at.format(STAMP).to_string();
    }
    dir.join(format!("{stamp}-{}.toml", slug(name)))
}

impl Store {
    /// The trash folder of a scenario.
    pub fn trash_dir(&self, scenario_id: &str) -> PathBuf {
        self.dir().join(TRASH_DIR).join(slug(scenario_id))
    }

    /// The deleted variants of a scenario, newest first; files that cannot
    /// be read (broken, foreign, a FIFO, a folder) are listed as problems
    /// with their path. Never blocks on a special file; changes nothing.
    pub fn deleted(&self, scenario_id: &str) -> TrashScan {
        scan_trash(&self.trash_dir(scenario_id), scenario_id)
    }

    /// Deletes a variant: moves its file to the scenario's trash (see the
    /// module's documentation) and returns the path there.
    pub fn delete(&self, scenario_id: &str, name: &str) -> Result<PathBuf, StoreError> {
        let locked = self.lock(scenario_id)?;
        let (path, v) = find_in(&scan_in(&locked.dir, scenario_id), name)?;
        let trash = &locked.trash;
        let write_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Write { path, source }
        };
        fs::create_dir_all(trash).map_err(write_err(trash))?;
        let target = trash_slot(trash, &v.name, Utc::now());
        if fs::rename(&path, &target).is_err() {
            // Another file system (the trash mounted elsewhere): copy, then
            // remove; a failure between the two leaves both, never neither.
            write_variant(&target, &v)?;
            fs::remove_file(&path).map_err(write_err(&path))?;
        }
        locked.written();
        Ok(target)
    }

    /// Restores the most recently deleted variant of this name (exact,
    /// then ignoring case) into its name, or into `new_name`. Returns the
    /// path of the variant's file and the variant.
    ///
    /// [`StoreError::NotDeleted`] when the trash has no such variant;
    /// [`StoreError::Exists`] when a saved variant has the name it would
    /// get (restore it under another name).
    pub fn restore(
        &self,
        scenario_id: &str,
        name: &str,
        new_name: Option<&str>,
    ) -> Result<(PathBuf, Variant), StoreError> {
        self.restore_one(scenario_id, name, new_name, |scan| scan.find(name))
    }

    /// Restores one entry of the trash, by its id ([`Deleted::id`]), into
    /// its name or into `new_name`; as [`Store::restore`].
    pub fn restore_entry(
        &self,
        scenario_id: &str,
        id: &str,
        new_name: Option<&str>,
    ) -> Result<(PathBuf, Variant), StoreError> {
        self.restore_one(scenario_id, id, new_name, |scan| {
            scan.deleted.iter().find(|d| d.id() == id)
        })
    }

    /// Under the lock, restores the entry `pick` finds in the trash
    /// (`wanted` names it in the error when there is none).
    fn restore_one(
        &self,
        scenario_id: &str,
        wanted: &str,
        new_name: Option<&str>,
        pick: impl FnOnce(&TrashScan) -> Option<&Deleted>,
    ) -> Result<(PathBuf, Variant), StoreError> {
        let locked = self.lock(scenario_id)?;
        let scan = scan_trash(&locked.trash, scenario_id);
        let entry = pick(&scan).ok_or_else(|| StoreError::NotDeleted {
            name: wanted.to_string(),
        })?;
        restore_from(&locked, scenario_id, entry, new_name)
    }
}

/// Writes a deleted variant back into the scenario's folder (a new
/// regular file, whatever the trash held) and removes it from the trash.
fn restore_from(
    locked: &Locked,
    scenario_id: &str,
    entry: &Deleted,
    new_name: Option<&str>,
) -> Result<(PathBuf, Variant), StoreError> {
    let mut v = entry.variant.clone();
    let name = check_name(new_name.unwrap_or(&v.name))?;
    let listing = scan_in(&locked.dir, scenario_id);
    if find_in(&listing, &name).is_ok() {
        return Err(StoreError::Exists { name });
    }
    if name != v.name {
        v.name = name;
        v.updated = now();
    }
    let path = free_slot(&locked.dir, &slug(&v.name));
    write_variant(&path, &v)?;
    // Restored: the trash copy goes. Should that fail, it stays listed
    // (and restoring it again is refused as a clash): nothing is lost.
    let _ = fs::remove_file(&entry.path);
    locked.written();
    Ok((path, v))
}

fn scan_trash(dir: &Path, scenario_id: &str) -> TrashScan {
    let mut scan = TrashScan::default();
    let Ok(entries) = fs::read_dir(dir) else {
        return scan;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !file_name(p).starts_with('.'))
        .collect();
    paths.sort();
    for path in paths {
        let name = file_name(&path);
        let Some(at) = stamp_of(&name).filter(|_| name.ends_with(".toml")) else {
            scan.problems.push((path, ReadProblem::NotTrash));
            continue;
        };
        match read_own(&path, scenario_id) {
            Ok(variant) => scan.deleted.push(Deleted {
                path,
                deleted_at: at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                variant,
            }),
            Err(why) => scan.problems.push((path, why)),
        }
    }
    // Newest first: file names start with the time, to the millisecond.
    scan.deleted
        .sort_by_key(|d| std::cmp::Reverse(file_name(&d.path)));
    scan
}

/// Removes what the rule no longer keeps: deleted more than [`KEEP_DAYS`]
/// before `now`, or beyond the newest [`KEEP_MAX`]. Only effekt's own
/// entries (a regular file or a symlink with a deletion time in its name)
/// are removed, with the temp files of killed writes; the caller holds the
/// scenario's lock.
pub(super) fn prune(dir: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    crate::files::remove_stale_temps(dir);
    let mut ours: Vec<(DateTime<Utc>, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let at = stamp_of(&name).filter(|_| name.ends_with(".toml"))?;
            Some((at, e.path()))
        })
        .collect();
    ours.sort_by(|a, b| b.cmp(a));
    let oldest_kept: DateTime<Utc> = (now - Duration::from_secs(KEEP_DAYS * 24 * 60 * 60)).into();
    for (i, (at, path)) in ours.iter().enumerate() {
        if i >= KEEP_MAX || *at < oldest_kept {
            let _ = fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_round_trip_and_foreign_names_have_none() {
        let at = DateTime::parse_from_rfc3339("2026-11-26T13:20:00.123Z")
            .unwrap()
            .with_timezone(&Utc);
        let dir = std::env::temp_dir().join(format!("effekt-trash-slot-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let slot = trash_slot(&dir, "Plan B", at);
        assert_eq!(slot, dir.join("20261126T132000.123Z-plan-b.toml"));
        assert_eq!(stamp_of(&file_name(&slot)), Some(at));
        // Deleted in the same millisecond, whatever the name: a millisecond on.
        fs::write(&slot, "").unwrap();
        for (name, file) in [
            ("Plan B", "20261126T132000.124Z-plan-b.toml"),
            ("Plan C", "20261126T132000.125Z-plan-c.toml"),
        ] {
            let next = trash_slot(&dir, name, at);
            assert_eq!(next, dir.join(file));
            fs::write(&next, "").unwrap();
        }
        let _ = fs::remove_dir_all(&dir);
        for foreign in ["plan-b.toml", "Z-x.toml", "2026Z-x.toml", ""] {
            assert_eq!(stamp_of(foreign), None, "{foreign:?}");
        }
    }
}
