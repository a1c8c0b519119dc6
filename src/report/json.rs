//! The JSON of `effekt calc --json` and of `effekt report --format json`.
//! Decimals are strings (exact), missing values `null`. The keys are
//! documented in `docs/cli.md`.

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::Column;
use crate::catalog::Loaded;
use crate::format::{self, Lang};
use crate::levers;
use crate::model::{BudgetYear, Figures, PartyFigures, Warning};
use crate::scenario::Scenario;
use crate::{i18n, store};

/// A decimal as a JSON string (exact).
pub(crate) fn dec(d: Decimal) -> Value {
    Value::String(format::plain(d))
}

/// A decimal as a JSON string, or `null`.
pub(crate) fn opt(d: Option<Decimal>) -> Value {
    d.map(dec).unwrap_or(Value::Null)
}

fn list(ds: &[Decimal]) -> Value {
    Value::Array(ds.iter().copied().map(dec).collect())
}

fn party(p: &PartyFigures) -> Value {
    json!({ "net": dec(p.net), "npv": dec(p.npv) })
}

fn warning_id(w: &Warning) -> Value {
    match w {
        Warning::CapitalShortfall { drawn, capital } => json!({
            "kind": "capital_shortfall", "drawn": dec(*drawn), "capital": dec(*capital)
        }),
        Warning::PriceAboveValue { outcome } => {
            json!({ "kind": "price_above_value", "outcome": outcome })
        }
        Warning::CapReached { period } => json!({ "kind": "cap_reached", "period": period }),
        Warning::SeveralIrrs { count } => json!({ "kind": "several_irrs", "count": count }),
        Warning::NoCap => json!({ "kind": "no_cap" }),
        Warning::SiteCapReached { site, period } => {
            json!({ "kind": "site_cap_reached", "site": site, "period": period })
        }
    }
}

/// Every figure of a scenario as JSON.
pub fn calc_json(s: &Scenario, f: &Figures, lang: Lang) -> Value {
    let e = &f.evaluation;
    let r = &e.run;
    let t = &r.totals;
    let mut lever_values = Map::new();
    for l in levers::available(s) {
        lever_values.insert(l.id, dec(l.value));
    }
    let flows: Map<String, Value> = r
        .flows
        .all_parties()
        .iter()
        .map(|(id, flows)| (id.to_string(), list(flows)))
        .collect();
    json!({
        "scenario": { "id": s.info.id, "title": s.info.title, "periods": s.timeline.periods,
                      "period": s.timeline.period.name(), "currency": s.info.currency },
        "achievement": dec(r.achievement),
        "outcomes": r.outcomes.iter().map(|o| json!({
            "id": o.id,
            "units": list(&o.units),
            "true_units": list(&o.true_units),
            "payments": list(&o.payments),
            "value": list(&o.value),
        })).collect::<Vec<_>>(),
        "formula_payments": list(&r.formula_payments),
        "outcome_payments": list(&r.outcome_payments),
        "flows": flows,
        "totals": {
            "outcome_payments": dec(t.outcome_payments),
            "guaranteed_payments": dec(t.guaranteed_payments),
            "drawn": dec(t.drawn),
            "investor_received": dec(t.investor_received),
            "investor_upside": dec(t.investor_upside),
            "guarantee_paid": dec(t.guarantee_paid),
            "provider_bonus": dec(t.provider_bonus),
            "refunded": dec(t.refunded),
            "value": dec(t.value),
            "delivery_cost": dec(t.delivery_cost),
            "other_costs": dec(t.other_costs),
        },
        "investor": {
            "irr": opt(e.investor.irr.headline),
            "irr_roots": list(&e.investor.irr.roots),
            "moic": opt(e.investor.moic),
            "npv": dec(e.investor.npv),
            "net": dec(e.investor.net),
            "balance_owed": dec(r.investor_balance),
        },
        "payer": {
            "net": dec(e.payer.net),
            "npv": dec(e.payer.npv),
            "budget_net": dec(e.budget.net),
            "budget_npv": dec(e.budget.npv),
            "max_commitment": opt(e.budget.max_commitment),
        },
        "budget": budget_years(&e.budget.years, false),
        "cofunder": party(&e.cofunder),
        "provider": party(&e.provider),
        "guarantor": party(&e.guarantor),
        "public_other": party(&e.public_other),
        "public": party(&e.public),
        "breakeven": {
            "principal": opt(f.break_even.principal),
            "return_cap": opt(f.break_even.return_cap),
            "payer": opt(f.break_even.payer),
        },
        "warnings": e.warnings.iter().map(|w| {
            let mut v = warning_id(w);
            v["text"] = Value::String(i18n::warning(lang, s, w));
            v
        }).collect::<Vec<_>>(),
        "levers": lever_values,
        "sites": sites_json(s, f),
    })
}

