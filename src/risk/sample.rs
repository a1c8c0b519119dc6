//! Seeded draws of the achievement and the measurement noise.
//!
//! Two ChaCha8 streams from one seed: stream 0 for the achievement, stream 1
//! for the noise. So changing the noise leaves the achievement draws alone,
//! and two simulations with the same seed share their random numbers
//! (common random numbers): a lever change moves the result smoothly instead
//! of re-rolling every draw.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// How the true achievement α of each draw is found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AchievementDraw {
    /// The same in every draw (only the noise varies).
    Fixed(Decimal),
    /// Normal, truncated at 8 standard deviations, then kept within 0 to 10.
    Normal { mean: Decimal, sd: Decimal },
    /// Triangular from `min` to `max` with its peak at `mode`.
    Triangular {
        min: Decimal,
        mode: Decimal,
        max: Decimal,
    },
}

/// Draws are converted to decimals with this many decimal places.
const DP: u32 = 6;
const SCALE: f64 = 1e6;

/// Normal draws are cut off at this many standard deviations (practically
/// never reached; it keeps every amount inside the range the model checks).
const CUTOFF: f64 = crate::scenario::NOISE_SDS as f64;

/// The achievement range the model accepts (`assumptions.achievement`).
const MAX_ACHIEVEMENT: f64 = 10.0;

pub(crate) struct Sampler {
    achievement_rng: ChaCha8Rng,
    noise_rng: ChaCha8Rng,
    achievement: Resolved,
    /// Noise standard deviation per outcome, and whether any is above zero.
    noise_sd: Vec<f64>,
    any_noise: bool,
    periods: usize,
}

enum Resolved {
    Fixed(Decimal),
    Normal { mean: Decimal, sd: f64 },
    Triangular { min: f64, mode: f64, max: f64 },
}

/// An f64 as a decimal with [`DP`] places; non-finite values become 0.
fn to_decimal(x: f64) -> Decimal {
    let scaled = (x * SCALE).round();
    if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
        return Decimal::ZERO;
    }
    Decimal::new(scaled as i64, DP)
}

impl Sampler {
    pub(crate) fn new(
        seed: u64,
        achievement: &AchievementDraw,
        noise_sd: &[Decimal],
        periods: usize,
    ) -> Sampler {
        let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
        let achievement = match *achievement {
            AchievementDraw::Fixed(a) => Resolved::Fixed(a),
            AchievementDraw::Normal { sd, mean } if sd.is_zero() => Resolved::Fixed(mean),
            AchievementDraw::Normal { mean, sd } => Resolved::Normal { mean, sd: f(sd) },
            AchievementDraw::Triangular { min, max, .. } if min == max => Resolved::Fixed(min),
            AchievementDraw::Triangular { min, mode, max } => Resolved::Triangular {
                min: f(min),
                mode: f(mode.clamp(min, max)),
                max: f(max),
            },
        };
        let noise_sd: Vec<f64> = noise_sd.iter().map(|d| f(*d).max(0.0)).collect();
        let mut achievement_rng = ChaCha8Rng::seed_from_u64(seed);
        achievement_rng.set_stream(0);
        let mut noise_rng = ChaCha8Rng::seed_from_u64(seed);
        noise_rng.set_stream(1);
        Sampler {
            achievement_rng,
            noise_rng,
            any_noise: noise_sd.iter().any(|sd| *sd > 0.0),
            noise_sd,
            achievement,
            periods,
        }
    }

    /// Whether any outcome has measurement noise.
    pub(crate) fn has_noise(&self) -> bool {
        self.any_noise
    }

    /// The next true achievement, within 0 to 10.
    pub(crate) fn achievement(&mut self) -> Decimal {
        match self.achievement {
            Resolved::Fixed(a) => a,
            Resolved::Normal { mean, sd } => {
                let z: f64 = self.achievement_rng.sample(StandardNormal);
                let a = mean + to_decimal(sd * z.clamp(-CUTOFF, CUTOFF));
                a.clamp(Decimal::ZERO, Decimal::TEN)
            }
            Resolved::Triangular { min, mode, max } => {
                let u: f64 = self.achievement_rng.random();
                // The inverse of the triangular distribution function.
                let span = max - min;
                let split = (mode - min) / span;
                let a = if u < split {
                    min + (u * span * (mode - min)).sqrt()
                } else {
                    max - ((1.0 - u) * span * (max - mode)).sqrt()
                };
                to_decimal(a.clamp(0.0, MAX_ACHIEVEMENT))
            }
        }
    }

    /// Fills `out` with the next noise, `out[o·T + t − 1]` in indicator
    /// points, as [`crate::model::run_with_noise`] reads it. Leaves `out`
    /// empty when no outcome has noise.
    pub(crate) fn noise(&mut self, out: &mut Vec<Decimal>) {
        out.clear();
        if !self.any_noise {
            return;
        }
        for &sd in &self.noise_sd {
            for _ in 0..self.periods {
                // Always draw, so one outcome's noise never shifts another's.
                let z: f64 = self.noise_rng.sample(StandardNormal);
                out.push(if sd > 0.0 {
                    to_decimal(sd * z.clamp(-CUTOFF, CUTOFF))
                } else {
                    Decimal::ZERO
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_stays_in_range_and_has_its_mean() {
        let draw = AchievementDraw::Triangular {
            min: Decimal::new(2, 1),
            mode: Decimal::new(8, 1),
            max: Decimal::new(11, 1),
        };
        let mut s = Sampler::new(7, &draw, &[], 1);
        let n = 20_000;
        let mut sum = 0.0;
        for _ in 0..n {
            let a = s.achievement().to_f64().unwrap();
            assert!((0.2..=1.1).contains(&a));
            sum += a;
        }
        // Mean (min + mode + max) / 3 = 0.7; sd ≈ 0.18, so 4 SE ≈ 0.005.
        assert!((sum / f64::from(n) - 0.7).abs() < 0.006);
    }

    #[test]
    fn same_seed_same_draws() {
        let draw = AchievementDraw::Normal {
            mean: Decimal::ONE,
            sd: Decimal::new(25, 2),
        };
        let sd = [Decimal::new(3, 1)];
        let (mut a, mut b) = (
            Sampler::new(1, &draw, &sd, 4),
            Sampler::new(1, &draw, &sd, 4),
        );
        let (mut na, mut nb) = (Vec::new(), Vec::new());
        for _ in 0..100 {
            assert_eq!(a.achievement(), b.achievement());
            a.noise(&mut na);
            b.noise(&mut nb);
            assert_eq!(na, nb);
            assert_eq!(na.len(), 4);
        }
    }
}
