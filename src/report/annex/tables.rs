//! The annex's tables: the worked example computed by the model, the
//! payment schedule by date with each period's maximum, and the sites of
//! a pilot.

use rust_decimal::Decimal;

use super::clauses::Chapter;
use super::{Block, Ctx};
use crate::i18n::annex::annex_texts;
use crate::i18n::scenario_text;
use crate::model::{self, Evaluation};
use crate::scenario::{Counterfactual, OutcomeKind, Scenario, ThresholdRule};

/// The achievements of the worked example: 50, 100 and 150 % of the
/// expected effect.
pub const EXAMPLE_ACHIEVEMENTS: [Decimal; 3] = [
    Decimal::from_parts(5, 0, 0, false, 1),
    Decimal::ONE,
    Decimal::from_parts(15, 0, 0, false, 1),
];

/// The worked example: what the model computes at 50, 100 and 150 %.
pub(super) fn example(ctx: &Ctx, n: usize, b: &mut Vec<Block>) {
    let (lang, s) = (ctx.lang, ctx.s);
    let t = annex_texts(lang);
    let mut ch = Chapter::new(b, n, t.example);
    ch.push(Block::Text(t.example_intro.to_string()));
    let evals: Vec<Evaluation> = EXAMPLE_ACHIEVEMENTS
        .iter()
        .map(|a| model::evaluate_at(s, *a))
        .collect();
    let header: Vec<String> = std::iter::once(t.figure.to_string())
        .chain(
            EXAMPLE_ACHIEVEMENTS
                .iter()
                .map(|a| crate::format::percent(lang, *a, 0)),
        )
        .collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |label: String, f: &dyn Fn(&Evaluation) -> String| {
        rows.push(std::iter::once(label).chain(evals.iter().map(f)).collect());
    };
    let money = |d: Decimal| ctx.money(d);
    if let Some(i) = ctx.site {
        let name = &s.sites[i].name;
        row(format!("{}: {name}", t.site_payments), &|e| {
            money(e.run.sites[i].outcome_payments.iter().sum())
        });
        row(format!("{}: {name}", t.site_payer_net), &|e| {
            money(e.run.sites[i].payer_flows.iter().sum())
        });
    }
    for (k, o) in s.outcomes.iter().enumerate() {
        let name = scenario_text::outcome_name(lang, o);
        row(format!("{}: {name}", t.payable_units), &|e| {
            ctx.number(e.run.outcomes[k].units.iter().sum::<Decimal>().round_dp(2))
        });
        row(format!("{}: {name}", t.formula_payments), &|e| {
            money(e.run.outcomes[k].payments.iter().sum())
        });
    }
    row(t.outcome_payments.to_string(), &|e| {
        money(e.run.totals.outcome_payments)
    });
    if !s.payment.cofunder_share.is_zero() {
        row(format!("– {}", t.of_which_cofunder), &|e| {
            money(e.run.cofunder_payments.iter().sum())
        });
        row(format!("– {}", t.of_which_payer), &|e| {
            money(e.run.totals.outcome_payments - e.run.cofunder_payments.iter().sum::<Decimal>())
        });
    }
    row(t.fixed_fee.to_string(), &|e| {
        money(e.run.totals.guaranteed_payments)
    });
    row(t.drawn.to_string(), &|e| money(e.run.totals.drawn));
    row(t.investor_received.to_string(), &|e| {
        money(e.run.totals.investor_received)
    });
    row(t.investor_net.to_string(), &|e| money(e.investor.net));
    row(t.provider_net.to_string(), &|e| money(e.provider.net));
    if !s.investment.first_loss.is_zero() {
        row(t.guarantee_paid.to_string(), &|e| {
            money(e.run.totals.guarantee_paid)
        });
    }
    row(t.refunded.to_string(), &|e| money(e.run.totals.refunded));
    row(t.provider_bonus.to_string(), &|e| {
        money(e.run.totals.provider_bonus)
    });
    ch.push(Block::Table { header, rows });
}

/// The payment schedule: each period's dates, its payment at 100 % and
/// the most it can pay.
pub(super) fn schedule(ctx: &Ctx, n: usize, b: &mut Vec<Block>) {
    let (lang, s) = (ctx.lang, ctx.s);
    let t = annex_texts(lang);
    let mut ch = Chapter::new(b, n, t.schedule);
    ch.push(Block::Text(t.schedule_intro.to_string()));
    let run = model::run(s, Decimal::ONE);
    let paid: Vec<Decimal> = match ctx.site {
        Some(i) => run.sites[i].outcome_payments.clone(),
        None => run.outcome_payments.clone(),
    };
    let max = maximum(s, ctx.site);
    let cap = agreement_cap(s, ctx.site);
    let limit = |d: Option<Decimal>| match (d, cap) {
        (Some(d), Some(c)) => ctx.money(d.min(c)),
        (Some(d), None) => ctx.money(d),
        (None, Some(c)) => ctx.money(c),
        (None, None) => t.no_limit.to_string(),
    };
    let header = vec![
        t.period.to_string(),
        t.period_dates.to_string(),
        t.paid_on.to_string(),
        t.at_100.to_string(),
        t.maximum.to_string(),
    ];
    let mut rows: Vec<Vec<String>> = (1..=s.timeline.periods)
        .map(|p| {
            let from = ctx.start_date(p).unwrap_or_else(|| {
                let month = (p - 1) * 12 / s.timeline.per_year() as usize + 1;
                format!("{} {month}", t.contract_month)
            });
            vec![
                p.to_string(),
                format!("{from} – {}", ctx.end_date(p)),
                ctx.end_date(p),
                ctx.money(paid[p - 1]),
                limit(max.as_ref().map(|m| m[p - 1])),
            ]
        })
        .collect();
    rows.push(vec![
        t.total.to_string(),
        String::new(),
        String::new(),
        ctx.money(paid.iter().sum()),
        limit(max.map(|m| m.iter().sum())),
    ]);
    ch.push(Block::Table { header, rows });
    ch.push(Block::Text(crate::i18n::annex_clauses::due(
        lang,
        &format!("{}.2", n - 2),
    )));
}

