//! Benchmarks of the risk view. Targets (one core): 10 000 Monte Carlo
//! draws of a pilot ≤ 300 ms; the tornado ≤ 20 ms. Every Norwegian
//! municipality in one pilot (357 sites, 120 months, `benches/common/municipalities.rs`):
//! 10 000 draws ≤ 2 s on all the machine's cores (docs/model.md §9).
//!
//! `cargo bench --bench risk -- --warm-up-time 1 --measurement-time 5`

#[path = "common/municipalities.rs"]
mod large;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use effekt::risk::{self, Settings};
use effekt::scenario::{self, Scenario};

/// A bundled pilot with its own `[uncertainty]` (measurement noise
/// included), or without it (the default: achievement spread only).
fn pilot(text: &str, own_uncertainty: bool) -> Scenario {
    let text = match text.find("\n# Uncertainty, for the risk view") {
        Some(i) if !own_uncertainty => &text[..i],
        _ => text,
    };
    match scenario::parse(text, "bench.toml") {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    }
}

fn benches(c: &mut Criterion) {
    let sykefravaer = include_str!("../scenarios/sykefravaer.toml");
    let rekruttering = include_str!("../scenarios/rekruttering.toml");
    let cases = [
        ("sykefravaer", pilot(sykefravaer, false)),
        ("sykefravaer_noise", pilot(sykefravaer, true)),
        ("rekruttering_noise", pilot(rekruttering, true)),
    ];
    let mut g = c.benchmark_group("monte_carlo_10k");
    g.sample_size(10);
    for (name, s) in &cases {
        let settings = Settings {
            draws: 10_000,
            ..Settings::from_scenario(s)
        };
        g.bench_function(*name, |b| {
            b.iter(|| risk::simulate_quiet(black_box(s), black_box(&settings)))
        });
    }

    let municipalities = scenario::parse(
        &large::municipalities(large::MUNICIPALITIES, 120),
        "kommuner.toml",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let settings = Settings {
        draws: 10_000,
        ..Settings::from_scenario(&municipalities)
    };
    g.bench_function("municipalities_357", |b| {
        b.iter(|| risk::simulate_quiet(black_box(&municipalities), black_box(&settings)))
    });
    g.finish();

    let mut g = c.benchmark_group("tornado");
    for (name, s) in cases.iter().filter(|(n, _)| !n.ends_with("noise")) {
        g.bench_function(*name, |b| b.iter(|| risk::tornado(black_box(s))));
    }
    g.finish();

    let s = &cases[0].1;
    let goal = risk::Goal {
        lever: "price.absence".into(),
        figure: risk::Figure::InvestorIrr,
        target: rust_decimal::Decimal::new(6, 2),
        achievement: Some(rust_decimal::Decimal::ONE),
        tolerance: None,
    };
    c.bench_function("solve/price_for_irr", |b| {
        b.iter(|| risk::solve(black_box(s), black_box(&goal)))
    });
}

criterion_group!(risk_benches, benches);
criterion_main!(risk_benches);
