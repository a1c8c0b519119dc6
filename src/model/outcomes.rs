//! Per outcome and period: payable units, true units, payments and value
//! (`docs/model.md` §2).

use rust_decimal::Decimal;

use super::OutcomeSeries;
use crate::scenario::{Counterfactual, Mechanism, Outcome, OutcomeKind, Scenario, ThresholdRule};

/// Price per payable unit: the rate card, or a share of the value.
pub(crate) fn price(s: &Scenario, o: &Outcome) -> Decimal {
    match (s.payment.mechanism, s.payment.savings_share) {
        (Mechanism::ShareOfSavings, Some(share)) => share * o.value,
        _ => o.price,
    }
}

/// The improvement that is paid for, given a measured improvement `m`.
pub(crate) fn payable(o: &Outcome, m: Decimal) -> Decimal {
    let ti = o.target_improvement();
    let hi = o.threshold_improvement();
    let zero = Decimal::ZERO;
    let (q, cap) = match o.threshold_rule {
        ThresholdRule::None => (m.max(zero), ti),
        ThresholdRule::Trigger => (if m >= hi && m > zero { m } else { zero }, ti),
        ThresholdRule::Deductible => ((m - hi).max(zero), ti - hi),
    };
    if o.pay_beyond_target { q } else { q.min(cap) }
}

/// The series of one outcome at achievement α. `noise[t − 1]` is added to
/// the measured improvement (flow) or the measured rate (event) of period
/// `t`; an empty slice means no noise. True units never carry noise.
pub(crate) fn series(
    s: &Scenario,
    o: &Outcome,
    achievement: Decimal,
    noise: &[Decimal],
) -> OutcomeSeries {
    let periods = s.timeline.periods;
    // What happens follows the expected improvement, never the target (§8.1).
    let ei = o.expected_improvement();
    let mut units = Vec::with_capacity(periods);
    let mut true_units = Vec::with_capacity(periods);
    match o.kind {
        OutcomeKind::Flow => {
            let size = s.cohort.size.unwrap_or_default();
            let upp = o.units_per_point.unwrap_or_default();
            let volume = size * upp / Decimal::from(s.timeline.per_year());
            let ramp = Decimal::from(o.ramp_periods.max(1));
            for t in 1..=periods {
                let t = Decimal::from(t);
                let ramp_t = (t / ramp).min(Decimal::ONE);
                let effect = achievement * ei * ramp_t;
                let mut measured = match o.counterfactual {
                    Counterfactual::HistoricalBaseline => effect + o.drift * t,
                    _ => effect,
                };
                // `units.len()` is `t − 1` here.
                if let Some(e) = noise.get(units.len()) {
                    measured += e;
                }
                units.push(payable(o, measured) * volume);
                true_units.push(effect * volume);
            }
        }
        OutcomeKind::Event => {
            let intake = s.cohort.intake.as_deref().unwrap_or(&[]);
            let s_ = o.better.sign();
            let rate =
                (o.baseline + s_ * achievement * ei).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
            let effect = s_ * (rate - o.baseline);
            let paid_rate_of = |effect: Decimal| match o.counterfactual {
                Counterfactual::None => o.baseline + payable(o, effect),
                _ => payable(o, effect),
            };
            let paid_rate = paid_rate_of(effect);
            for t in 1..=periods {
                let paid_rate = match noise.get(t - 1) {
                    Some(e) => {
                        let measured = (rate + e).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                        paid_rate_of(s_ * (measured - o.baseline))
                    }
                    None => paid_rate,
                };
                let participants = t
                    .checked_sub(o.lag + 1)
                    .and_then(|i| intake.get(i))
                    .copied()
                    .unwrap_or_default();
                units.push(participants * paid_rate / Decimal::ONE_HUNDRED);
                true_units.push(participants * effect / Decimal::ONE_HUNDRED);
            }
        }
    }
    let price = price(s, o);
    OutcomeSeries {
        id: o.id.clone(),
        payments: units.iter().map(|u| super::to_ore(u * price)).collect(),
        value: true_units
            .iter()
            .map(|a| super::to_ore(a * o.value))
            .collect(),
        units,
        true_units,
    }
}
