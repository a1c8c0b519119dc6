//! `calc` on the real binary: the summary in both languages, the JSON
//! keys and the worked example's numbers, and `--set`.

use serde_json::Value;

use super::broken::{BASE, edit};
use super::{Temp, WORKED, effekt};

pub(super) fn calc_json(args: &[&str]) -> Value {
    let mut all = vec!["calc", WORKED, "--json"];
    all.extend_from_slice(args);
    let out = effekt(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("calc --json prints JSON")
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the JSON"))
        .as_str()
        .unwrap_or_else(|| panic!("{pointer} is not a string: {}", v[pointer]))
}

/// A decimal string of the JSON rounded to `dp` places, as text.
pub(super) fn rounded(v: &Value, pointer: &str, dp: u32) -> String {
    let d: rust_decimal::Decimal = str_at(v, pointer).parse().expect("a decimal");
    d.round_dp(dp).normalize().to_string()
}

fn strings(v: &Value, pointer: &str) -> Vec<String> {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{pointer} is not an array"))
        .iter()
        .map(|x| x.as_str().expect("decimals are strings").to_string())
        .collect()
}

fn keys(v: &Value, pointer: &str) -> Vec<String> {
    let mut k: Vec<String> = v
        .pointer(pointer)
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("{pointer} is not an object"))
        .keys()
        .cloned()
        .collect();
    k.sort();
    k
}

fn sorted(k: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = k.iter().map(|s| s.to_string()).collect();
    k.sort();
    k
}

// ---------------------------------------------------------------- calc

