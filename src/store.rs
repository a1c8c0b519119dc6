//! Saved variants and their notes on disk.
//!
//! A variant is a named set of lever values for one scenario, kept as a TOML
//! file in `<data>/variants/<scenario id>/<name>.toml` (`<data>` is the
//! user's data folder, or `$EFFEKT_DATA_DIR`). Writes are atomic (temp file,
//! then rename), so a crash or a full disk never leaves a half-written file
//! and two processes saving at once never corrupt one. A file that cannot be
//! read is reported with its path and skipped, and never overwritten.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::SystemTime;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::catalog::Loaded;
use crate::levers;
use crate::scenario::Scenario;

/// The version of the variant file format.
pub const VARIANT_FORMAT: i64 = 1;

/// A timestamped note on a variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// RFC 3339 time in UTC, e.g. `2026-11-26T13:20:00Z`.
    pub at: String,
    pub text: String,
}

/// A saved variant: lever values that differ from the scenario, and notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub name: String,
    pub scenario_id: String,
    /// `sha256:<hex>` of the scenario file's text when the variant was saved.
    pub scenario_hash: String,
    /// Lever id → value, for the levers that differ from the scenario.
    pub levers: BTreeMap<String, Decimal>,
    pub notes: Vec<Note>,
    pub created: String,
    pub updated: String,
}

/// The file as written: decimals as strings, so they stay exact.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantFile {
    format: i64,
    name: String,
    scenario: String,
    scenario_hash: String,
    created: String,
    updated: String,
    #[serde(default)]
    levers: BTreeMap<String, String>,
    #[serde(default)]
    notes: Vec<Note>,
}

/// What can go wrong with the store. Every message names the path.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no data folder: set EFFEKT_DATA_DIR to a folder effekt may write to")]
    NoDataDir,
    #[error(
        "cannot write to {path}: {source}; check the folder's permissions or set EFFEKT_DATA_DIR"
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("a variant named \"{name}\" already exists")]
    Exists { name: String },
    #[error("no variant named \"{name}\"")]
    NotFound { name: String },
    #[error("a variant needs a name")]
    EmptyName,
}

/// The current time as RFC 3339 in UTC, to the second.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}

/// `sha256:<hex>` of a scenario file's text.
pub fn scenario_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

impl Variant {
    /// A new variant of `base` holding the levers of `current` that differ.
    pub fn from_current(name: &str, base: &Loaded, current: &Scenario) -> Variant {
        let at = now();
        Variant {
            name: name.trim().to_string(),
            scenario_id: base.scenario.info.id.clone(),
            scenario_hash: scenario_hash(&base.text),
            levers: levers::changed(&base.scenario, current)
                .into_iter()
                .collect(),
            notes: Vec::new(),
            created: at.clone(),
            updated: at,
        }
    }

    fn to_file(&self) -> VariantFile {
        VariantFile {
            format: VARIANT_FORMAT,
            name: self.name.clone(),
            scenario: self.scenario_id.clone(),
            scenario_hash: self.scenario_hash.clone(),
            created: self.created.clone(),
            updated: self.updated.clone(),
            levers: self
                .levers
                .iter()
                .map(|(k, v)| (k.clone(), crate::format::plain(*v)))
                .collect(),
            notes: self.notes.clone(),
        }
    }

    /// Parses a variant file's text; the error says what is wrong.
    pub fn parse(text: &str) -> Result<Variant, String> {
        let f: VariantFile = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
        if f.format != VARIANT_FORMAT {
            return Err(format!(
                "variant format {} is not supported (this effekt reads format {VARIANT_FORMAT})",
                f.format
            ));
        }
        let mut lever_values = BTreeMap::new();
        for (id, v) in f.levers {
            let d = Decimal::from_str(&v)
                .map_err(|_| format!("lever `{id}`: \"{v}\" is not a number"))?;
            lever_values.insert(id, d);
        }
        Ok(Variant {
            name: f.name,
            scenario_id: f.scenario,
            scenario_hash: f.scenario_hash,
            levers: lever_values,
            notes: f.notes,
            created: f.created,
            updated: f.updated,
        })
    }

    /// The variant as file text.
    pub fn to_toml(&self) -> String {
        toml::to_string(&self.to_file()).unwrap_or_default()
    }
}

/// A variant applied to its scenario, with what did not fit.
#[derive(Debug, Clone)]
pub struct Applied {
    pub scenario: Scenario,
    /// The scenario file changed since the variant was saved.
    pub scenario_changed: bool,
    /// Lever ids the scenario no longer has (skipped).
    pub unknown_levers: Vec<String>,
    /// Levers whose saved value is refused now, with the reason (skipped).
    pub refused: Vec<(String, String)>,
}

impl Applied {
    /// Everything the user should be told when opening the variant.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.scenario_changed {
            out.push("the scenario file has changed since this variant was saved".to_string());
        }
        if !self.unknown_levers.is_empty() {
            out.push(format!(
                "levers no longer in the scenario (skipped): {}",
                self.unknown_levers.join(", ")
            ));
        }
        for (id, reason) in &self.refused {
            out.push(format!("lever `{id}` skipped: {reason}"));
        }
        out
    }
}

/// Applies a variant's levers to its base scenario, skipping what no longer
/// fits and saying so.
pub fn apply(v: &Variant, base: &Loaded) -> Applied {
    let mut scenario = base.scenario.clone();
    let mut unknown_levers = Vec::new();
    let mut refused = Vec::new();
    let known = levers::available(&base.scenario);
    for (id, value) in &v.levers {
        match known.iter().find(|l| &l.id == id) {
            None => unknown_levers.push(id.clone()),
            Some(lever) => match levers::set_lever(&scenario, lever, *value) {
                Ok(next) => scenario = next,
                Err(e) => refused.push((id.clone(), e.to_string())),
            },
        }
    }
    Applied {
        scenario,
        scenario_changed: v.scenario_hash != scenario_hash(&base.text),
        unknown_levers,
        refused,
    }
}

