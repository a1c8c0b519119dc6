//! A run of the model at one achievement, with every site's detail:
//! outcomes, each site's payments and payer's side, the waterfall.

use rust_decimal::Decimal;

use super::OutcomeSeries;
use super::num::from_ore;
use super::plan::Plan;
use super::sites::{self, Exact, Paid, Pieces, Tests, allocate};
use super::waterfall::{Core, Flows, PayerPeriod, Totals, waterfall};
use crate::scenario::Scenario;

/// One site's side of a run (§9): what it pays, its payer's flows.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteRun {
    /// `O_{s,t}`, after its own cap and the contract's (index `t − 1`).
    pub outcome_payments: Vec<Decimal>,
    /// The cofunder's part of the site's payments (index `t − 1`): the
    /// period's cofunder part split in proportion to the sites' payments.
    pub cofunder_payments: Vec<Decimal>,
    /// The site's payer's side of each period (index `t − 1`).
    pub payer_periods: Vec<PayerPeriod>,
    /// The site's payer's flows at `τ = 0..T` (+ = money in).
    pub payer_flows: Vec<Decimal>,
    /// The period in which its cumulative payments reached its own cap.
    pub cap_reached: Option<usize>,
}

/// Outcomes, payments and the waterfall at one achievement.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub achievement: Decimal,
    /// Per outcome, summed over the sites.
    pub outcomes: Vec<OutcomeSeries>,
    /// `F_t`, before the caps (index `t − 1`).
    pub formula_payments: Vec<Decimal>,
    /// `O_t`, after the caps (index `t − 1`).
    pub outcome_payments: Vec<Decimal>,
    /// The cofunder's part `c·O_t` of each outcome payment, in øre; the
    /// payers pay the rest (index `t − 1`).
    pub cofunder_payments: Vec<Decimal>,
    /// The payers' side of each period, summed over the sites (index `t − 1`).
    pub payer_periods: Vec<PayerPeriod>,
    pub flows: Flows,
    pub totals: Totals,
    /// What the investor is still owed at the end (`bal`).
    pub investor_balance: Decimal,
    /// The period in which cumulative payments reached the contract's cap.
    pub cap_reached: Option<usize>,
    /// Each site, in the order of `[[sites]]`; a scenario without sites
    /// has one, its payer. Their payer flows sum to `flows.payer`.
    pub sites: Vec<SiteRun>,
}

/// Computes outcomes, payments and every party's flows at achievement α.
pub fn run(s: &Scenario, achievement: Decimal) -> Run {
    run_with_noise(s, achievement, &[])
}

/// Like [`run`], with measurement noise: `noise[(s·O + o)·T + t − 1]`
/// (site `s` in the order of `[[sites]]`, 0 without sites; outcome `o` in
/// the order of `s.outcomes`, `O` outcomes; period `t`, `T` periods) is
/// added, in indicator points, to the measured improvement `M_t` of a flow
/// outcome or to the measured rate of an event outcome (then clamped to
/// 0..100). So payments become random while true units and value stay
/// noise-free. A shorter slice leaves the rest without noise; `&[]` is
/// [`run`].
pub fn run_with_noise(s: &Scenario, achievement: Decimal, noise: &[Decimal]) -> Run {
    detailed(&Plan::new(s), achievement, noise)
}

/// The exact run without each site's detail (`Core`), as the fast path
/// gives it.
pub(crate) fn exact_core(plan: &Plan, achievement: Decimal, noise: &[Decimal]) -> Core {
    let mut calc = Exact {
        f: &plan.exact,
        achievement,
    };
    let tests = sites::pooled_tests(plan, &mut calc, noise);
    let mut pieces = Pieces::default();
    sites::pieces(plan, &mut calc, noise, &tests, &mut pieces);
    waterfall(plan, &sites::payments(plan, &pieces, false))
}

/// The exact run with every site's detail.
pub(crate) fn detailed(plan: &Plan, achievement: Decimal, noise: &[Decimal]) -> Run {
    let mut calc = Exact {
        f: &plan.exact,
        achievement,
    };
    let tests = sites::pooled_tests(plan, &mut calc, noise);
    let mut pieces = Pieces::default();
    sites::pieces(plan, &mut calc, noise, &tests, &mut pieces);
    let payments = sites::payments(plan, &pieces, true);
    let core = waterfall(plan, &payments);
    let sites = site_runs(plan, &pieces, &payments.site_paid, &core);
    Run {
        achievement,
        outcomes: outcome_series(plan, &calc, noise, &tests),
        formula_payments: core.formula_payments,
        outcome_payments: core.outcome_payments,
        cofunder_payments: core.cofunder_payments,
        payer_periods: core.payer_periods,
        flows: core.flows,
        totals: core.totals,
        investor_balance: core.investor_balance,
        cap_reached: core.cap_reached,
        sites,
    }
}

