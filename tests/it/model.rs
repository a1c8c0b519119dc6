//! The model against numbers worked out independently: model.md's worked
//! example, hand-computed threshold rules, counterfactuals, the waterfall's
//! branches, IRR fixtures. The worked example and its edited variants here
//! are the base of the other model tests; the invariants are property
//! tests in `properties.rs`.

use effekt::levers;
use effekt::model::{self, Warning};
use effekt::scenario::{self, Scenario};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub(crate) const WORKED: &str = include_str!("../fixtures/worked_example.toml");

pub(crate) fn worked() -> Scenario {
    scenario::parse(WORKED, "worked_example.toml").expect("worked example loads")
}

/// The worked example with some text replaced (`from` must occur once).
pub(crate) fn worked_with(edits: &[(&str, &str)]) -> Scenario {
    let mut text = WORKED.to_string();
    for (from, to) in edits {
        assert_eq!(
            text.matches(from).count(),
            1,
            "edit `{from}` must match once"
        );
        text = text.replace(from, to);
    }
    scenario::parse(&text, "edited.toml").unwrap_or_else(|e| panic!("{e}"))
}

fn round(v: Decimal, dp: u32) -> Decimal {
    v.round_dp(dp)
}

#[test]
fn worked_example_reproduces_every_number() {
    let s = worked();
    let f = model::figures(&s);
    let e = &f.evaluation;
    let r = &e.run;
    assert_eq!(r.outcomes[0].units, vec![dec!(900), dec!(1800), dec!(1800)]);
    assert_eq!(
        r.outcome_payments,
        vec![dec!(540000), dec!(1080000), dec!(880000)]
    );
    assert_eq!(
        r.flows.payer,
        vec![dec!(-100000), dec!(845000), dec!(1790000), dec!(2040000)]
    );
    assert_eq!(
        r.flows.cofunder,
        vec![dec!(0), dec!(-135000), dec!(-270000), dec!(-220000)]
    );
    assert_eq!(
        r.cofunder_payments,
        vec![dec!(135000), dec!(270000), dec!(220000)]
    );
    assert_eq!(
        r.flows.investor,
        vec![dec!(-800000), dec!(-260000), dec!(280000), dec!(880000)]
    );
    assert_eq!(
        r.flows.provider,
        vec![dec!(-100000), dec!(-100000), dec!(-100000), dec!(0)]
    );
    assert_eq!(
        r.flows.public_other,
        vec![dec!(0), dec!(900000), dec!(1800000), dec!(1800000)]
    );
    assert_eq!(r.flows.guarantor, vec![dec!(0), dec!(0), dec!(0), dec!(0)]);
    assert_eq!(r.totals.drawn, dec!(2400000));
    assert_eq!(r.totals.investor_received, dec!(2500000));
    assert_eq!(round(e.investor.moic.unwrap(), 6), dec!(1.041667));
    assert_eq!(round(e.investor.irr.headline.unwrap(), 6), dec!(0.036520));
    assert_eq!(e.investor.irr.roots.len(), 1);
    assert_eq!(round(e.investor.npv, 2), dec!(-8807.46));
    assert_eq!(round(e.payer.npv, 2), dec!(4181008.19));
    assert_eq!(round(e.public.npv, 2), dec!(7735770.37));
    assert_eq!(round(f.break_even.principal.unwrap(), 4), dec!(0.7111));
    assert_eq!(round(f.break_even.return_cap.unwrap(), 4), dec!(1.7985));
    assert_eq!(round(f.break_even.payer.unwrap(), 4), dec!(0.0373));
    // The cap binds in period 3, the last: no warning for that.
    assert_eq!(r.cap_reached, Some(3));
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
}

#[test]
fn value_and_true_units_follow_the_ramp() {
    let r = model::run(&worked(), dec!(0.8));
    // E_1 = 0.8·1·0.5 = 0.4 points; V = 1000·2.25 = 2250 days per point.
    assert_eq!(
        r.outcomes[0].true_units,
        vec![dec!(900), dec!(1800), dec!(1800)]
    );
    assert_eq!(
        r.outcomes[0].value,
        vec![dec!(2250000), dec!(4500000), dec!(4500000)]
    );
    assert_eq!(r.totals.value, dec!(11250000));
}

