//! The numbers of the per-site formulas (`docs/model.md` §2), in two kinds:
//! exact [`Decimal`], which defines every figure, and [`Approx`], an `f64`
//! that carries a bound on how far it can be from the `Decimal` the same
//! formula would give. The formulas are written once, generic over [`Num`].
//!
//! `Approx` is only ever used to find a result faster, never to show one:
//! every amount it forms is rounded to øre, and the rounding is accepted
//! only when the whole uncertainty interval rounds to the same øre; every
//! decision (a threshold test) only when the interval lies on one side. When
//! it cannot be sure, it says so ([`take_unsure`]) and the caller computes
//! the same formula in `Decimal` instead. So a result found with `Approx`
//! is the exact result, to the øre (`model/fast.rs`, docs/model.md §9).

use std::cell::Cell;
use std::ops::{Add, Div, Mul, Sub};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// A number of the per-site formulas.
pub(crate) trait Num:
    Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self>
{
    fn of(d: Decimal) -> Self;
    fn zero() -> Self;
    /// The larger of the two (`max`); continuous, never a decision.
    fn at_least(self, floor: Self) -> Self;
    /// The smaller of the two (`min`); continuous, never a decision.
    fn at_most(self, cap: Self) -> Self;
    /// Rounded to øre, half away from zero (`crate::model::to_ore`).
    fn to_ore(self) -> Self;
    /// `to_ore(share·self)` of an amount already rounded to øre: a payer's
    /// part of a value, its cash part.
    fn part_of_ore(self, share: &Share) -> Self;
    /// An amount already rounded to øre, in øre.
    fn ore(self) -> i128;
    /// `to_ore(self)` in øre.
    fn rounded_ore(self) -> i128 {
        self.to_ore().ore()
    }
    /// `self ≥ other`: a decision.
    fn ge(self, other: Self) -> bool;
    /// `self > other`: a decision.
    fn gt(self, other: Self) -> bool;

    fn clamp_to(self, lo: Self, hi: Self) -> Self {
        self.at_least(lo).at_most(hi)
    }
}

/// Øre of an amount that is a whole number of øre.
pub(crate) fn ore_of(d: Decimal) -> i128 {
    let d = d.round_dp(2);
    let m = d.mantissa();
    match d.scale() {
        0 => m * 100,
        1 => m * 10,
        _ => m,
    }
}

/// An amount of øre as a decimal (scale 2). Beyond `Decimal`'s 96 bits of
/// øre (only a saturated balance, far beyond any real amount) in whole
/// kroner.
pub(crate) fn from_ore(ore: i128) -> Decimal {
    Decimal::try_from_i128_with_scale(ore, 2).unwrap_or_else(|_| {
        Decimal::try_from_i128_with_scale(ore / 100, 0).unwrap_or(if ore < 0 {
            Decimal::MIN
        } else {
            Decimal::MAX
        })
    })
}

impl Num for Decimal {
    fn of(d: Decimal) -> Self {
        d
    }
    fn zero() -> Self {
        Decimal::ZERO
    }
    fn at_least(self, floor: Self) -> Self {
        Ord::max(self, floor)
    }
    fn at_most(self, cap: Self) -> Self {
        Ord::min(self, cap)
    }
    fn to_ore(self) -> Self {
        super::to_ore(self)
    }
    fn part_of_ore(self, share: &Share) -> Self {
        super::to_ore(share.share * self)
    }
    fn ore(self) -> i128 {
        ore_of(self)
    }
    fn ge(self, other: Self) -> bool {
        self >= other
    }
    fn gt(self, other: Self) -> bool {
        self > other
    }
}

/// Relative rounding of one `f64` operation, with room to spare (2^−52).
const F64_REL: f64 = 2.3e-16;
/// What one `Decimal` operation may round away: 28 significant digits,
/// and at most 28 decimals (a generous bound).
const DEC_REL: f64 = 1e-26;
const DEC_ABS: f64 = 1e-27;

