//! The key figures of `effekt calc` and of the reports, each label naming
//! its basis: a plain sum over the contract (`Resultatbetalinger, sum`), a
//! present value at its rate (`Oppdragsgiver, nåverdi (4 %)`), a rate or a
//! multiple, or an effect (the break-evens).

use rust_decimal::Decimal;

use crate::format::{self, Lang};
use crate::i18n::glossary::{self, Term};
use crate::i18n::{self, texts};
use crate::model::Figures;
use crate::scenario::Scenario;

/// One key figure: its label and its value in each column.
pub struct FigureRow {
    pub label: String,
    pub values: Vec<String>,
}

/// A present value's label: at the columns' rate when they share it, else
/// pointing to the terms (`(renten i vilkårene)`).
fn at_rate(lang: Lang, name: &str, rates: &[Decimal]) -> String {
    match rates.first() {
        Some(r) if rates.iter().all(|x| x == r) => i18n::at_rate(lang, name, *r),
        _ => format!("{name} ({})", i18n::variant(lang).compare_rate_varies),
    }
}

/// The key figures of one or more columns (the base and its variants).
pub fn rows(lang: Lang, cols: &[(&Scenario, &Figures)]) -> Vec<FigureRow> {
    let t = texts(lang);
    let name = |term: Term| glossary::name(lang, term);
    let sum = |term: Term| i18n::summed(lang, name(term));
    let discount: Vec<Decimal> = cols
        .iter()
        .map(|(s, _)| s.assumptions.discount_rate)
        .collect();
    let hurdle: Vec<Decimal> = cols.iter().map(|(s, _)| s.hurdle_rate()).collect();
    let row = |label: String, value: &dyn Fn(&Scenario, &Figures) -> String| FigureRow {
        label,
        values: cols.iter().map(|(s, f)| value(s, f)).collect(),
    };
    let money = |s: &Scenario, d: Decimal| format::money(lang, &s.info.currency, d);
    let share = |d: Option<Decimal>| {
        d.map(|v| format::percent(lang, v, 1))
            .unwrap_or_else(|| t.never.to_string())
    };
    vec![
        row(sum(Term::OutcomePayments), &|s, f| {
            money(s, f.evaluation.run.totals.outcome_payments)
        }),
        row(
            format!("{} ({})", name(Term::CofunderPart), t.summed),
            &|s, f| money(s, f.evaluation.run.cofunder_payments.iter().sum()),
        ),
        row(sum(Term::BudgetNet), &|s, f| {
            money(s, f.evaluation.budget.net)
        }),
        row(at_rate(lang, name(Term::PayerNpv), &discount), &|s, f| {
            money(s, f.evaluation.payer.npv)
        }),
        row(name(Term::InvestorIrr).to_string(), &|_, f| {
            i18n::irr(lang, &f.evaluation.investor.irr)
        }),
        row(name(Term::InvestorMoic).to_string(), &|_, f| {
            f.evaluation
                .investor
                .moic
                .map(|m| format::number(lang, m, 2))
                .unwrap_or_else(|| "–".into())
        }),
        row(at_rate(lang, name(Term::InvestorNpv), &hurdle), &|s, f| {
            money(s, f.evaluation.investor.npv)
        }),
        row(sum(Term::ProviderResult), &|s, f| {
            money(s, f.evaluation.provider.net)
        }),
        row(at_rate(lang, name(Term::PublicNpv), &discount), &|s, f| {
            money(s, f.evaluation.public.npv)
        }),
        row(i18n::summed(lang, t.drawn), &|s, f| {
            money(s, f.evaluation.run.totals.drawn)
        }),
        row(i18n::summed(lang, t.guarantee_paid), &|s, f| {
            money(s, f.evaluation.run.totals.guarantee_paid)
        }),
        row(i18n::summed(lang, t.value), &|s, f| {
            money(s, f.evaluation.run.totals.value)
        }),
        row(t.break_even_principal.to_string(), &|_, f| {
            share(f.break_even.principal)
        }),
        row(t.break_even_return_cap.to_string(), &|_, f| {
            share(f.break_even.return_cap)
        }),
        row(t.break_even_payer.to_string(), &|_, f| {
            share(f.break_even.payer)
        }),
    ]
}
