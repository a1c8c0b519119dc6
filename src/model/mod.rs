//! The outcome-contract model of `docs/model.md`: pure, exact computation.
//!
//! [`run`] computes outcomes, payments and the waterfall for one achievement;
//! [`evaluate`] adds the figures (NPVs, IRR, MOIC, warnings); [`break_even`]
//! finds the achievements at which the investor and the payer break even.
//! Nothing here does I/O or knows about terminals.

mod breakeven;
mod budget;
mod effect;
mod irr;
mod metrics;
mod outcomes;
mod waterfall;

pub use breakeven::{BreakEven, break_even};
pub use budget::{Budget, BudgetYear};
pub use effect::{Effect, effect};
pub(crate) use irr::headline as irr_headline;
pub use irr::{Irr, irr};
pub(crate) use metrics::{discount_factors, npv_with};
pub use waterfall::{Flows, PayerPeriod, Run, Totals, run, run_with_noise};

use rust_decimal::Decimal;

use crate::scenario::Scenario;

/// Rounds an amount of money to øre (0.01), half away from zero. Every
/// amount that moves between parties is rounded where it is formed, so that
/// every split (payer/cofunder, payer/public_other) is exact and money is
/// conserved to the last digit.
pub fn to_ore(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Per-period series of one outcome (index `t − 1`).
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeSeries {
    pub id: String,
    /// Payable units `U_t`.
    pub units: Vec<Decimal>,
    /// True additional units `A_t`.
    pub true_units: Vec<Decimal>,
    /// Formula payments `P_t = U_t·price` (before the cap).
    pub payments: Vec<Decimal>,
    /// Value `B_t = A_t·value`.
    pub value: Vec<Decimal>,
}

/// The investor's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct InvestorFigures {
    pub net: Decimal,
    /// At the hurdle rate (§8.3), not the discount rate.
    pub npv: Decimal,
    pub irr: Irr,
    /// Money multiple `(received + guarantee) / drawn`; `None` if nothing drawn.
    pub moic: Option<Decimal>,
}

/// Net (plain sum) and NPV of one party's flows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PartyFigures {
    pub net: Decimal,
    pub npv: Decimal,
}

/// Something the room should notice; never fatal.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// The investor drew more than the committed capital.
    CapitalShortfall { drawn: Decimal, capital: Decimal },
    /// An outcome's price per unit is above its value per unit.
    PriceAboveValue { outcome: String },
    /// The payment cap was reached before the last period (period number).
    CapReached { period: usize },
    /// The investor's flows have several IRRs.
    SeveralIrrs { count: usize },
    /// No payment cap: the payer's commitment has no upper bound (§8.2).
    NoCap,
}

/// Every figure of one scenario at its current lever values.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub run: Run,
    pub investor: InvestorFigures,
    pub payer: PartyFigures,
    pub cofunder: PartyFigures,
    pub provider: PartyFigures,
    pub guarantor: PartyFigures,
    pub public_other: PartyFigures,
    /// The recipients of costs besides delivery (§8.4).
    pub others: PartyFigures,
    /// The whole public sector: payer, cofunder and public_other together
    /// (not `others`).
    pub public: PartyFigures,
    /// The payer's budget: cash and value apart, per budget year (§8.2).
    pub budget: Budget,
    pub warnings: Vec<Warning>,
}

/// Evaluation plus the break-even achievements: what the TUI shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub evaluation: Evaluation,
    pub break_even: BreakEven,
}

/// Evaluates the scenario at its own achievement (`assumptions.achievement`).
///
/// ```
/// use effekt::{catalog, model};
///
/// let pilot = catalog::load_bundled(catalog::find_bundled("sykefravaer").unwrap());
/// let e = model::evaluate(&pilot.scenario);
/// // Money is conserved: the seven parties' flows sum to value minus cost.
/// let sum: rust_decimal::Decimal =
///     e.run.flows.total();
/// assert_eq!(sum, e.run.totals.value - e.run.totals.delivery_cost);
/// ```
pub fn evaluate(s: &Scenario) -> Evaluation {
    evaluate_at(s, s.assumptions.achievement)
}

