//! The model of `docs/model.md` §2 as formulas, one achievement α at a
//! time: each outcome per period and place (the waterfall is in
//! `waterfall.rs`, the flows in `flows.rs`), with the rows they share.
//! Each cell's value is formed here as the formula forms it (in
//! `Decimal`, rounded where the model rounds); tests hold the values to
//! the model's and a spreadsheet engine's results to both.

use rust_decimal::Decimal;

use super::book::{Cell, Line, Row, Series, Sheet, Style};
use super::inputs::name;
use super::texts::Texts;
use crate::model::to_ore;
use crate::scenario::{Counterfactual, Outcome, OutcomeKind, Pooling, Scenario, ThresholdRule};

/// The achievement a set of sheets is computed at: its value and the cell
/// or name that holds it.
pub(super) struct Alpha {
    pub value: Decimal,
    pub cell: String,
}

/// What an outcome's sheet gives the waterfall (index τ; τ = 0 is 0).
pub(super) struct OutcomeRows {
    pub payment: Series,
    pub value: Series,
    pub payer_value: Series,
    pub cash_value: Series,
}

/// The waterfall's rows that the key figures and the risk table read.
pub(super) struct Waterfall {
    /// The seven parties' flows, in the order of `Flows::all_parties`.
    pub flows: Vec<(&'static str, Series)>,
    /// The payer's flows without its non-cash value (§8.2).
    pub budget: Series,
    pub formula: Series,
    pub paid: Series,
    pub payer_part: Series,
    pub value: Series,
    pub cash_value: Series,
    pub cost: Series,
    pub fees: Series,
    pub payer_costs: Series,
    pub draw: Series,
    pub repaid: Series,
    pub upside: Series,
    pub guarantee: Series,
    pub bonus: Series,
    pub refund: Series,
    pub payer_refund: Series,
    pub balance: Series,
}

/// `=a-b+c` from signed terms; absent terms are left out, and no term is 0.
pub(super) fn terms(parts: &[(char, Option<String>)]) -> String {
    let mut out = String::new();
    for (sign, term) in parts {
        if let Some(term) = term {
            if out.is_empty() && *sign == '+' {
                out.push_str(term);
            } else {
                out.push(*sign);
                out.push_str(term);
            }
        }
    }
    if out.is_empty() { "0".to_string() } else { out }
}

/// The paid improvement for a measured improvement `m` (§2), before the
/// limit at the target.
fn payable(rule: ThresholdRule, hi: Decimal, m: Decimal) -> Decimal {
    match rule {
        ThresholdRule::None => m.max(Decimal::ZERO),
        ThresholdRule::Trigger => {
            if m >= hi && m > Decimal::ZERO {
                m
            } else {
                Decimal::ZERO
            }
        }
        ThresholdRule::Deductible => (m - hi).max(Decimal::ZERO),
    }
}

/// The formula of [`payable`]; comparisons on values rounded to 12
/// decimals, so that binary floating point decides as `Decimal` does.
fn payable_formula(o: &Outcome, m: &str, hi: &str) -> String {
    let rule = name("threshold_rule", o);
    format!(
        "IF({rule}=\"deductible\",MAX(0,{m}-{hi}),IF({rule}=\"trigger\",IF(AND(ROUND({m}-{hi},12)>=0,ROUND({m},12)>0),{m},0),MAX(0,{m})))"
    )
}

/// One scalar formula row.
pub(super) fn scalar(
    sheet: &mut Sheet,
    label: String,
    style: Style,
    formula: String,
    v: Decimal,
) -> Series {
    sheet.scalar(label, style, Cell::formula(formula, v))
}

/// A row over `τ = 0..=T`; `f` gives each cell or none.
pub(super) fn over(
    sheet: &mut Sheet,
    label: String,
    style: Style,
    periods: usize,
    f: impl Fn(usize) -> Option<(String, Decimal)>,
) -> Series {
    let cells = (0..=periods)
        .map(|tau| f(tau).map(|(formula, v)| Cell::formula(formula, v)))
        .collect();
    sheet.row(Row::new(label, style, cells))
}

/// The heading over the columns τ = 0..T.
pub(super) fn tau_heading(sheet: &mut Sheet, t: &Texts, periods: usize) {
    let mut head = vec![String::new(), t.unit.to_string()];
    head.extend((0..=periods).map(|tau| format!("τ = {tau}")));
    sheet.push(Line::Heading(head));
}

/// Where an outcome is measured: the contract's cohort, or one site (§9)
/// with its own inputs (named `<what>_<outcome>_<site>`).
pub(super) struct Place<'a> {
    /// The site's id and name; `None` for the contract's own cohort.
    pub site: Option<(&'a str, String)>,
    /// The cohort's size: its name and value.
    pub size: (String, Decimal),
    pub intake: Option<&'a Series>,
    /// The site's factor on α: its name and value.
    pub effect: Option<(String, Decimal)>,
    pub baseline: Decimal,
    /// `EI_s`.
    pub ei: Decimal,
    pub drift: Decimal,
}

/// An outcome's rows on `sheet`: its terms, then for each place per period
/// the measured improvement, payable units, payment and value.
pub(super) fn outcome(
    sheet: &mut Sheet,
    s: &Scenario,
    o: &Outcome,
    alpha: &Alpha,
    places: &[Place],
    t: &Texts,
) -> Vec<OutcomeRows> {
    let here = sheet.name.clone();
    let h = here.as_str();
    let nm = |w: &str| name(w, o);
    let periods = s.timeline.periods;
    let sign = o.better.sign();
    let (ti, hi, ei) = (
        o.target_improvement(),
        o.threshold_improvement(),
        o.expected_improvement(),
    );
    let ti_row = scalar(
        sheet,
        t.l("Målforbedring TI", "Target improvement TI"),
        Style::Number,
        format!("{}*({}-{})", nm("sign"), nm("target"), nm("baseline")),
        ti,
    );
    let hi_row = scalar(
        sheet,
        t.l("Terskelforbedring HI", "Threshold improvement HI"),
        Style::Number,
        format!(
            "IF({th}=\"\",0,{}*({th}-{}))",
            nm("sign"),
            nm("baseline"),
            th = nm("threshold")
        ),
        hi,
    );
    let ei_row = scalar(
        sheet,
        t.l("Forventet forbedring EI", "Expected improvement EI"),
        Style::Number,
        format!("{}*({}-{})", nm("sign"), nm("expected"), nm("baseline")),
        ei,
    );
    let most = match o.threshold_rule {
        ThresholdRule::Deductible => ti - hi,
        _ => ti,
    };
    let (ti_c, hi_c, ei_c) = (ti_row.cell(h, 0), hi_row.cell(h, 0), ei_row.cell(h, 0));
    let most_row = scalar(
        sheet,
        t.l("Betales høyst (forbedring)", "Paid at most (improvement)"),
        Style::Number,
        format!(
            "IF({}=\"deductible\",{ti_c}-{hi_c},{ti_c})",
            nm("threshold_rule")
        ),
        most,
    );
    let price = crate::report::xlsx::price(s, o);
    let price_row = scalar(
        sheet,
        t.l("Pris per enhet som betales", "Price per unit paid"),
        Style::Money,
        format!(
            "IF(mechanism=\"share_of_savings\",savings_share*{},{})",
            nm("value"),
            nm("price")
        ),
        price,
    );
    let (most_c, price_c) = (most_row.cell(h, 0), price_row.cell(h, 0));
    let limit = |q0: &str, v: Decimal| -> (String, Decimal) {
        (
            format!("IF({}=1,{q0},MIN({q0},{most_c}))", nm("pay_beyond_target")),
            if o.pay_beyond_target { v } else { v.min(most) },
        )
    };
    sheet.push(Line::Blank);
    tau_heading(sheet, t, periods);
    let ts = over(
        sheet,
        t.l("Periode t", "Period t"),
        Style::Integer,
        periods,
        |tau| (tau >= 1).then(|| (format!("{tau}"), Decimal::from(tau))),
    );
    let money = |sheet: &mut Sheet, label: String, f: &dyn Fn(usize) -> (String, Decimal)| {
        over(sheet, label, Style::Money, periods, |tau| {
            (tau >= 1).then(|| f(tau))
        })
    };
    let number = |sheet: &mut Sheet, label: String, f: &dyn Fn(usize) -> (String, Decimal)| {
        over(sheet, label, Style::Number, periods, |tau| {
            (tau >= 1).then(|| f(tau))
        })
    };
    // A pooled threshold test (§9): the mean measured improvement over the
    // sites, weighted by size, decides for every site. Its rows are
    // reserved here and filled once the sites' rows exist.
    let pooled = !s.sites.is_empty()
        && s.payment.pooling == Pooling::Pooled
        && o.threshold_rule == ThresholdRule::Trigger;
    let reserved = sheet.next().row as usize;
    let pass_at = super::book::At {
        sheet: here.clone(),
        row: reserved as u32 + 2,
    };
    let mut pass_v = vec![false; periods + 1];
    if pooled {
        for _ in 0..3 {
            sheet.push(Line::Blank);
        }
        let ramp_n = Decimal::from(o.ramp_periods.max(1));
        let historical = o.counterfactual == Counterfactual::HistoricalBaseline;
        for (tau, pass) in pass_v.iter_mut().enumerate().skip(1) {
            let ramp = (Decimal::from(tau) / ramp_n).min(Decimal::ONE);
            let (mut sum, mut weights) = (Decimal::ZERO, Decimal::ZERO);
            for p in places {
                let factor = p.effect.as_ref().map_or(Decimal::ONE, |e| e.1);
                let (w, m) = match o.kind {
                    OutcomeKind::Flow => {
                        let mut m = alpha.value * factor * p.ei * ramp;
                        if historical {
                            m += p.drift * Decimal::from(tau);
                        }
                        (p.size.1, m)
                    }
                    OutcomeKind::Event => {
                        let rate = (p.baseline + sign * alpha.value * factor * p.ei)
                            .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                        let w = match (tau.checked_sub(o.lag).filter(|t| *t >= 1), p.intake) {
                            (Some(t), Some(i)) => i.v[t - 1],
                            _ => Decimal::ZERO,
                        };
                        (w, sign * (rate - p.baseline))
                    }
                };
                sum += w * m;
                weights += w;
            }
            *pass = weights > Decimal::ZERO && {
                let mean = sum / weights;
                mean >= hi && mean > Decimal::ZERO
            };
        }
    }
    let mut measured_rows = Vec::new();
    let mut out = Vec::new();
    for place in places {
        let (base_name, drift_name, ei, ei_c, drift_v, base_v, a, alpha_v) = match &place.site {
            None => (
                nm("baseline"),
                nm("drift"),
                place.ei,
                ei_c.clone(),
                place.drift,
                place.baseline,
                alpha.cell.clone(),
                alpha.value,
            ),
            Some((id, site_name)) => {
                sheet.push(Line::Blank);
                sheet.push(Line::Heading(vec![site_name.clone()]));
                let site = |w: &str| format!("{w}_{}_{id}", o.id);
                let ei_s = scalar(
                    sheet,
                    t.l("Forventet forbedring EI_s", "Expected improvement EI_s"),
                    Style::Number,
                    format!(
                        "IF({e}=\"\",{ei_c},{}*({e}-{}))",
                        nm("sign"),
                        site("baseline"),
                        e = site("expected")
                    ),
                    place.ei,
                );
                let drift = scalar(
                    sheet,
                    t.l("Drift per periode", "Drift per period"),
                    Style::Number,
                    format!("IF({d}=\"\",{},{d})", nm("drift"), d = site("drift")),
                    place.drift,
                );
                let (f, v) = place.effect.clone().unwrap_or_default();
                (
                    site("baseline"),
                    drift.cell(h, 0),
                    place.ei,
                    ei_s.cell(h, 0),
                    place.drift,
                    place.baseline,
                    format!("{}*{f}", alpha.cell),
                    alpha.value * v,
                )
            }
        };
        let a = &a;
        let alpha_value = alpha_v;
        let (units, true_units) = match o.kind {
            OutcomeKind::Flow => {
                let ramp_n = Decimal::from(o.ramp_periods.max(1));
                let ramp = number(sheet, t.l("Opptrapping", "Ramp-up"), &|tau| {
                    (
                        format!("MIN(1,{}/{})", ts.cell(h, tau), nm("ramp_periods")),
                        (Decimal::from(tau) / ramp_n).min(Decimal::ONE),
                    )
                });
                let effect = number(
                    sheet,
                    t.l("Sann forbedring E", "True improvement E"),
                    &|tau| {
                        (
                            format!("{a}*{ei_c}*{}", ramp.cell(h, tau)),
                            alpha_value * ei * ramp.v[tau],
                        )
                    },
                );
                let historical = o.counterfactual == Counterfactual::HistoricalBaseline;
                let measured = number(
                    sheet,
                    t.l("Målt forbedring M", "Measured improvement M"),
                    &|tau| {
                        let drift = if historical {
                            drift_v * Decimal::from(tau)
                        } else {
                            Decimal::ZERO
                        };
                        (
                            format!(
                                "{}+IF({}=1,{}*{},0)",
                                effect.cell(h, tau),
                                nm("historical"),
                                drift_name,
                                ts.cell(h, tau)
                            ),
                            effect.v[tau] + drift,
                        )
                    },
                );
                let q0 = number(
                    sheet,
                    t.l(
                        "Betalbar forbedring før grensen",
                        "Payable improvement before the limit",
                    ),
                    &|tau| {
                        let m = measured.cell(h, tau);
                        if pooled {
                            let paid = measured.v[tau].max(Decimal::ZERO);
                            (
                                format!("IF({}=1,MAX(0,{m}),0)", pass_at.cell(h, tau)),
                                if pass_v[tau] { paid } else { Decimal::ZERO },
                            )
                        } else {
                            (
                                payable_formula(o, &m, &hi_c),
                                payable(o.threshold_rule, hi, measured.v[tau]),
                            )
                        }
                    },
                );
                measured_rows.push(
                    (0..=periods)
                        .map(|tau| (place.size.clone(), (measured.cell(h, tau), measured.v[tau])))
                        .collect::<Vec<_>>(),
                );
                let q = number(
                    sheet,
                    t.l("Betalt forbedring q", "Paid improvement q"),
                    &|tau| limit(&q0.cell(h, tau), q0.v[tau]),
                );
                let volume_v = place.size.1 * o.units_per_point.unwrap_or_default()
                    / Decimal::from(s.timeline.per_year());
                let volume = scalar(
                    sheet,
                    t.l(
                        "Enheter per poeng i perioden V",
                        "Units per point in the period V",
                    ),
                    Style::Number,
                    format!(
                        "{}*{}/periods_per_year",
                        place.size.0,
                        nm("units_per_point")
                    ),
                    volume_v,
                );
                let vc = volume.cell(h, 0);
                let units = number(
                    sheet,
                    t.l("Betalbare enheter U", "Payable units U"),
                    &|tau| (format!("{}*{vc}", q.cell(h, tau)), q.v[tau] * volume_v),
                );
                let true_units = number(
                    sheet,
                    t.l("Sanne ekstra enheter A", "True additional units A"),
                    &|tau| {
                        (
                            format!("{}*{vc}", effect.cell(h, tau)),
                            effect.v[tau] * volume_v,
                        )
                    },
                );
                (units, true_units)
            }
            OutcomeKind::Event => {
                let hundred = Decimal::ONE_HUNDRED;
                let rate_v = (base_v + sign * alpha_value * ei).clamp(Decimal::ZERO, hundred);
                let rate = scalar(
                    sheet,
                    t.l("Rate nådd r", "Rate reached r"),
                    Style::Number,
                    format!(
                        "MAX(0,MIN(100,{b}+{s}*{a}*{ei_c}))",
                        b = base_name,
                        s = nm("sign")
                    ),
                    rate_v,
                );
                let e_v = sign * (rate_v - base_v);
                let effect = scalar(
                    sheet,
                    t.l("Sann forbedring E", "True improvement E"),
                    Style::Number,
                    format!("{}*({}-{})", nm("sign"), rate.cell(h, 0), base_name),
                    e_v,
                );
                let ec = effect.cell(h, 0);
                let every = o.counterfactual == Counterfactual::None;
                let intake = place.intake;
                let participants = number(
                    sheet,
                    t.l("Deltakere målt I", "Participants measured I"),
                    &|tau| match (tau.checked_sub(o.lag).filter(|p| *p >= 1), intake) {
                        (Some(p), Some(i)) => (i.cell(h, p - 1), i.v[p - 1]),
                        _ => ("0".to_string(), Decimal::ZERO),
                    },
                );
                let label_q0 = t.l(
                    "Betalbar forbedring før grensen",
                    "Payable improvement before the limit",
                );
                let label_q = t.l("Betalt forbedring q", "Paid improvement q");
                // The paid improvement: one for the contract, or with a
                // pooled test one per period (the test's weights change).
                let q: Vec<(String, Decimal)> = if pooled {
                    let q0 = number(sheet, label_q0, &|tau| {
                        (
                            format!("IF({}=1,MAX(0,{ec}),0)", pass_at.cell(h, tau)),
                            if pass_v[tau] {
                                e_v.max(Decimal::ZERO)
                            } else {
                                Decimal::ZERO
                            },
                        )
                    });
                    let q = number(sheet, label_q, &|tau| limit(&q0.cell(h, tau), q0.v[tau]));
                    measured_rows.push(
                        (0..=periods)
                            .map(|tau| {
                                (
                                    (participants.cell(h, tau), participants.v[tau]),
                                    (ec.clone(), e_v),
                                )
                            })
                            .collect(),
                    );
                    (0..=periods)
                        .map(|tau| (q.cell(h, tau), q.v[tau]))
                        .collect()
                } else {
                    let q0_v = payable(o.threshold_rule, hi, e_v);
                    let q0 = scalar(
                        sheet,
                        label_q0,
                        Style::Number,
                        payable_formula(o, &ec, &hi_c),
                        q0_v,
                    );
                    let (qf, q_v) = limit(&q0.cell(h, 0), q0_v);
                    let q = scalar(sheet, label_q, Style::Number, qf, q_v);
                    vec![(q.cell(h, 0), q_v); periods + 1]
                };
                let units = number(
                    sheet,
                    t.l("Betalbare enheter U", "Payable units U"),
                    &|tau| {
                        let i = participants.cell(h, tau);
                        let (qc, q_v) = &q[tau];
                        if every {
                            (
                                format!("{i}*({base_name}+{qc})/100"),
                                participants.v[tau] * (base_v + q_v) / hundred,
                            )
                        } else {
                            (format!("{i}*{qc}/100"), participants.v[tau] * q_v / hundred)
                        }
                    },
                );
                let true_units = number(
                    sheet,
                    t.l("Sanne ekstra enheter A", "True additional units A"),
                    &|tau| {
                        (
                            format!("{}*{ec}/100", participants.cell(h, tau)),
                            participants.v[tau] * e_v / hundred,
                        )
                    },
                );
                (units, true_units)
            }
        };
        let payment = money(
            sheet,
            t.l(
                "Resultatbetaling P (før tak)",
                "Outcome payment P (before the cap)",
            ),
            &|tau| {
                (
                    format!("ROUND({}*{price_c},2)", units.cell(h, tau)),
                    to_ore(units.v[tau] * price),
                )
            },
        );
        let value = money(sheet, t.l("Verdi B", "Value B"), &|tau| {
            (
                format!("ROUND({}*{},2)", true_units.cell(h, tau), nm("value")),
                to_ore(true_units.v[tau] * o.value),
            )
        });
        let payer_value = money(
            sheet,
            t.l("Kommunens del av verdien", "The payer's part of the value"),
            &|tau| {
                (
                    format!(
                        "ROUND({}*{},2)",
                        nm("payer_value_share"),
                        value.cell(h, tau)
                    ),
                    to_ore(o.payer_value_share * value.v[tau]),
                )
            },
        );
        let cash_value = money(sheet, t.l("Kontantdelen av den", "Its cash part"), &|tau| {
            (
                format!(
                    "ROUND({}*{},2)",
                    nm("payer_cash_share"),
                    payer_value.cell(h, tau)
                ),
                to_ore(o.payer_cash_share * payer_value.v[tau]),
            )
        });
        out.push(OutcomeRows {
            payment,
            value,
            payer_value,
            cash_value,
        });
    }
    if pooled {
        let row = |label: String, style: Style, f: &dyn Fn(usize) -> String| {
            let cells = (0..=periods)
                .map(|tau| (tau >= 1).then(|| Cell::formula(f(tau), Decimal::ZERO)))
                .collect();
            Line::Row(Row::new(label, style, cells))
        };
        let sum_at = super::book::At {
            sheet: here.clone(),
            row: reserved as u32,
        };
        let weight_at = super::book::At {
            sheet: here.clone(),
            row: reserved as u32 + 1,
        };
        let mut lines = vec![
            row(
                t.l("Felles test: Σ vekt·M", "Pooled test: Σ weight·M"),
                Style::Number,
                &|tau| {
                    measured_rows
                        .iter()
                        .map(|r| format!("{}*{}", r[tau].0.0, r[tau].1.0))
                        .collect::<Vec<_>>()
                        .join("+")
                },
            ),
            row(
                t.l(
                    "Felles test: Σ vekt (størrelse eller deltakere)",
                    "Pooled test: Σ weight (size or participants)",
                ),
                Style::Number,
                &|tau| {
                    measured_rows
                        .iter()
                        .map(|r| r[tau].0.0.clone())
                        .collect::<Vec<_>>()
                        .join("+")
                },
            ),
            row(
                t.l(
                    "Felles test bestått (1 = ja)",
                    "Pooled test passed (1 = yes)",
                ),
                Style::Integer,
                &|tau| {
                    let (sum, w) = (sum_at.cell(h, tau), weight_at.cell(h, tau));
                    format!(
                        "IF({w}>0,IF(AND(ROUND({sum}/{w}-{hi_c},12)>=0,ROUND({sum}/{w},12)>0),1,0),0)"
                    )
                },
            ),
        ];
        // The cached values: the sums as the formulas form them.
        for (i, line) in lines.iter_mut().enumerate() {
            if let Line::Row(r) = line {
                for (tau, cell) in r.cells.iter_mut().enumerate() {
                    if let Some(c) = cell {
                        c.val = super::book::Val::Num(match i {
                            2 => {
                                if pass_v[tau] {
                                    Decimal::ONE
                                } else {
                                    Decimal::ZERO
                                }
                            }
                            1 => measured_rows.iter().map(|r| r[tau].0.1).sum(),
                            _ => measured_rows.iter().map(|r| r[tau].0.1 * r[tau].1.1).sum(),
                        });
                    }
                }
            }
        }
        for (i, line) in lines.into_iter().enumerate() {
            sheet.lines[reserved + i] = line;
        }
    }
    out
}
