//! Each municipality of a pilot on its own (`docs/model.md` §9): its
//! figures at the current effect and at 0, 50, 100 and 150 % of the
//! expected (the sites screen, the budget screen's site filter,
//! presentation one municipality at a time), and the one-page business
//! case a consultant brings to its municipal council (`effekt report FILE
//! --site ID`, the sites screen's `B`): Markdown in
//! [`business_case_md`](super::business_case_md), CSV here.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::budget::{self, BudgetTable};
use super::csv::csv_cell;
use crate::format::{self, Lang};
use crate::i18n::glossary::{self, Term};
use crate::model::{self, Budget, BudgetYear, Evaluation, Prepared, RISK_ACHIEVEMENTS};
use crate::scenario::{OutcomeKind, Scenario, Site};

/// One municipality at one effect.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteAt {
    /// The pilot's effect α (each site's own `effect` multiplies it).
    pub achievement: Decimal,
    /// What the site is paid for outcomes over the contract (its payer's
    /// and the cofunder's parts together).
    pub outcome_payments: Decimal,
    /// Its payer's net over the contract, non-cash value included.
    pub net: Decimal,
    /// Its payer's budget net: cash only (§8.2).
    pub budget_net: Decimal,
    /// Its payer's budget per budget year.
    pub years: Vec<BudgetYear>,
}

/// Every site at each effect of [`RISK_ACHIEVEMENTS`] (0, 50, 100 and
/// 150 % of the expected): `[site][achievement]`. A scenario without
/// sites has one, its payer.
pub fn site_risk(s: &Scenario) -> Vec<[SiteAt; 4]> {
    let prepared = Prepared::new(s);
    let runs = RISK_ACHIEVEMENTS.map(|a| prepared.run(a));
    (0..runs[0].sites.len())
        .map(|i| {
            runs.each_ref().map(|r| {
                let site = &r.sites[i];
                SiteAt {
                    achievement: r.achievement,
                    outcome_payments: site.outcome_payments.iter().sum(),
                    net: site.payer_flows.iter().sum(),
                    budget_net: site.budget_flows.iter().sum(),
                    years: site.budget_years.clone(),
                }
            })
        })
        .collect()
}

/// What the site is paid for outcomes at the evaluation's effect.
pub fn site_payments(e: &Evaluation, i: usize) -> Decimal {
    e.run
        .sites
        .get(i)
        .map_or(Decimal::ZERO, |r| r.outcome_payments.iter().sum())
}

/// The site's budget tables as the budget screen shows them: at the
/// current effect, then at 0 % and 150 % of the expected.
pub fn site_budget_tables(
    s: &Scenario,
    e: &Evaluation,
    risk: &[[SiteAt; 4]],
    i: usize,
) -> Vec<BudgetTable> {
    let Some(fig) = e.sites.get(i) else {
        return Vec::new();
    };
    let mut out = vec![budget::table(s, &fig.budget, e.run.achievement, true)];
    for a in budget::BUDGET_ACHIEVEMENTS {
        if let Some(at) = risk
            .get(i)
            .and_then(|r| r.iter().find(|x| x.achievement == a))
        {
            out.push(budget::table(s, &years_budget(&at.years), a, false));
        }
    }
    out
}

/// A budget of these years alone (what [`budget::table`] reads).
fn years_budget(years: &[BudgetYear]) -> Budget {
    Budget {
        net: years.iter().map(|y| y.net).sum(),
        npv: Decimal::ZERO,
        max_commitment: None,
        years: years.to_vec(),
    }
}

/// The site's weight in the split of the fixed fees: its size, or (with
/// only event outcomes) its intake over the contract.
pub fn weight(s: &Scenario, site: &Site) -> Decimal {
    if s.outcomes.iter().any(|o| o.kind == OutcomeKind::Flow) {
        site.size.unwrap_or_default()
    } else {
        site.intake.iter().flatten().sum()
    }
}

/// The site's share of the pilot (its weight among all sites'), `None`
/// when every weight is 0.
pub fn share(s: &Scenario, i: usize) -> Option<Decimal> {
    let total: Decimal = s.sites.iter().map(|x| weight(s, x)).sum();
    let site = s.sites.get(i)?;
    (total > Decimal::ZERO).then(|| weight(s, site) / total)
}

/// The site whose id is `id`, or the closest id to suggest.
pub fn find_site(s: &Scenario, id: &str) -> Result<usize, Option<String>> {
    if let Some(i) = s.site_index(id) {
        return Ok(i);
    }
    let ids: Vec<&str> = s.sites.iter().map(|x| x.id.as_str()).collect();
    Err(crate::scenario::suggest(id, &ids).map(str::to_string))
}

/// The business case's figures, in one place for the Markdown and CSV.
pub struct Case<'a> {
    pub scenario: &'a Scenario,
    pub index: usize,
    pub site: &'a Site,
    /// The evaluation at the scenario's levers.
    pub evaluation: &'a Evaluation,
    /// The site at 0, 50, 100 and 150 %.
    pub risk: [SiteAt; 4],
    /// The variant the levers come from, if any.
    pub variant: Option<&'a str>,
}

