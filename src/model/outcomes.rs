//! Per outcome, site and period: payable units, true units, payments and
//! value (`docs/model.md` §2, §9). Written once for both kinds of number
//! ([`Num`]): `Decimal` defines the figures, `Approx` finds them faster.

use rust_decimal::Decimal;

use super::num::Num;
use super::plan::{OutcomeTerms, Segment, SiteOutcome};
use crate::scenario::{Mechanism, Outcome, OutcomeKind, Scenario, ThresholdRule};

/// Price per payable unit: the rate card, or a share of the value.
pub fn price(s: &Scenario, o: &Outcome) -> Decimal {
    match (s.payment.mechanism, s.payment.savings_share) {
        (Mechanism::ShareOfSavings, Some(share)) => share * o.value,
        _ => o.price,
    }
}

/// The improvement that is paid for, given a measured improvement `m`.
/// `pooled`: the outcome of a pooled threshold test (§9), which then
/// replaces the site's own test.
#[inline]
pub(crate) fn payable<N: Num>(o: &OutcomeTerms<N>, m: N, pooled: Option<bool>) -> N {
    let zero = N::zero();
    let q = match (o.rule, pooled) {
        (ThresholdRule::None, _) => m.at_least(zero),
        (ThresholdRule::Trigger, Some(true)) => m.at_least(zero),
        (ThresholdRule::Trigger, Some(false)) => zero,
        (ThresholdRule::Trigger, None) => {
            if m.ge(o.hi) && m.gt(zero) {
                m
            } else {
                zero
            }
        }
        (ThresholdRule::Deductible, _) => (m - o.hi).at_least(zero),
    };
    if o.pay_beyond_target {
        q
    } else {
        q.at_most(o.cap)
    }
}

/// What one outcome gives at one site in one period of a segment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Amounts<N> {
    /// `P = U·price`, in øre.
    pub payment: N,
    /// `B = A·value`, in øre.
    pub value: N,
    /// The payer's part of the value, in øre.
    pub payer_value: N,
    /// The cash part of the payer's value, in øre.
    pub cash_value: N,
}

/// The true improvement and the measured one, in period `t` (0-based) of
/// segment `g`, at the site's α. `noise` is added to the measured
/// improvement (flow) or rate (event).
#[inline]
pub(crate) fn measured<N: Num>(
    o: &OutcomeTerms<N>,
    so: &SiteOutcome<N>,
    alpha: N,
    g: &Segment<N>,
    t: usize,
    noise: Option<N>,
) -> (N, N) {
    match o.kind {
        OutcomeKind::Flow => {
            // What happens follows the expected improvement, never the target (§8.1).
            let effect = alpha * so.ei * g.ramp;
            let mut m = if o.historical {
                effect + so.drift * N::of(Decimal::from(t + 1))
            } else {
                effect
            };
            if let Some(e) = noise {
                m = m + e;
            }
            (effect, m)
        }
        OutcomeKind::Event => {
            let (zero, hundred) = (N::zero(), o.hundred);
            let rate = (so.baseline + o.sign * alpha * so.ei).clamp_to(zero, hundred);
            let effect = o.sign * (rate - so.baseline);
            let m = match noise {
                Some(e) => o.sign * ((rate + e).clamp_to(zero, hundred) - so.baseline),
                None => effect,
            };
            (effect, m)
        }
    }
}

/// Payable units `U` and the payment `U·price` (before rounding to øre),
/// for a measured improvement `m` ([`measured`]).
#[inline]
pub(crate) fn payment<N: Num>(
    o: &OutcomeTerms<N>,
    so: &SiteOutcome<N>,
    g: &Segment<N>,
    m: N,
    pooled: Option<bool>,
) -> (N, N) {
    let paid = payable(o, m, pooled);
    let units = match o.kind {
        OutcomeKind::Flow => paid * so.volume,
        OutcomeKind::Event => {
            let paid_rate = if o.every_success {
                so.baseline + paid
            } else {
                paid
            };
            g.participants * paid_rate / o.hundred
        }
    };
    (units, units * o.price)
}

/// True additional units `A` and the value `A·value` (before rounding to
/// øre), for the true improvement `effect` ([`measured`]); noise never
/// touches them.
#[inline]
pub(crate) fn value<N: Num>(
    o: &OutcomeTerms<N>,
    so: &SiteOutcome<N>,
    g: &Segment<N>,
    effect: N,
) -> (N, N) {
    let true_units = match o.kind {
        OutcomeKind::Flow => effect * so.volume,
        OutcomeKind::Event => g.participants * effect / o.hundred,
    };
    (true_units, true_units * o.value)
}

/// The amounts of outcome `o` at a site in period `t` of segment `g`.
pub(crate) fn amounts<N: Num>(
    o: &OutcomeTerms<N>,
    so: &SiteOutcome<N>,
    alpha: N,
    g: &Segment<N>,
    t: usize,
    noise: Option<N>,
    pooled: Option<bool>,
) -> Amounts<N> {
    let (effect, m) = measured(o, so, alpha, g, t, noise);
    let payment = payment(o, so, g, m, pooled).1.to_ore();
    let value = value(o, so, g, effect).1.to_ore();
    let payer_value = value.part_of_ore(&o.payer_value_share);
    Amounts {
        payment,
        value,
        payer_value,
        cash_value: payer_value.part_of_ore(&o.payer_cash_share),
    }
}

/// Whether a pooled threshold test passes in common segment `g`: the
/// size- or intake-weighted mean measured improvement over the sites
/// `Σ w·M / Σ w`, tested like one site's (`M ≥ HI` and `M > 0`). The caller
/// makes sure something is measured (`Σ w > 0`); else the test fails.
pub(crate) fn pooled_test<N: Num>(
    o: &OutcomeTerms<N>,
    sites: &[(&SiteOutcome<N>, N)],
    total_weight: N,
    g: usize,
    t: usize,
    noise: &dyn Fn(usize) -> Option<N>,
) -> bool {
    let zero = N::zero();
    let mut sum = zero;
    for (i, (so, alpha)) in sites.iter().enumerate() {
        let seg = &so.segments[g];
        let (_, m) = measured(o, so, *alpha, seg, t, noise(i));
        sum = sum + super::plan::weight(o, so, g) * m;
    }
    let mean = sum / total_weight;
    mean.ge(o.hi) && mean.gt(zero)
}
