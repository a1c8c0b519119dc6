//! The command-line commands. Each returns the process exit code:
//! 0 success, 1 an invalid scenario or a refused value.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::catalog::{self, Loaded, Origin};
use crate::format::Lang;
use crate::scenario::Scenario;
use crate::{i18n, levers, model, report, store};

/// `effekt check FILE...`
pub fn check(files: &[String]) -> u8 {
    let mut failed = false;
    for f in files {
        match catalog::open(f) {
            Ok(_) => println!("{f}: ok"),
            Err(e) => {
                failed = true;
                eprintln!("{e}");
            }
        }
    }
    u8::from(failed)
}

/// Parses a lever value: a decimal, optionally with `%` (then divided by 100).
pub fn parse_value(text: &str) -> Result<Decimal, String> {
    let t = text.trim().replace('_', "");
    let (t, percent) = match t.strip_suffix('%') {
        Some(rest) => (rest.trim().to_string(), true),
        None => (t, false),
    };
    let v = Decimal::from_str(&t)
        .or_else(|_| Decimal::from_scientific(&t))
        .map_err(|_| format!("`{text}` is not a number"))?;
    Ok(if percent { v / Decimal::ONE_HUNDRED } else { v })
}

/// Applies `--set ID=VALUE` options in order.
pub fn apply_sets(s: Scenario, sets: &[String]) -> Result<Scenario, String> {
    let mut s = s;
    for set in sets {
        let (id, value) = set
            .split_once('=')
            .ok_or_else(|| format!("--set `{set}`: write ID=VALUE, e.g. achievement=0.8"))?;
        let value = parse_value(value).map_err(|e| format!("--set {id}: {e}"))?;
        s = levers::set(&s, id.trim(), value).map_err(|e| format!("--set: {e}"))?;
    }
    Ok(s)
}

/// Which scenario a command works on: a file or bundled id, a saved
/// variant to start from, then `--set` options (shared by `calc`, `sweep`,
/// `risk`, `tornado` and `solve`).
#[derive(Debug, Clone, clap::Args)]
pub struct ScenarioArgs {
    /// Scenario file (or bundled id).
    pub file: String,
    /// Start from a saved variant of the scenario (`effekt variants FILE` lists them).
    #[arg(long, value_name = "NAME")]
    pub variant: Option<String>,
    /// Set a lever, e.g. `--set achievement=0.8`, after the variant (repeatable).
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub sets: Vec<String>,
}

impl ScenarioArgs {
    /// The scenario with the variant and `--set` options applied, or the
    /// errors on standard error (then the exit code).
    pub fn open(&self) -> Result<Scenario, u8> {
        open_with_sets(&self.file, self.variant.as_deref(), &self.sets).map(|(_, s)| s)
    }
}

/// Opens a scenario, applies a saved variant and then `--set` options.
pub(crate) fn open_with_sets(
    file: &str,
    variant: Option<&str>,
    sets: &[String],
) -> Result<(Loaded, Scenario), u8> {
    let loaded = open_loaded(file)?;
    let start = match variant {
        None => loaded.scenario.clone(),
        Some(name) => load_variant(&loaded, name)?.scenario,
    };
    let s = apply_sets(start, sets).map_err(|e| {
        eprintln!("error: {e}");
        1
    })?;
    Ok((loaded, s))
}

/// The user's variant store, or the reason on standard error.
fn open_store() -> Result<store::Store, u8> {
    store::Store::open_default().map_err(|e| {
        eprintln!("error: {e}");
        1
    })
}

/// A scenario by file or bundled id, or its errors on standard error.
fn open_loaded(file: &str) -> Result<Loaded, u8> {
    catalog::open(file).map_err(|e| {
        eprintln!("{e}");
        1
    })
}

