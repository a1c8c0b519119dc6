//! The printed and JSON results of `effekt solve` (goal seek).

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::json::dec;
use super::risk::scenario_json;
use crate::format::{self, Lang};
use crate::i18n;
use crate::levers::Lever;
use crate::risk::{self, Figure, Goal, SolveError};
use crate::scenario::Scenario;

/// The JSON of `effekt solve --json`.
pub fn solve_json(s: &Scenario, goal: &Goal, result: &Result<risk::Solution, SolveError>) -> Value {
    let mut v = json!({
        "scenario": scenario_json(s),
        "lever": goal.lever,
        "figure": goal.figure.id(),
        "target": dec(goal.target),
    });
    let extra = match result {
        Ok(sol) => json!({
            "solved": true,
            "tolerance": dec(sol.tolerance),
            "achievement": dec(sol.achievement),
            "current_value": dec(sol.lever.value),
            "min": dec(sol.lever.min),
            "max": dec(sol.lever.max),
            "value": dec(sol.value),
            "figure_value": dec(sol.figure_value),
            "best": Value::Null,
            "range": Value::Null,
            "jump": Value::Null,
        }),
        Err(SolveError::Unreachable(m)) => json!({
            "solved": false,
            "tolerance": dec(m.tolerance),
            "achievement": dec(m.achievement),
            "current_value": dec(m.lever.value),
            "min": dec(m.lever.min),
            "max": dec(m.lever.max),
            "value": Value::Null,
            "figure_value": Value::Null,
            "best": m.best.map(|(v, f)| json!({ "value": dec(v), "figure_value": dec(f) })),
            "range": m.range.map(|(lo, hi)| json!({ "min": dec(lo), "max": dec(hi) })),
            "jump": m.jump.map(|(a, b)| json!({ "from": dec(a), "to": dec(b) })),
        }),
        Err(e) => json!({ "solved": false, "error": e.to_string() }),
    };
    if let (Value::Object(map), Value::Object(more)) = (&mut v, extra) {
        map.extend(more);
    }
    v
}

/// The readable output of `effekt solve`.
pub fn solve_text(
    lang: Lang,
    s: &Scenario,
    goal: &Goal,
    result: &Result<risk::Solution, SolveError>,
) -> String {
    let t = i18n::texts(lang);
    let cur = &s.info.currency;
    let fig = |v| i18n::figure_text(lang, cur, goal.figure, v);
    let name = i18n::figure_name(lang, goal.figure);
    let at = |a| match goal.figure {
        Figure::PNoisePayment => t.at_zero_effect.to_string(),
        _ => i18n::at_achievement(lang, &format::percent(lang, a, 0)),
    };
    let mut out = String::new();
    match result {
        Ok(sol) => {
            let value = |v| i18n::lever_value(lang, s, &sol.lever, v);
            out.push_str(&format!("{}: ", t.solve_title));
            out.push_str(&i18n::solve_found(
                lang,
                &i18n::lever_label(lang, s, &sol.lever),
                &precise_value(lang, s, &sol.lever, sol.value),
                name,
                &fig(sol.figure_value),
                &fig(goal.target),
                &at(sol.achievement),
            ));
            out.push('\n');
            out.push_str(&format!(
                "  {} {}: {}; {} ±{}\n",
                t.lever,
                t.now,
                value(sol.lever.value),
                t.tolerance,
                tolerance_text(lang, cur, goal.figure, sol.tolerance)
            ));
        }
        Err(SolveError::Unreachable(m)) => {
            let value = |v| precise_value(lang, s, &m.lever, v);
            out.push_str(&format!("{}: ", t.solve_title));
            out.push_str(&i18n::solve_missed(
                lang,
                &i18n::lever_label(lang, s, &m.lever),
                (&value(m.lever.min), &value(m.lever.max)),
                name,
                &fig(m.target),
                &at(m.achievement),
            ));
            out.push('\n');
            let range = m.range.map(|(lo, hi)| (fig(lo), fig(hi)));
            let best = m.best.map(|(v, f)| (value(v), fig(f)));
            let jump = m.jump.map(|(a, b)| (value(a), value(b)));
            for line in i18n::solve_miss_details(
                lang,
                range.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                best.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                jump.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
            ) {
                out.push_str(&format!("  {line}\n"));
            }
        }
        Err(e) => out.push_str(&format!("{}\n", i18n::errors::solve_error(lang, e))),
    }
    out
}

/// A solved lever value with enough digits to reproduce the figure.
fn precise_value(lang: Lang, s: &Scenario, lever: &Lever, v: Decimal) -> String {
    i18n::lever_value_precise(lang, s, lever, v)
}

fn tolerance_text(lang: Lang, currency: &str, figure: Figure, tol: Decimal) -> String {
    match figure {
        Figure::InvestorIrr | Figure::PNoisePayment => {
            let unit = i18n::texts(lang).percentage_points;
            format!(
                "{} {unit}",
                format::number(lang, tol * Decimal::ONE_HUNDRED, 3)
            )
        }
        Figure::InvestorMoic => format::number(lang, tol, 4),
        _ => format::money(lang, currency, tol),
    }
}