/// Evaluates the scenario at the given achievement α.
pub fn evaluate_at(s: &Scenario, achievement: Decimal) -> Evaluation {
    let run = run(s, achievement);
    let factors = metrics::discount_factors(s);
    let party = |flows: &[Decimal]| PartyFigures {
        net: flows.iter().sum(),
        npv: metrics::npv_with(flows, &factors),
    };
    let f = &run.flows;
    let payer = party(&f.payer);
    let cofunder = party(&f.cofunder);
    let public_other = party(&f.public_other);
    let hurdle = s.hurdle_rate();
    let investor_npv = if hurdle == s.assumptions.discount_rate {
        metrics::npv_with(&f.investor, &factors)
    } else {
        metrics::npv_with(&f.investor, &metrics::discount_factors_at(s, hurdle))
    };
    let irr = irr::irr(&f.investor, s.timeline.per_year());
    let t = &run.totals;
    // Saturates rather than overflows when a fraction of an øre was drawn.
    let moic = (t.drawn > Decimal::ZERO).then(|| {
        (t.investor_received + t.guarantee_paid)
            .checked_div(t.drawn)
            .unwrap_or(Decimal::MAX)
    });

    let mut warnings = Vec::new();
    if t.drawn > s.investment.capital {
        warnings.push(Warning::CapitalShortfall {
            drawn: t.drawn,
            capital: s.investment.capital,
        });
    }
    for o in &s.outcomes {
        if outcomes::price(s, o) > o.value {
            warnings.push(Warning::PriceAboveValue {
                outcome: o.id.clone(),
            });
        }
    }
    if let Some(period) = run.cap_reached
        && period < s.timeline.periods
    {
        warnings.push(Warning::CapReached { period });
    }
    if irr.roots.len() > 1 {
        warnings.push(Warning::SeveralIrrs {
            count: irr.roots.len(),
        });
    }
    if s.payment.cap.is_none() {
        warnings.push(Warning::NoCap);
    }
    Evaluation {
        investor: InvestorFigures {
            net: f.investor.iter().sum(),
            npv: investor_npv,
            irr,
            moic,
        },
        payer,
        cofunder,
        provider: party(&f.provider),
        guarantor: party(&f.guarantor),
        others: party(&f.others),
        public: PartyFigures {
            net: payer.net + cofunder.net + public_other.net,
            npv: payer.npv + cofunder.npv + public_other.npv,
        },
        public_other,
        budget: budget::budget(s, &run, &factors),
        warnings,
        run,
    }
}

/// Every figure including break-evens.
pub fn figures(s: &Scenario) -> Figures {
    Figures {
        evaluation: evaluate(s),
        break_even: break_even(s),
    }
}

/// One point of a payoff curve: what happens at achievement α.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PayoffPoint {
    pub achievement: Decimal,
    pub outcome_payments: Decimal,
    pub investor_net: Decimal,
    pub payer_npv: Decimal,
}

/// Outcome payments, investor net and payer NPV at `points` achievements
/// evenly spread over `0..=max`.
pub fn payoff_curve(s: &Scenario, max: Decimal, points: usize) -> Vec<PayoffPoint> {
    let factors = metrics::discount_factors(s);
    let last = Decimal::from(points.saturating_sub(1).max(1));
    (0..points)
        .map(|i| {
            let achievement = max * Decimal::from(i) / last;
            let r = run(s, achievement);
            PayoffPoint {
                achievement,
                outcome_payments: r.totals.outcome_payments,
                investor_net: r.flows.investor.iter().sum(),
                payer_npv: metrics::npv_with(&r.flows.payer, &factors),
            }
        })
        .collect()
}

/// Each party's result (net, undiscounted) at one achievement.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskRow {
    pub achievement: Decimal,
    pub outcome_payments: Decimal,
    pub payer: PartyFigures,
    pub cofunder: PartyFigures,
    pub investor: PartyFigures,
    pub provider: PartyFigures,
    pub guarantor: PartyFigures,
    pub public_other: PartyFigures,
    pub investor_irr: Irr,
    /// The payer's budget at this achievement (§8.2).
    pub budget: Budget,
}

/// The achievements of the risk-sharing table: 0, 50, 100 and 150 % of target.
pub const RISK_ACHIEVEMENTS: [Decimal; 4] = [
    Decimal::ZERO,
    Decimal::from_parts(5, 0, 0, false, 1),
    Decimal::ONE,
    Decimal::from_parts(15, 0, 0, false, 1),
];

/// The risk-sharing table: each party's result at 0, 50, 100 and 150 %.
pub fn risk_table(s: &Scenario) -> Vec<RiskRow> {
    RISK_ACHIEVEMENTS
        .iter()
        .map(|&a| {
            let e = evaluate_at(s, a);
            RiskRow {
                achievement: a,
                outcome_payments: e.run.totals.outcome_payments,
                payer: e.payer,
                cofunder: e.cofunder,
                investor: PartyFigures {
                    net: e.investor.net,
                    npv: e.investor.npv,
                },
                provider: e.provider,
                guarantor: e.guarantor,
                public_other: e.public_other,
                investor_irr: e.investor.irr,
                budget: e.budget,
            }
        })
        .collect()
}

impl Evaluation {
    /// The six parties' net and NPV, in the order of [`Flows::parties`].
    pub fn party_figures(&self) -> [PartyFigures; 6] {
        [
            self.payer,
            self.cofunder,
            self.investor_party(),
            self.provider,
            self.guarantor,
            self.public_other,
        ]
    }

    /// The investor's net and NPV as a [`PartyFigures`].
    pub fn investor_party(&self) -> PartyFigures {
        PartyFigures {
            net: self.investor.net,
            npv: self.investor.npv,
        }
    }
}
