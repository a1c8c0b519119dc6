//! The fast path to the exact figures, for the many runs of break-evens,
//! payoff curves, the risk table and the Monte Carlo (`docs/model.md` §9,
//! "Speed").
//!
//! Only each site's amounts per segment are computed in `f64` ([`Approx`]),
//! where a pilot of 357 municipalities spends its time. Each amount is
//! accepted only when its rounding to øre, and every threshold test behind
//! it, is certain to come out as in `Decimal`; otherwise that one amount is
//! computed again in `Decimal`. Everything after (caps, sums, splits, the
//! waterfall) is exact as it is. So [`Prepared::core`] gives exactly what
//! the `Decimal` model gives (a test holds the two together), only sooner.

use rust_decimal::Decimal;

use super::num::{Approx, Num, take_unsure};
use super::outcomes;
use super::plan::{Formulas, Plan};
use super::run::{Run, detailed, exact_core};
use super::sites::{self, Calc, Exact, Pieces, ore4, pooled_exact};
use super::waterfall::{Core, waterfall};
use crate::scenario::Scenario;

/// The fast calculation, repaired in `Decimal` where it is unsure.
struct Fast<'p> {
    exact: Exact<'p>,
    approx: &'p Formulas<Approx>,
    alphas: Vec<Approx>,
}

impl Calc for Fast<'_> {
    fn amounts(
        &mut self,
        s: usize,
        k: usize,
        g: usize,
        t: usize,
        noise: Option<Decimal>,
        pooled: Option<bool>,
    ) -> [i128; 4] {
        take_unsure();
        let so = &self.approx.sites[s][k];
        let a = outcomes::amounts(
            &self.approx.outcomes[k],
            so,
            self.alphas[s],
            &so.segments[g],
            t,
            noise.map(Approx::of),
            pooled,
        );
        let ore = ore4(&a);
        if take_unsure() {
            self.exact.amounts(s, k, g, t, noise, pooled)
        } else {
            ore
        }
    }

    fn pooled(
        &mut self,
        k: usize,
        g: usize,
        t: usize,
        noise: &dyn Fn(usize) -> Option<Decimal>,
    ) -> bool {
        let f = self.exact.f;
        let pool = f.outcomes[..k].iter().filter(|o| o.pooled).count();
        if f.pool_weights[pool][g].is_zero() {
            return false;
        }
        take_unsure();
        let sites: Vec<(&_, Approx)> = self
            .approx
            .sites
            .iter()
            .zip(&self.alphas)
            .map(|(outcomes, alpha)| (&outcomes[k], *alpha))
            .collect();
        let approx_noise = |s: usize| noise(s).map(Approx::of);
        let pass = outcomes::pooled_test(
            &self.approx.outcomes[k],
            &sites,
            self.approx.pool_weights[pool][g],
            g,
            t,
            &approx_noise,
        );
        if take_unsure() {
            pooled_exact(f, self.exact.achievement, k, g, t, noise)
        } else {
            pass
        }
    }
}

/// A scenario prepared for many runs at different achievements: what does
/// not depend on α is worked out once.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub(crate) plan: Plan,
    approx: Formulas<Approx>,
}

impl Prepared {
    pub fn new(s: &Scenario) -> Prepared {
        let plan = Plan::new(s);
        let approx = plan.exact.approx();
        Prepared { plan, approx }
    }

    /// The run at α with every site's detail (exact, `Decimal`).
    pub fn run(&self, achievement: Decimal) -> Run {
        detailed(&self.plan, achievement, &[])
    }

    /// The contract's flows and totals at α, with measurement noise as
    /// [`super::run_with_noise`] takes it; exactly what the `Decimal` model
    /// gives, found faster. `scratch` is reused between calls.
    pub(crate) fn core_with(
        &self,
        achievement: Decimal,
        noise: &[Decimal],
        scratch: &mut Pieces,
    ) -> Core {
        let alpha = Approx::of(achievement);
        let mut calc = Fast {
            exact: Exact {
                f: &self.plan.exact,
                achievement,
            },
            approx: &self.approx,
            alphas: (0..self.plan.site_count)
                .map(|s| self.approx.alpha(s, alpha))
                .collect(),
        };
        let tests = sites::pooled_tests(&self.plan, &mut calc, noise);
        sites::pieces(&self.plan, &mut calc, noise, &tests, scratch);
        waterfall(&self.plan, &sites::payments(&self.plan, scratch, false))
    }

    /// [`Prepared::core_with`] without noise.
    pub(crate) fn core(&self, achievement: Decimal) -> Core {
        self.core_with(achievement, &[], &mut Pieces::default())
    }

    /// The same as [`Prepared::core`], in `Decimal` all the way (for tests).
    pub(crate) fn exact_core(&self, achievement: Decimal, noise: &[Decimal]) -> Core {
        exact_core(&self.plan, achievement, noise)
    }
}
