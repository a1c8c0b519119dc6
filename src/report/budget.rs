//! The payer's budget as a table (`docs/model.md` §8.2), the same on the
//! workshop's budget screen, in `effekt calc` and in every report: one
//! row per item, one column per budget year, at the current effect and at
//! 0 % and 150 % of the expected effect. Outflows are negative, so each
//! column sums to its net.

use rust_decimal::Decimal;

use crate::format::Lang;
use crate::i18n::{self, glossary, glossary::Term};
use crate::model::{Budget, Evaluation, PartyFigures, RiskRow, Warning};
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

/// One figure beside the budget table.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetFigure {
    pub term: Term,
    pub label: String,
    pub value: String,
    /// The value is a warning (no cap: no upper bound), not an amount.
    pub warning: bool,
}

/// The figures beside the table: the most the payer can ever pay (or
/// that it has no bound), the budget net as a sum and at the discount
/// rate, the non-cash value kept out of the budget, and the payer's
/// economic NPV, which counts both. Amounts as `money` writes them.
pub fn figures(
    lang: Lang,
    s: &Scenario,
    e: &Evaluation,
    money: &dyn Fn(Decimal) -> String,
) -> Vec<BudgetFigure> {
    figures_of(lang, s, &e.budget, e.payer, money)
}

/// [`figures`] of one payer's budget and result (a municipality's, §9).
pub fn figures_of(
    lang: Lang,
    s: &Scenario,
    budget: &Budget,
    payer: PartyFigures,
    money: &dyn Fn(Decimal) -> String,
) -> Vec<BudgetFigure> {
    let rate = s.assumptions.discount_rate;
    let name = |t: Term| glossary::name(lang, t);
    let figure = |term: Term, label: String, value: String| BudgetFigure {
        term,
        label,
        value,
        warning: false,
    };
    let commitment = match budget.max_commitment {
        Some(v) => figure(
            Term::MaxCommitment,
            name(Term::MaxCommitment).into(),
            money(v),
        ),
        None => BudgetFigure {
            warning: true,
            ..figure(
                Term::MaxCommitment,
                name(Term::MaxCommitment).into(),
                i18n::warning(lang, s, &Warning::NoCap),
            )
        },
    };
    vec![
        commitment,
        figure(
            Term::BudgetNet,
            i18n::summed(lang, name(Term::BudgetNet)),
            money(budget.net),
        ),
        figure(
            Term::BudgetNpv,
            i18n::at_rate(lang, name(Term::BudgetNpv), rate),
            money(budget.npv),
        ),
        figure(
            Term::NonCashValue,
            i18n::summed(lang, name(Term::NonCashValue)),
            money(payer.net - budget.net),
        ),
        figure(
            Term::PayerNpv,
            i18n::at_rate(lang, name(Term::PayerNpv), rate),
            money(payer.npv),
        ),
    ]
}

/// The tables as rows of text: the header (an empty corner, the years,
/// the sum) and, per effect, a heading row (`true`) and its items, amounts
/// as `amount` writes them.
pub fn text_rows(
    lang: Lang,
    s: &Scenario,
    tables: &[BudgetTable],
    amount: &dyn Fn(Decimal) -> String,
) -> (Vec<String>, Vec<(bool, Vec<String>)>) {
    let years = tables.first().map(|t| t.years.as_slice()).unwrap_or(&[]);
    let header: Vec<String> = std::iter::once(String::new())
        .chain(years.iter().map(|y| year_label(lang, s, *y)))
        .chain([i18n::texts(lang).total.to_string()])
        .collect();
    let mut rows = Vec::new();
    for t in tables {
        rows.push((true, vec![i18n::at_effect(lang, t.achievement, t.now)]));
        for l in &t.lines {
            rows.push((
                false,
                std::iter::once(glossary::name(lang, l.term).to_string())
                    .chain(l.values.iter().map(|v| amount(*v)))
                    .chain([amount(l.total)])
                    .collect(),
            ));
        }
    }
    (header, rows)
}

/// A budget item's id in the CSV and JSON reports.
pub fn item_id(term: Term) -> &'static str {
    match term {
        Term::Fees => "fees",
        Term::BudgetOutcomePayments => "outcome_payments",
        Term::Refunds => "refunds",
        Term::CashSavings => "cash_savings",
        Term::Costs => "costs",
        _ => "net",
    }
}
