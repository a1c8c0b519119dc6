//! Round 2 of the model (`docs/model.md` §8.1, §8.2) on hand-made cases:
//! the expected effect, independent of the target, and the payer's budget
//! (cash and non-cash value, budget years, the maximum commitment). Every
//! number is worked out by hand in the comments; the worked example of §5
//! is the base. §8.3, §8.4 and step 3c are in `investor_and_costs.rs`.

use effekt::levers::{self, LeverError};
use effekt::model::{self, BudgetYear, Warning};
use effekt::scenario::{self, Rule};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::model::{WORKED, event, worked, worked_with};

// ------------------------------------------------- §8.1 the expected effect

#[test]
fn the_effect_follows_the_expected_level_not_the_target() {
    // expected 8.5: EI = 1.5. At α = 0.8 with ramp 2: E = 0.6, 1.2, 1.2
    // points; ×2 250 days a point = 1 350, 2 700, 2 700 true days.
    // Paid: trigger at HI = 0.2, capped at TI = 1: 0.6, 1, 1 → 1 350,
    // 2 250, 2 250 days × 600 = 810 000, 1 350 000, 1 350 000; the cap of
    // 2.5 m leaves 340 000 for period 3.
    let s = worked_with(&[("target = 9.0", "target = 9.0\nexpected = 8.5")]);
    let r = model::run(&s, dec!(0.8));
    assert_eq!(
        r.outcomes[0].true_units,
        vec![dec!(1350), dec!(2700), dec!(2700)]
    );
    assert_eq!(
        r.outcomes[0].units,
        vec![dec!(1350), dec!(2250), dec!(2250)]
    );
    assert_eq!(
        r.outcome_payments,
        vec![dec!(810000), dec!(1350000), dec!(340000)]
    );
    // Value: 1 350 × 2 500 = 3 375 000; 2 700 × 2 500 = 6 750 000.
    assert_eq!(
        r.outcomes[0].value,
        vec![dec!(3375000), dec!(6750000), dec!(6750000)]
    );

    // A harder target (8.8: TI = 1.2) pays up to 1.2 points, but the same
    // days happen: 0.6, 1.2, 1.2 → 1 350, 2 700, 2 700 paid days.
    let harder = levers::set(&s, "target.absence", dec!(8.8)).unwrap();
    let r2 = model::run(&harder, dec!(0.8));
    assert_eq!(r2.outcomes[0].true_units, r.outcomes[0].true_units);
    assert_eq!(
        r2.outcomes[0].units,
        vec![dec!(1350), dec!(2700), dec!(2700)]
    );
    // An easier one (9.5: TI = 0.5, the threshold 9.8 still below it)
    // pays at most 0.5 points = 1 125 days a year; still the same days.
    let easier = levers::set(&s, "target.absence", dec!(9.5)).unwrap();
    let r3 = model::run(&easier, dec!(0.8));
    assert_eq!(r3.outcomes[0].true_units, r.outcomes[0].true_units);
    assert_eq!(
        r3.outcomes[0].units,
        vec![dec!(1125), dec!(1125), dec!(1125)]
    );
}

#[test]
fn without_expected_the_file_target_is_expected() {
    let s = worked();
    assert_eq!(s.outcomes[0].expected, dec!(9));
    // Moving the target lever leaves the expected level where the file put it.
    let moved = levers::set(&s, "target.absence", dec!(8.5)).unwrap();
    assert_eq!(moved.outcomes[0].expected, dec!(9));
    assert_eq!(
        model::run(&moved, dec!(0.8)).outcomes[0].true_units,
        model::run(&s, dec!(0.8)).outcomes[0].true_units
    );
}

