//! Where scenarios come from: the bundled ones (compiled into the binary)
//! and the user's scenario folder. Also the user's data folder, which the
//! environment variable `EFFEKT_DATA_DIR` overrides (tests use it).
//!
//! A scenario is named by a path or by an id, the one `effekt list` shows:
//! a regular file at the path wins; then a bundled id; then the id of a
//! scenario in the user's folder. A folder (or anything else that is not a
//! regular file) named like an id does not hide the id. An unknown name
//! gets the nearest id as a suggestion.

use std::path::{Path, PathBuf};

use crate::scenario::{self, LoadError, Scenario};

/// A scenario compiled into the binary.
pub struct Bundled {
    pub file_name: &'static str,
    pub text: &'static str,
}

/// The bundled scenarios: the two KS pilots first, then reference cases.
pub const BUNDLED: [Bundled; 4] = [
    Bundled {
        file_name: "sykefravaer.toml",
        text: include_str!("../scenarios/sykefravaer.toml"),
    },
    Bundled {
        file_name: "rekruttering.toml",
        text: include_str!("../scenarios/rekruttering.toml"),
    },
    Bundled {
        file_name: "finland_tyhy.toml",
        text: include_str!("../scenarios/finland_tyhy.toml"),
    },
    Bundled {
        file_name: "peterborough.toml",
        text: include_str!("../scenarios/peterborough.toml"),
    },
];

/// Where a scenario was read from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Bundled(&'static str),
    File(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Bundled(name) => write!(f, "bundled:{name}"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// A loaded scenario with its source text (for hashing) and origin.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub scenario: Scenario,
    pub text: String,
    pub origin: Origin,
}

/// An entry of the scenario list: valid, or broken with its errors.
pub struct Entry {
    pub origin: Origin,
    /// The file's text (its hash is saved with variants); empty when the
    /// file could not be read.
    pub text: String,
    pub result: Result<Scenario, LoadError>,
}

/// Why a scenario named on the command line could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// No file of that name and no scenario with that id.
    Unknown {
        name: String,
        /// The nearest id, if one is near.
        suggestion: Option<String>,
        /// Every id there is.
        ids: Vec<String>,
    },
    /// The file could not be read, or is not a valid scenario.
    Invalid(LoadError),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Unknown {
                name, suggestion, ..
            } => {
                write!(
                    f,
                    "no scenario file or id `{}`",
                    crate::format::excerpt(name)
                )?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean `{s}`?"),
                    None => write!(f, "; `effekt list` shows the ids"),
                }
            }
            OpenError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for OpenError {}

impl From<LoadError> for OpenError {
    fn from(e: LoadError) -> Self {
        OpenError::Invalid(e)
    }
}

/// The user's data folder: `$EFFEKT_DATA_DIR`, else the platform's data
/// folder for effekt (e.g. `~/.local/share/effekt`).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("EFFEKT_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("no", "KS", "effekt").map(|d| d.data_dir().to_path_buf())
}

/// The user's scenario folder, `<data>/scenarios`.
pub fn user_scenario_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("scenarios"))
}

/// Loads a bundled scenario by file name.
pub fn load_bundled(b: &Bundled) -> Loaded {
    let name = format!("bundled:{}", b.file_name);
    let scenario = scenario::parse(b.text, &name)
        .unwrap_or_else(|e| panic!("a bundled scenario is invalid (a build defect): {e}"));
    Loaded {
        scenario,
        text: b.text.to_string(),
        origin: Origin::Bundled(b.file_name),
    }
}

/// Finds a bundled scenario by its id or file name.
pub fn find_bundled(name: &str) -> Option<&'static Bundled> {
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    BUNDLED
        .iter()
        .find(|b| b.file_name.strip_suffix(".toml") == Some(stem))
}

/// Reads and checks a scenario file.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let text = scenario::read_text(path)?;
    let scenario = scenario::parse(&text, &path.display().to_string())?;
    Ok(Loaded {
        scenario,
        text,
        origin: Origin::File(path.to_path_buf()),
    })
}

/// Opens a scenario named on the command line: a regular file at that
/// path, else a bundled id, else the id of a valid scenario in the user's
/// folder (the id `effekt list` shows). A name that is none of these is a
/// path that cannot be read (a folder, a FIFO: said so) or unknown (with
/// the nearest id).
pub fn open(name: &str) -> Result<Loaded, OpenError> {
    let path = Path::new(name);
    if crate::files::is_regular(path) {
        return Ok(load_path(path)?);
    }
    if let Some(b) = find_bundled(name) {
        return Ok(load_bundled(b));
    }
    let users = user_entries();
    let by_id = users.into_iter().find(|e| {
        e.result
            .as_ref()
            .is_ok_and(|s| s.info.id == name.strip_suffix(".toml").unwrap_or(name))
    });
    if let Some(Entry {
        origin: Origin::File(p),
        text,
        result: Ok(scenario),
    }) = by_id
    {
        return Ok(Loaded {
            scenario,
            text,
            origin: Origin::File(p),
        });
    }
    let looks_like_a_path = name.contains(std::path::MAIN_SEPARATOR) || name.ends_with(".toml");
    if looks_like_a_path || std::fs::symlink_metadata(path).is_ok() {
        // Something is at the path, or a path was meant: say what is wrong.
        return Ok(load_path(path)?);
    }
    let ids = ids();
    let candidates: Vec<&str> = ids.iter().map(String::as_str).collect();
    let suggestion = scenario::suggest(name, &candidates).map(str::to_string);
    Err(OpenError::Unknown {
        name: name.to_string(),
        suggestion,
        ids,
    })
}

/// The ids of every valid scenario, bundled first.
pub fn ids() -> Vec<String> {
    entries()
        .into_iter()
        .filter_map(|e| e.result.ok().map(|s| s.info.id))
        .collect()
}

/// Every scenario: the bundled ones, then the `.toml` files of the user's
/// scenario folder, sorted by name. Broken files are listed with their errors.
pub fn entries() -> Vec<Entry> {
    let mut out: Vec<Entry> = BUNDLED
        .iter()
        .map(|b| Entry {
            origin: Origin::Bundled(b.file_name),
            text: b.text.to_string(),
            result: Ok(load_bundled(b).scenario),
        })
        .collect();
    out.extend(user_entries());
    out
}

/// The scenarios of the user's folder, valid or not.
fn user_entries() -> Vec<Entry> {
    let Some(dir) = user_scenario_dir() else {
        return Vec::new();
    };
    user_files(&dir)
        .into_iter()
        .map(|p| {
            let (text, result) = match scenario::read_text(&p) {
                Ok(text) => {
                    let result = scenario::parse(&text, &p.display().to_string());
                    (text, result)
                }
                Err(e) => (String::new(), Err(e)),
            };
            Entry {
                origin: Origin::File(p),
                text,
                result,
            }
        })
        .collect()
}

/// The regular `.toml` files of a folder (never a FIFO or a device: they
/// are not even opened), sorted.
fn user_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && crate::files::is_regular(p))
        .collect();
    files.sort();
    files
}