/// The payer's budget rows (`budget[]`), with the costs or without
/// (`calc --json` names exactly the keys of `docs/model.md` §8.2).
fn budget_years(years: &[BudgetYear], costs: bool) -> Value {
    Value::Array(
        years
            .iter()
            .map(|y| {
                let mut row = json!({
                    "year": y.year,
                    "fees": dec(y.fees),
                    "outcome_payments": dec(y.outcome_payments),
                    "refunds": dec(y.refunds),
                    "cash_savings": dec(y.cash_savings),
                    "net": dec(y.net),
                });
                if costs {
                    row["costs"] = dec(y.costs);
                }
                row
            })
            .collect(),
    )
}

/// The payer's budget of a column now, at 0 % and at 150 % (as `calc
/// --json`'s `budget` rows, costs included), with the maximum commitment,
/// the budget net and NPV and the value kept out of the budget.
fn budget_json(c: &Column) -> Value {
    let e = &c.figures.evaluation;
    let mut at = vec![json!({
        "achievement": dec(e.run.achievement),
        "now": true,
        "net": dec(e.budget.net),
        "years": budget_years(&e.budget.years, true),
    })];
    for a in super::budget::BUDGET_ACHIEVEMENTS {
        if let Some(r) = c.risk.iter().find(|r| r.achievement == a) {
            at.push(json!({
                "achievement": dec(a),
                "now": false,
                "net": dec(r.budget.net),
                "years": budget_years(&r.budget.years, true),
            }));
        }
    }
    json!({
        "max_commitment": opt(e.budget.max_commitment),
        "net": dec(e.budget.net),
        "npv": dec(e.budget.npv),
        "non_cash_value": dec(super::budget::non_cash_value(e)),
        "at": at,
    })
}

/// Each site (`docs/model.md` §9): what it pays, its payer's flows and
/// figures. Without `[[sites]]` one entry, the payer, with `id` null.
fn sites_json(s: &Scenario, f: &Figures) -> Value {
    let e = &f.evaluation;
    let entries = e
        .run
        .sites
        .iter()
        .zip(&e.sites)
        .enumerate()
        .map(|(i, (r, fig))| {
            let site = s.sites.get(i);
            json!({
                "id": site.map(|x| x.id.as_str()),
                "name": site.map(|x| x.name.as_str()),
                "payer": site.map_or(s.parties.payer.as_str(), |x| x.payer.as_str()),
                "outcome_payments": list(&r.outcome_payments),
                "flows": list(&r.payer_flows),
                "net": dec(fig.payer.net),
                "npv": dec(fig.payer.npv),
                "budget_net": dec(fig.budget.net),
                "budget_npv": dec(fig.budget.npv),
                "max_commitment": opt(fig.budget.max_commitment),
                "budget": budget_years(&fig.budget.years, false),
            })
        });
    Value::Array(entries.collect())
}

/// The JSON report: the scenario, and per column its changed levers,
/// `calc --json` figures, risk table and notes.
pub fn json(lang: Lang, base: &Loaded, cols: &[Column]) -> Value {
    let plain = |d: Decimal| Value::String(format::plain(d));
    json!({
        "scenario": {
            "id": base.scenario.info.id,
            "title": base.scenario.info.title,
            "hash": store::scenario_hash(&base.text),
        },
        "columns": cols.iter().map(|c| json!({
            "variant": c.variant,
            "changed_levers": levers::changed(&base.scenario, &c.scenario)
                .into_iter()
                .map(|(id, v)| (id, plain(v)))
                .collect::<serde_json::Map<_, _>>(),
            "figures": calc_json(&c.scenario, &c.figures, lang),
            "risk": c.risk.iter().map(|r| json!({
                "achievement": plain(r.achievement),
                "outcome_payments": plain(r.outcome_payments),
                "payer": plain(r.payer.net),
                "cofunder": plain(r.cofunder.net),
                "investor": plain(r.investor.net),
                "provider": plain(r.provider.net),
                "guarantor": plain(r.guarantor.net),
                "public_other": plain(r.public_other.net),
                "investor_irr": r.investor_irr.headline.map(plain).unwrap_or(Value::Null),
            })).collect::<Vec<_>>(),
            "budget": budget_json(c),
            "notes": c.notes.iter().map(|n| json!({"at": n.at, "text": n.text})).collect::<Vec<_>>(),
            "problems": c.issues.iter().map(|p| i18n::errors::variant_problem(lang, p)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
