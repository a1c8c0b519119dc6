//! `effekt save`, `variants`, `delete`, `restore` and `report`: saved
//! variants, the trash, and reports on them.

use std::path::Path;

use super::{
    Failure, MAX_VARIANTS, Output, apply_sets, exit, find_variants, missing, note_skipped,
    open_store, output,
};
use crate::catalog::{self, Loaded};
use crate::format::{self, Lang};
use crate::i18n::{self, cli as texts, errors};
use crate::report;
use crate::store::{self, Note, StoreError, Variant};

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

/// What `effekt save` was asked to do.
#[derive(Debug, Clone, clap::Args)]
pub struct SaveArgs {
    /// Scenario file (or scenario id, as `effekt list` shows).
    #[arg(value_name = "FILE")]
    pub file: String,
    /// The variant's name (one line).
    #[arg(value_name = "NAME")]
    pub name: String,
    /// A lever value, e.g. `--set threshold.absence=9.3` (repeatable).
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub sets: Vec<String>,
    /// A note to add to the variant.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Replace the levers of a saved variant of the same name (its notes
    /// and creation time are kept).
    #[arg(long, conflicts_with = "update")]
    pub force: bool,
    /// Change a saved variant: start from its levers, apply `--set`, keep
    /// its notes (and add `--note`).
    #[arg(long)]
    pub update: bool,
}

/// `effekt save FILE NAME [--set ID=VALUE]... [--note TEXT] [--force | --update]`
pub fn save(lang: Lang, out: &mut Output, args: &SaveArgs) -> Result<u8, Failure> {
    let loaded = catalog::open(&args.file)?;
    let store = open_store()?;
    let note = match &args.note {
        Some(text) => Some(Note {
            at: store::now(),
            text: store::check_note(text)?,
        }),
        None => None,
    };
    let id = loaded.scenario.info.id.clone();
    note_skipped(lang, &store.scan(&id).problems);
    let result = if args.update {
        store
            .update(&id, &args.name, |old| {
                let applied = store::apply(&old, &loaded);
                for p in applied.issues() {
                    let text = errors::variant_problem(lang, &p);
                    output::warn(lang, &texts::of_variant(lang, &old.name, &text));
                }
                let current = apply_sets(lang, applied.scenario, &args.sets)?;
                let mut v = Variant::from_current(&old.name, &loaded, &current);
                v.created = old.created;
                v.notes = old.notes;
                v.notes.extend(note);
                Ok(v)
            })
            .map(|(path, _)| path)
    } else {
        let current = apply_sets(lang, loaded.scenario.clone(), &args.sets)?;
        let mut v = Variant::from_current(&args.name, &loaded, &current);
        v.notes.extend(note);
        store.save(&v, args.force).map_err(Failure::from)
    };
    let path = result.map_err(|f| match f {
        Failure::Store(e @ StoreError::Exists { .. }) => {
            Failure::Input(texts::exists_hint(lang, &errors::store_error(lang, &e)))
        }
        Failure::Store(e @ StoreError::NotFound { .. }) if args.update => Failure::Input(
            texts::update_missing_hint(lang, &errors::store_error(lang, &e)),
        ),
        f => f,
    })?;
    out.line(&path.display().to_string())?;
    Ok(exit::OK)
}