#[test]
fn trigger_pays_nothing_below_the_threshold_and_everything_above() {
    let s = worked();
    // Threshold 9.8 → HI = 0.2. At α = 0.15 the full effect 0.15 < 0.2.
    let r = model::run(&s, dec!(0.15));
    assert!(r.outcome_payments.iter().all(|p| p.is_zero()));
    // At α = 0.3: period 1 measures 0.15 (< 0.2, nothing); period 2 0.3.
    let r = model::run(&s, dec!(0.3));
    assert_eq!(r.outcomes[0].units, vec![dec!(0), dec!(675), dec!(675)]);
}

#[test]
fn deductible_pays_only_beyond_the_threshold_and_caps_at_ti_minus_hi() {
    let s = worked_with(&[(
        "threshold_rule = \"trigger\"",
        "threshold_rule = \"deductible\"",
    )]);
    // α = 0.8: M = 0.4, 0.8, 0.8 → q = 0.2, 0.6, 0.6 → ×2250.
    let r = model::run(&s, dec!(0.8));
    assert_eq!(r.outcomes[0].units, vec![dec!(450), dec!(1350), dec!(1350)]);
    // α = 2: M = 1, 2, 2 → q = min(M − 0.2, 0.8) = 0.8.
    let r = model::run(&s, dec!(2));
    assert_eq!(
        r.outcomes[0].units,
        vec![dec!(1800), dec!(1800), dec!(1800)]
    );
}

#[test]
fn rule_none_pays_from_the_first_point_and_caps_at_target() {
    let s = worked_with(&[
        ("threshold = 9.8\n", ""),
        ("threshold_rule = \"trigger\"\n", ""),
    ]);
    let r = model::run(&s, dec!(0.1));
    // M = 0.05, 0.1, 0.1 → ×2250.
    assert_eq!(r.outcomes[0].units, vec![dec!(112.5), dec!(225), dec!(225)]);
    // α = 1.5 → M = 0.75, 1.5, 1.5 → capped at TI = 1.
    let r = model::run(&s, dec!(1.5));
    assert_eq!(
        r.outcomes[0].units,
        vec![dec!(1687.5), dec!(2250), dec!(2250)]
    );
    // True units are not capped.
    assert_eq!(
        r.outcomes[0].true_units,
        vec![dec!(1687.5), dec!(3375), dec!(3375)]
    );
}

#[test]
fn pay_beyond_target_removes_the_per_outcome_cap() {
    let s = worked_with(&[(
        "ramp_periods = 2",
        "ramp_periods = 2\npay_beyond_target = true",
    )]);
    let r = model::run(&s, dec!(1.5));
    assert_eq!(
        r.outcomes[0].units,
        vec![dec!(1687.5), dec!(3375), dec!(3375)]
    );
}

#[test]
fn historical_baseline_pays_for_drift() {
    // Drift 0.1 points a year better anyway; measured M_t = E_t + 0.1·t.
    let s = worked_with(&[(
        "ramp_periods = 2",
        "ramp_periods = 2\ncounterfactual = \"historical_baseline\"\ndrift = 0.1",
    )]);
    let r = model::run(&s, Decimal::ZERO);
    // With no effect at all: M = 0.1, 0.2, 0.3; trigger at 0.2 pays 0, 0.2, 0.3.
    assert_eq!(r.outcomes[0].units, vec![dec!(0), dec!(450), dec!(675)]);
    assert_eq!(r.outcomes[0].true_units, vec![dec!(0), dec!(0), dec!(0)]);
    // The payer pays 270 000 + 405 000 for nothing.
    assert_eq!(r.totals.outcome_payments, dec!(675000));
    // With a comparison group the same drift costs nothing.
    let s = worked_with(&[("ramp_periods = 2", "ramp_periods = 2\ndrift = 0.1")]);
    assert!(
        model::run(&s, Decimal::ZERO)
            .totals
            .outcome_payments
            .is_zero()
    );
}

