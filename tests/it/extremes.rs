//! Valid scenarios at the edges of the format (480 monthly periods, huge
//! and tiny amounts, negative discount rates) compute without overflow and
//! conserve money; the cases fuzzing found stay fixed.

use effekt::model;
use effekt::scenario::{self, Problem, Rule};
use rust_decimal::Decimal;

const WORKED: &str = include_str!("../fixtures/worked_example.toml");

/// A scenario at the edges of what validation allows: 480 monthly periods,
/// two flow outcomes and an event outcome, large amounts, recycling, cap.
fn extreme(money: &str, cohort: &str, return_cap: &str, discount_rate: &str, cost: &str) -> String {
    format!(
        r#"format = 1

[scenario]
id = "extreme"
title = "Extreme"

[timeline]
periods = 480
period = "month"

[parties]
payer = "P"
cofunder = "C"

[cohort]
size = {cohort}
intake = {cohort}

[delivery]
cost = {cost}

[[outcomes]]
id = "absence"
better = "lower"
baseline = 100
target = 0
threshold = 50
threshold_rule = "deductible"
units_per_point = 1000
pay_beyond_target = true
counterfactual = "historical_baseline"
drift = 0.5
price = {money}
value = {money}
payer_value_share = 0.6

[[outcomes]]
id = "turnover"
better = "higher"
baseline = 0
target = 0.0000000000000000000000000001
units_per_point = 0.0000000000000000000000000001
price = {money}
value = 0.0000000000000000000000000001

[[outcomes]]
id = "job"
kind = "event"
better = "higher"
baseline = 0
target = 100
lag = 479
counterfactual = "none"
threshold_rule = "none"
price = {money}
value = {money}

[payment]
cap = {money}
guaranteed_share = 0.3
cofunder_share = 0.5

[investment]
capital = {money}
return_cap = {return_cap}
first_loss = 1
recycle = true

[provider]
fee_at_risk = 0.7

[assumptions]
achievement = 10
discount_rate = {discount_rate}

[[costs]]
id = "intermediary"
amount = {cost}
when = "each_period"
paid_by = "investor"

[[costs]]
id = "legal"
amount = {money}
when = "start"
paid_by = "payer"
"#
    )
}

