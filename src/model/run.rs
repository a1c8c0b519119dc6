//! A run of the model at one achievement, with every site's detail:
//! outcomes, each site's payments and payer's side, the waterfall.

use rust_decimal::Decimal;

use super::BudgetYear;
use super::num::{from_ore, ore_of};
use super::plan::Plan;
use super::sites::{self, Calc, Exact, Paid, Pieces, Tests, allocate};
use super::waterfall::{Core, Flows, PayerPeriod, Totals, waterfall};
use super::{OutcomeSeries, Prepared, outcomes};
use crate::scenario::Scenario;

/// One site's side of a run (§9): what it pays, its payer's flows and
/// budget.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteRun {
    /// `O_{s,t}`, after its own cap and the contract's (index `t − 1`); its
    /// payer pays this less its part of the cofunder's.
    pub outcome_payments: Vec<Decimal>,
    /// The site's payer's flows at `τ = 0..T` (+ = money in).
    pub payer_flows: Vec<Decimal>,
    /// The same without the non-cash value: what its budget sees (§8.2).
    pub budget_flows: Vec<Decimal>,
    /// The site's payer's budget per budget year.
    pub budget_years: Vec<BudgetYear>,
    /// Its fixed fees and costs over the whole contract.
    pub fixed: Decimal,
    /// The most its outcomes can be paid under the formula (every period
    /// at the target); `None` without `[[sites]]` or when an outcome pays
    /// beyond its target.
    pub most_paid: Option<Decimal>,
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
    Prepared::new(s).run_with_noise(achievement, noise)
}

/// The run without each site's detail, all in `Decimal`: the definition
/// the fast path is held to (tests).
#[cfg(test)]
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

