//! The payer's budget as a table (`docs/model.md` §8.2), the same on the
//! workshop's budget screen, in `effekt calc` and in every report: one
//! row per item, one column per budget year, at the current effect and at
//! 0 % and 150 % of the expected effect. Outflows are negative, so each
//! column sums to its net.

use rust_decimal::Decimal;

use crate::format::Lang;
use crate::i18n::glossary::Term;
use crate::model::{Budget, Evaluation, RiskRow};
use crate::scenario::{CostPayer, Scenario};

/// The effects the budget is shown at besides the current one: none and
/// 150 % of the expected (both rows of the risk table).
pub const BUDGET_ACHIEVEMENTS: [Decimal; 2] =
    [Decimal::ZERO, Decimal::from_parts(15, 0, 0, false, 1)];

/// One item of the budget over the years.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLine {
    /// What the row is (its name and explanation in the glossary).
    pub term: Term,
    /// Per budget year, in the table's order; outflows negative.
    pub values: Vec<Decimal>,
    /// The sum over the years.
    pub total: Decimal,
}

/// The payer's budget at one effect.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetTable {
    /// The effect α it is computed at.
    pub achievement: Decimal,
    /// The scenario's own effect (the workshop's current one).
    pub now: bool,
    /// The budget years (calendar years, or 1, 2, … without a start year).
    pub years: Vec<i64>,
    /// Fees, outcome payments, refunds, cash savings, costs (only when the
    /// scenario has costs the payer pays) and the net.
    pub lines: Vec<BudgetLine>,
}

/// The scenario has costs the payer pays, so the table has their row
/// (by the scenario, not the values: rows do not come and go).
pub fn has_payer_costs(s: &Scenario) -> bool {
    s.costs.iter().any(|c| c.paid_by == CostPayer::Payer)
}

/// The table of one budget.
pub fn table(s: &Scenario, budget: &Budget, achievement: Decimal, now: bool) -> BudgetTable {
    let line = |term: Term, get: fn(&crate::model::BudgetYear) -> Decimal| {
        let values: Vec<Decimal> = budget.years.iter().map(get).collect();
        BudgetLine {
            term,
            total: values.iter().sum(),
            values,
        }
    };
    let mut lines = vec![
        line(Term::Fees, |y| -y.fees),
        line(Term::BudgetOutcomePayments, |y| -y.outcome_payments),
        line(Term::Refunds, |y| y.refunds),
        line(Term::CashSavings, |y| y.cash_savings),
    ];
    if has_payer_costs(s) {
        lines.push(line(Term::Costs, |y| -y.costs));
    }
    lines.push(line(Term::BudgetYearNet, |y| y.net));
    BudgetTable {
        achievement,
        now,
        years: budget.years.iter().map(|y| y.year).collect(),
        lines,
    }
}

/// The budget at the current effect, then at 0 % and 150 % (from the
/// risk table, which is computed at those effects).
pub fn tables(s: &Scenario, e: &Evaluation, risk: &[RiskRow]) -> Vec<BudgetTable> {
    let mut out = vec![table(s, &e.budget, e.run.achievement, true)];
    for a in BUDGET_ACHIEVEMENTS {
        if let Some(r) = risk.iter().find(|r| r.achievement == a) {
            out.push(table(s, &r.budget, a, false));
        }
    }
    out
}

/// A budget year as the tables name it: `2027`, or `år 1` / `year 1`
/// without `timeline.start_year`.
pub fn year_label(lang: Lang, s: &Scenario, year: i64) -> String {
    match (s.timeline.start_year, lang) {
        (Some(_), _) => year.to_string(),
        (None, Lang::Nb) => format!("år {year}"),
        (None, Lang::En) => format!("year {year}"),
    }
}

/// What the payer's own value holds that is not cash: its net flows less
/// its budget net (`docs/model.md` §8.2).
pub fn non_cash_value(e: &Evaluation) -> Decimal {
    e.payer.net - e.budget.net
}
