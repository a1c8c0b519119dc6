//! Round 2 of the model (`docs/model.md` §8.3, §8.4, §3 step 3c) on
//! hand-made cases: the investor's upside and hurdle rate, the surplus
//! settled at the end, costs besides delivery and the seventh party
//! `others`, and the keys `effekt calc --json` gained. Every number is
//! worked out by hand in the comments.

use effekt::levers;
use effekt::model;
use effekt::report::calc_json;
use effekt::scenario::{self, Scenario};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::model::{WORKED, event, worked, worked_with};

// ----------------------------------------------- §8.3 the investor's terms

/// Return cap 0, cap 10 m, α = 1.5: payments 1 012 500, 1 350 000,
/// 1 350 000. The investor is owed exactly what it drew (3 × 800 000); at
/// τ = 3 it takes the last 37 500, the provider recovers its 300 000 at
/// risk, and 1 350 000 − 37 500 − 300 000 = 1 012 500 is left.
fn surplus_case(k: &str) -> Scenario {
    worked_with(&[
        ("return_cap = 0.08", "return_cap = 0"),
        ("cap = 2_500_000", "cap = 10_000_000"),
        (
            "excess = \"payer\"",
            &format!("excess = \"payer\"\nexcess_investor_share = {k}"),
        ),
    ])
}

#[test]
fn the_investor_shares_the_surplus_at_the_end() {
    let s = surplus_case("0.4");
    let r = model::run(&s, dec!(1.5));
    // Upside 0.4 × 1 012 500 = 405 000; the rest 607 500 is refunded,
    // 0.25 × 607 500 = 151 875 to the cofunder, 455 625 to the payer.
    assert_eq!(r.totals.investor_upside, dec!(405000));
    assert_eq!(r.totals.refunded, dec!(607500));
    assert_eq!(
        r.flows.investor,
        vec![dec!(-800000), dec!(212500), dec!(550000), dec!(442500)]
    );
    // Received 1 012 500 + 1 350 000 + 37 500 + 405 000 = 2 805 000.
    assert_eq!(r.totals.investor_received, dec!(2805000));
    assert_eq!(r.payer_periods[2].refunds, dec!(455625));
    // τ = 3: the payer pays 0.75 × 1 350 000, gets 455 625 back and its
    // value 0.6 × 1.5 × 2 250 × 2 500 = 5 062 500.
    assert_eq!(
        r.flows.payer[3],
        dec!(-1012500) + dec!(455625) + dec!(5062500)
    );
    assert_eq!(r.flows.cofunder[3], dec!(-337500) + dec!(151875));
    let e = model::evaluate_at(&s, dec!(1.5));
    // MOIC 2 805 000 / 2 400 000 = 1.16875; above a 0 % return cap.
    assert_eq!(e.investor.moic, Some(dec!(1.16875)));
    assert!(e.investor.irr.headline.unwrap() > Decimal::ZERO);
    assert_eq!(r.flows.total(), r.totals.value - r.totals.delivery_cost);
    // k = 0 is round 1: everything refunded.
    let r0 = model::run(&surplus_case("0"), dec!(1.5));
    assert_eq!(r0.totals.investor_upside, Decimal::ZERO);
    assert_eq!(r0.totals.refunded, dec!(1012500));
}