#[test]
fn extreme_but_valid_scenarios_compute_without_overflow() {
    let mut valid = 0;
    for money in ["1", "1000", "1_000_000_000", "1_000_000_000_000_000"] {
        for cohort in ["1", "1_000_000", "1_000_000_000_000_000"] {
            for return_cap in ["0", "1"] {
                for discount_rate in ["-0.99", "-0.5", "-0.05", "0", "1"] {
                    for cost in [
                        "0",
                        "0.0000000000000000000000000001",
                        "1_000_000_000_000_000",
                    ] {
                        let text = extreme(money, cohort, return_cap, discount_rate, cost);
                        match scenario::parse(&text, "extreme.toml") {
                            Ok(s) => {
                                valid += 1;
                                let e = model::evaluate(&s);
                                let sum: Decimal = e.run.flows.total();
                                assert_eq!(
                                    sum,
                                    e.run.totals.value - e.run.totals.delivery_cost,
                                    "{money} {cohort} {return_cap} {discount_rate} {cost}"
                                );
                            }
                            Err(err) => {
                                let text = err.to_string();
                                assert!(
                                    text.contains("beyond what effekt computes exactly")
                                        || text.contains("discount"),
                                    "{text}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    // Some of them are valid, so the model really ran on extremes.
    assert!(valid > 20, "only {valid} valid");
}

#[test]
fn the_largest_valid_monthly_scenario_has_every_figure() {
    let text = extreme("1_000_000", "1000", "1", "0.04", "1_000_000");
    let s = scenario::parse(&text, "extreme.toml").unwrap_or_else(|e| panic!("{e}"));
    let f = model::figures(&s);
    assert_eq!(f.evaluation.run.flows.payer.len(), 481);
    let sum: Decimal = f.evaluation.run.flows.total();
    assert_eq!(
        sum,
        f.evaluation.run.totals.value - f.evaluation.run.totals.delivery_cost
    );
}

#[test]
fn a_negative_discount_rate_with_large_amounts_is_refused_not_overflowed() {
    let text = extreme(
        "1_000_000_000",
        "1_000_000",
        "1",
        "-0.5",
        "1_000_000_000_000_000",
    );
    let err = scenario::parse(&text, "x.toml").expect_err("refused");
    assert!(
        err.diagnostics
            .iter()
            .any(|d| d.key == "assumptions.discount_rate"
                || matches!(d.problem, Problem::Rule(Rule::DiscountedTooLarge { .. }))),
        "{err}"
    );
}

#[test]
fn the_regressions_found_by_fuzzing_stay_fixed() {
    // Each of these panicked (Decimal overflow) or took minutes before.
    let base = WORKED;
    let cases = [
        // NPV at −60 % a year over 40 years of 10^15 a year.
        base.replace("discount_rate = 0.04", "discount_rate = -0.6")
            .replace("periods = 3", "periods = 40")
            .replace("cost = 1_000_000", "cost = 1_000_000_000_000_000"),
        // Cohort × units per point beyond Decimal with a tiny improvement.
        base.replace("size = 1000", "size = 1_000_000_000_000_000")
            .replace(
                "units_per_point = 2.25",
                "units_per_point = 1_000_000_000_000_000",
            )
            .replace("target = 9.0", "target = 9.9999999999999999999999")
            .replace("threshold = 9.8\n", "")
            .replace("threshold_rule = \"trigger\"\n", ""),
        // A fraction of an øre drawn, then 480 years at 100 %.
        base.replace("cost = 1_000_000", "cost = 0.0000000000000000000000000001")
            .replace("periods = 3", "periods = 480")
            .replace("return_cap = 0.08", "return_cap = 1")
            .replace("recycle = false", "recycle = true")
            .replace("cap = 2_500_000\n", ""),
    ];
    for text in &cases {
        if let Ok(s) = scenario::parse(text, "case.toml") {
            let f = model::figures(&s);
            let sum: Decimal = f.evaluation.run.flows.total();
            assert_eq!(
                sum,
                f.evaluation.run.totals.value - f.evaluation.run.totals.delivery_cost
            );
        }
    }
    // A flood of syntax errors: at most 100 listed, plus a count of the rest.
    let err = scenario::parse(&"x\n".repeat(100_000), "flood.toml").expect_err("invalid");
    assert_eq!(err.diagnostics.len(), 101);
    assert_eq!(err.diagnostics[100].line, 101);
    assert_eq!(
        err.diagnostics[100].problem,
        Problem::TooMany { more: 99_900 }
    );
    assert!(err.to_string().contains("… and 99900 more errors"));
    // As many unknown keys.
    let text = format!("{WORKED}\n[provider]\n").replace("[provider]\nfee_at_risk = 0.1\n", "");
    let many: String = (0..50_000).map(|i| format!("k{i} = 1\n")).collect();
    let err = scenario::parse(&format!("{text}{many}"), "keys.toml").expect_err("invalid");
    assert_eq!(err.diagnostics.len(), 101);
}

#[test]
fn costs_and_the_cap_count_in_whole_ore() {
    // Sub-øre digits used to leave 28-digit remainders that Decimal rounds,
    // so money was not conserved to the last digit (found by fuzzing).
    let text = WORKED
        .replace("cost = 1_000_000", "cost = 1000.005")
        .replace("cap = 2_500_000", "cap = 1000.009");
    let s = scenario::parse(&text, "ore.toml").unwrap_or_else(|e| panic!("{e}"));
    let r = model::run(&s, s.assumptions.achievement);
    assert_eq!(r.totals.delivery_cost, Decimal::new(300_003, 2));
    assert_eq!(r.totals.outcome_payments, Decimal::new(100_000, 2));
    let sum: Decimal = r.flows.total();
    assert_eq!(sum, r.totals.value - r.totals.delivery_cost);
}
