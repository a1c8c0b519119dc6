//! Goal seek: the lever value that makes a figure hit a target.
//!
//! The lever's range is scanned at [`SCAN_POINTS`] + 1 evenly spaced values;
//! every place where the figure reaches the target (within the tolerance)
//! or crosses it is a candidate, and the one nearest the lever's current
//! value wins. A crossing is bisected until the figure is within the
//! tolerance. Figures can jump (a trigger threshold pays all or nothing), so
//! a crossing may have no value within the tolerance: then, as when the
//! target lies outside everything the figure reaches over the range, the
//! answer is a [`Miss`] with the closest value found.

use rust_decimal::Decimal;

use crate::levers::{self, Lever, LeverError};
use crate::model;
use crate::scenario::Scenario;

use super::sample::{AchievementDraw, Sampler};
use super::stats::Share;

/// A figure that goal seek can aim at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    /// The investor's headline IRR, annual (0.06 = 6 %).
    InvestorIrr,
    PayerNpv,
    /// Payer, cofunder and the rest of the public sector together.
    PublicNpv,
    /// Total outcome payments after the cap.
    OutcomePayments,
    /// The investor's money multiple.
    InvestorMoic,
    /// The probability that anything is paid when the true effect is zero
    /// (paying for noise), by Monte Carlo with [`NOISE_DRAWS`] draws and the
    /// scenario's seed.
    PNoisePayment,
}

/// Draws behind [`Figure::PNoisePayment`].
pub const NOISE_DRAWS: u32 = 2_000;

/// Evenly spaced intervals over the lever's range in the first scan.
const SCAN_POINTS: u32 = 40;
/// Fewer for the Monte Carlo figure, each point being a simulation.
const SCAN_POINTS_MC: u32 = 20;
const BISECTIONS: u32 = 100;

impl Figure {
    pub const ALL: [Figure; 6] = [
        Figure::InvestorIrr,
        Figure::PayerNpv,
        Figure::PublicNpv,
        Figure::OutcomePayments,
        Figure::InvestorMoic,
        Figure::PNoisePayment,
    ];

    /// The stable id (`effekt solve --for ID=VALUE`, JSON).
    pub fn id(self) -> &'static str {
        match self {
            Figure::InvestorIrr => "investor_irr",
            Figure::PayerNpv => "payer_npv",
            Figure::PublicNpv => "public_npv",
            Figure::OutcomePayments => "outcome_payments",
            Figure::InvestorMoic => "investor_moic",
            Figure::PNoisePayment => "p_noise_payment",
        }
    }

    pub fn from_id(id: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.id() == id)
    }

    /// Whether the figure is an amount of money.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Figure::PayerNpv | Figure::PublicNpv | Figure::OutcomePayments
        )
    }

    /// How close to the target counts as hitting it: 1 unit of money (one
    /// krone), 0.001 percentage points of IRR, 0.0001 of money multiple, and
    /// half a percentage point of probability (the Monte Carlo estimate's
    /// own error is larger).
    pub fn default_tolerance(self) -> Decimal {
        match self {
            Figure::PayerNpv | Figure::PublicNpv | Figure::OutcomePayments => Decimal::ONE,
            Figure::InvestorIrr => Decimal::new(1, 5),
            Figure::InvestorMoic => Decimal::new(1, 4),
            Figure::PNoisePayment => Decimal::new(5, 3),
        }
    }
}

/// What to solve for.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// The lever to move (a lever id, e.g. `price.absence`).
    pub lever: String,
    pub figure: Figure,
    pub target: Decimal,
    /// Set the achievement lever to this first; `None` keeps the scenario's.
    pub achievement: Option<Decimal>,
    /// `None`: [`Figure::default_tolerance`].
    pub tolerance: Option<Decimal>,
}

/// A lever value that hits the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// The lever, with its range and its value before solving.
    pub lever: Lever,
    pub value: Decimal,
    /// The figure at `value`; within `tolerance` of `target`.
    pub figure_value: Decimal,
    pub target: Decimal,
    pub tolerance: Decimal,
    /// The achievement the figure was computed at.
    pub achievement: Decimal,
    /// The scenario with the lever at `value`.
    pub scenario: Box<Scenario>,
}

