//! The variant folder: listing, finding and changing variants, each change
//! under the scenario folder's lock.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Note, ReadProblem, StoreError, Variant, check_name, check_note, now};
use crate::files::{self, DirLock};

/// The largest variant file effekt reads or writes.
pub const MAX_VARIANT_BYTES: u64 = 1024 * 1024;

/// The variants of one scenario, and the files that could not be read
/// (the reasons as English sentences; [`Scan`] has them typed).
#[derive(Debug, Default)]
pub struct Listing {
    pub variants: Vec<(PathBuf, Variant)>,
    pub problems: Vec<(PathBuf, String)>,
}

/// The variants of one scenario, and the files that could not be read
/// with the reason, typed (`crate::i18n::errors::read_problem` says it).
#[derive(Debug, Default)]
pub struct Scan {
    pub variants: Vec<(PathBuf, Variant)>,
    pub problems: Vec<(PathBuf, ReadProblem)>,
}

/// The variant folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// A file name for a variant name: lowercase ASCII letters, digits and `-`.
pub(super) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'æ' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'ä' => out.push('a'),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    let out = out.trim_end_matches('-').to_string();
    let out: String = out.chars().take(60).collect();
    if out.is_empty() {
        "variant".into()
    } else {
        out
    }
}

fn read_variant(path: &Path) -> Result<Variant, ReadProblem> {
    let bytes = files::read_regular(path, MAX_VARIANT_BYTES).map_err(ReadProblem::File)?;
    let text = String::from_utf8(bytes).map_err(|_| ReadProblem::NotUtf8)?;
    Variant::parse(&text)
}

/// A variant file of this scenario (one of another is a problem).
pub(super) fn read_own(path: &Path, scenario_id: &str) -> Result<Variant, ReadProblem> {
    let v = read_variant(path)?;
    if v.scenario_id != scenario_id {
        return Err(ReadProblem::Foreign {
            scenario: crate::format::excerpt(&v.scenario_id),
            expected: scenario_id.to_string(),
        });
    }
    Ok(v)
}

/// The scenario's folder while this process holds its lock.
pub(super) struct Locked {
    pub(super) dir: PathBuf,
    /// The scenario's trash folder (not created until something is deleted).
    pub(super) trash: PathBuf,
    _lock: DirLock,
}

impl Locked {
    /// Something was written: prunes the scenario's trash by its rule.
    pub(super) fn written(&self) {
        super::trash::prune(&self.trash, std::time::SystemTime::now());
    }
}

impl Store {
    /// The store in `<data>/variants` (see [`crate::catalog::data_dir`]).
    pub fn open_default() -> Result<Store, StoreError> {
        crate::catalog::data_dir()
            .map(|d| Store::at(d.join("variants")))
            .ok_or(StoreError::NoDataDir)
    }

