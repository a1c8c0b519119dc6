//! Goal seek (`effekt solve`, the `g` dialog): the lever value that makes
//! a figure hit a target, checked against direct evaluations; targets out
//! of reach and bad goals.

use effekt::levers;
use effekt::model;
use effekt::risk::{self, Figure, Goal, SolveError};
use effekt::scenario::Scenario;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::risk::{NOISY, SYKEFRAVAER, WORKED, bare, parse, with};

fn goal(lever: &str, figure: Figure, target: Decimal, at: Option<Decimal>) -> Goal {
    Goal {
        lever: lever.into(),
        figure,
        target,
        achievement: at,
        tolerance: None,
    }
}

/// Evaluates the figure with the lever set as the solution says.
fn check(s: &Scenario, g: &Goal) -> risk::Solution {
    let sol = risk::solve(s, g).unwrap_or_else(|e| panic!("{e}"));
    let mut direct = s.clone();
    if let Some(a) = g.achievement {
        direct = levers::set(&direct, "achievement", a).unwrap();
    }
    direct = levers::set(&direct, &g.lever, sol.value).unwrap();
    let f = risk::figure_value(&direct, g.figure).unwrap();
    assert_eq!(f, sol.figure_value);
    assert!(
        (f - g.target).abs() <= sol.tolerance,
        "{}: {f} vs {}",
        g.lever,
        g.target
    );
    assert_eq!(sol.tolerance, g.figure.default_tolerance());
    assert!(sol.value >= sol.lever.min && sol.value <= sol.lever.max);
    assert_eq!(*sol.scenario, direct);
    sol
}

#[test]
fn price_for_a_six_per_cent_return() {
    let s = parse(bare(SYKEFRAVAER));
    let sol = check(
        &s,
        &goal(
            "price.absence",
            Figure::InvestorIrr,
            dec!(0.06),
            Some(dec!(1)),
        ),
    );
    // Below today's 1 100 kr, which pays the capped 7 %.
    assert!(sol.value < dec!(1100), "{}", sol.value);
}

#[test]
fn figures_of_every_kind_can_be_solved() {
    let s = parse(WORKED);
    check(
        &s,
        &goal("price.absence", Figure::InvestorMoic, dec!(1), None),
    );
    check(
        &s,
        &goal(
            "price.absence",
            Figure::OutcomePayments,
            dec!(2000000),
            None,
        ),
    );
    // A target taken from inside the figure's range at 50 %.
    let at_half = levers::set(&s, "achievement", dec!(0.5)).unwrap();
    let mid = levers::set(&at_half, "price.absence", dec!(900)).unwrap();
    let target = model::evaluate(&mid).payer.npv.round_dp(0);
    check(
        &s,
        &goal("price.absence", Figure::PayerNpv, target, Some(dec!(0.5))),
    );
    let target = model::evaluate(&mid).public.npv.round_dp(0);
    check(
        &s,
        &goal("price.absence", Figure::PublicNpv, target, Some(dec!(0.5))),
    );
}

#[test]
fn threshold_that_keeps_paying_for_noise_rare() {
    let s = with(bare(SYKEFRAVAER), NOISY);
    let sol = check(
        &s,
        &goal("threshold.absence", Figure::PNoisePayment, dec!(0.1), None),
    );
    let p = risk::p_noise_payment(&sol.scenario).value();
    assert!((p - dec!(0.1)).abs() <= dec!(0.005), "{p}");
}

#[test]
fn unreachable_targets_say_so() {
    let s = parse(bare(SYKEFRAVAER));
    let g = goal(
        "price.absence",
        Figure::InvestorIrr,
        dec!(0.5),
        Some(dec!(1)),
    );
    let Err(SolveError::Unreachable(miss)) = risk::solve(&s, &g) else {
        panic!("50 % is above the 7 % return cap");
    };
    let (lo, hi) = miss.range.unwrap();
    assert!(lo < hi && hi < dec!(0.5), "{lo} {hi}");
    let (value, figure) = miss.best.unwrap();
    assert_eq!(figure, hi);
    let direct = levers::set(
        &levers::set(&s, "achievement", Decimal::ONE).unwrap(),
        "price.absence",
        value,
    )
    .unwrap();
    assert_eq!(
        risk::figure_value(&direct, Figure::InvestorIrr),
        Some(figure)
    );
    assert_eq!(miss.lever.id, "price.absence");
    assert!(miss.jump.is_none());

    // A trigger threshold makes payments jump: no threshold gives
    // outcome payments of 1 000 kroner (they are 0, 270 000 or 337 500).
    let s = parse(WORKED);
    let g = goal(
        "threshold.absence",
        Figure::OutcomePayments,
        dec!(1000),
        Some(dec!(0.1)),
    );
    match risk::solve(&s, &g) {
        Err(SolveError::Unreachable(m)) => assert!(m.jump.is_some(), "{m:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_goals_are_refused() {
    let s = parse(bare(SYKEFRAVAER));
    let e = risk::solve(&s, &goal("prise.absence", Figure::PayerNpv, dec!(0), None)).unwrap_err();
    assert!(
        e.to_string().contains("did you mean `price.absence`?"),
        "{e}"
    );
    let nb = effekt::i18n::errors::solve_error(effekt::format::Lang::Nb, &e);
    assert_eq!(nb, "ukjent spak `prise.absence`; mente du `price.absence`?");
    let e = risk::solve(
        &s,
        &goal("achievement", Figure::PayerNpv, dec!(0), Some(dec!(0.5))),
    );
    let e = e.unwrap_err();
    assert_eq!(e, SolveError::AchievementTwice);
    // Each error in bokmål without English in it.
    let nb = effekt::i18n::errors::solve_error(effekt::format::Lang::Nb, &e);
    assert!(
        nb.starts_with("måloppnåelsen er spaken det løses for"),
        "{nb}"
    );
    let g = goal(
        "price.absence",
        Figure::InvestorIrr,
        dec!(0.5),
        Some(dec!(1)),
    );
    let e = risk::solve(&s, &g).unwrap_err();
    let nb = effekt::i18n::errors::solve_error(effekt::format::Lang::Nb, &e);
    assert!(
        nb.starts_with("ingen verdi av `price.absence` fra ")
            && nb.ends_with(" gir investor_irr = 0,5"),
        "{nb}"
    );
    let en = effekt::i18n::errors::solve_error(effekt::format::Lang::En, &e);
    assert!(en.starts_with("no value of `price.absence` from "), "{en}");
    let e = risk::solve(&s, &goal("cap", Figure::PayerNpv, dec!(0), Some(dec!(5))));
    assert!(matches!(e, Err(SolveError::Lever(_))));
    assert_eq!(
        Figure::from_id("p_noise_payment"),
        Some(Figure::PNoisePayment)
    );
    for f in Figure::ALL {
        assert_eq!(Figure::from_id(f.id()), Some(f));
    }
}
