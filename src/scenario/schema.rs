//! The scenario's sections, read with the generic reader of
//! `toml_reader.rs`: which tables and keys exist, their defaults, and the
//! names of every string choice. The rules between keys are in
//! `validate.rs`.

use rust_decimal::Decimal;
use toml::de::DeValue;

use super::error::{Hint, Problem};
use super::toml_reader::{Choice, NumberOrList, Reader, Table};
use super::validate::MAX_PERIODS;
use super::*;

impl Choice for Period {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("year", Period::Year),
        ("half_year", Period::HalfYear),
        ("quarter", Period::Quarter),
        ("month", Period::Month),
    ];
}

impl Choice for OutcomeKind {
    const CHOICES: &'static [(&'static str, Self)] =
        &[("flow", OutcomeKind::Flow), ("event", OutcomeKind::Event)];
}

impl Choice for Better {
    const CHOICES: &'static [(&'static str, Self)] =
        &[("lower", Better::Lower), ("higher", Better::Higher)];
}

impl Choice for ThresholdRule {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("none", ThresholdRule::None),
        ("trigger", ThresholdRule::Trigger),
        ("deductible", ThresholdRule::Deductible),
    ];
}

impl Choice for Counterfactual {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("comparison_group", Counterfactual::ComparisonGroup),
        ("historical_baseline", Counterfactual::HistoricalBaseline),
        ("none", Counterfactual::None),
    ];
}

impl Choice for Mechanism {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("rate_card", Mechanism::RateCard),
        ("share_of_savings", Mechanism::ShareOfSavings),
    ];
}

impl Choice for Excess {
    const CHOICES: &'static [(&'static str, Self)] =
        &[("payer", Excess::Payer), ("provider", Excess::Provider)];
}

impl Choice for Pooling {
    const CHOICES: &'static [(&'static str, Self)] =
        &[("site", Pooling::Site), ("pooled", Pooling::Pooled)];
}

impl Choice for CostTiming {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("start", CostTiming::Start),
        ("each_period", CostTiming::EachPeriod),
    ];
}

impl Choice for CostPayer {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("payer", CostPayer::Payer),
        ("cofunder", CostPayer::Cofunder),
        ("investor", CostPayer::Investor),
    ];
}

/// The language of a scenario's texts.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Language(&'static str);

impl Choice for Language {
    const CHOICES: &'static [(&'static str, Self)] =
        &[("nb", Language("nb")), ("en", Language("en"))];
}

/// The distribution of the achievement in `[uncertainty]`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Spread {
    Normal,
    Triangular,
}

impl Choice for Spread {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("normal", Spread::Normal),
        ("triangular", Spread::Triangular),
    ];
}

/// Reads every section of a scenario. `None` when a required part could
/// not be read (the reader then holds the errors that say why).
pub(crate) fn read_scenario(r: &mut Reader, mut root: Table) -> Option<Scenario> {
    root.req_literal(r, "format", "1", Problem::UnsupportedFormat);
    let info = root.req_table(r, "scenario").and_then(|t| read_info(r, t));
    let timeline = root
        .req_table(r, "timeline")
        .and_then(|t| read_timeline(r, t));
    let periods = timeline.as_ref().map(|t| t.periods);
    let parties = root.req_table(r, "parties").map(|t| read_parties(r, t));
    let cohort = match root.opt_table(r, "cohort") {
        Some(t) => read_cohort(r, t, periods),
        None => Cohort {
            size: None,
            intake: None,
            unit: String::new(),
            unit_en: None,
        },
    };
    let delivery = root
        .req_table(r, "delivery")
        .and_then(|t| read_delivery(r, t, periods));
    let outcome_tables = root.req_tables(r, "outcomes", Problem::Rule(Rule::NoOutcomes));
    let outcomes: Vec<Option<Outcome>> = outcome_tables
        .into_iter()
        .map(|t| read_outcome(r, t))
        .collect();
    let payment = root.req_table(r, "payment").map(|t| read_payment(r, t));
    let investment = root
        .req_table(r, "investment")
        .and_then(|t| read_investment(r, t));
    let provider = match root.opt_table(r, "provider") {
        Some(mut t) => {
            let fee_at_risk = t.dec_or(r, "fee_at_risk", Decimal::ZERO);
            t.finish(r);
            ProviderTerms { fee_at_risk }
        }
        None => ProviderTerms {
            fee_at_risk: Decimal::ZERO,
        },
    };
    let assumptions = match root.opt_table(r, "assumptions") {
        Some(t) => read_assumptions(r, t),
        None => Assumptions::default(),
    };
    let sources = root
        .tables(r, "sources")
        .into_iter()
        .map(|t| read_source(r, t))
        .collect();
    let levers = match root.opt_table(r, "levers") {
        Some(t) => read_levers(r, t),
        None => LeverSettings::default(),
    };
    let uncertainty = match root.opt_table(r, "uncertainty") {
        Some(t) => read_uncertainty(r, t),
        None => Uncertainty::default(),
    };
    let costs: Vec<Option<Cost>> = root
        .tables(r, "costs")
        .into_iter()
        .map(|t| read_cost(r, t, periods))
        .collect();
    let sites: Vec<Option<Site>> = root
        .tables(r, "sites")
        .into_iter()
        .map(|t| read_site(r, t, periods))
        .collect();
    root.finish(r);
    Some(Scenario {
        info: info?,
        timeline: timeline?,
        parties: parties?,
        cohort,
        delivery: delivery?,
        outcomes: outcomes.into_iter().collect::<Option<Vec<_>>>()?,
        payment: payment?,
        investment: investment?,
        provider,
        assumptions,
        sources,
        levers,
        uncertainty,
        costs: costs.into_iter().collect::<Option<Vec<_>>>()?,
        basis: Vec::new(),
        sites: sites.into_iter().collect::<Option<Vec<_>>>()?,
    })
}

