//! `effekt report --format xlsx`: the model as a workbook of live formulas
//! (`docs/cli.md`). Inputs with defined names, one sheet per outcome, the
//! waterfall with every party's flows, key figures and the risk table at
//! 0, 50, 100 and 150 % of the expected effect, each formula with the
//! model's value cached, so a reader without recalculation sees effekt's
//! figures and one who changes an input sees the formulas follow.
//!
//! With sites (§9) each outcome sheet has a block per site (and a pooled
//! threshold test where the scenario pools it) and the waterfall applies
//! each site's own cap before the contract's. Not yet in formulas: each
//! site's own payer flows and budget, which the workbook does not show.

mod book;
mod figures;
mod flows;
mod inputs;
mod model;
mod texts;
mod waterfall;

use rust_decimal::Decimal;

pub use book::Cache;
use book::{Cell, Line, Row, Sheet, Style};
use model::Alpha;
use texts::{Texts, outcome_name, sheet_name};

use crate::format::Lang;
use crate::model::{RISK_ACHIEVEMENTS, evaluate_at};
use crate::scenario::{Mechanism, Outcome, Scenario};

/// Why a workbook could not be made.
#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    #[error("{0}")]
    Write(#[from] rust_xlsxwriter::XlsxError),
}

/// Why the workbook could not be made, in the user's language.
pub fn refusal(lang: Lang, e: &XlsxError) -> String {
    match (lang, e) {
        (Lang::Nb, XlsxError::Write(e)) => format!("kunne ikke lage regnearket: {e}"),
        (Lang::En, XlsxError::Write(e)) => format!("could not make the spreadsheet: {e}"),
    }
}

/// Price per payable unit as the workbook forms it (`model.md` §2).
pub(crate) fn price(s: &Scenario, o: &Outcome) -> Decimal {
    match (s.payment.mechanism, s.payment.savings_share) {
        (Mechanism::ShareOfSavings, Some(share)) => share * o.value,
        _ => o.price,
    }
}

/// Where outcome `o` is measured: the contract's cohort, or each site.
fn places<'a>(s: &'a Scenario, o: &Outcome, inputs: &'a inputs::Inputs) -> Vec<model::Place<'a>> {
    if s.sites.is_empty() {
        return vec![model::Place {
            site: None,
            size: ("cohort_size".into(), s.cohort.size.unwrap_or_default()),
            intake: inputs.intake.as_ref(),
            effect: None,
            baseline: o.baseline,
            ei: o.expected_improvement(),
            drift: o.drift,
        }];
    }
    s.sites
        .iter()
        .zip(&inputs.site_intake)
        .map(|(site, intake)| model::Place {
            site: Some((
                site.id.as_str(),
                crate::format::sanitize(&site.name).into_owned(),
            )),
            size: (format!("size_{}", site.id), site.size.unwrap_or_default()),
            intake: intake.as_ref(),
            effect: Some((format!("effect_{}", site.id), site.effect)),
            baseline: site.baseline(o),
            ei: site.expected_improvement(o),
            drift: site.drift(o),
        })
        .collect()
}

