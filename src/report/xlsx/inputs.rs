//! The inputs sheet: every lever and the fixed terms the formulas need, as
//! labelled cells with defined names.

use rust_decimal::Decimal;

use super::book::{Cell, Line, Row, Series, Sheet, Style, Val};
use super::texts::{Texts, outcome_name};
use crate::model::to_ore;
use crate::scenario::{
    CostPayer, Counterfactual, Excess, Mechanism, Outcome, OutcomeKind, Scenario, ThresholdRule,
};

/// The per-period inputs (index `t − 1`; costs: paid at `τ = t − 1`).
pub(super) struct Inputs {
    pub cost: Series,
    pub intake: Option<Series>,
    pub payer_costs: Series,
    pub cofunder_costs: Series,
    pub investor_costs: Series,
    /// Each site's intake, in the order of `[[sites]]`.
    pub site_intake: Vec<Option<Series>>,
}

/// The defined name of an outcome's input.
pub(super) fn name(what: &str, o: &Outcome) -> String {
    format!("{what}_{}", o.id)
}

pub(super) fn rule_text(rule: ThresholdRule) -> &'static str {
    match rule {
        ThresholdRule::None => "none",
        ThresholdRule::Trigger => "trigger",
        ThresholdRule::Deductible => "deductible",
    }
}

fn flag(b: bool) -> Decimal {
    if b { Decimal::ONE } else { Decimal::ZERO }
}

/// An input row: a value a reader may change, with its defined name.
fn input(sheet: &mut Sheet, label: String, unit: &str, style: Style, name: &str, val: Val) {
    let mut row = Row::new(label, style, vec![Some(Cell { formula: None, val })]).unit(unit);
    row.input = true;
    row.name = Some(name.to_string());
    row.note = name.to_string();
    sheet.push(Line::Row(row));
}

/// A fixed term: shown and named, but the sheets' layout depends on it.
fn fixed(sheet: &mut Sheet, label: String, unit: &str, style: Style, name: &str, val: Decimal) {
    let mut row = Row::new(label, style, vec![Some(Cell::constant(val))]).unit(unit);
    row.name = Some(name.to_string());
    row.note = name.to_string();
    sheet.push(Line::Row(row));
}