#[test]
fn event_outcomes_reach_the_expected_rate() {
    let s = event(
        "[100, 100, 0, 0]",
        1,
        "baseline = 20\ntarget = 40\nexpected = 30\nprice = 10_000\nvalue = 50_000",
        "",
    );
    // α = 1: rate 30 %, E = 10 points of 100 participants = 10, paid for
    // (below TI = 20) and true alike, one period after each intake.
    let r = model::run(&s, Decimal::ONE);
    assert_eq!(
        r.outcomes[0].units,
        vec![dec!(0), dec!(10), dec!(10), dec!(0)]
    );
    assert_eq!(r.outcomes[0].true_units, r.outcomes[0].units);
    // α = 1.5: rate 35 %, E = 15.
    let r = model::run(&s, dec!(1.5));
    assert_eq!(
        r.outcomes[0].units,
        vec![dec!(0), dec!(15), dec!(15), dec!(0)]
    );
}

#[test]
fn the_expected_lever_and_its_rule() {
    let s = worked();
    let l = levers::find(&s, "expected.absence").unwrap();
    // EI = 1 point: step 0.1; from 0.1 to 2 points below the baseline 10.
    assert_eq!(
        (l.step, l.min, l.max, l.value),
        (dec!(0.1), dec!(8), dec!(9.9), dec!(9))
    );
    let more = levers::set(&s, "expected.absence", dec!(8.5)).unwrap();
    // α = 0.8 of EI = 1.5: 0.6 points in period 1 → 1 350 true days.
    assert_eq!(
        model::run(&more, dec!(0.8)).outcomes[0].true_units[0],
        dec!(1350)
    );
    assert!(matches!(
        levers::set(&s, "expected.absence", dec!(10.5)),
        Err(LeverError::OutOfRange { .. })
    ));
    // In a file, an expected level that is no improvement is refused.
    let text = WORKED.replace("target = 9.0", "target = 9.0\nexpected = 10.5");
    let err = scenario::parse(&text, "x.toml").unwrap_err();
    let d = err
        .diagnostics
        .iter()
        .find(|d| d.key == "outcomes[0].expected")
        .expect("an error at expected");
    assert!(matches!(
        d.problem,
        scenario::Problem::Rule(Rule::ExpectedNotAnImprovement { .. })
    ));
}

#[test]
fn the_effect_in_the_indicators_own_terms() {
    let s = worked();
    let o = &s.outcomes[0];
    // α = 0.8 of EI = 1: 10 − 0.8 = 9.2 %; 0.8 × 1 000 × 2.25 = 1 800 days a year.
    let e = model::effect(&s, o, dec!(0.8));
    assert_eq!((e.level, e.units_per_year), (dec!(9.2), dec!(1800)));
    // Event: α = 1 of EI = 10 → 30 %; 200 participants × 10 % over 2 years = 10 a year.
    let s = event(
        "[100, 100, 0, 0]",
        1,
        "baseline = 20\ntarget = 40\nexpected = 30\nprice = 10_000\nvalue = 50_000",
        "",
    );
    let e = model::effect(&s, &s.outcomes[0], Decimal::ONE);
    assert_eq!((e.level, e.units_per_year), (dec!(30), dec!(10)));
}

// --------------------------------------------------- §8.2 the payer's budget

