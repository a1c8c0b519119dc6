//! The one waterfall on the contract's total payments (`docs/model.md` §3,
//! §8.3, §8.4, §9): the cofunder's part, delivery and other costs, the
//! investor's draws and repayments, the provider's fee at risk, the surplus
//! and the guarantee. Each site's payments and caps are in `sites.rs`.

use rust_decimal::Decimal;

use super::num::{from_ore, ore_of};
use super::plan::Plan;
use super::sites::Payments;
use super::to_ore;
use crate::scenario::Excess;

/// Each party's flow at `τ = 0..T` (+ = money in).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flows {
    pub payer: Vec<Decimal>,
    pub cofunder: Vec<Decimal>,
    pub investor: Vec<Decimal>,
    pub provider: Vec<Decimal>,
    pub guarantor: Vec<Decimal>,
    pub public_other: Vec<Decimal>,
    /// The recipients of the costs besides delivery (§8.4): an
    /// intermediary, the evaluator, data owners, lawyers.
    pub others: Vec<Decimal>,
}

impl Flows {
    /// The six parties of the contract with their stable ids, in display order.
    pub fn parties(&self) -> [(&'static str, &[Decimal]); 6] {
        [
            ("payer", &self.payer),
            ("cofunder", &self.cofunder),
            ("investor", &self.investor),
            ("provider", &self.provider),
            ("guarantor", &self.guarantor),
            ("public_other", &self.public_other),
        ]
    }

    /// The six parties and `others`: every flow of money. Their flows sum
    /// to total value minus total delivery cost.
    pub fn all_parties(&self) -> [(&'static str, &[Decimal]); 7] {
        let [a, b, c, d, e, f] = self.parties();
        [a, b, c, d, e, f, ("others", &self.others)]
    }

    /// Every flow of the seven parties summed. Money is conserved: this is
    /// total value minus total delivery cost, to the øre.
    pub fn total(&self) -> Decimal {
        self.all_parties()
            .iter()
            .flat_map(|(_, flows)| flows.iter())
            .sum()
    }
}

/// Totals over the whole contract.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    pub outcome_payments: Decimal,
    pub guaranteed_payments: Decimal,
    pub drawn: Decimal,
    /// Received by the investor from outcome payments, before the
    /// guarantee; includes its upside.
    pub investor_received: Decimal,
    /// The investor's share of the surplus at the end (§8.3).
    pub investor_upside: Decimal,
    pub guarantee_paid: Decimal,
    pub provider_bonus: Decimal,
    pub refunded: Decimal,
    pub value: Decimal,
    pub delivery_cost: Decimal,
    /// Costs besides delivery, paid to `others` (§8.4).
    pub other_costs: Decimal,
}

/// The payer's side of one period `t`, booked by accrual
/// (*anordningsprinsippet*, §8.2): what belongs to period `t`, whether it
/// is paid at its start (τ = t − 1) or its end (τ = t). Positive amounts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PayerPeriod {
    /// The guaranteed fee `G` for the period's delivery.
    pub fees: Decimal,
    /// The payer's part `(1 − c)·O_t` of the outcome payment.
    pub outcome_payments: Decimal,
    /// Surplus refunded to the payer (its part `1 − c`).
    pub refunds: Decimal,
    /// Costs besides delivery that the payer pays (`start` costs: period 1).
    pub costs: Decimal,
    /// The payer's value `payer_value_share·B_t`.
    pub value: Decimal,
    /// The cash part of it, `payer_cash_share·value`.
    pub cash_value: Decimal,
}

