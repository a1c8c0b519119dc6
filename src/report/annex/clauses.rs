//! The numbered clauses of the annex: purpose and parties, each outcome's
//! payment rule with its GO Lab checklist, the financial terms, and
//! verification.

use rust_decimal::Decimal;

use super::{Block, Ctx};
use crate::i18n::annex::{annex_texts, to_complete};
use crate::i18n::annex_clauses::{self as c, PayableRule};
use crate::i18n::{self, scenario_text};
use crate::model;
use crate::scenario::{
    Better, CostPayer, Counterfactual, Excess, Mechanism, OutcomeKind, ThresholdRule,
};

/// A chapter: its heading, then clauses numbered `n.1`, `n.2`, ….
pub(super) struct Chapter<'b> {
    n: usize,
    k: usize,
    b: &'b mut Vec<Block>,
}

impl<'b> Chapter<'b> {
    pub(super) fn new(b: &'b mut Vec<Block>, n: usize, title: &str) -> Chapter<'b> {
        b.push(Block::Heading {
            level: 2,
            text: format!("{n}. {title}"),
        });
        Chapter { n, k: 0, b }
    }

    /// Adds a clause; returns its number.
    fn clause(&mut self, text: String) -> String {
        self.k += 1;
        let number = format!("{}.{}", self.n, self.k);
        self.b.push(Block::Clause {
            number: number.clone(),
            text,
        });
        number
    }

    pub(super) fn push(&mut self, block: Block) {
        self.b.push(block);
    }
}

/// Chapter 1: purpose, parties, term, target population, service.
pub(super) fn purpose(ctx: &Ctx, b: &mut Vec<Block>) {
    let (lang, s) = (ctx.lang, ctx.s);
    let t = annex_texts(lang);
    let mut ch = Chapter::new(b, 1, t.purpose);
    let payer = ctx.payer();
    let provider = ctx.provider();
    ch.clause(c::purpose(
        lang,
        &payer,
        scenario_text::title(lang, s),
        &provider,
    ));
    let cofunder = ctx.cofunder();
    let guarantor = ctx
        .party("guarantor")
        .filter(|_| !s.investment.first_loss.is_zero());
    ch.clause(c::parties(
        lang,
        &payer,
        &provider,
        &ctx.party("investor").unwrap_or_default(),
        cofunder.as_ref().map(|(n, sh)| (n.as_str(), sh.as_str())),
        guarantor.as_deref(),
    ));
    let periods = s.timeline.periods;
    ch.clause(
        c::term(
            lang,
            periods,
            i18n::period_name(lang, s.timeline.period),
            &ctx.contract_start(),
            &ctx.end_date(periods),
        ) + &ctx.basis("timeline.periods"),
    );
    let unit = scenario_text::cohort_unit(lang, s);
    if let Some(size) = ctx.size() {
        ch.clause(c::population_cohort(lang, &ctx.number(size), unit) + &ctx.basis("cohort.size"));
    }
    if let Some(intake) = ctx.intake() {
        let total: Decimal = intake.iter().sum();
        let list: Vec<String> = intake.iter().map(|d| ctx.number(*d)).collect();
        ch.clause(
            c::population_intake(lang, &ctx.number(total), unit, &list.join(", "))
                + &ctx.basis("cohort.intake"),
        );
    }
    let what = if s.delivery.description.is_empty() {
        let what = match lang {
            crate::format::Lang::Nb => "beskrivelse av tjenesten",
            crate::format::Lang::En => "description of the service",
        };
        to_complete(lang, what)
    } else {
        s.delivery.description.clone()
    };
    let costs = &s.delivery.cost;
    let total: Decimal = costs.iter().sum();
    let per = if costs.windows(2).all(|w| w[0] == w[1]) {
        let per = match lang {
            crate::format::Lang::Nb => "per periode",
            crate::format::Lang::En => "a period",
        };
        format!("{} {per}", ctx.money(costs[0]))
    } else {
        costs
            .iter()
            .map(|d| ctx.money(*d))
            .collect::<Vec<_>>()
            .join(", ")
    };
    ch.clause(
        c::service(lang, &provider, &what, &per, &ctx.money(total)) + &ctx.basis("delivery.cost"),
    );
}

/// The chapter of outcome `k`: its clauses, formula and checklist.
pub(super) fn outcome(ctx: &Ctx, k: usize, b: &mut Vec<Block>) {
    let (lang, s) = (ctx.lang, ctx.s);
    let o = &s.outcomes[k];
    let t = annex_texts(lang);
    let name = scenario_text::outcome_name(lang, o);
    let n = 2 + k;
    let mut ch = Chapter::new(b, n, &format!("{} {}: {name}", t.outcome, k + 1));
    let iu = scenario_text::indicator_unit(lang, o);
    let pu = scenario_text::payable_unit(lang, o);
    let (baseline, target, threshold) = match ctx.site {
        Some(i) => {
            let st = &s.sites[i];
            (st.baseline(o), st.target(o), st.threshold(o))
        }
        None => (o.baseline, o.target, o.threshold),
    };
    let level = |d: Decimal| format!("{} {iu}", ctx.number(d));
    let path = |key: &str| format!("outcomes[{k}].{key}");
    let missing = |nb: &str, en: &str| {
        to_complete(
            lang,
            match lang {
                crate::format::Lang::Nb => nb,
                crate::format::Lang::En => en,
            },
        )
    };

    let definition = if o.definition.is_empty() {
        missing(
            "presis definisjon av indikatoren",
            "exact definition of the indicator",
        )
    } else {
        o.definition.clone()
    };
    let c_def = ch.clause(c::indicator(lang, name, iu, &definition));
    let source = if o.data_source.is_empty() {
        missing("datakilde", "data source")
    } else {
        o.data_source.clone()
    };
    ch.clause(c::data_source(lang, &source));
    let unit = scenario_text::cohort_unit(lang, s);
    let c_pop = match o.kind {
        OutcomeKind::Flow => ch.clause(c::measured_on_cohort(
            lang,
            &ctx.size().map(|d| ctx.number(d)).unwrap_or_default(),
            unit,
        )),
        OutcomeKind::Event => ch.clause(c::measured_on_intake(lang, unit, o.lag)),
    };
    let base_text = level(baseline) + &ctx.basis(&path("baseline"));
    let c_base = ch.clause(match o.counterfactual {
        Counterfactual::ComparisonGroup => c::against_comparison(lang, &base_text),
        Counterfactual::HistoricalBaseline => c::against_history(
            lang,
            &base_text,
            &level(ctx.site.map_or(o.drift, |i| s.sites[i].drift(o))),
        ),
        Counterfactual::None => c::against_nothing(lang, &base_text),
    });
    let ti = o.target_improvement();
    let c_target = ch.clause(c::target(
        lang,
        &(level(target) + &ctx.basis(&path("target"))),
        &level(ti),
        o.pay_beyond_target,
    ));
    let hi = o.threshold_improvement();
    let (rule, threshold_text) = match (o.threshold_rule, threshold) {
        (ThresholdRule::Trigger, Some(h)) => (
            PayableRule::Trigger,
            c::trigger(
                lang,
                &(level(h) + &ctx.basis(&path("threshold"))),
                &level(hi),
            ),
        ),
        (ThresholdRule::Deductible, Some(h)) => (
            PayableRule::Deductible,
            c::deductible(
                lang,
                &(level(h) + &ctx.basis(&path("threshold"))),
                &level(hi),
            ),
        ),
        _ => (PayableRule::All, c::no_threshold(lang)),
    };
    let pooled = matches!(rule, PayableRule::Trigger)
        && s.sites.len() > 1
        && s.payment.pooling == crate::scenario::Pooling::Pooled;
    let threshold_text = if pooled {
        format!("{threshold_text} {}", c::pooled_test(lang))
    } else {
        threshold_text
    };
    let c_rule = ch.clause(threshold_text);
    let price = model::unit_price(s, o);
    let volume = match o.kind {
        OutcomeKind::Flow => {
            let upp = o.units_per_point.unwrap_or_default();
            let size = ctx.size().unwrap_or_default();
            let per = upp * size / Decimal::from(s.timeline.per_year());
            c::volume_flow(
                lang,
                &ctx.number(upp),
                scenario_text::unit_plural(lang, o).unwrap_or(pu),
                &format!("{} {unit}", ctx.number(size)),
                &format!(
                    "{} {}",
                    ctx.number(per),
                    scenario_text::unit_plural(lang, o).unwrap_or(pu)
                ),
            )
        }
        OutcomeKind::Event => {
            c::volume_event(lang, scenario_text::unit_plural(lang, o).unwrap_or(pu))
        }
    };
    let price_text = match (s.payment.mechanism, s.payment.savings_share) {
        (Mechanism::ShareOfSavings, Some(share)) => format!(
            "{} {volume}",
            c::share_of_savings(
                lang,
                &ctx.money(price),
                pu,
                &ctx.pct(share),
                &ctx.money(o.value)
            )
        ),
        _ => c::price(
            lang,
            &(ctx.money(price) + &ctx.basis(&path("price"))),
            pu,
            &volume,
        ),
    };
    let c_price = ch.clause(price_text);
    let periods = s.timeline.periods;
    let c_time = ch.clause(c::timing(
        lang,
        i18n::period_name(lang, s.timeline.period),
        &ctx.end_date(1),
        &ctx.end_date(periods),
    ));
    let payable = c::payable_words(lang, rule);
    ch.clause(c::formula_words(
        lang,
        &payable,
        scenario_text::unit_plural(lang, o).unwrap_or(pu),
        &ctx.money(price),
    ));
    ch.push(Block::Text(format!(
        "{}: {}",
        t.formula_symbols,
        symbols(ctx, k, rule, price)
    )));

    ch.push(Block::Heading {
        level: 3,
        text: format!("{} — {name}", t.checklist),
    });
    ch.push(Block::Text(t.checklist_intro.to_string()));
    let cofunder = ctx.cofunder();
    let who = c::who_pays(
        lang,
        &ctx.payer(),
        cofunder.as_ref().map(|(n, sh)| (n.as_str(), sh.as_str())),
    );
    let fin = 2 + s.outcomes.len();
    let limits = {
        let mut l = Vec::new();
        if !o.pay_beyond_target {
            l.push(format!("{} ({})", level(target), ctx.see(&c_target)));
        }
        if let Some(h) = threshold {
            l.push(format!("{} ({})", level(h), ctx.see(&c_rule)));
        }
        match s.payment.cap {
            Some(cap) => l.push(format!(
                "{} ({})",
                ctx.money(cap),
                ctx.see(&format!("{fin}.1"))
            )),
            None => l.push(missing("tak", "cap")),
        }
        l.join("; ")
    };
    let values = [
        format!("{who} ({})", ctx.see("1.2")),
        format!("{name} ({})", ctx.see(&c_def)),
        format!("{source} ({})", ctx.see(&format!("{c_def}–{c_pop}"))),
        format!(
            "{}, {} ({})",
            level(baseline),
            i18n::counterfactual_name(lang, o.counterfactual),
            ctx.see(&c_base)
        ),
        format!(
            "{} {} – {} ({})",
            i18n::period_name(lang, s.timeline.period),
            ctx.end_date(1),
            ctx.end_date(periods),
            ctx.see(&format!("{c_time}; {}. {}", fin + 3, t.schedule))
        ),
        format!("{} / {pu} ({})", ctx.money(price), ctx.see(&c_price)),
        limits,
    ];
    let rows = t
        .elements
        .iter()
        .zip(values)
        .map(|(e, v)| vec![e.to_string(), v])
        .collect();
    ch.push(Block::Table {
        header: vec![t.element.to_string(), t.in_this_annex.to_string()],
        rows,
    });
}

/// The payment of outcome `k` in symbols, with the scenario's numbers.
fn symbols(ctx: &Ctx, k: usize, rule: PayableRule, price: Decimal) -> String {
    let s = ctx.s;
    let o = &s.outcomes[k];
    let ti = ctx.number(o.target_improvement());
    let hi = ctx.number(o.threshold_improvement());
    let [base, level, rate, comparison] = c::symbol_words(ctx.lang);
    let m = match (o.kind, o.better) {
        (OutcomeKind::Flow, Better::Lower) => format!("M_t = ({base} − {level})"),
        (OutcomeKind::Flow, Better::Higher) => format!("M_t = ({level} − {base})"),
        (OutcomeKind::Event, Better::Lower) => format!("M = ({base} − {rate})"),
        (OutcomeKind::Event, Better::Higher) => format!("M = ({rate} − {base})"),
    };
    let m = match o.counterfactual {
        Counterfactual::ComparisonGroup => format!("{m} − ({comparison})"),
        _ => m,
    };
    let q = match rule {
        PayableRule::All => "q = max(0, M)".to_string(),
        PayableRule::Trigger => format!("q = M if M ≥ HI = {hi}, else 0"),
        PayableRule::Deductible => format!("q = max(0, M − HI), HI = {hi}"),
    };
    let cap = if o.pay_beyond_target {
        String::new()
    } else {
        let top = match rule {
            PayableRule::Deductible => {
                ctx.number(o.target_improvement() - o.threshold_improvement())
            }
            _ => ti.clone(),
        };
        format!(", q ≤ {top}")
    };
    let units = match o.kind {
        OutcomeKind::Flow => format!(
            "U_t = q · N · k / ppy = q · {} · {} / {}",
            ctx.number(ctx.size().unwrap_or_default()),
            ctx.number(o.units_per_point.unwrap_or_default()),
            s.timeline.per_year()
        ),
        OutcomeKind::Event if o.counterfactual == Counterfactual::None => {
            format!("U_t = I_(t−{}) · (baseline + q) / 100", o.lag)
        }
        OutcomeKind::Event => format!("U_t = I_(t−{}) · q / 100", o.lag),
    };
    format!(
        "{m}; {q}{cap}; {units}; P_t = U_t · {} (TI = {ti}).",
        ctx.money(price)
    )
}

/// The chapter of financial terms.
pub(super) fn financial(ctx: &Ctx, n: usize, b: &mut Vec<Block>) {
    let (lang, s) = (ctx.lang, ctx.s);
    let t = annex_texts(lang);
    let mut ch = Chapter::new(b, n, t.financial);
    let payer = ctx.payer();
    let provider = ctx.provider();
    match s.payment.cap {
        Some(cap) => ch.clause(c::cap(lang, &ctx.money(cap)) + &ctx.basis("payment.cap")),
        None => ch.clause(c::no_cap(lang)),
    };
    if let Some(i) = ctx.site {
        let st = &s.sites[i];
        if let Some(cap) = st.cap {
            ch.clause(c::site_cap(lang, &st.name, &ctx.money(cap)));
        }
    } else {
        for st in s.sites.iter().filter(|st| st.cap.is_some()) {
            ch.clause(c::site_cap(
                lang,
                &st.name,
                &ctx.money(st.cap.unwrap_or_default()),
            ));
        }
    }
    if !s.sites.is_empty() && s.payment.cap.is_some() {
        ch.clause(c::shared_cap(lang));
    }
    let g = s.payment.guaranteed_share;
    let cost: Decimal = s.delivery.cost.iter().sum();
    let total = |share: Decimal| {
        let amount = model::to_ore(share * cost);
        match lang {
            crate::format::Lang::Nb => format!("til sammen {} for kontrakten", ctx.money(amount)),
            crate::format::Lang::En => format!("{} over the contract", ctx.money(amount)),
        }
    };
    // A site's payer pays its share of the fixed fee (§9), split to the øre
    // as the model splits it (its `fixed` holds fees only when the payer
    // pays no other costs).
    let fee_text = match ctx.site {
        Some(i) if !s.costs.iter().any(|k| k.paid_by == CostPayer::Payer) => {
            let fixed = model::run(s, Decimal::ZERO).sites[i].fixed;
            match lang {
                crate::format::Lang::Nb => {
                    format!("til sammen {} for kontrakten", ctx.money(fixed))
                }
                crate::format::Lang::En => format!("{} over the contract", ctx.money(fixed)),
            }
        }
        Some(i) => total(g * super::tables::site_share(s, i)),
        None => total(g),
    };
    if g.is_zero() {
        ch.clause(c::no_fixed_fee(lang));
    } else {
        ch.clause(
            c::fixed_fee(lang, &payer, &provider, &ctx.pct(g), &fee_text)
                + &ctx.basis("payment.guaranteed_share"),
        );
    }
    let a = s.provider.fee_at_risk;
    if a.is_zero() {
        ch.clause(c::no_fee_at_risk(lang, &provider));
    } else {
        ch.clause(
            c::fee_at_risk(lang, &provider, &ctx.pct(a), &total(a))
                + &ctx.basis("provider.fee_at_risk"),
        );
    }
    match ctx.cofunder() {
        Some((name, share)) => {
            ch.clause(c::cofunding(lang, &name, &share) + &ctx.basis("payment.cofunder_share"))
        }
        None => ch.clause(c::no_cofunding(lang, &payer)),
    };
    if let Some(i) = ctx.site {
        let st = &s.sites[i];
        ch.clause(c::site_share(
            lang,
            &st.name,
            &st.payer,
            &ctx.pct(super::tables::site_share(s, i)),
        ));
    }
    let k = s.payment.excess_investor_share;
    let k_text = (!k.is_zero()).then(|| ctx.pct(k));
    ch.clause(c::surplus(
        lang,
        s.payment.excess == Excess::Provider,
        k_text.as_deref(),
    ));
    let inv = &s.investment;
    ch.clause(
        c::investor(
            lang,
            &ctx.party("investor").unwrap_or_default(),
            &ctx.pct(inv.return_cap),
            &ctx.pct(s.hurdle_rate()),
            &ctx.money(inv.capital),
            inv.recycle,
        ) + &ctx.basis("investment.return_cap"),
    );
    if !inv.first_loss.is_zero() {
        let who = ctx.party("guarantor").unwrap_or_else(|| {
            to_complete(
                lang,
                match lang {
                    crate::format::Lang::Nb => "garantist",
                    crate::format::Lang::En => "guarantor",
                },
            )
        });
        ch.clause(
            c::guarantee(lang, &who, &ctx.pct(inv.first_loss))
                + &ctx.basis("investment.first_loss"),
        );
    }
    if !s.costs.is_empty() {
        let list: Vec<String> = s
            .costs
            .iter()
            .map(|cost| {
                let sum: Decimal = cost.amount.iter().sum();
                let paid_by = match cost.paid_by {
                    CostPayer::Payer => ctx.party("payer"),
                    CostPayer::Cofunder => ctx.party("cofunder"),
                    CostPayer::Investor => ctx.party("investor"),
                };
                format!(
                    "{} {} ({})",
                    scenario_text::cost_name(lang, cost),
                    ctx.money(sum),
                    paid_by.unwrap_or_default()
                )
            })
            .collect();
        ch.clause(c::costs(lang, &list.join("; ")));
    }
}

/// The chapter on verification, audit and the data lag.
pub(super) fn verification(ctx: &Ctx, n: usize, b: &mut Vec<Block>) {
    let (lang, s) = (ctx.lang, ctx.s);
    let t = annex_texts(lang);
    let mut ch = Chapter::new(b, n, t.verification);
    ch.clause(c::verifier(lang));
    ch.clause(c::data_lag(lang));
    for o in s
        .outcomes
        .iter()
        .filter(|o| o.kind == OutcomeKind::Event && o.lag > 0)
    {
        ch.clause(c::event_lag(
            lang,
            scenario_text::outcome_name(lang, o),
            o.lag,
            i18n::period_name(lang, s.timeline.period),
        ));
    }
    ch.clause(c::audit(lang));
}