fn read_info(r: &mut Reader, mut t: Table) -> Option<Info> {
    let id = t.req_str(r, "id");
    let title = t.req_str(r, "title");
    let summary = t.str_or(r, "summary", "");
    let theme = t.str_or(r, "theme", "");
    let currency = t.str_or(r, "currency", "NOK");
    let language = t.choice_or(r, "language", Language("nb"));
    let title_en = t.opt_str(r, "title_en");
    let summary_en = t.opt_str(r, "summary_en");
    let theme_en = t.opt_str(r, "theme_en");
    t.finish(r);
    Some(Info {
        id: id?,
        title: title?,
        summary,
        theme,
        currency,
        language: language.0.to_string(),
        title_en,
        summary_en,
        theme_en,
    })
}

fn read_timeline(r: &mut Reader, mut t: Table) -> Option<Timeline> {
    let max = MAX_PERIODS as i64;
    if !t.has("periods") {
        t.missing(r, "periods", Hint::WholeNumber { min: 1, max });
    }
    let periods = t.opt_int(r, "periods", 1, max);
    let period = t.choice_or(r, "period", Period::Year);
    let start_year = t.opt_int(r, "start_year", 1900, 2200);
    let start_month = t.int_or(r, "start_month", (1, 12), 1);
    t.finish(r);
    Some(Timeline {
        periods: usize::try_from(periods?).ok()?,
        period,
        start_year,
        start_month: u32::try_from(start_month).ok()?,
    })
}

/// The roles of `[parties]` and the keys of their English names.
const PARTY_NAMES_EN: [(&str, &str); 6] = [
    ("payer", "payer_en"),
    ("cofunder", "cofunder_en"),
    ("investor", "investor_en"),
    ("provider", "provider_en"),
    ("guarantor", "guarantor_en"),
    ("public_other", "public_other_en"),
];

fn read_parties(r: &mut Reader, mut t: Table) -> Parties {
    let mut p = Parties {
        payer: t.str_or(r, "payer", "Payer"),
        cofunder: t.opt_str(r, "cofunder"),
        investor: t.str_or(r, "investor", "Investor"),
        provider: t.str_or(r, "provider", "Provider"),
        guarantor: t.opt_str(r, "guarantor"),
        public_other: t.str_or(r, "public_other", "Public sector, other"),
        en: Vec::new(),
    };
    for (role, key) in PARTY_NAMES_EN {
        if let Some(name) = t.opt_str(r, key) {
            p.en.push((role.to_string(), name));
        }
    }
    t.finish(r);
    p
}

/// Expands a number to one per period; keeps a list as written (its length
/// is checked by validation). Never allocates for an invalid period count.
pub(crate) fn per_period(v: NumberOrList, periods: Option<usize>) -> Vec<Decimal> {
    match v {
        NumberOrList::List(l) => l,
        NumberOrList::Number(n) => match periods {
            Some(p) if (1..=MAX_PERIODS).contains(&p) => vec![n; p],
            _ => vec![n],
        },
    }
}

