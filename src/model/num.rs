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
    /// An amount already rounded to øre, in øre.
    fn ore(self) -> i128;
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

/// An amount of øre as a decimal (scale 2).
pub(crate) fn from_ore(ore: i128) -> Decimal {
    Decimal::from_i128_with_scale(ore, 2)
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

fn round_half_away(x: f64) -> f64 {
    // f64::round rounds half away from zero, like `to_ore`.
    x.round()
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
        let r = round_half_away(c);
        // Sure only when the whole interval rounds to the same øre.
        let margin = err * 1.001 + f64::MIN_POSITIVE;
        if !(round_half_away(c - margin) == r && round_half_away(c + margin) == r) {
            unsure();
        }
        let v = r / 100.0;
        Approx {
            v,
            e: v.abs() * F64_REL,
        }
    }
    fn ore(self) -> i128 {
        let c = (self.v * 100.0).round();
        // Beyond 2^100 øre no amount is sure (and the model never gets there).
        if !c.is_finite() || c.abs() > 1e30 {
            unsure();
            return 0;
        }
        c as i128
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
    fn add(self, o: Approx) -> Approx {
        Approx::new(self.v + o.v, self.e + o.e)
    }
}

impl Sub for Approx {
    type Output = Approx;
    fn sub(self, o: Approx) -> Approx {
        Approx::new(self.v - o.v, self.e + o.e)
    }
}

impl Mul for Approx {
    type Output = Approx;
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
        if !(room > 0.0) || !v.is_finite() {
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
    fn ore_round_trips() {
        for d in [dec!(0), dec!(12.5), dec!(-3.07), dec!(1000000), dec!(0.01)] {
            assert_eq!(from_ore(ore_of(d)), d);
        }
    }
}
