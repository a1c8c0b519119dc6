//! Saved variants and their notes on disk.
//!
//! A variant is a named set of lever values for one scenario, kept as a TOML
//! file in `<data>/variants/<scenario id>/<slug of the name>.toml` (`<data>`
//! is the user's data folder, or `$EFFEKT_DATA_DIR`). The variant's *name*
//! (inside the file) is its identity; the file name is only a slug, and
//! names whose slugs collide get distinct files (`x-1.toml`, `x-1-2.toml`).
//!
//! Every change takes an advisory lock on the scenario's folder, so that
//! processes saving at once take turns: every save that reports success is
//! on disk, and a name clash is decided once. Writes are atomic (temp file,
//! then rename); temp files a killed process left are removed by the next
//! change. A file that cannot be read — broken, foreign, a FIFO, too large
//! — is reported with its path and skipped, and never overwritten.
//!
//! A deleted variant is moved to the scenario's trash folder
//! (`<data>/variants/.trash/<scenario id>/`, see [`trash`](mod@trash)), from
//! which it can be restored; old trash is pruned by a documented rule.

mod folder;
pub mod trash;

pub use folder::{Listing, MAX_VARIANT_BYTES, Scan, Store};
pub use trash::{Deleted, TrashScan};

use std::collections::BTreeMap;
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

/// The longest variant name, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;

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

/// What is wrong with a variant's name or a note's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    /// Empty once trimmed.
    Empty,
    /// Longer than the limit (characters).
    TooLong { max: usize },
    /// A control or invisible formatting character (a line break, a tab,
    /// an escape, a bidirectional override), by its code point.
    Control { code: u32 },
}

impl std::fmt::Display for TextProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextProblem::Empty => write!(f, "it is empty"),
            TextProblem::TooLong { max } => write!(f, "it is longer than {max} characters"),
            TextProblem::Control { code } => {
                write!(f, "it contains the control character U+{code:04X}")
            }
        }
    }
}

/// What can go wrong with the store. Every message names the path or the
/// name; `crate::i18n::errors::store_error` says it in the user's language.
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
    #[error("no variant named \"{}\"", crate::format::excerpt(.name))]
    NotFound { name: String },
    #[error("no deleted variant named \"{}\" in the trash", crate::format::excerpt(.name))]
    NotDeleted { name: String },
    #[error("a variant needs a name")]
    EmptyName,
    #[error("the variant name is refused: {problem}; write it on one line")]
    BadName { problem: TextProblem },
    #[error("the note is refused: {problem}")]
    BadNote { problem: TextProblem },
    #[error("the variant would be larger than {max} bytes; remove some notes")]
    TooLarge { max: u64 },
    #[error("{path} is locked by another effekt process that is saving; try again")]
    Busy { path: PathBuf },
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

/// A variant name as it is kept: trimmed, one line, no control or
/// invisible formatting characters, at most [`MAX_NAME_CHARS`].
pub fn check_name(name: &str) -> Result<String, StoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::EmptyName);
    }
    if let Some(c) = name.chars().find(|c| crate::format::is_unsafe(*c)) {
        let problem = TextProblem::Control { code: c as u32 };
        return Err(StoreError::BadName { problem });
    }
    if name.chars().count() > MAX_NAME_CHARS {
        let problem = TextProblem::TooLong {
            max: MAX_NAME_CHARS,
        };
        return Err(StoreError::BadName { problem });
    }
    Ok(name.to_string())
}

