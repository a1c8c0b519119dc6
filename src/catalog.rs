//! Where scenarios come from: the bundled ones (compiled into the binary)
//! and the user's scenario folder. Also the user's data folder, which the
//! environment variable `EFFEKT_DATA_DIR` overrides (tests use it).

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

/// Opens a scenario named on the command line: a file path, or the id of a
/// bundled scenario when no such file exists.
pub fn open(name: &str) -> Result<Loaded, LoadError> {
    let path = Path::new(name);
    if !path.exists()
        && let Some(b) = find_bundled(name)
    {
        return Ok(load_bundled(b));
    }
    let text = scenario::read_text(path)?;
    let scenario = scenario::parse(&text, &path.display().to_string())?;
    Ok(Loaded {
        scenario,
        text,
        origin: Origin::File(path.to_path_buf()),
    })
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
    if let Some(dir) = user_scenario_dir() {
        out.extend(user_files(&dir).into_iter().map(|p| {
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
        }));
    }
    out
}

fn user_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .collect();
    files.sort();
    files
}
