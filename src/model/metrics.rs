//! Rates, NPV and IRR (`docs/model.md` §4).

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
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
    thread_local! {
        static LAST: std::cell::RefCell<[(Decimal, u32, Decimal); 2]> =
            const { std::cell::RefCell::new([(Decimal::ZERO, 0, Decimal::ZERO); 2]) };
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
        c[1] = c[0];
        c[0] = (annual, per_year, rate);
    });
    rate
}

/// Discount factors `1 / (1 + r_d)^τ` for `τ = 0..=T`.
pub(crate) fn discount_factors(s: &Scenario) -> Vec<Decimal> {
    let rate = per_period_rate(s.assumptions.discount_rate, s.timeline.per_year());
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

/// The internal rates of return of a series of flows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Irr {
    /// Every annualised root found, ascending.
    pub roots: Vec<Decimal>,
    /// The headline IRR: the only root, or the one of smallest magnitude.
    pub headline: Option<Decimal>,
}

/// Grid points over `ln(1 + r)` for per-period `r ∈ (−0.99, 10]`.
pub(crate) const GRID: usize = 1200;

/// The `i`-th grid point, `u = ln(1 + r)`.
pub(crate) fn grid_u(i: usize) -> f64 {
    let lo = 0.01f64.ln();
    let hi = 11f64.ln();
    lo + (hi - lo) * i as f64 / GRID as f64
}

/// Every IRR of `flows` (per-period roots in (−0.99, 10], annualised).
///
/// IRRs are found in `f64` by scanning for sign changes and bisecting each
/// bracket: a rate is not money, and the root is only ever shown rounded.
pub fn irr(flows: &[Decimal], per_year: u32) -> Irr {
    let f: Vec<f64> = flows.iter().map(|d| d.to_f64().unwrap_or(0.0)).collect();
    if f.iter().all(|v| *v >= 0.0) || f.iter().all(|v| *v <= 0.0) {
        return Irr::default();
    }
    let u_at = grid_u;
    let mut roots_u = Vec::new();
    let mut prev_u = u_at(1);
    let mut prev = npv_sign(&f, prev_u);
    if prev == 0.0 {
        roots_u.push(prev_u);
    }
    for i in 2..=GRID {
        let u = u_at(i);
        let v = npv_sign(&f, u);
        if v == 0.0 {
            roots_u.push(u);
        } else if prev != 0.0 && (v > 0.0) != (prev > 0.0) {
            roots_u.push(bisect(&f, prev_u, u, prev));
        }
        prev_u = u;
        prev = v;
    }
    let per_period: Vec<f64> = roots_u.iter().map(|u| u.exp() - 1.0).collect();
    let headline = per_period
        .iter()
        .copied()
        .min_by(|a, b| a.abs().total_cmp(&b.abs()));
    let annual = |u: f64| -> Option<Decimal> {
        let r = (u * f64::from(per_year)).exp() - 1.0;
        Decimal::from_f64(r).map(|d| d.round_dp(10))
    };
    Irr {
        roots: roots_u.iter().filter_map(|u| annual(*u)).collect(),
        headline: headline.and_then(|r| annual((1.0 + r).ln())),
    }
}

/// A value with the sign of NPV at per-period rate `e^u − 1`, scaled so that
/// no power overflows: `Σ f_τ e^{−uτ}` for `u ≥ 0`, `Σ f_τ e^{u(T−τ)}` below.
pub(crate) fn npv_sign(f: &[f64], u: f64) -> f64 {
    if u >= 0.0 {
        let z = (-u).exp();
        f.iter().rev().fold(0.0, |acc, v| acc * z + v)
    } else {
        let w = u.exp();
        f.iter().fold(0.0, |acc, v| acc * w + v)
    }
}

pub(crate) fn bisect(f: &[f64], mut a: f64, mut b: f64, fa: f64) -> f64 {
    let positive_at_a = fa > 0.0;
    for _ in 0..200 {
        let m = 0.5 * (a + b);
        if m <= a || m >= b {
            break;
        }
        let v = npv_sign(f, m);
        if v == 0.0 {
            return m;
        }
        if (v > 0.0) == positive_at_a {
            a = m;
        } else {
            b = m;
        }
    }
    0.5 * (a + b)
}
