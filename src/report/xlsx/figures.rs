//! Key figures (§4, §8.2) as formulas on a waterfall's rows: each party's
//! net and NPV, the investor's IRR and money multiple, the totals and the
//! payer's budget; and the risk table that reads them at four achievements.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::book::{At, Cell, Line, Row, Series, Sheet, Style, Val};
use super::model::Waterfall;
use super::texts::Texts;
use crate::model::{Evaluation, PartyFigures, per_period_rate};
use crate::report::party_name;
use crate::scenario::Scenario;

/// Where the key figures are, for the risk table.
pub(super) struct Keys {
    pub paid: At,
    /// Each party's row, net in value column 0 and NPV in 1, in the
    /// order of `Flows::all_parties`.
    pub parties: Vec<(&'static str, At)>,
    pub irr: At,
    pub budget_net: At,
}

fn one(sheet: &mut Sheet, label: String, style: Style, cell: Cell) -> At {
    sheet.scalar(label, style, cell).at
}

/// A party's net and NPV by its id (`Flows::all_parties`).
pub(super) fn party(e: &Evaluation, id: &str) -> PartyFigures {
    match id {
        "payer" => e.payer,
        "cofunder" => e.cofunder,
        "investor" => e.investor_party(),
        "provider" => e.provider,
        "guarantor" => e.guarantor,
        "public_other" => e.public_other,
        _ => e.others,
    }
}

/// The most the payers can pay in outcome payments together (§8.2, §9):
/// the contract's cap, or with sites the sum of their own caps when every
/// site has one, whichever is lower; "" when nothing bounds them.
fn payments_bound(s: &Scenario) -> String {
    if s.sites.is_empty() {
        return "IF(cap=\"\",\"\",ROUNDDOWN(cap,2))".to_string();
    }
    let caps: Vec<String> = s.sites.iter().map(|x| format!("cap_{}", x.id)).collect();
    let missing = caps
        .iter()
        .map(|c| format!("{c}=\"\""))
        .collect::<Vec<_>>()
        .join(",");
    let sum = caps
        .iter()
        .map(|c| format!("ROUNDDOWN({c},2)"))
        .collect::<Vec<_>>()
        .join("+");
    let sites = format!("IF(OR({missing}),\"\",{sum})");
    format!("IF(cap=\"\",{sites},IF(OR({missing}),ROUNDDOWN(cap,2),MIN(ROUNDDOWN(cap,2),{sum})))")
}

/// The key figures of waterfall `w` on `sheet`; `e` gives the cached values.
pub(super) fn key_figures(
    sheet: &mut Sheet,
    s: &Scenario,
    w: &Waterfall,
    e: &Evaluation,
    t: &Texts,
) -> Keys {
    let here = sheet.name.clone();
    let h = here.as_str();
    let last = s.timeline.periods;
    let ppy = s.timeline.per_year();
    let all = |r: &Series| r.at.range(h, 0, last);
    let sum = |r: &Series| format!("SUM({})", all(r));
    let rate = |annual: &str| {
        if ppy <= 1 {
            annual.to_string()
        } else {
            format!("(1+{annual})^(1/periods_per_year)-1")
        }
    };
    let rd = one(
        sheet,
        t.l("Diskonteringsrente per periode", "Discount rate per period"),
        Style::Fine,
        Cell::formula(
            rate("discount_rate"),
            per_period_rate(s.assumptions.discount_rate, ppy),
        ),
    );
    let rh = one(
        sheet,
        t.l(
            "Investors avkastningskrav per periode",
            "Investor's hurdle rate per period",
        ),
        Style::Fine,
        Cell::formula(rate("hurdle_rate"), per_period_rate(s.hurdle_rate(), ppy)),
    );
    let npv = |r: &Series, rate: &At| {
        if last == 0 {
            r.cell(h, 0)
        } else {
            format!(
                "{}+NPV({},{})",
                r.cell(h, 0),
                rate.cell(h, 0),
                r.at.range(h, 1, last)
            )
        }
    };
    sheet.push(Line::Blank);
    sheet.push(Line::Heading(vec![
        t.l("Part", "Party"),
        String::new(),
        t.l("Netto", "Net"),
        t.l("Nåverdi", "NPV"),
    ]));
    let figures = |id: &str| party(e, id);
    let mut parties = Vec::new();
    for (id, flows) in &w.flows {
        let f = figures(id);
        let rate = if *id == "investor" { &rh } else { &rd };
        let at = sheet
            .row(Row::new(
                party_name(t.lang, id).to_string(),
                Style::Money,
                vec![
                    Some(Cell::formula(sum(flows), f.net)),
                    Some(Cell::formula(npv(flows, rate), f.npv)),
                ],
            ))
            .at;
        parties.push((*id, at));
    }
    let party_row = |id: &str| parties.iter().find(|p| p.0 == id).map(|p| p.1.clone());
    let public: Vec<At> = ["payer", "cofunder", "public_other"]
        .iter()
        .filter_map(|id| party_row(id))
        .collect();
    let public_sum = |i: usize| {
        public
            .iter()
            .map(|a| a.cell(h, i))
            .collect::<Vec<_>>()
            .join("+")
    };
    sheet.row(Row::new(
        t.l(
            "Offentlig sektor (kommunen, medfinansierer og øvrig offentlig)",
            "Public sector (payer, cofunder and public other)",
        ),
        Style::Money,
        vec![
            Some(Cell::formula(public_sum(0), e.public.net)),
            Some(Cell::formula(public_sum(1), e.public.npv)),
        ],
    ));

    sheet.push(Line::Blank);
    sheet.push(Line::Heading(vec![t.l("Investor", "Investor")]));
    let tot = &e.run.totals;
    let end = |r: &Series| r.cell(h, last);
    let moic = match e.investor.moic {
        Some(m) => Val::Num(m),
        None => Val::Blank,
    };
    let moic = one(
        sheet,
        t.l(
            "Pengemultippel (mottatt + garanti) / trukket",
            "Money multiple (received + guarantee) / drawn",
        ),
        Style::Fine,
        Cell::formula_val(
            format!(
                "IF({d}>0,({r}+{u}+{g})/{d},\"\")",
                d = sum(&w.draw),
                r = sum(&w.repaid),
                u = end(&w.upside),
                g = end(&w.guarantee)
            ),
            moic,
        ),
    );
    let irr = match e.investor.irr.headline.and_then(|r| r.to_f64()) {
        Some(r) => Val::Real(r),
        None => Val::Blank,
    };
    // IRR() searches from a guess: first 0, then a rate the money multiple
    // suggests (far from 0, e.g. a large loss, the first may not converge).
    let investor = w
        .flows
        .iter()
        .find(|(id, _)| *id == "investor")
        .map(|(_, f)| f);
    let irr_formula = investor.map_or_else(String::new, |f| {
        let flows = all(f);
        let m = moic.cell(h, 0);
        format!(
            "IFERROR((1+IRR({flows},0))^periods_per_year-1,IFERROR((1+IRR({flows},IFERROR({m}^(2/periods)-1,0)))^periods_per_year-1,\"\"))"
        )
    });
    let irr = one(
        sheet,
        t.l(
            "Internrente (IRR), årlig",
            "Internal rate of return (IRR), annual",
        ),
        Style::Percent,
        Cell::formula_val(irr_formula, irr),
    );
    let money = |sheet: &mut Sheet, label: String, formula: String, v: Decimal| {
        one(sheet, label, Style::Money, Cell::formula(formula, v))
    };
    money(sheet, t.l("Trukket", "Drawn"), sum(&w.draw), tot.drawn);
    money(
        sheet,
        t.l(
            "Mottatt fra resultatbetalinger (med andel av overskudd)",
            "Received from outcome payments (with its share of the surplus)",
        ),
        format!("{}+{}", sum(&w.repaid), end(&w.upside)),
        tot.investor_received,
    );
    money(
        sheet,
        t.l("Andel av overskuddet", "Share of the surplus"),
        end(&w.upside),
        tot.investor_upside,
    );
    money(
        sheet,
        t.l("Garanti betalt", "Guarantee paid"),
        end(&w.guarantee),
        tot.guarantee_paid,
    );
    money(
        sheet,
        t.l("Har fortsatt til gode ved slutt", "Still owed at the end"),
        end(&w.balance),
        e.run.investor_balance,
    );

    sheet.push(Line::Blank);
    sheet.push(Line::Heading(vec![t.l("Totalt", "Totals")]));
    let paid = money(
        sheet,
        t.l(
            "Resultatbetalinger (etter taket)",
            "Outcome payments (after the cap)",
        ),
        sum(&w.paid),
        tot.outcome_payments,
    );
    money(
        sheet,
        t.l(
            "Resultatbetalinger etter formelen (før taket)",
            "Formula payments (before the cap)",
        ),
        sum(&w.formula),
        e.run.formula_payments.iter().sum(),
    );
    money(
        sheet,
        t.l("Grunnbetalinger", "Fixed fees"),
        sum(&w.fees),
        tot.guaranteed_payments,
    );
    money(sheet, t.l("Verdi", "Value"), sum(&w.value), tot.value);
    money(
        sheet,
        t.l("Leveransekostnad", "Delivery cost"),
        sum(&w.cost),
        tot.delivery_cost,
    );
    money(
        sheet,
        t.l("Bonus til leverandøren", "Bonus to the provider"),
        end(&w.bonus),
        tot.provider_bonus,
    );
    money(
        sheet,
        t.l("Tilbakebetalt til betalerne", "Refunded to the payers"),
        end(&w.refund),
        tot.refunded,
    );

    sheet.push(Line::Blank);
    sheet.push(Line::Heading(vec![
        t.l("Kommunens budsjett", "The payer's budget"),
    ]));
    let b = &e.budget;
    let budget_net = money(
        sheet,
        t.l("Budsjettnetto", "Budget net"),
        sum(&w.budget),
        b.net,
    );
    money(
        sheet,
        t.l("Budsjettnåverdi", "Budget NPV"),
        npv(&w.budget, &rd),
        b.npv,
    );
    let mc = match b.max_commitment {
        Some(m) => Val::Num(m),
        None => Val::Blank,
    };
    one(
        sheet,
        t.l(
            "Største mulige forpliktelse (tomt: uten tak)",
            "Maximum commitment (empty: no cap)",
        ),
        Style::Money,
        Cell::formula_val(
            format!(
                "IF({b}=\"\",\"\",{b}-ROUND(cofunder_share*{b},2)+{}+{})",
                sum(&w.fees),
                sum(&w.payer_costs),
                b = payments_bound(s),
            ),
            mc,
        ),
    );
    // Budget years (§8.2): what belongs to period t, paid at its start
    // (fees, costs: column t − 1) or its end (column t).
    let years_row = sheet.row({
        let mut cells = vec![None];
        cells.extend(
            (1..=last).map(|p| Some(Cell::constant(Decimal::from(s.timeline.budget_year(p))))),
        );
        Row::new(
            t.l(
                "Budsjettår for periode t (kolonne τ = t)",
                "Budget year of period t (column τ = t)",
            ),
            Style::Integer,
            cells,
        )
    });
    sheet.push(Line::Heading(vec![
        t.l("Budsjettår", "Budget year"),
        String::new(),
        t.l("Grunnbetalinger", "Fixed fees"),
        t.l("Resultatbetalinger", "Outcome payments"),
        t.l("Tilbakebetalt", "Refunds"),
        t.l("Kontantbesparelser", "Cash savings"),
        t.l("Andre kostnader", "Other costs"),
        t.l("Netto", "Net"),
    ]));
    let years = years_row.at.range(h, 1, last);
    for y in &b.years {
        let at = sheet.next();
        let of = |r: &Series, shifted: bool| {
            let range = if shifted {
                r.at.range(h, 0, last.saturating_sub(1))
            } else {
                r.at.range(h, 1, last)
            };
            format!("SUMPRODUCT(({years}={year})*{range})", year = y.year)
        };
        let c = |i: usize| at.cell(h, i);
        sheet.row(Row::new(
            y.year.to_string(),
            Style::Money,
            vec![
                Some(Cell::formula(of(&w.fees, true), y.fees)),
                Some(Cell::formula(of(&w.payer_part, false), y.outcome_payments)),
                Some(Cell::formula(of(&w.payer_refund, false), y.refunds)),
                Some(Cell::formula(of(&w.cash_value, false), y.cash_savings)),
                Some(Cell::formula(of(&w.payer_costs, true), y.costs)),
                Some(Cell::formula(
                    format!("{}+{}-{}-{}-{}", c(2), c(3), c(0), c(1), c(4)),
                    y.net,
                )),
            ],
        ));
    }
    Keys {
        paid,
        parties,
        irr,
        budget_net,
    }
}