fn read_cohort(r: &mut Reader, mut t: Table, periods: Option<usize>) -> Cohort {
    let size = t.opt_dec(r, "size");
    let intake = t.opt_dec_list(r, "intake").map(|v| per_period(v, periods));
    let unit = t.str_or(r, "unit", "");
    let unit_en = t.opt_str(r, "unit_en");
    t.finish(r);
    Cohort {
        size,
        intake,
        unit,
        unit_en,
    }
}

fn read_delivery(r: &mut Reader, mut t: Table, periods: Option<usize>) -> Option<Delivery> {
    if !t.has("cost") {
        t.missing(r, "cost", Hint::NumberOrList);
    }
    let cost = t.opt_dec_list(r, "cost").map(|v| per_period(v, periods));
    let description = t.str_or(r, "description", "");
    t.finish(r);
    Some(Delivery {
        cost: cost?,
        description,
    })
}

fn read_outcome(r: &mut Reader, mut t: Table) -> Option<Outcome> {
    let id = t.req_str(r, "id");
    let name = t.opt_str(r, "name");
    let en = OutcomeEnglish {
        name: t.opt_str(r, "name_en"),
        indicator_unit: t.opt_str(r, "indicator_unit_en"),
        payable_unit: t.opt_str(r, "payable_unit_en"),
        unit_plural: t.opt_str(r, "unit_plural_en"),
    };
    let unit_plural = t.opt_str(r, "unit_plural");
    let kind = t.choice_or(r, "kind", OutcomeKind::Flow);
    let better = t.opt_choice::<Better>(r, "better");
    if !t.has("better") {
        t.missing(r, "better", Hint::OneOf(Better::names()));
    }
    let indicator_unit = t.str_or(r, "indicator_unit", "");
    let payable_unit = t.str_or(r, "payable_unit", "");
    let baseline = t.req_dec(r, "baseline");
    let target = t.req_dec(r, "target");
    let expected = t.opt_dec(r, "expected");
    let threshold = t.opt_dec(r, "threshold");
    let rule = t.opt_choice(r, "threshold_rule");
    let pay_beyond_target = t.bool_or(r, "pay_beyond_target", false);
    let ramp_periods = t.int_or(r, "ramp_periods", (1, 480), 1);
    let drift = t.dec_or(r, "drift", Decimal::ZERO);
    let counterfactual = t.choice_or(r, "counterfactual", Counterfactual::ComparisonGroup);
    let units_per_point = t.opt_dec(r, "units_per_point");
    let lag = t.int_or(r, "lag", (0, 480), 0);
    let price = t.dec_or(r, "price", Decimal::ZERO);
    let value = t.dec_or(r, "value", Decimal::ZERO);
    let payer_value_share = t.dec_or(r, "payer_value_share", Decimal::ONE);
    let payer_cash_share = t.dec_or(r, "payer_cash_share", Decimal::ONE);
    let definition = t.str_or(r, "definition", "");
    let data_source = t.str_or(r, "data_source", "");
    let source = t.str_or(r, "source", "");
    t.finish(r);
    let id = id?;
    let target = target?;
    let threshold_rule = match rule {
        Some(rule) => rule,
        None if threshold.is_some() => ThresholdRule::Trigger,
        None => ThresholdRule::None,
    };
    Some(Outcome {
        name: name.unwrap_or_else(|| id.clone()),
        en,
        unit_plural,
        id,
        kind,
        better: better?,
        indicator_unit,
        payable_unit,
        baseline: baseline?,
        target,
        expected: expected.unwrap_or(target),
        threshold,
        threshold_rule,
        pay_beyond_target,
        ramp_periods: u32::try_from(ramp_periods).ok()?,
        drift,
        counterfactual,
        units_per_point,
        lag: usize::try_from(lag).ok()?,
        price,
        value,
        payer_value_share,
        payer_cash_share,
        definition,
        data_source,
        source,
    })
}

fn read_payment(r: &mut Reader, mut t: Table) -> Payment {
    let p = Payment {
        mechanism: t.choice_or(r, "mechanism", Mechanism::RateCard),
        savings_share: t.opt_dec(r, "savings_share"),
        cap: t.opt_dec(r, "cap"),
        guaranteed_share: t.dec_or(r, "guaranteed_share", Decimal::ZERO),
        cofunder_share: t.dec_or(r, "cofunder_share", Decimal::ZERO),
        excess: t.choice_or(r, "excess", Excess::Payer),
        excess_investor_share: t.dec_or(r, "excess_investor_share", Decimal::ZERO),
        pooling: t.opt_choice(r, "pooling").unwrap_or(Pooling::Site),
    };
    t.finish(r);
    p
}

