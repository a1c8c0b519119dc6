//! The CSV report: one tidy table a spreadsheet opens directly.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::{Column, budget};
use crate::format::{self, Lang};
use crate::i18n;
use crate::levers;

pub(super) fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV report: one tidy table `variant,section,item,period,value` with
/// plain decimals (`.` separator), which a spreadsheet opens directly and
/// can pivot. Sections: `term`, `figure`, `risk_<achievement>`,
/// `budget_now` and `budget_<achievement>` (the payer's budget at the
/// current effect, at 0 and at 1.5), `flow`, `outcome_payment`, `warning`,
/// `note`. Items are stable ids; `period` is τ for flows, the budget year
/// for the budget and empty elsewhere.
pub fn csv(lang: Lang, cols: &[Column]) -> String {
    let mut out = String::from("variant,section,item,period,value\n");
    let mut row = |variant: &str, section: &str, item: &str, period: &str, value: &str| {
        let _ = writeln!(
            out,
            "{},{},{},{},{}",
            csv_cell(variant),
            section,
            csv_cell(item),
            period,
            csv_cell(value)
        );
    };
    let plain = format::plain;
    let opt = |d: Option<Decimal>| d.map(|v| plain(v.round_dp(8))).unwrap_or_default();
    for c in cols {
        let name = c.variant.clone().unwrap_or_else(|| "base".into());
        for l in levers::available(&c.scenario) {
            row(&name, "term", &l.id, "", &plain(l.value));
        }
        let e = &c.figures.evaluation;
        let tot = &e.run.totals;
        let money = |d: Decimal| plain(d.round_dp(2));
        for (item, v) in [
            ("outcome_payments", money(tot.outcome_payments)),
            ("guaranteed_payments", money(tot.guaranteed_payments)),
            ("drawn", money(tot.drawn)),
            ("investor_received", money(tot.investor_received)),
            ("guarantee_paid", money(tot.guarantee_paid)),
            ("provider_bonus", money(tot.provider_bonus)),
            ("refunded", money(tot.refunded)),
            ("value", money(tot.value)),
            ("payer_net", money(e.payer.net)),
            ("payer_npv", money(e.payer.npv)),
            ("budget_net", money(e.budget.net)),
            ("budget_npv", money(e.budget.npv)),
            (
                "max_commitment",
                e.budget.max_commitment.map(money).unwrap_or_default(),
            ),
            ("non_cash_value", money(budget::non_cash_value(e))),
            ("cofunder_net", money(e.cofunder.net)),
            ("investor_net", money(e.investor.net)),
            ("investor_npv", money(e.investor.npv)),
            ("investor_irr", opt(e.investor.irr.headline)),
            ("investor_moic", opt(e.investor.moic)),
            ("provider_net", money(e.provider.net)),
            ("public_npv", money(e.public.npv)),
            ("breakeven_principal", opt(c.figures.break_even.principal)),
            ("breakeven_return_cap", opt(c.figures.break_even.return_cap)),
            ("breakeven_payer", opt(c.figures.break_even.payer)),
        ] {
            row(&name, "figure", item, "", &v);
        }
        for r in &c.risk {
            let section = format!("risk_{}", plain(r.achievement));
            for (party, p) in [
                ("payer", r.payer),
                ("cofunder", r.cofunder),
                ("investor", r.investor),
                ("provider", r.provider),
                ("guarantor", r.guarantor),
                ("public_other", r.public_other),
            ] {
                row(&name, &section, &format!("{party}_net"), "", &money(p.net));
            }
            row(
                &name,
                &section,
                "outcome_payments",
                "",
                &money(r.outcome_payments),
            );
            row(
                &name,
                &section,
                "investor_irr",
                "",
                &opt(r.investor_irr.headline),
            );
        }
        // The payer's budget per budget year now, at 0 % and at 150 %:
        // amounts paid out negative, so a year's items sum to its net.
        for t in budget::tables(&c.scenario, e, &c.risk) {
            let section = if t.now {
                "budget_now".to_string()
            } else {
                format!("budget_{}", plain(t.achievement))
            };
            for l in &t.lines {
                for (year, v) in t.years.iter().zip(&l.values) {
                    row(
                        &name,
                        &section,
                        budget::item_id(l.term),
                        &year.to_string(),
                        &money(*v),
                    );
                }
            }
        }
        for (party, flows) in e.run.flows.parties() {
            for (tau, f) in flows.iter().enumerate() {
                row(&name, "flow", party, &tau.to_string(), &money(*f));
            }
        }
        for (t, o) in e.run.outcome_payments.iter().enumerate() {
            row(
                &name,
                "outcome_payment",
                "total",
                &(t + 1).to_string(),
                &money(*o),
            );
        }
        for w in &e.warnings {
            row(
                &name,
                "warning",
                "",
                "",
                &i18n::warning(lang, &c.scenario, w),
            );
        }
        for p in &c.issues {
            row(
                &name,
                "warning",
                "variant",
                "",
                &i18n::errors::variant_problem(lang, p),
            );
        }
        for n in &c.notes {
            row(&name, "note", &n.at, "", &n.text);
        }
    }
    format::sanitize(&out).into_owned()
}
