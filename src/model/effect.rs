//! The effect in an outcome's own terms (`docs/model.md` §8.1): what an
//! achievement α means as a level of the indicator and as units, so that a
//! screen can say "sykefravær 7,9 %" and "≈ 2 400 færre sykedager i året".

use rust_decimal::Decimal;

use crate::scenario::{Outcome, OutcomeKind, Scenario};

/// What achievement α means for one outcome, once the effect is fully
/// ramped up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effect {
    /// The level the indicator reaches: `baseline + s·α·EI` (an event rate
    /// kept within 0 to 100).
    pub level: Decimal,
    /// The true additional units a year: flow `α·EI·size·units_per_point`;
    /// event: over the contract's intake, `Σ intake·E/100` per year.
    pub units_per_year: Decimal,
}

/// The effect of outcome `o` at achievement α.
pub fn effect(s: &Scenario, o: &Outcome, achievement: Decimal) -> Effect {
    let sign = o.better.sign();
    let improvement = achievement * o.expected_improvement();
    match o.kind {
        OutcomeKind::Flow => Effect {
            level: o.baseline + sign * improvement,
            units_per_year: improvement
                * s.cohort.size.unwrap_or_default()
                * o.units_per_point.unwrap_or_default(),
        },
        OutcomeKind::Event => {
            let level =
                (o.baseline + sign * improvement).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
            let intake: Decimal = s.cohort.intake.iter().flatten().sum();
            let years = Decimal::from(s.timeline.periods) / Decimal::from(s.timeline.per_year());
            Effect {
                level,
                units_per_year: intake * sign * (level - o.baseline) / Decimal::ONE_HUNDRED / years,
            }
        }
    }
}