/// The sites of a pilot: each municipality's payer, size, baselines and
/// own cap.
pub(super) fn sites(ctx: &Ctx, n: usize, b: &mut Vec<Block>) {
    let (lang, s) = (ctx.lang, ctx.s);
    let t = annex_texts(lang);
    let mut ch = Chapter::new(b, n, t.sites);
    let mut header = vec![t.site.to_string(), t.name.to_string(), t.size.to_string()];
    for o in &s.outcomes {
        header.push(format!(
            "{}: {}",
            t.baseline,
            scenario_text::outcome_name(lang, o)
        ));
    }
    header.push(t.cap.to_string());
    header.push(t.share.to_string());
    let rows = s
        .sites
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let size = st
                .size
                .or_else(|| st.intake.as_ref().map(|v| v.iter().sum()))
                .unwrap_or_default();
            let mut row = vec![st.id.clone(), st.payer.clone(), ctx.number(size)];
            row.extend(s.outcomes.iter().map(|o| ctx.number(st.baseline(o))));
            row.push(st.cap.map(|c| ctx.money(c)).unwrap_or_else(|| "–".into()));
            row.push(ctx.pct(site_share(s, i).round_dp(4)));
            row
        })
        .collect();
    ch.push(Block::Table { header, rows });
}

/// A site's share of the fixed fee and the payer's costs (§9): by size
/// with flow outcomes, else by intake over the contract; equal shares
/// when all are 0.
pub(super) fn site_share(s: &Scenario, i: usize) -> Decimal {
    let flow = s.outcomes.iter().any(|o| o.kind == OutcomeKind::Flow);
    let weight = |st: &crate::scenario::Site| {
        if flow {
            st.size.unwrap_or_default()
        } else {
            st.intake.iter().flatten().sum()
        }
    };
    let total: Decimal = s.sites.iter().map(weight).sum();
    if total.is_zero() {
        Decimal::ONE / Decimal::from(s.sites.len().max(1))
    } else {
        weight(&s.sites[i]) / total
    }
}

/// The lowest cap on the agreement's payments: the site's own and the
/// contract's, or the contract's.
fn agreement_cap(s: &Scenario, site: Option<usize>) -> Option<Decimal> {
    let contract = s.payment.cap.map(|c| c.floor());
    let own = site.and_then(|i| s.sites[i].cap);
    match (contract, own) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The most each period can pay before the caps: every outcome at its
/// target improvement (its cap on what is paid), summed over the
/// agreement's sites; `None` when an outcome pays beyond its target.
pub fn maximum(s: &Scenario, site: Option<usize>) -> Option<Vec<Decimal>> {
    if s.outcomes.iter().any(|o| o.pay_beyond_target) {
        return None;
    }
    let periods = s.timeline.periods;
    let ppy = Decimal::from(s.timeline.per_year());
    // (size, intake, baseline of each outcome) of each site.
    let one = |size: Option<Decimal>, intake: Option<&Vec<Decimal>>, base: Vec<Decimal>| {
        (size.unwrap_or_default(), intake.cloned(), base)
    };
    let sites: Vec<(Decimal, Option<Vec<Decimal>>, Vec<Decimal>)> = if s.sites.is_empty() {
        vec![one(
            s.cohort.size,
            s.cohort.intake.as_ref(),
            s.outcomes.iter().map(|o| o.baseline).collect(),
        )]
    } else {
        s.sites
            .iter()
            .enumerate()
            .filter(|(i, _)| site.is_none_or(|x| x == *i))
            .map(|(_, st)| {
                one(
                    st.size,
                    st.intake.as_ref(),
                    s.outcomes.iter().map(|o| st.baseline(o)).collect(),
                )
            })
            .collect()
    };
    let mut out = vec![Decimal::ZERO; periods];
    for (k, o) in s.outcomes.iter().enumerate() {
        let price = model::unit_price(s, o);
        let top = match o.threshold_rule {
            ThresholdRule::Deductible => o.target_improvement() - o.threshold_improvement(),
            _ => o.target_improvement(),
        };
        for (size, intake, base) in &sites {
            for (t, slot) in out.iter_mut().enumerate() {
                let units = match o.kind {
                    OutcomeKind::Flow => top * size * o.units_per_point.unwrap_or_default() / ppy,
                    OutcomeKind::Event => {
                        let i = t
                            .checked_sub(o.lag)
                            .and_then(|p| intake.as_ref()?.get(p).copied())
                            .unwrap_or_default();
                        if o.counterfactual == Counterfactual::None {
                            i * (base[k] + top).min(Decimal::ONE_HUNDRED) / Decimal::ONE_HUNDRED
                        } else {
                            i * top / Decimal::ONE_HUNDRED
                        }
                    }
                };
                *slot += model::to_ore(units * price);
            }
        }
    }
    Some(out)
}