/// `effekt variants FILE [--deleted]`: the saved variants, their levers
/// and notes; with `deleted`, those in the trash, newest first.
pub fn variants(lang: Lang, out: &mut Output, file: &str, deleted: bool) -> Result<u8, Failure> {
    let loaded = catalog::open(file)?;
    let store = open_store()?;
    let id = &loaded.scenario.info.id;
    if deleted {
        let trash = store.deleted(id);
        note_skipped(lang, &trash.problems);
        if trash.deleted.is_empty() {
            out.line(&texts::no_deleted(lang, &store.trash_dir(id)))?;
        }
        for d in &trash.deleted {
            let head = texts::deleted_at(lang, &d.variant.name, &d.deleted_at, &d.path);
            print_variant(out, &head, &d.variant)?;
        }
        return Ok(exit::OK);
    }
    let scan = store.scan(id);
    note_skipped(lang, &scan.problems);
    if scan.variants.is_empty() {
        out.line(&texts::no_variants(lang, store.dir()))?;
        return Ok(exit::OK);
    }
    let hash = store::scenario_hash(&loaded.text);
    for (path, v) in &scan.variants {
        let changed = if v.scenario_hash == hash {
            String::new()
        } else {
            format!("  ({})", i18n::variant(lang).scenario_changed)
        };
        let head = format!("{}  [{}]{changed}", v.name, path.display());
        print_variant(out, &head, v)?;
    }
    Ok(exit::OK)
}

/// A variant as `effekt variants` lists it: the head line, its levers and
/// its notes.
fn print_variant(out: &mut Output, head: &str, v: &Variant) -> Result<(), Failure> {
    out.line(head)?;
    for (id, value) in &v.levers {
        out.line(&format!("    {id} = {}", format::plain(*value)))?;
    }
    for n in &v.notes {
        out.line(&format!("    {}: {}", n.at, n.text))?;
    }
    Ok(())
}

/// `effekt delete FILE NAME`: moves a saved variant to the trash and
/// prints its path there.
pub fn delete(lang: Lang, out: &mut Output, file: &str, name: &str) -> Result<u8, Failure> {
    let loaded = catalog::open(file)?;
    let store = open_store()?;
    let id = &loaded.scenario.info.id;
    let scan = store.scan(id);
    note_skipped(lang, &scan.problems);
    let (_, v) = scan
        .find(name)
        .map_err(|e| missing(lang, &store, id, &scan, &e))?;
    let path = store.delete(id, &v.name).map_err(|e| match e {
        e @ StoreError::NotFound { .. } => missing(lang, &store, id, &store.scan(id), &e),
        e => Failure::Store(e),
    })?;
    out.line(&path.display().to_string())?;
    output::note(lang, &texts::moved_to_trash(lang, &v.name, file));
    Ok(exit::OK)
}

/// `effekt restore FILE NAME [--as NEW_NAME]`: brings the most recently
/// deleted variant of that name back from the trash and prints its path.
pub fn restore(
    lang: Lang,
    out: &mut Output,
    file: &str,
    name: &str,
    new_name: Option<&str>,
) -> Result<u8, Failure> {
    let loaded = catalog::open(file)?;
    let store = open_store()?;
    let id = &loaded.scenario.info.id;
    let (path, _) = store.restore(id, name, new_name).map_err(|e| match e {
        e @ StoreError::NotDeleted { .. } => {
            let trash = store.deleted(id);
            note_skipped(lang, &trash.problems);
            let names: Vec<&str> = trash
                .deleted
                .iter()
                .map(|d| d.variant.name.as_str())
                .collect();
            Failure::Input(texts::not_deleted_hint(
                lang,
                &errors::store_error(lang, &e),
                &names,
            ))
        }
        // The name is taken, or (from a planted file) refused as a name.
        e @ (StoreError::Exists { .. } | StoreError::BadName { .. }) if new_name.is_none() => {
            Failure::Input(texts::restore_as_hint(lang, &errors::store_error(lang, &e)))
        }
        e => Failure::Store(e),
    })?;
    out.line(&path.display().to_string())?;
    Ok(exit::OK)
}

/// The formats of `effekt report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown, for people.
    Md,
    /// CSV, one tidy table for spreadsheets.
    Csv,
    /// JSON, for programs.
    Json,
    /// A workbook of live formulas (needs `-o PATH`; one variant at most).
    Xlsx,
}

