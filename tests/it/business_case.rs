//! A municipality's one-page business case (`effekt report --site`,
//! `report::business_case`): golden pages for two municipalities of the
//! worked example with three sites (docs/model.md §9) in both languages,
//! the numbers held to the model's, and a page short enough for A4.

use effekt::catalog;
use effekt::format::Lang;
use effekt::model;
use effekt::report::{self, Case, business_case};
use effekt::scenario::Scenario;
use rust_decimal::Decimal;

const FIXTURE: &str = "tests/fixtures/sites_example.toml";

fn fixture() -> Scenario {
    catalog::open(FIXTURE).unwrap().scenario
}

fn markdown(s: &Scenario, id: &str, lang: Lang) -> String {
    let e = model::evaluate(s);
    let i = s.site_index(id).unwrap();
    report::business_case_markdown(lang, &Case::new(s, &e, i, None).unwrap())
}

fn csv(s: &Scenario, id: &str, lang: Lang) -> String {
    let e = model::evaluate(s);
    let i = s.site_index(id).unwrap();
    report::business_case_csv(lang, &Case::new(s, &e, i, None).unwrap())
}

#[test]
fn golden_business_cases() {
    let s = fixture();
    for id in ["bydal", "strand"] {
        for (lang, code) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
            insta::assert_snapshot!(format!("case_{id}_{code}_md"), markdown(&s, id, lang));
        }
    }
    for (lang, code) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        insta::assert_snapshot!(format!("case_strand_{code}_csv"), csv(&s, "strand", lang));
    }
}

#[test]
fn the_page_has_the_worked_examples_numbers() {
    // docs/model.md §9: maximum commitments 1 650 000, 1 001 250 and
    // 360 000; the payers' nets 2 293 187,66, 642 956,30, 1 001 356,04.
    let s = fixture();
    for (id, most, net) in [
        ("aas", "1 650 000 kr", "2 293 188"),
        ("bydal", "1 001 250 kr", "642 956"),
        ("strand", "360 000 kr", "1 001 356"),
    ] {
        let md = markdown(&s, id, Lang::Nb);
        assert!(md.contains(&format!("**{most}**")), "{id}: {md}");
        assert!(md.contains(&format!("**{net}**")), "{id}: {md}");
    }
    let rows = csv(&s, "bydal", Lang::En);
    assert!(
        rows.contains("bydal,figure,payer_net,Net with all value,,642956.3\n"),
        "{rows}"
    );
    assert!(rows.contains("bydal,figure,max_commitment,"), "{rows}");
    assert!(rows.contains(",1001250\n"), "{rows}");
    // Strand's own cap is a term it signs.
    assert!(csv(&s, "strand", Lang::En).contains("strand,term,site_cap,"));
}

#[test]
fn its_risk_row_is_the_model_at_each_effect() {
    let s = fixture();
    let risk = business_case::site_risk(&s);
    for (k, &a) in model::RISK_ACHIEVEMENTS.iter().enumerate() {
        let mut at = s.clone();
        at.assumptions.achievement = a;
        let e = model::evaluate(&at);
        let mut sum = Decimal::ZERO;
        for (i, r) in risk.iter().enumerate() {
            assert_eq!(r[k].budget_net, e.sites[i].budget.net);
            assert_eq!(r[k].net, e.sites[i].payer.net);
            sum += r[k].net;
        }
        // The payers' nets add up to the contract's payer.
        assert_eq!(sum, e.payer.net);
    }
    // Zero effect: nothing paid for outcomes, the fee still paid.
    assert!(risk.iter().all(|r| r[0].outcome_payments.is_zero()));
    assert!(risk.iter().all(|r| r[0].budget_net < Decimal::ZERO));
}

#[test]
fn a_ten_year_pilot_still_fits_one_page() {
    let mut s = fixture();
    s.timeline.periods = 10;
    s.delivery.cost = vec![s.delivery.cost[0]; 10];
    let md = markdown(&s, "aas", Lang::Nb);
    // About 60 lines of text fit an A4 page; the tables are one line a row.
    assert!(
        md.lines().count() <= 50,
        "{} lines:\n{md}",
        md.lines().count()
    );
    assert!(md.contains("| år 10 |"), "{md}");
}

#[test]
fn unknown_ids_get_a_suggestion() {
    let s = fixture();
    assert_eq!(business_case::find_site(&s, "bydal"), Ok(1));
    assert_eq!(
        business_case::find_site(&s, "bydl"),
        Err(Some("bydal".to_string()))
    );
    assert_eq!(business_case::find_site(&s, "oslo"), Err(None));
}
