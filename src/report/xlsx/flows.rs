//! Each party's flows per τ (§3, §4) as sums of the waterfall's rows, the
//! payer's budget flows (§8.2) and a row that checks money is conserved.

use rust_decimal::Decimal;

use super::book::{At, Line, Series, Sheet, Style};
use super::model::{over, terms};
use super::texts::Texts;

/// The waterfall's rows the flows are made of.
pub(super) struct Terms<'a> {
    pub payer_part: &'a Series,
    pub payer_value: &'a Series,
    pub cash_value: &'a Series,
    pub fees: &'a Series,
    pub payer_costs: &'a Series,
    pub payer_refund: &'a Series,
    pub cofunder_part: &'a Series,
    pub cofunder_costs: &'a Series,
    pub cofunder_refund: &'a Series,
    pub investor_costs: &'a Series,
    pub draw: &'a Series,
    pub repaid: &'a Series,
    pub upside: &'a Series,
    pub guarantee: &'a Series,
    pub at_risk: &'a Series,
    pub recovered: &'a Series,
    pub bonus: &'a Series,
    pub value: &'a Series,
    pub cost: &'a Series,
    /// The cash left in the contract after each τ.
    pub cash_end: &'a At,
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

/// The seven parties' flows (in the order of `Flows::all_parties`) and the
/// payer's budget flows, on `sheet` over `τ = 0..=periods`.
pub(super) fn flows(
    sheet: &mut Sheet,
    periods: usize,
    x: &Terms,
    t: &Texts,
) -> (Vec<(&'static str, Series)>, Series) {
    let here = sheet.name.clone();
    let h = here.as_str();
    let last = periods;
    let at = |tau: usize| tau >= 1;
    let before = |tau: usize| tau < last;
    let end = |tau: usize| tau == last;
    let cell = |r: &At, tau: usize| r.cell(h, tau);
    let prev = |r: &At, tau: usize| {
        if tau >= 1 {
            Some(cell(r, tau - 1))
        } else {
            None
        }
    };
    let r_cash_end = x.cash_end;
    let Terms {
        payer_part,
        payer_value,
        cash_value,
        fees,
        payer_costs,
        payer_refund,
        cofunder_part,
        cofunder_costs,
        cofunder_refund,
        investor_costs,
        draw,
        repaid,
        upside,
        guarantee,
        at_risk,
        recovered,
        bonus,
        value,
        cost,
        ..
    } = *x;
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
                ('-', some(at(tau), payer_part)),
                ('+', some(at(tau), payer_value)),
                ('-', some(before(tau), fees)),
                ('-', some(before(tau), payer_costs)),
                ('+', some(end(tau), payer_refund)),
            ]
        },
    );
    let cofunder = flow(
        sheet,
        crate::report::party_name(t.lang, "cofunder").to_string(),
        &|tau| {
            vec![
                ('-', some(at(tau), cofunder_part)),
                ('-', some(before(tau), cofunder_costs)),
                ('+', some(end(tau), cofunder_refund)),
            ]
        },
    );
    let investor = flow(
        sheet,
        crate::report::party_name(t.lang, "investor").to_string(),
        &|tau| {
            vec![
                ('-', some(before(tau), draw)),
                ('+', Some(repaid)),
                ('+', some(end(tau), upside)),
                ('+', some(end(tau), guarantee)),
            ]
        },
    );
    let provider = flow(
        sheet,
        crate::report::party_name(t.lang, "provider").to_string(),
        &|tau| {
            vec![
                ('-', some(before(tau), at_risk)),
                ('+', Some(recovered)),
                ('+', some(end(tau), bonus)),
            ]
        },
    );
    let guarantor = flow(
        sheet,
        crate::report::party_name(t.lang, "guarantor").to_string(),
        &|tau| vec![('-', some(end(tau), guarantee))],
    );
    let public_other = flow(
        sheet,
        crate::report::party_name(t.lang, "public_other").to_string(),
        &|tau| {
            vec![
                ('+', some(at(tau), value)),
                ('-', some(at(tau), payer_value)),
            ]
        },
    );
    let others = flow(
        sheet,
        crate::report::party_name(t.lang, "others").to_string(),
        &|tau| {
            vec![
                ('+', some(before(tau), payer_costs)),
                ('+', some(before(tau), cofunder_costs)),
                ('+', some(before(tau), investor_costs)),
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
                ('-', some(at(tau), payer_value)),
                ('+', some(at(tau), cash_value)),
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
                ('+', Some(cell(r_cash_end, tau))),
                ('-', prev(r_cash_end, tau)),
            ]);
            Some((f, Decimal::ZERO))
        },
    );
    (
        vec![
            ("payer", payer),
            ("cofunder", cofunder),
            ("investor", investor),
            ("provider", provider),
            ("guarantor", guarantor),
            ("public_other", public_other),
            ("others", others),
        ],
        budget,
    )
}