/// `effekt report FILE [--variant A]... [--format md|csv|json] [-o PATH]`
pub fn report(
    lang: Lang,
    out: &mut Output,
    file: &str,
    variant_names: &[String],
    format: ReportFormat,
    output_path: Option<&Path>,
) -> Result<u8, Failure> {
    if variant_names.len() > MAX_VARIANTS {
        return Err(Failure::Usage(texts::too_many_variants(lang, MAX_VARIANTS)));
    }
    if format == ReportFormat::Xlsx {
        return xlsx_report(lang, file, variant_names, output_path);
    }
    let loaded = catalog::open(file)?;
    let variants = find_variants(lang, &loaded, variant_names)?;
    let cols = report::columns(&loaded, &variants);
    for c in &cols {
        for p in &c.issues {
            let name = c.variant.as_deref().unwrap_or_default();
            let text = errors::variant_problem(lang, p);
            output::warn(lang, &texts::of_variant(lang, name, &text));
        }
    }
    match output_path.filter(|p| p.as_os_str() != "-") {
        None => match format {
            ReportFormat::Json => out.json(&report::json(lang, &loaded, &cols))?,
            ReportFormat::Md => out.text(&report::markdown(lang, &loaded, &cols))?,
            ReportFormat::Csv => out.text(&report::csv(lang, &cols))?,
            ReportFormat::Xlsx => unreachable!("written by xlsx_report"),
        },
        Some(path) => {
            let text = report_text(lang, &loaded, &cols, format)?;
            super::write_named(lang, path, text.as_bytes())?;
            output::stderr(&i18n::variant_text::exported(
                lang,
                &path.display().to_string(),
            ));
        }
    }
    Ok(exit::OK)
}

/// A report as the text of a file (the Markdown and CSV are sanitised by
/// `report`, the JSON here, as printed JSON is).
fn report_text(
    lang: Lang,
    loaded: &Loaded,
    cols: &[report::Column],
    format: ReportFormat,
) -> Result<String, Failure> {
    Ok(match format {
        ReportFormat::Md => report::markdown(lang, loaded, cols),
        ReportFormat::Csv => report::csv(lang, cols),
        ReportFormat::Xlsx => unreachable!("written by xlsx_report"),
        ReportFormat::Json => {
            let v = report::json(lang, loaded, cols);
            let text = serde_json::to_string_pretty(&v).map_err(|e| Failure::Output(e.into()))?;
            format::sanitize_json(&text).into_owned() + "\n"
        }
    })
}

/// `effekt report FILE [--variant NAME] --format xlsx -o PATH`: the
/// workbook of live formulas for the scenario or one variant.
fn xlsx_report(
    lang: Lang,
    file: &str,
    variant_names: &[String],
    output_path: Option<&Path>,
) -> Result<u8, Failure> {
    if variant_names.len() > 1 {
        return Err(Failure::Usage(texts::xlsx_one_variant(lang)));
    }
    let Some(path) = output_path.filter(|p| p.as_os_str() != "-") else {
        return Err(Failure::Usage(texts::xlsx_needs_output(lang)));
    };
    let loaded = catalog::open(file)?;
    let variants = find_variants(lang, &loaded, variant_names)?;
    let (scenario, title) = match variants.first() {
        Some(v) => {
            let applied = store::apply(v, &loaded);
            for p in applied.issues() {
                let text = errors::variant_problem(lang, &p);
                output::warn(lang, &texts::of_variant(lang, &v.name, &text));
            }
            let title = format!("{} — {}", loaded.scenario.info.title, v.name);
            (applied.scenario, title)
        }
        None => (loaded.scenario.clone(), loaded.scenario.info.title.clone()),
    };
    let bytes = report::xlsx::workbook(lang, &scenario, &title, report::xlsx::Cache::Values)
        .map_err(|e| Failure::Input(report::xlsx::refusal(lang, &e)))?;
    super::write_named(lang, path, &bytes)?;
    output::stderr(&i18n::variant_text::exported(
        lang,
        &path.display().to_string(),
    ));
    Ok(exit::OK)
}