#[test]
fn no_cap_pays_the_formula() {
    let s = worked_with(&[("cap = 2_500_000\n", "")]);
    let r = model::run(&s, dec!(0.8));
    assert_eq!(
        r.outcome_payments,
        vec![dec!(540000), dec!(1080000), dec!(1080000)]
    );
    assert_eq!(r.cap_reached, None);
}

#[test]
fn an_early_cap_warns() {
    let s = worked_with(&[("cap = 2_500_000", "cap = 1_000_000")]);
    let e = model::evaluate(&s);
    assert_eq!(
        e.run.outcome_payments,
        vec![dec!(540000), dec!(460000), dec!(0)]
    );
    assert!(e.warnings.contains(&Warning::CapReached { period: 2 }));
}

#[test]
fn guarantee_covers_first_loss_up_to_its_share() {
    // α = 0: nothing paid; drawn 2.4 m; guarantee min(2.4 m, 0.5·2.4 m).
    let r = model::run(&worked(), Decimal::ZERO);
    assert_eq!(r.totals.drawn, dec!(2400000));
    assert_eq!(r.totals.guarantee_paid, dec!(1200000));
    assert_eq!(r.flows.guarantor[3], dec!(-1200000));
    assert_eq!(
        r.flows.investor,
        vec![dec!(-800000), dec!(-800000), dec!(-800000), dec!(1200000)]
    );
    // α = 0.6: payments 405 000 + 810 000 + 810 000 = 2 025 000; loss 375 000.
    let r = model::run(&worked(), dec!(0.6));
    assert_eq!(r.totals.investor_received, dec!(2025000));
    assert_eq!(r.totals.guarantee_paid, dec!(375000));
}

#[test]
fn excess_goes_to_the_provider_after_deferred_fees() {
    // Return cap 0 and a large cap: investor gets exactly its principal.
    let s = worked_with(&[
        ("return_cap = 0.08", "return_cap = 0"),
        ("cap = 2_500_000", "cap = 10_000_000"),
        ("excess = \"payer\"", "excess = \"provider\""),
    ]);
    let r = model::run(&s, dec!(1.5));
    // M = 0.75, 1.5→1, 1 → units 1687.5, 2250, 2250 → payments at 600.
    assert_eq!(
        r.outcome_payments,
        vec![dec!(1012500), dec!(1350000), dec!(1350000)]
    );
    // τ=1: bal 800k+800k → investor takes 1 012 500; τ=2: bal 587 500 + 800 000
    // = 1 387 500 → takes 1 350 000; τ=3: bal 37 500 → takes it; provider
    // recovers 300 000 deferred, bonus 1 012 500.
    assert_eq!(
        r.flows.investor,
        vec![dec!(-800000), dec!(212500), dec!(550000), dec!(37500)]
    );
    assert_eq!(
        r.flows.provider,
        vec![dec!(-100000), dec!(-100000), dec!(-100000), dec!(1312500)]
    );
    assert_eq!(r.totals.provider_bonus, dec!(1012500));
    assert_eq!(r.totals.refunded, Decimal::ZERO);
}

#[test]
fn excess_refunded_to_payer_and_cofunder_in_shares() {
    let s = worked_with(&[
        ("return_cap = 0.08", "return_cap = 0"),
        ("cap = 2_500_000", "cap = 10_000_000"),
    ]);
    let r = model::run(&s, dec!(1.5));
    assert_eq!(r.totals.refunded, dec!(1012500));
    // τ=3: payer pays 0.75·1 350 000 and gets 0.75·1 012 500 back.
    // Value at τ=3: 1.5 points · 2250 days · 2500 = 8 437 500, of which 60 %.
    assert_eq!(
        r.flows.payer[3],
        dec!(-1012500) + dec!(759375) + dec!(5062500)
    );
    assert_eq!(r.flows.cofunder[3], dec!(-337500) + dec!(253125));
}

