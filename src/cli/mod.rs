//! The command-line commands. Each returns `Ok(exit code)` or a
//! [`Failure`], which [`finish`] prints — the one place errors are
//! printed — and turns into the exit code (see [`exit`] and
//! `docs/cli.md`). Output goes through the one writer in [`output`].
//!
//! - [`annex`](mod@annex): `annex` (the contract annex, Markdown or docx);
//! - [`commands`]: `check`, `calc`, `sweep`, `list`, `levers`;
//! - [`variants`](mod@variants): `save`, `variants`, `delete`, `restore`,
//!   `report`;
//! - [`risk`]: `risk`, `tornado`, `solve` (argument handling; the texts and
//!   JSON are in `crate::report`);
//! - [`new`](mod@new): `new` (a scenario to fill in) and `schema` (the
//!   format's JSON Schema);
//! - [`help`]: parsing the command line with clap, `--help` and clap's
//!   errors in the user's language.

pub mod annex;
mod business_case;
pub mod commands;
pub mod help;
pub mod new;
pub mod output;
pub mod risk;
pub mod variants;

pub use annex::{AnnexArgs, AnnexFormat, annex};
pub use business_case::business_case;
pub use commands::{calc, check, levers, list, sweep};
pub use new::{NewArgs, new, schema};
pub use output::Output;
pub use variants::{ReportFormat, SaveArgs, delete, report, restore, save, variants};

use std::io;

use rust_decimal::Decimal;

use crate::catalog::{self, Loaded, OpenError};
use crate::format::{self, Lang};
use crate::i18n::cli as texts;
use crate::levers::{self, LeverError};
use crate::scenario::{LoadError, Scenario};
use crate::store;

/// The most variants a report or comparison shows beside the base.
pub use crate::report::MAX_VARIANTS;

/// The exit codes, as `docs/cli.md` documents them.
pub mod exit {
    /// The command did what was asked.
    pub const OK: u8 = 0;
    /// Input was refused (a broken scenario, a value out of range, a
    /// missing variant) or a file could not be read or written.
    pub const INPUT: u8 = 1;
    /// The command line cannot be run as written (unknown command or
    /// option, a missing argument, a value an option does not take).
    pub const USAGE: u8 = 2;
    /// `solve`: no value in the lever's range reaches the target.
    pub const UNREACHABLE: u8 = 3;
}

/// Why a command did not finish; [`finish`] prints it.
#[derive(Debug)]
pub enum Failure {
    /// A scenario could not be opened (exit 1).
    Open(OpenError),
    /// Input was refused or a file operation failed; the message is in the
    /// user's language (exit 1).
    Input(String),
    /// The command line cannot be run as written; the message is in the
    /// user's language (exit 2).
    Usage(String),
    /// The variant store refused or failed (exit 1).
    Store(store::StoreError),
    /// Errors were printed already (exit 1), e.g. by `check`.
    Reported,
    /// The reader of standard output went away, as `head` does: nothing
    /// more to say (exit 0).
    Closed,
    /// Standard output could not be written (exit 1).
    Output(io::Error),
}

impl Failure {
    /// A failed write to standard output.
    pub fn from_write(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::Closed
        } else {
            Failure::Output(e)
        }
    }

    /// The exit code.
    pub fn code(&self) -> u8 {
        match self {
            Failure::Closed => exit::OK,
            Failure::Usage(_) => exit::USAGE,
            Failure::Open(_)
            | Failure::Input(_)
            | Failure::Store(_)
            | Failure::Reported
            | Failure::Output(_) => exit::INPUT,
        }
    }

    /// Prints the failure on standard error.
    fn report(&self, lang: Lang) {
        match self {
            Failure::Open(e) => print_open_error(lang, e),
            Failure::Input(text) | Failure::Usage(text) => output::error(lang, text),
            Failure::Store(e) => output::error(lang, &crate::i18n::errors::store_error(lang, e)),
            Failure::Output(e) => output::error(lang, &texts::stdout_failed(lang, e)),
            Failure::Reported | Failure::Closed => {}
        }
    }
}

impl From<OpenError> for Failure {
    fn from(e: OpenError) -> Self {
        Failure::Open(e)
    }
}

/// Ends a command: writes out what is buffered, prints the failure if
/// there is one (the one place errors are printed) and returns the exit
/// code.
pub fn finish(lang: Lang, mut out: Output, result: Result<u8, Failure>) -> std::process::ExitCode {
    let result = result.and_then(|code| out.flush().map(|()| code));
    let code = match result {
        Ok(code) => code,
        Err(f) => {
            let _ = out.flush();
            f.report(lang);
            f.code()
        }
    };
    std::process::ExitCode::from(code)
}

/// Writes a file the user named ([`crate::files::write_output`]); a
/// refusal says which file and why, in the user's language.
pub fn write_named(lang: Lang, path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    crate::files::write_output(path, bytes)
        .map(drop)
        .map_err(|e| cannot_write(lang, path, &e))
}

/// Why a file the user named could not be written.
pub fn cannot_write(lang: Lang, path: &std::path::Path, e: &crate::files::FileError) -> Failure {
    Failure::Input(texts::cannot_write(
        lang,
        path,
        &crate::i18n::errors::file_error(lang, e),
    ))
}

/// Prints why a scenario file could not be loaded: every error with its
/// `FILE:LINE:COL`, in the user's language. The one place loading errors
/// are printed.
pub fn print_load_error(lang: Lang, err: &LoadError) {
    output::stderr(&crate::i18n::errors::load_error(lang, err));
}

