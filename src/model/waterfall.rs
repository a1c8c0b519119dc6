//! Payments, the cap and the waterfall (`docs/model.md` §3, §8.3, §8.4).

use rust_decimal::Decimal;

use super::{OutcomeSeries, metrics, outcomes, to_ore};
use crate::scenario::{CostPayer, Excess, Scenario};

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
    fn zeros(points: usize) -> Flows {
        let z = vec![Decimal::ZERO; points];
        Flows {
            payer: z.clone(),
            cofunder: z.clone(),
            investor: z.clone(),
            provider: z.clone(),
            guarantor: z.clone(),
            public_other: z.clone(),
            others: z,
        }
    }

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

/// Outcomes, payments and the waterfall at one achievement.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub achievement: Decimal,
    pub outcomes: Vec<OutcomeSeries>,
    /// `F_t`, before the cap (index `t − 1`).
    pub formula_payments: Vec<Decimal>,
    /// `O_t`, after the cap (index `t − 1`).
    pub outcome_payments: Vec<Decimal>,
    /// The cofunder's part `c·O_t` of each outcome payment, in øre; the
    /// payer pays the rest (index `t − 1`).
    pub cofunder_payments: Vec<Decimal>,
    /// The payer's side of each period (index `t − 1`).
    pub payer_periods: Vec<PayerPeriod>,
    pub flows: Flows,
    pub totals: Totals,
    /// What the investor is still owed at the end (`bal`).
    pub investor_balance: Decimal,
    /// The period in which cumulative payments reached the cap, if they did.
    pub cap_reached: Option<usize>,
}

/// Balances beyond this saturate; no cash flow can come near it.
const SATURATED: Decimal = Decimal::from_parts(0, 0, 0x2000_0000, false, 0);

/// Computes outcomes, payments and every party's flows at achievement α.
pub fn run(s: &Scenario, achievement: Decimal) -> Run {
    run_with_noise(s, achievement, &[])
}

