//! The payer's budget (`docs/model.md` §8.2): cash and non-cash value kept
//! apart, booked to budget years by accrual, and the most the payer can
//! ever pay.

use rust_decimal::Decimal;

use super::num::{from_ore, ore_of};
use super::{PayerPeriod, metrics, to_ore};
use crate::scenario::{CostPayer, CostTiming, Scenario};

/// The payer's budget view.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    /// Σ payer flows − Σ non-cash payer value: what the contract does to
    /// the payer's accounts over its whole length.
    pub net: Decimal,
    /// The same at the discount rate.
    pub npv: Decimal,
    /// The most the payer can ever pay: `(1 − c)·cap + Σ G + Σ payer-paid
    /// costs`; `None` without a cap (no upper bound).
    pub max_commitment: Option<Decimal>,
    /// One row per budget year, in order.
    pub years: Vec<BudgetYear>,
}

/// The payer's budget in one budget year. Every amount but `net` is
/// positive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BudgetYear {
    /// The calendar year, or 1, 2, … without `timeline.start_year`.
    pub year: i64,
    /// Guaranteed fees `G`.
    pub fees: Decimal,
    /// The payer's part of the outcome payments, `(1 − c)·O`.
    pub outcome_payments: Decimal,
    /// Surplus refunded to the payer.
    pub refunds: Decimal,
    /// The cash part of the payer's value.
    pub cash_savings: Decimal,
    /// Costs besides delivery that the payer pays (§8.4).
    pub costs: Decimal,
    /// `refunds + cash_savings − fees − outcome_payments − costs`.
    pub net: Decimal,
}

/// A payer's budget from its flows and its side of each period;
/// `factors` are the discount factors at the discount rate.
pub(crate) fn budget(
    s: &Scenario,
    payer_flows: &[Decimal],
    periods: &[PayerPeriod],
    factors: &[Decimal],
    max_commitment: Option<Decimal>,
) -> Budget {
    let (cash_flows, rows) = cash_side(payer_flows, periods);
    Budget {
        net: cash_flows.iter().sum(),
        npv: metrics::npv_with(&cash_flows, factors),
        max_commitment,
        years: years(s, &rows),
    }
}

/// A payer's flows without the non-cash value (received at τ = t), and
/// its side of each period in øre (fees, its part of the outcome payments,
/// refunds, costs, value, cash value): what its budget is made of.
pub(crate) fn cash_side(
    payer_flows: &[Decimal],
    periods: &[PayerPeriod],
) -> (Vec<Decimal>, Vec<[i128; 6]>) {
    let mut cash_flows = payer_flows.to_vec();
    for (i, p) in periods.iter().enumerate() {
        cash_flows[i + 1] -= p.value - p.cash_value;
    }
    let rows = periods
        .iter()
        .map(|p| {
            [
                p.fees,
                p.outcome_payments,
                p.refunds,
                p.costs,
                p.value,
                p.cash_value,
            ]
            .map(ore_of)
        })
        .collect();
    (cash_flows, rows)
}

/// The budget rows of a payer's side of each period (in øre: fees, its
/// part of the outcome payments, refunds, costs, value, cash value), one
/// per budget year.
pub(crate) fn years(s: &Scenario, periods: &[[i128; 6]]) -> Vec<BudgetYear> {
    let mut years: Vec<(i64, [i128; 5])> = Vec::new();
    for (i, [fees, paid, refunds, costs, _, cash]) in periods.iter().enumerate() {
        let year = s.timeline.budget_year(i + 1);
        if years.last().is_none_or(|(y, _)| *y != year) {
            years.push((year, [0; 5]));
        }
        if let Some((_, y)) = years.last_mut() {
            for (sum, v) in y.iter_mut().zip([fees, paid, refunds, cash, costs]) {
                *sum += v;
            }
        }
    }
    years
        .into_iter()
        .map(|(year, [fees, paid, refunds, cash, costs])| BudgetYear {
            year,
            fees: from_ore(fees),
            outcome_payments: from_ore(paid),
            refunds: from_ore(refunds),
            cash_savings: from_ore(cash),
            costs: from_ore(costs),
            net: from_ore(refunds + cash - fees - paid - costs),
        })
        .collect()
}

/// A cap in øre, rounded down.
fn cap_ore(cap: Decimal) -> Decimal {
    cap.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero)
}

/// The payer's part of a cap, split as every payment is: `cap −
/// to_ore(c·cap)`.
fn payer_part(s: &Scenario, cap: Decimal) -> Decimal {
    cap - to_ore(s.payment.cofunder_share * cap)
}

/// The most the payers can pay in outcome payments together: the
/// contract's cap, or with sites the sum of their own caps when every site
/// has one (whichever is lower); `None` when nothing bounds them.
fn payments_bound(s: &Scenario) -> Option<Decimal> {
    let contract = s.payment.cap.map(cap_ore);
    let sites = if s.sites.is_empty() {
        None
    } else {
        s.sites
            .iter()
            .map(|site| site.cap.map(cap_ore))
            .sum::<Option<Decimal>>()
    };
    match (contract, sites) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `(1 − c)·cap + Σ G + Σ payer-paid costs`, in øre; `None` without a cap.
/// The payer's part of the cap is split as every payment is (`cap −
/// to_ore(c·cap)`), so a cap paid in one period meets it exactly. With
/// sites, the cap is the contract's or the sum of the sites' own caps,
/// whichever is lower.
pub(crate) fn max_commitment(s: &Scenario) -> Option<Decimal> {
    let cap = payments_bound(s)?;
    let fees: Decimal = s
        .delivery
        .cost
        .iter()
        .map(|c| to_ore(s.payment.guaranteed_share * to_ore(*c)))
        .sum();
    let costs: Decimal = s
        .costs
        .iter()
        .filter(|c| c.paid_by == CostPayer::Payer)
        .map(|c| match c.when {
            CostTiming::Start => to_ore(c.at(0)),
            CostTiming::EachPeriod => c.amount.iter().map(|a| to_ore(*a)).sum(),
        })
        .sum();
    Some(payer_part(s, cap) + fees + costs)
}

/// The most site `i`'s payer can pay: the payer's part of the lowest of
/// its own cap, the contract's and what its outcomes can be paid under
/// the formula at most (`most_paid`: every period at the target), plus
/// its `fixed` fees and costs; `None` when none of them bounds it.
/// Without sites, the payer's [`max_commitment`].
pub(crate) fn site_max_commitment(
    s: &Scenario,
    i: usize,
    fixed: Decimal,
    most_paid: Option<Decimal>,
) -> Option<Decimal> {
    let Some(site) = s.sites.get(i) else {
        return max_commitment(s);
    };
    let cap = [site.cap.map(cap_ore), s.payment.cap.map(cap_ore), most_paid]
        .into_iter()
        .flatten()
        .min()?;
    Some(payer_part(s, cap) + fixed)
}
