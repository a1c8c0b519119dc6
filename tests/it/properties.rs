//! Property tests of the model's invariants (`docs/model.md` §4, §8):
//! payments never exceed the cap, the investor never earns above its cap
//! (without upside), money is conserved across the seven parties, more
//! achievement never lowers payments, the target never changes what
//! happens, upside never goes to an investor that is short, and the
//! payer's budget rows add up.

use effekt::levers;
use effekt::model;
use effekt::scenario::{self, CostPayer, CostTiming, Scenario};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::model::worked;

/// A random but valid variant of the worked example.
fn arb_scenario() -> impl Strategy<Value = Scenario> {
    (
        (0u32..=200, 0u32..=100, 0u32..=100, 0u32..=50),
        (0u32..=100, 0u32..=100, 0u32..=30, 0u32..=100),
        (any::<bool>(), any::<bool>(), 0u32..3, 1u32..=4),
        (1u32..=2000, 0u32..=5000, 0u32..=5000),
    )
        .prop_map(
            |(
                (ach, thr, coshare, gshare),
                (risk, fl, rc, pvs),
                (rec, exc, rule, ramp),
                (price, cap, value),
            )| {
                let mut s = worked();
                s.assumptions.achievement = Decimal::new(ach.into(), 2);
                let o = &mut s.outcomes[0];
                // Threshold between baseline 10 and target 9, never at target for deductible.
                o.threshold = Some(dec!(10) - Decimal::new(thr.min(99).into(), 2));
                o.threshold_rule = [
                    scenario::ThresholdRule::None,
                    scenario::ThresholdRule::Trigger,
                    scenario::ThresholdRule::Deductible,
                ][rule as usize];
                o.ramp_periods = ramp;
                o.price = Decimal::from(price);
                o.value = Decimal::from(value);
                o.payer_value_share = Decimal::new(pvs.into(), 2);
                s.payment.cofunder_share = Decimal::new(coshare.into(), 2);
                s.payment.guaranteed_share = Decimal::new(gshare.into(), 2);
                s.provider.fee_at_risk = Decimal::new((risk.min(100 - gshare)).into(), 2);
                s.investment.first_loss = Decimal::new(fl.into(), 2);
                s.investment.return_cap = Decimal::new(rc.into(), 2);
                s.investment.recycle = rec;
                s.payment.excess = if exc {
                    scenario::Excess::Provider
                } else {
                    scenario::Excess::Payer
                };
                s.payment.cap = (cap > 0).then(|| Decimal::from(cap) * Decimal::from(1000));
                assert_eq!(scenario::validate(&s), vec![]);
                s
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn money_is_conserved(s in arb_scenario()) {
        let r = model::run(&s, s.assumptions.achievement);
        let sum: Decimal = r.flows.total();
        prop_assert_eq!(sum, r.totals.value - r.totals.delivery_cost);
    }

    #[test]
    fn payments_never_exceed_the_cap(s in arb_scenario()) {
        let r = model::run(&s, s.assumptions.achievement);
        if let Some(cap) = s.payment.cap {
            prop_assert!(r.totals.outcome_payments <= cap);
        }
        for (o, f) in r.outcome_payments.iter().zip(&r.formula_payments) {
            prop_assert!(o <= f);
            prop_assert!(*o >= Decimal::ZERO);
        }
    }

    #[test]
    fn more_achievement_never_lowers_payments(s in arb_scenario(), extra in 0u32..=100) {
        let a = s.assumptions.achievement;
        let lo = model::run(&s, a);
        let hi = model::run(&s, a + Decimal::new(extra.into(), 2));
        prop_assert!(hi.totals.outcome_payments >= lo.totals.outcome_payments);
        for t in 0..lo.outcome_payments.len() {
            prop_assert!(hi.formula_payments[t] >= lo.formula_payments[t]);
        }
    }

    #[test]
    fn the_investor_never_earns_above_its_cap(s in arb_scenario()) {
        let e = model::evaluate(&s);
        for r in &e.investor.irr.roots {
            prop_assert!(*r <= s.investment.return_cap + dec!(0.000001), "irr {} cap {}", r, s.investment.return_cap);
        }
    }

    #[test]
    fn the_guarantee_never_exceeds_first_loss(s in arb_scenario()) {
        let r = model::run(&s, s.assumptions.achievement);
        prop_assert!(r.totals.guarantee_paid <= s.investment.first_loss * r.totals.drawn);
        prop_assert!(r.totals.guarantee_paid >= Decimal::ZERO);
        // The guarantee only tops up a loss: never beyond what was drawn.
        if r.totals.guarantee_paid > Decimal::ZERO {
            prop_assert!(r.totals.investor_received + r.totals.guarantee_paid <= r.totals.drawn);
        }
    }
}

/// A random valid scenario with the keys of round 2 (§8): expected level,
/// cash share, upside share, hurdle rate, costs, a calendar, any period.
fn arb_round2() -> impl Strategy<Value = Scenario> {
    let cost = (
        0u32..2,
        0u32..3,
        0u32..=200_000,
        prop::collection::vec(0u32..=50_000, 3),
    );
    (
        arb_scenario(),
        (
            1u32..=200,
            0u32..=100,
            0u32..=100,
            prop::option::of(0u32..=20),
        ),
        (1u32..=12, prop::option::of(2020i64..2040), 0usize..4),
        prop::collection::vec(cost, 0..4),
    )
        .prop_map(
            |(mut s, (ei, cash, k, hurdle), (month, year, period), costs)| {
                let o = &mut s.outcomes[0];
                o.expected = dec!(10) - Decimal::new(ei.into(), 2);
                o.payer_cash_share = Decimal::new(cash.into(), 2);
                s.payment.excess_investor_share = Decimal::new(k.into(), 2);
                s.investment.hurdle_rate = hurdle.map(|h| Decimal::new(h.into(), 2));
                s.timeline.start_month = month;
                s.timeline.start_year = year;
                s.timeline.period = [
                    scenario::Period::Year,
                    scenario::Period::HalfYear,
                    scenario::Period::Quarter,
                    scenario::Period::Month,
                ][period];
                s.costs = costs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (when, by, once, each))| scenario::Cost {
                        id: format!("c{i}"),
                        name: format!("Cost {i}"),
                        name_en: None,
                        when: [CostTiming::Start, CostTiming::EachPeriod][when as usize],
                        amount: match when {
                            0 => vec![Decimal::from(once)],
                            _ => each.into_iter().map(Decimal::from).collect(),
                        },
                        paid_by: [CostPayer::Payer, CostPayer::Cofunder, CostPayer::Investor]
                            [by as usize],
                    })
                    .collect();
                assert_eq!(scenario::validate(&s), vec![]);
                s
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn money_is_conserved_across_seven_parties(s in arb_round2()) {
        let e = model::evaluate(&s);
        let r = &e.run;
        let sum: Decimal = r.flows.total();
        prop_assert_eq!(sum, r.totals.value - r.totals.delivery_cost);
        prop_assert_eq!(e.others.net, r.totals.other_costs);
        prop_assert_eq!(e.public.npv, e.payer.npv + e.cofunder.npv + e.public_other.npv);
    }

    #[test]
    fn the_target_never_changes_what_happens(s in arb_round2(), target in 1u32..=199) {
        let level = dec!(10) - Decimal::new(target.into(), 2);
        let moved = levers::set(&s, "target.absence", level);
        prop_assume!(moved.is_ok());
        let moved = moved.unwrap();
        let a = s.assumptions.achievement;
        let (before, after) = (model::run(&s, a), model::run(&moved, a));
        prop_assert_eq!(&before.outcomes[0].true_units, &after.outcomes[0].true_units);
        prop_assert_eq!(before.totals.value, after.totals.value);
    }

    #[test]
    fn no_upside_for_an_investor_that_is_short(s in arb_round2()) {
        let r = model::run(&s, s.assumptions.achievement);
        let t = &r.totals;
        prop_assert!(t.investor_upside >= Decimal::ZERO);
        if t.investor_upside > Decimal::ZERO {
            prop_assert_eq!(r.investor_balance, Decimal::ZERO);
            prop_assert!(t.investor_received - t.investor_upside >= t.drawn);
            prop_assert_eq!(t.guarantee_paid, Decimal::ZERO);
        }
    }

    #[test]
    fn without_upside_the_investor_never_earns_above_its_cap(s in arb_round2()) {
        let r = model::run(&s, s.assumptions.achievement);
        prop_assume!(r.totals.investor_upside.is_zero());
        // Discounted at the capped rate, the investor's flows are worth at
        // most nothing: its balance grows at that rate and is rounded to
        // øre once a period (at most half an øre each time).
        let ppy = f64::from(s.timeline.per_year());
        let cap = f64::try_from(s.investment.return_cap).unwrap();
        let rate = (1.0 + cap).powf(1.0 / ppy);
        let flows: Vec<f64> = r.flows.investor.iter().map(|f| f64::try_from(*f).unwrap()).collect();
        let npv: f64 = flows.iter().enumerate().map(|(t, f)| f / rate.powi(t as i32)).sum();
        let scale: f64 = flows.iter().map(|f| f.abs()).sum();
        let slack = 0.005 * (flows.len() as f64) + 1e-12 * scale;
        prop_assert!(npv <= slack, "NPV at the cap {} > {}", npv, slack);
    }

    #[test]
    fn budget_rows_sum_to_the_payers_budget_net(s in arb_round2()) {
        let e = model::evaluate(&s);
        let b = &e.budget;
        let rows: Decimal = b.years.iter().map(|y| y.net).sum();
        prop_assert_eq!(rows, b.net);
        let non_cash: Decimal = e.run.payer_periods.iter().map(|p| p.value - p.cash_value).sum();
        prop_assert_eq!(b.net, e.payer.net - non_cash);
        for y in &b.years {
            prop_assert_eq!(y.net, y.refunds + y.cash_savings - y.fees - y.outcome_payments - y.costs);
        }
        prop_assert!(b.years.windows(2).all(|w| w[0].year < w[1].year));
        // Every period is in exactly one budget year.
        let years = (1..=s.timeline.periods).map(|t| s.timeline.budget_year(t));
        prop_assert_eq!(years.collect::<std::collections::BTreeSet<_>>().len(), b.years.len());
    }

    #[test]
    fn the_payer_never_pays_more_than_its_maximum(s in arb_round2()) {
        let e = model::evaluate(&s);
        let paid: Decimal = e.run.payer_periods.iter().map(|p| p.fees + p.outcome_payments + p.costs).sum();
        match e.budget.max_commitment {
            // Each period's payer/cofunder split rounds to øre: at most half
            // an øre a period beyond (1 − c)·cap.
            Some(max) => prop_assert!(paid <= max + Decimal::new(s.timeline.periods as i64 + 1, 2), "{} > {}", paid, max),
            None => prop_assert!(s.payment.cap.is_none()),
        }
    }
}
