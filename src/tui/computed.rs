//! The figures a document shows, computed once per change of the levers
//! (never while drawing): the model's evaluation, the headline figures and
//! their change since the last step, the risk-sharing table, the payoff
//! curve and the payments per period.

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::model::{self, BreakEven, Figures, PayoffPoint, RiskRow};
use crate::report::budget::{self, BudgetTable};
use crate::report::business_case::{self, SiteAt};
use crate::scenario::Scenario;

/// The headline figures, in one place so their changes can be shown.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Headline {
    pub outcome_payments: Decimal,
    /// The payer's part of the outcome payments.
    pub payer_part: Decimal,
    /// The cofunder's part of the outcome payments.
    pub cofunder_part: Decimal,
    pub payer_npv: Decimal,
    /// The payer's budget net: cash only, a plain sum (§8.2).
    pub budget_net: Decimal,
    pub investor_irr: Option<Decimal>,
    pub investor_moic: Option<Decimal>,
    pub investor_npv: Decimal,
    pub provider_net: Decimal,
    pub public_npv: Decimal,
    pub break_even: BreakEvenFigures,
}

/// The break-even achievements (copy of [`BreakEven`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BreakEvenFigures {
    pub principal: Option<Decimal>,
    pub return_cap: Option<Decimal>,
    pub payer: Option<Decimal>,
}

impl From<&BreakEven> for BreakEvenFigures {
    fn from(b: &BreakEven) -> Self {
        BreakEvenFigures {
            principal: b.principal,
            return_cap: b.return_cap,
            payer: b.payer,
        }
    }
}

/// The change of every headline figure caused by the last change of the
/// levers; zero where there is none or a figure is missing on either side.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Deltas {
    pub outcome_payments: Decimal,
    pub payer_part: Decimal,
    pub cofunder_part: Decimal,
    pub payer_npv: Decimal,
    pub budget_net: Decimal,
    pub investor_irr: Decimal,
    pub investor_moic: Decimal,
    pub investor_npv: Decimal,
    pub provider_net: Decimal,
    pub public_npv: Decimal,
    pub be_principal: Decimal,
    pub be_return_cap: Decimal,
    pub be_payer: Decimal,
}

fn opt_delta(old: Option<Decimal>, new: Option<Decimal>) -> Decimal {
    match (old, new) {
        (Some(a), Some(b)) => b - a,
        _ => Decimal::ZERO,
    }
}

impl Deltas {
    /// `new − old`, figure by figure.
    pub fn between(old: &Headline, new: &Headline) -> Deltas {
        Deltas {
            outcome_payments: new.outcome_payments - old.outcome_payments,
            payer_part: new.payer_part - old.payer_part,
            cofunder_part: new.cofunder_part - old.cofunder_part,
            payer_npv: new.payer_npv - old.payer_npv,
            budget_net: new.budget_net - old.budget_net,
            investor_irr: opt_delta(old.investor_irr, new.investor_irr),
            investor_moic: opt_delta(old.investor_moic, new.investor_moic),
            investor_npv: new.investor_npv - old.investor_npv,
            provider_net: new.provider_net - old.provider_net,
            public_npv: new.public_npv - old.public_npv,
            be_principal: opt_delta(old.break_even.principal, new.break_even.principal),
            be_return_cap: opt_delta(old.break_even.return_cap, new.break_even.return_cap),
            be_payer: opt_delta(old.break_even.payer, new.break_even.payer),
        }
    }
}

/// Outcome payments of one period, split as the model splits them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PeriodPayments {
    pub payer: Decimal,
    pub cofunder: Decimal,
}

/// The payoff chart's data: the curve, and the same in `f64` for the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Payoff {
    pub points: Vec<PayoffPoint>,
    /// (achievement in %, amount) per series.
    pub payments: Vec<(f64, f64)>,
    pub investor: Vec<(f64, f64)>,
    pub payer_npv: Vec<(f64, f64)>,
    /// Bounds of every series and their middle, for the axis labels.
    pub y_min: Decimal,
    pub y_mid: Decimal,
    pub y_max: Decimal,
}

/// The highest achievement of the payoff chart (150 %).
pub const PAYOFF_MAX: Decimal = Decimal::from_parts(15, 0, 0, false, 1);
/// Points of the payoff curve (every 2.5 %).
pub const PAYOFF_POINTS: usize = 61;