/// An `f64` value `v` with a bound `e`: the `Decimal` the same formula
/// gives lies within `v ± e`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Approx {
    pub v: f64,
    pub e: f64,
}

thread_local! {
    static UNSURE: Cell<bool> = const { Cell::new(false) };
}

/// Whether an `Approx` rounding or decision was unsure since the last call,
/// and starts over. One flag per thread: each thread computes on its own.
pub(crate) fn take_unsure() -> bool {
    UNSURE.with(|u| u.replace(false))
}

fn unsure() {
    UNSURE.with(|u| u.set(true));
}

impl Approx {
    /// An amount of whole øre.
    fn from_ore(ore: i64) -> Approx {
        let v = ore as f64 * 0.01;
        Approx {
            v,
            e: v.abs() * 3.0 * F64_REL,
        }
    }

    #[inline]
    fn new(v: f64, e: f64) -> Approx {
        Approx {
            v,
            e: e + v.abs() * (F64_REL + DEC_REL) + DEC_ABS,
        }
    }

    /// Whether `d` (a difference, ± `e`) is surely positive, surely
    /// negative, or unsure (flagged, answered by the `f64`).
    fn sign(d: f64, e: f64) -> f64 {
        // The bound itself is computed in f64: a margin of 0.1 %.
        let margin = e * 1.001 + f64::MIN_POSITIVE;
        if d > margin {
            1.0
        } else if d < -margin {
            -1.0
        } else {
            unsure();
            if d >= 0.0 { 0.0 } else { -1.0 }
        }
    }
}

/// `x < bound`, false when `x` is not a number.
fn below(x: f64, bound: f64) -> bool {
    x < bound
}

/// Beyond this many øre an `f64` is not sure of the øre (2^52).
const MAX_ORE: f64 = 4.5e15;

/// `x` rounded half away from zero, like `to_ore`, for |x| < [`MAX_ORE`].
/// (Within one unit in the last place of a half the answer may be either
/// way; such values are always inside the margin that makes a rounding
/// unsure.)
fn round_half_away(x: f64) -> i64 {
    if x >= 0.0 {
        (x + 0.5) as i64
    } else {
        -((0.5 - x) as i64)
    }
}

/// A share (`payer_value_share`, `payer_cash_share`) ready to take parts
/// of whole øre exactly and fast.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Share {
    pub share: Decimal,
    /// `share = mantissa / unit`, when both fit in 64 bits, and `1/unit`.
    whole: Option<(i64, i64, f64)>,
}

impl Share {
    pub fn new(share: Decimal) -> Share {
        let whole = (share.scale() <= 18)
            .then(|| i64::try_from(share.mantissa()).ok())
            .flatten()
            .map(|m| {
                let unit = 10i64.pow(share.scale());
                (m, unit, 1.0 / unit as f64)
            });
        Share { share, whole }
    }

    /// `to_ore(share·amount)` of an amount of whole øre, in øre: exactly
    /// what `Decimal` gives, in whole numbers where they suffice.
    #[inline]
    pub fn part_of(&self, ore: i128) -> i128 {
        self.part_exact(ore)
            .unwrap_or_else(|| ore_of(super::to_ore(self.share * from_ore(ore))))
    }

    /// In whole numbers, when `Decimal` forms the product without rounding
    /// (the share's digits times the amount's fit in 96 bits): the product
    /// in øre has the share's decimals; they are rounded away, half away
    /// from zero.
    fn part_exact(&self, ore: i128) -> Option<i128> {
        if let Some((m, unit, inverse)) = self.whole
            && let Ok(ore) = i64::try_from(ore)
            && let Some(product) = m.checked_mul(ore)
            && product.unsigned_abs() < 1 << 52
        {
            // The quotient truncated toward zero, found by multiplying (a
            // division is slow): off by at most one, then made exact.
            let mut q = (product as f64 * inverse) as i64;
            let mut r = product - q * unit;
            if product >= 0 {
                if r < 0 {
                    (q, r) = (q - 1, r + unit);
                } else if r >= unit {
                    (q, r) = (q + 1, r - unit);
                }
            } else if r > 0 {
                (q, r) = (q + 1, r - unit);
            } else if r <= -unit {
                (q, r) = (q - 1, r + unit);
            }
            return Some(i128::from(if 2 * r.abs() >= unit {
                q + product.signum()
            } else {
                q
            }));
        }
        let scale = self.share.scale();
        let product = self.share.mantissa().checked_mul(ore)?;
        if scale > 26 || product.unsigned_abs() >= 1u128 << 96 {
            return None;
        }
        let unit = 10i128.pow(scale);
        let (q, r) = (product / unit, product % unit);
        Some(if 2 * r.abs() >= unit {
            q + product.signum()
        } else {
            q
        })
    }
}