#[test]
fn the_investor_npv_uses_the_hurdle_rate() {
    let s = worked_with(&[("recycle = false", "recycle = false\nhurdle_rate = 0.10")]);
    let e = model::evaluate(&s);
    // −800 000 − 260 000/1.1 + 280 000/1.21 + 880 000/1.331 = −143 801.65.
    assert_eq!(e.investor.npv.round_dp(2), dec!(-143801.65));
    // Every other party stays at the discount rate (§5).
    assert_eq!(e.payer.npv.round_dp(2), dec!(4181008.19));
    assert_eq!(e.public.npv.round_dp(2), dec!(7735770.37));
    // Without a hurdle rate the investor's NPV follows the discount rate,
    // also when that lever moves; the hurdle counts as changed only once set.
    let base = worked();
    let moved = levers::set(&base, "discount_rate", dec!(0.10)).unwrap();
    assert_eq!(
        model::evaluate(&moved).investor.npv.round_dp(2),
        dec!(-143801.65)
    );
    assert_eq!(
        levers::changed(&base, &moved),
        vec![("discount_rate".to_string(), dec!(0.10))]
    );
    let hurdle = levers::set(&base, "hurdle_rate", dec!(0.10)).unwrap();
    assert_eq!(
        model::evaluate(&hurdle).investor.npv.round_dp(2),
        dec!(-143801.65)
    );
    assert_eq!(
        levers::changed(&base, &hurdle),
        vec![("hurdle_rate".to_string(), dec!(0.10))]
    );
}

// -------------------------------------- §3 step 3c: the surplus at the end

#[test]
fn early_surplus_repays_later_draws_instead_of_being_refunded() {
    // 100 participants in period 1, 20 points above baseline, paid at 20 000
    // a job: 400 000 at τ = 1, nothing later. Draws 100 000 at τ = 0..3.
    let s = event(
        "[100, 0, 0, 0]",
        0,
        "baseline = 20\ntarget = 40\nprice = 20_000\nvalue = 50_000",
        "",
    );
    let r = model::run(&s, Decimal::ONE);
    assert_eq!(
        r.outcome_payments,
        vec![dec!(400000), dec!(0), dec!(0), dec!(0)]
    );
    // τ = 1: owed 200 000, paid; 200 000 stays. τ = 2 and 3: each new draw
    // of 100 000 is repaid from it. Nothing is left at the end to refund.
    assert_eq!(
        r.flows.investor,
        vec![dec!(-100000), dec!(100000), dec!(0), dec!(0), dec!(0)]
    );
    assert_eq!(r.totals.drawn, dec!(400000));
    assert_eq!(r.totals.investor_received, dec!(400000));
    assert_eq!(r.totals.refunded, Decimal::ZERO);
    // (Settled every period, as in round 1, the payer would have had
    // 200 000 back at τ = 1 and the investor would have lost 200 000.)
    assert_eq!(
        r.flows.payer,
        vec![dec!(0), dec!(600000), dec!(0), dec!(0), dec!(0)]
    );
    assert_eq!(r.flows.total(), r.totals.value - r.totals.delivery_cost);
}

#[test]
fn a_surplus_left_at_the_end_is_refunded_then() {
    // Return cap 0, no cap, price 1 200, α = 1.5: payments 2 025 000,
    // 2 700 000, 2 700 000. τ = 1: owed 1.6 m and 200 000 at risk → 225 000
    // stays; τ = 2: +2 700 000, owed 800 000 and 100 000 → 2 025 000 stays;
    // τ = 3: + 2 700 000 = 4 725 000, all refunded at the end.
    let s = worked_with(&[
        ("return_cap = 0.08", "return_cap = 0"),
        ("cap = 2_500_000\n", ""),
        ("price = 600", "price = 1200"),
    ]);
    let r = model::run(&s, dec!(1.5));
    assert_eq!(
        r.outcome_payments,
        vec![dec!(2025000), dec!(2700000), dec!(2700000)]
    );
    assert_eq!(
        r.flows.investor,
        vec![dec!(-800000), dec!(800000), dec!(0), dec!(0)]
    );
    // The provider recovers its 200 000 at risk at τ = 1, 100 000 at τ = 2.
    assert_eq!(
        r.flows.provider,
        vec![dec!(-100000), dec!(100000), dec!(0), dec!(0)]
    );
    assert_eq!(r.totals.refunded, dec!(4725000));
    let refunds: Vec<Decimal> = r.payer_periods.iter().map(|p| p.refunds).collect();
    // 0.75 × 4 725 000 = 3 543 750, all in the last period.
    assert_eq!(refunds, vec![dec!(0), dec!(0), dec!(3543750)]);
    assert_eq!(r.flows.cofunder[3], dec!(-675000) + dec!(1181250));
}

