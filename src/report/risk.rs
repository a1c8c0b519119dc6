//! The printed and JSON results of `effekt risk`: probabilities,
//! P10/P50/P90 and histograms of the Monte Carlo. The JSON keys are
//! documented in `docs/risk.md`.

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::json::dec;
use super::summary::table;
use crate::format::{self, Lang};
use crate::i18n;
use crate::risk::{AchievementDraw, Distribution, Histogram, Settings, Share, Simulation};
use crate::scenario::Scenario;

/// `{id, title, currency}` of the scenario a result is about.
pub(crate) fn scenario_json(s: &Scenario) -> Value {
    json!({ "id": s.info.id, "title": s.info.title, "currency": s.info.currency })
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
    super::summary::table_left(&rows)
}

/// The readable output of `effekt risk`.
pub fn risk_text(lang: Lang, s: &Scenario, settings: &Settings, sim: &Simulation) -> String {
    let t = i18n::texts(lang);
    let cur = &s.info.currency;
    let money = |d| format::money_short(lang, cur, d);
    let pct = |d| format::percent(lang, d, 1);
    let title = crate::i18n::scenario_text::title(lang, s);
    let mut out = format!("{}: {title}\n", t.risk_title);
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
    out.push_str(&table(&rows));

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
    // Sums over the contract, and present values at the discount rate.
    let rate = s.assumptions.discount_rate;
    let sum = |name: &str| i18n::summed(lang, name);
    let npv = |name: &str| i18n::at_rate(lang, name, rate);
    rows.push(row(
        &sum(t.fig_outcome_payments),
        &sim.outcome_payments,
        &money,
    ));
    rows.push(row(&npv(t.fig_payer_npv), &sim.payer_npv, &money));
    rows.push(row(&npv(t.fig_public_npv), &sim.public_npv, &money));
    rows.push(row(&sum(t.investor_net), &sim.investor_net, &money));
    rows.push(row(t.fig_investor_irr, &sim.investor_irr, &pct));
    out.push_str(&table(&rows));
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