/// The run with each outcome's series and every site's detail; `calc`
/// finds the amounts.
pub(crate) fn detailed<C: Calc>(
    scenario: &Scenario,
    plan: &Plan,
    calc: &mut C,
    achievement: Decimal,
    noise: &[Decimal],
) -> Run {
    let tests = sites::pooled_tests(plan, calc, noise);
    let mut pieces = Pieces::default();
    sites::pieces(plan, calc, noise, &tests, &mut pieces);
    let payments = sites::payments(plan, &pieces, true);
    let core = waterfall(plan, &payments);
    let sites = if plan.has_sites {
        site_runs(scenario, plan, &pieces, &payments.site_paid, &core)
    } else {
        // The one implicit site is the contract's payer.
        vec![payer_site(scenario, &core)]
    };
    let exact = Exact {
        f: &plan.exact,
        achievement,
    };
    Run {
        achievement,
        outcomes: outcome_series(plan, calc, &exact, noise, &tests),
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

/// Each outcome's series summed over the sites, period by period: payments
/// and value as `calc` finds them, units in `Decimal`. The sums are formed
/// once for each run of periods in which no site's amounts change.
fn outcome_series<C: Calc>(
    plan: &Plan,
    calc: &mut C,
    exact: &Exact,
    noise: &[Decimal],
    tests: &Tests,
) -> Vec<OutcomeSeries> {
    let f = &plan.exact;
    let (outcomes, periods, n) = (f.outcomes.len(), plan.periods, plan.site_count);
    (0..outcomes)
        .map(|k| {
            let o = &f.outcomes[k];
            let noises: Vec<Option<&[Decimal]>> = (0..n)
                .map(|s| sites::noise_of(noise, s, k, outcomes, periods))
                .collect();
            let every = noises.iter().any(Option::is_some) || tests.per_period(k);
            let mut starts: Vec<usize> = if every {
                (0..periods).collect()
            } else {
                f.sites
                    .iter()
                    .flat_map(|outcomes| outcomes[k].segments.iter().map(|g| g.start))
                    .collect()
            };
            starts.sort_unstable();
            starts.dedup();
            let mut at = vec![0usize; n];
            let zero = (Decimal::ZERO, Decimal::ZERO, 0i128, 0i128);
            let mut known: Vec<(usize, (Decimal, Decimal, i128, i128))> =
                vec![(usize::MAX, zero); n];
            let mut series = OutcomeSeries {
                id: plan.outcome_ids[k].clone(),
                units: vec![Decimal::ZERO; periods],
                true_units: vec![Decimal::ZERO; periods],
                payments: vec![Decimal::ZERO; periods],
                value: vec![Decimal::ZERO; periods],
            };
            for (i, &start) in starts.iter().enumerate() {
                let end = starts.get(i + 1).copied().unwrap_or(periods);
                let (mut u, mut a, mut p, mut v) = zero;
                for s in 0..n {
                    let so = &f.sites[s][k];
                    while so.segments[at[s]].end <= start {
                        at[s] += 1;
                    }
                    let g = at[s];
                    if every || known[s].0 != g {
                        let seg = &so.segments[g];
                        let e = noises[s].and_then(|n| n.get(start).copied());
                        let pooled = tests.at(k, g, start);
                        let (effect, m) =
                            outcomes::measured(o, so, exact.site_alpha(s), seg, start, e);
                        let units = outcomes::payment(o, so, seg, m, pooled).0;
                        let true_units = outcomes::value(o, so, seg, effect).0;
                        let [payment, value, _, _] = calc.amounts(s, k, g, start, e, pooled);
                        known[s] = (g, (units, true_units, payment, value));
                    }
                    let x = known[s].1;
                    (u, a, p, v) = (u + x.0, a + x.1, p + x.2, v + x.3);
                }
                series.units[start..end].fill(u);
                series.true_units[start..end].fill(a);
                series.payments[start..end].fill(from_ore(p));
                series.value[start..end].fill(from_ore(v));
            }
            series
        })
        .collect()
}

/// The one site of a scenario without sites: the payer, as the contract
/// has it.
fn payer_site(s: &Scenario, core: &Core) -> SiteRun {
    let (budget_flows, rows) = super::budget::cash_side(&core.flows.payer, &core.payer_periods);
    SiteRun {
        outcome_payments: core.outcome_payments.clone(),
        payer_flows: core.flows.payer.clone(),
        budget_flows,
        budget_years: super::budget::years(s, &rows),
        fixed: core.payer_periods.iter().map(|p| p.fees + p.costs).sum(),
        most_paid: None,
        cap_reached: None,
    }
}

/// Each site's payments, its part of the cofunder's, fees, costs, value
/// and refunds, period by period, and its payer's flows and budget.
fn site_runs(
    s: &Scenario,
    plan: &Plan,
    pieces: &Pieces,
    paid: &[Vec<Paid>],
    core: &Core,
) -> Vec<SiteRun> {
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
    // sites' payments; split again only where some site's payment changes.
    let mut cofunder = vec![vec![0i128; periods]; n];
    let mut last: Option<(Vec<u128>, i128, Vec<i128>)> = None;
    for t in 0..periods {
        let total = ore_of(core.cofunder_payments[t]);
        let weights: Vec<u128> = payments.iter().map(|p| p[t].max(0) as u128).collect();
        let split = match last {
            Some((w, c, split)) if w == weights && c == total => split,
            _ => allocate(total, &weights),
        };
        for (site, part) in cofunder.iter_mut().zip(&split) {
            site[t] = *part;
        }
        last = Some((weights, total, split));
    }

    // Fixed fees and the payer's costs, split by the sites' weights.
    let mut splits: Vec<(i128, Vec<i128>)> = Vec::new();
    let mut split = |ore: i128| -> usize {
        if let Some(i) = splits.iter().position(|(a, _)| *a == ore) {
            return i;
        }
        splits.push((ore, allocate(ore, &plan.weights)));
        splits.len() - 1
    };
    let fees: Vec<usize> = plan.delivery.iter().map(|d| split(d.fee)).collect();
    let costs: Vec<usize> = plan.delivery.iter().map(|d| split(d.payer_costs)).collect();

    // Refunds at the end, in proportion to what each site paid.
    let cumulative: Vec<u128> = payments
        .iter()
        .map(|p| p.iter().sum::<i128>().max(0) as u128)
        .collect();
    let refunds = allocate(ore_of(core.payer_refund), &cumulative);

    let one = |i: usize| {
        let mut value = vec![(0i128, 0i128); periods];
        for p in pieces.site(i) {
            value[p.start..p.end].fill((p.payer_value, p.cash_value));
        }
        let rows: Vec<[i128; 6]> = (0..periods)
            .map(|t| {
                [
                    splits[fees[t]].1[i],
                    payments[i][t] - cofunder[i][t],
                    if t + 1 == periods { refunds[i] } else { 0 },
                    splits[costs[t]].1[i],
                    value[t].0,
                    value[t].1,
                ]
            })
            .collect();
        let (mut flows, mut cash) = (vec![0i128; periods + 1], vec![0i128; periods + 1]);
        let mut fixed = 0i128;
        for (t, [fee, paid, refund, cost, value, cash_value]) in rows.iter().enumerate() {
            flows[t] -= fee + cost;
            flows[t + 1] += value + refund - paid;
            cash[t] -= fee + cost;
            cash[t + 1] += cash_value + refund - paid;
            fixed += fee + cost;
        }
        let dec = |v: Vec<i128>| v.into_iter().map(from_ore).collect();
        SiteRun {
            outcome_payments: dec(payments[i].clone()),
            payer_flows: dec(flows),
            budget_flows: dec(cash),
            budget_years: super::budget::years(s, &rows),
            fixed: from_ore(fixed),
            most_paid: plan.most_paid(i).map(from_ore),
            cap_reached: core.site_cap_reached[i],
        }
    };
    // Each municipality's detail on its own: over the cores for many.
    let sites: Vec<usize> = (0..n).collect();
    super::fast::spread(&sites, super::fast::site_threads(n), |part| {
        part.iter().map(|&i| one(i)).collect()
    })
}
