//! Sensitivity: each shown lever one step down and one step up.

use rust_decimal::Decimal;

use crate::levers::{self, Lever, LeverError};
use crate::model;
use crate::scenario::Scenario;

/// The two figures a tornado shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TornadoFigure {
    PayerNpv,
    InvestorIrr,
}

/// The figures at one set of lever values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub payer_npv: Decimal,
    /// The investor's headline IRR (annual); `None` when there is no IRR.
    pub investor_irr: Option<Decimal>,
}

/// One side of a bar: the lever one step down or up.
#[derive(Debug, Clone, PartialEq)]
pub enum Side {
    /// The lever moved to `value` (one step, clamped to its range).
    Moved {
        value: Decimal,
        point: Point,
        /// Change from the base.
        payer_npv: Decimal,
        /// Change from the base; `None` when either side has no IRR.
        investor_irr: Option<Decimal>,
    },
    /// The lever is already at this end of its range.
    AtLimit,
    /// The value breaks a rule of the scenario (the reason says which).
    Refused { value: Decimal, reason: LeverError },
}

impl Side {
    fn change(&self, figure: TornadoFigure) -> Option<Decimal> {
        match (self, figure) {
            (Side::Moved { payer_npv, .. }, TornadoFigure::PayerNpv) => Some(*payer_npv),
            (Side::Moved { investor_irr, .. }, TornadoFigure::InvestorIrr) => *investor_irr,
            _ => None,
        }
    }
}

/// One lever of the tornado.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub lever: Lever,
    pub down: Side,
    pub up: Side,
}

impl Bar {
    /// The length of the bar: from the lowest to the highest of the base
    /// and the two sides (0 when neither side moved).
    pub fn swing(&self, figure: TornadoFigure) -> Decimal {
        let changes = [self.down.change(figure), self.up.change(figure)];
        let lo = changes
            .iter()
            .flatten()
            .fold(Decimal::ZERO, |m, c| m.min(*c));
        let hi = changes
            .iter()
            .flatten()
            .fold(Decimal::ZERO, |m, c| m.max(*c));
        hi - lo
    }
}

/// The sensitivity of the payer's NPV and the investor's IRR to every
/// shown lever, at the scenario's achievement.
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    pub achievement: Decimal,
    pub base: Point,
    /// Largest swing first (see [`Tornado::sort_by`]).
    pub bars: Vec<Bar>,
}

impl Tornado {
    /// Sorts the bars by their swing in `figure`, largest first; ties by
    /// the other figure's swing, then in the scenario's lever order.
    pub fn sort_by(&mut self, figure: TornadoFigure) {
        let other = match figure {
            TornadoFigure::PayerNpv => TornadoFigure::InvestorIrr,
            TornadoFigure::InvestorIrr => TornadoFigure::PayerNpv,
        };
        self.bars.sort_by(|a, b| {
            b.swing(figure)
                .cmp(&a.swing(figure))
                .then_with(|| b.swing(other).cmp(&a.swing(other)))
        });
    }
}

fn point(s: &Scenario) -> Point {
    let e = model::evaluate(s);
    Point {
        payer_npv: e.payer.npv,
        investor_irr: e.investor.irr.headline,
    }
}

fn side(s: &Scenario, lever: &Lever, base: Point, steps: i32) -> Side {
    let value = levers::stepped(lever, lever.value, steps);
    if value == lever.value {
        return Side::AtLimit;
    }
    match levers::set_lever(s, lever, value) {
        Err(reason) => Side::Refused { value, reason },
        Ok(moved) => {
            let p = point(&moved);
            Side::Moved {
                value,
                payer_npv: p.payer_npv - base.payer_npv,
                investor_irr: p.investor_irr.zip(base.investor_irr).map(|(a, b)| a - b),
                point: p,
            }
        }
    }
}

/// Moves each lever of [`levers::shown`] one step (its own step, clamped
/// to its range) down and up from the scenario's value and evaluates the
/// scenario there ([`model::evaluate`]). Sorted by the payer's NPV swing.
pub fn tornado(s: &Scenario) -> Tornado {
    let base = point(s);
    let bars = levers::shown(s)
        .into_iter()
        .map(|lever| Bar {
            down: side(s, &lever, base, -1),
            up: side(s, &lever, base, 1),
            lever,
        })
        .collect();
    let mut t = Tornado {
        achievement: s.assumptions.achievement,
        base,
        bars,
    };
    t.sort_by(TornadoFigure::PayerNpv);
    t
}
