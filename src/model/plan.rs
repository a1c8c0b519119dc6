//! What does not depend on the achievement, worked out once per scenario
//! (`docs/model.md` §9): the sites (a scenario without `[[sites]]` is one
//! site: its cohort, the outcomes' own baselines, the payer), each site's
//! constants of every outcome (§2), the runs of periods in which they give
//! the same amounts (segments), the delivery side of every period (§3) and
//! the shares in which the sites split fixed fees and costs.
//!
//! A run at some α then costs a few operations per segment instead of per
//! site and period: 357 municipalities over 120 months are a few thousand
//! segments, not 43 000 site-periods.

use rust_decimal::Decimal;

use super::num::{Approx, Num, Share, ore_of};
use super::{metrics, outcomes, to_ore};
use crate::scenario::{
    CostPayer, Counterfactual, Excess, OutcomeKind, Pooling, Scenario, ThresholdRule,
};

/// Periods `start..end` (0-based: index `t − 1`) in which an outcome's
/// amounts at a site are the same, with what they depend on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment<N> {
    pub start: usize,
    pub end: usize,
    /// Flow: `ramp_t` of these periods.
    pub ramp: N,
    /// Event: participants measured in each of these periods.
    pub participants: N,
}

/// The contract's terms of one outcome (§2): the same at every site.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OutcomeTerms<N> {
    pub kind: OutcomeKind,
    pub sign: N,
    pub rule: ThresholdRule,
    /// `TI`, `HI`, and what `payable` is capped at (`TI`, or `TI − HI`).
    pub ti: N,
    pub hi: N,
    pub cap: N,
    pub pay_beyond_target: bool,
    pub historical: bool,
    /// Event outcome paying every success (`counterfactual = "none"`).
    pub every_success: bool,
    pub price: N,
    pub value: N,
    /// 100, for rates in per cent.
    pub hundred: N,
    /// The payer's share of the value, and the cash share of that: exact
    /// in both kinds of number (parts of whole øre, `Num::part_of_ore`).
    pub payer_value_share: Share,
    pub payer_cash_share: Share,
    /// The threshold is tested on the mean over the sites (§9).
    pub pooled: bool,
}

/// One outcome at one site.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SiteOutcome<N> {
    /// Flow: `V = size·units_per_point/ppy`.
    pub volume: N,
    /// Flow: the site's size, its weight in a pooled test.
    pub size: N,
    /// The site's expected improvement `EI_s`.
    pub ei: N,
    pub drift: N,
    /// Event: the site's baseline rate.
    pub baseline: N,
    /// Flow with a historical baseline and drift: the measured improvement
    /// changes every period.
    pub every_period: bool,
    pub segments: Vec<Segment<N>>,
}

/// The formulas' numbers, in `Decimal` (exact) or [`Approx`] (fast).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Formulas<N> {
    pub outcomes: Vec<OutcomeTerms<N>>,
    /// Per site, per outcome.
    pub sites: Vec<Vec<SiteOutcome<N>>>,
    /// Per site, the factor `effect.<site>` on α; `None` for 1.
    pub effects: Vec<Option<N>>,
    /// Per pooled outcome, the weight of all sites in each common segment.
    pub pool_weights: Vec<Vec<N>>,
}

/// The delivery side of time point τ (paid at its start for period τ + 1),
/// in øre.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Delivery {
    pub cost: i128,
    /// The payer's fixed fee `G`.
    pub fee: i128,
    /// The provider's fee at risk `R`.
    pub at_risk: i128,
    /// Costs besides delivery at τ, by who pays them (§8.4).
    pub payer_costs: i128,
    pub cofunder_costs: i128,
    pub investor_costs: i128,
}

/// Everything about a scenario that does not depend on α.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub periods: usize,
    pub outcome_ids: Vec<String>,
    pub exact: Formulas<Decimal>,
    /// One per `[[sites]]` entry, or one for a scenario without sites.
    pub site_count: usize,
    /// Whether the scenario has `[[sites]]` (else the one site is implicit).
    pub has_sites: bool,
    /// Each site's cap in øre (rounded down).
    pub site_caps: Vec<Option<i128>>,
    /// The contract's cap in øre (rounded down).
    pub cap: Option<i128>,
    /// The shares in which the sites pay fixed fees and the payer's costs.
    pub weights: Vec<u128>,
    /// τ = 0..T−1.
    pub delivery: Vec<Delivery>,
    pub cofunder_share: Share,
    pub excess_investor_share: Share,
    pub excess: Excess,
    pub recycle: bool,
    pub first_loss: Decimal,
    /// The investor's per-period cap rate `r_c`.
    pub cap_rate: Decimal,
}