// ------------------------------------------ §8.4 costs besides delivery

const COSTS: &str = r#"
[[costs]]
id = "legal"
name = "Legal set-up"
amount = 50_000
when = "start"
paid_by = "payer"

[[costs]]
id = "evaluation"
amount = 20_000
when = "each_period"
paid_by = "cofunder"

[[costs]]
id = "intermediary"
amount = [30_000, 30_000, 10_000]
when = "each_period"
paid_by = "investor"
"#;

#[test]
fn costs_are_paid_to_others_by_whoever_the_contract_says() {
    let s = scenario::parse(&format!("{WORKED}{COSTS}"), "costs.toml").unwrap();
    let e = model::evaluate(&s);
    let r = &e.run;
    // Others get 50 000 + 20 000 + 30 000 at τ = 0, 20 000 + 30 000 at
    // τ = 1, 20 000 + 10 000 at τ = 2: 180 000 in all.
    assert_eq!(
        r.flows.others,
        vec![dec!(100000), dec!(50000), dec!(30000), dec!(0)]
    );
    assert_eq!(r.totals.other_costs, dec!(180000));
    // The payer pays the legal set-up at τ = 0 besides its fee.
    assert_eq!(
        r.flows.payer,
        vec![dec!(-150000), dec!(845000), dec!(1790000), dec!(2040000)]
    );
    assert_eq!(
        r.flows.cofunder,
        vec![dec!(-20000), dec!(-155000), dec!(-290000), dec!(-220000)]
    );
    // The investor draws the intermediary with delivery: 830 000, 830 000,
    // 810 000. Owed: 830 000 → ×1.08 = 896 400 + 830 000 − 540 000 =
    // 1 186 400 → 1 281 312 + 810 000 − 1 080 000 = 1 011 312 →
    // 1 092 216.96 − 880 000 = 212 216.96 still owed at the end.
    assert_eq!(
        r.flows.investor,
        vec![dec!(-830000), dec!(-290000), dec!(270000), dec!(880000)]
    );
    assert_eq!(r.totals.drawn, dec!(2470000));
    assert_eq!(r.investor_balance, dec!(212216.96));
    assert_eq!(
        r.flows.provider,
        vec![dec!(-100000), dec!(-100000), dec!(-100000), dec!(0)]
    );
    // Seven parties: 4 525 000 − 685 000 + 30 000 − 300 000 + 4 500 000 +
    // 180 000 = 8 250 000 = value 11 250 000 − delivery 3 000 000.
    assert_eq!(r.flows.total(), dec!(8250000));
    assert_eq!(e.others.net, dec!(180000));
    // The public NPV is the payer's, the cofunder's and public_other's only.
    assert_eq!(
        e.public.npv,
        e.payer.npv + e.cofunder.npv + e.public_other.npv
    );
    // The payer's budget: the start cost belongs to period 1.
    assert_eq!(e.budget.years[0].costs, dec!(50000));
    // 1 350 000 − 100 000 − 405 000 − 50 000 = 795 000.
    assert_eq!(e.budget.years[0].net, dec!(795000));
    // Max commitment: 1 875 000 + 300 000 + 50 000.
    assert_eq!(e.budget.max_commitment, Some(dec!(2225000)));
}

#[test]
fn investor_costs_are_taken_from_cash_when_recycling() {
    // Recycling at α = 0.8 (payments 540 000, 1 080 000, 880 000), with an
    // intermediary of 30 000 a period paid by the investor.
    let s = scenario::parse(
        &format!(
            "{}\n[[costs]]\nid = \"intermediary\"\namount = 30_000\nwhen = \"each_period\"\npaid_by = \"investor\"\n",
            WORKED.replace("recycle = false", "recycle = true")
        ),
        "recycle.toml",
    )
    .unwrap();
    let r = model::run(&s, dec!(0.8));
    // Need 830 000 a period. τ = 1: 540 000 from cash, draw 290 000;
    // τ = 2: 830 000 from the 1 080 000, 250 000 stays; τ = 3: 250 000 +
    // 880 000 = 1 130 000 all to the investor (owed more than that).
    assert_eq!(
        r.flows.investor,
        vec![dec!(-830000), dec!(-290000), dec!(0), dec!(1130000)]
    );
    assert_eq!(r.totals.drawn, dec!(1120000));
    assert_eq!(r.flows.total(), r.totals.value - r.totals.delivery_cost);
}

