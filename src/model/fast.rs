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
use super::run::{Run, detailed};
use super::sites::{self, Calc, Exact, Pieces, pooled_exact};
use super::waterfall::{Core, waterfall};
use crate::scenario::Scenario;

/// The fast calculation, repaired in `Decimal` where it is unsure.
struct Fast<'p> {
    exact: Exact<'p>,
    approx: &'p Formulas<Approx>,
    alphas: Vec<Approx>,
    /// Whether the value side is wanted (else only payments).
    values: bool,
    /// Whether the cash part of the payer's value is wanted (budgets).
    cash: bool,
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
        let o = &self.approx.outcomes[k];
        let so = &self.approx.sites[s][k];
        let seg = &so.segments[g];
        // Each amount on its own: only an unsure one is computed again.
        take_unsure();
        let (effect, m) = outcomes::measured(o, so, self.alphas[s], seg, t, noise.map(Approx::of));
        let mut payment = outcomes::payment(o, so, seg, m, pooled).1.rounded_ore();
        let exact = |this: &Self| {
            let (o, so) = (&this.exact.f.outcomes[k], &this.exact.f.sites[s][k]);
            let seg = &so.segments[g];
            (
                o,
                so,
                seg,
                outcomes::measured(o, so, this.exact.site_alpha(s), seg, t, noise),
            )
        };
        if take_unsure() {
            let (o, so, seg, (_, m)) = exact(self);
            payment = outcomes::payment(o, so, seg, m, pooled).1.rounded_ore();
        }
        if !self.values {
            return [payment, 0, 0, 0];
        }
        let mut value = outcomes::value(o, so, seg, effect).1.rounded_ore();
        if take_unsure() {
            let (o, so, seg, (effect, _)) = exact(self);
            value = outcomes::value(o, so, seg, effect).1.rounded_ore();
        }
        let payer_value = o.payer_value_share.part_of(value);
        let cash = if self.cash {
            o.payer_cash_share.part_of(payer_value)
        } else {
            0
        };
        [payment, value, payer_value, cash]
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
    scenario: Scenario,
}

impl Prepared {
    pub fn new(s: &Scenario) -> Prepared {
        let plan = Plan::new(s);
        let approx = plan.exact.approx();
        Prepared {
            plan,
            approx,
            scenario: s.clone(),
        }
    }

    /// The run at α with every site's detail: exactly the `Decimal`
    /// model's, found faster.
    pub fn run(&self, achievement: Decimal) -> Run {
        self.run_with_noise(achievement, &[])
    }

    /// [`Prepared::run`] with measurement noise, as [`super::run_with_noise`].
    pub fn run_with_noise(&self, achievement: Decimal, noise: &[Decimal]) -> Run {
        let mut calc = self.calc(achievement, true, true);
        detailed(
            &self.scenario,
            &self.plan,
            &mut calc,
            achievement,
            noise,
            true,
        )
    }

    /// [`Prepared::run`] without each site's detail (`sites` is empty):
    /// the contract's figures, sooner when there are many sites.
    pub fn run_contract(&self, achievement: Decimal) -> Run {
        let mut calc = self.calc(achievement, true, true);
        detailed(
            &self.scenario,
            &self.plan,
            &mut calc,
            achievement,
            &[],
            false,
        )
    }

    fn calc(&self, achievement: Decimal, values: bool, cash: bool) -> Fast<'_> {
        let alpha = Approx::of(achievement);
        Fast {
            exact: Exact {
                f: &self.plan.exact,
                achievement,
            },
            approx: &self.approx,
            alphas: (0..self.plan.site_count)
                .map(|s| self.approx.alpha(s, alpha))
                .collect(),
            values,
            cash,
        }
    }

    /// The contract's flows and totals at α, with measurement noise as
    /// [`super::run_with_noise`] takes it; exactly what the `Decimal` model
    /// gives, found faster, except the cash part of the payer's value
    /// (`payer_periods[].cash_value`, for budgets), which is left at 0.
    /// `scratch` is reused between calls.
    pub(crate) fn core_with(
        &self,
        achievement: Decimal,
        noise: &[Decimal],
        scratch: &mut Pieces,
    ) -> Core {
        self.core_of(&mut self.calc(achievement, true, false), noise, scratch)
    }

    /// [`Prepared::core_with`] without noise; without `values`, only the
    /// payments and what they decide (the investor's flows and totals,
    /// the provider's, the cofunder's part): the value side is left at 0.
    pub(crate) fn core_for(
        &self,
        achievement: Decimal,
        values: bool,
        scratch: &mut Pieces,
    ) -> Core {
        self.core_of(&mut self.calc(achievement, values, false), &[], scratch)
    }

    fn core_of(&self, calc: &mut Fast, noise: &[Decimal], scratch: &mut Pieces) -> Core {
        let tests = sites::pooled_tests(&self.plan, calc, noise);
        sites::pieces(&self.plan, calc, noise, &tests, scratch);
        waterfall(&self.plan, &sites::payments(&self.plan, scratch, false))
    }

    /// The same as [`Prepared::core_with`], in `Decimal` all the way: what
    /// the fast path is held to.
    #[cfg(test)]
    pub(crate) fn exact_core(&self, achievement: Decimal, noise: &[Decimal]) -> Core {
        super::run::exact_core(&self.plan, achievement, noise)
    }
}