impl<N: Num> Formulas<N> {
    /// The site's α: the achievement times its `effect`.
    pub fn alpha(&self, site: usize, achievement: N) -> N {
        match self.effects[site] {
            Some(f) => achievement * f,
            None => achievement,
        }
    }
}

impl Formulas<Decimal> {
    /// The same numbers as [`Approx`], for the fast path.
    pub fn approx(&self) -> Formulas<Approx> {
        let a = Approx::of;
        let seg = |g: &Segment<Decimal>| Segment {
            start: g.start,
            end: g.end,
            ramp: a(g.ramp),
            participants: a(g.participants),
        };
        Formulas {
            outcomes: self
                .outcomes
                .iter()
                .map(|o| OutcomeTerms {
                    kind: o.kind,
                    sign: a(o.sign),
                    rule: o.rule,
                    ti: a(o.ti),
                    hi: a(o.hi),
                    cap: a(o.cap),
                    pay_beyond_target: o.pay_beyond_target,
                    historical: o.historical,
                    every_success: o.every_success,
                    price: a(o.price),
                    value: a(o.value),
                    hundred: a(o.hundred),
                    payer_value_share: o.payer_value_share.clone(),
                    payer_cash_share: o.payer_cash_share.clone(),
                    pooled: o.pooled,
                })
                .collect(),
            sites: self
                .sites
                .iter()
                .map(|outcomes| {
                    outcomes
                        .iter()
                        .map(|so| SiteOutcome {
                            volume: a(so.volume),
                            size: a(so.size),
                            ei: a(so.ei),
                            drift: a(so.drift),
                            baseline: a(so.baseline),
                            every_period: so.every_period,
                            segments: so.segments.iter().map(seg).collect(),
                        })
                        .collect()
                })
                .collect(),
            effects: self.effects.iter().map(|e| e.map(a)).collect(),
            pool_weights: self
                .pool_weights
                .iter()
                .map(|w| w.iter().copied().map(a).collect())
                .collect(),
        }
    }
}

/// Øre, rounded toward zero (caps and limits are never exceeded).
fn ore_down(d: Decimal) -> i128 {
    ore_of(d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero))
}

/// Splits periods `0..T` where `key(t)` changes (or at every period).
fn spans<K: PartialEq>(periods: usize, every: bool, key: impl Fn(usize) -> K) -> Vec<usize> {
    let mut starts = vec![0];
    for t in 1..periods {
        if every || key(t) != key(t - 1) {
            starts.push(t);
        }
    }
    starts
}

/// Weights as whole numbers for splitting øre: every weight at one scale,
/// at most 10 decimals.
fn integer_weights(weights: &[Decimal]) -> Vec<u128> {
    let scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0).min(10);
    let ints: Vec<u128> = weights
        .iter()
        .map(|w| {
            let w = w.max(&Decimal::ZERO).round_dp(scale);
            let m = w.mantissa().unsigned_abs();
            m * 10u128.pow(scale - w.scale())
        })
        .collect();
    // No weight at all: equal shares.
    if ints.iter().all(|w| *w == 0) {
        vec![1; weights.len()]
    } else {
        ints
    }
}