impl<'a> Case<'a> {
    /// The case of site `index` (which must exist).
    pub fn new(
        s: &'a Scenario,
        e: &'a Evaluation,
        index: usize,
        variant: Option<&'a str>,
    ) -> Option<Case<'a>> {
        let site = s.sites.get(index)?;
        let risk = site_risk(s).into_iter().nth(index)?;
        Some(Case {
            scenario: s,
            index,
            site,
            evaluation: e,
            risk,
            variant,
        })
    }

    /// The site's budget at the current effect.
    pub fn budget(&self) -> &Budget {
        &self.evaluation.sites[self.index].budget
    }

    /// Its payer's net and NPV at the current effect.
    pub fn payer(&self) -> model::PartyFigures {
        self.evaluation.sites[self.index].payer
    }

    /// What it is paid for outcomes at the current effect.
    pub fn payments(&self) -> Decimal {
        site_payments(self.evaluation, self.index)
    }

    /// The budget's items as rows: (term, value per year, sum).
    pub fn budget_lines(&self) -> BudgetTable {
        budget::table(
            self.scenario,
            self.budget(),
            self.evaluation.run.achievement,
            true,
        )
    }

    /// Its share of the fixed fees, as the model splits them (by size).
    pub fn fee_share(&self) -> Option<Decimal> {
        share(self.scenario, self.index)
    }
}

/// The business case as one tidy CSV table
/// `site,section,item,label,period,value`: plain decimals (`.`), stable
/// item ids and the label in the user's language. Sections: `figure`
/// (max commitment, payments, budget net and NPV, net, NPV, fee share),
/// `budget` (per budget year), `risk_<achievement>` and `term` (the
/// contract's terms as the site signs them).
pub fn business_case_csv(lang: Lang, case: &Case) -> String {
    let s = case.scenario;
    let site = case.site;
    let t = crate::i18n::sites::case_texts(lang);
    let mut out = String::from("site,section,item,label,period,value\n");
    let mut row = |section: &str, item: &str, label: &str, period: &str, value: String| {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            csv_cell(&site.id),
            section,
            csv_cell(item),
            csv_cell(label),
            period,
            csv_cell(&value)
        );
    };
    let money = |d: Decimal| format::plain(d.round_dp(2));
    let name = |term: Term| glossary::name(lang, term);
    let b = case.budget();
    let payer = case.payer();
    row(
        "figure",
        "max_commitment",
        name(Term::MaxCommitment),
        "",
        b.max_commitment.map(money).unwrap_or_default(),
    );
    for (item, label, v) in [
        ("outcome_payments", t.payments, case.payments()),
        ("budget_net", name(Term::BudgetYearNet), b.net),
        ("budget_npv", name(Term::BudgetNpv), b.npv),
        ("payer_net", t.net_all, payer.net),
        ("payer_npv", t.npv_all, payer.npv),
    ] {
        row("figure", item, label, "", money(v));
    }
    row(
        "figure",
        "fee_share",
        t.fee_share,
        "",
        case.fee_share()
            .map(|v| format::plain(v.round_dp(8)))
            .unwrap_or_default(),
    );
    let table = case.budget_lines();
    for (k, year) in table.years.iter().enumerate() {
        for l in &table.lines {
            row(
                "budget",
                budget::item_id(l.term),
                name(l.term),
                &year.to_string(),
                money(l.values[k]),
            );
        }
    }
    for at in &case.risk {
        let section = format!("risk_{}", format::plain(at.achievement));
        for (item, label, v) in [
            ("outcome_payments", t.payments, at.outcome_payments),
            ("budget_net", name(Term::BudgetYearNet), at.budget_net),
            ("payer_net", t.net_all, at.net),
        ] {
            row(&section, item, label, "", money(v));
        }
    }
    for o in &s.outcomes {
        let levels = [
            ("baseline", t.baseline, Some(site.baseline(o))),
            ("target", t.target, Some(site.target(o))),
            ("improvement", t.improvement, Some(o.target_improvement())),
            ("threshold", t.threshold, site.threshold(o)),
        ];
        for (item, label, v) in levels {
            if let Some(v) = v {
                let item = format!("{item}.{}", o.id);
                row("term", &item, label, "", format::plain(v));
            }
        }
        let item = format!("price.{}", o.id);
        row("term", &item, t.price, "", money(model::price(s, o)));
    }
    if let Some(cap) = s.payment.cap {
        row("term", "cap", t.contract_cap, "", money(cap));
    }
    if let Some(cap) = site.cap {
        row("term", "site_cap", t.site_cap, "", money(cap));
    }
    row(
        "term",
        "cofunder_share",
        t.cofunder_share,
        "",
        format::plain(s.payment.cofunder_share),
    );
    row(
        "term",
        "effect",
        t.site_effect,
        "",
        format::plain(site.effect),
    );
    format::sanitize(&out).into_owned()
}
