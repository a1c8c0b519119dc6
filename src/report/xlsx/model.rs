//! The model of `docs/model.md` §2–§3 as formulas, one achievement α at a
//! time: each outcome per period, then the waterfall and every party's
//! flows. Each cell's value is formed here as the formula forms it (in
//! `Decimal`, rounded where the model rounds); tests hold the values to
//! the model's and a spreadsheet engine's results to both.

use rust_decimal::Decimal;

use super::book::{Cell, Line, Row, Series, Sheet, Style};
use super::inputs::{Inputs, name};
use super::texts::Texts;
use crate::model::{per_period_rate, to_ore};
use crate::scenario::{Counterfactual, Excess, Outcome, OutcomeKind, Scenario, ThresholdRule};

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
fn terms(parts: &[(char, Option<String>)]) -> String {
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
fn scalar(sheet: &mut Sheet, label: String, style: Style, formula: String, v: Decimal) -> Series {
    sheet.scalar(label, style, Cell::formula(formula, v))
}

/// A row over `τ = 0..=T`; `f` gives each cell or none.
fn over(
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
                        (
                            payable_formula(o, &measured.cell(h, tau), &hi_c),
                            payable(o.threshold_rule, hi, measured.v[tau]),
                        )
                    },
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
                let q0_v = payable(o.threshold_rule, hi, e_v);
                let q0 = scalar(
                    sheet,
                    t.l(
                        "Betalbar forbedring før grensen",
                        "Payable improvement before the limit",
                    ),
                    Style::Number,
                    payable_formula(o, &ec, &hi_c),
                    q0_v,
                );
                let (qf, q_v) = limit(&q0.cell(h, 0), q0_v);
                let q = scalar(
                    sheet,
                    t.l("Betalt forbedring q", "Paid improvement q"),
                    Style::Number,
                    qf,
                    q_v,
                );
                let qc = q.cell(h, 0);
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
                let units = number(
                    sheet,
                    t.l("Betalbare enheter U", "Payable units U"),
                    &|tau| {
                        let i = participants.cell(h, tau);
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
    out
}

/// The sum of one row over the outcomes at τ.
fn sum_of(here: &str, rows: &[&Series], tau: usize) -> (String, Decimal) {
    let f = rows
        .iter()
        .map(|r| r.cell(here, tau))
        .collect::<Vec<_>>()
        .join("+");
    (f, rows.iter().map(|r| r.v[tau]).sum())
}

/// A party's terms at τ: signed rows, absent where the row has no cell.
type Parts<'a> = dyn Fn(usize) -> Vec<(char, Option<&'a Series>)> + 'a;

/// A party's flow row: the sum of its signed terms at each τ.
fn flow_row(
    sheet: &mut Sheet,
    h: &str,
    periods: usize,
    label: String,
    parts: &Parts<'_>,
) -> Series {
    over(sheet, label, Style::Money, periods, |tau| {
        let p = parts(tau);
        let f = terms(
            &p.iter()
                .map(|(sg, r)| (*sg, r.map(|r| r.cell(h, tau))))
                .collect::<Vec<_>>(),
        );
        let v = p
            .iter()
            .filter_map(|(sg, r)| r.map(|r| if *sg == '-' { -r.v[tau] } else { r.v[tau] }))
            .sum();
        Some((f, v))
    })
}

/// The waterfall (§3) on `sheet` from the outcomes' rows.
///
/// `outcomes[o][p]`: outcome `o` at place `p`; `sites` (empty without
/// sites): each site's id and name, in the order of the places.
pub(super) fn waterfall(
    sheet: &mut Sheet,
    s: &Scenario,
    outcomes: &[Vec<OutcomeRows>],
    sites: &[(String, String)],
    inputs: &Inputs,
    t: &Texts,
) -> Waterfall {
    let here = sheet.name.clone();
    let h = here.as_str();
    let periods = s.timeline.periods;
    let last = periods;
    let c = s.payment.cofunder_share;
    let rate_v = per_period_rate(s.investment.return_cap, s.timeline.per_year());
    let rate = scalar(
        sheet,
        t.l("Avkastningstak per periode", "Return cap per period"),
        Style::Fine,
        if s.timeline.per_year() <= 1 {
            "return_cap".to_string()
        } else {
            "(1+return_cap)^(1/periods_per_year)-1".to_string()
        },
        rate_v,
    );
    let rc = rate.cell(h, 0);
    sheet.push(Line::Blank);
    tau_heading(sheet, t, periods);
    let money =
        |sheet: &mut Sheet, label: String, f: &dyn Fn(usize) -> Option<(String, Decimal)>| {
            over(sheet, label, Style::Money, periods, f)
        };
    let at = |tau: usize| tau >= 1;
    let before = |tau: usize| tau < last;
    let rows =
        |f: fn(&OutcomeRows) -> &Series| outcomes.iter().flatten().map(f).collect::<Vec<_>>();
    let formula = money(
        sheet,
        t.l("Resultatbetalinger etter formelen F", "Formula payments F"),
        &|tau| at(tau).then(|| sum_of(h, &rows(|o| &o.payment), tau)),
    );
    let down = |c: Decimal| c.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
    // Each site's own cap first (§9), on its own cumulative payments.
    let mut site_paid = Vec::new();
    for (i, (id, name)) in sites.iter().enumerate() {
        let own: Vec<&Series> = outcomes.iter().map(|o| &o[i].payment).collect();
        let f = money(
            sheet,
            format!(
                "{} {name}",
                t.l("Resultatbetalinger etter formelen,", "Formula payments,")
            ),
            &|tau| at(tau).then(|| sum_of(h, &own, tau)),
        );
        let cap = s.sites[i].cap.map(down);
        let mut v = vec![Decimal::ZERO; periods + 1];
        let mut before_sum = Decimal::ZERO;
        for (paid, f) in v.iter_mut().zip(&f.v).skip(1) {
            *paid = match cap {
                Some(cap) => (*f).min((cap - before_sum).max(Decimal::ZERO)),
                None => *f,
            };
            before_sum += *paid;
        }
        let own_at = sheet.next();
        let name_cap = format!("cap_{id}");
        site_paid.push(money(
            sheet,
            format!("{} {name}", t.l("Etter kommunens eget tak,", "After the site's own cap,")),
            &|tau| {
                at(tau).then(|| {
                    let fc = f.cell(h, tau);
                    let earlier = if tau >= 2 {
                        format!("-SUM({})", own_at.range(h, 1, tau - 1))
                    } else {
                        String::new()
                    };
                    (
                        format!("IF({name_cap}=\"\",{fc},MIN({fc},MAX(0,ROUNDDOWN({name_cap},2){earlier})))"),
                        v[tau],
                    )
                })
            },
        ));
    }
    let capped = if sites.is_empty() {
        formula.clone()
    } else {
        let all: Vec<&Series> = site_paid.iter().collect();
        money(
            sheet,
            t.l("Etter kommunenes egne tak", "After the sites' own caps"),
            &|tau| at(tau).then(|| sum_of(h, &all, tau)),
        )
    };
    let cap = s.payment.cap.map(down);
    let paid_at = sheet.next();
    let mut paid_v = vec![Decimal::ZERO; periods + 1];
    let mut before_sum = Decimal::ZERO;
    for (paid, f) in paid_v.iter_mut().zip(&capped.v).skip(1) {
        *paid = match cap {
            Some(cap) => (*f).min((cap - before_sum).max(Decimal::ZERO)),
            None => *f,
        };
        before_sum += *paid;
    }
    let paid = money(
        sheet,
        t.l(
            "Resultatbetalinger etter taket O",
            "Outcome payments after the cap O",
        ),
        &|tau| {
            at(tau).then(|| {
                let f = capped.cell(h, tau);
                let earlier = if tau >= 2 {
                    format!("-SUM({})", paid_at.range(h, 1, tau - 1))
                } else {
                    String::new()
                };
                (
                    format!("IF(cap=\"\",{f},MIN({f},MAX(0,ROUNDDOWN(cap,2){earlier})))"),
                    paid_v[tau],
                )
            })
        },
    );
    let cofunder_part = money(
        sheet,
        t.l("Medfinansierers del", "The cofunder's part"),
        &|tau| {
            at(tau).then(|| {
                (
                    format!("ROUND(cofunder_share*{},2)", paid.cell(h, tau)),
                    to_ore(c * paid.v[tau]),
                )
            })
        },
    );
    let payer_part = money(sheet, t.l("Kommunens del", "The payer's part"), &|tau| {
        at(tau).then(|| {
            (
                format!("{}-{}", paid.cell(h, tau), cofunder_part.cell(h, tau)),
                paid.v[tau] - cofunder_part.v[tau],
            )
        })
    });
    let value = money(sheet, t.l("Verdi", "Value"), &|tau| {
        at(tau).then(|| sum_of(h, &rows(|o| &o.value), tau))
    });
    let payer_value = money(sheet, t.l("Kommunens verdi", "The payer's value"), &|tau| {
        at(tau).then(|| sum_of(h, &rows(|o| &o.payer_value), tau))
    });
    let cash_value = money(
        sheet,
        t.l(
            "Kontantdelen av kommunens verdi",
            "Cash part of the payer's value",
        ),
        &|tau| at(tau).then(|| sum_of(h, &rows(|o| &o.cash_value), tau)),
    );
    let cost = money(
        sheet,
        t.l(
            "Leveransekostnad for neste periode C",
            "Delivery cost of the next period C",
        ),
        &|tau| {
            before(tau).then(|| {
                (
                    format!("ROUND({},2)", inputs.cost.cell(h, tau)),
                    to_ore(inputs.cost.v[tau]),
                )
            })
        },
    );
    let fees = money(
        sheet,
        t.l("Grunnbetaling G (kommunen)", "Fixed fee G (payer)"),
        &|tau| {
            before(tau).then(|| {
                (
                    format!("ROUND(guaranteed_share*{},2)", cost.cell(h, tau)),
                    to_ore(s.payment.guaranteed_share * cost.v[tau]),
                )
            })
        },
    );
    let at_risk = money(
        sheet,
        t.l(
            "Leverandørens andel på risiko R",
            "Provider's fee at risk R",
        ),
        &|tau| {
            before(tau).then(|| {
                (
                    format!("ROUND(fee_at_risk*{},2)", cost.cell(h, tau)),
                    to_ore(s.provider.fee_at_risk * cost.v[tau]),
                )
            })
        },
    );
    let input_costs = |sheet: &mut Sheet, label: String, from: &Series| {
        money(sheet, label, &|tau| {
            before(tau).then(|| (from.cell(h, tau), from.v[tau]))
        })
    };
    let payer_costs = input_costs(
        sheet,
        t.l("Andre kostnader, kommunen", "Other costs, payer"),
        &inputs.payer_costs,
    );
    let cofunder_costs = input_costs(
        sheet,
        t.l("Andre kostnader, medfinansierer", "Other costs, cofunder"),
        &inputs.cofunder_costs,
    );
    let investor_costs = input_costs(
        sheet,
        t.l("Andre kostnader, investor", "Other costs, investor"),
        &inputs.investor_costs,
    );
    let need = money(sheet, t.l("Behov", "Need"), &|tau| {
        before(tau).then(|| {
            (
                format!(
                    "{}-{}-{}+{}",
                    cost.cell(h, tau),
                    fees.cell(h, tau),
                    at_risk.cell(h, tau),
                    investor_costs.cell(h, tau)
                ),
                cost.v[tau] - fees.v[tau] - at_risk.v[tau] + investor_costs.v[tau],
            )
        })
    });

    // The state of the waterfall, step by step (§3), in Decimal as the
    // formulas below form it.
    let n = periods + 1;
    let z = || vec![Decimal::ZERO; n];
    let (mut bal_open, mut cash_in, mut from_cash, mut draw, mut bal_drawn) =
        (z(), z(), z(), z(), z());
    let (mut deferred_in, mut cash_avail, mut repaid, mut recovered) = (z(), z(), z(), z());
    let (mut surplus, mut upside, mut bonus, mut refund, mut cofunder_refund, mut payer_refund) =
        (z(), z(), z(), z(), z(), z());
    let (mut cash_end, mut bal_end, mut deferred_end) = (z(), z(), z());
    let recycle = s.investment.recycle;
    let k = s.payment.excess_investor_share;
    for tau in 0..n {
        let (cash0, bal0, def0) = if tau >= 1 {
            (cash_end[tau - 1], bal_end[tau - 1], deferred_end[tau - 1])
        } else {
            Default::default()
        };
        bal_open[tau] = if tau >= 1 {
            to_ore(bal0 * (Decimal::ONE + rate_v))
        } else {
            Decimal::ZERO
        };
        cash_in[tau] = cash0 + paid.v[tau];
        from_cash[tau] = if before(tau) && recycle {
            cash_in[tau].min(need.v[tau])
        } else {
            Decimal::ZERO
        };
        draw[tau] = if before(tau) {
            need.v[tau] - from_cash[tau]
        } else {
            Decimal::ZERO
        };
        bal_drawn[tau] = bal_open[tau] + draw[tau];
        deferred_in[tau] = def0 + at_risk.v[tau];
        cash_avail[tau] = cash_in[tau] - from_cash[tau];
        if !recycle || tau == last {
            repaid[tau] = cash_avail[tau].max(Decimal::ZERO).min(bal_drawn[tau]);
            recovered[tau] = (cash_avail[tau] - repaid[tau])
                .max(Decimal::ZERO)
                .min(deferred_in[tau]);
        }
        let left = cash_avail[tau] - repaid[tau] - recovered[tau];
        if tau == last {
            surplus[tau] = left.max(Decimal::ZERO);
            upside[tau] = to_ore(k * surplus[tau]);
            let rest = surplus[tau] - upside[tau];
            match s.payment.excess {
                Excess::Provider => bonus[tau] = rest,
                Excess::Payer => refund[tau] = rest,
            }
            cofunder_refund[tau] = to_ore(c * refund[tau]);
            payer_refund[tau] = refund[tau] - cofunder_refund[tau];
        }
        cash_end[tau] = left - surplus[tau];
        bal_end[tau] = bal_drawn[tau] - repaid[tau];
        deferred_end[tau] = deferred_in[tau] - recovered[tau];
    }
    // Rows are laid out in this order; a row may refer to the previous
    // column of a row further down (the state carried over).
    let base = sheet.next().row;
    let row_of = |i: u32| super::book::At {
        sheet: here.clone(),
        row: base + i,
    };
    let [
        r_bal_open,
        r_cash_in,
        r_from_cash,
        r_draw,
        r_bal_drawn,
        r_def_in,
        r_cash_avail,
        r_repaid,
        r_recovered,
        r_surplus,
        r_upside,
        r_bonus,
        r_refund,
        r_cof_refund,
        r_payer_refund,
        r_cash_end,
        r_bal_end,
        r_def_end,
    ] = std::array::from_fn(|i| row_of(i as u32));
    let cell = |r: &super::book::At, tau: usize| r.cell(h, tau);
    let prev = |r: &super::book::At, tau: usize| {
        if tau >= 1 {
            Some(cell(r, tau - 1))
        } else {
            None
        }
    };
    let put =
        |sheet: &mut Sheet, label: String, v: &[Decimal], f: &dyn Fn(usize) -> Option<String>| {
            over(sheet, label, Style::Money, periods, |tau| {
                f(tau).map(|formula| (formula, v[tau]))
            })
        };
    let recycling = |tau: usize| before(tau);
    put(
        sheet,
        t.l(
            "Investor har til gode, med avkastning",
            "Owed to the investor, with return",
        ),
        &bal_open,
        &|tau| {
            Some(match prev(&r_bal_end, tau) {
                Some(p) => format!("ROUND({p}*(1+{rc}),2)"),
                None => "0".to_string(),
            })
        },
    );
    put(sheet, t.l("Kontanter inn", "Cash in"), &cash_in, &|tau| {
        Some(terms(&[
            ('+', prev(&r_cash_end, tau)),
            ('+', at(tau).then(|| paid.cell(h, tau))),
        ]))
    });
    put(
        sheet,
        t.l(
            "Fra kontanter til leveransen (resirkulering)",
            "From cash to delivery (recycling)",
        ),
        &from_cash,
        &|tau| {
            before(tau).then(|| {
                format!(
                    "IF(recycle=1,MIN({},{}),0)",
                    cell(&r_cash_in, tau),
                    need.cell(h, tau)
                )
            })
        },
    );
    put(
        sheet,
        t.l("Investor trekker", "Investor draws"),
        &draw,
        &|tau| before(tau).then(|| format!("{}-{}", need.cell(h, tau), cell(&r_from_cash, tau))),
    );
    put(
        sheet,
        t.l(
            "Investor har til gode etter trekk",
            "Owed to the investor after the draw",
        ),
        &bal_drawn,
        &|tau| {
            Some(terms(&[
                ('+', Some(cell(&r_bal_open, tau))),
                ('+', before(tau).then(|| cell(&r_draw, tau))),
            ]))
        },
    );
    put(
        sheet,
        t.l("Leverandørens utsatte honorar", "Provider's deferred fee"),
        &deferred_in,
        &|tau| {
            Some(terms(&[
                ('+', prev(&r_def_end, tau)),
                ('+', before(tau).then(|| at_risk.cell(h, tau))),
            ]))
        },
    );
    put(
        sheet,
        t.l("Kontanter til fordeling", "Cash to distribute"),
        &cash_avail,
        &|tau| {
            Some(terms(&[
                ('+', Some(cell(&r_cash_in, tau))),
                ('-', before(tau).then(|| cell(&r_from_cash, tau))),
            ]))
        },
    );
    put(
        sheet,
        t.l(
            "Til investor (hovedstol og avkastning)",
            "To the investor (principal and return)",
        ),
        &repaid,
        &|tau| {
            let x = format!(
                "MIN(MAX({},0),{})",
                cell(&r_cash_avail, tau),
                cell(&r_bal_drawn, tau)
            );
            Some(if recycling(tau) {
                format!("IF(recycle=1,0,{x})")
            } else {
                x
            })
        },
    );
    put(
        sheet,
        t.l(
            "Til leverandøren (utsatt honorar)",
            "To the provider (deferred fee)",
        ),
        &recovered,
        &|tau| {
            let y = format!(
                "MIN(MAX({}-{},0),{})",
                cell(&r_cash_avail, tau),
                cell(&r_repaid, tau),
                cell(&r_def_in, tau)
            );
            Some(if recycling(tau) {
                format!("IF(recycle=1,0,{y})")
            } else {
                y
            })
        },
    );
    let end = |tau: usize| tau == last;
    put(
        sheet,
        t.l("Overskudd ved slutt", "Surplus at the end"),
        &surplus,
        &|tau| {
            end(tau).then(|| {
                format!(
                    "MAX({}-{}-{},0)",
                    cell(&r_cash_avail, tau),
                    cell(&r_repaid, tau),
                    cell(&r_recovered, tau)
                )
            })
        },
    );
    put(
        sheet,
        t.l(
            "Investors andel av overskuddet",
            "Investor's share of the surplus",
        ),
        &upside,
        &|tau| {
            end(tau).then(|| format!("ROUND(excess_investor_share*{},2)", cell(&r_surplus, tau)))
        },
    );
    put(
        sheet,
        t.l("Bonus til leverandøren", "Bonus to the provider"),
        &bonus,
        &|tau| {
            end(tau).then(|| {
                format!(
                    "IF(excess=\"provider\",{}-{},0)",
                    cell(&r_surplus, tau),
                    cell(&r_upside, tau)
                )
            })
        },
    );
    put(
        sheet,
        t.l("Tilbakebetalt til betalerne", "Refunded to the payers"),
        &refund,
        &|tau| {
            end(tau).then(|| {
                format!(
                    "IF(excess=\"provider\",0,{}-{})",
                    cell(&r_surplus, tau),
                    cell(&r_upside, tau)
                )
            })
        },
    );
    put(
        sheet,
        t.l(
            "Tilbakebetalt til medfinansierer",
            "Refunded to the cofunder",
        ),
        &cofunder_refund,
        &|tau| end(tau).then(|| format!("ROUND(cofunder_share*{},2)", cell(&r_refund, tau))),
    );
    put(
        sheet,
        t.l("Tilbakebetalt til kommunen", "Refunded to the payer"),
        &payer_refund,
        &|tau| end(tau).then(|| format!("{}-{}", cell(&r_refund, tau), cell(&r_cof_refund, tau))),
    );
    put(
        sheet,
        t.l("Kontanter igjen i kontrakten", "Cash left in the contract"),
        &cash_end,
        &|tau| {
            Some(terms(&[
                ('+', Some(cell(&r_cash_avail, tau))),
                ('-', Some(cell(&r_repaid, tau))),
                ('-', Some(cell(&r_recovered, tau))),
                ('-', end(tau).then(|| cell(&r_surplus, tau))),
            ]))
        },
    );
    put(
        sheet,
        t.l(
            "Investor har til gode ved periodens slutt",
            "Owed to the investor at the end of the period",
        ),
        &bal_end,
        &|tau| {
            Some(format!(
                "{}-{}",
                cell(&r_bal_drawn, tau),
                cell(&r_repaid, tau)
            ))
        },
    );
    put(
        sheet,
        t.l(
            "Leverandørens utsatte honorar igjen",
            "Provider's deferred fee left",
        ),
        &deferred_end,
        &|tau| {
            Some(format!(
                "{}-{}",
                cell(&r_def_in, tau),
                cell(&r_recovered, tau)
            ))
        },
    );
    let series = |at: super::book::At, v: Vec<Decimal>| Series { at, v };
    let draw = series(r_draw, draw);
    let repaid = series(r_repaid, repaid);
    let recovered = series(r_recovered, recovered);
    let upside = series(r_upside, upside);
    let bonus = series(r_bonus, bonus);
    let refund = series(r_refund, refund);
    let cofunder_refund = series(r_cof_refund, cofunder_refund);
    let payer_refund = series(r_payer_refund, payer_refund);
    let balance = series(r_bal_end, bal_end);

    // The guarantee (§3 step 4), in the last column.
    let drawn_v: Decimal = draw.v.iter().sum();
    let received_v: Decimal = repaid.v.iter().sum::<Decimal>() + upside.v[last];
    let loss_v = (drawn_v - received_v).max(Decimal::ZERO);
    let limit_v = (s.investment.first_loss * drawn_v)
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
    let all = |r: &Series| r.at.range(h, 0, last);
    let loss = money(sheet, t.l("Investors tap", "Investor's loss"), &|tau| {
        end(tau).then(|| {
            (
                format!(
                    "MAX(0,SUM({})-SUM({})-{})",
                    all(&draw),
                    all(&repaid),
                    upside.cell(h, tau)
                ),
                loss_v,
            )
        })
    });
    let limit = money(
        sheet,
        t.l("Garantiens grense", "The guarantee's limit"),
        &|tau| {
            end(tau).then(|| {
                (
                    format!("ROUNDDOWN(first_loss*SUM({}),2)", all(&draw)),
                    limit_v,
                )
            })
        },
    );
    let guarantee = money(sheet, t.l("Garanti betalt", "Guarantee paid"), &|tau| {
        end(tau).then(|| {
            (
                format!("MIN({},{})", loss.cell(h, tau), limit.cell(h, tau)),
                loss_v.min(limit_v),
            )
        })
    });

    sheet.push(Line::Blank);
    sheet.push(Line::Heading(vec![t.l(
        "Hver parts kontantstrøm (+ = inn)",
        "Each party's flows (+ = in)",
    )]));
    let flow =
        |sheet: &mut Sheet, label: String, parts: &Parts| flow_row(sheet, h, periods, label, parts);
    let some = |b: bool, r| b.then_some(r);
    let payer = flow(
        sheet,
        crate::report::party_name(t.lang, "payer").to_string(),
        &|tau| {
            vec![
                ('-', some(at(tau), &payer_part)),
                ('+', some(at(tau), &payer_value)),
                ('-', some(before(tau), &fees)),
                ('-', some(before(tau), &payer_costs)),
                ('+', some(end(tau), &payer_refund)),
            ]
        },
    );
    let cofunder = flow(
        sheet,
        crate::report::party_name(t.lang, "cofunder").to_string(),
        &|tau| {
            vec![
                ('-', some(at(tau), &cofunder_part)),
                ('-', some(before(tau), &cofunder_costs)),
                ('+', some(end(tau), &cofunder_refund)),
            ]
        },
    );
    let investor = flow(
        sheet,
        crate::report::party_name(t.lang, "investor").to_string(),
        &|tau| {
            vec![
                ('-', some(before(tau), &draw)),
                ('+', Some(&repaid)),
                ('+', some(end(tau), &upside)),
                ('+', some(end(tau), &guarantee)),
            ]
        },
    );
    let provider = flow(
        sheet,
        crate::report::party_name(t.lang, "provider").to_string(),
        &|tau| {
            vec![
                ('-', some(before(tau), &at_risk)),
                ('+', Some(&recovered)),
                ('+', some(end(tau), &bonus)),
            ]
        },
    );
    let guarantor = flow(
        sheet,
        crate::report::party_name(t.lang, "guarantor").to_string(),
        &|tau| vec![('-', some(end(tau), &guarantee))],
    );
    let public_other = flow(
        sheet,
        crate::report::party_name(t.lang, "public_other").to_string(),
        &|tau| {
            vec![
                ('+', some(at(tau), &value)),
                ('-', some(at(tau), &payer_value)),
            ]
        },
    );
    let others = flow(
        sheet,
        crate::report::party_name(t.lang, "others").to_string(),
        &|tau| {
            vec![
                ('+', some(before(tau), &payer_costs)),
                ('+', some(before(tau), &cofunder_costs)),
                ('+', some(before(tau), &investor_costs)),
            ]
        },
    );
    let budget = flow(
        sheet,
        t.l(
            "Kommunens budsjett (uten ikke-kontant verdi)",
            "The payer's budget (without non-cash value)",
        ),
        &|tau| {
            vec![
                ('+', Some(&payer)),
                ('-', some(at(tau), &payer_value)),
                ('+', some(at(tau), &cash_value)),
            ]
        },
    );
    let parties = [
        &payer,
        &cofunder,
        &investor,
        &provider,
        &guarantor,
        &public_other,
        &others,
    ];
    // Money is conserved: what the parties get at τ is the value less the
    // cost, less what stays in the contract.
    over(
        sheet,
        t.l(
            "Kontroll: strømmene − (verdi − kostnad − endring i kontanter) = 0",
            "Check: flows − (value − cost − change in cash) = 0",
        ),
        Style::Money,
        periods,
        |tau| {
            let sum = parties
                .iter()
                .map(|p| p.cell(h, tau))
                .collect::<Vec<_>>()
                .join("+");
            let f = terms(&[
                ('+', Some(format!("({sum})"))),
                ('-', at(tau).then(|| value.cell(h, tau))),
                ('+', before(tau).then(|| cost.cell(h, tau))),
                ('+', Some(cell(&r_cash_end, tau))),
                ('-', prev(&r_cash_end, tau)),
            ]);
            Some((f, Decimal::ZERO))
        },
    );
    Waterfall {
        flows: vec![
            ("payer", payer),
            ("cofunder", cofunder),
            ("investor", investor),
            ("provider", provider),
            ("guarantor", guarantor),
            ("public_other", public_other),
            ("others", others),
        ],
        budget,
        formula,
        paid,
        payer_part,
        value,
        cash_value,
        cost,
        fees,
        payer_costs,
        draw,
        repaid,
        upside,
        guarantee,
        bonus,
        refund,
        payer_refund,
        balance,
    }
}