impl Payoff {
    fn new(s: &Scenario) -> Payoff {
        use rust_decimal::prelude::ToPrimitive;
        let points = model::payoff_curve(s, PAYOFF_MAX, PAYOFF_POINTS);
        let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
        let x = |p: &PayoffPoint| f(p.achievement * Decimal::ONE_HUNDRED);
        let series = |g: fn(&PayoffPoint) -> Decimal| -> Vec<(f64, f64)> {
            points.iter().map(|p| (x(p), f(g(p)))).collect()
        };
        let all = points
            .iter()
            .flat_map(|p| [p.outcome_payments, p.investor_net, p.payer_npv]);
        let (mut y_min, mut y_max) = (Decimal::ZERO, Decimal::ZERO);
        for v in all {
            y_min = y_min.min(v);
            y_max = y_max.max(v);
        }
        if y_max == y_min {
            y_max = y_min + Decimal::ONE;
        }
        Payoff {
            payments: series(|p| p.outcome_payments),
            investor: series(|p| p.investor_net),
            payer_npv: series(|p| p.payer_npv),
            points,
            y_min,
            y_mid: (y_min + y_max) / Decimal::TWO,
            y_max,
        }
    }
}

/// Everything the screens show, computed once per change of the levers and
/// never in a render.
#[derive(Debug, Clone)]
pub struct Computed {
    pub figures: Figures,
    pub headline: Headline,
    pub deltas: Deltas,
    pub risk: Vec<RiskRow>,
    pub payoff: Payoff,
    pub periods: Vec<PeriodPayments>,
    /// The payer's budget now, at 0 % and at 150 % (`report::budget`).
    pub budgets: Vec<BudgetTable>,
    /// The payer's value that is not cash (in its NPV, not its budget).
    pub non_cash_value: Decimal,
    /// Each party's result now, as a row of the risk table.
    pub now_row: RiskRow,
    /// The break-evens, the risk table and the payoff curve (and what is
    /// made from them) are an earlier scenario's: a large pilot's lever
    /// step left them to [`Computed::completed`] (see [`Computed::quick`]).
    pub pending: bool,
    /// Each municipality at 0, 50, 100 and 150 % (`[[sites]]` only; empty
    /// without sites); deferred with the risk table.
    pub sites: Vec<[SiteAt; 4]>,
    /// Each municipality's budget now, at 0 % and at 150 % (the budget
    /// screen's site filter; empty without sites).
    pub site_budgets: Vec<Vec<BudgetTable>>,
    /// The scenario prepared for runs, kept for the next step while only
    /// the achievement moves (the plan does not depend on it).
    prepared: Arc<model::Prepared>,
}

/// A pilot whose break-evens, risk table and payoff curve take longer than
/// a frame: site-periods from this many on (357 municipalities monthly
/// over ten years are 42 840; the bundled pilots under 500).
pub const HEAVY_SITE_PERIODS: usize = 2_000;

/// Whether a lever step of `s` leaves its heavy figures to complete later.
pub fn is_heavy(s: &Scenario) -> bool {
    s.sites.len().max(1) * s.timeline.periods >= HEAVY_SITE_PERIODS
}

/// What does not depend on the achievement and takes the longest: the
/// break-evens, the risk table, the payoff curve and each municipality at
/// 0, 50, 100 and 150 %.
struct Heavy {
    break_even: BreakEven,
    risk: Vec<RiskRow>,
    payoff: Payoff,
    pending: bool,
    sites: Vec<[SiteAt; 4]>,
}

impl Heavy {
    fn compute(s: &Scenario) -> Heavy {
        Heavy {
            break_even: model::break_even(s),
            risk: model::risk_table(s),
            payoff: Payoff::new(s),
            pending: false,
            sites: if s.sites.is_empty() {
                Vec::new()
            } else {
                business_case::site_risk(s)
            },
        }
    }

    /// An earlier computation's, still `pending` or not.
    fn kept(c: &Computed, pending: bool) -> Heavy {
        Heavy {
            break_even: c.figures.break_even,
            risk: c.risk.clone(),
            payoff: c.payoff.clone(),
            pending,
            sites: c.sites.clone(),
        }
    }
}

/// `a` and `b` are the same scenario apart from the achievement.
fn same_but_achievement(a: &Scenario, b: &Scenario) -> bool {
    let mut a = a.clone();
    a.assumptions.achievement = b.assumptions.achievement;
    a == *b
}

impl Computed {
    /// Computes every figure of `s`. With the previous scenario and its
    /// figures, the change is measured against them, and what does not
    /// depend on the achievement (break-even, risk table, payoff curve) is
    /// reused when only the achievement moved.
    pub fn new(s: &Scenario, previous: Option<(&Scenario, &Computed)>) -> Computed {
        Computed::build(s, previous, false)
    }