/// Finds a saved variant of the loaded scenario, telling the user which
/// variants exist when it is not there.
fn find_variant(loaded: &Loaded, name: &str) -> Result<store::Variant, u8> {
    let store = open_store()?;
    let id = &loaded.scenario.info.id;
    let listing = store.list(id);
    for (path, reason) in &listing.problems {
        eprintln!("note: skipped {}: {reason}", path.display());
    }
    store.find(id, name).map(|(_, v)| v).map_err(|e| {
        let names: Vec<&str> = listing
            .variants
            .iter()
            .map(|(_, v)| v.name.as_str())
            .collect();
        if names.is_empty() {
            eprintln!(
                "error: {e}; scenario \"{id}\" has no saved variants in {}",
                store.dir().display()
            );
        } else {
            eprintln!(
                "error: {e}; saved variants of \"{id}\": {}",
                names.join(", ")
            );
        }
        1
    })
}

/// Finds a saved variant and applies it, printing what did not fit.
fn load_variant(loaded: &Loaded, name: &str) -> Result<store::Applied, u8> {
    let v = find_variant(loaded, name)?;
    let applied = store::apply(&v, loaded);
    for p in applied.problems() {
        eprintln!("warning: variant \"{}\": {p}", v.name);
    }
    Ok(applied)
}

/// `effekt calc FILE [--variant NAME] [--set ID=VALUE]... [--json]`
pub fn calc(lang: Lang, scenario: &ScenarioArgs, json: bool) -> u8 {
    let Ok(s) = scenario.open() else {
        return 1;
    };
    let figures = model::figures(&s);
    if json {
        let v = report::calc_json(&s, &figures, lang);
        match serde_json::to_string_pretty(&v) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return 1;
            }
        }
    } else {
        print!("{}", report::summary(lang, &s, &figures));
    }
    0
}

