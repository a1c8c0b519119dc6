//! The outcome-contract model of `docs/model.md`: pure, exact computation.
//!
//! [`run`] computes outcomes, payments and the waterfall for one achievement;
//! [`evaluate`] adds the figures (NPVs, IRR, MOIC, warnings, each site's);
//! [`break_even`] finds the achievements at which the investor and the payer
//! break even. [`Prepared`] keeps what does not depend on the achievement
//! for many runs. Nothing here does I/O or knows about terminals.

mod breakeven;
mod budget;
mod effect;
mod fast;
mod irr;
mod metrics;
mod num;
mod outcomes;
pub(crate) use outcomes::price as unit_price;
mod plan;
mod run;
mod sites;
mod waterfall;

pub use breakeven::{BreakEven, break_even};
pub use budget::{Budget, BudgetYear};
pub use effect::{Effect, effect, site_effect};
pub use fast::Prepared;
pub(crate) use fast::spread;
pub(crate) use irr::headline as irr_headline;
pub use irr::{Irr, irr};
pub(crate) use metrics::{discount_factors, npv_with, per_period_rate};
pub use outcomes::price;
pub use run::{Run, SiteRun, run, run_with_noise};
pub(crate) use sites::Pieces;
pub use waterfall::{Flows, PayerPeriod, Totals};

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
    /// With sites: neither the contract nor every site has a cap.
    NoCap,
    /// A site's own cap was reached before the last period (§9).
    SiteCapReached { site: String, period: usize },
}

/// One site's figures (§9): its payer's net and NPV, and its budget.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteFigures {
    pub payer: PartyFigures,
    /// The site's payer's budget, with its own maximum commitment.
    pub budget: Budget,
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
    /// With sites, all the payers together.
    pub budget: Budget,
    /// Each site, in the order of `run.sites`.
    pub sites: Vec<SiteFigures>,
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

/// [`evaluate`] with the scenario prepared already (`Prepared::new(s)`,
/// of this scenario or one that differs only in its achievement).
pub fn evaluate_prepared(s: &Scenario, prepared: &Prepared) -> Evaluation {
    evaluation(s, prepared.run(s.assumptions.achievement))
}

/// Evaluates the scenario at the given achievement α.
pub fn evaluate_at(s: &Scenario, achievement: Decimal) -> Evaluation {
    evaluation(s, run(s, achievement))
}

/// The discount factors at the discount rate and at the investor's hurdle
/// rate (§8.3).
struct Factors {
    discount: Vec<Decimal>,
    hurdle: Option<Vec<Decimal>>,
}

impl Factors {
    fn of(s: &Scenario) -> Factors {
        let hurdle = s.hurdle_rate();
        Factors {
            discount: metrics::discount_factors(s),
            hurdle: (hurdle != s.assumptions.discount_rate)
                .then(|| metrics::discount_factors_at(s, hurdle)),
        }
    }

    fn party(&self, flows: &[Decimal]) -> PartyFigures {
        PartyFigures {
            net: flows.iter().sum(),
            npv: metrics::npv_with(flows, &self.discount),
        }
    }

    /// The investor's net, and its NPV at the hurdle rate.
    fn investor(&self, flows: &[Decimal]) -> PartyFigures {
        PartyFigures {
            net: flows.iter().sum(),
            npv: metrics::npv_with(flows, self.hurdle.as_ref().unwrap_or(&self.discount)),
        }
    }
}