impl Num for Approx {
    fn of(d: Decimal) -> Self {
        match d.to_f64() {
            // The conversion rounds a few times: 8 units in the last place.
            Some(v) => Approx {
                v,
                e: v.abs() * 8.0 * F64_REL + DEC_ABS,
            },
            None => {
                unsure();
                Approx {
                    v: 0.0,
                    e: f64::INFINITY,
                }
            }
        }
    }
    fn zero() -> Self {
        Approx { v: 0.0, e: 0.0 }
    }
    fn at_least(self, floor: Self) -> Self {
        Approx {
            v: self.v.max(floor.v),
            e: self.e.max(floor.e),
        }
    }
    fn at_most(self, cap: Self) -> Self {
        Approx {
            v: self.v.min(cap.v),
            e: self.e.max(cap.e),
        }
    }
    fn to_ore(self) -> Self {
        let c = self.v * 100.0;
        let err = self.e * 100.0 + c.abs() * 2.0 * F64_REL;
        // Sure only when the whole interval rounds to the same øre: it
        // stays clear of the halves on either side of the nearest øre.
        let margin = err * 1.001 + f64::MIN_POSITIVE;
        if !below(c.abs() + margin, MAX_ORE) {
            unsure();
            return Approx {
                v: self.v,
                e: f64::INFINITY,
            };
        }
        let r = round_half_away(c);
        if !below((c - r as f64).abs() + margin, 0.5) {
            unsure();
        }
        Approx::from_ore(r)
    }
    #[inline]
    fn rounded_ore(self) -> i128 {
        let c = self.v * 100.0;
        let margin = (self.e * 100.0 + c.abs() * 2.0 * F64_REL) * 1.001 + f64::MIN_POSITIVE;
        if !below(c.abs() + margin, MAX_ORE) {
            unsure();
            return 0;
        }
        let r = round_half_away(c);
        if !below((c - r as f64).abs() + margin, 0.5) {
            unsure();
        }
        i128::from(r)
    }
    fn part_of_ore(self, share: &Share) -> Self {
        Approx::from_ore(share.part_of(self.ore()) as i64)
    }
    fn ore(self) -> i128 {
        let c = self.v * 100.0;
        if !below(c.abs(), MAX_ORE) {
            unsure();
            return 0;
        }
        i128::from(round_half_away(c))
    }
    fn ge(self, other: Self) -> bool {
        Approx::sign(self.v - other.v, self.e + other.e) >= 0.0
    }
    fn gt(self, other: Self) -> bool {
        let d = self.v - other.v;
        let s = Approx::sign(d, self.e + other.e);
        s > 0.0 || (s == 0.0 && d > 0.0)
    }
}

impl Add for Approx {
    type Output = Approx;
    #[inline]
    fn add(self, o: Approx) -> Approx {
        Approx::new(self.v + o.v, self.e + o.e)
    }
}

impl Sub for Approx {
    type Output = Approx;
    #[inline]
    fn sub(self, o: Approx) -> Approx {
        Approx::new(self.v - o.v, self.e + o.e)
    }
}

