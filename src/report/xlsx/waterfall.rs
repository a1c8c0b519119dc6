//! The waterfall of `docs/model.md` §3 (with each site's own cap first,
//! §9) as formulas on the outcomes' rows, each cell's value formed here as
//! the formula forms it.

use rust_decimal::Decimal;

use super::book::{Line, Series, Sheet, Style};
use super::inputs::Inputs;
use super::model::{OutcomeRows, Waterfall, over, scalar, tau_heading, terms};
use super::texts::Texts;
use crate::model::{per_period_rate, to_ore};
use crate::scenario::{Excess, Scenario};

/// The sum of one row over the outcomes at τ.
fn sum_of(here: &str, rows: &[&Series], tau: usize) -> (String, Decimal) {
    let f = rows
        .iter()
        .map(|r| r.cell(here, tau))
        .collect::<Vec<_>>()
        .join("+");
    (f, rows.iter().map(|r| r.v[tau]).sum())
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

    let (flows, budget) = super::flows::flows(
        sheet,
        periods,
        &super::flows::Terms {
            payer_part: &payer_part,
            payer_value: &payer_value,
            cash_value: &cash_value,
            fees: &fees,
            payer_costs: &payer_costs,
            payer_refund: &payer_refund,
            cofunder_part: &cofunder_part,
            cofunder_costs: &cofunder_costs,
            cofunder_refund: &cofunder_refund,
            investor_costs: &investor_costs,
            draw: &draw,
            repaid: &repaid,
            upside: &upside,
            guarantee: &guarantee,
            at_risk: &at_risk,
            recovered: &recovered,
            bonus: &bonus,
            value: &value,
            cost: &cost,
            cash_end: &r_cash_end,
        },
        t,
    );
    Waterfall {
        flows,
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