/// The variants of one scenario, and the files that could not be read.
#[derive(Debug, Default)]
pub struct Listing {
    pub variants: Vec<(PathBuf, Variant)>,
    pub problems: Vec<(PathBuf, String)>,
}

/// The variant folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// A file name for a variant name: lowercase ASCII letters, digits and `-`.
fn slug(name: &str) -> String {
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

/// Writes `text` to `path` atomically: a temp file in the same folder,
/// flushed to disk, then renamed over the target.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), StoreError> {
    let write_err = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(write_err)?;
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{file_name}.{}.{nanos}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(write_err(e));
    }
    Ok(())
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

    /// Every variant of a scenario, sorted by name; unreadable or foreign
    /// files are listed as problems with their path.
    pub fn list(&self, scenario_id: &str) -> Listing {
        let mut listing = Listing::default();
        let dir = self.scenario_dir(scenario_id);
        let Ok(entries) = fs::read_dir(&dir) else {
            return listing;
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
            match read_variant(&path) {
                Ok(v) if v.scenario_id == scenario_id => listing.variants.push((path, v)),
                Ok(v) => listing.problems.push((
                    path,
                    format!(
                        "belongs to scenario \"{}\", not \"{scenario_id}\"",
                        v.scenario_id
                    ),
                )),
                Err(reason) => listing.problems.push((path, reason)),
            }
        }
        listing.variants.sort_by(|a, b| a.1.name.cmp(&b.1.name));
        listing
    }

    /// Finds a variant by name (exact, then ignoring case).
    pub fn find(&self, scenario_id: &str, name: &str) -> Result<(PathBuf, Variant), StoreError> {
        let listing = self.list(scenario_id);
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

    /// Where a variant of this name lives or goes: its slug, or the slug
    /// with a number when another file (a different variant, or one that
    /// cannot be read and so must not be overwritten) already has it. Also
    /// returns the variant already saved there under the same name.
    fn slot(&self, scenario_id: &str, name: &str) -> (PathBuf, Option<Variant>) {
        let dir = self.scenario_dir(scenario_id);
        let base = slug(name);
        for i in 1..1000 {
            let path = if i == 1 {
                dir.join(format!("{base}.toml"))
            } else {
                dir.join(format!("{base}-{i}.toml"))
            };
            if !path.exists() {
                return (path, None);
            }
            if let Ok(old) = read_variant(&path)
                && old.name == name
                && old.scenario_id == scenario_id
            {
                return (path, Some(old));
            }
        }
        (
            dir.join(format!("{base}-{}.toml", now().replace(':', ""))),
            None,
        )
    }

    /// Saves a variant. An existing variant of the same name is replaced
    /// only with `overwrite` (keeping its creation time); otherwise
    /// [`StoreError::Exists`].
    pub fn save(&self, v: &Variant, overwrite: bool) -> Result<PathBuf, StoreError> {
        if v.name.trim().is_empty() {
            return Err(StoreError::EmptyName);
        }
        let (path, existing) = match self.find(&v.scenario_id, &v.name) {
            Ok((path, old)) => (path, Some(old)),
            Err(_) => self.slot(&v.scenario_id, &v.name),
        };
        let mut v = v.clone();
        if let Some(old) = existing {
            if !overwrite {
                return Err(StoreError::Exists { name: v.name });
            }
            v.created = old.created;
        }
        write_atomic(&path, &v.to_toml())?;
        Ok(path)
    }

    /// Renames a variant (its file keeps its path).
    pub fn rename(&self, scenario_id: &str, old: &str, new: &str) -> Result<Variant, StoreError> {
        if new.trim().is_empty() {
            return Err(StoreError::EmptyName);
        }
        if self.find(scenario_id, new).is_ok() {
            return Err(StoreError::Exists {
                name: new.to_string(),
            });
        }
        let (path, mut v) = self.find(scenario_id, old)?;
        v.name = new.trim().to_string();
        v.updated = now();
        write_atomic(&path, &v.to_toml())?;
        Ok(v)
    }

    /// Copies a variant under a new name.
    pub fn duplicate(
        &self,
        scenario_id: &str,
        name: &str,
        new: &str,
    ) -> Result<Variant, StoreError> {
        let (_, mut v) = self.find(scenario_id, name)?;
        v.name = new.trim().to_string();
        let at = now();
        v.created = at.clone();
        v.updated = at;
        self.save(&v, false)?;
        Ok(v)
    }

    /// Deletes a variant's file.
    pub fn delete(&self, scenario_id: &str, name: &str) -> Result<(), StoreError> {
        let (path, _) = self.find(scenario_id, name)?;
        fs::remove_file(&path).map_err(|source| StoreError::Write { path, source })
    }

    /// Adds a timestamped note to a variant.
    pub fn add_note(
        &self,
        scenario_id: &str,
        name: &str,
        text: &str,
    ) -> Result<Variant, StoreError> {
        let (path, mut v) = self.find(scenario_id, name)?;
        let at = now();
        v.notes.push(Note {
            at: at.clone(),
            text: text.trim().to_string(),
        });
        v.updated = at;
        write_atomic(&path, &v.to_toml())?;
        Ok(v)
    }
}

fn read_variant(path: &Path) -> Result<Variant, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    Variant::parse(&text)
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
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(
            scenario_hash("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