impl Mul for Approx {
    type Output = Approx;
    #[inline]
    fn mul(self, o: Approx) -> Approx {
        Approx::new(
            self.v * o.v,
            self.v.abs() * o.e + o.v.abs() * self.e + self.e * o.e,
        )
    }
}

impl Div for Approx {
    type Output = Approx;
    fn div(self, o: Approx) -> Approx {
        let v = self.v / o.v;
        let room = o.v.abs() - o.e;
        if !below(0.0, room) || !v.is_finite() {
            unsure();
            return Approx {
                v: if v.is_finite() { v } else { 0.0 },
                e: f64::INFINITY,
            };
        }
        Approx::new(v, (self.e + v.abs() * o.e) / room)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn a(d: Decimal) -> Approx {
        Approx::of(d)
    }

    #[test]
    fn sure_roundings_give_the_decimal_result() {
        take_unsure();
        let x = a(dec!(0.37)) * a(dec!(1.2)) * a(dec!(0.25)) * a(dec!(1350)) * a(dec!(1100));
        let exact = (dec!(0.37) * dec!(1.2) * dec!(0.25) * dec!(1350) * dec!(1100)).round_dp(2);
        assert_eq!(x.to_ore().ore(), ore_of(exact));
        assert!(!take_unsure());
    }

    #[test]
    fn a_half_ore_is_unsure() {
        take_unsure();
        // 2.475 kr is 247.5 øre: f64 cannot tell which way Decimal rounds.
        let x = a(dec!(0.01)) * a(dec!(247.5));
        let _ = x.to_ore();
        assert!(take_unsure());
        // An exact tie of a threshold test is unsure too.
        let _ = (a(dec!(0.3)) * a(dec!(2)) / a(dec!(3))).ge(a(dec!(0.2)));
        assert!(take_unsure());
    }

    #[test]
    fn clear_decisions_are_sure() {
        take_unsure();
        assert!(a(dec!(0.2000001)).ge(a(dec!(0.2))));
        assert!(!a(dec!(0.1999999)).ge(a(dec!(0.2))));
        assert!(a(dec!(1)).gt(a(dec!(0))));
        assert!(!take_unsure());
    }

    #[test]
    fn a_part_of_whole_ore_is_exact_even_at_half_an_ore() {
        take_unsure();
        // 0.65 × 22.50 = 14.625 → 14.63; 0.5 × 14.63 = 7.315 → 7.32.
        let value = a(dec!(22.5)).to_ore();
        let payer = value.part_of_ore(&Share::new(dec!(0.65)));
        assert_eq!(payer.ore(), 1463);
        let half = Share::new(dec!(0.5));
        assert_eq!(payer.part_of_ore(&half).ore(), 732);
        assert_eq!(a(dec!(-14.63)).to_ore().part_of_ore(&half).ore(), -732);
        assert!(!take_unsure());
        let cases = [
            (2250, dec!(0.65)),
            (1463, dec!(0.5)),
            (-1463, dec!(0.5)),
            (7, dec!(0.333)),
            (123_456_789_012, dec!(0.1234567890123456789)),
            (5, dec!(1)),
        ];
        for (ore, share) in cases {
            let exact = ore_of(crate::model::to_ore(share * from_ore(ore)));
            assert_eq!(Share::new(share).part_of(ore), exact, "{ore} {share}");
        }
    }

    #[test]
    fn parts_by_multiplication_agree_with_division() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for scale in 0..6u32 {
            for _ in 0..20_000 {
                let mantissa = (next() % 100_000) as i64;
                let share = Decimal::new(mantissa, scale);
                let ore = (next() % 10_000_000_000) as i128 - 5_000_000_000;
                let exact = ore_of(crate::model::to_ore(share * from_ore(ore)));
                assert_eq!(Share::new(share).part_of(ore), exact, "{ore} {share}");
            }
        }
    }

    #[test]
    fn ore_round_trips() {
        for d in [dec!(0), dec!(12.5), dec!(-3.07), dec!(1000000), dec!(0.01)] {
            assert_eq!(from_ore(ore_of(d)), d);
        }
    }
}