#[test]
fn calc_summary_in_bokmaal_has_the_worked_example_numbers() {
    let out = effekt(&["calc", WORKED]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in [
        "4 181 008 kr",  // payer NPV
        "2 500 000 kr",  // outcome payments
        "7 735 770 kr",  // public NPV
        "2 400 000 kr",  // drawn
        "−8 807 kr",     // investor NPV
        "11 250 000 kr", // value
        "3,7 %",         // IRR
        "1,04",          // money multiple
        "71,1 %",        // break-even: principal
        "179,9 %",       // break-even: return cap
        "Nåverdi",
    ] {
        assert!(
            out.stdout.contains(expected),
            "no `{expected}` in:\n{}",
            out.stdout
        );
    }
    // Flows of τ = 1, as in model.md's table.
    assert!(
        out.stdout.contains("845 000") && out.stdout.contains("−260 000"),
        "{}",
        out.stdout
    );
}

#[test]
fn calc_summary_in_english_has_the_worked_example_numbers() {
    let out = effekt(&["calc", WORKED, "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in [
        "NOK 4,181,008",
        "NOK 2,500,000",
        "NOK 7,735,770",
        "NOK 2,400,000",
        "−NOK 8,807",
        "NOK 11,250,000",
        "3.7%",
        "1.04",
        "71.1%",
        "179.9%",
        "NPV",
    ] {
        assert!(
            out.stdout.contains(expected),
            "no `{expected}` in:\n{}",
            out.stdout
        );
    }
    assert!(!out.stdout.contains("Nåverdi"));
}

#[test]
fn calc_json_has_every_documented_key() {
    let v = calc_json(&[]);
    let top = keys(&v, "");
    for k in [
        "outcomes",
        "outcome_payments",
        "flows",
        "totals",
        "investor",
        "payer",
        "cofunder",
        "public",
        "breakeven",
        "warnings",
        "levers",
    ] {
        assert!(top.contains(&k.to_string()), "no `{k}` in {top:?}");
    }
    let outcomes = v["outcomes"].as_array().expect("outcomes is an array");
    assert_eq!(outcomes.len(), 1);
    assert_eq!(
        keys(&v, "/outcomes/0"),
        sorted(&["id", "units", "true_units", "payments", "value"])
    );
    assert_eq!(
        keys(&v, "/flows"),
        sorted(&[
            "payer",
            "cofunder",
            "investor",
            "provider",
            "guarantor",
            "public_other",
            "others"
        ])
    );
    for party in keys(&v, "/flows") {
        // T + 1 = 4 time points.
        assert_eq!(strings(&v, &format!("/flows/{party}")).len(), 4, "{party}");
    }
    let totals = keys(&v, "/totals");
    for k in [
        "outcome_payments",
        "guaranteed_payments",
        "drawn",
        "investor_received",
        "guarantee_paid",
        "provider_bonus",
        "refunded",
        "value",
    ] {
        assert!(totals.contains(&k.to_string()), "no totals.{k}");
        str_at(&v, &format!("/totals/{k}"));
    }
    let investor = keys(&v, "/investor");
    for k in ["irr", "irr_roots", "moic", "npv"] {
        assert!(investor.contains(&k.to_string()), "no investor.{k}");
    }
    for party in ["payer", "cofunder"] {
        let k = keys(&v, &format!("/{party}"));
        assert!(k.contains(&"net".into()) && k.contains(&"npv".into()));
    }
    assert!(keys(&v, "/public").contains(&"npv".to_string()));
    assert_eq!(
        keys(&v, "/breakeven"),
        sorted(&["principal", "return_cap", "payer"])
    );
    assert!(v["warnings"].is_array());
    assert_eq!(
        keys(&v, "/levers"),
        sorted(&[
            "achievement",
            "target.absence",
            "expected.absence",
            "threshold.absence",
            "price.absence",
            "cap",
            "guaranteed_share",
            "cofunder_share",
            "fee_at_risk",
            "first_loss",
            "excess_investor_share",
            "return_cap",
            "discount_rate",
            "hurdle_rate",
            "capital",
        ])
    );
}

#[test]
fn calc_json_has_the_worked_example_values_as_strings() {
    let v = calc_json(&[]);
    assert_eq!(str_at(&v, "/outcomes/0/id"), "absence");
    assert_eq!(strings(&v, "/outcomes/0/units"), ["900", "1800", "1800"]);
    assert_eq!(
        strings(&v, "/outcomes/0/true_units"),
        ["900", "1800", "1800"]
    );
    assert_eq!(
        strings(&v, "/outcomes/0/payments"),
        ["540000", "1080000", "1080000"]
    );
    assert_eq!(
        strings(&v, "/outcomes/0/value"),
        ["2250000", "4500000", "4500000"]
    );
    assert_eq!(
        strings(&v, "/outcome_payments"),
        ["540000", "1080000", "880000"]
    );
    assert_eq!(
        strings(&v, "/flows/payer"),
        ["-100000", "845000", "1790000", "2040000"]
    );
    assert_eq!(
        strings(&v, "/flows/cofunder"),
        ["0", "-135000", "-270000", "-220000"]
    );
    assert_eq!(
        strings(&v, "/flows/investor"),
        ["-800000", "-260000", "280000", "880000"]
    );
    assert_eq!(
        strings(&v, "/flows/provider"),
        ["-100000", "-100000", "-100000", "0"]
    );
    assert_eq!(strings(&v, "/flows/guarantor"), ["0", "0", "0", "0"]);
    assert_eq!(
        strings(&v, "/flows/public_other"),
        ["0", "900000", "1800000", "1800000"]
    );
    for (key, value) in [
        ("outcome_payments", "2500000"),
        ("guaranteed_payments", "300000"),
        ("drawn", "2400000"),
        ("investor_received", "2500000"),
        ("guarantee_paid", "0"),
        ("provider_bonus", "0"),
        ("refunded", "0"),
        ("value", "11250000"),
    ] {
        assert_eq!(str_at(&v, &format!("/totals/{key}")), value, "totals.{key}");
    }
    assert!(str_at(&v, "/investor/irr").starts_with("0.03652"));
    assert_eq!(strings(&v, "/investor/irr_roots").len(), 1);
    assert_eq!(rounded(&v, "/investor/moic", 6), "1.041667");
    assert_eq!(rounded(&v, "/investor/npv", 2), "-8807.46");
    assert_eq!(rounded(&v, "/payer/npv", 2), "4181008.19");
    assert_eq!(str_at(&v, "/payer/net"), "4575000");
    assert_eq!(str_at(&v, "/cofunder/net"), "-625000");
    assert_eq!(rounded(&v, "/public/npv", 2), "7735770.37");
    assert_eq!(rounded(&v, "/breakeven/principal", 4), "0.7111");
    assert_eq!(rounded(&v, "/breakeven/return_cap", 4), "1.7985");
    assert_eq!(rounded(&v, "/breakeven/payer", 4), "0.0373");
    assert_eq!(v["warnings"], Value::Array(vec![]));
    assert_eq!(str_at(&v, "/levers/achievement"), "0.8");
    assert_eq!(str_at(&v, "/levers/cap"), "2500000");
    assert_eq!(str_at(&v, "/levers/threshold.absence"), "9.8");
}

#[test]
fn calc_json_shows_missing_values_as_null() {
    // No first-loss guarantee and no effect: the investor only pays out,
    // so there is no IRR.
    let v = calc_json(&["--set", "first_loss=0", "--set", "achievement=0"]);
    assert_eq!(v["investor"]["irr"], Value::Null);
    assert_eq!(v["investor"]["irr_roots"], Value::Array(vec![]));
    assert_eq!(str_at(&v, "/investor/moic"), "0");
    assert_eq!(str_at(&v, "/totals/outcome_payments"), "0");
    // Nothing drawn: no money multiple and no investor break-even.
    let v = calc_json(&["--set", "fee_at_risk=0", "--set", "guaranteed_share=1"]);
    assert_eq!(str_at(&v, "/totals/drawn"), "0");
    assert_eq!(v["investor"]["moic"], Value::Null);
    assert_eq!(v["investor"]["irr"], Value::Null);
    assert_eq!(v["breakeven"]["principal"], Value::Null);
    assert_eq!(v["breakeven"]["return_cap"], Value::Null);
}

#[test]
fn calc_json_lists_warnings() {
    // A cap of 1 000 000 is reached in period 2 of 3.
    let v = calc_json(&["--set", "cap=1000000"]);
    let warnings = v["warnings"].as_array().expect("warnings is an array");
    assert!(
        warnings.iter().any(|w| w["kind"] == "cap_reached"),
        "{warnings:?}"
    );
    assert_eq!(str_at(&v, "/totals/outcome_payments"), "1000000");
}

#[test]
fn calc_set_changes_the_result() {
    let v = calc_json(&["--set", "achievement=0.5"]);
    assert_eq!(str_at(&v, "/levers/achievement"), "0.5");
    assert_eq!(str_at(&v, "/totals/outcome_payments"), "1687500");
    assert_eq!(
        strings(&v, "/outcome_payments"),
        ["337500", "675000", "675000"]
    );
    // A percentage works too, and the summary changes with it.
    let out = effekt(&["calc", WORKED, "--set", "achievement=50%"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("1 687 500 kr"), "{}", out.stdout);
    assert!(!out.stdout.contains("4 181 008 kr"));
}

#[test]
fn calc_set_applies_several_levers_in_order() {
    let v = calc_json(&["--set", "cap=3000000", "--set", "achievement=1"]);
    assert_eq!(str_at(&v, "/levers/cap"), "3000000");
    // Uncapped at 3 000 000: 540 000·1.25, then 1 350 000 twice.
    assert_eq!(str_at(&v, "/totals/outcome_payments"), "3000000");
}

#[test]
fn calc_set_of_an_unknown_lever_suggests_the_right_one() {
    let out = effekt(&["calc", WORKED, "--set", "achievment=0.5", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("unknown lever `achievment`")
            && out.stderr.contains("did you mean `achievement`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn calc_set_out_of_range_is_refused() {
    let out = effekt(&["calc", WORKED, "--set", "achievement=3", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("3 is outside the range of `achievement`: 0 to 2"),
        "{}",
        out.stderr
    );
}

#[test]
fn calc_set_that_breaks_a_rule_is_refused_with_the_reason() {
    // A threshold beyond the target (lower is better: 8 < 9).
    let out = effekt(&[
        "calc",
        WORKED,
        "--set",
        "threshold.absence=8",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("`threshold.absence` = 8 is refused")
            && out
                .stderr
                .contains("between the baseline 10 and the target 9"),
        "{}",
        out.stderr
    );
    // Guaranteed share plus fee at risk above 1.
    let out = effekt(&[
        "calc",
        WORKED,
        "--set",
        "guaranteed_share=0.95",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("more than 1"), "{}", out.stderr);
}

#[test]
fn calc_set_without_a_value_or_with_a_bad_number_is_refused() {
    let out = effekt(&["calc", WORKED, "--set", "achievement", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("ID=VALUE"), "{}", out.stderr);
    let out = effekt(&["calc", WORKED, "--set", "achievement"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("skriv ID=VERDI"), "{}", out.stderr);
    let out = effekt(&["calc", WORKED, "--set", "achievement=lots", "--lang", "en"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("--set achievement: \"lots\" is not a number"),
        "{}",
        out.stderr
    );
    let out = effekt(&["calc", WORKED, "--set", "achievement=lots"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("feil: --set achievement: «lots» er ikke et tall"),
        "{}",
        out.stderr
    );
}

#[test]
fn calc_of_a_broken_file_exits_1_with_its_errors() {
    let dir = Temp::new("calc-bad");
    let f = dir.write("bad.toml", edit(BASE, &[("price = 100", "price = -100")]));
    let out = effekt(&["calc", &f, "--json"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains(&format!("{f}:26:")), "{}", out.stderr);
}

#[test]
fn calc_works_on_every_bundled_scenario_in_both_languages() {
    for id in [
        "sykefravaer",
        "rekruttering",
        "finland_tyhy",
        "peterborough",
    ] {
        for lang in ["nb", "en"] {
            let out = effekt(&["calc", id, "--lang", lang]);
            assert_eq!(out.code, 0, "{id} {lang}: {}", out.stderr);
            assert!(!out.stdout.is_empty());
        }
        let out = effekt(&["calc", id, "--json"]);
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert!(v["outcomes"].as_array().is_some_and(|o| !o.is_empty()));
    }
}
