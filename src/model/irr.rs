//! The internal rate of return (`docs/model.md` §4), in one place.
//!
//! [`irr`] scans the investor's NPV at [`GRID`] rates for every sign change
//! and bisects each bracket; the headline is the root of smallest |r|.
//! [`headline`] finds the same headline with far fewer NPV evaluations, for
//! the thousands of draws of a Monte Carlo run:
//! - flows that change sign once (money out, then money in) have exactly one
//!   root (Descartes' rule of signs), and a binary search over the grid finds
//!   the scan's bracket;
//! - otherwise the grid is walked outwards from r = 0 in both directions,
//!   and the walk stops once no unvisited bracket can hold a root of smaller
//!   |r| than the best found.
//!
//! Both agree to the last bit (the tests below and `tests/it/risk.rs`).
//! IRRs are computed in `f64`: a rate is not money, and the root is only
//! ever shown rounded.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// The internal rates of return of a series of flows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Irr {
    /// Every annualised root found, ascending.
    pub roots: Vec<Decimal>,
    /// The headline IRR: the only root, or the one of smallest magnitude.
    pub headline: Option<Decimal>,
}

/// Grid points over `ln(1 + r)` for per-period `r ∈ (−0.99, 10]`.
pub const GRID: usize = 1200;

/// The `i`-th grid point, `u = ln(1 + r)`.
fn grid_u(i: usize) -> f64 {
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
    let mut roots_u = Vec::new();
    let mut prev_u = grid_u(1);
    let mut prev = npv_sign(&f, prev_u);
    if prev == 0.0 {
        roots_u.push(prev_u);
    }
    for i in 2..=GRID {
        let u = grid_u(i);
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
fn npv_sign(f: &[f64], u: f64) -> f64 {
    if u >= 0.0 {
        let z = (-u).exp();
        f.iter().rev().fold(0.0, |acc, v| acc * z + v)
    } else {
        let w = u.exp();
        f.iter().fold(0.0, |acc, v| acc * w + v)
    }
}

fn bisect(f: &[f64], mut a: f64, mut b: f64, fa: f64) -> f64 {
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

/// The headline IRR (annual) of `flows`, exactly as [`irr`] gives it, with
/// far fewer NPV evaluations (for thousands of Monte Carlo draws).
/// `buf` is scratch space, reused between calls.
pub(crate) fn headline(flows: &[Decimal], per_year: u32, buf: &mut Vec<f64>) -> Option<Decimal> {
    buf.clear();
    buf.extend(flows.iter().map(|d| d.to_f64().unwrap_or(0.0)));
    let f = buf.as_slice();
    if f.iter().all(|v| *v >= 0.0) || f.iter().all(|v| *v <= 0.0) {
        return None;
    }
    let mut changes = 0;
    let mut last = 0.0f64;
    for &v in f {
        if v != 0.0 {
            if last != 0.0 && (v > 0.0) != (last > 0.0) {
                changes += 1;
            }
            last = v;
        }
    }
    let u = if changes == 1 {
        unique_root(f)?
    } else {
        nearest_root(f)?
    };
    let r = u.exp() - 1.0;
    let annual = ((1.0 + r).ln() * f64::from(per_year)).exp() - 1.0;
    Decimal::from_f64(annual).map(|d| d.round_dp(10))
}

/// The root `u` the model's scan would find, given that there is at most one.
fn unique_root(f: &[f64]) -> Option<f64> {
    let (mut a, mut b) = (1, GRID);
    let fa = npv_sign(f, grid_u(a));
    if fa == 0.0 {
        return Some(grid_u(a));
    }
    let fb = npv_sign(f, grid_u(b));
    if fb != 0.0 && (fb > 0.0) == (fa > 0.0) {
        return None;
    }
    // Invariant: sign at `a` is fa's; at `b` it differs or is zero.
    while b - a > 1 {
        let m = (a + b) / 2;
        let v = npv_sign(f, grid_u(m));
        if v != 0.0 && (v > 0.0) == (fa > 0.0) {
            a = m;
        } else {
            b = m;
        }
    }
    let ub = grid_u(b);
    if npv_sign(f, ub) == 0.0 {
        return Some(ub);
    }
    let ua = grid_u(a);
    Some(bisect(f, ua, ub, npv_sign(f, ua)))
}

/// The scan's root of smallest |r|, walking outwards from r = 0.
///
/// The scan's event `i` (2 ≤ i ≤ GRID) is a root at `u_i` when NPV is 0
/// there, else a bisected root in `(u_{i−1}, u_i)` when the signs at both
/// ends are non-zero and differ; event 1 is a root at `u_1` when NPV is 0.
/// Every root of event `i` lies in `[u_{i−1}, u_i]`, so `|r| = |e^u − 1|`
/// is at least that interval's smallest value: events are visited in order
/// of that bound, and the walk ends once it exceeds the best root's |r|.
fn nearest_root(f: &[f64]) -> Option<f64> {
    let g = |u: f64| (u.exp() - 1.0).abs();
    // The first grid point at or above u = 0; event `m` straddles 0.
    let m = (1..=GRID).find(|&i| grid_u(i) >= 0.0)?.max(2);
    let mut best: Option<(f64, f64)> = None; // (|r|, u)
    let consider = |u: f64, best: &mut Option<(f64, f64)>| {
        let r = g(u);
        // Ties go to the smaller u, as the scan's `min_by` keeps the first.
        let better = match *best {
            None => true,
            Some((b, bu)) => r < b || (r == b && u < bu),
        };
        if better {
            *best = Some((r, u));
        }
    };
    let start = npv_sign(f, grid_u(m - 1));
    // Up: event `up` needs the value at `up − 1`.
    let (mut up, mut below_up) = (m, start);
    // Down: event `down` needs the value at `down` (and computes `down − 1`).
    let (mut down, mut at_down) = (m - 1, start);
    loop {
        let bound_up = (up <= GRID).then(|| if up == m { 0.0 } else { g(grid_u(up - 1)) });
        let bound_down = (down >= 1).then(|| g(grid_u(down)));
        let limit = best.map(|(b, _)| b).unwrap_or(f64::INFINITY);
        let go_up = match (bound_up, bound_down) {
            (Some(a), Some(b)) => a <= b,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if go_up {
            if bound_up.is_some_and(|b| b > limit) {
                break;
            }
            let (a, b) = (grid_u(up - 1), grid_u(up));
            let v = npv_sign(f, b);
            if v == 0.0 {
                consider(b, &mut best);
            } else if below_up != 0.0 && (v > 0.0) != (below_up > 0.0) {
                consider(bisect(f, a, b, below_up), &mut best);
            }
            below_up = v;
            up += 1;
        } else {
            if bound_down.is_some_and(|b| b > limit) {
                break;
            }
            if down == 1 {
                if at_down == 0.0 {
                    consider(grid_u(1), &mut best);
                }
                down = 0;
                continue;
            }
            let (a, b) = (grid_u(down - 1), grid_u(down));
            let v = npv_sign(f, a);
            if at_down == 0.0 {
                consider(b, &mut best);
            } else if v != 0.0 && (v > 0.0) != (at_down > 0.0) {
                consider(bisect(f, a, b, v), &mut best);
            }
            at_down = v;
            down -= 1;
        }
    }
    best.map(|(_, u)| u)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|&i| Decimal::from(i)).collect()
    }

    #[test]
    fn agrees_with_the_model() {
        let cases = [
            d(&[-800_000, -260_000, 280_000, 880_000]),
            d(&[-100, 110]),
            d(&[-100, 0, 0, 50]),
            d(&[-100, 5, 5, 5, 105]),
            d(&[-100, 0, 0, 0, 1_000_000]),
            d(&[-100, 1]),
            d(&[100, -300, 250]),
            d(&[-100, 300, -250]),
            d(&[0, 0, -100, 0, 120, 0]),
            d(&[100, 100]),
        ];
        let mut buf = Vec::new();
        let mut cases = cases.to_vec();
        // Random flows with every number of sign changes, some zeros.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..3000 {
            let len = 2 + (next() % 14) as usize;
            let flows: Vec<Decimal> = (0..len)
                .map(|_| match next() % 7 {
                    0 => Decimal::ZERO,
                    k => Decimal::from((next() % 2_000_000) as i64 - 1_000_000) * Decimal::from(k),
                })
                .collect();
            cases.push(flows);
        }
        let mut several = 0;
        for flows in &cases {
            for ppy in [1, 2, 4, 12] {
                let want = irr(flows, ppy);
                several += usize::from(want.roots.len() > 1);
                assert_eq!(
                    headline(flows, ppy, &mut buf),
                    want.headline,
                    "{flows:?} {ppy}"
                );
            }
        }
        // The hard case, several roots, is well represented.
        assert!(several > 100, "{several}");
    }
}
