//! Benchmarks of the model. Targets: one evaluation of a pilot ≤ 100 µs; a
//! 61-point payoff curve ≤ 5 ms; all figures with the three break-evens
//! ≤ 5 ms; one evaluation of a 480-period monthly scenario ≤ 2 ms. Every
//! Norwegian municipality in one pilot (357 sites, 120 months,
//! `benches/common/municipalities.rs`): one evaluation fast enough for a lever step with
//! render ≤ 16 ms, all figures with break-evens ≤ 50 ms (docs/model.md §9).
//!
//! `cargo bench --bench model -- --warm-up-time 1 --measurement-time 3`

#[path = "common/municipalities.rs"]
mod large;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use effekt::model;
use effekt::scenario::{self, Scenario};
use rust_decimal::Decimal;

fn pilot(file: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(file);
    scenario::load_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// 40 years in months: two flow outcomes over a cohort and one event outcome
/// over a monthly intake, recycling, a payment cap.
fn monthly_480() -> Scenario {
    let intake: Vec<String> = (0..480).map(|t| (20 + t % 7).to_string()).collect();
    let cost: Vec<String> = (0..480)
        .map(|t| (150_000 + 1_000 * (t % 12)).to_string())
        .collect();
    let text = format!(
        r#"format = 1

[scenario]
id = "monthly"
title = "480 months"

[timeline]
periods = 480
period = "month"

[parties]
payer = "Kommunen"
cofunder = "Staten"
guarantor = "Stiftelse"

[cohort]
size = 2000
intake = [{intake}]

[delivery]
cost = [{cost}]

[[outcomes]]
id = "absence"
better = "lower"
baseline = 10
target = 9
threshold = 9.8
ramp_periods = 24
units_per_point = 2.25
counterfactual = "historical_baseline"
drift = 0.001
price = 600
value = 2500
payer_value_share = 0.6

[[outcomes]]
id = "turnover"
better = "lower"
baseline = 18
target = 15
threshold = 17
threshold_rule = "deductible"
ramp_periods = 12
units_per_point = 0.01
price = 20_000
value = 90_000
payer_value_share = 0.8

[[outcomes]]
id = "job_start"
kind = "event"
better = "higher"
baseline = 20
target = 35
lag = 3
pay_beyond_target = true
price = 60_000
value = 150_000
payer_value_share = 0.3

[payment]
cap = 150_000_000
guaranteed_share = 0.1
cofunder_share = 0.25

[investment]
capital = 30_000_000
return_cap = 0.08
first_loss = 0.3
recycle = true

[provider]
fee_at_risk = 0.1

[assumptions]
achievement = 0.8
discount_rate = 0.04
"#,
        intake = intake.join(", "),
        cost = cost.join(", "),
    );
    scenario::parse(&text, "monthly.toml").unwrap_or_else(|e| panic!("{e}"))
}

/// Every Norwegian municipality in one pilot, monthly over ten years.
fn municipalities() -> Scenario {
    let text = large::municipalities(large::MUNICIPALITIES, 120);
    scenario::parse(&text, "kommuner.toml").unwrap_or_else(|e| panic!("{e}"))
}

fn benches(c: &mut Criterion) {
    let pilots = [
        ("sykefravaer", pilot("sykefravaer.toml")),
        ("rekruttering", pilot("rekruttering.toml")),
    ];

    let mut g = c.benchmark_group("evaluate");
    for (name, s) in &pilots {
        g.bench_function(*name, |b| b.iter(|| model::evaluate(black_box(s))));
    }
    let monthly = monthly_480();
    g.bench_function("monthly_480", |b| {
        b.iter(|| model::evaluate(black_box(&monthly)))
    });
    let municipalities = municipalities();
    g.bench_function("municipalities_357", |b| {
        b.iter(|| model::evaluate(black_box(&municipalities)))
    });
    g.finish();

    let mut g = c.benchmark_group("payoff_curve_61");
    let max = Decimal::new(15, 1);
    for (name, s) in &pilots {
        g.bench_function(*name, |b| {
            b.iter(|| model::payoff_curve(black_box(s), max, 61))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("figures_with_break_evens");
    for (name, s) in &pilots {
        g.bench_function(*name, |b| b.iter(|| model::figures(black_box(s))));
    }
    g.sample_size(20);
    g.bench_function("municipalities_357", |b| {
        b.iter(|| model::figures(black_box(&municipalities)))
    });
    g.finish();

    let mut g = c.benchmark_group("municipalities_357");
    g.sample_size(20);
    g.bench_function("payoff_curve_61", |b| {
        b.iter(|| model::payoff_curve(black_box(&municipalities), max, 61))
    });
    g.bench_function("risk_table", |b| {
        b.iter(|| model::risk_table(black_box(&municipalities)))
    });
    g.bench_function("break_even", |b| {
        b.iter(|| model::break_even(black_box(&municipalities)))
    });
    g.bench_function("prepare", |b| {
        b.iter(|| model::Prepared::new(black_box(&municipalities)))
    });
    g.finish();
}

criterion_group!(model_benches, benches);
criterion_main!(model_benches);
