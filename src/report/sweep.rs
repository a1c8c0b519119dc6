//! Sweeps: the key figures as one lever moves over a range.

use rust_decimal::Decimal;

use crate::levers::{self, LeverError};
use crate::model;
use crate::scenario::Scenario;

/// The figures at one lever value, or why the value was refused.
pub struct SweepRow {
    pub value: Decimal,
    pub figures: Result<model::Evaluation, LeverError>,
}

/// Evaluates the scenario at `steps + 1` evenly spaced values of a lever,
/// from `from` to `to` inclusive.
pub fn sweep(
    s: &Scenario,
    lever_id: &str,
    from: Decimal,
    to: Decimal,
    steps: u32,
) -> Result<Vec<SweepRow>, LeverError> {
    let lever = levers::find(s, lever_id)?;
    for v in [from, to] {
        if v < lever.min || v > lever.max {
            return Err(LeverError::OutOfRange {
                id: lever.id.clone(),
                value: v,
                min: lever.min,
                max: lever.max,
            });
        }
    }
    let n = Decimal::from(steps.max(1));
    Ok((0..=steps.max(1))
        .map(|i| {
            let value = (from + (to - from) * Decimal::from(i) / n).normalize();
            SweepRow {
                value,
                figures: levers::set_lever(s, &lever, value).map(|next| model::evaluate(&next)),
            }
        })
        .collect())
}

/// The CSV of a sweep: lever value, outcome payments, payer NPV, investor
/// IRR, MOIC, public NPV. A refused value leaves its figures empty.
pub fn sweep_csv(lever_id: &str, rows: &[SweepRow]) -> String {
    let plain = |d: Decimal| crate::format::plain(d.round_dp(6));
    let opt = |d: Option<Decimal>| d.map(plain).unwrap_or_default();
    let mut out = format!("{lever_id},outcome_payments,payer_npv,investor_irr,moic,public_npv\n");
    for r in rows {
        let v = crate::format::plain(r.value);
        match &r.figures {
            Ok(e) => out.push_str(&format!(
                "{v},{},{},{},{},{}\n",
                plain(e.run.totals.outcome_payments),
                plain(e.payer.npv),
                opt(e.investor.irr.headline),
                opt(e.investor.moic),
                plain(e.public.npv),
            )),
            Err(_) => out.push_str(&format!("{v},,,,,\n")),
        }
    }
    out
}