#[test]
fn costs_are_checked_where_they_are_written() {
    let broken = [
        (
            "[[costs]]\nid = \"x\"\namount = [1, 2]\nwhen = \"start\"\npaid_by = \"payer\"\n",
            "costs[0].amount",
        ),
        (
            "[[costs]]\nid = \"x\"\namount = [1, 2]\nwhen = \"each_period\"\npaid_by = \"payer\"\n",
            "costs[0].amount",
        ),
        (
            "[[costs]]\nid = \"x\"\namount = -1\nwhen = \"start\"\npaid_by = \"payer\"\n",
            "costs[0].amount[0]",
        ),
        (
            "[[costs]]\nid = \"x\"\namount = 1\nwhen = \"start\"\npaid_by = \"lawyer\"\n",
            "costs[0].paid_by",
        ),
        (
            "[[costs]]\nid = \"x\"\namount = 1\npaid_by = \"payer\"\n",
            "costs[0].when",
        ),
        (
            "[[costs]]\nid = \"x\"\namount = 1\nwhen = \"start\"\npaid_by = \"payer\"\n[[costs]]\nid = \"x\"\namount = 1\nwhen = \"start\"\npaid_by = \"payer\"\n",
            "costs[1].id",
        ),
    ];
    for (costs, key) in broken {
        let err = scenario::parse(&format!("{WORKED}\n{costs}"), "c.toml").unwrap_err();
        assert!(
            err.diagnostics.iter().any(|d| d.key == key),
            "no error at {key}: {err}"
        );
    }
}

// ------------------------------------------------------ calc --json keys

#[test]
fn calc_json_gains_the_round_2_keys() {
    let s = scenario::parse(
        &format!(
            "{}{COSTS}",
            WORKED.replace(
                "payer_value_share = 0.6",
                "payer_value_share = 0.6\npayer_cash_share = 0.5"
            )
        ),
        "costs.toml",
    )
    .unwrap();
    let v = calc_json(&s, &model::figures(&s), effekt::format::Lang::En);
    assert_eq!(v["flows"]["others"][0], "100000");
    assert_eq!(v["totals"]["other_costs"], "180000");
    assert_eq!(v["totals"]["investor_upside"], "0");
    assert_eq!(v["payer"]["max_commitment"], "2225000");
    // Budget net: 4 525 000 payer flows − 3 375 000 non-cash.
    assert_eq!(v["payer"]["budget_net"], "1150000");
    assert!(v["payer"]["budget_npv"].is_string());
    let rows = v["budget"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let mut keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "cash_savings",
            "fees",
            "net",
            "outcome_payments",
            "refunds",
            "year"
        ]
    );
    // Year 1: 675 000 cash − 100 000 − 405 000 − 50 000 legal = 120 000.
    assert_eq!(rows[0]["year"], 1);
    assert_eq!(rows[0]["net"], "120000");
    for id in ["expected.absence", "excess_investor_share", "hurdle_rate"] {
        assert!(v["levers"][id].is_string(), "no lever {id}");
    }
    let no_cap = calc_json(
        &worked_with(&[("cap = 2_500_000\n", "")]),
        &model::figures(&worked_with(&[("cap = 2_500_000\n", "")])),
        effekt::format::Lang::En,
    );
    assert!(no_cap["payer"]["max_commitment"].is_null());
    assert!(
        no_cap["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["kind"] == "no_cap")
    );
}