/// Builds the inputs sheet.
pub(super) fn inputs(sheet: &mut Sheet, s: &Scenario, t: &Texts) -> Inputs {
    let n = |d: Decimal| Val::Num(d);
    let p = &s.payment;
    let inv = &s.investment;
    sheet.push(Line::Title(t.inputs_title.to_string()));
    sheet.push(Line::Note(t.inputs_note.to_string()));
    sheet.push(Line::Blank);
    sheet.push(Line::Heading(vec![
        t.contract.to_string(),
        t.unit.to_string(),
        t.value.to_string(),
        t.name.to_string(),
    ]));
    input(
        sheet,
        t.l("Effekt, andel av forventet", "Effect, share of expected"),
        "α",
        Style::Percent,
        "achievement",
        n(s.assumptions.achievement),
    );
    input(
        sheet,
        t.l("Diskonteringsrente", "Discount rate"),
        t.per_year,
        Style::Percent,
        "discount_rate",
        n(s.assumptions.discount_rate),
    );
    // Without its own value the hurdle rate follows the discount rate (§8.3).
    let hurdle = match inv.hurdle_rate {
        Some(h) => Cell::constant(h),
        None => Cell::formula("discount_rate", s.assumptions.discount_rate),
    };
    let mut row = Row::new(
        t.l("Investors avkastningskrav", "Investor's hurdle rate"),
        Style::Percent,
        vec![Some(hurdle)],
    )
    .unit(t.per_year);
    row.input = true;
    row.name = Some("hurdle_rate".into());
    row.note = "hurdle_rate".into();
    sheet.push(Line::Row(row));
    input(
        sheet,
        t.l("Avkastningstak", "Return cap"),
        t.per_year,
        Style::Percent,
        "return_cap",
        n(inv.return_cap),
    );
    input(
        sheet,
        t.l(
            "Tak for resultatbetalinger (tomt: uten tak)",
            "Payment cap (empty: no cap)",
        ),
        t.currency_unit,
        Style::Money,
        "cap",
        p.cap.map_or(Val::Blank, Val::Num),
    );
    input(
        sheet,
        t.l("Forpliktet kapital", "Committed capital"),
        t.currency_unit,
        Style::Money,
        "capital",
        n(inv.capital),
    );
    input(
        sheet,
        t.l(
            "Fast andel av leveransen (grunnbetaling)",
            "Guaranteed share of delivery (fixed fee)",
        ),
        "",
        Style::Percent,
        "guaranteed_share",
        n(p.guaranteed_share),
    );
    input(
        sheet,
        t.l("Medfinansierers andel", "Cofunder's share"),
        "",
        Style::Percent,
        "cofunder_share",
        n(p.cofunder_share),
    );
    input(
        sheet,
        t.l("Leverandørens andel på risiko", "Provider's fee at risk"),
        "",
        Style::Percent,
        "fee_at_risk",
        n(s.provider.fee_at_risk),
    );
    input(
        sheet,
        t.l(
            "Førstetapsgaranti, andel av trukket",
            "First-loss guarantee, share of drawn",
        ),
        "",
        Style::Percent,
        "first_loss",
        n(inv.first_loss),
    );
    input(
        sheet,
        t.l(
            "Investors andel av overskuddet",
            "Investor's share of the surplus",
        ),
        "",
        Style::Percent,
        "excess_investor_share",
        n(p.excess_investor_share),
    );
    let excess = match p.excess {
        Excess::Payer => "payer",
        Excess::Provider => "provider",
    };
    let mut row = Row::new(
        t.l(
            "Overskudd til (payer/provider)",
            "Surplus to (payer/provider)",
        ),
        Style::Text,
        vec![Some(Cell::text(excess))],
    );
    row.input = true;
    row.name = Some("excess".into());
    row.note = "excess".into();
    row.choices = vec!["payer", "provider"];
    sheet.push(Line::Row(row));
    input(
        sheet,
        t.l(
            "Resirkulering (1 = ja, 0 = nei)",
            "Recycling (1 = yes, 0 = no)",
        ),
        "",
        Style::Integer,
        "recycle",
        n(flag(inv.recycle)),
    );
    let mechanism = match p.mechanism {
        Mechanism::RateCard => "rate_card",
        Mechanism::ShareOfSavings => "share_of_savings",
    };
    let mut row = Row::new(
        t.l("Betalingsmekanisme", "Payment mechanism"),
        Style::Text,
        vec![Some(Cell::text(mechanism))],
    );
    row.input = true;
    row.name = Some("mechanism".into());
    row.note = "mechanism".into();
    row.choices = vec!["rate_card", "share_of_savings"];
    sheet.push(Line::Row(row));
    input(
        sheet,
        t.l(
            "Andel av gevinsten (share_of_savings)",
            "Share of savings (share_of_savings)",
        ),
        "",
        Style::Percent,
        "savings_share",
        p.savings_share.map_or(Val::Blank, Val::Num),
    );
    fixed(
        sheet,
        t.l("Perioder per år (fast)", "Periods per year (fixed)"),
        "",
        Style::Integer,
        "periods_per_year",
        Decimal::from(s.timeline.per_year()),
    );
    fixed(
        sheet,
        t.l("Antall perioder (fast)", "Number of periods (fixed)"),
        "",
        Style::Integer,
        "periods",
        Decimal::from(s.timeline.periods),
    );
    if let Some(size) = s.cohort.size {
        input(
            sheet,
            t.l("Kohortens størrelse", "Cohort size"),
            &s.cohort.unit,
            Style::Number,
            "cohort_size",
            n(size),
        );
    }

    for o in &s.outcomes {
        sheet.push(Line::Blank);
        sheet.push(Line::Heading(vec![
            outcome_name(t.lang, o),
            t.unit.to_string(),
            t.value.to_string(),
            t.name.to_string(),
        ]));
        let unit = crate::format::sanitize(&o.indicator_unit).into_owned();
        let nm = |w: &str| name(w, o);
        input(
            sheet,
            t.l("Pris per enhet", "Price per unit"),
            t.currency_unit,
            Style::Money,
            &nm("price"),
            n(o.price),
        );
        input(
            sheet,
            t.l("Verdi per enhet", "Value per unit"),
            t.currency_unit,
            Style::Money,
            &nm("value"),
            n(o.value),
        );
        input(
            sheet,
            t.l("Utgangsnivå", "Baseline"),
            &unit,
            Style::Number,
            &nm("baseline"),
            n(o.baseline),
        );
        input(
            sheet,
            t.l("Mål", "Target"),
            &unit,
            Style::Number,
            &nm("target"),
            n(o.target),
        );
        input(
            sheet,
            t.l("Terskel (tomt: ingen)", "Threshold (empty: none)"),
            &unit,
            Style::Number,
            &nm("threshold"),
            o.threshold.map_or(Val::Blank, Val::Num),
        );
        input(
            sheet,
            t.l("Forventet nivå", "Expected level"),
            &unit,
            Style::Number,
            &nm("expected"),
            n(o.expected),
        );
        let mut row = Row::new(
            t.l("Terskelregel", "Threshold rule"),
            Style::Text,
            vec![Some(Cell::text(rule_text(o.threshold_rule)))],
        );
        row.input = true;
        row.name = Some(nm("threshold_rule"));
        row.note = nm("threshold_rule");
        row.choices = vec!["none", "trigger", "deductible"];
        sheet.push(Line::Row(row));
        input(
            sheet,
            t.l(
                "Betal utover målet (1 = ja)",
                "Pay beyond the target (1 = yes)",
            ),
            "",
            Style::Integer,
            &nm("pay_beyond_target"),
            n(flag(o.pay_beyond_target)),
        );
        input(
            sheet,
            t.l(
                "Andel av verdien til kommunen",
                "Payer's share of the value",
            ),
            "",
            Style::Percent,
            &nm("payer_value_share"),
            n(o.payer_value_share),
        );
        input(
            sheet,
            t.l(
                "Kontantandel av kommunens verdi",
                "Cash part of the payer's value",
            ),
            "",
            Style::Percent,
            &nm("payer_cash_share"),
            n(o.payer_cash_share),
        );
        let sign = o.better.sign();
        fixed(
            sheet,
            t.l(
                "Retning (−1: lavere er bedre, 1: høyere)",
                "Direction (−1: lower is better, 1: higher)",
            ),
            "",
            Style::Integer,
            &nm("sign"),
            sign,
        );
        match o.kind {
            OutcomeKind::Flow => {
                input(
                    sheet,
                    t.l("Opptrapping, perioder", "Ramp-up, periods"),
                    "",
                    Style::Integer,
                    &nm("ramp_periods"),
                    n(Decimal::from(o.ramp_periods.max(1))),
                );
                input(
                    sheet,
                    t.l(
                        "Enheter per poeng per medlem og år",
                        "Units per point per member and year",
                    ),
                    "",
                    Style::Number,
                    &nm("units_per_point"),
                    n(o.units_per_point.unwrap_or_default()),
                );
                input(
                    sheet,
                    t.l(
                        "Drift per periode (poeng, + = bedre)",
                        "Drift per period (points, + = better)",
                    ),
                    &unit,
                    Style::Number,
                    &nm("drift"),
                    n(o.drift),
                );
                input(
                    sheet,
                    t.l(
                        "Mot historisk utgangsnivå (1 = ja, 0 = sammenligningsgruppe)",
                        "Against a historical baseline (1 = yes, 0 = comparison group)",
                    ),
                    "",
                    Style::Integer,
                    &nm("historical"),
                    n(flag(o.counterfactual == Counterfactual::HistoricalBaseline)),
                );
            }
            OutcomeKind::Event => {
                fixed(
                    sheet,
                    t.l(
                        "Måles perioder etter inntak (fast)",
                        "Measured periods after intake (fixed)",
                    ),
                    "",
                    Style::Integer,
                    &nm("lag"),
                    Decimal::from(o.lag),
                );
                fixed(
                    sheet,
                    t.l(
                        "Hver suksess betales (1, fast; 0: bare over sammenligningsgruppen)",
                        "Every success paid (1, fixed; 0: only above the comparison group)",
                    ),
                    "",
                    Style::Integer,
                    &nm("every_success"),
                    flag(o.counterfactual == Counterfactual::None),
                );
            }
        }
    }

    let any_flow = s.outcomes.iter().any(|o| o.kind == OutcomeKind::Flow);
    for site in &s.sites {
        sheet.push(Line::Blank);
        let title = format!(
            "{} ({})",
            crate::format::sanitize(&site.name),
            crate::format::sanitize(&site.payer)
        );
        sheet.push(Line::Heading(vec![
            title,
            t.unit.to_string(),
            t.value.to_string(),
            t.name.to_string(),
        ]));
        let id = &site.id;
        if any_flow {
            input(
                sheet,
                t.l("Størrelse", "Size"),
                &s.cohort.unit,
                Style::Number,
                &format!("size_{id}"),
                n(site.size.unwrap_or_default()),
            );
        }
        input(
            sheet,
            t.l("Effekt, faktor på α", "Effect, factor on α"),
            "",
            Style::Number,
            &format!("effect_{id}"),
            n(site.effect),
        );
        input(
            sheet,
            t.l("Eget tak (tomt: uten)", "Own cap (empty: none)"),
            t.currency_unit,
            Style::Money,
            &format!("cap_{id}"),
            site.cap.map_or(Val::Blank, Val::Num),
        );
        for o in &s.outcomes {
            let own = |values: &[crate::scenario::OutcomeValue]| {
                values
                    .iter()
                    .find(|v| v.outcome == o.id)
                    .map_or(Val::Blank, |v| Val::Num(v.value))
            };
            let on = outcome_name(t.lang, o);
            input(
                sheet,
                format!("{on}: {}", t.l("utgangsnivå", "baseline")),
                "",
                Style::Number,
                &format!("baseline_{}_{id}", o.id),
                n(site.baseline(o)),
            );
            input(
                sheet,
                format!(
                    "{on}: {}",
                    t.l(
                        "forventet nivå (tomt: kontraktens forbedring)",
                        "expected level (empty: the contract's improvement)"
                    )
                ),
                "",
                Style::Number,
                &format!("expected_{}_{id}", o.id),
                own(&site.expected),
            );
            if o.kind == OutcomeKind::Flow {
                input(
                    sheet,
                    format!(
                        "{on}: {}",
                        t.l(
                            "drift (tomt: resultatmålets)",
                            "drift (empty: the outcome's)"
                        )
                    ),
                    "",
                    Style::Number,
                    &format!("drift_{}_{id}", o.id),
                    own(&site.drift),
                );
            }
        }
    }

    sheet.push(Line::Blank);
    let periods = s.timeline.periods;
    let mut head = vec![t.l("Per periode", "Per period"), t.unit.to_string()];
    head.extend((1..=periods).map(|p| format!("{} {p}", t.period)));
    sheet.push(Line::Heading(head));
    let per_period =
        |sheet: &mut Sheet, label: String, unit: &str, style: Style, v: Vec<Decimal>| {
            let mut row = Row::new(
                label,
                style,
                v.into_iter().map(|d| Some(Cell::constant(d))).collect(),
            )
            .unit(unit);
            row.input = true;
            sheet.row(row)
        };
    let cost = per_period(
        sheet,
        t.l("Leveransekostnad", "Delivery cost"),
        t.currency_unit,
        Style::Money,
        (0..periods)
            .map(|i| s.delivery.cost.get(i).copied().unwrap_or_default())
            .collect(),
    );
    let intake = s.cohort.intake.as_ref().map(|intake| {
        per_period(
            sheet,
            t.l("Inntak", "Intake"),
            &s.cohort.unit,
            Style::Number,
            (0..periods)
                .map(|i| intake.get(i).copied().unwrap_or_default())
                .collect(),
        )
    });
    let site_intake = s
        .sites
        .iter()
        .map(|site| {
            site.intake.as_ref().map(|intake| {
                per_period(
                    sheet,
                    format!(
                        "{}, {}",
                        t.l("Inntak", "Intake"),
                        crate::format::sanitize(&site.name)
                    ),
                    &s.cohort.unit,
                    Style::Number,
                    (0..periods)
                        .map(|i| intake.get(i).copied().unwrap_or_default())
                        .collect(),
                )
            })
        })
        .collect();
    let costs = |by: CostPayer| -> Vec<Decimal> {
        (0..periods)
            .map(|tau| {
                s.costs
                    .iter()
                    .filter(|c| c.paid_by == by)
                    .map(|c| to_ore(c.at(tau)))
                    .sum()
            })
            .collect()
    };
    let payer_costs = per_period(
        sheet,
        t.l(
            "Andre kostnader betalt av kommunen (ved periodens start)",
            "Other costs paid by the payer (at the period's start)",
        ),
        t.currency_unit,
        Style::Money,
        costs(CostPayer::Payer),
    );
    let cofunder_costs = per_period(
        sheet,
        t.l(
            "Andre kostnader betalt av medfinansierer (ved periodens start)",
            "Other costs paid by the cofunder (at the period's start)",
        ),
        t.currency_unit,
        Style::Money,
        costs(CostPayer::Cofunder),
    );
    let investor_costs = per_period(
        sheet,
        t.l(
            "Andre kostnader betalt av investor (ved periodens start)",
            "Other costs paid by the investor (at the period's start)",
        ),
        t.currency_unit,
        Style::Money,
        costs(CostPayer::Investor),
    );
    Inputs {
        cost,
        intake,
        payer_costs,
        cofunder_costs,
        investor_costs,
        site_intake,
    }
}
