//! `effekt annex FILE [--variant NAME] [--site ID] [--format md|docx]
//! [-o PATH]`: the payment mechanism as a contract annex
//! (`crate::report::annex`), in Markdown or as a `.docx`.

use std::path::{Path, PathBuf};

use super::{Failure, Output, exit, load_variant, output, write_named};
use crate::catalog;
use crate::format::Lang;
use crate::i18n::annex as words;
use crate::report::annex::{self, Request};

/// The formats of `effekt annex`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AnnexFormat {
    /// Markdown.
    Md,
    /// A Word document (needs `-o`).
    Docx,
}

/// What `effekt annex` is asked to write.
#[derive(Debug, Clone, clap::Args)]
pub struct AnnexArgs {
    /// Scenario file (or scenario id, as `effekt list` shows).
    #[arg(value_name = "FILE")]
    pub file: String,
    /// The terms of a saved variant instead of the scenario's own.
    #[arg(long, value_name = "NAME")]
    pub variant: Option<String>,
    /// The annex of one municipality's agreement (an id of `[[sites]]`).
    #[arg(long, value_name = "ID")]
    pub site: Option<String>,
    /// Format (default: docx when PATH ends in `.docx`, else md).
    #[arg(long, value_enum)]
    pub format: Option<AnnexFormat>,
    /// Write to this file instead of standard output (`-` is standard
    /// output); its folder must exist.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// `effekt annex …`
pub fn annex(lang: Lang, out: &mut Output, args: &AnnexArgs) -> Result<u8, Failure> {
    let path: Option<&Path> = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let by_name = path
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let format = args.format.unwrap_or(if by_name {
        AnnexFormat::Docx
    } else {
        AnnexFormat::Md
    });
    if format == AnnexFormat::Docx && path.is_none() {
        return Err(Failure::Usage(words::docx_needs_file(lang)));
    }
    let loaded = catalog::open(&args.file)?;
    let scenario = match &args.variant {
        None => loaded.scenario.clone(),
        Some(name) => load_variant(lang, &loaded, name)?.scenario,
    };
    let site = match &args.site {
        None => None,
        Some(id) => Some(scenario.site_index(id).ok_or_else(|| {
            let ids: Vec<&str> = scenario.sites.iter().map(|s| s.id.as_str()).collect();
            Failure::Input(words::unknown_site(lang, id, &ids))
        })?),
    };
    let doc = annex::build(&Request {
        lang,
        loaded: &loaded,
        scenario: &scenario,
        variant: args.variant.as_deref(),
        site,
    });
    match path {
        None => out.text(&annex::markdown(&doc))?,
        Some(path) => {
            let bytes = match format {
                AnnexFormat::Md => annex::markdown(&doc).into_bytes(),
                AnnexFormat::Docx => annex::docx(&doc).map_err(Failure::Output)?,
            };
            write_named(lang, path, &bytes)?;
            output::stderr(&words::written(lang, &path.display().to_string()));
        }
    }
    Ok(exit::OK)
}