/// No value in the lever's range hits the target.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub lever: Lever,
    pub figure: Figure,
    pub target: Decimal,
    pub tolerance: Decimal,
    pub achievement: Decimal,
    /// The value whose figure came closest to the target, and that figure;
    /// `None` when the figure exists nowhere in the range (e.g. no IRR).
    pub best: Option<(Decimal, Decimal)>,
    /// The smallest and largest figure seen over the range.
    pub range: Option<(Decimal, Decimal)>,
    /// When the figure jumps over the target between two lever values that
    /// lie closer than bisection can separate: those values.
    pub jump: Option<(Decimal, Decimal)>,
}

/// Why goal seek found no answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SolveError {
    #[error("{0}")]
    Lever(#[from] LeverError),
    #[error("the achievement is the lever being solved for; leave out the achievement to solve at")]
    AchievementTwice,
    #[error("no value of `{}` from {} to {} gives {} = {}", .0.lever.id, .0.lever.min, .0.lever.max, .0.figure.id(), .0.target)]
    Unreachable(Box<Miss>),
}

/// The probability that anything is paid when the true effect is zero: the
/// measurement noise of `[uncertainty]` alone, [`NOISE_DRAWS`] draws with
/// the scenario's seed (without noise, 0 or 1 from a single run).
pub fn p_noise_payment(s: &Scenario) -> Share {
    let noise_sd: Vec<Decimal> = s
        .outcomes
        .iter()
        .map(|o| s.uncertainty.noise_sd(&o.id))
        .collect();
    let zero = AchievementDraw::Fixed(Decimal::ZERO);
    let noise_sd = super::monte_carlo::noise_per_site(s, &noise_sd);
    let mut sampler = Sampler::new(s.uncertainty.seed, &zero, &noise_sd, s.timeline.periods);
    let prepared = model::Prepared::new(s);
    let mut scratch = model::Pieces::default();
    let mut pays = |noise: &[Decimal]| {
        prepared
            .core_with(Decimal::ZERO, noise, &mut scratch)
            .totals
            .outcome_payments
            > Decimal::ZERO
    };
    if !sampler.has_noise() {
        return Share {
            count: u32::from(pays(&[])),
            of: 1,
        };
    }
    let mut noise = Vec::new();
    let mut count = 0;
    for _ in 0..NOISE_DRAWS {
        sampler.noise(&mut noise);
        count += u32::from(pays(&noise));
    }
    Share {
        count,
        of: NOISE_DRAWS,
    }
}

/// A figure of the scenario at its own achievement; `None` when it does not
/// exist (no IRR, or no money multiple when nothing is drawn).
pub fn figure_value(s: &Scenario, figure: Figure) -> Option<Decimal> {
    if figure == Figure::PNoisePayment {
        return Some(p_noise_payment(s).value());
    }
    let e = model::evaluate(s);
    match figure {
        Figure::InvestorIrr => e.investor.irr.headline,
        Figure::PayerNpv => Some(e.payer.npv),
        Figure::PublicNpv => Some(e.public.npv),
        Figure::OutcomePayments => Some(e.run.totals.outcome_payments),
        Figure::InvestorMoic => e.investor.moic,
        Figure::PNoisePayment => None,
    }
}

