//! A municipality's business case as one printed page of Markdown: what
//! it pays at most, its budget year by year, its risk at 0, 50, 100 and
//! 150 % of the expected effect, and the terms it signs — the page a
//! consultant brings to a municipal council (*kommunestyret*).

use std::fmt::Write;

use rust_decimal::Decimal;

use super::business_case::Case;
use super::document::md_table;
use crate::format::{self, Lang};
use crate::i18n::glossary::{self, Term};
use crate::i18n::{self, report_texts, scenario_text, sites::case_texts};
use crate::scenario::{Pooling, ThresholdRule};

/// The business case in Markdown, short enough for one A4 page.
pub fn business_case_markdown(lang: Lang, case: &Case) -> String {
    let s = case.scenario;
    let site = case.site;
    let t = case_texts(lang);
    let cur = &s.info.currency;
    let money = |d: Decimal| format::money(lang, cur, d);
    let name = |term: Term| glossary::name(lang, term);
    let mut out = String::new();

    let _ = writeln!(out, "# {}: {}\n", site.payer, t.title);
    let _ = writeln!(
        out,
        "{} {} · {}\n",
        t.for_council,
        site.payer,
        scenario_text::title(lang, s)
    );
    let share = case
        .fee_share()
        .map(|v| format!(" ({} {})", format::percent(lang, v, 0), t.of_the_pilot))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} {} {} {}{share}. {}\n",
        site.name,
        t.one_of,
        s.sites.len(),
        t.municipalities,
        t.shared
    );

    // The most it can pay.
    let b = case.budget();
    let _ = writeln!(out, "## {}\n", t.most_heading);
    match b.max_commitment {
        Some(v) => {
            let _ = writeln!(out, "**{}**: {}.\n", money(v), t.most_explained);
        }
        None => {
            let _ = writeln!(out, "**{}**\n", t.no_cap_explained);
        }
    }

    // Per budget year, at the current effect.
    let table = case.budget_lines();
    let _ = writeln!(
        out,
        "## {} ({} {} {})\n",
        t.years_heading,
        t.at_effect,
        format::percent(lang, case.evaluation.run.achievement * site.effect, 0),
        t.of_expected
    );
    let header: Vec<String> = std::iter::once(t.year.to_string())
        .chain(table.lines.iter().map(|l| name(l.term).to_string()))
        .collect();
    let number = |d: Decimal| format::number(lang, d, 0);
    let mut rows: Vec<Vec<String>> = table
        .years
        .iter()
        .enumerate()
        .map(|(k, y)| {
            std::iter::once(super::budget::year_label(lang, s, *y))
                .chain(table.lines.iter().map(|l| number(l.values[k])))
                .collect()
        })
        .collect();
    rows.push(
        std::iter::once(format!("**{}**", i18n::texts(lang).total))
            .chain(
                table
                    .lines
                    .iter()
                    .map(|l| format!("**{}**", number(l.total))),
            )
            .collect(),
    );
    md_table(&mut out, &header, &rows);
    let payer = case.payer();
    let rate = s.assumptions.discount_rate;
    let _ = writeln!(
        out,
        "{}: {} · {}: {} · {}: {} · {}: {}\n",
        t.payments,
        money(case.payments()),
        i18n::at_rate(lang, name(Term::BudgetNpv), rate),
        money(b.npv),
        t.net_all,
        money(payer.net),
        i18n::at_rate(lang, t.npv_all, rate),
        money(payer.npv),
    );

    // Risk.
    let _ = writeln!(out, "## {}\n", t.risk_heading);
    let header: Vec<String> = std::iter::once(String::new())
        .chain(
            case.risk
                .iter()
                .map(|a| format::percent(lang, a.achievement, 0)),
        )
        .collect();
    let risk_row = |label: &str, f: &dyn Fn(&super::business_case::SiteAt) -> Decimal| {
        std::iter::once(label.to_string())
            .chain(case.risk.iter().map(|a| number(f(a))))
            .collect::<Vec<_>>()
    };
    let rows = vec![
        risk_row(t.payments, &|a| a.outcome_payments),
        risk_row(name(Term::BudgetYearNet), &|a| a.budget_net),
        risk_row(t.net_all, &|a| a.net),
    ];
    md_table(&mut out, &header, &rows);

    // The terms it signs.
    let _ = writeln!(out, "## {}\n", t.terms_heading);
    for o in &s.outcomes {
        let unit = scenario_text::indicator_unit(lang, o);
        let level = |d: Decimal| {
            let dp = d.normalize().scale().clamp(1, 2);
            format!("{} {unit}", format::number(lang, d, dp))
                .trim_end()
                .to_string()
        };
        let ti = o.target_improvement();
        let mut line = format!(
            "- **{}**: {} {} → {} {} ({} {})",
            scenario_text::outcome_name(lang, o),
            t.baseline,
            level(site.baseline(o)),
            t.target.to_lowercase(),
            level(site.target(o)),
            [
                format::number(lang, ti, ti.normalize().scale().clamp(1, 2)),
                points(lang, unit).to_string(),
            ]
            .join(" ")
            .trim_end(),
            t.better
        );
        if let (Some(h), true) = (site.threshold(o), o.threshold_rule != ThresholdRule::None) {
            let _ = write!(line, "; {} {}", t.threshold.to_lowercase(), level(h));
        }
        let price = format!(
            "{} {} {} {}",
            t.price.to_lowercase(),
            money(crate::model::price(s, o)),
            t.per,
            scenario_text::payable_unit(lang, o)
        );
        let _ = writeln!(
            out,
            "{line}; {}",
            price.trim_end().trim_end_matches(t.per).trim_end()
        );
    }
    if let Some(cap) = s.payment.cap {
        let _ = writeln!(out, "- {}: {}", t.contract_cap, money(cap));
    }
    if let Some(cap) = site.cap {
        let _ = writeln!(out, "- {}: {}", t.site_cap, money(cap));
    }
    if let Some(v) = case.fee_share() {
        let fees: Decimal = b.years.iter().map(|y| y.fees).sum();
        let _ = writeln!(
            out,
            "- {}: {} ({})",
            t.fee_share,
            format::percent(lang, v, 1),
            money(fees)
        );
    }
    if !s.payment.cofunder_share.is_zero() {
        let _ = writeln!(
            out,
            "- {}: {}",
            t.cofunder_share,
            format::percent(lang, s.payment.cofunder_share, 0)
        );
    }
    if site.effect != Decimal::ONE {
        let _ = writeln!(
            out,
            "- {}: {}",
            t.site_effect,
            format::percent(lang, site.effect, 0)
        );
    }
    let tested = match s.payment.pooling {
        Pooling::Pooled => t.pooled,
        Pooling::Site => t.per_site,
    };
    if s.outcomes
        .iter()
        .any(|o| o.threshold_rule == ThresholdRule::Trigger)
    {
        let _ = writeln!(out, "- {tested}.");
    }
    out.push('\n');
    let variant = case
        .variant
        .map(|v| format!(" · {} «{v}»", t.variant))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "_{} {} · scenario `{}`{variant}_",
        report_texts(lang).generated_by,
        env!("CARGO_PKG_VERSION"),
        s.info.id,
    );
    format::sanitize(&out).into_owned()
}

/// The unit of an improvement: percentage points for a rate, else the
/// indicator's own unit.
fn points(lang: Lang, unit: &str) -> &str {
    match (unit.starts_with('%'), lang) {
        (true, Lang::Nb) => "prosentpoeng",
        (true, Lang::En) => "percentage points",
        (false, _) => unit,
    }
}