fn read_investment(r: &mut Reader, mut t: Table) -> Option<Investment> {
    let capital = t.dec_or(r, "capital", Decimal::ZERO);
    if !t.has("return_cap") {
        t.missing(r, "return_cap", Hint::ReturnCap);
    }
    let return_cap = t.opt_dec(r, "return_cap");
    let first_loss = t.dec_or(r, "first_loss", Decimal::ZERO);
    let recycle = t.bool_or(r, "recycle", false);
    let hurdle_rate = t.opt_dec(r, "hurdle_rate");
    t.finish(r);
    Some(Investment {
        capital,
        return_cap: return_cap?,
        first_loss,
        recycle,
        hurdle_rate,
    })
}

fn read_assumptions(r: &mut Reader, mut t: Table) -> Assumptions {
    let d = Assumptions::default();
    let a = Assumptions {
        achievement: t.dec_or(r, "achievement", d.achievement),
        discount_rate: t.dec_or(r, "discount_rate", d.discount_rate),
        notes: t.opt_str_list(r, "notes").unwrap_or_default(),
    };
    t.finish(r);
    a
}

fn read_source(r: &mut Reader, mut t: Table) -> Source {
    let s = Source {
        id: t.str_or(r, "id", ""),
        title: t.req_str(r, "title").unwrap_or_default(),
        url: t.str_or(r, "url", ""),
        note: t.str_or(r, "note", ""),
    };
    t.finish(r);
    s
}

fn read_cost(r: &mut Reader, mut t: Table, periods: Option<usize>) -> Option<Cost> {
    let id = t.req_str(r, "id");
    let name = t.opt_str(r, "name");
    let name_en = t.opt_str(r, "name_en");
    if !t.has("when") {
        t.missing(r, "when", Hint::OneOf(CostTiming::names()));
    }
    let when = t.opt_choice::<CostTiming>(r, "when");
    if !t.has("paid_by") {
        t.missing(r, "paid_by", Hint::OneOf(CostPayer::names()));
    }
    let paid_by = t.opt_choice::<CostPayer>(r, "paid_by");
    if !t.has("amount") {
        t.missing(r, "amount", Hint::NumberOrList);
    }
    let amount_at = (
        t.key_path("amount"),
        t.table.get("amount").map(|v| v.span()),
    );
    let amount = t.opt_dec_list(r, "amount");
    t.finish(r);
    let amount = match (when?, amount?) {
        (CostTiming::Start, NumberOrList::List(_)) => {
            let (key, span) = amount_at;
            r.error(span.unwrap_or_default(), &key, Problem::ListForStart);
            return None;
        }
        (CostTiming::Start, NumberOrList::Number(n)) => vec![n],
        (CostTiming::EachPeriod, v) => per_period(v, periods),
    };
    let id = id?;
    Some(Cost {
        name: name.unwrap_or_else(|| id.clone()),
        name_en,
        id,
        when: when?,
        amount,
        paid_by: paid_by?,
    })
}

fn read_site(r: &mut Reader, mut t: Table, periods: Option<usize>) -> Option<Site> {
    let id = t.req_str(r, "id");
    let name = t.opt_str(r, "name");
    let payer = t.opt_str(r, "payer");
    let size = t.opt_dec(r, "size");
    let intake = t.opt_dec_list(r, "intake").map(|v| per_period(v, periods));
    let cap = t.opt_dec(r, "cap");
    let effect = t.dec_or(r, "effect", Decimal::ONE);
    let baseline = read_outcome_values(r, &mut t, "baseline");
    let expected = read_outcome_values(r, &mut t, "expected");
    let drift = read_outcome_values(r, &mut t, "drift");
    t.finish(r);
    let id = id?;
    let name = name.unwrap_or_else(|| id.clone());
    Some(Site {
        payer: payer.unwrap_or_else(|| name.clone()),
        name,
        id,
        size,
        intake,
        baseline,
        expected,
        drift,
        cap,
        effect,
    })
}