/// Every figure of a run.
fn evaluation(s: &Scenario, run: Run) -> Evaluation {
    let factors = Factors::of(s);
    let f = &run.flows;
    let payer = factors.party(&f.payer);
    let cofunder = factors.party(&f.cofunder);
    let public_other = factors.party(&f.public_other);
    let investor = factors.investor(&f.investor);
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
    for (site, r) in s.sites.iter().zip(&run.sites) {
        if let Some(period) = r.cap_reached
            && period < s.timeline.periods
        {
            warnings.push(Warning::SiteCapReached {
                site: site.id.clone(),
                period,
            });
        }
    }
    if irr.roots.len() > 1 {
        warnings.push(Warning::SeveralIrrs {
            count: irr.roots.len(),
        });
    }
    if budget::max_commitment(s).is_none() {
        warnings.push(Warning::NoCap);
    }
    let budget = budget::budget(
        s,
        &f.payer,
        &run.payer_periods,
        &factors.discount,
        budget::max_commitment(s),
    );
    // Without sites the one site is the payer: its figures are the payer's.
    let sites = if s.sites.is_empty() {
        run.sites
            .iter()
            .map(|_| SiteFigures {
                payer,
                budget: budget.clone(),
            })
            .collect()
    } else {
        site_figures(s, &run.sites, &factors)
    };
    Evaluation {
        investor: InvestorFigures {
            net: investor.net,
            npv: investor.npv,
            irr,
            moic,
        },
        payer,
        cofunder,
        provider: factors.party(&f.provider),
        guarantor: factors.party(&f.guarantor),
        others: factors.party(&f.others),
        public: PartyFigures {
            net: payer.net + cofunder.net + public_other.net,
            npv: payer.npv + cofunder.npv + public_other.npv,
        },
        public_other,
        budget,
        sites,
        warnings,
        run,
    }
}

/// Each site's figures; spread over the cores when there are many sites
/// (each needs two NPVs).
fn site_figures(s: &Scenario, runs: &[SiteRun], factors: &Factors) -> Vec<SiteFigures> {
    let one = |(i, r): (usize, &SiteRun)| SiteFigures {
        payer: factors.party(&r.payer_flows),
        budget: Budget {
            net: r.budget_flows.iter().sum(),
            npv: metrics::npv_with(&r.budget_flows, &factors.discount),
            max_commitment: budget::site_max_commitment(s, i, r.fixed, r.most_paid),
            years: r.budget_years.clone(),
        },
    };
    let indexed: Vec<(usize, &SiteRun)> = runs.iter().enumerate().collect();
    spread(&indexed, fast::site_threads(runs.len()), |part| {
        part.iter().map(|&x| one(x)).collect()
    })
}

/// Every figure including break-evens.
pub fn figures(s: &Scenario) -> Figures {
    let prepared = Prepared::new(s);
    Figures {
        evaluation: evaluation(s, prepared.run(s.assumptions.achievement)),
        break_even: prepared.break_even(s),
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
    let prepared = Prepared::new(s);
    let factors = metrics::discount_factors(s);
    let last = Decimal::from(points.saturating_sub(1).max(1));
    let achievements: Vec<Decimal> = (0..points).map(|i| max * Decimal::from(i) / last).collect();
    spread(&achievements, prepared.threads(), |part| {
        let mut scratch = Pieces::default();
        part.iter()
            .map(|&achievement| {
                let r = prepared.core_with(achievement, &[], &mut scratch);
                PayoffPoint {
                    achievement,
                    outcome_payments: r.totals.outcome_payments,
                    investor_net: r.flows.investor.iter().sum(),
                    payer_npv: metrics::npv_with(&r.flows.payer, &factors),
                }
            })
            .collect()
    })
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
    let prepared = Prepared::new(s);
    let factors = Factors::of(s);
    RISK_ACHIEVEMENTS
        .iter()
        .map(|&a| {
            let r = prepared.run(a);
            let f = &r.flows;
            RiskRow {
                achievement: a,
                outcome_payments: r.totals.outcome_payments,
                payer: factors.party(&f.payer),
                cofunder: factors.party(&f.cofunder),
                investor: factors.investor(&f.investor),
                provider: factors.party(&f.provider),
                guarantor: factors.party(&f.guarantor),
                public_other: factors.party(&f.public_other),
                investor_irr: irr::irr(&f.investor, s.timeline.per_year()),
                budget: budget::budget(
                    s,
                    &f.payer,
                    &r.payer_periods,
                    &factors.discount,
                    budget::max_commitment(s),
                ),
            }
        })
        .collect()
}

/// Each site's payer at 0, 50, 100 and 150 % (§9): net and NPV, per
/// achievement of [`RISK_ACHIEVEMENTS`], per site.
pub fn site_risk_table(s: &Scenario) -> Vec<[PartyFigures; 4]> {
    let prepared = Prepared::new(s);
    let factors = Factors::of(s);
    let runs = RISK_ACHIEVEMENTS.map(|a| prepared.run(a));
    (0..runs[0].sites.len())
        .map(|i| {
            runs.each_ref()
                .map(|r| factors.party(&r.sites[i].payer_flows))
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