#[test]
fn recycling_funds_delivery_from_cash_before_drawing() {
    let s = worked_with(&[("recycle = false", "recycle = true")]);
    let r = model::run(&s, dec!(0.8));
    // τ=1: cash 540 000 covers 540 000 of the 800 000 need; draw 260 000.
    // τ=2: cash 1 080 000 covers 800 000; no draw. Drawn 1 060 000 in all.
    // At τ=3 everything left is distributed: cash 280 000 + 880 000, all
    // to the investor, who is owed 1 311 033.60 by then.
    assert_eq!(
        r.flows.investor,
        vec![dec!(-800000), dec!(-260000), dec!(0), dec!(1160000)]
    );
    assert_eq!(r.totals.drawn, dec!(1060000));
    assert_eq!(r.totals.investor_received, dec!(1160000));
    let sum: Decimal = r.flows.total();
    assert_eq!(sum, r.totals.value - r.totals.delivery_cost);
}

#[test]
fn share_of_savings_prices_at_a_share_of_value() {
    let s = worked_with(&[(
        "cap = 2_500_000",
        "cap = 2_500_000\nmechanism = \"share_of_savings\"\nsavings_share = 0.2",
    )]);
    // Price = 0.2·2500 = 500 per unit.
    let r = model::run(&s, dec!(0.8));
    assert_eq!(
        r.outcome_payments,
        vec![dec!(450000), dec!(900000), dec!(900000)]
    );
}

/// An event scenario of four half-years: 100 participants in each of the
/// first two, measured one period later; every outcome key in `outcome`.
pub(crate) fn event(intake: &str, lag: u32, outcome: &str, timeline: &str) -> Scenario {
    let text = format!(
        r#"
format = 1
[scenario]
id = "events"
title = "Events"
[timeline]
periods = 4
period = "half_year"
{timeline}
[parties]
[cohort]
intake = {intake}
[delivery]
cost = 100_000
[[outcomes]]
id = "job_start"
kind = "event"
better = "higher"
lag = {lag}
{outcome}
[payment]
[investment]
return_cap = 0
"#
    );
    scenario::parse(&text, "events.toml").unwrap_or_else(|e| panic!("{e}"))
}

fn event_scenario(extra: &str) -> Scenario {
    let outcome = format!("baseline = 20\ntarget = 40\nprice = 10_000\nvalue = 50_000\n{extra}");
    event("[100, 100, 0, 0]", 1, &outcome, "")
}

#[test]
fn event_outcomes_pay_for_the_lagged_intake() {
    let s = event_scenario("");
    // α = 1: rate 40 %, effect 20 points; intake 100 in periods 1, 2 → paid in 2, 3.
    let r = model::run(&s, Decimal::ONE);
    assert_eq!(
        r.outcomes[0].units,
        vec![dec!(0), dec!(20), dec!(20), dec!(0)]
    );
    assert_eq!(
        r.outcomes[0].payments,
        vec![dec!(0), dec!(200000), dec!(200000), dec!(0)]
    );
    // α = 5 would give 120 %: the rate is clamped at 100, payable capped at TI.
    let r = model::run(&s, dec!(5));
    assert_eq!(
        r.outcomes[0].units,
        vec![dec!(0), dec!(20), dec!(20), dec!(0)]
    );
    assert_eq!(
        r.outcomes[0].true_units,
        vec![dec!(0), dec!(80), dec!(80), dec!(0)]
    );
}

#[test]
fn event_without_counterfactual_pays_for_deadweight() {
    let s = event_scenario("counterfactual = \"none\"");
    // Pays for baseline 20 % + 20 points = 40 of every 100.
    let r = model::run(&s, Decimal::ONE);
    assert_eq!(
        r.outcomes[0].units,
        vec![dec!(0), dec!(40), dec!(40), dec!(0)]
    );
    assert_eq!(
        r.outcomes[0].true_units,
        vec![dec!(0), dec!(20), dec!(20), dec!(0)]
    );
    let r = model::run(&s, Decimal::ZERO);
    assert_eq!(r.totals.outcome_payments, dec!(400000));
}