impl Plan {
    pub fn new(s: &Scenario) -> Plan {
        let periods = s.timeline.periods;
        let per_year = s.timeline.per_year();
        let ppy = Decimal::from(per_year);
        let pooled = s.payment.pooling == Pooling::Pooled;
        let outcomes: Vec<OutcomeTerms<Decimal>> = s
            .outcomes
            .iter()
            .map(|o| {
                let (ti, hi) = (o.target_improvement(), o.threshold_improvement());
                OutcomeTerms {
                    kind: o.kind,
                    sign: o.better.sign(),
                    rule: o.threshold_rule,
                    ti,
                    hi,
                    cap: match o.threshold_rule {
                        ThresholdRule::Deductible => ti - hi,
                        _ => ti,
                    },
                    pay_beyond_target: o.pay_beyond_target,
                    historical: o.counterfactual == Counterfactual::HistoricalBaseline,
                    every_success: o.counterfactual == Counterfactual::None,
                    price: outcomes::price(s, o),
                    value: o.value,
                    hundred: Decimal::ONE_HUNDRED,
                    payer_value_share: Share::new(o.payer_value_share),
                    payer_cash_share: Share::new(o.payer_cash_share),
                    pooled: pooled && o.threshold_rule == ThresholdRule::Trigger,
                }
            })
            .collect();

        // The sites as the model sees them: the `[[sites]]`, or the cohort.
        struct Resolved<'a> {
            size: Option<Decimal>,
            intake: Option<&'a [Decimal]>,
            site: Option<&'a crate::scenario::Site>,
        }
        let resolved: Vec<Resolved> = if s.sites.is_empty() {
            vec![Resolved {
                size: s.cohort.size,
                intake: s.cohort.intake.as_deref(),
                site: None,
            }]
        } else {
            s.sites
                .iter()
                .map(|site| Resolved {
                    size: site.size,
                    intake: site.intake.as_deref(),
                    site: Some(site),
                })
                .collect()
        };

        // The ramp is the contract's: its segments are the same at every
        // site (unless a drift makes every period its own).
        let ramps: Vec<(Vec<Decimal>, Vec<Segment<Decimal>>)> = s
            .outcomes
            .iter()
            .map(|o| {
                let ramp = Decimal::from(o.ramp_periods.max(1));
                let values: Vec<Decimal> = (0..periods)
                    .map(|t| (Decimal::from(t + 1) / ramp).min(Decimal::ONE))
                    .collect();
                let starts = spans(periods, false, |t| values[t]);
                let segs = segments(&starts, periods, &|t| values[t], &|_| Decimal::ZERO);
                (values, segs)
            })
            .collect();
        let mut sites: Vec<Vec<SiteOutcome<Decimal>>> = resolved
            .iter()
            .map(|r| {
                s.outcomes
                    .iter()
                    .zip(&ramps)
                    .map(|(o, (ramp_of, ramp_segments))| {
                        let size = r.size.unwrap_or_default();
                        let (baseline, ei, drift) = match r.site {
                            Some(site) => (
                                site.baseline(o),
                                site.expected_improvement(o),
                                site.drift(o),
                            ),
                            None => (o.baseline, o.expected_improvement(), o.drift),
                        };
                        let every_period = o.kind == OutcomeKind::Flow
                            && o.counterfactual == Counterfactual::HistoricalBaseline
                            && !drift.is_zero();
                        let intake = r.intake.unwrap_or(&[]);
                        let participants_of = |t: usize| {
                            t.checked_sub(o.lag)
                                .and_then(|i| intake.get(i))
                                .copied()
                                .unwrap_or_default()
                        };
                        let ramp_at = |t: usize| ramp_of[t];
                        let segments = match o.kind {
                            OutcomeKind::Flow if !every_period => ramp_segments.clone(),
                            OutcomeKind::Flow => segments(
                                &spans(periods, true, ramp_at),
                                periods,
                                &ramp_at,
                                &participants_of,
                            ),
                            OutcomeKind::Event => segments(
                                &spans(periods, false, participants_of),
                                periods,
                                &ramp_at,
                                &participants_of,
                            ),
                        };
                        SiteOutcome {
                            volume: size * o.units_per_point.unwrap_or_default() / ppy,
                            size,
                            ei,
                            drift,
                            baseline,
                            every_period,
                            segments,
                        }
                    })
                    .collect()
            })
            .collect();

        // A pooled test needs the same segments at every site.
        let mut pool_weights = Vec::new();
        for (k, o) in outcomes.iter().enumerate() {
            if !o.pooled {
                continue;
            }
            let mut starts: Vec<usize> = sites
                .iter()
                .flat_map(|outcomes| outcomes[k].segments.iter().map(|g| g.start))
                .collect();
            starts.sort_unstable();
            starts.dedup();
            for outcomes in &mut sites {
                let so = &mut outcomes[k];
                let at = |t: usize| {
                    so.segments
                        .iter()
                        .find(|g| g.start <= t && t < g.end)
                        .cloned()
                        .unwrap_or(Segment {
                            start: t,
                            end: t + 1,
                            ramp: Decimal::ONE,
                            participants: Decimal::ZERO,
                        })
                };
                let common = segments(&starts, periods, &|t| at(t).ramp, &|t| at(t).participants);
                so.segments = common;
            }
            let weights = (0..starts.len())
                .map(|g| {
                    sites
                        .iter()
                        .map(|outcomes| weight(o, &outcomes[k], g))
                        .sum::<Decimal>()
                })
                .collect();
            pool_weights.push(weights);
        }

