//! Rates and NPV (`docs/model.md` §4); IRR is in [`super::irr`].

use rust_decimal::{Decimal, MathematicalOps};

use crate::scenario::Scenario;

/// Per-period rate for an annual rate: `(1 + annual)^(1/ppy) − 1`.
pub(crate) fn per_period_rate(annual: Decimal, per_year: u32) -> Decimal {
    if per_year <= 1 {
        return annual;
    }
    // The fractional power is slow and a scenario asks for the same few
    // rates thousands of times (break-evens, sweeps, Monte Carlo): the last
    // answers are remembered per thread. Same input, same output.
    // Four: the discount rate, the return cap, the hurdle rate, and one more.
    thread_local! {
        static LAST: std::cell::RefCell<[(Decimal, u32, Decimal); 4]> =
            const { std::cell::RefCell::new([(Decimal::ZERO, 0, Decimal::ZERO); 4]) };
    }
    if let Some(rate) = LAST.with(|c| {
        c.borrow()
            .iter()
            .find(|(a, p, _)| *a == annual && *p == per_year)
            .map(|(_, _, r)| *r)
    }) {
        return rate;
    }
    let exponent = Decimal::ONE / Decimal::from(per_year);
    let rate = (Decimal::ONE + annual)
        .checked_powd(exponent)
        .map(|g| g - Decimal::ONE)
        .unwrap_or(annual / Decimal::from(per_year));
    LAST.with(|c| {
        let mut c = c.borrow_mut();
        c.rotate_right(1);
        c[0] = (annual, per_year, rate);
    });
    rate
}

/// Discount factors `1 / (1 + r_d)^τ` for `τ = 0..=T` at the discount rate.
pub(crate) fn discount_factors(s: &Scenario) -> Vec<Decimal> {
    discount_factors_at(s, s.assumptions.discount_rate)
}

/// Discount factors for `τ = 0..=T` at an annual rate.
pub(crate) fn discount_factors_at(s: &Scenario, annual: Decimal) -> Vec<Decimal> {
    let rate = per_period_rate(annual, s.timeline.per_year());
    let step = Decimal::ONE + rate;
    let mut factors = Vec::with_capacity(s.timeline.periods + 1);
    let mut growth = Decimal::ONE;
    for _ in 0..=s.timeline.periods {
        factors.push(Decimal::ONE.checked_div(growth).unwrap_or(Decimal::ZERO));
        growth = growth.checked_mul(step).unwrap_or(Decimal::MAX);
    }
    factors
}

pub(crate) fn npv_with(flows: &[Decimal], factors: &[Decimal]) -> Decimal {
    flows.iter().zip(factors).map(|(f, d)| f * d).sum()
}