    /// A store in the given folder.
    pub fn at(dir: PathBuf) -> Store {
        Store { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn scenario_dir(&self, scenario_id: &str) -> PathBuf {
        self.dir.join(slug(scenario_id))
    }

    /// Takes the lock on a scenario's folder (creating the folder), waiting
    /// for another process up to [`files::LOCK_WAIT`], and removes the temp
    /// files of killed writes.
    pub(super) fn lock(&self, scenario_id: &str) -> Result<Locked, StoreError> {
        let dir = self.scenario_dir(scenario_id);
        let write_err = |source| StoreError::Write {
            path: dir.clone(),
            source,
        };
        fs::create_dir_all(&dir).map_err(write_err)?;
        let lock = DirLock::acquire(&dir, files::LOCK_WAIT).map_err(|e| {
            if e.kind() == std::io::ErrorKind::WouldBlock {
                StoreError::Busy { path: dir.clone() }
            } else {
                write_err(e)
            }
        })?;
        files::remove_stale_temps(&dir);
        Ok(Locked {
            dir,
            trash: self.trash_dir(scenario_id),
            _lock: lock,
        })
    }

    /// Every variant of a scenario, sorted by name; unreadable or foreign
    /// files (and FIFOs, devices, folders) are listed as problems with
    /// their path. Never blocks on a special file.
    pub fn scan(&self, scenario_id: &str) -> Scan {
        scan_in(&self.scenario_dir(scenario_id), scenario_id)
    }

    /// [`Store::scan`] with the problems as English sentences.
    pub fn list(&self, scenario_id: &str) -> Listing {
        let Scan { variants, problems } = self.scan(scenario_id);
        Listing {
            variants,
            problems: problems
                .into_iter()
                .map(|(p, why)| (p, why.to_string()))
                .collect(),
        }
    }

    /// Finds a variant by name (exact, then ignoring case).
    pub fn find(&self, scenario_id: &str, name: &str) -> Result<(PathBuf, Variant), StoreError> {
        find_in(&self.scan(scenario_id), name)
    }

    /// Saves a variant. An existing variant of the same name (ignoring
    /// case: `plan b` is `Plan B`) is replaced only with `overwrite`,
    /// keeping its file, its creation time and its notes (the new
    /// variant's notes are added after them); otherwise
    /// [`StoreError::Exists`].
    pub fn save(&self, v: &Variant, overwrite: bool) -> Result<PathBuf, StoreError> {
        let name = check_name(&v.name)?;
        let mut v = v.clone();
        v.name = name;
        for n in &mut v.notes {
            n.text = check_note(&n.text)?;
        }
        let locked = self.lock(&v.scenario_id)?;
        let listing = scan_in(&locked.dir, &v.scenario_id);
        let existing = find_in(&listing, &v.name).ok();
        let path = match existing {
            Some((path, old)) => {
                if !overwrite {
                    return Err(StoreError::Exists { name: v.name });
                }
                v.created = old.created;
                let mut notes = old.notes.clone();
                notes.extend(v.notes.into_iter().filter(|n| !old.notes.contains(n)));
                v.notes = notes;
                path
            }
            None => free_slot(&locked.dir, &slug(&v.name)),
        };
        write_variant(&path, &v)?;
        locked.written();
        Ok(path)
    }

    /// Changes a saved variant in place, under the folder's lock: `change`
    /// gets the variant as saved and returns the new one, which keeps the
    /// file (and so must keep the name). Returns its path and what was
    /// written. For `effekt save --update`.
    pub fn update<E: From<StoreError>>(
        &self,
        scenario_id: &str,
        name: &str,
        change: impl FnOnce(Variant) -> Result<Variant, E>,
    ) -> Result<(PathBuf, Variant), E> {
        let locked = self.lock(scenario_id)?;
        let (path, old) = find_in(&scan_in(&locked.dir, scenario_id), name)?;
        let mut v = change(old)?;
        v.name = check_name(&v.name)?;
        for n in &mut v.notes {
            n.text = check_note(&n.text)?;
        }
        v.updated = now();
        write_variant(&path, &v)?;
        locked.written();
        Ok((path, v))
    }

    /// Renames a variant (its file keeps its path).
    pub fn rename(&self, scenario_id: &str, old: &str, new: &str) -> Result<Variant, StoreError> {
        let new = check_name(new)?;
        let locked = self.lock(scenario_id)?;
        let listing = scan_in(&locked.dir, scenario_id);
        let (path, mut v) = find_in(&listing, old)?;
        if find_in(&listing, &new).is_ok_and(|(p, _)| p != path) {
            return Err(StoreError::Exists { name: new });
        }
        v.name = new;
        v.updated = now();
        write_variant(&path, &v)?;
        locked.written();
        Ok(v)
    }

    /// Copies a variant under a new name.
    pub fn duplicate(
        &self,
        scenario_id: &str,
        name: &str,
        new: &str,
    ) -> Result<Variant, StoreError> {
        let new = check_name(new)?;
        let locked = self.lock(scenario_id)?;
        let listing = scan_in(&locked.dir, scenario_id);
        if find_in(&listing, &new).is_ok() {
            return Err(StoreError::Exists { name: new });
        }
        let (_, mut v) = find_in(&listing, name)?;
        v.name = new;
        let at = now();
        v.created = at.clone();
        v.updated = at;
        write_variant(&free_slot(&locked.dir, &slug(&v.name)), &v)?;
        locked.written();
        Ok(v)
    }

    /// Adds a timestamped note to a variant.
    pub fn add_note(
        &self,
        scenario_id: &str,
        name: &str,
        text: &str,
    ) -> Result<Variant, StoreError> {
        let text = check_note(text)?;
        let (_, v) = self.update(scenario_id, name, |mut v| {
            v.notes.push(Note { at: now(), text });
            Ok::<_, StoreError>(v)
        })?;
        Ok(v)
    }
}

pub(super) fn scan_in(dir: &Path, scenario_id: &str) -> Scan {
    let mut scan = Scan::default();
    let Ok(entries) = fs::read_dir(dir) else {
        return scan;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "toml")
                && !p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    for path in paths {
        match read_own(&path, scenario_id) {
            Ok(v) => scan.variants.push((path, v)),
            Err(why) => scan.problems.push((path, why)),
        }
    }
    scan.variants.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    scan
}

impl Scan {
    /// Finds a variant by name (exact, then ignoring case).
    pub fn find(&self, name: &str) -> Result<(PathBuf, Variant), StoreError> {
        find_in(self, name)
    }
}

pub(super) fn find_in(listing: &Scan, name: &str) -> Result<(PathBuf, Variant), StoreError> {
    let by = |exact: bool| {
        listing.variants.iter().find(|(_, v)| {
            if exact {
                v.name == name
            } else {
                v.name.to_lowercase() == name.trim().to_lowercase()
            }
        })
    };
    by(true)
        .or_else(|| by(false))
        .cloned()
        .ok_or_else(|| StoreError::NotFound {
            name: name.to_string(),
        })
}

/// A file for a new variant: `<base>.toml`, or `<base>-<n>.toml` when the
/// name is taken by another file (another variant whose slug collides, or
/// a file that cannot be read and so must not be overwritten). Called under
/// the lock, so no other process takes the slot meanwhile.
pub(super) fn free_slot(dir: &Path, base: &str) -> PathBuf {
    (1..)
        .map(|i| match i {
            1 => dir.join(format!("{base}.toml")),
            i => dir.join(format!("{base}-{i}.toml")),
        })
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| dir.join(format!("{base}.toml")))
}

pub(super) fn write_variant(path: &Path, v: &Variant) -> Result<(), StoreError> {
    let text = v.to_toml();
    if text.len() as u64 > MAX_VARIANT_BYTES {
        return Err(StoreError::TooLarge {
            max: MAX_VARIANT_BYTES,
        });
    }
    files::write_atomic(path, text.as_bytes()).map_err(|source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Terskel på 0,3 poeng"), "terskel-pa-0-3-poeng");
        assert_eq!(slug("KS øker til 30 %"), "ks-oker-til-30");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("   "), "variant");
        for colliding in ["x 1", "x-1", "x_1", "x/1", "X.1"] {
            assert_eq!(slug(colliding), "x-1");
        }
    }
}
