//! The risk commands: `effekt risk`, `effekt tornado`, `effekt solve`.
//! Each returns the process exit code: 0 success, 1 an invalid scenario or
//! argument, 3 (`solve` only) when no lever value reaches the target.
//! The JSON keys are documented in `docs/risk.md`.

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::format::{self, Lang};
use crate::levers::Lever;
use crate::risk::{
    self, AchievementDraw, Distribution, Figure, Goal, Histogram, Settings, Share, Side,
    Simulation, SolveError, Tornado,
};
use crate::scenario::Scenario;
use crate::{cli, i18n, report};

/// Exit code of `solve` when the target is out of reach.
pub const EXIT_UNREACHABLE: u8 = 3;

fn print_json(v: &Value) -> u8 {
    match serde_json::to_string_pretty(v) {
        Ok(text) => {
            println!("{text}");
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

use crate::report::json::{dec, opt};

fn scenario_json(s: &Scenario) -> Value {
    json!({ "id": s.info.id, "title": s.info.title, "currency": s.info.currency })
}

// ---------------------------------------------------------------- risk

/// `effekt risk FILE [--draws N] [--seed S] [--set ID=VALUE]... [--json]`
pub fn risk(
    lang: Lang,
    scenario: &cli::ScenarioArgs,
    draws: Option<u32>,
    seed: Option<u64>,
    json: bool,
) -> u8 {
    let Ok(s) = scenario.open() else {
        return 1;
    };
    let mut settings = Settings::from_scenario(&s);
    if let Some(n) = draws {
        settings.draws = n;
    }
    if let Some(seed) = seed {
        settings.seed = seed;
    }
    let sim = risk::simulate_quiet(&s, &settings);
    if json {
        return print_json(&risk_json(&s, &settings, &sim));
    }
    print!("{}", risk_text(lang, &s, &settings, &sim));
    0
}

fn share_json(p: &Share) -> Value {
    json!({ "value": dec(p.value().round_dp(6)), "count": p.count })
}

fn histogram_json(h: &Histogram) -> Value {
    json!({ "edges": h.edges.iter().copied().map(dec).collect::<Vec<_>>(), "counts": h.counts })
}

fn distribution_json(d: &Distribution) -> Value {
    if d.count == 0 {
        return Value::Null;
    }
    json!({
        "count": d.count,
        "min": dec(d.min), "p10": dec(d.p10), "p50": dec(d.p50), "p90": dec(d.p90),
        "max": dec(d.max), "mean": dec(d.mean),
        "histogram": histogram_json(&d.histogram),
    })
}

fn achievement_json(a: &AchievementDraw) -> Value {
    match a {
        AchievementDraw::Fixed(v) => json!({ "distribution": "fixed", "value": dec(*v) }),
        AchievementDraw::Normal { mean, sd } => {
            json!({ "distribution": "normal", "mean": dec(*mean), "sd": dec(*sd) })
        }
        AchievementDraw::Triangular { min, mode, max } => json!({
            "distribution": "triangular", "min": dec(*min), "mode": dec(*mode), "max": dec(*max)
        }),
    }
}

/// The JSON of `effekt risk --json`.
pub fn risk_json(s: &Scenario, settings: &Settings, sim: &Simulation) -> Value {
    let noise: Map<String, Value> = s
        .outcomes
        .iter()
        .zip(&settings.noise_sd)
        .map(|(o, sd)| (o.id.clone(), dec(*sd)))
        .collect();
    json!({
        "scenario": scenario_json(s),
        "draws": sim.draws,
        "seed": sim.seed,
        "uncertainty": {
            "achievement": achievement_json(&settings.achievement),
            "noise": noise,
            "assumed": s.uncertainty.assumed,
        },
        "probabilities": {
            "investor_loss_before_guarantee": share_json(&sim.investor_loss_before_guarantee),
            "investor_loss": share_json(&sim.investor_loss),
            "any_payment": share_json(&sim.any_payment),
            "cap_binds": share_json(&sim.cap_binds),
        },
        "achievement": distribution_json(&sim.achievement),
        "outcome_payments": distribution_json(&sim.outcome_payments),
        "payer_npv": distribution_json(&sim.payer_npv),
        "public_npv": distribution_json(&sim.public_npv),
        "investor_net": distribution_json(&sim.investor_net),
        "investor_irr": distribution_json(&sim.investor_irr),
        "draws_without_irr": sim.without_irr,
    })
}

/// A histogram as text bars, two bins to a row.
fn histogram_text(h: &Histogram, label: impl Fn(Decimal) -> String) -> String {
    let mut rows = Vec::new();
    let pairs: Vec<(Decimal, u32)> = h
        .counts
        .chunks(2)
        .enumerate()
        .map(|(i, c)| (h.edges[2 * i], c.iter().sum()))
        .collect();
    let most = pairs.iter().map(|p| p.1).max().unwrap_or(0).max(1);
    for (edge, count) in pairs {
        let width = (u64::from(count) * 40).div_ceil(u64::from(most)) as usize;
        rows.push(vec![label(edge), format!("{} {count}", "█".repeat(width))]);
    }
    report::table_left(&rows)
}

/// The readable output of `effekt risk`.
pub fn risk_text(lang: Lang, s: &Scenario, settings: &Settings, sim: &Simulation) -> String {
    let t = i18n::texts(lang);
    let cur = &s.info.currency;
    let money = |d| format::money_short(lang, cur, d);
    let pct = |d| format::percent(lang, d, 1);
    let mut out = format!("{}: {}\n", t.risk_title, s.info.title);
    out.push_str(&format!(
        "{}\n",
        i18n::achievement_spread(lang, &settings.achievement)
    ));
    out.push_str(&format!(
        "{}\n",
        i18n::noise_text(lang, s, &settings.noise_sd)
    ));
    out.push_str(&format!(
        "{}\n",
        i18n::draws_text(lang, sim.draws, sim.seed)
    ));
    if s.uncertainty.assumed {
        out.push_str(&format!("{}\n", t.uncertainty_assumed));
    }

    out.push_str(&format!("\n{}\n", t.probabilities));
    let rows: Vec<Vec<String>> = [
        (t.p_investor_loss_before, sim.investor_loss_before_guarantee),
        (t.p_investor_loss, sim.investor_loss),
        (t.p_any_payment, sim.any_payment),
        (t.p_cap_binds, sim.cap_binds),
    ]
    .iter()
    .map(|(label, p)| vec![label.to_string(), pct(p.value())])
    .collect();
    out.push_str(&report::table(&rows));

    out.push('\n');
    let mut rows = vec![vec![
        t.spread.to_string(),
        "P10".into(),
        "P50".into(),
        "P90".into(),
        t.mean.into(),
    ]];
    let row = |label: &str, d: &Distribution, f: &dyn Fn(Decimal) -> String| {
        if d.count == 0 {
            return vec![
                label.to_string(),
                "–".into(),
                "–".into(),
                "–".into(),
                "–".into(),
            ];
        }
        vec![label.to_string(), f(d.p10), f(d.p50), f(d.p90), f(d.mean)]
    };
    rows.push(row(t.achievement, &sim.achievement, &|d| {
        format::percent(lang, d, 0)
    }));
    rows.push(row(t.fig_outcome_payments, &sim.outcome_payments, &money));
    rows.push(row(t.fig_payer_npv, &sim.payer_npv, &money));
    rows.push(row(t.fig_public_npv, &sim.public_npv, &money));
    rows.push(row(t.investor_net, &sim.investor_net, &money));
    rows.push(row(t.fig_investor_irr, &sim.investor_irr, &pct));
    out.push_str(&report::table(&rows));
    if sim.without_irr > 0 {
        out.push_str(&format!(
            "  {}\n",
            i18n::draws_without_irr(lang, sim.without_irr, sim.draws)
        ));
    }

    for (name, d) in [
        (t.fig_outcome_payments, &sim.outcome_payments),
        (t.investor_net, &sim.investor_net),
    ] {
        out.push_str(&format!("\n{}: {name}\n", t.distribution_of));
        out.push_str(&histogram_text(&d.histogram, money));
    }
    out
}

// ---------------------------------------------------------------- tornado

/// `effekt tornado FILE [--set ID=VALUE]... [--json]`
pub fn tornado(lang: Lang, scenario: &cli::ScenarioArgs, json: bool) -> u8 {
    let Ok(s) = scenario.open() else {
        return 1;
    };
    let t = risk::tornado(&s);
    if json {
        return print_json(&tornado_json(&s, &t));
    }
    print!("{}", tornado_text(lang, &s, &t));
    0
}

fn side_json(side: &Side) -> Value {
    match side {
        Side::Moved {
            value,
            point,
            payer_npv,
            investor_irr,
        } => json!({
            "status": "moved",
            "value": dec(*value),
            "payer_npv": dec(point.payer_npv),
            "investor_irr": opt(point.investor_irr),
            "payer_npv_change": dec(*payer_npv),
            "investor_irr_change": opt(*investor_irr),
        }),
        Side::AtLimit => json!({ "status": "at_limit" }),
        Side::Refused { value, reason } => {
            let reason = i18n::errors::lever_reason(Lang::En, reason);
            json!({ "status": "refused", "value": dec(*value), "reason": reason })
        }
    }
}

/// The JSON of `effekt tornado --json`.
pub fn tornado_json(s: &Scenario, t: &Tornado) -> Value {
    use crate::risk::TornadoFigure;
    json!({
        "scenario": scenario_json(s),
        "achievement": dec(t.achievement),
        "base": { "payer_npv": dec(t.base.payer_npv), "investor_irr": opt(t.base.investor_irr) },
        "bars": t.bars.iter().map(|b| json!({
            "lever": b.lever.id,
            "value": dec(b.lever.value),
            "step": dec(b.lever.step),
            "min": dec(b.lever.min),
            "max": dec(b.lever.max),
            "down": side_json(&b.down),
            "up": side_json(&b.up),
            "payer_npv_swing": dec(b.swing(TornadoFigure::PayerNpv)),
            "investor_irr_swing": dec(b.swing(TornadoFigure::InvestorIrr)),
        })).collect::<Vec<_>>(),
    })
}

fn side_text(lang: Lang, s: &Scenario, lever: &Lever, side: &Side) -> [String; 3] {
    let t = i18n::texts(lang);
    match side {
        Side::Moved {
            value,
            payer_npv,
            investor_irr,
            ..
        } => [
            i18n::lever_value(lang, s, lever, *value),
            {
                let money = |v| format::money_short(lang, &s.info.currency, v);
                let d = format::delta(money, *payer_npv);
                if d.is_empty() {
                    money(Decimal::ZERO)
                } else {
                    d
                }
            },
            investor_irr
                .map(|c| i18n::points_delta(lang, c))
                .unwrap_or_else(|| t.no_irr.to_string()),
        ],
        Side::AtLimit => [t.at_limit.to_string(), String::new(), String::new()],
        Side::Refused { value, .. } => [
            format!(
                "{} ({})",
                i18n::lever_value(lang, s, lever, *value),
                t.refused
            ),
            String::new(),
            String::new(),
        ],
    }
}

/// The readable output of `effekt tornado`.
pub fn tornado_text(lang: Lang, s: &Scenario, tornado: &Tornado) -> String {
    let t = i18n::texts(lang);
    let mut out = format!(
        "{}: {}\n{}\n",
        t.tornado_title, s.info.title, t.tornado_note
    );
    let irr = tornado
        .base
        .investor_irr
        .map(|r| format::percent(lang, r, 2))
        .unwrap_or_else(|| t.no_irr.into());
    out.push_str(&format!(
        "{}\n\n",
        i18n::tornado_base(
            lang,
            &format::percent(lang, tornado.achievement, 0),
            &format::money(lang, &s.info.currency, tornado.base.payer_npv),
            &irr
        )
    ));
    let mut rows = vec![vec![
        t.lever.to_string(),
        t.now.into(),
        t.step_down.into(),
        t.fig_payer_npv.into(),
        t.fig_investor_irr.into(),
        t.step_up.into(),
        t.fig_payer_npv.into(),
        t.fig_investor_irr.into(),
    ]];
    for b in &tornado.bars {
        let mut row = vec![
            i18n::lever_label(lang, s, &b.lever),
            i18n::lever_value(lang, s, &b.lever, b.lever.value),
        ];
        row.extend(side_text(lang, s, &b.lever, &b.down));
        row.extend(side_text(lang, s, &b.lever, &b.up));
        rows.push(row);
    }
    out.push_str(&report::table(&rows));
    out
}

// ---------------------------------------------------------------- solve

/// Parses `--for FIGURE=VALUE`.
fn parse_for(text: &str) -> Result<(Figure, Decimal), String> {
    let (id, value) = text
        .split_once('=')
        .ok_or_else(|| format!("--for `{text}`: write FIGURE=VALUE, e.g. investor_irr=6%"))?;
    let id = id.trim();
    let figure = Figure::from_id(id).ok_or_else(|| {
        let ids: Vec<&str> = Figure::ALL.iter().map(|f| f.id()).collect();
        match crate::scenario::suggest(id, &ids) {
            Some(m) => format!("--for: unknown figure `{id}`; did you mean `{m}`?"),
            None => format!("--for: unknown figure `{id}`; figures: {}", ids.join(", ")),
        }
    })?;
    let value = cli::parse_value(value).map_err(|e| format!("--for {id}: {e}"))?;
    Ok((figure, value))
}

/// Parses `--at achievement=X` (or just `X`).
fn parse_at(text: &str) -> Result<Decimal, String> {
    let value = match text.split_once('=') {
        Some((key, value)) if key.trim() == "achievement" => value,
        Some((key, _)) => {
            return Err(format!(
                "--at: `{}` cannot be set here; write --at achievement=X",
                key.trim()
            ));
        }
        None => text,
    };
    cli::parse_value(value).map_err(|e| format!("--at: {e}"))
}

/// `effekt solve FILE --lever ID --for FIGURE=VALUE [--at achievement=X] [--set …] [--json]`
pub fn solve(
    lang: Lang,
    scenario: &cli::ScenarioArgs,
    lever: &str,
    for_: &str,
    at: Option<&str>,
    json: bool,
) -> u8 {
    let parsed = parse_for(for_).and_then(|(f, v)| Ok((f, v, at.map(parse_at).transpose()?)));
    let (figure, target, achievement) = match parsed {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let Ok(s) = scenario.open() else {
        return 1;
    };
    let goal = Goal {
        lever: lever.to_string(),
        figure,
        target,
        achievement,
        tolerance: None,
    };
    let result = risk::solve(&s, &goal);
    let code = match &result {
        Ok(_) => 0,
        Err(SolveError::Unreachable(_)) => EXIT_UNREACHABLE,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    if json {
        let c = print_json(&solve_json(&s, &goal, &result));
        return if c == 0 { code } else { c };
    }
    print!("{}", solve_text(lang, &s, &goal, &result));
    code
}

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
        Err(e) => out.push_str(&format!("{e}\n")),
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