/// The contract's side of a run: its per-period totals and every party's
/// flows, without each site's detail.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Core {
    /// `F_t`, before the caps (index `t − 1`).
    pub formula_payments: Vec<Decimal>,
    /// `O_t`, after the caps (index `t − 1`).
    pub outcome_payments: Vec<Decimal>,
    /// The cofunder's part `to_øre(c·O_t)`; the payers pay the rest.
    pub cofunder_payments: Vec<Decimal>,
    /// The payers' side of each period, summed over the sites.
    pub payer_periods: Vec<PayerPeriod>,
    pub flows: Flows,
    pub totals: Totals,
    /// What the investor is still owed at the end (`bal`).
    pub investor_balance: Decimal,
    /// The period in which cumulative payments reached the contract's cap.
    pub cap_reached: Option<usize>,
    /// Each site's period in which its own cap was reached.
    pub site_cap_reached: Vec<Option<usize>>,
    /// The surplus refunded to the payers at the end (their part).
    pub payer_refund: Decimal,
}

/// Balances beyond this saturate; no cash flow can come near it.
const SATURATED: Decimal = Decimal::from_parts(0, 0, 0x2000_0000, false, 0);

/// One party's flows at `τ = 0..T`, in øre.
type Ore = Vec<i128>;

/// The waterfall on the contract's payments. Every amount is whole øre, so
/// the sums are exact in whole numbers; the investor's capped return is
/// formed in `Decimal` (its rate has 28 digits) and rounded to øre.
pub(crate) fn waterfall(plan: &Plan, p: &Payments) -> Core {
    let periods = plan.periods;
    let c = &plan.cofunder_share;
    let zeros = || vec![0i128; periods + 1];
    let (mut payer, mut cofunder, mut investor, mut provider) =
        (zeros(), zeros(), zeros(), zeros());
    let (mut guarantor, mut public_other, mut others) = (zeros(), zeros(), zeros());
    let mut t = [0i128; 11];
    const PAID: usize = 0;
    const FEES: usize = 1;
    const DRAWN: usize = 2;
    const RECEIVED: usize = 3;
    const UPSIDE: usize = 4;
    const BONUS: usize = 6;
    const REFUNDED: usize = 7;
    const VALUE: usize = 8;
    const DELIVERY: usize = 9;
    const OTHER: usize = 10;
    let (mut cash, mut bal, mut deferred) = (0i128, 0i128, 0i128);
    let mut cofunder_payments = Vec::with_capacity(periods);
    let mut payer_periods = vec![[0i128; 6]; periods];
    let mut payer_refund = 0i128;
    let growth = Decimal::ONE + plan.cap_rate;

    for tau in 0..=periods {
        if tau >= 1 {
            if bal != 0 {
                bal = ore_of(to_ore(
                    from_ore(bal)
                        .checked_mul(growth)
                        .unwrap_or(SATURATED)
                        .min(SATURATED),
                ));
            }
            let o = p.paid[tau - 1];
            cash += o;
            let cofunder_part = c.part_of(o);
            cofunder[tau] -= cofunder_part;
            payer[tau] -= o - cofunder_part;
            cofunder_payments.push(from_ore(cofunder_part));
            let value = p.value[tau - 1];
            let payer_value = p.payer_value[tau - 1];
            payer_periods[tau - 1][1] = o - cofunder_part;
            payer_periods[tau - 1][4] = payer_value;
            payer_periods[tau - 1][5] = p.cash_value[tau - 1];
            payer[tau] += payer_value;
            public_other[tau] += value - payer_value;
            t[PAID] += o;
            t[VALUE] += value;
        }
        if tau < periods {
            // Fund period τ + 1: the payer's fixed fee, the provider's fee
            // at risk, the rest from cash (recycling) or drawn.
            let d = &plan.delivery[tau];
            let delivery_need = d.cost - d.fee - d.at_risk;
            deferred += d.at_risk;
            payer[tau] -= d.fee;
            payer_periods[tau][0] = d.fee;
            // Costs besides delivery: payer and cofunder pay their own; the
            // investor's are drawn like delivery (§8.4).
            let other = d.payer_costs + d.cofunder_costs + d.investor_costs;
            others[tau] += other;
            t[OTHER] += other;
            payer[tau] -= d.payer_costs;
            payer_periods[tau][3] += d.payer_costs;
            cofunder[tau] -= d.cofunder_costs;
            let need = delivery_need + d.investor_costs;
            let from_cash = if plan.recycle { cash.min(need) } else { 0 };
            cash -= from_cash;
            let draw = need - from_cash;
            bal += draw;
            t[DRAWN] += draw;
            investor[tau] -= draw;
            provider[tau] += d.fee + delivery_need - d.cost;
            t[FEES] += d.fee;
            t[DELIVERY] += d.cost;
        }
        if (!plan.recycle || tau == periods) && cash > 0 {
            let x = cash.min(bal);
            bal -= x;
            cash -= x;
            t[RECEIVED] += x;
            investor[tau] += x;
            let y = cash.min(deferred);
            deferred -= y;
            cash -= y;
            provider[tau] += y;
        }
        // The surplus is settled once, at the end (§3 step 3c): earlier
        // cash stays in the contract for later repayments.
        if tau == periods && cash > 0 {
            let upside = plan.excess_investor_share.part_of(cash);
            investor[tau] += upside;
            t[RECEIVED] += upside;
            t[UPSIDE] += upside;
            let rest = cash - upside;
            match plan.excess {
                Excess::Provider => {
                    provider[tau] += rest;
                    t[BONUS] += rest;
                }
                Excess::Payer => {
                    let cofunder_part = c.part_of(rest);
                    cofunder[tau] += cofunder_part;
                    payer_refund = rest - cofunder_part;
                    payer[tau] += payer_refund;
                    payer_periods[tau - 1][2] += payer_refund;
                    t[REFUNDED] += rest;
                }
            }
        }
    }
    let loss = (t[DRAWN] - t[RECEIVED]).max(0);
    let limit = ore_of(
        (plan.first_loss * from_ore(t[DRAWN]))
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero),
    );
    let guarantee = loss.min(limit);
    let mut guarantee_paid = 0;
    if guarantee > 0 {
        guarantor[periods] -= guarantee;
        investor[periods] += guarantee;
        guarantee_paid = guarantee;
    }

    let dec = |v: Ore| -> Vec<Decimal> { v.into_iter().map(from_ore).collect() };
    Core {
        formula_payments: p.formula.iter().copied().map(from_ore).collect(),
        outcome_payments: p.paid.iter().copied().map(from_ore).collect(),
        cofunder_payments,
        payer_periods: payer_periods
            .into_iter()
            .map(
                |[fees, outcome_payments, refunds, costs, value, cash_value]| PayerPeriod {
                    fees: from_ore(fees),
                    outcome_payments: from_ore(outcome_payments),
                    refunds: from_ore(refunds),
                    costs: from_ore(costs),
                    value: from_ore(value),
                    cash_value: from_ore(cash_value),
                },
            )
            .collect(),
        flows: Flows {
            payer: dec(payer),
            cofunder: dec(cofunder),
            investor: dec(investor),
            provider: dec(provider),
            guarantor: dec(guarantor),
            public_other: dec(public_other),
            others: dec(others),
        },
        totals: Totals {
            outcome_payments: from_ore(t[PAID]),
            guaranteed_payments: from_ore(t[FEES]),
            drawn: from_ore(t[DRAWN]),
            investor_received: from_ore(t[RECEIVED]),
            investor_upside: from_ore(t[UPSIDE]),
            guarantee_paid: from_ore(guarantee_paid),
            provider_bonus: from_ore(t[BONUS]),
            refunded: from_ore(t[REFUNDED]),
            value: from_ore(t[VALUE]),
            delivery_cost: from_ore(t[DELIVERY]),
            other_costs: from_ore(t[OTHER]),
        },
        investor_balance: from_ore(bal),
        cap_reached: p.cap_reached,
        site_cap_reached: p.site_cap_reached.clone(),
        payer_refund: from_ore(payer_refund),
    }
}
