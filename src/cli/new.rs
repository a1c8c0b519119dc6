//! `effekt new` (a commented scenario to fill in, `crate::template`) and
//! `effekt schema` (the JSON Schema of the format, for editors).

use std::io;
use std::path::Path;

use super::{Failure, Output, exit, output};
use crate::catalog;
use crate::files::{self, FileError};
use crate::format::Lang;
use crate::i18n::template as words;
use crate::scenario;
use crate::template::{self, Start, TemplateError};

/// What `effekt new` is asked to write.
#[derive(Debug, Clone, clap::Args)]
pub struct NewArgs {
    /// The new scenario file; its folder must exist, and its name (without
    /// `.toml`) becomes the scenario's id.
    #[arg(value_name = "FILE")]
    pub file: std::path::PathBuf,
    /// Start from a scenario's values and comments: a bundled id (`effekt
    /// list` shows them) or a file. Without it: the empty template.
    #[arg(long, value_name = "ID")]
    pub from: Option<String>,
    /// Split the cohort over N `[[sites]]` entries, one per municipality
    /// of the pilot (1 to 357).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=357))]
    pub sites: Option<u32>,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `effekt new FILE [--from ID] [--sites N] [--force]`
pub fn new(lang: Lang, args: &NewArgs) -> Result<u8, Failure> {
    let from = match &args.from {
        None => None,
        Some(name) => Some(catalog::open(name)?),
    };
    let start = match &from {
        None => Start::Empty,
        Some(loaded) => Start::From(&loaded.text),
    };
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = template::render(
        lang,
        &template::id_for(&stem),
        start,
        args.sites.unwrap_or(0),
    )
    .map_err(|e| match e {
        TemplateError::HasSites(n) => Failure::Usage(words::has_sites(lang, n)),
        TemplateError::Invalid(e) => Failure::Open(e.into()),
    })?;
    // What is written is what `effekt check` accepts; anything else is a
    // defect of the template, said before a file is left behind.
    if let Err(e) = scenario::parse(&text, &args.file.display().to_string()) {
        return Err(Failure::Open(e.into()));
    }
    let path = args.file.as_path();
    let written = if args.force {
        files::write_output(path, text.as_bytes()).map(drop)
    } else {
        files::write_new(path, text.as_bytes())
    };
    written.map_err(|e| match e {
        FileError::Write(ref io) if io.kind() == io::ErrorKind::AlreadyExists => {
            Failure::Input(words::exists(lang, path))
        }
        e => super::cannot_write(lang, path, &e),
    })?;
    let from_name = args
        .from
        .clone()
        .unwrap_or_else(|| words::empty_name(lang).to_string());
    output::stderr(&words::written(lang, path, &from_name));
    Ok(exit::OK)
}

/// `effekt schema [-o PATH]`: the JSON Schema, printed or written.
pub fn schema(lang: Lang, out: &mut Output, path: Option<&Path>) -> Result<u8, Failure> {
    let text = scenario::json_schema_text();
    match path.filter(|p| p.as_os_str() != "-") {
        None => out.text(&text)?,
        Some(path) => {
            super::write_named(lang, path, text.as_bytes())?;
            output::stderr(&words::schema_written(lang, path));
        }
    }
    Ok(exit::OK)
}