#[test]
fn half_year_periods_use_per_period_rates() {
    let s = event_scenario("");
    let e = model::evaluate(&s);
    // NPV at 4 % a year with half-year periods: factor (1.04)^(−τ/2).
    let flows = &e.run.flows.payer;
    let manual: f64 = flows
        .iter()
        .enumerate()
        .map(|(t, f)| f64::try_from(*f).unwrap() / 1.04f64.powf(t as f64 / 2.0))
        .sum();
    let got = f64::try_from(e.payer.npv).unwrap();
    assert!((got - manual).abs() < 1e-6, "{got} vs {manual}");
}

fn irr_of(flows: &[i64]) -> model::Irr {
    let f: Vec<Decimal> = flows.iter().map(|v| Decimal::from(*v)).collect();
    model::irr(&f, 1)
}

#[test]
fn irr_fixtures() {
    let one = irr_of(&[-100, 39, 59, 55, 20]);
    assert_eq!(one.roots.len(), 1);
    assert_eq!(round(one.headline.unwrap(), 5), dec!(0.28095));

    let neg = irr_of(&[-100, 0, 0, 74]);
    assert_eq!(round(neg.headline.unwrap(), 4), dec!(-0.0955));

    let two = irr_of(&[-50, -100, 600, 300, -100]);
    assert_eq!(two.roots.len(), 2, "{two:?}");
    // The NPV changes sign across each root.
    let npv = |r: f64| -> f64 {
        [-50.0, -100.0, 600.0, 300.0, -100.0]
            .iter()
            .enumerate()
            .map(|(t, f)| f / (1.0 + r).powi(t as i32))
            .sum()
    };
    for r in &two.roots {
        let r = f64::try_from(*r).unwrap();
        assert!(npv(r - 1e-8) * npv(r + 1e-8) < 0.0, "root {r}");
    }
    // Headline: the root of smallest magnitude.
    let smallest = two.roots.iter().min_by_key(|r| r.abs()).copied();
    assert_eq!(two.headline, smallest);

    assert_eq!(irr_of(&[-100, -5, -1]), model::Irr::default());
    assert_eq!(irr_of(&[0, 0, 0]), model::Irr::default());
}

#[test]
fn irr_is_annualised() {
    // 1 % a month for 12 months → 12.68 % a year.
    let mut f = vec![Decimal::from(-100)];
    f.extend(std::iter::repeat_n(Decimal::ZERO, 11));
    f.push(dec!(112.682503013197));
    let irr = model::irr(&f, 12);
    assert_eq!(round(irr.headline.unwrap(), 6), dec!(0.126825));
}

#[test]
fn levers_refuse_invalid_values_with_a_reason() {
    let s = worked();
    let err = levers::set(&s, "threshold.absence", dec!(8.5)).unwrap_err();
    assert!(err.to_string().contains("between the baseline"), "{err}");
    let err = levers::set(&s, "cofunder_share", dec!(1.5)).unwrap_err();
    assert!(
        matches!(err, levers::LeverError::OutOfRange { .. }),
        "{err}"
    );
    let err = levers::set(&s, "treshold.absence", dec!(9.9)).unwrap_err();
    assert!(
        err.to_string().contains("did you mean `threshold.absence`"),
        "{err}"
    );
    let ok = levers::set(&s, "achievement", dec!(0.5)).unwrap();
    assert_eq!(ok.assumptions.achievement, dec!(0.5));
    assert_eq!(
        levers::changed(&s, &ok),
        vec![("achievement".to_string(), dec!(0.5))]
    );
}

#[test]
fn lever_defaults_follow_model_md() {
    let s = worked();
    let all = levers::available(&s);
    let step = |id: &str| all.iter().find(|l| l.id == id).unwrap().step;
    assert_eq!(step("achievement"), dec!(0.05));
    assert_eq!(step("target.absence"), dec!(0.1));
    assert_eq!(step("threshold.absence"), dec!(0.1));
    assert_eq!(step("price.absence"), dec!(30));
    assert_eq!(step("cap"), dec!(130000));
    assert_eq!(step("return_cap"), dec!(0.005));
    assert_eq!(step("first_loss"), dec!(0.05));
    let ids: Vec<&str> = all.iter().map(|l| l.id.as_str()).collect();
    assert!(
        !ids.contains(&"drift.absence"),
        "drift only with a historical baseline"
    );
    assert!(!ids.contains(&"savings_share"));
}
