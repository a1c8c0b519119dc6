//! The effect in an outcome's own terms (`docs/model.md` §8.1): what an
//! achievement α means as a level of the indicator and as units, so that a
//! screen can say "sykefravær 7,9 %" and "≈ 2 400 færre sykedager i året".

use rust_decimal::Decimal;

use crate::scenario::{Outcome, OutcomeKind, Scenario, Site};

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

/// The effect of outcome `o` at achievement α. With sites: the units are
/// summed over the sites, and the level is the mean of theirs weighted by
/// size (flow) or intake (event).
pub fn effect(s: &Scenario, o: &Outcome, achievement: Decimal) -> Effect {
    if s.sites.is_empty() {
        let intake: Decimal = s.cohort.intake.iter().flatten().sum();
        return effect_with(
            s,
            o,
            achievement,
            o.baseline,
            o.expected_improvement(),
            s.cohort.size,
            intake,
        );
    }
    let (mut units, mut weighted, mut weights) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for site in &s.sites {
        // The intake is summed once a site, and only for an event outcome.
        let intake = intake_of(site, o);
        let e = effect_at_site(s, site, o, achievement, intake);
        let w = match o.kind {
            OutcomeKind::Flow => site.size.unwrap_or_default(),
            OutcomeKind::Event => intake,
        };
        units += e.units_per_year;
        weighted += w * e.level;
        weights += w;
    }
    let level = if weights.is_zero() {
        let n = Decimal::from(s.sites.len());
        s.sites
            .iter()
            .map(|site| site_effect(s, site, o, achievement).level)
            .sum::<Decimal>()
            / n
    } else {
        weighted / weights
    };
    Effect {
        level,
        units_per_year: units,
    }
}

/// A site's participants over the contract for an event outcome (what
/// its units and its weight in the mean level are made of); 0 for a flow
/// outcome, which does not use them.
fn intake_of(site: &Site, o: &Outcome) -> Decimal {
    match o.kind {
        OutcomeKind::Flow => Decimal::ZERO,
        OutcomeKind::Event => site.intake.iter().flatten().sum(),
    }
}

/// The effect of outcome `o` at one site (§9): at its own baseline and
/// expected improvement, with its `effect` factor on α.
pub fn site_effect(s: &Scenario, site: &Site, o: &Outcome, achievement: Decimal) -> Effect {
    effect_at_site(s, site, o, achievement, intake_of(site, o))
}

fn effect_at_site(
    s: &Scenario,
    site: &Site,
    o: &Outcome,
    achievement: Decimal,
    intake: Decimal,
) -> Effect {
    effect_with(
        s,
        o,
        achievement * site.effect,
        site.baseline(o),
        site.expected_improvement(o),
        site.size,
        intake,
    )
}

fn effect_with(
    s: &Scenario,
    o: &Outcome,
    achievement: Decimal,
    baseline: Decimal,
    ei: Decimal,
    size: Option<Decimal>,
    intake: Decimal,
) -> Effect {
    let sign = o.better.sign();
    let improvement = achievement * ei;
    match o.kind {
        OutcomeKind::Flow => Effect {
            level: baseline + sign * improvement,
            units_per_year: improvement
                * size.unwrap_or_default()
                * o.units_per_point.unwrap_or_default(),
        },
        OutcomeKind::Event => {
            let level = (baseline + sign * improvement).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
            let years = Decimal::from(s.timeline.periods) / Decimal::from(s.timeline.per_year());
            Effect {
                level,
                units_per_year: intake * sign * (level - baseline) / Decimal::ONE_HUNDRED / years,
            }
        }
    }
}