/// The workbook of scenario `s` (a variant already applied), `title`
/// naming it, as the bytes of an `.xlsx` file.
pub fn workbook(lang: Lang, s: &Scenario, title: &str, cache: Cache) -> Result<Vec<u8>, XlsxError> {
    let t = Texts::new(lang, s);
    let mut taken: Vec<String> = vec![
        t.inputs.into(),
        t.key_figures.into(),
        t.waterfall.into(),
        t.risk.into(),
        t.notes.into(),
    ];
    let mut inputs_sheet = Sheet::new(t.inputs);
    let inputs = inputs::inputs(&mut inputs_sheet, s, &t);

    // The model at the inputs' achievement.
    let alpha = Alpha {
        value: s.assumptions.achievement,
        cell: "achievement".into(),
    };
    let mut outcome_sheets = Vec::new();
    let mut rows = Vec::new();
    for o in &s.outcomes {
        let name = sheet_name(&outcome_name(lang, o), &taken);
        taken.push(name.clone());
        let mut sheet = Sheet::new(&name);
        sheet.push(Line::Title(outcome_name(lang, o)));
        rows.push(model::outcome(
            &mut sheet,
            s,
            o,
            &alpha,
            &places(s, o, &inputs),
            &t,
        ));
        outcome_sheets.push(sheet);
    }
    let mut waterfall = Sheet::new(t.waterfall);
    waterfall.push(Line::Title(t.l(
        "Vannfall og hver parts kontantstrøm",
        "Waterfall and each party's flows",
    )));
    let sites: Vec<(String, String)> = s
        .sites
        .iter()
        .map(|site| {
            (
                site.id.clone(),
                crate::format::sanitize(&site.name).into_owned(),
            )
        })
        .collect();
    let w = waterfall::waterfall(&mut waterfall, s, &rows, &sites, &inputs, &t);
    let e = evaluate_at(s, s.assumptions.achievement);
    let mut key = Sheet::new(t.key_figures);
    key.push(Line::Title(format!("{} — {}", t.key_figures, title)));
    figures::key_figures(&mut key, s, &w, &e, &t);

    // The risk table: the whole model once per achievement, on hidden sheets.
    let mut risk = Sheet::new(t.risk);
    risk.push(Line::Title(t.l(
        "Risikodeling: hver parts resultat ved 0, 50, 100 og 150 % av forventet effekt",
        "Risk sharing: each party's result at 0, 50, 100 and 150 % of the expected effect",
    )));
    risk.push(Line::Note(t.l(
        "Hver kolonne regner hele modellen på et skjult ark med effekten i den gule cellen.",
        "Each column computes the whole model on a hidden sheet at the effect in its yellow cell.",
    )));
    let mut alpha_row = Row::new(
        t.l("Effekt, andel av forventet", "Effect, share of expected"),
        Style::Percent,
        RISK_ACHIEVEMENTS
            .iter()
            .map(|a| Some(Cell::constant(*a)))
            .collect(),
    );
    alpha_row.input = true;
    let alphas = risk.push(Line::Row(alpha_row));
    let mut helpers = Vec::new();
    let mut keys = Vec::new();
    let mut evaluations = Vec::new();
    for (i, a) in RISK_ACHIEVEMENTS.iter().enumerate() {
        let name = sheet_name(&format!("{} {}", t.risk, i + 1), &taken);
        taken.push(name.clone());
        let mut sheet = Sheet::new(&name);
        sheet.hidden = true;
        let alpha = Alpha {
            value: *a,
            cell: alphas.absolute(i),
        };
        sheet.push(Line::Title(format!("α = {a}")));
        let rows: Vec<_> = s
            .outcomes
            .iter()
            .map(|o| {
                sheet.push(Line::Blank);
                sheet.push(Line::Heading(vec![outcome_name(lang, o)]));
                model::outcome(&mut sheet, s, o, &alpha, &places(s, o, &inputs), &t)
            })
            .collect();
        sheet.push(Line::Blank);
        let w = waterfall::waterfall(&mut sheet, s, &rows, &sites, &inputs, &t);
        let e = evaluate_at(s, *a);
        sheet.push(Line::Blank);
        keys.push(figures::key_figures(&mut sheet, s, &w, &e, &t));
        evaluations.push(e);
        helpers.push(sheet);
    }
    let r = risk.name.clone();
    let across = |at: &dyn Fn(&figures::Keys) -> String,
                  v: &dyn Fn(&crate::model::Evaluation) -> book::Val| {
        keys.iter()
            .zip(&evaluations)
            .map(|(k, e)| Some(Cell::formula_val(at(k), v(e))))
            .collect::<Vec<_>>()
    };
    risk.push(Line::Row(Row::new(
        t.l("Resultatbetalinger", "Outcome payments"),
        Style::Money,
        across(&|k| k.paid.cell(&r, 0), &|e| {
            book::Val::Num(e.run.totals.outcome_payments)
        }),
    )));
    for (column, heading) in [(0, t.l("Netto", "Net")), (1, t.l("Nåverdi", "NPV"))] {
        risk.push(Line::Blank);
        risk.push(Line::Heading(vec![heading]));
        for (i, (id, _)) in keys[0].parties.iter().enumerate() {
            let figures = |e: &crate::model::Evaluation| figures::party(e, id);
            risk.push(Line::Row(Row::new(
                crate::report::party_name(lang, id).to_string(),
                Style::Money,
                across(&|k| k.parties[i].1.cell(&r, column), &|e| {
                    let f = figures(e);
                    book::Val::Num(if column == 0 { f.net } else { f.npv })
                }),
            )));
        }
    }
    risk.push(Line::Blank);
    risk.push(Line::Row(Row::new(
        t.l(
            "Investors internrente (IRR), årlig",
            "Investor's IRR, annual",
        ),
        Style::Percent,
        across(&|k| k.irr.cell(&r, 0), &|e| {
            use rust_decimal::prelude::ToPrimitive;
            e.investor
                .irr
                .headline
                .and_then(|x| x.to_f64())
                .map_or(book::Val::Blank, book::Val::Real)
        }),
    )));
    risk.push(Line::Row(Row::new(
        t.l("Kommunens budsjettnetto", "The payer's budget net"),
        Style::Money,
        across(&|k| k.budget_net.cell(&r, 0), &|e| {
            book::Val::Num(e.budget.net)
        }),
    )));

    let mut notes = Sheet::new(t.notes);
    notes.push(Line::Title(title.to_string()));
    for line in note_lines(&t) {
        notes.push(Line::Note(line));
    }

    let mut sheets = vec![inputs_sheet, key, waterfall];
    sheets.extend(outcome_sheets);
    sheets.push(risk);
    sheets.push(notes);
    sheets.extend(helpers);
    Ok(book::write(&sheets, lang, &s.info.currency, cache)?)
}

