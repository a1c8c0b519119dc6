//! Shares, percentiles and histograms of Monte Carlo draws.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// How many of the draws had some property: an estimate of a probability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    pub count: u32,
    /// The number of draws (0 only for an empty simulation).
    pub of: u32,
}

impl Share {
    /// `count / of` as an exact decimal (0 when there are no draws).
    pub fn value(&self) -> Decimal {
        if self.of == 0 {
            return Decimal::ZERO;
        }
        Decimal::from(self.count) / Decimal::from(self.of)
    }

    /// The standard error of the estimate, `√(p(1 − p)/n)`.
    pub fn std_error(&self) -> f64 {
        if self.of == 0 {
            return 0.0;
        }
        let n = f64::from(self.of);
        let p = f64::from(self.count) / n;
        (p * (1.0 - p) / n).sqrt()
    }
}

/// Equal-width bins from the smallest to the largest draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Histogram {
    /// Bin edges, one more than bins; bin `i` holds `edges[i] ≤ x < edges[i+1]`
    /// (the last bin includes its upper edge). The first and last edges are
    /// the smallest and largest draw; the others are rounded to 6 decimals.
    /// When every draw is the same there is one bin, `[x, x]`.
    pub edges: Vec<Decimal>,
    pub counts: Vec<u32>,
}

/// The spread of one figure over the draws. Percentiles are nearest-rank:
/// P10 is the smallest draw with at least 10 % of the draws at or below it,
/// so every percentile is a value some draw really had.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Distribution {
    /// Draws that have the figure (all, except for the IRR).
    pub count: u32,
    pub min: Decimal,
    pub p10: Decimal,
    pub p50: Decimal,
    pub p90: Decimal,
    pub max: Decimal,
    pub mean: Decimal,
    pub histogram: Histogram,
}

impl Distribution {
    /// Sorts `values` in place and summarises them in `bins` bins.
    pub(crate) fn of(values: &mut [Decimal], bins: usize) -> Distribution {
        let n = values.len();
        if n == 0 {
            return Distribution::default();
        }
        values.sort_unstable();
        let rank = |pct: usize| values[(n * pct).div_ceil(100).max(1) - 1];
        // Summed around the median: exact when every draw is the same, and
        // far from the limits of `Decimal`.
        let p50 = rank(50);
        let sum: Decimal = values.iter().fold(Decimal::ZERO, |acc, v| {
            acc.checked_add(*v - p50).unwrap_or(acc)
        });
        Distribution {
            count: u32::try_from(n).unwrap_or(u32::MAX),
            min: values[0],
            p10: rank(10),
            p50: rank(50),
            p90: rank(90),
            max: values[n - 1],
            mean: p50 + sum / Decimal::from(n),
            histogram: histogram(values, bins),
        }
    }
}

/// A histogram of sorted values.
fn histogram(sorted: &[Decimal], bins: usize) -> Histogram {
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
        return Histogram::default();
    };
    let bins = bins.max(1);
    if lo == hi {
        return Histogram {
            edges: vec![lo, hi],
            counts: vec![u32::try_from(sorted.len()).unwrap_or(u32::MAX)],
        };
    }
    let width = hi - lo;
    let edges = (0..=bins)
        .map(|i| {
            if i == bins {
                hi
            } else {
                (lo + width * Decimal::from(i) / Decimal::from(bins)).round_dp(6)
            }
        })
        .collect();
    let mut counts = vec![0u32; bins];
    let (lo_f, width_f) = (lo.to_f64().unwrap_or(0.0), width.to_f64().unwrap_or(1.0));
    for v in sorted {
        let x = (v.to_f64().unwrap_or(0.0) - lo_f) / width_f * bins as f64;
        // `as` saturates: NaN → 0, negatives → 0.
        let i = (x as usize).min(bins - 1);
        counts[i] += 1;
    }
    Histogram { edges, counts }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|&i| Decimal::from(i)).collect()
    }

    #[test]
    fn nearest_rank_percentiles() {
        let mut v = ds(&[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        let d = Distribution::of(&mut v, 5);
        assert_eq!((d.p10, d.p50, d.p90), (1.into(), 5.into(), 9.into()));
        assert_eq!((d.min, d.max), (1.into(), 10.into()));
        assert_eq!(d.mean, Decimal::new(55, 1));
        assert_eq!(d.histogram.counts, vec![2, 2, 2, 2, 2]);
        assert_eq!(d.histogram.edges.len(), 6);
        let mut one = ds(&[7]);
        let d = Distribution::of(&mut one, 30);
        assert_eq!((d.p10, d.p50, d.p90), (7.into(), 7.into(), 7.into()));
        assert_eq!(d.histogram.counts, vec![1]);
    }

    #[test]
    fn share_value_and_error() {
        let s = Share { count: 25, of: 100 };
        assert_eq!(s.value(), Decimal::new(25, 2));
        assert!((s.std_error() - (0.25f64 * 0.75 / 100.0).sqrt()).abs() < 1e-12);
        assert_eq!(Share::default().value(), Decimal::ZERO);
    }
}