/// A table of numbers keyed by outcome id (`[sites.baseline]`); validation
/// checks that each id is an outcome.
fn read_outcome_values(r: &mut Reader, t: &mut Table, key: &'static str) -> Vec<OutcomeValue> {
    let Some(values) = t.opt_table(r, key) else {
        return Vec::new();
    };
    values
        .entries(r)
        .into_iter()
        .filter_map(|(outcome, path, v)| {
            values
                .entry_number(r, &path, v)
                .map(|value| OutcomeValue { outcome, value })
        })
        .collect()
}

fn read_levers(r: &mut Reader, mut t: Table) -> LeverSettings {
    let mut settings = LeverSettings {
        show: t.opt_str_list(r, "show").unwrap_or_default(),
        overrides: Vec::new(),
    };
    // Every other key is a lever id with a table of range settings.
    for (id, path, v) in t.entries(r) {
        if id == "show" {
            continue;
        }
        let DeValue::Table(inner) = v.get_ref() else {
            r.error(
                v.span(),
                &path,
                Problem::WrongType {
                    expected: super::error::Expected::LeverSettings { id },
                    found: v.get_ref().type_str(),
                },
            );
            continue;
        };
        let mut lt = Table::new(path, inner, v.span());
        let o = LeverOverride {
            id,
            min: lt.opt_dec(r, "min"),
            max: lt.opt_dec(r, "max"),
            step: lt.opt_dec(r, "step"),
        };
        lt.finish(r);
        settings.overrides.push(o);
    }
    settings
}

fn read_uncertainty(r: &mut Reader, mut t: Table) -> Uncertainty {
    let d = Uncertainty::default();
    let spread = t.opt_choice::<Spread>(r, "achievement");
    let sd = t.opt_dec(r, "achievement_sd");
    let min = t.opt_dec(r, "achievement_min");
    let mode = t.opt_dec(r, "achievement_mode");
    let max = t.opt_dec(r, "achievement_max");
    let max_draws = i64::from(Uncertainty::MAX_DRAWS);
    let draws = t.int_or(r, "draws", (1, max_draws), i64::from(d.draws));
    let draws = u32::try_from(draws).unwrap_or(d.draws);
    let seed = t.int_or(
        r,
        "seed",
        (0, i64::MAX),
        d.seed.try_into().unwrap_or(i64::MAX),
    );
    let seed = u64::try_from(seed).unwrap_or(d.seed);
    let mut noise = Vec::new();
    if let Some(nt) = t.opt_table(r, "noise") {
        // Every key is an outcome id; validation checks that it exists.
        for (id, path, v) in nt.entries(r) {
            if let Some(sd) = nt.entry_number(r, &path, v) {
                noise.push(OutcomeNoise { outcome: id, sd });
            }
        }
    }
    t.finish(r);
    // Keys that belong to the other distribution are errors, not ignored.
    let misplaced = |r: &mut Reader, key: &'static str, distribution: &'static str| {
        let path = format!("uncertainty.{key}");
        let span = r.span_of(&path);
        r.error(
            span,
            &path,
            Problem::OtherDistribution { key, distribution },
        );
    };
    let written = |r: &Reader, key: &str| r.was_written(&format!("uncertainty.{key}"));
    let achievement = match spread {
        // A misspelt distribution is already reported; its keys are not.
        None if written(r, "achievement") => AchievementSpread::Normal {
            sd: sd.unwrap_or(Uncertainty::DEFAULT_SD),
        },
        Some(Spread::Triangular) => {
            if sd.is_some() {
                misplaced(r, "achievement_sd", "normal");
            }
            for (key, v) in [("achievement_min", min), ("achievement_max", max)] {
                if v.is_none() && !written(r, key) {
                    let span = r.span_of("uncertainty");
                    r.error(
                        span,
                        &format!("uncertainty.{key}"),
                        Problem::TriangularNeeds { key },
                    );
                }
            }
            AchievementSpread::Triangular {
                min: min.unwrap_or(Decimal::ZERO),
                mode,
                max: max.unwrap_or(Decimal::ZERO),
            }
        }
        _ => {
            for (key, v) in [
                ("achievement_min", min),
                ("achievement_mode", mode),
                ("achievement_max", max),
            ] {
                if v.is_some() {
                    misplaced(r, key, "triangular");
                }
            }
            AchievementSpread::Normal {
                sd: sd.unwrap_or(Uncertainty::DEFAULT_SD),
            }
        }
    };
    Uncertainty {
        achievement,
        noise,
        draws,
        seed,
        assumed: false,
    }
}