/// Finds a value of `goal.lever` within its range that brings the figure
/// within the tolerance of the target, at the goal's achievement. When
/// several values do, the one nearest the lever's current value.
pub fn solve(s: &Scenario, goal: &Goal) -> Result<Solution, SolveError> {
    let base = match goal.achievement {
        Some(_) if goal.lever == "achievement" => return Err(SolveError::AchievementTwice),
        Some(a) => levers::set(s, "achievement", a)?,
        None => s.clone(),
    };
    let lever = levers::find(&base, &goal.lever)?;
    let tolerance = goal
        .tolerance
        .unwrap_or_else(|| goal.figure.default_tolerance())
        .abs();
    let target = goal.target;
    let mut search = Search {
        base: &base,
        lever: &lever,
        figure: goal.figure,
        target,
        tolerance,
        best: None,
        range: None,
    };

    let points = if goal.figure == Figure::PNoisePayment {
        SCAN_POINTS_MC
    } else {
        SCAN_POINTS
    };
    let span = lever.max - lever.min;
    let mut scan: Vec<(Decimal, Decimal)> = Vec::new();
    let mut values: Vec<Decimal> = (0..=points)
        .map(|i| {
            (lever.min + span * Decimal::from(i) / Decimal::from(points))
                .round_dp(12)
                .clamp(lever.min, lever.max)
        })
        .collect();
    values.push(lever.value);
    values.sort();
    values.dedup();
    for v in values {
        if let Some(f) = search.eval(v) {
            scan.push((v, f));
        }
    }

    // Candidates: a value that hits, or a crossing between two neighbours.
    enum Candidate {
        Hit(Decimal, Decimal),
        Crossing((Decimal, Decimal), (Decimal, Decimal)),
    }
    let mut candidates = Vec::new();
    for (i, &(v, f)) in scan.iter().enumerate() {
        if (f - target).abs() <= tolerance {
            candidates.push(Candidate::Hit(v, f));
        } else if let Some(&(w, g)) = scan.get(i + 1)
            && (g - target).abs() > tolerance
            && (f > target) != (g > target)
        {
            candidates.push(Candidate::Crossing((v, f), (w, g)));
        }
    }
    let distance = |c: &Candidate| match c {
        Candidate::Hit(v, _) => (v - lever.value).abs(),
        Candidate::Crossing((a, _), (b, _)) => {
            if (*a..=*b).contains(&lever.value) {
                Decimal::ZERO
            } else {
                (a - lever.value).abs().min((b - lever.value).abs())
            }
        }
    };
    candidates.sort_by_key(|c| distance(c));

    let mut jump = None;
    for c in candidates {
        let found = match c {
            Candidate::Hit(v, f) => Some((v, f)),
            Candidate::Crossing(a, b) => match search.bisect(a, b) {
                Ok(hit) => Some(hit),
                Err(j) => {
                    jump = jump.or(j);
                    None
                }
            },
        };
        if let Some((v, f)) = found {
            let (value, figure_value) = search.rounder(v, f);
            let scenario = levers::set_lever(&base, &lever, value)?;
            return Ok(Solution {
                value,
                figure_value,
                target,
                tolerance,
                achievement: base.assumptions.achievement,
                scenario: Box::new(scenario),
                lever,
            });
        }
    }
    Err(SolveError::Unreachable(Box::new(Miss {
        figure: goal.figure,
        target,
        tolerance,
        achievement: base.assumptions.achievement,
        best: search.best,
        range: search.range,
        jump,
        lever,
    })))
}

struct Search<'a> {
    base: &'a Scenario,
    lever: &'a Lever,
    figure: Figure,
    target: Decimal,
    tolerance: Decimal,
    best: Option<(Decimal, Decimal)>,
    range: Option<(Decimal, Decimal)>,
}

impl Search<'_> {
    /// The figure with the lever at `v`; `None` if refused or missing.
    fn eval(&mut self, v: Decimal) -> Option<Decimal> {
        let s = levers::set_lever(self.base, self.lever, v).ok()?;
        let f = figure_value(&s, self.figure)?;
        let closer = self
            .best
            .is_none_or(|(_, b)| (f - self.target).abs() < (b - self.target).abs());
        if closer {
            self.best = Some((v, f));
        }
        self.range = Some(match self.range {
            None => (f, f),
            Some((lo, hi)) => (lo.min(f), hi.max(f)),
        });
        Some(f)
    }

    fn hits(&self, f: Decimal) -> bool {
        (f - self.target).abs() <= self.tolerance
    }

    /// Bisects a crossing; `Err(Some(jump))` when the figure jumps over the
    /// target, `Err(None)` when the figure is missing inside the bracket.
    #[allow(clippy::type_complexity)]
    fn bisect(
        &mut self,
        (mut a, fa): (Decimal, Decimal),
        (mut b, _): (Decimal, Decimal),
    ) -> Result<(Decimal, Decimal), Option<(Decimal, Decimal)>> {
        let above_at_a = fa > self.target;
        for _ in 0..BISECTIONS {
            let mid = ((a + b) / Decimal::TWO).round_dp(12);
            if mid <= a.min(b) || mid >= a.max(b) {
                break;
            }
            let f = self.eval(mid).ok_or(None)?;
            if self.hits(f) {
                return Ok((mid, f));
            }
            if (f > self.target) == above_at_a {
                a = mid;
            } else {
                b = mid;
            }
        }
        Err(Some((a.min(b), a.max(b))))
    }

    /// The roundest value near `v` that still hits: fewest decimals first.
    fn rounder(&mut self, v: Decimal, f: Decimal) -> (Decimal, Decimal) {
        for dp in 0..v.scale() {
            let r = v.round_dp(dp);
            if r == v || r < self.lever.min || r > self.lever.max {
                continue;
            }
            if let Some(g) = self.eval(r)
                && self.hits(g)
            {
                return (r, g);
            }
        }
        (v.normalize(), f)
    }
}