#[test]
fn cash_and_non_cash_value_are_kept_apart() {
    // payer_cash_share 0.5: the payer's value 0.6 × (2.25, 4.5, 4.5 m) =
    // 1.35, 2.7, 2.7 m is half cash: 675 000, 1 350 000, 1 350 000.
    let s = worked_with(&[(
        "payer_value_share = 0.6",
        "payer_value_share = 0.6\npayer_cash_share = 0.5",
    )]);
    let e = model::evaluate(&s);
    // The economic view is unchanged (§5): payer NPV 4 181 008.19.
    assert_eq!(e.payer.npv.round_dp(2), dec!(4181008.19));
    // Payer flows −100 000 + 845 000 + 1 790 000 + 2 040 000 = 4 575 000,
    // minus non-cash 3 375 000 = 1 200 000.
    assert_eq!(e.budget.net, dec!(1200000));
    // Cash flows −100 000, 170 000, 440 000, 690 000 at 4 %:
    // −100 000 + 163 461.54 + 406 804.73 + 613 407.49 = 1 083 673.76.
    assert_eq!(e.budget.npv.round_dp(2), dec!(1083673.76));
    // By accrual: the fee of period t (paid at τ = t − 1) belongs to year t.
    // Year 1: −100 000 − 0.75 × 540 000 + 675 000 = 170 000;
    // year 2: −100 000 − 810 000 + 1 350 000 = 440 000;
    // year 3: −100 000 − 660 000 + 1 350 000 = 590 000.
    let row = |year, outcome_payments, cash_savings, net| BudgetYear {
        year,
        fees: dec!(100000),
        outcome_payments,
        refunds: Decimal::ZERO,
        cash_savings,
        costs: Decimal::ZERO,
        net,
    };
    assert_eq!(
        e.budget.years,
        vec![
            row(1, dec!(405000), dec!(675000), dec!(170000)),
            row(2, dec!(810000), dec!(1350000), dec!(440000)),
            row(3, dec!(660000), dec!(1350000), dec!(590000)),
        ]
    );
}

#[test]
fn the_most_the_payer_can_pay() {
    // (1 − 0.25) × 2 500 000 + 3 × 100 000 fees = 2 175 000; at α = 0.8
    // the cap binds, so the payer pays exactly that.
    let e = model::evaluate(&worked());
    assert_eq!(e.budget.max_commitment, Some(dec!(2175000)));
    let paid: Decimal = e
        .run
        .payer_periods
        .iter()
        .map(|p| p.fees + p.outcome_payments + p.costs)
        .sum();
    assert_eq!(paid, dec!(2175000));
    assert!(!e.warnings.contains(&Warning::NoCap));
    // Without a cap there is no upper bound, and the room is told.
    let e = model::evaluate(&worked_with(&[("cap = 2_500_000\n", "")]));
    assert_eq!(e.budget.max_commitment, None);
    assert!(e.warnings.contains(&Warning::NoCap));
}

#[test]
fn budget_years_follow_the_calendar() {
    // Half-years from July 2027: periods start 2027-07, 2028-01, 2028-07,
    // 2029-01, so the budget years are 2027, 2028, 2028, 2029.
    let s = event(
        "[100, 100, 0, 0]",
        1,
        "baseline = 20\ntarget = 40\nprice = 10_000\nvalue = 50_000",
        "start_year = 2027\nstart_month = 7",
    );
    let t = &s.timeline;
    assert_eq!(
        (1..=4).map(|p| t.budget_year(p)).collect::<Vec<_>>(),
        vec![2027, 2028, 2028, 2029]
    );
    let start = t.period_start(3);
    assert_eq!((start.year, start.month), (2028, 7));
    // α = 1: 20 job starts paid in periods 2 and 3 (lag 1): 200 000 each,
    // worth 20 × 50 000 = 1 000 000 each, all cash to the payer.
    let e = model::evaluate(&s);
    let years: Vec<(i64, Decimal, Decimal, Decimal)> = e
        .budget
        .years
        .iter()
        .map(|y| (y.year, y.outcome_payments, y.cash_savings, y.net))
        .collect();
    assert_eq!(
        years,
        vec![
            (2027, dec!(0), dec!(0), dec!(0)),
            (2028, dec!(400000), dec!(2000000), dec!(1600000)),
            (2029, dec!(0), dec!(0), dec!(0)),
        ]
    );
    // Without a start year the years count from 1, still by start month.
    let mut s2 = s.clone();
    s2.timeline.start_year = None;
    assert_eq!(
        (1..=4)
            .map(|p| s2.timeline.budget_year(p))
            .collect::<Vec<_>>(),
        vec![1, 2, 2, 3]
    );
    // From January: ceil(t / 2) = 1, 1, 2, 2.
    s2.timeline.start_month = 1;
    assert_eq!(
        (1..=4)
            .map(|p| s2.timeline.budget_year(p))
            .collect::<Vec<_>>(),
        vec![1, 1, 2, 2]
    );
}