/// Each outcome's series summed over the sites, period by period.
fn outcome_series(
    plan: &Plan,
    calc: &Exact,
    noise: &[Decimal],
    tests: &Tests,
) -> Vec<OutcomeSeries> {
    let f = &plan.exact;
    let (outcomes, periods) = (f.outcomes.len(), plan.periods);
    let zeros = || vec![Decimal::ZERO; periods];
    (0..outcomes)
        .map(|k| {
            let mut series = OutcomeSeries {
                id: plan.outcome_ids[k].clone(),
                units: zeros(),
                true_units: zeros(),
                payments: zeros(),
                value: zeros(),
            };
            let mut add = |t: usize, a: &super::outcomes::Amounts<Decimal>| {
                series.units[t] += a.units;
                series.true_units[t] += a.true_units;
                series.payments[t] += a.payment;
                series.value[t] += a.value;
            };
            for s in 0..plan.site_count {
                let own = sites::noise_of(noise, s, k, outcomes, periods);
                let every = own.is_some() || tests.per_period(k);
                for (g, seg) in f.sites[s][k].segments.iter().enumerate() {
                    if every {
                        for t in seg.start..seg.end {
                            let e = own.and_then(|n| n.get(t).copied());
                            add(t, &calc.amounts_at(s, k, g, t, e, tests.at(k, g, t)));
                        }
                    } else {
                        let a =
                            calc.amounts_at(s, k, g, seg.start, None, tests.at(k, g, seg.start));
                        for t in seg.start..seg.end {
                            add(t, &a);
                        }
                    }
                }
            }
            series
        })
        .collect()
}

/// Each site's payments, its part of the cofunder's, fees, costs, value
/// and refunds, period by period, and its payer's flows.
fn site_runs(plan: &Plan, pieces: &Pieces, paid: &[Vec<Paid>], core: &Core) -> Vec<SiteRun> {
    let (n, periods) = (plan.site_count, plan.periods);
    let per_period = |runs: &[Paid]| -> Vec<i128> {
        let mut v = vec![0i128; periods];
        for r in runs {
            v[r.start..r.end].fill(r.amount);
        }
        v
    };
    let payments: Vec<Vec<i128>> = paid.iter().map(|runs| per_period(runs)).collect();

    // The cofunder's part of each period, split in proportion to the
    // sites' payments; recomputed only where some site's payment changes.
    let mut cofunder = vec![vec![0i128; periods]; n];
    let mut last: Option<(Vec<u128>, i128, Vec<i128>)> = None;
    for t in 0..periods {
        let total = super::num::ore_of(core.cofunder_payments[t]);
        let weights: Vec<u128> = payments.iter().map(|p| p[t].max(0) as u128).collect();
        let split = match &last {
            Some((w, c, split)) if *w == weights && *c == total => split.clone(),
            _ => allocate(total, &weights),
        };
        for s in 0..n {
            cofunder[s][t] = split[s];
        }
        last = Some((weights, total, split));
    }

    // Fixed fees and the payer's costs, split by the sites' weights.
    let mut split_cache: Vec<(i128, Vec<i128>)> = Vec::new();
    let mut split = |amount: Decimal| -> Vec<i128> {
        let ore = super::num::ore_of(amount);
        if let Some((_, v)) = split_cache.iter().find(|(a, _)| *a == ore) {
            return v.clone();
        }
        let v = allocate(ore, &plan.weights);
        split_cache.push((ore, v.clone()));
        v
    };
    let fees: Vec<Vec<i128>> = plan.delivery.iter().map(|d| split(d.fee)).collect();
    let costs: Vec<Vec<i128>> = plan.delivery.iter().map(|d| split(d.payer_costs)).collect();

    // Refunds at the end, in proportion to what each site paid.
    let cumulative: Vec<u128> = payments
        .iter()
        .map(|p| p.iter().sum::<i128>().max(0) as u128)
        .collect();
    let refunds = allocate(super::num::ore_of(core.payer_refund), &cumulative);

    (0..n)
        .map(|s| {
            let mut value = vec![(0i128, 0i128); periods];
            for p in pieces.site(s) {
                value[p.start..p.end].fill((p.payer_value, p.cash_value));
            }
            let payer_periods: Vec<PayerPeriod> = (0..periods)
                .map(|t| PayerPeriod {
                    fees: from_ore(fees[t][s]),
                    outcome_payments: from_ore(payments[s][t] - cofunder[s][t]),
                    refunds: if t + 1 == periods {
                        from_ore(refunds[s])
                    } else {
                        Decimal::ZERO
                    },
                    costs: from_ore(costs[t][s]),
                    value: from_ore(value[t].0),
                    cash_value: from_ore(value[t].1),
                })
                .collect();
            let mut flows = vec![Decimal::ZERO; periods + 1];
            for (t, p) in payer_periods.iter().enumerate() {
                flows[t] -= p.fees + p.costs;
                flows[t + 1] += p.value + p.refunds - p.outcome_payments;
            }
            SiteRun {
                outcome_payments: payments[s].iter().copied().map(from_ore).collect(),
                cofunder_payments: cofunder[s].iter().copied().map(from_ore).collect(),
                payer_periods,
                payer_flows: flows,
                cap_reached: core.site_cap_reached[s],
            }
        })
        .collect()
}