/// The note sheet's text: what is input and what is formula.
fn note_lines(t: &Texts) -> Vec<String> {
    let nb = [
        "Laget av effekt (`effekt report --format xlsx`). Tallene er de samme som effekt viser.",
        "Inndata: gule celler er inndata. Endre dem, så regner alle formler om. Hver har et navn (kolonne D) som formlene bruker, f.eks. price_absence, cap, cofunder_share.",
        "Faste vilkår (perioder, perioder per år, retning, måleforsinkelse) bestemmer arkenes oppsett og endres i scenariofilen, ikke her.",
        "Ett ark per resultatmål: målt forbedring, betalbare enheter, betaling og verdi per periode (docs/model.md §2).",
        "Vannfall: taket, medfinansierers del, investorens trekk og saldo med avkastningstak, leverandørens utsatte honorar, utdelinger, overskudd ved slutt og garantien (§3), og hver parts kontantstrøm per tidspunkt τ.",
        "Nøkkeltall: netto og nåverdi (τ = 0 udiskontert), investorens IRR (IRR() per periode, gjort årlig), pengemultippel og kommunens budsjett (§4, §8.2).",
        "Risikodeling: hele modellen på skjulte ark ved 0, 50, 100 og 150 % av forventet effekt.",
        "Flere kommuner: en blokk per kommune på hvert resultatmåls ark og kommunens eget tak før kontraktens. Hver kommunes egne betalinger, budsjett og største forpliktelse står ikke her; se effekt report --format md, csv eller json.",
        "Beløp rundes til øre der modellen runder (ROUND, halv bort fra null); taket og garantigrensen rundes ned.",
        "Formlene regner i flyttall; effekt regner eksakt. Alle beløp stemmer på øret; nær en terskel eller en halv øre kan et regneark i sjeldne tilfeller avvike.",
        "Åpnes filen uten omregning (f.eks. i en forhåndsvisning), vises verdiene effekt lagret. I LibreOffice: Data → Beregn → Beregn alt på nytt (Ctrl+Shift+F9).",
    ];
    let en = [
        "Made by effekt (`effekt report --format xlsx`). The figures are those effekt shows.",
        "Inputs: yellow cells are inputs. Change them and every formula recomputes. Each has a name (column D) the formulas use, e.g. price_absence, cap, cofunder_share.",
        "Fixed terms (periods, periods per year, direction, measurement lag) shape the sheets and are changed in the scenario file, not here.",
        "One sheet per outcome: measured improvement, payable units, payment and value per period (docs/model.md §2).",
        "Waterfall: the cap, the cofunder's part, the investor's draws and balance at the capped return, the provider's deferred fee, distributions, the surplus at the end and the guarantee (§3), and each party's flows per time point τ.",
        "Key figures: net and NPV (τ = 0 undiscounted), the investor's IRR (IRR() per period, annualised), money multiple and the payer's budget (§4, §8.2).",
        "Risk table: the whole model on hidden sheets at 0, 50, 100 and 150 % of the expected effect.",
        "Several municipalities: a block per site on each outcome sheet and each site's own cap before the contract's. Each site's own payer flows, budget and maximum commitment are not here; see effekt report --format md, csv or json.",
        "Amounts are rounded to øre where the model rounds (ROUND, half away from zero); the cap and the guarantee's limit are rounded down.",
        "The formulas compute in floating point; effekt computes exactly. Every amount agrees to the øre; near a threshold or half an øre a spreadsheet may in rare cases differ.",
        "Opened without recalculation (e.g. in a preview), the values effekt stored are shown. In LibreOffice: Data → Calculate → Recalculate Hard (Ctrl+Shift+F9).",
    ];
    let lines = if t.lang == Lang::Nb { nb } else { en };
    lines.iter().map(|l| l.to_string()).collect()
}