        let site_count = resolved.len();
        let weights = integer_weights(
            &resolved
                .iter()
                .map(|r| match (r.size, r.intake) {
                    (Some(size), _) if s.outcomes.iter().any(|o| o.kind == OutcomeKind::Flow) => {
                        size
                    }
                    (_, Some(intake)) => intake.iter().sum(),
                    (size, None) => size.unwrap_or_default(),
                })
                .collect::<Vec<_>>(),
        );

        let g = s.payment.guaranteed_share;
        let a = s.provider.fee_at_risk;
        let delivery = (0..periods)
            .map(|tau| {
                let cost = to_ore(s.delivery.cost.get(tau).copied().unwrap_or_default());
                let mut d = Delivery {
                    cost: ore_of(cost),
                    fee: ore_of(to_ore(g * cost)),
                    at_risk: ore_of(to_ore(a * cost)),
                    ..Delivery::default()
                };
                for c in &s.costs {
                    let amount = ore_of(to_ore(c.at(tau)));
                    match c.paid_by {
                        CostPayer::Payer => d.payer_costs += amount,
                        CostPayer::Cofunder => d.cofunder_costs += amount,
                        CostPayer::Investor => d.investor_costs += amount,
                    }
                }
                d
            })
            .collect();

        Plan {
            periods,
            outcome_ids: s.outcomes.iter().map(|o| o.id.clone()).collect(),
            exact: Formulas {
                outcomes,
                sites,
                effects: resolved
                    .iter()
                    .map(|r| {
                        r.site
                            .map(|site| site.effect)
                            .filter(|e| *e != Decimal::ONE)
                    })
                    .collect(),
                pool_weights,
            },
            site_count,
            has_sites: !s.sites.is_empty(),
            site_caps: resolved
                .iter()
                .map(|r| r.site.and_then(|site| site.cap).map(ore_down))
                .collect(),
            cap: s.payment.cap.map(ore_down),
            weights,
            delivery,
            cofunder_share: Share::new(s.payment.cofunder_share),
            excess_investor_share: Share::new(s.payment.excess_investor_share),
            excess: s.payment.excess,
            recycle: s.investment.recycle,
            first_loss: s.investment.first_loss,
            cap_rate: metrics::per_period_rate(s.investment.return_cap, per_year),
        }
    }
}

impl Plan {
    /// The most site `i`'s outcomes can be paid over the contract under
    /// the formula, in øre: every period at its target (what `payable`
    /// is capped at), whatever the effect or the noise; `None` when an
    /// outcome pays beyond its target (then only a cap bounds it).
    pub(crate) fn most_paid(&self, i: usize) -> Option<i128> {
        let mut total = 0i128;
        for (o, so) in self.exact.outcomes.iter().zip(self.exact.sites.get(i)?) {
            if o.pay_beyond_target {
                return None;
            }
            // Measured this far, every rule pays its most (`o.cap`).
            let m = o.cap + o.hi.max(Decimal::ZERO);
            for g in &so.segments {
                let paid = outcomes::payment(o, so, g, m, Some(true)).1.to_ore();
                total += ore_of(paid.max(Decimal::ZERO)) * (g.end - g.start) as i128;
            }
        }
        Some(total)
    }
}

/// A site's weight in a pooled test in segment `g`: its size (flow) or the
/// participants measured (event).
pub(crate) fn weight<N: Num>(o: &OutcomeTerms<N>, so: &SiteOutcome<N>, g: usize) -> N {
    match o.kind {
        OutcomeKind::Flow => so.size,
        OutcomeKind::Event => so.segments[g].participants,
    }
}

fn segments(
    starts: &[usize],
    periods: usize,
    ramp: &dyn Fn(usize) -> Decimal,
    participants: &dyn Fn(usize) -> Decimal,
) -> Vec<Segment<Decimal>> {
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| Segment {
            start,
            end: starts.get(i + 1).copied().unwrap_or(periods),
            ramp: ramp(start),
            participants: participants(start),
        })
        .collect()
}
