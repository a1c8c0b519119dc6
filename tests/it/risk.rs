//! The risk view: `[uncertainty]` in the format, measurement noise in the
//! model, Monte Carlo, tornado and goal seek, and the three commands.

use std::str::FromStr;
use std::sync::atomic::AtomicBool;

use effekt::levers;
use effekt::model;
use effekt::risk::{self, AchievementDraw, Settings, Side, TornadoFigure};
use effekt::scenario::{self, AchievementSpread, OutcomeNoise, Scenario, Uncertainty};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;

pub(crate) const WORKED: &str = include_str!("../fixtures/worked_example.toml");
pub(crate) const SYKEFRAVAER: &str = include_str!("../../scenarios/sykefravaer.toml");
const REKRUTTERING: &str = include_str!("../../scenarios/rekruttering.toml");
const FINLAND: &str = include_str!("../../scenarios/finland_tyhy.toml");
const PETERBOROUGH: &str = include_str!("../../scenarios/peterborough.toml");

/// A bundled scenario without its own `[uncertainty]` table, so that tests
/// can add theirs (the bundled tables are tested through the CLI).
pub(crate) fn bare(text: &'static str) -> &'static str {
    match text.find("\n# Uncertainty, for the risk view") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// Absence noise of 0.3 points a half-year, the achievement spread wider.
pub(crate) const NOISY: &str = "
[uncertainty]
achievement = \"normal\"
achievement_sd = 0.3
draws = 3000
seed = 7

[uncertainty.noise]
absence = 0.3
";

pub(crate) fn parse(text: &str) -> Scenario {
    scenario::parse(text, "test.toml").unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn with(text: &str, extra: &str) -> Scenario {
    parse(&format!("{text}\n{extra}"))
}

fn all() -> Vec<Scenario> {
    [
        WORKED,
        bare(SYKEFRAVAER),
        bare(REKRUTTERING),
        bare(FINLAND),
        bare(PETERBOROUGH),
    ]
    .iter()
    .map(|t| parse(t))
    .collect()
}

/// Φ, the standard normal distribution function (Abramowitz–Stegun 7.1.26,
/// error below 1.5e-7).
fn phi(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

// ------------------------------------------------------------- the format

#[test]
fn defaults_without_the_table() {
    let s = parse(WORKED);
    assert_eq!(s.uncertainty, Uncertainty::default());
    assert!(s.uncertainty.assumed);
    assert_eq!(
        s.uncertainty.achievement,
        AchievementSpread::Normal { sd: dec!(0.25) }
    );
    assert_eq!((s.uncertainty.draws, s.uncertainty.seed), (10_000, 2026));
    let settings = Settings::from_scenario(&s);
    assert_eq!(
        settings.achievement,
        AchievementDraw::Normal {
            mean: dec!(0.8),
            sd: dec!(0.25)
        }
    );
    assert_eq!(settings.noise_sd, vec![Decimal::ZERO]);
}

#[test]
fn the_table_is_read() {
    let s = with(
        WORKED,
        "[uncertainty]\nachievement = \"triangular\"\nachievement_min = 0.2\nachievement_max = 1.1\n\
         draws = 500\nseed = 9\n[uncertainty.noise]\nabsence = 0.15\n",
    );
    let u = &s.uncertainty;
    assert!(!u.assumed);
    assert_eq!(
        u.achievement,
        AchievementSpread::Triangular {
            min: dec!(0.2),
            mode: None,
            max: dec!(1.1)
        }
    );
    assert_eq!((u.draws, u.seed), (500, 9));
    assert_eq!(
        u.noise,
        vec![OutcomeNoise {
            outcome: "absence".into(),
            sd: dec!(0.15)
        }]
    );
    // Without a mode the triangle peaks at the achievement lever (0.8).
    let settings = Settings::from_scenario(&s);
    assert_eq!(
        settings.achievement,
        AchievementDraw::Triangular {
            min: dec!(0.2),
            mode: dec!(0.8),
            max: dec!(1.1)
        }
    );
    // ... kept within min..max when the lever moves outside.
    let moved = levers::set(&s, "achievement", dec!(1.5)).unwrap();
    assert_eq!(
        Settings::from_scenario(&moved).achievement,
        AchievementDraw::Triangular {
            min: dec!(0.2),
            mode: dec!(1.1),
            max: dec!(1.1)
        }
    );
}

fn errors(extra: &str) -> String {
    let text = format!("{WORKED}\n{extra}");
    match scenario::parse(&text, "bad.toml") {
        Ok(_) => panic!("expected errors for {extra}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn mistakes_are_located_and_explained() {
    let extra = "[uncertainty.noise]\nabsense = 0.3\n";
    let e = errors(extra);
    assert!(e.contains("unknown outcome `absense`"), "{e}");
    assert!(e.contains("did you mean `absence`?"), "{e}");
    let line = format!("{WORKED}\n{extra}")
        .lines()
        .position(|l| l.starts_with("absense"))
        .unwrap()
        + 1;
    assert!(e.contains(&format!("bad.toml:{line}:1:")), "{e}");

    let e = errors(
        "[uncertainty]\nachievement = \"triangular\"\nachievement_min = 0.5\nachievement_mode = 0.3\nachievement_max = 1\n",
    );
    assert!(e.contains("achievement_mode 0.3 must lie between"), "{e}");

    let e = errors("[uncertainty]\nachievement = \"triangular\"\nachievement_max = 1\n");
    assert!(e.contains("needs `achievement_min`"), "{e}");

    let e = errors("[uncertainty]\nachievement_sd = -0.1\n");
    assert!(e.contains("uncertainty.achievement_sd"), "{e}");

    let e = errors("[uncertainty]\ndraws = 0\n");
    assert!(e.contains("allowed: 1 to 1000000"), "{e}");

    let e = errors("[uncertainty]\nachievement_min = 0.2\n");
    assert!(
        e.contains("`achievement_min` is only for achievement = \"triangular\""),
        "{e}"
    );

    let e = errors("[uncertainty]\nachievment_sd = 0.2\n");
    assert!(e.contains("did you mean `achievement_sd`?"), "{e}");

    let e = errors("[uncertainty.noise]\nabsence = -0.3\n");
    assert!(e.contains("is negative"), "{e}");

    // Rules hold for scenarios changed in code too (the TUI).
    let mut s = parse(WORKED);
    s.uncertainty.draws = 2_000_000;
    assert!(
        scenario::validate(&s)
            .iter()
            .any(|i| i.path == "uncertainty.draws")
    );
}

// ------------------------------------------------------------- the model

#[test]
fn no_noise_is_the_plain_run() {
    for s in all() {
        for a in [dec!(0), dec!(0.5), dec!(1), dec!(1.5)] {
            let plain = model::run(&s, a);
            assert_eq!(model::run_with_noise(&s, a, &[]), plain);
            let zeros = vec![Decimal::ZERO; s.outcomes.len() * s.timeline.periods];
            let zero = model::run_with_noise(&s, a, &zeros);
            assert_eq!(zero.outcome_payments, plain.outcome_payments);
            assert_eq!(zero.flows, plain.flows);
        }
    }
}

#[test]
fn noise_moves_what_is_measured_not_what_is_true() {
    // Worked example at zero effect: HI = 0.2 points; volume 2 250 units
    // per point. Noise 0.25 in period 1 crosses the trigger: 0.25 · 2 250 =
    // 562.5 units at 600 = 337 500. Noise 0.1 in period 2 does not.
    let s = parse(WORKED);
    let r = model::run_with_noise(&s, Decimal::ZERO, &[dec!(0.25), dec!(0.1), dec!(-0.4)]);
    let o = &r.outcomes[0];
    assert_eq!(o.units, vec![dec!(562.5), Decimal::ZERO, Decimal::ZERO]);
    assert_eq!(o.payments, vec![dec!(337500), Decimal::ZERO, Decimal::ZERO]);
    assert!(o.true_units.iter().all(|u| u.is_zero()));
    assert!(o.value.iter().all(|v| v.is_zero()));

    // Noise beyond the target is capped at TI as usual: at α = 1 in period 3,
    // M = 1 + 0.5 → paid for 1 point.
    let r = model::run_with_noise(&s, Decimal::ONE, &[dec!(0), dec!(0), dec!(0.5)]);
    assert_eq!(r.outcomes[0].units[2], dec!(2250));

    // Event outcome: rekruttering's job starts, baseline 20 %, target 40 %,
    // four municipalities. Noise +70 points at the first (Storby) clamps
    // its measured rate at 100 %: 80 points paid for its 64 participants
    // measured in period 2 (lag 1) = 51.2 units, and the others' 20 points
    // for their 96 = 19.2; true units stay 160 · 20 % = 32.
    let s = parse(bare(REKRUTTERING));
    let mut noise = vec![Decimal::ZERO; 2 * s.timeline.periods];
    noise[1] = dec!(70);
    let r = model::run_with_noise(&s, Decimal::ONE, &noise);
    let plain = model::run(&s, Decimal::ONE);
    assert_eq!(r.outcomes[0].units[1], dec!(70.4));
    assert_eq!(plain.outcomes[0].true_units[1], dec!(32));
    assert_eq!(r.outcomes[0].true_units, plain.outcomes[0].true_units);
    assert_eq!(r.outcomes[1], plain.outcomes[1]);
    assert_eq!(r.totals.value, plain.totals.value);
}

// ------------------------------------------------------------- Monte Carlo

fn settings(s: &Scenario, draws: u32) -> Settings {
    Settings {
        draws,
        ..Settings::from_scenario(s)
    }
}

#[test]
fn same_seed_same_results_other_seed_other_results() {
    let s = with(bare(SYKEFRAVAER), NOISY);
    let a = risk::simulate_quiet(&s, &settings(&s, 1500));
    let b = risk::simulate_quiet(&s, &settings(&s, 1500));
    assert_eq!(a, b);
    let other = Settings {
        seed: 8,
        ..settings(&s, 1500)
    };
    let c = risk::simulate_quiet(&s, &other);
    assert_ne!(a.outcome_payments, c.outcome_payments);
    assert_ne!(a.achievement, c.achievement);
}

#[test]
fn chunking_and_progress_do_not_change_the_draws() {
    let s = with(bare(SYKEFRAVAER), NOISY);
    let set = settings(&s, 1000);
    let whole = risk::simulate_quiet(&s, &set);
    let mut sim = risk::Simulator::new(&s, &set);
    while !sim.is_done() {
        sim.step(7);
    }
    assert_eq!(sim.finish(), whole);

    let mut seen = Vec::new();
    let cancel = AtomicBool::new(false);
    let out = risk::simulate(&s, &set, &cancel, &mut |done, total| {
        seen.push((done, total))
    })
    .unwrap();
    assert_eq!(out, whole);
    assert_eq!(seen.last(), Some(&(1000, 1000)));
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(seen.len(), 1000usize.div_ceil(risk::CHUNK as usize));
}

#[test]
fn cancelled_before_it_starts() {
    let s = parse(bare(SYKEFRAVAER));
    let cancel = AtomicBool::new(true);
    let mut calls = 0;
    let r = risk::simulate(&s, &settings(&s, 5000), &cancel, &mut |_, _| calls += 1);
    assert_eq!(r, Err(risk::Cancelled));
    assert_eq!(calls, 0);
}

#[test]
fn zero_spread_gives_the_deterministic_figures() {
    for s in all() {
        let mut set = settings(&s, 40);
        set.achievement = AchievementDraw::Normal {
            mean: s.assumptions.achievement,
            sd: Decimal::ZERO,
        };
        set.noise_sd = vec![Decimal::ZERO; s.outcomes.len()];
        let sim = risk::simulate_quiet(&s, &set);
        let e = model::evaluate(&s);
        let id = &s.info.id;
        for (name, dist, want) in [
            (
                "outcome_payments",
                &sim.outcome_payments,
                e.run.totals.outcome_payments,
            ),
            ("payer_npv", &sim.payer_npv, e.payer.npv),
            ("public_npv", &sim.public_npv, e.public.npv),
            ("investor_net", &sim.investor_net, e.investor.net),
            ("achievement", &sim.achievement, s.assumptions.achievement),
        ] {
            for got in [dist.min, dist.p10, dist.p50, dist.p90, dist.max, dist.mean] {
                assert_eq!(got, want, "{id} {name}");
            }
            assert_eq!(dist.histogram.counts, vec![40], "{id} {name}");
        }
        match e.investor.irr.headline {
            Some(irr) => {
                for got in [
                    sim.investor_irr.p10,
                    sim.investor_irr.p50,
                    sim.investor_irr.p90,
                ] {
                    assert_eq!(got, irr, "{id} irr");
                }
                assert_eq!(sim.without_irr, 0);
            }
            None => assert_eq!(sim.without_irr, 40),
        }
        let all_or_none = |yes: bool| if yes { 40 } else { 0 };
        let t = &e.run.totals;
        assert_eq!(
            sim.any_payment.count,
            all_or_none(t.outcome_payments > Decimal::ZERO)
        );
        assert_eq!(
            sim.cap_binds.count,
            all_or_none(e.run.cap_reached.is_some())
        );
        assert_eq!(
            sim.investor_loss.count,
            all_or_none(e.investor.net < Decimal::ZERO)
        );
        assert_eq!(
            sim.investor_loss_before_guarantee.count,
            all_or_none(t.drawn > Decimal::ZERO && t.investor_received < t.drawn)
        );
    }
}

#[test]
fn investor_loss_follows_the_normal_distribution_function() {
    // Only the achievement varies: the investor loses (before the
    // guarantee) exactly when α is below the principal break-even, so
    // P(loss) = Φ((be − μ)/σ), within sampling error.
    let s = parse(WORKED);
    let be = model::break_even(&s).principal.unwrap().to_f64().unwrap();
    for (mean, sd) in [("1", "0.25"), ("0.8", "0.25"), ("0.7", "0.1")] {
        let mut set = settings(&s, 10_000);
        set.achievement = AchievementDraw::Normal {
            mean: Decimal::from_str(mean).unwrap(),
            sd: Decimal::from_str(sd).unwrap(),
        };
        let sim = risk::simulate_quiet(&s, &set);
        let (mu, sigma) = (mean.parse::<f64>().unwrap(), sd.parse::<f64>().unwrap());
        let p = phi((be - mu) / sigma);
        let se = (p * (1.0 - p) / 10_000.0).sqrt();
        let got = sim.investor_loss_before_guarantee.value().to_f64().unwrap();
        assert!(
            (got - p).abs() <= 4.0 * se,
            "μ {mean} σ {sd}: {got} vs Φ = {p} (se {se})"
        );
    }
}

#[test]
fn noise_alone_makes_payments_random() {
    let s = with(bare(SYKEFRAVAER), NOISY);
    let mut set = settings(&s, 2000);
    set.achievement = AchievementDraw::Fixed(Decimal::ONE);
    let sim = risk::simulate_quiet(&s, &set);
    assert!(sim.outcome_payments.p10 < sim.outcome_payments.p90);
    // The true effect is known: the value (and so what the rest of the
    // public sector receives) does not move; public NPV moves only through
    // refunds of the cap's excess, so check the achievement instead.
    assert_eq!(sim.achievement.min, Decimal::ONE);
    assert_eq!(sim.achievement.max, Decimal::ONE);
    // The share of draws that pay at zero effect is the noise figure.
    let p = risk::p_noise_payment(&s);
    assert_eq!(p.of, risk::NOISE_DRAWS);
    assert!(p.count > 0 && p.count < p.of, "{p:?}");
    assert_eq!(
        risk::p_noise_payment(&parse(bare(SYKEFRAVAER))).value(),
        Decimal::ZERO
    );
}

// ------------------------------------------------------------- tornado

#[test]
fn tornado_is_sorted_and_equals_direct_evaluations() {
    for s in all() {
        let t = risk::tornado(&s);
        let shown = levers::shown(&s);
        assert_eq!(t.bars.len(), shown.len());
        let base = model::evaluate(&s);
        assert_eq!(t.base.payer_npv, base.payer.npv);
        assert_eq!(t.base.investor_irr, base.investor.irr.headline);
        let swings: Vec<Decimal> = t
            .bars
            .iter()
            .map(|b| b.swing(TornadoFigure::PayerNpv))
            .collect();
        assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
        for b in &t.bars {
            for (side, steps) in [(&b.down, -1), (&b.up, 1)] {
                let value = levers::stepped(&b.lever, b.lever.value, steps);
                match side {
                    Side::AtLimit => assert_eq!(value, b.lever.value),
                    Side::Refused { value: v, .. } => {
                        assert_eq!(*v, value);
                        assert!(levers::set_lever(&s, &b.lever, value).is_err());
                    }
                    Side::Moved {
                        value: v,
                        point,
                        payer_npv,
                        investor_irr,
                    } => {
                        assert_eq!(*v, value);
                        let moved = levers::set_lever(&s, &b.lever, value).unwrap();
                        let e = model::evaluate(&moved);
                        assert_eq!(point.payer_npv, e.payer.npv, "{}", b.lever.id);
                        assert_eq!(point.investor_irr, e.investor.irr.headline);
                        assert_eq!(*payer_npv, e.payer.npv - base.payer.npv);
                        assert_eq!(
                            *investor_irr,
                            e.investor
                                .irr
                                .headline
                                .zip(base.investor.irr.headline)
                                .map(|(a, b)| a - b)
                        );
                    }
                }
            }
        }
        let mut by_irr = t.clone();
        by_irr.sort_by(TornadoFigure::InvestorIrr);
        let swings: Vec<Decimal> = by_irr
            .bars
            .iter()
            .map(|b| b.swing(TornadoFigure::InvestorIrr))
            .collect();
        assert!(swings.windows(2).all(|w| w[0] >= w[1]));
    }
}

#[test]
fn tornado_marks_levers_at_their_limit() {
    // Guaranteed share at 0: one step down is at the limit.
    let s = levers::set(&parse(bare(SYKEFRAVAER)), "guaranteed_share", Decimal::ZERO).unwrap();
    let t = risk::tornado(&s);
    let bar = t
        .bars
        .iter()
        .find(|b| b.lever.id == "guaranteed_share")
        .unwrap();
    assert_eq!(bar.down, Side::AtLimit);
    assert!(matches!(bar.up, Side::Moved { .. }));
}

#[test]
fn a_simulation_can_run_on_another_thread() {
    fn send<T: Send + 'static>(_: &T) {}
    let s = parse(bare(SYKEFRAVAER));
    let sim = risk::Simulator::new(&s, &settings(&s, 10));
    send(&sim);
    let handle = std::thread::spawn(move || {
        let mut sim = sim;
        sim.step(10);
        sim.finish()
    });
    assert_eq!(handle.join().unwrap().draws, 10);
}
