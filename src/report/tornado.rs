//! The printed and JSON results of `effekt tornado`: each shown lever one
//! step down and up, and what that does to the payer's NPV and the
//! investor's IRR.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::TEXT_WIDTH;
use super::json::{dec, opt};
use super::risk::scenario_json;
use super::summary::{table, wrap};
use crate::format::{self, Lang};
use crate::i18n;
use crate::levers::Lever;
use crate::risk::{Side, Tornado};
use crate::scenario::Scenario;

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
            let reason = crate::i18n::errors::lever_reason(crate::format::Lang::En, reason);
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

/// The readable output of `effekt tornado`, at most [`super::TEXT_WIDTH`]
/// columns wide: per lever a line with its value now, then one row per
/// step with the value and the changes.
pub fn tornado_text(lang: Lang, s: &Scenario, tornado: &Tornado) -> String {
    let t = i18n::texts(lang);
    let irr = tornado
        .base
        .investor_irr
        .map(|r| format::percent(lang, r, 2))
        .unwrap_or_else(|| t.no_irr.into());
    let base = i18n::tornado_base(
        lang,
        &format::percent(lang, tornado.achievement, 0),
        s.assumptions.discount_rate,
        &format::money(lang, &s.info.currency, tornado.base.payer_npv),
        &irr,
    );
    let mut out = String::new();
    for line in [
        format!(
            "{}: {}",
            t.tornado_title,
            crate::i18n::scenario_text::title(lang, s)
        ),
        t.tornado_note.to_string(),
        base,
    ] {
        out.push_str(&wrap(&line, TEXT_WIDTH, ""));
    }
    out.push('\n');
    // The figures' names on two lines (`Oppdragsgivers` / `nåverdi (4 %)`),
    // so the table keeps within the width.
    let npv = i18n::at_rate(lang, t.fig_payer_npv, s.assumptions.discount_rate);
    let two = |name: &str| -> [String; 2] {
        match name.split_once(' ') {
            Some((a, b)) => [a.to_string(), b.to_string()],
            None => [String::new(), name.to_string()],
        }
    };
    let [npv_1, npv_2] = two(&npv);
    let [irr_1, irr_2] = two(t.fig_investor_irr);
    let mut rows = vec![
        vec![String::new(), npv_1, irr_1],
        vec![t.lever.to_string(), npv_2, irr_2],
    ];
    let steps = [t.step_down, t.step_up];
    for b in &tornado.bars {
        for (step, side) in steps.iter().zip([&b.down, &b.up]) {
            let [value, npv, irr] = side_text(lang, s, &b.lever, side);
            rows.push(vec![format!("  {step}: {value}"), npv, irr]);
        }
    }
    let table = table(&rows);
    let mut lines = table.lines();
    for header in lines.by_ref().take(2) {
        out.push_str(header);
        out.push('\n');
    }
    for b in &tornado.bars {
        let label = format!(
            "{} ({} {})",
            i18n::lever_label(lang, s, &b.lever),
            t.now,
            i18n::lever_value(lang, s, &b.lever, b.lever.value)
        );
        out.push_str(&wrap(&label, TEXT_WIDTH, "  "));
        for line in lines.by_ref().take(2) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
