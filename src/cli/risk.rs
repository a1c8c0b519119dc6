//! The risk commands' arguments: `effekt risk`, `effekt tornado`,
//! `effekt solve`. The texts and JSON they print are in `crate::report`
//! (`risk.rs`, `tornado.rs`, `solve.rs`); the JSON keys are documented in
//! `docs/risk.md`.

use rust_decimal::Decimal;

use super::{Failure, Output, ScenarioArgs, exit, number};
use crate::format::Lang;
use crate::i18n::cli as texts;
use crate::report;
use crate::risk::{self, Figure, Goal, Settings, SolveError};

/// Exit code of `solve` when the target is out of reach.
pub const EXIT_UNREACHABLE: u8 = exit::UNREACHABLE;

/// `effekt risk FILE [--draws N] [--seed S] [--set ID=VALUE]... [--json]`
pub fn risk(
    lang: Lang,
    out: &mut Output,
    scenario: &ScenarioArgs,
    draws: Option<u32>,
    seed: Option<u64>,
    json: bool,
) -> Result<u8, Failure> {
    let s = scenario.open(lang)?;
    let mut settings = Settings::from_scenario(&s);
    if let Some(n) = draws {
        settings.draws = n;
    }
    if let Some(seed) = seed {
        settings.seed = seed;
    }
    let sim = risk::simulate_quiet(&s, &settings);
    if json {
        out.json(&report::risk_json(&s, &settings, &sim))?;
    } else {
        out.text(&report::risk_text(lang, &s, &settings, &sim))?;
    }
    Ok(exit::OK)
}

/// `effekt tornado FILE [--set ID=VALUE]... [--json]`
pub fn tornado(
    lang: Lang,
    out: &mut Output,
    scenario: &ScenarioArgs,
    json: bool,
) -> Result<u8, Failure> {
    let s = scenario.open(lang)?;
    let t = risk::tornado(&s);
    if json {
        out.json(&report::tornado_json(&s, &t))?;
    } else {
        out.text(&report::tornado_text(lang, &s, &t))?;
    }
    Ok(exit::OK)
}

/// Parses `--for FIGURE=VALUE`.
fn parse_for(lang: Lang, text: &str) -> Result<(Figure, Decimal), Failure> {
    let (id, value) = text
        .split_once('=')
        .ok_or_else(|| Failure::Input(texts::for_syntax(lang, text)))?;
    let id = id.trim();
    let figure = Figure::from_id(id).ok_or_else(|| {
        let ids: Vec<&str> = Figure::ALL.iter().map(|f| f.id()).collect();
        let suggestion = crate::scenario::suggest(id, &ids);
        Failure::Input(texts::unknown_figure(lang, id, suggestion, &ids))
    })?;
    let value = number(lang, &format!("--for {id}"), value)?;
    Ok((figure, value))
}

/// Parses `--at achievement=X` (or just `X`).
fn parse_at(lang: Lang, text: &str) -> Result<Decimal, Failure> {
    let value = match text.split_once('=') {
        Some((key, value)) if key.trim() == "achievement" => value,
        Some((key, _)) => return Err(Failure::Input(texts::at_syntax(lang, key.trim()))),
        None => text,
    };
    number(lang, "--at", value)
}

/// `effekt solve FILE --lever ID --for FIGURE=VALUE [--at achievement=X] [--set …] [--json]`
pub fn solve(
    lang: Lang,
    out: &mut Output,
    scenario: &ScenarioArgs,
    lever: &str,
    for_: &str,
    at: Option<&str>,
    json: bool,
) -> Result<u8, Failure> {
    let (figure, target) = parse_for(lang, for_)?;
    let achievement = at.map(|a| parse_at(lang, a)).transpose()?;
    let s = scenario.open(lang)?;
    let goal = Goal {
        lever: lever.to_string(),
        figure,
        target,
        achievement,
        tolerance: None,
    };
    let result = risk::solve(&s, &goal);
    let code = match &result {
        Ok(_) => exit::OK,
        Err(SolveError::Unreachable(_)) => exit::UNREACHABLE,
        Err(e) => return Err(Failure::Input(crate::i18n::errors::solve_error(lang, e))),
    };
    if json {
        out.json(&report::solve_json(&s, &goal, &result))?;
    } else {
        out.text(&report::solve_text(lang, &s, &goal, &result))?;
    }
    Ok(code)
}