    /// As [`Computed::new`], but for a heavy pilot ([`is_heavy`]) whose
    /// terms changed, the break-evens, risk table and payoff curve are
    /// kept from `previous` and marked [`Computed::pending`]: the step
    /// shows the evaluation at once, and the host completes the rest when
    /// the keys rest ([`Computed::completed`]).
    pub fn quick(s: &Scenario, previous: Option<(&Scenario, &Computed)>) -> Computed {
        Computed::build(s, previous, is_heavy(s))
    }

    /// The same figures with nothing pending: the heavy ones computed for
    /// `s` (with the plan and evaluation the step made), the changes
    /// measured as the step measured them (the break-evens' against the
    /// values shown before).
    pub fn completed(&self, s: &Scenario) -> Computed {
        let mut full = Computed::assemble(
            s,
            self.figures.evaluation.clone(),
            Heavy::compute(s),
            self.prepared.clone(),
            Some(&self.headline),
        );
        full.deltas = Deltas {
            be_principal: full.deltas.be_principal,
            be_return_cap: full.deltas.be_return_cap,
            be_payer: full.deltas.be_payer,
            ..self.deltas
        };
        full
    }

    fn build(s: &Scenario, previous: Option<(&Scenario, &Computed)>, defer: bool) -> Computed {
        let reuse = previous.filter(|(p, _)| same_but_achievement(p, s));
        let prepared = match reuse {
            Some((_, c)) => c.prepared.clone(),
            None => Arc::new(model::Prepared::new(s)),
        };
        let evaluation = model::evaluate_prepared(s, &prepared);
        let heavy = match (reuse, previous) {
            (Some((_, c)), _) => Heavy::kept(c, c.pending),
            (None, Some((_, c))) if defer => Heavy::kept(c, true),
            _ => Heavy::compute(s),
        };
        Computed::assemble(
            s,
            evaluation,
            heavy,
            prepared,
            previous.map(|(_, p)| &p.headline),
        )
    }

    /// Every figure from the evaluation and the heavy ones; the changes
    /// against the `previous` headline figures.
    fn assemble(
        s: &Scenario,
        evaluation: model::Evaluation,
        heavy: Heavy,
        prepared: Arc<model::Prepared>,
        previous: Option<&Headline>,
    ) -> Computed {
        let Heavy {
            break_even,
            risk,
            payoff,
            pending,
            sites,
        } = heavy;
        let run = &evaluation.run;
        let periods: Vec<PeriodPayments> = run
            .outcome_payments
            .iter()
            .zip(&run.cofunder_payments)
            .map(|(o, cofunder)| PeriodPayments {
                payer: o - cofunder,
                cofunder: *cofunder,
            })
            .collect();
        let e = &evaluation;
        let headline = Headline {
            outcome_payments: e.run.totals.outcome_payments,
            payer_part: periods.iter().map(|p| p.payer).sum(),
            cofunder_part: periods.iter().map(|p| p.cofunder).sum(),
            payer_npv: e.payer.npv,
            budget_net: e.budget.net,
            investor_irr: e.investor.irr.headline,
            investor_moic: e.investor.moic,
            investor_npv: e.investor.npv,
            provider_net: e.provider.net,
            public_npv: e.public.npv,
            break_even: BreakEvenFigures::from(&break_even),
        };
        let deltas = previous
            .map(|p| Deltas::between(p, &headline))
            .unwrap_or_default();
        let budgets = budget::tables(s, e, &risk);
        let non_cash_value = budget::non_cash_value(e);
        let site_budgets = (0..sites.len())
            .map(|i| business_case::site_budget_tables(s, e, &sites, i))
            .collect();
        let now_row = RiskRow {
            achievement: e.run.achievement,
            outcome_payments: e.run.totals.outcome_payments,
            payer: e.payer,
            cofunder: e.cofunder,
            investor: e.investor_party(),
            provider: e.provider,
            guarantor: e.guarantor,
            public_other: e.public_other,
            investor_irr: e.investor.irr.clone(),
            budget: e.budget.clone(),
        };
        Computed {
            figures: Figures {
                evaluation,
                break_even,
            },
            headline,
            deltas,
            risk,
            payoff,
            periods,
            budgets,
            non_cash_value,
            now_row,
            pending,
            sites,
            site_budgets,
            prepared,
        }
    }
}