/// Like [`run`], with measurement noise: `noise[o·T + t − 1]` (outcome `o`
/// in the order of `s.outcomes`, period `t`, `T` periods) is added, in
/// indicator points, to the measured improvement `M_t` of a flow outcome or
/// to the measured rate of an event outcome (then clamped to 0..100). So
/// payments become random while true units and value stay noise-free. A
/// shorter slice leaves the remaining outcomes without noise; `&[]` is [`run`].
pub fn run_with_noise(s: &Scenario, achievement: Decimal, noise: &[Decimal]) -> Run {
    let periods = s.timeline.periods;
    let outcomes: Vec<OutcomeSeries> = s
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let from = (i * periods).min(noise.len());
            let to = (from + periods).min(noise.len());
            outcomes::series(s, o, achievement, &noise[from..to])
        })
        .collect();

    let mut formula_payments = vec![Decimal::ZERO; periods];
    let mut total_value = vec![Decimal::ZERO; periods];
    let mut payer_periods = vec![PayerPeriod::default(); periods];
    for (o, series) in s.outcomes.iter().zip(&outcomes) {
        for t in 0..periods {
            formula_payments[t] += series.payments[t];
            total_value[t] += series.value[t];
            let payer_value = to_ore(o.payer_value_share * series.value[t]);
            payer_periods[t].value += payer_value;
            payer_periods[t].cash_value += to_ore(o.payer_cash_share * payer_value);
        }
    }
    let (outcome_payments, cap_reached) = capped(s, &formula_payments);

    let c = s.payment.cofunder_share;
    let g = s.payment.guaranteed_share;
    let a = s.provider.fee_at_risk;
    let k = s.payment.excess_investor_share;
    let cap_rate = metrics::per_period_rate(s.investment.return_cap, s.timeline.per_year());
    let mut fl = Flows::zeros(periods + 1);
    let mut totals = Totals::default();
    let (mut cash, mut bal, mut deferred) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut cofunder_payments = Vec::with_capacity(periods);

    for tau in 0..=periods {
        if tau >= 1 {
            bal = to_ore(
                bal.checked_mul(Decimal::ONE + cap_rate)
                    .unwrap_or(SATURATED)
                    .min(SATURATED),
            );
            let o = outcome_payments[tau - 1];
            cash += o;
            let cofunder_part = to_ore(c * o);
            fl.cofunder[tau] -= cofunder_part;
            fl.payer[tau] -= o - cofunder_part;
            cofunder_payments.push(cofunder_part);
            let period = &mut payer_periods[tau - 1];
            period.outcome_payments = o - cofunder_part;
            fl.payer[tau] += period.value;
            fl.public_other[tau] += total_value[tau - 1] - period.value;
            totals.outcome_payments += o;
            totals.value += total_value[tau - 1];
        }
        if tau < periods {
            // In whole øre, so that every flow is and sums stay exact.
            let cost = to_ore(s.delivery.cost[tau]);
            let guaranteed = to_ore(g * cost);
            let at_risk = to_ore(a * cost);
            let delivery_need = cost - guaranteed - at_risk;
            deferred += at_risk;
            fl.payer[tau] -= guaranteed;
            payer_periods[tau].fees = guaranteed;
            // Costs besides delivery: payer and cofunder pay their own; the
            // investor's are drawn like delivery (§8.4).
            let mut investor_costs = Decimal::ZERO;
            for other in &s.costs {
                let amount = to_ore(other.at(tau));
                if amount.is_zero() {
                    continue;
                }
                fl.others[tau] += amount;
                totals.other_costs += amount;
                match other.paid_by {
                    CostPayer::Payer => {
                        fl.payer[tau] -= amount;
                        payer_periods[tau].costs += amount;
                    }
                    CostPayer::Cofunder => fl.cofunder[tau] -= amount,
                    CostPayer::Investor => investor_costs += amount,
                }
            }
            let need = delivery_need + investor_costs;
            let from_cash = if s.investment.recycle {
                cash.min(need)
            } else {
                Decimal::ZERO
            };
            cash -= from_cash;
            let draw = need - from_cash;
            bal += draw;
            totals.drawn += draw;
            fl.investor[tau] -= draw;
            fl.provider[tau] += guaranteed + delivery_need - cost;
            totals.guaranteed_payments += guaranteed;
            totals.delivery_cost += cost;
        }
        if (!s.investment.recycle || tau == periods) && cash > Decimal::ZERO {
            let x = cash.min(bal);
            bal -= x;
            cash -= x;
            totals.investor_received += x;
            fl.investor[tau] += x;
            let y = cash.min(deferred);
            deferred -= y;
            cash -= y;
            fl.provider[tau] += y;
        }
        // The surplus is settled once, at the end (§3 step 3c): earlier
        // cash stays in the contract for later repayments.
        if tau == periods && cash > Decimal::ZERO {
            let upside = to_ore(k * cash);
            fl.investor[tau] += upside;
            totals.investor_received += upside;
            totals.investor_upside += upside;
            let rest = cash - upside;
            match s.payment.excess {
                Excess::Provider => {
                    fl.provider[tau] += rest;
                    totals.provider_bonus += rest;
                }
                Excess::Payer => {
                    let cofunder_part = to_ore(c * rest);
                    fl.cofunder[tau] += cofunder_part;
                    fl.payer[tau] += rest - cofunder_part;
                    payer_periods[tau - 1].refunds += rest - cofunder_part;
                    totals.refunded += rest;
                }
            }
        }
    }
    let loss = (totals.drawn - totals.investor_received).max(Decimal::ZERO);
    let limit = (s.investment.first_loss * totals.drawn)
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
    let guarantee = loss.min(limit);
    if guarantee > Decimal::ZERO {
        fl.guarantor[periods] -= guarantee;
        fl.investor[periods] += guarantee;
        totals.guarantee_paid = guarantee;
    }

    Run {
        achievement,
        outcomes,
        formula_payments,
        outcome_payments,
        cofunder_payments,
        payer_periods,
        flows: fl,
        totals,
        investor_balance: bal,
        cap_reached,
    }
}

/// The outcome payments `O_t` after the cap, and the period in which the
/// cumulative payments reached it.
fn capped(s: &Scenario, formula_payments: &[Decimal]) -> (Vec<Decimal>, Option<usize>) {
    let mut outcome_payments = Vec::with_capacity(formula_payments.len());
    let mut cap_reached = None;
    let mut paid = Decimal::ZERO;
    for (t, f) in formula_payments.iter().enumerate() {
        let o = match s.payment.cap {
            Some(cap) => {
                // Whole øre (down, never above the cap), like every amount.
                let cap = cap.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
                let room = (cap - paid).max(Decimal::ZERO);
                if cap_reached.is_none() && *f >= room && !f.is_zero() {
                    cap_reached = Some(t + 1);
                }
                (*f).min(room)
            }
            None => *f,
        };
        paid += o;
        outcome_payments.push(o);
    }
    (outcome_payments, cap_reached)
}