/// Prints why a scenario named on the command line could not be opened.
pub fn print_open_error(lang: Lang, err: &OpenError) {
    match err {
        OpenError::Invalid(e) => print_load_error(lang, e),
        OpenError::Unknown { .. } => output::error(lang, &texts::unknown_scenario(lang, err)),
    }
}

/// A refused lever value, in the user's language.
pub fn lever_error(lang: Lang, err: &LeverError) -> String {
    crate::i18n::errors::lever_error(lang, err)
}

/// Reads a number typed on the command line (`--set`, `--from`, …) by the
/// language's rules ([`format::parse_number`]); `what` names the option.
pub fn number(lang: Lang, what: &str, text: &str) -> Result<Decimal, Failure> {
    format::parse_number(lang, text).map_err(|e| {
        Failure::Input(format!(
            "{what}: {}",
            crate::i18n::errors::number_error(lang, &e)
        ))
    })
}

/// Applies `--set ID=VALUE` options in order.
pub fn apply_sets(lang: Lang, s: Scenario, sets: &[String]) -> Result<Scenario, Failure> {
    let mut s = s;
    for set in sets {
        let (id, value) = set
            .split_once('=')
            .ok_or_else(|| Failure::Input(texts::set_syntax(lang, set)))?;
        let id = id.trim();
        let value = number(lang, &format!("--set {}", format::excerpt(id)), value)?;
        s = levers::set(&s, id, value)
            .map_err(|e| Failure::Input(format!("--set: {}", lever_error(lang, &e))))?;
    }
    Ok(s)
}

/// Which scenario a command works on: a file or id, a saved variant to
/// start from, then `--set` options (shared by `calc`, `sweep`, `risk`,
/// `tornado` and `solve`).
#[derive(Debug, Clone, clap::Args)]
pub struct ScenarioArgs {
    /// Scenario file (or scenario id, as `effekt list` shows).
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Start from a saved variant of the scenario (`effekt variants FILE` lists them).
    #[arg(long, value_name = "NAME")]
    pub variant: Option<String>,
    /// Set a lever, e.g. `--set achievement=0.8`, after the variant (repeatable).
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub sets: Vec<String>,
}

impl ScenarioArgs {
    /// The scenario with the variant and `--set` options applied; what did
    /// not fit the variant is said on standard error.
    pub fn open(&self, lang: Lang) -> Result<Scenario, Failure> {
        let loaded = catalog::open(&self.file)?;
        let start = match &self.variant {
            None => loaded.scenario.clone(),
            Some(name) => load_variant(lang, &loaded, name)?.scenario,
        };
        apply_sets(lang, start, &self.sets)
    }
}

/// The user's variant store.
fn open_store() -> Result<store::Store, Failure> {
    Ok(store::Store::open_default()?)
}

/// Says which files of a listing were skipped, and why.
fn note_skipped(lang: Lang, problems: &[(std::path::PathBuf, store::ReadProblem)]) {
    for (path, p) in problems {
        output::note(
            lang,
            &texts::skipped(lang, path, &crate::i18n::errors::read_problem(lang, p)),
        );
    }
}

/// Finds saved variants of the loaded scenario by name, telling the user
/// which variants exist when one is not there (and, once, which files were
/// skipped).
fn find_variants(
    lang: Lang,
    loaded: &Loaded,
    names: &[String],
) -> Result<Vec<store::Variant>, Failure> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let store = open_store()?;
    let id = &loaded.scenario.info.id;
    let scan = store.scan(id);
    note_skipped(lang, &scan.problems);
    names
        .iter()
        .map(|name| {
            scan.find(name)
                .map(|(_, v)| v)
                .map_err(|e| missing(lang, &store, id, &scan, &e))
        })
        .collect()
}

/// A variant that is not saved: the error, with the variants that are.
fn missing(
    lang: Lang,
    store: &store::Store,
    id: &str,
    scan: &store::Scan,
    e: &store::StoreError,
) -> Failure {
    let names: Vec<&str> = scan.variants.iter().map(|(_, v)| v.name.as_str()).collect();
    Failure::Input(texts::variant_missing(
        lang,
        &crate::i18n::errors::store_error(lang, e),
        id,
        &names,
        store.dir(),
    ))
}

/// Finds a saved variant and applies it, saying what did not fit.
fn load_variant(lang: Lang, loaded: &Loaded, name: &str) -> Result<store::Applied, Failure> {
    let v = find_variants(lang, loaded, &[name.to_string()])?.remove(0);
    let applied = store::apply(&v, loaded);
    for p in applied.issues() {
        let text = crate::i18n::errors::variant_problem(lang, &p);
        output::warn(lang, &texts::of_variant(lang, &v.name, &text));
    }
    Ok(applied)
}

/// `effekt FILE COMMAND …`: a scenario to open and a command at once.
pub fn file_and_command(lang: Lang, file: &str) -> Failure {
    Failure::Usage(texts::file_and_command(lang, file))
}

/// `effekt [FILE]`: the workshop TUI (see `docs/tui.md`). The scenario is
/// opened here first, so that a wrong name gets the same message as in
/// every other command.
pub fn workshop(
    lang: Option<Lang>,
    file: Option<&str>,
    commands: &[String],
) -> Result<u8, Failure> {
    if let Some(name) = file {
        catalog::open(name).map_err(|e| match e {
            OpenError::Unknown {
                ref name,
                suggestion: None,
                ..
            } => match help::command_like(name, commands) {
                Some(cmd) => Failure::Usage(texts::did_you_mean_command(
                    lang.unwrap_or_default(),
                    &e,
                    cmd,
                )),
                None => Failure::Open(e),
            },
            e => Failure::Open(e),
        })?;
    }
    Ok(crate::tui::run(lang, file))
}
