//! The payer's budget (`docs/model.md` §8.2): cash and non-cash value kept
//! apart, booked to budget years by accrual, and the most the payer can
//! ever pay.

use rust_decimal::Decimal;

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
    let mut years: Vec<BudgetYear> = Vec::new();
    // The payer's flows without the non-cash value (received at τ = t).
    let mut cash_flows = payer_flows.to_vec();
    for (i, p) in periods.iter().enumerate() {
        let t = i + 1;
        cash_flows[t] -= p.value - p.cash_value;
        let year = s.timeline.budget_year(t);
        if years.last().is_none_or(|y| y.year != year) {
            years.push(BudgetYear {
                year,
                fees: Decimal::ZERO,
                outcome_payments: Decimal::ZERO,
                refunds: Decimal::ZERO,
                cash_savings: Decimal::ZERO,
                costs: Decimal::ZERO,
                net: Decimal::ZERO,
            });
        }
        if let Some(y) = years.last_mut() {
            y.fees += p.fees;
            y.outcome_payments += p.outcome_payments;
            y.refunds += p.refunds;
            y.cash_savings += p.cash_value;
            y.costs += p.costs;
            y.net += p.refunds + p.cash_value - p.fees - p.outcome_payments - p.costs;
        }
    }
    Budget {
        net: cash_flows.iter().sum(),
        npv: metrics::npv_with(&cash_flows, factors),
        max_commitment,
        years,
    }
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

/// The most site `i`'s payer can pay: the payer's part of its own cap or
/// the contract's, whichever is lower, plus its fixed fees and costs
/// (`periods`: its side of each period); `None` when neither cap exists.
/// Without sites, the payer's [`max_commitment`].
pub(crate) fn site_max_commitment(
    s: &Scenario,
    i: usize,
    periods: &[PayerPeriod],
) -> Option<Decimal> {
    let Some(site) = s.sites.get(i) else {
        return max_commitment(s);
    };
    let cap = match (site.cap.map(cap_ore), s.payment.cap.map(cap_ore)) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let fixed: Decimal = periods.iter().map(|p| p.fees + p.costs).sum();
    Some(payer_part(s, cap) + fixed)
}