/// A note as it is kept: line breaks and tabs become spaces (a note is one
/// paragraph), other control characters are refused, at most
/// [`MAX_NOTE_CHARS`].
pub fn check_note(text: &str) -> Result<String, StoreError> {
    let joined: String = text
        .split(['\n', '\r', '\t'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let bad = |problem| Err(StoreError::BadNote { problem });
    if joined.is_empty() {
        return bad(TextProblem::Empty);
    }
    if let Some(c) = joined.chars().find(|c| crate::format::is_unsafe(*c)) {
        return bad(TextProblem::Control { code: c as u32 });
    }
    if joined.chars().count() > MAX_NOTE_CHARS {
        return bad(TextProblem::TooLong {
            max: MAX_NOTE_CHARS,
        });
    }
    Ok(joined)
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
    pub fn parse(text: &str) -> Result<Variant, ReadProblem> {
        let f: VariantFile = toml::from_str(text).map_err(|e| ReadProblem::Toml {
            at: e.span().map(|span| line_col(text, span.start)),
            message: crate::format::excerpt_of(e.message().trim(), TOML_MESSAGE_CHARS),
        })?;
        if f.format != VARIANT_FORMAT {
            return Err(ReadProblem::Format(f.format));
        }
        let mut lever_values = BTreeMap::new();
        for (id, v) in f.levers {
            let d = Decimal::from_str(&v).map_err(|_| ReadProblem::BadNumber {
                lever: crate::format::excerpt(&id),
                text: crate::format::excerpt(&v),
            })?;
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

/// The most characters of the TOML reader's message kept.
const TOML_MESSAGE_CHARS: usize = 200;

/// Line and column (from 1, the column in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Why a file in the variant folder was skipped.
#[derive(Debug, thiserror::Error)]
pub enum ReadProblem {
    /// Not a regular file, too large, or unreadable.
    #[error("{}", match .0 { crate::files::FileError::Read(e) => format!("cannot read: {e}"), e => e.to_string() })]
    File(crate::files::FileError),
    #[error("not UTF-8 text")]
    NotUtf8,
    /// Not a variant file: where (line, column, from 1) and the TOML
    /// reader's message (in English, on one line, shortened).
    #[error("not a variant file: {}{message}", at.map(|(l, c)| format!("TOML error at line {l}, column {c}: ")).unwrap_or_else(|| "TOML error: ".into()))]
    Toml {
        at: Option<(usize, usize)>,
        message: String,
    },
    #[error("variant format {0} is not supported (this effekt reads format {VARIANT_FORMAT})")]
    Format(i64),
    #[error("lever `{lever}`: \"{text}\" is not a number")]
    BadNumber { lever: String, text: String },
    /// A variant of another scenario.
    #[error("belongs to scenario \"{scenario}\", not \"{expected}\"")]
    Foreign { scenario: String, expected: String },
    /// A file in the trash that effekt did not put there (its name has no
    /// deletion time); it is left alone.
    #[error("not a deleted variant (its name has no deletion time); left alone")]
    NotTrash,
}

/// Something about a variant that did not fit its scenario when applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The scenario file has changed since the variant was saved.
    ScenarioChanged,
    /// Lever ids the scenario no longer has (skipped).
    UnknownLevers(Vec<String>),
    /// A saved value the scenario's rules refuse now (skipped), and why.
    Refused { lever: String, reason: String },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::ScenarioChanged => {
                write!(
                    f,
                    "the scenario file has changed since this variant was saved"
                )
            }
            Problem::UnknownLevers(ids) => write!(
                f,
                "levers no longer in the scenario (skipped): {}",
                ids.join(", ")
            ),
            Problem::Refused { lever, reason } => write!(f, "lever `{lever}` skipped: {reason}"),
        }
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
    pub fn issues(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.scenario_changed {
            out.push(Problem::ScenarioChanged);
        }
        if !self.unknown_levers.is_empty() {
            out.push(Problem::UnknownLevers(self.unknown_levers.clone()));
        }
        for (lever, reason) in &self.refused {
            out.push(Problem::Refused {
                lever: lever.clone(),
                reason: reason.clone(),
            });
        }
        out
    }

    /// [`Applied::issues`] as English sentences (the workshop shows these;
    /// `crate::i18n::errors::variant_problem` says them in a language).
    pub fn problems(&self) -> Vec<String> {
        self.issues().iter().map(Problem::to_string).collect()
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

/// Writes `text` to `path` atomically (see [`crate::files::write_atomic`]),
/// creating the folder first: for files in effekt's own data folder, such
/// as the workshop's exported reports.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), StoreError> {
    let write_err = |source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(write_err)?;
    }
    crate::files::write_atomic(path, text.as_bytes()).map_err(write_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable() {
        assert_eq!(
            scenario_hash("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn names_are_one_clean_line() {
        assert_eq!(check_name("  Lav effekt ").unwrap(), "Lav effekt");
        assert!(matches!(check_name(" "), Err(StoreError::EmptyName)));
        for bad in ["a\nb", "a\tb", "a\u{1b}[2Jb", "a\u{202e}b", "a\u{9b}b"] {
            assert!(
                matches!(check_name(bad), Err(StoreError::BadName { .. })),
                "{bad:?}"
            );
        }
        assert!(check_name(&"x".repeat(MAX_NAME_CHARS)).is_ok());
        assert!(check_name(&"x".repeat(MAX_NAME_CHARS + 1)).is_err());
    }

    #[test]
    fn notes_become_one_paragraph() {
        assert_eq!(check_note(" a\r\n\tb \n").unwrap(), "a b");
        assert!(matches!(
            check_note("\n \t"),
            Err(StoreError::BadNote {
                problem: TextProblem::Empty
            })
        ));
        assert!(matches!(
            check_note("ring \u{7}"),
            Err(StoreError::BadNote {
                problem: TextProblem::Control { code: 7 }
            })
        ));
    }
}