/// `effekt sweep FILE --lever ID --from X --to Y --steps N [--set …]`
pub fn sweep(scenario: &ScenarioArgs, lever: &str, from: &str, to: &str, steps: u32) -> u8 {
    let Ok(s) = scenario.open() else {
        return 1;
    };
    let (from, to) = match (parse_value(from), parse_value(to)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    if steps == 0 || steps > 10_000 {
        eprintln!("error: --steps {steps}: allowed 1 to 10000");
        return 1;
    }
    match report::sweep(&s, lever, from, to, steps) {
        Ok(rows) => {
            for r in &rows {
                if let Err(e) = &r.figures {
                    eprintln!("note: {e}");
                }
            }
            print!("{}", report::sweep_csv(lever, &rows));
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

/// `effekt list`
pub fn list(lang: Lang) -> u8 {
    let mut rows = Vec::new();
    for e in catalog::entries() {
        let place = match &e.origin {
            Origin::Bundled(_) => match lang {
                Lang::Nb => "innebygd".to_string(),
                Lang::En => "bundled".to_string(),
            },
            Origin::File(p) => p.display().to_string(),
        };
        match e.result {
            Ok(s) => rows.push(vec![s.info.id, s.info.title, place]),
            Err(err) => {
                let n = err.diagnostics.len();
                let msg = match lang {
                    Lang::Nb => format!("(ugyldig: {n} feil; kjør effekt check)"),
                    Lang::En => format!("(invalid: {n} errors; run effekt check)"),
                };
                rows.push(vec!["-".into(), msg, place]);
            }
        }
    }
    print!("{}", report::table_left(&rows));
    if let Some(dir) = catalog::user_scenario_dir() {
        match lang {
            Lang::Nb => println!("\nDin scenariomappe: {}", dir.display()),
            Lang::En => println!("\nYour scenario folder: {}", dir.display()),
        }
    }
    0
}

/// `effekt levers FILE`
pub fn levers(lang: Lang, file: &str) -> u8 {
    let Ok((_, s)) = open_with_sets(file, None, &[]) else {
        return 1;
    };
    let shown: Vec<String> = levers::shown(&s).into_iter().map(|l| l.id).collect();
    let mut rows = vec![vec![
        "id".to_string(),
        "value".into(),
        "min".into(),
        "max".into(),
        "step".into(),
        "shown".into(),
        String::new(),
    ]];
    for l in levers::available(&s) {
        rows.push(vec![
            l.id.clone(),
            crate::format::plain(l.value),
            crate::format::plain(l.min),
            crate::format::plain(l.max),
            crate::format::plain(l.step),
            if shown.contains(&l.id) { "yes" } else { "no" }.into(),
            i18n::lever_label(lang, &s, &l),
        ]);
    }
    print!("{}", report::table_left(&rows));
    0
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
}

pub use crate::report::MAX_VARIANTS;

/// `effekt report FILE [--variant A]... [--format md|csv|json] [-o PATH]`
pub fn report(
    lang: Lang,
    file: &str,
    variant_names: &[String],
    format: ReportFormat,
    output: Option<&std::path::Path>,
) -> u8 {
    let Ok(loaded) = open_loaded(file) else {
        return 1;
    };
    if variant_names.len() > MAX_VARIANTS {
        eprintln!("error: at most {MAX_VARIANTS} variants in one report");
        return 1;
    }
    let mut variants = Vec::new();
    for name in variant_names {
        match find_variant(&loaded, name) {
            Ok(v) => variants.push(v),
            Err(code) => return code,
        }
    }
    let cols = report::columns(&loaded, &variants);
    for c in &cols {
        for p in &c.problems {
            eprintln!(
                "warning: variant \"{}\": {p}",
                c.variant.as_deref().unwrap_or_default()
            );
        }
    }
    let text = match format {
        ReportFormat::Md => report::markdown(lang, &loaded, &cols),
        ReportFormat::Csv => report::csv(lang, &cols),
        ReportFormat::Json => {
            serde_json::to_string_pretty(&report::json(lang, &loaded, &cols)).unwrap_or_default()
                + "\n"
        }
    };
    match output {
        None => {
            print!("{text}");
            0
        }
        Some(path) => match store::write_atomic(path, &text) {
            Ok(()) => {
                eprintln!("{}", path.display());
                0
            }
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        },
    }
}

/// `effekt save FILE NAME [--set ID=VALUE]... [--note TEXT] [--force]`
pub fn save(file: &str, name: &str, sets: &[String], note: Option<&str>, force: bool) -> u8 {
    let Ok((loaded, s)) = open_with_sets(file, None, sets) else {
        return 1;
    };
    let Ok(store) = open_store() else {
        return 1;
    };
    let mut v = store::Variant::from_current(name, &loaded, &s);
    if let Some(text) = note {
        v.notes.push(store::Note {
            at: v.created.clone(),
            text: text.trim().to_string(),
        });
    }
    match store.save(&v, force) {
        Ok(path) => {
            println!("{}", path.display());
            0
        }
        Err(e @ store::StoreError::Exists { .. }) => {
            eprintln!("error: {e}; add --force to replace it");
            1
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

/// `effekt variants FILE`
pub fn variants(lang: Lang, file: &str) -> u8 {
    let Ok(loaded) = open_loaded(file) else {
        return 1;
    };
    let Ok(store) = open_store() else {
        return 1;
    };
    let listing = store.list(&loaded.scenario.info.id);
    for (path, reason) in &listing.problems {
        eprintln!("note: skipped {}: {reason}", path.display());
    }
    if listing.variants.is_empty() {
        match lang {
            Lang::Nb => println!("Ingen lagrede varianter i {}", store.dir().display()),
            Lang::En => println!("No saved variants in {}", store.dir().display()),
        }
        return 0;
    }
    let hash = store::scenario_hash(&loaded.text);
    for (path, v) in &listing.variants {
        let changed = if v.scenario_hash == hash {
            ""
        } else {
            match lang {
                Lang::Nb => "  (scenariofilen er endret siden lagring)",
                Lang::En => "  (the scenario file changed since it was saved)",
            }
        };
        println!("{}  [{}]{changed}", v.name, path.display());
        for (id, value) in &v.levers {
            println!("    {id} = {}", crate::format::plain(*value));
        }
        for n in &v.notes {
            println!("    {}: {}", n.at, n.text);
        }
    }
    0
}

/// `effekt [FILE]`: the workshop TUI (see `docs/tui.md`).
pub fn workshop(lang: Option<Lang>, file: Option<&str>) -> u8 {
    crate::tui::run(lang, file)
}
