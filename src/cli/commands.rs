//! `effekt check`, `calc`, `sweep`, `list` and `levers`.

use rust_decimal::Decimal;

use super::{Failure, Output, ScenarioArgs, exit, lever_error, number, output, print_open_error};
use crate::catalog::{self, Origin};
use crate::format::{self, Lang};
use crate::i18n::{self, cli as texts};
use crate::{levers, model, report};

/// `effekt check FILE...`: `FILE: ok` per valid file, every error of every
/// other one; exit 1 if any is bad.
pub fn check(lang: Lang, out: &mut Output, files: &[String]) -> Result<u8, Failure> {
    let mut failed = false;
    for f in files {
        match catalog::open(f) {
            Ok(_) => out.line(&format!("{f}: ok"))?,
            Err(e) => {
                // What went to standard output so far comes first.
                out.flush()?;
                failed = true;
                print_open_error(lang, &e);
            }
        }
    }
    if failed {
        Err(Failure::Reported)
    } else {
        Ok(exit::OK)
    }
}

/// `effekt calc FILE [--variant NAME] [--set ID=VALUE]... [--json]`
pub fn calc(
    lang: Lang,
    out: &mut Output,
    scenario: &ScenarioArgs,
    json: bool,
) -> Result<u8, Failure> {
    let s = scenario.open(lang)?;
    let figures = model::figures(&s);
    if json {
        out.json(&report::calc_json(&s, &figures, lang))?;
    } else {
        out.text(&report::summary(lang, &s, &figures))?;
    }
    Ok(exit::OK)
}

/// `effekt sweep FILE --lever ID --from X --to Y [--steps N] [--set …]`
pub fn sweep(
    lang: Lang,
    out: &mut Output,
    scenario: &ScenarioArgs,
    lever: &str,
    range: (&str, &str),
    steps: u32,
) -> Result<u8, Failure> {
    let s = scenario.open(lang)?;
    let from: Decimal = number(lang, "--from", range.0)?;
    let to: Decimal = number(lang, "--to", range.1)?;
    let rows = report::sweep(&s, lever, from, to, steps)
        .map_err(|e| Failure::Input(lever_error(lang, &e)))?;
    for r in &rows {
        if let Err(e) = &r.figures {
            output::note(lang, &lever_error(lang, e));
        }
    }
    out.text(&report::sweep_csv(lever, &rows))?;
    Ok(exit::OK)
}

/// `effekt list`: the bundled scenarios and those in the user's folder,
/// with the id each is opened by.
pub fn list(lang: Lang, out: &mut Output) -> Result<u8, Failure> {
    let t = texts::texts(lang);
    let bundled_ids: Vec<&str> = catalog::BUNDLED
        .iter()
        .filter_map(|b| b.file_name.strip_suffix(".toml"))
        .collect();
    let mut rows = Vec::new();
    for e in catalog::entries() {
        let place = match &e.origin {
            Origin::Bundled(_) => t.bundled.to_string(),
            Origin::File(p) => p.display().to_string(),
        };
        match e.result {
            Ok(s) => {
                let mut title = crate::i18n::scenario_text::title(lang, &s).to_string();
                if matches!(e.origin, Origin::File(_)) && bundled_ids.contains(&s.info.id.as_str())
                {
                    title = format!("{title} {}", t.id_taken);
                }
                rows.push(vec![s.info.id, title, place]);
            }
            Err(err) => rows.push(vec![
                "-".into(),
                texts::invalid_entry(lang, err.diagnostics.len()),
                place,
            ]),
        }
    }
    out.text(&report::table_left(&rows))?;
    if let Some(dir) = catalog::user_scenario_dir() {
        out.line(&format!("\n{}: {}", t.your_folder, dir.display()))?;
    }
    Ok(exit::OK)
}

/// `effekt levers FILE`: every lever with its value, range and step.
pub fn levers(lang: Lang, out: &mut Output, file: &str) -> Result<u8, Failure> {
    let t = texts::texts(lang);
    let s = catalog::open(file)?.scenario;
    let shown: Vec<String> = levers::shown(&s).into_iter().map(|l| l.id).collect();
    let mut rows = vec![
        [t.id, t.value, t.min, t.max, t.step, t.shown, t.label]
            .iter()
            .map(|h| h.to_string())
            .collect::<Vec<_>>(),
    ];
    for l in levers::available(&s) {
        rows.push(vec![
            l.id.clone(),
            format::plain(l.value),
            format::plain(l.min),
            format::plain(l.max),
            format::plain(l.step),
            if shown.contains(&l.id) { t.yes } else { t.no }.into(),
            i18n::lever_label(lang, &s, &l),
        ]);
    }
    out.text(&report::table_left(&rows))?;
    Ok(exit::OK)
}
